"""`podium import record`: a parliament's record (Akoma Ntoso, TEI as ParlaMint writes it, TheyWorkForYou's XML) as
a draft transcript, every word kept; a speech's own `akn.xml.gz` reads back as its transcript."""

from __future__ import annotations

import gzip
import html
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from podium import features
from podium.cite.akomantoso import debate
from podium.core.problems import Problems
from podium.core.text import plain_text, table_cells
from podium.editors import record
from support.archive import ArchiveDir
from support.processes import run_podium

RECORD = """\
<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <debate name="hansard">
    <meta>
      <identification source="#hansard">
        <FRBRWork><FRBRthis value="/akn/ke/debaterecord/2024-03-12/main"/><FRBRdate date="2024-03-12" name="sitting"/>
        </FRBRWork>
        <FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression>
      </identification>
      <references source="#hansard">
        <TLCPerson eId="hon_omar_ali" href="/ontology/person/ke/omar-ali" showAs="Hon. Omar Ali"/>
        <TLCPerson eId="hon_jane_wanjiru" href="/ontology/person/ke/jane-wanjiru" showAs="Hon. Jane Wanjiru"/>
        <TLCPerson eId="pres" href="/ontology/person/ke/tokayev" showAs="Kassym-Jomart Tokayev"/>
      </references>
    </meta>
    <preface><p><docTitle>National Assembly Debates, 12th March 2024</docTitle></p></preface>
    <debateBody>
      <debateSection name="questions" eId="dbsect_1">
        <num>II.</num>
        <heading>QUESTIONS BY PRIVATE NOTICE</heading>
        <question by="#hon_omar_ali" eId="dbsect_1__question_1">
          <from><person refersTo="#hon_omar_ali">Hon. Omar Ali</person> (Garissa Township)</from>
          <p>Hon. Speaker, what has the Ministry done about
            the shortage of water in Garissa?</p>
        </question>
        <scene>(Hon. Members consulted loudly)</scene>
        <answer by="#hon_jane_wanjiru" eId="dbsect_1__answer_1">
          <from>Hon. Jane Wanjiru</from>
          <p>It drilled 14 boreholes <remark>(Applause)</remark>.</p>
          <p>A further 6 are planned for *next* year; 5&lt;6.</p>
        </answer>
        <speech by="#pres"><from>The guest</from><p>Thank you.</p></speech>
        <speech by="#floor"><from>Members</from><p>Hear, hear!</p></speech>
        <tblock><p>Papers laid: the Water Bill.</p></tblock>
      </debateSection>
      <adjournment><p>The House rose at 6.30 p.m.</p></adjournment>
    </debateBody>
  </debate>
</akomaNtoso>
"""

DRAFT = """\
---
title: National Assembly Debates, 12th March 2024
date: 2024-03-12
speakers:
- hon-omar-ali
- hon-jane-wanjiru
- tokayev
language: en
kind: debate
---

## QUESTIONS BY PRIVATE NOTICE

@hon-omar-ali: Hon. Speaker, what has the Ministry done about the shortage of water in Garissa?

[(Hon. Members consulted loudly)]

@hon-jane-wanjiru: It drilled 14 boreholes (Applause).

A further 6 are planned for \\*next\\* year; 5&lt;6.

@tokayev: Thank you.

@[Members]: Hear, hear!

[Papers laid: the Water Bill.]

[The House rose at 6.30 p.m.]
"""


def test_a_parliaments_record_becomes_a_draft_that_passes_check(archive_dir: ArchiveDir):
    record = archive_dir.write("na-2024-03-12.xml", RECORD)
    result = run_podium("import", "record", str(record), cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "note: kept as narrative the text of elements this reader does not know: <tblock>",
        "wrote speeches/2024/na-2024-03-12.md: 9 paragraphs",
        "added to speakers.yml: hon-omar-ali (Hon. Omar Ali), hon-jane-wanjiru (Hon. Jane Wanjiru)",
        "next: podium lint speeches/2024/na-2024-03-12.md && podium check speeches/2024/na-2024-03-12.md",
    ]
    assert (archive_dir.root / "speeches/2024/na-2024-03-12.md").read_text() == DRAFT
    speakers = (archive_dir.root / "speeches/speakers.yml").read_text()
    assert speakers.endswith("hon-omar-ali:\n  name: Hon. Omar Ali\nhon-jane-wanjiru:\n  name: Hon. Jane Wanjiru\n")
    check = run_podium("check", cwd=archive_dir.root)
    assert check.returncode == 0, check.stderr


