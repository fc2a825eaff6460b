//! The HTTP side of `serve`: static files from `public/` (tower-http's
//! `ServeDir`, which refuses `..` and serves `index.html` for folders;
//! `public/` is a symlink to the published version, resolved on every
//! request, and a file whose real path leaves it is answered 404; a path
//! segment longer than a file name can be gets 404, an over-long path 414), the
//! site's own 404 page with status 404, UTF-8 content types, no caching, the
//! live-reload script injected into HTML responses, and the SSE endpoint.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::services::ServeDir;

use super::reload::{self, Hub, Signal};
use crate::content::slug::decode_path;

/// Largest HTML page the script is injected into (bigger ones pass as they are).
const MAX_INJECT: usize = 64 * 1024 * 1024;

/// Shown when the site has no `404.html` yet (say, the first build failed).
const FALLBACK_404: &str = "<!doctype html><meta charset=\"utf-8\"><title>Not found</title><h1>Not found · 未找到</h1></body>";

/// The whole app: live-reload routes, then the files of `public`.
pub fn router(public: PathBuf, hub: Arc<Hub>) -> Router {
    let page_404 = public.join("404.html");
    let not_found = move || not_found(page_404.clone());
    let files = ServeDir::new(&public)
        .append_index_html_on_directories(true)
        .not_found_service(not_found.into_service());
    let inside = {
        let public = public.clone();
        move |req: Request, next: Next| stay_inside(public.clone(), req, next)
    };
    Router::new()
        .route("/__livereload", get(events))
        .route("/__livereload.js", get(script))
        .fallback_service(files)
        .layer(middleware::from_fn(inside))
        .layer(middleware::from_fn(dev_headers))
        .with_state(hub)
}

/// Longest decoded URL path answered at all (longer: 414 URI Too Long),
/// well below the file system's `PATH_MAX` (4096) with the output folder
/// in front.
const MAX_PATH: usize = 3 * 1024;
/// Longest file name a file system holds (`NAME_MAX`): a longer path
/// segment names no file (404), and asking the file system would fail.
const MAX_SEGMENT: usize = 255;

/// Answers 414 for an over-long path, 404 for a segment no file can have,
/// and 404 for a path whose file (or folder index) resolves, through
/// symlinks, to somewhere outside the output folder.
async fn stay_inside(public: PathBuf, req: Request, next: Next) -> Response {
    let rel = decode_path(req.uri().path());
    if rel.len() > MAX_PATH {
        let mut res = Response::new(Body::from("URI too long\n"));
        *res.status_mut() = StatusCode::URI_TOO_LONG;
        return res;
    }
    if rel.split(['/', '\\']).any(|s| s.len() > MAX_SEGMENT) {
        return not_found(public.join("404.html")).await;
    }
    let rel = rel.trim_start_matches('/');
    let Ok(root) = tokio::fs::canonicalize(&public).await else {
        return next.run(req).await;
    };
    let file = public.join(rel);
    for candidate in [file.clone(), file.join("index.html")] {
        if let Ok(real) = tokio::fs::canonicalize(&candidate).await {
            if !real.starts_with(&root) {
                return not_found(public.join("404.html")).await;
            }
        }
    }
    next.run(req).await
}

async fn not_found(page: PathBuf) -> Response {
    let body = match tokio::fs::read(&page).await {
        Ok(bytes) => Body::from(bytes),
        Err(_) => Body::from(FALLBACK_404),
    };
    let mut res = Response::new(body);
    *res.status_mut() = StatusCode::NOT_FOUND;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        reload::SCRIPT,
    )
}

/// `/__livereload`: a `hello`, the open problems if any, then every signal.
async fn events(State(hub): State<Arc<Hub>>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = hub.subscribe();
    let mut first = vec![Event::default().event("hello").data("{}")];
    let open = hub.problems();
    if !open.is_empty() {
        first.push(to_event(&Signal::Problems(open)));
    }
    let later = BroadcastStream::new(rx).map(|item| match item {
        Ok(signal) => to_event(&signal),
        // A tab too slow to keep up just reloads.
        Err(_) => to_event(&Signal::Reload(None)),
    });
    let stream = tokio_stream::iter(first).chain(later).map(Ok);
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn to_event(signal: &Signal) -> Event {
    let (name, data) = signal.event();
    Event::default().event(name).data(data)
}

/// UTF-8 charsets, no caching, and the reload script in HTML pages.
///
/// Always the current bytes: a file rewritten within the same second keeps
/// its `Last-Modified` (one-second resolution), so answering a conditional
/// request with 304 could leave the browser on the old page after a reload.
async fn dev_headers(mut req: Request, next: Next) -> Response {
    let head = req.method() == Method::HEAD;
    req.headers_mut().remove(header::IF_MODIFIED_SINCE);
    req.headers_mut().remove(header::IF_NONE_MATCH);
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    headers.remove(header::LAST_MODIFIED);
    headers.remove(header::ETAG);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let Some(kind) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
    else {
        return res;
    };
    if needs_charset(&kind) {
        if let Ok(v) = HeaderValue::from_str(&format!("{kind}; charset=utf-8")) {
            headers.insert(header::CONTENT_TYPE, v);
        }
    }
    let injectable = matches!(res.status(), StatusCode::OK | StatusCode::NOT_FOUND);
    if kind.starts_with("text/html") && injectable && !head {
        return inject_script(res).await;
    }
    res
}

async fn inject_script(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    match axum::body::to_bytes(body, MAX_INJECT).await {
        Ok(bytes) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(reload::inject(&bytes)))
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Text types without a charset get `charset=utf-8` (the site is all UTF-8).
fn needs_charset(kind: &str) -> bool {
    if kind.contains("charset") {
        return false;
    }
    kind.starts_with("text/")
        || [
            "application/javascript",
            "application/json",
            "application/xml",
            "application/atom+xml",
            "application/rss+xml",
            "image/svg+xml",
        ]
        .iter()
        .any(|t| kind.starts_with(t))
}

/// `http://interface:port/` (IPv6 interfaces in brackets).
pub fn base_url(interface: &str, port: u16) -> String {
    if interface.contains(':') {
        format!("http://[{interface}]:{port}/")
    } else {
        format!("http://{interface}:{port}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_for_text_only() {
        assert!(needs_charset("text/html"));
        assert!(needs_charset("text/css"));
        assert!(needs_charset("application/xml"));
        assert!(!needs_charset("text/html; charset=utf-8"));
        assert!(!needs_charset("image/png"));
    }

    #[test]
    fn urls_of_interfaces() {
        assert_eq!(base_url("127.0.0.1", 1111), "http://127.0.0.1:1111/");
        assert_eq!(base_url("::1", 8080), "http://[::1]:8080/");
    }
}
