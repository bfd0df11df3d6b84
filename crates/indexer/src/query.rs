//! What a search asks for, and its translation into a tantivy query.

use std::ops::Bound;

use referat_schema::SectionKind;
use serde::{Deserialize, Serialize};
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::{
    AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query as TantivyQuery, QueryParser,
    RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Searcher, SegmentReader, Term};
use unicode_normalization::UnicodeNormalization;

use crate::analysis;
use crate::date::IsoDate;
use crate::phrase::PhraseQueries;
use crate::roles::PersonRole;
use crate::schema::{Fields, KIND_DOC, KIND_ITEM};
use crate::values::{self, Facet};
use crate::IndexError;

/// How much more an exact-form match weighs than a stem or compound-part match.
pub const EXACT_BOOST: f32 = 2.0;
/// Weight of a match in the ASCII-folded fallback field ("hjemloshed" for
/// "hjemløshed"): below any match of the word as written.
pub const FOLDED_BOOST: f32 = 0.25;

/// The order of search results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (ties: newest first).
    #[default]
    Relevance,
    /// Newest first (undated last; ties: best match first).
    Date,
}

/// A search: topic text plus filters. Every part is optional; the parts
/// combine with AND.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Topic, in the query language users know: words (all required by
    /// default), `"exact phrases"`, `AND`, `OR`, `-excluded`, parentheses.
    /// Other punctuation is ignored. Matched against the exact and the
    /// stemmed, decompounded text; exact matches rank higher.
    pub text: Option<String>,
    /// A person who attended, was absent, took the minutes, wrote the memo or
    /// is named, case- and accent-insensitively. One word matches first names
    /// (and surnames); several words match a full name as a phrase.
    pub person: Option<String>,
    /// Further people, any of whom also satisfies the person filter: an
    /// entry matches when it names `person` OR one of these (each within
    /// its own records). Used for a person resolved across spellings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub person_also: Vec<PersonVariants>,
    /// Restricts the person filter to these roles in the record (any of
    /// them): e.g. only meetings the person attended, not those they sent
    /// apologies for. Empty: any role. Needs `person` or `person_also`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<PersonRole>,
    /// Earliest date, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest date, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// Year of the meeting.
    pub year: Option<i32>,
    /// Municipality as people write it: "Aarhus", "Århus", "Aarhus
    /// Kommune" (see [`Facet::Municipality`]).
    pub municipality: Option<String>,
    /// Council or committee as people write it: "Udsatterådet",
    /// "udsatteråd", "byråd" (see [`Facet::Body`]).
    pub body: Option<String>,
    /// Document type: "referat", "dagsorden", "notat", "other".
    pub doc_type: Option<String>,
    /// Only items with a section of this kind (e.g. decisions), and the
    /// topic text searched in those sections only; results are then items
    /// (and [`Index::records`](crate::Index::records) gives their records).
    pub section: Option<SectionKind>,
    /// Result order.
    pub sort: Sort,
    /// One hit per meeting (the best-ranked entry of each meeting; records
    /// without a meeting are each their own): `total`, `limit` and `offset`
    /// then count meetings. Off by default: one hit per document or item.
    pub by_meeting: bool,
    /// Maximum number of hits returned.
    pub limit: usize,
    /// Number of hits skipped (for paging).
    pub offset: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: None,
            person: None,
            person_also: Vec::new(),
            roles: Vec::new(),
            from: None,
            to: None,
            year: None,
            municipality: None,
            body: None,
            doc_type: None,
            section: None,
            sort: Sort::Relevance,
            by_meeting: false,
            limit: 20,
            offset: 0,
        }
    }
}

/// One person under several spellings, known to appear in certain records
/// (e.g. a person resolved by `referat-people`): an entry matches when it
/// belongs to one of `doc_ids` and names the person under any of
/// `spellings` (each matched as [`Query::person`] is).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonVariants {
    /// The spellings of the name.
    pub spellings: Vec<String>,
    /// The record ids the person is looked for in.
    pub doc_ids: Vec<String>,
}

impl Query {
    /// A query for a topic, with default filters and limit.
    pub fn text(text: impl Into<String>) -> Self {
        Query {
            text: Some(text.into()),
            ..Query::default()
        }
    }

