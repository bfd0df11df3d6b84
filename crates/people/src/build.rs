//! Turning a cluster of names into the [`ResolvedPerson`] users see.

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};

use crate::model::{MeetingRef, Merge, ResolvedPerson, RoleSeen, Variant};
use crate::names::fold;
use crate::observe::{Observations, Slot};

/// Confidence of a short form the parser linked inside one document.
const SAME_DOCUMENT: f32 = 0.9;
/// Confidence of two spellings that differ only by accents or case.
const ACCENT: f32 = 0.95;

/// Everything seen of one spelling.
#[derive(Default)]
struct SpellingSeen {
    meetings: BTreeSet<usize>,
    listed_meetings: BTreeSet<usize>,
    slots: BTreeSet<Slot>,
    dates: BTreeSet<String>,
}

/// Everything seen of one role.
#[derive(Default)]
struct RoleAcc {
    meetings: BTreeSet<usize>,
    dates: BTreeSet<String>,
}

/// What resolution decided about a cluster, as [`build_person`] needs it:
/// the merges that joined its names and the name an alias asks to show.
/// (The resolver owns the cluster state; this module only reads these.)
pub(crate) struct ClusterOutcome<'a> {
    /// The merges across documents that joined the cluster.
    pub merges: &'a [Merge],
    /// The name `aliases.toml` asks to show, if any.
    pub pinned_name: Option<&'a str>,
}

