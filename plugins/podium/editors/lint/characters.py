"""Rules on single characters: stray accents, mojibake, invisible characters, raw HTML entities."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from html.entities import html5
from typing import Any

from podium.core.statements import Line
from podium.core.text import direction
from podium.editors.lint import dictionary, encoding
from podium.editors.lint.transcript import WORD, Finding, Fix, Transcript, code_spans, inside

# foreign-character ------------------------------------------------------------------------------------------

_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
# Letters each language writes, besides the base alphabet of its script. A letter outside this set, in a
# word of the same script, is almost always an artifact (a stray accent from a scrape or an OCR).
ALPHABETS: dict[str, tuple[str, str]] = {
    "en": ("latin", _LATIN),
    "fr": ("latin", _LATIN + "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"),
    "tr": ("latin", _LATIN + "çğıöşüâîûÇĞİÖŞÜÂÎÛ"),
    "de": ("latin", _LATIN + "äöüßÄÖÜẞ"),
    "es": ("latin", _LATIN + "áéíóúüñÁÉÍÓÚÜÑ"),
    "pt": ("latin", _LATIN + "áâãàçéêíóôõúüÁÂÃÀÇÉÊÍÓÔÕÚÜ"),
    "it": ("latin", _LATIN + "àèéìíîòóùúÀÈÉÌÍÎÒÓÙÚ"),
    "ru": ("cyrillic", _RUSSIAN),
    "kk": ("cyrillic", _RUSSIAN + "әғқңөұүһіӘҒҚҢӨҰҮҺІ"),
}
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "tr": "Turkish",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "ru": "Russian",
    "kk": "Kazakh",
}
# Loanwords English writes with their accents (the word list knows most of them; these are the rarer ones).
# An archive adds its own with `foreign-character: {allow: [...]}`.
ENGLISH_LOANWORDS = {
    *"café cafés naïve naïveté résumé résumés fiancé fiancée déjà façade rôle détente entrée entrées élite".split(),
    *"protégé protégée cliché clichés soirée à über señor chargé matériel régime régimes décor débâcle".split(),
    *"début débutante exposé exposés née première premières tête communiqué communiqués attaché attachés".split(),
    *"émigré émigrés coup d'état raison d'être vis-à-vis pièce mêlée naïf doppelgänger führer jalapeño".split(),
    *"piñata crème brûlée flambé sauté touché passé blasé risqué outré appliqué cortège dénouement".split(),
    *"éclat élan ingénue mélange papier-mâché fête fêtes manqué habitué gaucherie précis démarche".split(),
}
_TOKEN = re.compile(r"\S+")
_NAME_GAP = 2.5  # Zipf points: ~300 times rarer accented than plain, for a capitalised word to be a stray accent


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return "other"


def strip_accents(word: str, keep: str = "") -> str:
    """`advócacy` -> `advocacy`: drop the combining marks of every letter not in `keep`."""
    out = []
    for char in word:
        if char in keep:
            out.append(char)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(out)


def _garbled(text: str, language: str) -> list[tuple[int, int]]:
    """Where mojibake is in a line (whole tokens): the mojibake rule reports those, not this one."""
    spans = [(start, end) for start, end, _ in encoding.sequences(text, _east_asian(language))]
    spans += [match.span() for match in encoding.BROKEN.finditer(text)]
    spans += [(i, i + 1) for i, char in enumerate(text) if char == "\ufffd"]
    tokens = [match.span() for match in _TOKEN.finditer(text)]
    return [token for token in tokens if any(token[0] <= s < token[1] for s, _ in spans)]


def check_foreign_character(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    primary = transcript.primary_language
    script, alphabet = ALPHABETS.get(primary, ("", ""))
    allowed = {w.casefold() for w in options.get("allow", [])}
    if primary == "en":
        allowed |= ENGLISH_LOANWORDS
    capitals = bool(options.get("capitalised", True))
    for piece in transcript.pieces():
        skip = _garbled(piece.text, primary) + code_spans(piece.text)
        for match in WORD.finditer(piece.text):
            word = match.group()
            if word.isascii() or word.casefold() in allowed or inside(match.start(), skip):
                continue
            scripts = {_script(char) for char in word} - {"other"}
            if scripts == {"latin", "cyrillic"}:
                yield _mixed_scripts(piece, match.start(), word)
                continue
            if not script or scripts != {script}:
                continue  # another script: a quoted name
            foreign = [char for char in word if char not in alphabet]
            if not foreign:
                continue
            corrected = strip_accents(word, keep=alphabet)
            if word != word.lower():
                # A capitalised word is a name (Erdoğan, José) unless the word list proves otherwise:
                # `Cóngress` is unknown, `Congress` is common.
                if not capitals or word[1:] != word[1:].lower() or not _stray_on_a_known_word(word, corrected, primary):
                    continue
            elif dictionary.known(word, primary):
                continue  # a loanword the language's own texts use: chargé, matériel
            name = LANGUAGE_NAMES.get(primary, primary)
            letters = ", ".join(f"`{c}`" for c in dict.fromkeys(foreign))
            yield Finding(
                "foreign-character",
                piece.number,
                piece.column + match.start() + word.index(foreign[0]),
                f"stray {letters} in the {name} word `{word}`",
                _suggestion(word, corrected, primary)
                + "if the spelling is right, add the word to `lint: foreign-character: allow` in mkdocs.yml",
            )


def _stray_on_a_known_word(word: str, corrected: str, language: str) -> bool:
    """`Cóngress`, `Expérience`: the plain spelling is common and far more common than the accented one, which
    names are not (`José` 3.6 against `Jose` 4.2, `Québec` 2.9 against `Quebec` 4.0)."""
    written, plain = dictionary.frequency(word, language), dictionary.frequency(corrected, language)
    if written is None or plain is None:
        return False
    return plain >= dictionary.COMMON and plain - written >= _NAME_GAP


def _suggestion(word: str, corrected: str, language: str) -> str:
    """Suggest the plain spelling only when it is no worse: a known word, or the same letters unaccented."""
    if corrected == word or len(corrected) != len(word):
        return ""
    plain = dictionary.frequency(corrected, language)
    if plain is not None and plain < dictionary.KNOWN:
        return ""
    return f"write `{corrected}` and record the change under `corrections:` in the front matter; "


def _mixed_scripts(piece: Line, start: int, word: str) -> Finding:
    majority = "latin" if sum(_script(c) == "latin" for c in word) * 2 >= len(word) else "cyrillic"
    odd = sorted({c for c in word if _script(c) != majority})
    first = min(word.index(c) for c in odd)
    return Finding(
        "foreign-character",
        piece.number,
        piece.column + start + first,
        f"the word `{word}` mixes Latin and Cyrillic letters ({', '.join(f'`{c}` U+{ord(c):04X}' for c in odd)})",
        "retype the word in one script; look-alike letters often come from OCR or a keyboard switched mid-word",
    )


# mojibake -------------------------------------------------------------------------------------------------------


def _east_asian(language: str) -> bool:
    return language in ("zh", "ja", "ko")


def check_mojibake(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    east_asian = _east_asian(transcript.primary_language)
    for piece in [*transcript.front, *transcript.pieces()]:
        for start, end, fixed in encoding.sequences(piece.text, east_asian):
            run = piece.text[start:end]
            shown = run.encode("unicode_escape").decode("ascii") if any(0x80 <= ord(c) < 0xA0 for c in run) else run
            yield Finding(
                "mojibake",
                piece.number,
                piece.column + start,
                f"mojibake `{shown}`: UTF-8 text that was read as Windows-1252; it should read `{fixed}`",
                f"replace `{shown}` with `{fixed}` (`podium lint --fix` does it)",
                Fix(piece.number, piece.column + start, end - start, fixed),
            )
        for match in encoding.BROKEN.finditer(piece.text):
            yield Finding(
                "mojibake",
                piece.number,
                piece.column + match.start(),
                "mojibake `â€`: the start of a curly quote or dash whose last byte was lost",
                "retype the mark from the source (most often a closing quote `”`)",
            )
        for offset, char in enumerate(piece.text):
            if char == "\ufffd":
                yield Finding(
                    "mojibake",
                    piece.number,
                    piece.column + offset,
                    "replacement character `\ufffd`: a letter was lost when the text was decoded",
                    "look the word up in the source and retype the missing letter",
                )


# invisible-character --------------------------------------------------------------------------------------------

INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u2061": "invisible function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u180e": "Mongolian vowel separator",
}


# Bidirectional formatting: embeddings and isolates lay out a run of text in the other direction, which
# right-to-left text may need around a Latin name or a number; an override shows the letters after it in
# reverse order whatever they are, so the page reads differently from the words as written ("Trojan Source").
EMBEDDINGS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
OVERRIDES = {"\u202d": "left-to-right override", "\u202e": "right-to-left override"}
# Every character the rule reports, by name: also what `--fix`'s log spells out (run._visible).
FORMATTING = {**INVISIBLE, **EMBEDDINGS, **OVERRIDES}
# One pass of `re` over a line finds them all (a loop over every character took a tenth of a lint).
_FORMATTING = re.compile("[" + "".join(sorted(FORMATTING)) + "]")


def check_invisible_character(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    # The bidirectional marks, embeddings and isolates belong to right-to-left text: only a left-to-right
    # transcript is checked for them. An override is checked in every transcript.
    right_to_left = direction(transcript.language) == "rtl"
    allowed = {"\u200e", "\u200f", *EMBEDDINGS} if right_to_left else set()
    # The front matter too: a title or a place with an override reads reversed in the page's heading and byline.
    for piece in [*transcript.front, *transcript.pieces()]:
        for match in _FORMATTING.finditer(piece.text):
            char = match.group()
            if char in allowed:
                continue
            column = piece.column + match.start()
            if char in OVERRIDES:
                message = (
                    f"{FORMATTING[char]} U+{ord(char):04X}: the page shows the letters after it in reverse order, "
                    "not as written"
                )
            else:
                message = (
                    f"invisible {FORMATTING[char]} U+{ord(char):04X}: the word looks whole but does not match in "
                    "search or quote checks"
                )
            yield Finding(
                "invisible-character",
                piece.number,
                column,
                message,
                "delete it (`podium lint --fix` does it; the text reads the same)"
                if char not in OVERRIDES
                else "delete it (`podium lint --fix` does it; the words then show in the order they are written)",
                Fix(piece.number, column, 1, ""),
            )


# html-entity ----------------------------------------------------------------------------------------------------

# `&amp;nbsp;` is an entity escaped twice: one span, read back whole.
_ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Decoding these would write Markdown or HTML syntax: reported, never rewritten.
_SYNTAX = set("<>`*_[]\\")


def check_html_entity(transcript: Transcript, options: dict[str, Any]) -> Iterator[Finding]:
    for piece in [*transcript.front, *transcript.pieces()]:
        skip = code_spans(piece.text)
        for match in _ENTITY.finditer(piece.text):
            entity = match.group()
            if inside(match.start(), skip) or not _is_entity(entity):
                continue  # `AT&T;` is prose: only a real entity name counts
            char = _unescape(entity)
            column = piece.column + match.start()
            shown = {"\u00a0": "a no-break space"}.get(char, f"`{char}`")
            fix = None if char in _SYNTAX or not char.isprintable() and char != "\u00a0" else char
            yield Finding(
                "html-entity",
                piece.number,
                column,
                f"raw HTML entity `{entity}` (it stands for {shown}): the scrape left the page's markup in the text",
                f"write {shown} instead" + (" (`podium lint --fix` does it)" if fix is not None else ""),
                Fix(piece.number, column, len(entity), fix) if fix is not None else None,
            )


def _unescape(entity: str) -> str:
    while entity.startswith("&amp;") and len(entity) > len("&amp;"):
        entity = "&" + entity[len("&amp;") :]
    return html.unescape(entity)


def _is_entity(entity: str) -> bool:
    while entity.startswith("&amp;") and len(entity) > len("&amp;"):
        entity = "&" + entity[len("&amp;") :]
    if entity.startswith("&#"):
        digits = entity[2:-1]
        point = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
        return 0 < point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF
    return entity[1:] in html5
