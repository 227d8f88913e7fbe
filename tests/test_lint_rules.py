"""podium lint's rules for what scrapes really leave, and the quiet they keep on clean prose.

Each rule fires on its artifact with an exact message, and stays quiet on the near misses an archive of real
speeches is full of: loanwords and names with accents, `AT&T`, `iPhone`, suspended hyphens, greetings and
refrains, quotations of several paragraphs, a speaker's own "as Lincoln said".
"""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from podium.cli.main import main
from podium.core.problems import Problems
from podium.core.settings import Settings
from podium.editors.lint import LintConfig, boilerplate_match, lint_text

FRONT = "---\ntitle: T\ndate: 2025-05-29\nspeaker: tokayev\nlanguage: {language}\n---\n\n"


def first_lines(body: str, language: str = "en", rule: str | None = None, config: LintConfig | None = None):
    text = FRONT.format(language=language) + textwrap.dedent(body)
    found = [problem.format().split("\n")[0] for problem, _ in lint_text(text, "t.md", config)]
    return [f for f in found if rule is None or f"[{rule}]" in f]


# -- html-entity ------------------------------------------------------------------------------------------------


def test_raw_entities_fire_with_what_they_stand_for():
    assert first_lines("The people&#8217;s trust &amp; hope,&nbsp;&quot;now&quot;.\n") == [
        "t.md:8:11: error: [html-entity] raw HTML entity `&#8217;` (it stands for `’`): the scrape left the page's "
        "markup in the text",
        "t.md:8:26: error: [html-entity] raw HTML entity `&amp;` (it stands for `&`): the scrape left the page's "
        "markup in the text",
        "t.md:8:37: error: [html-entity] raw HTML entity `&nbsp;` (it stands for a no-break space): the scrape left "
        "the page's markup in the text",
        "t.md:8:43: error: [html-entity] raw HTML entity `&quot;` (it stands for `\"`): the scrape left the page's "
        "markup in the text",
        "t.md:8:52: error: [html-entity] raw HTML entity `&quot;` (it stands for `\"`): the scrape left the page's "
        "markup in the text",
    ]


@pytest.mark.parametrize(
    "body", ["AT&T, R&D and Q&A; Smith & Sons.", "Tom&Jerry; the &c. of old letters.", "Code: `&amp;` stays."]
)
def test_an_ampersand_in_prose_is_not_an_entity(body):
    assert first_lines(body + "\n", rule="html-entity") == []


def test_an_entity_that_would_write_markup_is_reported_without_a_fix():
    found = lint_text(FRONT.format(language="en") + "Then &lt;b&gt; came.\n", "t.md")
    assert [(p.message.split(":")[0], fix) for p, fix in found] == [
        ("[html-entity] raw HTML entity `&lt;` (it stands for `<`)", None),
        ("[html-entity] raw HTML entity `&gt;` (it stands for `>`)", None),
    ]


# -- invisible-character --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "char, name",
    [
        ("\u00ad", "soft hyphen"),
        ("\u200b", "zero-width space"),
        ("\u2060", "word joiner"),
        ("\ufeff", "byte-order mark"),
    ],
)
def test_invisible_characters_inside_words_fire(char, name):
    assert first_lines(f"The govern{char}ment acts.\n") == [
        f"t.md:8:11: warning: [invisible-character] invisible {name} U+{ord(char):04X}: the word looks whole but "
        "does not match in search or quote checks"
    ]


def test_a_bidirectional_override_fires_in_every_transcript_and_its_fix_restores_the_written_order():
    # U+202E shows "tnemnrevog" as "government": the page would read what the file does not say.
    body = "The \u202etnemnrevog\u202c acts.\n"
    assert first_lines(body, rule="invisible-character") == [
        "t.md:8:5: warning: [invisible-character] right-to-left override U+202E: the page shows the letters after "
        "it in reverse order, not as written",
        "t.md:8:16: warning: [invisible-character] invisible pop directional formatting U+202C: the word looks whole "
        "but does not match in search or quote checks",
    ]
    assert first_lines("\u0627\u0644\u0633\u0644\u0627\u0645 \u202dabc\n", "ar", "invisible-character") == [
        "t.md:8:8: warning: [invisible-character] left-to-right override U+202D: the page shows the letters after it "
        "in reverse order, not as written"
    ]


