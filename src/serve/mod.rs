//! `site serve`: build once, serve `public/` on 127.0.0.1, watch the sources
//! and rebuild incrementally on every save, telling open tabs to reload.
//!
//! This module only orchestrates: `http` (files, 404, live-reload script and
//! events), `watch` (debounced file events), `rebuild` (the loop around
//! `Site::apply`), `reload` (signals and the injected script) and `search`
//! (the search index, rebuilt in the background).

mod http;
mod rebuild;
mod reload;
mod search;
mod watch;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use rebuild::{full_build, SiteSource};

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: String,
    /// First port tried; the next free one is used when it is taken. 0: any.
    pub port: u16,
    /// Open the site in a browser once it is up.
    pub open: bool,
    /// Overrides the base URL (`http://{interface}:{port}/` by default).
    pub base_url: Option<String>,
}

/// How many ports after the requested one are tried.
const PORT_TRIES: u16 = 20;

/// Runs the server until Ctrl+C; returns the process exit code.
pub fn run(opts: &ServeOptions) -> i32 {
    let root = match std::fs::canonicalize(&opts.root) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}: {e}", opts.root.display());
            return 1;
        }
    };
    let listener = match bind(&opts.interface, opts.port) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "error: cannot listen on {}:{}: {e}",
                opts.interface, opts.port
            );
            return 1;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    if opts.port != 0 && port != opts.port {
        println!("Port {} is in use; using {port} instead.", opts.port);
    }
    let url = http::base_url(&opts.interface, port);
    let src = SiteSource {
        root: root.clone(),
        base_url: opts.base_url.clone().unwrap_or_else(|| url.clone()),
    };
    let (site, report) = full_build(&src);
    let hub = Arc::new(reload::Hub::default());
    rebuild::announce(&report, &hub);
    let public = site
        .as_ref()
        .map(|s| s.config.output_dir.clone())
        .unwrap_or_else(|| root.join("public"));
    let (tx, rx) = std::sync::mpsc::channel();
    if let Err(e) = watch::start(&root, tx) {
        eprintln!("error: cannot watch {}: {e}", root.display());
        return 1;
    }
    let loop_hub = hub.clone();
    std::thread::spawn(move || rebuild::run_loop(src, site, rx, loop_hub));
    println!(
        "Serving {url} (watching {}; Ctrl+C to stop)",
        watched(&root)
    );
    if opts.open {
        open_browser(&url);
    }
    serve(listener, public, hub)
}

/// Binds `interface:port`, or the next free port when it is taken.
fn bind(interface: &str, port: u16) -> std::io::Result<TcpListener> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    let mut error = None;
    for p in port..=last {
        match TcpListener::bind((interface, p)) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(error.unwrap_or_else(|| std::io::Error::other("no free port")))
}

fn watched(root: &Path) -> String {
    let mut names: Vec<String> = watch::WATCHED_DIRS
        .iter()
        .filter(|d| root.join(d).is_dir())
        .map(|d| format!("{d}/"))
        .collect();
    names.push("site.toml".into());
    names.join(", ")
}

fn serve(listener: TcpListener, public: PathBuf, hub: Arc<reload::Hub>) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return 1;
        }
    };
    let result = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, http::router(public, hub))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    });
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: server stopped: {e}");
            1
        }
    }
}

/// Best effort: the platform's "open this URL" command.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(command.0)
        .args(&command.1)
        .spawn()
    {
        eprintln!("warning: could not open a browser: {e}");
    }
}
