"""Citations of one statement: Chicago, APA and MLA strings, and a BibTeX entry.

A `Reference` gathers what every style needs: the statement's speaker, the speech's title, the event,
the place and the date, the archive's name (the site's `site_name`) and the statement's permalink:

    ref = reference(speech, speech.statement("multilateralism-is-faltering"), registry,
                    archive="Podium Speech Archive", base_url="https://podium.example.org/")
    chicago(ref, accessed=dt.date(2025, 6, 1))
    -> 'Tokayev, Kassym-Jomart. “Statement at the plenary session of the Astana International Forum.”
        Statement, Astana International Forum 2025, Plenary session, Astana, Kazakhstan, May 29, 2025.
        Podium Speech Archive. Accessed June 1, 2025.
        https://podium.example.org/speeches/aif-2025-tokayev-plenary/#multilateralism-is-faltering.'

The speech page copies citations in the reader's browser, on the day they copy it and at the address they
read it at. So that the browser does not format citations a second time (and differently), `templates()`
gives each style once per speaker of the speech with three slots, filled in by the page's script:
the permalink, the statement's id and the accessed date (see `SLOTS`).

Titles are printed as published: turning them into title case or sentence case by rule breaks names.
A speaker's name is cited from `name` in speakers.yml, as written; `sort_name` only says which of its words are
the family name (and sorts the A–Z list). A suffix stays a suffix: "Martin Luther King Jr." is cited as
`King, Martin Luther, Jr.` (APA `King, M. L., Jr.`, BibTeX `King, Jr., Martin Luther`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from podium.core.dates import precision
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Statement
from podium.core.text import MONTHS
from podium.core.urls import DIRECTORY_URLS, Urls

# MLA abbreviates months longer than four letters.
_MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

# Slots that the page's script fills in, as `\ue000name\ue001` (private-use characters never typed by hand).
SLOT_OPEN, SLOT_CLOSE = "\ue000", "\ue001"
SLOTS = ("url", "statement", "accessed-mdy", "accessed-dmy-mla", "accessed-iso")


class _Later:
    """The accessed date of a template: not known at build time, so each format prints its slot."""


LATER = _Later()


def slot(name: str) -> str:
    return f"{SLOT_OPEN}{name}{SLOT_CLOSE}"


@dataclass(frozen=True)
class Reference:
    """What a citation says about one statement (or a whole speech, with `statement` None)."""

    family: str  # Tokayev
    given: str  # Kassym-Jomart ("" for a one-word name)
    title: str
    kind: str  # Statement, Speech, Panel...
    date: dt.date
    archive: str  # the site's name
    url: str  # the permalink, with the statement's #fragment
    speech: str  # the speech's id
    statement: str | None = None
    event: str | None = None
    session: str | None = None
    place: str | None = None
    suffix: str = ""  # Jr., III
    name: str = ""  # the speaker's name as written in speakers.yml, for display: `Martin Luther King Jr.`

    @property
    def author(self) -> str:
        """Family name first, as every style's reference list sorts: `Tokayev, Kassym-Jomart`."""
        return _inverted(self.family, self.given, self.suffix)


# A generational suffix at the end of a name: "Jr.", "Sr.", "III" (not a family name, not a given name).
_SUFFIX = re.compile(r"^(?P<rest>.*?\S)(?:,\s*|\s+)(?P<suffix>(?i:jr|sr|jnr|snr)\.?|II|III|IV)$")


def name_suffix(name: str) -> tuple[str, str]:
    """(the name without its suffix, the suffix): `("Martin Luther King", "Jr.")`.

    >>> name_suffix("Martin Luther King, Jr."), name_suffix("Paul Kagame")
    (('Martin Luther King', 'Jr.'), ('Paul Kagame', ''))
    """
    match = _SUFFIX.match(name.strip())
    return (match["rest"], match["suffix"]) if match else (name.strip(), "")


