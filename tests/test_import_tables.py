"""`podium import corpus` of the tables corpora come in: the texts in a column (as the UN General Debate
corpus is shared), JSON Lines, semicolon CSV and TSV, nested JSON; every character of the text kept."""

from __future__ import annotations

import csv
import doctest
import json
import re
from pathlib import Path

from click.testing import CliRunner

from podium.cli.main import main
from podium.editors import table
from support.archive import ArchiveDir, archive_config

UN = ["--map", "text=text", "--map", "speaker_name=country", "--set", "title=General debate, {year}: {country}"]
UN += ["--set", "date={year}-09-21", "--map", "id={country}-{year}"]


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["import", "corpus", *args, "--root", str(root)])


def body(root: Path, ident: str, year: int) -> str:
    return (root / "speeches" / str(year) / f"{ident}.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def write_csv(file: Path, rows: list[dict[str, str]], delimiter: str = ",") -> None:
    with file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_texts_in_a_column_are_imported_whole_without_a_folder(tmp_path):
    ArchiveDir(tmp_path)
    long = " ".join(f"word{n}" for n in range(40_000))  # one paragraph over csv's 131,072-character limit
    french = "Monsieur le Président,\n« Paix »\u00a0! Le 21\u202fseptembre.\n東京\u3000都"
    rows = [
        {"session": "76", "year": "2021", "country": "ARG", "text": "First paragraph.\nSecond one.\n" + long},
        {"session": "76", "year": "2021", "country": "FRA", "text": french},
    ]
    write_csv(tmp_path / "un-general-debates.csv", rows)
    result = run(tmp_path, "--metadata", str(tmp_path / "un-general-debates.csv"), *UN)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "imported 2 transcripts: 2 written, 0 unchanged, 0 kept (edited since the last "
        "import); 2 speakers added; 0 speaker labels made turns; 0 rows with errors\n"
    )
    assert body(tmp_path, "arg-2021", 2021) == f"\nFirst paragraph.\n\nSecond one.\n\n{long}\n"
    # The no-break, narrow no-break and ideographic spaces are characters of the text, not layout.
    assert body(tmp_path, "fra-2021", 2021) == (
        "\nMonsieur le Président,\n\n« Paix »\u00a0! Le 21\u202fseptembre.\n\n東京\u3000都\n"
    )
    head = (tmp_path / "speeches/2021/fra-2021.md").read_text(encoding="utf-8").split("---\n")[1]
    assert head == "title: 'General debate, 2021: FRA'\ndate: 2021-09-21\nspeaker: fra\nsession: '76'\n"
    check = CliRunner().invoke(main, ["check", "--root", str(tmp_path)])
    assert check.exit_code == 0, check.output


def test_a_row_that_spans_lines_is_reported_at_its_first_line(tmp_path):
    ArchiveDir(tmp_path)
    rows = [
        {"year": "2020", "country": "ARG", "text": "One.\nTwo.\nThree."},
        {"year": "20x1", "country": "FRA", "text": "Un.\nDeux."},
        {"year": "2021", "country": "KAZ", "text": ""},
    ]
    write_csv(tmp_path / "un.csv", rows)
    result = run(tmp_path, "--metadata", str(tmp_path / "un.csv"), *UN)
    assert result.exit_code == 1
    wrong = "un.csv:5:1: error: `date`: `20x1-09-21` is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"
    assert wrong in result.stderr
    assert "un.csv:7:1: error: the text is empty (column `text`)" in result.stderr
    assert "hint: fill it in, or take the row out of the table" in result.stderr
    assert body(tmp_path, "arg-2020", 2020) == "\nOne.\n\nTwo.\n\nThree.\n"


def test_rows_after_blank_lines_keep_their_own_line_numbers(tmp_path):
    ArchiveDir(tmp_path)
    table = "title,date,speaker_name,text\n\nA,2021-01-01,Ann Lee,One.\n\n\nB,2021-13-01,Ann Lee,Two.\n"
    (tmp_path / "t.csv").write_text(table, encoding="utf-8")
    result = run(tmp_path, "--metadata", str(tmp_path / "t.csv"))
    assert result.exit_code == 1
    assert result.stderr.startswith("t.csv:6:1: error: `date`: impossible date 2021-13-01: there is no month 13\n")


