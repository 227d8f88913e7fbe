"""A speech's recording and the times its statements start at: what `media:` and `{t=12:34}` mean.

A transcript names its recording in front matter, and may give each statement the time it starts at:

    media: https://www.youtube.com/watch?v=dQw4w9WgXcQ      # YouTube or Vimeo: a link, an embed on request
    media: {audio: media/2025/plenary.mp3, title: Floor audio}   # a file in the repository, published with the site

    Thank you, Mr President. {t=12:34}

A recording is one of four kinds (`Recording.provider`): a YouTube or a Vimeo video, an audio or video file
a browser plays itself (a repository path or an http(s) address ending in .mp3, .mp4, ...), or any other page
(linked, but nobody can play it from a time). The model (`model.Media`) refuses what is none of these with
`classify`'s message; the speech page plays from a statement through `Player`.

    >>> parse_time("1:02:03"), format_time(3723), classify("https://youtu.be/dQw4w9WgXcQ").ident
    (3723, '1:02:03', 'dQw4w9WgXcQ')
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qs, quote, urlsplit

# What a browser's <audio> and <video> play: the file's extension and its MIME type (the <source type>).
AUDIO = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".oga": "audio/ogg",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".weba": "audio/webm",
}
VIDEO = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".mov": "video/mp4"}
EXTENSIONS = ", ".join(sorted({*AUDIO, *VIDEO}))

_TIME = re.compile(r"([0-9]{1,6}(?::[0-9]{2}){0,2})(?:\.([0-9]{1,3}))?\Z")  # [0-9]: `\d` takes any script's digits
_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com", "youtu.be"}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}\Z")
_YOUTUBE_PATH = re.compile(r"/(?:embed|live|shorts|v)/([A-Za-z0-9_-]{11})(?:[/?#]|\Z)")
_VIMEO_PATH = re.compile(r"/(?:video/)?(\d+)(?:/([0-9a-f]+))?/?\Z")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")

Provider = Literal["youtube", "vimeo", "file", "page"]


def parse_time(text: str) -> float:
    """Seconds from `SS`, `M:SS` or `H:MM:SS`, with an optional fraction (`12:34.5`); ValueError when not a time.

    >>> parse_time("12:34"), parse_time("0:05.25"), parse_time("90")
    (754, 5.25, 90)
    >>> parse_time("1:75")
    Traceback (most recent call last):
    ValueError: `1:75` is not a time: seconds go up to 59
    """
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"`{text}` is not a time")
    *larger, seconds = (int(part) for part in match.group(1).split(":"))
    if larger and seconds > 59:
        raise ValueError(f"`{text}` is not a time: seconds go up to 59")
    if len(larger) == 2 and larger[1] > 59:
        raise ValueError(f"`{text}` is not a time: minutes go up to 59 after the hours")
    whole = sum(part * 60**power for power, part in enumerate(reversed([*larger, seconds])))
    fraction = match.group(2)
    return whole + int(fraction) / 10 ** len(fraction) if fraction else whole


def format_time(seconds: float) -> str:
    """`M:SS` under an hour, `H:MM:SS` from one hour on; a fraction of a second is left out.

    >>> format_time(754), format_time(5.9), format_time(3723)
    ('12:34', '0:05', '1:02:03')
    """
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def number(seconds: float | None) -> float | int | None:
    """A time as the data files write it: whole seconds as an integer, `754`, not `754.0`."""
    return int(seconds) if seconds is not None and float(seconds).is_integer() else seconds


@dataclass(frozen=True)
class Recording:
    """One recording, as `media:` names it. `source` is what the editor wrote; `local` when it is a path in the
    repository (published at the same path in the site); `ident` the YouTube or Vimeo video's id."""

    source: str
    provider: Provider
    local: bool = False
    ident: str = ""
    secret: str = ""  # an unlisted Vimeo video's hash: vimeo.com/<id>/<hash>
    kind: str = ""  # "audio" or "video" when the address says so (a file's extension, YouTube, Vimeo)

    @property
    def playable(self) -> bool:
        """True when a statement's time can start it: every kind but a plain page."""
        return self.provider != "page"

    @property
    def mime(self) -> str:
        extension = posixpath.splitext(urlsplit(self.source).path.lower())[1]
        return AUDIO.get(extension) or VIDEO.get(extension, "")

    def at(self, seconds: float, href: str) -> str:
        """The address that plays from `seconds` without a script: YouTube's `t=`, Vimeo's and a media
        fragment's `#t=`. `href` is the recording's address from the page (a local file's is relative).

        >>> classify("https://vimeo.com/76979871").at(754, "https://vimeo.com/76979871")
        'https://vimeo.com/76979871#t=754s'
        """
        whole = int(seconds)
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.ident}&t={whole}s"
        if self.provider == "vimeo":
            return f"https://vimeo.com/{self.ident}{'/' + self.secret if self.secret else ''}#t={whole}s"
        if self.provider == "file":
            return f"{href.split('#', 1)[0]}#t={number(seconds)}"
        return href

    @property
    def embed(self) -> str:
        """The player to embed once the reader asks for it (privacy-enhanced YouTube, Vimeo without tracking);
        the page adds the start time. Empty for a file (the page's own <audio> or <video> plays it)."""
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.ident}?enablejsapi=1&autoplay=1&rel=0"
        if self.provider == "vimeo":
            unlisted = f"&h={self.secret}" if self.secret else ""
            return f"https://player.vimeo.com/video/{self.ident}?autoplay=1&dnt=1{unlisted}"
        return ""


