"""Podium installed on its own: the wheel, in a fresh virtual environment outside the repository, starts an archive,
imports a corpus with a mapping file and options only, checks it, builds it strict and serves it.

The wheel is built from a copy of the package (the repository stays untouched); its dependencies are fetched once
into a wheelhouse under .venv/ keyed by the pinned requirements, so later runs install offline in seconds.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from support.archive import REPO
from support.processes import free_port, wait_for

PACKAGE = REPO / "plugins" / "podium"
MAPPING = """\
columns:
  file: "{fileid}.txt"
  title: "Annual address, {year}"
  speaker: person_id
  speaker_name: person
  delivered: mode
  event: "annual-address-{year}"
values:
  delivered: {spoken: as delivered, written: written}
events:
  name: "Annual address {year}"
  parent: annual-address
  parent_name: Annual address
"""
ROWS = [
    ("1994-01", "1994", "1994-01-25", "p-17", "Ann Brown", "Blue", "spoken"),
    ("1995-01", "1995", "1995-01-24", "p-17", "Ann Brown", "Blue", "written"),
    ("1996-01", "1996", "1996-01-23", "p-22", "Bob Brown", "Red", "spoken"),
]
TEXT = "We meet in *hard* times.\n\n[ As delivered at the Hall ]\n\n1. Jobs. 2. Schools. <b>Now</b>.\n"


def _run(*command: str | Path, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Podium's wheel, built from a copy of the package."""
    source = tmp_path_factory.mktemp("podium-source")
    shutil.copy(REPO / "pyproject.toml", source)
    shutil.copy(REPO / "README.md", source)
    shutil.copytree(PACKAGE, source / "plugins" / "podium", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, source, cwd=out)
    assert built.returncode == 0, built.stderr[-3000:]
    return next(out.glob("podium-*.whl"))


@pytest.fixture(scope="session")
def wheelhouse(wheel: Path) -> tuple[Path, Path]:
    """(Podium's wheel, a folder with every dependency's wheel); the dependencies are kept between runs."""
    pins = hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()[:16]
    house = REPO / ".venv" / "wheelhouse" / pins
    if not (house / ".complete").exists():
        house.mkdir(parents=True, exist_ok=True)
        fetched = _run(sys.executable, "-m", "pip", "wheel", "-q", "-w", house, wheel, cwd=house)
        assert fetched.returncode == 0, f"the dependencies could not be fetched:\n{fetched.stderr[-3000:]}"
        for own in house.glob("podium-*.whl"):
            own.unlink()  # the house holds the dependencies; each run installs the wheel it just built
        (house / ".complete").write_text("")
    return wheel, house


@pytest.mark.slow
def test_the_wheel_carries_every_file_of_the_package(wheel):
    with zipfile.ZipFile(wheel) as archive:
        carried = {name for name in archive.namelist() if name.startswith("podium/")}
    present = {
        "podium/" + path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert present - carried == set()
    assert {"podium/scaffold/mkdocs.yml", "podium/scaffold/dot-github/workflows/deploy.yml"} <= carried


@pytest.mark.slow
def test_installed_alone_it_starts_imports_checks_builds_and_serves_an_archive(wheelhouse, tmp_path):
    wheel, house = wheelhouse
    started = time.monotonic()
    venv = tmp_path / "venv"
    created = _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    bin_ = venv / "bin"
    installed = _run(bin_ / "pip", "install", "-q", "--no-index", "--find-links", house, wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]
    where = _run(bin_ / "python", "-c", "import podium; print(podium.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(venv)), where.stdout  # this install, not the repository
    podium = bin_ / "podium"

    made = _run(podium, "init", "my-archive", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    archive = tmp_path / "my-archive"

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with (corpus / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
        table = csv.writer(handle)
        table.writerow(["fileid", "year", "date", "person_id", "person", "party", "mode"])
        table.writerows(ROWS)
    for row in ROWS:
        (corpus / f"{row[0]}.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "mapping.yml").write_text(MAPPING, encoding="utf-8")
    imported = _run(
        podium,
        "import",
        "corpus",
        corpus,
        "--metadata",
        corpus / "metadata.csv",
        "--mapping",
        corpus / "mapping.yml",
        "--set",
        "kind=address",
        cwd=archive,
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert imported.stdout.splitlines()[-1].startswith("imported 3 transcripts: 3 written")

    checked = _run(podium, "check", cwd=archive)
    assert (checked.returncode, checked.stdout, checked.stderr) == (
        0,
        "checked 3 transcripts and the registries: no errors\n",
        "",
    )

    built = _run(podium, "build", cwd=archive)
    assert built.returncode == 0, built.stderr[-3000:]
    page = (archive / "site" / "speeches" / "1995-01" / "index.html").read_text(encoding="utf-8")
    assert "We meet in *hard* times." in page
    assert "[ As delivered at the Hall ]" in page
    assert "1. Jobs. 2. Schools. &lt;b&gt;Now&lt;/b&gt;." in page
    assert "Address, written" in page
    assert "Bob Brown" in (archive / "site" / "speakers" / "p-22" / "index.html").read_text(encoding="utf-8")

    port = free_port()
    server = subprocess.Popen(
        [str(podium), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=archive,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/speeches/1994-01/", "We meet in *hard* times.")
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"fresh venv, install, init, import, check, build, serve: {time.monotonic() - started:.1f} s")