def test_the_text_comes_from_file_or_text_never_both_never_neither(tmp_path):
    ArchiveDir(tmp_path)
    write_csv(tmp_path / "both.csv", [{"file": "a.txt", "text": "A.", "title": "T", "date": "2021-01-01"}])
    both = run(tmp_path, "--metadata", str(tmp_path / "both.csv"), "--map", "speaker_name=title")
    assert both.exit_code == 1
    assert (
        "both.csv:1:1: error: both `file` and `text` are columns of the table: the text must come from one of them"
        in both.stderr
    )
    # A field the mapping names wins over a column named like the other.
    (tmp_path / "a.txt").write_text("From the file.", encoding="utf-8")
    chosen = run(
        tmp_path, "--metadata", str(tmp_path / "both.csv"), "--map", "speaker_name=title", "--map", "file=file"
    )
    assert chosen.exit_code == 0, chosen.output
    assert body(tmp_path, "a", 2021) == "\nFrom the file.\n"
    write_csv(tmp_path / "none.csv", [{"speech": "A.", "title": "T", "date": "2021-01-01"}])
    neither = run(tmp_path, "--metadata", str(tmp_path / "none.csv"), "--map", "speaker_name=title")
    assert neither.exit_code == 1
    assert (
        "none.csv:1:1: error: no column gives the text: the table has no `file` or `text` column and the mapping "
        "names neither\n  hint: map one: --map 'file={id}.txt' for a folder of text files, or --map text=COLUMN "
        "for a table that holds the texts; the table's columns are: speech, title, date\n"
    ) in neither.stderr


def test_ids_from_titles_that_repeat_ask_for_an_id_template(tmp_path):
    ArchiveDir(tmp_path)
    rows = [{"title": "Statement", "date": f"2021-01-0{n}", "speaker_name": "Jane Doe", "text": "Hi."} for n in (1, 2)]
    write_csv(tmp_path / "t.csv", rows)
    result = run(tmp_path, "--metadata", str(tmp_path / "t.csv"))
    assert result.exit_code == 1
    assert "t.csv:3:1: error: id `statement` is used by the row at line 2 too" in result.stderr
    assert "hint: map `id` to a template that tells the rows apart, e.g. --map 'id={country}-{year}'" in result.stderr
    assert body(tmp_path, "statement", 2021) == "\nHi.\n"


def test_json_lines_with_nested_objects_and_paragraph_lists(tmp_path):
    ArchiveDir(tmp_path)
    lines = [
        {
            "id": "a-1",
            "meta": {"title": "Opening", "date": "2022-05-01"},
            "speaker": {"name": "Ann Lee"},
            "paragraphs": ["First; with a semicolon.", "Second\u00a0!"],
            "tags": None,
        },
        "not an object",
        {
            "id": "a-2",
            "meta": {"title": "Closing", "date": "2022-05-02"},
            "speaker": {"name": "Ann Lee"},
            "paragraphs": ["Only one."],
        },
    ]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + '\n{"id": "a-3",\n'
    (tmp_path / "rows.jsonl").write_text(text, encoding="utf-8")
    mapped = ["--map", "text=paragraphs", "--map", "title=meta.title", "--map", "date=meta.date"]
    result = run(tmp_path, "--metadata", str(tmp_path / "rows.jsonl"), *mapped, "--map", "speaker_name=speaker.name")
    assert result.exit_code == 1
    assert "rows.jsonl:2:1: error: this line holds one value, not an object" in result.stderr
    assert (
        "rows.jsonl:4:1: error: this line is not valid JSON (column 14): Expecting property name enclosed in "
        "double quotes\n  hint: JSON Lines hold one object per line, each row on one line\n" in result.stderr
    )
    assert "2 rows with errors" in result.stdout
    assert body(tmp_path, "a-1", 2022) == "\nFirst; with a semicolon.\n\nSecond\u00a0!\n"
    assert body(tmp_path, "a-2", 2022) == "\nOnly one.\n"


