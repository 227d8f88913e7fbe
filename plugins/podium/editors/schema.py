"""`podium schema`: the JSON Schema of the front matter and the registries, and the format reference's tables.

Both come from the pydantic models in `model.py`, the same ones the loader validates with, so what an
editor's YAML extension suggests, what docs/editors/format.md lists and what `podium check` accepts cannot
drift apart. `podium schema --check` (run by the tests and CI) fails when a committed file is stale:

    schema/transcript.schema.json   the front matter of speeches/<year>/<id>.md
    schema/speakers.schema.json     speeches/speakers.yml (and events, topics)
    docs/editors/format.md          the field tables and the lint rules, between `podium:generated` marks
"""

from __future__ import annotations

import json
import typing
from typing import Any

from pydantic import AfterValidator, BaseModel

from podium.core import model
from podium.core.model import Event, Speaker, SpeechMeta, Topic

SCHEMA_URL = "https://podium-archive.github.io/schema/"
# Validators whose rule a YAML extension can check while the editor types: a pattern on the string.
_PATTERNS = {model._identifier: model.ID_PATTERN, model._language: model._LANGUAGE.pattern, model._non_empty: r"\S"}


def _patterns(annotation: Any) -> str | None:
    """The pattern of the first pattern-carrying validator inside an annotation (through Optional, list)."""
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, AfterValidator) and meta.func in _PATTERNS:
                return _PATTERNS[meta.func]
    for arg in typing.get_args(annotation):
        if (found := _patterns(arg)) is not None:
            return found
    return None


def _add_patterns(cls: type[BaseModel], schema: dict[str, Any]) -> None:
    for name, info in cls.model_fields.items():
        pattern = _patterns(info.annotation) if info.annotation is not None else None
        if pattern is None and info.metadata:
            pattern = next(
                (_PATTERNS[m.func] for m in info.metadata if isinstance(m, AfterValidator) and m.func in _PATTERNS),
                None,
            )
        prop = schema.get("properties", {}).get(info.alias or name)
        if pattern is None or prop is None:
            continue
        for branch in [prop, *prop.get("anyOf", [])]:
            target = branch.get("items", branch) if branch.get("type") == "array" else branch
            if target.get("type") == "string" and "format" not in target:
                target["pattern"] = pattern


def _models(cls: type[BaseModel]) -> list[type[BaseModel]]:
    """`cls` and every model nested in its fields, in the order they first appear."""
    found: list[type[BaseModel]] = []

    def visit(current: type[BaseModel]) -> None:
        if current in found:
            return
        found.append(current)
        for info in current.model_fields.values():
            for inner in _flatten(info.annotation):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    visit(inner)

    visit(cls)
    return found


def _flatten(annotation: Any) -> list[Any]:
    out = [annotation]
    for arg in typing.get_args(annotation):
        out.extend(_flatten(arg))
    return out


def model_schema(cls: type[BaseModel]) -> dict[str, Any]:
    schema = cls.model_json_schema(by_alias=True)
    _add_patterns(cls, schema)
    for nested in _models(cls)[1:]:
        if nested.__name__ in schema.get("$defs", {}):
            _add_patterns(nested, schema["$defs"][nested.__name__])
    return schema


def transcript_schema() -> dict[str, Any]:
    schema = model_schema(SpeechMeta)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL + "transcript.schema.json",
        **schema,
        "title": "Podium transcript front matter",
    }


def registry_schema(name: str, cls: type[BaseModel]) -> dict[str, Any]:
    entry = model_schema(cls)
    defs = entry.pop("$defs", {})
    result: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL + f"{name}.schema.json",
        "title": f"Podium {name}.yml",
        "description": f"{name}.yml: a mapping from id to entry.",
        "type": "object",
        "propertyNames": {"pattern": model.ID_PATTERN},
        "additionalProperties": entry,
    }
    if defs:
        result["$defs"] = defs
    return result


def schema_files() -> dict[str, str]:
    """File name -> JSON text of every schema `podium schema` writes."""
    documents = {
        "transcript.schema.json": transcript_schema(),
        "speakers.schema.json": registry_schema("speakers", Speaker),
        "events.schema.json": registry_schema("events", Event),
        "topics.schema.json": registry_schema("topics", Topic),
    }
    return {name: json.dumps(doc, indent=2, ensure_ascii=False) + "\n" for name, doc in documents.items()}


