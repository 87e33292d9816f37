"""Regular expressions shared by the classification and field steps.

Nothing here names a publication, a person or a headline: the patterns describe
how Chinese newspapers print furniture, leads, bylines, jump lines and headings.
"""

from __future__ import annotations

import re

NUM = r"[0-9一二三四五六七八九十百〇零两]+"
#: （下转第七版）, （上接第1版）; also without the direction, which the verb then gives:
#: （转第2版） continues on, （接第1版） and （紧接第一版） continue from
JUMP = re.compile(
    rf"[（(]\s*(?P<dir>[上下紧])?\s*(?P<verb>[接转])\s*第?\s*(?P<page>{NUM})\s*版\s*[）)]")
JUMP_BLOCK = re.compile(rf"^\s*{JUMP.pattern}\s*$")


def jumps_on(m: re.Match[str]) -> bool:
    """Whether a JUMP match sends the reader on (下转, 转) rather than back (上接, 接, 紧接)."""
    return m.group("dir") == "下" or (m.group("dir") is None and m.group("verb") == "转")

WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
DATE_LINE = re.compile(
    rf"^(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)?\s*(?:{WEEKDAY})?\s*"
    r"(?:农历\S*)?\s*$"
)
PAGE_NO = re.compile(rf"^(?:[A-Z]?\d{{1,3}}|第\s*{NUM}\s*版.{{0,8}}|今日\s*{NUM}\s*版|{NUM}\s*版)$")
STAFF = re.compile(
    r"^(?:(?:本版|责任|图片|美术|文字)?(?:责编|编辑|主编|统筹|策划|设计|制图|校对|摄影|监制)"
    r"|版式(?:设计)?|版面设计|本版制图|责任编辑|图片编辑|美术编辑)\s*[:：]"
)
SERIAL = re.compile(r"(?:国内统一连续出版物号|邮发代号|CN\s?\d{2}-\d{4}|ISSN)")
LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")

SOURCE = (
    r"(?:本报|新华社|中新社|人民网|央视网"
    r"|[\u4e00-\u9fff—\-·]{1,12}?(?:通讯社|日报|晚报|时报|报|社|网|台|云))"
)
LEAD_DIAN = re.compile(
    rf"^(?P<ju>据)?(?P<src>{SOURCE})(?P<place>[\u4e00-\u9fff·]{{1,12}}?)?"
    r"(?:(?P<month>\d{1,2})月(?P<day>\d{1,2})日)?电\s*"
    r"(?:[（(](?P<cred>[^（）()]{1,60})[）)])?"
)
#: the end of a lead whose first column was lost: 日电（记者X）, 电（记者X）, （记者X）
LEAD_TAIL = re.compile(r"^(?:\d{0,2}日)?电?\s*[（(](?:本报|特约)?记者(?!手记|札记|观察)"
                       r"[^（）()]{1,30}[）)]")
#: the rest of a credit whose opening was lost with the first column: 林）…, 心萍）… (not 一）)
LEAD_REST = re.compile(r"^(?![0-9一二三四五六七八九十]+[）)])[\u4e00-\u9fff·]{0,4}[）)]")
LEAD_XUN = re.compile(
    r"^(?P<src>[\u4e00-\u9fff—\-·]{1,16}?)讯\s*(?:[（(](?P<cred>[^（）()]{1,60})[）)])?"
)
ROLE_WORDS = (r"(?:特约评论员|评论员|特约记者|见习记者|实习记者|摄影记者|实习生|记者|通讯员|"
              r"特约撰稿人|撰稿人|摄影|文\s*/\s*图|文字|图片)")
BYLINE = re.compile(
    rf"^[□■◎●◇◆]?\s*(?P<src>{SOURCE})?\s*(?P<body>{ROLE_WORDS}\s*[\u4e00-\u9fff·].*)$"
    r"(?<!手记)(?<!观察)(?<!笔记)(?<!札记)(?<!随笔)(?<!感言)(?<!来信)"
)
#: an author's title and name under a signed article: 某公司总经理 张三, 某大学教授 李四
POSTS = (r"(?:经理|主任|局长|书记|部长|院长|校长|教授|研究员|主席|董事长"
         r"|总裁|理事长|会长|所长|厅长|市长|县长|区长|大使|总监)")