def test_semicolon_csv_and_tsv_tables(tmp_path):
    ArchiveDir(tmp_path)
    rows = [{"title": "Rede, 1990", "date": "1990-10-03", "speaker_name": "Anna Weber", "text": "Guten Tag."}]
    write_csv(tmp_path / "excel.csv", rows, delimiter=";")
    semicolon = run(tmp_path, "--metadata", str(tmp_path / "excel.csv"), "--set", "id=rede-1990")
    assert semicolon.exit_code == 0, semicolon.output
    assert "title: Rede, 1990\n" in (tmp_path / "speeches/1990/rede-1990.md").read_text(encoding="utf-8")
    rows[0]["title"] = "Rede; 1991"
    write_csv(tmp_path / "tabs.tsv", rows, delimiter="\t")
    tabs = run(tmp_path, "--metadata", str(tmp_path / "tabs.tsv"), "--set", "id=rede-1991")
    assert tabs.exit_code == 0, tabs.output
    assert "title: Rede; 1991\n" in (tmp_path / "speeches/1990/rede-1991.md").read_text(encoding="utf-8")


def test_files_keep_typographic_spaces_and_unicode_paragraph_separators(tmp_path):
    ArchiveDir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus/a.txt").write_text("Un\u00a0!\u2029Deux\u2028suite\u202f?", encoding="utf-8")
    write_csv(tmp_path / "m.csv", [{"file": "a.txt", "title": "A", "date": "2020-01-01", "speaker_name": "X"}])
    result = run(tmp_path, str(tmp_path / "corpus"), "--metadata", str(tmp_path / "m.csv"))
    assert result.exit_code == 0, result.output
    assert body(tmp_path, "a", 2020) == "\nUn\u00a0!\n\nDeux suite\u202f?\n"


def test_an_article_keeps_its_no_break_spaces(tmp_path):
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "declaration.txt"
    article.write_text("Déclaration\nVoici la déclaration :\n« Vive la paix\u00a0! »\n", encoding="utf-8")
    command = ["import", "article", str(article), "--date", "2024-03-03", "--root", str(archive.root)]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert "\n« Vive la paix\u00a0! »\n" in (archive.root / "speeches/2024/declaration.md").read_text(encoding="utf-8")


