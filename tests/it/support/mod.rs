//! Shared test helpers: running `site`, copying fixture sites, checking links.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod browser;
pub mod links;
pub mod server;

/// The `site` binary under test: `CASEWIKI_SITE_BIN` when set (a copy of
/// this tree's build, when other trees share the target folder and its
/// `site`), else the one cargo built.
pub fn site_bin() -> String {
    std::env::var("CASEWIKI_SITE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_site").to_string())
}

/// Runs `site --root <root> <args…>`.
pub fn run_site(root: &Path, args: &[&str]) -> Output {
    Command::new(site_bin())
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run site")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temp copy of one or more fixture folders layered in order (later files win).
pub fn fixture(layers: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for layer in layers {
        copy_dir(&fixtures_dir().join(layer), dir.path());
    }
    dir
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

pub fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path.as_ref())
        .unwrap_or_else(|e| panic!("read {}: {e}", path.as_ref().display()))
}

/// Builds the site at `root` and asserts success.
pub fn build_ok(root: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend_from_slice(extra);
    let out = run_site(root, &args);
    assert!(
        out.status.success(),
        "build failed:\n{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// A generated body as read: written entity links keep their label and lose
/// their target (`[小米](../wiki/xiaomi.md)` → `[小米]`).
pub fn without_link_targets(body: &str) -> String {
    let link = regex::Regex::new(r"\]\(<?[^)\s]*\.md>?\)").expect("pattern");
    link.replace_all(body, "]").into_owned()
}
