"""Join paragraphs that column breaks split, also in the middle of a word.

A block that does not end a sentence is continued by the next block unless it
looks like a heading; for short heading-like blocks jieba decides whether the
two halves form a word across the break (三级党委高 | 度重视).
"""

from __future__ import annotations

import re
from functools import lru_cache

from publisher.edition import patterns as P
from publisher.edition.fields import is_lead
from publisher.edition.header import first_word_is_name, word_tag
from publisher.edition.pairs import opens_cut
from publisher.edition.words import echoed_across, word_across, word_ends

_ENDS_PARAGRAPH = set(P.TERMINAL) | set("”’」』）)—：；:;")
_CONTINUES = set("，、,（(《“‘〈「『")
_STARTS_INSIDE = set("，。、；：！？）》”’」』%‰…,.;:!?)")
_CLOSERS = set("）)》”’」』")
_FUNCTION_END = set("的了着和与及或在对把被将从向以于等之其所而并且也都就还又再很没这那每各该")
#: coverbs and modals that never end a heading when they are words of their own
_COVERB_END = set("为由给至要能会应须")
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("「", "」"), ("『", "』"))
HEADING_MAX = 50
_COUNTERS = set("年月日号时分秒万亿千百个多余%‰倍件人名家项位元度次天周岁米吨")
_CONNECTIVE = re.compile(
    "^(?:至于|但是|而且|并且|因此|然而|所以|况且|何况|以及|此外|不过|可是|从而|进而|除了)"
)
#: a paragraph never opens with a bound particle (的影响, 了阅读变革)
_MID_SENTENCE = re.compile("^[的了着过得们等于][\u4e00-\u9fff]")
#: a determiner or a number waiting for its noun (这条 | 哈大高铁, 14个 | 问题): no heading ends so
_NEEDS_NOUN = re.compile("(?:[这那每各该此某]|[0-9一二三四五六七八九十百千万两几])"
                         "(?:[个条位些种项名家次件座场批]|系列)$")
#: a thing named, then its count (党员10027.1万名, 基层党组织525.0万个): its noun is before it
_COUNTED = re.compile("^[\u4e00-\u9fff]{2,}[0-9][0-9.]*[万亿]?[个条位种项名家次件座场批]$")
#: an enumeration going on across the break (王晨、曹建明、沈 | 跃跃、吉炳轩)
_LIST_GOES_ON = re.compile("^[^，。、]{1,4}、")
#: a list cut after one character of its next item (…静水深流、成 | 风化俗)
_ONE_CHAR_ITEM = re.compile("[\u4e00-\u9fff]{2}、[\u4e00-\u9fff]$")
#: one character and a comma: the end of a clause, never the start of a paragraph (起，…)
_CLAUSE_END = re.compile("^[\u4e00-\u9fff][，、]")
#: an adverb needing the subject before it (…力度，一汽集团 | 也取得了突破) opens no paragraph
_ADVERB_START = re.compile("^[也却亦]")
#: a conjunction joining a noun before it (…一线的青年官兵 | 和军队文职人员，…) opens no paragraph
_CONJ_START = re.compile("^[和与及并或]")
#: a verb and 了 with no subject (…势头，给中国品牌新能源车企 | 带来了压力)
_VERB_LE = re.compile("^(?!除了|为了|到了)[\u4e00-\u9fff]{2}了")
#: a time or circumstance and a comma open a sentence, not a heading (截至4月19日，… 疫情发生后，…)
_ADVERBIAL_OPENING = re.compile(
    r"^(?:[^，]{0,8}(?:年来|以来|之后|之前|期间|前夕)|[^，]{0,6}\d+[年月日][^，]{0,4}"
    r"|[^，]{2,8}[前后时]|据悉|目前|当前|如今|近日|同日|同时|此外|其中|截至[^，]{2,12})，"
)
#: reported speech opens a sentence, not a heading (拉布表示，…)
_SPEECH_OPENING = re.compile(r"^[^，。]{1,20}(?:说|表示|指出|强调|介绍|认为|要求|透露|坦言|称)，")
#: a block opening with a speech verb and a comma has its speaker before the break (…时 | 表示，…)
_SPEECH_GOES_ON = re.compile(r"^(?:表示|指出|强调|认为|介绍|坦言|透露|说)[，：:]")
#: the locatives that close a 在… frame (在…领导下, 在…期间)
_LOCATIVES = "下中上里时后前间内外"
#: 在… left open: the next block's first clause closes it (在…党中央 | 坚强领导下，…)
_FRAME_CLOSE = re.compile(rf"^[^，。；：！？]{{0,12}}[{_LOCATIVES}]，")
#: the first sentence of a block: a block whose first sentence is a word or two ends one
_FIRST_SENTENCE = re.compile(r"^[^。！？；]*[。！？；]")
#: a question put as 是…的 (…是如何炼成的, …是怎样创造的): its 的 closes it, no noun follows
_CLEFT_QUESTION = re.compile("是(?:如何|怎样|怎么|何以)[\u4e00-\u9fff]{1,8}的$")
_SENTENCE_START = re.compile(r"^(?:问|答)[：:]|^(?:\d{4}年)?\d{1,2}月\d{1,2}日[^，]{0,6}，")


