//! Searching: ranking, de-duplication of documents and their items, snippets.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query as _};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocSet, Executor, Score, Searcher, TantivyDocument, Term};

use crate::analysis;
use crate::collect::{Match, TopMatches};
use crate::date::IsoDate;
use crate::explain::{MatchedTerm, QueryWords};
use crate::index::Index;
use crate::meeting::MeetingMatches;
use crate::query::{self, Query, Scope};
use crate::roles::PersonRole;
use crate::schema::Fields;
use crate::IndexError;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 200;

/// A passage of a hit's text with the matched words marked.
///
/// As JSON: `text`, `highlights_bytes` (UTF-8 byte ranges, as in Rust) and
/// `highlights_chars` (ranges in Unicode scalar values, as Python, R and
/// JavaScript's `Array.from` index strings), each `{"start", "end"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, plain text.
    pub text: String,
    /// Byte ranges of the matched words in `text`, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Serialize for Snippet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Snippet", 3)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("highlights_bytes", &self.highlights)?;
        s.serialize_field("highlights_chars", &self.char_highlights())?;
        s.end()
    }
}

impl Snippet {
    /// The highlights as ranges of characters (Unicode scalar values)
    /// rather than bytes; a range off a character boundary is dropped.
    pub fn char_highlights(&self) -> Vec<Range<usize>> {
        let chars_before = |at: usize| self.text.get(..at).map(|t| t.chars().count());
        self.highlights
            .iter()
            .filter_map(|r| Some(chars_before(r.start)?..chars_before(r.end)?))
            .collect()
    }

    /// The text as runs of plain (`false`) and highlighted (`true`) text,
    /// in order, empty runs included: what [`Snippet::marked`] and a front
    /// end that marks up matches build on. A highlight off a character
    /// boundary, or overlapping the one before, is skipped.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::with_capacity(2 * self.highlights.len() + 1);
        let mut at = 0;
        for range in &self.highlights {
            let (Some(before), Some(word)) = (
                self.text.get(at..range.start),
                self.text.get(range.start..range.end),
            ) else {
                continue;
            };
            out.push((before, false));
            out.push((word, true));
            at = range.end;
        }
        out.push((self.text.get(at..).unwrap_or_default(), false));
        out
    }

    /// The text with each highlight wrapped in `open` and `close`, e.g.
    /// terminal colour codes or `**` for Markdown.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        for (run, highlighted) in self.runs() {
            if highlighted {
                out.push_str(open);
                out.push_str(run);
                out.push_str(close);
            } else {
                out.push_str(run);
            }
        }
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
    /// Why it matched: each marked word of the snippet with the query word
    /// it matched and how.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched: Vec<MatchedTerm>,
    /// With a person filter: the roles the person has in this record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<PersonRole>,
    /// The meeting the record belongs to, if any.
    pub meeting_id: Option<String>,
    /// The meeting's other documents and renditions, with their kind
    /// (filled in by the archive for one-hit-per-meeting searches).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// Another document or rendition of a hit's meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Its record id.
    pub doc_id: String,
    /// "minutes", "agenda", "rendition", "attachment", "item" or "other".
    pub kind: String,
    /// Its source format ("pdf", "docx", "html").
    pub format: String,
    /// Its source file.
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

/// Texts up to this many bytes are analysed whole for a snippet; longer
/// ones (whole minutes) only in windows around likely matches, because the
/// stemmed analysis of a long text costs about a millisecond.
const WHOLE_TEXT_BYTES: usize = 4 * SNIPPET_CHARS;

/// Windows analysed before falling back to the whole text.
const MAX_WINDOWS: usize = 3;

/// Characters of a term looked for as a cue of a match: stems and
/// compound parts share their first letters with the word in the text.
const CUE_CHARS: usize = 4;

/// Bytes of context before the cue that opens a window.
const WINDOW_LEAD_BYTES: usize = 80;

/// The snippet maker for one text field of a search.
struct Highlighter {
    generator: SnippetGenerator,
    /// Lower-case spellings of the first letters of each query term found
    /// in the index (with the old spellings the æøå normalisation merges:
    /// "aa" for "å"), and the term's weight (rarer is heavier).
    cues: Vec<(String, Score)>,
}

