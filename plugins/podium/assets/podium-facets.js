// Podium facets: filter the speakers hub by role or organisation. Without this script the whole list shows
// and the filter stays hidden; it only hides rows of the page it is on.
(function () {
  function setup() {
    var form = document.querySelector(".podium-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var status = form.querySelector(".podium-filter__status");
    function apply() {
      var role = form.elements.role.value, organization = form.elements.organization.value, shown = 0;
      document.querySelectorAll(".podium-letter").forEach(function (section) {
        var visible = 0;
        section.querySelectorAll(".podium-facet-row").forEach(function (row) {
          var match = (!role || row.dataset.role === role) && (!organization || row.dataset.organization === organization);
          row.hidden = !match;
          if (match) visible++;
        });
        section.hidden = visible === 0;
        shown += visible;
      });
      status.textContent = role || organization ? shown + " shown on this page" : "";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
  // Material's instant loading swaps pages without a reload: set up again on each new page.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
