//! Merging the names of one municipality into persons: the aliases file
//! first, then full-name spelling variants, then short forms.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use referat_schema::Record;

use crate::aliases::{AliasGroup, Aliases, ALIASES_FILE};
use crate::build::{build_person, ClusterOutcome};
use crate::model::{Merge, Resolution};
use crate::names::{fold, full_name_variant, short_form, FullNameVariant, ShortForm};
use crate::observe::Observations;

/// Largest group of names compared pairwise (names sharing a first name, or
/// a surname); beyond it the pairs are skipped with a warning, so that no
/// archive makes resolution quadratic without bound.
const MAX_BUCKET: usize = 5_000;

/// Resolves people while records stream past: [`Resolver::add`] each record,
/// then [`Resolver::finish`].
///
/// ```
/// use referat_people::{Aliases, Resolver};
/// use referat_schema::{Format, Person, Record, Source};
///
/// let record = |sha: &str, date: &str, attendee: &str| {
///     let mut r = Record::empty(Source {
///         path: format!("{date}.pdf"),
///         format: Format::Pdf,
///         sha256: sha.repeat(64),
///         bytes: 1,
///         pages: None,
///         producer: None,
///         ocr: None,
///         links: Vec::new(),
///     });
///     r.municipality = Some("Albertslund".into());
///     r.body = Some("Udsatterådet".into());
///     r.date = Some(date.into());
///     r.attendees.push(Person::named(attendee));
///     r
/// };
/// let mut resolver = Resolver::new(Aliases::none());
/// resolver.add(&record("a", "2019-04-01", "René Meyrowitsch"));
/// resolver.add(&record("b", "2021-10-14", "Rene"));
/// let people = resolver.finish().persons;
/// assert_eq!(people.len(), 1);
/// assert_eq!(people[0].name, "René Meyrowitsch");
/// assert_eq!(people[0].attended.len(), 2);
/// ```
#[derive(Debug)]
pub struct Resolver {
    aliases: Aliases,
    seen: Observations,
}

/// Resolves the people of `records` in one go; see [`Resolver`].
pub fn resolve<'r>(records: impl IntoIterator<Item = &'r Record>, aliases: &Aliases) -> Resolution {
    let mut resolver = Resolver::new(aliases.clone());
    for record in records {
        resolver.add(record);
    }
    resolver.finish()
}

impl Resolver {
    /// A resolver applying `aliases`.
    pub fn new(aliases: Aliases) -> Resolver {
        Resolver {
            aliases,
            seen: Observations::default(),
        }
    }

    /// Takes what one record says about people (the record is not kept).
    pub fn add(&mut self, record: &Record) {
        self.seen.add(record);
    }

    /// Merges and lists the persons, by municipality and name.
    pub fn finish(self) -> Resolution {
        let mut warnings = Vec::new();
        let mut clusters = Clusters::new(&self.seen);
        let groups = self.seen.nodes_by_group();
        let mut matched_aliases: BTreeSet<String> = BTreeSet::new();
        for (g, nodes) in groups.iter().enumerate() {
            let ctx = GroupContext {
                seen: &self.seen,
                aliases: &self.aliases,
                municipality: self.seen.groups[g].municipality.as_deref(),
                nodes,
            };
            ctx.pin_aliases(&mut clusters, &mut matched_aliases);
            ctx.merge_full_names(&mut clusters, &mut warnings);
            ctx.merge_short_forms(&mut clusters);
        }
        for group in &self.aliases.same {
            for name in &group.names {
                if !matched_aliases.contains(&fold(name)) {
                    warnings.push(format!(
                        "{ALIASES_FILE}: nobody is called {name:?}{}",
                        group
                            .municipality
                            .as_deref()
                            .map(|m| format!(" in {m}"))
                            .unwrap_or_default()
                    ));
                }
            }
        }
        let mut persons: Vec<_> = clusters
            .members_by_root()
            .into_iter()
            .map(|(root, members)| {
                let state = clusters.state(root);
                let outcome = ClusterOutcome {
                    merges: &state.merges,
                    pinned_name: state.pinned_name.as_deref(),
                };
                build_person(&self.seen, &members, outcome)
            })
            .collect();
        persons.sort_by_cached_key(|p| {
            (
                p.municipality.as_deref().map(fold),
                fold(&p.name),
                p.id.clone(),
            )
        });
        Resolution { persons, warnings }
    }
}

