//! Drawing a timeline to SVG or PNG with plotters: one line per series,
//! labelled axes, the query in the title. Text is set in DejaVu Sans,
//! bundled (assets/DejaVuSans.ttf, free licence in assets/), so æ, ø and å
//! come out the same on every machine.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};
use referat_archive::Timeline;

use crate::error::CliError;

/// The font every label is set in.
const FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
/// The family name the font is registered under.
const FAMILY: &str = "sans-serif";
/// Most series drawn; the rest (fewest matching meetings) are named on
/// stderr instead.
pub const MAX_SERIES: usize = 10;
/// Most period labels on the x axis.
const MAX_X_LABELS: usize = 12;
const SIZE: (u32, u32) = (1000, 560);

/// The series of a timeline: (name, matching meetings per period), most
/// matching meetings first, and the periods' labels.
type Series = (Vec<(String, Vec<u64>)>, Vec<String>);

fn series(t: &Timeline) -> Series {
    let mut periods: Vec<String> = Vec::new();
    let mut by_name: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for row in &t.rows {
        if periods.last() != Some(&row.period) {
            periods.push(row.period.clone());
        }
        let name = row
            .split
            .clone()
            .unwrap_or_else(|| "matching meetings".into());
        let values = by_name.entry(name).or_default();
        values.resize(periods.len() - 1, 0);
        values.push(row.matching);
    }
    let mut all: Vec<(String, Vec<u64>)> = by_name
        .into_iter()
        .map(|(n, mut v)| {
            v.resize(periods.len(), 0);
            (n, v)
        })
        .collect();
    all.sort_by_key(|(n, v)| (std::cmp::Reverse(v.iter().sum::<u64>()), n.clone()));
    (all, periods)
}

/// Draws `t` to `path` (.svg or .png) with `title`; returns the names of
/// the series left out (beyond [`MAX_SERIES`]).
pub fn timeline(path: &Path, t: &Timeline, title: &str) -> Result<Vec<String>, CliError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    if !*REGISTERED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT).is_ok()) {
        return Err(CliError::Usage("the bundled font could not be read".into()));
    }
    let (mut all, periods) = series(t);
    let left_out: Vec<String> = all
        .split_off(all.len().min(MAX_SERIES))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    let x_label = t.by.as_str();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let drawn = match extension.as_deref() {
        Some("svg") => draw(
            SVGBackend::new(path, SIZE).into_drawing_area(),
            &all,
            &periods,
            title,
            x_label,
        ),
        Some("png") => draw(
            BitMapBackend::new(path, SIZE).into_drawing_area(),
            &all,
            &periods,
            title,
            x_label,
        ),
        _ => {
            return Err(CliError::Usage(format!(
                "--plot {}: the file name must end in .svg or .png",
                path.display()
            )))
        }
    };
    drawn.map_err(|e| {
        CliError::Io(std::io::Error::other(format!(
            "drawing {}: {e}",
            path.display()
        )))
    })?;
    Ok(left_out)
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    series: &[(String, Vec<u64>)],
    periods: &[String],
    title: &str,
    x_label: &str,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    let top = series
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let last = periods.len().saturating_sub(1).max(1);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (FAMILY, 22))
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d(0usize..last, 0u64..top + top.div_ceil(10))?;
    let label_of = |i: &usize| periods.get(*i).cloned().unwrap_or_default();
    chart
        .configure_mesh()
        .x_desc(x_label)
        .y_desc("matching meetings")
        .x_labels(periods.len().clamp(2, MAX_X_LABELS))
        .x_label_formatter(&label_of)
        .label_style((FAMILY, 14))
        .axis_desc_style((FAMILY, 16))
        .draw()?;
    for (i, (name, values)) in series.iter().enumerate() {
        let colour = Palette99::pick(i).to_rgba();
        chart
            .draw_series(LineSeries::new(
                values.iter().enumerate().map(|(x, &y)| (x, y)),
                colour.stroke_width(2),
            ))?
            .label(name.as_str())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .label_font((FAMILY, 14))
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperLeft)
        .draw()?;
    root.present()?;
    Ok(())
}
