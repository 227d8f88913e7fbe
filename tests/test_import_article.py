"""podium import article: the seed article becomes the editor's transcript, and no word goes missing."""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter

import pytest
from click.testing import CliRunner

from podium import features
from podium.cli.main import main
from podium.core.frontmatter import split
from podium.core.problems import Problems
from support.archive import REPO, ArchiveDir

SEED = REPO.parent / "shared" / "examples" / "aif-2025-tokayev-plenary.article.txt"
HAND_MADE = REPO / "speeches" / "2025" / "aif-2025-tokayev-plenary.md"
DRAFT = "speeches/2025/aif-2025-tokayev-plenary.md"
ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="the seed article is in ../shared/examples")


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


def lost(source: str, *kept: str) -> Counter:
    """Words of `source` (with their counts) that are in none of `kept`: must be empty."""
    return words(source) - sum((words(text) for text in kept), Counter())


@pytest.fixture
def imported(tmp_path):
    """The registries of the reference archive, and the seed article imported into it."""
    root = tmp_path / "archive"
    (root / "speeches").mkdir(parents=True)
    for name in ("speakers.yml", "events.yml", "topics.yml"):
        shutil.copy(REPO / "speeches" / name, root / "speeches" / name)
    (root / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - podium\n")
    (root / "docs").mkdir()  # the site's pages: MkDocs (and so `podium check`) refuses an archive without them
    article = tmp_path / SEED.name
    shutil.copy(SEED, article)
    result = CliRunner().invoke(main, ["import", "article", str(article), "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root, result


def body_paragraphs(text: str) -> list[str]:
    source = split(text, "x.md", Problems())
    return [ATTRIBUTES.sub("", block.strip()) for block in source.body.split("\n\n") if block.strip()]


def test_seed_article_gives_the_editors_statements(imported):
    root, _ = imported
    draft = (root / DRAFT).read_text()
    hand_made = HAND_MADE.read_text()
    expected = [p.replace("advocacy", "advócacy").replace("ignorance", "ígnorance") for p in body_paragraphs(hand_made)]
    assert body_paragraphs(draft) == expected  # the editor's version, before the two recorded corrections


def test_seed_article_front_matter(imported):
    root, _ = imported
    front = (root / DRAFT).read_text().split("---\n")[1]
    assert front == (
        "title: Statement at the Plenary session of the Astana International Forum\n"
        "date: 2025-05-29\n"
        "speaker: tokayev\n"
        "event: aif-2025\n"
        "session: Plenary session\n"
        "location: Astana, Kazakhstan\n"
        "language: en\n"
        "kind: statement\n"
        "source:\n"
        "  title: 'Astana International Forum: Kazakhstan Calls for a New World Order Based on Dialogue'\n"
        "  publisher: Bruxelles Korner\n"
        "  author: Derya Soysal\n"
        "  place: Astana\n"
        "  date: 2025-05-29\n"
        "  note: 'Imported with `podium import article` from aif-2025-tokayev-plenary.article.txt: the statement "
        "quoted in the article, without the article''s own text and the site''s boilerplate around it.'\n"
    )


def test_seed_article_source_matches_the_hand_made_transcript(imported):
    import yaml

    root, _ = imported
    draft = yaml.safe_load((root / DRAFT).read_text().split("---\n")[1])["source"]
    hand = yaml.safe_load(HAND_MADE.read_text().split("---\n")[1])["source"]
    assert {k: draft[k] for k in ("title", "publisher", "author", "place", "date")} == {
        k: hand[k] for k in ("title", "publisher", "author", "place", "date")
    }


def test_prints_exactly_what_it_dropped(imported):
    _, result = imported
    lines = result.stdout.splitlines()
    assert lines[0] == "dropped from aif-2025-tokayev-plenary.article.txt (not part of the statement):"
    assert "  line 3 (publisher (kept as source.publisher)): BRUXELLES KORNER" in lines
    assert "  line 4 (author (kept as source.author)): Derya Soysal" in lines
    assert "  line 7 (photo credit): Photo by Derya Soysal" in lines
    assert (
        "  line 12 (the article's introduction of the statement): Here is the Statement President of the "
        "Republic of Kazakhstan Mr. Kassym-Jomart Tokayev at the Plenary session of the Astana International "
        "Forum:" in lines
    )
    assert "  line 81 (boilerplate): İlginizi Çekebilir" in lines
    assert "note: the quotation marks “…” around the statement were left out" in lines
    assert lines[-2:] == [f"wrote {DRAFT}: 68 statements", f"next: podium lint {DRAFT} && podium check {DRAFT}"]


def test_no_word_of_the_seed_article_is_lost(imported):
    root, result = imported
    assert lost(SEED.read_text(), (root / DRAFT).read_text(), result.stdout) == Counter()


def test_seed_draft_passes_check_and_lint_after_the_editor_fixes_what_lint_reports(imported):
    root, _ = imported
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--root", str(root)]).exit_code == 0
    lint = runner.invoke(main, ["lint", "--strict", "--root", str(root)])
    assert lint.exit_code == 1
    reported = [line for line in (lint.stdout + lint.stderr).splitlines() if not line.startswith("  ")]
    assert reported == [
        f"{DRAFT}:43:186: warning: [foreign-character] stray `ó` in the English word `advócacy`",
        f"{DRAFT}:53:54: warning: [foreign-character] stray `í` in the English word `ígnorance`",
        "0 errors, 2 warnings",
    ]
    # The editor does what the hints say: writes the suggested word and records the correction.
    path = root / DRAFT
    text = path.read_text().replace("advócacy", "advocacy").replace("ígnorance", "ignorance")
    text = text.replace(
        "---\n\n",
        "corrections:\n  - original: advócacy\n    corrected: advocacy\n"
        "  - original: ígnorance\n    corrected: ignorance\n---\n\n",
        1,
    )
    path.write_text(text)
    assert runner.invoke(main, ["check", "--root", str(root)]).exit_code == 0
    clean = runner.invoke(main, ["lint", "--strict", "--root", str(root)])
    assert (clean.exit_code, clean.stdout) == (0, "linted 1 transcript: clean\n")


def test_refuses_to_overwrite_and_prints_to_stdout(imported, tmp_path):
    root, _ = imported
    runner = CliRunner()
    again = runner.invoke(main, ["import", "article", str(SEED), "--root", str(root)])
    assert again.exit_code == 1
    assert f"podium: {DRAFT} exists; pass --force to overwrite it" in again.stderr
    printed = runner.invoke(main, ["import", "article", str(SEED), "--root", str(root), "-o", "-"])
    assert printed.exit_code == 0
    assert "---\ntitle: Statement at the Plenary session" in printed.stdout


def test_no_date_anywhere_is_an_error_not_a_guess(tmp_path):
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "statement.txt"
    article.write_text("Remarks\nGENEVA, March 3 – The minister spoke.\nHere is the statement:\n“Thank you.”\n")
    result = CliRunner().invoke(main, ["import", "article", str(article), "--root", str(archive.root)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{article}:2:1: error: the article gives no date of the speech: its dateline has no year\n"
        "  hint: pass the day it was given: --date YYYY-MM-DD\n1 error, 0 warnings\n"
    )
    dated = CliRunner().invoke(
        main, ["import", "article", str(article), "--date", "2024-03-03", "--root", str(archive.root)]
    )
    assert dated.exit_code == 0, dated.output
    assert "Thank you." in (archive.root / "speeches/2024/statement.md").read_text()


# -- generated articles: every word is in the draft or in the printed list ----------------------------------------

VOCABULARY = (
    "peace dialogue reform économie Қазақстан security 2025 13.5% cooperation région climate "
    "“quoted” Kazakhstan’s non-proliferation UN-80 vote"
).split()
TRICKY_STARTS = ["# 1 priority", "- first,", "1. point", "@kagame: said", "> note", "<b>bold</b>", "{#x}"]


def generated_article(rng: random.Random) -> str:
    def sentence(n: int) -> str:
        return " ".join(rng.choice(VOCABULARY) for _ in range(n)).capitalize() + "."

    lines = [
        sentence(6).rstrip("."),
        "WORLD NEWS",
        "BRUXELLES KORNER",
        "Derya Soysal",
        "Photo by Derya Soysal",
        f"ASTANA, May {rng.randint(1, 28)} – {sentence(20)}",
    ]
    lines += [sentence(rng.randint(5, 30)) for _ in range(rng.randint(0, 3))]
    style = rng.choice(["introduced", "longest quote", "press release"])
    if style == "introduced":
        lines.append("Here is the full text of the speech of the President at the Summit:")
    if style != "press release":
        statement = [sentence(rng.randint(3, 40)) for _ in range(rng.randint(3, 12))]
        statement += [rng.choice(TRICKY_STARTS) + " " + sentence(5), "Share this", "Dear friends,"]
        rng.shuffle(statement)
        statement[0] = "“" + statement[0]
        statement[-1] += "”"
        lines += statement
        lines.append("Read more: " + sentence(5))
    else:
        lines += [rng.choice(TRICKY_STARTS) + " " + sentence(8)] + [sentence(rng.randint(5, 30)) for _ in range(5)]
    lines.append(rng.choice(["İlginizi Çekebilir", "Lire aussi", "Share on Facebook"]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(40))
def test_generated_articles_lose_no_word(tmp_path, seed):
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "gen-2025.txt"
    article.write_text(generated_article(random.Random(seed)))
    result = CliRunner().invoke(main, ["import", "article", str(article), "--root", str(archive.root), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert lost(article.read_text(), result.stdout) == Counter()


def test_generated_drafts_are_valid_transcripts(tmp_path):
    """The escaping holds: a draft made of tricky lines loads without errors (the speaker given)."""
    archive = ArchiveDir(tmp_path)
    for seed in range(10):
        article = tmp_path / f"gen-2025-{seed}.txt"
        article.write_text(generated_article(random.Random(seed)))
        result = CliRunner().invoke(
            main, ["import", "article", str(article), "--speaker", "tokayev", "--root", str(archive.root)]
        )
        assert result.exit_code == 0, result.output
    loaded = features.load(archive.root)
    assert [p.format() for p in loaded.problems] == []
    assert len(loaded.speeches) == 10


def test_without_an_introduction_the_longest_quotation_is_the_statement(tmp_path):
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "remarks-2025.txt"
    article.write_text(
        "Paul Kagame in Astana\nKIGALI, June 2, 2025 – The President spoke.\n"
        "“A short quote,” he said.\n“Friends,\nWe meet again.\nThank you.”\nShare this\n"
    )
    result = CliRunner().invoke(main, ["import", "article", str(article), "--root", str(archive.root), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("---\n")[-1] == "\nFriends,\n\nWe meet again.\n\nThank you.\n"
    assert "  line 3 (the journalist's text): “A short quote,” he said." in result.stdout
    assert "  line 7 (boilerplate): Share this" in result.stdout
    assert "speaker: kagame" in result.stdout  # found by the registry's name in the headline


def test_a_press_release_keeps_the_text_after_the_dateline(tmp_path):
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "release.txt"
    article.write_text(
        "Press release\nASTANA, May 29, 2025 – Good morning, dear guests.\nWe open the forum.\n"
        "Photo: Akorda press service\n"
    )
    result = CliRunner().invoke(main, ["import", "article", str(article), "--root", str(archive.root), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("---\n")[-1] == "\nGood morning, dear guests.\n\nWe open the forum.\n"
    assert "  line 2 (dateline): ASTANA, May 29, 2025 –" in result.stdout
    assert "  line 4 (boilerplate): Photo: Akorda press service" in result.stdout
    assert (
        "note: no quoted statement found: the whole text after the header became the draft, so check where "
        "the speech starts and ends"
    ) in result.stdout
    assert lost(article.read_text(), result.stdout) == Counter()


def test_a_dateline_in_the_statement_s_language(tmp_path):
    """`PARIS, 1er février 2025 –` in a French press release: its month is read in the statement's language
    (--language), as English ones are; the text after it is the draft."""
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "communique.txt"
    article.write_text(
        "Communiqué\nPARIS, 1er février 2025 – Mesdames et Messieurs, bonjour.\nNous ouvrons le forum.\n"
    )
    command = ["import", "article", str(article), "--root", str(archive.root), "-o", "-", "--language", "fr"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert "date: 2025-02-01\n" in result.stdout and "place: Paris\n" in result.stdout
    assert result.stdout.split("---\n")[-1] == "\nMesdames et Messieurs, bonjour.\n\nNous ouvrons le forum.\n"
    english = CliRunner().invoke(main, command[:-2])  # read as English, `février` names no month: no dateline
    assert english.exit_code == 1 and "it has no dateline" in english.stderr
