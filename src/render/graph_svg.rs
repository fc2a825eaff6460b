//! The link graph as static SVG, laid out at build time: no JavaScript is
//! needed to see it. `/graph/` shows case studies and entities with a small
//! force-directed layout; every page gets its neighbourhood as a ring.

use std::fmt::Write;

use super::templates::push_escaped;
use super::Model;
use crate::content::PageKind;

/// Most nodes drawn on `/graph/` (highest degree first).
const MAX_NODES: usize = 150;
const NEIGHBOURS: usize = 12;

struct Node {
    page: usize,
    x: f64,
    y: f64,
}

impl Model<'_> {
    /// The pages around page `i` in its picture: those it links to, then
    /// those linking to it, up to the ring's size.
    pub fn neighbours(&self, i: usize) -> Vec<usize> {
        let mut around: Vec<usize> = Vec::with_capacity(NEIGHBOURS);
        // A much-linked page has hundreds of backlinks: stop at the ring's size.
        for &p in self.analysis.graph.outgoing[i]
            .iter()
            .chain(&self.analysis.graph.backlinks[i])
        {
            if around.len() == NEIGHBOURS {
                break;
            }
            if !around.contains(&p) {
                around.push(p);
            }
        }
        around
    }

    /// Page `i` in the middle, the pages it links to and from around it.
    /// (What it shows of each page is its `LinkRef`.)
    pub fn neighbourhood_svg(&self, i: usize) -> String {
        let around = self.neighbours(i);
        if around.is_empty() {
            return String::new();
        }
        let (w, h, r) = (360.0, 260.0, 95.0);
        let mut nodes = vec![Node {
            page: i,
            x: w / 2.0,
            y: h / 2.0,
        }];
        for (k, &p) in around.iter().enumerate() {
            let a = std::f64::consts::TAU * k as f64 / around.len() as f64
                - std::f64::consts::FRAC_PI_2;
            nodes.push(Node {
                page: p,
                x: w / 2.0 + r * 1.4 * a.cos(),
                y: h / 2.0 + r * a.sin(),
            });
        }
        let edges: Vec<(usize, usize)> = (1..nodes.len()).map(|k| (0, k)).collect();
        self.svg(&nodes, &edges, w, h, "Neighbourhood · 关联")
    }

    /// The pages the whole graph shows (the most linked case studies and
    /// entities, in page order) and its edges between them.
    pub fn graph_nodes(&self) -> (Vec<usize>, Vec<(usize, usize)>) {
        let degree = |p: usize| {
            self.analysis.graph.outgoing[p].len() + self.analysis.graph.backlinks[p].len()
        };
        let mut pages: Vec<usize> = (0..self.library.pages.len())
            .filter(|&p| self.library.pages[p].kind != PageKind::Page && degree(p) > 0)
            .collect();
        pages.sort_by(|&a, &b| degree(b).cmp(&degree(a)).then(a.cmp(&b)));
        pages.truncate(MAX_NODES);
        pages.sort_unstable();
        let index_of = |p: usize| pages.binary_search(&p).ok();
        let mut edges = Vec::new();
        for (a, &p) in pages.iter().enumerate() {
            for &q in &self.analysis.graph.outgoing[p] {
                if let Some(b) = index_of(q) {
                    edges.push((a, b));
                }
            }
        }
        (pages, edges)
    }

    /// The whole graph of case studies and entities. (What it shows of
    /// each page is its `LinkRef`.)
    pub fn graph_svg(&self) -> String {
        let (pages, edges) = self.graph_nodes();
        let (w, h) = (960.0, 720.0);
        let nodes = layout(&pages, &edges, w, h);
        self.svg(&nodes, &edges, w, h, "Link graph · 链接图")
    }

    fn svg(&self, nodes: &[Node], edges: &[(usize, usize)], w: f64, h: f64, label: &str) -> String {
        // About 80 bytes an edge and 250 a node (link, title, circle, label).
        let mut s = String::with_capacity(256 + edges.len() * 80 + nodes.len() * 250);
        let _ = write!(
            s,
            "<svg class=\"graph\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        for &(a, b) in edges {
            let (p, q) = (&nodes[a], &nodes[b]);
            push_attrs(
                &mut s,
                "<line",
                &[("x1", p.x), ("y1", p.y), ("x2", q.x), ("y2", q.y)],
            );
            s.push_str("/>");
        }
        for n in nodes {
            let page = &self.library.pages[n.page];
            let class = match page.kind {
                PageKind::CaseStudy => "study",
                PageKind::Entity => "entity",
                PageKind::Page => "page",
            };
            let title = &page.meta.title;
            let short = match title.char_indices().nth(18) {
                Some((end, _)) => &title[..end],
                None => title,
            };
            s.push_str("<a href=\"");
            push_escaped(&mut s, self.page_url(n.page));
            s.push_str("\"><title>");
            push_escaped(&mut s, title);
            s.push_str("</title><circle class=\"");
            s.push_str(class);
            s.push('"');
            push_attrs(&mut s, "", &[("cx", n.x), ("cy", n.y)]);
            s.push_str(" r=\"6\"/>");
            push_attrs(&mut s, "<text", &[("x", n.x + 8.0), ("y", n.y + 4.0)]);
            s.push('>');
            push_escaped(&mut s, short);
            s.push_str("</text></a>");
        }
        s.push_str("</svg>");
        s
    }
}

