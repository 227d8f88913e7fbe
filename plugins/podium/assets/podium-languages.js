// Podium language versions: switch to another version at the statement being read.
// Each link of the switcher points at the top of the other version (the fallback without JavaScript) and
// lists in data-aligned the statement ids both versions share. When the reader follows it, this script adds
// the fragment: the statement in the address (#id), else the one at the top of the window, else the nearest
// aligned statement before it.
(function () {
  var SELECTOR = ".podium-statement[id], .podium-narrative[id]";

  function statementHere() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash && document.getElementById(hash)) return hash;
    if (window.scrollY < 40) return null; // still at the top: open the other version at its top too
    var statements = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < statements.length; i++) {
      if (statements[i].getBoundingClientRect().bottom > 80) return statements[i].id;
    }
    return null;
  }

  function targetOf(link) {
    var base = link.getAttribute("href").split("#")[0];
    var here = statementHere();
    if (!here) return base;
    var aligned = {};
    (link.dataset.aligned || "").split(" ").forEach(function (id) { if (id) aligned[id] = true; });
    var order = Array.prototype.map.call(document.querySelectorAll(SELECTOR), function (e) { return e.id; });
    for (var i = order.indexOf(here); i >= 0; i--) {
      if (aligned[order[i]]) return base + "#" + encodeURIComponent(order[i]);
    }
    return base;
  }

  // Set the address just before it is used: a click, a middle click, "copy link" from the context menu.
  ["pointerdown", "focusin", "click", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest && event.target.closest("a[data-podium-version]");
      if (link) link.setAttribute("href", targetOf(link));
    }, true);
  });

  // Material takes every <link rel="alternate" hreflang> for another language's site and sends a click on
  // any link into it to that site's home (its page-to-page map comes from a sitemap that a speech page does
  // not have), which would drop the #statement. Our alternates are single pages: the browser follows such a
  // link itself, and Material's handler on <body> never sees the click.
  var here = (location.origin + location.pathname).replace(/\/$/, "") + "/";
  var versions = Array.prototype.map.call(document.querySelectorAll("link[data-podium-alternate]"), function (l) {
    return l.href.replace(/\/$/, "") + "/";
  }).filter(function (v) { return v !== here; }); // links within this page are Material's and ours as usual
  if (versions.length) {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || link.target || event.metaKey || event.ctrlKey) return;
      var href = link.href;
      if (versions.some(function (v) { return href.indexOf(v) === 0; })) event.stopPropagation();
    }, true);
  }
})();
