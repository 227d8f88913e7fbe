"""Akoma Ntoso 3.0 `debate` XML for one speech (published gzipped as speeches/<id>/akn.xml.gz).

Akoma Ntoso is the OASIS standard for parliamentary and legal documents. A transcript maps onto a debate:

    <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
      <debate name="statement">
        <meta>
          <identification source="#podium">  FRBRWork / FRBRExpression / FRBRManifestation  </identification>
          <references source="#podium">
            <TLCOrganization eId="podium" .../>
            <TLCPerson eId="tokayev" href="/ontology/person/tokayev" showAs="Kassym-Jomart Tokayev"/>
            <TLCRole eId="role-tokayev" ... showAs="President, Republic of Kazakhstan"/>
            <TLCEvent eId="event-aif-2025" ... showAs="Astana International Forum 2025"/>
          </references>
        </meta>
        <preface>  <p><docTitle>...</docTitle>, <docDate date="2025-05-29">29 May 2025</docDate></p>  </preface>
        <debateBody>
          <debateSection eId="dbsect_1" name="statement">
            <heading>Statement at the plenary session...</heading>
            <speech eId="multilateralism-is-faltering" by="#tokayev" as="#role-tokayev">
              <from>Kassym-Jomart Tokayev</from>
              <p>The post-war global order is fragmenting. ...</p>
            </speech>
            <narrative eId="n-1a2b3c">[Applause]</narrative>
          </debateSection>
        </debateBody>
      </debate>
    </akomaNtoso>

Each statement's `eId` is its stable id, the same as the page's #fragment. A heading of the transcript
opens a new `debateSection`. The output validates against the official OASIS schema (tests/test_cite_data.py
checks it with the copy of akomantoso30.xsd that the `cobalt` package ships).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from podium.core.dates import first_day, precision
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.statements import Section
from podium.core.text import long_date, plain_text, table_cells, xml_safe

FILE = "akn.xml.gz"
"""Each speech's file, beside its page: gzipped, since only programs read it and a site host counts its bytes."""

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# ISO 639-2 codes, which FRBRlanguage asks for; an unknown tag is written as it is.
ISO639_2 = {
    "en": "eng",
    "ru": "rus",
    "kk": "kaz",
    "fr": "fra",
    "de": "deu",
    "es": "spa",
    "zh": "zho",
    "ar": "ara",
    "tr": "tur",
    "uz": "uzb",
    "ky": "kir",
    "tg": "tgk",
    "tk": "tuk",
    "mn": "mon",
    "fa": "fas",
    "hi": "hin",
    "ja": "jpn",
    "ko": "kor",
    "it": "ita",
    "pt": "por",
    "pl": "pol",
    "uk": "ukr",
    "az": "aze",
}


# FRBRdate's name for a date the record gives without its day.
PARTIAL = {"year": ", year only", "month": ", month only"}


def _e(parent: ET.Element | None, name: str, attrs: dict | None = None, text: str | None = None) -> ET.Element:
    attrs = {key: xml_safe(value) for key, value in (attrs or {}).items() if value is not None}
    element = (
        ET.Element(f"{{{AKN}}}{name}", attrs) if parent is None else ET.SubElement(parent, f"{{{AKN}}}{name}", attrs)
    )
    if text is not None:
        element.text = xml_safe(text)
    return element


def _frbr(parent: ET.Element, level: str, this: str, uri: str, date: dt.date, extra: list[tuple[str, dict]]) -> None:
    element = _e(parent, level)
    _e(element, "FRBRthis", {"value": this})
    _e(element, "FRBRuri", {"value": uri})
    name = "delivery" if level == "FRBRWork" else "publication"
    # The schema wants a whole day: a date known only to its year or month is written as its first day, and
    # its name says so (podium import record reads it back as the year or the month).
    known = precision(date)
    _e(element, "FRBRdate", {"date": first_day(date).isoformat(), "name": name + PARTIAL.get(known, "")})
    _e(element, "FRBRauthor", {"href": "#podium"})
    for name, attrs in extra:
        _e(element, name, attrs)


