"""`podium import article`, `podium import corpus` and `podium import record`: the command-line side of `article`,
`corpus` and `record`.

Both write drafts at the archive's path convention, speeches/<year>/<id>.md, and both print what they left
out of the input, so an editor can check that no word of the speech was lost.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from podium.cli.options import root_option, settings_of
from podium.core import archive as archives
from podium.core import dates
from podium.core.model import Speaker
from podium.core.problems import Problems, format_report
from podium.core.registry import Registry
from podium.core.settings import theme_language
from podium.core.text import new_id
from podium.editors import article as articles
from podium.editors import draft, record, webpage, wordfile
from podium.editors import source as sources
from podium.editors.corpus import Mapping, import_corpus


@click.group("import")
def import_group() -> None:
    """Turn outside text into draft transcripts: one scraped article, a whole corpus, or a parliament's record.

    \b
    Example:
      podium import article scrapes/aif-2025-tokayev-plenary.article.txt
      podium import corpus corpus/ --metadata corpus/metadata.csv --mapping corpus/mapping.yml
      podium import record hansard-2024-03-12.xml
    """


def _stem(file: Path) -> str:
    name = file.name
    for suffix in (".txt", ".html", ".htm", ".xhtml", ".docx", ".md", ".article", ".text"):
        name = name.removesuffix(suffix)
    return name


def _encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """The encoding's name, checked before anything is read: `--encoding cp1252`, `latin-1`, `utf-16`."""
    if (name := sources.known_encoding(value)) is None:
        raise click.BadParameter(f"`{value}` is not a text encoding Python knows (e.g. utf-8, cp1252, latin-1)")
    return name


encoding_option = click.option(
    "--encoding",
    default=sources.DEFAULT,
    show_default=True,
    callback=_encoding,
    help="The encoding the input was saved in, e.g. cp1252 or latin-1 for older Windows and web text "
    "(a byte order mark wins: UTF-16 is read as such). The transcripts are written in UTF-8.",
)


def _article_text(file: Path, encoding: str, explicit: bool, problems: Problems) -> tuple[str | None, str | None]:
    """The article's text (a Word document's paragraphs one per line), and the encoding a web page declared and
    was read in; None for the text, with the problems, when it cannot be read whole."""
    if wordfile.is_word(file):
        found = wordfile.paragraphs(file, str(file), problems)
        return (None if found is None else "\n".join(found)), None
    declared = None
    if not explicit:  # a saved web page declares its encoding: read it so unless --encoding says otherwise
        with file.open("rb") as handle:
            head = handle.read(4096)
        if b"<" in head and (declared := webpage.declared_encoding(head)) is not None:
            encoding = declared
    # Read whole or not at all: a byte read as a replacement character would be a lost letter of the speech.
    return sources.read(file, str(file), problems, encoding), declared


# The options of the commands that write one draft (article, record).
ident_option = click.option(
    "--id", "ident", default=None, help="The transcript's id and file name (default: FILE's name)."
)
output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the draft (default: speeches/<year>/<id>.md; `-` prints it).",
)
force_option = click.option("--force", is_flag=True, help="Overwrite an existing transcript.")


def date_option(text: str) -> dt.date:
    """A `--date`: a day, or a month or a year when no day is known (core.dates)."""
    try:
        return dates.parse(text)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--date") from None


