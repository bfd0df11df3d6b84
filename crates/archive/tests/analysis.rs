//! Timeline, facets and attendance (issue 20) over the corpus and the real
//! published minutes in `../shared/real`: every count is checked against
//! what the archive's own one-hit-per-meeting search gives with the same
//! filters, and every attendance row against the lists of the meeting's
//! stored records.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use referat_archive::{
    Archive, FacetField, IngestOptions, NoProgress, Period, Presence, Query, Record, Split,
};
use referat_parser::{Limits, OcrMode, OcrOptions};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The archive all tests read: the corpus and the real documents (the
/// scan without OCR: its text is not what these tests are about).
fn archive() -> &'static Archive {
    static ARCHIVE: OnceLock<(tempfile::TempDir, Archive)> = OnceLock::new();
    &ARCHIVE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let archive = Archive::open_or_create(dir.path()).expect("archive");
            let mut paths = vec![repo().join("corpus")];
            let real = repo().join("../shared/real");
            if real.is_dir() {
                paths.push(real);
            }
            let options = IngestOptions {
                limits: Limits {
                    ocr: OcrOptions {
                        mode: OcrMode::Never,
                        ..OcrOptions::default()
                    },
                    ..Limits::default()
                },
                ..IngestOptions::default()
            };
            archive
                .ingest(&paths, &options, &mut NoProgress)
                .expect("ingest");
            (dir, archive)
        })
        .1
}

/// Meetings a one-hit-per-meeting search finds.
fn meetings_found(archive: &Archive, q: &Query) -> u64 {
    let q = Query {
        by_meeting: true,
        limit: usize::MAX,
        offset: 0,
        ..q.clone()
    };
    archive.search(&q).expect("search").total as u64
}

/// The meetings (or meeting-less records) a search finds, by id.
fn meeting_ids(archive: &Archive, q: &Query) -> std::collections::BTreeSet<String> {
    let q = Query {
        by_meeting: true,
        limit: usize::MAX,
        offset: 0,
        ..q.clone()
    };
    archive
        .search(&q)
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.meeting_id.unwrap_or(h.doc_id))
        .collect()
}

fn queries() -> Vec<Query> {
    vec![
        Query::default(),
        Query::text("bolig"),
        Query::text("borgere"),
        Query {
            person: Some("René Meyrowitsch".into()),
            ..Query::default()
        },
        Query {
            municipality: Some("Albertslund".into()),
            ..Query::text("udsatte")
        },
        Query {
            doc_type: Some("referat".into()),
            ..Query::default()
        },
    ]
}

