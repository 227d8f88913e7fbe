// Podium search (Pagefind): the search box in the header, the /search/ page, and highlighting on arrival.
//
// Pagefind returns speech pages; this script cuts each page into its matching statements, using the ids
// of the statements (Pagefind's `anchors`) and the positions of the hits (`locations`), so a result links
// to the statement's fragment. See podium/search.py for why statements are not records of their own.
// The first pages of speakers, topics and events are indexed too (a `facet` meta, no filters): a search
// asks for speeches with the hidden `page: speech` filter, and the pages that match only without it are
// shown apart, whole, above the speeches ("Speakers, topics and events").
//
// Pagefind keeps one index per language and chooses it, with that language's stemmer, from <html lang>
// when it starts. So each language gets its own Pagefind module instance (imported under its own URL),
// started while <html lang> names that language; a query goes to the languages written in its script.
(function () {
  "use strict";

  var configElement = document.getElementById("podium-search-config");
  var box = document.querySelector("[data-podium-searchbox]");
  if (!configElement || !box) return;
  var CONFIG = JSON.parse(configElement.textContent);
  var ROOT = new URL((box.getAttribute("data-base") || ".").replace(/\/?$/, "/"), location.href);
  var BUNDLE = new URL(CONFIG.bundle, ROOT);
  var HIGHLIGHT = "highlight";
  var PAGE_SIZE = 10; // speeches per page of results
  var SHOWN_STATEMENTS = 3; // statements shown per speech before "more"
  var SHOWN_FACETS = 5; // speaker, topic and event pages shown above the speeches
  var SPEECH_FILTER = CONFIG.speechFilter || null; // ["page", "speech"]: on speech pages only
  var FACET_KINDS = { speakers: "Speaker", topics: "Topic", events: "Event" };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  // ---- Engine: one Pagefind instance per language ------------------------------------------------

  var instances = {};
  var countsLoaded = {};

  function pagefindFor(code, withCounts) {
    if (!instances[code]) {
      instances[code] = import(new URL("pagefind.js?lang=" + encodeURIComponent(code), BUNDLE).href)
        .then(function (pagefind) {
          // Pagefind reads the language only from <html lang>, synchronously inside init(): name the language
          // for that moment, then put the page's own back. Nothing is rendered in between.
          var html = document.documentElement;
          var saved = html.getAttribute("lang");
          html.setAttribute("lang", code);
          try { pagefind.init(); } finally {
            if (saved === null) html.removeAttribute("lang"); else html.setAttribute("lang", saved);
          }
          return pagefind;
        });
    }
    return instances[code].then(function (pagefind) {
      // Filter counts come back with each search once the filter indexes are loaded: only the search page
      // needs them, so the header's quick results do not download them.
      if (!withCounts) return pagefind;
      if (!countsLoaded[code]) countsLoaded[code] = pagefind.filters();
      return countsLoaded[code].then(function () { return pagefind; });
    });
  }

  var scriptTests = {};
  CONFIG.languages.forEach(function (language) {
    if (scriptTests[language.script]) return;
    try { scriptTests[language.script] = new RegExp("\\p{Script=" + language.script + "}", "u"); } catch (e) { /* unknown */ }
  });

  // The languages a query is sent to: those chosen in the language filter, else those written in the query's
  // script (a query in Cyrillic letters cannot match words of an English transcript), else all.
  function languagesFor(query, chosen) {
    var all = CONFIG.languages;
    if (chosen && chosen.length) return all.filter(function (l) { return chosen.indexOf(l.name) >= 0; });
    var scripts = Object.keys(scriptTests).filter(function (s) { return scriptTests[s].test(query); });
    if (!scripts.length) return all;
    return all.filter(function (l) { return scripts.indexOf(l.script) >= 0; });
  }

  // What to highlight on arrival: each "quoted phrase" whole, and the other words of the query. For a
  // statement, its own matched words instead of the query's: Pagefind matches stems and prefixes
  // ("сотрудничества" finds "сотрудничество"), and the page can only mark words that are there.
  function queryTerms(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]+)"/g, function (_, phrase) {
      if (phrase.trim()) phrases.push(phrase.trim());
      return " ";
    });
    return { phrases: phrases, words: rest.split(/\s+/).map(bare).filter(Boolean) };
  }

  function bare(word) {
    return (word || "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  function search(state, withCounts) {
    var term = state.q.trim();
    var chosenLanguages = state.filters.language || [];
    var filters = {};
    Object.keys(state.filters).forEach(function (name) {
      if (name !== "language" && state.filters[name].length) filters[name] = { any: state.filters[name] };
    });
    if (!term && !Object.keys(filters).length && !chosenLanguages.length) return Promise.resolve(null);
    // Facet pages have no filters: they can only match a query without any, and are looked for once per
    // query (not again when the filter counts are fetched).
    var withFacets = !!(term && SPEECH_FILTER && !withCounts && !Object.keys(filters).length && !chosenLanguages.length);
    if (SPEECH_FILTER) filters[SPEECH_FILTER[0]] = SPEECH_FILTER[1];
    var sort = state.sort || (term ? "" : "newest");
    var pagefindSort = sort === "newest" ? { date: "desc" } : sort === "oldest" ? { date: "asc" } : {};
    var languages = languagesFor(term, chosenLanguages);
    var started = performance.now();
    return Promise.all(languages.map(function (language) {
      return pagefindFor(language.code, withCounts).then(function (pagefind) {
        return Promise.all([
          pagefind.search(term || null, { filters: filters, sort: pagefindSort }),
          withFacets ? pagefind.search(term, {}) : null,
        ]);
      }).then(function (both) {
        var found = both[0];
        var speeches = {};
        found.results.forEach(function (r) { speeches[r.id] = true; });
        var facets = both[1] ? both[1].results.filter(function (r) { return !speeches[r.id]; }) : [];
        return { language: language, found: found, facets: facets };
      });
    })).then(function (perLanguage) {
      var facets = [].concat.apply([], perLanguage.map(function (part) {
        return part.facets.map(function (r) { return { score: r.score, data: r.data }; });
      })).sort(function (a, b) { return b.score - a.score; }).slice(0, SHOWN_FACETS);
      var queues = perLanguage.map(function (part) {
        return { items: part.found.results.map(function (r) {
          return { score: r.score, data: r.data, language: part.language };
        }), next: 0 };
      });
      var all = [].concat.apply([], queues.map(function (q) { return q.items; }));
      if (!sort) all.sort(function (a, b) { return b.score - a.score; });
      return {
        state: state, terms: queryTerms(term), sort: sort, queues: queues, ranked: all, next: 0,
        total: all.length, facets: facets, counts: mergeCounts(perLanguage.map(function (p) { return p.found.filters || {}; })),
        ms: performance.now() - started,
      };
    });
  }

  function mergeCounts(list) {
    var merged = {};
    list.forEach(function (counts) {
      Object.keys(counts).forEach(function (name) {
        merged[name] = merged[name] || {};
        Object.keys(counts[name]).forEach(function (value) {
          merged[name][value] = (merged[name][value] || 0) + counts[name][value];
        });
      });
    });
    return merged;
  }

  // The speaker, topic and event pages of a search, whole: a title, what they are, a short excerpt.
  function loadFacets(run) {
    if (!run.facetsLoaded) {
      run.facetsLoaded = Promise.all(run.facets.map(function (item) { return item.data(); })).then(function (pages) {
        return pages.filter(function (data) { return data.meta && data.meta.facet; }).map(function (data) {
          return { url: link(data.url, "", []), title: data.meta.title || data.url,
            kind: FACET_KINDS[data.meta.facet] || data.meta.facet, facet: data.meta.facet };
        });
      });
    }
    return run.facetsLoaded;
  }

  function load(item, run) {
    if (!item.loaded) item.loaded = item.data().then(function (data) { return shape(data, item.language, run); });
    return item.loaded;
  }

  // The next `n` speeches of a search, in order. By relevance, Pagefind's scores order all languages at once;
  // by date, each language's list is already in date order and the lists are merged by their dates.
  function take(run, n) {
    if (!run.sort) {
      var slice = run.ranked.slice(run.next, run.next + n);
      run.next += slice.length;
      return Promise.all(slice.map(function (item) { return load(item, run); }));
    }
    var out = [];
    run.queues.forEach(function (q) { q.items.slice(q.next, q.next + n).forEach(function (item) { load(item, run); }); });
    function step() {
      var heads = run.queues.filter(function (q) { return q.next < q.items.length; });
      if (out.length >= n || !heads.length) return Promise.resolve(out);
      return Promise.all(heads.map(function (q) { return load(q.items[q.next], run); })).then(function (speeches) {
        var best = 0;
        for (var i = 1; i < heads.length; i++) {
          var later = speeches[i].date > speeches[best].date;
          if (run.sort === "newest" ? later : !later && speeches[i].date !== speeches[best].date) best = i;
        }
        out.push(speeches[best]);
        heads[best].next += 1;
        run.next += 1;
        return step();
      });
    }
    return step();
  }

  // One Pagefind page result -> a speech with its matching statements.
  function shape(data, language, run) {
    var words = data.content.split(/[\r\n\s]+/g);
    var anchors = (data.anchors || []).filter(function (a) { return a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var filters = data.filters || {};
    var speakers = filters.speaker || [];
    var turns = {};
    try { (JSON.parse(data.meta.turns || "[]")).forEach(function (t) { turns[t[0]] = t[1]; }); } catch (e) { /* none */ }
    var speakerOf = {};
    var current = speakers[0] || "";
    anchors.forEach(function (a) { if (turns[a.id]) current = turns[a.id]; speakerOf[a.id] = current; });

    var groups = [];
    var byAnchor = {};
    (data.locations || []).slice().sort(function (a, b) { return a - b; }).forEach(function (location) {
      var index = -1;
      for (var i = 0; i < anchors.length && anchors[i].location <= location; i++) index = i;
      var key = index < 0 ? "" : anchors[index].id;
      if (!byAnchor[key]) {
        byAnchor[key] = { id: key, index: index, hits: [] };
        groups.push(byAnchor[key]);
      }
      byAnchor[key].hits.push(location);
    });
    var statements = groups.map(function (group) {
      var start = group.index < 0 ? 0 : anchors[group.index].location;
      var end = group.index + 1 < anchors.length ? anchors[group.index + 1].location : words.length;
      return {
        id: group.id, hits: group.hits.length, first: group.hits[0], speaker: speakerOf[group.id] || speakers[0] || "",
        excerpt: excerpt(words, start, end, group.hits), url: link(data.url, group.id, statementTerms(run.terms, words, group.hits)),
      };
    });
    var chosen = run.state.filters.speaker || [];
    if (chosen.length && Object.keys(turns).length) {
      var theirs = statements.filter(function (s) { return chosen.indexOf(s.speaker) >= 0; });
      if (theirs.length) statements = theirs;
    }
    statements.sort(function (a, b) { return b.hits - a.hits || a.first - b.first; });
    return {
      url: link(data.url, "", run.terms.phrases.concat(run.terms.words)), title: data.meta.title || data.url, date: data.meta.date || "",
      speakers: speakers, event: (filters.event || [])[0] || "", language: language, statements: statements,
    };
  }

  function statementTerms(terms, words, hits) {
    var matched = [];
    if (terms.words.length) {
      hits.forEach(function (h) {
        var word = bare(words[h]);
        if (word && matched.indexOf(word) < 0 && terms.phrases.every(function (p) { return p.indexOf(word) < 0; })) matched.push(word);
      });
    }
    return terms.phrases.concat(matched);
  }

  function excerpt(words, start, end, hits) {
    var size = 36;
    var from = start;
    var to = end;
    if (to - from > size) {
      from = Math.max(start, Math.min(hits[0] - 10, end - size));
      to = Math.min(end, from + size);
    }
    var marked = {};
    hits.forEach(function (h) { marked[h] = true; });
    var html = [];
    for (var i = from; i < to; i++) html.push(marked[i] ? "<mark>" + escapeHtml(words[i]) + "</mark>" : escapeHtml(words[i]));
    return (from > start ? "… " : "") + html.join(" ") + (to < end ? " …" : "");
  }

  function link(url, fragment, terms) {
    var target = new URL(url, location.href);
    terms.forEach(function (t) { target.searchParams.append(HIGHLIGHT, t); });
    target.hash = fragment;
    return target.pathname + target.search + target.hash;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? parseInt(m[3], 10) + " " + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1] : iso;
  }

  // ---- Search state in the URL: ?q=...&speaker=...&year=...&sort=newest ---------------------------

  function readState(query) {
    var params = new URLSearchParams(query);
    var state = { q: params.get("q") || "", sort: params.get("sort") || "", filters: {} };
    CONFIG.filters.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean);
      if (values.length) state.filters[name] = values;
    });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    CONFIG.filters.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) { params.append(name, value); });
    });
    if (state.sort) params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  function speechMeta(speech) {
    var parts = [];
    if (speech.speakers.length) parts.push(escapeHtml(speech.speakers.join(", ")));
    if (speech.event) parts.push(escapeHtml(speech.event));
    if (speech.date) parts.push('<time datetime="' + escapeHtml(speech.date) + '">' + escapeHtml(longDate(speech.date)) + "</time>");
    if (speech.language.code !== CONFIG.siteLanguage) parts.push(escapeHtml(speech.language.name));
    return parts.join(" · ");
  }

  function statementItem(speech, statement, hidden) {
    var who = speech.speakers.length > 1 && statement.speaker
      ? '<span class="podium-hit__speaker">' + escapeHtml(statement.speaker) + ":</span> " : "";
    return '<li class="podium-hit"' + (hidden ? " hidden" : "") + '><a class="podium-hit__link" data-podium-hit href="' +
      escapeHtml(statement.url) + '" lang="' + escapeHtml(speech.language.code) + '">' + who +
      '<span class="podium-hit__text">' + statement.excerpt + "</span></a></li>";
  }

  function speechItem(speech) {
    var more = speech.statements.length - SHOWN_STATEMENTS;
    return '<li class="podium-result">' +
      '<h2 class="podium-result__title"><a href="' + escapeHtml(speech.url) + '">' + escapeHtml(speech.title) + "</a></h2>" +
      '<p class="podium-result__meta">' + speechMeta(speech) + "</p>" +
      '<ol class="podium-result__hits">' +
      speech.statements.map(function (s, i) { return statementItem(speech, s, i >= SHOWN_STATEMENTS); }).join("") +
      "</ol>" +
      (more > 0 ? '<button type="button" class="podium-result__more" data-podium-more>' + more + " more matching statement" +
        (more === 1 ? "" : "s") + " in this speech</button>" : "") +
      "</li>";
  }

  function facetItem(page) {
    return '<li class="podium-facet-hit" data-facet-kind="' + escapeHtml(page.facet) + '"><a class="podium-facet-hit__link" data-podium-page-hit href="' +
      escapeHtml(page.url) + '"><span class="podium-facet-hit__kind">' + escapeHtml(page.kind) + '</span> ' +
      '<span class="podium-facet-hit__title">' + escapeHtml(page.title) + "</span></a></li>";
  }

  // ---- Keyboard: / or s focuses the search; arrows move through the results ------------------------

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  var pageInput = null; // set on the /search/ page
  var headerInput = box.querySelector("input[name=q]");

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.key === "/" || event.key === "s") && !typing(event.target)) {
      event.preventDefault();
      var input = pageInput || headerInput;
      if (getComputedStyle(input).display === "none") { location.href = new URL("search/", ROOT).href; return; }
      input.focus();
      input.select();
    }
  });

  function moveFocus(links, current, delta) {
    var index = links.indexOf(current) + delta;
    if (index >= 0 && index < links.length) links[index].focus();
    return index;
  }

  // ---- The header box: quick results as you type; Enter without a choice opens the search page -----

  (function headerBox() {
    var list = box.querySelector(".podium-searchbox__results");
    var timer = null;
    var active = -1;
    var latest = 0;

    function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
    function setActive(index) {
      var all = options();
      active = Math.max(-1, Math.min(index, all.length - 1));
      all.forEach(function (o, i) { o.setAttribute("aria-selected", i === active ? "true" : "false"); });
      if (active >= 0) {
        headerInput.setAttribute("aria-activedescendant", all[active].id);
        all[active].scrollIntoView({ block: "nearest" });
      } else headerInput.removeAttribute("aria-activedescendant");
    }
    function close() { list.hidden = true; headerInput.setAttribute("aria-expanded", "false"); setActive(-1); }
    function open() { list.hidden = false; headerInput.setAttribute("aria-expanded", "true"); }

    function quick() {
      var query = headerInput.value.trim();
      var ticket = ++latest;
      if (!query) { close(); return; }
      var state = { q: query, sort: "", filters: {} };
      search(state, false).then(function (run) {
        return run ? Promise.all([take(run, 5), loadFacets(run)]).then(function (both) {
          return { run: run, speeches: both[0], facets: both[1] };
        }) : null;
      }).then(function (result) {
        if (ticket !== latest || !result) return;
        var html = result.facets.length ? '<div class="podium-quick__group" role="presentation">Speakers, topics and events</div>' +
          result.facets.map(function (page, i) {
            return '<a role="option" id="podium-quick-facet-' + i + '" class="podium-quick podium-quick--facet" data-facet-kind="' +
              escapeHtml(page.facet) + '" href="' + escapeHtml(page.url) + '">' +
              '<span class="podium-quick__title">' + escapeHtml(page.title) + "</span>" +
              '<span class="podium-quick__meta">' + escapeHtml(page.kind) + "</span></a>";
          }).join("") + '<div class="podium-quick__group" role="presentation">Speeches</div>' : "";
        html += result.speeches.map(function (speech, i) {
          var statement = speech.statements[0];
          var href = statement ? statement.url : speech.url;
          return '<a role="option" id="podium-quick-' + i + '" class="podium-quick" href="' + escapeHtml(href) + '">' +
            '<span class="podium-quick__title">' + escapeHtml(speech.title) + "</span>" +
            '<span class="podium-quick__meta">' + speechMeta(speech) + "</span>" +
            (statement ? '<span class="podium-quick__text">' + statement.excerpt + "</span>" : "") + "</a>";
        }).join("");
        var all = new URL("search/", ROOT);
        all.search = writeState(state);
        html += '<a role="option" id="podium-quick-all" class="podium-quick podium-quick--all" href="' +
          escapeHtml(all.pathname + all.search) + '">' +
          (result.run.total === 1 ? "The one matching speech, with filters and sorting"
            : result.run.total ? "All " + result.run.total + " speeches with filters and sorting" : "No speech matches. Search page") + " →</a>";
        list.innerHTML = html;
        open();
        setActive(-1);
      }).catch(function (error) { console.error("Podium search:", error); });
    }

    headerInput.addEventListener("focus", function () {
      if (!pageInput) pagefindFor(CONFIG.siteLanguage, false); // start loading while the reader types
    });
    headerInput.addEventListener("input", function () {
      if (pageInput) return; // on the search page, the page's own results answer
      clearTimeout(timer);
      timer = setTimeout(quick, 150);
    });
    headerInput.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); options()[active].click(); }
    });
    document.addEventListener("click", function (event) { if (!box.contains(event.target)) close(); });
  })();

  // ---- The /search/ page -------------------------------------------------------------------------

  (function searchPage() {
    var page = document.querySelector("[data-podium-searchpage]");
    if (!page) return;
    var form = page.querySelector("form");
    pageInput = form.querySelector("input[name=q]");
    var sortSelect = form.querySelector("select[name=sort]");
    var status = page.querySelector(".podium-results__status");
    var list = page.querySelector(".podium-results__list");
    var facetBox = page.querySelector(".podium-results__facets");
    var moreButton = page.querySelector(".podium-results__more");
    var results = page.querySelector(".podium-results");
    var state = readState(location.search);
    var run = null;
    var ticket = 0;
    var typingTimer = null;

    function fill() {
      pageInput.value = state.q;
      sortSelect.value = state.sort;
    }

    function commit(push) {
      var url = writeState(state);
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
      go();
    }

    // Results first, then the filters' counts: the counts need Pagefind's filter indexes (a few hundred KB
    // in a large archive), so they are fetched only once the results are on screen.
    function go() {
      var mine = ++ticket;
      results.setAttribute("aria-busy", "true");
      page.removeAttribute("data-podium-counts");
      search(state, false).then(function (found) {
        if (mine !== ticket) return;
        run = found;
        list.innerHTML = "";
        facetBox.hidden = true;
        facetBox.querySelector("ul").innerHTML = "";
        if (!run) {
          status.textContent = "Type words to search every transcript, or a \"phrase in quotes\".";
          renderFacets({});
          moreButton.hidden = true;
          return;
        }
        return Promise.all([more(mine), loadFacets(run).then(function (pages) {
          if (mine !== ticket) return;
          facetBox.querySelector("ul").innerHTML = pages.map(facetItem).join("");
          facetBox.hidden = !pages.length;
        })]).then(function () {
          return search(state, true);
        }).then(function (counted) {
          if (mine !== ticket || !counted) return;
          renderFacets(counted.counts);
        });
      }).catch(function (error) {
        console.error("Podium search:", error);
        status.textContent = "Search could not load. Try reloading the page.";
      }).then(function () {
        if (mine !== ticket) return;
        page.setAttribute("data-podium-counts", "ready");
        results.setAttribute("aria-busy", "false");
      });
    }

    function more(mine) {
      return take(run, PAGE_SIZE).then(function (speeches) {
        if (mine !== ticket) return;
        list.insertAdjacentHTML("beforeend", speeches.map(speechItem).join(""));
        var shown = list.children.length;
        var what = state.q ? " for " + state.q : "";
        status.textContent = run.total === 0 ? "No speech matches" + what + "." :
          (run.total === 1 ? "1 speech matches" : run.total + " speeches match") + what +
          (shown < run.total ? " (showing " + shown + ")" : "") + ".";
        moreButton.hidden = shown >= run.total;
        page.setAttribute("data-podium-ms", String(Math.round(run.ms)));
      });
    }

    function renderFacets(counts) {
      CONFIG.filters.forEach(function (name) {
        var fieldset = page.querySelector('[data-facet="' + name + '"]');
        var ul = fieldset.querySelector("ul");
        var chosen = state.filters[name] || [];
        var values = Object.keys(counts[name] || {}).filter(function (v) { return counts[name][v] > 0 || chosen.indexOf(v) >= 0; });
        chosen.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
        values.sort(name === "year"
          ? function (a, b) { return b.localeCompare(a); }
          : function (a, b) { return (counts[name][b] || 0) - (counts[name][a] || 0) || a.localeCompare(b); });
        fieldset.hidden = !values.length;
        ul.innerHTML = values.map(function (value, i) {
          var count = (counts[name] || {})[value] || 0;
          return '<li' + (i >= 8 && chosen.indexOf(value) < 0 ? " hidden" : "") + '><label><input type="checkbox" name="' +
            escapeHtml(name) + '" value="' + escapeHtml(value) + '"' + (chosen.indexOf(value) >= 0 ? " checked" : "") +
            '> <span class="podium-facet__value">' + escapeHtml(value) + '</span> <span class="podium-facet__count">' +
            count + "</span></label></li>";
        }).join("") + (values.length > 8 ? '<li><button type="button" class="podium-facet__all" data-podium-all>All ' +
          values.length + "</button></li>" : "");
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typingTimer);
      state.q = pageInput.value.trim();
      commit(true);
    });
    pageInput.addEventListener("input", function () {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { state.q = pageInput.value.trim(); commit(false); }, 300);
    });
    sortSelect.addEventListener("change", function () { state.sort = sortSelect.value; commit(true); });
    page.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type !== "checkbox") return;
      var values = (state.filters[input.name] || []).filter(function (v) { return v !== input.value; });
      if (input.checked) values.push(input.value);
      if (values.length) state.filters[input.name] = values; else delete state.filters[input.name];
      commit(true);
    });
    page.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-podium-more")) {
        button.parentNode.querySelectorAll(".podium-hit[hidden]").forEach(function (li) { li.hidden = false; });
        button.remove();
      } else if (button.hasAttribute("data-podium-all")) {
        button.closest("ul").querySelectorAll("li[hidden]").forEach(function (li) { li.hidden = false; });
        button.parentNode.remove();
      } else if (button === moreButton) {
        more(ticket);
      }
    });
    page.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(results.querySelectorAll("[data-podium-page-hit], [data-podium-hit]")).filter(function (a) { return a.offsetParent; });
      if (!links.length) return;
      if (event.target === pageInput) {
        if (event.key === "ArrowDown") { event.preventDefault(); links[0].focus(); }
        return;
      }
      if (links.indexOf(event.target) < 0) return;
      event.preventDefault();
      if (moveFocus(links, event.target, event.key === "ArrowDown" ? 1 : -1) < 0) pageInput.focus();
    });
    window.addEventListener("popstate", function () { state = readState(location.search); fill(); go(); });

    var filters = page.querySelector(".podium-filters");
    if (window.matchMedia("(max-width: 44.984375em)").matches) filters.open = false;

    fill();
    go();
    if (!state.q) pageInput.focus();
  })();

  // ---- On a speech page reached from a result: highlight the terms, show the statement --------------

  (function arrive() {
    var params = new URLSearchParams(location.search);
    if (!params.has(HIGHLIGHT) || !document.querySelector("[data-pagefind-body]")) return;
    import(new URL("pagefind-highlight.js", BUNDLE).href).then(function () {
      new window.PagefindHighlight({
        highlightParam: HIGHLIGHT, addStyles: false,
        markOptions: { className: "podium-mark", exclude: [".podium-tools", ".podium-tools *", ".podium-chips", ".podium-chips *"] },
      });
      var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      if (target) {
        target.classList.add("podium-search-target");
        target.scrollIntoView({ block: "center" });
      }
    }).catch(function (error) { console.error("Podium search highlight:", error); });
  })();
})();
