"""A readable table of an edition's articles and block roles, for operators."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from publisher.models import Edition


def _short(text: str | None, n: int = 40) -> str:
    if not text:
        return ""
    return text if len(text) <= n else text[: n - 1] + "…"


def render_table(edition: Edition, console: Console) -> None:
    """Articles (pages, headline, kicker, subheadline, credit, size) and every block's role."""
    arts = Table(title=f"{edition.publication_name} {edition.date.isoformat()}: "
                       f"{len(edition.articles)} articles")
    for col in ("id", "pages", "kicker", "headline", "subheadline", "source", "authors",
                "dateline", "paras", "flags"):
        arts.add_column(col, overflow="fold")
    for a in edition.articles:
        flags = []
        if a.incomplete_start:
            flags.append("incomplete")
        if a.continued_on:
            flags.append(f"→{a.continued_on}")
        if a.continued_from:
            flags.append(f"←{a.continued_from}")
        dl = ""
        if a.dateline:
            dl = f"{a.dateline.place or ''} {a.dateline.date or ''}".strip()
        arts.add_row(a.id, ",".join(map(str, a.pages)), _short(a.kicker, 20),
                     _short(a.headline), _short(a.subheadline, 24), a.source or "",
                     "、".join(a.authors), dl, str(len(a.paragraphs)), " ".join(flags))
    console.print(arts)
    for page in edition.pages:
        roles = Table(title=f"page {page.number} {page.name or ''} ({page.file or ''})")
        roles.add_column("#", justify="right")
        roles.add_column("role")
        roles.add_column("text", overflow="fold")
        for n, (role, text) in enumerate(page.roles, 1):
            roles.add_row(str(n), role, _short(text.replace("\n", " / "), 60))
        console.print(roles)
