"""Related statements: for each statement, up to three statements from OTHER speeches that say something similar.

The method is TF-IDF over content words with cosine similarity, computed through an inverted index so the
cost grows with the archive, not with its square:

1. Each statement becomes a bag of content words: lower-cased letters only, stopwords and speech
   boilerplate ("thank", "dear", "friends", "excellencies") removed, a light English plural stemmer.
   A statement with fewer than `min_words` content words takes no part ("Thank you, Mr President.").
2. Weights are (1 + log tf) * log(1 + N / df), normalised to length 1, so the dot product is the cosine.
3. Candidates come from the inverted index of each statement's `query_terms` heaviest (rarest) words.
   A word found in more than `max_df` of all statements (at least `MIN_DF_CAP`) has no postings list at
   all: it says little about similarity. A word's postings keep only its `champions` statements where it
   weighs most (champion lists), so the work per statement is bounded: O(N) overall, not O(N^2).
4. The best `CANDIDATES` by partial score get their exact cosine; those at or above `threshold` are kept,
   a statement of a different speaker or year before one by the same speaker in the same year.

    related = find_related(archive, threshold=0.3)
    related["aif-2025-tokayev-plenary", "nuclear-legacy"]
    -> [Related(speech='npt-2026-review', statement='s-1a2b3c', score=0.41)]

Plain Python, no model downloads, no MkDocs.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .archive import Archive

MIN_DF_CAP = 50  # in a small archive, a fraction like 2% would leave almost no word usable
CANDIDATES = 12  # how many candidates by partial score get an exact cosine

_WORDS = re.compile(r"[^\W\d_]+")
_MARKUP = re.compile(r"\[\[[^\[\]|\n]+(?:\|([^\[\]\n]*))?\]\]|\]\([^)]*\)")

# Function words, and the formulas every speech opens and closes with: they make "Thank you" statements
# look alike and say nothing about content.
STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any anyone
are around as at be became because been before being below between both but by can cannot could did do
does doing done down during each either else enough even ever every few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself just last least
less let like made make many may me might more most much must my myself neither never no nor not now of
off often on once one only or other others our ours ourselves out over own per perhaps please quite
rather really same shall she should since so some still such than that the their theirs them themselves
then there these they this those though through thus to too toward towards under until up upon us very
was we were what whatever when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves
thank thanks dear friend friends colleague colleagues lady ladies gentleman gentlemen excellency
excellencies distinguished guest guests honourable honorable mr mrs ms madam sir chair chairman
chairperson delegate delegates participant participants allow pleasure honour honor welcome greet
greetings grateful gratitude appreciate today year years time way say said tell know think believe see
want need get go going come well new first also applause laughter
become becoming remain remains making firmly strongly clearly truly fully deeply continue ensure great
important able take taken place part put give given keep look looking hope hopeful convinced sure
""".split())


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
    for word in _WORDS.findall(_MARKUP.sub(lambda m: m.group(1) or " ", text).casefold()):
        term = _cache.get(word, False)
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
    return [Document(speech.id, statement.id, statement.speaker, speech.meta.date.year, statement.text)
            for speech in archive.speeches for statement in speech.statements if statement.type == "speech"]


