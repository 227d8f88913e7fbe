"""The `podium-languages` plugin's options in mkdocs.yml, one model for `podium check` and the build (checked
as `podium.core.settings` checks the `podium` plugin's)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class LanguagesOptions(BaseModel):
    """The options of podium-languages. Each docstring is the option's documentation and ends with an example."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", use_attribute_docstrings=True)

    compare: bool = True
    """Publish a side-by-side page for each translation, at /speeches/<original>/compare/<lang>/.
    Example: `compare: false`"""
