"""The build pipeline around the site builder: the persistent cache (cache.py), the process pool that renders the
speeches on every core (pool.py), and the log line per phase with a terminal's progress bar (progress.py).

Plain Python: it imports the core, rendering and the features, never MkDocs; the MkDocs adapter drives it.
"""