    /// The topic text, if it has any words.
    pub(crate) fn topic(&self) -> Option<&str> {
        self.text
            .as_deref()
            .map(str::trim)
            .filter(|t| t.chars().any(char::is_alphanumeric))
    }
}

/// Which entries a search may return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Document entries only (no topic text: a filter-only search lists documents).
    Documents,
    /// Item entries only (a section search).
    Items,
    /// Both; a document that also matches through its items is listed by its items.
    Both,
}

impl Scope {
    pub(crate) fn of(query: &Query) -> Scope {
        if query.section.is_some() {
            Scope::Items
        } else if query.topic().is_none() {
            Scope::Documents
        } else {
            Scope::Both
        }
    }
}

/// The key form of a filter value, as the `KEY` analyzer indexes it.
pub(crate) fn key(value: &str) -> String {
    value.trim().nfc().collect::<String>().to_lowercase()
}

/// Keeps what the query language needs and blanks the rest, so that text
/// pasted from minutes ("kl. 10:30", "§ 17, stk. 2") never fails to parse.
pub(crate) fn sanitise(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let next_is_word = chars
            .get(i + 1)
            .is_some_and(|n| n.is_alphanumeric() || *n == '"');
        let prev_is_word = i > 0 && chars.get(i - 1).is_some_and(|p| p.is_alphanumeric());
        let keep = c.is_alphanumeric()
            || c.is_whitespace()
            || c == '"'
            || c == '('
            || c == ')'
            || (c == '-' && (next_is_word || prev_is_word));
        out.push(if keep { c } else { ' ' });
    }
    if out.matches('"').count() % 2 == 1 {
        out = out.replace('"', " ");
    }
    let opened = out.matches('(').count();
    let closed = out.matches(')').count();
    if opened != closed || out.find(')') < out.find('(') {
        out = out.replace(['(', ')'], " ");
    }
    out
}

fn term_text(field: Field, value: &str) -> Box<dyn TantivyQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn parse_date(label: &str, value: &str) -> Result<IsoDate, IndexError> {
    IsoDate::parse(value).ok_or_else(|| {
        IndexError::InvalidQuery(format!("{label} date {value:?} is not a YYYY-MM-DD date"))
    })
}

/// The topic part: parsed over the exact, lemma, stemmed and folded fields
/// of the text or of one section kind; each query word matches in any of
/// them (exact ×2, folded ×0.25). Quoted phrases of the full text are
/// looked up as word pairs ([`crate::phrase`]).
pub(crate) fn topic_query(
    index: &tantivy::Index,
    fields: &Fields,
    query: &Query,
) -> Result<Option<Box<dyn TantivyQuery>>, IndexError> {
    let Some(text) = query.topic() else {
        return Ok(None);
    };
    let f = text_fields(fields, query.section);
    let mut parser = QueryParser::new(
        index.schema(),
        vec![f.exact, f.lemma, f.stemmed, f.folded],
        analysis::query_tokenizers(),
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.exact, EXACT_BOOST);
    parser.set_field_boost(f.folded, FOLDED_BOOST);
    let text = analysis::elision::complete_elided_query(
        &sanitise(text),
        analysis::lexicon::Lexicon::danish(),
    );
    let parsed = match query.section {
        // Phrases of the full text are looked up as word pairs.
        None => PhraseQueries::new(&parser, fields.text_pairs).parse(&text)?,
        Some(_) => parser
            .parse_query(&text)
            .map_err(|e| IndexError::InvalidQuery(e.to_string()))?,
    };
    Ok(Some(parsed))
}

/// The text fields searched for a section kind or the full text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextFields {
    /// Stemmed and decompounded, stored (snippets come from it).
    pub stemmed: Field,
    /// Exact words.
    pub exact: Field,
    /// Lemmas.
    pub lemma: Field,
    /// ASCII-folded fallback.
    pub folded: Field,
}

/// The fields searched for a section kind, or the full text.
pub(crate) fn text_fields(fields: &Fields, section: Option<SectionKind>) -> TextFields {
    match section.and_then(|k| fields.section(k)) {
        Some(s) => TextFields {
            stemmed: s.stemmed,
            exact: s.exact,
            lemma: s.lemma,
            folded: s.folded,
        },
        None => TextFields {
            stemmed: fields.text,
            exact: fields.text_exact,
            lemma: fields.text_lemma,
            folded: fields.text_folded,
        },
    }
}