/// The person a cluster of names (`members`, node indices) stands for.
pub(crate) fn build_person(
    seen: &Observations,
    members: &[usize],
    outcome: ClusterOutcome<'_>,
) -> ResolvedPerson {
    let municipality = members
        .first()
        .and_then(|&n| seen.groups.get(seen.nodes[n].group))
        .and_then(|g| g.municipality.clone());

    let mut spellings: BTreeMap<String, SpellingSeen> = BTreeMap::new();
    let mut by_slot: BTreeMap<Slot, BTreeMap<usize, BTreeSet<String>>> = BTreeMap::new();
    let mut appearances: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut mentions_per_doc: BTreeMap<usize, u32> = BTreeMap::new();
    let mut roles: BTreeMap<String, RoleAcc> = BTreeMap::new();
    // Folded body → the body as first written.
    let mut bodies: BTreeMap<String, String> = BTreeMap::new();
    let mut merges: Vec<Merge> = Vec::new();

    for &n in members {
        let node = &seen.nodes[n];
        let node_main = node.sightings.first().map(|s| s.main.clone());
        for sighting in &node.sightings {
            let doc = &seen.docs[sighting.doc];
            let meeting = doc.meeting;
            appearances
                .entry(meeting)
                .or_default()
                .insert(doc.id.clone());
            let count = mentions_per_doc.entry(sighting.doc).or_default();
            *count = count.saturating_add(sighting.mentions);
            if let Some(body) = &doc.body {
                bodies.entry(fold(body)).or_insert_with(|| body.clone());
            }
            for (name, slots) in &sighting.spellings {
                let entry = spellings.entry(name.clone()).or_default();
                entry.meetings.insert(meeting);
                if slots.iter().any(|s| s.is_list()) {
                    entry.listed_meetings.insert(meeting);
                }
                entry.slots.extend(slots.iter().copied());
                entry.dates.extend(doc.date.iter().cloned());
                for slot in slots.iter().filter(|s| s.is_list()) {
                    by_slot
                        .entry(*slot)
                        .or_default()
                        .entry(meeting)
                        .or_default()
                        .insert(doc.id.clone());
                }
                if *name != sighting.main {
                    merges.push(within_document(name, &sighting.main));
                }
            }
            if let Some(first) = node_main.as_ref().filter(|m| **m != sighting.main) {
                merges.push(within_document(&sighting.main, first));
            }
            for role in &sighting.roles {
                let acc = roles.entry(role.clone()).or_default();
                acc.meetings.insert(meeting);
                acc.dates.extend(doc.date.iter().cloned());
            }
        }
    }
    merges.extend(outcome.merges.iter().cloned());
    let mut seen_merges = BTreeSet::new();
    merges.retain(|m| seen_merges.insert((m.from.clone(), m.into.clone(), m.rule.clone())));

    // Renditions of one meeting count once: the most mentions any of them has.
    let mut mentions_per_meeting: BTreeMap<usize, u32> = BTreeMap::new();
    for (doc, count) in &mentions_per_doc {
        let m = mentions_per_meeting
            .entry(seen.docs[*doc].meeting)
            .or_default();
        *m = (*m).max(*count);
    }
    let mentions = mentions_per_meeting
        .values()
        .fold(0u32, |a, b| a.saturating_add(*b));

    let name = outcome
        .pinned_name
        .map(str::to_string)
        .or_else(|| best_spelling(&spellings))
        .unwrap_or_default();
    let refs = |meetings: &BTreeMap<usize, BTreeSet<String>>| -> Vec<MeetingRef> {
        let mut out: Vec<MeetingRef> = meetings
            .iter()
            .map(|(m, docs)| {
                let info = &seen.meetings[*m];
                MeetingRef {
                    date: info.date.clone(),
                    body: info.body.clone(),
                    doc_type: info.doc_type.to_string(),
                    doc_ids: docs.iter().cloned().collect(),
                }
            })
            .collect();
        out.sort();
        out
    };
    let slot = |s: Slot| by_slot.get(&s).map(&refs).unwrap_or_default();
    let mut variants: Vec<Variant> = spellings
        .iter()
        .map(|(name, s)| Variant {
            name: name.clone(),
            meetings: count(s.meetings.len()),
            sources: s.slots.iter().map(|x| x.as_str().to_string()).collect(),
            first_seen: s.dates.first().cloned(),
            last_seen: s.dates.last().cloned(),
        })
        .collect();
    variants.sort_by(|a, b| {
        b.meetings
            .cmp(&a.meetings)
            .then_with(|| a.name.cmp(&b.name))
    });
    let all_dates: BTreeSet<&String> = spellings.values().flat_map(|s| &s.dates).collect();
    let mut doc_ids: Vec<String> = appearances.values().flatten().cloned().collect();
    doc_ids.sort();
    doc_ids.dedup();
    let mut bodies: Vec<String> = bodies.into_values().collect();
    bodies.sort();
    let confidence = merges.iter().map(|m| m.confidence).fold(1.0f32, f32::min);

    ResolvedPerson {
        id: person_id(municipality.as_deref(), &name, &doc_ids),
        municipality,
        name,
        confidence,
        variants,
        merges,
        roles: roles
            .into_iter()
            .map(|(role, acc)| RoleSeen {
                role,
                meetings: count(acc.meetings.len()),
                first_seen: acc.dates.first().cloned(),
                last_seen: acc.dates.last().cloned(),
            })
            .collect(),
        bodies,
        attended: slot(Slot::Attendees),
        absent: slot(Slot::Absent),
        absent_without_notice: slot(Slot::AbsentWithoutNotice),
        guest: slot(Slot::Guests),
        minutes_taken: slot(Slot::MinuteTaker),
        authored: slot(Slot::Author),
        appearances: refs(&appearances),
        mentions,
        first_seen: all_dates.first().map(|d| (*d).clone()),
        last_seen: all_dates.last().map(|d| (*d).clone()),
        doc_ids,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A spelling the parser linked to `into` inside one document, or an accent
/// variant of it.
fn within_document(from: &str, into: &str) -> Merge {
    let (rule, reason, confidence) = if fold(from) == fold(into) {
        (
            "accent",
            format!("the same name but for accents or case ({from} / {into})"),
            ACCENT,
        )
    } else {
        (
            "same_document",
            format!("short form linked to the full name within one document ({from} → {into})"),
            SAME_DOCUMENT,
        )
    };
    Merge {
        from: from.to_string(),
        into: into.to_string(),
        rule: rule.to_string(),
        reason,
        confidence,
        source: "rule".to_string(),
    }
}

/// The name to show: the most words, then listed in the most meetings,
/// then seen in the most, then the one with accents ("René" over "Rene"),
/// then alphabetical.
fn best_spelling(spellings: &BTreeMap<String, SpellingSeen>) -> Option<String> {
    spellings
        .iter()
        .max_by(|(a, sa), (b, sb)| {
            let key = |name: &str, s: &SpellingSeen| {
                (
                    name.split_whitespace().count(),
                    s.listed_meetings.len(),
                    s.meetings.len(),
                    name.chars().filter(|c| !c.is_ascii()).count(),
                )
            };
            key(a, sa).cmp(&key(b, sb)).then_with(|| b.cmp(a))
        })
        .map(|(name, _)| name.clone())
}

/// First 16 hex digits of SHA-256 over the folded municipality and name (and,
/// for a person of a record without municipality, the record).
fn person_id(municipality: Option<&str>, name: &str, doc_ids: &[String]) -> String {
    let mut hasher = Sha256::new();
    match municipality {
        Some(m) => hasher.update(fold(m).as_bytes()),
        None => hasher.update(doc_ids.join(",").as_bytes()),
    }
    hasher.update(b"\n");
    hasher.update(fold(name).as_bytes());
    hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}
