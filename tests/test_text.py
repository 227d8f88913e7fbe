"""The one copy of each small text helper (podium.core.text) and the modules that now share it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from podium.core import text
from podium.core.model import SpeechMeta
from podium.core.problems import Problems
from podium.core.statements import Section, parse
from podium.core.validation import error_message
from podium.render import i18n
from podium.render.pages import with_language
from podium.xref.crosslinks import CrossLinks

# ---- JSON inside <script> ----------------------------------------------------------------------------------


def test_script_json_escapes_what_would_end_the_script_or_the_line():
    value = {"said": "</script><!-- & \u2028 line \u2029 paragraph"}
    out = text.script_json(value)
    assert out == ('{"said": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 line \\u2029 paragraph"}')
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in out
    assert json.loads(out) == value  # JSON.parse reads the same value back


def test_script_json_compact_and_non_ascii_kept():
    assert text.script_json({"a": ["Қазақша", 1]}, compact=True) == '{"a":["Қазақша",1]}'


def test_the_cards_script_of_crosslinks_escapes_line_separators():
    """The copy in crosslinks used to escape `<`, `>` and `&` but not U+2028/9."""
    links = CrossLinks.__new__(CrossLinks)
    links.card = lambda key: {"text": "a\u2028b</script>"}
    html = links.cards_script({"k"})
    assert html == (
        '<script type="application/json" id="podium-cards">{"k":{"text":"a\\u2028b\\u003c/script\\u003e"}}</script>'
    )


# ---- Slugs and folding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Paul Kagamé", "paul-kagame"),
        ("  Plenary session: opening!  ", "plenary-session-opening"),
        ("Ердоған and Erdoğan", "and-erdogan"),  # letters with no ASCII form go, accents only are dropped
        ("Тоҷикӣ", ""),
    ],
)
def test_slug(name, expected):
    assert text.slug(name) == expected


def test_slug_limit_cuts_without_tidying_so_section_permalinks_stay():
    assert text.slug("ab cd", 3) == "ab-"
    assert text.slug("a" * 70, 60) == "a" * 60


def test_section_ids_come_from_the_slug():
    blocks = parse("## Über die Zukunft\n\nText.\n\n## Будущее\n\nMore.\n", "x.md", Problems())
    assert [b.id for b in blocks if isinstance(b, Section)] == ["h-uber-die-zukunft", "h-section"]


# Қ is a letter of its own, not an accented К: it stays.
@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Özil", "ozil"), ("STRASSE", "strasse"), ("Straße", "strasse"), ("café", "cafe"), ("Қазақша", "қазақша")],
)
def test_fold_ignores_case_and_accents(raw, expected):
    assert text.fold(raw) == expected


def test_fold_sorts_accented_names_with_their_letter():
    assert sorted(["Zuma", "Özil", "Obama"], key=text.fold) == ["Obama", "Özil", "Zuma"]


# ---- Dates and languages -----------------------------------------------------------------------------------


def test_long_date_is_english_whatever_the_locale():
    import locale

    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pass  # the machine has no German locale: the English check below still holds
    try:
        assert text.long_date(dt.date(2025, 5, 29)) == "29 May 2025"
        assert text.long_date(dt.date(2024, 12, 1)) == "1 December 2024"
    finally:
        locale.setlocale(locale.LC_TIME, "C")


def test_i18n_long_date_follows_the_interface_language():
    try:
        i18n.use("ru")
        assert i18n.long_date(dt.date(2025, 5, 29)) == "29 мая 2025 г."
        i18n.use("en")
        assert i18n.long_date(dt.date(2025, 3, 3)) == "3 March 2025"
    finally:
        i18n.use(None)


def test_one_language_table_for_english_names_and_endonyms():
    assert [text.language_name(c) for c in ("ru", "pt-BR", "xx")] == ["Russian", "Portuguese", "xx"]
    assert [text.endonym(c) for c in ("kk", "EN", "xx-Latn")] == ["Қазақша", "English", "xx-Latn"]


def test_a_language_the_table_leaves_out_is_named_from_the_cldr():
    """`language: th` showed "Language th" on the speech page and as the search filter: Thai is not in the table."""
    assert [text.language_name(c) for c in ("th", "sw", "he", "vi-VN")] == ["Thai", "Swahili", "Hebrew", "Vietnamese"]
    assert [text.endonym(c) for c in ("th", "sw", "he")] == ["ไทย", "Kiswahili", "עברית"]


def test_month_names_are_english():
    assert text.MONTHS[0] == "January" and text.MONTHS[8] == "September" and len(text.MONTHS) == 12


def test_stopwords_are_shared_and_related_adds_speech_formulas():
    from podium.quote import index as quote
    from podium.xref import related

    assert quote.STOPWORDS is text.STOPWORDS
    assert text.STOPWORDS < related.STOPWORDS
    assert {"thank", "excellency", "applause"} <= related.STOPWORDS - text.STOPWORDS


# ---- Markup, HTML and pydantic -----------------------------------------------------------------------------


def test_plain_text_strips_markup_and_inline_references():
    assert (
        text.plain_text("We **will** act, as [[x#y|I said]] and [here](https://a.b) &amp; `now`.")
        == "We will act, as I said and here & now."
    )


def test_html_lang_is_rewritten_once_and_escaped():
    page = '<!doctype html>\n<html lang="en" class="no-js"><body><p>html lang="en"</p></body></html>'
    assert with_language(page, "kk") == page.replace('lang="en" class', 'lang="kk" class')
    hostile = with_language(page, 'x" onload="alert(1)')
    assert '<html lang="x&quot; onload=&quot;alert(1)" class="no-js">' in hostile
    assert 'onload="' not in hostile


def test_error_message_drops_pydantics_prefix():
    with pytest.raises(ValidationError) as caught:
        SpeechMeta.model_validate({"title": "x", "date": "2025-02-30"})
    error = next(e for e in caught.value.errors() if e["loc"] == ("date",))
    assert error["msg"].startswith("Value error, ")
    assert error_message(error) == "impossible date 2025-02-30: February 2025 has 28 days"


def test_a_language_is_read_right_to_left_by_its_script_or_the_cldr():
    """Uzbek, Kazakh or Punjabi in Arabic letters (`uz-Arab`, `kk-Arab`, `pa-Arab`), and languages the tables leave
    out (Syriac, Balochi), are read right to left; the same languages in Latin or Cyrillic letters are not."""
    rtl = ["ar-EG", "he", "uz-Arab", "kk-Arab", "pa-Arab", "syr", "bal", "nqo"]
    ltr = ["en", "kk", "uz-Latn", "ar-Latn", "th", "sw", "xx"]
    assert [text.direction(code) for code in rtl] == ["rtl"] * len(rtl)
    assert [text.direction(code) for code in ltr] == ["ltr"] * len(ltr)
