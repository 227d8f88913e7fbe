"""podium lint: each rule fires on its artifact and stays quiet on the near miss; config, --fix, formats."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from podium.cli.main import main
from podium.core.problems import Problems
from podium.core.settings import Settings
from podium.editors.lint import RULES, LintConfig, apply_fixes, lint_text

FRONT = "---\ntitle: T\ndate: 2025-05-29\nspeaker: tokayev\nlanguage: {language}\n---\n\n"
BODY_LINE = 8  # the first body line of a transcript written by `text()`


def text(body: str, language: str = "en") -> str:
    return FRONT.format(language=language) + textwrap.dedent(body)


def findings(body: str, language: str = "en", rule: str | None = None, config: LintConfig | None = None) -> list[str]:
    found = [problem.format() for problem, _ in lint_text(text(body, language), "t.md", config or LintConfig())]
    return [f for f in found if rule is None or f"[{rule}]" in f]


# -- every rule: its documented example fires, its near miss does not ---------------------------------------


@pytest.mark.parametrize("name", [n for n in RULES if n != "long-statement"])
def test_documented_examples(name):
    rule = RULES[name]
    good, language = rule.good, "en"
    if good.endswith("(language: fr)"):
        good, language = good.removesuffix(" (language: fr)"), "fr"
    assert findings(rule.bad + "\n", rule=name), f"{name} must fire on its example"
    assert findings(good + "\n", language, rule=name) == [], f"{name} must not fire on its near miss"


# -- foreign-character -----------------------------------------------------------------------------------------


def test_stray_accent_in_english_word():
    assert findings("Today, we continue our advócacy for non-proliferation.\n") == [
        "t.md:8:27: warning: [foreign-character] stray `ó` in the English word `advócacy`\n"
        "  hint: write `advocacy` and record the change under `corrections:` in the front matter; if the "
        "spelling is right, add the word to `lint: foreign-character: allow` in mkdocs.yml"
    ]


def test_stray_accent_at_the_start_of_a_word():
    assert [f.split("\n")[0] for f in findings("No room for hubris and ígnorance.\n")] == [
        "t.md:8:24: warning: [foreign-character] stray `í` in the English word `ígnorance`"
    ]


@pytest.mark.parametrize(
    "language, body",
    [
        ("fr", "Le Président a été très clair : ça suffit, à bientôt et merci à l'Assemblée générale."),
        ("tr", "İlginizi çekebilir: Türkiye'nin ekonomisi güçlü ve ışık hızında büyüyor."),
        ("kk", "Қазақстан әлемдік экономикаға ашық, біз IT хабын құрамыз."),
        ("ru", "Ёлка стоит в центре Астаны, и это прекрасно."),
        ("de", "Die Bürger überwiegend für Straßen."),
    ],
)
def test_correct_diacritics_in_other_languages_do_not_fire(language, body):
    assert findings(body + "\n", language, rule="foreign-character") == []


def test_names_and_loanwords_in_english_do_not_fire():
    body = "President Erdoğan met the café owners of Zürich; a naïve plan, he said.\n"
    assert findings(body, rule="foreign-character") == []


def test_a_french_accent_in_a_turkish_text_fires():
    assert [f.split("\n")[0] for f in findings("Bu çok önemli bir présentation.\n", "tr")] == [
        "t.md:8:21: warning: [foreign-character] stray `é` in the Turkish word `présentation`"
    ]


def test_mixed_latin_and_cyrillic_letters_fire():
    # "Kazakhstan" with a Cyrillic а (U+0430): looks right, searches wrong.
    assert [f.split("\n")[0] for f in findings("Welcome to K\u0430zakhstan.\n")] == [
        "t.md:8:13: warning: [foreign-character] the word `K\u0430zakhstan` mixes Latin and Cyrillic letters "
        "(`\u0430` U+0430)"
    ]


def test_allow_list_from_the_archive_config():
    problems = Problems()
    config = LintConfig.from_settings(
        Settings.from_options({"lint": {"foreign-character": {"allow": ["advócacy"]}}}), problems
    )
    assert not problems
    assert findings("Our advócacy goes on.\n", config=config) == []


# -- mojibake ---------------------------------------------------------------------------------------------------


def test_mojibake_fires_with_the_decoded_text():
    assert findings("Kazakhstanâ€™s policy and the cafÃ© owners.\n") == [
        "t.md:8:11: error: [mojibake] mojibake `â€™`: UTF-8 text that was read as Windows-1252; it should read `’`\n"
        "  hint: replace `â€™` with `’` (`podium lint --fix` does it)",
        "t.md:8:34: error: [mojibake] mojibake `Ã©`: UTF-8 text that was read as Windows-1252; it should read `é`\n"
        "  hint: replace `Ã©` with `é` (`podium lint --fix` does it)",
    ]


def test_mojibake_in_the_front_matter_fires():
    found = lint_text("---\ntitle: Kazakhstanâ€™s path\ndate: 2025-05-29\nspeaker: x\n---\n\nText.\n", "t.md")
    assert [p.format().split("\n")[0] for p, _ in found] == [
        "t.md:2:18: error: [mojibake] mojibake `â€™`: UTF-8 text that was read as Windows-1252; it should read `’`"
    ]


def test_replacement_character_fires():
    assert [f.split("\n")[0] for f in findings("The K\ufffdzakh language.\n")] == [
        "t.md:8:6: error: [mojibake] replacement character `\ufffd`: a letter was lost when the text was decoded"
    ]


@pytest.mark.parametrize("body", ["À bientôt, « Âge d'or » et Ça va.", "Ölçü, Ñandú, Ægir, Ø and º."])
def test_real_accented_text_is_not_mojibake(body):
    assert findings(body + "\n", "fr", rule="mojibake") == []


# -- boilerplate --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Photo by Derya Soysal",
        "Share this article",
        "Read more: Kazakhstan opens a hub",
        "İlginizi Çekebilir",
        "Lire aussi : la réforme",
        "Читайте также",
        "Lesen Sie auch",
        "Related articles:",
        "Advertisement",
    ],
)
def test_boilerplate_lines_fire(line):
    found = findings(f"A statement.\n\n{line}\n", rule="boilerplate")
    assert [f.split("\n")[0] for f in found] == [
        f"t.md:10:1: error: [boilerplate] `{line}` looks like the website's text, not the speaker's"
    ]


def test_boilerplate_glued_to_the_end_of_a_line_fires_where_it_starts():
    found = findings("I wish you a productive Forum. İlginizi Çekebilir\n", rule="boilerplate")
    assert [f.split("\n")[0] for f in found] == [
        "t.md:8:32: error: [boilerplate] `İlginizi Çekebilir` looks like the website's text, not the speaker's"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Share this vision with your neighbours, and the region will prosper.",
        "Read more books than your parents did, I tell students.",
        "The photo by the entrance shows the first parliament.",
    ],
)
def test_sentences_that_start_like_boilerplate_do_not_fire(line):
    assert findings(line + "\n", rule="boilerplate") == []


# -- repeated-paragraph -------------------------------------------------------------------------------------------


def test_repeated_paragraph_fires_on_the_copy():
    body = (
        "We relinquished our inherited nuclear arsenal in the name of peace.\n\nDear friends,\n\n"
        "We relinquished our inherited nuclear arsenal in the name of peace.\n"
    )
    assert findings(body, rule="repeated-paragraph") == [
        "t.md:12:1: warning: [repeated-paragraph] this paragraph repeats the one at line 8 word for word\n"
        "  hint: if the scrape doubled it, delete the copy; if the speaker did repeat it, give the copy "
        "an explicit id such as {#repeated-pledge}"
    ]


def test_short_greetings_and_near_copies_do_not_fire():
    body = (
        "Dear friends,\n\nWe relinquished our nuclear arsenal in the name of peace.\n\nDear friends,\n\n"
        "We relinquished our nuclear arsenal in the name of lasting peace.\n"
    )
    assert findings(body, rule="repeated-paragraph") == []


def test_a_repeat_with_an_explicit_id_is_deliberate():
    body = "We will not deviate from this strategic path.\n\nWe will not deviate from this strategic path. {#again}\n"
    assert findings(body, rule="repeated-paragraph") == []


# -- unbalanced quotes and brackets -------------------------------------------------------------------------------


def test_unclosed_quote_fires_at_the_quote():
    assert [f.split("\n")[0] for f in findings("We call it “The unity in diversity.\n")] == [
        "t.md:8:12: warning: [unbalanced-quotes] quote `“` is never closed in this paragraph"
    ]


def test_closing_quote_without_opening_fires():
    assert [f.split("\n")[0] for f in findings("I wish you a productive, inspiring Forum.”\n")] == [
        "t.md:8:42: warning: [unbalanced-quotes] closing quote `”` without an opening one in this paragraph"
    ]


@pytest.mark.parametrize(
    "language, body",
    [
        ("en", "Our theme, “Connecting Minds”, and the saying “the road will be mastered by the walking one”."),
        ("de", "Er sagte: „Wir bleiben.“ Und dann: „Danke.“"),
        ("fr", "Il a dit : « Nous restons » et « merci »."),
        ("en", 'Kazakhstan’s policy and the people’s will; he said "yes" twice.'),
    ],
)
def test_balanced_quotes_in_several_conventions_do_not_fire(language, body):
    assert findings(body + "\n", language, rule="unbalanced-quotes") == []


def test_unclosed_bracket_fires():
    assert [f.split("\n")[0] for f in findings("The Centre (in Almaty will open.\n")] == [
        "t.md:8:12: warning: [unbalanced-brackets] `(` is never closed in this paragraph"
    ]


def test_stray_closing_bracket_fires():
    assert [f.split("\n")[0] for f in findings("The Centre in Almaty] will open.\n")] == [
        "t.md:8:21: warning: [unbalanced-brackets] `]` closes a bracket that was never opened in this paragraph"
    ]


def test_list_labels_links_and_attributes_do_not_fire():
    body = (
        "a) The Centre (in Almaty) will open; see [the report](https://example.org/r_(2025)).\n\n"
        "[Applause]\n\nA statement. {#id-1 topics=climate}\n"
    )
    assert findings(body, rule="unbalanced-brackets") == []


# -- double-space -------------------------------------------------------------------------------------------------


def test_double_space_fires_and_offers_a_fix():
    assert findings("We meet at a  time of uncertainty.\n") == [
        "t.md:8:13: warning: [double-space] 2 spaces between words\n  hint: use one space (`podium lint --fix` does it)"
    ]


def test_indentation_and_trailing_spaces_are_not_double_spaces():
    assert findings("We meet at a time  \nof uncertainty.\n", rule="double-space") == []


# -- long-statement -----------------------------------------------------------------------------------------------


def test_long_statement_is_off_by_default_and_fires_over_the_limit_when_enabled():
    assert findings(" ".join(["word"] * 1000) + "\n", rule="long-statement") == []  # old prose has long paragraphs
    config = LintConfig.from_settings(Settings.from_options({"lint": {"enable": ["long-statement"]}}), Problems())
    assert [f.split("\n")[0] for f in findings(" ".join(["word"] * 401) + "\n", config=config)] == [
        "t.md:8:1: warning: [long-statement] statement of 401 words is too long to cite (the limit is 400)"
    ]
    assert findings(" ".join(["word"] * 400) + "\n", rule="long-statement", config=config) == []


def test_long_statement_limit_is_configurable():
    config = LintConfig.from_settings(Settings.from_options({"lint": {"long-statement": {"max_words": 5}}}), Problems())
    assert len(findings("One two three four five six.\n", rule="long-statement", config=config)) == 1


# -- placeholder ----------------------------------------------------------------------------------------------------


def test_placeholder_from_podium_new_fires():
    assert [f.split("\n")[0] for f in findings(RULES["placeholder"].bad + "\n")] == [
        "t.md:8:1: error: [placeholder] the text that `podium new` left for the speech is still here"
    ]


# -- turn marks, code and headings ----------------------------------------------------------------------------------


def test_turn_marks_and_code_are_not_text():
    body = "@tokayev: We meet  here.\n\n```\nPhoto by  nobody\n```\n"
    assert [f.split("\n")[0] for f in findings(body)] == ["t.md:8:18: warning: [double-space] 2 spaces between words"]


# -- configuration --------------------------------------------------------------------------------------------------


def test_disable_and_severity():
    config = LintConfig.from_settings(
        Settings.from_options({"lint": {"disable": ["double-space"], "severity": {"foreign-character": "error"}}}),
        Problems(),
    )
    found = findings("Our  advócacy.\n", config=config)
    assert [f.split("\n")[0] for f in found] == [
        "t.md:8:9: error: [foreign-character] stray `ó` in the English word `advócacy`"
    ]


def test_unknown_rule_in_config_is_a_problem_with_a_suggestion():
    problems = Problems()
    LintConfig.from_settings(Settings.from_options({"lint": {"disable": ["double-spaces"]}}), problems)
    assert [p.format() for p in problems] == [
        "mkdocs.yml:1:1: error: unknown lint rule `double-spaces` in the podium plugin's `lint` option\n"
        "  hint: did you mean `double-space`?"
    ]


# -- the command ----------------------------------------------------------------------------------------------------

DIRTY = "We meet at a  time of uncertainty, Kazakhstanâ€™s time.\n\nOur advócacy.\n"


def test_lint_never_changes_files_without_fix(archive_dir):
    path = archive_dir.speech("dirty", body=DIRTY)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["lint", "--root", str(archive_dir.root)])
    assert result.exit_code == 1  # mojibake is an error
    assert path.read_bytes() == before
    assert "speeches/2025/dirty.md:8:13: warning: [double-space] 2 spaces between words" in result.stdout
    assert result.stderr == "1 error, 2 warnings\n"  # the report on stdout, the count on stderr


def test_fix_applies_only_safe_fixes_and_lists_them(archive_dir):
    path = archive_dir.speech("dirty", body=DIRTY)
    result = CliRunner().invoke(main, ["lint", "--fix", "--root", str(archive_dir.root)])
    assert result.stdout.splitlines()[:2] == [
        "fixed speeches/2025/dirty.md:8:13: [double-space] `a  time` -> `a time`",
        "fixed speeches/2025/dirty.md:8:46: [mojibake] `Kazakhstanâ€™s` -> `Kazakhstan’s`",
    ]
    assert "We meet at a time of uncertainty, Kazakhstan’s time.\n\nOur advócacy.\n" in path.read_text()
    assert result.exit_code == 0  # the stray accent is left for the editor: a warning
    assert result.stdout.splitlines()[2].startswith("speeches/2025/dirty.md:10:8: warning: [foreign-character]")
    assert result.stderr == "0 errors, 1 warning\n"


def test_fix_keeps_every_word(archive_dir):
    """--fix changes characters inside words only as it prints them: no word disappears."""
    import re

    path = archive_dir.speech("dirty", body=DIRTY)
    before = re.findall(r"\w+", path.read_text())
    result = CliRunner().invoke(main, ["lint", "--fix", "--root", str(archive_dir.root)])
    after = set(re.findall(r"\w+", path.read_text())) | set(re.findall(r"\w+", result.stdout))
    assert [word for word in before if word not in after] == []


def test_clean_archive_says_so(archive_dir):
    archive_dir.speech("clean")
    result = CliRunner().invoke(main, ["lint", "--root", str(archive_dir.root)])
    assert result.exit_code == 0
    assert result.stdout == "linted 1 transcript: clean\n"


def test_strict_fails_on_warnings(archive_dir):
    archive_dir.speech("spaces", body="Two  spaces.\n")
    runner = CliRunner()
    assert runner.invoke(main, ["lint", "--root", str(archive_dir.root)]).exit_code == 0
    assert runner.invoke(main, ["lint", "--strict", "--root", str(archive_dir.root)]).exit_code == 1


def test_github_format_prints_annotations(archive_dir):
    archive_dir.speech("spaces", body="Two  spaces.\n")
    result = CliRunner().invoke(main, ["lint", "--format", "github", "--root", str(archive_dir.root)])
    assert result.stdout.splitlines() == [
        "::warning file=speeches/2025/spaces.md,line=8,col=4,title=podium lint::[double-space] 2 spaces between "
        "words%0Ahint: use one space (`podium lint --fix` does it)",
    ]
    assert result.stderr == "0 errors, 1 warning\n"


def test_auto_format_is_github_under_github_actions(archive_dir, monkeypatch):
    archive_dir.speech("spaces", body="Two  spaces.\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(main, ["lint", "--root", str(archive_dir.root)])
    assert result.stdout.startswith("::warning file=speeches/2025/spaces.md,line=8,col=4,")


def test_lint_config_from_mkdocs_yml(archive_dir):
    archive_dir.write(
        "mkdocs.yml", "site_name: T\nplugins:\n  - podium:\n      lint:\n        disable: [double-space]\n"
    )
    archive_dir.speech("spaces", body="Two  spaces.\n")
    result = CliRunner().invoke(main, ["lint", "--root", str(archive_dir.root)])
    assert result.stdout == "linted 1 transcript: clean\n"


def test_apply_fixes_right_to_left():
    from podium.editors.lint import Fix

    assert apply_fixes("a  b  c", [Fix(1, 2, 2, " "), Fix(1, 5, 2, " ")]) == "a b c"


def test_check_prints_github_annotations(archive_dir):
    archive_dir.speech("bad", front="title: T\ndate: 2025-02-30\nspeaker: tokayev\n")
    result = CliRunner().invoke(main, ["check", "--format", "github", "--root", str(archive_dir.root)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "::error file=speeches/2025/bad.md,line=3,col=7,title=podium check::`date`: impossible date 2025-02-30: "
        "February 2025 has 28 days%0Ahint: write the date as YYYY-MM-DD, e.g. 2025-05-29",
        "1 error, 0 warnings",
    ]


def test_list_rules():
    result = CliRunner().invoke(main, ["lint", "--list-rules"])
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(RULES)
    assert result.stdout.splitlines()[1].startswith("mojibake             error   fixable  UTF-8 text")
