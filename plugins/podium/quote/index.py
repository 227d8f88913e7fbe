"""Quote check: find the statements closest to a quotation and show what the quotation changed.

Journalists paraphrase. The seed article has the President say "Multilateralism is foundering"; the
transcript says "Multilateralism is faltering":

    index = QuoteIndex.from_archive(archive)
    best = index.search("Multilateralism is foundering")[0]
    best.statement, round(best.fidelity, 2)        -> ('multilateralism-is-faltering', 0.67)
    best.marked()                                  -> 'Multilateralism is [-faltering-]{+foundering+}'

Two steps, so that 10,000 speeches answer in well under a second:

1. Shortlist. An inverted index maps each content word (not "the", "is", "of"...) to the statements that
   use it. The statements that share the quotation's rarest words (weighted by inverse document frequency)
   are the candidates: a few dozen, whatever the archive's size.
2. Align. Each candidate is aligned with the quotation word by word (difflib's SequenceMatcher on
   normalised words: case, accents of form and curly apostrophes do not count). The window of the
   statement that the quotation covers is the span of matching blocks that scores best; its differences
   are the words the quotation changed, added or dropped. An ellipsis in the quotation ("...", "…")
   excuses the words dropped at that place. Both steps are linear in the words compared (or n log n): a
   long quotation is anchored on the words it shares only once with the statement, and the best window
   is found without trying every span of blocks (see `matching_blocks` and `_window`).

The fidelity is the Dice score over that window: 2 × words in common / (words quoted + words said),
with elided words left out. 1.0 is a verbatim quotation (punctuation and case aside).

The best match then gets a verdict (`Match.verdict`): `verbatim`, `differences` (found, with the words the
quotation changed) or `not found`. A match is found when its fidelity is at least FOUND and it keeps at least
CONTENT of the quotation's content words; below either, the nearest statement is a coincidence of common
words, and no citation is offered. The thresholds were calibrated on real misquotes against sentences in no
transcript (docs/data.md, "How sure is a verdict"; tests/test_quote_verdict.py keeps the calibration set).

Only what a registry speaker said is indexed: narrative lines, crowd voices (`@[Audience]:`) and the stage
directions inside a statement ("Members of Congress—[applause]—") are left out (`Statement.spoken`), so a
quotation never matches, nor a citation quotes, the room's applause.

The same tokenizer, stop words and thresholds are written into the site's quote-check index, and the page's
script (assets/podium-cite.js) repeats these steps, and the verdict, in the browser.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from podium.core.archive import Archive
from podium.core.problems import Problems, did_you_mean
from podium.core.speech import Speech
from podium.core.text import QUOTE_WORD, STOPWORDS, join_words, spaceless

WORD = QUOTE_WORD  # a word with inner apostrophes; the browser's script uses the same pattern
ELLIPSIS = re.compile(r"\.\.\.|…|\[\s*\.\.\.\s*\]")
SHORTLIST = 30  # candidates aligned per quotation
COMMON = 0.05  # a word in more than 5% of statements (and 50 or more) does not shortlist on its own
# Calibrated verdict (docs/data.md): misquotes scored 0.67-1.0, sentences in no transcript 0.09-0.47.
FOUND = 0.6  # the least fidelity of a quotation found with differences
CONTENT = 0.5  # the least share of the quotation's content words that must be among the words in common
VERDICTS = ("verbatim", "differences", "not found")
QUOTED = re.compile(r'“[^”]*”|„[^“”]*[“”]|«[^»]*»|"[^"]*"')  # a quotation inside a statement


def normalize(word: str) -> str:
    """`Kazakhstan’s` -> `kazakhstan's`: compatibility forms folded, lower case, one kind of apostrophe."""
    return unicodedata.normalize("NFKC", word).lower().replace("’", "'")


def tokens(text: str) -> list[str]:
    """The normalised words of `text` (normalising the text once is what makes indexing 10,000 speeches fast)."""
    return WORD.findall(normalize(text))


def content_words(words: Iterable[str]) -> set[str]:
    return {word for word in words if word not in STOPWORDS and (len(word) > 1 or spaceless(word))}


@dataclass(frozen=True)
class Piece:
    """One step of the alignment: `same`, `changed`, `added` (only in the quotation), `dropped` (only in the
    statement) or `elided` (dropped where the quotation has an ellipsis)."""

    op: str
    said: tuple[str, ...] = ()
    quoted: tuple[str, ...] = ()


@dataclass
class Match:
    speech: str
    statement: str
    text: str  # the statement's words as plain text, without its stage directions ("[Applause]")
    fidelity: float
    pieces: list[Piece]
    window: tuple[int, int]  # the statement's words covered by the quotation, as word indexes [start, end)
    shortlist_score: float = 0.0

    @property
    def verdict(self) -> str:
        """`verbatim`, `differences` or `not found` (see `verdict`)."""
        return verdict(self.fidelity, self.pieces)

    @property
    def found(self) -> bool:
        return self.verdict != "not found"

    @property
    def in_quotation(self) -> bool:
        """Whether the quoted words sit inside quotation marks in the statement: the speaker quoting
        someone else, or themselves (`As I have said, “...”`)."""
        return inside_quotation(self.text, self.window)

    @property
    def changed(self) -> list[Piece]:
        return [p for p in self.pieces if p.op == "changed"]

    @property
    def added(self) -> list[Piece]:
        return [p for p in self.pieces if p.op == "added"]

    @property
    def dropped(self) -> list[Piece]:
        return [p for p in self.pieces if p.op == "dropped"]

    @property
    def verbatim(self) -> bool:
        return all(p.op in ("same", "elided") for p in self.pieces)

    def marked(self) -> str:
        """The quotation against what was said, wdiff style: [-said-]{+quoted+}."""
        out = []
        for piece in self.pieces:
            said, quoted = join_words(piece.said), join_words(piece.quoted)
            if piece.op == "same":
                out.append(quoted)
            elif piece.op == "changed":
                out.append(f"[-{said}-]{{+{quoted}+}}")
            elif piece.op == "added":
                out.append(f"{{+{quoted}+}}")
            elif piece.op == "dropped":
                out.append(f"[-{said}-]")
            else:
                out.append("[…]")
        return " ".join(out)

    def summary(self) -> str:
        """`1 word changed, 2 added` or `verbatim`; `characters` when every difference is in Chinese characters or
        kana, which are compared one by one."""

        def count(pieces, side):
            return sum(len(getattr(p, side)) for p in pieces)

        differing = [w for p in self.pieces if p.op in ("changed", "added", "dropped") for w in p.said + p.quoted]
        unit = "character" if differing and all(spaceless(w) for w in differing) else "word"
        parts: list[str] = []
        for label, pieces, side in (
            ("changed", self.changed, "quoted"),
            ("added", self.added, "quoted"),
            ("dropped", self.dropped, "said"),
        ):
            if n := count(pieces, side):
                parts.append(f"{n} {unit}{'s' if n != 1 else ''} {label}" if not parts else f"{n} {label}")
        return ", ".join(parts) or "verbatim"


def verdict(fidelity: float, pieces: list[Piece]) -> str:
    """`verbatim`, `differences` (found, with changes) or `not found`, from an alignment.

    Found needs both a fidelity of FOUND and CONTENT of the quotation's content words said: a quotation
    that shares only "the", "of" and "will" with the nearest statement is not found, however short.

    >>> verdict(2 / 3, [Piece("same", ("Multilateralism", "is"), ("Multilateralism", "is")),
    ...                 Piece("changed", ("faltering",), ("foundering",))])
    'differences'
    >>> verdict(0.29, [Piece("changed", ("clear",), ("We",)), Piece("same", ("build", "a"), ("build", "a"))])
    'not found'
    """
    if pieces and all(p.op in ("same", "elided") for p in pieces):
        return "verbatim"
    quoted = content_words(normalize(w) for p in pieces for w in p.quoted)
    kept = content_words(normalize(w) for p in pieces if p.op == "same" for w in p.quoted)
    if fidelity >= FOUND and kept and len(kept) >= CONTENT * len(quoted):
        return "differences"
    return "not found"


def inside_quotation(text: str, window: tuple[int, int]) -> bool:
    """Whether the words `window` of `text` lie within one pair of quotation marks.

    >>> inside_quotation('As I said in Astana, “dialogue beats division”, and I repeat it.', (5, 8))
    True
    >>> inside_quotation('As I said in Astana, “dialogue beats division”, and I repeat it.', (0, 3))
    False
    """
    spans = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    if not spans or window[0] >= window[1]:
        return False
    offsets = [m.start() for m in WORD.finditer(text)]
    if window[1] > len(offsets):
        return False
    first, last = offsets[window[0]], offsets[window[1] - 1]
    return any(start < first and last < end for start, end in spans)


@dataclass(slots=True)  # one per statement (272,748 at 10,000 speeches): no dictionary each
class _Entry:
    speech: str
    statement: str
    text: str | None  # None in an index made for the browser's files (`QuoteIndex.of_words`)
    speaker: str | None = None


StatementWords = tuple[str, str | None, str]
"""One statement as the browser's index holds it: its id, its speaker, its content words (sorted, one space
between: one string unpickles many times faster than a tuple of words)."""


def statement_words(speech: Speech) -> list[StatementWords]:
    """What the browser's quote-check index holds of one speech (`QuoteIndex.of_words`): each statement by a
    registry speaker, with the content words of what was said (`Statement.spoken`, as `from_archive` indexes
    it). Made of the speech alone, so a build keeps it per speech and makes it again only for an edited one.

    >>> from podium.core.statements import Statement
    >>> from types import SimpleNamespace
    >>> said = Statement("s-1", "speech", "We act—[applause]—and the world acts.", 1, speaker="tokayev")
    >>> statement_words(SimpleNamespace(by_speakers=[said]))
    [('s-1', 'tokayev', 'act acts world')]
    """
    return [
        (statement.id, statement.speaker, " ".join(sorted(content_words(tokens(statement.spoken.text)))))
        for statement in speech.by_speakers
    ]


@dataclass
class QuoteIndex:
    """Statements of the archive with an inverted index of their content words."""

    entries: list[_Entry] = field(default_factory=list)
    postings: dict[str, array] = field(default_factory=lambda: defaultdict(lambda: array("I")))

    def add(self, speech: str, statement: str, text: str, speaker: str | None = None) -> None:
        number = len(self.entries)
        self.entries.append(_Entry(speech, statement, text, speaker))
        for word in content_words(tokens(text)):
            self.postings[word].append(number)

    @classmethod
    def from_archive(cls, archive: Archive | None, speeches: Iterable[Speech] | None = None) -> QuoteIndex:
        """Every statement by a registry speaker of `speeches` (default: the whole archive), its words without
        stage directions: narrative, a crowd's voice and "[Applause]" are nobody's words to quote."""
        index = cls()
        if speeches is None:
            assert archive is not None  # the archive is needed only when no speeches are given
            speeches = archive.speeches
        for speech in speeches:
            for statement in speech.by_speakers:
                index.add(speech.id, statement.id, statement.spoken.text, statement.speaker)
        return index

    @classmethod
    def of_words(cls, speeches: Iterable[tuple[str, list[StatementWords]]]) -> QuoteIndex:
        """The index of `(speech id, statement_words(speech))` pairs, without the statements' texts: what
        `browser_files` writes (the page reads the texts from each speech's speech.json.gz). It cannot
        `search`: that needs `from_archive`."""
        index = cls()
        entries, postings = index.entries, index.postings
        for speech, statements in speeches:
            for statement, speaker, words in statements:
                number = len(entries)
                entries.append(_Entry(speech, statement, None, speaker))
                for word in words.split():
                    postings[word].append(number)
        return index

    def shortlist(self, quoted: list[str], size: int = SHORTLIST) -> list[tuple[int, float]]:
        """The statements sharing the quotation's rarest content words, best first, with their scores."""
        total = len(self.entries) or 1
        # In the order of the quotation among equally rare words, as the browser's script sorts them.
        content = [w for w in dict.fromkeys(quoted) if w not in STOPWORDS and len(w) > 1 and w in self.postings]
        words = sorted(content, key=lambda w: len(self.postings[w]))
        if not words:  # only stop words ("It is what it is"): fall back on them
            words = sorted({w for w in quoted if w in self.postings}, key=lambda w: len(self.postings[w]))
        scores: dict[int, float] = defaultdict(float)
        for rank, word in enumerate(words):
            postings = self.postings[word]
            if rank >= 2 and is_common(len(postings), total):
                break  # two rarer words already chose the candidates; a common word only adds noise
            weight = math.log(1 + total / len(postings))
            for number in postings:
                scores[number] += weight
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:size]

    def search(self, quotation: str, limit: int = 3, speech: str | None = None) -> list[Match]:
        """The `limit` statements closest to `quotation`, best first (in `speech` only, if given)."""
        quoted = tokens(quotation)
        if not quoted:
            return []
        if speech is not None:
            candidates = [(n, 0.0) for n, e in enumerate(self.entries) if e.speech == speech]
        else:
            candidates = self.shortlist(quoted)
        matches = []
        for number, score in candidates:
            entry = self.entries[number]
            if entry.text is None:
                raise ValueError("an index made without the statements' texts (QuoteIndex.of_words) cannot search")
            match = align(entry.text, quotation)
            if match is None:
                continue
            fidelity, pieces, window = match
            matches.append(Match(entry.speech, entry.statement, entry.text, fidelity, pieces, window, score))
        matches.sort(key=lambda m: (-m.fidelity, -m.shortlist_score, m.speech, m.statement))
        return matches[:limit]


