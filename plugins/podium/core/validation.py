"""Turn pydantic's validation errors into Problems at the line and column where the editor wrote the value."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from podium.core import media
from podium.core.frontmatter import Path, Position, YamlDocument
from podium.core.problems import Problems, did_you_mean

M = TypeVar("M", bound=BaseModel)


def error_message(error: ErrorDetails) -> str:
    """A pydantic error's message as an editor reads it: a validator's own words without "Value error, "."""
    if error["type"] == "value_error" and "ctx" in error:
        return str(error["ctx"]["error"])
    return error["msg"]


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that owns the last key of `loc`, to suggest its field names."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if info is None:
            return None
        annotation = info.annotation
        for arg in (*getattr(annotation, "__args__", ()), annotation):
            for inner in (*getattr(arg, "__args__", ()), arg):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    current = inner
                    break
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def validate(
    model: type[M],
    data: Any,
    document: YamlDocument,
    path: str,
    problems: Problems,
    at: Path = (),
    origin: Position = (1, 1),
    label: str = "",
) -> M | None:
    """Validate `data` (found at `at` in `document`) as `model`; report every error; None if any."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = at + tuple(error["loc"])
            _report(model, error, loc, at, document, path, problems, origin, label)
        return None


def _position(document: YamlDocument, loc: Path, origin: Position, key: bool = False) -> Position:
    table = document.key_at if key else document.value_at
    for end in range(len(loc), -1, -1):
        if loc[:end] in table:
            return table[loc[:end]]
        if key and loc[:end] in document.key_at:
            return document.key_at[loc[:end]]
    return document.value_at.get(loc[:0], origin) if not loc else origin


def _dotted(loc: Path) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _report(
    model: type[BaseModel],
    error: ErrorDetails,
    loc: Path,
    at: Path,
    document: YamlDocument,
    path: str,
    problems: Problems,
    origin: Position,
    label: str,
) -> None:
    kind = error["type"]
    relative = tuple(error["loc"])
    name = _dotted(relative) if relative else ""
    where = f"{label} " if label else ""
    if kind == "extra_forbidden":
        line, column = document.key_at.get(loc) or _position(document, loc, origin, key=True)
        owner = _model_at(model, relative)
        names = field_names(owner) if owner else []
        hint = did_you_mean(str(relative[-1]), names)
        known = f"known fields: {', '.join(names)}" if names else ""
        problems.add(
            path, line, column, f"{where}unknown field `{name}`", " ".join(part for part in (hint, known) if part)
        )
        return
    if kind == "missing":
        parent = loc[:-1]
        line, column = document.key_at.get(parent) or document.value_at.get(parent) or origin
        if not parent or parent == at:
            line, column = document.key_at.get(at) or origin
        problems.add(path, line, column, f"{where}missing required field `{name}`", f"add a line `{relative[-1]}: ...`")
        return
    line, column = document.value_at.get(loc) or _position(document, loc, origin)
    if kind == "value_error":
        message = error_message(error)
        if not relative:  # a model-level rule
            line, column = document.key_at.get(at) or origin
            problems.add(path, line, column, f"{where}{message}".strip())
            return
        problems.add(path, line, column, f"{where}`{name}`: {message}", _value_hint(message))
        return
    if kind == "enum":
        expected = error["ctx"]["expected"]
        choices = [choice.strip(" '") for choice in expected.replace(" or ", ",").split(",")]
        hint = did_you_mean(str(error["input"]), choices) or f"write one of: {', '.join(choices)}"
        problems.add(path, line, column, f"{where}`{name}`: `{error['input']}` is not allowed", hint)
        return
    expected = {
        "string_type": "a text",
        "list_type": "a list (lines starting with `- `)",
        "dict_type": "a mapping of `key: value` lines",
        "model_type": "a mapping of `key: value` lines",
        "model_attributes_type": "a mapping of `key: value` lines",
    }.get(kind)
    if expected:
        problems.add(
            path,
            line,
            column,
            f"{where}`{name}` must be {expected}",
            "check the indentation and the `- ` of list items",
        )
        return
    problems.add(path, line, column, f"{where}`{name}`: {error['msg']}")


def _value_hint(message: str) -> str:
    if "YYYY-MM-DD" in message or "impossible date" in message:
        return "write the date as YYYY-MM-DD, e.g. 2025-05-29"
    if "not a valid id" in message:
        return "ids look like `tokayev` or `aif-2025`"
    if "BCP 47" in message:
        return "see https://www.w3.org/International/articles/language-tags/"
    if "true or false" in message:
        return "write true or false in lowercase"
    if recording := media.hint(message):
        return recording
    return ""
