"""Related statements: for each statement, up to three statements from OTHER speeches that say something similar.

TF-IDF over content words with cosine similarity. The candidates come from an inverted index, so the cost
grows with the archive, not with its square:

1. Each statement becomes the set of its content words: lower-cased letters only, stopwords and speech
   boilerplate ("thank", "dear", "friends", "excellencies") removed, a light English plural stemmer.
   A statement with fewer than `min_words` distinct content words takes no part ("Thank you, Mr President.").
   Statements are short and rarely repeat a word, so term frequency is taken as 0 or 1.
2. Each word weighs its smoothed inverse document frequency, log(1 + N / df); the cosine of two
   statements is the sum of the squared weights of the words they share over the product of their norms.
3. Blocking (an inverted index on pairs of rare words): each statement is filed under every pair of its
   `key_words` rarest words. Only statements filed under a common pair are compared. A word found in
   more than `max_df` of all statements (at least `MIN_DF_CAP`) is never a key, and a pair shared by more
   than `BUCKET_CAP` statements is a set phrase and is dropped: the work per statement is bounded, so the
   whole is O(N), not O(N^2).
4. The `CANDIDATES` sharing most pairs get their exact cosine; those at or above `threshold` are kept,
   a statement of a different speaker or year before one by the same speaker in the same year.

    related = find_related(archive, threshold=0.2)
    related["aif-2025-tokayev-plenary", "nuclear-legacy"]
    -> [Related(speech='npt-2026-review', statement='s-1a2b3c', score=0.41)]

Plain Python, no model downloads, no MkDocs.
"""

from __future__ import annotations

import gc
import heapq
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, combinations
from typing import TYPE_CHECKING, Literal

from podium.core.text import (
    INLINE_REFERENCE,
    LETTERS,
    MARKED_LETTERS,
    ONE_SPACELESS,
    SPACELESS,
    SPACELESS_RUN,
    unmarked,
)
from podium.core.text import STOPWORDS as FUNCTION_WORDS

if TYPE_CHECKING:
    from podium.core.archive import Archive

MIN_DF_CAP = 50  # in a small archive, a fraction like 2% would leave almost no word usable
CANDIDATES = 12  # how many candidates (those sharing the most rare-word pairs) get an exact cosine
BUCKET_CAP = 64  # a pair of rare words shared by more statements than this is a set phrase

_MARKUP = re.compile(INLINE_REFERENCE.pattern + r"|\]\([^)]*\)")  # a reference's words; a link's address out
_CHINESE_OR_JAPANESE = re.compile(f"[{SPACELESS}]")

# Besides English function words (core.text.STOPWORDS), the formulas every speech opens and closes with:
# they make "Thank you" statements look alike and say nothing about content.
STOPWORDS = FUNCTION_WORDS | frozenset(
    """
almost although always among another anyone around became cannot done either else enough even ever every
herself himself however last least less let like made make many much myself neither never often one others
ourselves per perhaps please quite rather really since still themselves though thus toward towards upon
whatever whether whose within without yet yourself yourselves thank thanks dear friend friends colleague
colleagues lady ladies gentleman gentlemen excellency excellencies distinguished guest guests honourable
honorable mr mrs ms madam sir chair chairman chairperson delegate delegates participant participants allow
pleasure honour honor welcome greet greetings grateful gratitude appreciate today year years time way say said
tell know think believe see want need get go going come well new first applause laughter become becoming
remain remains making firmly strongly clearly truly fully deeply continue ensure great important able take
taken place part put give given keep look looking hope hopeful convinced sure
""".split()
)


@dataclass(frozen=True, order=True)
class Related:
    speech: str
    statement: str
    score: float


@dataclass(frozen=True, slots=True)  # one per statement of the archive while the index is made
class Document:
    """A statement as the similarity index sees it."""

    speech: str
    statement: str
    speaker: str | None
    year: int
    text: str


