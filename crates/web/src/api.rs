//! The JSON API: the same JSON the CLI prints, from the same library
//! calls and serde types (`referat search --json`, `referat show
//! MEETING_ID --json`, `referat persons --name NAME --json`).

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use referat_archive::PersonFilter;
use serde::Serialize;

use crate::error::WebError;
use crate::pages::check_id;
use crate::params::SearchParams;
use crate::{blocking, Shared};

/// A JSON response: the value, or `{"error": "…"}` with the error's status.
fn json<T: Serialize>(result: Result<T, WebError>) -> Response {
    let (status, body) = match result.and_then(|v| {
        serde_json::to_string_pretty(&v).map_err(|e| WebError::Internal(e.to_string()))
    }) {
        Ok(body) => (StatusCode::OK, body),
        Err(e) => (
            e.status(),
            serde_json::json!({ "error": e.to_string() }).to_string(),
        ),
    };
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// `GET /api/search?q=…&municipality=…`: one page of results, as
/// `referat search --json` prints it (the page's parameters as on `/`).
pub(crate) async fn search(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    json(
        blocking(&state, move |s| {
            let params = SearchParams::from_query_string(raw.as_deref())?;
            let query = params.to_query(s.limits.max_field_chars)?;
            Ok(s.archive.search_page(&query)?)
        })
        .await,
    )
}

/// `GET /api/timeline?q=…&by=year|quarter|month&split=municipality|body`:
/// matching meetings per period, as `referat timeline --json` prints them.
pub(crate) async fn timeline(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    json(
        blocking(&state, move |s| {
            let params = SearchParams::from_query_string(raw.as_deref())?;
            let query = params.to_query(s.limits.max_field_chars)?;
            Ok(s.archive
                .timeline(&query, params.period()?, params.series()?)?)
        })
        .await,
    )
}

/// `GET /api/meeting/{id}`: the meeting and its best document's record, as
/// `referat show MEETING_ID --json` prints them.
pub(crate) async fn meeting(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    json(
        blocking(&state, move |s| {
            check_id(&id, s.limits.max_field_chars)?;
            s.archive
                .meeting_view(&id)?
                .ok_or_else(|| WebError::NotFound(format!("no meeting with id {id}")))
        })
        .await,
    )
}

/// `GET /api/person/{name}`: the persons called so, as `referat persons
/// --name NAME --json` prints them (an empty list when nobody is).
pub(crate) async fn person(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    json(
        blocking(&state, move |s| {
            check_id(&name, s.limits.max_field_chars)?;
            Ok(s.archive
                .persons(&PersonFilter {
                    name: Some(name),
                    ..PersonFilter::default()
                })?
                .persons)
        })
        .await,
    )
}