def test_every_word_of_the_record_is_in_the_draft(reference_archive):
    made = record.read(RECORD.encode(), "record.xml", reference_archive.registry, Problems())
    assert made is not None
    said: list[str] = []

    def words(element: ET.Element) -> None:  # what the record says: all but a turn's speaker and a number
        if element.tag.rpartition("}")[2] in ("from", "num", "meta"):
            said.extend((element.tail or "").split())
            return
        said.extend((element.text or "").split())
        for child in element:
            words(child)
        said.extend((element.tail or "").split())

    words(ET.fromstring(RECORD.encode()))
    draft = html.unescape("\n".join([made.meta["title"], *made.paragraphs]).replace("\\", ""))
    assert [word for word in said if word not in draft] == []


PANEL = """\
@tokayev: Welcome to *Astana*. {#welcome}

It is an honour.

[Applause]

## Questions

@kagame: Thank you, Mr President -- [applause] -- and every guest.

@[Voices from the floor]: Hear, hear!

@tokayev: 1. First, peace; 2. then trade.

| Year | Trade (bn $) |
|:-----|-------------:|
| 2023 | 1.5 |
| 2024 | *2.0* \\| est. |
"""


@pytest.fixture(scope="module")
def exported(reference_archive, tmp_path_factory):
    """Each speech of the reference archive, and a panel, as Podium exports them (akn.xml.gz), read back."""
    panel = ArchiveDir(tmp_path_factory.mktemp("panel"))
    front = "title: Panel\ndate: 2025-05-29\nspeakers: [tokayev, kagame]\nevent: aif-2025\nsession: Plenary session\n"
    panel.speech("panel", front, PANEL)
    loaded = features.load(panel.root)
    assert loaded.ok, loaded.problems
    back = {}
    for archive in (reference_archive, loaded):
        for speech in archive.speeches:
            problems = Problems()
            made = record.read(
                debate(speech, archive.registry, "Archive").encode(), speech.id, archive.registry, problems
            )
            assert made is not None and not problems.items
            back[speech.id] = (speech, made)
    return back


def test_a_podium_export_reads_back_as_its_transcript(exported):
    assert len(exported) == 2 and exported["panel"][1].paragraphs[2:4] == ["[Applause]", "## Questions"]
    assert exported["panel"][1].paragraphs[-1] == (
        "| Year | Trade (bn $) |\n| --- | --- |\n| 2023 | 1.5 |\n| 2024 | 2.0 \\| est. |"
    )
    for speech, made in exported.values():
        meta = speech.meta
        assert made.meta["title"] == meta.title
        assert made.meta["date"] == meta.date
        assert made.meta.get("speaker") == meta.speaker or made.meta.get("speakers") == meta.speaker_ids
        assert made.meta.get("event") == meta.event
        assert made.meta.get("session") == meta.session
        assert made.meta["language"] == meta.language
        assert made.new_speakers == {}
        # Each statement's text, and the id an editor gave it (`{#id}`), where the transcript has them.
        said = [s for s in speech.statements if s.type == "speech"]
        read = [p for p in made.paragraphs if not p.startswith(("## ", "["))]
        read = [p.split(": ", 1)[1] if p.startswith("@") else p for p in read]
        assert len(read) == len(said)
        for statement, paragraph in zip(said, read, strict=True):
            if (cells := table_cells(statement.text)) is not None:  # a table comes back a table, cell for cell
                assert table_cells(paragraph) == cells
                continue
            assert plain_text(paragraph) == plain_text(statement.text) + (
                f" {{#{statement.id}}}" if statement.explicit_id else ""
            )


