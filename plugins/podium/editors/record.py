"""A parliament's record as a draft transcript: `podium import record FILE`.

Three formats hold most of the open parliamentary record, each saying the same things with its own elements
(Akoma Ntoso's `<debate>`; TEI, as ParlaMint writes it; TheyWorkForYou's `<publicwhip>`):

- a speaker's turn: Akoma Ntoso's `<speech by="#id">` (`<question>`, `<answer>`); TEI's `<u who="#id">` (or
  `<sp who="#id">` with its `<speaker>` label, as plays and older records' transcriptions write it);
  TheyWorkForYou's `<speech person_id=... speakername=...>`;
- its paragraphs: `<p>`; `<seg>` (an `<sp>`'s `<p>` or verse `<l>`); `<p>`;
- a section: `<heading>`; `<head>`; `<major-heading>`, `<minor-heading>`;
- the room: `<narrative>`, `<scene>`, `<summary>`; `<note>`, `<stage>`, `<incident>`, `<kinesic>`, `<vocal>`; a speech
  without a speaker, a `<division>`;
- people: `<TLCPerson eId showAs>`; `<person xml:id>` with its `<persName>`; `speakername`.

The reader walks the body in document order with one `Dialect` per format: each paragraph of a turn becomes a
statement under its speaker's turn mark, each section heading a `## ...` line, what happened in the room a
narrative paragraph in square brackets. A speaker the registry knows by id or by name keeps its id; another is
added to speakers.yml. Nothing is dropped: the text of an element the reader does not know becomes a narrative
paragraph, and a note names the element. Text is taken as the record holds it, its layout white space folded;
Markdown's characters are escaped, so the page shows it as written. The standard library's XML parser reads the
file (expat refuses entity bombs and reads no external entity).

A speech's `akn.xml.gz` from a Podium site reads back as its transcript (the ids its editors gave included).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from podium.cite.akomantoso import ISO639_2
from podium.core.dates import PartialDate
from podium.core.model import Kind
from podium.core.problems import Problems
from podium.core.registry import Registry
from podium.core.text import long_date, new_id, one_line
from podium.editors.draft import Draft, escape, escape_inline, narrative

_LANGUAGES = {three: two for two, three in ISO639_2.items()}
_BRACKETED = re.compile(r"\[(.*)\]", re.S)
_AUTOMATIC = re.compile(r"s-[0-9a-f]{6}(?:-\d+)?")  # the id Podium makes from a statement's first words
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MADE = "\x00"  # marks a name made from a speaker's id (the record lists no name): said in a note, then removed
_LABEL = "\x01"  # marks a name taken from a turn's label (`Mr. SMITH (Bristol)`): said in a note, then removed


@dataclass
class Debate:
    """What the record gives: the draft's front matter and paragraphs, the speakers to add, and notes."""

    meta: dict = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    new_speakers: dict[str, str] = field(default_factory=dict)  # id -> name, for speakers.yml
    notes: list[str] = field(default_factory=list)

    def draft(self) -> Draft:
        return Draft(self.meta, self.paragraphs)


@dataclass(frozen=True)
class Dialect:
    """How one format writes a debate (see the module's table)."""

    name: str
    turns: frozenset[str]
    speaker: Callable[[ET.Element], str]  # a turn's reference to its speaker ("" for none)
    shown: Callable[[ET.Element], str]  # the speaker as the turn shows them
    paragraphs: frozenset[str]
    headings: frozenset[str]
    narrative: frozenset[str]
    containers: frozenset[str]
    skipped: frozenset[str] = frozenset()