/// A name in one person field: one word matches a first name (or any
/// name word), several words a full name as a phrase, all case- and
/// accent-folded.
pub(crate) fn name_query(field: Field, person: &str) -> Option<Box<dyn TantivyQuery>> {
    let words = analysis::tokens(&mut analysis::person_analyzer(), person);
    match words.as_slice() {
        [] => None,
        // Every word of a name, the first included, is in the field: one
        // term matches first names and surnames without a union.
        [one] => Some(term_text(field, one)),
        many => {
            let terms = many
                .iter()
                .map(|w| Term::from_field_text(field, w))
                .collect();
            Some(Box::new(PhraseQuery::new(terms)))
        }
    }
}

/// The person part: the name in `person_fold`, or with roles, in the
/// fields of those roles (any of them).
fn person_query(
    fields: &Fields,
    person: &str,
    roles: &[PersonRole],
) -> Option<Box<dyn TantivyQuery>> {
    if roles.is_empty() {
        return name_query(fields.person_fold, person);
    }
    let mut any: Vec<(Occur, Box<dyn TantivyQuery>)> = roles
        .iter()
        .filter_map(|&r| fields.person_role(r))
        .filter_map(|f| name_query(f, person))
        .map(|q| (Occur::Should, q))
        .collect();
    match any.len() {
        0 => None,
        1 => any.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(any))),
    }
}

/// A person under any of its spellings, in its own records only; `None`
/// when it can match nothing (no spelling with a name, or no record).
fn variants_query(
    fields: &Fields,
    person: &PersonVariants,
    roles: &[PersonRole],
) -> Option<Box<dyn TantivyQuery>> {
    let spellings: Vec<(Occur, Box<dyn TantivyQuery>)> = person
        .spellings
        .iter()
        .filter_map(|s| person_query(fields, s, roles))
        .map(|q| (Occur::Should, q))
        .collect();
    if spellings.is_empty() || person.doc_ids.is_empty() {
        return None;
    }
    let records = TermSetQuery::new(
        person
            .doc_ids
            .iter()
            .map(|id| Term::from_field_text(fields.doc_id, id.trim())),
    );
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(records)),
        (Occur::Must, Box::new(BooleanQuery::new(spellings))),
    ])))
}

/// The person filter: `person` OR any of `person_also`; `None` when the
/// query has no person filter.
fn persons_query(
    fields: &Fields,
    query: &Query,
) -> Result<Option<Box<dyn TantivyQuery>>, IndexError> {
    let mut any: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
    if let Some(person) = query.person.as_deref() {
        match person_query(fields, person, &query.roles) {
            Some(q) => any.push((Occur::Should, q)),
            None => {
                return Err(IndexError::InvalidQuery(format!(
                    "person {person:?} has no name in it"
                )))
            }
        }
    }
    any.extend(
        query
            .person_also
            .iter()
            .filter_map(|p| variants_query(fields, p, &query.roles))
            .map(|q| (Occur::Should, q)),
    );
    if query.person.is_none() && query.person_also.is_empty() && !query.roles.is_empty() {
        return Err(IndexError::InvalidQuery(
            "a role restricts a person filter: give a person too".into(),
        ));
    }
    Ok(match any.len() {
        0 if query.person_also.is_empty() => None,
        // Only people who can match nothing: the filter matches nothing.
        0 => Some(Box::new(EmptyQuery)),
        1 => any.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(any))),
    })
}

/// A municipality or body filter: any of the index's values it means (or,
/// when it means none, the value itself, which matches nothing).
fn facet_query(
    searcher: &Searcher,
    field: Field,
    facet: Facet,
    filter: &str,
) -> Result<Box<dyn TantivyQuery>, IndexError> {
    let known = values::values_in(searcher, facet)?;
    let mut keys: Vec<String> = values::matching(facet, filter, known.keys())
        .iter()
        .map(|v| key(v))
        .collect();
    keys.dedup();
    Ok(match keys.as_slice() {
        [] => term_text(field, &key(filter)),
        [one] => term_text(field, one),
        _ => Box::new(TermSetQuery::new(
            keys.iter().map(|k| Term::from_field_text(field, k)),
        )),
    })
}

