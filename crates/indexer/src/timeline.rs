//! Meetings over time: per period, how many meetings a query matches, how
//! many meetings the index holds then (under the same filters), and the
//! share.

use std::collections::BTreeMap;

use std::sync::Arc;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::index::Index;
use crate::meeting_facts::{meetings, meetings_per_value, DocFacts};
use crate::memo::Memo;
use crate::query::Query;
use crate::stats::UNKNOWN;
use crate::IndexError;

/// The length of a timeline's periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar months: `2021-03`.
    Month,
    /// Calendar quarters: `2021-Q1`.
    Quarter,
    /// Calendar years: `2021`.
    #[default]
    Year,
}

impl Period {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// The period containing a (year, month): (year, index within the
    /// year: month 1–12, quarter 1–4, or 0 for a year).
    fn of(self, (year, month): (i32, u8)) -> (i32, u8) {
        match self {
            Period::Month => (year, month),
            Period::Quarter => (year, (month.saturating_sub(1)) / 3 + 1),
            Period::Year => (year, 0),
        }
    }

    /// The period after `p`.
    fn next(self, (year, sub): (i32, u8)) -> (i32, u8) {
        let last = match self {
            Period::Month => 12,
            Period::Quarter => 4,
            Period::Year => 0,
        };
        if sub >= last {
            (year.saturating_add(1), u8::from(last > 0))
        } else {
            (year, sub + 1)
        }
    }

    /// The label, first day and last day of a period.
    fn describe(self, (year, sub): (i32, u8)) -> (String, String, String) {
        let (first_month, last_month) = match self {
            Period::Month => (sub, sub),
            Period::Quarter => (sub * 3 - 2, sub * 3),
            Period::Year => (1, 12),
        };
        let label = match self {
            Period::Month => format!("{year:04}-{sub:02}"),
            Period::Quarter => format!("{year:04}-Q{sub}"),
            Period::Year => format!("{year:04}"),
        };
        let last_day = days_in_month(year, last_month);
        (
            label,
            format!("{year:04}-{first_month:02}-01"),
            format!("{year:04}-{last_month:02}-{last_day:02}"),
        )
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// What a timeline is split by: one series per value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// One series per municipality.
    Municipality,
    /// One series per council or committee.
    Body,
}

impl Split {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Municipality => "municipality",
            Split::Body => "body",
        }
    }

    fn value(self, f: &DocFacts) -> &str {
        let v = match self {
            Split::Municipality => &f.municipality,
            Split::Body => &f.body,
        };
        v.as_deref().unwrap_or(UNKNOWN)
    }
}

/// One period (of one series, when split).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineRow {
    /// The period: `2021`, `2021-Q1` or `2021-03`.
    pub period: String,
    /// Its first day, `YYYY-MM-DD`.
    pub from: String,
    /// Its last day, `YYYY-MM-DD`.
    pub to: String,
    /// The series' value (municipality or body) when split, else `None`.
    pub split: Option<String>,
    /// Meetings in the period that the query matches.
    pub matching: u64,
    /// Meetings in the period under the query's filters alone (without its
    /// topic, person and section): what `matching` is a share of.
    pub meetings: u64,
    /// `matching / meetings` (0 when there are no meetings).
    pub share: f64,
}

/// Matching meetings per period, with the meetings held in each.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// The length of the periods.
    pub by: Period,
    /// What the rows are split by, if anything.
    pub split: Option<Split>,
    /// Meetings that match, in all (dated or not).
    pub matching: u64,
    /// Matching meetings without a date (in no period).
    pub undated_matching: u64,
    /// Every period from the first to the last in which the filters select
    /// a meeting, in order (split: for each period, one row per series
    /// value with at least one matching meeting, in value order).
    pub rows: Vec<TimelineRow>,
}

type Cell = (String, (i32, u8));

/// Meetings per (series value, period) cell.
pub(crate) type Cells = BTreeMap<Cell, u64>;

/// The cells of the records the filters alone select, kept for the base
/// facts they were counted from (the same `Arc`) and the period and split.
pub(crate) type HeldMemo = Memo<HeldKey, Cells>;

