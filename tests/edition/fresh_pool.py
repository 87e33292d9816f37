"""Score the parser on editions laid out from articles it has never seen.

The corpus-drawn editions of test_heldout.py re-use the articles the rules were written
on. This lays out a folder of other articles the same way (synth.py) and scores the parse:

    cd tests && python -m edition.fresh_pool FOLDER [FIRST LAST]

FOLDER holds `*.md` files of articles, each record opening with an `@@@` line:

    @@@ date=2025-01-07 page=02
    ### kicker (optional)
    # headline
    ## subheadline (optional)
    > byline (optional, not printed: the corpus prints none over a story)

    paragraph, one per line, as printed

No such folder ships with the project (the articles belong to their paper); see
docs/parser.md, "Fresh-article check", for the figures and where they came from.
"""

from __future__ import annotations

import re
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path

from edition import synth
from edition.test_heldout import _scorer, figures, write_edition
from publisher.edition import contract_json, parse_paths

_RECORD = re.compile(r"^@@@.*$", re.M)
_FIELDS = {"### ": "kicker", "## ": "subheadline", "# ": "headline"}
MIN_BODY = 150  # characters: a shorter item is a notice, not a story the check is about


def parse_record(text: str) -> synth.Gold | None:
    """One article of a pool file; None for one without a headline or text."""
    art: synth.Gold = {"kicker": None, "headline": None, "subheadline": None, "paragraphs": []}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(">") or not line.strip("* "):  # `***  ***`: a rule
            continue
        field = next((f for mark, f in _FIELDS.items() if line.startswith(mark)), None)
        if field is not None:
            value = line.split(" ", 1)[1].strip()
            if field == "subheadline":  # the gold drops a subheadline's `——`, not a kicker's
                value = value.lstrip("—").strip()
            art[field] = value or None
        else:
            bold = line.startswith("**") and line.endswith("**")
            art["paragraphs"].append(line.strip("*").strip() if bold else line)
    body = sum(len(p) for p in art["paragraphs"])
    return art if art["headline"] and body >= MIN_BODY else None


def load(folder: Path) -> list[synth.Gold]:
    pool = []
    for path in sorted(folder.glob("*.md")):
        for rec in _RECORD.split(path.read_text(encoding="utf-8"))[1:]:
            art = parse_record(rec)
            if art is not None:
                pool.append(art)
    return pool


def _tally(job: tuple[list[synth.Gold], int, bool]) -> dict[str, tuple[float, float]]:
    pool, seed, inside = job
    sp = _scorer()
    tally = sp.Tally()
    with tempfile.TemporaryDirectory() as tmp:
        folder, golds = write_edition(Path(tmp), seed, pool, inside)
        sp.score({"articles": golds}, contract_json(parse_paths([folder])), tally, False)
    return dict(tally.n)


def scores(pool: list[synth.Gold], seeds: range, inside: bool) -> dict[str, float]:
    sp = _scorer()
    tally = sp.Tally()
    with Pool(2) as workers:
        for part in workers.map(_tally, [(pool, s, inside) for s in seeds]):
            for key, (ok, of) in part.items():
                tally.add(key, ok, of)
    return figures(sp, tally, ("headline", "kicker", "subheadline", "stitched"))


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    pool = load(Path(argv[0]))
    first, last = (int(argv[1]), int(argv[2])) if len(argv) >= 3 else (0, 99)
    print(f"{len(pool)} articles, editions {first}-{last}")
    for inside in (False, True):
        found = scores(pool, range(first, last + 1), inside)
        print(("every jump inside: " if inside else "as generated:      ")
              + " ".join(f"{k}={v:.3f}" for k, v in found.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
