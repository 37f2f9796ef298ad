"""The relevance gate's cues: political and security words per language (and the weak ones among
them, which count only in company) and the words of a news site's other sections (business, sport,
culture, lifestyle, technology, science, weather), in ``data/<lang>/topic_words.yaml``; the actor
sectors and kinds of mention that count as political and the gate's thresholds in
``data/relevance.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml
from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.word_lists import load_word_lists

RELEVANCE_FILE = "relevance.yaml"
TOPIC_WORDS_FILE = "topic_words.yaml"


@dataclass(frozen=True)
class TopicWords:
    """One language's lists (``data/<lang>/topic_words.yaml``)."""

    political: frozenset[str] = frozenset()
    weak: frozenset[str] = frozenset()
    off_topic: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RelevanceCues:
    words: dict[str, frozenset[str]]  # language -> lemmas / lower-cased forms
    sectors: frozenset[str]
    min_sentences: int
    min_share: float
    min_article_sentences: int = 0  # shorter texts are not gated
    # words that also serve business and sport ("chief executive officer", "privacy policy"): a
    # sentence holding only one of them is not political
    weak: dict[str, frozenset[str]] = field(default_factory=dict)
    # kinds of actor mention that make their sentence political; empty: every kind. A bare country
    # name ("France beat Italy") is in sport and business copy as much as in politics
    kinds: frozenset[str] = frozenset()
    # words of the other sections of a news site; a sentence with one and no political cue is off-topic
    off_topic: dict[str, frozenset[str]] = field(default_factory=dict)
    # an article passes only with at least this many political sentences per off-topic one (0: no check)
    min_topic_ratio: float = 0.0

    def words_of(self, lang: str) -> frozenset[str]:
        return self.words.get(lang, frozenset())

    def weak_of(self, lang: str) -> frozenset[str]:
        return self.weak.get(lang, frozenset())

    def off_topic_of(self, lang: str) -> frozenset[str]:
        return self.off_topic.get(lang, frozenset())


def check_topic_words(lists: TopicWords, where: str) -> TopicWords:
    """``lists`` when every weak word is a political word and no word is both political and off-topic."""
    if lists.weak - lists.political:
        raise KnowledgeError(f"expected every weak word among the political words, found "
                             f"{sorted(lists.weak - lists.political)}", where=where)
    if lists.political & lists.off_topic:
        raise KnowledgeError(f"expected no word both political and off-topic, found "
                             f"{sorted(lists.political & lists.off_topic)}", where=where)
    return lists


def _number(data: dict[str, Any], key: str, kind: type[int] | type[float], default: float | None,
            where: str) -> Any:
    value = data.get(key, default)
    try:
        if value is None or isinstance(value, bool):
            raise TypeError(value)
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise KnowledgeError(f"expected a number for '{key}', found {value!r}", where=where) from exc


def parse_relevance(data: Any, lists: dict[str, TopicWords] | None = None,
                    where: str = RELEVANCE_FILE) -> RelevanceCues:
    """The cues of ``data`` (relevance.yaml's mapping) with the word ``lists`` of each language."""
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected a mapping, found {type(data).__name__}", where=where)
    min_sentences = _number(data, "min_sentences", int, None, where)
    min_share = _number(data, "min_share", float, None, where)
    min_article = _number(data, "min_article_sentences", int, 0, where)
    ratio = _number(data, "min_topic_ratio", float, 0.0, where)
    if not 0.0 <= min_share <= 1.0 or min_sentences < 0 or ratio < 0:
        raise KnowledgeError(f"expected min_share in [0, 1], min_sentences >= 0 and min_topic_ratio >= 0, "
                             f"found {min_share}, {min_sentences}, {ratio}", where=where)
    lists = lists or {}
    return RelevanceCues(
        {lang: w.political for lang, w in lists.items()}, frozenset(str(s) for s in data.get("sectors") or ()),
        min_sentences, min_share, min_article, {lang: w.weak for lang, w in lists.items()},
        frozenset(str(k) for k in data.get("actor_kinds") or ()), {lang: w.off_topic for lang, w in lists.items()},
        ratio)


def load_topic_words(lang: str) -> TopicWords:
    return check_topic_words(load_word_lists(TopicWords, TOPIC_WORDS_FILE, (lang,)), f"data/{lang}/{TOPIC_WORDS_FILE}")


def load_relevance(languages: tuple[str, ...] = LANGUAGES) -> RelevanceCues:
    return parse_relevance(read_data_yaml(RELEVANCE_FILE), {lang: load_topic_words(lang) for lang in languages})
