//! `GET /file/{doc_id}`: an indexed document's original file. The id is
//! looked up in the index; the path served is the one the index recorded,
//! never one from the URL, and only while the file is the one indexed.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::WebError;
use crate::labels::path_segment;
use crate::pages::{check_id, declare, error_page};
use crate::{blocking, Shared};

/// Originals are shown sandboxed: an HTML original runs no script and
/// loads nothing, whatever it contains.
const ORIGINAL_POLICY: &str =
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// Serves the original file of the document with this id.
pub(crate) async fn original(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let found = blocking(&state, move |s| {
        check_id(&id, s.limits.max_field_chars)?;
        s.archive
            .original(&id)?
            .ok_or_else(|| WebError::NotFound(format!("Intet dokument har id «{id}».")))
    })
    .await;
    let original = match found {
        Ok(o) => o,
        Err(e) => return error_page(&state, &e),
    };
    let name = original.file_name();
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "inline; filename=\"{ascii}\"; filename*=UTF-8''{}",
        path_segment(&name)
    );
    let content_type = original.content_type();
    let mut response = (StatusCode::OK, original.bytes).into_response();
    let headers = response.headers_mut();
    // No charset for HTML: the original says its own (windows-1252 pages exist).
    declare(headers, content_type, ORIGINAL_POLICY);
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}
