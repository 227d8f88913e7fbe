// Podium: copy a statement's permalink. Links work without this script; it only adds the copy button.
(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }
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
