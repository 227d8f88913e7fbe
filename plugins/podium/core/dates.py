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
from typing import Literal

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

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class PartialDate(dt.date):
    """A year or a month without a day. Sorts as its first day; written as what is known."""

    # What datetime makes of one without calling __new__ (replace(), in C) is a whole day.
    precision: Precision = "day"

    def __new__(cls, year: int, month: int | None = None, day: int | None = None):
        if day is not None:
            # datetime's own arithmetic and replace() make a subclass's instances with a day: a whole day.
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
    match = _DATE.fullmatch(text.strip())
    if not match or (not partial and match.group(3) is None):
        form = "YYYY-MM-DD, YYYY-MM or YYYY" if partial else "YYYY-MM-DD"
        raise ValueError(f"`{text}` is not a date in the form {form}")
    year, month, day = (int(part) if part else None for part in match.groups())
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