def unbalanced(text: str) -> bool:
    """An opening bracket or quote left open: the text goes on in the next block."""
    return any(a in text and text.count(a) > text.count(b) for a, b in _PAIRS)


@lru_cache(maxsize=8192)  # asked of the same unit by every stage (joins, units, sections, runs)
def heading_like(text: str) -> bool:
    """Short, no sentence end inside: could be a headline, kicker or intertitle."""
    limit = HEADING_MAX * 2 if P.column_named(text) else HEADING_MAX  # a long column name
    return (
        len(text) <= limit
        and not _SENTENCE_START.match(text)
        and not any(c in _untagged(text) for c in "。！？!?")
        and text[-1:] not in ("，", "、", ",", "；", ";")
        and not text.rstrip("”’」』").endswith("…")  # trailing off (……”): a sentence
        and not ("…" in text and "，" in text)  # a list trailing off, then a clause: a sentence
    )


#: a question kicker runs to a line or so (…金蝉脱壳，…暗度陈仓？)
ASKING_MAX = 30


def asking_kicker(text: str, nxt: str) -> bool:
    """A short question straight over a column-tagged headline is that headline's kicker,
    not the last words of the story before: a story's text does not end on a bare question
    with a new story's headline under it. So is a short line trailing off (谎称赠送游戏皮肤、
    诱骗进入“明星粉丝群”……): a list of what the headline is about. So is a line closing on the
    kicker's dash with no sentence end (接诉即办、帮办代办……节后首个工作日，多地…工作人员——),
    though a list trailing off and a clause make it look like a sentence."""
    if text.endswith("——") and len(text) <= HEADING_MAX:
        return (not any(c in text for c in "。！？!?") and P.column_named(nxt)
                and heading_like(nxt))
    if len(text) > ASKING_MAX:
        return False
    trails = text.endswith("……") and "，" not in text
    body = text[:-2] if trails else text[:-1]
    return ((text.endswith(("？", "?")) or trails) and not any(c in body for c in P.TERMINAL)
            and P.column_named(nxt) and heading_like(nxt))


def _before_tag(text: str) -> str:
    """What a column tag closes (…澎湃 of …澎湃（坚定信心，…）); the whole line if it has none."""
    m = P.COLUMN_TAG.search(text) if P.column_named(text) else None
    return text if m is None else text[:m.start("tag") - 1]


def _untagged(text: str) -> str:
    """A column-tagged line without its tag and a question or exclamation mark closing what it
    tags: a reader's question over its answer (为什么说…？（读者点题）) is a headline."""
    head = _before_tag(text)
    if head is text:
        return head
    # an interjection inside it (瞧！咱老乡消费也挺“潮”（…）) is the headline's own, too
    return head.replace("！", "").replace("!", "").rstrip("？?")


def _starts_mid_sentence(right: str) -> bool:
    """The block opens with a particle that is a word of its own (的 | 影响, not 了解)."""
    return 1 in word_ends(right[:6])


def _open_frame(left: str, right: str) -> bool:
    """A fragment opening with 在 whose locative (下, 中, 时 …) is in the next block."""
    if not left.startswith("在") or "，" in left or not _FRAME_CLOSE.match(right):
        return False
    ends = word_ends(left)
    return not any(c in _LOCATIVES and i in ends and i + 1 in ends
                   for i, c in enumerate(left))


def _sentence_clause(left: str) -> bool:
    """A lone line whose first clause runs over 7 characters before its comma reads as a
    sentence: the clauses of a comma heading are short set phrases (勤学深悟，夯实…). A comma
    inside a column tag is the column's own (…澎湃（坚定信心，打开改革发展新天地）)."""
    head = _before_tag(left)
    return ("，" in head and len(head.split("，", 1)[0]) > 7 and not P.ORDINAL_PREFIX.match(left)
            and not re.search(r"\d[：:]", left))


def _waits_for_verb(left: str) -> bool:
    """A coverb or modal as the line's last word (…以人民为 | 中心, …将于5月18日至 | 19日,
    …人员要 | 主动救助): its verb or object is in the next block; no heading ends so."""
    if left[-1:] not in _COVERB_END:
        return False
    tail = left[-8:]
    return len(tail) - 1 in word_ends(tail)