def split_name(name: str, sort_name: str | None = None) -> tuple[str, str]:
    """(family, given) from the name as written, its suffix left out (see `name_suffix`). `sort_name`
    ("Tokayev, Kassym-Jomart") only says which of the name's words are the family name; without it (or when
    the name does not hold them) the last word is.

    >>> split_name("Kassym-Jomart Tokayev", "Tokayev, Kassym-Jomart")
    ('Tokayev', 'Kassym-Jomart')
    >>> split_name("Martin Luther King Jr.", "King, Martin Luther, Jr."), split_name("Paul Kagame")
    (('King', 'Martin Luther'), ('Kagame', 'Paul'))
    >>> split_name("Ursula von der Leyen", "von der Leyen, Ursula")
    ('von der Leyen', 'Ursula')
    """
    rest = name_suffix(name)[0]
    if sort_name and "," in sort_name:
        family = name_suffix(sort_name.split(",", 1)[0])[0]
        found = re.search(r"(?<!\S)" + re.escape(family) + r"(?!\S)", rest) if family else None
        if found:
            return family, " ".join((rest[: found.start()] + " " + rest[found.end() :]).split())
    parts = rest.split()
    if len(parts) < 2:
        return rest, ""
    return parts[-1], " ".join(parts[:-1])


def inverted(name: str, sort_name: str | None = None) -> str:
    """The name as a reference list prints it: `inverted("Martin Luther King Jr.") == "King, Martin Luther, Jr."`."""
    family, given = split_name(name, sort_name)
    return _inverted(family, given, name_suffix(name)[1])


def _inverted(family: str, given: str, suffix: str) -> str:
    return ", ".join(part for part in (family, given, suffix) if part)


def reference(
    speech: Speech,
    statement: Statement | None,
    registry: Registry,
    archive: str,
    base_url: str,
    urls: Urls = DIRECTORY_URLS,
) -> Reference:
    """The reference for `statement` of `speech` (its own speaker in a panel), at `base_url` (ends with /)."""
    meta = speech.meta
    ident = (statement.speaker if statement is not None and statement.speaker else None) or (
        meta.speaker_ids[0] if meta.speaker_ids else ""
    )
    speaker = registry.speakers.get(ident)
    family, given = split_name(speaker.name, speaker.sort_name) if speaker else (ident, "")
    suffix = name_suffix(speaker.name)[1] if speaker else ""
    event = registry.events.get(meta.event)
    url = base_url + urls.speech(speech.id) + (f"#{statement.id}" if statement is not None else "")
    return Reference(
        family=family,
        given=given,
        title=meta.title.strip(),
        kind=meta.kind.value.capitalize(),
        date=meta.date,
        archive=archive,
        url=url,
        speech=speech.id,
        statement=statement.id if statement is not None else None,
        event=event.name if event else meta.event,
        session=meta.session,
        place=meta.location or (event.location if event else None),
        suffix=suffix,
        name=speaker.name if speaker else ident,
    )


def _mdy(day: dt.date | _Later) -> str:
    if isinstance(day, _Later):
        return slot("accessed-mdy")
    known = precision(day)  # a speech the record dates only by month or year: no day is made up
    if known != "day":
        return str(day.year) if known == "year" else f"{MONTHS[day.month - 1]} {day.year}"
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _dmy_mla(day: dt.date | _Later) -> str:
    if isinstance(day, _Later):
        return slot("accessed-dmy-mla")
    known = precision(day)
    if known != "day":
        return str(day.year) if known == "year" else f"{_MLA_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {_MLA_MONTHS[day.month - 1]} {day.year}"


def _iso(day: dt.date | _Later) -> str:
    return slot("accessed-iso") if isinstance(day, _Later) else day.isoformat()


def _quoted(title: str) -> str:
    """“Title.” — the period goes inside the quotation marks, unless the title ends in ? or !."""
    return f"“{title}”" if title.endswith(("?", "!", ".")) else f"“{title}.”"


