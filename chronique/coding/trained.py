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

from chronique.annotations.places import event_location
from chronique.annotations.records import EventRecord
from chronique.annotations.times import event_date
from chronique.coding.alternatives import readings
from chronique.coding.features import feature_rows
from chronique.coding.linear import LinearModel, default_weights_path, load_model
from chronique.coding.mentions import MentionIndex
from chronique.coding.open_triggers import open_readings
from chronique.coding.rules import RuleCoder, dedupe_events
from chronique.coding.vector_clusters import Clusters
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon

NO_EVENT = "NONE"
# trained.v4: trained.v3's recipe (chronique train --keep 0.9) retrained on the rules.v9 candidates
# trained.v5: the same recipe retrained on the rules.v14 candidates (told acts, recall verb classes, unlisted people)
# trained.v6: the same recipe retrained on the rules.v15 candidates (headlines, common-noun recipients, joint and
# undergone acts, surnames, first-person speakers)
TRAINED_VERSION = "chronique 0.1 trained.v8"
OPEN_WEIGHT = 0.5  # an act the lexicon does not list is the less certain reading of its sentence


def decide(classes: Sequence[str], proba: np.ndarray, keep: float) -> str:
    """The most probable event class, or NONE when "no event" has probability ``keep`` or more."""
    none = classes.index(NO_EVENT) if NO_EVENT in classes else None
    if none is not None and proba[none] >= keep:
        return NO_EVENT
    ranked = [int(i) for i in np.argsort(-proba, kind="stable") if classes[int(i)] != NO_EVENT]
    return classes[ranked[0]] if ranked else NO_EVENT


def root_codes(table: CameoTable) -> dict[str, str]:
    """The most general CAMEO code of each PLOVER class (the shortest, then the lowest)."""
    out: dict[str, str] = {}
    for code, entry in sorted(table.entries.items(), key=lambda kv: (len(kv[0]), kv[0])):
        out.setdefault(entry.event, code)
    return out


def event_chance(classes: Sequence[str], proba: np.ndarray) -> float:
    return 1.0 - float(proba[classes.index(NO_EVENT)]) if NO_EVENT in classes else 1.0


def passing(keep: float, confidence: float, min_confidence: float) -> float:
    """A reading's keep threshold: none passes (0) when the rules rate it below ``min_confidence``
    (on real pages the rules' low-confidence readings were almost all wrong: docs/accuracy.md)."""
    return keep if confidence >= min_confidence else 0.0