def _name(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _find(element: ET.Element | None, name: str) -> ET.Element | None:
    return None if element is None else next((e for e in element.iter() if _name(e) == name), None)


def _text(element: ET.Element) -> str:
    """The element's words, its layout white space folded (a no-break space kept)."""
    return one_line("".join(element.itertext())).strip()


AKN = Dialect(
    name="Akoma Ntoso",
    turns=frozenset({"speech", "question", "answer"}),
    speaker=lambda turn: turn.get("by", "").removeprefix("#"),
    shown=lambda turn: _text(found) if (found := _find(turn, "from")) is not None else "",
    paragraphs=frozenset({"p"}),
    headings=frozenset({"heading"}),
    narrative=frozenset({"narrative", "scene", "summary", "other", "remark"}),
    containers=frozenset(
        {
            "debateBody",
            "debateSection",
            "address",
            "adjournment",
            "administrationOfOath",
            "communication",
            "declarationOfVote",
            "ministerialStatements",
            "nationalInterest",
            "noticesOfMotion",
            "oralStatements",
            "papers",
            "personalStatements",
            "petitions",
            "pointOfOrder",
            "prayers",
            "proceduralMotions",
            "questions",
            "resolutions",
            "rollCall",
            "writtenStatements",
            "div",
            "container",
            "blockContainer",
            "hcontainer",
        }
    ),
    skipped=frozenset({"num", "subheading", "from"}),
)


def _who(turn: ET.Element) -> str:
    """The person a TEI turn names first (`who="#a #b"`: a turn of several is headed by its first)."""
    return next(iter(turn.get("who", "").split()), "").removeprefix("#")


def _speaker_label(turn: ET.Element) -> str:
    """What a TEI `<sp>` shows as its speaker (`<speaker>Mr SMITH (Bristol):</speaker>`), without the colon."""
    label = next((child for child in turn if _name(child) == "speaker"), None)
    return _text(label).rstrip(" :.—–-") if label is not None else ""


TEI = Dialect(
    name="TEI",
    # ParlaMint's utterances (`<u who>` of `<seg>`s), and TEI's speeches of a play or an older record's
    # transcription (`<sp who>` with its `<speaker>` label, `<p>`s or verse `<l>`s, `<stage>` directions).
    turns=frozenset({"u", "sp"}),
    speaker=_who,
    shown=_speaker_label,
    paragraphs=frozenset({"seg", "p", "l", "ab"}),
    headings=frozenset({"head"}),
    narrative=frozenset({"note", "incident", "kinesic", "vocal", "gap", "stage", "desc"}),
    containers=frozenset({"text", "body", "div", "front", "back"}),
    skipped=frozenset({"speaker", "fw", "pb", "lb", "milestone", "timeline", "linkGrp"}),
)
TWFY = Dialect(
    name="TheyWorkForYou",
    turns=frozenset({"speech", "ques", "reply"}),  # a day's debates; its written questions and answers
    speaker=lambda turn: turn.get("person_id", ""),  # a speakername alone ("Hon. Members") is a voice
    shown=lambda turn: turn.get("speakername", ""),
    paragraphs=frozenset({"p"}),
    headings=frozenset({"major-heading", "minor-heading", "oral-heading"}),
    narrative=frozenset({"division"}),
    containers=frozenset({"publicwhip"}),
)


def _parsed(data: bytes, path: str, problems: Problems) -> ET.Element | None:
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        said = re.sub(r": line \d+, column \d+$", "", str(exc))
        problems.add(path, line, column + 1, f"this is not well-formed XML: {said}", "is the file whole?")
        return None


def people(data: bytes, path: str, problems: Problems) -> dict[str, str]:
    """The names a list of people gives (ParlaMint's `ParlaMint-XX-listPerson.xml`: each `<person xml:id>` and its
    `<persName>`), for the records that name their speakers by id only."""
    root = _parsed(data, path, problems)
    if root is None:
        return {}
    found = {key: name for key, name in _tei_people(root).items() if not name.startswith((_MADE, _LABEL))}
    if not found:
        hint = "give the corpus's list of people, e.g. ParlaMint-GB-listPerson.xml"
        problems.add(path, 1, 1, "this file lists no <person> with an xml:id and a <persName>", hint)
    return found


def read(
    data: bytes, path: str, registry: Registry, problems: Problems, named: dict[str, str] | None = None
) -> Debate | None:
    """The debate in `data` (Akoma Ntoso, TEI or TheyWorkForYou XML), or None with the reason in `problems`.
    `named`: the speakers' names by the record's ids, from a list of people (`people`)."""
    root = _parsed(data, path, problems)
    if root is None:
        return None
    found = _body(root)
    if found is None:
        names = "an Akoma Ntoso <debate>, a TEI document with a <body> (ParlaMint), or TheyWorkForYou's <publicwhip>"
        inner = next((_name(child) for child in root if _name(child) != "meta"), "nothing")
        what = (
            f"this Akoma Ntoso document is an <{inner}>, not a <debate> with a <debateBody>"
            if _name(root) == "akomaNtoso"
            else f"this is not a parliament's record: its root is <{_name(root)}>"
        )
        hint = f"podium import record reads {names}"
        if _name(root) == "teiCorpus":
            what = "this is a corpus's root file, which includes its sittings rather than holding them"
            hint = "import the sittings' files (e.g. ParlaMint-GB/*/*.xml), with --people for its list of people"
        problems.add(path, 1, 1, what, hint)
        return None
    dialect, document, body = found
    result = Debate()
    people_named = _PEOPLE[dialect.name](document)
    people_named.update((key, name) for key, name in (named or {}).items() if key in people_named)
    _FRONT[dialect.name](document, result, registry)
    if dialect is TWFY and "date" in result.meta:
        result.meta["title"] = f"Debates of {long_date(result.meta['date'])}"
        result.notes.append("a TheyWorkForYou file names no debate: its title is the day's, change it as you like")
    if "title" not in result.meta:
        result.meta["title"] = "Debate"
        result.notes.append("the record gives no title: `title: Debate` is a placeholder")
    speakers = _Speakers(registry, people_named, result)
    own = any(_name(e) == "TLCOrganization" and e.get("eId") == "podium" for e in document.iter())
    reader = _Body(dialect, result, speakers, bool(result.meta.get("event")), own)
    reader.walk(body)
    if not result.paragraphs:
        problems.add(path, 1, 1, "the record has no text", f"its body holds no {', '.join(sorted(dialect.turns))}")
        return None
    # In the order the document lists its people (Podium writes the transcript's `speakers` so), then as they speak.
    listed = [speakers.chosen[key] for key in people_named if key in speakers.chosen]
    ids = list(dict.fromkeys([*(i for i in listed if i in speakers.used), *speakers.used]))
    if len(ids) == 1 and not reader.voices:
        result.meta["speaker"] = ids[0]
        result.paragraphs = [re.sub(rf"^@{re.escape(ids[0])}: ", "", p) for p in result.paragraphs]
    elif ids:
        result.meta["speakers"] = ids
    if reader.unknown:
        names = ", ".join(f"<{name}>" for name in dict.fromkeys(reader.unknown))
        result.notes.append(f"kept as narrative the text of elements this reader does not know: {names}")
    return result


def _body(root: ET.Element) -> tuple[Dialect, ET.Element, ET.Element] | None:
    """The record's format, the document and its body."""
    debate = root if _name(root) in ("debate", "debateReport") else _find(root, "debate")
    debate = debate if debate is not None else _find(root, "debateReport")
    # A debate's body, or a debate report's (a report of proceedings holds them in a `mainBody`).
    body = next((b for b in (_find(debate, "debateBody"), _find(debate, "mainBody")) if b is not None), None)
    if debate is not None and body is not None:
        return AKN, debate, body
    if _name(root) in ("TEI", "teiCorpus") and (body := _find(root, "body")) is not None:
        return TEI, root, body
    if _name(root) == "publicwhip":
        return TWFY, root, root
    return None


# ---- people: the key a turn names its speaker by -> the speaker's name -------------------------------------


def _akn_people(debate: ET.Element) -> dict[str, str]:
    return {e.get("eId", ""): e.get("showAs", "") for e in debate.iter() if _name(e) == "TLCPerson"}


def _tei_people(document: ET.Element) -> dict[str, str]:
    """The record's own list of people, else each speaker's id made a name (`JanšaJanez` -> `Janša Janez`)."""
    people = {}
    for person in document.iter():
        if _name(person) == "person" and person.get(_XML_ID):
            name = _find(person, "persName")
            if name is not None:
                # Forenames, then surnames, whatever their order in the file ("Rishi Sunak", not "Sunak Rishi").
                parts = [_text(part) for kind in ("forename", "surname") for part in name if _name(part) == kind]
                people[person.get(_XML_ID, "")] = " ".join(p for p in parts if p) or _text(name)
    for turn in document.iter():
        if _name(turn) in ("u", "sp") and (key := _who(turn)) and key not in people:
            # The name its turn shows (an `<sp>`'s `<speaker>`), else one made from the id.
            shown = _speaker_label(turn) if _name(turn) == "sp" else ""
            people[key] = (
                _LABEL + shown
                if shown
                else _MADE + re.sub(r"(?<=[^\W\d_])(?=[A-ZÀ-ÞА-ЯЁ])", " ", key.split(".")[0]).strip()
            )
    return people


def _twfy_people(document: ET.Element) -> dict[str, str]:
    people: dict[str, str] = {}
    for turn in document.iter():
        if _name(turn) in TWFY.turns and turn.get("person_id") and turn.get("speakername"):
            people.setdefault(TWFY.speaker(turn), turn.get("speakername", ""))
    return people


def _division(element: ET.Element) -> str:
    """TheyWorkForYou's division, its counts and names (attributes and lists) as one line of text."""
    count = _find(element, "divisioncount")
    parts = [f"Division {element.get('divnumber', '')}".strip()]
    if count is not None:
        parts.append(", ".join(f"{key.replace('-', ' ')}: {value}" for key, value in count.attrib.items()))
    for names in (e for e in element.iter() if _name(e) == "mplist"):
        listed = [_text(name) for name in names if _text(name)]
        parts.append(f"{names.get('vote', 'vote')}: {', '.join(listed)}" if listed else "")
    rest = " ".join(e.tail.strip() for e in element.iter() if e.tail and e.tail.strip())
    return ". ".join(part for part in [*parts, element.text.strip() if element.text else "", rest] if part)


_PEOPLE: dict[str, Callable[[ET.Element], dict[str, str]]] = {
    AKN.name: _akn_people,
    TEI.name: _tei_people,
    TWFY.name: _twfy_people,
}


# ---- front matter ----------------------------------------------------------------------------------------


def _day(*candidates: str | None) -> dt.date | None:
    for candidate in candidates:
        if candidate and (found := _DAY.search(candidate)):
            try:
                return dt.date.fromisoformat(found.group(1))
            except ValueError:
                continue
    return None


def _akn_front(debate: ET.Element, result: Debate, registry: Registry) -> None:
    meta = result.meta
    title, work = _find(debate, "docTitle"), _find(debate, "FRBRWork")
    named = _find(work, "FRBRname")
    if text := (_text(title) if title is not None else "") or (named.get("value", "") if named is not None else ""):
        meta["title"] = text
    dates = [_find(debate, "docDate"), _find(work, "FRBRdate")]
    if day := _day(*(found.get("date") for found in dates if found is not None)):
        meta["date"] = day
        # Podium writes a date known only to its year or month as its first day, named so (cite.akomantoso).
        stamp = _find(work, "FRBRdate")
        name = stamp.get("name", "") if stamp is not None else ""
        if name.endswith(", year only"):
            meta["date"] = PartialDate(day.year)
        elif name.endswith(", month only"):
            meta["date"] = PartialDate(day.year, day.month)
    language = _find(debate, "FRBRlanguage")
    code = language.get("language", "") if language is not None else ""
    meta["language"] = _LANGUAGES.get(code, code) or "en"
    kind = debate.get("name", "").replace("-", " ")
    meta["kind"] = kind if kind in {k.value for k in Kind} else "debate"
    if (event := _find(debate, "TLCEvent")) is not None:
        ident = event.get("eId", "").removeprefix("event-")
        if ident in registry.events.entries:
            meta["event"] = ident
        else:
            shown = event.get("showAs", ident)
            result.notes.append(f"the event `{shown}` is not in events.yml: add it and set `event:` (podium new)")
    location = _find(debate, "location")
    if location is not None and _text(location):
        meta["location"] = _text(location)


def _tei_front(document: ET.Element, result: Debate, registry: Registry) -> None:
    meta = result.meta
    header = _find(document, "teiHeader")
    titles = [e for e in (header.iter() if header is not None else ()) if _name(e) == "title" and _text(e)]
    main = [e for e in titles if e.get("type") == "main" and e.get(_XML_LANG, "en").startswith("en")]
    if main or titles:
        meta["title"] = _text((main or titles)[0])
    setting = _find(header, "setting")  # the sitting's own date first, then any date of the header
    dates = [e for e in (setting.iter() if setting is not None else ()) if _name(e) == "date"]
    dates += [e for e in (header.iter() if header is not None else ()) if _name(e) == "date"]
    if day := _day(*(e.get("when") or _text(e) for e in dates)):
        meta["date"] = day
    text = _find(document, "text")
    language = (text.get(_XML_LANG) if text is not None else None) or document.get(_XML_LANG) or "en"
    meta["language"] = language.split("-")[0] if len(language.split("-")[0]) == 2 else _LANGUAGES.get(language, "en")
    meta["kind"] = "debate"


def _twfy_front(document: ET.Element, result: Debate, registry: Registry) -> None:
    ids = (e.get("id", "") for e in document.iter() if e.get("id"))
    if day := _day(next(ids, None)):
        result.meta["date"] = day
    result.meta["language"] = "en"
    result.meta["kind"] = "debate"


_FRONT: dict[str, Callable[[ET.Element, Debate, Registry], None]] = {
    AKN.name: _akn_front,
    TEI.name: _tei_front,
    TWFY.name: _twfy_front,
}


def _pipe_table(table: ET.Element) -> str | None:
    """An XML table (Akoma Ntoso's and TEI's `<table>` of rows `<tr>`/`<row>` of cells) as a Markdown pipe table,
    its first row the header; None when it has no rows."""
    rows = [
        [escape_inline(_text(cell)).replace("|", "\\|") for cell in row if _name(cell) in ("th", "td", "cell")]
        for row in table.iter()
        if _name(row) in ("tr", "row")
    ]
    rows = [row for row in rows if row]
    if not rows:
        return None
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


# ---- the body ---------------------------------------------------------------------------------------------


class _Speakers:
    """A turn's speaker id: the registry's, found by the record's id or by name, or a new one to add."""

    def __init__(self, registry: Registry, people: dict[str, str], result: Debate) -> None:
        self.registry, self.people, self.result = registry, people, result
        self.by_name: dict[str, str] = {}
        for ident, speaker in registry.speakers.entries.items():
            for name in (speaker.name, *speaker.aliases):
                self.by_name.setdefault(name.casefold(), ident)
        self.chosen: dict[str, str] = {}
        self.used: list[str] = []

    def names_of(self, ident: str) -> set[str]:
        speaker = self.registry.speakers.entries[ident]
        return {name.casefold() for name in (speaker.name, *speaker.aliases)}

    def of(self, key: str) -> str | None:
        """The id for the speaker the record names `key`, or None when it names no person (a voice)."""
        if key not in self.people and key not in self.registry.speakers.entries:
            return None  # an organization (Podium writes a voice as `#podium`), or nobody
        if key not in self.chosen:
            self.chosen[key] = self._choose(key, self.people.get(key, ""))
        self.used.append(self.chosen[key])
        return self.chosen[key]

    def _choose(self, key: str, name: str) -> str:
        made, name = name.startswith(_MADE), name.removeprefix(_MADE)
        labelled, name = name.startswith(_LABEL), name.removeprefix(_LABEL)
        known = self.registry.speakers.entries.get(key)
        # The registry's id, unless the record names someone else by it (another record's `smith`); a turn's
        # label (`Mr. SMITH (Bristol)`) is no name to compare.
        if known is not None and (made or labelled or not name or name.casefold() in self.names_of(key)):
            return key
        if name and (found := self.by_name.get(name.casefold())):
            return found
        base = new_id(name or key, 60) or "speaker"
        ident, number = base, 2
        while ident in self.registry.speakers.entries or ident in self.result.new_speakers:
            ident, number = f"{base}-{number}", number + 1
        if made:
            self.result.notes.append(
                f"`{ident}` is named `{name}` after its id `{key}`: check the name in speakers.yml"
            )
        elif labelled:
            self.result.notes.append(
                f"`{ident}` is named `{name}` as the record labels its turns: check the name in speakers.yml"
            )
        self.result.new_speakers[ident] = name or key
        return ident


class _Body:
    """The record's body in document order, as paragraphs."""

    def __init__(self, dialect: Dialect, result: Debate, speakers: _Speakers, has_event: bool, own: bool) -> None:
        self.dialect, self.result, self.speakers, self.has_event = dialect, result, speakers, has_event
        self.own = own  # written by Podium (`akn.xml.gz`): its statements' ids are the transcript's
        self.turn: str | None = None  # the turn mark the next statement needs, once
        self.current: str | None = None
        self.voices = False
        self.unknown: list[str] = []
        self.headings = 0

    def walk(self, element: ET.Element) -> None:
        dialect = self.dialect
        for child in element:
            name = _name(child)
            if name in dialect.headings:
                self._heading(_text(child))
            elif name in dialect.skipped:
                continue
            elif name in dialect.turns:
                self._turn(child)
            elif name == "division" and dialect is TWFY:
                self._narrative(_division(child))
            elif name in dialect.narrative:
                self._narrative(_text(child))
            elif name in dialect.containers:
                self.walk(child)
            elif name in dialect.paragraphs:
                self._narrative(_text(child))  # text outside any turn: the room's
            else:
                self.unknown.append(name)
                self._narrative(_text(child))

    def _heading(self, text: str) -> None:
        self.headings += 1
        if not text:
            return
        if self.headings == 1 and not self.result.paragraphs:
            if text == self.result.meta.get("title"):
                return  # the record's first section is named after the debate itself
            if self.has_event:
                self.result.meta["session"] = text
                return
        self.result.paragraphs.append("## " + escape(text).removeprefix("\\"))
        self.current = None  # a new section: the next statement names its speaker again

    def _narrative(self, text: str) -> None:
        if not text:
            return
        inner = bracketed.group(1) if (bracketed := _BRACKETED.fullmatch(text)) else text
        self.result.paragraphs.append(narrative(inner))

    def _turn(self, element: ET.Element) -> None:
        dialect = self.dialect
        key, shown = dialect.speaker(element), dialect.shown(element)
        ident = self.speakers.of(key) if key else None
        if ident is None and not shown and dialect is TWFY:  # no speaker: a procedural line, the room's
            for child in element:
                self._narrative(_text(child))
            return
        mark = f"@{ident}: " if ident else f"@[{escape(shown) if shown else 'Unknown speaker'}]: "
        self.voices = self.voices or ident is None
        if mark != self.current:
            self.turn, self.current = mark, mark
        for child in element:
            name = _name(child)
            text = _text(child)
            if name in dialect.skipped or not text:
                continue
            if name in dialect.narrative:
                self._narrative(text)
                continue
            if name == "table" and (table := _pipe_table(child)):
                paragraph = table
            else:
                if name not in dialect.paragraphs:
                    self.unknown.append(name)
                paragraph = escape(text)
            explicit = element.get("eId", "") if self.own and len(element) <= 2 else ""
            if explicit and not _AUTOMATIC.fullmatch(explicit):
                paragraph += f" {{#{explicit}}}"  # an id an editor gave, in a record Podium wrote
            if self.turn:
                paragraph, self.turn = self.turn + paragraph, None
            self.result.paragraphs.append(paragraph)
