"""Units (paragraph-level pieces of a page) and the article drafts they are grouped into."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from publisher.edition import patterns as P
from publisher.edition.header import Header
from publisher.edition.join import heading_like


def head_key(text: str) -> str:
    """A heading with its spaces removed: how pages of one edition name the same story."""
    return "".join(text.split())


@dataclass
class Unit:
    """A paragraph-level piece of the page after joining column breaks."""

    text: str
    kind: str = "text"  # text | lead | byline | name (a section signed so) | guest | endnote
    jump_to: int | None = None
    jump_from: int | None = None
    role: str = ""
    closes: bool = False  # a staff line (责编：…, 版式设计：…) follows: the story ends here
    asks: bool = False  # a question over a tagged headline: its kicker (see asking_kicker)

    @cached_property
    def candidate(self) -> bool:
        # the text after a （上接…） line is the story going on, never a heading; so is the
        # text a （下转…） line closes
        return (self.kind == "text" and self.jump_from is None and self.jump_to is None
                and (heading_like(self.text) or self.asks)
                and not self.text.startswith("—"))


@dataclass
class Draft:
    """An article being assembled from units."""

    header: Header
    paragraphs: list[str] = field(default_factory=list)
    intertitles: list[int] = field(default_factory=list)
    byline: str | None = None
    lead: str | None = None
    continued_on: int | None = None
    continued_from: int | None = None
    package: bool = False

    def add(self, unit: Unit, *, intertitle: bool = False) -> None:
        if unit.jump_from is not None and not self.paragraphs:
            self.continued_from = unit.jump_from
        if unit.kind == "lead" and not self.paragraphs and self.lead is None:
            self.lead = unit.text
        if intertitle:
            self.intertitles.append(len(self.paragraphs))
        if unit.text:
            self.paragraphs.append(unit.text)
        if unit.jump_to is not None:
            self.continued_on = unit.jump_to
        if P.EDITOR_NOTE_SIG.match(unit.text):
            self.package = True
