"""What the tests share and is not a test: archives written into tmp_path, processes, sites and HTML helpers.

Tests import it as `support` (pytest puts tests/ on the path: `pythonpath` in pyproject.toml); fixtures live in
tests/conftest.py. No test imports conftest or another test module.
"""
