"""Write a realistic synthetic archive of N speeches, deterministic by seed: for scale tests and `make bench`.

Plain Python, no MkDocs. The same (speeches, seed) always writes byte-identical files:

    from podium.editors.generate import generate
    summary = generate(Path("/tmp/archive"), speeches=1000, seed=1)
    summary.words, summary.distinct_words     # about 1.5 million words, tens of thousands distinct

What makes it realistic rather than a shuffle of one text:

- A vocabulary of tens of thousands of made-up words built from syllables, drawn with Zipf's law (the
  r-th most frequent word appears about 1/r as often as the first), so an index or a search engine sees the
  long tail a real corpus has. Frequent words are short, rare ones long.
- Speech lengths are log-normal, a few hundred to ten thousand words, median about 1,100.
- Several hundred speakers (three in ten speeches, at most 600), some far more prolific than others, each
  with roles held over spans of dates; events are editions of series (`parent`) with sessions; topics form
  a two-level tree and tag speeches and single statements (`{#id topics=a,b}`).
- About one speech in six is a panel, debate, interview or press conference: several speakers taking turns
  (`@speaker-id:`), with stage directions (`[Applause]`). Long speeches have `##` sections.
- About one in a hundred is in Kazakh or Russian (Cyrillic vocabulary, `language: kk`/`ru`); half of those are
  translations of an English speech (`translation_of`).
- Cross-references in the syntax of `podium.xref.references`: about one statement in thirty carries
  `see=speech#statement` (or a whole speech, or `@speaker`), about one in a hundred an inline
  `[[speech#statement|as I said]]`, mostly to the same speaker's earlier speeches.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from podium.core.problems import Problems
from podium.core.settings import read_config
from podium.core.text import slug

VOCABULARY = 40_000  # distinct Latin-script words; the Cyrillic vocabulary is a quarter of that
ZIPF_EXPONENT = 1.05
MEDIAN_WORDS = 1_100
MIN_WORDS, MAX_WORDS = 200, 10_000
FIRST_YEAR, LAST_YEAR = 2006, 2025

_ONSETS = (
    "",
    "",
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "cr",
    "dr",
    "fr",
    "gr",
    "pr",
    "tr",
    "st",
    "sp",
    "sk",
    "sl",
    "pl",
    "bl",
    "cl",
    "fl",
    "gl",
    "ch",
    "sh",
    "th",
    "qu",
    "str",
    "sc",
)
_NUCLEI = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "io", "ie", "y", "ee", "oa")
_CODAS = ("", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "nt", "rs", "ck", "ng", "x", "ct", "rt")
_CYR_ONSETS = (
    "",
    "",
    "б",
    "в",
    "г",
    "ғ",
    "д",
    "ж",
    "з",
    "й",
    "к",
    "қ",
    "л",
    "м",
    "н",
    "п",
    "р",
    "с",
    "т",
    "ш",
    "т",
    "с",
    "қ",
    "ст",
    "тр",
    "кр",
)
_CYR_NUCLEI = ("а", "ә", "е", "ы", "і", "о", "ө", "ұ", "ү", "у", "и", "а", "е", "ы")
_CYR_CODAS = ("", "", "", "н", "ң", "р", "с", "т", "л", "м", "қ", "ғ", "з", "й", "ш", "лық", "дық", "ға")

_STAGE_DIRECTIONS = (
    "[Applause]",
    "[Applause]",
    "[Laughter]",
    "[Inaudible]",
    "[Pause]",
    "[Prolonged applause]",
    "[Video presentation]",
    "[Microphone off]",
)
_CYR_STAGE_DIRECTIONS = ("[Қол шапалақтау]", "[Күлкі]", "[Аплодисменты]")

_TOPICS: dict[str, tuple[str, ...]] = {
    "Global governance": (
        "Multilateralism",
        "United Nations reform",
        "International law",
        "Sanctions",
        "Regional integration",
    ),
    "Peace and security": (
        "Nuclear non-proliferation",
        "Arms control",
        "Terrorism",
        "Peacekeeping",
        "Cybersecurity",
        "Border security",
    ),
    "Economy": ("Trade", "Investment", "Inflation", "Public debt", "Taxation", "Labour markets", "Tourism"),
    "Energy": ("Oil and gas", "Renewable energy", "Nuclear power", "Energy efficiency"),
    "Climate and environment": ("Climate adaptation", "Water", "Biodiversity", "Desertification", "Air pollution"),
    "Digital transformation": ("Artificial intelligence", "E-government", "Telecommunications", "Data protection"),
    "Political reform": ("Constitutional reform", "Elections", "Parliament", "Decentralisation", "Anti-corruption"),
    "Society": ("Education", "Health", "Pensions", "Housing", "Youth", "Gender equality", "Migration"),
    "Infrastructure": ("Transport corridors", "Railways", "Ports", "Urban development"),
    "Agriculture": ("Food security", "Irrigation", "Livestock"),
    "Culture": ("Language policy", "Heritage", "Sport", "Religion"),
    "Science": ("Space", "Research funding", "Universities"),
    "Human rights": ("Freedom of expression", "Rule of law", "Minority rights"),
    "Finance": ("Banking", "Capital markets", "Central banking", "Islamic finance"),
}
_ROLES = (
    "President",
    "Prime Minister",
    "Minister of Foreign Affairs",
    "Minister of Finance",
    "Minister of Energy",
    "Minister of Education",
    "Chairman of the Senate",
    "Speaker of Parliament",
    "Ambassador",
    "Secretary-General",
    "Director-General",
    "Governor of the Central Bank",
    "Member of Parliament",
    "Chief Executive",
    "Professor",
    "Mayor",
    "Deputy Prime Minister",
    "Special Envoy",
    "Commissioner",
    "Chair of the Board",
)
_SERIES_KINDS = (
    "Forum",
    "Summit",
    "Congress",
    "Economic Forum",
    "Dialogue",
    "Conference",
    "Assembly",
    "Parliamentary Session",
    "Investment Forum",
    "Security Conference",
)
_SESSIONS = (
    "Opening ceremony",
    "Plenary session",
    "Panel on {topic}",
    "Round table on {topic}",
    "Ministerial meeting",
    "Press conference",
    "Closing session",
    "Business council",
    "Expert session on {topic}",
)
_MULTI_KINDS = ("panel", "debate", "interview", "press conference")
_SINGLE_KINDS = ("speech", "speech", "speech", "address", "statement", "remarks", "lecture")


@dataclass
class Summary:
    """What was written, for tests and the benchmark report."""

    root: Path
    speeches: int = 0
    words: int = 0
    statements: int = 0
    speakers: int = 0
    events: int = 0
    topics: int = 0
    non_latin: int = 0
    multi_speaker: int = 0
    references: int = 0
    lengths: list[int] = field(default_factory=list, repr=False)
    vocabulary: set[str] = field(default_factory=set, repr=False)

    @property
    def distinct_words(self) -> int:
        return len(self.vocabulary)


@dataclass
class _Speaker:
    id: str
    name: str
    country: str
    roles: list[dict[str, Any]]
    language: str = "en"


@dataclass
class _Edition:
    id: str
    name: str
    start: dt.date
    end: dt.date
    location: str
    sessions: list[dict[str, Any]]


@dataclass
class _Planned:
    id: str
    year: int
    front: dict[str, Any]
    speakers: list[str]
    words: int
    language: str
    topics: list[str]
    explicit_ids: list[str] = field(default_factory=list)


class Words:
    """A Zipf-distributed vocabulary of synthetic words in one script."""

    def __init__(self, rng: random.Random, size: int, onsets, nuclei, codas):
        seen: dict[str, None] = {}  # a dict, not a set: insertion order keeps the output deterministic
        while len(seen) < size:
            rank = len(seen)
            syllables = (
                1
                if rank < 150
                else 2
                if rank < 4_000
                else rng.choice((2, 3, 3))
                if rank < 20_000
                else rng.choice((3, 3, 4))
            )
            word = "".join(rng.choice(onsets) + rng.choice(nuclei) + rng.choice(codas) for _ in range(syllables))
            if len(word) > 1 or rank < 20:
                seen.setdefault(word, None)
        self.words = list(seen)
        self.cumulative = list(itertools.accumulate(1 / (rank**ZIPF_EXPONENT) for rank in range(1, size + 1)))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def rare(self, rng: random.Random) -> str:
        """A less common word of two or three syllables, for names of people, places and things."""
        return self.words[rng.randrange(1_000, min(20_000, len(self.words)))][:10]


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


class Generator:
    def __init__(self, root: Path, speeches: int, seed: int, speakers: int | None = None):
        self.count = speeches
        self.seed = seed
        self.rng = random.Random(seed)
        self.latin = Words(self.rng, VOCABULARY, _ONSETS, _NUCLEI, _CODAS)
        self.cyrillic = Words(self.rng, VOCABULARY // 4, _CYR_ONSETS, _CYR_NUCLEI, _CYR_CODAS)
        self.speaker_count = speakers or max(6, min(600, round(speeches * 0.3)))
        self.summary = Summary(root=root)
        self.by_speaker: dict[str, list[int]] = {}  # speaker id -> indexes of their speeches written so far

    # -- registries ---------------------------------------------------------------------------------

    def topics(self) -> dict[str, dict[str, Any]]:
        table: dict[str, dict[str, Any]] = {}
        for root, children in _TOPICS.items():
            root_id = slug(root)
            table[root_id] = {"label": root, "description": f"Speeches and statements on {root.lower()}."}
            for child in children:
                table[slug(child)] = {"label": child, "parent": root_id}
        return table

    def countries(self) -> list[str]:
        rng = self.rng
        endings = ("ia", "stan", "land", "ania", "or", "ica", "mark", "ovia")
        names: dict[str, None] = {}
        while len(names) < 60:
            names.setdefault(_title(self.latin.rare(rng)[:7]) + rng.choice(endings), None)
        return list(names)

    def speakers(self, countries: list[str]) -> list[_Speaker]:
        rng = self.rng
        people: list[_Speaker] = []
        taken: set[str] = set()
        for _ in range(self.speaker_count):
            given, family = _title(self.latin.rare(rng)[:8]), _title(self.latin.rare(rng))
            ident = slug(family)
            if ident in taken:
                ident = slug(f"{given}-{family}")
            number = 2
            while ident in taken:
                ident, number = f"{slug(family)}-{number}", number + 1
            taken.add(ident)
            country = rng.choice(countries)
            roles, start = [], dt.date(rng.randint(1994, 2012), rng.randint(1, 12), rng.randint(1, 28))
            for index in range(rng.randint(1, 3)):
                role = rng.choice(_ROLES)
                organization = (
                    f"Republic of {country}"
                    if role in ("President", "Prime Minister")
                    else f"United Nations {_title(self.latin.rare(rng))} Programme"
                    if role in ("Secretary-General", "Director-General", "Special Envoy")
                    else f"Government of {country}"
                )
                end = start + dt.timedelta(days=rng.randint(900, 4000))
                entry: dict[str, Any] = {"role": role, "organization": organization, "from": start}
                if index < 2 and end < dt.date(LAST_YEAR, 6, 1) and rng.random() < 0.7:
                    entry["to"] = end
                    roles.append(entry)
                    start = end + dt.timedelta(days=1)
                else:
                    roles.append(entry)
                    break
            people.append(_Speaker(ident, f"{given} {family}", country, roles))
        return people

    def events(self, countries: list[str]) -> tuple[dict[str, dict[str, Any]], list[_Edition]]:
        rng = self.rng
        series_count = max(2, min(40, self.count // 60))
        topic_labels = [child for children in _TOPICS.values() for child in children]
        table: dict[str, dict[str, Any]] = {}
        editions: list[_Edition] = []
        for _ in range(series_count):
            city = _title(self.latin.rare(rng))
            name = f"{city} {rng.choice(_SERIES_KINDS)}"
            series = slug(name)
            if series in table:
                continue
            country = rng.choice(countries)
            table[series] = {
                "name": name,
                "location": f"{city}, {country}",
                "url": f"https://{series}.example.org",
                "description": f"An annual meeting in {city} on {rng.choice(topic_labels).lower()} "
                f"and {rng.choice(topic_labels).lower()}.",
            }
            first = rng.randint(FIRST_YEAR, LAST_YEAR - 2)
            month = rng.randint(2, 11)
            for edition_number, year in enumerate(range(first, LAST_YEAR + 1), start=1):
                start = dt.date(year, month, rng.randint(1, 25))
                days = rng.randint(1, 3)
                end = start + dt.timedelta(days=days - 1)
                sessions: list[dict[str, Any]] = []
                for day in range(days):
                    for template in rng.sample(_SESSIONS, rng.randint(1, 3)):
                        session = template.format(topic=rng.choice(topic_labels).lower())
                        if all(s["name"] != session for s in sessions):
                            sessions.append({"name": session, "date": start + dt.timedelta(days=day)})
                ident = f"{series}-{year}"
                edition = _Edition(ident, f"{name} {year}", start, end, f"{city}, {country}", sessions)
                table[ident] = {
                    "name": edition.name,
                    "parent": series,
                    "from": start,
                    "to": end,
                    "location": edition.location,
                    "description": f"The {_ordinal(edition_number)} {name}.",
                    "sessions": sessions,
                }
                editions.append(edition)
        return table, editions

    # -- plan -----------------------------------------------------------------------------------------

    def plan(self, people: list[_Speaker], editions: list[_Edition], topics: list[str]) -> list[_Planned]:
        """Decide every speech's front matter first, so translations and references can name earlier ones."""
        rng = self.rng
        weights = list(itertools.accumulate(1 / (rank**0.8) for rank in range(1, len(people) + 1)))
        planned: list[_Planned] = []
        people_by_id = {person.id: person for person in people}
        ids: set[str] = set()
        cyrillic_left = max(1, self.count // 100) if self.count >= 5 else 0
        for index in range(self.count):
            edition = rng.choice(editions) if rng.random() < 0.9 else None
            multi = rng.random() < 0.16
            speakers = rng.choices(people, cum_weights=weights, k=rng.randint(2, 5) if multi else 1)
            speakers = list({s.id: s for s in speakers}.values())
            if multi and len(speakers) < 2:
                speakers.append(people[(people.index(speakers[0]) + 1) % len(people)])
            main = speakers[0]
            language = "en"
            if cyrillic_left and rng.random() < cyrillic_left / (self.count - index):
                language, cyrillic_left = rng.choice(("kk", "ru")), cyrillic_left - 1
            if edition:
                session = rng.choice(edition.sessions)
                day = session["date"]
                place = edition.location
            else:
                session = None
                day = dt.date(rng.randint(FIRST_YEAR, LAST_YEAR), rng.randint(1, 12), rng.randint(1, 28))
                place = f"{_title(self.latin.rare(rng))}, {main.country}"
            kind = rng.choice(_MULTI_KINDS) if len(speakers) > 1 else rng.choice(_SINGLE_KINDS)
            speech_topics = list(dict.fromkeys(rng.sample(topics, rng.randint(1, 5))))
            base = f"{edition.id if edition else day.year}-{main.id}-{slug(kind)}"
            ident, number = base, 2
            while ident in ids:
                ident, number = f"{base}-{number}", number + 1
            front: dict[str, Any] = {
                "title": self._speech_title(kind, main, edition, session, speech_topics),
                "date": day,
            }
            if len(speakers) == 1:
                front["speaker"] = main.id
            else:
                front["speakers"] = [s.id for s in speakers]
            if edition:
                assert session is not None  # drawn from the edition's sessions above
                front["event"] = edition.id
                front["session"] = session["name"]
            front["location"] = place
            front["language"] = language
            front["kind"] = kind
            front["delivered"] = rng.choice(("as delivered", "as delivered", "as prepared"))
            original = planned[rng.randrange(len(planned))] if language != "en" and planned else None
            if original and original.language == "en" and rng.random() < 0.5:
                # A translation: the same occasion, speakers and length as the original, in another language.
                front = {
                    key: value
                    for key, value in original.front.items()
                    if key not in ("summary", "topics", "source", "media")
                }
                front.update(language=language, delivered="translation", translation_of=original.id)
                speakers = [people_by_id[ident] for ident in original.speakers]
                main = speakers[0]
                speech_topics = original.topics
                ident, number = f"{original.id}-{language}", 2
                while ident in ids:
                    ident, number = f"{original.id}-{language}-{number}", number + 1
            if language != "en":
                front["title"] = self._sentence(self.cyrillic, rng.randint(4, 8))[:-1]
            front["summary"] = self._sentence(self._words_for(language), rng.randint(14, 30))
            front["topics"] = speech_topics
            front["source"] = {
                "url": f"https://press.example.org/{front['date'].year}/{ident}",
                "publisher": f"Press office of the {main.roles[-1]['organization']}",
                "retrieved": dt.date(LAST_YEAR, 11, 1),
            }
            if rng.random() < 0.2:
                front["media"] = {"video": f"https://video.example.org/{ident}"}
            ids.add(ident)
            words = int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(math.log(MEDIAN_WORDS), 0.75))))
            planned.append(
                _Planned(ident, front["date"].year, front, [s.id for s in speakers], words, language, speech_topics)
            )
        return planned

    def _speech_title(self, kind: str, speaker: _Speaker, edition: _Edition | None, session, topics) -> str:
        label = _TOPIC_LABELS.get(topics[0], topics[0]).lower()
        if edition:
            where = f"the {session['name'].lower()} of the {edition.name}"
            return {
                "panel": f"Panel discussion at {where}",
                "debate": f"Debate at {where}",
                "interview": f"Interview at the {edition.name}",
                "press conference": f"Press conference at the {edition.name}",
            }.get(kind, f"{_title(kind)} at {where}")
        return {
            "address": f"Address to the nation on {label}",
            "lecture": f"Lecture on {label}",
        }.get(kind, f"{_title(kind)} on {label}")

    # -- text -----------------------------------------------------------------------------------------

    def _words_for(self, language: str) -> Words:
        return self.cyrillic if language in ("kk", "ru") else self.latin

    def _sentence(self, words: Words, length: int) -> str:
        rng = self.rng
        drawn = words.draw(rng, length)
        self.summary.vocabulary.update(drawn)
        drawn[0] = _title(drawn[0])
        for position in range(2, length - 1):
            roll = rng.random()
            if roll < 0.07:
                drawn[position] += ","
            elif roll < 0.085:
                drawn[position] = _title(drawn[position])  # a name
            elif roll < 0.088:
                drawn[position] = rng.choice(
                    (
                        f"{rng.randint(2, 99)}",
                        f"{rng.randint(1, 99)}.{rng.randint(1, 9)}%",
                        f"${rng.randint(2, 900)} billion",
                        f"{rng.randint(1950, 2025)}",
                    )
                )
            elif roll < 0.0895:
                drawn[position] = f"*{drawn[position]}*"
        return " ".join(drawn) + rng.choice(".......?!")

    def _paragraph(self, words: Words, budget: int) -> tuple[str, int]:
        rng = self.rng
        sentences, used = [], 0
        for _ in range(rng.randint(1, 6)):
            length = rng.randint(6, 30)
            sentences.append(self._sentence(words, length))
            used += length
            if used >= budget:
                break
        return " ".join(sentences), used

    def body(self, speech: _Planned, topics: list[str], earlier: _Earlier = ()) -> str:
        """Paragraphs until the word budget is spent: turns, stage directions, sections, statement topics."""
        rng = self.rng
        words = self._words_for(speech.language)
        directions = _CYR_STAGE_DIRECTIONS if speech.language != "en" else _STAGE_DIRECTIONS
        multi = len(speech.speakers) > 1
        blocks: list[str] = []
        left = speech.words
        turn_left = 0
        current = None
        explicit = 0
        paragraphs = 0
        if multi:
            blocks.append(rng.choice(("[The session opens]", "[Recording starts]", "[Applause]")))
        while left > 0:
            if speech.words > 3_000 and paragraphs and paragraphs % rng.randint(8, 14) == 0:
                blocks.append("## " + _title(" ".join(words.draw(rng, rng.randint(2, 5)))))
            paragraph, used = self._paragraph(words, min(left, rng.randint(40, 160)))
            left -= used
            paragraphs += 1
            if multi and turn_left <= 0:
                # The moderator (first speaker) speaks every other turn.
                nxt = speech.speakers[0] if current != speech.speakers[0] else rng.choice(speech.speakers[1:])
                current, turn_left = nxt, rng.randint(1, 4)
                paragraph = f"@{current}: {paragraph}"
            turn_left -= 1
            attributes = []
            if earlier and rng.random() < 0.01:
                target = self.cross_reference(speech, earlier)
                if target and not paragraph.startswith("@"):
                    said = f"{rng.choice(_AS_SAID)} [[{target}|{rng.choice(_WHEN)}]], "
                    paragraph = said + paragraph[0].lower() + paragraph[1:]
                    self.summary.references += 1
            # A translation gets no explicit ids of its own: one the original happened to share (`point-2`) would
            # align the two, and every other statement would be reported as without a counterpart.
            if rng.random() < 0.03 and "translation_of" not in speech.front:
                explicit += 1
                attributes.append(f"#point-{explicit}")
                speech.explicit_ids.append(f"point-{explicit}")
            if rng.random() < 0.08:
                # Mostly the speech's own topics, sometimes one it is not tagged with.
                names = list(
                    dict.fromkeys(
                        rng.choice(rng.choice((speech.topics, speech.topics, topics))) for _ in range(rng.randint(1, 2))
                    )
                )
                attributes.append("topics=" + ",".join(names))
            if earlier and rng.random() < 0.03:
                targets = list(
                    dict.fromkeys(
                        filter(None, (self.cross_reference(speech, earlier) for _ in range(rng.randint(1, 2))))
                    )
                )
                if targets:
                    attributes.append("see=" + ",".join(targets))
                    self.summary.references += len(targets)
            if attributes:
                paragraph += " {" + " ".join(attributes) + "}"
            blocks.append(paragraph)
            self.summary.statements += 1
            if rng.random() < 0.04:
                blocks.append(rng.choice(directions))
        if rng.random() < 0.5:
            blocks.append(directions[0])
        self.summary.words += speech.words - max(left, 0)
        self.summary.lengths.append(speech.words - max(left, 0))
        return "\n\n".join(blocks) + "\n"

    def cross_reference(self, speech: _Planned, earlier: _Earlier) -> str | None:
        """A target in the syntax of `podium.xref.references`: `speech#statement`, `speech` or `@speaker`.

        Mostly the same speaker's earlier words ("as I said last year"), else any earlier speech; a
        statement if the earlier speech has explicit ids, else the whole speech; sometimes a speaker.
        """
        rng = self.rng
        if rng.random() < 0.1:
            return "@" + rng.choice(earlier).speakers[0]
        own = self.by_speaker.get(speech.speakers[0], [])
        if own and rng.random() < 0.6:
            cited = earlier[rng.choice(own)]
        else:
            cited = rng.choice(earlier)
        if cited.id == speech.id:
            return None
        if cited.explicit_ids and rng.random() < 0.7:
            return f"{cited.id}#{rng.choice(cited.explicit_ids)}"
        return cited.id


