"""Podium: a static site generator for archives of speeches.

The core (archive, speech, statements, registry, model, problems) is plain Python and does not import
MkDocs; `podium.mkdocs` holds the thin MkDocs plugin adapters.
"""

__version__ = "0.1.0"
