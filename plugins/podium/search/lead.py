"""The best pages of the commonest words, chosen when the index is joined: a one-word query for such a word is
answered from a few dozen pages instead of every page that has it.

Pagefind scores a query's pages in its WebAssembly, and for each page it walks the postings of every page the
query matched (`search_term` in Pagefind 1.5): the work grows with the square of the pages. A word in 9,300 of
10,000 speeches takes about half a second; in 93,200 of 100,000 it took two minutes before the first result.
A page's score does not depend on the filters of the query (they only choose which pages are scored), so the
join gives each word found on many pages (`LEAD_PAGES`) a value of a hidden filter (`lead0`, `lead1`...): its
best `LEAD_SPEECHES` speeches and `LEAD_FACETS` facet pages, as Pagefind would rank them for that word typed
alone. The search page asks Pagefind for the word with that filter (podium-search.js, Lead): Pagefind scores those
pages only, in its own order, and still reports how many pages have the word and, per filter value, how many
of them (`totalFilters`), which give the count of matching speeches and the filters' counts. Only "show more"
past the lead asks for every page.

`LEAD_FILE` lists the words by language with the number of pages a one-word query for each matches and the
number of the filter that holds its lead (`{"en": {"peopl": [9300, 3]}}`: filter `lead3`). The search page
uses a word's lead only when Pagefind reports that same number for the query: the word it looked up is the one
the lead was chosen for.

The score is Pagefind's for a one-word query: BM25 over the word and the index words it begins, weighted by
where on the page each occurs, plus a boost per metadata field that has it, with Pagefind's default weights.
Pagefind matches only the words it begins in the chunk of the index that holds it (it loads no other for the
word), so a common word, which has a chunk of its own (merge.py), matches itself only.

Two details are approximated, and each changes a score a little, so it can only swap pages near the end of the
lead: the query is taken to be typed as the stem (Pagefind gives a small bonus to the forms that begin like the
typed word), and two index words at one position count twice. Pages with the same score are kept in page order;
Pagefind orders them as its sort leaves them, so which of them a lead keeps at its end may differ from what the
full search shows there (tests/test_search_lead.py).

    scorer = LeadScorer(page_lengths, facet_pages, field_names)
    for word in joined_words: scorer.add(word)
    scorer.finish()   # {"peopl": (9300, [page, ...])}
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from podium.search.cbor import head, integer


class PageList(Protocol):
    """One shard's pages of a word, as the join reads them (merge.PageList; the join imports this module)."""

    @property
    def first(self) -> int: ...
    @property
    def count(self) -> int: ...
    @property
    def fields(self) -> int: ...
    @property
    def body(self) -> bytes: ...


class Word(Protocol):
    """One word of the joined index (merge.Word)."""

    @property
    def word(self) -> str: ...
    @property
    def pages(self) -> Sequence[PageList]: ...
    @property
    def variants(self) -> Sequence[tuple[str, Sequence[PageList]]]: ...


# The leads are values of hidden filters `lead0`, `lead1`, ..., `LEAD_BUCKET` words each (in word order). Pagefind
# loads a filter's whole list before it answers, and then counts, for every page of every loaded filter, whether
# the word's pages hold it (a list search in Pagefind 1.5): one filter of 1,100 leads (27,000 pages at 100,000
# speeches) made a lead search take 0.8 s. A filter of 64 words holds about 1,600 pages.
LEAD_FILTER = "lead"  # the filters' names begin so; none is one of the filters the search page shows
LEAD_BUCKET = 64
# On the facet pages that are indexed (facet_term.html) and no other: the search asks for the pages without it
# (speeches), and a word's lead keeps its best speeches and its best facet pages apart.
FACET_FILTER = ("page", "facet")
LEAD_FILE = "podium-lead.json"
# A word gets a lead when it is on `LEAD_PAGES` pages, or on half the archive's pages if that is fewer, but never
# on fewer than `LEAD_FLOOR`. Pagefind takes about half a second to score a word on 10,000 pages, four times that
# on twice as many, and 20 ms on 2,000. Half the archive keeps the leads few where a lower bar would take many
# words: 129 at 10,000 speeches; at 100,000 speeches 10,000 pages make 1,093 (podium-lead.json 9 KB sent).
LEAD_PAGES = 10_000
LEAD_FLOOR = 2_000
LEAD_SPEECHES = 20  # two pages of results before "show more" asks for every page
LEAD_FACETS = 5  # the facet pages shown above the speeches (SHOWN_FACETS in podium-search.js)