_AS_SAID = ("As I said", "As was said", "As we agreed", "As I noted", "As our colleagues said")
_WHEN = ("last year", "before", "at the last meeting", "then", "in this hall")


class _Earlier(Protocol):
    """The speeches planned before this one: a list or tuple, or a `_Prefix` of one."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> _Planned: ...


class _Prefix:
    """The first `length` items of a list, without copying it."""

    def __init__(self, items: list[_Planned], length: int):
        self.items, self.length = items, length

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0

    def __getitem__(self, index: int) -> _Planned:
        if not -self.length <= index < self.length:
            raise IndexError(index)
        return self.items[index % self.length]


_TOPIC_LABELS = {slug(label): label for root, children in _TOPICS.items() for label in (root, *children)}


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class _Dumper(yaml.SafeDumper):
    """Block style, dates as plain YYYY-MM-DD, no aliases, keys in the order written."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


HOME = """\
---
title: Home
---

# {site_name}

A generated archive of {count} speeches (seed {seed}) for scale tests and benchmarks. The words are
made up; the shape is real.

<!-- podium:home -->
"""


def mkdocs_config(site_name: str, plugins: list[Any]) -> dict[str, Any]:
    """The shape of the repository's mkdocs.yml: Material, hubs-only navigation, the given plugins."""
    return {
        "site_name": site_name,
        "theme": {"name": "material", "features": ["navigation.tabs", "navigation.top"]},
        "nav": [{"Home": "index.md"}, {"Speeches": "speeches/index.md"}],
        "plugins": plugins,
        "markdown_extensions": ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}],
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"}},
    }


