"""The interface strings of Podium's own templates, in English and Russian, following Material's `theme.language`.

Plain Python, no MkDocs. Material translates its own interface (search box, "Back to top", ...) from
`theme.language`; this module does the same for the words Podium's templates print around a transcript:
"Date", "Event", "Corrections to the source", the language switcher. A transcript's own words are never
translated here.

Templates call the Jinja global `t` with the English text as the key, so a template stays readable and an
untranslated string falls back to English:

    {{ t("Date") }}                                 -> Дата          (theme.language: ru)
    {{ t("speeches", n=counts.speeches) }}          -> 3 речи        (a plural: English one/other, Russian one/few/many)
    {{ plural("speeches", counts.speeches) }}       -> речи          (the word alone)
    {{ t("Corrections to the source ({n})", n=2) }} -> Исправления источника (2)

The site's language is set once per build with `use(config.theme.language)` (the `podium-languages` plugin
does it); `translate(key, language="ru")` answers for any language without changing it. Another template
(a facet page, the cite box) gets the same `t` through `render.environment()`; to add a language, add its
table to `STRINGS` (and its plural rule to `_PLURAL` if it is not English-like).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from podium.core import dates
from podium.core.dates import precision
from podium.core.text import MONTHS as _ENGLISH_MONTHS
from podium.core.text import long_date as _english_date

DEFAULT = "en"

# English key -> Russian text. A plural is a tuple of forms: English (one, other); Russian (one, few, many).
STRINGS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "ru": {
        # speech.html
        "Date": "Дата",
        "Event": "Событие",
        "Session": "Сессия",
        "Location": "Место",
        "Language": "Язык",
        "Kind": "Жанр",
        "Source": "Источник",
        "Recording": "Запись",
        "Video": "Видео",
        "Audio": "Аудио",
        # speech_player.html and podium-media.js: playing the recording from a statement
        "Play from here": "Воспроизвести с этого места",
        "Play from {time}": "Воспроизвести с {time}",
        "Play the video": "Смотреть видео",
        "{site}'s player loads only when you press play.": "Плеер {site} загрузится, только когда вы нажмёте.",
        "Open the recording": "Открыть запись",
        "Close the player": "Закрыть плеер",
        "Topics": "Темы",
        "Topics of this statement": "Темы этого высказывания",
        "retrieved": "получено",
        "Permalink to this statement": "Постоянная ссылка на это высказывание",
        "Permalink to statement {id}": "Постоянная ссылка на высказывание {id}",
        "Statement {n}": "Высказывание {n}",
        "Copy link to this statement": "Скопировать ссылку на это высказывание",
        "Copy link": "Копировать ссылку",
        "Copied": "Скопировано",
        "Cite…": "Цитировать…",
        "Embed…": "Встроить…",
        "Editor's note.": "Примечание редактора.",
        "Corrections to the source ({n})": "Исправления источника ({n})",
        "Correct this transcript": "Исправить эту стенограмму",
        ": propose a change by pull request.": ": предложите правку через pull request.",
        # kinds and delivery (the `kind` values of the front matter)
        "Speech": "Речь",
        "Statement": "Заявление",
        "Address": "Обращение",
        "Remarks": "Выступление",
        "Lecture": "Лекция",
        "Panel": "Панельная дискуссия",
        "Debate": "Дебаты",
        "Interview": "Интервью",
        "Press conference": "Пресс-конференция",
        "Other": "Другое",
        "as delivered": "по произнесённому",
        "as prepared": "по подготовленному тексту",
        "translation": "перевод",
        "written": "в письменном виде",
        # language names (core.text.LANGUAGES)
        "English": "английский",
        "Russian": "русский",
        "Kazakh": "казахский",
        "French": "французский",
        "German": "немецкий",
        "Spanish": "испанский",
        "Chinese": "китайский",
        "Arabic": "арабский",
        "Turkish": "турецкий",
        "Uzbek": "узбекский",
        "Kyrgyz": "киргизский",
        "Ukrainian": "украинский",
        # speech_list.html and home_summary.html
        "speeches": ("речь", "речи", "речей"),
        "statements": ("высказывание", "высказывания", "высказываний"),
        "speakers": ("спикер", "спикера", "спикеров"),
        "events": ("событие", "события", "событий"),
        "Latest speeches": "Последние речи",
        "All speeches →": "Все речи →",
        "No speeches yet. Editors add one with `podium new` or `podium import`.": (
            "Речей пока нет. Редакторы добавляют их командой `podium new` или `podium import`."
        ),
        "The {shown} newest of {total} speeches.": "Новейшие речи: {shown} из {total}.",
        # language_switcher.html and compare.html (podium-languages)
        "Language versions": "Языковые версии",
        "Also in": "Также на языках",
        "original": "оригинал",
        "official translation": "официальный перевод",
        "unofficial translation": "неофициальный перевод",
        "this page": "эта страница",
        "Side by side with the original": "Рядом с оригиналом",
        "Side by side": "Параллельно",
        "{original} and {translation} side by side": "{original} и {translation} параллельно",
        "Back to the speech": "Назад к речи",
        "Not in this version": "Нет в этой версии",
        "aligned by the editor": "выровнено редактором",
        "in order": "по порядку",
        "Languages": "Языки",
        # facet pages (podium-facets): hubs, term pages, pagers
        "topics": ("тема", "темы", "тем"),
        "Speakers": "Спикеры",
        "Speeches": "Речи",
        "Events": "События",
        "Dates": "Даты",
        "Place": "Место",
        "Website": "Сайт",
        "Programme": "Программа",
        "Editions": "Выпуски",
        "Portrait of {name}": "Портрет: {name}",
        "Country": "Страна",
        "Also written": "Другие написания",
        "Links": "Ссылки",
        "Roles": "Должности",
        "from": "с",
        "to": "по",
        "current": "по настоящее время",
        "Also": "См. также",
        "Subtopics": "Подтемы",
        "page {n} of {total}": "страница {n} из {total}",
        "No speaker has a speech in this archive yet.": "В архиве пока нет ни одной речи.",
        ", A–Z by name; the number is how many speeches each gave.": (
            ", по алфавиту; число — сколько речей произнёс каждый."
        ),
        "This archive has no topics yet: editors add them in topics.yml and tag speeches with `topics:`.": (
            "В архиве пока нет тем: редакторы добавляют их в topics.yml и отмечают речи полем `topics:`."
        ),
        "This archive has no events yet: editors add them in events.yml and name one with `event:`.": (
            "В архиве пока нет событий: редакторы добавляют их в events.yml и указывают полем `event:`."
        ),
        " of the archive's vocabulary; a topic's count includes its subtopics'.": (
            " в словаре архива; число у темы включает её подтемы."
        ),
        ": series, and their editions inside them; a series' count includes its editions'.": (
            ": серии и их выпуски; число у серии включает её выпуски."
        ),
        "Jump to a letter": "Перейти к букве",
        "Role": "Должность",
        "Any role": "Любая должность",
        "Organisation": "Организация",
        "Any organisation": "Любая организация",
        "Name": "Имя",
        "Pages": "Страницы",
        "Newer": "Новее",
        "Older": "Старше",
        "Breadcrumbs": "Навигационная цепочка",
        "Breadcrumb": "Навигационная цепочка",
        "Home": "Главная",
        "Follow": "Подписаться",
        "new speeches in a feed reader (Atom feed)": "новые речи в программе для чтения лент (Atom)",
        "Days": "Дни",
        "Other days": "Другие дни",
        "{year}, month not known": "{year} г., месяц неизвестен",
        "Without a known month: {n}.": "Без известного месяца: {n}.",
        "Other speeches": "Другие речи",
        "Photo": "Фото",
        "Downloads": "Скачать",
        "Every statement": "Все высказывания",
        "gzipped JSON Lines, one statement a line": "JSON Lines в gzip, по высказыванию в строке",
        "Speakers, roles, events and topics": "Ораторы, должности, события и темы",
        "Popolo JSON": "JSON в формате Popolo",
        "One speech as JSON": "Одна речь в JSON",
        "as Akoma Ntoso XML": "в XML Akoma Ntoso",
        "“{title}”; every speech has both files beside its page": (
            "«{title}»; у каждой речи оба файла лежат рядом с её страницей"
        ),
        "JSON Schema: {name}": "JSON Schema: {name}",
        "Feeds": "Ленты",
        "Atom feeds for a feed reader; each speaker's, topic's and event's page links its own (“Follow”).": (
            "Ленты Atom для программ чтения лент; страница каждого оратора, темы и события даёт ссылку на свою "
            "(«Подписаться»)."
        ),
        "The whole archive": "Весь архив",
        "Were you looking for one of these?": "Возможно, вы искали это?",
        "Statements on {label}": "Высказывания на тему «{label}»",
        "on this topic, from every speech that touches it.": "на эту тему, из всех речей, где она есть.",
        "in this archive": "в архиве",
        "tagged": "с этой темой",
        "Statements on this topic": "Высказывания на эту тему",
        "All {n} statements →": "Все высказывания ({n}) →",
        "and {n} more": "и ещё {n}",
        "Turns in panels and debates": "Реплики в панельных дискуссиях и дебатах",
        "Speeches with several speakers: {n}.": "Речи с несколькими спикерами: {n}.",
        "turn {n}": "реплика {n}",
        "Jump to": "Перейти к",
        "No speeches yet.": "Речей пока нет.",
        # search_page.html (podium-search) and the 404 page
        "Search the transcripts": "Поиск по стенограммам",
        'Words, or a "phrase in quotes"': "Слова или «фраза в кавычках»",
        "Search": "Искать",
        "Put a phrase in quotes to find those words in that order.": (
            "Возьмите фразу в кавычки, чтобы найти эти слова именно в таком порядке."
        ),
        "Press {slash} to come back here, {down} {up} to move through the results, {enter} to open one.": (
            "Нажмите {slash}, чтобы вернуться сюда, {down} {up} — чтобы идти по результатам, {enter} — чтобы открыть."
        ),
        "How search works": "Как устроен поиск",
        "Sort": "Порядок",
        "Most relevant": "Сначала самые подходящие",
        "Newest first": "Сначала новые",
        "Oldest first": "Сначала старые",
        "Filters": "Фильтры",
        "Search needs JavaScript. Every speech is also listed on the {link} page.": (
            "Для поиска нужен JavaScript. Все речи также перечислены на странице {link}."
        ),
        "Speakers, topics and events": "Спикеры, темы и события",
        "Show more speeches": "Показать ещё речи",
        # podium-search.js (passed by overrides/partials/podium-search.html) and the search page's year range
        "The one matching speech, with filters and sorting": "Единственная подходящая речь, с фильтрами и сортировкой",
        "All {n} speeches with filters and sorting": (
            "Все {n} речь с фильтрами и сортировкой",
            "Все {n} речи с фильтрами и сортировкой",
            "Все {n} речей с фильтрами и сортировкой",
        ),
        "No speech matches. Search page": "Ничего не найдено. Страница поиска",
        'Type words to search every transcript, or a "phrase in quotes".': (
            "Введите слова, чтобы искать во всех стенограммах, или «фразу в кавычках»."
        ),
        "Search could not load. Try reloading the page.": "Поиск не загрузился. Попробуйте обновить страницу.",
        "No speech matches for {query}.": "По запросу «{query}» ничего не найдено.",
        "No speech matches.": "Ничего не найдено.",
        "{n} speeches match": ("Найдена {n} речь", "Найдены {n} речи", "Найдено {n} речей"),
        "{n} more speeches may match; they are checked as you show more.": (
            "Ещё {n} речь может подойти; она будет проверена, когда вы покажете больше.",
            "Ещё {n} речи могут подойти; они будут проверены, когда вы покажете больше.",
            "Ещё {n} речей могут подойти; они будут проверены, когда вы покажете больше.",
        ),
        "Checking {n} more speeches that may match…": (
            "Проверяется ещё {n} речь, которая может подойти…",
            "Проверяются ещё {n} речи, которые могут подойти…",
            "Проверяются ещё {n} речей, которые могут подойти…",
        ),
        "Up to {n} speeches, with filters and sorting": (
            "До {n} речи, с фильтрами и сортировкой",
            "До {n} речей, с фильтрами и сортировкой",
            "До {n} речей, с фильтрами и сортировкой",
        ),
        " for {query}": " по запросу «{query}»",
        " (showing {shown})": " (показано: {shown})",
        "{n} more matching statements in this speech": (
            "Ещё {n} подходящее высказывание в этой речи",
            "Ещё {n} подходящих высказывания в этой речи",
            "Ещё {n} подходящих высказываний в этой речи",
        ),
        "All {n}": "Все ({n})",
        "No speech mentions “{query}”.": "Ни одна речь не упоминает «{query}».",
        "Speeches by {name}: {n}.": "Речи спикера {name}: {n}.",
        "Years": "Годы",
        "From": "С",
        "To": "По",
        "Page not found": "Страница не найдена",
        "Nothing is published at this address. The speech or page may have moved, or the link may be mistyped.": (
            "По этому адресу ничего нет. Возможно, речь или страница переехала, или в ссылке опечатка."
        ),
        "Search the speeches": "Поиск по речам",
        "Browse the archive": "Разделы архива",
        "Search speeches": "Поиск по речам",
        "Quick results": "Быстрые результаты",
        # xref_statement.html (podium-xref)
        "See also:": "См. также:",
        "Referenced in {count}": "Ссылки из других речей: {count}",
        "Related ({n})": "Похожие ({n})",
        # charts (facets/charts.py) on facet pages
        "Speeches per year": "Речи по годам",
        "The number of speeches in the archive in each year.": "Число речей в архиве за каждый год.",
        "Speeches per month in {label}": "Речи по месяцам, {label}",
        "The number of speeches in each month of {label}.": "Число речей за каждый месяц {label} года.",
        "Speeches by {label} in each year.": "Речи: {label}, по годам.",
        "Speeches on {label} in each year.": "Речи на тему «{label}», по годам.",
        "Speeches at {label} in each year.": "Речи на событии «{label}», по годам.",
        "The figures as a table": "Цифры в виде таблицы",
        "Year": "Год",
        "Month": "Месяц",
        "{total} in all; the most in one bar: {most}.": "Всего: {total}; больше всего в одном столбце: {most}.",
        # search filters (search_page.html legends)
        "Speaker": "Спикер",
        "Topic": "Тема",
    },
}
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
}

_language = DEFAULT


def _plural_en(n: int) -> int:
    return 0 if n == 1 else 1


def _plural_ru(n: int) -> int:
    """Russian (and Ukrainian, Belarusian): 1 речь, 2 речи, 5 речей, 21 речь, 11 речей."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


_PLURAL: dict[str, Callable[[int], int]] = {"en": _plural_en, "ru": _plural_ru, "uk": _plural_ru, "be": _plural_ru}


def base(language: str | None) -> str:
    """`pt-BR` -> `pt`; Material's `theme.language` may carry a region."""
    return (language or DEFAULT).split("-")[0].split("_")[0].lower()


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
        return f"{n} {plural(key, n, language)}"
    found = STRINGS.get(language, {}).get(key)
    text = found if isinstance(found, str) else key
    return text.format(n=n, **values) if (values or n is not None) else text


def plural(key: str, n: int, language: str | None = None) -> str:
    """The word alone, in the form that goes with `n`: `plural("speeches", 2, "ru") == "речи"`."""
    language = base(language) if language else _language
    found = STRINGS.get(language, {}).get(key)
    if isinstance(found, tuple):
        return found[min(_PLURAL.get(language, _plural_en)(n), len(found) - 1)]
    forms = ENGLISH_PLURALS.get(key)
    return forms[_plural_en(n)] if forms else key


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