def test_an_override_in_the_front_matter_fires_where_it_is_written():
    text = "---\ntitle: The \u202etnemnrevog\ndate: 2025-05-29\nspeaker: tokayev\n---\n\nWe act.\n"
    assert [problem.format().split("\n")[0] for problem, _ in lint_text(text, "t.md")] == [
        "t.md:2:12: warning: [invisible-character] right-to-left override U+202E: the page shows the letters after "
        "it in reverse order, not as written"
    ]


def test_embeddings_and_isolates_are_right_to_left_texts_own_and_fire_in_left_to_right_ones():
    body = "\u05e9\u05dc\u05d5\u05dd \u2066UN-80\u2069 \u202bword\u202c.\n"
    assert first_lines(body, "he", "invisible-character") == []
    assert [line.split(": warning: ")[1][:50] for line in first_lines(body, "en", "invisible-character")] == [
        "[invisible-character] invisible left-to-right isol",
        "[invisible-character] invisible pop directional is",
        "[invisible-character] invisible right-to-left embe",
        "[invisible-character] invisible pop directional fo",
    ]


# -- glued-words and hyphenation ------------------------------------------------------------------------------------


def test_glued_words_fire():
    assert first_lines("Welcome to theUnited States, where supply,precarious as it is, ends.The rest.\n") == [
        "t.md:8:12: warning: [glued-words] `theUnited` looks like two words glued by a lost space",
        "t.md:8:36: warning: [glued-words] `supply,precarious` looks like two words glued by a lost space",
        "t.md:8:64: warning: [glued-words] `ends.The` looks like two words glued by a lost space",
    ]


def test_glued_words_hint_writes_the_space():
    found = lint_text(FRONT.format(language="en") + "Welcome to theUnited States.\n", "t.md")
    assert found[0][0].hint.startswith("write `the United`;")


@pytest.mark.parametrize(
    "body",
    [
        "An iPhone, eBay, YouTube and McDonald's; PowerPoint and JavaScript.",
        "See www.example.org or podium.org/about, e.g. at 10:30, i.e. soon; the vote was 3:1.",
        "The U.S. Senate and Washington, D.C. met.",
        "Email press@example.org or follow #StandWithUs.",
    ],
)
def test_brands_abbreviations_and_addresses_are_not_glued_words(body):
    assert first_lines(body + "\n", rule="glued-words") == []


def test_a_word_cut_at_a_line_end_fires_on_its_first_line():
    assert first_lines("The govern-\nment will act, and the govern- ment again.\n", rule="hyphenation") == [
        "t.md:8:5: warning: [hyphenation] `govern- ment` is the word `government` cut at a line end of the source",
        "t.md:9:24: warning: [hyphenation] `govern- ment` is the word `government` cut at a line end of the source",
    ]


@pytest.mark.parametrize(
    "body", ["Both pre- and post-war budgets.", "Nineteenth- and twentieth-century reform.", "Self- or co-managed."]
)
def test_suspended_hyphens_are_not_cut_words(body):
    assert first_lines(body + "\n", rule="hyphenation") == []


# -- foreign-character: capitals, loanwords, mojibake ------------------------------------------------------------


def test_a_stray_accent_on_a_capitalised_word_fires():
    assert first_lines("The Cóngress and the Constitutión stand.\n") == [
        "t.md:8:6: warning: [foreign-character] stray `ó` in the English word `Cóngress`",
        "t.md:8:32: warning: [foreign-character] stray `ó` in the English word `Constitutión`",
    ]


def test_loanwords_and_names_with_accents_do_not_fire():
    body = (
        "Our chargé d’affaires lacked matériel; a naïve résumé of the old régime, read in a café. "
        "José Martí, Zürich, Erdoğan, Québec, Montréal and Perú; the Chargé d’Affaires of México.\n"
    )
    assert first_lines(body, rule="foreign-character") == []