@import_group.command("article")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@ident_option
@click.option(
    "--date",
    default=None,
    help="The day of the speech if the dateline lacks it: YYYY-MM-DD (YYYY-MM or YYYY if no day is known).",
)
@click.option("--speaker", default=None, help="The speaker's id, if the article's names do not find it.")
@click.option("--language", default="en", show_default=True, help="BCP 47 tag of the statement's language.")
@output_option
@force_option
@encoding_option
@root_option
def article_command(
    file: Path,
    ident: str | None,
    date: str | None,
    speaker: str | None,
    language: str,
    output: Path | None,
    force: bool,
    encoding: str,
    root: Path,
) -> None:
    """Make a draft transcript from a scraped article or press release, as text or as a saved web page.

    Finds the statement (the quotation after "Here is the statement ...:", or the longest quotation),
    keeps the article's headline, publisher, author, place and date as `source`, drops the site's
    boilerplate, writes one paragraph per statement and keeps every word of it. Everything left out is
    printed, line by line, with the reason.

    \b
    Example:
      podium import article ~/scrapes/aif-2025-tokayev-plenary.article.txt
      podium import article press-release.txt --id un-2025-remarks --date 2025-09-23 -o -
      podium import article saved-page.html   # the text a browser shows; the page's head fills the source
    """
    settings = settings_of(root)
    problems = Problems()
    registry = archives.registries.load(root / settings.speeches_dir, root, problems)
    explicit = click.get_current_context().get_parameter_source("encoding") != ParameterSource.DEFAULT
    text, declared = _article_text(file, encoding, explicit, problems)
    if text is not None and not text.strip():
        problems.add(str(file), 1, 1, "the article is empty", "save the page or text of the article into it first")
    if text is None or problems.errors:
        click.echo(format_report(problems), err=True)
        sys.exit(1)
    # The file's name made an id, as the corpus import makes one (`Remarks Final.docx` -> `remarks-final`).
    ident = ident or new_id(_stem(file), 60) or "article"
    year = None
    if date:
        year = date_option(date).year
    elif year_match := re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", ident):
        year = int(year_match.group(1))
    result = articles.read(text, registry, year, file.suffix.lower() in (".html", ".htm", ".xhtml"), language)
    if declared and declared != sources.DEFAULT:
        result.notes.insert(0, f"read as {declared}, the encoding the page declares (--encoding to read it otherwise)")
    if date:
        result.date = date_option(date)
        result.source.setdefault("date", result.date)
    if speaker:
        result.speaker = speaker
    if result.date is None:
        why = "its dateline has no year" if result.dateline else "it has no dateline"
        problems.add(
            str(file),
            result.dateline or 1,
            1,
            f"the article gives no date of the speech: {why}",
            "pass the day it was given: --date YYYY-MM-DD",
        )
        click.echo(format_report(problems), err=True)
        sys.exit(1)
    draft = articles.draft(result, language, file.name)
    click.echo(f"dropped from {file.name} (not part of the statement):")
    for item in result.dropped:
        click.echo(f"  line {item.line} ({item.reason}): {item.text}")
    for note in result.notes:
        click.echo(f"note: {note}")
    found = [("speaker", result.speaker), ("event", result.event)] + (
        [("session", result.session)] if result.event else []
    )
    for field, value in found:
        click.echo(
            f"{field}: {value}"
            if value
            else f"{field}: not found in the registries; fill it in (podium new can add one)"
        )
    text_out = draft.text()
    if output is not None and str(output) == "-":
        click.echo(text_out, nl=False)
        return
    target = output or root / settings.speeches_dir / str(result.date.year) / f"{ident}.md"
    if target.exists() and not force:
        click.echo(f"podium: {archives.display_path(target, root)} exists; pass --force to overwrite it", err=True)
        sys.exit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text_out, encoding="utf-8")
    shown = archives.display_path(target, root)
    click.echo(f"wrote {shown}: {len(draft.paragraphs)} statements")
    click.echo(f"next: podium lint {shown} && podium check {shown}")


