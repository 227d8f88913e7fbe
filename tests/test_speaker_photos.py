"""Speakers' portraits: `image`, `image_credit` and `image_licence` in speakers.yml, checked where they are written,
resized to WebP thumbnails at build time (never the original published), shown on the speaker's page, in speech
bylines and on the speakers hub; a speaker without one gets no image at all."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from podium import features
from podium.facets import photos
from podium.facets.pages import FacetSettings, FacetSite
from podium.render.pages import Links
from support.archive import SPEAKERS, ArchiveDir
from support.processes import run_podium

WITH_PHOTO = SPEAKERS.replace(
    "  country: Kazakhstan\n",
    "  country: Kazakhstan\n  image: photos/tokayev.jpg\n  image_credit: Akorda press service\n"
    "  image_licence: CC BY 4.0\n",
)
# The `image:` line of tokayev in WITH_PHOTO, and its value's column.
IMAGE_AT = "5:10"


def portrait_bytes(width: int = 600, height: int = 800, fmt: str = "JPEG", exif: bool = False) -> bytes:
    """A test picture: a light "face" on a dark background (made here: no photo is shipped with the tests)."""
    image = Image.new("RGB", (width, height), (40, 60, 90))
    image.paste((230, 190, 160), (width // 3, height // 4, 2 * width // 3, height // 2))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCam"  # Make
        data[0x0131] = "podium-test-software"  # Software
        image.save(out, fmt, exif=data)
    else:
        image.save(out, fmt)
    return out.getvalue()


def with_photo(archive_dir: ArchiveDir, data: bytes, path: str = "speeches/photos/tokayev.jpg") -> None:
    archive_dir.write("speeches/speakers.yml", WITH_PHOTO)
    archive_dir.write(path, data)
    archive_dir.speech("opening")


# ---- Checked where it is written -------------------------------------------------------------------------


def test_a_valid_portrait_passes_the_check(archive_dir: ArchiveDir):
    with_photo(archive_dir, portrait_bytes())
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("image", "file", "message", "hint"),
    [
        (
            "photos/missing.jpg",
            None,
            "speaker `tokayev`: image `photos/missing.jpg` does not exist",
            "the path is relative to speakers.yml's folder; check the spelling, or add the file",
        ),
        (
            "https://example.org/tokayev.jpg",
            None,
            "speaker `tokayev`: image `https://example.org/tokayev.jpg` must be a file in the archive, not an address",
            "save the portrait beside speakers.yml, e.g. `image: photos/tokayev.jpg`, and name its author and "
            "licence in `image_credit` and `image_licence`",
        ),
        (
            "photos/tokayev.jpg",
            b"this is a text file, not a JPEG\n",
            "speaker `tokayev`: image `photos/tokayev.jpg` is not an image Podium can read",
            "save the portrait as a JPEG, PNG or WebP file (a photo of about 1000 px is plenty)",
        ),
        (
            "photos",
            None,
            "speaker `tokayev`: image `photos` is a folder",
            "name a JPEG, PNG or WebP file, relative to speakers.yml's folder, e.g. `image: photos/tokayev.jpg`",
        ),
    ],
)
def test_a_bad_portrait_is_an_error_at_its_image_line(archive_dir: ArchiveDir, image, file, message, hint):
    archive_dir.write("speeches/speakers.yml", WITH_PHOTO.replace("photos/tokayev.jpg", image))
    archive_dir.write("speeches/photos/other.png", portrait_bytes(fmt="PNG"))  # so that photos/ is a folder
    if file is not None:
        archive_dir.write(f"speeches/{image}", file)
    archive_dir.speech("opening")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert f"speeches/speakers.yml:{IMAGE_AT}: error: {message}\n  hint: {hint}" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_portrait_over_the_size_limit_is_refused(archive_dir: ArchiveDir):
    archive_dir.write("speeches/speakers.yml", WITH_PHOTO)
    big = archive_dir.root / "speeches/photos/tokayev.jpg"
    big.parent.mkdir(parents=True)
    with big.open("wb") as out:  # a sparse file: 9 MB on paper, nothing on disk
        out.truncate(9 * 1024 * 1024)
    archive_dir.speech("opening")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert (
        f"speeches/speakers.yml:{IMAGE_AT}: error: speaker `tokayev`: image `photos/tokayev.jpg` is 9216 KB, "
        "over the limit of 8192 KB"
    ) in result.stdout + result.stderr


def test_a_portrait_outside_the_archive_is_refused(archive_dir: ArchiveDir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.jpg"
    outside.write_bytes(portrait_bytes())
    archive_dir.write("speeches/speakers.yml", WITH_PHOTO)
    (archive_dir.root / "speeches/photos").mkdir(parents=True)
    (archive_dir.root / "speeches/photos/tokayev.jpg").symlink_to(outside)
    archive_dir.speech("opening")
    result = run_podium("check", cwd=archive_dir.root)
    assert result.returncode == 1
    assert (
        f"speeches/speakers.yml:{IMAGE_AT}: error: speaker `tokayev`: image `photos/tokayev.jpg`: "
        "symbolic link to a portrait outside the archive"
    ) in result.stdout + result.stderr


# ---- Thumbnails ------------------------------------------------------------------------------------------


def test_thumbnails_are_square_webp_named_by_content_without_metadata(archive_dir: ArchiveDir):
    with_photo(archive_dir, portrait_bytes(exif=True))
    archive = features.load(archive_dir.root)
    assert archive.ok, archive.problems.sorted()
    portrait = photos.thumbnails(archive)["tokayev"]
    assert sorted(portrait.files) == sorted(portrait.src(size) for size in photos.SIZES)
    assert re.fullmatch(r"assets/portraits/[0-9a-f]{16}-240\.webp", portrait.src(240))
    for size in photos.SIZES:
        data = portrait.files[portrait.src(size)]
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("WEBP", (size, size))
            assert not image.getexif()
        assert b"SecretCam" not in data and b"podium-test-software" not in data
    assert (portrait.credit, portrait.licence) == ("Akorda press service", "CC BY 4.0")
    # The same picture gives the same addresses (a rebuild changes nothing); another picture, others.
    assert photos.thumbnails(archive)["tokayev"].files == portrait.files
    archive_dir.write("speeches/photos/tokayev.jpg", portrait_bytes(500, 500))
    assert photos.thumbnails(features.load(archive_dir.root))["tokayev"].src(96) != portrait.src(96)


def test_the_speaker_page_and_hub_show_the_thumbnail_with_credit_and_no_image_without_one(archive_dir: ArchiveDir):
    with_photo(archive_dir, portrait_bytes())
    archive_dir.speech("panel", "title: Panel\ndate: 2025-05-30\nspeakers: [tokayev, kagame]\n")
    archive = features.load(archive_dir.root)
    site = FacetSite(archive, FacetSettings(), photos.thumbnails(archive))
    src = site.portraits["tokayev"].src(240)
    specs = {spec.url: spec for spec in site.pages()}
    page = site.render(specs["speakers/tokayev/"], Links("../../"))
    assert (
        f'<img class="podium-portrait__image" src="../../{src}" alt="Kassym-Jomart Tokayev" width="120" height="120">'
        in page
    )
    assert (
        '<figcaption class="podium-portrait__credit">Photo: Akorda press service, '
        '<span class="podium-portrait__licence">CC BY 4.0</span></figcaption>'
    ) in page
    assert "photos/tokayev.jpg" not in page  # never the original
    kagame = site.render(specs["speakers/kagame/"], Links("../../"))
    assert "<img" not in kagame and "podium-portrait" not in kagame
    hub = site.render(specs["speakers/"], Links("../"))
    assert hub.count('<img class="podium-avatar"') == 1
    assert f'<img class="podium-avatar" src="../{site.portraits["tokayev"].src(96)}" alt=""' in hub


# ---- The built site --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_built_site_publishes_thumbnails_only_and_shows_them_in_bylines(archive_dir: ArchiveDir):
    with_photo(archive_dir, portrait_bytes(exif=True))
    archive_dir.speech(
        "panel",
        "title: Panel\ndate: 2025-05-30\nspeakers: [kagame, tokayev]\n",
        "@kagame: Thank you.\n\n@tokayev: Welcome.\n",
    )
    archive_dir.write(
        "mkdocs.yml",
        "site_name: Test archive\ntheme:\n  name: material\nnav:\n  - Home: index.md\n"
        "  - Speakers: speakers/index.md\nplugins:\n  - podium\n  - podium-facets\n",
    )
    result = archive_dir.build("mkdocs", "--strict")
    assert result.returncode == 0, result.stderr
    site = archive_dir.root / "site"
    published = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".jpg", ".webp"))
    assert len(published) == 2 and all(
        re.fullmatch(r"assets/portraits/[0-9a-f]{16}-(96|240)\.webp", p) for p in published
    )
    small = next(p for p in published if p.endswith("-96.webp"))
    panel = archive_dir.html("speeches/panel/index.html")
    byline = re.search(r'<p class="podium-byline">(.*?)</p>', panel, re.S).group(1)
    # Tokayev has a portrait beside his name; Kagame has none, and no empty or broken image either.
    assert f'<img class="podium-avatar" src="../../{small}" alt="" width="40" height="40">' in byline
    assert byline.count("<img") == 1
    assert byline.index("<img") > byline.index("Paul Kagame")
    speaker = archive_dir.html("speakers/tokayev/index.html")
    assert 'alt="Kassym-Jomart Tokayev"' in speaker and "Akorda press service" in speaker
    assert (site / small).read_bytes()[:4] == b"RIFF"
