//! The merge rules on small made-up records: what merges, what never does,
//! and that odd input cannot break resolution.

use referat_people::{resolve, Aliases, ResolvedPerson};
use referat_schema::{Format, Person, PersonSummary, Record, Source};

/// A record of `municipality`'s `body` on `date`; `seed` makes the id.
fn record(seed: u8, municipality: Option<&str>, body: &str, date: &str) -> Record {
    let mut r = Record::empty(Source {
        path: format!("{seed}.pdf"),
        format: Format::Pdf,
        sha256: format!("{seed:02x}").repeat(32),
        bytes: 1,
        pages: None,
        producer: None,
        ocr: None,
        links: Vec::new(),
    });
    r.municipality = municipality.map(str::to_string);
    r.body = Some(body.to_string());
    r.date = Some(date.to_string());
    r
}

fn attend(r: &mut Record, names: &[&str]) {
    for n in names {
        r.attendees.push(Person::named(*n));
        r.persons.push(summary(n, "deltager"));
    }
}

fn mention(r: &mut Record, names: &[&str]) {
    for n in names {
        r.persons.push(PersonSummary {
            name: n.to_string(),
            mentions: 1,
            roles: Vec::new(),
            variants: Vec::new(),
        });
    }
}

fn summary(name: &str, role: &str) -> PersonSummary {
    PersonSummary {
        name: name.to_string(),
        mentions: 1,
        roles: vec![role.to_string()],
        variants: Vec::new(),
    }
}

fn names(people: &[ResolvedPerson]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            let mut v: Vec<String> = p.variants.iter().map(|v| v.name.clone()).collect();
            v.sort();
            v
        })
        .collect();
    out.sort();
    out
}

#[test]
fn two_names_in_one_attendee_list_never_merge() {
    let mut a = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut a, &["Mette Jensen", "Mette Jenssen"]);
    let people = resolve([&a], &Aliases::none()).persons;
    assert_eq!(people.len(), 2);

    // The same two spellings in different meetings are one person.
    let mut b = record(2, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut b, &["Mette Jensen"]);
    let mut c = record(3, Some("Vejle"), "Ældrerådet", "2022-03-10");
    attend(&mut c, &["Mette Jenssen"]);
    let people = resolve([&b, &c], &Aliases::none()).persons;
    assert_eq!(people.len(), 1, "{:?}", names(&people));
    assert_eq!(people[0].merges[0].rule, "surname_spelling");
}

#[test]
fn a_pair_kept_apart_in_one_list_stays_apart_everywhere() {
    let mut a = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut a, &["Mette Jensen", "Mette Jenssen"]);
    let mut b = record(2, Some("Vejle"), "Ældrerådet", "2022-03-10");
    mention(&mut b, &["Mette Jensen", "Mette Jenssen"]);
    assert_eq!(resolve([&a, &b], &Aliases::none()).persons.len(), 2);
}

#[test]
fn names_never_merge_across_municipalities() {
    let mut a = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut a, &["Nina Gustavsen"]);
    let mut b = record(2, Some("Horsens"), "Ældrerådet", "2022-03-10");
    attend(&mut b, &["Nina Gustavussen", "Rene"]);
    let mut c = record(3, Some("Vejle"), "Ældrerådet", "2022-05-10");
    attend(&mut c, &["René Meyrowitsch"]);
    let people = resolve([&a, &b, &c], &Aliases::none()).persons;
    assert_eq!(people.len(), 4, "{:?}", names(&people));
}

#[test]
fn a_first_name_merges_only_when_one_full_name_fits() {
    let mut a = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(
        &mut a,
        &["Søren Olsen", "Søren Mogensen", "Lisbeth Andersen"],
    );
    let mut b = record(2, Some("Vejle"), "Ældrerådet", "2022-03-10");
    mention(&mut b, &["Søren", "Lise", "Lisbeth"]);
    let people = resolve([&a, &b], &Aliases::none()).persons;
    let grouped = names(&people);
    assert!(grouped.contains(&vec!["Søren".to_string()]), "{grouped:?}");
    assert!(grouped.contains(&vec!["Lise".to_string()]), "{grouped:?}");
    assert!(grouped.contains(&vec!["Lisbeth".to_string(), "Lisbeth Andersen".to_string()]));
}

#[test]
fn a_short_form_looks_in_its_own_body() {
    let mut a = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut a, &["Karin Holm"]);
    let mut b = record(2, Some("Vejle"), "Handicaprådet", "2022-01-11");
    attend(&mut b, &["Karin Lund"]);
    let mut c = record(3, Some("Vejle"), "Handicaprådet", "2022-03-10");
    mention(&mut c, &["Karin"]);
    let people = resolve([&a, &b, &c], &Aliases::none()).persons;
    let lund = referat_people::find(&people, "Karin Lund", None);
    assert_eq!(lund.len(), 1);
    assert!(lund[0].is_called("Karin"), "{:?}", names(&people));
    assert!(lund[0].merges.iter().all(|m| m.confidence < 1.0));
}

#[test]
fn known_given_names_one_letter_apart_are_different_people() {
    let mut a = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut a, &["Lise Andersen", "Karin Bo Jensen"]);
    let mut b = record(2, Some("Vejle"), "Ældrerådet", "2022-03-10");
    attend(&mut b, &["Lisa Andersen", "Karen Bo Jensen"]);
    let people = resolve([&a, &b], &Aliases::none()).persons;
    assert_eq!(people.len(), 4, "{:?}", names(&people));
}

#[test]
fn a_record_without_municipality_keeps_its_people() {
    let mut a = record(1, None, "Ældrerådet", "2022-01-10");
    attend(&mut a, &["René Meyrowitsch"]);
    let mut b = record(2, None, "Ældrerådet", "2022-03-10");
    attend(&mut b, &["René Meyrowitsch"]);
    let people = resolve([&a, &b], &Aliases::none()).persons;
    assert_eq!(people.len(), 2);
    assert!(people.iter().all(|p| p.municipality.is_none()));
    assert_ne!(people[0].id, people[1].id);
}

#[test]
fn renditions_of_one_meeting_count_once() {
    let mut pdf = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut pdf, &["Jette Nyboe"]);
    let mut html = record(2, Some("Vejle"), "Ældrerådet", "2022-01-10");
    attend(&mut html, &["Jette Nyboe"]);
    let people = resolve([&pdf, &html], &Aliases::none()).persons;
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].attended.len(), 1);
    assert_eq!(people[0].attended[0].doc_ids.len(), 2);
    assert_eq!(people[0].mentions, 1);
    assert_eq!(people[0].variants[0].meetings, 1);
}

#[test]
fn hostile_names_do_not_break_resolution() {
    let mut r = record(1, Some("Vejle"), "Ældrerådet", "2022-01-10");
    let long = "Å".repeat(100_000);
    let many_words = vec!["Bo"; 1_000].join(" ");
    attend(&mut r, &["", "   ", &long, &many_words, "Bo Bo"]);
    mention(&mut r, &["\u{0}", "Bo", &format!("{long} Jensen")]);
    r.minute_taker = Some(Person::named(""));
    let people = resolve([&r], &Aliases::none()).persons;
    assert!(people.iter().all(|p| !p.name.trim().is_empty()));
    assert!(people.iter().any(|p| p.name == "Bo Bo"));
}
