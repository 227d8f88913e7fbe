"""The interface strings of Podium's own templates in the site's language, following Material's `theme.language`.

Plain Python, no MkDocs. Material translates its own interface (search box, "Back to top", ...) from
`theme.language`; this module does the same for the words Podium's templates print around a transcript:
"Date", "Event", "Corrections to the source", the language switcher. A transcript's own words are never
translated here. The tables, one module a language, are in `render/strings/` (Russian, French, Spanish,
German, Chinese, Arabic); plurals follow the Unicode CLDR's rules and dates its formats, both through Babel.

Templates call the Jinja global `t` with the English text as the key, so a template stays readable and an
untranslated string falls back to English:

    {{ t("Date") }}                                 -> Дата          (theme.language: ru)
    {{ t("speeches", n=counts.speeches) }}          -> 3 речи        (a plural: the form for the number's category)
    {{ plural("speeches", counts.speeches) }}       -> речи          (the word alone)
    {{ t("Corrections to the source ({n})", n=2) }} -> Исправления источника (2)

The site's language is set once per build with `use(config.theme.language)` (the `podium` plugin does it);
`translate(key, language="ru")` answers for any language without changing it. Another template (a facet
page, the cite box) gets the same `t` through `render.environment()`. A language without a table prints
English strings, with its dates and month names as the CLDR writes them.
"""

from __future__ import annotations

from functools import lru_cache

from podium.core import cldr, dates
from podium.core.dates import precision
from podium.core.text import LANGUAGES
from podium.core.text import MONTHS as _ENGLISH_MONTHS
from podium.core.text import long_date as _english_date
from podium.render.strings import TABLES

DEFAULT = "en"

# English plurals: (one, other). A plural key missing here is its own "other" form with "one" = key.
ENGLISH_PLURALS: dict[str, tuple[str, str]] = {
    "speeches": ("speech", "speeches"),
    "statements": ("statement", "statements"),
    "speakers": ("speaker", "speakers"),
    "events": ("event", "events"),
    "topics": ("topic", "topics"),
    # podium-search.js's sentences with a number
    "All {n} speeches with filters and sorting": (
        "All {n} speech with filters and sorting",
        "All {n} speeches with filters and sorting",
    ),
    "{n} speeches match": ("{n} speech matches", "{n} speeches match"),
    "{n} more speeches may match; they are checked as you show more.": (
        "{n} more speech may match; it is checked when you show more.",
        "{n} more speeches may match; they are checked as you show more.",
    ),
    "Checking {n} more speeches that may match…": (
        "Checking {n} more speech that may match…",
        "Checking {n} more speeches that may match…",
    ),
    "Up to {n} speeches, with filters and sorting": (
        "Up to {n} speech, with filters and sorting",
        "Up to {n} speeches, with filters and sorting",
    ),
    "{n} more matching statements in this speech": (
        "{n} more matching statement in this speech",
        "{n} more matching statements in this speech",
    ),
    # xref_speech.html
    "references": ("reference", "references"),
    "Referenced from {n} other speeches": ("Referenced from {n} other speech", "Referenced from {n} other speeches"),
}

_language = DEFAULT


def _plural_en(n: int) -> int:
    return 0 if n == 1 else 1


@lru_cache(maxsize=4096)  # a listing asks for the same few numbers again and again
def category(language: str, n: int) -> str:
    """The Unicode CLDR plural category of `n` in `language` (Babel): `category("ru", 22) == "few"`,
    `category("ar", 2) == "two"`, `category("fr", 0) == "one"`; `other` for a language the CLDR does not know."""
    found = cldr.locale(language)
    return found.plural_form(n) if found is not None else "other"


_TRADITIONAL = {"hant", "tw", "hk", "mo"}  # Chinese written in traditional characters


def base(language: str | None) -> str:
    """`pt-BR` -> `pt`; Material's `theme.language` may carry a region. Chinese in traditional characters stays
    apart (`zh-TW` -> `zh_hant`): the Simplified Chinese table is not its text; the CLDR writes its dates.

    >>> base("pt-BR"), base("zh"), base("zh-TW"), base("zh-Hant")
    ('pt', 'zh', 'zh_hant', 'zh_hant')
    """
    parts = (language or DEFAULT).replace("_", "-").lower().split("-")
    if parts[0] == "zh" and _TRADITIONAL & set(parts[1:]):
        return "zh_hant"
    return parts[0]


def known(language: str) -> bool:
    """Whether the Unicode CLDR knows `language` (`pt-BR`, `fr`), so its dates and plurals can be written."""
    return cldr.locale(language) is not None


def has_table(language: str) -> bool:
    """Whether Podium's own words are written in `language` (English, or a table in render/strings/)."""
    return base(language) == DEFAULT or base(language) in TABLES


def use(language: str | None) -> None:
    """Set the interface language of the build (Material's `theme.language`); unknown ones print English."""
    global _language
    _language = base(language)


def current() -> str:
    return _language


def translate(key: str, n: int | None = None, language: str | None = None, **values) -> str:
    """`key` (English) in the interface language, with `{name}` placeholders filled from `values` and `n`.

    >>> translate("speeches", n=5, language="ru"), translate("speeches", n=1)
    ('5 речей', '1 speech')
    """
    language = base(language) if language else _language
    if n is not None and key in ENGLISH_PLURALS:
        form = plural(key, n, language)  # a word ("речей"), or a sentence that places the number itself
        return form.format(n=n, **values) if "{" in form else f"{n} {form}"
    table = TABLES.get(language)
    found = table.strings.get(key) if table is not None else None
    if found is None and table is not None:
        found = _language_name(key, language)
    text = found if isinstance(found, str) else key
    return text.format(n=n, **values) if (values or n is not None) else text


