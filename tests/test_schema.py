"""podium schema: the committed JSON Schemas and the format reference are generated from the model."""

from __future__ import annotations

import json

from click.testing import CliRunner

from podium.cli.main import main
from podium.core.model import ID_PATTERN, KNOWN_DATE_PATTERN, SpeechMeta
from podium.editors.schema import fields_reference, lint_reference, schema_files, transcript_schema, update_reference
from support.archive import REPO


def test_committed_schemas_are_up_to_date():
    for name, text in schema_files().items():
        committed = REPO / "schema" / name
        assert committed.is_file(), f"schema/{name} is missing: run `podium schema`"
        assert committed.read_text(encoding="utf-8") == text, f"schema/{name} is stale: run `podium schema`"


def test_committed_format_reference_is_up_to_date():
    page = (REPO / "docs" / "editors" / "format.md").read_text(encoding="utf-8")
    assert update_reference(page) == page, "docs/editors/format.md is stale: run `podium schema`"


def test_schema_covers_every_field_of_the_model():
    schema = transcript_schema()
    assert set(schema["properties"]) == {info.alias or name for name, info in SpeechMeta.model_fields.items()}
    assert schema["required"] == ["title", "date"]
    assert schema["additionalProperties"] is False
    # A day, or the month or the year a record gives without its day; a year alone may be written as a number.
    assert {"type": "string", "pattern": KNOWN_DATE_PATTERN} in schema["properties"]["date"]["anyOf"]
    assert schema["properties"]["topics"]["items"]["pattern"] == ID_PATTERN
    assert {"type": "string", "pattern": ID_PATTERN} in schema["properties"]["speaker"]["anyOf"]
    assert schema["properties"]["language"]["pattern"].startswith("^[a-zA-Z]{2,3}")


def test_registry_schema_is_a_mapping_of_ids():
    speakers = json.loads(schema_files()["speakers.schema.json"])
    assert speakers["propertyNames"] == {"pattern": ID_PATTERN}
    assert "name" in speakers["additionalProperties"]["required"]
    assert "from" in speakers["$defs"]["Role"]["properties"]


def test_reference_tables_name_every_field_and_rule():
    tables = fields_reference()
    assert "| `speaker` | id | no | The speaker's id in speakers.yml (one speaker). |" in tables
    assert "| `kind` | one of `speech`, `statement`," in tables
    role = "| `from` | date (YYYY-MM-DD, or YYYY-MM or YYYY) | no | First day in the role (or its month, its year). |"
    assert "### Role" in tables and role in tables
    rules = lint_reference()
    for name in (
        "foreign-character",
        "mojibake",
        "boilerplate",
        "repeated-paragraph",
        "unbalanced-quotes",
        "unbalanced-brackets",
        "double-space",
        "long-statement",
        "placeholder",
    ):
        assert f"### `{name}`" in rules


def test_check_option_fails_on_a_stale_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "editors").mkdir(parents=True)
    (tmp_path / "docs/editors/format.md").write_text(
        "# F\n\n<!-- podium:generated:fields -->\nold\n<!-- /podium:generated:fields -->\n"
    )
    runner = CliRunner()
    stale = runner.invoke(main, ["schema", "--check"])
    assert stale.exit_code == 1
    assert "schema/transcript.schema.json: out of date with plugins/podium/core/model.py" in stale.stderr
    written = runner.invoke(main, ["schema"])
    assert written.exit_code == 0
    assert "wrote docs/editors/format.md" in written.stdout
    assert "| `title` | text | yes |" in (tmp_path / "docs/editors/format.md").read_text()
    assert runner.invoke(main, ["schema", "--check"]).exit_code == 0