@import_group.command("corpus")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--metadata",
    "table",
    default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The table with one row per text: CSV (comma, semicolon or tab), TSV, JSON or JSON Lines.",
)
@click.option(
    "--files",
    "pattern",
    default=None,
    metavar="PATTERN",
    help="Instead of a table: the texts' file names in DIRECTORY, with {name} for each part that varies, "
    "e.g. '{country}_{session}_{year}.txt'; each name is a column.",
)
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A YAML or JSON file: columns, set, values, events, labels, speakers (see the editors' guide).",
)
@click.option(
    "--map",
    "overrides",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Map a field to a column or a template over columns, e.g. --map date=delivered_on, "
    "--map 'file={fileid}.txt' (overrides --mapping).",
)
@click.option(
    "--set",
    "constants",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Give a field the same value on every row, e.g. --set kind=address (a template with {column} too).",
)
@click.option(
    "--date-form",
    default=None,
    metavar="FORM",
    help="How the table writes its dates, e.g. DD/MM/YYYY, M/D/YYYY, 'D MMMM YYYY' (default: YYYY-MM-DD, "
    "or YYYY-MM or YYYY). Month names in English or in the archive's theme.language.",
)
@click.option("--dry-run", is_flag=True, help="Write nothing; show what would be written and added.")
@click.option("--force", is_flag=True, help="Overwrite transcripts edited since the last import.")
@click.option("--verbose", "-v", is_flag=True, help="List every speaker label that became a turn.")
@encoding_option
@root_option
def corpus_command(
    directory: Path | None,
    table: Path | None,
    pattern: str | None,
    mapping: Path | None,
    overrides: tuple[str, ...],
    constants: tuple[str, ...],
    date_form: str | None,
    dry_run: bool,
    force: bool,
    verbose: bool,
    encoding: str,
    root: Path,
) -> None:
    """Import a corpus: plain-text transcripts and a metadata table with one row per text.

    The texts are files in DIRECTORY (default: the table's folder), each row naming its file (`file`), or
    they are in the table itself, one column holding each row's whole text (`text`). A folder of texts
    without a table: --files PATTERN makes one of their names (a `file` column, one per {name}). Each field comes from
    the column named like it, or from a column or template the mapping gives, or from a constant (--set).
    Speakers missing from speakers.yml are added from the table (an id column and a name column, or a name
    column); events missing from events.yml are created when the mapping says how (`events:`). The text
    stays plain: Markdown's marks are escaped. Running it again changes nothing that is already imported.

    \b
    Example:
      podium import corpus corpus/ --metadata corpus/metadata.csv --mapping corpus/mapping.yml
      podium import corpus texts/ --metadata texts.csv --map 'file={fileid}.txt' --map speaker=person_id \\
             --map speaker_name=person --set kind=address --dry-run
      podium import corpus --metadata un-general-debates.csv --map text=text --map speaker_name=country \\
             --map 'id={country}-{year}' --set 'title=General debate, {year}' --map date=year
      podium import corpus TXT/ --files 'Session {session} - {year}/{country}_{session}_{year}.txt' \\
             --map speaker_name=country --set 'id={country}-{year}' --set 'title=General debate, {year}' \\
             --map date=year
    """
    settings = settings_of(root)
    speeches = root / settings.speeches_dir
    problems = Problems()
    if (table is None) == (pattern is None):
        problems.add(
            "podium import corpus",
            1,
            1,
            "give the texts' table (--metadata FILE) or their file names (--files PATTERN), one of them",
            "e.g. --metadata corpus/metadata.csv, or corpus/ --files '{country}_{session}_{year}.txt'",
        )
    elif pattern is not None and directory is None:
        hint = f"podium import corpus DIR --files '{pattern}'"
        problems.add("--files", 1, 1, "--files needs the folder the files are in", hint)
    config = Mapping.load(mapping, overrides, problems, constants, date_form, theme_language(root))
    if problems:
        click.echo(format_report(problems), err=True)
        sys.exit(1)
    registry = archives.registries.load(speeches, root, problems)
    if problems.errors:
        click.echo(format_report(problems), err=True)
        sys.exit(1)

    def progress(rows):
        # Drawn on a terminal only: in CI logs and pipes the summary says it all.
        with click.progressbar(rows, label="importing", file=sys.stderr, hidden=not sys.stderr.isatty()) as bar:
            yield from bar

    summary = import_corpus(
        directory, table or pattern or "", config, speeches, registry, problems, force, progress, dry_run, encoding
    )
    if verbose:
        for line in summary.labels:
            click.echo(f"  label {line}")
    for shown in summary.kept:
        click.echo(f"  kept {shown}: it differs from the import (edited?); --force overwrites it")
    if dry_run:
        for shown in summary.written:
            click.echo(f"  would write {settings.speeches_dir}/{shown}")
    verb = "would add to" if dry_run else "added to"
    if summary.speakers_added:
        click.echo(f"{verb} speakers.yml: {', '.join(summary.speakers_added)}")
    if summary.events_added:
        click.echo(f"{verb} events.yml: {', '.join(summary.events_added)}")
    if problems:
        click.echo(format_report(problems), err=True)
    click.echo(summary.line(problems))
    if problems.errors:
        sys.exit(1)


