"""`podium serve`'s edit loop: a saved transcript's page is served again in about a second, whatever the archive's
size; the rest of the site follows from a full build in the background (see `loop` for the whole story).

    python -m podium.mkdocs.live serve --dev-addr 127.0.0.1:8000 [--tool properdocs]
"""