def plugins_of(config_file: Path) -> list[Any] | None:
    """The `plugins` list of an existing mkdocs.yml (e.g. the repository's), or None if it has none.

    Read as MkDocs reads it (core.settings): tags such as `!!python/name:` are read as nothing, never run.
    """
    data = read_config(config_file, Problems())
    plugins = data.get("plugins") if isinstance(data, dict) else None
    return list(plugins) if isinstance(plugins, (list, dict)) else None


def generate(
    root: Path, speeches: int, seed: int = 1, plugins: list[Any] | None = None, speakers: int | None = None
) -> Summary:
    """Write mkdocs.yml, docs/index.md, speeches/{speakers,events,topics}.yml and speeches/<year>/<id>.md."""
    root = Path(root)
    generator = Generator(root, speeches, seed, speakers)
    summary = generator.summary
    topics = generator.topics()
    countries = generator.countries()
    people = generator.speakers(countries)
    event_table, editions = generator.events(countries)
    planned = generator.plan(people, editions, [t for t in topics if "parent" in topics[t]])

    directory = root / "speeches"
    directory.mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    site_name = f"Generated archive: {speeches} speeches"
    config = mkdocs_config(site_name, plugins if plugins is not None else ["podium"])
    (root / "mkdocs.yml").write_text(_yaml(config), encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        HOME.format(site_name=site_name, count=speeches, seed=seed), encoding="utf-8"
    )
    speaker_table = {}
    for person in people:
        speaker_table[person.id] = {
            "name": person.name,
            "sort_name": ", ".join(person.name.split(" ", 1)[::-1]),
            "country": person.country,
            "bio": f"{person.name} is a public figure from {person.country}.",
            "roles": person.roles,
        }
    header = f"# Generated by `podium generate --speeches {speeches} --seed {seed}`.\n"
    (directory / "speakers.yml").write_text(header + _yaml(speaker_table), encoding="utf-8")
    (directory / "events.yml").write_text(header + _yaml(event_table), encoding="utf-8")
    (directory / "topics.yml").write_text(header + _yaml(topics), encoding="utf-8")

    all_topics = [t for t in topics if "parent" in topics[t]]
    planned.sort(key=lambda speech: speech.front["date"])  # stable: references point back in time
    for index, speech in enumerate(planned):
        # `planned` is a list and `earlier` a view of its first `index` items, not a copy (O(N) per speech).
        body = generator.body(speech, all_topics, _Prefix(planned, index))
        generator.by_speaker.setdefault(speech.speakers[0], []).append(index)
        folder = directory / str(speech.year)
        folder.mkdir(exist_ok=True)
        text = "---\n" + _yaml(speech.front) + "---\n\n" + body
        (folder / f"{speech.id}.md").write_text(text, encoding="utf-8")
        summary.speeches += 1
        summary.non_latin += speech.language != "en"
        summary.multi_speaker += len(speech.speakers) > 1
    summary.speakers, summary.events, summary.topics = len(people), len(event_table), len(topics)
    return summary