def stem(word: str) -> str:
    """A light plural stemmer: enough to match "weapons" with "weapon" and "countries" with "country".

    >>> [stem(w) for w in ("weapons", "countries", "process", "crisis", "us")]
    ['weapon', 'country', 'process', 'crisis', 'us']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str, _cache: dict[str, str | None] = {}) -> list[str]:  # noqa: B006 (a memo)
    """The words that carry meaning: no stopwords, no boilerplate, no numbers, no one-letter words.

    >>> content_words("Thank you, dear friends! Nuclear weapons threaten 13,000 cities.")
    ['nuclear', 'weapon', 'threaten', 'city']
    """
    words = []
    for word in _letters(_MARKUP.sub(lambda m: m.group(2) or " ", text).casefold()):
        term: str | None | Literal[False] = _cache.get(word, False)  # False: not seen yet
        if term is False:
            term = None if len(word) < 2 or word in STOPWORDS else stem(word)
            if term in STOPWORDS:
                term = None
            if len(_cache) < 500_000:
                _cache[word] = term
        if term:
            words.append(term)
    return words


def documents(archive: Archive) -> list[Document]:
    """Every statement a speaker made (narrative and stage directions are left out)."""
    return [
        Document(speech.id, statement.id, statement.speaker, speech.meta.date.year, statement.text)
        for speech in archive.speeches
        for statement in speech.statements
        if statement.by_speaker  # not narrative, not a crowd's voice
    ]


def similar(
    docs: list[Document],
    threshold: float = 0.2,
    limit: int = 3,
    min_words: int = 6,
    max_df: float = 0.02,
    key_words: int = 7,
) -> dict[tuple[str, str], list[Related]]:
    """For each document, up to `limit` documents of other speeches with cosine >= `threshold`.

    Only statements with results appear in the answer. The inner loops lean on C-level sets, `Counter`
    and `map`: this runs over every statement of the archive at every build.

    Memory stays about 2 KB a statement at the peak (it was 8 KB, 1.7 GB at 10,000 speeches): a statement is kept
    as the numbers of its distinct terms (`_Bags`), never as its words or a set, and only the rare-word pairs
    that two statements share are filed (`_shared_pairs`). Every set is rebuilt exactly as a set of the
    statement's words would be, so the sums of weights, and so the scores, are the same to the last bit.
    """
    # 1. Words -> term ids (each distinct word is looked at once); each statement as its set of terms.
    #    Statements are short, a word rarely comes twice: a set (binary term frequency) loses little.
    vocabulary: dict[str, int] = {}
    firsts: list[array[int]] = []  # each statement's distinct words, in order of first use
    for doc in docs:
        words = dict.fromkeys(_words(doc.text))
        for word in words:
            if word not in vocabulary:
                vocabulary[word] = len(vocabulary)
        firsts.append(array("i", map(vocabulary.__getitem__, words)))
    term_of = [0] * len(vocabulary)
    term_ids: dict[str, int] = {}
    # Sorted: term ids follow the words, not string hashing, so every build picks the same neighbours.
    for word in sorted(vocabulary):
        stemmed = stem(word)
        if len(word) < 2 or word in STOPWORDS or stemmed in STOPWORDS:
            term_of[vocabulary[word]] = -1
        else:
            term_of[vocabulary[word]] = term_ids.setdefault(stemmed, len(term_ids))
    del vocabulary
    bags = _Bags(firsts, term_of, min_words)
    del firsts, term_of
    df = Counter(chain.from_iterable(map(bags.__getitem__, range(len(bags)))))
    n = sum(1 for number in range(len(bags)) if bags.size(number))
    if n < 2:
        return {}
    idf2 = {term: math.log(1.0 + n / count) ** 2 for term, count in df.items()}  # squared: for the dot
    cap = max(int(max_df * n), MIN_DF_CAP)

    # 2. Blocking: each statement files itself under every pair of its `key_words` rarest words (seen in
    #    2..cap statements). Two statements that share such a pair become candidates. A pair shared by
    #    more than BUCKET_CAP statements is a set phrase, not a sign of one subject.
    rarity = df.__getitem__
    indexed = {term for term, count in df.items() if 2 <= count <= cap}
    keys_of: list[array[int]] = []  # each statement's key words, in order: its pairs are their combinations
    for number in range(len(bags)):
        bag = bags[number]
        keys_of.append(array("i", sorted(sorted(bag & indexed, key=rarity)[:key_words]) if bag else ()))
    del df
    buckets = _shared_pairs(keys_of, len(term_ids))

    # 3. Exact cosine for the candidates sharing the most pairs; a different speaker or year first.
    speech_numbers: dict[str, int] = {}
    speech_of = [speech_numbers.setdefault(doc.speech, len(speech_numbers)) for doc in docs]
    norms: dict[int, float] = {}

    def norm(number: int, bag: set[int]) -> float:
        value = norms.get(number)
        if value is None:
            value = norms[number] = math.sqrt(sum(map(idf2.__getitem__, bag)))
        return value

    answer: dict[tuple[str, str], list[Related]] = {}
    empty: list[int] = []
    for number, keys in enumerate(keys_of):
        if len(keys) < 2:
            continue
        mine = speech_of[number]
        # A pair no other statement has is not filed: it would count only this statement itself.
        shared = Counter(chain.from_iterable(buckets.get(code, empty) for code in _codes(keys, len(term_ids))))
        best = [(count, other) for other, count in shared.items() if speech_of[other] != mine]
        if not best:
            continue
        if len(best) > CANDIDATES:
            best = heapq.nlargest(CANDIDATES, best)
        bag, doc = bags[number], docs[number]
        mine_norm = norm(number, bag)
        found = []
        for _count, other in best:
            theirs = bags[other]
            score = sum(map(idf2.__getitem__, bag & theirs)) / (mine_norm * norm(other, theirs))
            if score < threshold:
                continue
            candidate = docs[other]
            same = candidate.speaker == doc.speaker and candidate.year == doc.year
            found.append((same, -score, candidate.speech, candidate.statement))
        if found:
            found.sort()
            answer[doc.speech, doc.statement] = [
                Related(speech, statement, round(-negative, 4)) for _, negative, speech, statement in found[:limit]
            ]
    return answer


def _words(text: str) -> list[str]:
    """A statement's words as the index reads them: lower case, letters only, a link's address left out."""
    if "[[" in text or "](" in text:
        text = _MARKUP.sub(lambda m: m.group(2) or " ", text)
    return _letters(text.casefold())


def _letters(text: str) -> list[str]:
    """The runs of letters of `text`, each with its combining marks (Hindi's vowel signs); in scripts written without
    spaces (Chinese, Japanese, Thai...), each two characters side by side instead (a sentence would be one run,
    shared by no other statement): a common way to compare such text without a dictionary of its words.

    >>> _letters("我们坚持多边主义 and multilateralism")
    ['我们', '们坚', '坚持', '持多', '多边', '边主', '主义', 'and', 'multilateralism']
    >>> _letters("भारत ความรุนแรง")
    ['भारत', 'คว', 'วา', 'าม', 'มรุ', 'รุน', 'นแ', 'แร', 'รง']
    """
    if unmarked(text):
        words = LETTERS.findall(text)
        if text.isascii() or not _CHINESE_OR_JAPANESE.search(text):
            return words
    else:
        words = MARKED_LETTERS.findall(text)
    out: list[str] = []
    for word in words:
        for part in SPACELESS_RUN.split(word):  # a run of spaceless characters is captured, so kept in its place
            if not part:
                continue
            units = ONE_SPACELESS.findall(part) if SPACELESS_RUN.fullmatch(part) else [part]
            if len(units) == 1:
                out.append(part)
            else:
                out.extend(units[i] + units[i + 1] for i in range(len(units) - 1))
    return out


_NOTHING = array("i")


class _Bags:
    """Each statement's set of terms, kept as an array of its distinct term ids (-1, a stopword, included) in
    the order its words first come: 4 bytes a term, where a set takes 30 or more.

    `bags[number]` rebuilds the set by the same insertions, in the same order, as `set(terms of its words)`
    then `discard(-1)`: the same table, so it iterates in the same order, and a sum over it (a norm, the
    weights two statements share) is the same float. A statement with fewer than `min_words` terms is empty.
    """

    def __init__(self, firsts: list[array[int]], term_of: list[int], min_words: int) -> None:
        self.terms: list[array[int]] = []
        typecode = "h" if max(term_of, default=0) < 2**15 else "i"  # 2 bytes a term where they fit
        for number, first in enumerate(firsts):
            terms = dict.fromkeys(map(term_of.__getitem__, first))
            enough = len(terms) - (-1 in terms) >= min_words
            self.terms.append(array(typecode, terms if enough else ()))
            firsts[number] = _NOTHING  # freed as it goes: the two lists are never whole at once

    def __len__(self) -> int:
        return len(self.terms)

    def __getitem__(self, number: int) -> set[int]:
        bag = set(self.terms[number])
        bag.discard(-1)
        return bag

    def size(self, number: int) -> int:
        terms = self.terms[number]
        return len(terms) - (-1 in terms)


def _codes(keys: array[int], terms: int) -> Iterator[int]:
    """Each pair of a statement's key words as one number (the pair (a, b), a < b, is a * terms + b)."""
    return (a * terms + b for a, b in combinations(keys, 2))


def _shared_pairs(keys_of: list[array[int]], terms: int) -> dict[int, list[int]]:
    """The statements under each pair of key words that 2 to BUCKET_CAP statements share, by pair code.

    Most pairs of rare words belong to one statement only; filing them all would take a dictionary entry each
    (hundreds of bytes a statement). A first pass counts every pair in two tables of one byte a slot, each
    slot chosen by a different part of the pair's hash; a pair that is alone in either slot is surely alone.
    The second pass files the others (about one in twenty turns out alone after all, and is dropped).
    """
    size = 4 * sum(len(keys) * (len(keys) - 1) // 2 for keys in keys_of) + 1
    first, second = bytearray(size), bytearray(size)
    for keys in keys_of:
        for pair in combinations(keys, 2):
            hashed = hash(pair)
            one, two = hashed % size, (hashed >> 31) % size
            if first[one] < 2:
                first[one] += 1
            if second[two] < 2:
                second[two] += 1
    filed: dict[int, int | list[int]] = {}  # a statement's number until a second one shares the pair
    for number, keys in enumerate(keys_of):
        for pair in combinations(keys, 2):
            hashed = hash(pair)
            if first[hashed % size] < 2 or second[(hashed >> 31) % size] < 2:
                continue
            code = pair[0] * terms + pair[1]
            held = filed.get(code)
            if held is None:
                filed[code] = number
            elif isinstance(held, int):
                filed[code] = [held, number]
            else:
                held.append(number)
    return {code: held for code, held in filed.items() if isinstance(held, list) and len(held) <= BUCKET_CAP}


def find_related(archive: Archive, **options) -> dict[tuple[str, str], list[Related]]:
    """`similar()` over every statement of the archive; options as for `similar`.

    The cyclic garbage collector is paused meanwhile: the millions of sets, lists and tuples made here hold
    no cycles, and its passes over them would cost more than the work itself on a large archive.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return similar(documents(archive), **options)
    finally:
        if paused:
            gc.enable()


def explain(a: str, b: str) -> list[str]:
    """The content words two texts share, for tuning and for tests."""
    return sorted(set(content_words(a)) & set(content_words(b)))
