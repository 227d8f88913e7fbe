"""The Unicode CLDR's data on a language (Babel's `Locale`), looked up once per tag for the whole process.

Language names and directions (core.text), month names (core.dates), plurals and language names in the
interface (render.i18n) all start here. Babel is imported when first needed: most archives never need it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


@lru_cache(maxsize=256)
def locale(tag: str) -> Locale | None:
    """The CLDR's locale for `tag` (`fr`, `pt-BR`, `zh_hant`); None for a tag it does not know.

    >>> locale("pt-BR").territory, locale("xx") is None
    ('BR', True)
    """
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