/// What [`HeldMemo`]'s cells were counted from. The base facts are held
/// (so their address cannot be reused by other facts) and compared by
/// address: the base memo gives the same `Arc` until its filters or the
/// index change.
pub(crate) struct HeldKey(Arc<Vec<DocFacts>>, Period, Option<Split>);

impl PartialEq for HeldKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) && self.1 == other.1 && self.2 == other.2
    }
}

/// Distinct meetings per (series value, period) cell, from facts sorted
/// by meeting; undated meetings are left out. Series values are numbered
/// first, so that cells compare as numbers.
fn meetings_per_cell(facts: &[DocFacts], by: Period, split: Option<Split>) -> Cells {
    let mut series: Vec<&str> = Vec::new();
    let mut number: FxHashMap<&str, u32> = FxHashMap::default();
    let (counts, _) = meetings_per_value(facts, |f| {
        let date = f.date?;
        let value = match split {
            None => 0,
            Some(s) => {
                let v = s.value(f);
                *number.entry(v).or_insert_with(|| {
                    series.push(v);
                    u32::try_from(series.len() - 1).unwrap_or(u32::MAX)
                })
            }
        };
        Some((value, by.of(date)))
    });
    counts
        .into_iter()
        .map(|((value, period), n)| {
            let name = series.get(value as usize).copied().unwrap_or_default();
            ((name.to_string(), period), n)
        })
        .collect()
}

impl Index {
    /// The timeline of a query: per period, the meetings it matches (as a
    /// one-hit-per-meeting search with the period as its date range
    /// counts them), and the meetings the same filters select without
    /// the topic, person and section. A meeting is counted in a period
    /// when one of its matching records is dated in it.
    pub fn timeline(
        &self,
        q: &Query,
        by: Period,
        split: Option<Split>,
    ) -> Result<Timeline, IndexError> {
        self.timeline_of_facts(q, &self.matched_facts(q)?, by, split)
    }

    /// The timeline of `q` from its matched facts (sorted by meeting).
    pub(crate) fn timeline_of_facts(
        &self,
        q: &Query,
        matched: &[DocFacts],
        by: Period,
        split: Option<Split>,
    ) -> Result<Timeline, IndexError> {
        Ok(timeline_of(
            matched,
            &*self.held_cells(q, by, split)?,
            by,
            split,
        ))
    }

    /// The meetings per cell among the records the filters of `q` alone
    /// select: counted once per filters, period, split and index version
    /// (a front end's searches under the same filters share them).
    pub(crate) fn held_cells(
        &self,
        q: &Query,
        by: Period,
        split: Option<Split>,
    ) -> Result<Arc<Cells>, IndexError> {
        let base = self.base_facts(q)?;
        let key = HeldKey(Arc::clone(&base), by, split);
        self.held_memo
            .get_or_try(key, || Ok(meetings_per_cell(&base, by, split)))
    }
}

