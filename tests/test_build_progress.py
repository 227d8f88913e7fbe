"""A long build says what it did: one log line per phase, and a progress bar only for a person at a terminal."""

from __future__ import annotations

import io
import logging

import pytest

from podium.build import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_phase(stream: io.StringIO, caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("podium-test-progress")
    with caplog.at_level(logging.INFO, logger=log.name):
        phase = progress.Phase(log, "render", total=3, unit="speeches", stream=stream)
        with phase:
            for _ in range(3):
                phase._drawn = 0.0  # draw at every step, however fast
                phase.advance()
            phase.note = "2 workers"


def test_one_line_per_phase_and_no_bar_in_ci(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    run_phase(stream, caplog)
    assert stream.getvalue() == ""
    [line] = [record.getMessage() for record in caplog.records]
    assert line.startswith("render: 3 speeches in ") and line.endswith(" s (2 workers)")


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    run_phase(stream, caplog)
    assert stream.getvalue() == ""


def test_a_bar_at_a_terminal(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PODIUM_NO_PROGRESS", raising=False)
    stream = Terminal()
    run_phase(stream, caplog)
    drawn = stream.getvalue()
    assert "\rrender [##########....................] 1/3 speeches" in drawn
    assert "3/3 speeches" in drawn and drawn.endswith("\r\033[K")  # cleared before the log line
