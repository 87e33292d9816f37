"""What under a run of heading-like units shows that a story opens there."""

from __future__ import annotations

from publisher.edition import patterns as P
from publisher.edition.pairs import marked_text
from publisher.edition.units import Unit


def opens_story(nxt: Unit | None) -> bool:
    """A lead follows, or what is left of one (its first column lost), or a （上接…）."""
    return nxt is not None and (nxt.kind == "lead" or nxt.jump_from is not None
                                or bool(P.LEAD_TAIL.match(nxt.text) or P.LEAD_REST.match(nxt.text)))


def summary_over_lead(units: list[Unit], k: int) -> bool:
    """A summary's marked points (■自我革命是…) under the run, then a lead: a story's opening."""
    m = k
    while m < len(units) and marked_text(units[m].text):
        m += 1
    return m > k and opens_story(units[m] if m < len(units) else None)
