"""Bytes to text: BOM sniffing, UTF-8, GB18030, UTF-16; refuse what is not text."""

from __future__ import annotations

import codecs
import unicodedata

from publisher.errors import EditionError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")
#: share of characters that may be control, private-use or unassigned before a file is refused
_MAX_JUNK = 0.02


def _sniff(data: bytes) -> tuple[str, bytes]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, data[len(bom):]
    return "", data


def _junk_ratio(text: str) -> float:
    if not text:
        return 0.0
    junk = 0
    for ch in text:
        if ch in _ALLOWED_CONTROLS:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
            junk += 1
    return junk / len(text)


def decode_page(data: bytes, *, file: str = "<bytes>") -> str:
    """Decode one page file; raise EditionError(key=file) when it is not text."""
    encoding, body = _sniff(data)
    if not encoding and b"\x00" in body:
        raise EditionError("not text: contains NUL bytes (binary or UTF-16 without BOM)", key=file)
    text: str | None = None
    if encoding:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as e:
            raise EditionError(f"not valid {encoding} after its BOM: {e.reason}", key=file) from e
    else:
        for candidate in ("utf-8", "gb18030"):
            try:
                text = body.decode(candidate)
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            raise EditionError("undecodable: neither UTF-8, GB18030 nor UTF-16 with BOM", key=file)
    if "\x00" in text:
        raise EditionError("not text: contains NUL characters", key=file)
    if _junk_ratio(text) > _MAX_JUNK:
        raise EditionError("not text: too many control or unassigned characters", key=file)
    return text
