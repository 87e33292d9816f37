"""Synthetic editions: gold articles re-laid out as raw page text the way the corpus is.

Gold articles of ../shared (corpus and seed) are shuffled into new pages and printed
with furniture, column breaks (mid-word, after punctuation), extraction spaces,
bylines, numbered intertitles, 下转/上接 jumps, lost first columns and random
encodings.  Every edition comes with the gold an editor would see.  Deterministic
for a seed.  The text itself is re-used: see docs/parser.md, "Held-out check".
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

from edition.synth_print import NAMES, Page, furniture, intertitles, jump, spaced

SHARED = Path(__file__).parents[3] / "shared"
_LEAD = re.compile(r"^(?:据)?(?:本报|新华社|中新社|[\u4e00-\u9fff—]{2,12}(?:报|网|社|台|云))"
                   r"[\u4e00-\u9fff\d]{0,14}[电讯]")
Gold = dict[str, Any]


def load_pool() -> list[Gold]:
    """Every gold article of the corpus and the seed, in a fixed order."""
    pool: list[Gold] = []
    files = sorted((SHARED / "corpus").glob("*/gold.json"))
    files += sorted((SHARED / "seeds").glob("*.gold.json"))
    for f in files:
        for a in json.loads(f.read_text(encoding="utf-8"))["articles"]:
            if a["headline"] and a["paragraphs"]:
                pool.append(a)
    return pool


def head(pg: Page, a: Gold, g: Gold, rng: random.Random) -> None:
    """Kicker, headline, subheadline, byline: one block each."""
    if a["kicker"]:
        pg.blocks.append(spaced(a["kicker"], rng))
    pg.blocks.append(spaced(a["headline"], rng))
    if a["subheadline"]:
        pg.blocks.append(("——" if rng.random() < 0.8 else "") + spaced(a["subheadline"], rng))
    first = a["paragraphs"][0]
    if a.get("authors") and not any(n in first for n in a["authors"]):
        pg.blocks.append(f"□{a.get('source') or '本报'}记者 {' '.join(a['authors'])}")
    elif not a.get("authors") and not _LEAD.match(first) and rng.random() < 0.25:
        who = rng.sample(NAMES, rng.randint(1, 2))
        role = rng.choice(["本报记者 ", "□本报记者 ", "新华社记者 "])
        pg.blocks.append(role + "  ".join(who))
        g["authors"] = [n.replace(" ", "") for n in who]


def gold_of(a: Gold, page: int) -> Gold:
    g = {k: a[k] for k in ("kicker", "headline", "subheadline", "paragraphs")}
    g.update(pages=[page], page=page, continued_on=None,
             incomplete_start=bool(a.get("incomplete_start")))
    for k in ("authors", "source"):
        if a.get(k):
            g[k] = a[k]
    return g


def _plan(a: Gold, num: int, n_pages: int, rng: random.Random,
          inside: bool = False) -> tuple[Gold, list[str], int]:
    """The gold of one story, its printed paragraphs and where it jumps (0: nowhere).

    A jump goes to a later page up to two past the edition's last; `inside`: a page past the
    last is the last (none from the last page), as in the corpus, where every jump lands.
    """
    g = gold_of(a, num)
    paras = list(a["paragraphs"])
    if len(paras) >= 6 and not any(len(p) < 16 for p in paras) and rng.random() < 0.15:
        paras = g["paragraphs"] = intertitles(paras, rng)
    if rng.random() < 0.06 and len(paras[0]) > 40 and not g["incomplete_start"]:
        paras[0] = paras[0][rng.randint(3, len(paras[0]) // 2):]
        g["paragraphs"], g["incomplete_start"] = paras, True
        g.pop("authors", None)
    if len(paras) < 5 or rng.random() < 0.75:
        return g, paras, 0
    to = rng.randint(num + 1, n_pages + 2)
    if inside and to > n_pages:
        to = n_pages if num < n_pages else 0
    return g, paras, to


def edition(seed: int, pool: list[Gold], *,
            jumps_inside: bool = False) -> tuple[dict[int, list[str]], list[Gold]]:
    """Pages (number -> blocks) and gold articles of one synthetic edition."""
    rng = random.Random(seed)
    n_pages = rng.randint(3, 6)
    stories = rng.sample(pool, n_pages * rng.randint(3, 5))
    items: dict[int, list[tuple[Gold, Gold | None, list[str], int]]] = {
        n: [] for n in range(1, n_pages + 1)}
    conts = []
    golds: list[Gold] = []
    for i, a in enumerate(stories):
        num = i % n_pages + 1
        g, paras, to = _plan(a, num, n_pages, rng, jumps_inside)
        if to:
            split = rng.choice([k for k in range(2, len(paras) - 1) if len(paras[k - 1]) > 20]
                               or [len(paras) - 2])
            if to in items:
                g["pages"] = [num, to]
                conts.append((to, (a, None, paras[split:], num)))
            else:
                g["continued_on"], g["paragraphs"] = to, paras[:split]
            paras = paras[:split]
        items[num].append((a, g, paras, to))
        golds.append(g)
    for to, item in conts:
        items[to].insert(rng.randint(0, len(items[to])), item)
    return {n: furniture(n, layout(its, rng), rng) for n, its in items.items()}, golds


def layout(its: list[tuple[Gold, Gold | None, list[str], int]], rng: random.Random) -> list[str]:
    pg = Page(rng)
    for a, g, paras, other in its:
        if g is not None:
            head(pg, a, g, rng)
        else:
            pg.blocks.append(spaced(a["headline"], rng))
            mark = jump("上", other, rng)
            if rng.random() < 0.5:
                pg.blocks.append(mark)
            else:
                paras = [mark + paras[0], *paras[1:]]
        for p in paras:
            pg.text(p)
        if g is not None and other:
            mark = jump("下", other, rng)
            pg.blocks[-1:] = [pg.blocks[-1] + mark] if rng.random() < 0.6 else [pg.blocks[-1], mark]
    return pg.blocks


