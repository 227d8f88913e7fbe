// Podium language versions (issue 10): switch to another version at the statement being read.
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
})();