def test_what_is_not_a_debate_is_refused_at_its_place(tmp_path: Path, archive_dir: ArchiveDir):
    broken = archive_dir.write("broken.xml", "<akomaNtoso>\n  <debate>\n</akomaNtoso>\n")
    act = archive_dir.write(
        "act.xml", '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act/></akomaNtoso>'
    )
    undated = archive_dir.write("undated.xml", RECORD.replace('date="2024-03-12"', ""))
    bomb = archive_dir.write(
        "bomb.xml",
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]><debate><debateBody><p>&i;</p></debateBody></debate>",
    )
    lines = []
    for file in (broken, act, undated, bomb):
        result = run_podium("import", "record", str(file), cwd=archive_dir.root)
        assert result.returncode == 1
        lines += result.stderr.splitlines()[:2]
    assert lines[:6] == [
        f"{broken}:3:3: error: this is not well-formed XML: mismatched tag",
        "  hint: is the file whole?",
        f"{act}:1:1: error: this Akoma Ntoso document is an <act>, not a <debate> with a <debateBody>",
        "  hint: podium import record reads an Akoma Ntoso <debate>, a TEI document with a <body> (ParlaMint), or "
        "TheyWorkForYou's <publicwhip>",
        f"{undated}:1:1: error: the record gives no date of its sitting",
        "  hint: pass --date YYYY-MM-DD",
    ]
    assert lines[6].startswith(f"{bomb}:1:") and "not well-formed XML" in lines[6]
    assert [
        f.name for f in (archive_dir.root / "speeches").rglob("*.md") if f.stem in ("broken", "act", "undated", "bomb")
    ] == []


def test_a_gzipped_export_is_read_and_dry_run_writes_nothing(archive_dir: ArchiveDir):
    record = archive_dir.root / "akn.xml.gz"
    record.write_bytes(gzip.compress(RECORD.encode()))
    before = (archive_dir.root / "speeches/speakers.yml").read_text()
    result = run_podium("import", "record", str(record), "--id", "sitting", "--dry-run", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "would write speeches/2024/sitting.md: 9 paragraphs",
        "would add to speakers.yml: hon-omar-ali (Hon. Omar Ali), hon-jane-wanjiru (Hon. Jane Wanjiru)",
    ]
    assert (archive_dir.root / "speeches/speakers.yml").read_text() == before
    assert not (archive_dir.root / "speeches/2024/sitting.md").exists()


# A sitting as ParlaMint writes it (TEI), whose speakers' names are not in the file, only their ids; a day of
# the House of Commons as TheyWorkForYou publishes it (declared ISO-8859-1).
RECORDS = Path(__file__).parent / "support" / "records"


def test_a_parlamint_sitting(archive_dir: ArchiveDir):
    record = RECORDS / "ParlaMint-GB_2021-03-12-commons.xml"
    result = run_podium("import", "record", str(record), "-o", "-", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "note: `hoyle-lindsay` is named `Hoyle Lindsay` after its id `HoyleLindsay`: check the name in speakers.yml\n"
        "note: `sunak-rishi` is named `Sunak Rishi` after its id `SunakRishi`: check the name in speakers.yml\n"
        "---\n"
        "title: United Kingdom parliamentary corpus ParlaMint-GB, Commons, Sitting 2021-03-12 [ParlaMint]\n"
        "date: 2021-03-12\n"
        "speakers:\n- hoyle-lindsay\n- sunak-rishi\n"
        "language: en\nkind: debate\n---\n\n"
        "## Prayers\n\n"
        "[The House met at half-past Nine o'clock]\n\n"
        "@hoyle-lindsay: Order, order.\n\n"
        "@sunak-rishi: I beg to move that the House do now adjourn.\n\n"
        "[Applause]\n\n"
        "Thank you, Mr Speaker.\n\n"
        "[(10:05)]\n\n"
        "And one more point.\n"
    )