impl Highlighter {
    /// `None` when the query has no term in `field` that the index knows.
    fn new(
        searcher: &Searcher,
        query: &dyn tantivy::query::Query,
        field: Field,
    ) -> Result<Option<Highlighter>, IndexError> {
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term.clone());
            }
        });
        let mut cues = Vec::new();
        for term in &terms {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher.doc_freq(term)?;
            if doc_freq == 0 {
                continue;
            }
            let weight = 1.0 / (1.0 + doc_freq as Score);
            let head: String = text.chars().take(CUE_CHARS).collect();
            cues.extend(old_spellings(&head).into_iter().map(|c| (c, weight)));
        }
        if cues.is_empty() {
            return Ok(None);
        }
        let mut generator = SnippetGenerator::create(searcher, query, field)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        Ok(Some(Highlighter { generator, cues }))
    }

    /// The best passage of `text` with the query's terms marked, or `None`
    /// when none occurs in it.
    fn snippet(&self, text: &str) -> Option<Snippet> {
        if text.len() <= WHOLE_TEXT_BYTES {
            return self.analysed(text);
        }
        let lower = lower_case_in_place(text);
        let mut found: Vec<(usize, Score)> = self
            .cues
            .iter()
            .flat_map(|(cue, weight)| {
                lower
                    .match_indices(cue.as_str())
                    .map(|(at, _)| (at, *weight))
            })
            .collect();
        found.sort_unstable_by_key(|&(at, _)| at);
        // A window's promise: the weights of the cues within one snippet
        // length of its first cue.
        let mut windows: Vec<(Score, usize)> = Vec::with_capacity(found.len());
        let mut end = 0;
        let mut sum: Score = 0.0;
        for &(at, weight) in &found {
            while let Some(&(next, w)) = found.get(end) {
                if next >= at + SNIPPET_CHARS {
                    break;
                }
                sum += w;
                end += 1;
            }
            windows.push((sum, at));
            sum -= weight;
        }
        windows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut tried: Vec<Range<usize>> = Vec::new();
        for (_, at) in windows {
            if tried.len() == MAX_WINDOWS {
                break;
            }
            if tried.iter().any(|r| r.contains(&at)) {
                continue;
            }
            let window = window_around(text, at);
            if let Some(snippet) = text.get(window.clone()).and_then(|w| self.analysed(w)) {
                return Some(snippet);
            }
            tried.push(window);
        }
        // No cue led to a match (an irregular stem): analyse everything.
        self.analysed(text)
    }

    fn analysed(&self, text: &str) -> Option<Snippet> {
        let snippet = self.generator.snippet(text);
        (!snippet.highlighted().is_empty()).then(|| Snippet {
            text: snippet.fragment().to_string(),
            highlights: snippet.highlighted().to_vec(),
        })
    }
}

/// `text` in lower case where that keeps every byte offset (ASCII and the
/// Latin-1 letters, so "Ældrerådet" becomes "ældrerådet"); other letters
/// stay as they are, so a cue in them is missed and the whole text analysed.
fn lower_case_in_place(text: &str) -> String {
    let mut bytes = text.as_bytes().to_ascii_lowercase();
    let mut lead = 0u8;
    for b in bytes.iter_mut() {
        // À..Þ (except ×) are C3 80..9E; their lower case is C3 A0..BE.
        if lead == 0xC3 && (0x80..=0x9E).contains(b) && *b != 0x97 {
            *b += 0x20;
        }
        lead = *b;
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_lowercase())
}

/// The spellings of a normalised word start that the æøå normalisation
/// maps to it ("å" is also written "aa", "æ" "ae" or "ä", "ø" "oe" or "ö").
fn old_spellings(head: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in head.chars() {
        let options: &[&str] = match c {
            'å' => &["å", "aa"],
            'æ' => &["æ", "ae", "ä"],
            'ø' => &["ø", "oe", "ö"],
            _ => &[],
        };
        if options.is_empty() {
            out.iter_mut().for_each(|s| s.push(c));
        } else {
            out = out
                .iter()
                .flat_map(|s| options.iter().map(move |o| format!("{s}{o}")))
                .collect();
        }
    }
    out
}

/// The byte range of `text` to analyse for a cue at `at`: from the start of
/// a word a little before it to a word end two snippet lengths after.
fn window_around(text: &str, at: usize) -> Range<usize> {
    let mut start = at.saturating_sub(WINDOW_LEAD_BYTES).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if let Some((space, c)) = text
        .get(..start)
        .and_then(|t| t.char_indices().rev().find(|(_, c)| c.is_whitespace()))
    {
        if start - space <= WINDOW_LEAD_BYTES {
            start = space + c.len_utf8();
        }
    }
    let mut end = (at + 2 * SNIPPET_CHARS).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if let Some(space) = text.get(end..).and_then(|t| t.find(char::is_whitespace)) {
        if space <= WINDOW_LEAD_BYTES {
            end += space;
        }
    }
    start..end
}

