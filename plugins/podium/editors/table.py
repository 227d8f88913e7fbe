"""A corpus's metadata table, read as other people's tools write it: rows of named values, or where it breaks.

CSV with a header row (comma, or the semicolon a spreadsheet in many European locales writes, or tab, told by
the header line), TSV, a JSON list of objects (or an object holding one), and JSON Lines (one object per
line, as dataset tools export). A value may be a whole speech's text: CSV's limit on a field's size is lifted.
In JSON a nested object's values become dotted columns (`speaker.name`), and a list stays a list, so that
the import joins its items as the field needs (topics by their separator, a text's paragraphs by blank lines)
and never by a character that could be in the text itself.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podium.core.problems import Problems
from podium.editors import source

HINT = "a CSV or TSV file with a header row, a JSON list of objects, or JSON Lines (one object per line)"
Value = str | list[str]
Row = dict[str, Value]
_ONE_PER_LINE = "JSON Lines hold one object per line, each row on one line"

# A speech's text in one field outgrows csv's default limit of 131,072 characters; 2**31 - 1 fits every C long.
csv.field_size_limit(2**31 - 1)


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[int, Row]]  # (line, or entry number in a JSON list; the row)
    left_out: list[tuple[int, str, str]] = field(default_factory=list)  # (line, message, hint)
    files: dict[int, str] = field(default_factory=dict)  # a table of file names: row number -> the file shown

    def place(self, line: int, where: str) -> tuple[str, int]:
        """Where a row's problem is reported: its line of the table, or the file it stands for."""
        return (self.files[line], 1) if self.files else (where, line)

    def row(self, line: int) -> str:
        """A row, named in a message: `the row at line 4`, or the file it stands for."""
        return f"`{self.files[line]}`" if self.files else f"the row at line {line}"