/// What a cluster of names knows about itself.
#[derive(Debug, Clone, Default)]
struct ClusterState {
    /// Records whose header lists name a member.
    listed: BTreeSet<usize>,
    /// Records any member appears in.
    docs: BTreeSet<usize>,
    /// Bodies (folded) the members appear in.
    bodies: BTreeSet<String>,
    /// Roles (not attendance) the members have.
    roles: BTreeSet<String>,
    /// Every spelling of the members, folded.
    names: BTreeSet<String>,
    /// Earliest and latest date.
    span: Option<(String, String)>,
    /// Merges so far.
    merges: Vec<Merge>,
    /// The name an alias asks to show.
    pinned_name: Option<String>,
}

impl ClusterState {
    fn absorb(&mut self, other: ClusterState) {
        self.listed.extend(other.listed);
        self.docs.extend(other.docs);
        self.bodies.extend(other.bodies);
        self.roles.extend(other.roles);
        self.names.extend(other.names);
        self.span = match (self.span.take(), other.span) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
        self.merges.extend(other.merges);
        if self.pinned_name.is_none() {
            self.pinned_name = other.pinned_name;
        }
    }
}

/// Union-find over all names, with each root's [`ClusterState`].
struct Clusters {
    parent: Vec<usize>,
    states: Vec<ClusterState>,
}

impl Clusters {
    fn new(seen: &Observations) -> Clusters {
        let states = seen
            .nodes
            .iter()
            .map(|n| {
                let mut s = ClusterState {
                    listed: n.listed_docs.clone(),
                    ..ClusterState::default()
                };
                for sighting in &n.sightings {
                    s.docs.insert(sighting.doc);
                    let doc = &seen.docs[sighting.doc];
                    if let Some(b) = &doc.body {
                        s.bodies.insert(fold(b));
                    }
                    if let Some(d) = &doc.date {
                        s.span = Some(match s.span.take() {
                            Some((a, b)) => (a.min(d.clone()), b.max(d.clone())),
                            None => (d.clone(), d.clone()),
                        });
                    }
                    s.roles.extend(sighting.roles.iter().cloned());
                    s.names
                        .extend(sighting.spellings.iter().map(|(name, _)| fold(name)));
                }
                s
            })
            .collect();
        Clusters {
            parent: (0..seen.nodes.len()).collect(),
            states,
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn state(&self, root: usize) -> &ClusterState {
        &self.states[root]
    }

    /// Every cluster's root with its members, in one pass.
    fn members_by_root(&mut self) -> BTreeMap<usize, Vec<usize>> {
        let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.parent.len() {
            let root = self.find(i);
            out.entry(root).or_default().push(i);
        }
        out
    }

    /// Joins the clusters of `a` and `b`, recording `merge`. Returns false
    /// when they are one already.
    fn join(&mut self, a: usize, b: usize, merge: Merge) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let taken = std::mem::take(&mut self.states[rb]);
        self.states[ra].absorb(taken);
        self.states[ra].merges.push(merge);
        self.parent[rb] = ra;
        true
    }
}

/// One municipality's names and the rules that merge them.
struct GroupContext<'a> {
    seen: &'a Observations,
    aliases: &'a Aliases,
    municipality: Option<&'a str>,
    nodes: &'a [usize],
}

/// The spelling shown for a name in reasons: its first sighting's.
fn shown(seen: &Observations, node: usize) -> &str {
    seen.nodes[node]
        .sightings
        .first()
        .map(|s| s.main.as_str())
        .unwrap_or_default()
}

fn rule_merge(from: &str, into: &str, rule: &str, reason: String, confidence: f32) -> Merge {
    Merge {
        from: from.to_string(),
        into: into.to_string(),
        rule: rule.to_string(),
        reason,
        confidence: (confidence.clamp(0.0, 0.99) * 100.0).round() / 100.0,
        source: "rule".to_string(),
    }
}

