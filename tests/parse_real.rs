//! Real minutes of another municipality (Aarhus, FirstAgenda), read where
//! they are in `../shared/real`: what a reader can state from them.

use referat_schema::{Record, SectionKind, Status};

fn parse(name: &str) -> Record {
    let path = referat_suite::real().join(name);
    referat_parser::parse_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn decision(r: &Record, number: u32) -> String {
    r.items
        .iter()
        .find(|i| i.number == number)
        .map(|i| {
            i.sections
                .iter()
                .filter(|s| s.kind == SectionKind::Beslutning)
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

#[test]
fn byraad_pdf_meeting_fields() {
    let r = parse("aarhus-byraad-2025-08-27-referat.pdf");
    assert_eq!(r.municipality.as_deref(), Some("Aarhus"));
    assert_eq!(r.body.as_deref(), Some("Aarhus Byråd"));
    assert_eq!(r.doc_type.as_str(), "referat");
    assert_eq!(r.date.as_deref(), Some("2025-08-27"));
    assert_eq!(r.start_time.as_deref(), Some("16:00"));
    assert_eq!(r.location.as_deref(), Some("Byrådssalen"));
    assert_eq!(r.source.pages, Some(28));
    assert!(r
        .source
        .producer
        .as_deref()
        .is_some_and(|p| p.contains("FirstAgenda")));
}

#[test]
fn byraad_pdf_items_agree_with_its_table_of_contents() {
    let r = parse("aarhus-byraad-2025-08-27-referat.pdf");
    let numbers: Vec<u32> = r.items.iter().map(|i| i.number).collect();
    assert_eq!(numbers, (1..=21).collect::<Vec<_>>());
    // The document's own table of contents lists every item title (cut
    // short where long) before dotted leaders and a page number.
    let toc: Vec<String> = r
        .text
        .lines()
        .skip_while(|l| *l != "Indholdsfortegnelse")
        .skip(1)
        .take_while(|l| !l.starts_with("Punkt 1:"))
        .map(|l| {
            let without_page = l.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
            without_page.trim_end_matches('.').trim().to_string()
        })
        .collect();
    assert_eq!(toc.len(), 21, "{toc:#?}");
    for (entry, item) in toc.iter().zip(&r.items) {
        let title = item.title.as_deref().unwrap_or("");
        let entry = entry.strip_prefix("Lukket: ").unwrap_or(entry);
        assert!(
            title.starts_with(entry),
            "item {}: {title:?} vs table of contents {entry:?}",
            item.number
        );
    }
    let last = r.items.last().unwrap();
    assert_eq!(last.status, Some(Status::Closed));
    assert_eq!(last.title.as_deref(), Some("Køb af landbrugsejendom"));
}

#[test]
fn byraad_pdf_decisions_and_case_numbers() {
    let r = parse("aarhus-byraad-2025-08-27-referat.pdf");
    assert_eq!(r.items[0].case_number.as_deref(), Some("EMN-2023-009832"));
    assert_eq!(r.items[1].case_number.as_deref(), Some("EMN-2025-003383"));
    assert!(r.items.iter().all(|i| i
        .case_number
        .as_deref()
        .is_some_and(|c| c.starts_with("EMN-"))));
    assert_eq!(decision(&r, 1), "Godkendt.");
    assert!(decision(&r, 2).starts_with("Fremsendes til Teknisk Udvalg til behandling"));
    assert!(decision(&r, 3).contains(
        "Radikale Venstres og Alternativets byrådsgrupper kunne ikke tiltræde indstillingen."
    ));
    // Every open item has its decision; the closed one has none published.
    for n in 1..=20 {
        assert!(!decision(&r, n).is_empty(), "item {n} has no decision");
    }
    assert!(!r.text.contains('\u{FFFD}') && !r.text.contains("Unimplemented"));
}

#[test]
fn teknisk_udvalg_html() {
    let r = parse("aarhus-teknisk-udvalg-2025-10-01-referat.html");
    assert_eq!(r.municipality.as_deref(), Some("Aarhus"));
    assert_eq!(r.body.as_deref(), Some("Teknisk Udvalg"));
    assert_eq!(r.date.as_deref(), Some("2025-10-01"));
    assert_eq!(r.start_time.as_deref(), Some("15:45"));
    assert_eq!(r.location.as_deref(), Some("Udvalgsværelse 398"));
    let titles: Vec<(u32, &str)> = r
        .items
        .iter()
        .map(|i| (i.number, i.title.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(titles.len(), 6);
    assert_eq!(titles[0], (1, "Referat fra sidste udvalgsmøde"));
    assert_eq!(
        titles[1],
        (2, "Udviklingsplan Aarhus Ø - endelig vedtagelse")
    );
    assert_eq!(titles[4], (5, "Eventuelt"));
    assert_eq!(decision(&r, 1), "Ingen bemærkninger.");
    assert!(decision(&r, 2).contains("Jakob Søgaard Clausen tog forbehold."));
    assert_eq!(decision(&r, 6), "Sagen blev udsat uden behandling.");
    // The saved page's attendee list is empty: nothing is invented.
    assert!(r.attendees.is_empty());
}