def _ended(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _initials(given: str) -> str:
    """APA's initials: `Kassym-Jomart` -> `K.-J.`, `Paul Ivan` -> `P. I.`"""
    words = []
    for word in given.split():
        words.append("-".join(part[0] + "." for part in word.split("-") if part))
    return " ".join(words)


def chicago(ref: Reference, accessed: dt.date | _Later) -> str:
    """Chicago Manual of Style (17th ed.), bibliography entry for a speech read online."""
    occasion = ", ".join(part for part in (ref.kind, ref.event, ref.session, ref.place, _mdy(ref.date)) if part)
    return (
        f"{_ended(ref.author)} {_quoted(ref.title)} {occasion}. {_ended(ref.archive)} "
        f"Accessed {_mdy(accessed)}. {ref.url}."
    )


def apa(ref: Reference, accessed: dt.date | _Later) -> str:
    """APA (7th ed.): a speech transcript, with a retrieval date because an archive's pages may change."""
    author = _inverted(ref.family, _initials(ref.given), ref.suffix)
    known = precision(ref.date)
    when = {
        "year": f"({ref.date.year})",
        "month": f"({ref.date.year}, {MONTHS[ref.date.month - 1]})",
        "day": f"({ref.date.year}, {MONTHS[ref.date.month - 1]} {ref.date.day})",
    }[known]
    occasion = ", ".join(part for part in (ref.event, ref.session, ref.place) if part)
    title = ref.title.rstrip(".")
    return (
        f"{_ended(author)} {when}. {title} [{ref.kind} transcript]. "
        + (f"{_ended(occasion)} " if occasion else "")
        + f"{_ended(ref.archive)} Retrieved {_mdy(accessed)}, from {ref.url}"
    )


def mla(ref: Reference, accessed: dt.date | _Later) -> str:
    """MLA Handbook (9th ed.): an address, then the archive as its container."""
    day = _dmy_mla(ref.date)
    occasion = ", ".join(part for part in (ref.event, ref.session, day, ref.place) if part)
    return (
        f"{_ended(ref.author)} {_quoted(ref.title)} {occasion}. {ref.archive}, {ref.url}. "
        f"Accessed {_dmy_mla(accessed)}."
    )


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _tex(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex_key(ref: Reference) -> str:
    """`tokayev2025-multilateralism-is-faltering`: family name, year and the statement's (or speech's) id."""
    family = "".join(char for char in ref.family.lower() if char.isalnum()) or "speech"
    return f"{family}{ref.date.year}-{ref.statement or ref.speech}"


def bibtex(ref: Reference, accessed: dt.date | _Later) -> str:
    """A biblatex/BibTeX `@misc` entry (UTF-8). `url` stays verbatim: biblatex reads it as a URL."""
    occasion = ", ".join(part for part in (ref.kind, ref.event, ref.session) if part)
    fields = [
        # BibTeX's "Last, Jr, First": a suffix goes between the family and the given names.
        ("author", "{" + _tex(_inverted(ref.family, ref.suffix, ref.given)) + "}"),
        ("title", "{" + _tex(ref.title) + "}"),
        ("howpublished", "{" + _tex(occasion) + "}"),
        ("address", "{" + _tex(ref.place) + "}" if ref.place else None),
        ("date", "{" + ref.date.isoformat() + "}"),
        ("year", "{" + str(ref.date.year) + "}"),
        ("month", MONTHS[ref.date.month - 1][:3].lower() if precision(ref.date) != "year" else None),
        ("organization", "{" + _tex(ref.archive) + "}"),
        ("url", "{" + ref.url.replace("{", "%7B").replace("}", "%7D") + "}"),
        ("urldate", "{" + _iso(accessed) + "}"),
    ]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields if value is not None)
    return f"@misc{{{bibtex_key(ref)},\n{body}\n}}"


STYLES = {"chicago": chicago, "apa": apa, "mla": mla, "bibtex": bibtex}
LABELS = {"chicago": "Chicago", "apa": "APA", "mla": "MLA", "bibtex": "BibTeX"}


def cite(ref: Reference, style: str, accessed: dt.date) -> str:
    return STYLES[style](ref, accessed)


def templates(ref: Reference) -> dict[str, str]:
    """Each style with slots for the permalink, the statement's id and the accessed date.

    `ref` is a speech-level reference (any statement of one speaker gives the same templates); the page's
    script replaces `\\ue000url\\ue001` with the statement's address, and so on (see `fill`).
    """
    slotted = replace(ref, url=slot("url"), statement=slot("statement"))
    return {style: render(slotted, LATER) for style, render in STYLES.items()}


def fill(template: str, url: str, statement: str, accessed: dt.date) -> str:
    """What the page's script does with a template; here so that tests can hold the two to one result."""
    values = {
        "url": url,
        "statement": statement,
        "accessed-mdy": _mdy(accessed),
        "accessed-dmy-mla": _dmy_mla(accessed),
        "accessed-iso": _iso(accessed),
    }
    for name, value in values.items():
        template = template.replace(slot(name), value)
    return template
