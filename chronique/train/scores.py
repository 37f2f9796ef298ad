"""Scores of candidate decisions on the training sets (for the cross-validated estimate).

The Wikinews-scheme sets are scored as `chronique eval events/fr-wikinews` scores its dev set
(event triple in the gold sentence; the same matching function); plv-train as "the marked
source→target pair coded with the right class" (macro-F1 over the gold classes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chronique.eval.events import match_article
from chronique.eval.scoring import Counts, macro_f1
from chronique.schema import Event, EventActor, TextInfo
from chronique.train.dataset import Candidate, TrainingSet
from chronique.train.fit import is_event
from chronique.train.readers import YIELD, YIELD_TYPES, GoldEvent, GoldParty

NONE = "(none)"


def _gold_dict(g: GoldEvent) -> dict[str, Any]:
    def party(p: GoldParty | None) -> dict[str, str] | None:
        return None if p is None else {"code": p.code, "sector": p.sector, "text": p.text}

    return {"sentence_start": g.start, "sentence_end": g.end, "event": g.event,
            "actor": party(g.actor), "recipient": party(g.recipient)}


def _events(kept: list[tuple[Candidate, str]]) -> list[Event]:
    """The article's coded events: one per (sentence, class, actor, recipient), as the coders dedupe."""
    seen: dict[tuple[int, str, str, str], Event] = {}
    for c, label in sorted(kept, key=lambda cl: -cl[0].confidence):
        key = (c.sequence, label, c.actor, c.recipient)
        if key not in seen:
            seen[key] = Event(id="", event=label, actor=EventActor(c.actor or None),
                              recipient=EventActor(c.recipient) if c.recipient else None, event_text="",
                              text_info=TextInfo(c.sequence, c.start, c.end))
    return list(seen.values())


def wikinews_scores(data: TrainingSet, predicted: Sequence[str], corpus: str) -> dict[str, float]:
    """Triple and dyad precision/recall/F1 of the kept candidates against the gold of ``corpus``."""
    by_article: dict[str, list[tuple[Candidate, str]]] = {}
    for c, label in zip(data.candidates, predicted, strict=True):
        if c.corpus == corpus and is_event(label):
            by_article.setdefault(c.group, []).append((c, label))
    articles = {c.group for c in data.candidates if c.corpus == corpus} | _gold_articles(data, corpus)
    triple, dyad = Counts(), Counts()
    for article in sorted(articles):
        gold = [_gold_dict(g) for g in data.gold.get(article, ())]
        events = _events(by_article.get(article, []))
        triple += match_article(gold, events, co_parties=False)[0]
        dyad += match_article(gold, events, co_parties=False, dyad=True)[0]
    return {**triple.metrics(), **dyad.metrics("dyad_")}


def _gold_articles(data: TrainingSet, corpus: str) -> set[str]:
    """Articles of ``corpus`` with gold events, including those that gave no candidate."""
    prefix = "fr-" if corpus.startswith("fr") else "en-"
    return {a for a, g in data.gold.items() if g and a.startswith(prefix)}


def pair_scores(data: TrainingSet, predicted: Sequence[str]) -> dict[str, float]:
    """plv-train: the class of the most confident kept candidate whose actor is the marked source."""
    best: dict[str, tuple[float, str]] = {}
    for c, label in zip(data.candidates, predicted, strict=True):
        mine = c.corpus == "plv-train" and c.marked and is_event(label)
        if mine and (c.group not in best or c.confidence > best[c.group][0]):
            best[c.group] = (c.confidence, label)
    table: dict[str, Counts] = {}
    hits = 0
    for group, pair in data.pairs.items():
        pred = best.get(group, (0.0, NONE))[1]
        pred = YIELD if pred in YIELD_TYPES else pred  # the pairs' scheme joins the two classes
        hits += pred == pair.label
        if pred == pair.label:
            table[pair.label] = table.get(pair.label, Counts()) + Counts(tp=1)
            continue
        table[pair.label] = table.get(pair.label, Counts()) + Counts(fn=1)
        if pred != NONE:
            table[pred] = table.get(pred, Counts()) + Counts(fp=1)
    n = len(data.pairs)
    return {"pair_macro_f1": macro_f1(table), "pair_accuracy": hits / n if n else 0.0,
            "pair_coverage": len(best) / n if n else 0.0}
