"""What a long build says while it works: one log line per phase, with its count and its time, and a progress
bar on the terminal while a phase runs.

The bar is drawn only when stderr is a terminal and `CI` is not set: a CI log or a redirected build gets the
phase lines alone (through the logger it is given, so `mkdocs build -q` silences them too).

    with Phase(log, "render", total=len(speeches), unit="speeches") as phase:
        for speech in speeches:
            ...
            phase.advance()
    # INFO - podium: render: 1000 speeches in 4.21 s (2 workers)
"""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import TextIO


def terminal(stream: TextIO | None = None) -> bool:
    """True when a person watches `stream` (stderr by default): a terminal, and not a CI run."""
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("CI") or os.environ.get("PODIUM_NO_PROGRESS"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class Phase:
    """A phase of the build: `advance()` as items are done, and one log line when it ends.

    `note` is added to the line in brackets (e.g. "2 workers", "940 from the cache"); set it while working.
    """

    WIDTH = 30

    def __init__(
        self,
        log: logging.Logger | logging.LoggerAdapter,
        name: str,
        total: int = 0,
        unit: str = "",
        stream: TextIO | None = None,
    ) -> None:
        self.log, self.name, self.total, self.unit = log, name, total, unit
        self.note = ""
        self.count = 0
        self.stream = stream if stream is not None else sys.stderr
        self.bar = total > 0 and terminal(self.stream)
        self._drawn = 0.0
        self.started = time.perf_counter()

    def __enter__(self) -> Phase:
        return self  # timed from its creation: a phase may start in one hook and end in another

    def advance(self, count: int = 1) -> None:
        self.count += count
        if self.bar and (now := time.perf_counter()) - self._drawn > 0.1:
            self._drawn = now
            self._draw()

    def __exit__(self, kind, error, trace) -> None:
        if self.bar:
            self.stream.write("\r\033[K")  # the bar's line is cleared for the log line
            self.stream.flush()
        if kind is None:
            self.log.info(self.line(time.perf_counter() - self.started))

    def line(self, seconds: float) -> str:
        """The phase's log line: `render: 1000 speeches in 4.21 s (2 workers)`.

        >>> phase = Phase(logging.getLogger("x"), "render", unit="speeches")
        >>> phase.count, phase.note = 1000, "2 workers"
        >>> phase.line(4.214)
        'render: 1000 speeches in 4.21 s (2 workers)'
        """
        count = f"{self.count} {self.unit} " if self.unit else ""
        note = f" ({self.note})" if self.note else ""
        return f"{self.name}: {count}in {seconds:.2f} s{note}"

    def _draw(self) -> None:
        share = min(1.0, self.count / self.total)
        filled = int(share * self.WIDTH)
        self.stream.write(
            f"\r{self.name} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.count}/{self.total} {self.unit}"
        )
        self.stream.flush()
