"""Fields from leads and bylines: source, authors, dateline (resolved against the edition date)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from publisher.edition import patterns as P

_ROLE_SPLIT = re.compile(P.ROLE_WORDS)
_NAME_SEP = re.compile(r"[、，,；;：:\s]+")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass
class Credit:
    """What a lead or byline says about where the article comes from."""

    source: str | None = None
    authors: list[str] = field(default_factory=list)
    place: str | None = None
    date: dt.date | None = None


def cn_number(text: str) -> int | None:
    """Arabic or Chinese numerals (七, 十二, 二十三) to int."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
        else:
            return None
    return total + digit or None


def resolve_date(month: int, day: int, edition: dt.date | None) -> dt.date | None:
    """A month and day printed in an edition: the most recent such date not after it (+7 days)."""
    if edition is None:
        return None
    for year in (edition.year, edition.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= edition + dt.timedelta(days=7):
            return candidate
    return None


def names(text: str) -> list[str]:
    """Person names from a credit: role words dropped, 、 and spaces split, 袁 泉 kept whole."""
    out: list[str] = []
    for part in _ROLE_SPLIT.split(text):
        tokens = [t for t in _NAME_SEP.split(part) if t]
        merged: list[str] = []
        for tok in tokens:
            if merged and len(tok) == 1 and len(merged[-1]) == 1:
                merged[-1] += tok
            else:
                merged.append(tok)
        out.extend(t for t in merged if re.fullmatch(r"[\u4e00-\u9fff·]{2,6}", t))
    return out


def _source(raw: str | None) -> str | None:
    if not raw:
        return None
    return raw.removeprefix("据") or None


def parse_lead(text: str, edition: dt.date | None) -> Credit | None:
    """本报讯（记者X）, 新华社北京4月1日电（记者X）, 广西云—广西日报讯（记者X）."""
    m = P.LEAD_DIAN.match(text)
    if m:
        date = None
        if m.group("month"):
            date = resolve_date(int(m.group("month")), int(m.group("day")), edition)
        return Credit(
            source=_source(m.group("src")),
            authors=names(m.group("cred") or ""),
            place=m.group("place") or None,
            date=date,
        )
    m = P.LEAD_XUN.match(text)
    if m and re.fullmatch(P.SOURCE, m.group("src")):
        return Credit(source=_source(m.group("src")), authors=names(m.group("cred") or ""))
    return None


def parse_byline(text: str) -> Credit | None:
    """□新华社记者 胡洁, 本报记者 X 通讯员 Y."""
    m = P.BYLINE.match(text)
    if not m:
        staff = P.STAFF_BYLINE.match(text)
        return Credit(source=_source(staff.group("src"))) if staff else None
    authors = names(m.group("body"))
    if not authors:
        return None
    return Credit(source=_source(m.group("src")), authors=authors)


def is_byline(text: str) -> bool:
    return len(text) <= 40 and not any(c in text for c in "，。！？；") and (
        parse_byline(text) is not None
    )


_AGENCIES = frozenset({"本报", "新华社", "中新社"})


def is_lead(text: str) -> bool:
    """A paragraph opening with source (and dateline) and going on with the story."""
    if len(text) <= 12 or text[0] in "（(":
        return False
    m = P.LEAD_DIAN.match(text) or P.LEAD_XUN.match(text)
    if not m or not re.fullmatch(P.SOURCE, m.group("src")):
        return False
    gd = m.groupdict()
    return bool(gd.get("month") or gd.get("cred") or m.group("src") in _AGENCIES)
