"""Format checks shared by the render, web and golden tests: RFC 4287 RELAX NG,
JSON Feed 1.1 JSON Schema, feedparser, and the W3C feed validator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
from lxml import etree

HERE = Path(__file__).resolve().parent / "render"
MIRROR = Path("/work/.mirror/w3c+feedvalidator/repo")
VALIDATOR = Path(os.environ.get("FEEDVALIDATOR_DIR", "/tmp/feedvalidator"))


@cache
def atom_schema() -> Any:
    return etree.RelaxNG(etree.parse(str(HERE / "atom.rng")))


@cache
def json_schema() -> Any:
    schema = json.loads((HERE / "jsonfeed-1.1.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_atom(body: bytes) -> None:
    schema = atom_schema()
    doc = etree.fromstring(body)
    assert schema.validate(doc), schema.error_log


def check_json(body: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(body)
    errors = [e.message for e in json_schema().iter_errors(data)]
    assert not errors, errors
    return data


def check_parsed(body: bytes, media_type: str = "application/xml") -> Any:
    parsed = feedparser.parse(body, response_headers={"content-type": media_type})
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def check_any(fmt: str, body: bytes) -> None:
    """Every check that applies to *fmt* (feedparser 6.0 reads no JSON Feed)."""
    if fmt == "json":
        check_json(body)
        return
    if fmt == "atom":
        check_atom(body)
    check_parsed(body)


def validator_python() -> str:
    """A Python with html5lib for the validator: $FEEDVALIDATOR_PYTHON or this one."""
    return os.environ.get("FEEDVALIDATOR_PYTHON", sys.executable)


def ensure_validator() -> Path:
    """The validator's src/ folder, unpacked from the local mirror when missing."""
    src = VALIDATOR / "src"
    if not (src / "feedvalidator").is_dir() and (MIRROR / "HEAD").exists():
        VALIDATOR.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "--git-dir", str(MIRROR), "archive", "HEAD"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(VALIDATOR)], input=archive, check=True)
    if not (src / "feedvalidator").is_dir():
        raise AssertionError(
            f"W3C feed validator not found at {VALIDATOR} (set FEEDVALIDATOR_DIR, or put "
            f"github:w3c/feedvalidator's mirror at {MIRROR})")
    probe = subprocess.run([validator_python(), "-c", "import html5lib"], capture_output=True)
    if probe.returncode != 0:
        raise AssertionError("the W3C feed validator needs html5lib: install it in the test "
                             "env or set FEEDVALIDATOR_PYTHON to a Python that has it")
    return src


def w3c_events(path: Path, self_url: str) -> list[str]:
    """The validator's errors and warnings (level AA, as online) for one file."""
    out = subprocess.run(
        [validator_python(), str(HERE / "feedvalidator_run.py"), str(ensure_validator()),
         str(path), self_url], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return [line for line in out.stdout.splitlines() if line.strip()]