@dataclass(frozen=True)
class LeadSizes:
    """How many pages a word must be on to get a lead, and how many speeches and facet pages the lead holds."""

    pages: int | None = None  # None: by the archive's size (`LEAD_PAGES`, `LEAD_FLOOR`)
    speeches: int = LEAD_SPEECHES
    facets: int = LEAD_FACETS


# Pagefind 1.5's default ranking weights (RankingWeights::default)
TERM_SIMILARITY = 1.0
PAGE_LENGTH = 0.75
TERM_SATURATION = 1.4
DIACRITIC_SIMILARITY = 0.8
META_WEIGHTS = {"title": 5.0}
NORMAL_WEIGHT = 24  # a word's weight in the text; Pagefind divides the weighted count by it


def length_bonus(word: str, term: str) -> float:
    """Pagefind's preference for index words close in length to the query's (`word_length_bonus`)."""
    differential = abs(len(word.encode()) - len(term.encode())) + 1
    base = math.exp(-0.5 * differential**2 / 2.0**2)
    return math.exp(base * TERM_SIMILARITY) / math.exp(TERM_SIMILARITY)


def diacritics_match(typed: str, form: str) -> bool:
    return form == typed or form.startswith(typed) or typed.startswith(form)


def term_frequency(weighted: int, bonus: float, length: int, average: float) -> float:
    """BM25's term frequency part, as Pagefind weighs it (its `term_frequency` weight is 1: BM25 only)."""
    x = weighted / NORMAL_WEIGHT * bonus
    return (TERM_SATURATION + 1.0) * x / (TERM_SATURATION * (1.0 - PAGE_LENGTH + PAGE_LENGTH * length / average) + x)


# Most pages list a word's locations as one weight marker, -25 (weight 24: the text), then the positions. A
# regular expression matches such a list in C, a hundred times faster than reading it item by item.
_POSITION = rb"(?:[\x00-\x17]|\x18.|\x19..|\x1a....)"
_PLAIN: dict[int, re.Pattern[bytes]] = {}


def _plain(count: int) -> re.Pattern[bytes]:
    pattern = _PLAIN.get(count)
    if pattern is None:
        pattern = _PLAIN[count] = re.compile(rb"\x38\x18" + _POSITION + b"{%d}" % count, re.S)
    return pattern


def page_weights(part: PageList) -> Iterator[tuple[int, int, frozenset[int]]]:
    """(page, weighted count, metadata fields) of each page of one page list, as Pagefind decodes them:
    a negative location sets the weight of the ones after it; a negative metadata location names a field."""
    data = part.body
    i = 0
    page = part.first
    fields = part.fields
    none: frozenset[int] = frozenset()
    for k in range(part.count):
        if k:  # the one-byte heads Pagefind writes almost always are read without a call
            byte = data[i]
            if 0x80 <= byte < 0x98:
                fields, i = byte - 0x80, i + 1
            else:
                _, fields, i = head(data, i)
            byte = data[i]
            if byte < 24:
                page, i = page + byte, i + 1
            else:
                step, i = integer(data, i)
                page += step
        byte = data[i]
        if 0x80 <= byte < 0x98:
            count, i = byte - 0x80, i + 1
        else:
            _, count, i = head(data, i)
        plain = _plain(count - 1).match(data, i) if count else None
        if plain is not None:
            weighted, i = NORMAL_WEIGHT * (count - 1), plain.end()
        else:
            weight = 25
            weighted = 0
            for _ in range(count):
                loc, i = integer(data, i)
                if loc < 0:
                    weight = min(-(loc + 1), 255)
                else:
                    weighted += weight
        if fields == 3 and data[i] == 0x80:  # no metadata location, the most common case
            yield page, weighted, none
            i += 1
            continue
        named: set[int] = set()
        for extra in range(fields - 2):  # the metadata locations, then (none in Pagefind 1.5) more arrays
            _, count, i = head(data, i)
            field_id = 0
            for _ in range(count):
                loc, i = integer(data, i)
                if loc < 0:
                    field_id = -loc - 1
                elif extra == 0:
                    named.add(field_id)
        yield page, weighted, frozenset(named)


@dataclass
class _Open:
    """A lead word being scored: the index words it begins arrive right after it, in order."""

    word: str
    scores: dict[int, float] = field(default_factory=dict)
    fields: dict[int, frozenset[int]] = field(default_factory=dict)