def _elisions(quotation: str) -> set[int]:
    """The word positions of the quotation that follow an ellipsis ("a ... b" -> {1})."""
    positions, count = set(), 0
    for part in ELLIPSIS.split(quotation)[:-1]:
        count += len(WORD.findall(part))
        positions.add(count)
    return positions


def align(text: str, quotation: str) -> tuple[float, list[Piece], tuple[int, int]] | None:
    """Align a quotation with a statement's text; None if they share no word.

    >>> fidelity, pieces, window = align("Protectionism is rising. Multilateralism is faltering.",
    ...                                  "Multilateralism is foundering")
    >>> round(fidelity, 2), [p.op for p in pieces], window
    (0.67, ['same', 'changed'], (3, 6))
    """
    said_display = WORD.findall(text)
    said = [normalize(w) for w in said_display]
    quoted_display, quoted, elisions, matcher = _quotation(quotation)
    blocks = matching_blocks(said, quoted, matcher)
    if not blocks or not quoted:
        return None
    start, end = _window(blocks, len(said), len(quoted))
    pieces: list[Piece] = []
    common = elided = 0
    for op, a1, a2, b1, b2 in _opcodes(matching_blocks(said[start:end], quoted, matcher), end - start, len(quoted)):
        # Words are shown as written: what was said in the speaker's spelling, the rest in the journalist's.
        said_words = tuple(said_display[start + a1 : start + a2])
        quoted_words = tuple(quoted_display[b1:b2])
        if op == "equal":
            common += a2 - a1
            pieces.append(Piece("same", said_words, said_words))
        elif op == "replace":
            pieces.append(Piece("changed", said_words, quoted_words))
        elif op == "insert":
            pieces.append(Piece("added", (), quoted_words))
        elif b1 in elisions:
            elided += a2 - a1
            pieces.append(Piece("elided", said_words, ()))
        else:
            pieces.append(Piece("dropped", said_words, ()))
    fidelity = 2 * common / ((end - start - elided) + len(quoted))
    return fidelity, pieces, (start, end)


