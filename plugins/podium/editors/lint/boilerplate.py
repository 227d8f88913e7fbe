"""Rules on text that is the website's or the reporter's, not the speaker's: boilerplate lines and framing.

The lists are per language, because a scrape carries the teasers of the site it came from whatever the
speech's language; every list is checked on every transcript. A line counts when it *starts* like boilerplate
and is short (or is no sentence), when it has the *shape* of a credit (a short line naming a photo agency with
a slash, a `©` or no sentence in it), or when a known teaser is glued to the end of a real line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from podium.editors.lint.transcript import Finding, Transcript, shorten, words

# A copyright notice however long: a `©`, or `(c)` and `Copyright` before a year or a `©`. Alone, `(c)` labels
# the third clause of a list a speech may read out (`(c) the licences granted...`), and `Copyright` may open a
# sentence: those count only on a short line, like the other starts.
COPYRIGHT = r"(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4}))"
# A line that starts with one of these, and is short or has no sentence ending, is the website, not the speaker.
STARTS: dict[str, list[str]] = {
    "en": [
        r"photo(graph)?s?\s*(by\b|:|credits?\b)",
        r"(image|picture|video)\s*(by\b|:|credits?\b)",
        r"(credit|source)\s*:",
        r"share (this|on)\b",
        r"(read|see) (more|also)\b",
        r"related( articles?| stories| news| posts| coverage| content| topics)?\s*(:|$)",
        r"(click here|subscribe|sign up|follow us|listen to this article|back to top|print this page)\b",
        r"advertisement\b",
        r"sponsored( content)?$",
        r"(you may also like|recommended for you|more from|most (read|popular)|trending now)\b",
        r"(tags?|categories)\s*:",
        r"(story|article) continues (below|after)\b",
        r"continue reading\b",
        r"skip to (main |the )?(content|navigation|search)\b",
        r"(©|\(c\)\s|copyright\b)",
        r"all rights reserved\b",
        r"(updated|published|posted)( on)?\s*:?\s*(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d)",
        r"\d+\s*min(ute)?s?\s+read$",
    ],
    "tr": [r"(ilginizi çekebilir|bunlar da ilginizi çekebilir|ilgili haberler|paylaş\b|fotoğraf\s*:|tüm hakları)"],
    "fr": [r"((à )?lire aussi|voir aussi|partager\b|crédit photo|tous droits réservés|publicité$)"],
    "ru": [r"(читайте также|смотрите также|поделиться|фото\s*:|все права защищены|реклама$)"],
    "de": [r"(lesen sie auch|mehr zum thema|teilen\b|foto\s*:|alle rechte vorbehalten|anzeige$|werbung$)"],
    "es": [r"(leer más|lea también|compartir\b|todos los derechos reservados|publicidad$)"],
    "pt": [r"(leia também|compartilhe|todos os direitos reservados)"],
    "kk": [r"(тағы оқыңыз|бөлісу|барлық құқықтар қорғалған)"],
}
BOILERPLATE_STARTS = [pattern for patterns in STARTS.values() for pattern in patterns]
# Teasers and notices that a scrape glues onto the end of a real line ("... Forum.” İlginizi Çekebilir----").
BOILERPLATE_ANYWHERE = [
    r"İlginizi Çekebilir",
    r"Bunlar da ilginizi çekebilir",
    r"Читайте также",
    r"À lire aussi",
    r"Lesen Sie auch",
    r"Share this article",
    r"Read more:",
    r"Story continues below advertisement",
    r"Skip to main content",
    r"\((?:AP|AFP|Reuters|Getty Images|EPA|Pool) ?Photo[^)]{0,80}\)",
    r"\((?:AP|AFP|EPA)/[^)]{0,80}\)",
    r"(?:(?:©|\(c\)|Copyright)\s*\d{4}[^.]{0,80}\.\s*)?All rights reserved\.?",
    r"(?:(?:©|\(c\)|Copyright)\s*\d{4}\s*)?(?:The )?Associated Press\. All rights",
]
# Who takes news photographs: a short line that names one with a slash or a © (`Kevin Lamarque/Reuters`), or
# names nothing else (`Getty Images`, `AFP via Getty Images`), is a credit; `Mayor Bloomberg` is not.
AGENCIES = (
    r"\b(Getty( Images)?|Reuters|AFP|AP Photo|Associated Press|EPA(-EFE)?|Shutterstock|iStock(photo)?|Alamy|"
    r"Bloomberg|Anadolu( Agency)?|TASS|Sputnik|Xinhua|Pool|ТАСС|РИА Новости|AA)\b"
)
_SENTENCE_END = re.compile(r"[.!?…\"”»’]\s*$")


def boilerplate_match(text: str, extra: Sequence[str] = ()) -> re.Match | None:
    """Where the boilerplate starts in `text`, or None. Used by lint and by `podium import article`.

    >>> boilerplate_match("Kevin Lamarque/Reuters").start()
    0
    >>> boilerplate_match("As Reuters reported this morning, the talks have failed.") is None
    True
    """
    stripped = text.strip()
    starts = [*BOILERPLATE_STARTS, *extra]
    count = len(words(stripped))
    if re.match("(" + "|".join(starts) + ")", stripped, re.IGNORECASE) and (
        count <= 8 or not _SENTENCE_END.search(stripped) or re.match(COPYRIGHT, stripped, re.I)
    ):
        return re.search(r"\S", text)
    if anywhere := re.search("(" + "|".join(BOILERPLATE_ANYWHERE) + ")", text, re.IGNORECASE):
        return anywhere
    if (
        0 < count <= 12
        and re.search(AGENCIES, stripped)
        and (
            re.search(r"[/|©]|\b(photo|image|foto|фото|credit)\b", stripped, re.IGNORECASE)
            or re.fullmatch(rf"\W*(?:(?:{AGENCIES}|via)\W*)+", stripped)
        )
    ):
        return re.search(r"\S", text)
    return None


def check_boilerplate(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    extra = list(options.get("patterns", []))
    for paragraph in transcript.paragraphs:
        for piece in paragraph.lines:
            if match := boilerplate_match(piece.text, extra):
                shown = piece.text[match.start() :].strip()
                yield Finding(
                    "boilerplate",
                    piece.number,
                    piece.column + match.start(),
                    f"`{shorten(shown)}` looks like the website's text, not the speaker's",
                    "delete it; if the speaker really said it, leave it and tell the reviewer, or "
                    "turn the rule off with `lint: {disable: [boilerplate]}` in mkdocs.yml",
                )


# framing --------------------------------------------------------------------------------------------------------

_WHO = (
    r"(?:he|she|they|it|[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){0,2}|the (?:president|prime minister|minister|"
    r"senator|chancellor|secretary(?:-general)?|speaker|king|queen|leader|governor|mayor|ambassador|chairman))"
)
_VERB = r"(?:said|says|added|adds|noted|continued|concluded|stressed|declared|explained|emphasi[sz]ed|insisted)"
_AUDIENCE = (
    r"(?:reporters|lawmakers|journalists|delegates|senators|legislators|supporters|students|the (?:crowd|audience|"
    r"press|media|house|senate|assembly|summit|forum|conference|parliament|congress|nation)|parliament|congress)"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WHEN = rf"(?: on \w+| at (?:the )?\w+(?: \w+)?| in \w+| (?:yesterday|today|on {_DAY}))?"
FRAMING_END: dict[str, str] = {
    # `“…,” he said.` / `…, she added.` / `…. Smith told lawmakers.`
    "en": rf"(?:[,.!?…][\"”’»]?|[\"”’»][,.]?)\s+(?<!\bas )(?:{_WHO} (?:{_VERB}|told {_AUDIENCE}){_WHEN}|"
    rf"{_VERB} {_WHO}){_WHEN}\.?\s*$",
    "fr": r"(?:,|[»\"”])\s*(?:a-t-(?:il|elle)|ont-(?:ils|elles)) "
    r"(?:déclaré|ajouté|affirmé|dit|souligné|précisé)[^.]{0,40}\.?\s*$",
    "de": r"(?:,|[“\"”«])\s*(?:sagte|fügte|erklärte|betonte) (?:er|sie)\b[^.]{0,40}\.?\s*$",
    "ru": r"(?:,|[»\"”])\s*[—–-]\s*(?:сказал|заявил|добавил|отметил|подчеркнул)[аи]? "
    r"(?:он|она|они)?[^.]{0,40}\.?\s*$",
    "tr": r"(?:,|[”\"»])\s*(?:dedi|diye konuştu|ifadelerini kullandı)\.?\s*$",
}
FRAMING_START: dict[str, str] = {
    # `He said: “…` / `Smith added, "…`
    "en": rf"^(?!As |Like |When |If )(?:{_WHO}) (?:{_VERB}|told {_AUDIENCE})(?: that)?\s*[:,]\s*[\"“«„]",
}


def check_framing(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    patterns = [re.compile(p) for p in FRAMING_END.values()] + [re.compile(p) for p in options.get("patterns", [])]
    starts = [re.compile(p) for p in FRAMING_START.values()]
    allowed = [sentence.casefold() for sentence in options.get("allow", [])]
    for paragraph in transcript.paragraphs:
        text = paragraph.text
        if paragraph.heading or not text or any(sentence in text.casefold() for sentence in allowed):
            continue
        found = next((m for p in patterns if (m := p.search(text))), None)
        if found is not None and not re.match(r"\s*(?:[,.!?…]\s|[\"”’»])?\s*(?:I|we|you)\b", found.group()):
            start = found.start() + len(found.group()) - len(found.group().lstrip(',.!?…"”’» '))
            line, column = paragraph.position(start)
            yield _framing(line, column, text[start:].strip())
            continue
        if (match := next((m for p in starts if (m := p.search(text))), None)) is not None:
            line, column = paragraph.position(match.start())
            yield _framing(line, column, match.group().rstrip(' :,"“«„'))


def _framing(line: int, column: int, shown: str) -> Finding:
    return Finding(
        "framing",
        line,
        column,
        f"`{shorten(shown)}` is the reporter's framing, not the speaker's words",
        "delete it, with the quotation marks that opened the speaker's words; if the speaker said it, "
        "keep it and add the words to `lint: framing: allow` in mkdocs.yml",
    )
