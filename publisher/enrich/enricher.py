"""Keywords, summary, people and places for an article.

jieba is imported on first use, in the worker, never by the web process.
"""

from __future__ import annotations

import re
import threading
import warnings
from pathlib import Path
from typing import Any

from publisher.enrich.summary import summarize
from publisher.models import Article, Publication

# Years, dates, counts and ordinals are never tags: 2026, 4月, 六届, 第三, 一季度.
_NUMBERISH = re.compile(
    r"^[第]?[\d０-９〇零一二三四五六七八九十百千万亿两.%％]+"
    r"[年月日号时届次个项条批家名人期季度亿万元]*$")
# Nouns, names, places, organisations, verbal nouns: what a reader files a story under.
TAG_POS = ("n", "nr", "nrt", "ns", "nt", "nz", "vn", "eng")

STOP_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "stopwords.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def is_tag(word: str) -> bool:
    return len(word) >= 2 and word not in STOP_WORDS and not _NUMBERISH.match(word)


def _dict_entry(entry: str) -> tuple[str, str]:
    """A user dictionary entry: "漓江" (a place) or "赵仲华 nr" / "赵仲华/nr"."""
    word, _, tag = entry.replace("/", " ").partition(" ")
    return word.strip(), (tag.strip() or "ns")


class Enricher:
    """Holds jieba's models; one instance per worker process."""

    def __init__(self, topk: int = 6) -> None:
        self.topk = topk
        self._lock = threading.Lock()
        self._jieba: Any = None
        self._analyse: Any = None
        self._posseg: Any = None
        self._dicts: set[str] = set()

    def _load(self, publication: Publication) -> None:
        with self._lock:
            if self._jieba is None:
                with warnings.catch_warnings():
                    # jieba reads its dictionaries with open(...).read(): not our leak
                    warnings.simplefilter("ignore", ResourceWarning)
                    import jieba
                    import jieba.analyse
                    import jieba.posseg

                    jieba.setLogLevel(60)
                    jieba.initialize()
                self._jieba, self._analyse, self._posseg = jieba, jieba.analyse, jieba.posseg
            if publication.slug not in self._dicts:
                for entry in publication.user_dict:
                    word, tag = _dict_entry(entry)
                    self._jieba.add_word(word, freq=20000, tag=tag)
                self._dicts.add(publication.slug)

    def enrich(self, article: Article, publication: Publication) -> Article:
        self._load(publication)
        text = "".join([article.headline, "。", *article.paragraphs])
        tags: list[str] = []
        for word in self._analyse.extract_tags(text, topK=self.topk * 4, allowPOS=TAG_POS):
            if is_tag(word):
                tags.append(word)
            if len(tags) == self.topk:
                break
        people: list[str] = []
        places: list[str] = []
        for pair in self._posseg.cut(text):
            word, flag = pair.word, pair.flag
            if len(word) < 2:
                continue
            if flag in ("nr", "nrt") and word not in people and word not in article.authors:
                people.append(word)
            elif flag == "ns" and word not in places:
                places.append(word)
        return article.model_copy(update={
            "summary": summarize(article), "tags": tags,
            "people": people[:10], "places": places[:10]})
