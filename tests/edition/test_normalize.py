"""Normalizing: extraction spaces removed, full-width alphanumerics halved, CJK punctuation kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publisher.edition.normalize import normalize_line, normalize_text


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("4 月 1 日", "4月1日"),
        ("C919 大飞机", "C919大飞机"),
        ("国家 30% 的", "国家30%的"),
        ("显示， 96.5% 的", "显示，96.5%的"),
        ("２０２６年４月", "2026年4月"),
        ("ＡＩ技术", "AI技术"),
        ("住得更暖心 过得更舒心", "住得更暖心 过得更舒心"),
        ("“十五五”开局，（记者）", "“十五五”开局，（记者）"),
        ("RENMIN RIBAO", "RENMIN RIBAO"),
        ("2020 年 1 月 7 日  星期二", "2020年1月7日 星期二"),
    ],
)
def test_normalize_line(raw: str, want: str) -> None:
    assert normalize_line(raw) == want


def test_crlf_and_blank_runs() -> None:
    assert normalize_text("甲\r\n\r\n\r\n乙\r丙") == "甲\n\n乙\n丙"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("中文 ，。4a％Ａ１\u3000\t\r\n“”（）%.-")) | st.text())
def test_normalizing_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def _line_by_line(text: str) -> str:
    """The reference: normalize_line on every line, runs of blank lines kept as one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for line in map(normalize_line, text.split("\n")):
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


_ODD = "中文 ，。4a％Ａ１\u3000\t\r\n“”（）%.-\x0c\xa0\u200b《》、"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list(_ODD)) | st.text())
def test_whole_text_equals_line_by_line(text: str) -> None:
    assert normalize_text(text) == _line_by_line(text)
