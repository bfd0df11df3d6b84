//! The HTML pages: search, meeting (or a document of no meeting) and
//! person. Each handler asks the archive exactly what the CLI asks it and
//! renders a template; every value is escaped by the template engine.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use referat_archive::{
    Facet, Hit, Meeting, PersonFilter, Record, Related, ResolvedPerson, SearchPage,
};
use serde::Serialize;

use crate::error::WebError;
use crate::labels::{self, path_segment};
use crate::params::{SearchParams, PAGE_SIZE};
use crate::sidebar::{facet_views, timeline_chart, Chart, FacetView, FACET_VALUES, PAGE_FACETS};
use crate::templates::{segments, Segment};
use crate::{blocking, AppState, Shared};

/// What the pages may load: their own inline style and nothing else; no
/// script runs, whatever a document's text holds.
const PAGE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Says what a response is and what it may do, as every page and every
/// original the server sends must: its content type, its content security
/// policy, and no content-type sniffing.
pub(crate) fn declare(
    headers: &mut axum::http::HeaderMap,
    content_type: &'static str,
    policy: &'static str,
) {
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(policy),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

/// An HTML response with the page policy.
pub(crate) fn html(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    declare(headers, "text/html; charset=utf-8", PAGE_POLICY);
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The error page for `error`, with its status.
pub(crate) fn error_page(state: &AppState, error: &WebError) -> Response {
    let status = error.status();
    let message = match error {
        WebError::Archive(referat_archive::ArchiveError::NoIndex(_)) => {
            "Der er intet indeks endnu: kør `referat ingest`.".to_string()
        }
        e if status.is_server_error() => format!("Serveren fejlede: {e}"),
        e => e.to_string(),
    };
    let body = state
        .env
        .get_template("error.html")
        .and_then(|t| t.render(context! { status => status.as_u16(), message }))
        .unwrap_or_else(|_| "Serveren fejlede.".to_string());
    html(status, body)
}

/// A rendered page, or the error page.
fn page(state: &AppState, rendered: Result<(StatusCode, String), WebError>) -> Response {
    match rendered {
        Ok((status, body)) => html(status, body),
        Err(e) => error_page(state, &e),
    }
}

/// One search hit as the page shows it.
#[derive(Serialize)]
struct HitView {
    doc_id: String,
    meeting_id: Option<String>,
    href: String,
    title: Option<String>,
    date: Option<String>,
    municipality: Option<String>,
    body: Option<String>,
    doc_type: Option<String>,
    item: Option<u32>,
    segments: Vec<Segment>,
    related: Vec<Related>,
}

impl From<Hit> for HitView {
    fn from(hit: Hit) -> Self {
        let href = match &hit.meeting_id {
            Some(m) => format!("/meeting/{}", path_segment(m)),
            None => format!("/document/{}", path_segment(&hit.doc_id)),
        };
        HitView {
            segments: segments(&hit.snippet),
            href,
            doc_id: hit.doc_id,
            meeting_id: hit.meeting_id,
            title: hit.title,
            date: hit.date,
            municipality: hit.municipality,
            body: hit.body,
            doc_type: hit.doc_type,
            item: hit.item,
            related: hit.related,
        }
    }
}

/// `GET /`: the search form, and with a query its results page.
pub(crate) async fn search(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let s = state.clone();
    page(
        &state,
        blocking(&s, move |s| render_search(s, raw.as_deref())).await,
    )
}

fn render_search(state: &AppState, raw: Option<&str>) -> Result<(StatusCode, String), WebError> {
    let municipalities = state.archive.values(Facet::Municipality)?;
    let bodies = state.archive.values(Facet::Body)?;
    let (params, outcome) = match SearchParams::from_query_string(raw) {
        Ok(p) => {
            let outcome = if p.is_empty() {
                Ok(None)
            } else {
                results(state, &p).map(Some)
            };
            (p, outcome)
        }
        Err(e) => (SearchParams::default(), Err(e)),
    };
    let (outcome, facets, chart) = match outcome {
        Ok(Some((page, facets, chart))) => (Ok(Some(page)), facets, chart),
        Ok(None) => (Ok(None), Vec::new(), None),
        Err(e) => (Err(e), Vec::new(), None),
    };
    let (status, page, error): (StatusCode, Option<SearchPage>, Option<String>) = match outcome {
        Ok(page) => (StatusCode::OK, page, None),
        Err(e) if e.status() == StatusCode::BAD_REQUEST => {
            (StatusCode::BAD_REQUEST, None, Some(e.to_string()))
        }
        Err(e) => return Err(e),
    };
    let page_number = params.page_number().unwrap_or(1);
    let pages = page.as_ref().map_or(0, |p| p.total.div_ceil(PAGE_SIZE));
    let link = |n: usize| format!("/?{}", params.with_page(n).to_query_string());
    let prev_href = (page.is_some() && page_number > 1).then(|| link(page_number - 1));
    let next_href = page
        .as_ref()
        .filter(|p| p.left_after() > 0)
        .map(|_| link(page_number + 1));
    let hits: Vec<HitView> = page
        .as_ref()
        .map(|p| p.hits.iter().cloned().map(HitView::from).collect())
        .unwrap_or_default();
    let body = state.env.get_template("search.html")?.render(context! {
        params,
        municipalities,
        bodies,
        roles => labels::roles(),
        sections => labels::sections(),
        doc_types => labels::doc_types(),
        max_chars => state.limits.max_field_chars,
        error,
        page,
        hits,
        page_number,
        pages,
        prev_href,
        next_href,
        facets,
        chart,
    })?;
    Ok((status, body))
}

/// A search's page of meetings, its facet counts and, when it has topic
/// words, its timeline.
fn results(
    state: &AppState,
    params: &SearchParams,
) -> Result<(SearchPage, Vec<FacetView>, Option<Chart>), WebError> {
    let query = params.to_query(state.limits.max_field_chars)?;
    // The timeline's period is read only when there is a timeline.
    let period = match query.text.is_some() {
        true => Some(params.period()?),
        false => None,
    };
    // The results and the counts beside them (facets and timeline, from
    // one pass over the matches) are independent reads of the index: on a
    // large index each takes tens of milliseconds, so they run side by side.
    let (page, overview) = std::thread::scope(|scope| {
        let overview = scope.spawn(|| {
            state.archive.overview(
                &query,
                &PAGE_FACETS,
                period.map(|p| (p, None)),
                Some(FACET_VALUES),
            )
        });
        let page = state.archive.search_page(&query);
        let panicked = |_| WebError::Internal("a search task panicked".into());
        (page, overview.join().map_err(panicked))
    });
    let (page, overview) = (page?, overview??);
    let chart = overview.timeline.as_ref().and_then(timeline_chart);
    let facets = overview.facets;
    Ok((page, facet_views(params, &facets), chart))
}

/// A person named in a record, linked to their page.
#[derive(Serialize)]
struct PersonLink {
    name: String,
    role: Option<String>,
    href: String,
}

/// One labelled list of persons of a record.
#[derive(Serialize)]
struct PersonList {
    id: &'static str,
    label: &'static str,
    persons: Vec<PersonLink>,
}

/// A rendition's link and file names.
#[derive(Serialize)]
struct RenditionView {
    doc_id: String,
    format: String,
    name: String,
}

/// A document of the meeting with its renditions.
#[derive(Serialize)]
struct DocumentView {
    kind: String,
    doc_type: String,
    renditions: Vec<RenditionView>,
}

/// The meeting fields the page shows, from the meeting or the record.
#[derive(Serialize)]
struct Fields {
    municipality: Option<String>,
    body: Option<String>,
    date: Option<String>,
    start_time: Option<String>,
}

/// The file name of a path, for display.
fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

fn person_href(name: &str) -> String {
    format!("/person/{}", path_segment(name))
}

/// The record's lists of persons, each labelled in Danish.
fn person_lists(record: &Record) -> Vec<PersonList> {
    [
        ("attendees", "Deltagere", &record.attendees),
        ("absent", "Afbud", &record.absent),
        (
            "absent_without_notice",
            "Fraværende uden afbud",
            &record.absent_without_notice,
        ),
        ("guests", "Gæster", &record.guests),
    ]
    .into_iter()
    .filter(|(_, _, list)| !list.is_empty())
    .map(|(id, label, list)| PersonList {
        id,
        label,
        persons: list
            .iter()
            .map(|p| PersonLink {
                href: person_href(&p.name),
                name: p.name.clone(),
                role: p.role.clone(),
            })
            .collect(),
    })
    .collect()
}

/// The page of a meeting, or of a record that belongs to none.
fn render_record_page(
    state: &AppState,
    meeting: Option<&Meeting>,
    record: Option<&Record>,
) -> Result<(StatusCode, String), WebError> {
    let fields = match (meeting, record) {
        (Some(m), r) => Fields {
            municipality: m.municipality.clone(),
            body: m.body.clone(),
            date: m.date.clone(),
            start_time: m
                .start_time
                .clone()
                .or_else(|| r.and_then(|r| r.start_time.clone())),
        },
        (None, Some(r)) => Fields {
            municipality: r.municipality.clone(),
            body: r.body.clone(),
            date: r.date.clone(),
            start_time: r.start_time.clone(),
        },
        (None, None) => return Err(WebError::NotFound("Intet møde eller dokument.".into())),
    };
    let documents: Vec<DocumentView> = match (meeting, record) {
        (Some(m), _) => m
            .documents
            .iter()
            .map(|d| DocumentView {
                kind: d.kind.as_str().to_string(),
                doc_type: d.doc_type.as_str().to_string(),
                renditions: d
                    .renditions
                    .iter()
                    .map(|r| RenditionView {
                        doc_id: r.doc_id.clone(),
                        format: r.format.as_str().to_string(),
                        name: r
                            .paths
                            .iter()
                            .map(|p| file_name(p))
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
                    .collect(),
            })
            .collect(),
        (None, Some(r)) => vec![DocumentView {
            kind: "document".into(),
            doc_type: r.doc_type.as_str().into(),
            renditions: vec![RenditionView {
                doc_id: r.id.clone(),
                format: r.source.format.as_str().into(),
                name: file_name(&r.source.path),
            }],
        }],
        (None, None) => Vec::new(),
    };
    let heading = [fields.body.clone(), fields.date.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let heading = if heading.is_empty() {
        record
            .and_then(|r| r.title.clone())
            .unwrap_or_else(|| "Dokument".into())
    } else {
        heading
    };
    let body = state.env.get_template("meeting.html")?.render(context! {
        heading,
        meeting,
        record,
        fields,
        documents,
        people => record.map(person_lists).unwrap_or_default(),
        minute_taker => record.and_then(|r| r.minute_taker.as_ref()).map(|p| PersonLink { name: p.name.clone(), role: p.role.clone(), href: person_href(&p.name) }),
        author => record.and_then(|r| r.author.as_ref()).map(|p| PersonLink { name: p.name.clone(), role: p.role.clone(), href: person_href(&p.name) }),
    })?;
    Ok((StatusCode::OK, body))
}

/// `GET /meeting/{id}`: a meeting's fields, persons, documents and items.
pub(crate) async fn meeting(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let s = state.clone();
    page(
        &state,
        blocking(&s, move |s| {
            check_id(&id, s.limits.max_field_chars)?;
            let view = s
                .archive
                .meeting_view(&id)?
                .ok_or_else(|| WebError::NotFound(format!("Intet møde har id «{id}».")))?;
            render_record_page(s, Some(&view.meeting), view.record.as_ref())
        })
        .await,
    )
}

/// `GET /document/{id}`: the meeting of a document, or the document alone
/// when it belongs to no meeting.
pub(crate) async fn document(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let s = state.clone();
    let found = blocking(&s, move |s| {
        check_id(&id, s.limits.max_field_chars)?;
        if let Some(m) = s.archive.meeting_of_document(&id)? {
            return Ok(Err(m.meeting_id));
        }
        let record = s
            .archive
            .show(&id)?
            .filter(|r| r.id == id)
            .ok_or_else(|| WebError::NotFound(format!("Intet dokument har id «{id}».")))?;
        Ok(Ok(render_record_page(s, None, Some(&record))?))
    })
    .await;
    match found {
        Ok(Err(meeting_id)) => {
            Redirect::to(&format!("/meeting/{}", path_segment(&meeting_id))).into_response()
        }
        Ok(Ok(rendered)) => page(&state, Ok(rendered)),
        Err(e) => error_page(&state, &e),
    }
}

/// Refuses ids and names that are too long or that could be mistaken for
/// paths (ids are looked up in the index, never opened as files).
pub(crate) fn check_id(id: &str, max_chars: usize) -> Result<(), WebError> {
    if id.trim().is_empty()
        || id.chars().count() > max_chars
        || id.contains(['/', '\\', '\0'])
        || id.contains("..")
        || id.chars().any(char::is_control)
    {
        return Err(WebError::BadRequest(format!(
            "«{}» er ikke et gyldigt id.",
            id.chars().take(80).collect::<String>()
        )));
    }
    Ok(())
}

/// One group of a person's meetings ("deltog", "afbud", …).
#[derive(Serialize)]
struct MeetingGroup<'a> {
    id: &'static str,
    label: &'static str,
    meetings: &'a [referat_archive::MeetingRef],
}

/// A resolved person as the page shows them.
#[derive(Serialize)]
struct PersonView<'a> {
    person: &'a ResolvedPerson,
    groups: Vec<MeetingGroup<'a>>,
    search_href: String,
}

fn person_view(p: &ResolvedPerson) -> PersonView<'_> {
    let groups = [
        ("attended", "Deltog", &p.attended),
        ("absent", "Afbud", &p.absent),
        (
            "absent_without_notice",
            "Fraværende uden afbud",
            &p.absent_without_notice,
        ),
        ("guest", "Gæst", &p.guest),
        ("minutes_taken", "Referent", &p.minutes_taken),
        ("authored", "Forfatter", &p.authored),
    ]
    .into_iter()
    .filter(|(_, _, m)| !m.is_empty())
    .map(|(id, label, meetings)| MeetingGroup {
        id,
        label,
        meetings,
    })
    .collect();
    let search = SearchParams {
        person: p.name.clone(),
        municipality: p.municipality.clone().unwrap_or_default(),
        ..SearchParams::default()
    };
    PersonView {
        person: p,
        groups,
        search_href: format!("/?{}", search.to_query_string()),
    }
}

/// `GET /person/{name}`: the persons called so, each with every spelling,
/// and the meetings they attended and missed.
pub(crate) async fn person(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    let s = state.clone();
    page(
        &state,
        blocking(&s, move |s| {
            check_id(&name, s.limits.max_field_chars)?;
            let found = s.archive.persons(&PersonFilter {
                name: Some(name.clone()),
                ..PersonFilter::default()
            })?;
            let views: Vec<PersonView> = found.persons.iter().map(person_view).collect();
            let status = if views.is_empty() {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::OK
            };
            let body = s
                .env
                .get_template("person.html")?
                .render(context! { name, persons => views })?;
            Ok((status, body))
        })
        .await,
    )
}

/// Any other path: a Danish 404 page.
pub(crate) async fn not_found(State(state): State<Shared>) -> Response {
    error_page(&state, &WebError::NotFound("Siden findes ikke.".into()))
}
