/* casewiki search. Reads the index written by `site build` (layout in
 * src/search/mod.rs): search/index.json when the reader first focuses the
 * search box, then only the term shards and doc chunks a query needs.
 * The query rules mirror src/search/query.rs. No external scripts; page data
 * is untrusted and only ever reaches the DOM through textContent. */
(function () {
  "use strict";

  var cfg = window.CASEWIKI || (window.CASEWIKI = {});
  var base = cfg.base || "/";
  if (base.charAt(base.length - 1) !== "/") base += "/";

  var K1 = 1.2, B = 0.75, TITLE_BONUS = 3, TAG_BONUS = 2;
  var PREFIX_WEIGHT = 0.6, MAX_EXPANSIONS = 40, MAX_TERM_CHARS = 32;
  var DROPDOWN_LIMIT = 8, PAGE_LIMIT = 50;
  var LANG_LABEL = { en: "EN", zh: "中文" };

  // ---- codec (src/search/codec.rs) ----
  var TERMINAL = "0123456789abcdefghijklmnopqrstuv";
  var CONTINUATION = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = {};
  for (var d = 0; d < 32; d++) {
    DIGIT[TERMINAL.charAt(d)] = d;
    DIGIT[CONTINUATION.charAt(d)] = 32 + d;
  }

  function decode(s) {
    var out = [], value = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var x = DIGIT[s.charAt(i)];
      if (x === undefined) break;
      if (x < 32) {
        out.push(value + x * mul);
        value = 0;
        mul = 1;
      } else {
        value += (x - 32) * mul;
        mul *= 32;
      }
    }
    return out;
  }

  var utf8 = new TextEncoder();
  function fnv1a(s) {
    var h = 0x811c9dc5, bytes = utf8.encode(s);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }

  function chars(s) { return Array.from(s); }
  function shardOf(term) { return fnv1a(chars(term).slice(0, 2).join("")) % Math.max(1, meta.shards); }

  // ---- text rules (src/search/tokenize.rs, aliases.rs) ----
  var ALNUM = /^[\p{Alphabetic}\p{N}]$/u;
  function isCjk(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ebef) ||
      (cp >= 0x30000 && cp <= 0x3134f);
  }
  function foldWidth(cp) {
    if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
    return cp === 0x3000 ? 32 : cp;
  }
  function isWordChar(ch) {
    var cp = ch.codePointAt(0);
    if (cp < 128) return /[0-9A-Za-z]/.test(ch);
    return !isCjk(cp) && ALNUM.test(ch);
  }
  function normalize(s) {
    var out = "";
    for (var ch of s) {
      var cp = foldWidth(ch.codePointAt(0)), c = String.fromCodePoint(cp);
      if (isWordChar(c)) out += c.toLowerCase();
      else if (isCjk(cp)) out += c;
      else if (out && out.charAt(out.length - 1) !== " ") out += " ";
    }
    return out.replace(/ $/, "");
  }

  // ---- loading ----
  var meta = null, metaPromise = null, shardPromises = {}, shardData = {}, chunkPromises = {}, postingCache = {};

  function getJSON(path, fresh) {
    return fetch(base + path, fresh ? { cache: "no-cache" } : {}).then(function (r) {
      if (!r.ok) throw new Error("search: " + r.status + " " + path);
      return r.json();
    });
  }

  function loadMeta() {
    if (!metaPromise) {
      metaPromise = getJSON("search/index.json", true).then(function (m) {
        m.lensArr = decode(m.lens);
        m.stopSet = new Set(m.stop);
        m.names = [];
        m.groups.forEach(function (names, g) {
          names.forEach(function (n) { m.names.push({ g: g, name: n, len: chars(n).length }); });
        });
        m.names.sort(function (a, b) { return b.len - a.len || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.g - b.g); });
        meta = m;
        return m;
      });
      metaPromise.catch(function () { metaPromise = null; });
    }
    return metaPromise;
  }

  function loadShard(i) {
    if (!shardPromises[i]) {
      shardPromises[i] = getJSON("search/t/" + i + ".json?v=" + meta.build).then(function (obj) {
        shardData[i] = { obj: obj, keys: Object.keys(obj).sort() };
      });
    }
    return shardPromises[i];
  }

  function loadChunk(i) {
    if (!chunkPromises[i]) chunkPromises[i] = getJSON("search/d/" + i + ".json?v=" + meta.build);
    return chunkPromises[i];
  }

  // ---- vocabulary (loaded shards only) ----
  function shardFor(term) { return shardData[shardOf(term)]; }
  function has(term) {
    var s = shardFor(term);
    return !!s && Object.prototype.hasOwnProperty.call(s.obj, term);
  }
  function lowerBound(keys, x) {
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  function withPrefix(prefix) {
    var s = shardFor(prefix), out = [];
    if (!s) return out;
    for (var i = lowerBound(s.keys, prefix); i < s.keys.length && s.keys[i].startsWith(prefix); i++) out.push(s.keys[i]);
    return out;
  }
  function expand(word) {
    var token = { alts: [], marks: [word] };
    if (has(word)) token.alts.push([word, 1]);
    var longer = withPrefix(word).filter(function (t) { return t.length > word.length; });
    longer.sort(function (a, b) { return chars(a).length - chars(b).length || (a < b ? -1 : a > b ? 1 : 0); });
    longer.slice(0, MAX_EXPANSIONS).forEach(function (t) { token.alts.push([t, PREFIX_WEIGHT]); });
    return token;
  }

  // ---- query parsing ----
  function findName(hay, name, from) {
    for (var at = hay.indexOf(name, from); at >= 0; at = hay.indexOf(name, at + 1)) {
      var before = at > 0 ? hay.charAt(at - 1) : "", after = hay.charAt(at + name.length);
      var cutStart = before && isWordChar(before) && isWordChar(name.charAt(0));
      var cutEnd = after && isWordChar(after) && isWordChar(name.charAt(name.length - 1));
      if (!cutStart && !cutEnd) return at;
    }
    return -1;
  }

  /* First pass: alias groups, Latin words and Chinese runs, plus the shards
   * needed to resolve them. */
  function parse(query) {
    var rest = normalize(query), groups = [], words = [], runs = [], need = new Set();
    meta.names.forEach(function (n) {
      for (var at = findName(rest, n.name, 0); at >= 0; at = findName(rest, n.name, 0)) {
        rest = rest.slice(0, at) + " ".repeat(n.name.length) + rest.slice(at + n.name.length);
        groups.push(n.g);
        need.add(shardOf("~" + n.g));
      }
    });
    rest.split(" ").forEach(function (part) {
      var cs = chars(part), i = 0;
      while (i < cs.length) {
        var cjk = isCjk(cs[i].codePointAt(0)), j = i;
        while (j < cs.length && isCjk(cs[j].codePointAt(0)) === cjk) j++;
        var run = cs.slice(i, j);
        if (cjk) {
          runs.push(run);
          for (var k = 0; k < run.length; k++) {
            need.add(shardOf(run[k]));
            if (k + 1 < run.length) need.add(shardOf(run[k] + run[k + 1]));
          }
        } else if (run.length >= 2 && !meta.stopSet.has(run.join(""))) {
          words.push(run.join(""));
          need.add(shardOf(run.join("")));
        }
        i = j;
      }
    });
    return { groups: groups, words: words, runs: runs, need: Array.from(need) };
  }

  /* Longest vocabulary match at each position; else the longest prefix of
   * some term (expanded); stop words and unknown characters are skipped. */
  function segment(run, tokens) {
    var i = 0;
    while (i < run.length) {
      var max = Math.min(i + MAX_TERM_CHARS, run.length), j, found = false;
      for (j = max; j > i; j--) if (has(run.slice(i, j).join(""))) { found = true; break; }
      if (found) {
        var w = run.slice(i, j).join("");
        tokens.push({ alts: [[w, 1]], marks: [w] });
        i = j;
        continue;
      }
      if (meta.stopSet.has(run[i])) { i++; continue; }
      for (j = max; j >= i + 2; j--) if (withPrefix(run.slice(i, j).join("")).length) { found = true; break; }
      if (found) {
        tokens.push(expand(run.slice(i, j).join("")));
        i = j;
      } else {
        tokens.push({ alts: [], marks: [] });
        i++;
      }
    }
  }

  function tokensOf(parsed) {
    var tokens = parsed.groups.map(function (g) { return { alts: [["~" + g, 1]], marks: meta.groups[g].slice() }; });
    parsed.words.forEach(function (w) { tokens.push(expand(w)); });
    parsed.runs.forEach(function (run) { segment(run, tokens); });
    return tokens;
  }

  // ---- ranking (BM25 with title and tag bonuses) ----
  function postings(term) {
    if (!postingCache[term]) {
      var nums = decode(shardFor(term).obj[term]), docs = [], vals = [], doc = 0;
      for (var i = 0; i + 1 < nums.length; i += 2) {
        doc += nums[i];
        docs.push(doc);
        vals.push(nums[i + 1]);
      }
      postingCache[term] = { docs: docs, vals: vals };
    }
    return postingCache[term];
  }

  function tokenScores(token) {
    var n = meta.docs, avgdl = Math.max(1, meta.avgdl), best = new Map();
    token.alts.forEach(function (alt) {
      if (!has(alt[0])) return;
      var p = postings(alt[0]), df = p.docs.length;
      var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (var i = 0; i < df; i++) {
        var v = p.vals[i], tf = v >> 2, dl = meta.lensArr[p.docs[i]] || 0;
        var s = tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl));
        if (v & 2) s += TITLE_BONUS;
        if (v & 1) s += TAG_BONUS;
        s *= alt[1] * idf;
        if (!(best.get(p.docs[i]) >= s)) best.set(p.docs[i], s);
      }
    });
    return best;
  }

  function rank(tokens, limit) {
    var totals = new Map();
    tokens.forEach(function (token) {
      tokenScores(token).forEach(function (s, doc) {
        var t = totals.get(doc) || [0, 0];
        totals.set(doc, [t[0] + s, t[1] + 1]);
      });
    });
    var n = Math.max(1, tokens.length), hits = [];
    totals.forEach(function (t, doc) { hits.push({ doc: doc, score: t[0] * Math.pow(t[1] / n, 2) }); });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return hits.slice(0, limit);
  }

  /* Runs a query; resolves to { hits, marks, ms }. */
  function search(query, limit) {
    var t0 = performance.now();
    return loadMeta().then(function () {
      var parsed = parse(query);
      return Promise.all(parsed.need.map(loadShard)).then(function () {
        var tokens = tokensOf(parsed), hits = rank(tokens, limit || DROPDOWN_LIMIT);
        var chunkIds = Array.from(new Set(hits.map(function (h) { return Math.floor(h.doc / meta.chunk); })));
        return Promise.all(chunkIds.map(loadChunk)).then(function () {
          var marks = [];
          tokens.forEach(function (t) { marks = marks.concat(t.marks); });
          return Promise.all(hits.map(function (h) { return describe(h); })).then(function (list) {
            return { hits: list, marks: marks, ms: performance.now() - t0 };
          });
        });
      });
    });
  }

  function describe(hit) {
    return loadChunk(Math.floor(hit.doc / meta.chunk)).then(function (chunk) {
      var e = chunk[hit.doc % meta.chunk];
      return {
        path: e[0], title: e[1], lang: e[2], category: e[3] >= 0 ? meta.cats[e[3]] : "",
        excerpt: e[4], tags: e[5] || [], score: hit.score
      };
    });
  }

  // ---- highlighting ----
  function markRanges(text, marks) {
    var lower = text.toLowerCase(), ranges = [];
    if (lower.length !== text.length) return ranges;
    marks.forEach(function (m) {
      if (!m) return;
      var latin = isWordChar(m.charAt(0));
      for (var at = lower.indexOf(m); at >= 0; at = lower.indexOf(m, at + 1)) {
        if (latin && at > 0 && isWordChar(lower.charAt(at - 1))) continue;
        var end = at + m.length;
        if (latin) while (end < lower.length && isWordChar(lower.charAt(end))) end++;
        ranges.push([at, end]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  function highlighted(el, text, marks) {
    var pos = 0;
    markRanges(text, marks).forEach(function (r) {
      if (r[0] > pos) el.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var m = document.createElement("mark");
      m.textContent = text.slice(r[0], r[1]);
      el.appendChild(m);
      pos = r[1];
    });
    if (pos < text.length) el.appendChild(document.createTextNode(text.slice(pos)));
    return el;
  }

  function snippet(excerpt, marks) {
    var r = markRanges(excerpt, marks)[0];
    if (!r || r[0] < 60) return excerpt;
    return "…" + excerpt.slice(r[0] - 30);
  }

  // ---- rendering ----
  function span(cls) {
    var s = document.createElement("span");
    s.className = cls;
    return s;
  }

  function renderHit(hit, marks, index) {
    var a = document.createElement("a");
    a.className = "search-hit";
    a.id = "search-hit-" + index;
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.href = base + hit.path;
    a.lang = hit.lang;
    a.dataset.path = hit.path;
    a.appendChild(highlighted(span("search-hit-title"), hit.title, marks));
    var info = span("search-hit-meta");
    var lang = span("search-hit-lang");
    lang.textContent = LANG_LABEL[hit.lang] || hit.lang;
    info.appendChild(lang);
    if (hit.category) {
      var cat = span("search-hit-category");
      cat.textContent = hit.category;
      info.appendChild(cat);
    }
    a.appendChild(info);
    a.appendChild(highlighted(span("search-hit-snippet"), snippet(hit.excerpt, marks), marks));
    return a;
  }

  function renderInto(container, result, query) {
    container.replaceChildren();
    if (!result.hits.length) {
      var empty = span("search-empty");
      empty.textContent = "No results · 无结果";
      container.appendChild(empty);
    }
    result.hits.forEach(function (hit, i) { container.appendChild(renderHit(hit, result.marks, i)); });
    container.dataset.query = query;
    container.dataset.ms = result.ms.toFixed(1);
  }

  // ---- wiring ----
  function setup() {
    var input = document.getElementById("search-input");
    var box = document.getElementById("search-results");
    var page = document.getElementById("search-page-results");
    if (!input || !box) return;
    var form = input.form, seq = 0, active = -1;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", "search-results");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");

    function options() { return box.querySelectorAll(".search-hit"); }
    function show(open) {
      box.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) setActive(-1);
    }
    function setActive(i) {
      var opts = options();
      active = opts.length ? Math.max(-1, Math.min(i, opts.length - 1)) : -1;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", opts[active].id);
        opts[active].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }

    function run(query) {
      var mine = ++seq, target = page || box;
      if (!query.trim()) {
        if (!page) show(false);
        else target.replaceChildren();
        return;
      }
      search(query, page ? PAGE_LIMIT : DROPDOWN_LIMIT).then(function (result) {
        if (mine !== seq) return;
        renderInto(target, result, query);
        if (!page) show(true);
        setActive(-1);
      }, function (err) {
        if (mine !== seq) return;
        target.replaceChildren();
        var e = span("search-empty");
        e.textContent = "Search unavailable · 搜索不可用";
        target.appendChild(e);
        if (!page) show(true);
        if (window.console) console.error(err);
      });
    }

    input.addEventListener("focus", function () { loadMeta().catch(function () {}); });
    input.addEventListener("input", function () {
      run(input.value);
      if (page && window.history && history.replaceState) {
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      }
    });
    input.addEventListener("keydown", function (e) {
      var open = !box.hidden && options().length > 0;
      if (e.key === "ArrowDown" && open) { e.preventDefault(); setActive(active + 1); }
      else if (e.key === "ArrowUp" && open) { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Enter" && open && active >= 0) { e.preventDefault(); window.location.href = options()[active].href; }
      else if (e.key === "Enter" && page) { e.preventDefault(); run(input.value); }
      else if (e.key === "Escape") {
        if (!box.hidden) show(false);
        else input.value = "";
      }
    });
    document.addEventListener("click", function (e) {
      if (form && !form.contains(e.target)) show(false);
    });

    if (page) {
      var q = new URLSearchParams(window.location.search).get("q") || "";
      if (q) {
        input.value = q;
        run(q);
      }
    }
  }

  cfg.search = function (query, limit) { return search(query, limit); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
