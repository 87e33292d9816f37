"""Where the parser loses most on a pool's editions: the fresh-article check's failure list.

    cd tests && python -m edition.fresh_failures FOLDER [FIRST LAST] [--inside] [--top N]

For every gold article that comes out wrong in some edition, summed over the editions: the
characters lost (gold text not recovered plus predicted text that is not the gold's), how
often each kind of failure happened, and the first editions (seeds) it happened in, so that
`python -m publisher parse` on that edition shows why. Predicted articles that match no gold
article are listed as EXTRA under their headline.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from types import ModuleType
from typing import Any

from edition import synth
from edition.fresh_pool import load
from edition.test_heldout import _scorer, write_edition
from publisher.edition import contract_json, parse_paths

BODY_SLACK = 0.02  # a body within 2% of the gold's is not a failure worth listing
HEADING_FIELDS = ("headline", "kicker", "subheadline")


@dataclass
class Failure:
    """One gold article (or one EXTRA headline) over all the editions it failed in."""

    lost: int = 0
    times: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    seeds: list[tuple[int, list[str]]] = field(default_factory=list)


def edition_failures(sp: ModuleType, golds: list[Any], pred: list[Any]
                     ) -> list[tuple[str, int, list[str]]]:
    """(headline, characters lost, what went wrong) for each wrong article of one edition."""
    pairs = dict(sp.match(golds, pred))
    rows = []
    for i, gold in enumerate(golds):
        got = pred[pairs[i]] if i in pairs else {}
        gold_body, got_body = sp.body(gold), sp.body(got)
        common = sp.overlap(gold_body, got_body)
        wrong = [] if got else ["MISSED"]
        wrong += [f"{f}={sp.norm(got.get(f))[:24]!r}" for f in HEADING_FIELDS
                  if got and sp.norm(gold.get(f)) != sp.norm(got.get(f))]
        if len(gold.get("pages") or []) > 1 and not (
                got and sorted(got.get("pages") or []) == sorted(gold["pages"])
                and common >= 0.95 * len(gold_body)):
            wrong.append(f"stitch{gold['pages']}->{got.get('pages') if got else None}")
        lost = len(gold_body) + len(got_body) - 2 * common
        if got and lost > BODY_SLACK * len(gold_body):
            wrong.append(f"body recall={common / max(len(gold_body), 1):.2f}"
                         f" precision={common / max(len(got_body), 1):.2f}")
        if wrong:
            rows.append((sp.norm(gold["headline"]), lost, wrong))
    matched = set(pairs.values())
    rows += [("EXTRA " + sp.norm(p.get("headline")), len(sp.body(p)), ["extra"])
             for j, p in enumerate(pred) if j not in matched]
    return rows


def _one(job: tuple[list[synth.Gold], int, bool]) -> list[tuple[str, int, list[str], int]]:
    pool, seed, inside = job
    sp = _scorer()
    with tempfile.TemporaryDirectory() as tmp:
        folder, golds = write_edition(Path(tmp), seed, pool, inside)
        pred = contract_json(parse_paths([folder]))["articles"]
    return [(head, lost, wrong, seed) for head, lost, wrong in edition_failures(sp, golds, pred)]


def failures(pool: list[synth.Gold], seeds: range, inside: bool) -> dict[str, Failure]:
    found: dict[str, Failure] = {}
    with Pool(2) as workers:
        for part in workers.map(_one, [(pool, s, inside) for s in seeds]):
            for head, lost, wrong, seed in part:
                row = found.setdefault(head, Failure())
                row.lost += lost
                row.times += 1
                row.kinds.update(w.split("=")[0].split("[")[0] for w in wrong)
                if len(row.seeds) < 3:
                    row.seeds.append((seed, wrong))
    return found


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("folder", type=Path)
    cli.add_argument("first", type=int, nargs="?", default=0)
    cli.add_argument("last", type=int, nargs="?", default=99)
    cli.add_argument("--inside", action="store_true", help="every jump lands in the edition")
    cli.add_argument("--top", type=int, default=30)
    args = cli.parse_args()
    found = failures(load(args.folder), range(args.first, args.last + 1), args.inside)
    print(f"characters lost in all: {sum(f.lost for f in found.values())}")
    for head, row in sorted(found.items(), key=lambda kv: -kv[1].lost)[:args.top]:
        print(f"{row.lost:7d} {row.times:3d}x {head[:40]}  {dict(row.kinds)}")
        for seed, wrong in row.seeds[:2]:
            print(f"{'':12}edition {seed}: {' '.join(wrong)}")


if __name__ == "__main__":
    main()
