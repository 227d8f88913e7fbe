"""Dates as a record gives them: a day (2025-05-29), or only a month (1946-10) or a year (1946).

Older speeches and whole corpora (a UN session's year, a newspaper's month) often have no known day. Such a
date is a `PartialDate`: a `datetime.date` that sorts, compares and hashes as its first day, so ordering an
archive and a speaker's role on the day work unchanged, but that says what is known wherever it is written:
`isoformat()` gives `1946` or `1946-10` (valid ISO 8601, HTML `<time>`, JSON-LD and Dublin Core), and
`long_date` `1946` or `October 1946`, never a made-up 1 January. Code that needs a whole day (an Atom
timestamp, a day's page) asks `precision(day)` first.

>>> day = parse("1946-10")
>>> day, day.isoformat(), precision(day), last_day(day)
(PartialDate(1946, 10), '1946-10', 'month', datetime.date(1946, 10, 31))
>>> sorted([parse("1946-10-24"), parse("1946"), parse("1945-12-31")])[1].isoformat()
'1946'
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from podium.core import cldr

Precision = Literal["year", "month", "day"]

# English month names, not `strftime("%B")`, which follows the machine's locale.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# A date as Podium writes it: YYYY-MM-DD, YYYY-MM or YYYY (ASCII digits only). The model's JSON Schema, the
# data files' schemas and the corpus import use this one pattern.
PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
WRITTEN = re.compile(PATTERN)


class PartialDate(dt.date):
    """A year or a month without a day. Sorts as its first day; written as what is known."""

    # What datetime makes of one without calling __new__ (replace(), in C) is a whole day.
    precision: Precision = "day"

    def __new__(cls, year: int, month: int | None = None, day: int | None = None):
        if day is not None:
            # datetime's arithmetic makes a subclass's instances with a day (`date + timedelta`): a whole day.
            return dt.date(year, month or 1, day)
        self = super().__new__(cls, year, month or 1, 1)
        self.precision = "year" if month is None else "month"
        return self

    def isoformat(self) -> str:
        if self.precision == "day":
            return super().isoformat()
        return f"{self.year:04d}" if self.precision == "year" else f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat().replace('-', ', ').replace(', 0', ', ')})"

    def __reduce__(self):  # pickled into the build cache: keep what is known, not the first day's bytes
        known = {"year": (self.year,), "month": (self.year, self.month)}
        return (PartialDate, known.get(self.precision, (self.year, self.month, self.day)))

    def strftime(self, fmt: str) -> str:
        if self.precision == "day":
            return super().strftime(fmt)
        raise TypeError("a partial date has no day to format: ask precision() and write what is known")


def precision(day: dt.date) -> Precision:
    """`year`, `month` or `day`: how much of `day` the record gives."""
    return getattr(day, "precision", "day")


def last_day(day: dt.date) -> dt.date:
    """The last day a date can be: itself for a whole day, 31 December for a year, a month's last day."""
    kind = precision(day)
    if kind == "day":
        return day
    if kind == "year":
        return dt.date(day.year, 12, 31)
    following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def first_day(day: dt.date) -> dt.date:
    """The first day a date can be, as a plain `datetime.date` (for what needs a whole day)."""
    return dt.date(day.year, day.month, day.day)


def parse(text: str, partial: bool = True) -> dt.date:
    """`YYYY-MM-DD`, or with `partial` also `YYYY-MM` and `YYYY`. Raises ValueError with a message for people."""
    parts = [int(part) for part in text.strip().split("-")] if WRITTEN.fullmatch(text.strip()) else []
    if not parts or (not partial and len(parts) < 3):
        form = "YYYY-MM-DD, YYYY-MM or YYYY" if partial else "YYYY-MM-DD"
        raise ValueError(f"`{text}` is not a date in the form {form}")
    year, month, day = parts + [None] * (3 - len(parts))
    assert year is not None
    if year == 0:
        raise ValueError(f"impossible date {text}: there is no year 0")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"impossible date {text}: there is no month {month}")
    if day is None:
        return PartialDate(year, month)
    assert month is not None
    try:
        return dt.date(year, month, day)
    except ValueError:
        last = last_day(PartialDate(year, month)).day
        raise ValueError(f"impossible date {text}: {MONTHS[month - 1]} {year} has {last} days") from None


# ---- A table's own way of writing dates (`podium import corpus --date-form DD/MM/YYYY`) ----------------------

