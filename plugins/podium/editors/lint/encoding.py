"""Mojibake, exactly: UTF-8 bytes that were read as Windows-1252, and how to read them back.

A run like `â€™` is the three bytes E2 80 99 of `’`, each read as one Windows-1252 character. Reading the
bytes back is a proof only when every byte of the run belongs to one whole UTF-8 sequence *and* what comes
out is a letter or sign text really uses: `„Gruß“` also makes valid UTF-8 (`ß“` is DF 93, the N'Ko letter
U+07D3), and so do `“CAFÉ”` and `«ÉTÉ»`, so a sequence must decode to a script an archive writes, never to
N'Ko, IPA or combining marks. Text encoded twice or three times is read back until it is stable.

>>> repair("Kazakhstanâ€™s")
'Kazakhstan’s'
>>> repair("â€œQuoteâ€\\x9d"), repair("Ã¢â‚¬â„¢")
('“Quote”', '’')
>>> repair("„Gruß“"), repair("“CAFÉ”"), repair("«ÉTÉ»"), repair("«IRMÃ»")
('„Gruß“', '“CAFÉ”', '«ÉTÉ»', '«IRMÃ»')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Byte of each character in Windows-1252; the five bytes it leaves undefined (81 8D 8F 90 9D) come through
# as C1 controls (U+0081...), the way browsers and Python's "latin-1" fallback pass them.
_BYTE: dict[str, int] = {}
for _value in range(0x80, 0x100):
    try:
        _BYTE[bytes([_value]).decode("cp1252")] = _value
    except UnicodeDecodeError:
        _BYTE[chr(_value)] = _value

# Characters a Windows-1252 reading of UTF-8 leaves: all of them map to one byte, none is ASCII.
_RUN = re.compile("[" + "".join(re.escape(char) for char in sorted(_BYTE)) + "]{2,}")

# Code points a real text of an archive writes: what a decoded sequence must land in to count as proof.
_PLAUSIBLE = [
    (0x00A0, 0x00FF),  # Latin-1: é, ü, «, ©, no-break space
    (0x0100, 0x017F),  # Latin Extended-A: ğ, ş, ı, ł, œ, č
    (0x01A0, 0x01A1),  # Vietnamese ơ
    (0x01AF, 0x01B0),  # Vietnamese ư
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ
    (0x0218, 0x021B),  # Romanian ș ț
    (0x0386, 0x03CE),  # Greek letters
    (0x0400, 0x045F),  # Cyrillic (Russian, Ukrainian, Serbian, ...)
    (0x0490, 0x0493),  # Ґ ґ Ғ ғ
    (0x049A, 0x049B),  # Қ қ
    (0x04A2, 0x04A3),  # Ң ң
    (0x04AE, 0x04B1),  # Ү ү Ұ ұ
    (0x04BA, 0x04BB),  # Һ һ
    (0x04D8, 0x04D9),  # Ә ә
    (0x04E8, 0x04E9),  # Ө ө
    (0x0531, 0x0587),  # Armenian letters
    (0x05D0, 0x05EA),  # Hebrew letters
    (0x0621, 0x064A),  # Arabic letters
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # general punctuation: ’ “ ” – — … and the invisible spaces
    (0x20A0, 0x20CF),  # currency: € ₸ ₽ ₺
    (0x2100, 0x218F),  # letterlike and number forms: ™ № ⅓
    (0x2190, 0x22FF),  # arrows, mathematical operators
    (0x2460, 0x27BF),  # enclosed numbers, box drawing, shapes, dingbats ✓
    (0xFEFF, 0xFEFF),  # byte-order mark (then reported as an invisible character)
    (0x1F300, 0x1FAFF),  # emoji
]
# East Asian text only where the transcript is written in it: elsewhere `é»…` (in «été»…) is legitimate text.
_EAST_ASIAN = [(0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF)]


def _plausible(char: str, east_asian: bool) -> bool:
    point = ord(char)
    ranges = _PLAUSIBLE + (_EAST_ASIAN if east_asian else [])
    return any(low <= point <= high for low, high in ranges)


def _size(lead: int) -> int:
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0


def sequences(text: str, east_asian: bool = False) -> Iterator[tuple[int, int, str]]:
    """(start, end, decoded) of each span of `text` that is provably UTF-8 read as Windows-1252.

    A span is a maximal stretch of whole sequences that each decode to a plausible character; it is read
    back until it is stable (text encoded two or three times), and only while each reading stays plausible.
    """
    for run in _RUN.finditer(text):
        chars = run.group()
        offset = 0
        while offset < len(chars):
            size = _size(_BYTE[chars[offset]])
            piece = chars[offset : offset + size] if size else ""
            decoded = _decode(piece, east_asian) if len(piece) == size and size else None
            if decoded is None or _ambiguous(text, run.start() + offset, size):
                offset += 1
                continue
            # Extend over the following whole sequences: one span, one fix, one log line.
            end = offset + size
            while end < len(chars) and (size := _size(_BYTE[chars[end]])):
                more = _decode(chars[end : end + size], east_asian) if end + size <= len(chars) else None
                if more is None or _ambiguous(text, run.start() + end, size):
                    break
                decoded += more
                end += size
            start = run.start() + offset
            yield start, run.start() + end, _settle(decoded, east_asian)
            offset = end


# Marks that close a word in real text. A capital letter then one of these at a word's end is a word and its
# punctuation far more often than mojibake: `IRMÃ”` (Portuguese), `«Å»` (Swedish) stay as written.
_CLOSERS = set("”»›’“‘…–—•")


def _ambiguous(text: str, start: int, size: int) -> bool:
    """A two-byte sequence at the end of a word that a real word explains as well: `IRMÃ”` (a Portuguese capital
    and its closing quote), `IRMÃ »` (the same with French spacing, which would read `à` after a capital)."""
    if size != 2:
        return False
    after = text[start + 2 : start + 3]
    before = text[start - 1 : start] if start else ""
    if after.isalnum():
        return False  # inside a word: `TÃ¼rkiye`, `sÃ»r`
    if text[start + 1] in _CLOSERS and not (before.isalpha() and before.islower()):
        return True
    decoded = _decode(text[start : start + 2], east_asian=False) or ""
    return before.isalpha() and decoded.isalpha() and before.isupper() != decoded.isupper()


def _decode(piece: str, east_asian: bool) -> str | None:
    try:
        decoded = bytes(_BYTE[char] for char in piece).decode("utf-8")
    except (UnicodeDecodeError, KeyError):
        return None
    return decoded if all(_plausible(char, east_asian) for char in decoded) else None


def _settle(text: str, east_asian: bool) -> str:
    """Read twice- or thrice-encoded text back until a reading no longer proves anything."""
    for _ in range(3):
        found = list(sequences_once(text, east_asian))
        if not found or found[0][:2] != (0, len(text)):
            return text
        text = found[0][2]
    return text


def sequences_once(text: str, east_asian: bool) -> Iterator[tuple[int, int, str]]:
    """Like `sequences`, one reading only: whether a decoded span is itself whole mojibake."""
    for run in _RUN.finditer(text):
        chars = run.group()
        if run.start() == 0 and run.end() == len(text):
            offset, decoded = 0, ""
            while offset < len(chars) and (size := _size(_BYTE[chars[offset]])):
                more = _decode(chars[offset : offset + size], east_asian) if offset + size <= len(chars) else None
                if more is None:
                    break
                decoded += more
                offset += size
            if offset == len(chars):
                yield 0, len(text), decoded


def only_in_mojibake(text: str) -> bool:
    """Whether every C1 control in `text` (U+0080 to U+009F, refused in a transcript) is a byte of provable
    mojibake, such as the U+009D that ends `â€\x9d` (`”`): then lint can read the file, report and repair it."""
    controls = [offset for offset, char in enumerate(text) if 0x80 <= ord(char) <= 0x9F]
    spans = [(start, end) for start, end, _ in sequences(text)]
    return bool(controls) and all(any(start <= c < end for start, end in spans) for c in controls)


def repair(text: str, east_asian: bool = False) -> str:
    """`text` with every provable span read back; everything else as written."""
    out, last = [], 0
    for start, end, decoded in sequences(text, east_asian):
        out.append(text[last:start] + decoded)
        last = end
    return "".join(out) + text[last:]


# Broken sequences that cannot be proved: the opening bytes of a curly quote whose last byte was lost.
BROKEN = re.compile(r"â€(?=\s|$|[^\x80-\xff‘’“”\u0080-\u009f€‚ƒ„…†‡ˆ‰Š‹ŒŽ•–—˜™š›œžŸ])")