def classify(value: str) -> Recording:
    """What a `media` address is; ValueError with the reason when it cannot be a recording.

    >>> classify("media/2025/plenary.mp3")
    Recording(source='media/2025/plenary.mp3', provider='file', local=True, ident='', secret='', kind='audio')
    >>> classify("../secret.mp3")
    Traceback (most recent call last):
    ValueError: `../secret.mp3` leaves the repository
    """
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if any(ord(char) < 32 for char in value):
        raise ValueError("an address must not contain control characters")
    scheme = _SCHEME.match(value)
    if scheme is None:
        return _local(value)
    if scheme.group(1).lower() not in ("http", "https"):
        raise ValueError(f"`{scheme.group(1)}:` addresses cannot be a recording")
    parts = urlsplit(value)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host in _YOUTUBE_HOSTS:
        ident = _youtube_id(host, parts.path, parts.query)
        if not ident:
            raise ValueError(f"`{value}` is a YouTube address but names no video")
        return Recording(value, "youtube", ident=ident, kind="video")
    if host in ("vimeo.com", "player.vimeo.com"):
        match = _VIMEO_PATH.match(parts.path)
        if not match:
            raise ValueError(f"`{value}` is a Vimeo address but names no video")
        secret = match.group(2) or parse_qs(parts.query).get("h", [""])[0]
        return Recording(value, "vimeo", ident=match.group(1), secret=secret, kind="video")
    kind = _kind_of(parts.path)
    return Recording(value, "file" if kind else "page", kind=kind)


def _youtube_id(host: str, path: str, query: str) -> str:
    if host == "youtu.be":
        candidate = path.strip("/").split("/")[0]
        return candidate if _YOUTUBE_ID.match(candidate) else ""
    if path.rstrip("/") == "/watch":
        candidate = parse_qs(query).get("v", [""])[0]
        return candidate if _YOUTUBE_ID.match(candidate) else ""
    match = _YOUTUBE_PATH.match(path)
    return match.group(1) if match else ""


def _kind_of(path: str) -> str:
    extension = posixpath.splitext(path.lower())[1]
    return "audio" if extension in AUDIO else "video" if extension in VIDEO else ""


def _local(value: str) -> Recording:
    """A path in the repository, from the archive's folder (where mkdocs.yml is): never out of it."""
    if value.startswith(("/", "~")) or "\\" in value or re.match(r"[A-Za-z]:", value):
        raise ValueError(f"`{value}` is not a path in the repository")
    segments = value.split("/")
    if any(segment in ("..", ".", "") for segment in segments):
        raise ValueError(f"`{value}` leaves the repository")
    if "?" in value or "#" in value:
        raise ValueError(f"`{value}` is a file's path, which takes no `?` or `#`")
    kind = _kind_of(value)
    if not kind:
        raise ValueError(f"`{value}` is not an audio or video file a browser plays")
    return Recording(value, "file", local=True, kind=kind)


