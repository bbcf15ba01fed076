"""Bytes → clean text: encoding detection, mojibake repair, white-space normalisation.

Everything here is cheap on clean input: UTF-8 is tried first, ftfy only runs when a
quick regex sees mojibake markers, and white space is fixed with ``str.translate``
plus a few precompiled substitutions.
"""
from __future__ import annotations

import re

__all__ = ["UnreadableInput", "decode_bytes", "repair_text", "normalise_space", "sniff_binary", "valid_unicode",
           "printable_name", "utf16_encoding"]


class UnreadableInput(ValueError):
    """An input that cannot become a document; its message is the reason shown to users."""


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x1f\x8b", "gzip"), (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"\x7fELF", "executable"), (b"MZ", "executable"),
    (b"SQLite format 3", "SQLite"), (b"PAR1", "Parquet"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate (``"\\ud800"`` in a JSON string) replaced by U+FFFD,
    so that it always encodes to UTF-8; same length, so offsets stay valid."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def printable_name(name: str) -> str:
    """A file name as it can be shown and stored: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) become ``\\xff`` escapes; other names come back unchanged."""
    if not _SURROGATE.search(name):
        return name
    try:
        data = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = name.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "backslashreplace")


def utf16_encoding(head: bytes) -> str | None:
    """``"utf-16"`` for text that starts with a UTF-16 byte-order mark, ``"utf-16-le"``/``"-be"``
    for BOM-less UTF-16 (a NUL in every other byte), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not head.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    sample = head[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    odd, even = sample[1:2 * half:2].count(0), sample[0:2 * half:2].count(0)
    if odd >= 0.9 * half and even <= 0.1 * half:
        return "utf-16-le"
    if even >= 0.9 * half and odd <= 0.1 * half:
        return "utf-16-be"
    return None


def sniff_binary(head: bytes, *, corpus: bool = False) -> str | None:
    """Why ``head`` (the first bytes of an input) is not text, or None when it may be text.
    A document is binary with one NUL; a ``corpus`` (one row a line) only when its start is
    mostly NULs, so that one bad row never costs the rows beside it."""
    if head.startswith(_BOMS) or utf16_encoding(head):
        return None
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({name}), not text"
    sample = head[:8192]
    if b"\x00" in sample and (not corpus or sample.count(0) > len(sample) // 2):
        return "binary file (contains NUL bytes), not text"
    if sample and len(_CONTROL.findall(sample)) > len(sample) // (2 if corpus else 20):
        return "binary file (control characters), not text"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode ``data``: UTF-8 (with or without BOM) first, else the encoding charset-normalizer finds.

    Raises :class:`UnreadableInput` for binary data or bytes no encoding explains.
    """
    why = sniff_binary(data[:8192])
    if why:
        raise UnreadableInput(why)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    wide = utf16_encoding(data[:4096])
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput("cannot decode text: not UTF-8 and no known encoding fits")
    return str(best)


# Mojibake markers: UTF-8 bytes read as cp1252/latin-1 ("Ã©", "â€™", "Â ").
_MOJIBAKE = re.compile("[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")

_SPACE_MAP = {c: " " for c in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))}
_SPACE_MAP.update({c: None for c in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)})
_SPACE_MAP.update({0x2028: "\n", 0x2029: "\n\n", 0x85: "\n"})
_ODD_SPACE = re.compile("[\t\x0b\x0c\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\x85]")
_MULTI_BLANK = re.compile(r"\n{3,}")


def normalise_space(text: str) -> str:
    """Unify line ends, turn odd spaces into plain ones, drop zero-width characters,
    strip spaces at line ends and starts, collapse runs of spaces and of blank lines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_SPACE.search(text):
        for char in set(_ODD_SPACE.findall(text)):
            text = text.replace(char, _SPACE_MAP[ord(char)] or "")
    if " \n" in text or "\n " in text:
        text = "\n".join([line.strip(" ") for line in text.split("\n")])
    while "  " in text:
        text = text.replace("  ", " ")
    if "\n\n\n" in text:
        text = _MULTI_BLANK.sub("\n\n", text)
    return text.strip()


#: ftfy repairs about 1 MB a second; longer texts get the plain round trip below.
FTFY_MAX_CHARS = 500_000
# One UTF-8 character's bytes as cp1252 shows them: a lead byte, then 1-3 continuation bytes.
_CP1252_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a" \
               "\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE_CHAR = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")


def _round_trip(match: re.Match) -> str:
    try:
        return match.group(0).encode("cp1252").decode("utf-8")
    except UnicodeError:  # not a UTF-8 sequence after all: leave it as written
        return match.group(0)


def repair_text(text: str) -> str:
    """Repair mojibake (only when markers are present) and normalise white space.

    ftfy (careful, about 1 MB a second) repairs texts up to :data:`FTFY_MAX_CHARS`; a
    longer text gets each mojibake sequence re-read as the UTF-8 it was ("â‚¬" → "€"),
    which keeps a multi-megabyte scrape to a fraction of a second.
    """
    text = valid_unicode(text)
    if _MOJIBAKE.search(text):
        if len(text) <= FTFY_MAX_CHARS:
            import ftfy

            text = ftfy.fix_encoding(text)
        else:
            text = _MOJIBAKE_CHAR.sub(_round_trip, text)
    return normalise_space(text)
