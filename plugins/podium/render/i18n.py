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
        "Topics": "Темы",
        "Topics of this statement": "Темы этого высказывания",
        "retrieved": "получено",
        "Permalink to this statement": "Постоянная ссылка на это высказывание",
        "Permalink to statement {id}": "Постоянная ссылка на высказывание {id}",
        "Copy link to this statement": "Скопировать ссылку на это высказывание",
        "Copy link to statement {id}": "Скопировать ссылку на высказывание {id}",
        "Copy link": "Копировать ссылку",
        "Copied": "Скопировано",
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
    },
}
# English plurals: (one, other). A plural key missing here is its own "other" form with "one" = key.
ENGLISH_PLURALS: dict[str, tuple[str, str]] = {
    "speeches": ("speech", "speeches"),
    "statements": ("statement", "statements"),
    "speakers": ("speaker", "speakers"),
    "events": ("event", "events"),
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


def long_date(day) -> str:
    """29 May 2025, or 29 мая 2025 г. in Russian: the day, the month's name, the year."""
    if _language == "ru":
        return f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year} г."
    return _english_date(day)


def install(env) -> None:
    """Offer `t` to every template of a Jinja environment (render.environment() calls this).

    It also makes the `long_date` filter follow the interface language (English output unchanged).
    """
    env.globals["t"] = translate
    env.globals["plural"] = plural
    env.filters["long_date"] = long_date
