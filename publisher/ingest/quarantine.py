"""Moving inbox files out of the way: bad ones to quarantine, done ones to the archive.

Both keep the inbox's `<slug>/<date>/NN.txt` layout. A name already taken
gets a UTC timestamp suffix (`01.20260402T010000.123456Z.txt`), so nothing
is ever overwritten. A quarantined file has `<name>.error.txt` beside it
saying what was wrong.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from publisher.errors import EditionError


def relative(inbox: Path, path: Path) -> Path:
    """The file's place under the inbox; its last three parts if it is elsewhere."""
    try:
        return path.resolve().relative_to(inbox.resolve())
    except ValueError:
        return Path(*path.parts[-3:])


def destination(root: Path, inbox: Path, path: Path, now: dt.datetime) -> Path:
    """Where *path* goes under *root*: the same relative place, never over a file."""
    target = root / relative(inbox, path)
    if not target.exists():
        return target
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    stem, suffix = target.name.split(".", 1)[0], "".join(target.suffixes)
    candidate, n = target.with_name(f"{stem}.{stamp}{suffix}"), 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{stem}.{stamp}-{n}{suffix}")
    return candidate


def move(path: Path, target: Path) -> Path:
    """Move *path* to *target* (rename when on one filesystem)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, target)
        except OSError:  # another filesystem
            shutil.move(str(path), str(target))
    except OSError as e:
        raise EditionError(f"cannot move to {target}: {e.strerror}", key=str(path)) from e
    return target


def error_file(target: Path) -> Path:
    return target.with_name(target.name + ".error.txt")


def quarantine(path: Path, target: Path, reason: str, now: dt.datetime) -> Path:
    """Move a bad file to *target* and write the reason beside it."""
    moved = move(path, target)
    text = (f"file: {path}\nquarantined: {now.astimezone(dt.UTC).isoformat()}\n"
            f"reason: {reason}\n")
    error_file(moved).write_text(text, encoding="utf-8")
    return moved


def quarantined(root: Path) -> list[tuple[Path, str]]:
    """Quarantined files under *root* with their reasons, newest first."""
    if not root.is_dir():
        return []
    out = []
    for err in root.rglob("*.error.txt"):
        reason = next((line.removeprefix("reason: ") for line in
                       err.read_text("utf-8", errors="replace").splitlines()
                       if line.startswith("reason: ")), "")
        out.append((err.stat().st_mtime, err.with_name(err.name.removesuffix(".error.txt")),
                    reason))
    return [(p, r) for _, p, r in sorted(out, reverse=True)]
