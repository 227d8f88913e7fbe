"""Small text helpers, one copy each: plain words from Markdown, slugs, accent folding, word patterns,
stop words, month and language names, dates, and JSON that is safe inside `<script>`.

Every module that needs one of these imports it from here; this module imports nothing else of Podium,
so the statement parser can use it too.

A statement is written in Markdown and may carry an editor's inline cross-reference `[[target|words]]`.
Readers of a feed, a JSON file or a quotation want the words alone:

    >>> plain_text("As I said [[aif-2024#water|last year]], *water* is [our](https://x.org) concern.")
    'As I said last year, water is our concern.'

Cheap on purpose (a few regular expressions, no Markdown parse): the JSONL dump and the quote index run
it over every statement of the archive.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from podium.core import cldr
from podium.core.dates import MONTHS, precision
from podium.core.marks import character_class

# `[[target|words]]`, an inline cross-reference (xref.references): group 1 is the target, group 2 the words.
# The one pattern for it (statements, references, related and plain_text use it). A statement's permalink
# hashes a reference as its words alone, so linking a statement's words never changes its id.
INLINE_REFERENCE = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]*))?\]\]")

# ---- Words -------------------------------------------------------------------------------------------------
# The patterns for words, each for its own job; each caller names the one it means.
WORD = re.compile(r"\w+")  # a statement's id hashes these (changing it would change permalinks)
# Scripts written without spaces between words (Chinese characters, Japanese kana): quote check compares them
# character by character, so that a quotation of part of a sentence is found in it.
SPACELESS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Thai, Lao, Khmer and Myanmar are written without spaces between words too, and a letter there carries vowel signs
# and tone marks (`podium.core.marks`): quote check compares them letter by letter, each with its marks.
CLUSTERED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_MARKS = character_class()
_ONE = rf"[{SPACELESS}]|[{CLUSTERED}][{_MARKS}]*"  # one character of those scripts, with its marks
# Any other word goes on through combining marks (Hindi's vowel signs, Hebrew points), where `\w` stops, and
# through inner apostrophes ("Kazakhstan's" is one word). For quote check; the browser's script uses the same
# pattern (podium-cite.js, WORD).
_PART = rf"[^\W{SPACELESS}{CLUSTERED}]+(?:[{_MARKS}]+[^\W{SPACELESS}{CLUSTERED}]*)*"
_FULL = re.compile(rf"{_PART}(?:['’]{_PART})*|{_ONE}")
# Without a mark or one of those letters in the text, the same words as a simpler pattern finds twice as fast.
_PLAIN = re.compile(rf"[^\W{SPACELESS}]+(?:['’][^\W{SPACELESS}]+)*|[{SPACELESS}]")
# Marks of the first plane, those letters, or any character beyond the first plane (a class of few ranges, which
# `re` tests in one step; the whole list of marks would be tried range by range, for every character).
_NEEDS_FULL = re.compile(f"[{character_class(below=0x10000)}{CLUSTERED}\U00010000-\U0010ffff]")


class _QuoteWord:
    """QUOTE_WORD's `findall` and `finditer`, each with the pattern the text needs."""

    def findall(self, text: str) -> list[str]:
        return (_PLAIN if unmarked(text) else _FULL).findall(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return (_PLAIN if unmarked(text) else _FULL).finditer(text)


QUOTE_WORD = _QuoteWord()
LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters, no digits: the words related statements compare
# The same going on through combining marks: what LETTERS reads in text that is not `unmarked`.
MARKED_LETTERS = re.compile(rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*")
# A run of characters of scripts written without spaces, and one of them (with its marks).
SPACELESS_RUN = re.compile(rf"((?:{_ONE})+)")
ONE_SPACELESS = re.compile(_ONE)


def unmarked(text: str) -> bool:
    r"""Whether `text` has no combining mark and no letter of CLUSTERED's scripts: `\w` reads its words whole."""
    return text.isascii() or not _NEEDS_FULL.search(text)


def spaceless(word: str) -> bool:
    """Whether `word` is one character of a script written without spaces (with its marks, in Thai, Lao, Khmer and
    Myanmar): `spaceless("国")` and `spaceless("ม้")` are True."""
    return ONE_SPACELESS.fullmatch(word) is not None


def join_words(words: Iterable[str]) -> str:
    """Words shown as text again (QUOTE_WORD's): a space between two, none between two `spaceless` characters.

    >>> join_words(["我", "们", "support", "联", "合", "国"])
    '我们 support 联合国'
    """
    out: list[str] = []
    for word in words:
        if out and not (spaceless(out[-1]) and spaceless(word)):
            out.append(" ")
        out.append(word)
    return "".join(out)


# English function words: they say nothing about what a statement is about. Quote check publishes this list
# to the browser; related statements add the formulas of speeches to it.
STOPWORDS = frozenset(
    """
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
ours out over own same she should so some such than that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you
your yours also may might must shall us s t
""".split()
)


def fold(text: str) -> str:
    """Case and accents ignored, for sorting and matching: `fold("Özil") == "ozil"`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slug(text: str, limit: int | None = None) -> str:
    """An ASCII id from a name: `slug("Paul Kagamé") == "paul-kagame"`; '' when nothing is left.

    Letters lose their accents; other letters (Cyrillic, CJK) and punctuation become one hyphen. `limit`
    cuts it without tidying the cut: a section's permalink (`h-` + slug) was made so and must not change.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:limit]


def new_id(name: str, limit: int | None = None) -> str:
    """An id for a new speaker or transcript named in any script, for the tools that write ids (an import, `podium
    new`): as `slug`, with other scripts spelled in Latin letters first (anyascii), a Chinese character or a kana
    one syllable. Not for the ids a build makes (a section's permalink): those must not change.

    >>> new_id("Касым-Жомарт Токаев"), new_id("在联合国大会"), new_id("Paul Kagamé"), new_id("Ελληνικά")
    ('kasym-zhomart-tokaev', 'zai-lian-he-guo-da-hui', 'paul-kagame', 'ellinika')
    """
    if not name.isascii():
        name = anyascii("".join(f" {c} " if spaceless(c) else c for c in name))
    return slug(name, limit).strip("-")


# ---- Dates and languages -----------------------------------------------------------------------------------


def long_date(day: dt.date) -> str:
    """`29 May 2025`: unambiguous in every country, unlike 05/29/2025 (render.i18n has the translated one).
    A date the record gives without its day says only what is known: `October 1946`, `1946`."""
    known = precision(day)
    if known == "year":
        return str(day.year)
    if known == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# Each language's English name and its name in itself (a reader looks for the name they read).
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "English"),
    "ru": ("Russian", "Русский"),
    "kk": ("Kazakh", "Қазақша"),
    "fr": ("French", "Français"),
    "de": ("German", "Deutsch"),
    "es": ("Spanish", "Español"),
    "zh": ("Chinese", "中文"),
    "ar": ("Arabic", "العربية"),
    "tr": ("Turkish", "Türkçe"),
    "uz": ("Uzbek", "Oʻzbekcha"),
    "ky": ("Kyrgyz", "Кыргызча"),
    "tg": ("Tajik", "Тоҷикӣ"),
    "tk": ("Turkmen", "Türkmençe"),
    "mn": ("Mongolian", "Монгол"),
    "fa": ("Persian", "فارسی"),
    "hi": ("Hindi", "हिन्दी"),
    "ja": ("Japanese", "日本語"),
    "ko": ("Korean", "한국어"),
    "it": ("Italian", "Italiano"),
    "pt": ("Portuguese", "Português"),
    "pl": ("Polish", "Polski"),
    "uk": ("Ukrainian", "Українська"),
    "az": ("Azerbaijani", "Azərbaycanca"),
}


