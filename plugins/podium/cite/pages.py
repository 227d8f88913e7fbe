"""What podium-cite adds to pages: "Quoted in" and the Cite menu's data on a speech page, and the /quote/ page.

The statement menu copies citations in the reader's browser. So that it does not format them a second time,
the page carries each style's template once per speaker (`podium.cite.citation.templates`), as JSON the
page's script reads. Plain Python and Jinja (templates/speech_cite.html, quote_page.html), no MkDocs.
"""

from __future__ import annotations

import datetime as dt

from podium.cite import citation
from podium.core.registry import Registry
from podium.core.speech import Speech
from podium.core.text import script_json
from podium.core.urls import DIRECTORY_URLS, Urls, relative
from podium.render.pages import environment, long_date, speaker_view


def speech_extras(
    speech: Speech, registry: Registry, site_name: str, coverage: list[dict], urls: Urls = DIRECTORY_URLS
) -> str:
    """The speech page's "Quoted in" (its press `coverage`) and the citation templates its statement menu
    fills in, one set per speaker; `embed`, the embed page's link from the speech page."""
    templates = {}
    for ident in dict.fromkeys([*speech.meta.speaker_ids, *(s.speaker for s in speech.statements if s.speaker)]):
        first = next((s for s in speech.statements if s.speaker == ident), None)
        templates[ident] = citation.templates(citation.reference(speech, first, registry, site_name, "", urls))
    data = {
        "speech": speech.id,
        "title": speech.meta.title,
        "date": long_date(speech.meta.date),
        "speakers": {i: speaker_view(i, speech.meta.date, registry)["name"] for i in templates},
        "styles": citation.LABELS,
        "templates": templates,
        "slots": list(citation.SLOTS),
        "embed": relative(urls.embed(speech.id), urls.speech(speech.id)),
    }
    dated = [
        dict(item, date_text=long_date(dt.date.fromisoformat(item["date"])) if item["date"] else None)
        for item in coverage
    ]
    return environment().get_template("speech_cite.html").render(coverage=dated, data=script_json(data))


def quote_page(root: str, statements: int) -> str:
    """The quote check's form; `root` is the way back to the site root, `statements` how many it searches."""
    return environment().get_template("quote_page.html").render(root=root, statements=statements)
