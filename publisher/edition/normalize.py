"""Text normalization: line ends, control characters, full-width alphanumerics, extraction spaces.

Only full-width digits and Latin letters become half-width; CJK punctuation is kept
as printed (no blanket NFKC).  Every function here is idempotent.
"""

from __future__ import annotations

import re

_FULLWIDTH: dict[int, int | None] = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
# drop C0/C1 controls except newline and tab; tabs, form feeds and odd spaces become spaces
_CONTROLS: dict[int, int | None] = {
    c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)
}
_CONTROLS[0x09] = 0x20
_SPACES = {c: 0x20 for c in (0xA0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F)}
_ZERO_WIDTH = {c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}
_TABLE: dict[int, int | None] = {**_CONTROLS, **_SPACES, **_ZERO_WIDTH, **_FULLWIDTH}

CJK = (
    r"\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u25a0-\u25ff"
)
_ASCII = r"0-9A-Za-z%.,:;!?/+\-–'\"()&@#$*=<>\[\]_~"
_GAP_CJK_ASCII = re.compile(rf"(?<=[{CJK}])[ \u3000]+(?=[{_ASCII}])")
_GAP_ASCII_CJK = re.compile(rf"(?<=[{_ASCII}])[ \u3000]+(?=[{CJK}])")
_GAP_CJK_PUNCT = re.compile(
    r"(?<=[\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u201c\u2018\uff08\u300a])[ \u3000]+"
    r"|[ \u3000]+(?=[\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u201d\u2019\uff09\u300b])"
)
_MULTI = re.compile(r"[ \u3000]{2,}")
#: characters the translation table changes; most pages have none, so translate only then
_NEEDS_TABLE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE) if chr(c) != "\n") + "]"
)
_SPACE_RUN = re.compile(r"[ \u3000]+")
_MIXED = re.compile(rf"[{CJK}][{_ASCII}]|[{_ASCII}][{CJK}]")
_OPENS = frozenset("\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u201c\u2018\uff08\u300a")
_CLOSES = frozenset("\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u201d\u2019\uff09\u300b")
_LINE_EDGE = frozenset(("", "\n"))
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_line(line: str) -> str:
    """One line: translate characters, drop extraction spaces, collapse runs of spaces."""
    s = line.translate(_TABLE)
    if " " in s or "\u3000" in s:
        s = _GAP_CJK_ASCII.sub("", s)
        s = _GAP_ASCII_CJK.sub("", s)
        s = _GAP_CJK_PUNCT.sub("", s)
        s = _MULTI.sub(" ", s)
    return s.strip(" \u3000")


def _gap(m: re.Match[str]) -> str:
    """One run of spaces: dropped at line ends, between CJK and ASCII, next to CJK punctuation."""
    s, (i, j) = m.string, m.span()
    prev, nxt = s[i - 1:i], s[j:j + 1]
    if (prev in _LINE_EDGE or nxt in _LINE_EDGE or prev in _OPENS or nxt in _CLOSES
            or _MIXED.match(prev + nxt)):
        return ""
    return " " if j - i > 1 else m.group()


def normalize_text(text: str) -> str:
    """Whole page: LF line ends, every line normalized, runs of blank lines kept as one.

    Works on the whole text at once (same result as normalize_line on every line).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_TABLE.search(text):
        text = text.translate(_TABLE)
    text = _SPACE_RUN.sub(_gap, text)
    return _BLANK_RUN.sub("\n\n", text).strip("\n")
