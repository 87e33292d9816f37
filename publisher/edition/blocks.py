"""Split normalized page text into blocks and recognise page furniture.

A block is what lies between blank lines.  Furniture (masthead, date lines, page
numbers, 第N版, 今日N版, staff lines, the publication's own name) is recognised
without configuration; Publication.masthead lines are dropped when known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from publisher.edition import patterns as P

_BLANK = re.compile(r"\n[ \t\u3000]*\n")
_WS = re.compile(r"\s+")
_WEEKDAY = re.compile(P.WEEKDAY)


@dataclass
class Block:
    """One block of page text and the role the classifier gave it."""

    text: str
    role: str = "text"


def _squash(text: str) -> str:
    """The text without whitespace (fast path: after normalizing only ASCII spaces are left)."""
    flat = text.replace(" ", "")
    return flat if flat.isprintable() else _WS.sub("", flat)


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and out[-1].isascii() and line[:1].isascii() and out[-1] != " ":
            out += " "
        out += line
    return out


def is_furniture(text: str, names: frozenset[str]) -> bool:
    """Date lines, page numbers, 第N版/今日N版, staff lines, serials, the paper's name."""
    flat = _squash(text)
    if not flat:
        return True
    if flat in names:
        return True
    if len(flat) > 80:  # every kind of furniture is short
        return False
    if len(flat) <= 40 and (P.DATE_LINE.match(text) and any(c.isdigit() for c in flat)):
        return True
    if len(flat) <= 20 and _WEEKDAY.fullmatch(flat):
        return True
    if len(flat) <= 16 and P.PAGE_NO.match(flat):
        return True
    if len(flat) <= 60 and P.STAFF.match(flat):
        return True
    if len(flat) <= 80 and P.SERIAL.search(flat):
        return True
    return bool(len(flat) <= 40 and P.LATIN_ONLY.match(text.strip()))


def split_blocks(
    text: str, *, publication_names: frozenset[str] = frozenset(),
    masthead: frozenset[str] = frozenset(),
) -> list[Block]:
    """Blocks with furniture, masthead and jump lines marked; the rest are 'text'."""
    blocks: list[Block] = []
    names = frozenset(_squash(n) for n in publication_names if n)
    mast = frozenset(_squash(m) for m in masthead if m)
    seen_text = False
    for raw in _BLANK.split(text):
        lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
        if not lines:
            continue
        kept = [ln for ln in lines if _squash(ln) not in mast] if mast else lines
        if len(kept) < len(lines):
            blocks.append(Block("\n".join(ln for ln in lines if ln not in kept), "masthead"))
        if not kept:
            continue
        if len(kept) > 1 and not seen_text and all(
                len(_squash(ln)) <= 24 and ln[-1] not in P.TERMINAL for ln in kept):
            blocks.append(Block("\n".join(kept), "masthead"))
            continue
        if len(kept) > 1 and all(is_furniture(ln, names) for ln in kept):
            blocks.append(Block("\n".join(kept), "furniture"))
            continue
        joined = _join_lines(kept)
        if is_furniture(joined, names):
            blocks.append(Block(joined, "furniture"))
        elif P.JUMP_BLOCK.match(joined):
            blocks.append(Block(joined, "jump"))
        else:
            blocks.append(Block(joined, "text"))
            seen_text = True
    _numbered_items(blocks)
    return blocks


_ITEM_NO = re.compile(r"^[1-9]\d?$")


def _numbered_items(blocks: list[Block]) -> None:
    """A bare number between paragraphs (1, 2 … over the questions of an interview) numbers
    the story's items; page numbers stand above the first story (03) or are printed 第3版."""
    texts = [i for i, b in enumerate(blocks) if b.role == "text"]
    if len(texts) < 2:
        return
    first, last = texts[0], texts[-1]
    for i in range(first + 1, last):
        block = blocks[i]
        if block.role == "furniture" and _ITEM_NO.match(block.text):
            block.role = "text"