def choose(keys: Sequence[Hashable], probas: Sequence[tuple[Sequence[str], np.ndarray]],
           keep: float | Sequence[float], prefer: Sequence[bool] | None = None) -> list[str]:
    """The label of each reading: one reading per act (trigger, ``keys``) among those that pass their
    threshold: a preferred one (``prefer``: the rules' own reading) when one passes, else the
    likeliest; every other reading of the act is NONE (two readings of one act are one event told
    twice, one of them with the wrong parties). ``keep``: one threshold, or one per reading (open
    candidates have a stricter one)."""
    keeps = [keep] * len(probas) if isinstance(keep, float | int) else list(keep)
    labels = [decide(classes, p, k) for (classes, p), k in zip(probas, keeps, strict=True)]
    first = list(prefer) if prefer is not None else [False] * len(probas)
    best: dict[Hashable, tuple[tuple[bool, float], int]] = {}
    for i, key in enumerate(keys):
        rank = (first[i], event_chance(*probas[i]))
        if labels[i] != NO_EVENT and (key not in best or rank > best[key][0]):
            best[key] = (rank, i)
    chosen = {i for _, i in best.values()}
    return [label if i in chosen else NO_EVENT for i, label in enumerate(labels)]


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
        # per act, the rules' own reading when it passes, else the model's likeliest reading
        self.prefer_own = bool(self.model.meta.get("prefer_own", False))
        self.min_confidence = float(self.model.meta.get("min_confidence", 0.0))
        # open candidates pass their own threshold; without one, a filter model codes none of them
        self.keep_open = self.model.meta.get("keep_open")
        # trained on open candidates too, and able to code them (a filter without keep_open is not)
        self.open = bool(self.model.meta.get("open", False)) and (self.keep_open is not None or not self.rules_class)
        self.roots = root_codes(table)
        self.clusters = Clusters(self.model.clusters) if self.model.clusters is not None else None

    def candidates(self, doc: Doc) -> list[EventRecord]:
        """The readings the model chooses among: the rules' candidates and, for a model trained
        with them, the open ones (chronique.coding.open_triggers)."""
        candidates = self.rules.code(doc)
        if not candidates and not self.open:
            return []
        index = MentionIndex(doc, self.rules.heads)
        options = readings(doc, candidates, index)
        if self.open:
            options += open_readings(doc, index, {int(e["_trigger"][0]) for e in candidates})
        return options

    def code(self, doc: Doc) -> list[EventRecord]:
        options = self.candidates(doc)
        if not options:
            return []
        rows = feature_rows(doc, options, rules=self.with_rules, clusters=self.clusters)
        classes = self.model.classes
        probas = [(classes, p) for p in self.model.proba(rows)]
        keeps = [passing(float(self.keep_open) if self.keep_open is not None and e.get("_open") else self.keep,
                         float(e.get("confidence") or 0.0), self.min_confidence) for e in options]
        prefer = [is_own(e) for e in options] if self.prefer_own else None
        labels = choose([trigger_key(e) for e in options], probas, keeps, prefer)
        out = [self._decided(e, label, p) for e, label, (_, p) in zip(options, labels, probas, strict=True)
               if label != NO_EVENT]
        return dedupe_events([_place_and_date(doc, e) for e in out if e["event"] != NO_EVENT])

    def _decided(self, event: EventRecord, label: str, proba: np.ndarray) -> EventRecord:
        """A kept reading: a filter keeps the rules' class of a rule candidate (an open one has
        none: it takes the model's, when the model has a threshold for them) and their confidence, so
        the sentence's events rank as the rules rank them; an open event ranks below the rules'
        events of its sentence (OPEN_WEIGHT)."""
        classes = self.model.classes
        if event.get("_open"):
            chosen = label if self.keep_open is not None or not self.rules_class else NO_EVENT
            return self._recode(event, chosen, OPEN_WEIGHT * float(proba[classes.index(label)]))
        if self.rules_class:  # the rules' class, and their ranking of the sentence's events
            return self._recode(event, event["event"], float(event.get("confidence") or 0.0))
        return self._recode(event, label, float(proba[classes.index(label)]))

    def _recode(self, event: EventRecord, label: str, confidence: float) -> EventRecord:
        recoded = event.copy()  # the rules' own choice of parties is no part of the model's reading
        recoded.pop("_own_actor", None)
        recoded.pop("_own_recipient", None)
        recoded["_open"] = bool(event.get("_open"))
        recoded.update({"confidence": round(confidence, 2), "coder": TRAINED_VERSION})
        if label != event["event"]:
            code = self.roots.get(label, "")
            _, mode, context = self.table.plover(code) or (label, "", ())
            recoded.update({"event": label, "cameo": code, "mode": mode, "quad_code": self.table.quad(label),
                            "context": list(context)})
        return recoded



def _place_and_date(doc: Doc, event: EventRecord) -> EventRecord:
    """An open candidate the model kept gets its clause's place and date, as a rule event has them
    (worked out only now: most open candidates are dropped)."""
    if not event.pop("_open", False):
        return event
    start, end = (int(x) for x in event["_clause"])
    date, precision, _ = event_date(doc, start, end, future=event.get("modality") in ("future", "conditional"),
                                    near=int(event["_trigger"][0]))
    return {**event, "date": date, "date_precision": precision, "event_loc": event_location(doc, start, end)}
