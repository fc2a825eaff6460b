//! A broken-link checker over a built site: every `href` and `src` must
//! resolve to a file under the output, with the base path stripped.

use std::path::Path;

/// Returns `(file, url)` for every internal link that does not resolve.
pub fn broken_links(public: &Path, base_path: &str) -> Vec<(String, String)> {
    let attr = regex::Regex::new(r#"(?:href|src)="([^"]*)""#).expect("regex");
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap_or_default();
        let rel_dir = path
            .parent()
            .and_then(|p| p.strip_prefix(public).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        for cap in attr.captures_iter(&html) {
            let url = cap[1].replace("&amp;", "&");
            if !resolves(public, base_path, &rel_dir, &url) {
                broken.push((
                    path.strip_prefix(public)
                        .unwrap_or(path)
                        .display()
                        .to_string(),
                    url,
                ));
            }
        }
    }
    broken
}

fn resolves(public: &Path, base_path: &str, rel_dir: &str, url: &str) -> bool {
    let url = url
        .split('#')
        .next()
        .unwrap_or("")
        .split('?')
        .next()
        .unwrap_or("");
    if url.is_empty()
        || url.contains("://")
        || url.starts_with("mailto:")
        || url.starts_with("//")
        || url.starts_with("data:")
    {
        return true;
    }
    let site_path = if let Some(abs) = url.strip_prefix('/') {
        match format!("/{abs}").strip_prefix(base_path) {
            Some(p) => p.to_string(),
            None => return false,
        }
    } else if rel_dir.is_empty() {
        url.to_string()
    } else {
        format!("{rel_dir}/{url}")
    };
    let decoded = casewiki::content::slug::decode_path(&site_path);
    let target = public.join(decoded.trim_start_matches('/'));
    target.is_file() || target.join("index.html").is_file()
}
