"""Podium's interface strings in each language it has a table for, one module a language.

A module gives `STRINGS`, the English text of each string (the key, as templates write it) and its
translation, and `PLURAL`: the Unicode CLDR plural categories its whole numbers fall in (`one`, `few`,
`many`...), in the order of the forms of each plural tuple. A number in a category the tuple does not list
takes its last form (French `many`, for a million, reads like `other`). Babel says which category a number
is in (`render.i18n.plural`). The tables are complete: a test checks every one has every key the Russian
table has, with the same `{placeholders}`.

To add a language: copy `fr.py`, translate its values, list it in `TABLES` below.
"""

from __future__ import annotations

from dataclasses import dataclass

from podium.render.strings import ar, de, es, fr, ru, zh


@dataclass(frozen=True)
class Table:
    strings: dict[str, str | tuple[str, ...]]
    plural: tuple[str, ...]  # the CLDR categories of a plural tuple's forms, in order


TABLES: dict[str, Table] = {
    module.__name__.rsplit(".", 1)[1]: Table(module.STRINGS, module.PLURAL) for module in (ru, fr, es, de, zh, ar)
}