# ---- Alignment in bounded time ------------------------------------------------------------------------------
# difflib's SequenceMatcher is what the browser's script repeats, and it is quadratic (or worse) in the words
# compared: a press quotation of 8,000 words against an 8,000-word statement took seconds. Up to EXACT_CELLS
# word pairs (every real quotation) it runs as it is; beyond, the words unique to both sides anchor the
# alignment (as patience diff does) and difflib only fills the short gaps between anchors.
EXACT_CELLS = 250_000  # 500 quoted words x 500 said words
GAP_WORDS = 200  # words per side in a gap with no anchor, aligned piecewise along its diagonal
ANCHOR_DEPTH = 4  # gaps re-anchored on the words unique within them, this many times at most

Block = tuple[int, int, int]  # (said index, quoted index, words in common), as difflib's matching blocks


@lru_cache(maxsize=64)
def _quotation(quotation: str) -> tuple[tuple[str, ...], list[str], frozenset[int], SequenceMatcher]:
    """A quotation's words as written and normalised, its elisions, and difflib's index of its words.

    Made once per quotation: coverage and quote check align one quotation with every statement of a speech,
    and rebuilding these for each statement made that statements x quoted words.
    """
    display = tuple(WORD.findall(quotation))
    words = [normalize(word) for word in display]
    matcher: SequenceMatcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words)
    return display, words, frozenset(_elisions(quotation)), matcher


