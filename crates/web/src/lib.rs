//! referat's local web page: search the minutes, read a meeting, see a
//! person's attendance, in the browser; and the CLI's JSON under `/api`.
//!
//! Server-rendered Danish HTML (minijinja templates compiled in, every
//! value escaped; no script), served by axum on tokio over the same
//! [`referat_archive::Archive`] calls the `referat` command line makes. It
//! only reads the archive. [`Limits`] bound what one client can ask:
//! field and URL length, body size, header and request time, concurrent
//! requests and connections.
//!
//! | path | what |
//! | --- | --- |
//! | `/?q=…&municipality=…&body=…&from=…&to=…&person=…&role=…&section=…&doc_type=…&sort=…&page=…` | search page |
//! | `/meeting/{id}` | a meeting: fields, persons, documents, items |
//! | `/document/{id}` | a document's meeting (redirect), or the document |
//! | `/person/{name}` | a person under all spellings, with attendance |
//! | `/file/{id}` | an indexed document's original file |
//! | `/api/search?…` | `referat search --json` |
//! | `/api/meeting/{id}` | `referat show MEETING_ID --json` |
//! | `/api/person/{name}` | `referat persons --name NAME --json` |
//! | `/api/timeline?…&by=…&split=…` | `referat timeline --json` |
//!
//! ```no_run
//! let archive = referat_archive::Archive::open("my-index")?;
//! let addr = referat_web::spawn(archive, "127.0.0.1:0".parse()?, referat_web::Limits::default())?;
//! println!("http://{addr}/");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod api;
mod error;
mod files;
mod labels;
mod limits;
mod pages;
pub mod params;
mod sidebar;
mod templates;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use minijinja::Environment;
use referat_archive::Archive;
use tokio::net::TcpListener;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use error::WebError;
pub use limits::Limits;

/// What every request handler shares: the archive, the templates, the limits.
pub(crate) struct AppState {
    pub(crate) archive: Archive,
    pub(crate) env: Environment<'static>,
    pub(crate) limits: Limits,
}

pub(crate) type Shared = Arc<AppState>;

/// Runs `work` on the blocking pool (the index is read synchronously).
pub(crate) async fn blocking<T: Send + 'static>(
    state: &Shared,
    work: impl FnOnce(&AppState) -> Result<T, WebError> + Send + 'static,
) -> Result<T, WebError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || work(&state))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
}

/// Refuses a request target longer than the limit (414), before routing.
async fn uri_limit(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let len = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if len > state.limits.max_uri_bytes {
        let error = WebError::BadRequest(format!(
            "Adressen er for lang: højst {} tegn.",
            state.limits.max_uri_bytes
        ));
        let mut response = pages::error_page(&state, &error);
        *response.status_mut() = StatusCode::URI_TOO_LONG;
        return response;
    }
    next.run(request).await
}

/// The application: every route and the per-request limits.
pub fn router(archive: Archive, limits: Limits) -> Result<Router, WebError> {
    let state = Arc::new(AppState {
        archive,
        env: templates::environment()?,
        limits: limits.clone(),
    });
    Ok(Router::new()
        .route("/", get(pages::search))
        .route("/meeting/{id}", get(pages::meeting))
        .route("/document/{id}", get(pages::document))
        .route("/person/{name}", get(pages::person))
        .route("/file/{id}", get(files::original))
        .route("/api/search", get(api::search))
        .route("/api/timeline", get(api::timeline))
        .route("/api/meeting/{id}", get(api::meeting))
        .route("/api/person/{name}", get(api::person))
        .fallback(pages::not_found)
        .layer(middleware::from_fn_with_state(state.clone(), uri_limit))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(GlobalConcurrencyLimitLayer::new(
            limits.max_concurrent_requests,
        ))
        .with_state(state))
}

/// Serves the archive on `listener` until the process ends.
pub async fn serve(
    listener: TcpListener,
    archive: Archive,
    limits: Limits,
) -> Result<(), WebError> {
    let app = router(archive, limits.clone())?;
    limits::accept_loop(listener, app, limits).await;
    Ok(())
}

fn runtime() -> Result<tokio::runtime::Runtime, WebError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| WebError::Io {
            what: "starting the server's runtime".into(),
            source,
        })
}

async fn bind(addr: SocketAddr) -> Result<TcpListener, WebError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| WebError::Io {
            what: format!("listening on {addr}"),
            source,
        })
}

/// Serves the archive in `index_dir` on `addr` until the process ends
/// (what `referat serve` runs); `ready` is told the bound address.
pub fn run(
    index_dir: &Path,
    addr: SocketAddr,
    limits: Limits,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), WebError> {
    let archive = Archive::open(index_dir)?;
    runtime()?.block_on(async move {
        let listener = bind(addr).await?;
        if let Ok(bound) = listener.local_addr() {
            ready(bound);
        }
        serve(listener, archive, limits).await
    })
}

/// Serves `archive` on `addr` from a thread of its own, for tests and
/// benchmarks; returns the bound address (port 0 picks a free one).
pub fn spawn(archive: Archive, addr: SocketAddr, limits: Limits) -> Result<SocketAddr, WebError> {
    let rt = runtime()?;
    let listener = rt.block_on(bind(addr))?;
    let bound = listener.local_addr().map_err(|source| WebError::Io {
        what: "reading the bound address".into(),
        source,
    })?;
    std::thread::spawn(move || rt.block_on(serve(listener, archive, limits)));
    Ok(bound)
}