# Written right to left: a transcript's title and statements, and the side-by-side column, carry dir="rtl".
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"}


# Scripts written right to left, by their ISO 15924 code in a language tag: `uz-Arab` is Uzbek in Arabic letters.
RIGHT_TO_LEFT_SCRIPTS = {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Yezi", "Mend"}


def direction(code: str) -> str:
    """`rtl` for a language written right to left, else `ltr`: `direction("ar-EG") == "rtl"`; by its script when the
    tag names one (`direction("kk-Arab") == "rtl"`, Kazakh as written in China); by the Unicode CLDR (Babel) for a
    language neither RIGHT_TO_LEFT nor LANGUAGES knows (`direction("syr") == "rtl"`, Syriac)."""
    return "rtl" if _right_to_left(code) else "ltr"


@lru_cache(maxsize=256)
def _right_to_left(code: str) -> bool:
    parts = code.replace("_", "-").split("-")
    base = parts[0].lower()
    script = next((part.title() for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if script is not None:
        return script in RIGHT_TO_LEFT_SCRIPTS
    if base in RIGHT_TO_LEFT or base in LANGUAGES:
        return base in RIGHT_TO_LEFT
    found = cldr.locale(base)
    return found is not None and found.character_order == "right-to-left"


def language_name(code: str) -> str:
    """The language's English name: `language_name("pt-BR") == "Portuguese"`, `language_name("th") == "Thai"`;
    the tag itself if unknown."""
    names = _names(code.split("-")[0].lower())
    return names[0] if names else code


def endonym(code: str) -> str:
    """The language's name in itself: `endonym("kk") == "Қазақша"`, `endonym("sw") == "Kiswahili"`; the tag itself
    if unknown."""
    names = _names(code.split("-")[0].lower())
    return names[1] if names else code


@lru_cache(maxsize=256)
def _names(base: str) -> tuple[str, str] | None:
    """LANGUAGES' names, else the Unicode CLDR's (Babel's), first letter capitalised as in a list of languages."""
    if base in LANGUAGES:
        return LANGUAGES[base]
    found = cldr.locale(base)
    if found is None:
        return None
    english, own = found.get_language_name("en"), found.get_language_name(found)
    if not english or not own:
        return None
    return english, own[:1].upper() + own[1:]


# ---- JSON in HTML ------------------------------------------------------------------------------------------

_SCRIPT_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(value: Any, compact: bool = False) -> str:
    """JSON to print inside `<script>`: no `</script>`, no `<!--`, whatever a transcript says.

    `<`, `>` and `&` become `\\u003c`, `\\u003e` and `\\u0026`; U+2028 and U+2029 are escaped too: valid in
    JSON, they end a line in older JavaScript parsers. `JSON.parse` reads the same value back.
    """
    separators = (",", ":") if compact else None
    return json.dumps(value, ensure_ascii=False, separators=separators).translate(_SCRIPT_UNSAFE)


# ---- Markdown to plain text --------------------------------------------------------------------------------
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BACKTICKS = re.compile(r"`+")
# A run of emphasis delimiters, or a line break (emphasis never spans lines).
_DELIMITERS = re.compile(r"\*+|_+|~~+|\n")
# Layout whitespace to fold into one space: a run, or one character that is not a space. A single space is left
# as it is, so a statement already on one line comes back as the very same string, not a copy (the quote index
# keeps one of every statement). The spaces a text means (no-break before a French `!`, narrow no-break, thin,
# Japanese's ideographic space) are characters of the statement: every export keeps them.
LAYOUT = "\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029"
_SPACES = re.compile(f"[ {LAYOUT}]{{2,}}|[{LAYOUT}]")
# XML 1.0 forbids most control characters, even escaped; a feed or an Akoma Ntoso file must not carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_MARKUP = re.compile(r"[\[\]<>*_`~&\\]")


def one_line(text: str) -> str:
    """The text on one line: line breaks and runs of layout white space folded into one space (`_SPACES`)."""
    return _SPACES.sub(" ", text).strip()


def plain_text(markdown: str) -> str:
    r"""The statement's words on one line: links, emphasis and raw tags reduced to their text.

    Code spans keep their text as written (a reader sees `</script>` in one, not an empty span):

    >>> plain_text("We **will** act, as [[x#y|I said]], `</script>` and [here](https://a.b).")
    'We will act, as I said, </script> and here.'

    Line breaks fold into spaces; a no-break space is a character of the text:

    >>> plain_text("« Paix »\u00a0!\nMerci.")
    '« Paix »\xa0! Merci.'
    """
    if not _MARKUP.search(markdown):  # most statements: nothing to take out
        return one_line(markdown)
    parts, start = [], 0
    for begin, end, code in _code_spans(markdown):
        parts.append(_prose(markdown[start:begin]))
        parts.append(code)
        start = end
    parts.append(_prose(markdown[start:]))
    return one_line("".join(parts))


_DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def table_cells(markdown: str) -> list[list[str]] | None:
    r"""A pipe table's rows, the header first (the row of dashes left out), each cell's words as `plain_text` gives
    them; None when the statement is not a table (the statement renderer's test: a first line with a `|`, then a
    row of dashes).

    >>> table_cells("| Year | Rent (£) |\n|:---|---:|\n| 2022 | *1,100* |\n| a \\| b | |")
    [['Year', 'Rent (£)'], ['2022', '1,100'], ['a | b', '']]
    >>> table_cells("Votes: 312 | 265") is None
    True
    """
    lines = markdown.strip("\n").split("\n")
    if len(lines) < 2 or "|" not in lines[0] or not _DELIMITER_ROW.fullmatch(lines[1]) or "-" not in lines[1]:
        return None
    rows = []
    for line in (lines[0], *lines[2:]):
        inner = line.strip()
        inner = inner[1:] if inner.startswith("|") else inner
        inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
        rows.append([plain_text(cell.replace("\\|", "|")).strip() for cell in _CELL_BORDER.split(inner)])
    return rows


def _prose(text: str) -> str:
    text = INLINE_REFERENCE.sub(lambda m: m.group(2) if m.group(2) is not None else "", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", _without_emphasis(text))
    return html.unescape(text.replace("\\", ""))  # `&lt;` in Markdown is a `<` to a reader


def _without_emphasis(text: str) -> str:
    """`text` without the `*`, `_` and `~~` that make emphasis and strike-through; other runs stay as text.

    One pass over the runs of delimiters, with one stack of open runs per character: a run followed by a
    non-space opens, a run preceded by a non-space closes the nearest open run of its character, nested
    or not. Each run is pushed and popped at most once, so 60,000 runs that never close cost no rescanning.
    An underscore inside a word (`snake_case`) is a letter, as Python-Markdown prints it.

    >>> _without_emphasis("***all*** of **this _and_ *that***, snake_case, ~~not~~ a ~ * b")
    'all of this and that, snake_case, not a ~ * b'
    """
    drop: list[tuple[int, int]] = []  # (start, end) of the delimiters to take out
    open_runs: dict[str, list[list[int]]] = {}  # character -> stack of [start, length left]
    for match in _DELIMITERS.finditer(text):
        start, end = match.span()
        char = text[start]
        if char == "\n":
            open_runs.clear()
            continue
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        closes, opens = not before.isspace(), not after.isspace()
        if char == "_" and before.isalnum() and after.isalnum():
            continue  # inside a word
        if char == "_":
            closes, opens = closes and not after.isalnum(), opens and not before.isalnum()
        left = end - start
        stack = open_runs.setdefault(char, [])
        while closes and left and stack:
            opener = stack[-1]
            used = min(left, opener[1])
            opener[1] -= used  # an opener gives its innermost delimiters, next to the words
            drop.append((opener[0] + opener[1], opener[0] + opener[1] + used))
            drop.append((end - left, end - left + used))
            left -= used
            if not opener[1]:
                stack.pop()
        if opens and left:
            stack.append([end - left, left])
    if not drop:
        return text
    drop.sort()
    parts, position = [], 0
    for begin, finish in drop:
        parts.append(text[position:begin])
        position = finish
    parts.append(text[position:])
    return "".join(parts)


def _code_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each code span: a run of backticks closed by the next run of the same length.

    One pass over the runs, each closing run found by bisection, so unmatched runs cost no rescanning.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (begin, end) in enumerate(runs):
        by_length.setdefault(end - begin, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        begin, end = runs[index]
        same = by_length[end - begin]
        position = bisect.bisect_right(same, index)
        if position == len(same):
            index += 1  # never closed: the backticks are text
            continue
        close = same[position]
        inner = text[end : runs[close][0]]
        if len(inner) > 2 and inner.startswith(" ") and inner.endswith(" ") and inner.strip():
            inner = inner[1:-1]  # CommonMark strips one space each side
        spans.append((begin, runs[close][1], inner))
        index = close + 1
    return spans


# A link's address, `](...)`, where `[[...]]` is part of the address, not a reference.
_ADDRESS = re.compile(r"\]\([^()\n]*\)")
_BRACKET = re.compile(r"[\[\]]")


def inline_references(markdown: str) -> list[re.Match[str]]:
    """The inline references `[[target|words]]` of a statement that are text, as INLINE_REFERENCE matches.

    Not those in a code span, inside a raw tag (its attributes), in a link's address or in a link's words
    (a link cannot hold a link): the renderer makes links of the others only, and a check must not report,
    nor a backlink count, what is not a link. One pass for each kind of place, so linear in the text.

    >>> found = inline_references("[[a#b|x]] `[[c]]` <abbr title='[[d]]'>D</abbr> [e](https://x.org/[[e]])"
    ...                           " [see [[f]]](https://x.org) <a href='https://x.org'>[[g]]</a>")
    >>> [match.group(1) for match in found]
    ['a#b']
    """
    if "[[" not in markdown:
        return []
    hidden = sorted(
        [(begin, end) for begin, end, _ in _code_spans(markdown)]
        + [match.span() for match in _TAG.finditer(markdown)]
        + [match.span() for match in _ADDRESS.finditer(markdown)]
        + _link_words(markdown)
    )
    starts = [begin for begin, _ in hidden]
    reach, furthest = [], -1  # reach[k]: the furthest end of hidden[0..k]
    for _, end in hidden:
        furthest = max(furthest, end)
        reach.append(furthest)
    found = []
    for match in INLINE_REFERENCE.finditer(markdown):
        before = bisect.bisect_left(starts, match.end())  # hidden spans that start before the match ends
        if not before or reach[before - 1] <= match.start():
            found.append(match)
    return found


def _link_words(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of each link's words: `[...]` followed by `(`, brackets paired with one stack, and the
    text between a raw `<a ...>` and its `</a>`."""
    spans, opened = [], []
    for match in _BRACKET.finditer(markdown):
        if match.group() == "[":
            opened.append(match.start())
        elif opened:
            begin = opened.pop()
            if markdown.startswith("(", match.end()):
                spans.append((begin, match.end()))
    depth, begin = 0, 0
    for match in _TAG.finditer(markdown):
        tag = match.group().lower()
        if re.match(r"<a[\s>/]", tag):
            depth, begin = depth + 1, match.start() if not depth else begin
        elif re.match(r"</a[\s>]", tag) and depth:
            depth -= 1
            if not depth:
                spans.append((begin, match.end()))
    if depth:
        spans.append((begin, len(markdown)))  # never closed: the sanitizer closes it at the paragraph's end
    return spans


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold at all (escaping does not help them)."""
    return _NOT_XML.sub("", text)


def shorten(text: str, limit: int = 280) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


# ---- Stage directions --------------------------------------------------------------------------------------
# A transcript records the room's reactions inside what was said: "…Members of Congress—[applause]—and…",
# "[Laughter] But it is…", "(Applause.)" (the American Presidency Project's way), "(Аплодисменты.)". They are
# shown, but they are nobody's words: quote check, citations and search leave them out (`spoken`).
#
# Brackets also hold an editor's insertions that *are* part of the text ("[the President]", "[sic]"), so only a
# known vocabulary counts: every word of the bracket must be a reaction ("applause", "смех"), a word that
# qualifies one ("prolonged", "standing", "в зале") or a joining word ("and", "in"), with at least one reaction
# and no digit, in [] or (), any case, an optional final period. An editor marks any other direction explicitly
# as a Pandoc-style span: `[The President points to the gallery]{.direction}`.
_REACTIONS = frozenset(
    """
applause applauding applauds applauded ovation laughter laughs laughing laugh chuckles chuckling cheers cheering
cheer cheered booing boos boo jeers jeering heckling inaudible unintelligible indiscernible crosstalk cross-talk
interruption interruptions interrupted interjection interjections chanting chants chant groans groaning murmurs
murmuring shouts shouting whistles whistling hissing silence pause music gavel rises rise stands
аплодисменты аплодисментов аплодирует аплодируют овация овации овацию смех смеётся смеется оживление шум выкрики
возгласы свист неразборчиво нрзб пауза музыка гул крики встают
шапалақтау шапалақ күлкі қошемет
applaudissements rires beifall heiterkeit lachen zwischenrufe zwischenruf
""".split()
)
_QUALIFIERS = frozenset(
    """
prolonged loud long sustained continued continuing extended standing brief scattered some more much big great
general light enthusiastic thunderous warm polite audience crowd members member house chamber hall gallery
delegates spectators off mic microphone all again
бурные бурная продолжительные продолжительная долгие громкие зале зал зала аудитории стоя все переходящие
переходящая общий
ду қол залда
""".split()
)
_JOINING = frozenset("and with in from of the a by then followed и в из с".split())
_KNOWN = _REACTIONS | _QUALIFIERS | _JOINING
# [ ... ] or \[ ... \] (an importer escapes brackets) or ( ... ), wrapped in emphasis or not, or an editor's
# explicit [ ... ]{.direction}. A [ ... ] followed by ( or [ is a link; one inside [[ ... ]] is a reference.
_DIRECTION = re.compile(
    r"(?P<em>\*{1,3}|_{1,3})?"
    r"(?:(?P<square>\\?\[(?P<s>[^\[\]\n]+?)\\?\](?P<explicit>\{\.direction\})?)|(?P<round>\((?P<r>[^()\n]+)\)))"
)
_DIRECTION_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_EXPLICIT = "{.direction}"
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_LINK_ADDRESS = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)")  # `](address "title")`, a title's (...) included


@lru_cache(maxsize=4096)  # a transcript writes the same few ("Applause.") hundreds of times
def is_reaction(inner: str) -> bool:
    """Whether the words inside a bracket are a reaction of the room, not an editor's insertion.

    >>> [is_reaction(t) for t in ("Applause.", "Prolonged applause", "Laughter and applause", "Смех в зале.")]
    [True, True, True, True]
    >>> [is_reaction(t) for t in ("the President", "sic", "and cheers", "applause 2", "1")]
    [False, False, False, False, False]
    """
    if len(inner) > 100:  # a direction is a few words; a long parenthesis is the speaker's
        return False
    words = _DIRECTION_WORD.findall(inner.casefold())
    if not words or words[0] in _JOINING or _DIRECTION_WORD.sub("", inner).strip(" \t.,;:!…&+/*_–—-"):
        return False
    return all(word in _KNOWN for word in words) and any(word in _REACTIONS for word in words)


def directions(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of each stage direction in a statement's Markdown, its brackets and emphasis included.

    Not in a code span, a link or an inline reference: those are text.

    >>> text = "Members of Congress—[applause]—and [the President] *(Laughter.)* [x](https://a.b) [sic]{.direction}"
    >>> [text[start:end] for start, end in directions(text)]
    ['[applause]', '*(Laughter.)*', '[sic]{.direction}']
    """
    if "[" not in markdown and "(" not in markdown:
        return []
    code = [(begin, end) for begin, end, _ in _code_spans(markdown)] if "`" in markdown else []
    if "](" in markdown:  # a link's address and title are no text either: `[x](https://a.b "(Applause)")`
        code = sorted(code + [match.span() for match in _LINK_ADDRESS.finditer(markdown)])
    code_starts, reach, furthest = [begin for begin, _ in code], [], -1  # reach[k]: the furthest end of code[:k+1]
    for _, close in code:
        furthest = max(furthest, close)
        reach.append(furthest)
    found = []
    for match in _DIRECTION.finditer(markdown):
        start, end = match.span()
        emphasis = match.group("em") or ""
        if emphasis and not markdown.startswith(emphasis, end):
            start += len(emphasis)  # an emphasis mark that does not close right after is not the direction's
            emphasis = ""
        end += len(emphasis)
        inner_start = start + len(emphasis)
        before = markdown[inner_start - 1] if inner_start else ""
        after = markdown[end - len(emphasis)] if end - len(emphasis) < len(markdown) else ""
        if match.group("square"):
            square = match.group("square")
            body = square[: -len(_EXPLICIT)] if match.group("explicit") else square
            escaped_open, escaped_close = square.startswith("\\"), body.endswith("\\]")
            if escaped_open != escaped_close:
                continue  # `\[x]` is not a bracket pair
            if not escaped_open and (before == "[" or after in ("(", "[", "]", ":")):
                continue  # a link, a reference link or definition, or inside `[[...]]`
            if not match.group("explicit") and not is_reaction(match.group("s")):
                continue
        elif before == "]" or not is_reaction(match.group("r")):
            continue  # `](...)` is a link's address
        before_end = bisect.bisect_left(code_starts, end)  # the spans that start before the direction ends
        if before_end and reach[before_end - 1] > start:
            continue
        found.append((start, end))
    return found


def mark_directions(markdown: str, opening: str, closing: str) -> str:
    """The Markdown with each stage direction between `opening` and `closing`, an explicit one's `{.direction}`
    dropped and its brackets escaped (so that it is shown as written, not read as a link).

    >>> mark_directions("Thank you. [Applause] [Waves]{.direction}", "<", ">")
    'Thank you. <[Applause]> <\\\\[Waves\\\\]>'
    """
    spans = directions(markdown)
    if not spans or _only(markdown, spans):
        return markdown  # a narrative line is shown as one, with no span inside
    out, position = [], 0
    for start, end in spans:
        out.append(markdown[position:start])
        out.append(opening + _shown(markdown[start:end]) + closing)
        position = end
    out.append(markdown[position:])
    return "".join(out)


def only_directions(markdown: str) -> bool:
    """A paragraph of stage directions and no word of its own: a narrative line, like `[Applause]`.

    >>> only_directions("(Applause.) [Laughter]"), only_directions("[Laughter] But it is true.")
    (True, False)
    """
    spans = directions(markdown)
    return bool(spans) and _only(markdown, spans)


def _only(markdown: str, spans: list[tuple[int, int]]) -> bool:
    """No letter or digit outside the directions `spans`."""
    gaps = zip([0] + [end for _, end in spans], [start for start, _ in spans] + [len(markdown)], strict=True)
    return not any(_LETTER_OR_DIGIT.search(markdown, begin, end) for begin, end in gaps)


def _shown(direction: str) -> str:
    """A direction's Markdown as shown: an explicit one's marker dropped and its brackets escaped."""
    if not direction.endswith(_EXPLICIT):
        return direction
    inner = direction[: -len(_EXPLICIT)]
    if not inner.startswith("\\["):
        inner = "\\[" + inner[1:-1] + "\\]"
    return inner


@dataclass(frozen=True)
class Spoken:
    """A statement's words without its stage directions, and the directions apart, each with the offset in
    `text` where it stood: nothing of the transcript is lost, yet a quotation or a citation holds the words alone.

    >>> spoken("Members of Congress—[applause]—and [Laughter] friends.")
    Spoken(text='Members of Congress——and friends.', directions=((20, '[applause]'), (25, '[Laughter]')))
    """

    text: str
    directions: tuple[tuple[int, str], ...] = ()


_CUT = "\ue0ff"  # where a direction stood, while the rest becomes plain text


def spoken(markdown: str) -> Spoken:
    """The plain text of a statement's words and its stage directions (see `Spoken`)."""
    spans = directions(markdown)
    if not spans or _CUT in markdown:
        return Spoken(plain_text(markdown))
    as_text: dict[str, str] = {}  # the same few directions, again and again
    shown = [
        as_text.get(written) or as_text.setdefault(written, plain_text(_shown(written)))
        for written in (markdown[start:end] for start, end in spans)
    ]
    marked, position = [], 0
    for start, end in spans:
        marked.append(markdown[position:start] + _CUT)
        position = end
    marked.append(markdown[position:])
    pieces = plain_text("".join(marked)).split(_CUT)  # plain_text leaves one space at most between pieces
    if len(pieces) != len(spans) + 1:  # a cut that plain text dropped (markup it could not read): keep it all
        return Spoken(plain_text(markdown))
    text, found = pieces[0], []
    for direction, piece in zip(shown, pieces[1:], strict=True):
        if not text.strip() or text.endswith(" "):
            piece = piece.lstrip(" ")  # "[Laughter] But" -> "But"; "you. [Applause] And" -> "you. And"
        found.append((len(text), direction))
        text += piece
    text = text.strip()
    return Spoken(text, tuple((min(at, len(text)), direction) for at, direction in found))
