"""The `podium-search` plugin's options in mkdocs.yml, one model for `podium check` and the build (checked as
`podium.core.settings` checks the `podium` plugin's)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from podium.search.shards import SHARD_SIZE


class SearchOptions(BaseModel):
    """The options of podium-search. Each docstring is the option's documentation and ends with an example."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", use_attribute_docstrings=True)

    shard_size: Annotated[int, Field(ge=1)] = SHARD_SIZE
    """Pages per Pagefind process at most (default 500; about half that on average). Pagefind holds every
    word it has read until it writes its index, about 0.7 MB per 2,000-word transcript at its peak; each
    shard is indexed by its own process and kept in the build cache, and their indexes are joined into one,
    so indexing needs the same memory for 100 or 100,000 speeches. Lower it on a machine with little memory;
    searching is the same whatever it is. Example: `shard_size: 300`"""