def _ends_a_sentence(right: str) -> bool:
    """The block's first sentence is a word or two (遵循。…): the end of the one before."""
    m = _FIRST_SENTENCE.match(right)
    return m is not None and len(m.group().strip("“”‘’")) <= 4


def _lead_head(text: str) -> bool:
    """Source and dateline alone (新华社北京4月1日电): the lead goes on in the next block."""
    if text[-1:] not in "电讯" and text[-1:] not in "）)":
        return False
    m = P.LEAD_DIAN.match(text)
    if m is None:
        m = P.LEAD_XUN.match(text)
        if m is None or not re.fullmatch(P.SOURCE, m.group("src")):  # 喜讯 is a heading
            return False
    return m.end() == len(text)


def should_join(left: str, right: str, *, left_is_start: bool, page: str = "",
                after_text: bool = False, under_heading: bool = False,
                page_top: bool = False) -> bool:
    """Whether `right` continues the paragraph that `left` ends with.

    `page_top`: `left` opens the page or follows a story's （下转…）, and no （上接…） line
    stands over it.
    """
    if not left or not right:
        return False
    last, first = left[-1], right[0]
    if (first in _STARTS_INSIDE and left_is_start and page_top and heading_like(left)
            and not unbalanced(left) and not is_lead(left)):
        return False  # a page (or the place a story left) opens with a headline, never
                      # mid-sentence: the first column was lost
    if first in _STARTS_INSIDE and left_is_start and P.TWO_PART.match(left) and not is_lead(left):
        return False  # a two-part headline (住得更暖心 过得更舒心) over a lost first column
    if (first in _STARTS_INSIDE and left_is_start and heading_like(left)
            and left.endswith(("）", ")")) and P.COLUMN_TAG.search(left)
            and (under_heading or P.column_named(left))):
        return False  # a tagged headline (…（权威发布）) over a lost first column
    if (first in _CLOSERS and left_is_start and heading_like(left) and not unbalanced(left)
            and not is_lead(left)):
        return False  # a closing bracket or quote that nothing opens: the text before it was lost
    if first in _STARTS_INSIDE or (last == first == "—"):  # also a —— split in two
        return True
    if (last in "）)" and left_is_start and after_text and "，" in left and heading_like(left)
            and not heading_like(right) and not is_lead(right)
            and (_ADVERBIAL_OPENING.match(left) or _SPEECH_OPENING.match(left)
                 or _sentence_clause(left))):
        return True  # a sentence's first words ending in a name's gloss (…中欧班列（成都）)
    if last in _ENDS_PARAGRAPH:
        return False
    if last in _CONTINUES:  # a comma never ends a heading, not even a —— one
        return True
    # a subheadline, however long, unless it ends inside a word (——2018年7月1日，汽 | 车整车…)
    if under_heading and left_is_start and left.startswith("—") and not word_across(left, right):
        return False
    if unbalanced(left):
        return True
    if left_is_start and heading_like(left) and opens_cut(right):
        return False  # the text under it closes what no line opened: its start was lost
    # a number split (96. | 5%), not a series number closing a heading (…基础① | 2025年…)
    if last in "0123456789." and (first.isdigit() or first in _COUNTERS):
        return True
    if left_is_start and last in _FUNCTION_END and heading_like(left) and _parallel(left):
        return False  # 新型肥料火了  优质种子多了  农药用量少了: each phrase closes as the last
    if ((last in _FUNCTION_END and not (left_is_start and heading_like(left)
                                        and (_noun_end(left) or _CLEFT_QUESTION.search(left))))
            or (last in "使让令" and len(left[-8:]) - 1 in word_ends(left[-8:]))):
        return True  # …的, …于; a causative 使/让 waiting for its object (…反而使 | 雷诺阿…)
    if _lead_head(left):  # 据新华社北京3月20日电 | 3月20日，…
        return True
    if left_is_start and heading_like(left):
        if is_lead(left):  # a lead is the story's first paragraph, never a heading
            return True
        if P.ORDINAL_PREFIX.match(right):  # （二十一）… opens an item of its own
            return False
        if not heading_like(right) and (_ADVERBIAL_OPENING.match(left)
                                        or _SPEECH_OPENING.match(left)):
            return True
        if _open_frame(left, right) or _SPEECH_GOES_ON.match(right):
            return True
        if after_text and P.POST_END.search(left) and _opens_with_name(right):
            return True  # …有限公司董事长 | 史东浩认为，…: a post, and its holder in the next block
        if after_text and _sentence_clause(left) and not heading_like(right):
            return True
        if after_text and _ends_a_sentence(right):
            return True
        # headings do not open with 至于, 而且, 因此 …, nor end waiting for a noun
        if _CONNECTIVE.match(left) or (_NEEDS_NOUN.search(left) and not _counts(left)):
            return True
        if _waits_for_verb(left) and not P.ORDINAL_PREFIX.match(left):
            return True
        clauses = left.split("，")
        if len(clauses) > 1 and (len(clauses[-1]) < 4 or max(map(len, clauses)) > 20):
            return True
        if word_across(left, right):
            return True
        if left.count("、") >= 3 and _LIST_GOES_ON.match(right):
            return True
        if _ONE_CHAR_ITEM.search(left) and not heading_like(right):
            return True  # …静水深流、成 | 风化俗，…: a heading's list ends in a whole item
        # a lone line between paragraphs, then `起，…`: a column break (a lost first
        # column leaves such an opening too, but under a heading run, not one line)
        if after_text and _CLAUSE_END.match(right):
            return True
        if _MID_SENTENCE.match(right) and _starts_mid_sentence(right):
            return True
        if _ADVERB_START.match(right) and 1 in word_ends(right[:6]):
            return True
        if (after_text and _CONJ_START.match(right) and not heading_like(right)
                and 1 in word_ends(right[:6])):  # under a heading: a lost first column
            return True
        if "，" in left and _VERB_LE.match(right) and 2 in word_ends(right[:6]):
            return True  # a heading's comma never leaves its clause to the next block
        # a heading before a heading stays apart, even when a lead repeats their words
        return not heading_like(right) and echoed_across(left, right, page)
    return True


