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
from podium.render import i18n
from podium.render.pages import environment, speaker_view


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
        "date": i18n.long_date(speech.meta.date),
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
    dated = [
        dict(
            item,
            date_text=i18n.long_date(dates.parse(item["date"])) if item["date"] else None,
            summary_text=coverage_summary(item),
        )
        for item in coverage
    ]
    return environment().get_template("speech_cite.html").render(coverage=dated, data=script_json(data))


def coverage_summary(item: dict) -> str:
    """A press quotation's differences in the interface language: the record's own English summary (`1 word
    changed, 2 added`, also in speech.json) in English, else each count by its kind (`modifiés : 1`).

    >>> coverage_summary({"summary": "1 word changed", "verdict": "differences", "pieces": [["changed", ["a"], ["b"]]]})
    '1 word changed'
    """
    language = i18n.current()
    if language == i18n.DEFAULT or not i18n.has_table(language):
        return item["summary"]
    if not item["pieces"]:
        return i18n.translate("not found in this transcript")
    counts = {"changed": 0, "added": 0, "dropped": 0}
    for op, said, quoted in item["pieces"]:
        if op in counts:
            counts[op] += len(said if op == "dropped" else quoted)
    parts = [i18n.translate(f"{kind}: {{n}}", n=n) for kind, n in counts.items() if n]
    return ", ".join(parts) or i18n.translate("verbatim")


# The words podium-cite.js shows (the Cite dialog, a selection's link, the quote check's answers). English is
# the key and the fallback; another interface language gets them from one file for the whole site.
CLIENT_STRINGS = (
    "Cite, share or embed this statement",
    "Cite this statement",
    "Copy citation",
    "Copy link",
    "Copy embed code",
    "Copy iframe",
    "Copied",
    "Cite…",
    "Embed…",
    "Tip: select words in the statement to get a link that highlights them.",
    "Copy link to selection",
    "Link copied",
    "Not found: no statement in the archive is close to this quotation.",
    "{n}% fidelity",
    "Found verbatim",
    "Found with differences",
    ", inside a quotation in the statement",
    "said",
    "quoted",
    "added by the quotation",
    "dropped by the quotation",
    "The quote index could not be loaded ({error}).",
)
STRINGS_SCRIPT = "assets/podium/podium-cite-strings.js"


def client_script(language: str) -> str | None:
    """`window.podiumCiteStrings`, podium-cite.js's words in `language`; None where they are English.

    >>> client_script("en") is None, client_script("ru")[:52]
    (True, 'window.podiumCiteStrings = {"Cite, share or embed th')
    """
    strings = {key: text for key in CLIENT_STRINGS if (text := i18n.translate(key, language=language)) != key}
    return f"window.podiumCiteStrings = {script_json(strings, compact=True)};" if strings else None


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
