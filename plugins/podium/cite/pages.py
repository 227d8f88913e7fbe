"""What podium-cite adds to pages: "Quoted in" and the Cite menu's data on a speech page, and the /quote/ page.

The statement menu copies citations in the reader's browser. So that it does not format them a second time,
the page carries each style's template once per speaker (`podium.cite.citation.templates`), as JSON the
page's script reads; what a style's templates end with alike is written once (`shared_endings`). Plain
Python and Jinja (templates/speech_cite.html, quote_page.html), no MkDocs.
"""

from __future__ import annotations

import os

from podium.cite import citation
from podium.core import dates
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
    endings = shared_endings(templates)
    data = {
        "speech": speech.id,
        "title": speech.meta.title,
        "date": long_date(speech.meta.date),
        "speakers": {i: speaker_view(i, speech.meta.date, registry)["name"] for i in templates},
        "styles": citation.LABELS,
        # Each speaker's template of a style is their part + the style's `endings` (podium-cite.js joins them).
        "templates": {
            ident: {style: text[: len(text) - len(endings.get(style, ""))] for style, text in styles.items()}
            for ident, styles in templates.items()
        },
        "endings": endings,  # the slots (citation.SLOTS) are podium-cite.js's own: not repeated on every page
        "embed": relative(urls.embed(speech.id), urls.speech(speech.id)),
    }
    dated = [dict(item, date_text=long_date(dates.parse(item["date"])) if item["date"] else None) for item in coverage]
    return environment().get_template("speech_cite.html").render(coverage=dated, data=script_json(data))


def shared_endings(templates: dict[str, dict[str, str]]) -> dict[str, str]:
    """Each style's longest ending that every speaker's template has (a panel's citations differ in their
    author only): written once a page instead of once a speaker. Nothing for a speech with one speaker.

    >>> shared_endings({"a": {"apa": "A. (2025). Talk."}, "b": {"apa": "B. (2025). Talk."}})
    {'apa': '. (2025). Talk.'}
    >>> shared_endings({"a": {"apa": "A. (2025). Talk."}})
    {}
    """
    if len(templates) < 2:
        return {}
    endings = {}
    for style in next(iter(templates.values())):
        texts = [styles[style] for styles in templates.values()]
        ending = os.path.commonprefix([text[::-1] for text in texts])[::-1]
        if ending:
            endings[style] = ending
    return endings


def quote_page(root: str, statements: int) -> str:
    """The quote check's form; `root` is the way back to the site root, `statements` how many it searches."""
    return environment().get_template("quote_page.html").render(root=root, statements=statements)
