"""Turn a scraped news article or press release into a draft transcript, and say exactly what was left out.

A typical scrape (see `shared/examples/aif-2025-tokayev-plenary.article.txt`) is a headline, the site's
breadcrumbs, the publisher and author, a photo credit, a dateline (`ASTANA, May 29 – ...`), a few paragraphs
of the journalist's own text, an introduction ("Here is the Statement ... :"), the statement as one long
quotation, and a related-article teaser. `parse` finds:

- the statement: the quotation that follows an introduction line, or else the longest quotation, or else
  (a press release) everything after the dateline that is not boilerplate;
- the source: headline, publisher, author, place and date of the dateline, a URL if the scrape kept one;
- who spoke, at which event and session, from the registries' names and aliases.

Every line that does not become a statement is returned in `dropped` with the reason, and the importer
prints it: nothing of the input disappears without the editor seeing it. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from podium.core.dates import last_day, month_number
from podium.core.registry import Registry
from podium.core.text import one_line
from podium.editors import webpage
from podium.editors.draft import Draft, escape
from podium.editors.lint import boilerplate_match

# `ASTANA, May 29 –`, `GENEVA (Reuters), 3 March 2024 —`, `Astana, May 29, 2025 -`, `PARIS, 1er février 2025 –`.
# A month is a name in English or in the statement's language (`core.dates.month_number`); anything else is no
# dateline.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-Za-zÀ-ÿ'’. -]{1,40}?)(?:\s*\([^)]*\))?,\s*"
    r"(?:(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})(?:st|nd|rd|th|er|º)?\s+(?P<month2>[^\W\d_]+)\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?\s*(?:\([^)]*\)\s*)?[–—-]+\s*"
)
INTRODUCTION = re.compile(
    r"\b(here is|here's|below is|the following is|read the full|full text of|the full text|"
    r"the text of)\b.*\b(statement|speech|address|remarks|lecture|text|transcript)\b.*:\s*$",
    re.IGNORECASE,
)
_KIND = re.compile(r"\b(statement|speech|address|remarks|lecture)\b", re.IGNORECASE)
OPENING = '“"«„'
_CLOSES = {"“": "”", '"': '"', "«": "»", "„": "“"}
_URL = re.compile(r"https?://\S+")
_AUTHOR = re.compile(r"^(?:[Bb]y\s+)?([A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})$")


@dataclass
class Dropped:
    line: int
    text: str
    reason: str


@dataclass
class Article:
    paragraphs: list[str]
    statement_lines: tuple[int, int] | None  # first and last line (1-based) of the statement, if found
    dropped: list[Dropped] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    kind: str | None = None
    speaker: str | None = None
    event: str | None = None
    session: str | None = None
    location: str | None = None
    date: dt.date | None = None
    notes: list[str] = field(default_factory=list)  # what the importer guessed, for the editor to check
    dateline: int | None = None  # the dateline's line (1-based), if one was found


def _dateline(line: str, year: int | None, language: str = "en") -> tuple[str, dt.date | None, int | None] | None:
    match = DATELINE.match(line)
    if not match:
        return None
    month = month_number(match.group("month") or match.group("month2") or "", language)
    if month is None:
        return None
    day = int(match.group("day") or match.group("day2"))
    found_year = int(match.group("year")) if match.group("year") else None
    place = match.group("place").strip()
    place = place.title() if place.isupper() else place
    known_year = found_year or year
    try:
        date = dt.date(known_year, month, day) if known_year else None
    except ValueError:
        date = None
    return place, date, found_year


def _opens(line: str) -> bool:
    """Whether a line starts with an opening quotation mark."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in OPENING


