//! Searching: ranking, de-duplication of documents and their items, snippets.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument};

use crate::collect::{AllMatches, Match};
use crate::date::IsoDate;
use crate::index::Index;
use crate::query::{self, Query, Scope, Sort};
use crate::schema::Fields;
use crate::IndexError;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 200;

/// A passage of a hit's text with the matched words marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage, plain text.
    pub text: String,
    /// Byte ranges of the matched words in `text`, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The text with each highlight wrapped in `open` and `close`, e.g.
    /// terminal colour codes or `**` for Markdown.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for range in &self.highlights {
            let (Some(before), Some(word)) = (
                self.text.get(at..range.start),
                self.text.get(range.start..range.end),
            ) else {
                continue;
            };
            out.push_str(before);
            out.push_str(open);
            out.push_str(word);
            out.push_str(close);
            at = range.end;
        }
        out.push_str(self.text.get(at..).unwrap_or_default());
        out
    }
}

/// One search result: a whole document or one agenda item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// The record id.
    pub doc_id: String,
    /// The item number, or `None` for a whole-document hit.
    pub item: Option<u32>,
    /// The item's title for an item hit, the document's title otherwise.
    pub title: Option<String>,
    /// Meeting date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Municipality.
    pub municipality: Option<String>,
    /// Council or committee.
    pub body: Option<String>,
    /// Document type.
    pub doc_type: Option<String>,
    /// Relevance score (BM25; 0 for a search without topic text).
    pub score: f32,
    /// The best passage, matched words marked.
    pub snippet: Snippet,
    /// The source file.
    pub source_path: String,
}

/// A page of search results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Number of hits in all pages (after de-duplication).
    pub total: usize,
    /// This page.
    pub hits: Vec<Hit>,
}

fn stored_str(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Orders matches: relevance (score, then newest) or date (newest, then score).
fn order(matches: &mut [Match], sort: Sort) {
    let by_score = |a: &Match, b: &Match| b.score.total_cmp(&a.score);
    let by_date = |a: &Match, b: &Match| b.date.cmp(&a.date);
    matches.sort_by(|a, b| {
        let primary = match sort {
            Sort::Relevance => by_score(a, b).then_with(|| by_date(a, b)),
            Sort::Date => by_date(a, b).then_with(|| by_score(a, b)),
        };
        primary.then_with(|| a.address.cmp(&b.address))
    });
}

/// Drops document entries whose items also matched: the items say more
/// precisely where the match is.
fn prefer_items(matches: Vec<Match>) -> Vec<Match> {
    let with_items: HashSet<u64> = matches
        .iter()
        .filter(|m| m.is_item)
        .map(|m| m.doc_key)
        .collect();
    matches
        .into_iter()
        .filter(|m| m.is_item || !with_items.contains(&m.doc_key))
        .collect()
}

/// The snippet makers for a search: stemmed field first (it knows stems and
/// compound parts), exact field as fallback (stop words, e.g. "og").
struct Snippets {
    stemmed: Option<SnippetGenerator>,
    exact: Option<SnippetGenerator>,
    field: Field,
}

impl Snippets {
    fn new(
        searcher: &Searcher,
        query: &dyn tantivy::query::Query,
        fields: &Fields,
        q: &Query,
    ) -> Result<Snippets, IndexError> {
        let (stemmed, exact) = query::text_fields(fields, q.section);
        let make = |field| -> Result<Option<SnippetGenerator>, IndexError> {
            if q.topic().is_none() {
                return Ok(None);
            }
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            Ok(Some(generator))
        };
        Ok(Snippets {
            stemmed: make(stemmed)?,
            exact: make(exact)?,
            field: stemmed,
        })
    }

    fn snippet(&self, doc: &TantivyDocument) -> Snippet {
        let text: Vec<&str> = doc.get_all(self.field).filter_map(|v| v.as_str()).collect();
        let text = text.join("\n");
        for generator in [&self.stemmed, &self.exact].into_iter().flatten() {
            let snippet = generator.snippet(&text);
            if !snippet.highlighted().is_empty() {
                return Snippet {
                    text: snippet.fragment().to_string(),
                    highlights: snippet.highlighted().to_vec(),
                };
            }
        }
        Snippet {
            text: leading_text(&text, SNIPPET_CHARS),
            highlights: Vec::new(),
        }
    }
}

/// The start of a text, cut at a word boundary, whitespace collapsed.
fn leading_text(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

impl Index {
    /// Runs a search.
    ///
    /// With topic text, both whole documents and items can match; when a
    /// document matches through some of its items only those items are
    /// listed (a document is listed itself when no item matches, e.g. a memo
    /// without items or a match in the attendee list). Without topic text the
    /// hits are documents; with a `section`, items.
    pub fn search(&self, q: &Query) -> Result<SearchResults, IndexError> {
        let searcher = self.searcher();
        let scope = Scope::of(q);
        let query = query::build(&self.inner, &self.fields, q, scope)?;
        let mut matches = searcher.search(
            &*query,
            &AllMatches {
                scoring: q.topic().is_some(),
            },
        )?;
        if scope == Scope::Both {
            matches = prefer_items(matches);
        }
        order(&mut matches, q.sort);
        let total = matches.len();
        let snippets = Snippets::new(&searcher, &*query, &self.fields, q)?;
        let hits = matches
            .iter()
            .skip(q.offset)
            .take(q.limit)
            .map(|m| self.hit(&searcher, &snippets, m))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SearchResults { total, hits })
    }

    fn hit(&self, searcher: &Searcher, snippets: &Snippets, m: &Match) -> Result<Hit, IndexError> {
        let f = &self.fields;
        let doc: TantivyDocument = searcher.doc(m.address)?;
        let item = doc
            .get_first(f.item)
            .and_then(|v| v.as_u64())
            .and_then(|n| u32::try_from(n).ok());
        Ok(Hit {
            doc_id: stored_str(&doc, f.doc_id).unwrap_or_default(),
            item: if m.is_item { item } else { None },
            title: stored_str(&doc, f.title),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(IsoDate::from_datetime),
            municipality: stored_str(&doc, f.municipality),
            body: stored_str(&doc, f.body),
            doc_type: stored_str(&doc, f.doc_type),
            score: m.score,
            snippet: snippets.snippet(&doc),
            source_path: stored_str(&doc, f.source_path).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_wraps_highlights() {
        let snippet = Snippet {
            text: "skæve boliger i byen".into(),
            highlights: vec![0..6, 7..14],
        };
        assert_eq!(snippet.marked("[", "]"), "[skæve] [boliger] i byen");
        let broken = Snippet {
            text: "abc".into(),
            highlights: std::iter::once(2..9).collect(),
        };
        assert_eq!(broken.marked("[", "]"), "abc");
    }

    #[test]
    fn leading_text_cuts_at_words() {
        assert_eq!(leading_text("en  to\ntre fire", 9), "en to tre");
        assert_eq!(leading_text("", 9), "");
    }
}
