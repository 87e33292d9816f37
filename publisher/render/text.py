"""Text made safe for XML 1.0, JSON and HTML: whatever the page file carried."""

from __future__ import annotations

import html
import re

from publisher.models import Article

# Not allowed in XML 1.0 (C0 but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), plus
# C1 controls and DEL, which are allowed but discouraged and never meant in print.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


# Plain-text display fields (headline, kicker, summary, tags...) are shown as text by
# some readers and as HTML by others: full-width forms keep both honest (print
# never has markup), as the RSS Best Practices Profile and the validator advise.
_MARKUP = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06"})


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def plain(text: str) -> str:
    """A one-line display field: cleaned, no markup characters, whitespace collapsed."""
    return " ".join(clean(text).translate(_MARKUP).split())


def clean_opt(text: str | None) -> str | None:
    return None if text is None else plain(text)


def clean_article(a: Article) -> Article:
    """A copy of *a* with every text field cleaned; what renderers see."""
    return a.model_copy(update={
        "headline": plain(a.headline), "kicker": clean_opt(a.kicker),
        "subheadline": clean_opt(a.subheadline), "source": clean_opt(a.source),
        "authors": [plain(x) for x in a.authors], "paragraphs": [clean(p) for p in a.paragraphs],
        "page_name": clean_opt(a.page_name), "summary": clean_opt(a.summary),
        "tags": [plain(x) for x in a.tags], "people": [plain(x) for x in a.people],
        "places": [plain(x) for x in a.places],
    })


def article_html(a: Article) -> str:
    """The full article as an HTML fragment: kicker, subheadline and intertitles shown."""
    esc = html.escape
    parts: list[str] = []
    if a.kicker:
        parts.append(f'<p class="kicker">{esc(a.kicker)}</p>')
    if a.subheadline:
        parts.append(f'<p class="subheadline">——{esc(a.subheadline)}</p>')
    byline = " ".join(x for x in [a.source or "", "　".join(a.authors)] if x)
    if byline:
        parts.append(f'<p class="byline">{esc(byline)}</p>')
    inter = set(a.intertitles)
    for i, p in enumerate(a.paragraphs):
        parts.append(f"<h3>{esc(p)}</h3>" if i in inter else f"<p>{esc(p)}</p>")
    if len(a.pages) > 1:
        parts.append(f'<p class="pages">（见第{"、".join(str(n) for n in a.pages)}版）</p>')
    return "\n".join(parts)


def article_text(a: Article) -> str:
    """The full article as plain text, blocks separated by blank lines."""
    head = [x for x in (a.kicker, a.headline, a.subheadline and f"——{a.subheadline}") if x]
    return "\n\n".join([*head, *a.paragraphs])
