"""Where runs of heading-like units begin and end, and the stretch of text after one."""

from __future__ import annotations

from publisher.edition import patterns as P
from publisher.edition.join import HEADING_MAX as HEADING_LONG
from publisher.edition.join import heading_like
from publisher.edition.openings import opens_story
from publisher.edition.runs import ended, tagged
from publisher.edition.units import Unit


def find_runs(units: list[Unit]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        if units[i].candidate:
            j = run_end(units, i)
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def strong(units: list[Unit], a: int, b: int) -> bool:
    """Evidence that a run heads an article whatever surrounds it."""
    if opens_story(units[b] if b < len(units) else None):
        return True
    return ended(units[a - 1] if a else None) or any(tagged(u.text) for u in units[a:b])


def region_end(units: list[Unit], start: int) -> tuple[int, bool]:
    """Where the stretch after a heading ends (a lead, credit, jump or tagged heading)."""
    for k in range(start, len(units)):
        u = units[k]
        if u.jump_to is not None:
            return k + 1, True
        if u.kind in ("lead", "endnote") or u.jump_from is not None or (
                u.candidate and tagged(u.text)):
            return k, False
    return len(units), False


def _dash_sub(unit: Unit) -> bool:
    """A `——` line under a heading: a subheadline, however long (——要求…；听取…；核准…).
    Not the line a （上接…） opens: that is the story going on (——某某说, a signature)."""
    text = unit.text
    return (unit.kind == "text" and text.startswith("—") and not P.EDITOR_NOTE_SIG.match(text)
            and unit.jump_from is None
            and (heading_like(text) or (len(text) <= 3 * HEADING_LONG
                                        and not any(c in text for c in "。！？!?"))))


def run_end(units: list[Unit], i: int) -> int:
    j = i + 1
    while j < len(units) and j - i < 4 and (units[j].candidate or _dash_sub(units[j])):
        j += 1
    # a long subheadline (no sentence end) between a headline and the lead
    if (j + 1 < len(units) and units[j].kind == "text" and units[j + 1].kind == "lead"
            and units[j].text[-1] not in P.TERMINAL + "”"
            and not any(c in units[j].text for c in "。！？")):
        j += 1
    return j