def test_a_folder_of_texts_without_a_table_is_read_by_its_file_names(tmp_path):
    ArchiveDir(tmp_path)
    texts = {
        "Session 01 - 1946/ARG_01_1946.txt": "Mr. President,\n\nPeace.\n",
        "Session 01 - 1946/FRA_01_1946.txt": "Monsieur le Président\u00a0:\n",
        "Session 02 - 1947/ARG_02_1947.txt": "Hello.\n",
        "Session 02 - 1947/ARG_03_1947.txt": "The session and its folder disagree: not matched.\n",
        "Session 02 - 1947/BRA_02_1947.txt": "",
        "Session 02 - 1947/notes.md": "Not a text.\n",
    }
    for name, text in texts.items():
        (tmp_path / "TXT" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "TXT" / name).write_text(text, encoding="utf-8")
    pattern = "Session {session} - {year}/{country}_{session}_{year}.txt"
    fields = ["--map", "speaker_name=country", "--set", "id={country}-{year}", "--set", "date={year}-09-21"]
    fields += ["--set", "title=General debate, {year}: {country}"]
    result = run(tmp_path, str(tmp_path / "TXT"), "--files", pattern, *fields)
    assert result.exit_code == 1
    empty = tmp_path / "TXT/Session 02 - 1947/BRA_02_1947.txt"
    assert result.stderr.startswith(
        f"{empty}:1:1: error: text file `Session 02 - 1947/BRA_02_1947.txt` is empty\n"
        "  hint: fill it in, or move it out of the folder\n"
    )
    assert result.stdout.splitlines()[0] == "added to speakers.yml: arg, fra"  # not bra: its row was left out
    assert result.stdout.splitlines()[-1].endswith("; 0 speaker labels made turns; 1 file with errors")
    assert "bra" not in (tmp_path / "speeches/speakers.yml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "speeches").glob("*/*.md")) == [
        "arg-1946.md",
        "arg-1947.md",
        "fra-1946.md",
    ]
    assert body(tmp_path, "fra-1946", 1946) == "\nMonsieur le Président\u00a0:\n"
    unmapped = run(tmp_path, str(tmp_path / "TXT"), "--files", pattern, "--map", "speaker_name=nation")
    parts = "the pattern's parts are: file, session, year, country"
    assert (
        "--files:1:1: error: the file names have no part `{nation}` (mapped by `--map speaker_name=nation`)\n"
        f"  hint: {parts}\n" in unmapped.stderr
    )
    assert (
        "--files:1:1: error: nothing holds the title: the file names have no `{title}` part and the mapping names "
        f"none\n  hint: map one: --map title=COLUMN, or --set title=VALUE; {parts}\n" in unmapped.stderr
    )
    none = run(tmp_path, str(tmp_path / "TXT"), "--files", "{country}.txt", *fields)
    assert none.exit_code == 1
    assert f"--files:1:1: error: no file in {tmp_path / 'TXT'} matches `{{country}}.txt`" in none.stderr
    both = run(tmp_path, str(tmp_path / "TXT"), "--files", pattern, "--metadata", str(empty), *fields)
    assert both.exit_code == 1
    assert (
        "podium import corpus:1:1: error: give the texts' table (--metadata FILE) or their file names "
        "(--files PATTERN), one of them" in both.stderr
    )


def test_the_modules_examples_hold():
    assert doctest.testmod(table).failed == 0


# ---- dates written the table's own way -------------------------------------------------------------------------


def test_dates_written_day_first_are_read_with_the_table_s_date_form(tmp_path):
    ArchiveDir(tmp_path)
    rows = [
        {"title": "Opening", "date": "21/09/1995", "speaker_name": "Ana Diaz", "text": "We meet."},
        {"title": "Closing", "date": "3/13/1995", "speaker_name": "Ana Diaz", "text": "We part."},  # month first
        {"title": "Dinner", "date": "Sept 22, 1995", "speaker_name": "Ana Diaz", "text": "We dine."},
        {"title": "Recess", "date": "31/04/1996", "speaker_name": "Ana Diaz", "text": "We rest."},
        {"title": "Report", "date": "1996-05-02", "speaker_name": "Ana Diaz", "text": "As Podium writes it."},
    ]
    write_csv(tmp_path / "sittings.csv", rows)
    result = run(tmp_path, "--metadata", str(tmp_path / "sittings.csv"), "--date-form", "D/M/YYYY")
    assert result.exit_code == 1
    hint = "  hint: the table's dates are read as D/M/YYYY (date_form): fix it or the form"
    assert result.stderr.splitlines()[:6] == [
        "sittings.csv:3:1: error: `date`: impossible date 1995-13-03: there is no month 13",  # read as D/M
        hint,
        "sittings.csv:4:1: error: `date`: `Sept 22, 1995` is not a date written D/M/YYYY",
        hint,
        "sittings.csv:5:1: error: `date`: impossible date 1996-04-31: April 1996 has 30 days",
        hint,
    ]
    assert "date: 1995-09-21\n" in (tmp_path / "speeches/1995/opening.md").read_text(encoding="utf-8")
    assert "date: 1996-05-02\n" in (tmp_path / "speeches/1996/report.md").read_text(encoding="utf-8")


def test_a_mapping_s_date_form_with_month_names_and_a_month_without_a_day(tmp_path):
    ArchiveDir(tmp_path)
    rows = [
        {"title": "Address", "when": "3 Sept. 1946", "speaker_name": "Ana Diaz", "text": "Words."},
        {"title": "Letter", "when": "October 1946", "speaker_name": "Ana Diaz", "text": "More words."},
    ]
    write_csv(tmp_path / "t.csv", rows)
    (tmp_path / "m.yml").write_text("columns: {date: when}\ndate_form: D MMMM YYYY\n", encoding="utf-8")
    result = run(tmp_path, "--metadata", str(tmp_path / "t.csv"), "--mapping", str(tmp_path / "m.yml"))
    assert result.exit_code == 1  # October 1946 is not written D MMMM YYYY
    assert "`date`: `October 1946` is not a date written D MMMM YYYY" in result.stderr
    assert "date: 1946-09-03\n" in (tmp_path / "speeches/1946/address.md").read_text(encoding="utf-8")
    result = run(
        tmp_path,
        "--metadata",
        str(tmp_path / "t.csv"),
        "--mapping",
        str(tmp_path / "m.yml"),
        "--date-form",
        "MMMM YYYY",
    )  # the option wins over the mapping's
    assert "date: 1946-10\n" in (tmp_path / "speeches/1946/letter.md").read_text(encoding="utf-8")


def test_a_date_form_without_a_year_is_an_error_at_its_place(tmp_path):
    ArchiveDir(tmp_path)
    write_csv(tmp_path / "t.csv", [{"title": "A", "date": "21/09", "speaker_name": "Ana Diaz", "text": "W."}])
    (tmp_path / "m.yml").write_text("columns: {}\ndate_form: DD/MM\n", encoding="utf-8")
    result = run(tmp_path, "--metadata", str(tmp_path / "t.csv"), "--mapping", str(tmp_path / "m.yml"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"{tmp_path / 'm.yml'}:2:1: error: the date form `DD/MM` has no year (YYYY)",
        "  hint: e.g. DD/MM/YYYY, M/D/YYYY, D MMMM YYYY or YYYY (YYYY, MM or M, DD or D, MMMM or MMM)",
    ]
    assert not (tmp_path / "speeches/2025").exists() and not list((tmp_path / "speeches").rglob("*.md"))


def test_month_names_in_the_archive_s_language_are_read_with_english_ones(tmp_path):
    """A French archive's table writes `21 septembre 1995`, `1er févr. 1996`: read with theme.language's month
    names (the CLDR's, with or without accents) besides English; a name in neither is an error at its row."""
    archive = ArchiveDir(tmp_path)
    archive.write("mkdocs.yml", archive_config("podium", theme={"language": "fr"}))
    rows = [
        {"title": "Ouverture", "date": "21 septembre 1995", "speaker_name": "Ana Diaz", "text": "Mots."},
        {"title": "Clôture", "date": "1er févr. 1996", "speaker_name": "Ana Diaz", "text": "Mots."},
        {"title": "Dîner", "date": "3 Fevrier 1996", "speaker_name": "Ana Diaz", "text": "Mots."},
        {"title": "Report", "date": "4 October 1996", "speaker_name": "Ana Diaz", "text": "Words."},
        {"title": "Lettre", "date": "5 setembro 1996", "speaker_name": "Ana Diaz", "text": "Palavras."},
    ]
    write_csv(tmp_path / "t.csv", rows)
    result = run(tmp_path, "--metadata", str(tmp_path / "t.csv"), "--date-form", "D MMMM YYYY")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "t.csv:6:1: error: `date`: `5 setembro 1996` is not a date written D MMMM YYYY",
        "  hint: the table's dates are read as D MMMM YYYY (date_form): fix it or the form (month names in English "
        "or in `fr`)",
    ]
    written = {
        path.stem: re.search(r"^date: (.*)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1)
        for path in (tmp_path / "speeches").rglob("*.md")
    }
    assert written == {
        "ouverture": "1995-09-21",
        "cloture": "1996-02-01",
        "diner": "1996-02-03",
        "report": "1996-10-04",
    }