class LeadScorer:
    """Scores the lead words of one language as the joined words stream past (see the module's docstring).

    `lengths`: each page's word count (the page table); `facets`: the facet pages; `fields`: the names of the
    metadata fields, by their number."""

    def __init__(self, lengths: list[int], facets: set[int], fields: list[str], sizes: LeadSizes | None = None) -> None:
        self.lengths = lengths
        self.average = sum(lengths) / len(lengths) if lengths else 1.0
        self.facets = facets
        self.field_weights = [META_WEIGHTS.get(name, 1.0) for name in fields]
        self.sizes = sizes or LeadSizes()
        self.threshold = self.sizes.pages or max(LEAD_FLOOR, min(LEAD_PAGES, (len(lengths) + 1) // 2))
        self.open: list[_Open] = []
        self.leads: dict[str, tuple[int, list[int]]] = {}

    def add(self, word: Word) -> None:
        while self.open and not word.word.startswith(self.open[-1].word):
            self._close(self.open.pop())
        if sum(part.count for part in word.pages) >= self.threshold:
            self.open.append(_Open(word.word))
        if self.open:
            forms = [(word.word, [list(page_weights(part)) for part in word.pages])]
            forms += [(form, [list(page_weights(part)) for part in parts]) for form, parts in word.variants]
            for lead in self.open:
                self._score(lead, word.word, forms)

    def chunk_end(self) -> None:
        """The index chunk the words so far go to is complete. Pagefind looks a word up in the chunk that holds
        it, and matches the index words it begins in that chunk only: a lead ends with its chunk."""
        while self.open:
            self._close(self.open.pop())

    def finish(self) -> dict[str, tuple[int, list[int]]]:
        """Each lead word's number of matching pages and its lead pages, in page order."""
        self.chunk_end()  # the last chunk
        return self.leads

    def _score(
        self, lead: _Open, word: str, forms: list[tuple[str, list[list[tuple[int, int, frozenset[int]]]]]]
    ) -> None:
        """Add one index word's part to a lead word's scores: `forms` are its pages (decoded once for every lead
        word it begins), first the word's own form, then its variants (other diacritics)."""
        bonus = length_bonus(word, lead.word)
        scores, fields, lengths, average = lead.scores, lead.fields, self.lengths, self.average
        if len(forms) == 1:  # each page once: scored as it is read
            for part in forms[0][1]:
                for page, weight, named in part:
                    frequency = term_frequency(weight, bonus, lengths[page], average) * (1.0 + DIACRITIC_SIMILARITY)
                    scores[page] = scores.get(page, 0.0) + frequency
                    if named:
                        fields[page] = fields.get(page, frozenset()) | named
            return
        weighted: dict[int, int] = {}
        typed: dict[int, bool] = {}  # whether the page has the form the query is taken to be typed as
        for n, (form, parts) in enumerate(forms):
            match = n == 0 or diacritics_match(lead.word, form)
            for part in parts:
                for page, weight, named in part:
                    weighted[page] = weighted.get(page, 0) + weight
                    typed.setdefault(page, match)
                    if named:
                        fields[page] = fields.get(page, frozenset()) | named
        for page, weight in weighted.items():
            frequency = term_frequency(weight, bonus, lengths[page], average)
            factor = 1.0 + DIACRITIC_SIMILARITY if typed[page] else 1.0
            scores[page] = scores.get(page, 0.0) + frequency * factor

    def _close(self, lead: _Open) -> None:
        """Rank the word's pages (its score over the IDF, which every page of a one-word query shares, plus
        the metadata boost, which is the field's weight times that IDF) and keep the best."""
        scores = lead.scores
        weights = self.field_weights
        for page, named in lead.fields.items():
            scores[page] = scores.get(page, 0.0) + sum(weights[f] for f in named if f < len(weights))
        speeches = heapq.nlargest(
            self.sizes.speeches, ((score, -page) for page, score in scores.items() if page not in self.facets)
        )
        facets = heapq.nlargest(
            self.sizes.facets, ((score, -page) for page, score in scores.items() if page in self.facets)
        )
        self.leads[lead.word] = (len(scores), sorted(-page for _, page in speeches + facets))


def lead_filters(
    chosen: dict[str, tuple[int, list[int]]],
) -> tuple[dict[str, dict[str, list[int]]], dict[str, list[int]]]:
    """The hidden filters that hold the leads (`{"lead0": {word: pages}}`) and the listing for `LEAD_FILE`
    (`{word: [matching pages, filter number]}`), from `LeadScorer.finish()`."""
    filters: dict[str, dict[str, list[int]]] = {}
    listing: dict[str, list[int]] = {}
    for n, (word, (matched, pages)) in enumerate(sorted(chosen.items())):
        filters.setdefault(f"{LEAD_FILTER}{n // LEAD_BUCKET}", {})[word] = pages
        listing[word] = [matched, n // LEAD_BUCKET]
    return filters, listing
