//! Resolution on the records the parser makes of the bundled corpus: the
//! merges the issue asks for, and none of the false ones.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use referat_people::{resolve, Aliases, ResolvedPerson};
use referat_schema::Record;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("pdf" | "docx" | "html")
        ) {
            out.push(path);
        }
    }
}

/// Every corpus file parsed once, shared by the tests.
fn records() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let mut paths = Vec::new();
        files(&corpus(), &mut paths);
        let records: Vec<Record> = paths
            .iter()
            .map(|p| referat_parser::parse_file(p).expect("corpus files parse"))
            .collect();
        assert!(records.len() >= 15, "the corpus has 15 files");
        records
    })
}

fn people() -> &'static [ResolvedPerson] {
    static PEOPLE: OnceLock<Vec<ResolvedPerson>> = OnceLock::new();
    PEOPLE.get_or_init(|| resolve(records(), &Aliases::none()).persons)
}

/// The one person with this spelling in this municipality.
fn person<'p>(people: &'p [ResolvedPerson], municipality: &str, name: &str) -> &'p ResolvedPerson {
    let found = referat_people::find(people, name, Some(municipality));
    assert_eq!(
        found.len(),
        1,
        "{name} in {municipality}: {:?}",
        found.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    found[0]
}

fn has_variants(p: &ResolvedPerson, names: &[&str]) {
    for n in names {
        assert!(
            p.variants.iter().any(|v| v.name == *n),
            "{} lacks the variant {n}: {:?}",
            p.name,
            p.variants
        );
    }
}

#[test]
fn gustavsen_and_gustavussen_are_one_person() {
    let nina = person(people(), "Albertslund", "Nina Gustavussen");
    assert_eq!(nina.name, "Nina Gustavsen", "the listed spelling is shown");
    has_variants(nina, &["Nina Gustavsen", "Nina Gustavussen"]);
    let merge = nina
        .merges
        .iter()
        .find(|m| m.rule == "surname_spelling")
        .expect("a surname-spelling merge");
    assert!(merge.reason.contains("Gustavussen"), "{}", merge.reason);
    assert!(merge.confidence > 0.5 && merge.confidence < 1.0);
    assert_eq!(nina.first_seen.as_deref(), Some("2019-04-01"));
    assert_eq!(nina.last_seen.as_deref(), Some("2021-10-14"));
}

#[test]
fn rene_rene_and_rene_meyrowitsch_are_one_person() {
    let people = people();
    let rene = person(people, "Albertslund", "René Meyrowitsch");
    assert_eq!(rene.name, "René Meyrowitsch");
    has_variants(rene, &["René Meyrowitsch", "Rene", "René"]);
    assert!(std::ptr::eq(rene, person(people, "Albertslund", "Rene")));
    // Listed as "René Meyrowitsch" in 2019 and as "Rene" in 2021: two
    // meetings, each in three renditions (PDF, DOCX, HTML).
    let dates: Vec<_> = rene.attended.iter().map(|m| m.date.as_deref()).collect();
    assert_eq!(dates, [Some("2019-04-01"), Some("2021-10-14")]);
    assert!(rene.attended.iter().all(|m| m.doc_ids.len() == 3));
    assert!(rene
        .merges
        .iter()
        .any(|m| m.rule == "short_form" && m.from == "Rene"));
}

#[test]
fn helge_bo_jensen_helge_bo_and_helgo_bo_are_one_person() {
    let helge = person(people(), "Albertslund", "Helgo Bo");
    assert_eq!(helge.name, "Helge Bo Jensen");
    has_variants(helge, &["Helge Bo Jensen", "Helge Bo", "Helgo Bo"]);
    assert!(helge
        .merges
        .iter()
        .any(|m| m.from == "Helgo Bo" && m.rule == "short_form_spelling"));
    // Attended in 2019, absent without notice in 2021.
    assert_eq!(helge.attended.len(), 1);
    assert_eq!(helge.absent_without_notice.len(), 1);
    assert_eq!(
        helge.absent_without_notice[0].date.as_deref(),
        Some("2021-10-14")
    );
}

/// No person may carry both names.
fn apart(municipality_a: &str, a: &str, municipality_b: &str, b: &str) {
    let people = people();
    let pa = person(people, municipality_a, a);
    let pb = person(people, municipality_b, b);
    assert_ne!(pa.id, pb.id, "{a} and {b} were merged");
    assert!(
        !pa.is_called(b) || municipality_a != municipality_b,
        "{a} is called {b}"
    );
}

