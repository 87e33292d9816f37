"""Decoding: every encoding seen in the wild; what is not text is refused with its file named."""

from __future__ import annotations

import codecs

import pytest

from publisher.edition import decode_page, parse_page
from publisher.errors import EditionError

TEXT = "本报讯（记者刘健）4月1日，市委召开会议。\r\n\r\n第二段。"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.replace("\r\n", "\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-le", "utf-16-be", "lf"],
)
def test_every_encoding_gives_the_same_article(data: bytes) -> None:
    assert "本报讯（记者刘健）" in decode_page(data)
    page = parse_page(data, number=1)
    assert [a.paragraphs for a in page.articles] == [
        ["本报讯（记者刘健）4月1日，市委召开会议。", "第二段。"]
    ]


def test_control_characters_are_dropped() -> None:
    body = "这是一段很长的正文，" * 20
    page = parse_page(f"中国\x07人民\x1b日报的新闻。{body}".encode(), number=1)
    assert page.articles[0].paragraphs == [f"中国人民日报的新闻。{body}"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)) * 8, "NUL"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 4, "undecodable"),
        ("正文\n\n第二段。\n".encode("utf-16-le"), "NUL"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "not valid"),
        ("正文\x01\x02\x03\x04\x05\x06".encode() * 10, "control"),
    ],
    ids=["binary", "png-like", "utf16-no-bom", "bad-utf8-after-bom", "controls"],
)
def test_not_text_is_refused_naming_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(EditionError) as err:
        decode_page(data, file="inbox/x/2026-04-02/03.txt")
    assert err.value.key == "inbox/x/2026-04-02/03.txt"
    assert reason in str(err.value)


def test_parse_page_refuses_binary_too() -> None:
    with pytest.raises(EditionError, match="07.txt"):
        parse_page(b"\x00\x01\x02" * 100, number=7, file="07.txt")