def matching_blocks(said: list[str], quoted: list[str], matcher: SequenceMatcher | None = None) -> list[Block]:
    """The runs of words `said` and `quoted` share, in order (difflib's matching blocks, no sentinel).

    `matcher`, a SequenceMatcher whose second sequence is `quoted`, saves indexing the quotation again.

    >>> matching_blocks("a b c d".split(), "b c x".split())
    [(1, 0, 2)]
    """
    if matcher is not None and len(said) * len(quoted) <= EXACT_CELLS:
        matcher.set_seq1(said)
        return [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size]
    blocks: list[Block] = []
    _anchored(said, 0, len(said), quoted, 0, len(quoted), blocks, ANCHOR_DEPTH)
    merged: list[Block] = []
    for a, b, size in blocks:
        if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((a, b, size))
    return merged


def _anchored(a: list[str], alo: int, ahi: int, b: list[str], blo: int, bhi: int, out: list[Block], depth: int) -> None:
    if alo >= ahi or blo >= bhi:
        return
    if (ahi - alo) * (bhi - blo) <= EXACT_CELLS:
        matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
        out.extend((alo + m.a, blo + m.b, m.size) for m in matcher.get_matching_blocks() if m.size)
        return
    anchors = _unique_anchors(a, alo, ahi, b, blo, bhi) if depth else []
    if not anchors:
        _diagonal(a, alo, ahi, b, blo, bhi, out)
        return
    previous_a, previous_b = alo, blo
    for i, j in anchors:
        _anchored(a, previous_a, i, b, previous_b, j, out, depth - 1)
        out.append((i, j, 1))
        previous_a, previous_b = i + 1, j + 1
    _anchored(a, previous_a, ahi, b, previous_b, bhi, out, depth - 1)


