//! Browser tests: a tiny WebDriver client driving Debian's headless Chromium
//! through chromedriver, and a tiny static file server so tests do not depend
//! on `site serve`.
//!
//! ```ignore
//! let Some(browser) = Browser::start() else { return }; // "skipped: no chromium"
//! let server = StaticServer::start(&public_dir, "/repo/");
//! browser.goto(&server.url("search/?q=x"));
//! let input = browser.find("#search-input");
//! browser.send_keys(&input, "parti");
//! browser.wait_until(Duration::from_secs(5), "results", |b| b.try_find(".search-hit"));
//! ```
//! Without chromium/chromedriver, `Browser::start` prints `skipped: no chromium`
//! and returns `None`, except with `CI=true`, where it panics.

// A shared API: not every test uses every method.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// WebDriver key codes for `send_keys`.
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const ARROW_UP: &str = "\u{E013}";
    pub const BACKSPACE: &str = "\u{E003}";
    pub const TAB: &str = "\u{E004}";
}

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A DOM element reference from the current page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(pub String);

/// A headless Chromium session; chromedriver is killed on drop.
pub struct Browser {
    driver: Child,
    endpoint: String,
    agent: ureq::Agent,
    profile: tempfile::TempDir,
}

fn find_binary(env: &str, candidates: &[&str]) -> Option<PathBuf> {
    std::env::var_os(env)
        .map(PathBuf::from)
        .into_iter()
        .chain(candidates.iter().map(PathBuf::from))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium session.
    pub fn start() -> Option<Browser> {
        let chromium = find_binary(
            "CHROME_BIN",
            &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
        );
        let driver = find_binary("CHROMEDRIVER", &["/usr/bin/chromedriver"]);
        let (Some(chromium), Some(driver)) = (chromium, driver) else {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("chromium/chromedriver not installed, and CI=true requires browser tests");
            }
            println!("skipped: no chromium");
            return None;
        };
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().unwrap();
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(60))
            .build();
        let mut browser = Browser {
            driver: child,
            endpoint: format!("http://127.0.0.1:{port}"),
            agent,
            profile,
        };
        browser.wait_for_driver();
        browser.new_session(&chromium);
        Some(browser)
    }

    fn wait_for_driver(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            let ready = self
                .agent
                .get(&format!("{}/status", self.endpoint))
                .call()
                .ok();
            let body: Option<Value> = ready.and_then(|r| r.into_json().ok());
            if body.is_some_and(|b| b["value"]["ready"] == json!(true)) {
                return;
            }
            thread::sleep(Duration::from_millis(50));
        }
        panic!("chromedriver did not become ready");
    }

    fn new_session(&mut self, chromium: &Path) {
        let profile = self.profile.path().display().to_string();
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1200,900",
        ];
        let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={profile}"));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium.display().to_string(), "args": args}
        }}});
        let reply = self.request("POST", "/session", Some(caps));
        let id = reply["sessionId"].as_str().expect("session id").to_string();
        self.endpoint = format!("{}/session/{id}", self.endpoint);
    }

    /// One WebDriver command; returns its `value`, panics on a WebDriver error.
    pub fn request(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.endpoint);
        let req = self.agent.request(method, &url);
        let res = match body {
            Some(b) => req.send_json(b),
            None => req.call(),
        };
        let json: Value = match res {
            Ok(r) => r.into_json().unwrap_or(Value::Null),
            Err(ureq::Error::Status(code, r)) => {
                panic!(
                    "WebDriver {method} {path}: {code} {}",
                    r.into_string().unwrap_or_default()
                )
            }
            Err(e) => panic!("WebDriver {method} {path}: {e}"),
        };
        json["value"].clone()
    }

    fn try_request(&self, method: &str, path: &str, body: Value) -> Option<Value> {
        let url = format!("{}{path}", self.endpoint);
        let r = self.agent.request(method, &url).send_json(body).ok()?;
        Some(r.into_json::<Value>().ok()?["value"].clone())
    }

    pub fn goto(&self, url: &str) {
        self.request("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn current_url(&self) -> String {
        self.request("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The first element matching `css`; panics when there is none.
    pub fn find(&self, css: &str) -> Element {
        self.try_find(css)
            .unwrap_or_else(|| panic!("no element matches {css}"))
    }

    pub fn try_find(&self, css: &str) -> Option<Element> {
        let v = self.try_request(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        )?;
        v[ELEMENT_KEY].as_str().map(|id| Element(id.to_string()))
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.request(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        let list = v.as_array().cloned().unwrap_or_default();
        list.iter()
            .filter_map(|e| e[ELEMENT_KEY].as_str())
            .map(|id| Element(id.to_string()))
            .collect()
    }

    /// Types `text` (may contain `keys::*`) into the element.
    pub fn send_keys(&self, el: &Element, text: &str) {
        self.request(
            "POST",
            &format!("/element/{}/value", el.0),
            Some(json!({ "text": text })),
        );
    }

    pub fn click(&self, el: &Element) {
        self.request("POST", &format!("/element/{}/click", el.0), Some(json!({})));
    }

    pub fn text(&self, el: &Element) -> String {
        let v = self.request("GET", &format!("/element/{}/text", el.0), None);
        v.as_str().unwrap_or_default().to_string()
    }

    pub fn attr(&self, el: &Element, name: &str) -> Option<String> {
        let v = self.request("GET", &format!("/element/{}/attribute/{name}", el.0), None);
        v.as_str().map(str::to_string)
    }

    /// Runs `script` (a function body; `arguments[i]` are `args`) and returns its result.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.request(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Like `execute`, but the script calls `arguments[arguments.length - 1](result)`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.request(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
    }

    pub fn source(&self) -> String {
        self.request("GET", "/source", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Polls `check` every 25 ms until it returns `Some`; panics naming `what` on timeout.
    pub fn wait_until<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut(&Browser) -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(v) = check(self) {
                return v;
            }
            if Instant::now() > deadline {
                panic!("timed out after {timeout:?} waiting for {what}");
            }
            thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.agent.delete(&self.endpoint).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Serves a directory over HTTP on 127.0.0.1 under a path prefix (`/` or
/// `/repo/`), with `index.html` for directories; stops on drop.
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    pub fn start(root: &Path, prefix: &str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let prefix = format!("/{}/", prefix.trim_matches('/')).replace("//", "/");
        let stop = Arc::new(AtomicBool::new(false));
        let (root, p, s) = (root.to_path_buf(), prefix.clone(), stop.clone());
        let thread = thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let (root, p) = (root.clone(), p.clone());
                if let Ok(stream) = conn {
                    thread::spawn(move || serve_one(stream, &root, &p));
                }
            }
        });
        StaticServer {
            addr,
            prefix,
            stop,
            thread: Some(thread),
        }
    }

    /// Absolute URL of `path` (relative to the prefix, e.g. `search/?q=x`).
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://{}{}{}",
            self.addr,
            self.prefix,
            path.trim_start_matches('/')
        )
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve_one(mut stream: TcpStream, root: &Path, prefix: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let (status, headers, body) = respond(root, prefix, &path);
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

fn respond(
    root: &Path,
    prefix: &str,
    path: &str,
) -> (&'static str, Vec<(&'static str, String)>, Vec<u8>) {
    let not_found = (
        "404 Not Found",
        vec![("Content-Type", "text/plain".to_string())],
        b"not found".to_vec(),
    );
    if format!("{path}/") == prefix {
        return (
            "301 Moved Permanently",
            vec![("Location", prefix.to_string())],
            vec![],
        );
    }
    let Some(rest) = path.strip_prefix(prefix) else {
        return not_found;
    };
    let rel = Path::new(rest);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return not_found;
    }
    let mut file = root.join(rel);
    if file.is_dir() {
        if !path.ends_with('/') && !rest.is_empty() {
            return (
                "301 Moved Permanently",
                vec![("Location", format!("{path}/"))],
                vec![],
            );
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => (
            "200 OK",
            vec![("Content-Type", content_type(&file).to_string())],
            body,
        ),
        Err(_) => not_found,
    }
}

pub fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