def kind(value: Any) -> str:
    """What a YAML or JSON value is, for an error: `a list`, `a number`, `empty`."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    return {dict: "a mapping", list: "a list", str: "one value", int: "one value", float: "one value"}.get(
        type(value), "a value"
    )


def read(file: Path, problems: Problems, encoding: str = source.DEFAULT) -> Table | None:
    """The table's columns and rows, with the rows left out; None, with a problem at its line, when the
    table cannot be read at all."""
    where = file.name
    text = source.read(file, where, problems, encoding)
    if text is None:
        return None
    suffix = file.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return _json_lines(text, where, problems)
    if suffix == ".json":
        return _json(text, where, problems)
    return _csv(text, where, problems, "\t" if suffix in (".tsv", ".tab") else delimiter(text))


_NAME = re.compile(r"\{([^{}/]+)\}")


def from_files(folder: Path, pattern: str, problems: Problems) -> Table | None:
    """A table made of the file names in `folder` that match `pattern`, a path with a `{name}` for each part
    that varies: a `file` column (the path from `folder`) and one column per name. A name given twice must
    read the same in both places.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "Session 01 - 1946").mkdir()
    >>> for name in ("ARG_01_1946.txt", "FRA_01_1946.txt", "notes.md"):
    ...     _ = (folder / "Session 01 - 1946" / name).write_text("Text.")
    >>> table = from_files(folder, "Session {session} - {year}/{country}_{session}_{year}.txt", Problems())
    >>> table.columns, table.rows[1]
    (['file', 'session', 'year', 'country'], (2, {'file': 'Session 01 - 1946/FRA_01_1946.txt', \
'session': '01', 'year': '1946', 'country': 'FRA'}))
    """
    names = list(dict.fromkeys(_NAME.findall(pattern)))
    parts: list[str] = []
    seen: set[str] = set()
    for index, piece in enumerate(_NAME.split(pattern)):
        if index % 2 == 0:
            parts.append(re.escape(piece))
        else:
            # A name is a group once; told again, the same text (`(?P=...)`). Groups are numbered: names may be
            # any text, Python's group names may not.
            group = f"n{names.index(piece)}"
            parts.append(f"(?P={group})" if piece in seen else f"(?P<{group}>[^/]+?)")
            seen.add(piece)
    matcher = re.compile("".join(parts))
    rows: list[tuple[int, Row]] = []
    files: dict[int, str] = {}
    for file in sorted(path for path in folder.rglob("*") if path.is_file()):
        relative = file.relative_to(folder).as_posix()
        if match := matcher.fullmatch(relative):
            number = len(rows) + 1
            rows.append((number, {"file": relative, **{name: match[f"n{i}"] for i, name in enumerate(names)}}))
            files[number] = str(file)
    if not rows:
        problems.add(
            "--files",
            1,
            1,
            f"no file in {folder} matches `{pattern}`",
            "the pattern is a file's path from the folder, with {name} for each part that varies, "
            "e.g. --files '{country}_{session}_{year}.txt' (a folder too: 'Session {session}/{country}.txt')",
        )
        return None
    return Table(["file", *names], rows, files=files)


def delimiter(text: str) -> str:
    """The separator the header line uses most: a comma, else a semicolon or a tab.

    >>> delimiter("name;date;title\\n"), delimiter("a,b;c,d\\n"), delimiter("one\\n")
    (';', ',', ',')
    """
    header = text.split("\n", 1)[0]
    return max(",;\t", key=lambda mark: (header.count(mark), mark == ","))


def _row(entry: dict[str, Any], prefix: str = "") -> Row:
    """A JSON object as a row: nested objects become dotted columns; a list stays a list of texts."""
    row: Row = {}
    for key, value in entry.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(_row(value, name + "."))
        elif isinstance(value, list):
            row[name] = ["" if item is None else _scalar(item) for item in value]
        else:
            row[name] = "" if value is None else _scalar(value)
    return row


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _columns(rows: list[tuple[int, Row]]) -> list[str]:
    return list(dict.fromkeys(key for _, row in rows for key in row))


def _json(text: str, where: str, problems: Problems) -> Table | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(where, exc.lineno, exc.colno, f"the table is not valid JSON: {exc.msg}", HINT)
        return None
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list) or not any(isinstance(row, dict) for row in data):
        problems.add(where, 1, 1, "the table holds no list of rows", HINT)
        return None
    rows = [(index + 1, _row(row)) for index, row in enumerate(data) if isinstance(row, dict)]
    left_out = [
        (index + 1, f"entry {index + 1} of the table is {kind(row)}, not an object", "one object per text")
        for index, row in enumerate(data)
        if not isinstance(row, dict)
    ]
    return Table(_columns(rows), rows, left_out)


def _json_lines(text: str, where: str, problems: Problems) -> Table | None:
    rows: list[tuple[int, Row]] = []
    left_out: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            left_out.append((number, f"this line is not valid JSON (column {exc.colno}): {exc.msg}", _ONE_PER_LINE))
            continue
        if not isinstance(entry, dict):
            left_out.append((number, f"this line holds {kind(entry)}, not an object", _ONE_PER_LINE))
            continue
        rows.append((number, _row(entry)))
    if not rows and not left_out:
        problems.add(where, 1, 1, "the table is empty: it has no rows", HINT)
        return None
    return Table(_columns(rows), rows, left_out)


def _csv(text: str, where: str, problems: Problems, separator: str) -> Table | None:
    # Line ends are LF already; a quoted value may still hold one (`newline=""` in csv's terms).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    rows: list[tuple[int, Row]] = []
    left_out: list[tuple[int, str, str]] = []
    header: list[str] = []
    try:
        # A row is reported at its first line: a quoted text may span many, and line_num is at its last.
        first = reader.line_num + 1
        for values in reader:
            line, first = first, reader.line_num + 1
            if not values:  # a blank line
                continue
            if not header:
                header = values
                continue
            if len(values) > len(header):  # an unquoted separator: a value would be cut short
                shown = {",": "comma", ";": "semicolon", "\t": "tab"}[separator]
                left_out.append(
                    (
                        line,
                        f"this row has {len(values)} values but the header names {len(header)} columns",
                        f'put a value that holds a {shown} in double quotes, e.g. "Doe{separator} Jane"',
                    )
                )
                continue
            # A row that stops short (too few values) has its last cells empty, as blank cells.
            rows.append((line, {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}))
    except csv.Error as exc:
        problems.add(where, reader.line_num or 1, 1, f"the table is not valid CSV: {exc}", HINT)
        return None
    if not header:
        problems.add(where, 1, 1, "the table is empty: it has no header row", HINT)
        return None
    if twice := [name for name, count in Counter(header).items() if count > 1]:
        problems.add(where, 1, 1, f"the header names the column `{twice[0]}` twice", "give each column its own name")
        return None
    return Table(header, rows, left_out)
