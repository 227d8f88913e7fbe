"""A test archive for phrase ranking: famous lines typed without quotes, among speeches built to mislead.

The four public-domain addresses in `bench/prose/` (Gettysburg, Lincoln's second inaugural, Roosevelt's and
Kennedy's first inaugurals) are the speeches the phrases come from. Sixteen distractor speeches, shorter and
denser, carry the same rare words of every phrase three ways, so that word counts alone (Pagefind's ranking)
would put them first:

- reversed: the phrase's rare words in the opposite order, a few words apart;
- repeated: each rare word twice, in sentences of its own;
- near miss: the rare words side by side but not in the phrase's order or with other small words.

`PHRASES` pairs each query with the speech (and a few words of the statement) it must find.

    archive = phrase_archive(tmp_path)   # then archive.build()
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from support.archive import REPO, ArchiveDir, archive_config

PROSE = REPO / "bench" / "prose"

# (query as a reader types it, the file of the speech it comes from)
PHRASES: tuple[tuple[str, str], ...] = (
    ("four score and seven years ago", "gettysburg-address-1863"),
    ("all men are created equal", "gettysburg-address-1863"),
    ("a new birth of freedom", "gettysburg-address-1863"),
    ("government of the people by the people", "gettysburg-address-1863"),
    ("shall not perish from the earth", "gettysburg-address-1863"),
    ("the last full measure of devotion", "gettysburg-address-1863"),
    ("let the word go forth", "kennedy-inaugural-1961"),
    ("the torch has been passed", "kennedy-inaugural-1961"),
    ("a new generation of americans", "kennedy-inaugural-1961"),
    ("pay any price bear any burden", "kennedy-inaugural-1961"),
    ("ask not what your country", "kennedy-inaugural-1961"),
    ("ask what you can do", "kennedy-inaugural-1961"),
    ("a hard and bitter peace", "kennedy-inaugural-1961"),
    ("but let us begin", "kennedy-inaugural-1961"),
    ("the freedom of man", "kennedy-inaugural-1961"),
    ("only thing we have to fear", "roosevelt-first-inaugural-1933"),
    ("fear is fear itself", "roosevelt-first-inaugural-1933"),
    ("nameless unreasoning unjustified terror", "roosevelt-first-inaugural-1933"),
    ("convert retreat into advance", "roosevelt-first-inaugural-1933"),
    ("speak the truth the whole truth", "roosevelt-first-inaugural-1933"),
    ("in every dark hour", "roosevelt-first-inaugural-1933"),
    ("with malice toward none", "lincoln-second-inaugural-1865"),
    ("with charity for all", "lincoln-second-inaugural-1865"),
    ("bind up the nation's wounds", "lincoln-second-inaugural-1865"),
    ("a just and lasting peace", "lincoln-second-inaugural-1865"),
    ("this mighty scourge of war", "lincoln-second-inaugural-1865"),
    ("fondly do we hope", "lincoln-second-inaugural-1865"),
)

SPEAKERS = """\
lincoln:
  name: Abraham Lincoln
  sort_name: Lincoln, Abraham
  country: United States
kennedy:
  name: John F. Kennedy
  sort_name: Kennedy, John F.
  country: United States
roosevelt:
  name: Franklin D. Roosevelt
  sort_name: Roosevelt, Franklin D.
  country: United States
marsh:
  name: Helen Marsh
  sort_name: Marsh, Helen
  country: Atlantis
okafor:
  name: Daniel Okafor
  sort_name: Okafor, Daniel
  country: Atlantis
