//! Person roles: a search for the meetings a person attended does not
//! return the meetings they sent apologies for, and each hit says the
//! person's role. Person names fold ø/o, å/a, æ/a and accents.

mod common;

use common::{index_of, person, record};
use referat_indexer::{PersonRole, Query};
use referat_schema::{Person, Record};

fn meetings() -> Vec<Record> {
    let mut attended = record("maj", 1, "Referat. Punkt 1: Budget.");
    attended.attendees.push(Person {
        name: "Jette Høyer".into(),
        role: Some("formand".into()),
    });
    attended.attendees.push(person("Søren Ås"));
    let mut absent = record("juni", 1, "Referat. Punkt 1: Budget.");
    absent.attendees.push(person("Søren Ås"));
    absent.absent.push(person("Jette Høyer"));
    let mut minutes = record("juli", 1, "Referat. Punkt 1: Budget.");
    minutes.minute_taker = Some(person("Jette Høyer"));
    vec![attended, absent, minutes]
}

fn found(
    index: &referat_indexer::Index,
    name: &str,
    roles: &[PersonRole],
) -> Vec<(String, Vec<PersonRole>)> {
    let mut out: Vec<(String, Vec<PersonRole>)> = index
        .search(&Query {
            person: Some(name.into()),
            roles: roles.to_vec(),
            ..Query::default()
        })
        .expect("search")
        .hits
        .into_iter()
        .map(|h| (h.source_path, h.roles))
        .collect();
    out.sort();
    out
}

#[test]
fn attended_excludes_absent_and_hits_carry_roles() {
    let index = index_of(&meetings());
    let attended = found(&index, "Jette Høyer", &[PersonRole::Attended]);
    assert_eq!(attended.len(), 1, "{attended:?}");
    assert_eq!(attended[0].0, "corpus/maj.pdf");
    assert!(attended[0].1.contains(&PersonRole::Attended));
    assert!(attended[0].1.contains(&PersonRole::Chair));
    assert!(!attended[0].1.contains(&PersonRole::Absent));

    let absent = found(&index, "Jette Høyer", &[PersonRole::Absent]);
    assert_eq!(absent.len(), 1, "{absent:?}");
    assert_eq!(absent[0].0, "corpus/juni.pdf");
    assert!(absent[0].1.contains(&PersonRole::Absent));

    let minutes = found(
        &index,
        "Jette",
        &[PersonRole::MinuteTaker, PersonRole::Chair],
    );
    let paths: Vec<&str> = minutes.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(paths, ["corpus/juli.pdf", "corpus/maj.pdf"]);

    // Without roles: every meeting that names her.
    assert_eq!(found(&index, "Jette Høyer", &[]).len(), 3);
}

#[test]
fn names_fold_danish_letters_and_accents() {
    let index = index_of(&meetings());
    assert_eq!(found(&index, "Hoyer", &[]).len(), 3);
    assert_eq!(found(&index, "Soren As", &[PersonRole::Attended]).len(), 2);
    assert_eq!(found(&index, "Jette Hoeyer", &[]).len(), 3);
}

#[test]
fn a_role_without_a_person_is_refused() {
    let index = index_of(&meetings());
    let result = index.search(&Query {
        roles: vec![PersonRole::Attended],
        ..Query::default()
    });
    assert!(result.is_err());
}
