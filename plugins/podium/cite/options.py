"""The `podium-cite` plugin's options in mkdocs.yml, one model for `podium check` and the build (checked as
`podium.core.settings` checks the `podium` plugin's)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from podium.cite.feeds import LIMIT


class CiteOptions(BaseModel):
    """The options of podium-cite. Each docstring is the option's documentation and ends with an example."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", use_attribute_docstrings=True)

    feed_size: Annotated[int, Field(ge=1)] = LIMIT
    """How many speeches each Atom feed carries, newest first. Example: `feed_size: 50`"""
    akn_country: Annotated[str, Field(min_length=1)] = "un"
    """FRBRcountry of the Akoma Ntoso files (an ISO 3166 code; `un` for international). Example: `akn_country: kz`"""
    quote_page: bool = True
    """Add the /quote/ page and its browser index. Example: `quote_page: false`"""
    exports_when_serving: bool = False
    """Also write the data files (feeds, speech.json.gz, akn.xml.gz, the embed page, data/) under `mkdocs serve`.
    Off by default: they are rewritten on every reload, and the preview's pages (metadata tags, the Cite
    menu, "Quoted in") do not need them; links to them 404 in the preview. Example: `exports_when_serving: true`"""
