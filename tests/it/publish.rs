//! Integration tests: publishing `public/` — a symlink swapped in one step
//! to a complete version, staging folders of dead builds removed, concurrent
//! builds refused, foreign output folders left alone, the dev server serving
//! through the symlink but never outside the output, the Pages workflow
//! uploading real files.

use std::path::Path;

use crate::support::server::{small_site, Server};
use crate::support::{build_ok, fixture, read, repo_root, run_site, stderr};

/// Names in `dir` (sorted).
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn public_is_a_symlink_to_one_complete_version() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    build_ok(site.path(), &[]);
    let public = site.path().join("public");
    let meta = std::fs::symlink_metadata(&public).expect("public");
    assert!(meta.file_type().is_symlink(), "public/ is a symlink");
    let target = std::fs::read_link(&public).expect("link");
    assert!(
        target.starts_with(".public-versions"),
        "relative link into .public-versions: {target:?}"
    );
    let versions = names(&site.path().join(".public-versions"));
    assert_eq!(
        versions.len(),
        1,
        "only the published version is kept: {versions:?}"
    );
    assert!(read(public.join("index.html")).contains("Fixture wiki"));
    let strays: Vec<String> = names(site.path())
        .into_iter()
        .filter(|n| n.starts_with(".public") && n != ".public-versions" && n != ".public.lock")
        .collect();
    assert!(
        strays.is_empty(),
        "nothing else left beside public: {strays:?}"
    );
}

#[test]
fn staging_folders_of_dead_builds_are_removed() {
    let site = fixture(&["basic"]);
    build_ok(site.path(), &[]);
    let versions = site.path().join(".public-versions");
    // What a build killed while writing leaves behind.
    std::fs::create_dir_all(versions.join("999999-1-staging/case-studies")).expect("mkdir");
    std::fs::write(versions.join("999999-1-staging/index.html"), "half").expect("write");
    std::fs::create_dir_all(site.path().join(".public.staging-999999")).expect("mkdir");
    build_ok(site.path(), &[]);
    assert_eq!(names(&versions).len(), 1, "{:?}", names(&versions));
    assert!(!site.path().join(".public.staging-999999").exists());
}

#[cfg(unix)]
#[test]
fn a_second_build_is_refused_while_one_runs() {
    let site = fixture(&["basic"]);
    let lock = std::fs::File::create(site.path().join(".public.lock")).expect("lock file");
    lock.try_lock().expect("take the lock");
    let out = run_site(site.path(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("another build"), "{err}");
    assert!(!site.path().join("public").exists());
    drop(lock);
    build_ok(site.path(), &[]);
}

#[test]
fn a_foreign_output_folder_is_refused() {
    let site = fixture(&["basic"]);
    let foreign = site.path().join("dist");
    std::fs::create_dir_all(&foreign).expect("mkdir");
    std::fs::write(foreign.join("keep.txt"), "mine").expect("write");
    let out = run_site(site.path(), &["build", "--output", "dist"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("not empty"), "{err}");
    assert!(err.contains(".casewiki-output"), "names the marker: {err}");
    assert_eq!(read(foreign.join("keep.txt")), "mine", "left alone");
    // An empty folder, or one casewiki wrote, is fine.
    build_ok(site.path(), &["--output", "fresh"]);
    build_ok(site.path(), &["--output", "fresh"]);
    assert!(site.path().join("fresh/index.html").is_file());
    assert!(site.path().join("fresh/.casewiki-output").is_file());
}

#[cfg(unix)]
#[test]
fn serve_follows_the_public_symlink_but_not_out_of_it() {
    let server = Server::start(small_site());
    server.wait_for("case-studies/a/", |s, _| s == 200);
    let public = server.root().join("public");
    assert!(std::fs::symlink_metadata(&public)
        .expect("public")
        .file_type()
        .is_symlink());
    let secret = server.root().join("secret.txt");
    std::os::unix::fs::symlink(&secret, public.join("leak.txt")).expect("symlink");
    std::os::unix::fs::symlink(server.root().join("content"), public.join("src")).expect("symlink");
    let (status, _, body) = server.get("leak.txt");
    assert_eq!(status, 404, "{body}");
    assert!(!body.contains("TOP-SECRET-TOKEN"));
    let (status, _, _) = server.get("src/case-studies/a.md");
    assert_eq!(status, 404);
    let (status, _, body) = server.get("");
    assert_eq!(status, 200);
    assert!(body.contains("Alpha study"));
}

#[test]
fn pages_workflow_uploads_real_files() {
    let workflow = read(repo_root().join(".github/workflows/pages.yml"));
    assert!(
        workflow.contains("cp -RL public/. _site/"),
        "the symlinked public/ is copied with its links resolved: {workflow}"
    );
    assert!(workflow.contains("path: _site"), "{workflow}");
}
