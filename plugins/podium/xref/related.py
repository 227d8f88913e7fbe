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
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain, combinations
from typing import TYPE_CHECKING, Literal

from podium.core.text import INLINE_REFERENCE, LETTERS
from podium.core.text import STOPWORDS as FUNCTION_WORDS

if TYPE_CHECKING:
    from podium.core.archive import Archive

MIN_DF_CAP = 50  # in a small archive, a fraction like 2% would leave almost no word usable
CANDIDATES = 12  # how many candidates (those sharing the most rare-word pairs) get an exact cosine
BUCKET_CAP = 64  # a pair of rare words shared by more statements than this is a set phrase

_MARKUP = re.compile(INLINE_REFERENCE.pattern + r"|\]\([^)]*\)")  # a reference's words; a link's address out

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


@dataclass(frozen=True)
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
    for word in LETTERS.findall(_MARKUP.sub(lambda m: m.group(2) or " ", text).casefold()):
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
    """
    # 1. Words -> term ids (each distinct word is looked at once); each statement as its set of terms.
    #    Statements are short, a word rarely comes twice: a set (binary term frequency) loses little.
    tokens = [
        LETTERS.findall(
            (
                _MARKUP.sub(lambda m: m.group(2) or " ", d.text) if "[[" in d.text or "](" in d.text else d.text
            ).casefold()
        )
        for d in docs
    ]
    term_of: dict[str, int] = {}
    term_ids: dict[str, int] = {}
    # Sorted: term ids follow the words, not string hashing, so every build picks the same neighbours.
    for word in sorted(set(chain.from_iterable(tokens))):
        stemmed = stem(word)
        if len(word) < 2 or word in STOPWORDS or stemmed in STOPWORDS:
            term_of[word] = -1
        else:
            term_of[word] = term_ids.setdefault(stemmed, len(term_ids))
    bags: list[set[int]] = []
    for words in tokens:
        bag = set(map(term_of.__getitem__, words))
        bag.discard(-1)
        bags.append(bag if len(bag) >= min_words else set())
    del tokens
    df = Counter(chain.from_iterable(bags))
    n = sum(1 for bag in bags if bag)
    if n < 2:
        return {}
    idf2 = {term: math.log(1.0 + n / count) ** 2 for term, count in df.items()}  # squared: for the dot
    cap = max(int(max_df * n), MIN_DF_CAP)

    # 2. Blocking: each statement files itself under every pair of its `key_words` rarest words (seen in
    #    2..cap statements). Two statements that share such a pair become candidates. A pair shared by
    #    more than BUCKET_CAP statements is a set phrase, not a sign of one subject.
    rarity = df.__getitem__
    indexed = {term for term, count in df.items() if 2 <= count <= cap}
    keys_of = [
        list(combinations(sorted(sorted(bag & indexed, key=rarity)[:key_words]), 2)) if bag else [] for bag in bags
    ]
    buckets: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
    for number, keys in enumerate(keys_of):
        for key in keys:
            buckets[key].append(number)
    for key in [key for key, bucket in buckets.items() if len(bucket) > BUCKET_CAP]:
        buckets[key] = []

    # 3. Exact cosine for the candidates sharing the most pairs; a different speaker or year first.
    speech_numbers: dict[str, int] = {}
    speech_of = [speech_numbers.setdefault(doc.speech, len(speech_numbers)) for doc in docs]
    norms: dict[int, float] = {}

    def norm(number: int) -> float:
        value = norms.get(number)
        if value is None:
            value = norms[number] = math.sqrt(sum(map(idf2.__getitem__, bags[number])))
        return value

    answer: dict[tuple[str, str], list[Related]] = {}
    for number, keys in enumerate(keys_of):
        if not keys:
            continue
        mine = speech_of[number]
        shared = Counter(chain.from_iterable(map(buckets.__getitem__, keys)))
        if len(shared) == 1:
            continue  # only itself
        best = [(count, other) for other, count in shared.items() if speech_of[other] != mine]
        if not best:
            continue
        if len(best) > CANDIDATES:
            best = heapq.nlargest(CANDIDATES, best)
        bag, doc, mine_norm = bags[number], docs[number], norm(number)
        found = []
        for _count, other in best:
            score = sum(map(idf2.__getitem__, bag & bags[other])) / (mine_norm * norm(other))
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