/// Entries with some text in `field` (a section kind's text): its field
/// norm, the number of tokens, is not zero.
fn non_empty(field: Field) -> Box<dyn TantivyQuery> {
    let predicate = FunctionPredicate::from(move |segment: &SegmentReader| {
        let norms = segment.get_fieldnorms_reader(field)?;
        Ok(move |doc: DocId| norms.fieldnorm_id(doc) != 0)
    });
    Box::new(DocPredicateQuery::from(predicate))
}

/// The whole query: topic AND filters AND scope.
pub(crate) fn build(
    index: &tantivy::Index,
    searcher: &Searcher,
    fields: &Fields,
    query: &Query,
    scope: Scope,
) -> Result<Box<dyn TantivyQuery>, IndexError> {
    let mut must: Vec<Box<dyn TantivyQuery>> = Vec::new();
    if let Some(topic) = topic_query(index, fields, query)? {
        must.push(topic);
    }
    match scope {
        Scope::Documents => must.push(term_text(fields.kind, KIND_DOC)),
        Scope::Items => must.push(term_text(fields.kind, KIND_ITEM)),
        Scope::Both => {}
    }
    if let Some(persons) = persons_query(fields, query)? {
        must.push(persons);
    }
    for (field, facet, value) in [
        (
            fields.municipality,
            Facet::Municipality,
            &query.municipality,
        ),
        (fields.body, Facet::Body, &query.body),
    ] {
        if let Some(value) = value.as_deref() {
            must.push(facet_query(searcher, field, facet, value)?);
        }
    }
    if let Some(value) = query.doc_type.as_deref() {
        must.push(term_text(fields.doc_type, &key(value)));
    }
    if let (Scope::Items, Some(kind), None) = (scope, query.section, query.topic()) {
        let stemmed = text_fields(fields, Some(kind)).stemmed;
        must.push(non_empty(stemmed));
    }
    if let Some(year) = query.year {
        let year = u64::try_from(year)
            .map_err(|_| IndexError::InvalidQuery(format!("year {year} is not a year")))?;
        must.push(Box::new(TermQuery::new(
            Term::from_field_u64(fields.year, year),
            IndexRecordOption::Basic,
        )));
    }
    let from = query
        .from
        .as_deref()
        .map(|v| parse_date("from", v))
        .transpose()?;
    let to = query
        .to
        .as_deref()
        .map(|v| parse_date("to", v))
        .transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(IndexError::InvalidQuery(format!(
                "the from date {} is after the to date {}",
                query.from.as_deref().unwrap_or_default(),
                query.to.as_deref().unwrap_or_default()
            )));
        }
    }
    if from.is_some() || to.is_some() {
        let bound = |d: Option<IsoDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(fields.date, d.to_datetime())),
            None => Bound::Unbounded,
        };
        must.push(Box::new(RangeQuery::new(bound(from), bound(to))));
    }
    if must.is_empty() {
        return Ok(Box::new(AllQuery));
    }
    if must.len() == 1 {
        if let Some(only) = must.pop() {
            return Ok(only);
        }
    }
    Ok(Box::new(BooleanQuery::new(
        must.into_iter().map(|q| (Occur::Must, q)).collect(),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitise_keeps_the_query_language() {
        assert_eq!(
            sanitise("\"skæve boliger\" -Aarhus"),
            "\"skæve boliger\" -Aarhus"
        );
        assert_eq!(sanitise("a AND (b OR c)"), "a AND (b OR c)");
        assert_eq!(sanitise("kl. 10:30"), "kl  10 30");
        assert_eq!(sanitise("IT-system"), "IT-system");
    }

    #[test]
    fn sanitise_drops_unbalanced_quotes_and_parentheses() {
        assert!(!sanitise("\"skæve boliger").contains('"'));
        assert!(!sanitise("a) (b").contains('('));
        assert!(!sanitise("budget - 2020").contains('-'));
    }

    #[test]
    fn scope_follows_text_and_section() {
        assert_eq!(Scope::of(&Query::default()), Scope::Documents);
        assert_eq!(Scope::of(&Query::text("bolig")), Scope::Both);
        assert_eq!(Scope::of(&Query::text("  ")), Scope::Documents);
        let mut q = Query::text("bolig");
        q.section = Some(SectionKind::Beslutning);
        assert_eq!(Scope::of(&q), Scope::Items);
    }
}
