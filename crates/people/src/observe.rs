//! What one record says about people, kept small: who is named, under which
//! spellings, in which lists, how often and in which roles. The record itself
//! (its text) is not kept, so resolution streams over any number of records.

use std::collections::{BTreeSet, HashMap};

use referat_schema::{Person, Record};

use crate::names::{fold, words};

/// Where a spelling is written in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Slot {
    Attendees,
    Absent,
    AbsentWithoutNotice,
    Guests,
    MinuteTaker,
    Author,
    Text,
}

impl Slot {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Slot::Attendees => "attendees",
            Slot::Absent => "absent",
            Slot::AbsentWithoutNotice => "absent_without_notice",
            Slot::Guests => "guests",
            Slot::MinuteTaker => "minute_taker",
            Slot::Author => "author",
            Slot::Text => "text",
        }
    }

    /// A header list: two different names in the lists of one record are two
    /// different people.
    pub(crate) fn is_list(self) -> bool {
        self != Slot::Text
    }
}

/// Role words the parser uses for list membership; they are shown as
/// `attended` / `absent`, not as roles.
const ATTENDANCE: &[&str] = &["deltager", "afbud", "u/afbud"];

/// A record's facts that resolution needs.
#[derive(Debug, Clone)]
pub(crate) struct DocInfo {
    pub id: String,
    pub body: Option<String>,
    pub date: Option<String>,
    pub meeting: usize,
}

/// A meeting: the renditions of one municipality's body's document of one date.
#[derive(Debug, Clone)]
pub(crate) struct MeetingInfo {
    pub date: Option<String>,
    pub body: Option<String>,
    pub doc_type: &'static str,
}

/// A municipality (or, for a record that names none, that record alone).
#[derive(Debug, Clone)]
pub(crate) struct GroupInfo {
    pub municipality: Option<String>,
}

/// One name in one record.
#[derive(Debug, Clone)]
pub(crate) struct Sighting {
    pub doc: usize,
    /// The record's name for the person, as written.
    pub main: String,
    /// Every spelling in the record (the main name first) and where it stands.
    pub spellings: Vec<(String, BTreeSet<Slot>)>,
    pub mentions: u32,
    pub roles: Vec<String>,
}

/// A name (folded) in one municipality, with everywhere it is seen.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub group: usize,
    pub folded: String,
    pub words: Vec<String>,
    pub sightings: Vec<Sighting>,
    /// Records whose header lists name it.
    pub listed_docs: BTreeSet<usize>,
}

/// All observations so far.
#[derive(Debug, Default)]
pub(crate) struct Observations {
    pub docs: Vec<DocInfo>,
    pub meetings: Vec<MeetingInfo>,
    meeting_index: HashMap<String, usize>,
    pub groups: Vec<GroupInfo>,
    group_index: HashMap<String, usize>,
    pub nodes: Vec<Node>,
    node_index: HashMap<(usize, String), usize>,
}

/// At most this many words in a name; longer "names" are extraction errors.
const MAX_NAME_WORDS: usize = 8;

impl Observations {
    /// Takes what `record` says about people.
    pub fn add(&mut self, record: &Record) {
        let group = self.group(record);
        let meeting = self.meeting(group, record);
        let doc = self.docs.len();
        self.docs.push(DocInfo {
            id: record.id.clone(),
            body: record.body.clone().filter(|b| !b.trim().is_empty()),
            date: record.date.clone(),
            meeting,
        });

        let lists = header_lists(record);
        let listed_folded: Vec<String> = lists.iter().map(|(_, p)| fold(&p.name)).collect();
        let mut consumed = vec![false; lists.len()];
        for summary in &record.persons {
            let mut spellings: Vec<(String, BTreeSet<Slot>)> = Vec::new();
            let mut roles: Vec<String> = Vec::new();
            for name in std::iter::once(&summary.name).chain(&summary.variants) {
                let name = name.trim();
                let folded = fold(name);
                if folded.is_empty() || spellings.iter().any(|(s, _)| s == name) {
                    continue;
                }
                let mut slots = BTreeSet::new();
                for (i, (slot, person)) in lists.iter().enumerate() {
                    if listed_folded[i] == folded {
                        slots.insert(*slot);
                        consumed[i] = true;
                        push_role(&mut roles, person.role.as_deref());
                    }
                }
                if slots.is_empty() {
                    slots.insert(Slot::Text);
                }
                spellings.push((name.to_string(), slots));
            }
            for role in &summary.roles {
                push_role(&mut roles, Some(role));
            }
            self.sight(group, doc, spellings, summary.mentions.max(1), roles);
        }
        // A listed name the persons list lacks (a parser that fills no
        // persons list) still counts.
        for (i, (slot, person)) in lists.iter().enumerate() {
            if consumed[i] {
                continue;
            }
            let mut roles = Vec::new();
            push_role(&mut roles, person.role.as_deref());
            let spellings = vec![(person.name.trim().to_string(), BTreeSet::from([*slot]))];
            self.sight(group, doc, spellings, 1, roles);
        }
    }

