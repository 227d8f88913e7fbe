"""`podium lint --fix` never harms: it rewrites a span only when the repaired text is provably what was meant.

Mojibake is read back only when every byte of the run makes whole UTF-8 sequences that decode to letters an
archive writes; `„Gruß“`, `“CAFÉ”` and `«ÉTÉ»` make valid UTF-8 too and must stay as written. A property test
over real-looking text in French, German, Turkish, Kazakh, Russian, Portuguese and English proves that `--fix`
on clean text changes nothing.
"""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.cli.main import main
from podium.editors.lint import fix_text, lint_text

FRONT = "---\ntitle: T\ndate: 2025-05-29\nspeaker: tokayev\nlanguage: {language}\n---\n\n"


def fixed(body: str, language: str = "en") -> tuple[str, list[str]]:
    text, applied = fix_text(FRONT.format(language=language) + body, "t.md")
    return text.split("---\n\n", 1)[1], [item.format("t.md") for item in applied]


# -- exact repairs, one log line each -------------------------------------------------------------------------------


def test_a_curly_quote_pair_is_repaired_whole_with_its_closing_quote():
    assert fixed("We say â€œpeaceâ€\x9d here.\n") == (
        "We say “peace” here.\n",
        ["fixed t.md:8:8: [mojibake] `â€œpeaceâ€\\x9d` -> `“peace”`"],
    )


def test_text_encoded_three_times_is_repaired_in_one_run_with_one_line():
    once = "’".encode().decode("cp1252")
    twice = once.encode().decode("cp1252")
    thrice = twice.encode().decode("cp1252")
    assert fixed(f"Kazakhstan{twice}s and Astana{thrice}s.\n") == (
        "Kazakhstan’s and Astana’s.\n",
        [
            f"fixed t.md:8:11: [mojibake] `Kazakhstan{twice}s` -> `Kazakhstan’s`",
            f"fixed t.md:8:31: [mojibake] `Astana{thrice}s.` -> `Astana’s.`",
        ],
    )


def test_entities_and_invisible_characters_are_repaired_exactly():
    assert fixed("The people&#8217;s govern\u00adment&amp;nbsp;now.\n")[0] == "The people’s government\u00a0now.\n"


def test_a_bidirectional_override_is_deleted_and_spelled_out_in_the_log():
    assert fixed("The \u202etnemnrevog\u202c acts.\n") == (
        "The tnemnrevog acts.\n",
        ["fixed t.md:8:5: [invisible-character] `\\u202etnemnrevog\\u202c` -> `tnemnrevog`"],
    )


def test_a_broken_quote_that_cannot_be_proved_is_reported_not_rewritten():
    body = "We say “peaceâ€ here.\n"
    assert fixed(body) == (body, [])
    assert [p.message for p, _ in lint_text(FRONT.format(language="en") + body, "t.md")] == [
        "[mojibake] mojibake `â€`: the start of a curly quote or dash whose last byte was lost"
    ]


def test_a_second_run_finds_nothing_to_fix():
    once, _ = fixed("â€œOneâ€\x9d, Ã©tÃ©, the  end &amp; more.\n")
    assert fixed(once) == (once, [])


# -- legitimate text that looks like mojibake -------------------------------------------------------------------------


def test_words_that_make_valid_utf8_by_chance_are_left_alone():
    for language, body in [
        ("de", "Er schrieb „Gruß“ und „GRÜN“.\n"),
        ("en", "The sign said “CAFÉ” and “NAÏVE”.\n"),
        ("fr", "«ÉTÉ» et «CAFÉ», « ÉTÉ », l’ÉTÉ…\n"),
        ("pt", "«IRMÃ» e “MAÇÔ, «SÃO»…\n"),
        ("sv", "Ordet «Å» och «Ö».\n"),
    ]:
        assert fixed(body, language) == (body, []), body
        assert not [p for p, _ in lint_text(FRONT.format(language=language) + body, "t.md") if "mojibake" in p.message]


def test_no_capital_letter_then_closing_mark_is_rewritten():
    """Every Latin-1 letter at a word's end, before every closing mark Windows-1252 has, after a capital."""
    for letter in [chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha()]:
        for mark in "”»›’“‘…–—•":
            body = f"«A{letter}{mark} x\n"
            assert fixed(body, "fr")[0] == body, repr(body)


def test_fix_in_the_command_prints_one_line_per_fix(archive_dir):
    path = archive_dir.speech("pair", body="We say â€œpeaceâ€\x9d here.\n")
    result = CliRunner().invoke(main, ["lint", "--fix", "--root", str(archive_dir.root)])
    assert result.stdout.splitlines() == [
        "fixed speeches/2025/pair.md:8:8: [mojibake] `â€œpeaceâ€\\x9d` -> `“peace”`",
        "linted 1 transcript: clean",
    ]
    assert "We say “peace” here.\n" in path.read_text(encoding="utf-8")


# -- the property: clean text in many languages comes back unchanged ------------------------------------------------

WORDS = {
    "fr": "été ÉTÉ café CAFÉ élève Élysée garçon où à À déjà français Noël NOËL naïf cœur Œuvre ça Ça ÇA très bientôt "
    "République Assemblée côté HÔTEL ÎLE Îles maïs aïeul Ève PÂQUES mûr dû l’été aujourd’hui",
    "de": "Gruß GRUß GRÜN Straße Größe Bürger Ärger ÄRGER Öl Übung ÜBER müssen schön Fußball weiß Mädchen Köln "
    "München Zürich groß Maß ÖSTERREICH Grüße",
    "tr": "İstanbul ışık Işık IŞIK çocuk Çok ÇOK dağ DAĞ şehir ŞEHİR güzel Güneş öğretmen ÖĞRETMEN ılık İzmir "
    "Türkiye’nin üç ÜÇ",
    "kk": "Қазақстан әлем ӘЛЕМ ғылым қала ҚАЛА таңғы өнер ӨНЕР ұлт ҰЛТ үміт ҮМІТ іс ІС біз Астана",
    "ru": "Ёлка ёж Москва МОСКВА привет ещё объём съезд Россия государство щит ЩИТ Ъ",
    "pt": "IRMÃ irmã MAÇÃ maçã NÃO não São SÃO coração CORAÇÃO avó AVÓ você",
    "en": "don’t it’s café naïve résumé Zürich José AT&T R&D iPhone McDonald’s e.g. 10:30 $3,000 well-known "
    "co-operation chargé matériel régime the nation liberty",
}
OPENERS = ["", "", "", "“", "„", "«", "«\u00a0", "‘", "‚", "(", "‹"]
CLOSERS = [
    "",
    "",
    "",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "…",
    "’",
    "”",
    "»",
    "\u00a0»",
    "“",
    "‘",
    "“.",
    "”.",
    "».",
    "…”",
    "!»",
    "?“",
    " —",
    " –",
    "•",
    "›",
]


@st.composite
def clean_text(draw):
    language = draw(st.sampled_from(sorted(WORDS)))
    pool = WORDS[language].split()
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        tokens = []
        for _ in range(draw(st.integers(1, 14))):
            word = draw(st.sampled_from(pool))
            tokens.append(draw(st.sampled_from(OPENERS)) + word + draw(st.sampled_from(CLOSERS)))
        paragraphs.append(" ".join(tokens))
    return language, "\n\n".join(paragraphs) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clean_text())
def test_fix_changes_no_character_of_clean_text(sample):
    language, body = sample
    text = FRONT.format(language=language) + body
    assert fix_text(text, "t.md")[0] == text
