"""Keywords, summary, people and places for an article.

jieba is imported on first use, in the worker, never by the web process.
"""

from __future__ import annotations

import re
import threading
import warnings
from pathlib import Path
from typing import Any

from publisher.models import Article, Publication

SUMMARY_MAX = 120
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
# Leads carry source and dateline; a summary reads better without them.
_LEAD = re.compile(r"^[^，。（(]{0,30}?(?:讯|电)\s*[（(][^）)]{0,40}[）)]\s*")

STOP_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "stopwords.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def summarize(article: Article, limit: int = SUMMARY_MAX) -> str:
    """The lead sentence or two, never cut inside a word or a number."""
    text = "".join(article.paragraphs[:2])
    text = _LEAD.sub("", text, count=1)
    out = ""
    for sentence in _SENTENCE_END.split(text):
        if not sentence:
            continue
        if len(out) + len(sentence) > limit:
            break
        out += sentence
    if out:
        return out
    # One long first sentence: stop at the last clause break that fits.
    head = text[:limit]
    cut = max(head.rfind(c) for c in "，、；：,;")
    return (head[:cut] if cut > limit // 3 else head.rstrip()) + "…"


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
                for word in publication.user_dict:
                    self._jieba.add_word(word, freq=2000, tag="ns")
                self._dicts.add(publication.slug)

    def enrich(self, article: Article, publication: Publication) -> Article:
        self._load(publication)
        text = "".join([article.headline, "。", *article.paragraphs])
        tags: list[str] = []
        for word in self._analyse.extract_tags(text, topK=self.topk * 3):
            if word in STOP_WORDS or len(word) < 2 or re.search(r"\d", word):
                continue
            tags.append(word)
            if len(tags) == self.topk:
                break
        people: list[str] = []
        places: list[str] = []
        for pair in self._posseg.cut(text):
            word, flag = pair.word, pair.flag
            if len(word) < 2:
                continue
            if flag == "nr" and word not in people and word not in article.authors:
                people.append(word)
            elif flag == "ns" and word not in places:
                places.append(word)
        return article.model_copy(update={
            "summary": summarize(article), "tags": tags,
            "people": people[:10], "places": places[:10]})
