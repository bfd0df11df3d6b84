//! A search as the URL holds it: every field of the query box and the
//! filters, so that a search can be bookmarked and shared. The names are
//! the CLI's flag names; an empty field is no filter.

use referat_archive::date::IsoDate;
use referat_archive::{Period, PersonRole, Query, Sort, Split};
use referat_schema::{DocType, SectionKind};
use serde::{Deserialize, Serialize};

use crate::error::WebError;

/// Hits per page.
pub const PAGE_SIZE: usize = 20;

/// The last page that can be asked for (deep paging costs the index more
/// than anyone reads).
pub const MAX_PAGE: usize = 500;

/// Document types offered by the filter, in the order shown.
pub const DOC_TYPES: [DocType; 4] = [
    DocType::Referat,
    DocType::Dagsorden,
    DocType::Notat,
    DocType::Other,
];

/// Section kinds offered by the filter, in the order shown.
pub const SECTIONS: [SectionKind; 6] = [
    SectionKind::Beslutning,
    SectionKind::Indstilling,
    SectionKind::Sagsfremstilling,
    SectionKind::Orientering,
    SectionKind::Resume,
    SectionKind::Other,
];

/// The search form's fields, as strings straight from the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    /// Topic words, in the CLI's query language.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub q: String,
    /// Municipality as people write it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub municipality: String,
    /// Council or committee as people write it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// Earliest date, YYYY-MM-DD.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// Latest date, YYYY-MM-DD.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub to: String,
    /// A person, resolved across spellings.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub person: String,
    /// The person's role ("attended", "absent", "chair", …).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Only items with a section of this kind ("beslutning", …).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// Document type ("referat", "dagsorden", "notat", "other").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub doc_type: String,
    /// "relevance" (default) or "date".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sort: String,
    /// 1-based page number.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub page: String,
    /// Timeline periods: "year" (default), "quarter" or "month".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// Timeline series: "municipality" or "body" (`/api/timeline` only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub split: String,
}

impl SearchParams {
    /// The parameters of a URL's query string; duplicate or malformed
    /// fields are a bad request.
    pub fn from_query_string(raw: Option<&str>) -> Result<SearchParams, WebError> {
        serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| WebError::BadRequest(format!("Ugyldig adresse: {e}")))
    }

    /// The query string of these parameters (empty fields left out).
    pub fn to_query_string(&self) -> String {
        serde_urlencoded::to_string(self).unwrap_or_default()
    }

    /// The same search on another page.
    pub fn with_page(&self, page: usize) -> SearchParams {
        SearchParams {
            page: if page <= 1 {
                String::new()
            } else {
                page.to_string()
            },
            ..self.clone()
        }
    }

    /// Whether anything is asked for (a topic or any filter); an empty
    /// form shows no results.
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.filters_blank()
    }

    fn filters_blank(&self) -> bool {
        [
            &self.municipality,
            &self.body,
            &self.from,
            &self.to,
            &self.person,
            &self.section,
            &self.doc_type,
        ]
        .iter()
        .all(|f| f.trim().is_empty())
    }

    /// The page asked for, 1-based.
    pub fn page_number(&self) -> Result<usize, WebError> {
        let page = self.page.trim();
        if page.is_empty() {
            return Ok(1);
        }
        match page.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(WebError::BadRequest(format!(
                "Siden skal være et tal fra 1 til {MAX_PAGE}."
            ))),
        }
    }

    /// The library's query for this search, one hit per meeting, or a
    /// bad request (in Danish) when a field is too long or malformed.
    pub fn to_query(&self, max_field_chars: usize) -> Result<Query, WebError> {
        for (name, value) in self.fields() {
            if value.chars().count() > max_field_chars {
                return Err(WebError::BadRequest(format!(
                    "Feltet «{name}» er for langt: højst {max_field_chars} tegn."
                )));
            }
        }
        let from = date(&self.from, "Fra-datoen")?;
        let to = date(&self.to, "Til-datoen")?;
        if let (Some(f), Some(t)) = (&from, &to) {
            if IsoDate::parse(f) > IsoDate::parse(t) {
                return Err(WebError::BadRequest(format!(
                    "Fra-datoen {f} ligger efter til-datoen {t}: intet kan passe."
                )));
            }
        }
        let person = filled(&self.person);
        let roles = match filled(&self.role) {
            None => Vec::new(),
            Some(r) => match PersonRole::parse(&r) {
                Some(role) if person.is_some() => vec![role],
                Some(_) => {
                    return Err(WebError::BadRequest(
                        "En rolle gælder en person: skriv også personens navn.".into(),
                    ))
                }
                None => return Err(WebError::BadRequest(format!("Ukendt rolle «{r}»."))),
            },
        };
        let section = match filled(&self.section) {
            None => None,
            Some(s) => Some(
                SECTIONS
                    .into_iter()
                    .find(|k| k.as_str() == s)
                    .ok_or_else(|| WebError::BadRequest(format!("Ukendt afsnit «{s}».")))?,
            ),
        };
        let doc_type = match filled(&self.doc_type) {
            None => None,
            Some(d) => Some(
                DOC_TYPES
                    .into_iter()
                    .find(|k| k.as_str() == d)
                    .ok_or_else(|| WebError::BadRequest(format!("Ukendt dokumenttype «{d}».")))?
                    .as_str()
                    .to_string(),
            ),
        };
        let sort = match self.sort.trim() {
            "" | "relevance" => Sort::Relevance,
            "date" => Sort::Date,
            other => return Err(WebError::BadRequest(format!("Ukendt sortering «{other}»."))),
        };
        Ok(Query {
            text: filled(&self.q),
            person,
            roles,
            from,
            to,
            municipality: filled(&self.municipality),
            body: filled(&self.body),
            doc_type,
            section,
            sort,
            by_meeting: true,
            limit: PAGE_SIZE,
            offset: (self.page_number()? - 1) * PAGE_SIZE,
            ..Query::default()
        })
    }

    /// The timeline's period length.
    pub fn period(&self) -> Result<Period, WebError> {
        match self.by.trim() {
            "" | "year" => Ok(Period::Year),
            "quarter" => Ok(Period::Quarter),
            "month" => Ok(Period::Month),
            other => Err(WebError::BadRequest(format!("Ukendt periode «{other}»."))),
        }
    }

    /// The timeline's series, if split.
    pub fn series(&self) -> Result<Option<Split>, WebError> {
        match self.split.trim() {
            "" => Ok(None),
            "municipality" => Ok(Some(Split::Municipality)),
            "body" => Ok(Some(Split::Body)),
            other => Err(WebError::BadRequest(format!("Ukendt opdeling «{other}»."))),
        }
    }

    /// Each field with its name, for the length check.
    fn fields(&self) -> [(&'static str, &str); 13] {
        [
            ("q", &self.q),
            ("municipality", &self.municipality),
            ("body", &self.body),
            ("from", &self.from),
            ("to", &self.to),
            ("person", &self.person),
            ("role", &self.role),
            ("section", &self.section),
            ("doc_type", &self.doc_type),
            ("sort", &self.sort),
            ("page", &self.page),
            ("by", &self.by),
            ("split", &self.split),
        ]
    }
}