def debate(speech: Speech, registry: Registry, archive: str, country: str = "un") -> str:
    """The speech as an Akoma Ntoso debate document. `country` is FRBRcountry (`un` when unknown)."""
    meta = speech.meta
    date = meta.date.isoformat()  # in the URIs: 2025-05-29, or 1946 for a speech known to its year
    language = ISO639_2.get(meta.language.split("-")[0].lower(), meta.language)
    work = f"/akn/{country}/debate/{date}/{speech.id}"
    ET.register_namespace("", AKN)
    root = _e(None, "akomaNtoso")
    document = _e(root, "debate", {"name": meta.kind.value.replace(" ", "-")})
    head = _e(document, "meta")
    identification = _e(head, "identification", {"source": "#podium"})
    _frbr(identification, "FRBRWork", f"{work}/!main", work, meta.date, [("FRBRcountry", {"value": country})])
    _frbr(
        identification,
        "FRBRExpression",
        f"{work}/{language}@/!main",
        f"{work}/{language}@",
        meta.date,
        [("FRBRlanguage", {"language": language})],
    )
    _frbr(
        identification, "FRBRManifestation", f"{work}/{language}@/!main.xml", f"{work}/{language}@.akn", meta.date, []
    )
    references = _e(head, "references", {"source": "#podium"})
    _e(references, "TLCOrganization", {"eId": "podium", "href": "/ontology/organization/podium", "showAs": archive})
    speakers = list(dict.fromkeys([*meta.speaker_ids, *(s.speaker for s in speech.statements if s.speaker)]))
    roles = {}  # speaker id -> the eId of their role on the day
    labels = {}  # speaker id -> that role's label
    for ident in speakers:
        speaker = registry.speakers.get(ident)
        _e(
            references,
            "TLCPerson",
            {"eId": ident, "href": f"/ontology/person/{ident}", "showAs": speaker.name if speaker else ident},
        )
        role = speaker.role_on(meta.date) if speaker else None
        if role:
            roles[ident], labels[ident] = f"role-{ident}", role.label
    for ident, eid in roles.items():
        _e(references, "TLCRole", {"eId": eid, "href": f"/ontology/role/{ident}/{date}", "showAs": labels[ident]})
    if meta.event:
        event = registry.events.get(meta.event)
        _e(
            references,
            "TLCEvent",
            {
                "eId": f"event-{meta.event}",
                "href": f"/ontology/event/{meta.event}",
                "showAs": event.name if event else meta.event,
            },
        )

    preface = _e(document, "preface")
    line = _e(preface, "p")
    title = _e(line, "docTitle", text=meta.title)
    title.tail = ", "
    when = _e(line, "docDate", {"date": first_day(meta.date).isoformat()}, long_date(meta.date))
    if meta.location:
        when.tail = ", "
        _e(line, "location", {"refersTo": f"#event-{meta.event}" if meta.event else "#podium"}, meta.location)

    body = _e(document, "debateBody")
    sections = 0

    def open_section(heading: str) -> ET.Element:
        nonlocal sections
        sections += 1
        element = _e(body, "debateSection", {"eId": f"dbsect_{sections}", "name": "section"})
        _e(element, "heading", text=heading)
        return element

    section = open_section(meta.session or meta.title)
    for block in speech.blocks:
        if isinstance(block, Section):
            if len(section) == 1:  # nothing said yet under the current heading: the transcript's heading wins
                section[0].text = xml_safe(block.title)
            else:
                section = open_section(block.title)
            continue
        text = plain_text(block.text)
        if block.type == "narrative":
            _e(section, "narrative", {"eId": block.id}, text)
            continue
        speaker = registry.speakers.get(block.speaker) if block.speaker else None
        said = _e(
            section,
            "speech",
            {
                "eId": block.id,
                "by": f"#{block.speaker}" if block.speaker else "#podium",
                "as": f"#{roles[block.speaker]}" if block.speaker in roles else None,
            },
        )
        _e(said, "from", text=speaker.name if speaker else (block.voice or block.speaker or archive))
        if (rows := table_cells(block.text)) is not None:  # a table read into the record stays a table
            table = _e(said, "table", {"eId": f"{block.id}__table_1"})
            for number, row in enumerate(rows):
                line = _e(table, "tr")
                for cell in row:
                    _e(_e(line, "th" if number == 0 else "td"), "p", text=cell)
            continue
        _e(said, "p", text=text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
