// Podium: cite, share and embed a statement; link to a selection; check a quotation (/quote/).
// Everything works without this script (permalinks, the embed page, the data files); it adds the menus.
// Citations are not formatted here: the page carries each style as a template made by podium.citation,
// with slots for the permalink, the statement's id and today's date.
(function () {
  "use strict";
  var SLOT_OPEN = "\ue000", SLOT_CLOSE = "\ue001";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  // The site's words for this script's strings (cite/pages.py, client_script; absent in English): English is the
  // key and the fallback, `{name}` filled from `values`.
  var STRINGS = window.podiumCiteStrings || {};
  function t(key, values) {
    var text = typeof STRINGS[key] === "string" ? STRINGS[key] : key;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  var MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fill(template, url, statement, day) {
    var values = {
      "url": url, "statement": statement,
      "accessed-mdy": MONTHS[day.getMonth()] + " " + day.getDate() + ", " + day.getFullYear(),
      "accessed-dmy-mla": day.getDate() + " " + MLA_MONTHS[day.getMonth()] + " " + day.getFullYear(),
      "accessed-iso": day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate())
    };
    Object.keys(values).forEach(function (name) {
      template = template.split(SLOT_OPEN + name + SLOT_CLOSE).join(values[name]);
    });
    return template;
  }
  window.podiumCiteFill = fill;  // for tests: the same result as podium.citation.fill

  function copy(text) { return window.podium.copy(text); }  // podium.js, loaded first on every page
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }
  function pageUrl() { return location.origin + location.pathname; }
  // A statement's words are its children after the ¶ (its first child) that have no class: the play link, the
  // topic chips, the menus and the cross-links all have one, and the sanitized text never does (speech.html).
  var WORDS = ".podium-statement > :not(:first-child, [class])";
  function statementOfWords(node) {
    if (node && node.matches(".podium-statement")) return node;  // words that are bare text (a stripped <div>)
    var words = node && node.closest(WORDS);
    return words && words.parentElement;
  }
  function flash(button, label) {
    var old = button.textContent;
    button.textContent = label; button.setAttribute("data-copied", "");
    setTimeout(function () { button.textContent = old; button.removeAttribute("data-copied"); }, 1800);
  }

  // ---- The statement menu ------------------------------------------------------------------------
  function setupSpeech() {
    var holder = document.getElementById("podium-cite-data");
    if (!holder) return;
    var data = JSON.parse(holder.textContent);
    var open = null;

    function close() {
      if (!open) return;
      open.menu.remove(); open = null;
    }
    // A statement names its speaker (data-speaker) only when the speech has others: else the list does (speech.html).
    function speakerOf(section) {
      var list = section.closest(".podium-statements");
      return section.dataset.speaker || (list && list.dataset.speaker) || "";
    }
    function embedCode(section) {
      var id = section.id, url = pageUrl() + "#" + id;
      var speaker = section.dataset.voice || data.speakers[speakerOf(section)] || "";
      var quote = el("blockquote", {"class": "podium-embed", "cite": url,
        "style": "margin:0;padding:12px 16px;border-left:4px solid #3f51b5;font-family:Georgia,serif"});
      var words = section.cloneNode(true);  // the words, not the ¶, the tools or "[Applause]"
      words.querySelectorAll(":scope > :first-child, :scope > [class], .podium-direction").forEach(function (part) {
        part.remove();
      });
      // Line breaks fold; a no-break or ideographic space is a character of the statement (JS's \s has them).
      quote.appendChild(el("p", {}, words.textContent.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, " ")
        .replace(/^ | $/g, "")));
      var footer = el("footer", {"style": "font:13px system-ui,sans-serif;color:#57606a"}, "— " + speaker + ", ");
      footer.appendChild(el("a", {"href": url}, data.title));
      footer.appendChild(document.createTextNode(", " + data.date));
      quote.appendChild(footer);
      return quote.outerHTML;
    }
    function iframeCode(section) {
      var src = new URL(data.embed, pageUrl()).href + "#" + section.id;
      return el("iframe", {"src": src, "title": data.title, "width": "600", "height": "220",
                           "style": "border:0;max-width:100%", "loading": "lazy"}).outerHTML;
    }
    function menuFor(section, button) {
      var menu = el("div", {"class": "podium-menu", "role": "dialog", "aria-label": t("Cite, share or embed this statement")});
      var url = pageUrl() + "#" + section.id;
      var own = data.templates[speakerOf(section)] || data.templates[Object.keys(data.templates)[0]];
      var templates = {};  // the speaker's part of each style + what every speaker's ends with (podium.cite.pages)
      Object.keys(own).forEach(function (style) { templates[style] = own[style] + ((data.endings || {})[style] || ""); });
      var today = new Date();
      menu.appendChild(el("p", {"class": "podium-menu__title"}, t("Cite this statement")));
      var tabs = el("div", {"class": "podium-menu__styles", "role": "tablist"});
      var preview = el("pre", {"class": "podium-menu__citation", "tabindex": "0"});
      var current = "chicago";
      Object.keys(data.styles).forEach(function (style) {
        var tab = el("button", {"type": "button", "role": "tab", "data-style": style,
                                "aria-selected": String(style === current)}, data.styles[style]);
        tab.addEventListener("click", function () {
          current = style;
          tabs.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-selected", String(b === tab)); });
          preview.textContent = fill(templates[style], url, section.id, today);
        });
        tabs.appendChild(tab);
      });
      preview.textContent = fill(templates[current], url, section.id, today);
      menu.appendChild(tabs); menu.appendChild(preview);
      var actions = el("div", {"class": "podium-menu__actions"});
      [[t("Copy citation"), function () { return preview.textContent; }, "cite"],
       [t("Copy link"), function () { return url; }, "link"],
       [t("Copy embed code"), function () { return embedCode(section); }, "embed"],
       [t("Copy iframe"), function () { return iframeCode(section); }, "iframe"]].forEach(function (item) {
        var b = el("button", {"type": "button", "class": "md-button", "data-action": item[2]}, item[0]);
        b.addEventListener("click", function () { copy(item[1]()).then(function () { flash(b, t("Copied")); }); });
        actions.appendChild(b);
      });
      menu.appendChild(actions);
      menu.appendChild(el("p", {"class": "podium-menu__tip"},
        t("Tip: select words in the statement to get a link that highlights them.")));
      return menu;
    }

    // Two items of the statement's ¶ menu (podium.js): both open this dialog, "Embed" at its embed code.
    // `opener` (the ¶) gets the focus back when the dialog closes with Escape.
    function openDialog(section, opener, focus) {
      var bubble = document.querySelector(".podium-share-selection");
      if (bubble) bubble.hidden = true;
      close();
      var menu = menuFor(section, opener);
      section.appendChild(menu);
      open = {menu: menu, button: opener, section: section};
      menu.querySelector(focus).focus();
    }
    // Registered once; Material's instant navigation runs setupSpeech again for each page (its own data).
    if (!setupSpeech.openDialog) {
      // A crowd's or an anonymous voice (`@[Audience]:`) has no author to cite: no Cite or Embed item for it
      // (the dialog would name the speech's speaker), only "Copy link".
      window.podium.statementTool({action: "cite", label: t("Cite…"), when: function (section) { return !section.dataset.voice; },
        run: function (section, opener) { setupSpeech.openDialog(section, opener, "[role=tab][aria-selected=true]"); }});
      window.podium.statementTool({action: "embed", label: t("Embed…"), when: function (section) { return !section.dataset.voice; },
        run: function (section, opener) { setupSpeech.openDialog(section, opener, "[data-action=embed]"); }});
    }
    setupSpeech.openDialog = openDialog;
    document.addEventListener("click", function (event) {
      if (open && !open.menu.contains(event.target)) close();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && open) { var b = open.button; close(); b.focus(); }
    });
    setupSelection();
    highlightFallback();
  }

  // ---- Share a selection: a link with a URL text fragment ------------------------------------------
  function fragmentText(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
  }
  function textDirective(selected) {
    var words = selected.replace(/\s+/g, " ").trim().split(" ");
    if (words.length <= 8) return "text=" + fragmentText(words.join(" "));
    return "text=" + fragmentText(words.slice(0, 4).join(" ")) + "," + fragmentText(words.slice(-4).join(" "));
  }
  function setupSelection() {
    var bubble = el("button", {"type": "button", "class": "podium-share-selection", "hidden": ""},
                    t("Copy link to selection"));
    document.body.appendChild(bubble);
    var pending = null;
    function update() {
      var selection = window.getSelection();
      var text = selection && selection.toString().trim();
      if (!text || selection.rangeCount === 0) { bubble.hidden = true; pending = null; return; }
      var range = selection.getRangeAt(0);
      var start = range.startContainer.parentElement, end = range.endContainer.parentElement;
      var statement = statementOfWords(start);  // a selection within one statement's words (its paragraphs)
      if (!statement || statementOfWords(end) !== statement) { bubble.hidden = true; pending = null; return; }
      pending = pageUrl() + "#" + statement.id + ":~:" + textDirective(text);
      var box = range.getBoundingClientRect();
      bubble.style.top = (window.scrollY + box.bottom + 6) + "px";
      bubble.style.left = (window.scrollX + box.left) + "px";
      bubble.hidden = false;
      bubble.dataset.url = pending;
    }
    document.addEventListener("mouseup", function (event) {
      // Only a selection made in a statement's text; a click on a menu or a button leaves the bubble alone.
      var target = event.target.closest ? event.target : event.target.parentElement;
      if (statementOfWords(target)) setTimeout(update, 0);
    });
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed) { bubble.hidden = true; pending = null; }
    });
    document.addEventListener("keyup", function (e) { if (e.shiftKey || e.key === "Shift") update(); });
    bubble.addEventListener("mousedown", function (e) { e.preventDefault(); });
    bubble.addEventListener("click", function () {
      if (!pending) return;
      copy(pending).then(function () { flash(bubble, t("Link copied")); });
    });
  }
  // Browsers without URL text fragments keep `:~:text=` in the hash: highlight the words ourselves.
  function highlightFallback() {
    if ("fragmentDirective" in document) return;
    var hash = decodeURIComponent(location.hash || "");
    var at = hash.indexOf(":~:text=");
    if (at === -1) return;
    var statement = document.getElementById(hash.slice(1, at));
    var parts = hash.slice(at + 8).split(",");
    if (!statement) return;
    var target = statement.querySelector(":scope > p") || statement;
    var text = target.textContent, from = text.indexOf(parts[0]);
    if (from === -1) return;
    var to = parts.length > 1 ? text.indexOf(parts[1], from) + parts[1].length : from + parts[0].length;
    if (to < from) return;
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT), node, offset = 0, range = document.createRange();
    while ((node = walker.nextNode())) {
      var length = node.textContent.length;
      if (offset <= from && from <= offset + length) range.setStart(node, from - offset);
      if (offset <= to && to <= offset + length) { range.setEnd(node, to - offset); break; }
      offset += length;
    }
    try { range.surroundContents(el("mark", {"class": "podium-text-fragment"})); } catch (e) { /* spans elements */ }
    statement.scrollIntoView();
  }

  // ---- Quote check in the browser (the /quote/ page) -----------------------------------------------
  // The same steps as podium.quote: shortlist by rare words over a sharded inverted index, then align
  // word by word with a port of difflib's SequenceMatcher (no junk heuristic, as autojunk=False).
  // podium.core.text.QUOTE_WORD: one character of a script written without spaces (Chinese characters, Japanese
  // kana; Thai, Lao, Khmer and Myanmar letters with their marks: compared one by one, so part of a sentence is
  // found in it), or a word, which goes on through combining marks (\p{M}: Hindi's vowel signs) and inner
  // apostrophes.
  var SPACELESS = "[\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}]";
  var CLUSTERED = "[\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff]";
  var ONE = SPACELESS + "|" + CLUSTERED + "\\p{M}*";
  var LETTER = "(?:(?!" + SPACELESS + "|" + CLUSTERED + ")[\\p{L}\\p{N}_])";
  var LETTERS = LETTER + "+(?:\\p{M}+" + LETTER + "*)*";
  var WORD = new RegExp(ONE + "|" + LETTERS + "(?:['’]" + LETTERS + ")*", "gu");
  var ONE_SPACELESS = new RegExp("^(?:" + ONE + ")$", "u");
  // podium.quote.index.content_words: not a stop word, and two characters or more unless a spaceless one.
  function isContent(word, stop) { return !stop.has(word) && (Array.from(word).length > 1 || ONE_SPACELESS.test(word)); }
  function joinWords(list) {  // podium.core.text.join_words: no space between two spaceless characters
    var out = "";
    list.forEach(function (word, i) {
      out += i && !(ONE_SPACELESS.test(list[i - 1]) && ONE_SPACELESS.test(word)) ? " " + word : word;
    });
    return out;
  }
  var ELLIPSIS = /\.\.\.|…|\[\s*\.\.\.\s*\]/;
  function words(text) { return text.match(WORD) || []; }
  function normalize(word) { return word.normalize("NFKC").toLowerCase().replace(/’/g, "'"); }

  function matchingBlocks(a, b) {
    var b2j = {};
    b.forEach(function (w, j) { (b2j[w] = b2j[w] || []).push(j); });
    function longest(alo, ahi, blo, bhi) {
      var besti = alo, bestj = blo, bestsize = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var next = {}, js = b2j[a[i]] || [];
        for (var n = 0; n < js.length; n++) {
          var j = js[n];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = next[j] = (j2len[j - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      return [besti, bestj, bestsize];
    }
    var queue = [[0, a.length, 0, b.length]], blocks = [];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      if (m[2]) {
        blocks.push(m);
        if (q[0] < m[0] && q[2] < m[1]) queue.push([q[0], m[0], q[2], m[1]]);
        if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]);
      }
    }
    blocks.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
    var merged = [], i1 = 0, j1 = 0, k1 = 0;
    blocks.forEach(function (m) {
      if (i1 + k1 === m[0] && j1 + k1 === m[1]) k1 += m[2];
      else { if (k1) merged.push([i1, j1, k1]); i1 = m[0]; j1 = m[1]; k1 = m[2]; }
    });
    if (k1) merged.push([i1, j1, k1]);
    return merged;
  }
  function opcodes(a, b) {
    var i = 0, j = 0, out = [];
    matchingBlocks(a, b).concat([[a.length, b.length, 0]]).forEach(function (m) {
      var tag = i < m[0] && j < m[1] ? "replace" : i < m[0] ? "delete" : j < m[1] ? "insert" : "";
      if (tag) out.push([tag, i, m[0], j, m[1]]);
      i = m[0] + m[2]; j = m[1] + m[2];
      if (m[2]) out.push(["equal", m[0], i, m[1], j]);
    });
    return out;
  }
  function elisions(quotation) {
    var parts = quotation.split(ELLIPSIS), positions = {}, count = 0;
    for (var p = 0; p < parts.length - 1; p++) { count += words(parts[p]).length; positions[count] = true; }
    return positions;
  }
  function align(text, quotation) {
    var saidShown = words(text), quotedShown = words(quotation);
    var said = saidShown.map(normalize), quoted = quotedShown.map(normalize);
    var blocks = matchingBlocks(said, quoted);
    if (!blocks.length || !quoted.length) return null;
    var best = -1, start = 0, end = 0;
    for (var i = 0; i < blocks.length; i++) {
      var common = 0;
      for (var j = i; j < blocks.length; j++) {
        common += blocks[j][2];
        var first = Math.max(0, blocks[i][0] - blocks[i][1]);
        var last = Math.min(said.length, blocks[j][0] + blocks[j][2] + quoted.length - blocks[j][1] - blocks[j][2]);
        var score = 2 * common / ((last - first) + quoted.length);
        if (score > best) { best = score; start = first; end = last; }
      }
    }
    var elided = elisions(quotation), pieces = [], same = 0, skipped = 0;
    opcodes(said.slice(start, end), quoted).forEach(function (op) {
      var s = saidShown.slice(start + op[1], start + op[2]), q = quotedShown.slice(op[3], op[4]);
      if (op[0] === "equal") { same += op[2] - op[1]; pieces.push(["same", s, s]); }
      else if (op[0] === "replace") pieces.push(["changed", s, q]);
      else if (op[0] === "insert") pieces.push(["added", [], q]);
      else if (elided[op[3]]) { skipped += op[2] - op[1]; pieces.push(["elided", s, []]); }
      else pieces.push(["dropped", s, []]);
    });
    return {fidelity: 2 * same / ((end - start - skipped) + quoted.length), pieces: pieces, window: [start, end]};
  }
  window.podiumQuoteAlign = align;  // for tests: the same result as podium.quote.align

  // The verdict, as podium.quote.index.verdict: the thresholds (found, content) and stop words come from
  // data/quote/meta.json, written by Python, so that the page and `podium quote` judge alike.
  var QUOTED = /“[^”]*”|„[^“”]*[“”]|«[^»]*»|"[^"]*"/g;
  function verdict(fidelity, pieces, meta) {
    if (pieces.length && pieces.every(function (p) { return p[0] === "same" || p[0] === "elided"; })) return "verbatim";
    var stop = new Set(meta.stopwords), quoted = new Set(), kept = new Set();
    pieces.forEach(function (p) {
      p[2].map(normalize).forEach(function (w) {
        if (!isContent(w, stop)) return;
        quoted.add(w);
        if (p[0] === "same") kept.add(w);
      });
    });
    return fidelity >= meta.found && kept.size && kept.size >= meta.content * quoted.size ? "differences" : "not found";
  }
  function insideQuotation(text, range) {
    var spans = Array.from(text.matchAll(QUOTED)).map(function (m) { return [m.index, m.index + m[0].length]; });
    var offsets = Array.from(text.matchAll(WORD)).map(function (m) { return m.index; });
    if (!spans.length || range[0] >= range[1] || range[1] > offsets.length) return false;
    var first = offsets[range[0]], last = offsets[range[1] - 1];
    return spans.some(function (s) { return s[0] < first && last < s[1]; });
  }
  window.podiumQuoteVerdict = verdict;  // for tests: the same verdict as podium.quote.index.verdict
  window.podiumQuoteInside = insideQuotation;

  function setupQuote() {
    var box = document.querySelector(".podium-quote");
    if (!box) return;
    var root = box.dataset.root, cache = {};
    function load(path) {
      // meta.json is plain, every shard gzipped (data/quote/*.json.gz): unpacked here, unless the host
      // already did (a gzip file starts with 1f 8b, JSON never does).
      var packed = path !== "meta.json";
      return fetched(root + "data/quote/" + path + (packed ? ".gz" : ""), packed);
    }
    function fetched(url, packed) {
      if (!cache[url]) cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url.slice(root.length) + ": " + r.status);
        return packed ? r.arrayBuffer().then(unpack) : r.json();
      });
      return cache[url];
    }
    // The statements' text is not in the index: each shortlisted statement's words come from its speech's
    // speech.json.gz (the file scripts download), {statement id: text} once per speech.
    function texts(speech) {
      var url = root + "speeches/" + speech + "/speech.json.gz";
      if (!cache[url + "#texts"]) cache[url + "#texts"] = fetched(url, true).then(function (doc) {
        var out = {};
        (doc.statements || []).forEach(function (s) { out[s.statement_id] = s.text; });
        return out;
      });
      return cache[url + "#texts"];
    }
    function unpack(buffer) {
      var bytes = new Uint8Array(buffer);
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
    }
    function shard(word, prefix) {
      return Array.from(word).slice(0, prefix).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
    }
    function search(quotation) {
      return load("meta.json").then(function (meta) {
        var stop = new Set(meta.stopwords), total = meta.statements || 1;
        var quoted = words(quotation).map(normalize);
        var content = Array.from(new Set(quoted.filter(function (w) { return isContent(w, stop); })));
        if (!content.length) content = Array.from(new Set(quoted));
        var names = Array.from(new Set(content.map(function (w) { return shard(w, meta.prefix); })));
        return Promise.all(names.map(function (n) { return load("w-" + n + ".json").catch(function () { return {}; }); }))
          .then(function (shards) {
            var entries = {};
            shards.forEach(function (s) { Object.keys(s).forEach(function (w) { entries[w] = s[w]; }); });
            var found = content.filter(function (w) { return entries[w]; })
              .sort(function (x, y) { return entries[x][0] - entries[y][0]; });
            var used = [];
            for (var rank = 0; rank < found.length; rank++) {
              var common = entries[found[rank]][0] > Math.max(meta.common * total, meta.floor);
              if (rank >= 2 && common) break;
              used.push(found[rank]);
            }
            // A common word's statements are in a file of their own, fetched only when it is used.
            return Promise.all(used.map(function (w) {
              return entries[w][1] || load("p-" + shard(w, Infinity) + ".json");
            })).then(function (postings) {
              var scores = {};
              used.forEach(function (w, i) {
                var weight = Math.log(1 + total / entries[w][0]), n = 0;
                // Written as gaps (podium.quote.index.gaps): each number is the distance from the one before.
                postings[i].forEach(function (gap) { n += gap; scores[n] = (scores[n] || 0) + weight; });
              });
              var shortlist = Object.keys(scores).map(Number)
                .sort(function (x, y) { return scores[y] - scores[x] || x - y; }).slice(0, 30);
              var chunks = Array.from(new Set(shortlist.map(function (n) { return Math.floor(n / meta.chunk); })));
              return Promise.all(chunks.map(function (c) { return load("c-" + c + ".json"); })).then(function (loaded) {
                var byChunk = {};
                chunks.forEach(function (c, i) { byChunk[c] = loaded[i]; });
                var rows = shortlist.map(function (n) { return byChunk[Math.floor(n / meta.chunk)].statements[n % meta.chunk]; });
                var speeches = Array.from(new Set(rows.map(function (row) { return row[0]; })));
                return Promise.all(speeches.map(texts)).then(function (said) {
                  var bySpeech = {};
                  speeches.forEach(function (id, i) { bySpeech[id] = said[i]; });
                  return shortlist.map(function (n, i) {
                    var chunk = byChunk[Math.floor(n / meta.chunk)], row = rows[i];
                    var text = bySpeech[row[0]][row[1]];
                    var result = text == null ? null : align(text, quotation);
                    if (!result) return null;
                    result.speech = chunk.speeches[row[0]]; result.speechId = row[0];
                    result.statement = row[1]; result.text = text; result.speaker = row[2]; result.score = scores[n];
                    result.verdict = verdict(result.fidelity, result.pieces, meta);
                    result.inQuotation = insideQuotation(text, result.window);
                    return result;
                  });
                });
              }).then(function (results) {
                return results.filter(Boolean).sort(function (x, y) {  // as QuoteIndex.search: ties by speech, then statement id
                  return y.fidelity - x.fidelity || y.score - x.score || (x.speechId < y.speechId ? -1 : x.speechId > y.speechId ? 1 : 0) ||
                    (x.statement < y.statement ? -1 : x.statement > y.statement ? 1 : 0);
                }).slice(0, 3).filter(function (r) { return r.verdict !== "not found"; });
              });
            });
          });
      });
    }
    function show(results, quotation) {
      var out = box.querySelector(".podium-quote__results");
      out.textContent = "";
      if (!results.length) {
        out.appendChild(el("p", {"class": "podium-quote__verdict podium-quote__verdict--none"},
          t("Not found: no statement in the archive is close to this quotation.")));
        return;
      }
      results.forEach(function (r) {
        var item = el("article", {"class": "podium-quote__result"});
        var pct = Math.round(r.fidelity * 100);
        var head = el("p", {"class": "podium-quote__head"});
        head.appendChild(el("span", {"class": "podium-fidelity" + (r.verdict === "verbatim" ? " podium-fidelity--verbatim" : "")}, t("{n}% fidelity", {n: pct})));
        var url = new URL(root + r.speech.url + "#" + r.statement, location.href).href;
        head.appendChild(document.createTextNode(" " + (r.speech.speakers[r.speaker] || "") + ", "));
        head.appendChild(el("a", {"href": url}, r.speech.title));
        head.appendChild(document.createTextNode(", " + r.speech.date));
        item.appendChild(head);
        item.appendChild(el("p", {"class": "podium-quote__verdict"},
          t(r.verdict === "verbatim" ? "Found verbatim" : "Found with differences") +
          (r.inQuotation ? t(", inside a quotation in the statement") : "")));
        var diff = el("p", {"class": "podium-diff", "dir": "auto"});
        r.pieces.forEach(function (p) {
          diff.appendChild(document.createTextNode(" "));
          if (p[0] === "same") diff.appendChild(document.createTextNode(joinWords(p[1])));
          else if (p[0] === "changed") { diff.appendChild(el("del", {"title": t("said")}, joinWords(p[1]))); diff.appendChild(document.createTextNode(" ")); diff.appendChild(el("ins", {"title": t("quoted")}, joinWords(p[2]))); }
          else if (p[0] === "added") diff.appendChild(el("ins", {"title": t("added by the quotation")}, joinWords(p[2])));
          else if (p[0] === "dropped") diff.appendChild(el("del", {"title": t("dropped by the quotation")}, joinWords(p[1])));
          else diff.appendChild(el("span", {"class": "podium-diff__elided", "title": joinWords(p[1])}, "[…]"));
        });
        item.appendChild(diff);
        item.appendChild(el("blockquote", {"class": "podium-quote__said", "dir": "auto"}, r.text));
        var template = r.speech.cite[r.speaker];
        if (template) item.appendChild(el("p", {"class": "podium-quote__cite"}, fill(template, url, r.statement, new Date())));
        out.appendChild(item);
      });
    }
    var form = box.querySelector("form"), input = box.querySelector("textarea");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var quotation = input.value.trim();
      if (!quotation) return;
      history.replaceState(null, "", "?q=" + encodeURIComponent(quotation));
      search(quotation).then(function (results) { show(results, quotation); }, function (error) {
        box.querySelector(".podium-quote__results").textContent = t("The quote index could not be loaded ({error}).", {error: error.message});
      });
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; form.requestSubmit(); }
  }

  function start() { setupSpeech(); setupQuote(); }
  // Material's instant navigation swaps pages without a load event; document$ tells us when.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
