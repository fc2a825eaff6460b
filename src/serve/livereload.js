// casewiki live reload (injected by `site serve` only; never in public/).
// Listens on /__livereload (Server-Sent Events): `reload` reloads the page
// when it is one of the pages named (or none are named) and keeps the scroll
// position, `css` swaps stylesheets in place,
// `problems` shows an overlay (built with textContent: content is untrusted).
(function () {
  "use strict";
  var KEY = "casewiki-scroll:" + location.pathname;
  var OVERLAY = "casewiki-problems";

  function restoreScroll() {
    var saved = null;
    try { saved = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { return; }
    if (saved === null) return;
    var y = parseInt(saved, 10) || 0;
    window.scrollTo(0, y);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
  }

  function reload() {
    try { sessionStorage.setItem(KEY, String(window.scrollY || window.pageYOffset || 0)); } catch (e) {}
    location.reload();
  }

  function swapStylesheets(urls) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    var swapped = 0;
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      if (url.origin === location.origin && urls.indexOf(url.pathname) !== -1) {
        url.searchParams.set("v", String(Date.now()));
        links[i].href = url.pathname + url.search;
        swapped++;
      }
    }
    if (swapped === 0) reload();
  }

  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (css) e.style.cssText = css;
    return e;
  }

  function showProblems(problems) {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
    if (!problems.length) return;
    var box = el("div", "", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.appendChild(el("h2", "Build problems · 构建错误 (" + problems.length + ")", "margin:0 0 1rem;color:#ff8a80"));
    problems.forEach(function (p) {
      var item = el("div", "", "margin:0 0 1rem;padding:.75rem;border-left:4px solid #ff5252;background:#2b2b2b");
      var where = p.file + (p.line ? ":" + p.line : "");
      item.appendChild(el("div", where, "font-weight:bold;color:#ffd180"));
      item.appendChild(el("pre", p.message, "margin:.25rem 0 0;white-space:pre-wrap"));
      box.appendChild(item);
    });
    var close = el("button", "×", "position:absolute;top:.5rem;right:1rem;font-size:1.5rem;background:none;color:#fff;border:0;cursor:pointer");
    close.setAttribute("aria-label", "Close");
    close.onclick = function () { box.remove(); };
    box.appendChild(close);
    (document.body || document.documentElement).appendChild(box);
  }

  restoreScroll();
  if (!window.EventSource) return;
  var source = new EventSource("/__livereload");
  var connected = false;
  source.addEventListener("hello", function () {
    // A second hello means the server restarted: the site may have changed.
    if (connected) reload();
    connected = true;
    source.ready = true; // the server knows this page now (tests wait for it)
  });
  source.addEventListener("reload", function (e) {
    var paths = JSON.parse(e.data).paths;
    var here = decodeURIComponent(location.pathname);
    if (!paths || paths.indexOf(here) !== -1 || paths.indexOf(here.replace(/index\.html$/, "")) !== -1) reload();
  });
  source.addEventListener("css", function (e) { swapStylesheets(JSON.parse(e.data)); });
  source.addEventListener("problems", function (e) { showProblems(JSON.parse(e.data)); });
  window.__casewikiLiveReload = source;
})();
