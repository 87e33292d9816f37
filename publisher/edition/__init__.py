"""Edition stage: page bytes to articles, as an editor would see them.

decode -> normalize -> blocks -> join -> segment (header) -> fields -> stitch.
"""

from publisher.edition.decode import decode_page
from publisher.edition.normalize import normalize_text
from publisher.edition.page import parse_page
from publisher.edition.paths import contract_json, parse_paths
from publisher.edition.sources import PageSource, parse_sources
from publisher.edition.stitch import parse_edition

__all__ = [
    "PageSource",
    "contract_json",
    "decode_page",
    "normalize_text",
    "parse_edition",
    "parse_page",
    "parse_paths",
    "parse_sources",
]
