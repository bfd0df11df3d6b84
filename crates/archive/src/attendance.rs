//! Attendance: who attended which meeting, who was absent, who chaired and
//! who took the minutes, as read from each meeting's records in the index,
//! with persons resolved across spellings (as `referat-people` does) and
//! the names as written kept.
//!
//! Rules, as a reader of Danish minutes states them:
//! - a meeting's presence lists are read from its minutes (referat) when
//!   it has minutes with lists, else from its other records with lists (an
//!   agenda's list of members says who was called, and is the best there
//!   is); renditions of one text give the same lists once;
//! - a name under "Deltagere"/"Til stede" attended, under "Afbud" or
//!   "Fraværende" was absent, under "U/afbud" was absent without notice; a
//!   person on more than one list of one meeting keeps the first of
//!   attended, absent without notice, absent (a member who came late is
//!   often also in the apologies);
//! - the chair is the attendee whose role says so ("formand",
//!   "borgmester", …); the minute taker ("Referent") was at the meeting;
//! - a person on the lists of some meeting of a body, and on no list of
//!   another meeting of the same body and municipality, is "unknown" there.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use referat_indexer::roles::is_chair_role;
use referat_indexer::Query;
use referat_people::names::fold;
use referat_schema::{DocType, Record};
use serde::Serialize;

use crate::persons::NamedPerson;
use crate::{Archive, ArchiveError};

/// A person's presence at one meeting, as its lists give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// On the list of those present (Deltagere, Til stede), or the minute
    /// taker.
    Attended,
    /// On the list of the absent (Afbud, Fraværende): usually with notice.
    Absent,
    /// Absent without notice (U/afbud).
    AbsentWithoutNotice,
    /// On no list of this meeting, though on the lists of another meeting
    /// of the same body.
    Unknown,
}

impl Presence {
    /// The name used in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Presence::Attended => "attended",
            Presence::Absent => "absent",
            Presence::AbsentWithoutNotice => "absent_without_notice",
            Presence::Unknown => "unknown",
        }
    }
}

/// One person at one meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttendanceRow {
    /// The resolved person's id (for a name the resolution does not know,
    /// `name:` and the folded name).
    pub person_id: String,
    /// The resolved person's name.
    pub person: String,
    /// The name as this meeting's records write it (`None` for unknown).
    pub name_as_written: Option<String>,
    /// The role written beside the name, if any ("formand (A)").
    pub role: Option<String>,
    /// Municipality of the meeting.
    pub municipality: Option<String>,
    /// Council or committee.
    pub body: Option<String>,
    /// The meeting (a record id for a record without a meeting).
    pub meeting_id: String,
    /// Meeting date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Present, absent, absent without notice, or unknown.
    pub presence: Presence,
    /// Chaired the meeting.
    pub chair: bool,
    /// Took the minutes.
    pub minute_taker: bool,
    /// The records the lists were read from.
    pub doc_ids: Vec<String>,
}

/// One person's attendance over the meetings selected.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonAttendance {
    /// The resolved person's id.
    pub person_id: String,
    /// The resolved person's name.
    pub person: String,
    /// Municipality.
    pub municipality: Option<String>,
    /// Every name the person is written with in these meetings.
    pub names_as_written: Vec<String>,
    /// Meetings with a row for the person.
    pub meetings: u64,
    /// Meetings attended.
    pub attended: u64,
    /// Meetings absent from (Afbud, Fraværende).
    pub absent: u64,
    /// Meetings absent from without notice.
    pub absent_without_notice: u64,
    /// Meetings of the person's bodies where no list names the person.
    pub unknown: u64,
    /// Meetings chaired.
    pub chair: u64,
    /// Meetings whose minutes the person took.
    pub minute_taker: u64,
    /// Attended out of the meetings whose lists name the person (0 when
    /// none do).
    pub share: f64,
}

/// Attendance over the meetings a query selects.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Attendance {
    /// Meetings with presence lists among those selected.
    pub meetings: u64,
    /// One row per person and meeting, by date, meeting and person.
    pub rows: Vec<AttendanceRow>,
    /// One summary per person, by municipality and name.
    pub persons: Vec<PersonAttendance>,
}

/// A meeting's records, grouped.
#[derive(Default)]
struct MeetingRecords {
    records: Vec<Record>,
}

fn has_lists(r: &Record) -> bool {
    !r.attendees.is_empty()
        || !r.absent.is_empty()
        || !r.absent_without_notice.is_empty()
        || r.minute_taker.is_some()
}