# The hint printed under each of `classify`'s and `shorthand`'s messages, found by words of the message.
_HINTS = (
    ("YouTube address", "link the video itself, e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("Vimeo address", "link the video itself, e.g. https://vimeo.com/76979871"),
    (
        "cannot be a recording",
        "use an http(s) address, or a file's path in the repository such as media/2025/plenary.mp3",
    ),
    ("not a path in the repository", "write the path from the archive's folder (where mkdocs.yml is)"),
    ("leaves the repository", "copy the file into the archive; write its path from there, without `..`"),
    ("takes no `?`", "write the file's path alone, e.g. media/2025/plenary.mp3"),
    ("a browser plays", f"convert it to one of {EXTENSIONS}, or link its page: `video: https://...`"),
    ("video or an audio", "write `video: <address>` or `audio: <address>` on a line under `media:`"),
)


def hint(message: str) -> str:
    """The hint for one of this module's messages, or ''."""
    return next((text for words, text in _HINTS if words in message), "")


def shorthand(value: Any) -> Any:
    """`media: <address>` as `media: {video: <address>}` or `{audio: ...}`, by what the address says it is."""
    if not isinstance(value, str):
        return value
    recording = classify(value)
    if not recording.kind:
        raise ValueError(f"cannot tell whether `{value}` is a video or an audio recording")
    return {recording.kind: value}


@dataclass(frozen=True)
class Player:
    """The recording a speech page plays statements from, as that page links to it.

    `href` is the recording's address from the page (a local file's, relative to it); `kind` the element that
    plays a file (`audio` or `video`); `embed` the YouTube or Vimeo player made only when the reader asks.
    """

    recording: Recording
    href: str
    kind: str
    title: str = ""

    def at(self, seconds: float) -> str:
        return self.recording.at(seconds, self.href)

    @property
    def provider(self) -> str:
        return self.recording.provider

    @property
    def embed(self) -> str:
        return self.recording.embed


def href(recording: Recording, base: str) -> str:
    """The recording's address from a page `base` away from the site root (a local file is published at its
    repository path, its name percent-encoded)."""
    return base + quote(recording.source) if recording.local else recording.source


def recordings(media: Any) -> list[tuple[str, Recording]]:
    """(`video` or `audio`, recording) for each address of a validated `model.Media`, video first."""
    if media is None:
        return []
    return [(key, classify(value)) for key in ("video", "audio") if (value := getattr(media, key, None))]


def export(media: Any, base_url: str) -> dict | None:
    """`media` as the data files give it: each address absolute when the site's address is known (a local file's
    is the site's copy), and the title.

    >>> from types import SimpleNamespace as Media
    >>> export(Media(video=None, audio="media/a b.mp3", title=None), "https://x.org/")
    {'video': None, 'audio': 'https://x.org/media/a%20b.mp3', 'title': None}
    """
    if media is None:
        return None
    found = dict(recordings(media))
    return {
        "video": href(found["video"], base_url) if "video" in found else None,
        "audio": href(found["audio"], base_url) if "audio" in found else None,
        "title": getattr(media, "title", None),
    }


def player(media: Any, base: str) -> Player | None:
    """The recording the page plays from a statement: a file first (it plays in the page, asking no other site),
    then YouTube or Vimeo; None when `media` names nothing playable.

    >>> from types import SimpleNamespace as Media
    >>> player(Media(video="https://youtu.be/dQw4w9WgXcQ", audio="media/a.mp3", title=None), "../../").href
    '../../media/a.mp3'
    """
    found = [(key, recording) for key, recording in recordings(media) if recording.playable]
    found.sort(key=lambda item: item[1].provider != "file")
    if not found:
        return None
    key, recording = found[0]
    return Player(recording, href(recording, base), recording.kind or key, getattr(media, "title", None) or "")
