"""Labelling, fitting and scoring of candidates, on hand-made candidates (no model, no data set)."""

from __future__ import annotations

import numpy as np

from chronique.coding.trained import NO_EVENT
from chronique.train.dataset import Candidate, TrainingSet, _label, _wikinews_label
from chronique.train.fit import FitOptions, cross_proba, fit, fold_of, labels_at, rules_prediction
from chronique.train.readers import GoldEvent, GoldParty, PairRecord
from chronique.train.scores import pair_scores, wikinews_scores
from chronique.train.taxonomy import STEPS, taxonomy


def _cand(group: str, features: tuple[str, ...], label: str, *, event: str = "ACCUSE", actor: str = "FRA",
          recipient: str = "DEU", start: int = 0, own: bool = True, corpus: str = "fr-wikinews-train",
          marked: bool = False) -> Candidate:
    return Candidate(features, label, group, corpus, event, actor, recipient, start, start + 20, 1, 0.6,
                     (1, start), own, marked)


def _gold(event: str, actor: str, recipient: str | None, start: int = 0) -> GoldEvent:
    return GoldEvent(start, start + 20, event, GoldParty(actor, "GOV", "x"),
                     GoldParty(recipient, "GOV", "y") if recipient else None)


def test_a_candidate_is_labelled_by_the_gold_event_with_its_dyad() -> None:
    gold = (_gold("REJECT", "FRA", "DEU"), _gold("ACCUSE", "ITA", None))
    assert _wikinews_label(_cand("a", (), ""), gold) == "REJECT"  # same dyad: the gold class
    assert _wikinews_label(_cand("a", (), "", actor="ESP"), gold) == NO_EVENT  # no gold dyad: no event
    assert _wikinews_label(_cand("a", (), "", start=50), gold) == NO_EVENT  # another sentence


def test_an_act_not_told_as_done_is_labelled_no_event() -> None:
    assert _label(_cand("a", ("mod:asserted",), ""), "ASSAULT").label == "ASSAULT"
    assert _label(_cand("a", ("mod:reported",), ""), "ASSAULT").label == "ASSAULT"
    for modality in ("future", "conditional", "negated", "requested"):
        assert _label(_cand("a", (f"mod:{modality}",), ""), "ASSAULT").label == NO_EVENT
    assert _label(_cand("a", ("mod:future",), ""), "").label == ""  # unlabelled stays unlabelled


def test_one_reading_per_act_in_each_article_and_a_confidence_floor() -> None:
    # the same sentence number and trigger offsets in two articles are two acts
    cands = [_cand("art1", (), "ACCUSE"), _cand("art2", (), "ACCUSE"),
             _cand("art2", (), NO_EVENT, own=False, actor="DEU", recipient="FRA")]
    probas = [(("ACCUSE", NO_EVENT), np.array(p)) for p in ([0.6, 0.4], [0.6, 0.4], [0.9, 0.1])]
    assert labels_at(cands, probas, 0.5, rules_class=True) == ["ACCUSE", NO_EVENT, "ACCUSE"]
    assert labels_at(cands, probas, 0.5, rules_class=True, prefer_own=True) == ["ACCUSE", "ACCUSE", NO_EVENT]
    assert labels_at(cands, probas, 0.5, rules_class=True, min_confidence=0.7) == [NO_EVENT] * 3  # the rules gave 0.6


def _separable() -> list[Candidate]:
    out = []
    for i in range(40):
        out.append(_cand(f"art{i}", ("trig:fr:accuser", "a_dep:nsubj"), "ACCUSE"))
        out.append(_cand(f"art{i}", ("trig:fr:accuser", "a_dep:obj"), NO_EVENT, own=False, actor="DEU",
                         recipient="FRA"))
    return out


