"""A test archive for issue 10: one speech in three language versions (generated text, aligned ids).

The English original, an official Russian translation aligned statement by statement, and an unofficial
Kazakh translation whose last statement the editor has not aligned yet (one warning on each side).
"""

from __future__ import annotations

from pathlib import Path

from support.archive import ArchiveDir

MKDOCS_YML = """\
site_name: Languages test archive
{site_url}theme:
  name: material
  language: {language}
nav:
  - Home: index.md
  - Speeches: speeches/index.md
plugins:
  - podium
  - podium-facets:
      facets: [speakers, dates]
  - podium-languages
{more}"""

ORIGINAL = """\
title: Address at the plenary session
date: 2025-05-29
speaker: tokayev
event: aif-2025
language: en
delivered: as delivered
"""
ORIGINAL_BODY = """\
Dear friends, welcome to Astana. {#welcome}

Dialogue is more powerful than division, and cooperation is stronger than confrontation. {#dialogue}

[Applause]

Central Asia is open to the world and to its partners. {#open}

We will build bridges, not walls, between our nations. {#bridges}
"""

RUSSIAN = """\
title: Выступление на пленарном заседании
date: 2025-05-29
speaker: tokayev
event: aif-2025
language: ru
translation_of: aif-2025-plenary
delivered: translation
official_translation: true
"""
RUSSIAN_BODY = """\
Дорогие друзья, добро пожаловать в Астану. {#welcome}

Диалог сильнее разделения, а сотрудничество сильнее конфронтации. {#dialogue}

[Аплодисменты]

Центральная Азия открыта миру и своим партнёрам. {#open}

Мы будем строить мосты, а не стены, между нашими народами. {#bridges}
"""

KAZAKH = """\
title: Пленарлық отырыстағы сөз
date: 2025-05-29
speaker: tokayev
event: aif-2025
language: kk
translation_of: aif-2025-plenary
delivered: translation
official_translation: false
"""
KAZAKH_BODY = """\
Құрметті достар, Астанаға қош келдіңіздер. {#welcome}

Диалог бөлінуден күшті, ал ынтымақтастық тартыстан күшті. {#dialogue}

Орталық Азия әлемге және серіктестеріне ашық. {#open}

Біз халықтарымыз арасында қабырға емес, көпір саламыз.
"""

OTHER = """\
title: Remarks on development
date: 2023-03-02
speaker: kagame
kind: remarks
"""


def three_versions(root: Path, language: str = "en", search: bool = False, site_url: bool = True) -> ArchiveDir:
    """The archive: the three versions of one speech, and one speech in English only.

    Without `site_url` the hreflang alternates are relative, so in a browser they are on the page's own
    server, as on a published site (Material then acts on them: see podium-languages.js).
    """
    archive = ArchiveDir(root)
    archive.write(
        "mkdocs.yml",
        MKDOCS_YML.format(
            language=language,
            more="  - podium-search\n" if search else "",
            site_url="site_url: https://archive.example.org/\n" if site_url else "",
        ),
    )
    archive.speech("aif-2025-plenary", ORIGINAL, ORIGINAL_BODY)
    archive.speech("aif-2025-plenary-ru", RUSSIAN, RUSSIAN_BODY)
    archive.speech("aif-2025-plenary-kk", KAZAKH, KAZAKH_BODY)
    archive.speech(
        "kigali-2023-remarks",
        OTHER,
        "Development is built on cooperation between neighbours.\n",
        folder="speeches/2023",
    )
    return archive
