"""Small archives for the search tests: a hand-written one in three languages, and a generated one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from podium.editors.generate import generate
from support.archive import ArchiveDir, archive_config

MKDOCS_YML = archive_config("podium", "podium-search", name="Search test archive")

OPENING = """\
title: Opening address
date: 2025-05-29
speaker: tokayev
event: aif-2025
topics: [multilateralism]
"""
OPENING_BODY = """\
Dear friends, welcome to Astana.

Our foreign policy rests on one belief: dialogue is more powerful than division. {#dialogue topics=un-reform}

Regional cooperation is the road to prosperity for Central Asia.
"""

DEBATE = """\
title: Panel on climate and cooperation
date: 2024-06-12
speakers: [tokayev, kagame]
event: aif-2025
session: Panel on climate
kind: panel
"""
DEBATE_BODY = """\
@tokayev: Climate cooperation across borders must be financed fairly.

Water is the first victim of a warming climate. {#water}

@kagame: Africa asks for cooperation, not charity, in the fight against climate change. {#africa-cooperation}

[Applause]

@tokayev: We agree that cooperation must be fair.
"""

KIGALI = """\
title: Remarks on development
date: 2023-03-02
speaker: kagame
kind: remarks
"""
KIGALI_BODY = """\
Development is built on cooperation between neighbours. {#neighbours}

Rwanda invests in its young people.
"""

RUSSIAN = """\
title: Выступление на пленарном заседании
date: 2025-05-30
speaker: tokayev
event: aif-2025
language: ru
"""
RUSSIAN_BODY = """\
Дорогие друзья, добро пожаловать в Астану.

Мы верим, что диалог сильнее разделения, а сотрудничество сильнее конфронтации. {#dialog}
"""

KAZAKH = """\
title: Форумдағы сөз
date: 2025-05-31
speaker: tokayev
language: kk
"""
KAZAKH_BODY = """\
Құрметті достар, Астанаға қош келдіңіздер.

Біз халықаралық ынтымақтастықты қолдаймыз. {#yntymaq}
"""


def small_archive(root: Path) -> ArchiveDir:
    """Five speeches: English (one a panel with turns), Russian and Kazakh."""
    archive = ArchiveDir(root)
    archive.write("mkdocs.yml", MKDOCS_YML)
    archive.speech("aif-2025-opening", OPENING, OPENING_BODY)
    archive.speech("aif-2024-climate-panel", DEBATE, DEBATE_BODY, folder="speeches/2024")
    archive.speech("kigali-2023-remarks", KIGALI, KIGALI_BODY, folder="speeches/2023")
    archive.speech("aif-2025-tokayev-ru", RUSSIAN, RUSSIAN_BODY)
    archive.speech("aif-2025-tokayev-kk", KAZAKH, KAZAKH_BODY)
    return archive


def generated_archive(root: Path, speeches: int = 30, seed: int = 7) -> ArchiveDir:
    """A generated archive (podium.editors.generate) with the search plugin; it has one Cyrillic transcript."""
    generate(root, speeches=speeches, seed=seed, plugins=["podium", "podium-search"])
    archive = ArchiveDir.at(root)
    return archive


@contextmanager
def watched_tab(browser, base: str) -> Iterator:
    """One desktop tab for a module of search tests: `tab.base` is the site's address, and no script error may
    happen on it while the tests use it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.base = base
    yield tab
    assert tab.errors == []
    context.close()


def quick_titles(tab, query: str) -> list[str]:
    """The speech titles the header box's quick results show for `query`, in order, once they are for it."""
    tab.fill("#podium-searchbox-q", query)
    tab.wait_for_function(
        "q => { const all = document.querySelector('#podium-quick-all');"
        " return all && new URL(all.href).searchParams.get('q') === q; }",
        arg=query,
    )
    return tab.eval_on_selector_all(
        ".podium-quick:not(.podium-quick--all):not(.podium-quick--facet) .podium-quick__title",
        "titles => titles.map(t => t.textContent)",
    )


def searched(tab, query: str) -> tuple[str, list[dict]]:
    """The search page for `query` once it has answered and counted: its status line, and each hit (a statement
    shown) with its link, its text and its marked words."""
    tab.goto(f"{tab.base}search/?q={quote(query)}")
    tab.wait_for_function(
        "() => { const r = document.querySelector('.podium-results');"
        " return r && r.getAttribute('aria-busy') === 'false'"
        " && document.querySelector('[data-podium-searchpage]').getAttribute('data-podium-counts') === 'ready'; }"
    )
    hits = tab.eval_on_selector_all(
        "[data-podium-hit]",
        """links => links.map(a => ({href: a.getAttribute('href'),
            text: a.querySelector('.podium-hit__text').textContent,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))""",
    )
    return tab.inner_text(".podium-results__status"), hits