def test_fit_learns_a_separable_choice_and_cross_validation_keeps_groups_apart() -> None:
    cands = _separable()
    model = fit(cands, FitOptions())
    assert set(model.classes) == {"ACCUSE", NO_EVENT}
    assert fold_of("art3", 5) == fold_of("art3", 5)
    probas = cross_proba(cands, FitOptions(folds=4))
    labels = labels_at(cands, probas, keep=0.5)
    assert labels[0::2] == ["ACCUSE"] * 40 and labels[1::2] == [NO_EVENT] * 40
    assert rules_prediction(cands)[:2] == ["ACCUSE", NO_EVENT]  # the rules keep only their own reading


def test_scores_of_the_kept_candidates_against_the_gold() -> None:
    cands = [_cand("fr-a", (), "ACCUSE"), _cand("fr-a", (), NO_EVENT, actor="ESP", own=False)]
    data = TrainingSet(tuple(cands), {"fr-a": (_gold("ACCUSE", "FRA", "DEU"), _gold("AID", "FRA", "ITA", 40))},
                       {}, "sha256:test")
    scores = wikinews_scores(data, ["ACCUSE", "ACCUSE"], "fr-wikinews-train")
    assert (scores["precision"], scores["recall"]) == (0.5, 0.5)  # one hit, one false alarm, one missed
    assert wikinews_scores(data, ["ACCUSE", NO_EVENT], "fr-wikinews-train")["precision"] == 1.0


def test_pair_scores_read_the_marked_reading_and_join_yield() -> None:
    pair = PairRecord("The rebels withdrew.", "The rebels", "the town", "YIELD", "p:2")
    cands = [_cand("p:2", (), "RETREAT", corpus="plv-train", event="RETREAT", marked=True)]
    data = TrainingSet(tuple(cands), {}, {"p:2": pair}, "sha256:test")
    assert pair_scores(data, ["RETREAT"])["pair_accuracy"] == 1.0  # RETREAT is one half of YIELD
    assert pair_scores(data, [NO_EVENT])["pair_coverage"] == 0.0


def test_the_taxonomy_places_each_gold_event_at_the_first_step_it_fails() -> None:
    gold = {"fr-1": (_gold("ACCUSE", "FRA", "DEU"),  # the rules' own reading: right pair and class
                     _gold("REJECT", "FRA", "DEU", start=100),  # an open reading of the pair, no class
                     _gold("AID", "ITA", None, start=200),  # only another actor's reading there
                     _gold("SUPPORT", "FRA", "ESP", start=300),  # the actor, not the recipient
                     _gold("ASSAULT", "FRA", None, start=400))}  # no candidate in the sentence at all
    cands = (_cand("fr-1", (), "ACCUSE"), _cand("fr-1", (), "REJECT", event=NO_EVENT, start=100, own=False),
             _cand("fr-1", (), NO_EVENT, actor="GRC", start=200), _cand("fr-1", (), NO_EVENT, start=300))
    counts = taxonomy(TrainingSet(cands, gold, {}, "v"), "fr-wikinews-train")
    assert counts == dict(zip(STEPS, [1, 1, 1, 1, 1], strict=True))
    assert taxonomy(TrainingSet(cands, gold, {}, "v"), "en-wikinews-train") == dict.fromkeys(STEPS, 0)


def test_open_candidates_pass_their_own_threshold_and_keep_the_models_class() -> None:
    classes = ("ASSAULT", NO_EVENT)
    rule = _cand("a", (), "ACCUSE")
    opened = _cand("a", (), "ASSAULT", event=NO_EVENT, start=40, own=False)
    probas = [(classes, np.array([0.3, 0.7])), (classes, np.array([0.4, 0.6]))]
    # a filter keeps the rules' class of a rule candidate, and drops open ones without keep_open
    assert labels_at([rule, opened], probas, 0.9, rules_class=True) == ["ACCUSE", NO_EVENT]
    assert labels_at([rule, opened], probas, 0.9, rules_class=True, keep_open=0.65) == ["ACCUSE", "ASSAULT"]
    assert labels_at([rule, opened], probas, 0.9, rules_class=True, keep_open=0.5) == ["ACCUSE", NO_EVENT]
