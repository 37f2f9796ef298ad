"""Where the gold events of a Wikinews-scheme training set are lost: the candidate-coverage taxonomy.

Each gold event falls in the first step it fails: no candidate in its sentence at all, none with
the right actor, none with the right recipient too, the right pair but not the rules' class (the
model must choose the class: an open candidate has none), or the right pair with the rules' class.
It says whether candidate generation or the classifier is the bottleneck.
"""

from __future__ import annotations

from collections import Counter

from chronique.train.dataset import Candidate, TrainingSet
from chronique.train.readers import GoldEvent

STEPS = ("no candidate", "no right actor", "no right recipient", "right pair, class left to the model",
         "right pair and the rules' class")


def _code(party: object) -> str:
    return str(getattr(party, "code", "") or "")


def _step(gold: GoldEvent, cands: list[Candidate]) -> str:
    here = [c for c in cands if c.start < gold.end and gold.start < c.end]
    if not here:
        return STEPS[0]
    actor = [c for c in here if c.actor == _code(gold.actor)]
    if not actor:
        return STEPS[1]
    pair = [c for c in actor if c.recipient == _code(gold.recipient)]
    if not pair:
        return STEPS[2]
    return STEPS[4] if any(c.event == gold.event for c in pair) else STEPS[3]


def taxonomy(data: TrainingSet, corpus: str) -> dict[str, int]:
    """How many gold events of ``corpus`` stop at each step of STEPS."""
    by_article: dict[str, list[Candidate]] = {}
    for c in data.candidates:
        if c.corpus == corpus:
            by_article.setdefault(c.group, []).append(c)
    prefix = corpus.split("-")[0] + "-"
    counts = Counter(_step(g, by_article.get(article, []))
                     for article, events in data.gold.items() if article.startswith(prefix) for g in events)
    return {step: counts.get(step, 0) for step in STEPS}
