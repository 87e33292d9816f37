"""Where a page file sits in the inbox says whose page it is."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel

from publisher.errors import EditionError

PAGE_FILE = re.compile(r"^(\d{1,3})\.txt$")


class PageAddress(BaseModel):
    publication: str
    date: dt.date
    number: int
    path: Path


def is_candidate(path: Path) -> bool:
    """A finished page file: not hidden, not .part/.tmp, named NN.txt."""
    return not path.name.startswith(".") and PAGE_FILE.match(path.name) is not None


def address(path: Path) -> PageAddress:
    """Read `<slug>/<YYYY-MM-DD>/<NN>.txt` off the end of the path."""
    m = PAGE_FILE.match(path.name)
    if not m:
        raise EditionError("a page file is named NN.txt (NN = page number)", key=str(path))
    try:
        date = dt.date.fromisoformat(path.parent.name)
    except ValueError as e:
        raise EditionError(
            f"the folder {path.parent.name!r} is not a YYYY-MM-DD edition date", key=str(path)
        ) from e
    slug = path.parent.parent.name
    if not slug:
        raise EditionError("no publication folder above the edition folder", key=str(path))
    return PageAddress(publication=slug, date=date, number=int(m.group(1)), path=path)


def expand(paths: list[Path]) -> list[Path]:
    """Page files under each path: a page, an edition folder, a publication or an inbox."""
    out: list[Path] = []
    for p in paths:
        if p.is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(f for f in p.rglob("*.txt") if is_candidate(f)))
        else:
            raise EditionError("no such file or folder", key=str(p))
    return out
