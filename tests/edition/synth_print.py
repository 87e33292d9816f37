"""Printing primitives of the synthetic editions: extraction spaces, column breaks, jump
lines, numbered intertitles, page furniture and file encodings (see synth.py)."""

from __future__ import annotations

import random
import re

LINE = 12  # characters on a column line of the corpus pages (shortest first part)
CN = "〇一二三四五六七八九十"
NAMES = ["张明", "李晓红", "王 磊", "刘洋", "陈静怡", "赵刚", "孙丽", "周 强", "吴海燕", "郑凯"]
_BOUND = re.compile(r"(?<=[\u4e00-\u9fff，。、；：“”（）])(?=[0-9A-Za-z])"
                    r"|(?<=[0-9A-Za-z%])(?=[\u4e00-\u9fff，。、；：“”（）])")


def spaced(text: str, rng: random.Random) -> str:
    """Extraction spaces between CJK and ASCII runs, as PDF-to-text puts them."""
    return _BOUND.sub(lambda _: " " if rng.random() < 0.6 else "", text)


def cut(text: str, rng: random.Random) -> list[str]:
    """A paragraph split by a column break: anywhere after the first line, or after punctuation.

    A column's first line holds LINE characters, so the first part is never shorter;
    short paragraphs and heading-like lines (≤ 50 characters, no 。！？) are not split:
    the corpus never splits them (a heading moves to the next column).
    """
    if len(text) < 2 * LINE or (len(text) <= 50 and not re.search("[。！？]", text)):
        return [text]
    at = rng.randint(LINE, len(text) - 2)
    if rng.random() < 0.3:
        stops = "。" if rng.random() < 0.1 else "，、；："
        marks = [i + 1 for i, c in enumerate(text[:-2]) if c in stops and i + 1 >= LINE]
        at = rng.choice(marks) if marks else at
    return [text[:at], text[at:]]


def jump(direction: str, page: int, rng: random.Random) -> str:
    num = CN[page] if rng.random() < 0.5 else f" {page} "
    return f"（{direction}{'转' if direction == '下' else '接'}第{num}版）"


def intertitles(paras: list[str], rng: random.Random) -> list[str]:
    """Numbered intertitles (一、…) over a long story, made from its paragraphs' first clause."""
    spots = sorted(rng.sample(range(1, len(paras)), 3))
    out = list(paras)
    for n, at in reversed(list(enumerate(spots))):
        clause = re.split(r"[，。、；：！？“”（）《》\s]", paras[at])[0][:12]
        if len(clause) >= 4:
            out.insert(at, f"{'一二三'[n]}、{clause}")
    return out


class Page:
    """The blocks of one page being laid out, with the column break model."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.room = rng, rng.randint(150, 700)
        self.blocks: list[str] = []

    def text(self, t: str) -> None:
        """A paragraph; it is cut when the column runs out (and at random)."""
        self.room -= len(t)
        parts = [t]
        if self.room < 0 or (len(t) > 40 and self.rng.random() < 0.15):
            self.room = self.rng.randint(150, 700)
            parts = cut(t, self.rng)
        self.blocks.extend(spaced(p, self.rng) for p in parts)


def furniture(num: int, blocks: list[str], rng: random.Random) -> list[str]:
    date = "2020 年 6 月 9 日  星期二"
    top = ["城南日报", "CHENGNAN RIBAO", date, "今日 8 版"] if num == 1 else (
        rng.sample([f"{num:02d}", date, f"第{num}版"], rng.randint(0, 2)))
    end = [f"本版责编：{rng.choice(NAMES)}"] if rng.random() < 0.3 else []
    return top + blocks + end


def encode(blocks: list[str], rng: random.Random) -> bytes:
    text = "\n\n".join(blocks) + "\n"
    enc = rng.choice(["utf-8", "utf-8-sig", "gb18030", "crlf"])
    if enc == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode(enc)