def plural(key: str, n: int, language: str | None = None) -> str:
    """The word alone, in the form that goes with `n`: `plural("speeches", 2, "ru") == "речи"`.

    >>> plural("speeches", 5, "ru"), plural("speeches", 21, "ru"), plural("speeches", 2, "ar")
    ('речей', 'речь', 'خطابان')
    """
    language = base(language) if language else _language
    table = TABLES.get(language)
    found = table.strings.get(key) if table is not None else None
    if isinstance(found, tuple):
        assert table is not None
        kind = category(language, n)
        return found[table.plural.index(kind)] if kind in table.plural else found[-1]
    forms = ENGLISH_PLURALS.get(key)
    return forms[_plural_en(n)] if forms else key


def plural_forms(key: str, language: str | None = None) -> dict[str, str]:
    """Each form of a plural `key` by its CLDR category, `other` always among them, for a script that picks the
    category itself (podium-search.js, with `Intl.PluralRules`).

    >>> plural_forms("speeches", "en")
    {'one': 'speech', 'other': 'speeches'}
    >>> plural_forms("speeches", "ru")["few"], plural_forms("speeches", "ar")["two"]
    ('речи', 'خطابان')
    """
    language = base(language) if language else _language
    table = TABLES.get(language)
    if table is None or not isinstance(table.strings.get(key), tuple):
        forms = ENGLISH_PLURALS.get(key, (key, key))
        return {"one": forms[0], "other": forms[1]}
    found = table.strings[key]
    assert isinstance(found, tuple)
    made = dict(zip(table.plural, found, strict=True))
    made.setdefault("other", found[-1])
    return made


def _language_name(key: str, language: str) -> str | None:
    """An English language name (`speech.html` prints `t("French")`) as the CLDR names it in `language`, for a
    table that does not name it itself: `_language_name("Thai", "fr") == "thaï"`."""
    code = _english_language_codes().get(key)
    if code is None:
        return None
    found = cldr.locale(language)
    return found.languages.get(code) if found is not None else None


@lru_cache(maxsize=1)
def _english_language_codes() -> dict[str, str]:
    english = cldr.locale("en")
    assert english is not None
    codes = {name: code for code, name in english.languages.items() if "_" not in code}
    codes.update({english: code for code, (english, _own) in LANGUAGES.items()})
    return codes


_MONTHS_RU = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


# Month names standing alone (a heading, a chart's bar), where Russian uses the nominative.
_MONTH_NAMES_RU = (
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
)


def month_name(month: int, short: bool = False) -> str:
    """The name of `month` (1-12) on its own, in the interface language; `short` gives three letters (the
    Unicode CLDR's abbreviation in a language this module has no table for).

    >>> month_name(5), month_name(3, short=True)
    ('May', 'Mar')
    """
    if _language not in ("en", "ru") and (names := _cldr_months(_language, short)) is not None:
        return names[month - 1]
    names = _MONTH_NAMES_RU if _language == "ru" else _ENGLISH_MONTHS
    return names[month - 1][:3] if short else names[month - 1]


def long_date(day) -> str:
    """29 May 2025, or 29 мая 2025 г. in Russian: the day, the month's name, the year. A date without its day
    says what is known: October 1946 (октябрь 1946 г.), 1946 (1946 г.). Another language the Unicode CLDR
    knows writes the date its own way (`21 septembre 1995`, `1995年9月21日`); an unknown one, in English."""
    if _language == "ru":
        known = precision(day)
        if known == "year":
            return f"{day.year} г."
        if known == "month":
            return f"{_MONTH_NAMES_RU[day.month - 1].lower()} {day.year} г."
        return f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year} г."
    if _language != "en" and (written := _cldr_date(_language, day.isoformat())) is not None:
        return written
    return _english_date(day)


def month_heading(year: int, month: int) -> str:
    """A month as a heading: May 2025, Май 2025, `septembre 1995`, `1995年9月`."""
    if _language not in ("en", "ru") and (written := _cldr_date(_language, f"{year:04d}-{month:02d}")) is not None:
        return written
    return f"{month_name(month)} {year}"


# Cached by the date as written, not the date: a year alone is equal (and hashes equal) to its 1 January.
@lru_cache(maxsize=8192)  # a listing prints the same few thousand days again and again
def _cldr_date(language: str, iso: str) -> str | None:
    from babel import UnknownLocaleError
    from babel.dates import format_date, format_skeleton

    day = dates.parse(iso)
    try:
        known = precision(day)
        if known == "day":
            return format_date(day, "long", locale=language)
        return format_skeleton("yMMMM" if known == "month" else "y", day, locale=language)
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=64)
def _cldr_months(language: str, short: bool) -> tuple[str, ...] | None:
    from babel import UnknownLocaleError
    from babel.dates import get_month_names

    try:
        names = get_month_names("abbreviated" if short else "wide", context="stand-alone", locale=language)
    except (UnknownLocaleError, ValueError):
        return None
    return tuple(names[number] for number in range(1, 13))


def install(env) -> None:
    """Offer `t` to every template of a Jinja environment (render.environment() calls this).

    It also makes the `long_date` filter follow the interface language (English output unchanged).
    """
    env.globals["t"] = translate
    env.globals["plural"] = plural
    env.filters["long_date"] = long_date
    env.globals["month_name"] = month_name
