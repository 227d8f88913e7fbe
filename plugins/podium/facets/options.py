"""The `podium-facets` plugin's options in mkdocs.yml, one model for `podium check` and the build.

Checked like the `podium` plugin's own (`podium.core.settings`): strict types, each bad option an error at its
line and column in mkdocs.yml with an example.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Facet = Literal["speakers", "topics", "events", "dates"]


class FacetsOptions(BaseModel):
    """The options of podium-facets. Each docstring is the option's documentation and ends with an example."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", use_attribute_docstrings=True)

    # A YAML list arrives as a list; the model keeps a tuple (options are frozen), so this one field is lax.
    facets: Annotated[tuple[Facet, ...], Field(strict=False)] = ("speakers", "topics", "events", "dates")
    """Which facets get pages, out of speakers, topics, events and dates. Example: `facets: [speakers, topics]`"""
    page_size: Annotated[int, Field(ge=1)] = 50
    """Speeches (or tagged statements) per page of a speaker, topic, event or year; older ones go on
    /<facet>/<id>/page/2/ and on. Example: `page_size: 50`"""
    index_page_size: Annotated[int, Field(ge=1)] = 200
    """Entries per page of a hub (/speakers/, /topics/, ...). Example: `index_page_size: 200`"""
    related_limit: Annotated[int, Field(ge=0)] = 15
    """How many topics a speaker's page lists (and speakers a topic's page, ...), most frequent first.
    Example: `related_limit: 15`"""
    preview: Annotated[int, Field(ge=0)] = 5
    """Tagged statements and panel turns shown on a term's first page, with a link to all.
    Example: `preview: 5`"""
    charts: bool = True
    """Bar charts of speeches per year (per month on a year's page). Example: `charts: false`"""
