"""Documents other than plain text in the imports: Word documents (.docx) give the paragraphs a reader sees, in
order, without the text tracked changes deleted or a field's code, a broken one an error at the file; a corpus
of saved web pages gives what each page shows."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from click.testing import CliRunner

from podium.cli.main import main
from podium.core.problems import Problems
from podium.editors import wordfile
from support.archive import ArchiveDir

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def docx(file: Path, body: str) -> Path:
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            wordfile.DOCUMENT,
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>',
        )
    return file


STOP = "stop way\u00a0!"
SPEECH = (
    f"<w:p>{run('Remarks by the Minister')}</w:p>"
    f"<w:p>{run('GENEVA, 3 March 2024 – The minister spoke.')}</w:p>"
    "<w:p></w:p>"
    f"<w:p>{run('Here is the statement:')}</w:p>"
    f"<w:p>{run('“We act')}<w:r><w:tab/></w:r>{run('together,')}<w:del><w:r><w:delText> never</w:delText></w:r></w:del>"
    f"<w:ins>{run(' now')}</w:ins>{run(' in a non')}<w:r><w:noBreakHyphen/></w:r>{run(STOP)}</w:p>"
    f'<w:tbl><w:tr><w:tc><w:p>{run("Page ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    f'{run("2")}<w:r><w:fldChar w:fldCharType="end"/></w:r>{run(" of the record")}</w:p></w:tc></w:tr></w:tbl>'
    f'<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>{run("Peace")}<w:r><w:sym w:char="2014"/></w:r>'
    f"{run('now.”')}<w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p>{run('Box text')}</w:p>"
    f"</w:txbxContent></mc:Choice><mc:Fallback><w:p>{run('Box text')}</w:p></mc:Fallback>"
    "</mc:AlternateContent></w:r></w:p>"
)


def test_the_paragraphs_a_reader_sees(tmp_path):
    found = wordfile.paragraphs(docx(tmp_path / "remarks.docx", SPEECH), "remarks.docx", Problems())
    assert found == [
        "Remarks by the Minister",
        "GENEVA, 3 March 2024 – The minister spoke.",
        "Here is the statement:",
        "“We act together, now in a non\u2011stop way\u00a0!",
        "Page 2 of the record",
        "Peace—now.”",
        "Box text",
    ]


def test_an_article_from_a_word_document(tmp_path):
    archive = ArchiveDir(tmp_path)
    file = docx(tmp_path / "remarks.docx", SPEECH.split("<w:tbl>")[0] + f"<w:p>{run('Thank you.”')}</w:p>")
    result = CliRunner().invoke(main, ["import", "article", str(file), "-o", "-", "--root", str(archive.root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n---\n", 2)[2] == (
        "\nWe act together, now in a non\u2011stop way\u00a0!\n\nThank you.\n"
    )


def test_the_draft_is_named_after_the_document(tmp_path):
    archive = ArchiveDir(tmp_path)
    file = docx(tmp_path / "Remarks Final.docx", SPEECH.split("<w:tbl>")[0] + f"<w:p>{run('Thank you.”')}</w:p>")
    result = CliRunner().invoke(main, ["import", "article", str(file), "--root", str(archive.root)])
    assert result.exit_code == 0, result.output
    assert "wrote speeches/2024/remarks-final.md: 2 statements\n" in result.stdout


def test_a_corpus_of_word_documents_and_a_file_that_is_not_one(tmp_path):
    ArchiveDir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    docx(folder / "a.docx", f"<w:p>{run('First paragraph.')}</w:p><w:p>{run('Second one.')}</w:p>")
    (folder / "b.docx").write_text("Saved as text, named .docx.", encoding="utf-8")
    with (tmp_path / "m.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows([["file", "title", "date", "speaker_name"], ["a.docx", "A", "2024-01-02", "Ann Lee"]])
        writer.writerow(["b.docx", "B", "2024-01-03", "Ann Lee"])
    result = CliRunner().invoke(
        main, ["import", "corpus", str(folder), "--metadata", str(tmp_path / "m.csv"), "--root", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert (
        (tmp_path / "speeches/2024/a.md")
        .read_text(encoding="utf-8")
        .endswith("---\n\nFirst paragraph.\n\nSecond one.\n")
    )
    assert result.stderr.startswith(
        f"{folder / 'b.docx'}:1:1: error: this is not a Word document (.docx): it has no word/document.xml\n"
        "  hint: save it again from Word or LibreOffice as .docx, or as plain text\n"
    )
    assert "m.csv:3:1: error: text file `b.docx` cannot be imported (see its error)" in result.stderr


def test_a_document_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(wordfile, "MAX_MB", 0)
    problems = Problems()
    assert wordfile.paragraphs(docx(tmp_path / "big.docx", f"<w:p>{run('x')}</w:p>"), "big.docx", problems) is None
    assert problems.items[0].format().splitlines()[0] == (
        "big.docx:1:1: error: the document's text unpacks to over 0 MB"
    )


def test_a_corpus_of_saved_pages_imports_what_they_show(tmp_path):
    ArchiveDir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    page = (
        "<!DOCTYPE html><html><head><title>Remarks | Site</title><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><p>Good morning&nbsp;!</p><p>We act <b>together</b>.</p>"
        "<footer>© Site</footer></body></html>"
    )
    (folder / "a.html").write_text(page, encoding="utf-8")
    with (tmp_path / "m.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["file", "title", "date", "speaker_name"], ["a.html", "A", "2024-01-02", "Ann"]])
    result = CliRunner().invoke(
        main, ["import", "corpus", str(folder), "--metadata", str(tmp_path / "m.csv"), "--root", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "speeches/2024/a.md")
        .read_text(encoding="utf-8")
        .endswith("---\n\nGood morning\u00a0!\n\nWe act together.\n")
    )
