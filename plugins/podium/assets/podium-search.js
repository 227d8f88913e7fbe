// Podium search (Pagefind): the search box in the header, the /search/ page, and highlighting on arrival.
//
// Pagefind returns speech pages; this script cuts each page into its matching statements, using the ids
// of the statements (Pagefind's `anchors`) and the positions of the hits (`locations`), so a result links
// to the statement's fragment. See podium/search/index.py for why statements are not records of their own.
// Results are ordered by their best statement, the query's words together and in order first (Ranking).
// The first pages of speakers, topics and events are indexed too (a `facet` meta and the hidden filter
// `page: facet`): a search asks for the pages without that filter (speeches), and the facet pages among the
// results of the same query without it are shown apart, whole, above the speeches ("Speakers, topics and events").
//
// Common words are left out of Pagefind's lookup (Lookup below): their postings are most of what a query would
// download. A speech found by the rarer words is then checked for the left-out words, and for a quoted phrase
// whole, in the text the page loads anyway; one not checked yet is counted apart, as one that "may match".
//
// Pagefind keeps one index per language and chooses it, with that language's stemmer, from <html lang>
// when it starts. So each language gets its own Pagefind module instance (imported under its own URL),
// started while <html lang> names that language; a query goes to the languages written in its script.
(function () {
  "use strict";

  // The configuration (podium/search/index.py, client_config) comes from the site's one
  // assets/podium/podium-search-config.js, which every page loads before this script.
  var CONFIG = window.podiumSearch;
  var box = document.querySelector("[data-podium-searchbox]");
  if (!CONFIG || !box) return;
  var ROOT = new URL((box.getAttribute("data-base") || ".").replace(/\/?$/, "/"), location.href);
  var BUNDLE = new URL(CONFIG.bundle, ROOT);
  var HIGHLIGHT = "highlight";
  var PAGE_SIZE = 10; // speeches per page of results
  var SHOWN_STATEMENTS = 3; // statements shown per speech before "more"
  var SHOWN_FACETS = 5; // speaker, topic and event pages shown above the speeches
  // Speeches re-ranked by their statements (see Ranking): loaded `batch` at a time until one says the whole
  // query, at most `most`. The header's quick results show five.
  var CANDIDATES = { batch: 24, most: 48 };
  var QUICK_CANDIDATES = { batch: 8, most: 24 };
  var SPEECH_FILTER = CONFIG.speechFilter || null; // ["page", {none: ["facet"]}]: not on facet pages
  var FACET_KINDS = { speakers: "Speaker", topics: "Topic", events: "Event" };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  // ---- Interface strings in the site's language -------------------------------------------------
  // The configuration's `strings`, made with Podium's i18n (render/i18n.py; client_strings); the English text
  // is the key and the fallback. A sentence with a number comes as its form for each Unicode CLDR plural
  // category of the site's language ({one, other} in English; {one, few, many, other} in Russian), which
  // Intl.PluralRules picks; a category not given takes `other`.
  var STRINGS = CONFIG.strings || {};
  var pluralRules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(CONFIG.siteLanguage) : null;

  function fillIn(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }

  function t(key, values) {
    return fillIn(typeof STRINGS[key] === "string" ? STRINGS[key] : key, values);
  }

  // `key` is the sentence's "other" form, `one` its English singular: plural("{n} speeches match", ...).
  function plural(key, one, n, values) {
    var forms = STRINGS[key] && typeof STRINGS[key] === "object" ? STRINGS[key] : { one: one, other: key };
    var category = pluralRules ? pluralRules.select(n) : n === 1 ? "one" : "other";
    var form = forms[category] || forms.other || key;
    var all = { n: n };
    Object.keys(values || {}).forEach(function (name) { all[name] = values[name]; });
    return fillIn(form, all);
  }

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

  // ---- Lookup: the rarer words of a query go to Pagefind, the common ones are checked in the text ------
  //
  // Pagefind downloads, for every word of a query, the chunk of its index that holds the word: for `a` or
  // `the` that is their postings in every speech, hundreds of KB in a large archive. The joined index gives
  // each such word a chunk of its own and lists them per language in podium-common.json (written by
  // podium/search/merge.py: the words with half a chunk of locations or more). So a query is looked up
  // by its other words only, and each speech found is checked for the words left out (and a quoted phrase
  // for all its words, in order) in the text its result loads anyway (Ranking, shape()). A query of common
  // words only is looked up whole. The list holds Pagefind's stems ("peopl"): a query word is common when it
  // is listed, or starts with a listed stem of four letters or more and has at most two letters more.
  var commonLists = null;

  function commonWords() {
    if (!commonLists) {
      commonLists = fetch(new URL("podium-common.json", BUNDLE).href)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; })
        .then(function (lists) {
          var sets = {};
          Object.keys(lists || {}).forEach(function (code) {
            sets[code] = {};
            (lists[code] || []).forEach(function (word) { sets[code][word] = true; });
          });
          return sets;
        });
    }
    return commonLists;
  }

  function isCommon(text, set) {
    if (set[text]) return true;
    for (var cut = 1; cut <= 2 && text.length - cut >= 4; cut++) if (set[text.slice(0, -cut)]) return true;
    return false;
  }

  // What Pagefind is asked for one language: { term, left } where `left` are the (folded) words left out.
  function lookup(term, code, sets) {
    var set = sets[code];
    var tokens = term.replace(/"/g, " ").split(/\s+/).filter(Boolean);
    if (!set || tokens.length < 2) return { term: term, left: [] };
    var kept = [];
    var left = [];
    tokens.forEach(function (token) {
      var parts = pieces(token);
      if (parts.length && parts.every(function (part) { return isCommon(part, set); })) left = left.concat(parts);
      else kept.push(token);
    });
    if (!kept.length || !left.length) return { term: term, left: [] };
    return { term: kept.join(" "), left: left };
  }

  // ---- Lead: a lone common word is answered from its best pages --------------------------------------
  //
  // Pagefind scores every page that has a query's word, and that work grows with the square of their number:
  // a word in 9,300 of 10,000 speeches takes half a second, in 93,000 of 100,000 it took two minutes. So the
  // joined index (podium/search/lead.py) gives each word found on 10,000 pages (or half the archive) a value
  // of a hidden filter (`lead0`, `lead1`...): its best speeches and facet pages as Pagefind ranks them for
  // that word alone. podium-lead.json lists those words with the number of pages each matches and its
  // filter's number (`{"en": {"peopl": [9300, 3]}}`). A query of one such word (no quotes, no filters, by
  // relevance) is asked with that filter: Pagefind scores those pages only, in its own order. The number of
  // pages it reports for the word, before filters, must be the listed one, else the lead was made for another
  // word and the query is asked again whole. The matching speeches are that number less the facet pages among
  // them, the filters' counts are Pagefind's over every page with the word (`totalFilters`), and only showing
  // more than the lead asks Pagefind for every page (complete()).
  var leadLists = null;

  function leadWords() {
    if (!leadLists) {
      leadLists = fetch(new URL("podium-lead.json", BUNDLE).href)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return leadLists;
  }

  // The query's one plain word, folded, or null.
  function loneWord(term) {
    var tokens = term.split(/\s+/).filter(Boolean);
    if (tokens.length !== 1 || /"/.test(term)) return null;
    var parts = pieces(tokens[0]);
    return parts.length === 1 ? parts[0] : null;
  }

  // The lead of a lone word in one language: the word as listed, or as its stem with up to two letters less
  // (like isCommon); null if it has none.
  function leadFor(text, words) {
    for (var cut = 0; words && text && cut <= 2 && text.length - cut >= (cut ? 4 : 1); cut++) {
      var word = text.slice(0, text.length - cut);
      var listed = Object.prototype.hasOwnProperty.call(words, word) ? words[word] : null;
      if (listed) return { word: word, pages: listed[0], filter: "lead" + listed[1] };
    }
    return null;
  }

  function withLead(filters, lead) {
    var copy = {};
    Object.keys(filters).forEach(function (name) { copy[name] = filters[name]; });
    copy[lead.filter] = lead.word;
    return copy;
  }

  // The pages a lead search found with the word, less the facet pages among them (SPEECH_FILTER's `none`).
  function leadSpeeches(found) {
    var facets = 0;
    var counts = (found.totalFilters || {})[SPEECH_FILTER[0]] || {};
    ((SPEECH_FILTER[1] || {}).none || []).forEach(function (value) { facets += counts[value] || 0; });
    return found.unfilteredResultCount - facets;
  }

  // Every speech of a lead run, asked of Pagefind once, when more are to be shown than the lead holds: those
  // shown stay where they are, those a check dropped stay out, and the rest follow in Pagefind's order.
  function complete(run) {
    if (!run.rest) return Promise.resolve(run);
    if (!run.completing) {
      run.completing = Promise.all(run.queues.map(function (q) { return q.rest ? q.rest() : null; })).then(function (found) {
        var added = [];
        found.forEach(function (whole, k) {
          if (!whole) return;
          var q = run.queues[k];
          whole.results.forEach(function (r) {
            if (run.seen[r.id]) return;
            var item = { score: r.score, data: r.data, words: r.words, language: q.language, result: r };
            q.items.push(item);
            added.push(item);
          });
          q.rest = null;
        });
        // the speeches not shown yet, the lead's last ones and those of other languages among them, by score
        var tail = run.ranked.slice(run.next).concat(added).sort(function (a, b) { return b.score - a.score; });
        run.ranked = run.ranked.slice(0, run.next).concat(tail);
        run.rest = false;
        return run;
      });
    }
    return run.completing;
  }

  // The looked-up words of each quoted phrase, as offsets from the first of them: `"a new birth of freedom"`
  // without `a` and `of` is [0, 1, 3] (new, birth, freedom). Pagefind gives each result the positions of its
  // hits, so a speech without `new`, `birth` and `freedom` at such distances cannot hold the phrase and is
  // dropped before its text is loaded (Pagefind's own phrase search compares the same positions). Only phrases
  // of plain words (one word each as the ranking reads them) with two looked-up words or more.
  function phraseShapes(term, code, left) {
    var omitted = {};
    left.forEach(function (text) { omitted[text] = true; });
    var shapes = [];
    term.replace(/"([^"]*)"?/g, function (all, quoted) {
      var tokens = quoted.split(/\s+/).filter(Boolean);
      if (!tokens.every(function (token) { return /^[\p{L}\p{N}'’]+$/u.test(token) && pieces(token).length === 1; })) return "";
      var offsets = [];
      tokens.forEach(function (token, i) { if (!omitted[pieces(token)[0]]) offsets.push(i); });
      if (offsets.length > 1) shapes.push(offsets.map(function (o) { return o - offsets[0]; }));
      return "";
    });
    return shapes;
  }

  function fits(positions, shapes) {
    if (!shapes.length) return true;
    var at = {};
    (positions || []).forEach(function (p) { at[p] = true; });
    return shapes.every(function (shape) {
      return (positions || []).some(function (p) { return shape.every(function (o) { return at[p + o]; }); });
    });
  }

  // ---- Ranking: statements that hold the query's words together and in order first ------------------
  //
  // Pagefind ranks pages by how often they use each word, so for `government of the people` a short speech
  // that says "government" and "people" again and again beats the one that says the phrase. So for a query
  // of two words or more, the speeches most likely to hold them together (Pagefind's hit positions side by
  // side, then its score) are loaded, a batch at a time until one of them has the whole query as a phrase
  // (CANDIDATES), every statement of each is scored, and speeches
  // are ordered by their best statement; the others follow in Pagefind's order. A statement's score, from
  // the query's words in order (Q) and its rare words (R: Q without stop words; all of Q if all are stop
  // words, as in "to be or not to be"):
  //
  //   1000 x the rare words it contains (distinct; a statement with none is not a hit: stop words never
  //          carry one, nor are they highlighted outside a phrase)
  //   + 10 x the longest run of Q's words it has side by side and in Q's order, with a rare word in it
  //   +  5 x closeness: the rare words it has / the fewest words that hold them all (1 when side by side)
  //   +  2 x order: 1 when those rare words come in Q's order in that stretch
  //
  // so all rare words beat some, a longer phrase beats a shorter one, and closeness and order break ties;
  // Pagefind's score breaks the rest. A word matches a query word when both are the same with case, accents
  // and apostrophes folded (the last query word also matches the words it begins: it may still be being
  // typed), or else when they differ only in their last three letters or fewer ("reforms" and "reform",
  // "cities" and "city", "сотрудничества" and "сотрудничество") and Pagefind's stemmer matched that word on
  // the page too: "click" shares "cli" with "cliost" but is not a form of it. A word that is the same as
  // one query word is not a close spelling of another. A stop word matches only itself.
  var STOP_WORDS = {
    en: "a about above after again against all am an and any are as at be because been before being below " +
      "between both but by can could did do does doing down during each few for from further had has have " +
      "having he her here hers herself him himself his how i if in into is it its itself just me more most my " +
      "myself no nor not now of off on once only or other our ours ourselves out over own same she should so " +
      "some such than that the their theirs them themselves then there these they this those through to too " +
      "under until up us very was we were what when where which while who whom why will with would you your " +
      "yours yourself yourselves",
    ru: "а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до " +
      "его ее если есть еще же за здесь и из или им их к как какой когда кто ли либо между меня мне мной мы " +
      "на над нам нас не него нее нет ни них но ну о об однако он она они оно от очень по под при с со так " +
      "также такой там те тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье эта эти " +
      "это этого этой этом этот я",
  };
  var stopSets = {};

  function stopWords(code) {
    var base = (code || "").split("-")[0];
    if (!stopSets[base]) {
      stopSets[base] = {};
      (STOP_WORDS[base] || "").split(" ").forEach(function (w) { stopSets[base][w] = true; });
    }
    return stopSets[base];
  }

  // Case, accents and apostrophes folded, split at anything else that is not a letter, a digit or a mark:
  // "Nation’s" -> ["nations"], "you—ask" -> ["you", "ask"], "Ещё" -> ["еще"]. Accents are the marks a letter
  // decomposes into (and Hebrew and Arabic vowel points, mostly not written); the vowel signs of Hindi or Thai
  // are letters of the word: "भारत" is not "भरत".
  var ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670'’]/g;
  var folded = {};
  function pieces(token) {
    if (!token) return [];
    if (!folded[token]) {
      folded[token] = token.toLowerCase().normalize("NFKD").replace(ACCENTS, "")
        .split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    }
    return folded[token];
  }

  // Languages written without spaces between words. Pagefind's extended indexer cuts their text into words
  // (a zero-width space between two: the fragment's raw_content), and its search page cuts a query with the
  // browser's word segmenter; the page does the same, so a query word meets the words of the text.
  var SEGMENTED = ["zh", "ja", "th"];
  var segmenters = {};

  function segmented(code) {
    return SEGMENTED.indexOf((code || "").split("-")[0].toLowerCase()) >= 0;
  }

  function queryPieces(token, code) {
    if (!segmented(code) || typeof Intl === "undefined" || !Intl.Segmenter) return pieces(token);
    var segmenter = segmenters[code] = segmenters[code] || new Intl.Segmenter(code, { granularity: "word" });
    var out = [];
    Array.from(segmenter.segment(token)).forEach(function (part) {
      if (part.isWordLike) out = out.concat(pieces(part.segment));
    });
    return out;
  }

  // A page's words as Pagefind counts them (its locations and anchors are places in this list): cut at the
  // zero-width spaces of a segmented text, which keeps its own spaces and punctuation in the words (`glued`:
  // put back together without spaces), else at white space. Only a segmented language's text is cut so: a
  // stray zero-width space in an English transcript is not a word boundary to Pagefind.
  function contentWords(data, code) {
    var raw = data.raw_content || "";
    if (!segmented(code) || raw.indexOf("\u200B") < 0) return data.content.split(/[\r\n\s]+/g);
    var words = raw.split("\u200B").map(function (word) { return word.replace(/&lt;/g, "<").replace(/&gt;/g, ">"); });
    words.glued = true;
    return words;
  }

  // The query as the ranking reads it in one language: its words in order, each rare or a stop word; the
  // words of a "quoted phrase" carry the phrase's first and last index (a statement must have it whole).
  function queryWords(query, code) {
    var stop = stopWords(code);
    var words = [];
    query.replace(/"([^"]*)"?|[^\s"]+/g, function (all, quoted) {
      var first = words.length;
      (quoted === undefined ? [all] : quoted.split(/\s+/)).forEach(function (token) {
        queryPieces(token, code).forEach(function (text) { words.push({ text: text, stop: !!stop[text] }); });
      });
      if (quoted !== undefined && words.length > first + 1) {
        for (var i = first; i < words.length; i++) words[i].phrase = [first, words.length - 1];
      }
      return "";
    });
    if (words.every(function (w) { return w.stop; })) words.forEach(function (w) { w.stop = false; });
    if (words.length) words[words.length - 1].last = true;
    return words;
  }

  function matches(word, term) {
    return same(word, term) || close(word, term);
  }

  function same(word, term) {
    return word === term.text || (!term.stop && !!term.last && word.lastIndexOf(term.text, 0) === 0);
  }

  function close(word, term) {
    if (term.stop) return false;
    var shared = 0;
    while (shared < word.length && shared < term.text.length && word.charAt(shared) === term.text.charAt(shared)) shared++;
    return shared >= 3 && shared >= Math.max(word.length, term.text.length) - 3;
  }

  // The words of a page Pagefind matched (its result's locations), folded: the forms its stemmer took for
  // the query's words. Words the lookup left out (Lookup) are not among them: `open` lists those.
  function matchedForms(data, words, left) {
    var forms = {};
    (data.locations || []).forEach(function (location) {
      pieces(words[location] || "").forEach(function (piece) { forms[piece] = true; });
    });
    var open = {};
    left.forEach(function (text) { open[text] = true; });
    return { forms: forms, open: open };
  }

  // The query words `text` matches (indexes into `query`): the same ones if any, else its close spellings,
  // those Pagefind matched too when `matched` (matchedForms) is given.
  function hitsOf(text, query, matched) {
    var hits = [];
    query.forEach(function (term, j) { if (same(text, term)) hits.push(j); });
    if (hits.length) return hits;
    query.forEach(function (term, j) {
      if (close(text, term) && (!matched || matched.forms[text] || matched.open[term.text])) hits.push(j);
    });
    return hits;
  }

  // Score the statement made of `tokens[from..to)` (see above), or null when it holds no rare word.
  // Also what to mark in its excerpt (rare words, and the words of the run) and where the run starts.
  function scoreStatement(tokens, from, to, query, matched) {
    var parts = [];
    var occurrences = []; // [part index, rare word]
    for (var i = from; i < to; i++) {
      pieces(tokens[i]).forEach(function (text) {
        var hits = hitsOf(text, query, matched);
        hits.forEach(function (j) { if (!query[j].stop) occurrences.push([parts.length, query[j].text]); });
        parts.push({ token: i, hits: hits });
      });
    }
    if (!occurrences.length) return null;
    // The longest run of query words side by side, in order, with a rare word among them; and whether
    // each quoted phrase is there whole.
    var previous = [];
    var best = { length: 0, end: -1 };
    var phrases = {};
    query.forEach(function (term) { if (term.phrase) phrases[term.phrase[1]] = false; });
    parts.forEach(function (part, p) {
      var current = [];
      part.hits.forEach(function (j) {
        var before = j > 0 && previous[j - 1] ? previous[j - 1] : { length: 0, rare: false };
        current[j] = { length: before.length + 1, rare: before.rare || !query[j].stop };
        if (current[j].rare && current[j].length > best.length) best = { length: current[j].length, end: p };
        var phrase = query[j].phrase;
        if (phrase && j === phrase[1] && current[j].length > phrase[1] - phrase[0]) phrases[j] = true;
      });
      previous = current;
    });
    if (Object.keys(phrases).some(function (end) { return !phrases[end]; })) return null;
    // The shortest stretch holding every rare word found (two pointers over the occurrences).
    var counts = {};
    var found = 0;
    occurrences.forEach(function (o) { if (!counts[o[1]]) { counts[o[1]] = 1; found++; } });
    counts = {};
    var have = 0;
    var span = { length: Infinity, from: 0, to: 0 };
    for (var hi = 0, lo = 0; hi < occurrences.length; hi++) {
      counts[occurrences[hi][1]] = (counts[occurrences[hi][1]] || 0) + 1;
      if (counts[occurrences[hi][1]] === 1) have++;
      while (have === found) {
        var length = occurrences[hi][0] - occurrences[lo][0] + 1;
        if (length < span.length) span = { length: length, from: occurrences[lo][0], to: occurrences[hi][0] };
        if (--counts[occurrences[lo][1]] === 0) have--;
        lo++;
      }
    }
    // In order: the rare words, as the query has them, read one after another in that stretch.
    var wanted = [];
    query.forEach(function (term) { if (!term.stop && counts[term.text] !== undefined && wanted.indexOf(term.text) < 0) wanted.push(term.text); });
    var next = 0;
    for (var q = span.from; q <= span.to && next < wanted.length; q++) {
      if (parts[q].hits.some(function (j) { return query[j].text === wanted[next]; })) next++;
    }
    var marked = {};
    occurrences.forEach(function (o) { marked[parts[o[0]].token] = true; });
    var runFrom = best.end - best.length + 1;
    if (best.length > 1) for (var r = runFrom; r <= best.end; r++) marked[parts[r].token] = true;
    var rare = {};
    query.forEach(function (term) { if (!term.stop) rare[term.text] = true; });
    return {
      whole: found === Object.keys(rare).length && best.length === query.length,
      score: 1000 * found + 10 * best.length + 5 * (found > 1 ? found / span.length : 1) + 2 * (next === wanted.length ? 1 : 0),
      marked: marked,
      focus: best.length > 1 ? parts[runFrom].token : parts[span.from].token,
      run: best.length > 1 ? [parts[runFrom].token, parts[best.end].token] : null,
    };
  }

  // The longest row of consecutive positions among a page's hits: a cheap sign of a phrase, known before
  // the page's words are loaded. When the lookup left common words out (Lookup), the hits of the rarer
  // words of a phrase are `gap` apart at most: as many as the longest run of left-out words, plus one.
  function inARow(item, gap) {
    if (item.row === undefined) {
      var positions = (item.words || []).slice().sort(function (a, b) { return a - b; });
      var row = 0;
      var length = 0;
      positions.forEach(function (p, i) {
        var step = i > 0 ? p - positions[i - 1] : -1;
        length = step > 0 && step <= (gap || 1) ? length + 1 : step === 0 ? length : 1;
        if (length > row) row = length;
      });
      item.row = row;
    }
    return item.row;
  }

  // The longest run of words a lookup left out side by side in the query (Lookup): "government of the people"
  // without `of` and `the` has 2.
  function leftRun(run) {
    var longest = 0;
    Object.keys(run.left || {}).forEach(function (code) {
      var left = {};
      run.left[code].forEach(function (text) { left[text] = true; });
      var length = 0;
      queryWords(run.state.q, code).forEach(function (w) {
        length = left[w.text] ? length + 1 : 0;
        if (length > longest) longest = length;
      });
    });
    return longest;
  }

  // Relevance order: see Ranking above. A query of one word is only checked, on the first page of results:
  // a speech where no statement has the query's words (Pagefind also matches close spellings, "not" for
  // "nothingatall") is left out, so every result links to a statement that has them, unless the words are
  // in its title or its speakers' names (Pagefind searches those too): that speech is kept, last, without one.
  function rerank(run, candidates) {
    var words = queryWords(run.state.q, CONFIG.siteLanguage).length;
    if (run.sort || !candidates || !words) return run;
    var gap = run.reduced ? leftRun(run) + 1 : 1;
    // A row of hits is a sign of a phrase; one word twice in a row is not (and a lead holds the best by score).
    var pool = words > 1 ? run.ranked.slice().sort(function (a, b) { return inARow(b, gap) - inARow(a, gap) || b.score - a.score; })
      : run.ranked.slice();
    var most = words > 1 ? candidates.most : Math.min(candidates.most, PAGE_SIZE);
    var chosen = [];
    function next() {
      var batch = pool.slice(chosen.length, Math.min(chosen.length + candidates.batch, most));
      chosen = chosen.concat(batch);
      return Promise.all(batch.map(function (item) { return load(item, run); })).then(function (speeches) {
        speeches.forEach(function (speech, i) { batch[i].rank = speech.rank; });
        var whole = speeches.some(function (speech) { return speech.whole; });
        return whole || !batch.length || chosen.length >= most || words < 2 ? null : next();
      });
    }
    return next().then(function () {
      var kept = chosen.filter(function (item) { return item.rank > 0; });
      kept.sort(function (a, b) { return b.rank - a.rank || b.score - a.score; });
      run.ranked = kept.concat(run.ranked.filter(function (item) { return chosen.indexOf(item) < 0; }));
      run.total = run.rest ? run.total - (chosen.length - kept.length) : run.ranked.length; // a lead: see complete()
      run.sure = kept.length; // checked: the speeches after them may not hold a left-out word (Lookup)
      return run;
    });
  }

  // Tokens of Pagefind's content back into text: the index puts a hair space after a dash inside a word
  // ("itself—nameless"), which splits it into two tokens; they are joined again without a space.
  function joinTokens(tokens, escape, segmentedText) {
    return tokens.map(function (token, i) {
      var glued = segmentedText || (i > 0 && /\p{L}[—–]$/u.test(tokens[i - 1].text));
      return (i > 0 && !glued ? " " : "") + (escape ? token.html : token.text);
    }).join("");
  }

  function search(state, withCounts, candidates) {
    var term = state.q.trim();
    var chosenLanguages = state.filters.language || [];
    var filters = {};
    Object.keys(state.filters).forEach(function (name) {
      if (name !== "language" && state.filters[name].length) filters[name] = { any: state.filters[name] };
    });
    var ranged = !!(state.from || state.to);
    if (!term && !Object.keys(filters).length && !chosenLanguages.length && !ranged) return Promise.resolve(null);
    // Facet pages have no filters: they can only match a query without any, and are looked for once per
    // query (not again when the filter counts are fetched).
    var withFacets = !!(term && SPEECH_FILTER && !withCounts && !Object.keys(filters).length && !chosenLanguages.length && !ranged);
    // A lone common word with nothing to narrow or order it may have a lead (Lead).
    var lone = SPEECH_FILTER && !state.sort && !Object.keys(filters).length && !chosenLanguages.length && !ranged ? loneWord(term) : null;
    if (SPEECH_FILTER) filters[SPEECH_FILTER[0]] = SPEECH_FILTER[1];
    var sort = state.sort || (term ? "" : "newest");
    var pagefindSort = sort === "newest" ? { date: "desc" } : sort === "oldest" ? { date: "asc" } : {};
    var languages = languagesFor(term, chosenLanguages);
    var started = performance.now();
    var lookups = {};
    var leads = {};
    function searchLanguage(language) {
      return pagefindFor(language.code, withCounts || ranged).then(function (pagefind) {
        // A year range needs the years the index knows: the filter index, loaded once.
        return (ranged ? countsLoaded[language.code] : Promise.resolve(null)).then(function (known) {
          return [pagefind, known ? withYears(filters, state, Object.keys(known.year || {})) : filters];
        });
      }).then(function (pair) {
        var pagefind = pair[0];
        var asked = lookups[language.code].term;
        var lead = leads[language.code];
        function speechesOnly() { return pagefind.search(asked || null, { filters: pair[1], sort: pagefindSort }); }
        function whole() {
          return Promise.all([speechesOnly(), withFacets ? pagefind.search(asked, {}) : null]);
        }
        if (!lead) return whole();
        return Promise.all([
          pagefind.search(asked, { filters: withLead(pair[1], lead) }),
          withFacets ? pagefind.search(asked, { filters: withLead({}, lead) }) : null,
        ]).then(function (both) {
          if (both[0].unfilteredResultCount !== lead.pages) return whole(); // not the word the lead was made for
          both.rest = speechesOnly;
          return both;
        });
      }).then(function (both) {
        var found = both[0];
        var speeches = {};
        found.results.forEach(function (r) { speeches[r.id] = true; });
        var facets = both[1] ? both[1].results.filter(function (r) { return !speeches[r.id]; }) : [];
        return { language: language, found: found, facets: facets, rest: both.rest || null };
      });
    }
    languages.forEach(function (language) { pagefindFor(language.code, withCounts || ranged); }); // meanwhile
    return Promise.all([term ? commonWords() : {}, lone ? leadWords() : null]).then(function (lists) {
      languages.forEach(function (language) {
        lookups[language.code] = lookup(term, language.code, lists[0]);
        if (lists[1]) leads[language.code] = leadFor(lone, lists[1][language.code]);
      });
      return Promise.all(languages.map(searchLanguage));
    }).then(function (perLanguage) {
      var facets = [].concat.apply([], perLanguage.map(function (part) {
        return part.facets.map(function (r) { return { score: r.score, data: r.data, result: r }; });
      })).sort(function (a, b) { return b.score - a.score; }).slice(0, SHOWN_FACETS);
      var queues = perLanguage.map(function (part) {
        var shapes = phraseShapes(term, part.language.code, lookups[part.language.code].left);
        return { items: part.found.results.filter(function (r) { return fits(r.words, shapes); }).map(function (r) {
          // `result` keeps Pagefind's result alive: once it is collected, Pagefind's worker drops its data
          // (a FinalizationRegistry) and a later `data()` gives null.
          return { score: r.score, data: r.data, words: r.words, language: part.language, result: r };
        }), next: 0, language: part.language, rest: part.rest };
      });
      var all = [].concat.apply([], queues.map(function (q) { return q.items; }));
      if (!sort) all.sort(function (a, b) { return b.score - a.score; });
      var left = {};
      languages.forEach(function (language) { left[language.code] = lookups[language.code].left; });
      var rest = perLanguage.some(function (part) { return part.rest; });
      var seen = {};
      if (rest) all.forEach(function (item) { seen[item.result.id] = true; });
      return {
        state: state, terms: queryTerms(term), sort: sort, queues: queues, ranked: all, next: 0,
        // a lead holds the best speeches; Pagefind counted all of them (Lead)
        total: rest ? perLanguage.reduce(function (sum, part) { return sum + (part.rest ? leadSpeeches(part.found) : part.found.results.length); }, 0) : all.length,
        facets: facets, left: left, sure: 0, rest: rest, seen: seen,
        reduced: languages.some(function (language) { return lookups[language.code].left.length > 0; }),
        counts: mergeCounts(perLanguage.map(function (p) { return (p.rest ? p.found.totalFilters : p.found.filters) || {}; })),
        ms: performance.now() - started,
      };
    }).then(function (run) {
      return withFacets && !run.total && run.facets.length ? bySpeaker(run) : run;
    }).then(function (run) {
      return rerank(run, withCounts ? 0 : candidates);
    }).then(function (run) {
      run.ms = performance.now() - started;
      return run;
    });
  }

  // The `year` filter of a from/to range: the known years inside it (and among the ticked ones, if any).
  function withYears(filters, state, known) {
    var from = parseInt(state.from, 10) || -Infinity;
    var to = parseInt(state.to, 10) || Infinity;
    var ticked = state.filters.year || [];
    var years = known.filter(function (year) {
      var n = parseInt(year, 10);
      return n >= from && n <= to && (!ticked.length || ticked.indexOf(year) >= 0);
    });
    var copy = {};
    Object.keys(filters).forEach(function (name) { copy[name] = filters[name]; });
    copy.year = { any: years.length ? years : ["none"] }; // no year is called "none": nothing matches
    return copy;
  }

  // A query that names a speaker but no speech's words (the names above turns are not indexed) lists that
  // speaker's speeches, newest first, under the speaker's card: "Kagame" finds Paul Kagame's speeches.
  function bySpeaker(run) {
    return loadFacets(run).then(function (pages) {
      var words = queryWords(run.state.q, "").map(function (w) { return w.text; });
      var speaker = pages.filter(function (page) {
        var names = [].concat.apply([], page.title.split(/\s+/).map(pieces));
        return page.facet === "speakers" && words.length && words.every(function (word) {
          return names.some(function (name) { return name.lastIndexOf(word, 0) === 0; });
        });
      })[0];
      if (!speaker) return run;
      return search({ q: "", sort: "newest", filters: { speaker: [speaker.title] } }, false).then(function (listed) {
        if (!listed || !listed.total) return run;
        listed.facets = run.facets;
        listed.facetsLoaded = run.facetsLoaded;
        listed.speaker = speaker.title;
        return listed;
      });
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
            kind: FACET_KINDS[data.meta.facet] ? t(FACET_KINDS[data.meta.facet]) : data.meta.facet, facet: data.meta.facet };
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
    var out = [];
    if (!run.sort && run.reduced) return takeChecked(run, n, out, 2 * n);
    if (!run.sort) {
      return (run.next + n > run.ranked.length ? complete(run) : Promise.resolve(run)).then(function () {
        var slice = run.ranked.slice(run.next, run.next + n);
        run.next += slice.length;
        return Promise.all(slice.map(function (item) { return load(item, run); }));
      });
    }
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
        heads[best].next += 1;
        if (run.reduced && !speeches[best].rank) { run.total -= 1; return step(); } // lacks a left-out word
        out.push(speeches[best]);
        run.next += 1;
        return step();
      });
    }
    return step();
  }

  // The next `n` speeches by relevance of a lookup that left words out: each one checked, those that fail
  // dropped from the results; at most `budget` checked (each costs its text), the rest stay "may match".
  function takeChecked(run, n, out, budget) {
    var slice = run.ranked.slice(run.next, run.next + Math.min(n - out.length, budget));
    if (!slice.length) return Promise.resolve(out);
    return Promise.all(slice.map(function (item) { return load(item, run); })).then(function (speeches) {
      speeches.forEach(function (speech) {
        if (speech.rank > 0) { out.push(speech); run.next += 1; } else { run.ranked.splice(run.next, 1); run.total -= 1; }
      });
      return out.length >= n ? out : takeChecked(run, n, out, budget - slice.length);
    });
  }

  // How many of a run's speeches may match but are not checked yet (Lookup): 0 when every count is sure.
  function unchecked(run) {
    if (!run.reduced) return 0;
    if (run.sort) return run.queues.reduce(function (sum, q) { return sum + q.items.length - q.next; }, 0);
    return run.ranked.length - Math.max(run.sure, run.next);
  }

  // One Pagefind page result -> a speech with its matching statements, best first (see Ranking), each
  // with its excerpt and a link that highlights its own matched words.
  function shape(data, language, run) {
    var words = contentWords(data, language.code);
    var anchors = (data.anchors || []).filter(function (a) { return a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var filters = data.filters || {};
    var speakers = filters.speaker || [];
    var turns = {};
    try { (JSON.parse(data.meta.turns || "[]")).forEach(function (t) { turns[t[0]] = t[1]; }); } catch (e) { /* none */ }
    var speakerOf = {};
    var current = speakers[0] || "";
    anchors.forEach(function (a) { if (turns[a.id]) current = turns[a.id]; speakerOf[a.id] = current; });

    var query = queryWords(run.state.q, language.code);
    var bounds = [{ id: "", start: 0 }].concat(anchors.map(function (a) { return { id: a.id, start: a.location }; }));
    var statements = [];
    var left = (run.left || {})[language.code] || [];
    var matched = matchedForms(data, words, left);
    bounds.forEach(function (bound, i) {
      var end = i + 1 < bounds.length ? bounds[i + 1].start : words.length;
      var scored = query.length && end > bound.start ? scoreStatement(words, bound.start, end, query, matched) : null;
      if (!scored) return;
      statements.push({
        id: bound.id, score: scored.score, whole: scored.whole, first: bound.start, speaker: speakerOf[bound.id] || speakers[0] || "",
        excerpt: excerpt(words, bound.start, end, scored.marked, scored.focus),
        url: link(data.url, bound.id, statementTerms(run.terms, words, scored)),
      });
    });
    var phrase = query.some(function (w) { return w.phrase; });
    if (!statements.length && !(left.length && phrase)) { // a phrase looked up without its common words: no guessing
      statements = closeSpellings(data, words, query, bounds, run);
      statements.forEach(function (s) { s.speaker = speakerOf[s.id] || speakers[0] || ""; });
    }
    var chosen = run.state.filters.speaker || [];
    if (chosen.length && Object.keys(turns).length) {
      var theirs = statements.filter(function (s) { return chosen.indexOf(s.speaker) >= 0; });
      if (theirs.length) statements = theirs;
    }
    statements.sort(function (a, b) { return b.score - a.score || a.first - b.first; });
    var rare = query.filter(function (w) { return !w.stop; }).map(function (w) { return w.text; });
    var named = ((data.meta.title || "") + " " + speakers.concat(Object.keys(turns).map(function (id) { return turns[id]; })).join(" "))
      .split(/\s+/).filter(Boolean);
    var rank = statements.length ? statements[0].score : query.length && scoreStatement(named, 0, named.length, query) ? 1 : 0;
    if (left.length && !holds(words.concat(named), left, query)) rank = 0;
    return {
      url: statements.length ? statements[0].url.replace(/#.*$/, "") : link(data.url, "", run.terms.phrases.concat(rare)),
      title: data.meta.title || data.url, date: data.meta.date || "", rank: rank, whole: statements.some(function (s) { return s.whole; }),
      speakers: speakers, event: (filters.event || [])[0] || "", language: language, statements: statements,
    };
  }

  // Whether a speech's words (its text, title and speakers) hold every word the lookup left out (Lookup), as
  // the ranking matches them (a stop word only itself).
  function holds(tokens, left, query) {
    var missing = {};
    left.forEach(function (text) { missing[text] = query.filter(function (term) { return term.text === text; })[0] || { text: text, stop: true }; });
    var count = Object.keys(missing).length;
    for (var i = 0; i < tokens.length && count; i++) {
      pieces(tokens[i]).forEach(function (piece) {
        Object.keys(missing).forEach(function (text) {
          if (missing[text] && matches(piece, missing[text])) { missing[text] = null; count -= 1; }
        });
      });
    }
    return count === 0;
  }

  // When no statement has the query's words as the ranking matches them, Pagefind's own matches (its
  // stemmer's, which may differ) still count if they begin with the same four letters as a rare query word;
  // in a segmented text (contentWords), all of them: its indexer and the browser may cut words differently.
  function closeSpellings(data, words, query, bounds, run) {
    var rare = query.filter(function (w) { return !w.stop && w.text.length >= 4; });
    var found = {};
    (data.locations || []).forEach(function (location) {
      var close = words.glued || pieces(words[location] || "").some(function (piece) {
        return rare.some(function (w) { return piece.slice(0, 4) === w.text.slice(0, 4); });
      });
      if (!close) return;
      var k = 0;
      while (k + 1 < bounds.length && bounds[k + 1].start <= location) k++;
      (found[k] = found[k] || []).push(location);
    });
    return Object.keys(found).map(function (k) {
      var bound = bounds[k];
      var end = +k + 1 < bounds.length ? bounds[+k + 1].start : words.length;
      var marked = {};
      found[k].forEach(function (location) { marked[location] = true; });
      return {
        id: bound.id, score: 1000, first: bound.start,
        excerpt: excerpt(words, bound.start, end, marked, found[k][0]),
        url: link(data.url, bound.id, statementTerms(run.terms, words, { marked: marked, run: null })),
      };
    });
  }

  // What to highlight on the statement's page: the query's quoted phrases, the run of query words the
  // statement has side by side (as written there), and its own rare words (matched by stem or prefix).
  function statementTerms(terms, words, scored) {
    var found = terms.phrases.slice();
    function add(text) { if (text && found.indexOf(text) < 0) found.push(text); }
    if (scored.run) {
      var tokens = words.slice(scored.run[0], scored.run[1] + 1).map(function (w) { return { text: w }; });
      add(bare(joinTokens(tokens, false, words.glued)));
    }
    Object.keys(scored.marked).sort(function (a, b) { return a - b; }).forEach(function (i) {
      if (!scored.run || i < scored.run[0] || i > scored.run[1]) add(bare(words[i]));
    });
    return found;
  }

  function excerpt(words, start, end, marked, focus) {
    var size = 36;
    var from = start;
    var to = end;
    if (to - from > size) {
      from = Math.max(start, Math.min(focus - 10, end - size));
      to = Math.min(end, from + size);
    }
    var tokens = [];
    for (var i = from; i < to; i++) {
      tokens.push({ text: words[i], html: marked[i] ? "<mark>" + escapeHtml(words[i]) + "</mark>" : escapeHtml(words[i]) });
    }
    var text = joinTokens(tokens, true, words.glued);
    if (words.glued) text = text.trim(); // a segmented text's words keep the spaces after them
    return (from > start ? "… " : "") + text + (to < end ? " …" : "");
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

  // 29 May 2025; in another site language, as the browser writes a long date in it (29 мая 2025 г.).
  function longDate(iso) {  // a date known only to its month (1946-10) shows as the month, a year as itself
    var month = /^(\d{4})-(\d{2})$/.exec(iso || "");
    if (month && +month[2] >= 1 && +month[2] <= 12) {
      if (CONFIG.siteLanguage.split("-")[0] !== "en" && window.Intl) {
        try {
          return new Intl.DateTimeFormat(CONFIG.siteLanguage, { month: "long", year: "numeric", timeZone: "UTC" })
            .format(new Date(Date.UTC(+month[1], +month[2] - 1, 1)));
        } catch (e) { /* an unknown language: English below */ }
      }
      return MONTHS[+month[2] - 1] + " " + month[1];
    }
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso;
    if (CONFIG.siteLanguage.split("-")[0] !== "en" && window.Intl) {
      try {
        return new Intl.DateTimeFormat(CONFIG.siteLanguage, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
          .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
      } catch (e) { /* an unknown language: English below */ }
    }
    return parseInt(m[3], 10) + " " + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1];
  }

  // ---- Search state in the URL: ?q=...&speaker=...&year=...&sort=newest ---------------------------

  function readState(query) {
    var params = new URLSearchParams(query);
    var state = { q: params.get("q") || "", sort: params.get("sort") || "", filters: {} };
    CONFIG.filters.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean);
      if (values.length) state.filters[name] = values;
    });
    ["from", "to"].forEach(function (name) { // a year range: ?from=2019&to=2023
      var year = /^\d{1,4}$/.exec(params.get(name) || "");
      if (year) state[name] = year[0];
    });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    CONFIG.filters.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) { params.append(name, value); });
    });
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    if (state.sort) params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  function speechMeta(speech) {
    var parts = [];
    // Names in the transcripts' scripts, set apart from the interface's words and dates (<bdi>).
    if (speech.speakers.length) parts.push(speech.speakers.map(function (name) { return "<bdi>" + escapeHtml(name) + "</bdi>"; }).join(", "));
    if (speech.event) parts.push("<bdi>" + escapeHtml(speech.event) + "</bdi>");
    if (speech.date) parts.push('<time datetime="' + escapeHtml(speech.date) + '">' + escapeHtml(longDate(speech.date)) + "</time>");
    if (speech.language.code !== CONFIG.siteLanguage) parts.push(escapeHtml(t(speech.language.name)));
    return parts.join(" · ");
  }

  function statementItem(speech, statement, hidden) {
    var who = speech.speakers.length > 1 && statement.speaker
      ? '<span class="podium-hit__speaker">' + escapeHtml(statement.speaker) + ":</span> " : "";
    return '<li class="podium-hit"' + (hidden ? " hidden" : "") + '><a class="podium-hit__link" dir="auto" data-podium-hit href="' +
      escapeHtml(statement.url) + '" lang="' + escapeHtml(speech.language.code) + '">' + who +
      '<span class="podium-hit__text" dir="auto">' + statement.excerpt + "</span></a></li>";
  }

  function speechItem(speech) {
    var more = speech.statements.length - SHOWN_STATEMENTS;
    return '<li class="podium-result">' +
      '<h2 class="podium-result__title" dir="auto"><a href="' + escapeHtml(speech.url) + '">' + escapeHtml(speech.title) + "</a></h2>" +
      '<p class="podium-result__meta">' + speechMeta(speech) + "</p>" +
      '<ol class="podium-result__hits">' +
      speech.statements.map(function (s, i) { return statementItem(speech, s, i >= SHOWN_STATEMENTS); }).join("") +
      "</ol>" +
      (more > 0 ? '<button type="button" class="podium-result__more" data-podium-more>' +
        escapeHtml(plural("{n} more matching statements in this speech", "{n} more matching statement in this speech", more)) +
        "</button>" : "") +
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
      search(state, false, QUICK_CANDIDATES).then(function (run) {
        return run ? Promise.all([take(run, 5), loadFacets(run)]).then(function (both) {
          return { run: run, speeches: both[0], facets: both[1] };
        }) : null;
      }).then(function (result) {
        if (ticket !== latest || !result) return;
        var html = result.facets.length ? '<div class="podium-quick__group" role="presentation">' + escapeHtml(t("Speakers, topics and events")) + "</div>" +
          result.facets.map(function (page, i) {
            return '<a role="option" id="podium-quick-facet-' + i + '" class="podium-quick podium-quick--facet" data-facet-kind="' +
              escapeHtml(page.facet) + '" href="' + escapeHtml(page.url) + '">' +
              '<span class="podium-quick__title">' + escapeHtml(page.title) + "</span>" +
              '<span class="podium-quick__meta">' + escapeHtml(page.kind) + "</span></a>";
          }).join("") + '<div class="podium-quick__group" role="presentation">' + escapeHtml(t("Speeches")) + "</div>" : "";
        html += result.speeches.map(function (speech, i) {
          var statement = speech.statements[0];
          var href = statement ? statement.url : speech.url;
          return '<a role="option" id="podium-quick-' + i + '" class="podium-quick" href="' + escapeHtml(href) + '">' +
            '<span class="podium-quick__title" dir="auto">' + escapeHtml(speech.title) + "</span>" +
            '<span class="podium-quick__meta">' + speechMeta(speech) + "</span>" +
            (statement ? '<span class="podium-quick__text" dir="auto">' + statement.excerpt + "</span>" : "") + "</a>";
        }).join("");
        var all = new URL("search/", ROOT);
        all.search = writeState(state);
        html += '<a role="option" id="podium-quick-all" class="podium-quick podium-quick--all" href="' +
          escapeHtml(all.pathname + all.search) + '">' +
          escapeHtml(unchecked(result.run) ? plural("Up to {n} speeches, with filters and sorting", "Up to {n} speech, with filters and sorting", result.run.total)
            : result.run.total === 1 ? t("The one matching speech, with filters and sorting")
            : result.run.total ? plural("All {n} speeches with filters and sorting", "All {n} speech with filters and sorting", result.run.total)
              : t("No speech matches. Search page")) + " →</a>";
        list.innerHTML = html;
        open();
        setActive(-1);
      }).catch(function (error) { console.error("Podium search:", error); });
    }

    headerInput.addEventListener("focus", function () {
      if (!pageInput) { pagefindFor(CONFIG.siteLanguage, false); commonWords(); } // start loading while the reader types
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

    var range = page.querySelector("[data-podium-range]");

    function speakerState(name, from) {
      var listed = { q: "", sort: (from || {}).sort || "", filters: { speaker: [name] } };
      if (from && from.from) listed.from = from.from;
      if (from && from.to) listed.to = from.to;
      return listed;
    }

    function fill() {
      pageInput.value = state.q;
      sortSelect.value = state.sort;
      if (range) ["from", "to"].forEach(function (name) { range.querySelector("input[name=" + name + "]").value = state[name] || ""; });
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
      search(state, false, CANDIDATES).then(function (found) {
        if (mine !== ticket) return;
        run = found;
        list.innerHTML = "";
        facetBox.hidden = true;
        facetBox.querySelector("ul").innerHTML = "";
        if (!run) {
          status.textContent = t('Type words to search every transcript, or a "phrase in quotes".');
          renderFacets({});
          moreButton.hidden = true;
          return;
        }
        return Promise.all([more(mine), loadFacets(run).then(function (pages) {
          if (mine !== ticket) return;
          facetBox.querySelector("ul").innerHTML = pages.map(facetItem).join("");
          facetBox.hidden = !pages.length;
        })]).then(function () {
          return search(run.speaker ? speakerState(run.speaker) : state, true);
        }).then(function (counted) {
          if (mine !== ticket || !counted) return;
          renderFacets(counted.counts);
        });
      }).catch(function (error) {
        console.error("Podium search:", error);
        status.textContent = t("Search could not load. Try reloading the page.");
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
        var showing = shown < run.total ? t(" (showing {shown})", { shown: shown }) : "";
        if (run.speaker) {
          status.textContent = t("No speech mentions “{query}”.", { query: state.q }) + " " +
            t("Speeches by {name}: {n}.", { name: run.speaker, n: run.total }).replace(/\.$/, showing + ".");
        } else if (run.total === 0) {
          status.textContent = state.q ? t("No speech matches for {query}.", { query: state.q }) : t("No speech matches.");
        } else {
          // After a lookup that left common words out, the speeches not checked yet are counted apart (Lookup).
          var maybe = unchecked(run);
          status.textContent = plural("{n} speeches match", "{n} speech matches", run.total - maybe) +
            (state.q ? t(" for {query}", { query: state.q }) : "") + (maybe ? "" : showing) + "." +
            (maybe ? " " + plural("{n} more speeches may match; they are checked as you show more.",
              "{n} more speech may match; it is checked when you show more.", maybe) : "");
        }
        moreButton.hidden = shown >= run.total;
        page.setAttribute("data-podium-ms", String(Math.round(run.ms)));
        // Nothing shown yet while some may match: "0 speeches match" would be a verdict the page cannot give,
        // so it goes on checking, a batch at a time, until one matches or none is left to check.
        if (!shown && run.total && unchecked(run)) {
          status.textContent = plural("Checking {n} more speeches that may match…", "Checking {n} more speech that may match…", unchecked(run));
          return more(mine);
        }
      });
    }

    function renderFacets(counts) {
      // The year range shows once there are years to choose between, with their bounds as hints.
      var years = Object.keys(counts.year || {}).map(Number).filter(function (y) { return y > 0; })
        .sort(function (a, b) { return a - b; });
      if (range) {
        range.hidden = years.length < 2 && !state.from && !state.to;
        range.querySelectorAll("input").forEach(function (input) {
          if (years.length) { input.min = years[0]; input.max = years[years.length - 1]; }
          input.placeholder = years.length ? String(input.name === "from" ? years[0] : years[years.length - 1]) : "";
        });
      }
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
            '> <span class="podium-facet__value">' + escapeHtml(name === "kind" || name === "language" ? t(value) : value) +
            '</span> <span class="podium-facet__count">' +
            count + "</span></label></li>";
        }).join("") + (values.length > 8 ? '<li><button type="button" class="podium-facet__all" data-podium-all>' +
          escapeHtml(t("All {n}", { n: values.length })) + "</button></li>" : "");
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
      // Filtering a speaker's speeches listed for their name (bySpeaker) filters them, not the name's words.
      if (run && run.speaker && (input.type === "checkbox" || (range && range.contains(input)))) {
        state = speakerState(run.speaker, state);
        pageInput.value = "";
      }
      if (range && range.contains(input)) {
        var year = /^\d{1,4}$/.exec(input.value.trim());
        if (year) state[input.name] = year[0]; else delete state[input.name];
        commit(true);
        return;
      }
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
      new window.PagefindHighlight({  // not in the ¶ (a statement's first child, speech.html) nor the chips
        highlightParam: HIGHLIGHT, addStyles: false,
        markOptions: { className: "podium-mark", exclude: [".podium-statement > a:first-child", ".podium-chips", ".podium-chips *"] },
      });
      var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      if (target) {
        target.classList.add("podium-search-target");
        target.scrollIntoView({ block: "center" });
      }
    }).catch(function (error) { console.error("Podium search highlight:", error); });
  })();
})();