SIGNATURE = re.compile(rf"^[\u4e00-\u9fff·（）]{{2,24}}{POSTS}\s+[\u4e00-\u9fff·]{{2,4}}$")
#: a post closing a speaker's title (…有限公司总裁, …首席执行官)
POST_END = re.compile(rf"(?:{POSTS}|执行官|总编辑)$")
#: another outlet's reporter signing a part of a compilation: 《环球人物》记者  毛予菲,
#: 人民日报健康客户端记者  张  赫
MEDIA_BYLINE = re.compile(
    r"^(?:《[^《》]{2,12}》|[\u4e00-\u9fff]{2,12}(?:客户端|杂志|频道))(?:特约)?记者"
    r"\s*[\u4e00-\u9fff][\u4e00-\u9fff\s·]{1,30}$")
#: a credit without a name: 本报评论员, 新华社特约评论员
STAFF_BYLINE = re.compile(rf"^[□■◎●◇◆]?\s*(?P<src>{SOURCE})?\s*(?:特约)?评论员$")
ORDINAL = re.compile(rf"^[（(]?{NUM}[）)、.．]?$|^[（(]{NUM}[）)]$")
#: a column name in brackets closing a headline: （人民论坛）, （权威访谈）
COLUMN_TAG = re.compile(
    r"[^（(][（(](?P<tag>[^（）()]{1,45}(?:[（(][^（）()]{1,10}[）)])?[^（）()]{0,10})[）)]$"
)
_LATIN = re.compile("[A-Za-z]")
#: the longest headline before a column tag: corpus headlines run to about 32 characters
COLUMN_HEAD_MAX = 40
_HAN = re.compile("[\u4e00-\u9fff]")


def column_named(text: str) -> bool:
    """A line closing with a column's name in brackets (…（人民论坛）), not an abbreviation
    (…（GDP）, …（IMF））: the name is words, no Latin letters, no gloss (（以下简称…）), and
    what it closes is headline-long (a sentence's first column is not)."""
    m = COLUMN_TAG.search(text) if text.endswith(("）", ")")) else None
    return (m is not None and m.start("tag") <= COLUMN_HEAD_MAX
            and not _LATIN.search(m.group("tag")) and "简称" not in m.group("tag")
            and len(_HAN.findall(m.group("tag"))) >= 2)


TERMINAL = "。！？!?…"
SUB_START = re.compile(r"^(?:——|—|写在|论|访|探访|回访|纪念|记|要求|强调|部署)")
SUB_END = re.compile(r"(?:主持|之际|答记者问|侧记|纪实|观察|扫描|述评|综述|见闻|回访记"
                     r"|出席|讲话|致辞)$")
#: the number of a series closing a subheadline: …抓落实⑥, …命运共同体意识（38）, …述评之一
SERIES_END = re.compile(r"(?:[\u2460-\u2473]|[（(]\d{1,3}[）)]|之[一二三四五六七八九十]{1,3})$")
KICKER_END = re.compile(r"(?:——|—|强调|表示|指出|认为|宣布|提出|：|:)$")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")


def has_email(text: str) -> bool:
    """An e-mail address in the text (cheap test first: most paragraphs have no @)."""
    return "@" in text and EMAIL.search(text) is not None
#: the editor's note over a package's parts, signed under it or labelled at its start
EDITOR_NOTE_SIG = re.compile(r"^(?:——\s*编\s*者|编者按[：:])")
#: who or where a section of a package is from, alone on its line over its heading (快递员张裕：)
SECTION_LABEL = re.compile(r"^[\u4e00-\u9fff·]{2,14}[：:]$")
#: a decimal (1.4万亿斤) opens no list item
ORDINAL_PREFIX = re.compile(rf"^(?:{NUM}(?:、|[.．](?!\d))|[（(]{NUM}[）)]|第{NUM}[章节部分])")
#: a box printed with the story before it: 记者手记, 相关链接, 编后
SIDEBAR_LABEL = re.compile(
    r"^(?:(?:记者|编辑|采访)?(?:手记|札记)|记者观察|(?:相关|背景|新闻)?链接|延伸阅读|编后[语记]?)$"
)
#: an item of a book list: the book's title, a colon, who wrote it and who published it
BOOK_ITEM = re.compile(r"^《[^》]{1,40}》[：:][^。！？]{1,60}出版$")
#: two phrases set apart by a space, no punctuation: a headline (主动请战 奋勇抗疫)
TWO_PART = re.compile("^[\u4e00-\u9fff“”]{2,15} [\u4e00-\u9fff“”]{2,15}$")
#: a tag naming a box inside the story, not a column: 危中有机，唯创新者胜（花絮）
SIDEBAR_TAG = re.compile(r"^(?:花絮|背景|点评|小贴士|贴士|相关新闻)$")
FRONT_LABEL = re.compile(
    r"^(?:内容提要|编者的话|编者按|核心阅读|导读|阅读提示|开栏的话|编后|提要)$"
)
