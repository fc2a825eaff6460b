// Dark-mode toggle: remembers the reader's choice; the OS preference is the default.
(function () {
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem("casewiki-theme"); } catch (e) {}
  function apply(mode) {
    if (mode) root.setAttribute("data-theme", mode); else root.removeAttribute("data-theme");
    var light = document.getElementById("syntax-light"), dark = document.getElementById("syntax-dark");
    if (light && dark && mode) { light.media = mode === "light" ? "all" : "not all"; dark.media = mode === "dark" ? "all" : "not all"; }
  }
  apply(saved);
  document.addEventListener("DOMContentLoaded", function () {
    apply(saved);
    var btn = document.querySelector(".theme-toggle");
    if (!btn) return;
    btn.addEventListener("click", function () {
      var dark = root.getAttribute("data-theme") === "dark" ||
        (!root.getAttribute("data-theme") && window.matchMedia("(prefers-color-scheme: dark)").matches);
      saved = dark ? "light" : "dark";
      try { localStorage.setItem("casewiki-theme", saved); } catch (e) {}
      apply(saved);
    });
  });
})();
