"""Citations of a statement: exact Chicago, APA, MLA and BibTeX strings for the reference speech."""

from __future__ import annotations

import datetime as dt

import pytest

from podium import features
from podium.cite import citation
from support.archive import REPO

BASE = "https://podium.example.org/"
ACCESSED = dt.date(2025, 6, 1)
URL = "https://podium.example.org/speeches/aif-2025-tokayev-plenary/#multilateralism-is-faltering"
TITLE = "Statement at the plenary session of the Astana International Forum"


@pytest.fixture(scope="module")
def reference_archive():
    archive = features.load(REPO)
    assert archive.ok
    return archive


@pytest.fixture(scope="module")
def ref(reference_archive):
    speech = reference_archive.speech("aif-2025-tokayev-plenary")
    statement = speech.statement("multilateralism-is-faltering")
    return citation.reference(speech, statement, reference_archive.registry, "Podium Speech Archive", BASE)


def test_chicago(ref):
    assert citation.cite(ref, "chicago", ACCESSED) == (
        f"Tokayev, Kassym-Jomart. “{TITLE}.” Statement, Astana International Forum 2025, Plenary session, "
        f"Astana, Kazakhstan, May 29, 2025. Podium Speech Archive. Accessed June 1, 2025. {URL}."
    )


def test_apa(ref):
    assert citation.cite(ref, "apa", ACCESSED) == (
        f"Tokayev, K.-J. (2025, May 29). {TITLE} [Statement transcript]. Astana International Forum 2025, "
        f"Plenary session, Astana, Kazakhstan. Podium Speech Archive. Retrieved June 1, 2025, from {URL}"
    )


def test_mla(ref):
    assert citation.cite(ref, "mla", ACCESSED) == (
        f"Tokayev, Kassym-Jomart. “{TITLE}.” Astana International Forum 2025, Plenary session, 29 May 2025, "
        f"Astana, Kazakhstan. Podium Speech Archive, {URL}. Accessed 1 June 2025."
    )


def test_mla_abbreviates_long_months(ref):
    assert citation.cite(ref, "mla", dt.date(2025, 9, 3)).endswith("Accessed 3 Sept. 2025.")


def test_bibtex(ref):
    assert (
        citation.cite(ref, "bibtex", ACCESSED)
        == f"""\
@misc{{tokayev2025-multilateralism-is-faltering,
  author = {{Tokayev, Kassym-Jomart}},
  title = {{{TITLE}}},
  howpublished = {{Statement, Astana International Forum 2025, Plenary session}},
  address = {{Astana, Kazakhstan}},
  date = {{2025-05-29}},
  year = {{2025}},
  month = may,
  organization = {{Podium Speech Archive}},
  url = {{{URL}}},
  urldate = {{2025-06-01}}
}}"""
    )


def test_bibtex_escapes_tex_specials(ref):
    tricky = citation.Reference(**{**ref.__dict__, "title": "100% {Growth} & R_D #1 ~ $5"})
    entry = citation.bibtex(tricky, ACCESSED)
    assert r"title = {100\% \{Growth\} \& R\_D \#1 \textasciitilde{} \$5}" in entry


@pytest.mark.parametrize("style", list(citation.STYLES))
def test_templates_filled_in_give_the_same_citation(ref, style):
    """The page's script fills the templates; the result must be the core's citation, byte for byte."""
    template = citation.templates(ref)[style]
    assert "multilateralism-is-faltering" not in template and "2025-06-01" not in template
    filled = citation.fill(template, URL, "multilateralism-is-faltering", ACCESSED)
    assert filled == citation.cite(ref, style, ACCESSED)


def test_a_panel_statement_is_cited_to_its_own_speaker(archive_dir):
    archive_dir.speech(
        "panel",
        front="""\
        title: Panel on climate
        date: 2025-05-30
        speakers: [tokayev, kagame]
        event: aif-2025
        kind: panel
        """,
        body="@tokayev: Welcome.\n\n@kagame: Thank you, Mr President. {#thanks}\n",
    )
    archive = features.load(archive_dir.root)
    assert archive.ok, archive.problems
    speech = archive.speech("panel")
    ref = citation.reference(speech, speech.statement("thanks"), archive.registry, "Test archive", BASE)
    assert citation.cite(ref, "apa", ACCESSED).startswith(
        "Kagame, P. (2025, May 30). Panel on climate [Panel transcript]."
    )


def test_names_split_on_sort_name_or_last_word():
    assert citation.split_name("Ban Ki-moon", "Ban, Ki-moon") == ("Ban", "Ki-moon")
    assert citation.split_name("Gordana Siljanovska-Davkova") == ("Siljanovska-Davkova", "Gordana")
    assert citation.split_name("Madonna") == ("Madonna", "")