# Each part a form may write: what it gives, and the pattern of its group (a month's name is group `name`).
_FORM_TOKENS = {
    "YYYY": ("year", r"(?P<year>[0-9]{4})"),
    "MMMM": ("month", r"(?P<name>[^\W\d_]+\.?)"),
    "MMM": ("month", r"(?P<name>[^\W\d_]+\.?)"),
    "MM": ("month", r"(?P<month>[0-9]{2})"),
    "M": ("month", r"(?P<month>[0-9]{1,2})"),
    # A day may carry its ordinal's letters: 1st, 21st, 1er (French), 1º (Spanish, Portuguese).
    "DD": ("day", r"(?P<day>[0-9]{2})(?:st|nd|rd|th|er|º|°)?"),
    "D": ("day", r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th|er|º|°)?"),
}
_FORM_TOKEN = re.compile("|".join(_FORM_TOKENS))
# A month's English name, or its first three letters (with "Sept"), any case.
_MONTH_NAMES = {
    **{name.casefold(): number for number, name in enumerate(MONTHS, start=1)},
    **{name[:3].casefold(): number for number, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}


@lru_cache(maxsize=32)
def month_names(language: str | None = None) -> dict[str, int]:
    """Each month's names a date form reads, folded (`_folded`): English's, and `language`'s wide and abbreviated
    names as the CLDR writes them, alone and in a date. A name that would read as two months (one month's in
    English, another's in `language`) reads as neither: a date is never guessed.

    >>> month_names("de")["marz"], month_names("es")["sept"], month_names()["sept"]
    (3, 9, 9)
    """
    found: dict[str, set[int]] = {}
    for name, number in _MONTH_NAMES.items():
        found.setdefault(_folded(name), set()).add(number)
    if language and language.split("-")[0].split("_")[0].lower() != "en":
        found_locale = cldr.locale(language)
        months: Mapping[str, Mapping[str, Mapping[int, str]]] = found_locale.months if found_locale else {}
        for context in ("format", "stand-alone"):  # in a date, and alone
            for width in ("wide", "abbreviated"):
                for number, name in months.get(context, {}).get(width, {}).items():
                    found.setdefault(_folded(name), set()).add(number)
    return {name: numbers.pop() for name, numbers in found.items() if len(numbers) == 1}


def month_number(name: str, language: str | None = None) -> int | None:
    """The month a name says, in English or in `language` (`month_names`); None if neither language has it.

    >>> month_number("Sept."), month_number("mai", "fr"), month_number("mai")
    (9, 5, None)
    """
    return month_names(language).get(_folded(name))


def _folded(name: str) -> str:
    """A month's name as compared: lower case, without its accents or a final full stop (`Févr.` -> `fevr`)."""
    decomposed = unicodedata.normalize("NFKD", name.strip().rstrip(".").casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _literal(text: str) -> str:
    """What a form writes between its parts: itself, any run of spaces matching any run of spaces."""
    return "".join(r"\s+" if part.isspace() else re.escape(part) for part in re.split(r"(\s+)", text) if part)


def form_reader(form: str, language: str | None = None):
    """A reader of dates written as `form` (`DD/MM/YYYY`, `M/D/YYYY`, `D MMMM YYYY`, `MM.YYYY`, `YYYY`): given a
    value, it returns the date as Podium writes it (`1995-09-21`, `1995-09`, `1995`), or None if the value is
    not written so. Raises ValueError for a form without a year, or with a day and no month. A month's name is
    English, or in `language` as the Unicode CLDR writes it (the archive's `theme.language`), with or
    without its accents.

    >>> read = form_reader("DD/MM/YYYY")
    >>> read("21/09/1995"), read("1995-09-21")
    ('1995-09-21', None)
    >>> form_reader("D MMMM YYYY")("3 Sept. 1946"), form_reader("MMM YYYY")("oct 1946")
    ('1946-09-03', '1946-10')
    >>> french = form_reader("D MMMM YYYY", "fr")
    >>> french("1er février 1946"), french("3 fevr. 1946"), french("21 September 1995")
    ('1946-02-01', '1946-02-03', '1995-09-21')
    """
    names = month_names(language)
    pattern, seen, position = "", set(), 0
    for token in _FORM_TOKEN.finditer(form):
        pattern += _literal(form[position : token.start()])
        kind, group = _FORM_TOKENS[token.group()]
        if kind in seen:
            raise ValueError(f"the date form `{form}` gives the {kind} twice")
        seen.add(kind)
        pattern += group
        position = token.end()
    pattern += _literal(form[position:])
    if "year" not in seen:
        raise ValueError(f"the date form `{form}` has no year (YYYY)")
    if "day" in seen and "month" not in seen:
        raise ValueError(f"the date form `{form}` has a day but no month (MM, M, MMMM or MMM)")
    compiled = re.compile(pattern, re.IGNORECASE)

    def read(value: str) -> str | None:
        match = compiled.fullmatch(value.strip())
        if match is None:
            return None
        found = match.groupdict()
        month = found.get("month")
        if found.get("name") is not None:
            number = names.get(_folded(found["name"]))
            if number is None:
                return None
            month = str(number)
        parts = [found["year"]] + [f"{int(part):02d}" for part in (month, found.get("day")) if part is not None]
        return "-".join(parts)

    return read