def _noun_end(text: str) -> bool:
    """A heading ending in a noun whose last character is a function one (…相互成就, …的目的):
    the noun ends it, nothing waits for the next block."""
    tail = text[-8:]
    ends = sorted(word_ends(tail))
    word = tail[ends[-2] if len(ends) >= 2 else 0:]
    return len(word) >= 2 and word_tag(word).startswith("n")


def _counts(text: str) -> bool:
    """Phrases set apart by spaces, each a thing and its count (党员10027.1万名  基层党组织
    525.0万个): a heading of figures, whole; its last count waits for no noun."""
    phrases = text.split()
    return len(phrases) >= 2 and all(_COUNTED.match(p) for p in phrases)


def _parallel(text: str) -> bool:
    """Phrases set apart by spaces that all end in one word (…火了  …多了  …少了): a heading
    of parallel clauses, whole at its last one; a wrapped sentence has no such spacing."""
    phrases = text.split()
    return len(phrases) >= 2 and all(len(p) >= 3 for p in phrases) and len(
        {p[-1] for p in phrases}) == 1


def _opens_with_name(text: str) -> bool:
    """Prose opening with a person's name (史东浩认为，…)."""
    return not heading_like(text) and first_word_is_name(text[:8])


def _label(text: str) -> bool:
    """A line that is a label or an intertitle by its shape (核心阅读, 一、…, …：, 【…】)."""
    return bool(P.FRONT_LABEL.match(text) or P.SIDEBAR_LABEL.match(text)
                or P.ORDINAL_PREFIX.match(text) or text.endswith(("：", ":"))
                or text[:1] in "【■□●◆")


def join_fragments(texts: list[str], starts_ok: list[bool],
                   opening: frozenset[int] = frozenset(),
                   fresh: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """Merge consecutive fragments; returns (index of first fragment, merged text).

    `opening`: fragments right under a byline printed below a heading: the story's first
    paragraph starts there, so a heading-like line goes on in the text under it.
    `fresh`: fragments that open a story's place, no （上接…） line over them: the page's
    first, and the first after a story's （下转…）.
    """
    out: list[tuple[int, str]] = []
    page = "\n".join(texts)
    for i, text in enumerate(texts):
        if out and starts_ok[i]:
            idx, prev = out[-1]
            single = idx == i - 1
            if (single and idx in opening and heading_like(prev) and not heading_like(text)
                    and not _label(prev) and not is_lead(text)):
                out[-1] = (idx, prev + text)
                continue
            before = out[-2][1] if len(out) >= 2 else ""
            # a question or a line trailing off over a tagged headline: its kicker, no text
            after_text = (bool(before) and not heading_like(before)
                          and not asking_kicker(before, prev))
            if should_join(prev, text, left_is_start=single, page=page, after_text=after_text,
                           under_heading=bool(before) and not after_text,
                           page_top=idx in fresh):
                out[-1] = (idx, prev + text)
                continue
        out.append((i, text))
    return out
