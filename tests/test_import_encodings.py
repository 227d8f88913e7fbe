"""Imports read other people's files whole or report where they broke: encodings, control characters, bad
tables and mappings. Never a traceback, never a letter replaced."""

from __future__ import annotations

import codecs
import doctest
import zipfile
from pathlib import Path

from click.testing import CliRunner

from podium.cli.main import main
from podium.editors import source
from support.archive import ArchiveDir

ROWS = "file,title,date,speaker_name\n"


def corpus(root: Path, texts: dict[str, bytes], table: bytes | None = None, name: str = "meta.csv") -> Path:
    folder = root / "corpus"
    folder.mkdir(exist_ok=True)
    for file, raw in texts.items():
        (folder / file).write_bytes(raw)
    if table is None:
        rows = "".join(f"{file},Title {n},2021-02-0{n + 1},Jane Doe\n" for n, file in enumerate(texts))
        table = (ROWS + rows).encode()
    (root / name).write_bytes(table)
    return folder


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["import", "corpus", str(root / "corpus"), *args, "--root", str(root)])


def body(root: Path, ident: str, year: int = 2021) -> str:
    return (root / "speeches" / str(year) / f"{ident}.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def test_windows_1252_text_is_an_error_at_its_byte_then_imported_whole_with_its_encoding(tmp_path):
    archive = ArchiveDir(tmp_path)
    folder = corpus(tmp_path, {"fr.txt": "Le café est prêt.\n\nMerci « beaucoup » – vraiment…\n".encode("cp1252")})
    refused = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"))
    assert refused.exit_code == 1
    assert f"{folder / 'fr.txt'}:1:7: error: the text is not UTF-8: byte 0xe9 cannot be read\n" in refused.stderr
    assert "hint: the text looks like Windows-1252 or Latin-1: pass --encoding cp1252" in refused.stderr
    assert "meta.csv:2:1: error: text file `fr.txt` cannot be imported (see its error)" in refused.stderr
    assert not (archive.root / "speeches/2021/fr.md").exists()
    imported = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"), "--encoding", "cp1252")
    assert imported.exit_code == 0, imported.output
    assert body(archive.root, "fr") == "\nLe café est prêt.\n\nMerci « beaucoup » – vraiment…\n"


def test_a_byte_order_mark_names_the_encoding_utf16_included(tmp_path):
    archive = ArchiveDir(tmp_path)
    text = "Спасибо, коллеги.\r\n\r\nМы за мир.\r\n"
    corpus(tmp_path, {"le.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "u8.txt": b"\xef\xbb\xbfSalut."})
    result = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"), "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    assert body(archive.root, "le") == "\nСпасибо, коллеги.\n\nМы за мир.\n"
    assert body(archive.root, "u8") == "\nSalut.\n"


def test_control_characters_empty_and_missing_texts_are_reported_together(tmp_path):
    ArchiveDir(tmp_path)
    folder = corpus(
        tmp_path,
        {
            "bell.txt": b"Ring\x07 the bell.\n\nFine.\nAgain \x1b[31m here.\n",
            "c1.txt": "Caf\u00e9 \u0093quoted\u0094.\n".encode(),
            "empty.txt": b" \n\n\t\n",
            "ok.txt": "Form\x0cfeed and line\u2028separator are spaces.\n".encode(),
        },
        table=(
            ROWS + "bell.txt,B,2021-02-01,Jane Doe\nc1.txt,C,2021-02-02,Jane Doe\nempty.txt,E,2021-02-03,Jane Doe\n"
            "ok.txt,O,2021-02-04,Jane Doe\nnone.txt,N,2021-02-05,Jane Doe\n"
        ).encode(),
    )
    result = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [
        f"{folder / 'bell.txt'}:1:5: error: control character U+0007 cannot be imported",
        f"{folder / 'bell.txt'}:4:7: error: control character U+001B cannot be imported",
        f"{folder / 'c1.txt'}:1:6: error: control character U+0093 cannot be imported",
        "meta.csv:2:1: error: text file `bell.txt` cannot be imported (see its error)",
        "meta.csv:3:1: error: text file `c1.txt` cannot be imported (see its error)",
        "meta.csv:4:1: error: text file `empty.txt` is empty",
        "meta.csv:6:1: error: text file `none.txt` is not in corpus/",
    ]
    assert "hint: Windows-1252 text was read as Latin-1 here: U+0093 stands for `“`; write that" in result.stderr
    assert "imported 1 transcripts: 1 written" in result.stdout
    assert body(tmp_path, "ok") == "\nForm feed and line separator are spaces.\n"


def test_a_table_that_cannot_be_read_is_an_error_at_its_line(tmp_path):
    ArchiveDir(tmp_path)
    corpus(tmp_path, {"a.txt": b"Hello."}, table=b"file,title,date,speaker_name\na.txt,Caf\xe9,2021-02-01,Jane\n")
    cases = {
        "meta.csv": "meta.csv:2:10: error: the text is not UTF-8: byte 0xe9 cannot be read",
        "broken.json": "broken.json:1:20: error: the table is not valid JSON: Expecting property name enclosed in "
        "double quotes",
        "scalar.json": "scalar.json:1:1: error: the table holds no list of rows",
        "empty.csv": "empty.csv:1:1: error: the table is empty: it has no header row",
    }
    (tmp_path / "broken.json").write_text('[{"file": "a.txt", ]')
    (tmp_path / "scalar.json").write_text('"a.txt"')
    (tmp_path / "empty.csv").write_text("")
    for name, error in cases.items():
        result = run(tmp_path, "--metadata", str(tmp_path / name))
        assert result.exit_code == 1, name
        assert error in result.stderr, result.stderr
        assert "Traceback" not in result.output
    latin = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"), "--encoding", "latin-1")
    assert latin.exit_code == 0, latin.output
    assert "title: Café" in (tmp_path / "speeches/2021/a.md").read_text(encoding="utf-8")


def test_a_mapping_with_a_syntax_error_or_a_wrong_shape_is_an_error_at_its_line(tmp_path):
    ArchiveDir(tmp_path)
    corpus(tmp_path, {"a.txt": b"Hello."})
    broken, shaped, listed, json_map = (tmp_path / name for name in ("b.yml", "s.yml", "l.yml", "m.json"))
    broken.write_text("columns:\n  title: [unclosed\n")
    shaped.write_text("columns: 5\nset:\n  kind: [a, b]\nspeakers:\n  x: 5\nlabels:\n  'Q:': {a: 1}\n")
    listed.write_text("- columns\n")
    json_map.write_text('{"columns": {"title": ')
    expected = {
        broken: [f"{broken}:3:1: error: YAML syntax error: expected ',' or ']', but got the end"],
        shaped: [
            f"{shaped}:1:1: error: the mapping's `columns:` must be a mapping, not one value",
            f"{shaped}:3:3: error: `set: kind` must be one value, not a list",
            f"{shaped}:5:3: error: `speakers: x` must be a speaker's entry, not one value",
            f"{shaped}:7:3: error: `labels: Q:` must be one value, not a mapping",
        ],
        listed: [f"{listed}:1:1: error: the mapping must be a mapping of columns, set, values"],
        json_map: [f"{json_map}:1:23: error: the mapping is not valid JSON: Expecting value"],
    }
    for mapping, errors in expected.items():
        result = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"), "--mapping", str(mapping))
        assert result.exit_code == 1
        found = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert len(found) == len(errors), result.stderr
        for line, error in zip(found, errors, strict=True):
            assert line.startswith(error), result.stderr
    assert not (tmp_path / "speeches/2021/a.md").exists()


def test_an_unknown_encoding_is_refused_before_anything_is_read(tmp_path):
    ArchiveDir(tmp_path)
    corpus(tmp_path, {"a.txt": b"Hello."})
    result = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"), "--encoding", "klingon")
    assert result.exit_code == 2
    assert "`klingon` is not a text encoding Python knows (e.g. utf-8, cp1252, latin-1)" in result.output
    assert not (tmp_path / "speeches/2021").exists()


def test_an_article_in_windows_1252_is_refused_then_read_whole(tmp_path):
    archive = ArchiveDir(tmp_path)
    article = tmp_path / "statement.txt"
    text = "Remarks\nGENEVA, March 3 – The minister spoke.\nHere is the statement:\n“Thank you, Café Society.”\n"
    article.write_bytes(text.encode("cp1252"))
    command = ["import", "article", str(article), "--date", "2024-03-03", "--root", str(archive.root)]
    refused = CliRunner().invoke(main, command)
    assert refused.exit_code == 1
    assert f"{article}:2:17: error: the text is not UTF-8: byte 0x96 cannot be read" in refused.stderr
    assert not (archive.root / "speeches/2024/statement.md").exists()
    read = CliRunner().invoke(main, [*command, "--encoding", "cp1252"])
    assert read.exit_code == 0, read.output
    assert "\nThank you, Café Society.\n" in (archive.root / "speeches/2024/statement.md").read_text(encoding="utf-8")


def test_the_reading_modules_examples_hold():
    assert doctest.testmod(source).failed == 0


def test_a_row_with_more_values_than_columns_is_an_error_not_a_value_cut_short(tmp_path):
    ArchiveDir(tmp_path)
    table = ROWS + 'a.txt,Peace,2021-02-01,Doe, Jane\nb.txt,"Peace, security",2021-02-02,Jane Doe\n'
    corpus(tmp_path, {"a.txt": b"One.", "b.txt": b"Two."}, table=table.encode())
    result = run(tmp_path, "--metadata", str(tmp_path / "meta.csv"))
    assert result.exit_code == 1
    assert "meta.csv:2:1: error: this row has 5 values but the header names 4 columns" in result.stderr
    assert 'hint: put a value that holds a comma in double quotes, e.g. "Doe, Jane"' in result.stderr
    assert "1 row with errors" in result.stdout
    assert not (tmp_path / "speeches/2021/a.md").exists()
    assert "title: Peace, security" in (tmp_path / "speeches/2021/b.md").read_text(encoding="utf-8")
    (tmp_path / "twice.csv").write_text("file,title,title,date,speaker_name\n")
    twice = run(tmp_path, "--metadata", str(tmp_path / "twice.csv"))
    assert twice.exit_code == 1
    assert "twice.csv:1:1: error: the header names the column `title` twice" in twice.stderr


def test_a_pdf_a_workbook_or_an_old_word_file_is_named_for_what_it_is(tmp_path):
    ArchiveDir(tmp_path)
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    result = CliRunner().invoke(main, ["import", "article", str(pdf), "--date", "2024-01-01", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{pdf}:1:1: error: this is a PDF document, not text\n"
        "  hint: save its text as a .txt file (e.g. `pdftotext -layout FILE`), then import that\n"
    )
    workbook = tmp_path / "meta.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    corpus(tmp_path, {"a.txt": b"One."})
    table = run(tmp_path, "--metadata", str(workbook))
    assert table.exit_code == 1
    assert "meta.xlsx:1:1: error: this is an Excel workbook (.xlsx), not text\n" in table.stderr
    assert "hint: save the sheet as CSV (UTF-8) and give that" in table.stderr
    (tmp_path / "corpus/old.txt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest")
    (tmp_path / "m.csv").write_text(ROWS + "old.txt,Old,2021-02-01,Jane Doe\n", encoding="utf-8")
    old = run(tmp_path, "--metadata", str(tmp_path / "m.csv"))
    assert f"{tmp_path / 'corpus/old.txt'}:1:1: error: this is an old Word or Excel file (.doc, .xls), not text" in (
        old.stderr
    )
