// Podium on every page: the statement menu behind each ¶, copying a permalink, and quiet <link rel=alternate>s.
// Without this script every ¶ is still a plain permalink (speech.html); the script only adds the menu.
(function () {
  "use strict";
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }

  // ---- Material's sitemap requests ---------------------------------------------------------------
  // Material reads every <link rel="alternate"> as another language's site and fetches the sitemap.xml
  // beside it, once the page has loaded: /speakers/tokayev/sitemap.xml for a speaker's feed, a 404 each
  // time. Podium's alternates (feeds and data files, which have a `type`; a speech's translations, marked
  // data-podium-alternate) are documents, not sites: they leave the page while Material looks and come back
  // right after, so feed readers and extensions still find them. Material's own language links
  // (extra.alternate) stay where they are. Material listens for DOMContentLoaded first (its bundle runs
  // before this script), so the links are back before anything else looks. With navigation.instant,
  // alternates of pages reached later are not hidden.
  if (document.readyState === "loading") {
    var hidden = Array.prototype.map.call(
      document.querySelectorAll("link[rel=alternate][type], link[rel=alternate][data-podium-alternate]"),
      function (link) { var place = [link, link.parentNode, link.nextSibling]; link.remove(); return place; });
    if (hidden.length) document.addEventListener("DOMContentLoaded", function () {
      // Last first: a link's next sibling may be the next hidden link, back by then.
      hidden.reverse().forEach(function (place) { place[1].insertBefore(place[0], place[2]); });
    }, {once: true});
  }

  // ---- The statement menu ------------------------------------------------------------------------
  // One tab stop per statement: its ¶ (a link to the statement), which opens a small menu. Features add
  // items with podium.statementTool({action, label, run(statement, opener), when(statement)}); "Copy link" is
  // built in.
  var tools = [];
  function statementTool(tool) { tools.push(tool); }
  function permalink(statement) { return location.origin + location.pathname + "#" + statement.id; }
  var open = null;  // {menu, opener, timer}

  function close(refocus) {
    if (!open) return;
    var was = open;
    open = null;
    clearTimeout(was.timer);
    was.menu.remove();
    was.opener.setAttribute("aria-expanded", "false");
    if (refocus) was.opener.focus();
  }
  function items(menu) { return Array.prototype.slice.call(menu.querySelectorAll("[role=menuitem]")); }
  function focusItem(menu, index) {
    var all = items(menu), target = all[(index + all.length) % all.length];
    all.forEach(function (item) { item.tabIndex = item === target ? 0 : -1; });
    target.focus();
  }
  function menuFor(statement, opener) {
    var list = statement.closest(".podium-statements");
    var menu = document.createElement("div");
    menu.className = "podium-tools__menu";
    menu.id = "podium-tools-menu";
    menu.setAttribute("role", "menu");
    menu.setAttribute("aria-label", opener.getAttribute("aria-label") || statement.id);
    var builtIn = {action: "copy", label: list.dataset.copyLabel || "Copy link", run: function (s, o, item) {
      copy(permalink(s)).then(function () {
        item.setAttribute("data-copied", "");
        item.textContent = list.dataset.copiedLabel || "Copied";
        if (open && open.menu === menu) {
          open.timer = setTimeout(function () { close(menu.contains(document.activeElement)); }, 1200);
        }
      });
      return true;  // keep the menu open while it says "Copied"
    }};
    // A tool may apply to some statements only (`when`), e.g. no citation of a crowd's voice.
    [builtIn].concat(tools.filter(function (tool) { return !tool.when || tool.when(statement); })).forEach(function (tool) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "podium-tools__item";
      item.setAttribute("role", "menuitem");
      item.dataset.action = tool.action;
      item.tabIndex = -1;
      item.textContent = list.dataset[tool.action + "Label"] || tool.label;  // the page's language (speech.html)
      item.addEventListener("click", function (event) {
        event.stopPropagation();
        if (tool.run(statement, opener, item) !== true) close(false);
      });
      menu.appendChild(item);
    });
    menu.addEventListener("keydown", function (event) {
      var all = items(menu), at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown") focusItem(menu, at + 1);
      else if (event.key === "ArrowUp") focusItem(menu, at - 1);
      else if (event.key === "Home") focusItem(menu, 0);
      else if (event.key === "End") focusItem(menu, all.length - 1);
      else if (event.key === "Escape") close(true);
      else if (event.key === "Tab") { close(true); return; }  // back on the ¶, Tab moves on from there
      else return;
      event.preventDefault();
    });
    return menu;
  }
  function toggle(opener, fromKeyboard) {
    var statement = opener.closest(".podium-statement");
    var again = open && open.opener === opener;
    close(false);
    if (again) return;
    var menu = menuFor(statement, opener);
    opener.after(menu);  // next to the ¶ in reading order; podium.css places it under the ¶
    opener.setAttribute("aria-expanded", "true");
    open = {menu: menu, opener: opener, timer: null};
    if (fromKeyboard) focusItem(menu, 0);
    else items(menu)[0].tabIndex = 0;
  }

  // The ¶ is a statement's first child, without a class of its own: it is on every statement (speech.html).
  var PERMALINK = ".podium-statements .podium-statement > a:first-child";
  function isMenuPermalink(target) {
    var link = target.closest && target.closest(PERMALINK);
    if (link && !link.hasAttribute("aria-haspopup")) {  // marked on first use: no per-statement work on load
      link.setAttribute("aria-haspopup", "menu");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", "podium-tools-menu");
    }
    return link;
  }
  document.addEventListener("click", function (event) {
    var link = isMenuPermalink(event.target);
    if (link && !event.metaKey && !event.ctrlKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();  // a modified click still opens the permalink itself (new tab, window)
      toggle(link, event.detail === 0);  // detail 0: Enter on the link, not a pointer
    } else if (open && !open.menu.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    var link = isMenuPermalink(event.target);
    if (event.key === "Escape" && open && link === open.opener) close(true);
    if (!link || (event.key !== " " && event.key !== "ArrowDown")) return;
    event.preventDefault();
    if (open && open.opener === link) focusItem(open.menu, 0);  // opened by a click: into the menu
    else toggle(link, true);
  });
  // Screen readers hear "has popup menu" from the first focus on.
  document.addEventListener("focusin", function (event) { isMenuPermalink(event.target); });

  // ---- Wide tables --------------------------------------------------------------------------------
  // Material wraps each table in a box that scrolls sideways on a phone; a keyboard can scroll it only if
  // it can be focused. Only the boxes that do scroll become tab stops.
  function focusableScrolling() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute("tabindex");
    });
  }
  window.addEventListener("load", focusableScrolling);
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(focusableScrolling, 200);
  });

  window.podium = Object.assign(window.podium || {}, {copy: copy, statementTool: statementTool});
})();