/// The snippet makers for a search: stemmed field first (it knows stems and
/// compound parts), then lemmas ("børn" for "barn"), the exact field (stop
/// words, e.g. "og") and the ASCII fallback.
struct Snippets {
    highlighters: Vec<Highlighter>,
    field: Field,
}

impl Snippets {
    fn new(
        searcher: &Searcher,
        query: &dyn tantivy::query::Query,
        fields: &Fields,
        q: &Query,
    ) -> Result<Snippets, IndexError> {
        let f = query::text_fields(fields, q.section);
        let mut highlighters = Vec::new();
        if q.topic().is_some() {
            for field in [f.stemmed, f.lemma, f.exact, f.folded] {
                highlighters.extend(Highlighter::new(searcher, query, field)?);
            }
        }
        Ok(Snippets {
            highlighters,
            field: f.stemmed,
        })
    }

    fn snippet(&self, doc: &TantivyDocument) -> Snippet {
        let text: Vec<&str> = doc.get_all(self.field).filter_map(|v| v.as_str()).collect();
        let text = text.join("\n");
        self.highlighters
            .iter()
            .find_map(|h| h.snippet(&text))
            .unwrap_or_else(|| Snippet {
                text: leading_text(&text, SNIPPET_CHARS),
                highlights: Vec::new(),
            })
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

/// Most threads a search uses: the segments of a large index are searched
/// in parallel, one segment per thread at a time.
const SEARCH_THREADS: usize = 4;

/// Index entries from which a search uses several threads; below it,
/// handing segments to threads costs more than it saves.
const PARALLEL_FROM_ENTRIES: u64 = 200_000;

/// The thread pool searches share, made on first use: as many threads as
/// the machine has cores, up to [`SEARCH_THREADS`].
fn executor() -> &'static Executor {
    static EXECUTOR: OnceLock<Executor> = OnceLock::new();
    EXECUTOR.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        match cores.min(SEARCH_THREADS) {
            0 | 1 => Executor::single_thread(),
            n => Executor::multi_thread(n, "referat-search-")
                .unwrap_or_else(|_| Executor::single_thread()),
        }
    })
}

/// The executor for a search over `searcher`: the shared pool for a
/// large index, the calling thread for a small one.
pub(crate) fn executor_for(searcher: &Searcher) -> &'static Executor {
    static SINGLE: Executor = Executor::SingleThread;
    if searcher.num_docs() >= PARALLEL_FROM_ENTRIES {
        executor()
    } else {
        &SINGLE
    }
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
        let query = query::build(&self.inner, &searcher, &self.fields, q, scope)?;
        let scoring = if q.topic().is_some() {
            EnableScoring::enabled_from_searcher(&searcher)
        } else {
            EnableScoring::disabled_from_searcher(&searcher)
        };
        let executor = executor_for(&searcher);
        let keep = q.offset.saturating_add(q.limit);
        let page = if q.by_meeting {
            let collector = MeetingMatches {
                scoring: q.topic().is_some(),
                sort: q.sort,
                keep,
            };
            searcher.search_with_executor(&*query, &collector, executor, scoring)?
        } else {
            let collector = TopMatches {
                scoring: q.topic().is_some(),
                sort: q.sort,
                keep,
                prefer_items: scope == Scope::Both,
            };
            searcher.search_with_executor(&*query, &collector, executor, scoring)?
        };
        let snippets = Snippets::new(&searcher, &*query, &self.fields, q)?;
        let words = QueryWords::of(&analysis::elision::complete_elided_query(
            q.topic().unwrap_or_default(),
            analysis::lexicon::Lexicon::danish(),
        ));
        let roles = RoleProbe::new(&searcher, &self.fields, q)?;
        let hits = page
            .matches
            .iter()
            .skip(q.offset)
            .map(|m| {
                let mut hit = self.hit(&searcher, &snippets, m)?;
                hit.matched = words.explain(&hit.snippet);
                if let Some(probe) = &roles {
                    hit.roles = probe.roles(&searcher, m.address)?;
                }
                Ok(hit)
            })
            .collect::<Result<Vec<_>, IndexError>>()?;
        let total = page.total;
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
            matched: Vec::new(),
            roles: Vec::new(),
            meeting_id: stored_str(&doc, f.meeting_id),
            related: Vec::new(),
        })
    }
}

