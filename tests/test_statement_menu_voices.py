"""The ¶ menu of a crowd's voice offers only "Copy link" (it has no author to cite), and the menu speaks the page's
language."""

from __future__ import annotations

import pytest

from support.archive import MINIMAL_FRONT, ArchiveDir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CONFIG = (
    "site_name: Test\ntheme:\n  name: material\n  language: {language}\nnav:\n  - Home: index.md\n"
    "  - Speeches: speeches/index.md\nplugins:\n  - podium\n  - podium-languages\n  - podium-cite\n"
)
BODY = "We will build it together.\n\n@[Audience members]: Yes, we shall!\n\n@tokayev: Thank you.\n"


def menu_items(browser, base: str, statement: str) -> list[tuple[str, str]]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "speeches/rally/")
    page.click(f"#{statement} > a:first-child")  # its ¶
    page.wait_for_selector(f"#{statement} .podium-tools__menu")
    items = page.eval_on_selector_all(
        f"#{statement} [role=menuitem]", "items => items.map(i => [i.dataset.action, i.textContent])"
    )
    page.close()
    assert errors == []
    return [tuple(item) for item in items]


@pytest.mark.parametrize(
    "language, speaker_items, voice_items",
    [
        ("en", [("copy", "Copy link"), ("cite", "Cite…"), ("embed", "Embed…")], [("copy", "Copy link")]),
        (
            "ru",
            [("copy", "Копировать ссылку"), ("cite", "Цитировать…"), ("embed", "Встроить…")],
            [("copy", "Копировать ссылку")],
        ),
    ],
)
def test_a_voice_has_no_cite_or_embed_and_the_menu_is_in_the_page_language(
    archive_dir: ArchiveDir, browser, serve_dir, language, speaker_items, voice_items
):
    archive_dir.write("mkdocs.yml", CONFIG.format(language=language))
    archive_dir.speech("rally", MINIMAL_FRONT, BODY)
    result = archive_dir.build()
    assert result.returncode == 0, result.stderr
    page = archive_dir.html("speeches/rally/index.html")
    ids = [chunk.split('"', 1)[0] for chunk in page.split('<section class="podium-statement" id="')[1:]]
    assert len(ids) == 3 and 'data-voice="Audience members"' in page
    base = serve_dir(archive_dir.root / "site")
    assert menu_items(browser, base, ids[0]) == speaker_items
    assert menu_items(browser, base, ids[1]) == voice_items
