"""A table read into the record (a division list, figures) is a Markdown pipe table, one statement: rendered as a
table, sanitized like any statement, and kept character for character in the data files' text."""

from __future__ import annotations

import jsonschema

from podium import features
from podium.cite import opendata
from podium.core.text import plain_text
from podium.render.pages import StatementRenderer

TABLE = "| Year | Average rent (£) |\n|:-----|-----------------:|\n| 2022 | 1,100 |\n| 2023 | *1,240* |"


def test_a_pipe_table_is_a_table_with_its_alignment():
    assert StatementRenderer()(TABLE) == (
        '<table>\n<thead>\n<tr>\n<th align="left">Year</th>\n<th align="right">Average rent (£)</th>\n</tr>\n'
        '</thead>\n<tbody>\n<tr>\n<td align="left">2022</td>\n<td align="right">1,100</td>\n</tr>\n<tr>\n'
        '<td align="left">2023</td>\n<td align="right"><em>1,240</em></td>\n</tr>\n</tbody>\n</table>'
    )


def test_a_table_among_statements_keeps_each_in_its_place():
    made = StatementRenderer().render_all(["Before *it*.", TABLE, "After it."])
    assert made[0] == "<p>Before <em>it</em>.</p>"
    assert made[1].startswith("<table>") and made[1].endswith("</table>")
    assert made[2] == "<p>After it.</p>"


def test_a_cell_is_sanitized_like_any_statement():
    made = StatementRenderer()('| a | b |\n|---|---|\n| [x](javascript:alert(1)) | <td onclick="x()">y |')
    assert "javascript" not in made and "onclick" not in made
    assert '<td><a rel="noopener nofollow">x</a></td>' in made


def test_pipes_without_a_row_of_dashes_stay_a_paragraph():
    assert StatementRenderer()("Votes: 312 | 265 | 4 abstentions.") == "<p>Votes: 312 | 265 | 4 abstentions.</p>"


def test_the_data_files_keep_every_character_of_the_table():
    text = plain_text(TABLE)
    for cell in ("Year", "Average rent (£)", "2022", "1,100", "2023", "1,240", "|:-----|-----------------:|"):
        assert cell in text


def test_the_json_exports_give_a_table_s_cells(archive_dir):
    table = TABLE.replace("*1,240*", "1,240 \\| est.")  # an escaped pipe: part of the cell
    archive_dir.speech("figures", body="Before it. {#before}\n\n" + table + "\n")
    archive = features.load(archive_dir.root)
    assert archive.ok, archive.problems
    before, table = opendata.statement_records(archive.speech("figures"), archive.registry, "", "Archive")
    assert "table" not in before
    assert table["table"] == [["Year", "Average rent (£)"], ["2022", "1,100"], ["2023", "1,240 | est."]]
    jsonschema.validate(table, opendata.SCHEMAS["statement.schema.json"])