@import_group.command("record")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@ident_option
@click.option(
    "--date",
    default=None,
    help="The day of the debate if the record lacks it: YYYY-MM-DD (YYYY-MM or YYYY if no day is known).",
)
@output_option
@force_option
@click.option("--dry-run", is_flag=True, help="Write nothing; show what would be written and the speakers added.")
@click.option(
    "--people",
    "people_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A list of people naming the speakers the records give by id only (ParlaMint-XX-listPerson.xml).",
)
@root_option
def record_command(
    files: tuple[Path, ...],
    ident: str | None,
    date: str | None,
    output: Path | None,
    force: bool,
    dry_run: bool,
    people_file: Path | None,
    root: Path,
) -> None:
    """Make draft transcripts from a parliament's record: Akoma Ntoso, TEI (ParlaMint) or TheyWorkForYou XML.

    Each paragraph of a speaker's turn becomes a statement under the turn, each heading a section, what
    happened in the room a narrative paragraph; no text is dropped. Speakers the registry does not know
    (by id or by name) are added to speakers.yml, once for all the FILES. A speech's `akn.xml.gz` from a
    Podium site reads back as its transcript.

    \b
    Example:
      podium import record hansard-2024-03-12.akn.xml
      podium import record ParlaMint-GB/2021/*.xml --people ParlaMint-GB/ParlaMint-GB-listPerson.xml
      podium import record debates2024-03-12a.xml --id commons-2024-03-12
    """
    if len(files) > 1 and (ident or output or date):
        names = ", ".join(name for name, value in (("--id", ident), ("--output", output), ("--date", date)) if value)
        raise click.UsageError(f"{names} names one record's transcript: give one FILE with it")
    day = None
    if date:
        day = date_option(date)
    settings = settings_of(root)
    speeches = root / settings.speeches_dir
    named: dict[str, str] = {}
    if people_file is not None:
        problems = Problems()
        named = record.people(people_file.read_bytes(), str(people_file), problems)
        if problems.errors:
            click.echo(format_report(problems), err=True)
            sys.exit(1)
    failed = 0
    added: dict[str, str] = {}
    for file in files:
        problems = Problems()
        registry = archives.registries.load(speeches, root, problems)
        if problems.errors:  # the registries are broken: nothing can be imported until they are mended
            click.echo(format_report(problems), err=True)
            sys.exit(1)
        for key, name in added.items():  # what a dry run would have added before this file
            registry.speakers.entries.setdefault(key, Speaker.model_validate({"name": name}))
        if not _import_record(file, ident, day, output, force, dry_run, root, speeches, registry, added, named):
            failed += 1
    if len(files) > 1:
        click.echo(
            f"{len(files) - failed} of {len(files)} records imported" + (f"; {failed} with errors" if failed else "")
        )
    if failed:
        sys.exit(1)


def _import_record(
    file: Path,
    ident: str | None,
    day: dt.date | None,
    output: Path | None,
    force: bool,
    dry_run: bool,
    root: Path,
    speeches: Path,
    registry: Registry,
    added: dict[str, str],
    named: dict[str, str],
) -> bool:
    """One record to one draft; False (the problems printed) when it cannot be imported."""
    problems = Problems()
    data = gzip.decompress(file.read_bytes()) if file.suffix == ".gz" else file.read_bytes()
    debate = record.read(data, str(file), registry, problems, named)
    if debate is not None and day:
        debate.meta["date"] = day
    if debate is not None and "date" not in debate.meta:
        problems.add(str(file), 1, 1, "the record gives no date of its sitting", "pass --date YYYY-MM-DD")
    if debate is None or problems.errors:
        click.echo(format_report(problems), err=True)
        return False
    ident = ident or new_id(_stem(file).removesuffix(".xml"), 60) or "debate"
    for note in debate.notes:
        click.echo(f"note: {note}")
    text_out = debate.draft().text()
    if output is not None and str(output) == "-":
        click.echo(text_out, nl=False)
        return True
    target = output or speeches / str(debate.meta["date"].year) / f"{ident}.md"
    shown = archives.display_path(target, root)
    if target.exists() and not force:
        click.echo(f"podium: {shown} exists; pass --force to overwrite it", err=True)
        return False
    new = ", ".join(f"{key} ({name})" for key, name in debate.new_speakers.items())
    added.update(debate.new_speakers)
    if dry_run:
        click.echo(f"would write {shown}: {len(debate.paragraphs)} paragraphs")
        click.echo(f"would add to speakers.yml: {new}" if new else "no speaker to add")
        return True
    for key, name in debate.new_speakers.items():
        draft.append_entry(speeches / "speakers.yml", key, {"name": name})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text_out, encoding="utf-8")
    click.echo(f"wrote {shown}: {len(debate.paragraphs)} paragraphs")
    if new:
        click.echo(f"added to speakers.yml: {new}")
    click.echo(f"next: podium lint {shown} && podium check {shown}")
    return True
