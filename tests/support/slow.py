"""The `slow` marker, kept honest: a site build, a server or a browser outside a test marked slow is an error.

`pytest -m "not slow"` is the quick loop (under a minute); it only stays quick if nothing slow hides in it.
conftest.py tells this module which test is running; ArchiveDir.build, run_podium and the site fixtures ask it.
"""

from __future__ import annotations

import pytest

# The test being set up or run, or None outside pytest (then nothing is checked).
current: pytest.Item | None = None


def require(what: str) -> None:
    """Fail the running test unless it is marked slow; outside pytest (`current` is None) allow everything."""
    if current is not None and current.get_closest_marker("slow") is None:
        pytest.fail(
            f"{current.nodeid} runs {what}: mark it @pytest.mark.slow (or the module: pytestmark)", pytrace=False
        )
