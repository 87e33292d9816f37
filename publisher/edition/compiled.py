"""A page of parts under one headline: the headline run goes on with its first part's heading.

A brand-day page (`凝聚品牌之力  服务人民生活（中国品牌日）`) prints its column-tagged headline and
straight under it the first part's kicker and two-phrase headline (`中国华电助力绿色低碳发展` /
`提升品牌价值  彰显社会责任`) and byline; the parts after it are set alike, each over its byline.
Those lines are no subheadline: the part's heading, and the parts are one article.
"""

from __future__ import annotations

from publisher.edition import patterns as P
from publisher.edition.runs import shape, tagged
from publisher.edition.units import Unit


def parts_page(run: list[str], units: list[Unit], runs: list[tuple[int, int]], at: int,
               end: int) -> bool:
    """The run (a tagged headline, a plain line, a two-phrase line, a byline under it; index
    `at` in `runs`) heads a page of parts: a later run before `end` is set as its last two
    lines and signed with a byline too."""
    if not (len(run) == 3 and tagged(run[0]) and not tagged(run[1]) and not run[1].startswith("—")
            and P.TWO_PART.match(run[2])):
        return False
    mine = shape(run[1:])
    for a, b in runs[at + 1:]:
        if a >= end:
            break
        if (b < len(units) and units[b].kind == "byline"
                and shape([u.text for u in units[a:b]]) == mine):
            return True
    return False