def test_a_stray_accent_on_a_french_capital_fires_in_french():
    assert first_lines("La Constitutión de la République.\n", "fr", rule="foreign-character") == [
        "t.md:8:14: warning: [foreign-character] stray `ó` in the French word `Constitutión`"
    ]


def test_a_mojibake_word_gets_no_second_warning_and_no_worse_spelling():
    found = lint_text(FRONT.format(language="en") + "We donâ€™t and “Quoteâ€ stop.\n", "t.md")
    assert [problem.message.split("]")[0] + "]" for problem, _ in found] == ["[mojibake]", "[mojibake]"]
    assert all("dona" not in problem.hint for problem, _ in found)


def test_the_hint_never_suggests_an_unknown_word():
    # `advócacy` -> `advocacy` is a known word; `Xóbq` -> `Xobq` is not, so no spelling is suggested.
    (advocacy,) = [p for p, _ in lint_text(FRONT.format(language="en") + "Our advócacy.\n", "t.md")]
    (unknown,) = [p for p, _ in lint_text(FRONT.format(language="en") + "Our xóbqzz.\n", "t.md")]
    assert advocacy.hint.startswith("write `advocacy`")
    assert not unknown.hint.startswith("write")


# -- boilerplate ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "© 2025 Example News. All rights reserved.",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "Story continues below advertisement",
        "Skip to main content",
        "Getty Images",
        "Continue reading",
        "Related Articles",
        "Kevin Lamarque/Reuters",
        "AFP via Getty Images",
        "Photo: Reuters",
        "Tous droits réservés",
        "Alle Rechte vorbehalten",
    ],
)
def test_copyright_credit_and_navigation_lines_fire(line):
    assert first_lines(f"A statement.\n\n{line}\n", rule="boilerplate") == [
        f"t.md:10:1: error: [boilerplate] `{line}` looks like the website's text, not the speaker's"
    ]


def test_a_photo_credit_glued_to_a_line_fires_where_it_starts():
    assert first_lines("The crowd cheered. (AP Photo/Evan Vucci)\n", rule="boilerplate") == [
        "t.md:8:20: error: [boilerplate] `(AP Photo/Evan Vucci)` looks like the website's text, not the speaker's"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "As Reuters reported this morning, the talks have failed.",
        "Credit where credit is due: the nation delivered.",
        "We will continue reading the names of the fallen until every one is honoured by this house.",
        "Related to this is the question of trade.",
        "Trade and the EPA",
        "(Mayor Bloomberg enters the hall)",
    ],
)
def test_sentences_that_mention_agencies_or_start_alike_do_not_fire(line):
    assert boilerplate_match(line) is None


# -- framing ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, column, shown",
    [
        ("We will prevail, he said.", 18, "he said."),
        ("“We will prevail,” she added.", 20, "she added."),
        ("We will prevail. Smith told lawmakers.", 18, "Smith told lawmakers."),
        ("The Senate must act, the president said on Tuesday.", 22, "the president said on Tuesday."),
        ("He said: “We will prevail.”", 1, "He said"),
    ],
)
def test_a_reporters_framing_at_a_statements_edge_fires(body, column, shown):
    assert first_lines(body + "\n", rule="framing") == [
        f"t.md:8:{column}: warning: [framing] `{shown}` is the reporter's framing, not the speaker's words"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "There is no substitute for hard work, as my father said.",
        "As President Lincoln said, “government of the people” shall not perish.",
        "“We shall overcome,” I said, and the hall answered.",
        "I told reporters what I tell you now: the door is open.",
        "He said it would be hard, and he was right about that.",
    ],
)
def test_a_speakers_own_reporting_does_not_fire(body):
    assert first_lines(body + "\n", rule="framing") == []


# -- quiet on clean prose -------------------------------------------------------------------------------------------


def test_a_quotation_of_several_paragraphs_is_balanced():
    body = "“The first paragraph of a long quotation,\n\n“the second one,\n\n“and the last one.”\n\nAfter it.\n"
    assert first_lines(body, rule="unbalanced-quotes") == []