/// `start` then ` name="value"` for each attribute, values with one decimal
/// as `{:.1}` writes them but without the float formatter (every page has
/// an SVG, and formatting showed up in profiles).
fn push_attrs(s: &mut String, start: &str, attrs: &[(&str, f64)]) {
    s.push_str(start);
    for (name, value) in attrs {
        s.push(' ');
        s.push_str(name);
        s.push_str("=\"");
        push_tenths(s, *value);
        s.push('"');
    }
}

fn push_tenths(s: &mut String, value: f64) {
    let tenths = (value * 10.0).round() as i64;
    let mut t = tenths.unsigned_abs();
    // Digits from the right into a small buffer, then one copy.
    let mut buf = [0u8; 24];
    let mut at = buf.len();
    for place in 0.. {
        at -= 1;
        buf[at] = b'0' + (t % 10) as u8;
        t /= 10;
        if place == 0 {
            at -= 1;
            buf[at] = b'.';
        } else if t == 0 {
            break;
        }
    }
    if tenths < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    s.push_str(std::str::from_utf8(&buf[at..]).unwrap_or("0.0"));
}

/// A deterministic Fruchterman–Reingold layout inside `w` × `h`.
fn layout(pages: &[usize], edges: &[(usize, usize)], w: f64, h: f64) -> Vec<Node> {
    let n = pages.len().max(1);
    let mut pos: Vec<(f64, f64)> = (0..pages.len())
        .map(|k| {
            let a = k as f64 * 2.399_963; // golden angle: an even, deterministic start
            let r = (k as f64 / n as f64).sqrt() * w.min(h) * 0.45;
            (w / 2.0 + r * a.cos(), h / 2.0 + r * a.sin())
        })
        .collect();
    let k = (w * h / n as f64).sqrt() * 0.6;
    let mut temp = w / 10.0;
    for _ in 0..120 {
        let mut disp = vec![(0.0f64, 0.0f64); pos.len()];
        for a in 0..pos.len() {
            for b in (a + 1)..pos.len() {
                let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let f = k * k / d;
                disp[a].0 += dx / d * f;
                disp[a].1 += dy / d * f;
                disp[b].0 -= dx / d * f;
                disp[b].1 -= dy / d * f;
            }
        }
        for &(a, b) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d * d / k;
            disp[a].0 -= dx / d * f;
            disp[a].1 -= dy / d * f;
            disp[b].0 += dx / d * f;
            disp[b].1 += dy / d * f;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let len = (d.0 * d.0 + d.1 * d.1).sqrt().max(0.01);
            p.0 = (p.0 + d.0 / len * len.min(temp)).clamp(20.0, w - 120.0);
            p.1 = (p.1 + d.1 / len * len.min(temp)).clamp(20.0, h - 20.0);
        }
        temp *= 0.96;
    }
    pages
        .iter()
        .zip(pos)
        .map(|(&page, (x, y))| Node { page, x, y })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_have_one_decimal() {
        let mut s = String::new();
        push_attrs(
            &mut s,
            "<line",
            &[("x1", 180.0), ("y1", -3.04), ("x2", 0.05), ("y2", 1234.56)],
        );
        assert_eq!(s, r#"<line x1="180.0" y1="-3.0" x2="0.1" y2="1234.6""#);
        let mut s = String::new();
        push_tenths(&mut s, -0.26);
        assert_eq!(s, "-0.3");
    }
}
