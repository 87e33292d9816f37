"""Split a run of heading lines into kicker (引题), headline (主题) and subheadline (副题)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from publisher.edition import patterns as P
from publisher.edition.words import word_ends


@dataclass
class Header:
    headline: str
    kicker: str | None = None
    subheadline: str | None = None

    def role_of(self, text: str) -> str:
        if text == self.headline:
            return "headline"
        if self.kicker and text in self.kicker:
            return "kicker"
        return "subheadline"


@lru_cache(maxsize=1)
def _posseg() -> object:
    from jieba import posseg

    from publisher.edition.words import jieba_loaded

    jieba_loaded()
    return posseg


def _words(text: str) -> list[tuple[str, str]]:
    pseg = _posseg()
    return [(w.word, w.flag) for w in pseg.cut(text)]  # type: ignore[attr-defined]


def word_tag(word: str) -> str:
    """jieba's part of speech for a dictionary word ("" for one it does not know): a look-up,
    without cutting."""
    return str(_posseg().dt.word_tag_tab.get(word, ""))  # type: ignore[attr-defined]


def _has_verb(text: str) -> bool:
    return any(flag.startswith("v") for _, flag in _words(text))


def _starts_with_verb(text: str) -> bool:
    words = [(w, f) for w, f in _words(text) if w.strip()]
    return bool(words) and words[0][1].startswith("v")


#: word classes a person's name is cut into besides its surname (庄|永明 nz, 王|锦涛 n)
_NAME_PARTS = ("n", "z", "a", "g")


def first_word_is_name(text: str) -> bool:
    """jieba reads the text's first word as a person's name (nr…)."""
    words = [f for w, f in _words(text) if w.strip()]
    return bool(words) and words[0].startswith("nr")


def bare_name(text: str) -> bool:
    """A person's name alone on its line (王  浩, 黎昊阳): no title, no 记者. jieba reads its
    first word as a name (nr); what follows is no verb, particle or number."""
    han = "".join(text.split())
    if not 2 <= len(han) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in han):
        return False
    words = _words(han)
    return words[0][1].startswith("nr") and all(f.startswith(_NAME_PARTS) for _, f in words[1:])


def signing_name(text: str) -> bool:
    """A name signing a section under its heading: a bare name, or a surname jieba reads alone
    with a two-character given name it takes for a word of its own (肖|启明, v)."""
    if bare_name(text):
        return True
    han = "".join(text.split())
    if len(han) != 3 or not all("\u4e00" <= c <= "\u9fff" for c in han):
        return False
    words = _words(han)
    return (len(words) == 2 and len(words[0][0]) == 1 and words[0][1] == "nr"
            and not words[1][1].startswith(("u", "p", "m", "q", "c", "d")))


_CREDIT = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:]\s*(\S.{1,19})$")


def credit_line(text: str) -> bool:
    """Who put the page together or where its figures come from (本期统筹：刘静文, 资料来源：
    某省某厅): a short label, a colon, a name or an organisation with no verb. It closes the
    story above it; a heading so set says what happened (钢铁业：深度调整显韧性)."""
    m = _CREDIT.match("".join(text.split()))
    if not m:
        return False
    rest = m.group(1)
    if bare_name(rest):
        return True
    flags = [f for w, f in _words(rest) if w.strip()]
    return (flags[0] in ("ns", "nt") and flags[-1].startswith("n")
            and not any(f == "v" or f.startswith(("u", "p", "d")) for f in flags))


def sub_start(text: str) -> bool:
    """A line opening like a subheadline (——…, 写在…, 记…, 访…): the opening word is a word
    of its own, not the first characters of another (记忆馆…, 记者…, 访谈…, 论坛…)."""
    m = P.SUB_START.match(text)
    if m is None:
        return False
    return m.group().startswith("—") or m.end() in word_ends(text[:m.end() + 4])


def _sub_like(text: str) -> bool:
    return bool(sub_start(text) or P.SUB_END.search(text) or P.SERIES_END.search(text))


def _headline_index(run: list[str]) -> int:
    # a `——` line is the subheadline whatever closes it: a document's date, （2024年12月30日）
    tagged = [i for i, t in enumerate(run) if t.endswith(("）", ")")) and P.COLUMN_TAG.search(t)
              and not t.startswith("—")]
    if tagged:
        return tagged[0]
    first, second = run[0], run[1]
    if second.startswith("—") or _sub_like(second):
        return 0
    if " " not in first and listing(second) and len(first) < len(second):
        return 0  # a short line over what a meeting did, phrase by phrase: its subheadline
    if _phrase_list(first):
        return 1  # 记住要求、心有榜样、从小做起、接受帮助 over what they add up to
    if "，" in first and "，" in second and len(second) < len(first):
        return 1  # a longer comma line over a shorter one: kicker and headline
    if P.KICKER_END.search(first) or first.startswith("就"):
        return 1
    if _place_then_figure(first, second):
        return 0
    if _quoted(first) and not _quoted(second):
        return 0  # someone's words over who says them (国际人士看中国共产党成功之道)
    if not _has_verb(first):
        return 1
    if P.TWO_PART.match(second) and not P.TWO_PART.match(first):
        return 1  # a headline of two phrases under its kicker (…改革试点 / 打破数据壁垒  助力…)
    if len(second) > len(first) and first_word_is_name(second):
        return 0  # a longer line on whose words the headline echoes: 习近平总书记…重要讲话…
    if _starts_with_verb(second) and not _headline_under_kicker(first, second):
        return 0
    return 1


def _place_then_figure(first: str, second: str) -> bool:
    """A line opening with a place and saying what it did, no figure in it, over a line giving
    a figure (广东古树名木保护提升行动不断推进 / 已建成古树公园210个): headline and its
    subheadline; the figure is what the place's work came to."""
    return (_DIGIT.search(second) is not None and _DIGIT.search(first) is None
            and _words(first)[0][1] == "ns")


