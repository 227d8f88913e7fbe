// Podium: copy a statement's permalink. Links work without this script; it only adds the copy buttons.
(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }
  window.podium = Object.assign(window.podium || {}, { copy: copy });  // shared with the other Podium scripts
  // One "Copy link" button per statement, made here rather than sent in every page's HTML.
  function addButtons() {
    document.querySelectorAll(".podium-statements").forEach(function (list) {
      list.querySelectorAll(".podium-statement > .podium-tools").forEach(function (tools) {
        if (tools.querySelector(".podium-copy")) return;
        var id = tools.parentElement.id;
        var button = document.createElement("button");
        button.className = "podium-copy";
        button.type = "button";
        button.dataset.fragment = id;
        button.dataset.copiedLabel = list.dataset.copiedLabel || "Copied";
        button.setAttribute("aria-label", (list.dataset.copyAria || "Copy link to statement {id}").replace("{id}", id));
        button.textContent = list.dataset.copyLabel || "Copy link";
        tools.appendChild(button);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addButtons);
  else addButtons();

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".podium-copy");
    if (!button) return;
    var url = location.origin + location.pathname + "#" + button.dataset.fragment;
    // The labels come from the page, in the interface language (podium.i18n); English if a page has none.
    var label = button.dataset.label || (button.dataset.label = button.textContent);
    copy(url).then(function () {
      button.setAttribute("data-copied", "");
      button.textContent = button.dataset.copiedLabel || "Copied";
      setTimeout(function () { button.removeAttribute("data-copied"); button.textContent = label; }, 2000);
    });
  });
})();