#[test]
fn timeline_counts_are_search_counts_per_period() {
    let archive = archive();
    let mut checked = 0;
    for q in queries() {
        for by in [Period::Year, Period::Quarter, Period::Month] {
            for split in [None, Some(Split::Municipality), Some(Split::Body)] {
                let t = archive.timeline(&q, by, split).expect("timeline");
                assert!(!t.rows.is_empty(), "{q:?} by {by:?}: no rows");
                let sum: u64 = t.rows.iter().map(|r| r.matching).sum();
                if split.is_none() {
                    assert_eq!(
                        sum + t.undated_matching,
                        t.matching,
                        "{q:?}: periods add up"
                    );
                    assert_eq!(t.matching, meetings_found(archive, &q), "{q:?}: total");
                }
                for row in &t.rows {
                    let mut narrowed = Query {
                        from: Some(row.from.clone()),
                        to: Some(row.to.clone()),
                        ..q.clone()
                    };
                    match split {
                        Some(Split::Municipality) => {
                            narrowed.municipality = row.split.clone();
                        }
                        Some(Split::Body) => narrowed.body = row.split.clone(),
                        None => assert_eq!(row.split, None),
                    }
                    if row.split.as_deref() == Some(referat_indexer::UNKNOWN) {
                        continue;
                    }
                    assert_eq!(
                        row.matching,
                        meetings_found(archive, &narrowed),
                        "{q:?} {} {:?}",
                        row.period,
                        row.split
                    );
                    let held = Query {
                        from: narrowed.from.clone(),
                        to: narrowed.to.clone(),
                        municipality: narrowed.municipality.clone(),
                        body: narrowed.body.clone(),
                        year: q.year,
                        doc_type: q.doc_type.clone(),
                        ..Query::default()
                    };
                    assert_eq!(row.meetings, meetings_found(archive, &held), "{row:?}");
                    assert!(row.matching <= row.meetings, "{row:?}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} rows checked");
}

#[test]
fn timeline_periods_are_contiguous_and_labelled() {
    let t = archive()
        .timeline(&Query::default(), Period::Year, None)
        .expect("timeline");
    let years: Vec<i32> = t
        .rows
        .iter()
        .map(|r| r.period.parse().expect("year"))
        .collect();
    for pair in years.windows(2) {
        assert_eq!(pair[1], pair[0] + 1, "{years:?}");
    }
    // The corpus has minutes of 2019, 2021, 2023 and 2024 (file names and
    // headers), so 2020 and 2022 are periods with no meeting.
    let row = |y: &str| t.rows.iter().find(|r| r.period == y).cloned();
    assert_eq!(row("2020").map(|r| r.meetings), Some(0));
    assert!(row("2019").is_some_and(|r| r.meetings >= 1 && r.from == "2019-01-01"));
    let q = archive()
        .timeline(&Query::default(), Period::Quarter, None)
        .expect("timeline");
    assert!(q
        .rows
        .iter()
        .any(|r| r.period == "2021-Q4" && r.to == "2021-12-31"));
}

#[test]
fn facet_counts_are_narrowed_search_counts() {
    let archive = archive();
    let mut checked = 0;
    for q in queries() {
        let facets = archive.facets(&q, &FacetField::ALL).expect("facets");
        assert_eq!(facets.meetings, meetings_found(archive, &q), "{q:?}");
        assert_eq!(facets.facets.len(), FacetField::ALL.len());
        for counts in &facets.facets {
            // The meetings some person value narrows to; the rest are the
            // person facet's `missing`.
            let mut with_person = std::collections::BTreeSet::new();
            for v in &counts.values {
                let mut narrowed = q.clone();
                match counts.field {
                    FacetField::Municipality => narrowed.municipality = Some(v.value.clone()),
                    FacetField::Body => narrowed.body = Some(v.value.clone()),
                    FacetField::Year => narrowed.year = v.value.parse().ok(),
                    FacetField::DocType => narrowed.doc_type = Some(v.value.clone()),
                    FacetField::Person => {
                        narrowed.person = Some(v.value.clone());
                        narrowed.municipality = v.municipality.clone();
                        with_person.extend(meeting_ids(archive, &narrowed));
                    }
                }
                assert_eq!(
                    v.meetings,
                    meetings_found(archive, &narrowed),
                    "{q:?} {:?} {}",
                    counts.field,
                    v.value
                );
                checked += 1;
            }
            if counts.field == FacetField::Person {
                let found = meeting_ids(archive, &q);
                assert_eq!(
                    counts.missing,
                    found.difference(&with_person).count() as u64,
                    "{q:?}: meetings without a person"
                );
            }
        }
    }
    assert!(checked > 50, "only {checked} values checked");
}

#[test]
fn person_facet_lists_resolved_persons() {
    let q = Query {
        municipality: Some("Albertslund".into()),
        ..Query::default()
    };
    let facets = archive().facets(&q, &[FacetField::Person]).expect("facets");
    let persons = &facets.facets[0].values;
    // René Meyrowitsch (also written "Rene") chairs Udsatterådet in both
    // Albertslund minutes of the corpus: one person, two meetings.
    let rene: Vec<_> = persons
        .iter()
        .filter(|p| p.value.starts_with("Ren") && p.value.ends_with("Meyrowitsch"))
        .collect();
    assert_eq!(rene.len(), 1, "{persons:?}");
    assert_eq!(rene[0].meetings, 2);
    assert!(rene[0].person_id.is_some());
}

fn names(people: &[referat_schema::Person]) -> BTreeSet<String> {
    people.iter().map(|p| p.name.clone()).collect()
}

#[test]
fn attendance_rows_agree_with_the_records() {
    let archive = archive();
    let attendance = archive.attendance(&Query::default()).expect("attendance");
    // The corpus minutes of 2019-04-01, 2021-10-14 and 2023-11-21 have
    // Deltagere/Afbud lists (read in the files).
    assert!(attendance.meetings >= 3, "{}", attendance.meetings);
    let mut by_meeting: BTreeMap<&str, Vec<&referat_archive::AttendanceRow>> = BTreeMap::new();
    for r in &attendance.rows {
        by_meeting.entry(&r.meeting_id).or_default().push(r);
    }
    let mut checked = 0;
    for (meeting, rows) in by_meeting {
        let records: Vec<Record> = rows[0]
            .doc_ids
            .iter()
            .map(|id| archive.show(id).expect("show").expect("record"))
            .collect();
        let listed = |f: &dyn Fn(&Record) -> BTreeSet<String>| -> BTreeSet<String> {
            records.iter().flat_map(f).collect()
        };
        let with = |p: Presence| -> BTreeSet<String> {
            rows.iter()
                .filter(|r| r.presence == p)
                .filter_map(|r| r.name_as_written.clone())
                .collect()
        };
        let mut attended = listed(&|r| names(&r.attendees));
        attended.extend(listed(&|r| {
            r.minute_taker.iter().map(|p| p.name.clone()).collect()
        }));
        let absent = listed(&|r| names(&r.absent));
        let without_notice = listed(&|r| names(&r.absent_without_notice));
        assert_eq!(with(Presence::Attended), attended, "{meeting}");
        assert_eq!(
            with(Presence::AbsentWithoutNotice),
            &without_notice - &attended,
            "{meeting}"
        );
        assert_eq!(
            with(Presence::Absent),
            &(&absent - &attended) - &without_notice,
            "{meeting}"
        );
        let taker: BTreeSet<String> =
            listed(&|r| r.minute_taker.iter().map(|p| p.name.clone()).collect());
        let flagged: BTreeSet<String> = rows
            .iter()
            .filter(|r| r.minute_taker)
            .filter_map(|r| r.name_as_written.clone())
            .collect();
        assert_eq!(flagged, taker, "{meeting}");
        for r in rows.iter().filter(|r| r.presence == Presence::Unknown) {
            assert!(r.name_as_written.is_none());
        }
        checked += 1;
    }
    assert!(checked >= 3);
}

#[test]
fn attendance_merges_spellings_and_keeps_them() {
    let q = Query {
        municipality: Some("Albertslund".into()),
        ..Query::default()
    };
    let attendance = archive().attendance(&q).expect("attendance");
    // Albertslund's Udsatterådet met on 2019-04-01 ("Deltagere: … René
    // Meyrowitsch …") and 2021-10-14 ("Deltagere: … Rene"; Carina Kofoed
    // Referent at both; "U/afbud: Diana Vang og Helge Bo Jensen").
    let person = |name: &str| {
        attendance
            .persons
            .iter()
            .find(|p| p.person == name)
            .unwrap_or_else(|| panic!("{name}: {:?}", attendance.persons))
    };
    let rene = person("René Meyrowitsch");
    assert_eq!((rene.meetings, rene.attended), (2, 2), "{rene:?}");
    let mut written = rene.names_as_written.clone();
    written.sort();
    assert_eq!(written, ["Rene", "René Meyrowitsch"]);
    let carina = person("Carina Kofoed");
    assert_eq!(carina.minute_taker, 2, "{carina:?}");
    let diana = person("Diana Vang");
    assert_eq!(
        (diana.absent, diana.absent_without_notice),
        (1, 1),
        "{diana:?}"
    );
    assert_eq!(diana.share, 0.0);
    assert!(attendance
        .rows
        .iter()
        .all(|r| r.municipality.as_deref() == Some("Albertslund")));
}

#[test]
fn a_filter_that_matches_nothing_is_an_error_not_a_zero() {
    let q = Query {
        municipality: Some("Atlantis".into()),
        ..Query::default()
    };
    let archive = archive();
    assert!(archive.timeline(&q, Period::Year, None).is_err());
    assert!(archive.facets(&q, &[FacetField::Year]).is_err());
    assert!(archive.attendance(&q).is_err());
}

#[test]
fn overview_gives_the_facets_and_timeline_of_separate_calls() {
    let archive = archive();
    let queries = [
        Query {
            text: Some("bolig".into()),
            ..Query::default()
        },
        Query {
            text: Some("udsatteråd".into()),
            municipality: Some("Albertslund".into()),
            ..Query::default()
        },
        Query::default(),
    ];
    for q in &queries {
        let facets = archive.facets(q, &FacetField::ALL).expect("facets");
        let timeline = archive.timeline(q, Period::Year, None).expect("timeline");
        let all = archive
            .overview(q, &FacetField::ALL, Some((Period::Year, None)), None)
            .expect("overview");
        assert_eq!(all.facets, facets, "{q:?}");
        assert_eq!(all.timeline.as_ref(), Some(&timeline), "{q:?}");
        // The same again: the filters' meetings are kept between calls,
        // and must give the same shares.
        let again = archive.timeline(q, Period::Year, None).expect("timeline");
        assert_eq!(again, timeline, "{q:?}");
        // A page's top values are the first values of the whole list,
        // and the missing counts stay those of the whole list.
        for top in [0, 1, 3] {
            let page = archive
                .overview(q, &FacetField::ALL, None, Some(top))
                .expect("overview");
            assert!(page.timeline.is_none());
            for (part, whole) in page.facets.facets.iter().zip(&facets.facets) {
                let n = top.min(whole.values.len());
                assert_eq!(part.values, whole.values[..n], "{q:?} {:?}", whole.field);
                assert_eq!(part.missing, whole.missing);
            }
        }
    }
    let persons = archive
        .facets(&queries[2], &[FacetField::Person])
        .expect("facets");
    assert!(persons.facets[0].values.len() > 3, "{persons:?}");
}
