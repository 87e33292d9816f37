"""Keywords, summary, people and places for an article.

jieba is imported on first use, in the worker, never by the web process.
"""

from __future__ import annotations

import math
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


# A word jieba's dictionary does not know (a local name) weighs like one it saw
# this many times.
RARE_COUNT = 3


class Enricher:
    """Holds jieba's models; one instance per worker process."""

    def __init__(self, topk: int = 6) -> None:
        self.topk = topk
        self._lock = threading.Lock()
        self._jieba: Any = None
        self._posseg: Any = None
        self._dicts: set[str] = set()
        self._persons: dict[str, set[str]] = {}

    def _load(self, publication: Publication) -> None:
        with self._lock:
            if self._jieba is None:
                with warnings.catch_warnings():
                    # jieba reads its dictionaries with open(...).read(): not our leak
                    warnings.simplefilter("ignore", ResourceWarning)
                    import jieba
                    import jieba.posseg

                    jieba.setLogLevel(60)
                    jieba.initialize()
                self._jieba, self._posseg = jieba, jieba.posseg
            if publication.slug not in self._dicts:
                for entry in publication.user_dict:
                    word, tag = _dict_entry(entry)
                    self._jieba.add_word(word, freq=20000, tag=tag)
                    if tag.startswith("nr"):
                        self._persons.setdefault(publication.slug, set()).add(word)
                self._dicts.add(publication.slug)

    def enrich(self, article: Article, publication: Publication) -> Article:
        self._load(publication)
        text = "".join([article.headline, "。", *article.paragraphs])
        # One tagging pass serves tags, people and places. Without the HMM, jieba
        # guesses no unknown words: 3x slower with it, and its guesses were mostly
        # noise as names (高水平/nr); the people rules below find the real ones.
        pairs = [(p.word, p.flag) for p in self._posseg.cut(text, HMM=False)]
        named = people(text, pairs, exclude=article.authors,
                       word_tags=self._posseg.dt.word_tag_tab,
                       known=self._persons.get(publication.slug, set()))
        return article.model_copy(update={
            "summary": summarize(article), "tags": self._tags(pairs, named, text),
            "people": named, "places": _named(pairs, ("ns",))})

    def _tags(self, pairs: list[tuple[str, str]], named: list[str], text: str) -> list[str]:
        """TF-IDF over the nouns and the people named.

        The IDF comes from the word frequencies of jieba's own dictionary, already in
        memory for segmenting: jieba.analyse's separate IDF table would add about
        45 MB to every worker for rankings that differ little.
        """
        freq, total = self._jieba.dt.FREQ, self._jieba.dt.total
        rare = math.log(total / RARE_COUNT)

        def idf(word: str) -> float:
            count = freq.get(word, 0)
            return math.log(total / count) if count > 0 else rare

        counts: dict[str, int] = {}
        for word, flag in pairs:
            if flag in TAG_POS and is_tag(word):
                counts[word] = counts.get(word, 0) + 1
        for name in named:  # split into characters without the HMM: count in the text
            counts[name] = text.count(name)
        scored = sorted(counts, key=lambda w: (-counts[w] * idf(w), w))
        return scored[:self.topk]


# A person is named beside a title or a verb of speech, as newspapers write them:
# 市委书记李楚主持, 李楚同志指出. jieba's own nr tags alone also mark 高水平 or 努力实现.
_TITLES = ("总书记|书记|主席|总理|副总理|委员长|部长|省长|市长|区长|县长|镇长|主任|院长|局长|"
           "厅长|处长|校长|董事长|总经理|经理|教授|研究员|专家|代表|委员|大使|总统|首相|队长|村民")
_SPEECH = "同志|主持|表示|指出|强调|说|介绍|认为|出席|会见|会谈|讲话|致辞|宣布|签署"
_PERSON = re.compile(
    rf"(?:{_TITLES})([\u4e00-\u9fff]{{2,3}}?)(?={_SPEECH}|[，。、；：（])"
    rf"|(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2,3}}?)(?:同志)")


# Characters that a name in running text does not contain (的, 很, 她 ...).
_NOT_IN_NAME = frozenset("的了很过她他它们是在和与也都就又把被这那有着地得个之不我你要对将等")


def people(text: str, pairs: list[tuple[str, str]], *, exclude: list[str],
           word_tags: dict[str, str] | None = None, known: set[str] | None = None,
           limit: int = 10) -> list[str]:
    """Names the text presents as persons (after a title, before 同志 or a verb of speech).

    A candidate the dictionary knows as another part of speech (反复/d, 祝福/v) is not one.
    """
    tags = word_tags or {}
    out: list[str] = []
    for m in _PERSON.finditer(text):
        name = m.group(1) or m.group(2)
        if (not name or name in out or name in exclude or name in STOP_WORDS
                or _NOT_IN_NAME.intersection(name)
                or not tags.get(name, "nr").startswith("nr")):
            continue
        out.append(name)
    words = [w for w, _ in pairs]
    for i, (word, flag) in enumerate(pairs):
        if flag not in ("nr", "nrt") or len(word) < 2 or word in out or word in exclude:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if (word in (known or ()) or re.fullmatch(_TITLES, before)
                or re.fullmatch(_SPEECH, after)):
            out.append(word)
    return out[:limit]


def _named(pairs: list[tuple[str, str]], flags: tuple[str, ...], *,
           exclude: list[str] | None = None, limit: int = 10) -> list[str]:
    out: list[str] = []
    for word, flag in pairs:
        if flag in flags and len(word) >= 2 and word not in out and word not in (exclude or ()):
            out.append(word)
    return out[:limit]