impl GroupContext<'_> {
    /// Whether two clusters must stay apart: two different names in the
    /// header lists of one record, or an aliases `[[different]]` entry.
    fn kept_apart(&self, a: &ClusterState, b: &ClusterState) -> bool {
        if a.listed.intersection(&b.listed).next().is_some() {
            return true;
        }
        self.aliases
            .different
            .iter()
            .filter(|g| g.applies_in(self.municipality))
            .any(|g| touches(g, &a.names) && touches(g, &b.names))
    }

    /// Raises or lowers a rule's confidence by what the two clusters share.
    fn adjust(&self, base: f32, a: &ClusterState, b: &ClusterState) -> (f32, String) {
        let mut confidence = base;
        let mut notes = Vec::new();
        if a.bodies.intersection(&b.bodies).next().is_some() {
            confidence += 0.05;
            notes.push("same body");
        } else if !a.bodies.is_empty() && !b.bodies.is_empty() {
            confidence -= 0.15;
            notes.push("different bodies");
        }
        if a.roles.intersection(&b.roles).next().is_some() {
            confidence += 0.05;
            notes.push("shared role");
        }
        if let (Some((a0, a1)), Some((b0, b1))) = (&a.span, &b.span) {
            if years_apart(a0, a1, b0, b1) <= 4 {
                confidence += 0.02;
                notes.push("same period");
            }
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!("; {}", notes.join(", "))
        };
        (confidence, notes)
    }

    /// `[[same]]` entries: joined whatever the rules say.
    fn pin_aliases(&self, clusters: &mut Clusters, matched: &mut BTreeSet<String>) {
        for group in self
            .aliases
            .same
            .iter()
            .filter(|g| g.applies_in(self.municipality))
        {
            let hits: Vec<usize> = self
                .nodes
                .iter()
                .copied()
                .filter(|&n| {
                    let names = &clusters.states[n].names;
                    let own = &self.seen.nodes[n].folded;
                    group
                        .names
                        .iter()
                        .any(|g| names.contains(&fold(g)) || *own == fold(g))
                })
                .collect();
            for &n in &hits {
                for name in &group.names {
                    let f = fold(name);
                    if self.seen.nodes[n].folded == f
                        || self.seen.nodes[n]
                            .sightings
                            .iter()
                            .any(|s| s.spellings.iter().any(|(sp, _)| fold(sp) == f))
                    {
                        matched.insert(f);
                    }
                }
            }
            // The merges read "short → full": the shown name (or the
            // fullest) first.
            let mut hits = hits;
            let wanted = group.name.as_deref().map(fold);
            hits.sort_by_key(|&n| {
                let node = &self.seen.nodes[n];
                (
                    Some(&node.folded) != wanted.as_ref(),
                    std::cmp::Reverse(node.words.len()),
                    node.folded.clone(),
                )
            });
            let Some((&first, rest)) = hits.split_first() else {
                continue;
            };
            for &other in rest {
                let merge = Merge {
                    from: shown(self.seen, other).to_string(),
                    into: shown(self.seen, first).to_string(),
                    rule: "aliases".into(),
                    reason: format!("pinned by {ALIASES_FILE}"),
                    confidence: 1.0,
                    source: ALIASES_FILE.into(),
                };
                clusters.join(first, other, merge);
            }
            if let Some(name) = &group.name {
                let root = clusters.find(first);
                clusters.states[root].pinned_name = Some(name.clone());
            }
        }
    }

    /// Full names that are spellings of one another.
    fn merge_full_names(&self, clusters: &mut Clusters, warnings: &mut Vec<String>) {
        let full: Vec<usize> = self
            .nodes
            .iter()
            .copied()
            .filter(|&n| self.seen.nodes[n].words.len() >= 2)
            .collect();
        // Pairs that can be variants share the first name (surname slip,
        // middle name left out) or everything after it (first-name slip).
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_rest: HashMap<String, Vec<usize>> = HashMap::new();
        for &n in &full {
            let w = &self.seen.nodes[n].words;
            if let Some((first, rest)) = w.split_first() {
                by_first.entry(first.as_str()).or_default().push(n);
                by_rest.entry(rest.join(" ")).or_default().push(n);
            }
        }
        let mut candidates: Vec<(f32, usize, usize, FullNameVariant)> = Vec::new();
        for bucket in by_first.values().chain(by_rest.values()) {
            if bucket.len() > MAX_BUCKET {
                warnings.push(format!(
                    "{} names share a first name or surname in {}: not compared for spelling variants",
                    bucket.len(),
                    self.municipality.unwrap_or("one document")
                ));
                continue;
            }
            for (i, &a) in bucket.iter().enumerate() {
                for &b in &bucket[i + 1..] {
                    let (wa, wb) = (&self.seen.nodes[a].words, &self.seen.nodes[b].words);
                    if let Some(v) = full_name_variant(wa, wb) {
                        let base = match v {
                            FullNameVariant::Surname { edits: 1 } => 0.9,
                            FullNameVariant::Surname { .. } => 0.8,
                            FullNameVariant::FirstName { edits: 1 } => 0.8,
                            FullNameVariant::FirstName { .. } => 0.7,
                            FullNameVariant::MiddleOmitted => 0.75,
                        };
                        candidates.push((base, a, b, v));
                    }
                }
            }
        }
        // Surest first; ties in a fixed order so runs agree.
        candidates.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| {
                    self.seen.nodes[x.1]
                        .folded
                        .cmp(&self.seen.nodes[y.1].folded)
                })
                .then_with(|| {
                    self.seen.nodes[x.2]
                        .folded
                        .cmp(&self.seen.nodes[y.2].folded)
                })
        });
        candidates.dedup_by_key(|c| (c.1, c.2));
        for (base, a, b, variant) in candidates {
            let (ra, rb) = (clusters.find(a), clusters.find(b));
            if ra == rb || self.kept_apart(&clusters.states[ra], &clusters.states[rb]) {
                continue;
            }
            let (confidence, notes) = self.adjust(base, &clusters.states[ra], &clusters.states[rb]);
            let (na, nb) = (shown(self.seen, a), shown(self.seen, b));
            let (rule, what) = match variant {
                FullNameVariant::Surname { edits } => (
                    "surname_spelling",
                    format!("same first name, a later name {edits} edit(s) apart"),
                ),
                FullNameVariant::FirstName { edits } => (
                    "first_name_spelling",
                    format!(
                        "first name {edits} edit(s) apart (not two known given names), same rest"
                    ),
                ),
                FullNameVariant::MiddleOmitted => (
                    "middle_name_omitted",
                    "same first and last name, a middle name left out".to_string(),
                ),
            };
            let merge = rule_merge(
                nb,
                na,
                rule,
                format!("{what} ({na} / {nb}){notes}"),
                confidence,
            );
            clusters.join(a, b, merge);
        }
    }

    /// Short forms ("Rene", "Helge Bo") into the one full name they can mean:
    /// first among the names of the same records, then among the names of
    /// the same body in the municipality. Two or more candidates: no merge.
    fn merge_short_forms(&self, clusters: &mut Clusters) {
        let mut shorts: Vec<usize> = self.nodes.to_vec();
        // Longer short forms first: "Helge Bo" joins "Helge Bo Jensen" before
        // "Helge" looks for its candidates.
        shorts.sort_by(|&a, &b| {
            let (na, nb) = (&self.seen.nodes[a], &self.seen.nodes[b]);
            nb.words
                .len()
                .cmp(&na.words.len())
                .then_with(|| na.folded.cmp(&nb.folded))
        });
        // Candidates share the first name, or (misspelt) nearly: look them
        // up by first name rather than comparing every pair of names.
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
        for &n in self.nodes {
            if let Some(first) = self.seen.nodes[n].words.first() {
                by_first.entry(first.as_str()).or_default().push(n);
            }
        }
        for s in shorts {
            self.merge_short_form(clusters, s, &by_first);
        }
    }

    fn merge_short_form(
        &self,
        clusters: &mut Clusters,
        s: usize,
        by_first: &HashMap<&str, Vec<usize>>,
    ) {
        let short = &self.seen.nodes[s];
        let Some(first) = short.words.first() else {
            return;
        };
        for kind in [ShortForm::Leading, ShortForm::MisspeltLeading] {
            let pool: Vec<usize> = match kind {
                ShortForm::Leading => by_first.get(first.as_str()).cloned().unwrap_or_default(),
                // Only a first name with more words can be misspelt (see
                // `short_form`); the pool is the first names one edit away.
                ShortForm::MisspeltLeading if short.words.len() >= 2 => by_first
                    .iter()
                    .filter(|(k, _)| crate::distance::is_misspelling(k, first) == Some(1))
                    .flat_map(|(_, v)| v.iter().copied())
                    .collect(),
                ShortForm::MisspeltLeading => Vec::new(),
            };
            let longs: Vec<usize> = pool
                .into_iter()
                .filter(|&l| {
                    l != s && short_form(&short.words, &self.seen.nodes[l].words) == Some(kind)
                })
                .collect();
            if longs.is_empty() {
                continue;
            }
            let rs = clusters.find(s);
            let mut roots: Vec<(usize, usize)> = Vec::new(); // (root, a long node)
            for &l in &longs {
                let r = clusters.find(l);
                if r != rs && !roots.iter().any(|(x, _)| *x == r) {
                    roots.push((r, l));
                }
            }
            if roots.is_empty() {
                // Already joined to what it can mean.
                return;
            }
            let state_s = clusters.states[rs].clone();
            // The same records first: there the short form can only mean a
            // name written beside it.
            let in_docs: Vec<(usize, usize)> = roots
                .iter()
                .copied()
                .filter(|(r, _)| {
                    clusters.states[*r]
                        .docs
                        .intersection(&state_s.docs)
                        .next()
                        .is_some()
                })
                .collect();
            let (chosen, scope, base) = match in_docs.as_slice() {
                [one] => (*one, "in the same document", 0.85),
                [] => {
                    let in_body: Vec<(usize, usize)> = roots
                        .iter()
                        .copied()
                        .filter(|(r, _)| {
                            state_s.bodies.is_empty()
                                || clusters.states[*r]
                                    .bodies
                                    .intersection(&state_s.bodies)
                                    .next()
                                    .is_some()
                        })
                        .collect();
                    match in_body.as_slice() {
                        [one] => (
                            *one,
                            "the only such name in the same body and municipality",
                            0.7,
                        ),
                        [] => continue,
                        _ => return,
                    }
                }
                _ => return,
            };
            let (root, long) = chosen;
            if self.kept_apart(&state_s, &clusters.states[root]) {
                return;
            }
            let (base, rule, what) = match kind {
                ShortForm::Leading => (base, "short_form", "short form"),
                ShortForm::MisspeltLeading => (
                    base - 0.15,
                    "short_form_spelling",
                    "short form with the first name one edit off",
                ),
            };
            let (confidence, notes) = self.adjust(base, &state_s, &clusters.states[root]);
            let (ns, nl) = (shown(self.seen, s), shown(self.seen, long));
            let merge = rule_merge(
                ns,
                nl,
                rule,
                format!("{what} ({ns} → {nl}), {scope}{notes}"),
                confidence,
            );
            clusters.join(root, s, merge);
            return;
        }
    }
}

/// Whether an alias group names one of `names` (folded).
fn touches(group: &AliasGroup, names: &BTreeSet<String>) -> bool {
    group.names.iter().any(|n| names.contains(&fold(n)))
}

/// Years between two date spans (0 when they overlap).
fn years_apart(a0: &str, a1: &str, b0: &str, b1: &str) -> i32 {
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
    if year(a1) < year(b0) {
        year(b0) - year(a1)
    } else if year(b1) < year(a0) {
        year(a0) - year(b1)
    } else {
        0
    }
}