/// The trimmed value, or `None` when blank.
fn filled(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// A YYYY-MM-DD date field, or a bad request naming it.
fn date(value: &str, label: &str) -> Result<Option<String>, WebError> {
    match filled(value) {
        None => Ok(None),
        Some(d) if IsoDate::parse(&d).is_some() => Ok(Some(d)),
        Some(d) => Err(WebError::BadRequest(format!(
            "{label} skal skrives ÅÅÅÅ-MM-DD, ikke «{d}»."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_round_trips_through_the_parameters() {
        let raw = "q=sk%C3%A6ve+boliger&municipality=Gladsaxe&from=2019-01-01&page=2";
        let p = SearchParams::from_query_string(Some(raw)).unwrap();
        assert_eq!(p.q, "skæve boliger");
        assert_eq!(p.page_number().unwrap(), 2);
        let again = SearchParams::from_query_string(Some(&p.to_query_string())).unwrap();
        assert_eq!(again, p);
        let q = p.to_query(500).unwrap();
        assert_eq!(q.offset, PAGE_SIZE);
        assert_eq!(q.municipality.as_deref(), Some("Gladsaxe"));
        assert!(q.by_meeting);
    }

    #[test]
    fn malformed_and_oversized_fields_are_bad_requests() {
        let bad = |raw: &str| {
            SearchParams::from_query_string(Some(raw)).and_then(|p| p.to_query(50).map(|_| ()))
        };
        assert!(bad("from=2024-13-01").is_err());
        assert!(bad("from=2024-05-01&to=2024-01-01").is_err());
        assert!(bad("role=attended").is_err(), "a role needs a person");
        assert!(bad("person=Nina&role=king").is_err());
        assert!(bad("section=preamble").is_err());
        assert!(bad("page=0").is_err());
        assert!(bad("page=99999").is_err());
        assert!(bad(&format!("q={}", "a".repeat(51))).is_err());
        assert!(bad("q=a&q=b").is_err(), "a field given twice");
        let p = SearchParams::from_query_string(Some("by=decade")).unwrap();
        assert!(p.period().is_err());
        let p = SearchParams::from_query_string(Some("by=month&split=body")).unwrap();
        assert_eq!(p.period().unwrap(), Period::Month);
        assert_eq!(p.series().unwrap(), Some(Split::Body));
        assert!(bad("q=bolig&person=Nina&role=attended&section=beslutning").is_ok());
    }

    #[test]
    fn an_empty_form_asks_for_nothing() {
        assert!(SearchParams::default().is_empty());
        assert!(SearchParams::from_query_string(Some("q=+&sort=date"))
            .unwrap()
            .is_empty());
        assert!(!SearchParams::from_query_string(Some("person=Nina"))
            .unwrap()
            .is_empty());
    }
}