def _quotation_end(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the quotation opened at the start of `lines[start]`."""
    opening = lines[start].lstrip()[0]
    closing = _CLOSES[opening]
    depth = 0
    for index in range(start, len(lines)):
        for char in lines[index]:
            if opening == closing:
                if char == opening:
                    depth = 0 if depth else 1
            elif char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
        if depth <= 0:
            return index
    return None


def read(text: str, registry: Registry, year: int | None = None, html: bool = False, language: str = "en") -> Article:
    """`parse` of a scraped text, or of a saved web page's text (`webpage`) with its head's metadata: an HTML
    document, or any text when `html` (a file named `.html`, which may hold only a fragment of a page)."""
    if not (html or webpage.is_page(text)):
        return parse(text, registry, year, language)
    page = webpage.read(text)
    published = page.source.get("date")
    article = parse("\n".join(page.lines), registry, year or getattr(published, "year", None), language)
    for key, value in page.source.items():
        article.source.setdefault(key, value)
    skipped = f" ({', '.join(page.left_out)} left out)" if page.left_out else ""
    article.notes.insert(
        0,
        f"read as a web page: its text as a browser shows it{skipped}; the line numbers below are of that text",
    )
    return article


def parse(text: str, registry: Registry, year: int | None = None, language: str = "en") -> Article:
    """Split an article into the statement and the rest; `year` completes a dateline without one, whose month
    is named in English or in `language` (the statement's)."""
    lines = text.replace("\r\n", "\n").split("\n")
    # 1. The statement: after an introduction, the longest quotation, or (a press release) the text itself.
    start = end = None
    introduction = None
    for index, line in enumerate(lines):
        if INTRODUCTION.search(line.strip()):
            following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
            if following is not None:
                introduction, start = index, following
                break
    if start is not None and _opens(lines[start]):
        end = _quotation_end(lines, start)
    elif start is None:
        best = None
        for index, line in enumerate(lines):
            if _opens(line) and (close := _quotation_end(lines, index)) is not None:
                if close - index >= 2 and (best is None or close - index > best[1] - best[0]):
                    best = (index, close)
        if best:
            start, end = best
    quoted = start is not None and _opens(lines[start]) and end is not None
    if start is not None and end is None:
        end = max(i for i, line in enumerate(lines) if line.strip())
        while end > start and boilerplate_match(lines[end]):
            end -= 1
    article = Article(paragraphs=[], statement_lines=None)
    # 2. The header: headline, publisher, author, photo credit, dateline, the journalist's text.
    headline = next((line.strip() for line in lines if line.strip()), "")
    dateline_at = None
    for index, line in enumerate(lines):
        if start is not None and index >= start:
            break
        if (found := _dateline(line.strip(), year, language)) is not None:
            article.location, article.date, _ = found
            article.source["place"] = found[0]
            if found[1]:
                article.source["date"] = found[1]
            elif not year:
                article.notes.append("the dateline has no year: pass --date YYYY-MM-DD")
            dateline_at = index
            article.dateline = index + 1
            break
    if start is None:
        # A press release: the statement is the text after the dateline (or the headline).
        start = (dateline_at if dateline_at is not None else 0) + (0 if dateline_at is not None else 1)
        end = max((i for i, line in enumerate(lines) if line.strip()), default=start)
        article.notes.append(
            "no quoted statement found: the whole text after the header became the draft, "
            "so check where the speech starts and ends"
        )
    assert end is not None  # a statement found above has an end; the press-release case just set one
    article.source["title"] = headline
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or start <= index <= end:
            continue
        reason = _header_reason(stripped, index, lines, headline, article, dateline_at, introduction, start)
        article.dropped.append(Dropped(index + 1, line, reason))
    # 3. The statement itself, one paragraph per line; boilerplate inside it is dropped and listed.
    body = lines[start : end + 1]
    if dateline_at is not None and dateline_at == start and (match := DATELINE.match(body[0].strip())):
        article.dropped.append(Dropped(start + 1, body[0].strip()[: match.end()].strip(), "dateline"))
        body[0] = body[0].strip()[match.end() :]
    if quoted:
        first = body[0].lstrip()
        body[0] = first[1:]
        closing = _CLOSES[first[0]]
        last = body[-1].rstrip()
        if last.endswith(closing):
            body[-1] = last[: -len(closing)]
        article.notes.append(f"the quotation marks {first[0]}…{closing} around the statement were left out")
    for offset, line in enumerate(body):
        stripped = one_line(line) if line.strip() else ""
        if not stripped:
            continue
        if match := boilerplate_match(stripped):
            kept = stripped[: match.start()].rstrip()
            if kept:
                article.paragraphs.append(escape(kept))
            article.dropped.append(Dropped(start + offset + 1, stripped[match.start() :], "boilerplate"))
            continue
        article.paragraphs.append(escape(stripped))
    article.statement_lines = (start + 1, end + 1)
    article.dropped.sort(key=lambda d: d.line)
    # 4. Who, where, what: from the introduction (or the header) and the registries.
    context = lines[introduction] if introduction is not None else "\n".join(lines[:start])
    article.speaker = _find_speaker(context, registry) or _find_speaker("\n".join(lines[:start]), registry)
    article.kind, article.title = _title(lines[introduction].strip() if introduction is not None else "", headline)
    article.event, article.session = _find_event("\n".join(lines[:start]), context, article.date, registry)
    if article.event:
        article.location = registry.events[article.event].location or article.location
    return article


def _header_reason(
    stripped: str,
    index: int,
    lines: list[str],
    headline: str,
    article: Article,
    dateline_at: int | None,
    introduction: int | None,
    start: int,
) -> str:
    source = article.source
    if index == introduction:
        return "the article's introduction of the statement"
    if stripped == headline or stripped.endswith(headline):
        return "headline (kept as source.title)" if stripped == headline else "breadcrumb and headline"
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    if stripped.endswith(":") and following == headline and index < start:
        source["title"] = f"{stripped} {headline}"
        return "headline (kept as source.title)"
    if url := _URL.search(stripped):
        source.setdefault("url", url.group().rstrip(".,)"))
        return "address (kept as source.url)"
    if match := re.match(r"^(?:photo(?:graph)?|image)\s*(?:by|:)\s*(.+)$", stripped, re.IGNORECASE):
        return "photo credit"
    if boilerplate_match(stripped):
        return "boilerplate"
    if index == dateline_at:
        return "the journalist's text (dateline kept as source.place and source.date)"
    if dateline_at is None or index < dateline_at:
        letters = [c for c in stripped if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(stripped.split()) <= 6 and "publisher" not in source:
            source["publisher"] = stripped.title()
            return "publisher (kept as source.publisher)"
        if (match := _AUTHOR.match(stripped)) and "author" not in source and not stripped.isupper():
            source["author"] = match.group(1)
            return "author (kept as source.author)"
    if index > start:
        return "after the statement"
    return "the journalist's text"


def _names(registry: Registry) -> list[tuple[str, str]]:
    pairs = []
    for ident, speaker in registry.speakers.entries.items():
        for name in (speaker.name, *speaker.aliases):
            pairs.append((name, ident))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _find_speaker(text: str, registry: Registry) -> str | None:
    counts: dict[str, int] = {}
    for name, ident in _names(registry):
        found = len(re.findall(re.escape(name), text, re.IGNORECASE))
        if found:
            counts[ident] = counts.get(ident, 0) + found
    return max(counts, key=counts.__getitem__) if counts else None


def _title(introduction: str, headline: str) -> tuple[str | None, str]:
    """`Here is the Statement <who> at the Plenary session of X:` -> (statement, `Statement at the ...`)."""
    if not introduction:
        return None, headline
    core = re.sub(
        r"^.*?\b(here is|here's|below is|the following is|read the full|full text of|the full text|"
        r"the text of)\s+(the\s+)?",
        "",
        introduction.rstrip(":").strip(),
        flags=re.IGNORECASE,
    )
    kind = _KIND.search(core)
    if not kind:
        return None, core or headline
    word = kind.group(1).lower()
    rest = re.search(r"\s(at|to|before|on|during)\s(.+)$", core[kind.end() :])
    title = f"{word.capitalize()} {rest.group(1)} {rest.group(2)}" if rest else core
    return word, title


def _find_event(header: str, context: str, date: dt.date | None, registry: Registry) -> tuple[str | None, str | None]:
    text = f"{header}\n{context}".casefold()
    candidates = []
    for ident, event in registry.events.entries.items():
        names = [event.name]
        if event.parent and event.parent in registry.events:
            names.append(registry.events[event.parent].name)
        if not any(name.casefold() in text for name in names):
            continue
        dated = (
            date is not None
            and event.start is not None
            and event.start <= last_day(date)
            and date <= last_day(event.end or event.start)
        )
        candidates.append((dated, event.parent is not None, ident))
    if not candidates:
        return None, None
    dated, _, ident = max(candidates)
    if date is not None and not dated and registry.events[ident].start is not None:
        return None, None
    session = next((s.name for s in registry.events[ident].sessions if s.name.casefold() in context.casefold()), None)
    return ident, session


def draft(article: Article, language: str = "en", file_name: str = "") -> Draft:
    """The front matter and paragraphs of the transcript an editor starts from."""
    source = {
        key: article.source[key]
        for key in ("title", "publisher", "author", "place", "date", "url")
        if article.source.get(key)
    }
    source["note"] = (
        f"Imported with `podium import article` from {file_name or 'a scraped article'}: the "
        "statement quoted in the article, without the article's own text and the site's "
        "boilerplate around it."
    )
    meta = {
        "title": article.title,
        "date": article.date,
        "speaker": article.speaker,
        "event": article.event,
        "session": article.session,
        "location": article.location,
        "language": language,
        "kind": article.kind,
        "source": source,
    }
    return Draft(meta, article.paragraphs)
