"""A built site served on 127.0.0.1 as a static host serves it: its own 404.html for an unknown address.

GitHub Pages, Netlify and `mkdocs serve` all answer a missing page with the site's 404.html and status 404, so
a browser test of the 404 page (and of what it loads) must see the same.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's 404.html for an unknown address, with status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def static_host(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1 while the block runs; yields the base URL (ends with /)."""
    handler = functools.partial(StaticHostHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