/// The timeline of the records a query matched (`matched`, sorted by
/// meeting) among those its filters alone select (`held`, their cells).
pub(crate) fn timeline_of(
    matched: &[DocFacts],
    held: &Cells,
    by: Period,
    split: Option<Split>,
) -> Timeline {
    let all = meetings(matched).count() as u64;
    let dated = meetings(matched)
        .filter(|m| m.iter().any(|f| f.date.is_some()))
        .count() as u64;
    let hits = meetings_per_cell(matched, by, split);
    let periods = held.keys().chain(hits.keys()).map(|(_, p)| *p);
    let (first, last) = (periods.clone().min(), periods.max());
    let series: Vec<String> = match split {
        None => vec![String::new()],
        Some(_) => {
            let mut values: Vec<String> = hits.keys().map(|(s, _)| s.clone()).collect();
            values.dedup();
            values
        }
    };
    let mut rows = Vec::new();
    if let (Some(first), Some(last)) = (first, last) {
        let mut p = first;
        while p <= last {
            let (label, from, to) = by.describe(p);
            for s in &series {
                let key = (s.clone(), p);
                let count = |m: &Cells| m.get(&key).copied().unwrap_or(0);
                let (matching, meetings) = (count(&hits), count(held));
                rows.push(TimelineRow {
                    period: label.clone(),
                    from: from.clone(),
                    to: to.clone(),
                    split: split.map(|_| s.clone()),
                    matching,
                    meetings,
                    share: if meetings == 0 {
                        0.0
                    } else {
                        matching as f64 / meetings as f64
                    },
                });
            }
            p = by.next(p);
        }
    }
    Timeline {
        by,
        split,
        matching: all,
        undated_matching: all.saturating_sub(dated),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(meeting: u64, doc: u64, date: Option<(i32, u8)>, municipality: &str) -> DocFacts {
        DocFacts {
            doc_key: doc,
            meeting_key: meeting,
            date,
            municipality: Some(Arc::from(municipality)),
            body: None,
            doc_type: None,
        }
    }

    #[test]
    fn a_meeting_counts_once_per_cell_however_many_records_it_has() {
        // Sorted by meeting, as the facts come: meeting 1 has five records
        // in two years and two municipalities, meeting 2 one, meeting 3
        // none dated.
        let facts = vec![
            fact(1, 10, Some((2020, 3)), "Aarhus"),
            fact(1, 11, Some((2020, 5)), "Aarhus"),
            fact(1, 12, Some((2021, 1)), "Aarhus"),
            fact(1, 13, Some((2020, 3)), "Odense"),
            fact(1, 14, Some((2020, 3)), "Aarhus"),
            fact(2, 20, Some((2020, 7)), "Aarhus"),
            fact(3, 30, None, "Aarhus"),
        ];
        let cells = meetings_per_cell(&facts, Period::Year, None);
        assert_eq!(cells.get(&(String::new(), (2020, 0))), Some(&2));
        assert_eq!(cells.get(&(String::new(), (2021, 0))), Some(&1));
        assert_eq!(cells.len(), 2);
        let split = meetings_per_cell(&facts, Period::Month, Some(Split::Municipality));
        assert_eq!(split.get(&("Aarhus".into(), (2020, 3))), Some(&1));
        assert_eq!(split.get(&("Odense".into(), (2020, 3))), Some(&1));
        assert_eq!(split.get(&("Aarhus".into(), (2020, 7))), Some(&1));
        assert_eq!(split.len(), 5);
        let t = timeline_of(&facts, &cells, Period::Year, None);
        assert_eq!((t.matching, t.undated_matching), (3, 1));
        let facets = crate::facets::facets_of(
            &facts,
            &[
                crate::facets::FacetField::Municipality,
                crate::facets::FacetField::Year,
            ],
        );
        assert_eq!(facets.meetings, 3);
        let m = &facets.facets[0];
        let count = |v: &str| m.values.iter().find(|c| c.value == v).map(|c| c.meetings);
        assert_eq!(
            (count("Aarhus"), count("Odense"), m.missing),
            (Some(3), Some(1), 0)
        );
        let y = &facets.facets[1];
        let year = |v: &str| y.values.iter().find(|c| c.value == v).map(|c| c.meetings);
        assert_eq!(
            (year("2020"), year("2021"), y.missing),
            (Some(2), Some(1), 1)
        );
    }

    #[test]
    fn periods_follow_the_calendar() {
        assert_eq!(Period::Quarter.of((2021, 3)), (2021, 1));
        assert_eq!(Period::Quarter.of((2021, 4)), (2021, 2));
        assert_eq!(Period::Quarter.of((2021, 12)), (2021, 4));
        assert_eq!(Period::Month.next((2021, 12)), (2022, 1));
        assert_eq!(Period::Quarter.next((2021, 4)), (2022, 1));
        assert_eq!(Period::Year.next((2021, 0)), (2022, 0));
        assert_eq!(
            Period::Quarter.describe((2024, 1)),
            ("2024-Q1".into(), "2024-01-01".into(), "2024-03-31".into())
        );
        assert_eq!(Period::Month.describe((2024, 2)).2, "2024-02-29");
        assert_eq!(Period::Month.describe((2023, 2)).2, "2023-02-28");
        assert_eq!(Period::Month.describe((1900, 2)).2, "1900-02-28");
        assert_eq!(Period::Year.describe((2019, 0)).0, "2019");
    }
}