# -- the format reference's generated parts ------------------------------------------------------------------


def _type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        if "enum" in defs.get(name, {}):
            return _type(defs[name], defs)
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        if any(branch.get("pattern") == model.KNOWN_DATE_PATTERN for branch in prop["anyOf"]):
            return "date (YYYY-MM-DD, or YYYY-MM or YYYY)"
        kinds = [_type(branch, defs) for branch in prop["anyOf"] if branch.get("type") != "null"]
        return " or ".join(kinds)
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}), defs)}"
    if kind == "object":
        return f"mapping of name to {_type(prop.get('additionalProperties', {}), defs)}"
    if prop.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if prop.get("pattern") == model.ID_PATTERN:
        return "id"
    if kind == "boolean":
        return "true or false"
    return "text" if kind == "string" else str(kind)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def field_table(cls: type[BaseModel], schema: dict[str, Any], defs: dict[str, Any]) -> str:
    required = set(schema.get("required", []))
    rows = ["| Field | Type | Required | Description |", "| --- | --- | --- | --- |"]
    for name, prop in schema.get("properties", {}).items():
        if "$ref" in prop or any("$ref" in b for b in prop.get("anyOf", [])):
            ref = prop.get("$ref") or next(b["$ref"] for b in prop["anyOf"] if "$ref" in b)
            prop = {**prop, "description": prop.get("description") or schema_defs_description(ref)}
        default = prop.get("default")
        note = f" Default: `{default}`." if default not in (None, [], {}) else ""
        rows.append(
            f"| `{name}` | {_cell(_type(prop, defs))} | {'yes' if name in required else 'no'} | "
            f"{_cell(prop.get('description', '') or '')}{note} |"
        )
    return "\n".join(rows)


def schema_defs_description(ref: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    cls = getattr(model, name, None)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0] if cls else ""
    return doc


def fields_reference() -> str:
    """Markdown: one table per model, the transcript's front matter first, then the registries'."""
    parts: list[str] = []
    for title, root in (
        ("Front matter of a transcript", SpeechMeta),
        ("speakers.yml", Speaker),
        ("events.yml", Event),
        ("topics.yml", Topic),
    ):
        schema = model_schema(root)
        defs = schema.get("$defs", {})
        for cls in _models(root):
            if cls is not root and any(f"### {cls.__name__}\n" in part for part in parts):
                continue
            heading = f"### {cls.__name__}" if cls is not root else f"### {title}"
            doc = " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())
            sub = schema if cls is root else defs.get(cls.__name__, {})
            parts.append(f"{heading}\n\n" + (f"{doc}\n\n" if doc else "") + f"{field_table(cls, sub, defs)}\n")
    return "\n".join(parts)


def lint_reference() -> str:
    from podium.editors.lint import RULES

    parts = []
    for rule in RULES.values():
        options = "".join(f"\n- `{name}`: {text}" for name, text in rule.options.items())
        parts.append(
            f"### `{rule.name}`\n\n{rule.summary}\n\n"
            f"Default: **{rule.severity}**{'; `podium lint --fix` repairs it' if rule.fixable else ''}.\n\n"
            f"Fires on:\n\n```text\n{rule.bad}\n```\n\nDoes not fire on:\n\n```text\n{rule.good}\n```\n"
            + (f"\nOptions (under `lint: {rule.name}:`):\n{options}\n" if options else "")
        )
    return "\n".join(parts)


GENERATED = {"fields": fields_reference, "lint": lint_reference}


def update_reference(text: str) -> str:
    """Replace each `<!-- podium:generated:NAME -->` ... `<!-- /podium:generated:NAME -->` region."""
    for name, make in GENERATED.items():
        start, end = f"<!-- podium:generated:{name} -->", f"<!-- /podium:generated:{name} -->"
        if start in text and end in text:
            before, rest = text.split(start, 1)
            _, after = rest.split(end, 1)
            text = f"{before}{start}\n\n{make()}\n{end}{after}"
    return text