/// A name on a meeting's lists.
struct Listed {
    name: String,
    role: Option<String>,
    presence: Presence,
    chair: bool,
    minute_taker: bool,
    /// On a list of those present or absent (not only the minute taker).
    on_list: bool,
}

/// The names on the lists of a meeting's chosen records, each folded
/// name once.
fn listed(records: &[&Record]) -> Vec<Listed> {
    let mut out: Vec<Listed> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut add = |name: &str, role: Option<&str>, presence: Presence, minute_taker: bool| {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        let chair = presence == Presence::Attended && role.is_some_and(is_chair_role);
        match at.get(&key).and_then(|&i| out.get_mut(i)) {
            Some(kept) => {
                kept.presence = kept.presence.min(presence);
                kept.chair |= chair;
                kept.minute_taker |= minute_taker;
                kept.on_list |= !minute_taker;
                if kept.role.is_none() {
                    kept.role = role.map(str::to_string);
                }
            }
            None => {
                at.insert(key, out.len());
                out.push(Listed {
                    name: name.to_string(),
                    role: role.map(str::to_string),
                    presence,
                    chair,
                    minute_taker,
                    on_list: !minute_taker,
                });
            }
        }
    };
    for r in records {
        for p in &r.attendees {
            add(&p.name, p.role.as_deref(), Presence::Attended, false);
        }
        for p in &r.absent_without_notice {
            add(
                &p.name,
                p.role.as_deref(),
                Presence::AbsentWithoutNotice,
                false,
            );
        }
        for p in &r.absent {
            add(&p.name, p.role.as_deref(), Presence::Absent, false);
        }
        if let Some(p) = &r.minute_taker {
            add(&p.name, p.role.as_deref(), Presence::Attended, true);
        }
    }
    out
}

/// Finds the resolved person behind a name as written in a meeting.
struct PersonIndex {
    persons: Vec<NamedPerson>,
    /// (folded municipality, folded spelling) → persons.
    by_name: HashMap<(String, String), Vec<usize>>,
}

impl PersonIndex {
    fn new(persons: Vec<NamedPerson>) -> PersonIndex {
        let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, p) in persons.iter().enumerate() {
            let m = fold(p.municipality.as_deref().unwrap_or_default());
            for f in &p.folded {
                by_name.entry((m.clone(), f.clone())).or_default().push(i);
            }
        }
        PersonIndex { persons, by_name }
    }

    /// (id, resolved name) of `name` in a meeting of `municipality` read
    /// from records `doc_ids`: the person of that spelling who appears in
    /// those records, else the first of that spelling.
    fn resolve(
        &self,
        municipality: Option<&str>,
        name: &str,
        doc_ids: &[String],
    ) -> (String, String) {
        let key = (fold(municipality.unwrap_or_default()), fold(name));
        let candidates = self
            .by_name
            .get(&key)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let chosen = candidates
            .iter()
            .filter_map(|&i| self.persons.get(i))
            .find(|p| p.doc_ids.iter().any(|d| doc_ids.contains(d)))
            .or_else(|| candidates.first().and_then(|&i| self.persons.get(i)));
        match chosen {
            Some(p) if !p.id.is_empty() => (p.id.clone(), p.name.clone()),
            _ => (format!("name:{}", key.1), name.to_string()),
        }
    }
}

impl Archive {
    /// Attendance over the meetings whose records `query` selects (its
    /// filters, and its topic if any, as [`Archive::export`] applies
    /// them): one row per person and meeting, with a summary per person.
    /// Read from the records stored in the index and the people
    /// resolution beside it; nothing is parsed again.
    pub fn attendance(&self, query: &Query) -> Result<Attendance, ArchiveError> {
        self.check_filters(query)?;
        let query = self.resolved(query)?;
        let mut meetings: BTreeMap<String, MeetingRecords> = BTreeMap::new();
        for record in self.index.records(&query)? {
            let record = record?;
            if !has_lists(&record) {
                continue;
            }
            let key = record
                .meeting_id
                .clone()
                .unwrap_or_else(|| record.id.clone());
            meetings.entry(key).or_default().records.push(record);
        }
        let persons = PersonIndex::new(self.named_persons(query.municipality.as_deref())?);
        let mut rows = Vec::new();
        let mut members = Members::new();
        for (meeting_id, m) in &meetings {
            let minutes: Vec<&Record> = m
                .records
                .iter()
                .filter(|r| r.doc_type == DocType::Referat)
                .collect();
            let chosen: Vec<&Record> = if minutes.is_empty() {
                m.records.iter().collect()
            } else {
                minutes
            };
            let Some(first) = chosen.first() else {
                continue;
            };
            let doc_ids: Vec<String> = chosen.iter().map(|r| r.id.clone()).collect();
            for l in listed(&chosen) {
                let (person_id, person) =
                    persons.resolve(first.municipality.as_deref(), &l.name, &doc_ids);
                if l.on_list {
                    members
                        .entry((first.municipality.clone(), first.body.clone()))
                        .or_default()
                        .insert(person_id.clone(), person.clone());
                }
                rows.push(AttendanceRow {
                    person_id,
                    person,
                    name_as_written: Some(l.name),
                    role: l.role,
                    municipality: first.municipality.clone(),
                    body: first.body.clone(),
                    meeting_id: meeting_id.clone(),
                    date: chosen.iter().find_map(|r| r.date.clone()),
                    presence: l.presence,
                    chair: l.chair,
                    minute_taker: l.minute_taker,
                    doc_ids: doc_ids.clone(),
                });
            }
        }
        add_unknown(&mut rows, &members);
        rows.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.meeting_id, &a.person).cmp(&(
                b.date.is_none(),
                &b.date,
                &b.meeting_id,
                &b.person,
            ))
        });
        let summary = summarise(&rows);
        Ok(Attendance {
            meetings: rows
                .iter()
                .map(|r| r.meeting_id.as_str())
                .collect::<BTreeSet<_>>()
                .len() as u64,
            rows,
            persons: summary,
        })
    }
}