def test_an_unclosed_quote_before_an_ordinary_paragraph_still_fires():
    assert first_lines("“The first paragraph\n\nAnd then prose.\n", rule="unbalanced-quotes") == [
        "t.md:8:1: warning: [unbalanced-quotes] quote `“` is never closed in this paragraph"
    ]


def test_greetings_refrains_and_stage_directions_are_not_duplicates():
    body = (
        "Ladies and gentlemen, thank you all so much for coming.\n\n(The audience rises and applauds for minutes.)\n\n"
        "Let freedom ring from every hill.\n\nWe have work to do in every town and city.\n\n"
        "Let freedom ring from every hill.\n\n(The audience rises and applauds for minutes.)\n\n"
        "Ladies and gentlemen, thank you all so much for coming.\n"
    )
    assert first_lines(body, rule="repeated-paragraph") == []


def test_a_long_paragraph_repeated_further_on_is_a_duplicate():
    paragraph = "We relinquished our inherited nuclear arsenal in the name of peace, and we ask the world to follow."
    body = f"{paragraph}\n\nAnother point.\n\nAnd another one.\n\n{paragraph}\n"
    assert first_lines(body, rule="repeated-paragraph") == [
        "t.md:14:1: warning: [repeated-paragraph] this paragraph repeats the one at line 8 word for word"
    ]


# -- configuration ---------------------------------------------------------------------------------------------------


def test_framing_the_speaker_did_say_is_allowed_in_mkdocs_yml():
    options = {"lint": {"framing": {"allow": ["the president said on Tuesday"]}}}
    config = LintConfig.from_settings(Settings.from_options(options), Problems())
    assert first_lines("The Senate must act, the president said on Tuesday.\n", rule="framing", config=config) == []


def test_every_rule_takes_its_thresholds_from_mkdocs_yml():
    options = {"lint": {"glued-words": {"allow": ["theUnited"]}, "repeated-paragraph": {"min_words": 3}}}
    config = LintConfig.from_settings(Settings.from_options(options), Problems())
    assert first_lines("Welcome to theUnited States.\n", config=config) == []
    assert first_lines("We shall win.\n\nWe shall win.\n", rule="repeated-paragraph", config=config) == [
        "t.md:10:1: warning: [repeated-paragraph] this paragraph repeats the one at line 8 word for word"
    ]


MKDOCS = """\
site_name: T
plugins:
  - search
  - podium:
      lint:
        disable: [double-space, framin]
        severity: {mojibake: fatal}
        long-statement: {max_words: "300", max_word: 5}
"""


def test_bad_lint_options_are_reported_at_their_line_in_mkdocs_yml(archive_dir):
    archive_dir.write("mkdocs.yml", MKDOCS)
    archive_dir.speech("clean")
    result = CliRunner().invoke(main, ["lint", "--root", str(archive_dir.root)])
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("mkdocs.yml")] == [
        "mkdocs.yml:6:33: error: unknown lint rule `framin` in the podium plugin's `lint` option",
        "mkdocs.yml:7:30: error: lint severity of `mojibake` must be warning or error, not `fatal`",
        "mkdocs.yml:8:37: error: lint option `long-statement: max_words` must be a whole number of at least 0",
        "mkdocs.yml:8:44: error: lint rule `long-statement` has no option `max_word`",
    ]


# -- the report for tools ----------------------------------------------------------------------------------------------


def test_json_format_on_stdout_and_the_count_on_stderr(archive_dir):
    archive_dir.speech("dirty", body="Two  spaces and theUnited States.\n")
    result = CliRunner().invoke(main, ["lint", "--format", "json", "--root", str(archive_dir.root)])
    report = json.loads(result.stdout)
    assert (result.exit_code, result.stderr) == (0, "0 errors, 2 warnings\n")
    assert (report["transcripts"], report["errors"], report["warnings"]) == (1, 0, 2)
    assert report["problems"][0] == {
        "path": "speeches/2025/dirty.md",
        "line": 8,
        "column": 4,
        "severity": "warning",
        "rule": "double-space",
        "message": "2 spaces between words",
        "hint": "use one space (`podium lint --fix` does it)",
        "fixable": True,
    }
    assert (report["problems"][1]["rule"], report["problems"][1]["fixable"]) == ("glued-words", False)