def similar(docs: list[Document], threshold: float = 0.2, limit: int = 3, min_words: int = 6,
            max_df: float = 0.02, query_terms: int = 8, champions: int = 32) -> dict[tuple[str, str], list[Related]]:
    """For each document, up to `limit` documents of other speeches with cosine >= `threshold`.

    Only statements with results appear in the answer. The inner loops lean on C-level `Counter`, `map`
    and set operations: this runs over every statement of the archive at every build.
    """
    # 1. Words -> term ids (each distinct word is looked at once), bags {term: count}, document frequencies.
    texts = [_MARKUP.sub(lambda m: m.group(1) or " ", d.text) if "[[" in d.text or "](" in d.text else d.text
             for d in docs]
    tokens = [_WORDS.findall(text.casefold()) for text in texts]
    term_of: dict[str, int] = {}
    term_ids: dict[str, int] = {}
    for word in set(chain.from_iterable(tokens)):
        stemmed = stem(word)
        if len(word) < 2 or word in STOPWORDS or stemmed in STOPWORDS:
            term_of[word] = -1
        else:
            term_of[word] = term_ids.setdefault(stemmed, len(term_ids))
    bags: list[Counter] = []
    for words in tokens:
        bag = Counter(map(term_of.__getitem__, words))
        bag.pop(-1, None)
        bags.append(bag if bag.total() >= min_words else Counter())
    del tokens
    df = Counter(chain.from_iterable(bags))
    n = sum(1 for bag in bags if bag)
    if n < 2:
        return {}
    idf = {term: math.log(1.0 + n / count) for term, count in df.items()}  # smoothed: never 0
    cap = max(int(max_df * n), MIN_DF_CAP)
    indexed = {term for term, count in df.items() if 2 <= count <= cap}
    log_tf = [0.0] + [1.0 + math.log(c) for c in range(1, 64)]

    # 2. Unit-length TF-IDF vectors and the inverted index of the indexed words.
    vectors: list[dict[int, float]] = []
    postings: dict[int, list[tuple[float, int]]] = {term: [] for term in indexed}
    for number, bag in enumerate(bags):
        weights = {t: (log_tf[c] if c < 64 else 1.0 + math.log(c)) * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vector = {t: w / norm for t, w in weights.items() if w > 0}
        vectors.append(vector)
        for term in indexed.intersection(vector):
            postings[term].append((vector[term], number))
    # Champion lists: a word keeps only the statements where it weighs most, so the work per statement
    # is at most query_terms * champions, whatever the size of the archive.
    champion: dict[int, list[int]] = {}
    for term, entries in postings.items():
        if len(entries) > champions:
            entries.sort(reverse=True)
            del entries[champions:]
        champion[term] = [number for _, number in entries]
    del postings

    # 3. Candidates: statements among the champions of at least two of a statement's heaviest words.
    #    Their exact cosine decides; a different speaker or year comes first.
    speech_numbers: dict[str, int] = {}
    speech_of = [speech_numbers.setdefault(doc.speech, len(speech_numbers)) for doc in docs]
    answer: dict[tuple[str, str], list[Related]] = {}
    for number, vector in enumerate(vectors):
        terms = indexed.intersection(vector)
        if len(terms) < 2:
            continue
        if len(terms) > query_terms:
            terms = heapq.nlargest(query_terms, terms, key=vector.__getitem__)
        shared = Counter(chain.from_iterable(map(champion.__getitem__, terms)))
        mine = speech_of[number]
        best = [(count, other) for other, count in shared.items() if count >= 2 and speech_of[other] != mine]
        if not best:
            continue
        if len(best) > CANDIDATES:
            best = heapq.nlargest(CANDIDATES, best)
        doc = docs[number]
        found = []
        for _count, other in best:
            vector_b = vectors[other]
            score = sum(vector[t] * vector_b[t] for t in vector.keys() & vector_b.keys())
            if score < threshold:
                continue
            candidate = docs[other]
            same = candidate.speaker == doc.speaker and candidate.year == doc.year
            found.append((same, -score, candidate.speech, candidate.statement))
        if found:
            found.sort()
            answer[doc.speech, doc.statement] = [Related(speech, statement, round(-negative, 4))
                                                 for _, negative, speech, statement in found[:limit]]
    return answer


def find_related(archive: Archive, **options) -> dict[tuple[str, str], list[Related]]:
    """`similar()` over every statement of the archive; options as for `similar`."""
    return similar(documents(archive), **options)


def explain(a: str, b: str) -> list[str]:
    """The content words two texts share, for tuning and for tests."""
    return sorted(set(content_words(a)) & set(content_words(b)))
