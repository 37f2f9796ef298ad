"""The trained coder: the rule coder proposes candidates, a trained linear model disposes.

Each candidate (trigger + clause + actor + recipient from the rules) gets a probability for every
PLOVER class and for "no event". The candidate is dropped when "no event" wins; otherwise it takes
the winning class (keeping the rules' CAMEO code and mode when the class is theirs, else the class's
root code) and that probability as its confidence. Weights come from `chronique train`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.coding.alternatives import readings
from chronique.coding.features import candidate_features
from chronique.coding.linear import LinearModel, default_weights_path, load_model
from chronique.coding.mentions import MentionIndex
from chronique.coding.rules import RuleCoder, dedupe_events
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon

NO_EVENT = "NONE"


def decide(classes: Sequence[str], proba: np.ndarray, keep: float) -> str:
    """The most probable event class, or NONE when "no event" has probability ``keep`` or more."""
    none = classes.index(NO_EVENT) if NO_EVENT in classes else None
    if none is not None and proba[none] >= keep:
        return NO_EVENT
    ranked = [int(i) for i in np.argsort(-proba, kind="stable") if classes[int(i)] != NO_EVENT]
    return classes[ranked[0]] if ranked else NO_EVENT
TRAINED_VERSION = "chronique 0.1 trained.v1"


def root_codes(table: CameoTable) -> dict[str, str]:
    """The most general CAMEO code of each PLOVER class (the shortest, then the lowest)."""
    out: dict[str, str] = {}
    for code, entry in sorted(table.entries.items(), key=lambda kv: (len(kv[0]), kv[0])):
        out.setdefault(entry.event, code)
    return out


def event_chance(classes: Sequence[str], proba: np.ndarray) -> float:
    return 1.0 - float(proba[classes.index(NO_EVENT)]) if NO_EVENT in classes else 1.0


def choose(keys: Sequence[Hashable], own: Sequence[bool], probas: Sequence[tuple[Sequence[str], np.ndarray]],
           keep: float) -> list[str]:
    """The label of each reading: per trigger (``keys``), the likeliest event reading, and the rules'
    own readings that also pass; every other reading is NONE."""
    labels = [decide(classes, p, keep) for classes, p in probas]
    best: dict[Hashable, int] = {}
    for i, key in enumerate(keys):
        chance = event_chance(*probas[i])
        if labels[i] != NO_EVENT and (key not in best or chance > event_chance(*probas[best[key]])):
            best[key] = i
    return [label if label != NO_EVENT and (best.get(key) == i or mine) else NO_EVENT
            for i, (label, key, mine) in enumerate(zip(labels, keys, own, strict=True))]


def trigger_key(event: EventRecord) -> tuple[int, ...]:
    return (int(event["text_info"]["sequence"]), *(int(x) for x in event.get("_trigger") or ()))


def is_own(event: EventRecord) -> bool:
    return bool(event.get("_own_actor", True)) and bool(event.get("_own_recipient", True))


class TrainedCoder:
    name = "trained"

    def __init__(self, lexicon: EventLexicon, table: CameoTable, weights: Path | None = None) -> None:
        self.rules = RuleCoder(lexicon, table)
        self.table = table
        self.weights = weights or default_weights_path()
        self.model: LinearModel = load_model(self.weights)
        self.with_rules = bool(self.model.meta.get("rule_features", True))
        self.keep = float(self.model.meta.get("keep", 0.5))
        self.rules_class = bool(self.model.meta.get("rules_class", False))  # the model filters only
        self.roots = root_codes(table)

    def code(self, doc: Doc) -> list[EventRecord]:
        candidates = self.rules.code(doc)
        if not candidates:
            return []
        options = readings(doc, candidates, MentionIndex(doc, self.rules.heads))
        rows = [candidate_features(doc, options, i, rules=self.with_rules) for i in range(len(options))]
        classes = self.model.classes
        probas = [(classes, p) for p in self.model.proba(rows)]
        labels = choose([trigger_key(e) for e in options], [is_own(e) for e in options], probas, self.keep)
        out = [self._recode(e, e["event"] if self.rules_class else label, event_chance(classes, p)
                            if self.rules_class else float(p[classes.index(label)]))
               for e, label, (_, p) in zip(options, labels, probas, strict=True) if label != NO_EVENT]
        return dedupe_events(out)

    def _recode(self, event: EventRecord, label: str, confidence: float) -> EventRecord:
        recoded = event.copy()  # the rules' own choice of parties is no part of the model's reading
        recoded.pop("_own_actor", None)
        recoded.pop("_own_recipient", None)
        recoded.update({"confidence": round(confidence, 2), "coder": TRAINED_VERSION})
        if label != event["event"]:
            code = self.roots.get(label, "")
            _, mode, context = self.table.plover(code) or (label, "", ())
            recoded.update({"event": label, "cameo": code, "mode": mode, "quad_code": self.table.quad(label),
                            "context": list(context)})
        return recoded

