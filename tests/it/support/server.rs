//! `site serve` as a real process for the serve tests: a fixture site, the
//! server's output lines, HTTP requests and the live-reload event stream,
//! every wait polling with a deadline.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub(crate) const TIMEOUT: Duration = Duration::from_secs(30);
pub(crate) const POLL: Duration = Duration::from_millis(25);

/// A running `site serve`, killed on drop.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) url: String,
    pub(crate) addr: String,
    pub(crate) site: tempfile::TempDir,
    pub(crate) output: Arc<Mutex<Vec<String>>>,
}

pub(crate) fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

pub(crate) fn study(title: &str, tags: &[&str], body: &str) -> String {
    let tags: Vec<String> = tags.iter().map(|t| format!("{t:?}")).collect();
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2024-01-02\ntags = [{}]\n+++\n{body}\n",
        tags.join(", ")
    )
}

/// A small site: two case studies, one entity, a stylesheet and a script.
pub(crate) fn small_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(&root.join("site.toml"), "title = \"Serve test\"\n");
    write(
        &root.join("content/case-studies/a.md"),
        &study(
            "Alpha study",
            &["Marketing"],
            "Alpha talks about [[Xiaomi]].",
        ),
    );
    write(
        &root.join("content/case-studies/b.md"),
        &study("Beta study", &["Marketing", "Fans"], "Beta text."),
    );
    write(
        &root.join("content/wiki/xiaomi.md"),
        "+++\ntitle = \"Xiaomi\"\n+++\nA company.\n",
    );
    write(&root.join("static/app.css"), "body { color: red }\n");
    write(&root.join("static/app.js"), "console.log('hi');\n");
    write(&root.join("secret.txt"), "TOP-SECRET-TOKEN\n");
    dir
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl Server {
    pub(crate) fn start(site: tempfile::TempDir) -> Server {
        Server::start_on(site, free_port())
    }

    pub(crate) fn start_on(site: tempfile::TempDir, port: u16) -> Server {
        let mut child = Command::new(crate::support::site_bin())
            .arg("--root")
            .arg(site.path())
            .args(["serve", "--port", &port.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start site serve");
        let output = Arc::new(Mutex::new(Vec::new()));
        for stream in [
            Box::new(child.stdout.take().expect("stdout")) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().expect("stderr")),
        ] {
            let output = output.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    output.lock().expect("lock").push(line);
                }
            });
        }
        let mut server = Server {
            child,
            url: String::new(),
            addr: String::new(),
            site,
            output,
        };
        let line = server.wait_line(|l| l.starts_with("Serving http://"));
        let url = line
            .split_whitespace()
            .nth(1)
            .expect("url on the Serving line")
            .to_string();
        server.addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        server.url = url;
        server
    }

    pub(crate) fn root(&self) -> &Path {
        self.site.path()
    }

    pub(crate) fn lines(&self) -> Vec<String> {
        self.output.lock().expect("lock").clone()
    }

    /// Calls `attempt` every `POLL` until it returns `Ok`; on timeout, panics
    /// with its last `Err` and the server's output.
    fn poll<T>(&self, mut attempt: impl FnMut() -> Result<T, String>) -> T {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match attempt() {
                Ok(v) => return v,
                Err(why) if Instant::now() >= deadline => {
                    panic!("{why}; output:\n{}", self.lines().join("\n"))
                }
                Err(_) => std::thread::sleep(POLL),
            }
        }
    }

    pub(crate) fn wait_line(&self, pred: impl Fn(&str) -> bool) -> String {
        self.poll(|| {
            let line = self.lines().into_iter().find(|l| pred(l));
            line.ok_or_else(|| "no such line".to_string())
        })
    }

    /// Polls until `rel` (under the site root) no longer exists on disk: a
    /// rebuild removes a page first and its folder's other files (a tag's
    /// feed) a moment later, so the 404 can be served before the folder goes.
    pub(crate) fn wait_gone(&self, rel: &str) {
        self.poll(|| match self.root().join(rel).exists() {
            true => Err(format!("{rel} still exists")),
            false => Ok(()),
        })
    }

    /// Status, content type and body of `path` (no redirects, 4xx included).
    pub(crate) fn get(&self, path: &str) -> (u16, String, String) {
        let url = format!("{}{}", self.url, path.trim_start_matches('/'));
        let res = match ureq::get(&url).call() {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {url}: {e}"),
        };
        let status = res.status();
        let kind = res.header("content-type").unwrap_or("").to_string();
        (status, kind, res.into_string().unwrap_or_default())
    }

    /// Polls `path` until `pred(status, body)` holds; returns the body.
    pub(crate) fn wait_for(&self, path: &str, pred: impl Fn(u16, &str) -> bool) -> String {
        self.poll(|| {
            let (status, _, body) = self.get(path);
            match pred(status, &body) {
                true => Ok(body),
                false => Err(format!("{path} never matched (last status {status})")),
            }
        })
    }

    pub(crate) fn raw_status(&self, target: &str) -> (String, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        let req = format!("GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        s.write_all(req.as_bytes()).expect("send");
        let mut text = String::new();
        let _ = s.read_to_string(&mut text);
        let status = text.lines().next().unwrap_or("").to_string();
        (status, text)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A live-reload (SSE) connection.
pub(crate) struct Events {
    pub(crate) stream: TcpStream,
    pub(crate) buf: String,
}

impl Events {
    pub(crate) fn connect(server: &Server) -> Events {
        let mut stream = TcpStream::connect(&server.addr).expect("connect");
        stream
            .write_all(
                b"GET /__livereload HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n",
            )
            .expect("send");
        let mut events = Events {
            stream,
            buf: String::new(),
        };
        events.next_named("hello");
        events
    }

    /// Waits for the next event called `name`; returns its data.
    pub(crate) fn next_named(&mut self, name: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            while let Some(end) = self.buf.find("\n\n") {
                let block: String = self.buf.drain(..end + 2).collect();
                let field = |key: &str| {
                    block
                        .lines()
                        .filter_map(|l| l.strip_prefix(key))
                        .map(|v| v.trim_start().to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                if field("event:") == name {
                    return field("data:");
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "no `{name}` event; got: {}", self.buf);
            self.stream.set_read_timeout(Some(left)).expect("timeout");
            let mut chunk = [0u8; 8192];
            match self.stream.read(&mut chunk) {
                Ok(0) => panic!("event stream closed"),
                Ok(n) => self.buf.push_str(&String::from_utf8_lossy(&chunk[..n])),
                Err(e) => panic!("no `{name}` event: {e}"),
            }
        }
    }
}