/// A body (municipality and body) and the persons on its lists, by id.
type Members = BTreeMap<(Option<String>, Option<String>), BTreeMap<String, String>>;

/// A meeting's date, the persons with a row, and the records read.
type MeetingRows = (Option<String>, BTreeSet<String>, Vec<String>);

/// Adds an "unknown" row for each person on a list of those present or
/// absent at some meeting of a body and on no list of another meeting of
/// the same body and municipality.
fn add_unknown(rows: &mut Vec<AttendanceRow>, members: &Members) {
    let mut meetings: BTreeMap<(Option<String>, Option<String>), BTreeMap<String, MeetingRows>> =
        BTreeMap::new();
    for r in rows.iter() {
        let m = meetings
            .entry((r.municipality.clone(), r.body.clone()))
            .or_default()
            .entry(r.meeting_id.clone())
            .or_insert_with(|| (r.date.clone(), BTreeSet::new(), r.doc_ids.clone()));
        m.1.insert(r.person_id.clone());
    }
    for (group, ms) in meetings {
        let Some(people) = members.get(&group) else {
            continue;
        };
        for (meeting_id, (date, present, doc_ids)) in ms {
            for (id, name) in people {
                if present.contains(id) {
                    continue;
                }
                rows.push(AttendanceRow {
                    person_id: id.clone(),
                    person: name.clone(),
                    name_as_written: None,
                    role: None,
                    municipality: group.0.clone(),
                    body: group.1.clone(),
                    meeting_id: meeting_id.clone(),
                    date: date.clone(),
                    presence: Presence::Unknown,
                    chair: false,
                    minute_taker: false,
                    doc_ids: doc_ids.clone(),
                });
            }
        }
    }
}

fn summarise(rows: &[AttendanceRow]) -> Vec<PersonAttendance> {
    let mut by_person: BTreeMap<(Option<String>, String, String), PersonAttendance> =
        BTreeMap::new();
    for r in rows {
        let p = by_person
            .entry((
                r.municipality.clone(),
                r.person.clone(),
                r.person_id.clone(),
            ))
            .or_insert_with(|| PersonAttendance {
                person_id: r.person_id.clone(),
                person: r.person.clone(),
                municipality: r.municipality.clone(),
                names_as_written: Vec::new(),
                meetings: 0,
                attended: 0,
                absent: 0,
                absent_without_notice: 0,
                unknown: 0,
                chair: 0,
                minute_taker: 0,
                share: 0.0,
            });
        p.meetings += 1;
        match r.presence {
            Presence::Attended => p.attended += 1,
            Presence::Absent => p.absent += 1,
            Presence::AbsentWithoutNotice => p.absent_without_notice += 1,
            Presence::Unknown => p.unknown += 1,
        }
        p.chair += u64::from(r.chair);
        p.minute_taker += u64::from(r.minute_taker);
        if let Some(n) = &r.name_as_written {
            if !p.names_as_written.contains(n) {
                p.names_as_written.push(n.clone());
            }
        }
    }
    by_person
        .into_values()
        .map(|mut p| {
            let listed = p.attended + p.absent + p.absent_without_notice;
            p.share = if listed == 0 {
                0.0
            } else {
                p.attended as f64 / listed as f64
            };
            p
        })
        .collect()
}
