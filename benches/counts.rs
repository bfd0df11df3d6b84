//! Timeline, facets and attendance (issue 20) against an existing index:
//! each through `referat_archive`, as the CLI and the web page call them,
//! run many times in this process (archive opened once), latencies as
//! percentiles. The persons caches beside the index are built by the
//! warm-up runs (as the first `referat persons` or `--person` search
//! builds them) and not timed.
//!
//! `REFERAT_BENCH_INDEX=/path/to/index cargo bench --bench counts`
//! Without `REFERAT_BENCH_INDEX` it says so and exits (so `cargo bench` passes).
//! `REFERAT_BENCH_REPEAT` sets the runs per case (default 20);
//! `REFERAT_BENCH_TEXT` the topic counted (default "bolig");
//! `REFERAT_BENCH_MUNICIPALITY` the municipality of the attendance case
//! (default: the one with most documents).

mod common;

use std::time::Instant;

use referat_archive::{Archive, FacetField, Period, Query, Split};

fn main() {
    let Some(dir) = common::index_dir("counts", "") else {
        return;
    };
    let repeat = common::repeat(20);
    let text = std::env::var("REFERAT_BENCH_TEXT").unwrap_or_else(|_| "bolig".into());
    let archive = match Archive::open(&dir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("counts bench: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let municipality = std::env::var("REFERAT_BENCH_MUNICIPALITY")
        .ok()
        .or_else(|| {
            let stats = archive.stats(&Query::default()).ok()?;
            stats
                .by_municipality
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(m, _)| m.clone())
        });
    let topic = Query::text(text.as_str());
    let in_municipality = Query {
        municipality: municipality.clone(),
        ..Query::default()
    };
    type Case<'a> = (&'a str, Box<dyn Fn() -> u64 + 'a>);
    let a = &archive;
    let cases: Vec<Case> = vec![
        (
            "timeline_all_by_month",
            Box::new(|| {
                ok(a.timeline(&Query::default(), Period::Month, None)).map_or(0, |t| t.matching)
            }),
        ),
        (
            "timeline_topic_by_quarter",
            Box::new(|| ok(a.timeline(&topic, Period::Quarter, None)).map_or(0, |t| t.matching)),
        ),
        (
            "timeline_topic_by_year_split_municipality",
            Box::new(|| {
                ok(a.timeline(&topic, Period::Year, Some(Split::Municipality)))
                    .map_or(0, |t| t.matching)
            }),
        ),
        (
            "facets_topic_municipality_body_year_doc_type",
            Box::new(|| {
                let fields = [
                    FacetField::Municipality,
                    FacetField::Body,
                    FacetField::Year,
                    FacetField::DocType,
                ];
                ok(a.facets(&topic, &fields)).map_or(0, |f| f.meetings)
            }),
        ),
        (
            "facets_all_five_incl_person",
            Box::new(|| ok(a.facets(&topic, &FacetField::ALL)).map_or(0, |f| f.meetings)),
        ),
        (
            "attendance_one_municipality",
            Box::new(|| ok(a.attendance(&in_municipality)).map_or(0, |x| x.rows.len() as u64)),
        ),
    ];
    let mut out = serde_json::Map::new();
    out.insert("municipality".into(), serde_json::json!(municipality));
    out.insert("text".into(), serde_json::json!(text));
    for (name, run) in &cases {
        let mut result = 0;
        for _ in 0..2 {
            result = run();
        }
        let mut times: Vec<f64> = (0..repeat)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(run());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| common::percentile(&times, p).unwrap_or(f64::NAN);
        out.insert(
            name.to_string(),
            serde_json::json!({
                "p50_ms": pct(0.50), "p95_ms": pct(0.95), "max_ms": pct(1.0),
                "result": result, "runs": times.len(),
            }),
        );
        eprintln!(
            "{name}: p50 {:.1} ms, max {:.1} ms (result {result})",
            pct(0.5),
            pct(1.0)
        );
    }
    println!("{}", serde_json::Value::Object(out));
}

fn ok<T>(r: Result<T, referat_archive::ArchiveError>) -> Option<T> {
    r.map_err(|e| eprintln!("counts bench: {e}")).ok()
}