#[test]
fn no_false_merges() {
    apart("Gladsaxe", "Mette Andersen", "Gladsaxe", "Mette Jensen");
    apart("Gladsaxe", "Søren Olsen", "Gladsaxe", "Søren Hvid Karsten");
    apart("Gladsaxe", "Søren Olsen", "Albertslund", "Søren Mogensen");
    apart(
        "Gladsaxe",
        "Søren Hvid Karsten",
        "Albertslund",
        "Søren Mogensen",
    );
    apart("Aalborg", "Lise", "Albertslund", "Lisbeth Andersen");
    apart(
        "Gladsaxe",
        "Lise Meldgaard",
        "Albertslund",
        "Lisbeth Andersen",
    );
    apart("Aalborg", "Lise", "Gladsaxe", "Lise Meldgaard");
    // "Søren" beside two full names with that first name stays alone.
    let soren = person(people(), "Gladsaxe", "Søren");
    assert_eq!(soren.name, "Søren");
    assert_eq!(soren.variants.len(), 1);
}

#[test]
fn never_across_municipalities() {
    for p in people() {
        for id in &p.doc_ids {
            let record = records()
                .iter()
                .find(|r| &r.id == id)
                .expect("a known record");
            assert_eq!(record.municipality, p.municipality, "{}", p.name);
        }
    }
}

#[test]
fn minutes_roles_and_mentions() {
    let carina = person(people(), "Albertslund", "Carina Kofoed");
    assert_eq!(carina.minutes_taken.len(), 2);
    assert!(carina.roles.iter().any(|r| r.role == "referent"));
    assert!(carina.roles.iter().all(|r| r.role != "deltager"));
    let jimmi = person(people(), "Aalborg", "Jimmi");
    assert!(jimmi.roles.iter().any(|r| r.role == "talsperson"));
    // Mentions count a meeting once, not once per rendition: the parser's
    // count for one file.
    let file_count = records()
        .iter()
        .find(|r| r.municipality.as_deref() == Some("Aalborg") && !r.items.is_empty())
        .and_then(|r| r.persons.iter().find(|p| p.name == "Jimmi"))
        .map(|p| p.mentions)
        .expect("Jimmi in the Aalborg minutes");
    assert_eq!(jimmi.mentions, file_count);
}

#[test]
fn ids_do_not_depend_on_record_order() {
    let reversed: Vec<&Record> = records().iter().rev().collect();
    let again = resolve(reversed, &Aliases::none()).persons;
    let key = |ps: &[ResolvedPerson]| {
        let mut v: Vec<(String, String, usize)> = ps
            .iter()
            .map(|p| (p.id.clone(), p.name.clone(), p.variants.len()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(people()), key(&again));
}

#[test]
fn aliases_split_and_pin() {
    let aliases = Aliases::parse(
        r#"
        [[different]]
        names = ["Nina Gustavsen", "Nina Gustavussen"]

        [[same]]
        names = ["Kirsten", "Kristina Koch Sloth"]
        municipality = "Albertslund"
        name = "Kristina Koch Sloth"

        [[same]]
        names = ["Lise", "Lise Meldgaard"]
        "#,
        Path::new("aliases.toml"),
    )
    .expect("valid aliases");
    let resolution = resolve(records(), &aliases);
    let people = &resolution.persons;
    let ninas = referat_people::find(people, "Nina Gustavussen", Some("Albertslund"));
    assert_eq!(ninas.len(), 1);
    assert!(!ninas[0].is_called("Nina Gustavsen"), "the split holds");
    let kristina = person(people, "Albertslund", "Kirsten");
    assert_eq!(kristina.name, "Kristina Koch Sloth");
    let pin = kristina
        .merges
        .iter()
        .find(|m| m.rule == "aliases")
        .expect("a pinned merge");
    assert_eq!(pin.source, "aliases.toml");
    assert_eq!(kristina.confidence, 1.0);
    // A pin without municipality still never crosses one: Aalborg's Lise
    // and Gladsaxe's Lise Meldgaard stay two.
    let lises = referat_people::find(people, "Lise", None);
    assert_eq!(lises.len(), 2);
    assert!(resolution.warnings.is_empty(), "{:?}", resolution.warnings);
}

#[test]
fn an_alias_naming_nobody_is_a_warning() {
    let aliases = Aliases::parse(
        "[[same]]\nnames = [\"Rene\", \"Nobody Here\"]",
        Path::new("aliases.toml"),
    )
    .expect("valid aliases");
    let warnings = resolve(records(), &aliases).warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("Nobody Here"));
}

#[test]
fn output_matches_the_checked_in_schema() {
    let checked_in = include_str!("../persons.schema.json");
    assert!(
        checked_in == referat_people::json_schema(),
        "persons.schema.json is stale: run `cargo run -p referat-people --example write_persons_schema`"
    );
    let schema: serde_json::Value = serde_json::from_str(checked_in).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let json = serde_json::to_value(people()).expect("persons serialise");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut broken = json.clone();
    broken[0]["attended"] = serde_json::json!("yes");
    assert!(!validator.is_valid(&broken));
}