def _unique_anchors(a: list[str], alo: int, ahi: int, b: list[str], blo: int, bhi: int) -> list[tuple[int, int]]:
    """The longest chain, in order on both sides, of words that occur once in each range."""
    in_a: dict[str, int] = {}
    for i in range(alo, ahi):
        in_a[a[i]] = -1 if a[i] in in_a else i
    in_b: dict[str, int] = {}
    for j in range(blo, bhi):
        in_b[b[j]] = -1 if b[j] in in_b else j
    pairs = sorted((i, in_b[word]) for word, i in in_a.items() if i >= 0 and in_b.get(word, -1) >= 0)
    # Longest increasing run of the quoted positions (patience sorting), O(n log n).
    tails: list[int] = []  # tails[k]: index in `pairs` ending the best chain of length k + 1
    back = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = _search(pairs, tails, j)
        back[index] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(index)
        else:
            tails[k] = index
    chain, index = [], tails[-1] if tails else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]


def _search(pairs: list[tuple[int, int]], tails: list[int], j: int) -> int:
    """The first chain length whose tail's quoted position is not below `j` (a bisection)."""
    low, high = 0, len(tails)
    while low < high:
        middle = (low + high) // 2
        if pairs[tails[middle]][1] < j:
            low = middle + 1
        else:
            high = middle
    return low


