"""The `podium-xref` plugin's options in mkdocs.yml, one model for `podium check` and the build (checked as
`podium.core.settings` checks the `podium` plugin's)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class XrefOptions(BaseModel):
    """The options of podium-xref. Each docstring is the option's documentation and ends with an example."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", use_attribute_docstrings=True)

    related: bool = True
    """Show "Related" statements beside each statement. Example: `related: false`"""
    related_threshold: Annotated[float, Field(ge=0, le=1)] = 0.2
    """Lowest cosine similarity (0 to 1) for a statement to count as related; higher shows fewer, closer
    ones. On real speeches, statements on one subject score 0.15 to 0.25. Example: `related_threshold: 0.2`"""
    related_limit: Annotated[int, Field(ge=0)] = 3
    """At most this many related statements per statement. Example: `related_limit: 3`"""
    related_min_words: Annotated[int, Field(ge=1)] = 6
    """A statement needs this many content words (after stopwords and "Thank you" formulas) to take part.
    Example: `related_min_words: 6`"""
    related_max_df: Annotated[float, Field(ge=0, le=1)] = 0.02
    """A word used in more than this share of all statements is too common to make two statements
    related. Example: `related_max_df: 0.02`"""