def test_a_theyworkforyou_day(archive_dir: ArchiveDir):
    record = RECORDS / "debates2024-03-12a.xml"
    result = run_podium("import", "record", str(record), cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    assert (archive_dir.root / "speeches/2024/debates2024-03-12a.md").read_text() == (
        "---\ntitle: Debates of 12 March 2024\ndate: 2024-03-12\nspeakers:\n- chidi-okonkwo\nlanguage: en\n"
        "kind: debate\n---\n\n"
        "## Housing (Rent Controls) Bill\n\n"
        "@chidi-okonkwo: I beg to move, That the Bill be now read a Second time.\n\n"
        "The Bill does three things: it caps rises at 5% (£100 at most).\n\n"
        "@[Hon. Members]: Hear, hear!\n\n"
        "[Question put.]\n\n"
        "## Division\n\n"
        "[Division 12. content: 300, not content: 200. aye: Jane Smith, Chidi Okonkwo. no: Omar Ali]\n"
    )
    assert "chidi-okonkwo:\n  name: Chidi Okonkwo\n" in (archive_dir.root / "speeches/speakers.yml").read_text()
    assert run_podium("check", cwd=archive_dir.root).returncode == 0


def test_several_records_add_a_speaker_once(archive_dir: ArchiveDir, tmp_path: Path):
    first = RECORDS / "ParlaMint-GB_2021-03-12-commons.xml"
    second = tmp_path / "ParlaMint-GB_2021-03-15-commons.xml"
    second.write_text(first.read_text().replace("2021-03-12", "2021-03-15"))
    for dry in (["--dry-run"], []):
        result = run_podium("import", "record", str(first), str(second), *dry, cwd=archive_dir.root)
        assert result.returncode == 0, result.stderr
        said = [line for line in result.stdout.splitlines() if "speakers.yml:" in line]
        assert len(said) == 1 and said[0].endswith("hoyle-lindsay (Hoyle Lindsay), sunak-rishi (Sunak Rishi)")
        assert result.stdout.splitlines()[-1] == "2 of 2 records imported"
    speakers = (archive_dir.root / "speeches/speakers.yml").read_text()
    assert speakers.count("sunak-rishi:") == 1 and "sunak-rishi-2" not in speakers
    assert (archive_dir.root / "speeches/2021/parlamint-gb-2021-03-15-commons.md").read_text().count(
        "@sunak-rishi:"
    ) == 1
    refused = run_podium("import", "record", str(first), str(second), "--id", "x", cwd=archive_dir.root)
    assert refused.returncode == 2 and "--id names one record's transcript: give one FILE with it" in refused.stderr


def test_a_list_of_people_names_the_speakers(archive_dir: ArchiveDir):
    sitting, people = RECORDS / "ParlaMint-GB_2021-03-12-commons.xml", RECORDS / "ParlaMint-GB-listPerson.xml"
    result = run_podium("import", "record", str(sitting), "--people", str(people), "--dry-run", cwd=archive_dir.root)
    assert result.returncode == 0, result.stderr
    assert "would add to speakers.yml: lindsay-hoyle (Lindsay Hoyle), rishi-sunak (Rishi Sunak)" in result.stdout
    assert "after its id" not in result.stdout
    corpus = archive_dir.write(
        "ParlaMint-GB.xml", '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></teiCorpus>'
    )
    refused = run_podium("import", "record", str(corpus), cwd=archive_dir.root)
    assert refused.stderr.splitlines()[:2] == [
        f"{corpus}:1:1: error: this is a corpus's root file, which includes its sittings rather than holding them",
        "  hint: import the sittings' files (e.g. ParlaMint-GB/*/*.xml), with --people for its list of people",
    ]


def test_a_record_naming_someone_else_by_a_registry_id_gets_a_new_speaker(reference_archive):
    other = RECORD.replace(
        'eId="pres" href="/ontology/person/ke/tokayev" showAs="Kassym-Jomart Tokayev"',
        'eId="tokayev" showAs="Amina Tokayeva"',
    )
    other = other.replace('by="#pres"', 'by="#tokayev"')
    made = record.read(other.encode(), "record.xml", reference_archive.registry, Problems())
    assert made is not None and made.new_speakers["amina-tokayeva"] == "Amina Tokayeva"
    assert "@amina-tokayeva: Thank you." in made.paragraphs


def test_a_report_of_proceedings_and_written_answers(reference_archive):
    report = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><debateReport name="report"><meta/>'
        '<preface><p><docTitle>Report of proceedings</docTitle> <docDate date="2024-05-02">2 May</docDate></p>'
        '</preface><mainBody><hcontainer name="item"><heading>Budget</heading><speech by="#x"><from>A. Member</from>'
        "<p>The budget is late.</p></speech></hcontainer></mainBody></debateReport></akomaNtoso>"
    )
    wrans = (
        '<publicwhip><major-heading id="uk.org.publicwhip/wrans/2024-05-02a.1.0">Housing</major-heading>'
        '<ques id="uk.org.publicwhip/wrans/2024-05-02a.1.1" person_id="p/1" speakername="Jane Smith">'
        "<p>How many homes?</p></ques>"
        '<reply id="uk.org.publicwhip/wrans/2024-05-02a.1.2" person_id="p/2" speakername="Chidi Okonkwo">'
        "<p>Twelve thousand.</p></reply></publicwhip>"
    )
    registry = reference_archive.registry
    made = [record.read(text.encode(), "x.xml", registry, Problems()) for text in (report, wrans)]
    assert made[0] is not None and made[0].paragraphs == ["## Budget", "@[A. Member]: The budget is late."]
    assert made[0].meta["date"].isoformat() == "2024-05-02"
    assert made[1] is not None and made[1].paragraphs == [
        "## Housing",
        "@jane-smith: How many homes?",
        "@chidi-okonkwo: Twelve thousand.",
    ]


