//! Beside the results: the facet counts, each value a link that narrows
//! the search to it, and the topic timeline as an inline SVG bar chart
//! (geometry computed here, drawn by the template, every label escaped).

use referat_archive::{FacetField, Facets, Timeline};
use serde::Serialize;

use crate::params::SearchParams;

/// Values shown per facet.
pub const FACET_VALUES: usize = 10;

/// The facets the search page counts, in the order shown.
pub const PAGE_FACETS: [FacetField; 5] = [
    FacetField::Municipality,
    FacetField::Body,
    FacetField::Year,
    FacetField::DocType,
    FacetField::Person,
];

/// Danish headings of the facets.
const FACET_LABELS: [(FacetField, &str); 5] = [
    (FacetField::Municipality, "Kommune"),
    (FacetField::Body, "Udvalg eller råd"),
    (FacetField::Year, "År"),
    (FacetField::DocType, "Dokumenttype"),
    (FacetField::Person, "Person"),
];

/// One facet value: its count and the narrowed search's link.
#[derive(Debug, Serialize)]
pub struct FacetLink {
    /// The value as written.
    pub value: String,
    /// Matching meetings with it.
    pub count: u64,
    /// The same search with this value as a filter.
    pub href: String,
}

/// One facet with its top values.
#[derive(Debug, Serialize)]
pub struct FacetView {
    /// "municipality", "body", …
    pub name: &'static str,
    /// The Danish heading.
    pub label: &'static str,
    /// Most meetings first.
    pub values: Vec<FacetLink>,
}

/// `params` narrowed to one value of `field`, back on the first page.
fn narrowed(params: &SearchParams, field: FacetField, value: &str) -> SearchParams {
    let mut p = params.with_page(1);
    match field {
        FacetField::Municipality => p.municipality = value.to_string(),
        FacetField::Body => p.body = value.to_string(),
        FacetField::DocType => p.doc_type = value.to_string(),
        FacetField::Person => p.person = value.to_string(),
        FacetField::Year => {
            p.from = format!("{value}-01-01");
            p.to = format!("{value}-12-31");
        }
    }
    p
}

/// The facets as the page shows them.
pub fn facet_views(params: &SearchParams, facets: &Facets) -> Vec<FacetView> {
    facets
        .facets
        .iter()
        .filter(|c| !c.values.is_empty())
        .map(|c| FacetView {
            name: c.field.as_str(),
            label: FACET_LABELS
                .iter()
                .find(|(f, _)| *f == c.field)
                .map_or("", |(_, l)| l),
            values: c
                .values
                .iter()
                .take(FACET_VALUES)
                .map(|v| FacetLink {
                    value: v.value.clone(),
                    count: v.meetings,
                    href: format!(
                        "/?{}",
                        narrowed(params, c.field, &v.value).to_query_string()
                    ),
                })
                .collect(),
        })
        .collect()
}

/// Width and height of the timeline chart, in SVG units.
const CHART_W: f64 = 640.0;
const CHART_H: f64 = 160.0;
/// Room for the labels under the bars and the counts above them.
const LABEL_H: f64 = 18.0;
const TOP: f64 = 16.0;

/// One bar of the timeline.
#[derive(Debug, Serialize)]
pub struct Bar {
    /// The period ("2021", "2021-Q1", "2021-03").
    pub period: String,
    /// Matching meetings.
    pub matching: u64,
    /// Meetings in the period.
    pub meetings: u64,
    /// Geometry.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Whether its label is printed (not every one fits).
    pub labelled: bool,
}

/// The timeline chart: its size and bars.
#[derive(Debug, Serialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub baseline: f64,
    pub max: u64,
    pub bars: Vec<Bar>,
}

/// Bars of matching meetings per period; `None` when nothing is dated.
pub fn timeline_chart(timeline: &Timeline) -> Option<Chart> {
    let rows: Vec<_> = timeline.rows.iter().filter(|r| r.split.is_none()).collect();
    if rows.is_empty() {
        return None;
    }
    let max = rows.iter().map(|r| r.matching).max().unwrap_or(0).max(1);
    let slot = CHART_W / rows.len() as f64;
    let every = (rows.len() / 12).max(1);
    let plot_h = CHART_H - LABEL_H - TOP;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let h = plot_h * r.matching as f64 / max as f64;
            Bar {
                period: r.period.clone(),
                matching: r.matching,
                meetings: r.meetings,
                x: i as f64 * slot + slot * 0.1,
                y: TOP + plot_h - h,
                w: slot * 0.8,
                h,
                labelled: i % every == 0,
            }
        })
        .collect();
    Some(Chart {
        width: CHART_W,
        height: CHART_H,
        baseline: CHART_H - LABEL_H,
        max,
        bars,
    })
}