def _diagonal(a: list[str], alo: int, ahi: int, b: list[str], blo: int, bhi: int, out: list[Block]) -> None:
    """A gap with no anchor: cut both sides into as many pieces, aligned pairwise (linear in the gap)."""
    pieces = -(-max(ahi - alo, bhi - blo) // GAP_WORDS)
    for k in range(pieces):
        a1, a2 = alo + (ahi - alo) * k // pieces, alo + (ahi - alo) * (k + 1) // pieces
        b1, b2 = blo + (bhi - blo) * k // pieces, blo + (bhi - blo) * (k + 1) // pieces
        if a1 < a2 and b1 < b2:
            matcher = SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
            out.extend((a1 + m.a, b1 + m.b, m.size) for m in matcher.get_matching_blocks() if m.size)


def _opcodes(blocks: list[Block], said: int, quoted: int) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes from matching blocks: what turns `said` words into `quoted` ones."""
    codes = []
    i = j = 0
    for a, b, size in [*blocks, (said, quoted, 0)]:
        op = "replace" if i < a and j < b else "delete" if i < a else "insert" if j < b else ""
        if op:
            codes.append((op, i, a, j, b))
        if size:
            codes.append(("equal", a, a + size, b, b + size))
        i, j = a + size, b + size
    return codes


def _window(blocks: list[Block], said: int, quoted: int) -> tuple[int, int]:
    """The statement's words the quotation covers: [start, end) of the run of blocks that scores best.

    A run i..j of blocks is widened by as many words as the quotation has before its first and after its
    last matching word (so that "foundering" lines up with "faltering" as a changed word, not an added
    one), and scores 2 x words in common / (words in the window + words quoted). Of equal scores the first
    run wins (smallest i, then smallest j).

    Trying every run is quadratic in the blocks; this is Dinkelbach's method instead: for a trial score p/q,
    one pass finds the run that most exceeds it, which becomes the next trial, until none does (a few passes).
    Integers throughout, so ties are exact.
    """
    first = [max(0, a - b) for a, b, _ in blocks]
    last = [min(said, a + quoted - b) for a, b, _ in blocks]
    common = [0]
    for _, _, size in blocks:
        common.append(common[-1] + size)
    p, q = 0, 1
    while True:
        best, pair, top, top_i = 0, (0, 0), None, 0
        for j in range(len(blocks)):
            opening = p * first[j] - 2 * q * common[j]  # the part of the excess of a run j..: best so far in `top`
            if top is None or opening > top:
                top, top_i = opening, j
            excess = 2 * q * common[j + 1] - p * (last[j] + quoted) + top
            if excess > best:
                best, pair = excess, (top_i, j)
        if best <= 0:
            break
        i, j = pair
        p, q = 2 * (common[j + 1] - common[i]), last[j] - first[i] + quoted
    # The first run (smallest i, then j) that scores exactly p/q, i.e. whose excess is 0: the excess of i..j is
    # closing[j] - needed[i], never above 0 now; the suffix maxima of `closing` find the first i, then its j.
    closing = [2 * q * common[j + 1] - p * (last[j] + quoted) for j in range(len(blocks))]
    suffix = closing[:]
    for j in range(len(blocks) - 2, -1, -1):
        suffix[j] = max(suffix[j], suffix[j + 1])
    for i in range(len(blocks)):
        needed = 2 * q * common[i] - p * first[i]
        if suffix[i] == needed:
            j = next(j for j in range(i, len(blocks)) if closing[j] == needed)
            return first[i], last[j]
    raise AssertionError("the best score is reached by some run")  # Dinkelbach ends on a run's score


# The site's quote-check page runs in the browser over files written by `browser_files`: the archive's
# whole text would be too much to download, so the index is cut into shards that a query fetches as needed.
CHUNK = 200  # statements per chunk file
FLOOR = 50  # below this many statements, no word counts as common


def is_common(frequency: int, total: int) -> bool:
    return frequency > max(COMMON * total, FLOOR)


def browser_files(index: QuoteIndex, speeches: dict[str, dict]) -> dict[str, object]:
    """The quote-check index for the browser, as {path under data/quote/: JSON-ready object}.

    - `meta.json`: counts, the stop words, the shard prefix length and the chunk size;
    - `w-<hex>.json`: for the words starting with the same 1-3 characters (hex code points), each word's
      document frequency and its statements (as `gaps`; left out for common words, which rarely shortlist);
    - `p-<hex>.json`: a common word's statements as `gaps` (hex code points of the whole word), fetched only when it
      is among the two rarest words of a quotation made of common words, as `QuoteIndex.shortlist` uses it;
    - `c-<n>.json`: statements n×CHUNK to (n+1)×CHUNK-1: [speech id, statement id, speaker id], and what a
      result shows of their speeches (`speeches`: id -> {title, date, speakers, url, cite}). Not their text:
      the page reads the shortlisted statements' text from their speeches' `speeches/<id>/speech.json.gz`
      (the same words, `Statement.spoken`), so the archive's text is not published once more here.
    """
    total = len(index.entries)
    prefix = 1 if total < 5_000 else 2 if total < 100_000 else 3
    files: dict[str, object] = {
        "meta.json": {
            "version": 3,
            "statements": total,
            "prefix": prefix,
            "chunk": CHUNK,
            "common": COMMON,
            "floor": FLOOR,
            "found": FOUND,
            "content": CONTENT,
            "stopwords": sorted(STOPWORDS),
        }
    }
    shards: dict[str, dict] = defaultdict(dict)
    for word, postings in index.postings.items():
        shards[shard_name(word, prefix)][word] = [
            len(postings),
            None if is_common(len(postings), total) else gaps(postings),
        ]
        if is_common(len(postings), total):
            files[f"p-{shard_name(word, len(word))}.json"] = gaps(postings)
    for name, words in shards.items():
        files[f"w-{name}.json"] = dict(sorted(words.items()))
    for start in range(0, total, CHUNK):
        entries = index.entries[start : start + CHUNK]
        files[f"c-{start // CHUNK}.json"] = {
            "statements": [[e.speech, e.statement, e.speaker] for e in entries],
            "speeches": {e.speech: speeches[e.speech] for e in entries if e.speech in speeches},
        }
    return files


def gaps(postings: Iterable[int]) -> list[int]:
    """Ascending statement numbers as written for the browser: the first, then each one's distance from the
    one before (small numbers, so a common word's list takes a quarter of the bytes once gzipped).

    >>> gaps([3, 7, 8, 120])
    [3, 4, 1, 112]
    """
    written, before = [], 0
    for number in postings:
        written.append(number - before)
        before = number
    return written


def shard_name(word: str, prefix: int) -> str:
    """`multilateralism` -> `6d` (prefix 1): the hex code points of its first characters."""
    return "-".join(format(ord(char), "x") for char in word[:prefix])


def coverage(speech: Speech, problems: Problems | None = None) -> list[dict]:
    """The speech's press quotations (front matter `coverage`), each measured against what was said.

    A quotation that names its `statement` is aligned with that statement; one that does not is matched
    against the whole speech, and kept only when the verdict is found: a quotation that is not in the
    speech is listed as not found, never under a statement it merely shares a few words with. With
    `problems`, a `statement` id that is not in the speech is reported where it was written.
    """
    if not speech.meta.coverage:
        return []
    if problems is not None:
        check_coverage(speech, problems)
    index = QuoteIndex.from_archive(None, [speech])
    statements = {statement.id: statement for statement in speech.statements}  # not a scan per quotation
    results = []
    for item in speech.meta.coverage:
        match = None
        if item.statement:
            statement = statements.get(item.statement)
            if statement is not None:
                said = statement.spoken.text
                aligned = align(said, item.quote)
                if aligned:
                    fidelity, pieces, window = aligned
                    match = Match(speech.id, statement.id, said, fidelity, pieces, window)
        else:
            found = index.search(item.quote, 1, speech=speech.id)
            match = found[0] if found and found[0].found else None
        results.append(
            {
                "outlet": item.outlet,
                "date": item.date.isoformat() if item.date else None,
                "url": item.url,
                "author": item.author,
                "quote": item.quote,
                "statement_id": match.statement if match else item.statement,
                "fidelity": round(match.fidelity, 4) if match else None,
                "differences": match.marked() if match else "",
                "summary": match.summary() if match else "not found in this transcript",
                "verdict": match.verdict if match else "not found",
                "in_quotation": match.in_quotation if match else False,
                "pieces": [[p.op, list(p.said), list(p.quoted)] for p in match.pieces] if match else [],
            }
        )
    return results


def check_coverage(speech: Speech, problems: Problems) -> None:
    """A press quotation's `statement` must be a statement of the speech (archive.load runs this)."""
    statements = {statement.id for statement in speech.statements}
    for number, item in enumerate(speech.meta.coverage):
        if item.statement and item.statement not in statements:
            line, column = speech.document.value_at.get(("coverage", number, "statement"), (1, 1))
            problems.add(
                speech.path,
                line,
                column,
                f"coverage names statement `{item.statement}`, which is not in this speech",
                did_you_mean(item.statement, [s.id for s in speech.statements])
                or "use the id shown by the statement's ¶ permalink, or leave `statement` out",
            )