def test_a_tei_transcription_with_speeches_and_their_labels(reference_archive):
    """TEI's `<sp who>` with its `<speaker>` label (plays, older records' transcriptions), not ParlaMint's `<u>`."""
    sitting = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Sitting of 12 March 1923'
        "</title></titleStmt></fileDesc><profileDesc><settingDesc><setting><date when='1923-03-12'/></setting>"
        "</settingDesc></profileDesc></teiHeader><text><body><div><head>Unemployment</head>"
        "<stage>The House met at Three.</stage>"
        '<sp who="#smith"><speaker>Mr. SMITH (Bristol):</speaker><p>I beg to move.</p><stage>(Cheers.)</stage>'
        "<p>The figures speak for themselves.</p></sp>"
        "<sp><speaker>HON. MEMBERS:</speaker><p>Hear, hear!</p></sp>"
        '<sp who="#tokayev #smith"><speaker>The PRESIDENT:</speaker><l>A line,</l><l>and another.</l></sp>'
        "</div></body></text></TEI>"
    )
    made = record.read(sitting.encode(), "sitting.xml", reference_archive.registry, Problems())
    assert made is not None
    assert made.meta["title"] == "Sitting of 12 March 1923" and made.meta["date"].isoformat() == "1923-03-12"
    assert made.paragraphs == [
        "## Unemployment",
        "[The House met at Three.]",
        "@mr-smith-bristol: I beg to move.",
        "[(Cheers.)]",
        "The figures speak for themselves.",
        "@[HON. MEMBERS]: Hear, hear!",
        "@tokayev: A line,",  # the registry's id: a label is no name to tell two people apart by
        "and another.",
    ]
    assert made.new_speakers == {"mr-smith-bristol": "Mr. SMITH (Bristol)"}
    assert made.notes == [
        "`mr-smith-bristol` is named `Mr. SMITH (Bristol)` as the record labels its turns: check the name in "
        "speakers.yml"
    ]