/// Finds the roles of the searched person in a hit's record: one query per
/// role over that role's name field, with every spelling searched for.
struct RoleProbe {
    weights: Vec<(PersonRole, Box<dyn tantivy::query::Weight>)>,
}

impl RoleProbe {
    /// `None` when the search has no person filter.
    fn new(
        searcher: &Searcher,
        fields: &Fields,
        q: &Query,
    ) -> Result<Option<RoleProbe>, IndexError> {
        let names: Vec<&str> = q
            .person
            .iter()
            .map(String::as_str)
            .chain(
                q.person_also
                    .iter()
                    .flat_map(|p| p.spellings.iter().map(String::as_str)),
            )
            .collect();
        if names.is_empty() {
            return Ok(None);
        }
        let mut weights = Vec::new();
        for (role, field) in &fields.person_roles {
            let any: Vec<(Occur, Box<dyn tantivy::query::Query>)> = names
                .iter()
                .filter_map(|n| query::name_query(*field, n))
                .map(|q| (Occur::Should, q))
                .collect();
            if any.is_empty() {
                continue;
            }
            let weight =
                BooleanQuery::new(any).weight(EnableScoring::disabled_from_searcher(searcher))?;
            weights.push((*role, weight));
        }
        Ok(Some(RoleProbe { weights }))
    }

    fn roles(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<Vec<PersonRole>, IndexError> {
        let segment = searcher.segment_reader(address.segment_ord);
        let mut out = Vec::new();
        for (role, weight) in &self.weights {
            let mut scorer = weight.scorer(segment, 1.0)?;
            if scorer.doc() <= address.doc_id && scorer.seek(address.doc_id) == address.doc_id {
                out.push(*role);
            }
        }
        Ok(out)
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
    fn char_highlights_count_characters_not_bytes() {
        let snippet = Snippet {
            text: "Ældrerådet om skæve boliger".into(),
            highlights: vec![0..12, 16..22],
        };
        assert_eq!(&snippet.text[16..22], "skæve");
        assert_eq!(snippet.char_highlights(), [0..10, 14..19]);
        let json = serde_json::to_value(&snippet).unwrap_or_default();
        assert_eq!(json["highlights_chars"][1]["start"], 14);
        assert_eq!(json["highlights_bytes"][1]["start"], 16);
    }

    #[test]
    fn lower_case_keeps_byte_offsets() {
        assert_eq!(lower_case_in_place("Ældre ÅRHUS Øst"), "ældre århus øst");
        assert_eq!(lower_case_in_place("5 × 3"), "5 × 3");
        // Greek changes length when lower-cased in general: left alone here.
        let greek = "ΣΟΦΙΑ boliger";
        assert_eq!(lower_case_in_place(greek).len(), greek.len());
        assert!(lower_case_in_place(greek).ends_with("boliger"));
    }

    #[test]
    fn cues_cover_old_spellings() {
        let mut spellings = old_spellings("åbe");
        spellings.sort();
        assert_eq!(spellings, ["aabe", "åbe"]);
        assert_eq!(old_spellings("bol"), ["bol"]);
        assert_eq!(old_spellings("ø").len(), 3);
    }

    #[test]
    fn windows_start_and_end_at_word_boundaries() {
        let text = format!(
            "{} skæve boliger {}",
            "ord ".repeat(100),
            "mere ".repeat(100)
        );
        let at = text.find("boliger").unwrap_or(0);
        let window = window_around(&text, at);
        let slice = &text[window.clone()];
        assert!(slice.contains("skæve boliger"));
        assert!(!slice.starts_with(char::is_whitespace));
        assert!(
            slice.starts_with("ord") && slice.ends_with("mere"),
            "{slice:?}"
        );
        assert!(window.end - window.start < 2 * SNIPPET_CHARS + 2 * WINDOW_LEAD_BYTES);
        // Near the ends of the text the window is cut there.
        assert_eq!(window_around("kort tekst", 2), 0..10);
    }

    #[test]
    fn leading_text_cuts_at_words() {
        assert_eq!(leading_text("en  to\ntre fire", 9), "en to tre");
        assert_eq!(leading_text("", 9), "");
    }
}