    fn sight(
        &mut self,
        group: usize,
        doc: usize,
        spellings: Vec<(String, BTreeSet<Slot>)>,
        mentions: u32,
        roles: Vec<String>,
    ) {
        let Some((main, _)) = spellings.first() else {
            return;
        };
        let main = main.clone();
        let folded = fold(&main);
        let name_words = words(&main);
        if folded.is_empty() || name_words.len() > MAX_NAME_WORDS {
            return;
        }
        let listed = spellings
            .iter()
            .any(|(_, slots)| slots.iter().any(|s| s.is_list()));
        let next = self.nodes.len();
        let node = *self
            .node_index
            .entry((group, folded.clone()))
            .or_insert(next);
        if node == next {
            self.nodes.push(Node {
                group,
                folded,
                words: name_words,
                sightings: Vec::new(),
                listed_docs: BTreeSet::new(),
            });
        }
        let n = &mut self.nodes[node];
        if listed {
            n.listed_docs.insert(doc);
        }
        n.sightings.push(Sighting {
            doc,
            main,
            spellings,
            mentions,
            roles,
        });
    }

    fn group(&mut self, record: &Record) -> usize {
        let municipality = record
            .municipality
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty());
        // Without a municipality a record's people stay its own.
        let key = match municipality {
            Some(m) => fold(m),
            None => format!("\u{0}{}", record.id),
        };
        let next = self.groups.len();
        let g = *self.group_index.entry(key).or_insert(next);
        if g == next {
            self.groups.push(GroupInfo {
                municipality: municipality.map(str::to_string),
            });
        }
        g
    }

    fn meeting(&mut self, group: usize, record: &Record) -> usize {
        let body = record.body.as_deref().map(fold).unwrap_or_default();
        let key = match &record.date {
            Some(date) => format!(
                "{group}\u{1}{date}\u{1}{body}\u{1}{}",
                record.doc_type.as_str()
            ),
            None => format!("{group}\u{0}{}", record.id),
        };
        let next = self.meetings.len();
        let m = *self.meeting_index.entry(key).or_insert(next);
        if m == next {
            self.meetings.push(MeetingInfo {
                date: record.date.clone(),
                body: record.body.clone().filter(|b| !b.trim().is_empty()),
                doc_type: record.doc_type.as_str(),
            });
        }
        m
    }

    /// Nodes of each group, in the order first seen.
    pub fn nodes_by_group(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.groups.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            out[n.group].push(i);
        }
        out
    }
}

fn header_lists(record: &Record) -> Vec<(Slot, &Person)> {
    let mut out: Vec<(Slot, &Person)> = Vec::new();
    for (slot, list) in [
        (Slot::Attendees, &record.attendees),
        (Slot::Absent, &record.absent),
        (Slot::AbsentWithoutNotice, &record.absent_without_notice),
        (Slot::Guests, &record.guests),
    ] {
        out.extend(list.iter().map(|p| (slot, p)));
    }
    if let Some(p) = &record.minute_taker {
        out.push((Slot::MinuteTaker, p));
    }
    if let Some(p) = &record.author {
        out.push((Slot::Author, p));
    }
    out.retain(|(_, p)| !fold(&p.name).is_empty());
    out
}

fn push_role(roles: &mut Vec<String>, role: Option<&str>) {
    let Some(role) = role else { return };
    let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
    let role = role.to_lowercase();
    if !role.is_empty() && !ATTENDANCE.contains(&role.as_str()) && !roles.contains(&role) {
        roles.push(role);
    }
}
