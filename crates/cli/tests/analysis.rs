//! `referat timeline`, `search --facets` and `referat attendance` (issue
//! 20) through the real binary on the corpus: the numbers printed equal
//! what `search` prints with the same filters, the plots are valid files
//! with their series and axis labels, and a filter that matches nothing
//! exits 1 with a message.

mod common;

use common::{corpus_index, referat, run, stderr, stdout};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let o = run(referat(corpus_index()).args(args));
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON")
}

/// The meetings `search --json` counts with these arguments (0 on exit 1).
fn search_total(args: &[String]) -> u64 {
    let o = run(referat(corpus_index())
        .arg("search")
        .args(args)
        .args(["--json", "--limit", "1"]));
    match o.status.code() {
        Some(0) => {
            let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
            v["total"].as_u64().expect("total")
        }
        Some(1) => 0,
        _ => panic!("search {args:?}: {}", stderr(&o)),
    }
}

#[test]
fn timeline_rows_equal_search_totals() {
    for (query, by) in [
        ("udsatte", "quarter"),
        ("borgere", "year"),
        ("bolig", "month"),
    ] {
        let t = json(&[
            "timeline",
            query,
            "--by",
            by,
            "--split",
            "municipality",
            "--json",
        ]);
        let rows = t["rows"].as_array().expect("rows");
        assert!(!rows.is_empty());
        let mut matching = 0;
        for row in rows {
            let mut args = vec![
                query.to_string(),
                "--from".into(),
                row["from"].as_str().expect("from").into(),
                "--to".into(),
                row["to"].as_str().expect("to").into(),
            ];
            if let Some(m) = row["split"].as_str() {
                args.extend(["--municipality".into(), m.to_string()]);
            }
            let n = row["matching"].as_u64().expect("matching");
            assert_eq!(n, search_total(&args), "{query} {row}");
            matching += n;
        }
        assert!(matching > 0, "{query}: nothing matched");
    }
}

