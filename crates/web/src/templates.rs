//! The pages' templates (minijinja, compiled into the binary, every value
//! HTML-escaped) and the small view types they are given.

use minijinja::Environment;
use referat_archive::Snippet;
use serde::Serialize;

/// Each template's name and text. Names end in `.html`, which turns
/// minijinja's auto-escaping on for every value the template prints.
const TEMPLATES: [(&str, &str); 5] = [
    ("base.html", include_str!("../templates/base.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("meeting.html", include_str!("../templates/meeting.html")),
    ("person.html", include_str!("../templates/person.html")),
    ("error.html", include_str!("../templates/error.html")),
];

/// The template environment with every page loaded.
pub fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    for (name, text) in TEMPLATES {
        env.add_template(name, text)?;
    }
    Ok(env)
}

/// A run of snippet text, matched or not: the template wraps matched runs
/// in `<mark>`, so no markup is ever built from document text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text of the run.
    pub text: String,
    /// Whether it is a matched word.
    pub hit: bool,
}

/// The snippet as runs of plain and matched text, line breaks as spaces.
pub fn segments(snippet: &Snippet) -> Vec<Segment> {
    snippet
        .runs()
        .into_iter()
        .filter(|(text, _)| !text.is_empty())
        .map(|(text, hit)| Segment {
            text: text.replace('\n', " "),
            hit,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_runs_keep_every_character_and_mark_the_matches() {
        let snippet = Snippet {
            text: "Om skæve\nboliger <b>".into(),
            highlights: vec![3..9, 10..17],
        };
        let runs = segments(&snippet);
        let joined: String = runs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "Om skæve boliger <b>");
        let hits: Vec<&str> = runs
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hits, ["skæve", "boliger"]);
    }

    #[test]
    fn a_highlight_off_a_character_boundary_is_skipped_not_a_panic() {
        let snippet = Snippet {
            text: "æble".into(),
            highlights: std::iter::once(1..3).collect(),
        };
        let runs = segments(&snippet);
        assert!(runs.iter().all(|s| !s.hit));
    }

    #[test]
    fn every_template_compiles_and_escapes() {
        let env = environment().unwrap();
        let t = env.get_template("error.html").unwrap();
        let html = t
            .render(minijinja::context! { status => 400, message => "<script>x</script>" })
            .unwrap();
        assert!(html.contains("&lt;script&gt;x&lt;"), "{html}");
        assert!(!html.contains("<script>x"));
    }
}