_DIGIT = re.compile("[0-9]")


def _quoted(text: str) -> bool:
    """A line that is one quotation (“中国共产党的‘初心’就是为了人民”): words quoted as a
    headline."""
    return text.startswith("“") and text.endswith("”") and text.count("“") == 1


def _headline_under_kicker(first: str, second: str) -> bool:
    """A line opening with a verb is a headline still when it sets two clauses apart by a
    comma (某市探索社区治理新路径 / 建立服务清单，凝聚居民力量), when it runs longer than the line
    over it (省政府常务会议审议通过 / 公布《某省公共数据管理办法》) or when that line lists three
    things or more (看得见、摸得着、用得上… / 做好…), or when it opens on a causative 让 (以钉钉子
    精神加强作风建设 / 让党旗在基层一线高高飘扬: it urges, in a headline's voice) or quotes a
    catchword the line over it does not (浙江义乌助力重点群体就业 / 就业服务“送到家”): a subheadline
    opening so goes on from the line over it, shorter (广西新增38家国家级绿色工厂 / 新添1家绿色
    工业园区), and says what was done."""
    _title, *name = second.split(None, 1)
    if name and bare_name(name[0]):
        return False  # an author's title and name (某大学经济学院院长  张  辉)
    return ("，" in second or first.count("、") >= 2 or second.startswith("让")
            or ("“" in second and "“" not in first)
            or len("".join(second.split())) > len("".join(first.split())))


#: a kicker listing short phrases: three or more of up to eight characters
_PHRASE_LIST = re.compile("^[\u4e00-\u9fff“”]{2,8}(?:、[\u4e00-\u9fff“”]{2,8}){2,}$")


def _phrase_list(text: str) -> bool:
    """Three or more short phrases set apart by `、` (向新而行、向智发力、向高攀登): a kicker
    naming what the headline under it adds up to; no headline is a bare list."""
    return bool(_PHRASE_LIST.match(text))


def listing(text: str) -> bool:
    """Three or more phrases set apart by spaces (习近平发表重要讲话  李强作总结讲话  …出席会议);
    a kicker so set stands over a line of its own length or shorter."""
    phrases = text.split()
    return len(phrases) >= 3 and all(len(p) >= 4 for p in phrases)


def _clean_sub(text: str) -> str:
    return text.lstrip("—-– ").strip()


def split_header(run: list[str]) -> Header:
    """Kicker before the headline, subheadline after it (its leading —— dropped)."""
    if len(run) == 1:
        return Header(headline=run[0])
    h = _headline_index(run)
    kicker = " ".join(run[:h]) or None
    rest = [_clean_sub(t) for t in run[h + 1:]]
    sub = " ".join(t for t in rest if t) or None
    return Header(headline=run[h], kicker=kicker, subheadline=sub)


def sub_ok(text: str) -> bool:
    """A line after the headline that really is a subheadline, not the story's first words."""
    return text.startswith("—") or _sub_like(text) or listing(text)