"""
MKDOCS_YML = archive_config(
    "podium", {"podium-facets": {"facets": ["speakers"]}}, "podium-search", name="Phrase ranking archive"
)
HOMES = {
    "gettysburg-address-1863": ("Address at Gettysburg", "1863-11-19", "lincoln"),
    "lincoln-second-inaugural-1865": ("Second inaugural address", "1865-03-04", "lincoln"),
    "roosevelt-first-inaugural-1933": ("First inaugural address", "1933-03-04", "roosevelt"),
    "kennedy-inaugural-1961": ("Inaugural address", "1961-01-20", "kennedy"),
}
# Small words that never make a phrase rare; the ranking's own lists are in podium-search.js.
_COMMON = set(
    "a an and are as at be been but by can do for from go has have in into is itself let not of only our the "
    "this to up us we what with you your all any".split()
)
_FILLER = (
    "The committee met twice in the spring and again before the budget was settled.",
    "Our ministers travelled to the regional capitals to hear the farmers and the teachers.",
    "Trade across the river has doubled since the new bridge was opened.",
    "The report on water and energy was published in four languages last month.",
    "Universities in the north have asked for more engineers and fewer consultants.",
    "Every delegation brought proposals on health, on roads and on the digital economy.",
    "The harbour works will be finished by the end of the decade, on time and on budget.",
    "Young people want jobs at home, not tickets abroad, and they said so plainly.",
    "The council thanked the volunteers who kept the clinics open through the winter.",
    "We count on our partners in the south to share the data on rainfall and harvests.",
)
_JOINERS = ("came well before", "was spoken of long after", "stood apart from", "had little to do with")


def rare_words(query: str) -> list[str]:
    """The words of a phrase that are not small common words: what a distractor must also contain."""
    return [word for word in query.split() if word not in _COMMON]


def _paragraphs(name: str) -> list[str]:
    text = (PROSE / f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _reversed(words: list[str], rng: random.Random) -> str:
    parts = [words[-1].capitalize()]
    for word in reversed(words[:-1]):
        parts.append(f"{rng.choice(_JOINERS)} {word}")
    return " ".join(parts) + ", as the delegates noted when the session closed."


def _repeated(words: list[str], rng: random.Random) -> str:
    sentences = []
    for word in words * 2:
        sentences.append(f"We spoke again of {word} in the {rng.choice(('north', 'south', 'east', 'west'))}.")
    rng.shuffle(sentences)
    return " ".join(sentences)


def _near_miss(words: list[str], rng: random.Random) -> str:
    shuffled = words[:]
    for _ in range(10):  # a different order when there is one ("fear fear" has none)
        rng.shuffle(shuffled)
        if shuffled != words:
            break
    return f"Some said {' and '.join(shuffled)} on the first day; others answered that the matter could wait."


def phrase_archive(root: Path, seed: int = 15, speeches: int = 16, copies: int = 1) -> ArchiveDir:
    """Four real addresses and `speeches` distractor speeches; `PHRASES` are the queries to try on it.

    Each phrase has `copies` x 3 distractor paragraphs, spread over the distractor speeches: a larger archive
    (`speeches=120, copies=10`) gives Pagefind more candidates than the search page re-ranks.
    """
    rng = random.Random(seed)
    archive = ArchiveDir(root)
    archive.write("speeches/speakers.yml", SPEAKERS)
    archive.write("mkdocs.yml", MKDOCS_YML)
    for name, (title, date, speaker) in HOMES.items():
        front = f"title: {title}\ndate: {date}\nspeaker: {speaker}\n"
        archive.speech(name, front, "\n\n".join(_paragraphs(name)) + "\n", folder=f"speeches/{date[:4]}")
    distractors: list[list[str]] = [[] for _ in range(speeches)]
    slot = 0
    for _ in range(copies):
        for query, _ in PHRASES:
            words = rare_words(query)
            for make in (_reversed, _repeated, _near_miss):
                distractors[slot % speeches].append(make(words, rng))
                slot += 1
    for index, paragraphs in enumerate(distractors):
        paragraphs += rng.sample(_FILLER, 2)
        rng.shuffle(paragraphs)
        front = (
            f"title: Remarks to the regional council, part {index + 1}\n"
            f"date: {2001 + index % 24}-0{1 + index % 9}-1{index % 9}\n"
            f"speaker: {('marsh', 'okafor')[index % 2]}\n"
        )
        archive.speech(f"council-{index + 1:02d}", front, "\n\n".join(paragraphs) + "\n", folder="speeches/council")
    return archive


def contains_phrase(text: str, query: str) -> bool:
    """Whether `text` has the query's words side by side and in order (punctuation and case aside).

    >>> contains_phrase("government of the people, by the people", "government of the people by the people")
    True
    """
    words = re.findall(r"[\w']+", text.lower().replace("’", "'"))
    wanted = query.split()
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))
