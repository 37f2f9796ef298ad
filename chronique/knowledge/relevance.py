"""The relevance gate's cues (``data/relevance.yaml``): political and security words per language
(and the weak ones among them, which count only in company), the actor sectors and kinds of
mention that count as political, and the gate's thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_yaml

RELEVANCE_FILE = "relevance.yaml"


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

    def words_of(self, lang: str) -> frozenset[str]:
        return self.words.get(lang, frozenset())

    def weak_of(self, lang: str) -> frozenset[str]:
        return self.weak.get(lang, frozenset())


def _word_lists(value: Any, what: str, where: str) -> dict[str, frozenset[str]]:
    if not isinstance(value, dict):
        raise KnowledgeError(f"expected '{what}' as a mapping of language to word list, found {value!r}", where=where)
    words = {}
    for lang, items in value.items():
        if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
            raise KnowledgeError(f"expected a list of {what} for {lang!r}, found {items!r}", where=where)
        words[str(lang)] = frozenset(w.lower() for w in items)
    return words


def parse_relevance(data: Any, where: str = RELEVANCE_FILE) -> RelevanceCues:
    if not isinstance(data, dict) or not isinstance(data.get("words"), dict):
        raise KnowledgeError("expected a mapping with a 'words' mapping of language to word list", where=where)
    words = _word_lists(data["words"], "words", where)
    weak = _word_lists(data.get("weak") or {}, "weak", where)
    stray = {lang: sorted(w - words.get(lang, frozenset())) for lang, w in weak.items()}
    if any(stray.values()):
        raise KnowledgeError(f"expected every weak word among the words, found {stray}", where=where)
    try:
        min_sentences, min_share = int(data["min_sentences"]), float(data["min_share"])
        min_article = int(data.get("min_article_sentences", 0))
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"expected numeric 'min_sentences' and 'min_share', found {exc}", where=where) from exc
    if not 0.0 <= min_share <= 1.0 or min_sentences < 0:
        raise KnowledgeError(f"expected min_share in [0, 1] and min_sentences >= 0, found {min_share}, "
                             f"{min_sentences}", where=where)
    return RelevanceCues(words, frozenset(str(s) for s in data.get("sectors") or ()), min_sentences, min_share,
                         min_article, weak, frozenset(str(k) for k in data.get("actor_kinds") or ()))


def load_relevance() -> RelevanceCues:
    return parse_relevance(read_data_yaml(RELEVANCE_FILE))
