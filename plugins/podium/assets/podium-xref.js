// Podium cross-links: a preview card for links to statements, speeches and speakers (class="podium-ref").
// The card shows on hover and on keyboard focus, from the JSON the page embeds (#podium-cards): no page
// load, no request. Without this script, or on a phone, the links are ordinary links.
(function () {
  var source = null, cards = {}, card = null, current = null, timer = null;

  function data() {
    var element = document.getElementById("podium-cards");
    if (element !== source) {
      source = element;
      try { cards = element ? JSON.parse(element.textContent) : {}; } catch (error) { cards = {}; }
    }
    return cards;
  }

  function part(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;  // text, never HTML: the card quotes transcripts as written
    element.dir = "auto";  // an Arabic or Hebrew quotation reads right to left
    return element;
  }

  function ensureCard() {
    if (card) return card;
    card = document.createElement("div");
    card.id = "podium-card";
    card.className = "podium-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    card.addEventListener("mouseenter", function () { clearTimeout(timer); });
    card.addEventListener("mouseleave", function () { later(); });
    document.body.appendChild(card);
    return card;
  }

  function show(link) {
    var info = data()[link.getAttribute("data-ref")];
    if (!info) return;
    clearTimeout(timer);
    ensureCard().replaceChildren();
    var who = info.speaker + (info.role ? ", " + info.role : "");
    if (who) card.appendChild(part("div", "podium-card__who", who));
    var facts = [info.date, info.event].filter(Boolean).join(" · ");
    if (facts) card.appendChild(part("div", "podium-card__facts", facts));
    if (info.title) card.appendChild(part("div", "podium-card__title", info.title));
    if (info.text) card.appendChild(part(info.kind === "statement" ? "blockquote" : "p", "podium-card__text", info.text));
    card.setAttribute("data-kind", info.kind);
    card.hidden = false;
    var box = link.getBoundingClientRect();
    var width = card.offsetWidth, left = box.left + window.scrollX;
    var most = window.scrollX + document.documentElement.clientWidth - width - 8;
    card.style.left = Math.max(window.scrollX + 8, Math.min(left, most)) + "px";
    var below = box.bottom + window.scrollY + 6;
    var room = window.innerHeight - box.bottom;
    card.style.top = (room < card.offsetHeight + 12 && box.top > card.offsetHeight + 12
      ? box.top + window.scrollY - card.offsetHeight - 6 : below) + "px";
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    link.setAttribute("aria-describedby", card.id);
  }

  function hide() {
    clearTimeout(timer);
    if (card) card.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function later() { clearTimeout(timer); timer = setTimeout(hide, 250); }

  function refOf(event) { return event.target.closest ? event.target.closest("a.podium-ref") : null; }

  document.addEventListener("mouseover", function (event) { var link = refOf(event); if (link) show(link); });
  document.addEventListener("mouseout", function (event) { if (refOf(event)) later(); });
  document.addEventListener("focusin", function (event) { var link = refOf(event); if (link) show(link); });
  document.addEventListener("focusout", function (event) { if (refOf(event)) hide(); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
})();
