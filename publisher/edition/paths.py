"""Files and folders to an Edition: the only I/O of the edition stage."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from publisher.config import EditionInfo, load_edition_info
from publisher.edition.sources import PageSource, parse_sources
from publisher.errors import EditionError
from publisher.models import Edition, Publication

_PAGE_FILE = re.compile(r"^(\d{1,3})\.txt$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _page_files(path: Path) -> list[tuple[int, Path]]:
    if path.is_dir():
        found = []
        for child in sorted(path.iterdir()):
            m = _PAGE_FILE.match(child.name)
            if m and child.is_file():
                found.append((int(m.group(1)), child))
        if not found:
            raise EditionError("no NN.txt page files in folder", key=str(path))
        return found
    if path.is_file():
        m = re.match(r"^(\d{1,3})", path.stem)
        return [(int(m.group(1)) if m else 1, path)]
    raise EditionError("no such file or folder", key=str(path))


def _folder_date(folder: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(folder.name)
    except ValueError:
        return None


def _context(folder: Path) -> tuple[EditionInfo, str, dt.date | None]:
    info = load_edition_info(folder)
    date = info.date or _folder_date(folder)
    parent = folder.parent.name.lower()
    slug = parent if _folder_date(folder) and _SLUG.match(parent) else "edition"
    return info, slug, date


def parse_paths(paths: list[Path], publications: dict[str, Publication] | None = None) -> Edition:
    """Parse page files and edition folders into one Edition (continuations stitched)."""
    if not paths:
        raise EditionError("no page files given", key="<args>")
    files: list[tuple[int, Path]] = []
    for path in paths:
        files.extend(_page_files(path))
    folder = paths[0] if paths[0].is_dir() else paths[0].parent
    info, slug, date = _context(folder)
    pub = (publications or {}).get(slug)
    name = info.publication or (pub.name if pub else slug)
    if pub is None and name:
        pub = Publication(slug=slug, name=name)
    if date is None:
        raise EditionError("edition date unknown: no edition.toml date and no YYYY-MM-DD folder",
                           key=str(folder))
    sources = []
    for number, file in files:
        try:
            data = file.read_bytes()
        except OSError as e:
            raise EditionError(f"cannot read: {e.strerror}", key=str(file)) from e
        sources.append(PageSource(number, data, info.pages.get(number), str(file)))
    edition = parse_sources(sources, publication=pub, publication_slug=slug,
                            publication_name=name, edition_date=date)
    if info.publish_at is not None:
        edition.publish_at = info.publish_at
    return edition


def contract_json(edition: Edition) -> dict[str, Any]:
    """The parse contract of DESIGN.md (plus page_name and intertitles)."""
    arts = []
    for a in edition.articles:
        arts.append({
            "id": a.id, "headline": a.headline, "kicker": a.kicker,
            "subheadline": a.subheadline, "authors": a.authors, "source": a.source,
            "dateline": None if a.dateline is None else {
                "place": a.dateline.place,
                "date": a.dateline.date.isoformat() if a.dateline.date else None},
            "paragraphs": a.paragraphs, "page": a.page, "pages": a.pages,
            "continued_on": a.continued_on, "continued_from": a.continued_from,
            "incomplete_start": a.incomplete_start, "page_name": a.page_name,
            "intertitles": a.intertitles,
        })
    return {"publication": edition.publication_name, "edition_date": edition.date.isoformat(),
            "articles": arts}
