"""Run the W3C feed validator (github:w3c/feedvalidator, not ours) on one file.

usage: python feedvalidator_run.py VALIDATOR_SRC FILE SELF_URL
Prints one line per event at the online validator's level (AA): "Level: message".
"""

from __future__ import annotations

import sys


def main() -> int:
    src, path, url = sys.argv[1:4]
    sys.path.insert(0, src)
    import feedvalidator  # type: ignore[import-not-found]
    from feedvalidator import compatibility  # type: ignore[import-not-found]
    from feedvalidator.formatter.text_plain import Formatter  # type: ignore[import-not-found]

    with open(path, "rb") as f:
        data = f.read()
    try:
        events = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=url)[
            "loggedEvents"]
    except feedvalidator.logging.ValidationFailure as vf:
        events = [vf.event]
    for line in Formatter(compatibility.AA(events)):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
