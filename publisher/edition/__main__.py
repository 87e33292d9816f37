"""python -m publisher.edition PATH... [--json]: parse pages and show or print the result."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from publisher.config import load_publications
from publisher.edition.paths import contract_json, parse_paths
from publisher.errors import PublisherError


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m publisher.edition")
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true", help="print the parse contract as JSON")
    ap.add_argument("--config", type=Path, default=Path("config/publications"),
                    help="publication config folder (optional)")
    args = ap.parse_args(argv)
    try:
        pubs = load_publications(args.config)
        edition = parse_paths(args.paths, pubs)
    except PublisherError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(contract_json(edition), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console

    from publisher.edition.report import render_table

    render_table(edition, Console())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