#[test]
fn timeline_csv_has_one_line_per_row() {
    let o = run(referat(corpus_index()).args(["timeline", "udsatte", "--by", "year", "--csv"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["period", "from", "to", "split", "matching", "meetings", "share"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    // The corpus minutes and memo are of 2019, 2021 (two), 2023 and 2024.
    let periods: Vec<&str> = rows.iter().filter_map(|r| r.get(0)).collect();
    assert_eq!(periods, ["2019", "2020", "2021", "2022", "2023", "2024"]);
}

#[test]
fn facets_equal_narrowed_searches() {
    let v = json(&[
        "search",
        "borgere",
        "--facets",
        "municipality,body,year,doc_type,person",
        "--json",
    ]);
    let facets = v["facets"]["facets"].as_array().expect("facets");
    assert_eq!(facets.len(), 5);
    assert_eq!(v["facets"]["meetings"], v["total"]);
    let mut checked = 0;
    for f in facets {
        let field = f["field"].as_str().expect("field");
        for value in f["values"].as_array().expect("values") {
            let name = value["value"].as_str().expect("value").to_string();
            let mut args = vec!["borgere".to_string()];
            match field {
                "municipality" => args.extend(["--municipality".into(), name]),
                "body" => args.extend(["--body".into(), name]),
                "year" => args.extend(["--year".into(), name]),
                "doc_type" => args.extend(["--doc-type".into(), name]),
                "person" => args.extend([
                    "--person".into(),
                    name,
                    "--municipality".into(),
                    value["municipality"].as_str().expect("municipality").into(),
                ]),
                other => panic!("facet {other}"),
            }
            assert_eq!(
                value["meetings"].as_u64(),
                Some(search_total(&args)),
                "{args:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked}");
}

#[test]
fn facets_on_the_terminal_show_the_top_values() {
    let o = run(referat(corpus_index()).args(["search", "borgere", "--facets", "person,year"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("\nPERSON ("), "{text}");
    assert!(text.contains("René Meyrowitsch (Albertslund)"), "{text}");
    let person_lines = text
        .split("\nPERSON (")
        .nth(1)
        .and_then(|t| t.split("\nYEAR (").next())
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("  ") && !l.contains('…'))
        .count();
    assert!((1..=20).contains(&person_lines), "{person_lines}");
}

#[test]
fn attendance_csv_rows_agree_with_the_records() {
    let o =
        run(referat(corpus_index()).args(["attendance", "--municipality", "Albertslund", "--csv"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    // 2021-10-14 (read in the minutes): "Deltagere: Jette Nyboe, Lisbeth
    // Andersen, Jannie Hansen, Berit Berrig, Rene", "Afbud: Søren
    // Mogensen, Allan Høyer og Ulla Bektas", "U/afbud: Diana Vang og Helge
    // Bo Jensen", "Referent: Carina Kofoed".
    let of = |date: &str, presence: &str| -> Vec<String> {
        let mut v: Vec<String> = rows
            .iter()
            .filter(|r| r.get(0) == Some(date) && r.get(8) == Some(presence))
            .filter_map(|r| r.get(6).map(str::to_string))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        of("2021-10-14", "attended"),
        [
            "Berit Berrig",
            "Carina Kofoed",
            "Jannie Hansen",
            "Jette Nyboe",
            "Lisbeth Andersen",
            "Rene"
        ]
    );
    assert_eq!(
        of("2021-10-14", "absent"),
        ["Allan Høyer", "Søren Mogensen", "Ulla Bektas"]
    );
    assert_eq!(
        of("2021-10-14", "absent_without_notice"),
        ["Diana Vang", "Helge Bo Jensen"]
    );
    // "Rene" is René Meyrowitsch, resolved, with the name as written kept.
    let rene = rows
        .iter()
        .find(|r| r.get(0) == Some("2021-10-14") && r.get(6) == Some("Rene"))
        .expect("Rene");
    assert_eq!(rene.get(5), Some("René Meyrowitsch"));
    // Carina Kofoed took the minutes.
    assert!(rows
        .iter()
        .any(|r| r.get(6) == Some("Carina Kofoed") && r.get(10) == Some("true")));
}

#[test]
fn attendance_summary_and_json() {
    let o = run(referat(corpus_index()).args(["attendance", "--body", "Udsatterådet"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("PERSON"), "{text}");
    assert!(text.contains("René Meyrowitsch, Rene"), "{text}");
    let v = json(&["attendance", "--municipality", "Albertslund", "--json"]);
    assert_eq!(v["meetings"], 2);
    let rows = v["rows"].as_array().expect("rows");
    let persons = v["persons"].as_array().expect("persons");
    let summed: u64 = persons.iter().filter_map(|p| p["meetings"].as_u64()).sum();
    assert_eq!(summed, rows.len() as u64);
}

#[test]
fn svg_plot_has_series_and_axis_labels() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("udsatte.svg");
    let o = run(referat(corpus_index())
        .args([
            "timeline",
            "udsatte",
            "--by",
            "year",
            "--split",
            "municipality",
            "--plot",
        ])
        .arg(&path));
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&path).expect("svg written");
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut texts = Vec::new();
    let mut root = None;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) if root.is_none() => {
                root = Some(e.name().as_ref().to_string());
            }
            Ok(quick_xml::events::Event::Text(t)) => {
                let t = t.xml10_content().trim().to_string();
                if !t.is_empty() {
                    texts.push(t);
                }
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not XML: {e}"),
        }
    }
    assert_eq!(root.as_deref(), Some("svg"));
    for label in [
        "«udsatte»: meetings per year",
        "year",
        "matching meetings",
        "Aalborg",
        "Albertslund",
        "Gladsaxe",
        "2019",
        "2024",
    ] {
        assert!(texts.iter().any(|t| t == label), "{label} not in {texts:?}");
    }
}

#[test]
fn png_plot_decodes() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("bolig.png");
    let o = run(referat(corpus_index())
        .args(["timeline", "--by", "quarter", "--plot"])
        .arg(&path));
    assert!(o.status.success(), "{}", stderr(&o));
    let file = std::fs::File::open(&path).expect("png written");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!((info.width, info.height), (1000, 560));
    // Not blank: the lines and labels are drawn in colours other than white.
    assert!(buf.iter().any(|&b| b < 200));
    let bad = run(referat(corpus_index())
        .args(["timeline", "--plot"])
        .arg(dir.path().join("plot.gif")));
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}

#[test]
fn nothing_matched_exits_1_with_a_message() {
    for args in [
        vec!["timeline", "zzyzxq"],
        vec!["timeline", "--year", "1999"],
        vec!["attendance", "--from", "1990-01-01", "--to", "1990-12-31"],
    ] {
        let o = run(referat(corpus_index()).args(&args));
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("no meeting"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = run(referat(corpus_index()).args(["attendance", "--municipality", "Atlantis"]));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("Atlantis"));
}
