"""Open candidates (acts the lexicon does not list), the trigger features that generalise beyond the
lemma, and the vector clusters: hand-built parses and tiny hand-made models. Every sentence was
written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from chronique.coding import make_coder
from chronique.coding.features import candidate_features
from chronique.coding.linear import LinearModel, load_model, save_model
from chronique.coding.mentions import MentionIndex
from chronique.coding.open_triggers import MAX_PARTIES, MAX_TRIGGERS, NO_CLASS, is_open_trigger, open_readings
from chronique.coding.trained import NO_EVENT, root_codes
from chronique.coding.vector_clusters import Clusters
from chronique.knowledge.cameo import load_cameo_table

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import parsed_doc, set_actors, small_lexicon

CLASSES = ("ASSAULT", NO_EVENT, "SUPPORT")


def _model(weights: dict[str, dict[str, float]], **meta: object) -> LinearModel:
    names = sorted({f for row in weights.values() for f in row})
    coef = np.array([[weights.get(c, {}).get(f, 0.0) for f in names] for c in CLASSES])
    return LinearModel(CLASSES, {f: i for i, f in enumerate(names)}, coef, np.zeros(len(CLASSES)), dict(meta))


def _shelled() -> Doc:
    # "Le Mali a pilonné le Niger ." : "pilonner" is in no lexicon of these tests
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("pilonné", "pilonner", "VERB", "ROOT", 3),
                            ("le", "le", "DET", "det", 5), ("Niger", "Niger", "PROPN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    set_actors(doc, Mali="MLI", Niger="NER")
    return doc


def _backed() -> Doc:
    # "The Netherlands was backed by Ghana ." : a passive act, no lexicon entry either
    doc = parsed_doc("en", [("The", "the", "DET", "det", 1), ("Netherlands", "Netherlands", "PROPN", "nsubj:pass", 3),
                            ("was", "be", "AUX", "aux:pass", 3), ("backed", "back", "VERB", "ROOT", 3),
                            ("by", "by", "ADP", "case", 5), ("Ghana", "Ghana", "PROPN", "obl:agent", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    set_actors(doc, Netherlands="NLD", Ghana="GHA")
    return doc


def _code(tmp_path: Path, model: LinearModel, doc: Doc, lang: str = "fr") -> set[tuple[str, str | None, str | None]]:
    path = tmp_path / "w.json.gz"
    save_model(model, path)
    coder = make_coder("trained", small_lexicon(lang, [{"match": "accuser", "cameo": "112"}]), load_cameo_table(), path)
    return {(e["event"], (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code")) for e in coder.code(doc)}


def test_every_reading_of_an_unlisted_verb_is_offered_with_no_class() -> None:
    doc = _shelled()
    found = open_readings(doc, MentionIndex(doc), taken=set())
    assert {e["_lemma"] for e in found} == {"pilonner"}
    assert {e["event"] for e in found} == {NO_CLASS}
    pairs = {((e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code")) for e in found}
    assert pairs == {("MLI", None), ("MLI", "NER"), ("NER", None), ("NER", "MLI")}
    assert open_readings(doc, MentionIndex(doc), taken={doc[3].idx}) == []  # the rules' trigger already


def test_no_party_no_open_candidate_and_light_verbs_are_not_acts() -> None:
    doc = _shelled()
    doc._.ch_actors = []
    assert open_readings(doc, MentionIndex(doc), taken=set()) == []
    light = parsed_doc("en", [("Peru", "Peru", "PROPN", "nsubj", 1), ("has", "have", "VERB", "ROOT", 1),
                              ("ports", "port", "NOUN", "obj", 1)])
    assert not is_open_trigger(light[1]) and not is_open_trigger(light[2])
    assert is_open_trigger(_shelled()[3])


def test_open_candidates_stay_bounded_in_a_long_sentence() -> None:
    rows = [("Ghana", "Ghana", "PROPN", "nsubj", 1)]
    for n in range(12):  # twelve unlisted verbs, each with its own party
        letter = "abcdefghijkl"[n]
        rows += [(f"verbed{letter}", f"verb{letter}", "VERB", "conj" if n else "ROOT", 1),
                 (f"Land{n}", f"Land{n}", "PROPN", "obj", 1)]
    doc = parsed_doc("en", rows)
    set_actors(doc, Ghana="GHA", **{f"Land{n}": f"L{n:02d}" for n in range(6)})
    found = open_readings(doc, MentionIndex(doc), taken=set())
    assert len({e["_lemma"] for e in found}) == MAX_TRIGGERS
    assert len(found) <= MAX_TRIGGERS * MAX_PARTIES * MAX_PARTIES


def test_the_trained_coder_codes_an_act_the_lexicon_does_not_list(tmp_path: Path) -> None:
    model = _model({"ASSAULT": {"hl:fr:pilonner": 3.0, "a_dep:nsubj": 1.0, "r_dep:obj": 1.0},
                    NO_EVENT: {"a_dep:obj": 4.0, "r:none": 2.0}}, open=True)
    assert _code(tmp_path, model, _shelled()) == {("ASSAULT", "MLI", "NER")}
    # the same weights without open candidates: the rules propose nothing, so nothing is coded
    assert _code(tmp_path, _model({"ASSAULT": {"hl:fr:pilonner": 3.0}}, open=False), _shelled()) == set()


def test_an_open_event_gets_the_class_root_code_a_date_and_no_private_fields(tmp_path: Path) -> None:
    path = tmp_path / "w.json.gz"
    weights = {"SUPPORT": {"hl:en:back": 3.0, "voice:passive": 1.0, "r:none": -2.0},
               NO_EVENT: {"a_dep:nsubj:pass": 3.0}}
    save_model(_model(weights, open=True), path)
    coder = make_coder("trained", small_lexicon("en", [{"match": "accuse", "cameo": "112"}]), load_cameo_table(), path)
    (event,) = coder.code(_backed())
    assert (event["event"], event["actor"]["code"], event["recipient"]["code"]) == ("SUPPORT", "GHA", "NLD")
    assert event["cameo"] == root_codes(load_cameo_table())["SUPPORT"]  # the class's most general code
    assert event["date"] == "2024-05-02" and "_open" not in event


def test_voice_negation_and_modal_features_of_the_trigger() -> None:
    doc = _backed()
    feats = set(candidate_features(doc, open_readings(doc, MentionIndex(doc), set()), 0))
    assert {"voice:passive", "neg:False", "modal:-", "hl:en:back", "open:True"} <= feats
    neg = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 3), ("could", "could", "AUX", "aux", 3),
                            ("not", "not", "PART", "advmod", 3), ("shell", "shell", "VERB", "ROOT", 3),
                            ("Peru", "Peru", "PROPN", "obj", 3)])
    set_actors(neg, Chile="CHL", Peru="PER")
    feats = set(candidate_features(neg, open_readings(neg, MentionIndex(neg), set()), 0))
    assert {"voice:active", "neg:True", "modal:could"} <= feats


def test_clusters_group_words_by_their_vectors_and_travel_in_the_weights(tmp_path: Path) -> None:
    nlp = spacy.blank("fr")
    for word, vec in {"pilonner": [1.0, 0.1, 0.0], "bombarder": [0.9, 0.2, 0.0], "saluer": [0.0, 0.1, 1.0]}.items():
        nlp.vocab.set_vector(word, np.array(vec, dtype=np.float32))
    doc = nlp("pilonner bombarder saluer inconnu")
    clusters = Clusters(np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32))
    assert [clusters.of(t) for t in doc] == [0, 0, 1, None]
    assert Clusters(np.ones((2, 5), dtype=np.float32)).of(doc[0]) is None  # another model's vectors
    path = tmp_path / "w.json.gz"
    save_model(LinearModel(CLASSES, {}, np.zeros((3, 0)), np.zeros(3), {}, clusters.centroids), path)
    loaded = load_model(path).clusters
    assert loaded is not None and loaded.shape == (2, 3)


def test_a_filter_codes_open_candidates_only_with_their_own_threshold(tmp_path: Path) -> None:
    weights = {"ASSAULT": {"hl:fr:pilonner": 3.0, "a_dep:nsubj": 1.0, "r_dep:obj": 1.0},
               NO_EVENT: {"a_dep:obj": 4.0, "r:none": 2.0}}
    # a filter keeps the rules' class, and an open candidate has none: without keep_open it is dropped
    assert _code(tmp_path, _model(weights, open=True, rules_class=True, keep=0.5), _shelled()) == set()
    with_open = _model(weights, open=True, rules_class=True, keep=0.5, keep_open=0.5)
    assert _code(tmp_path, with_open, _shelled()) == {("ASSAULT", "MLI", "NER")}
    strict = _model(weights, open=True, rules_class=True, keep=0.5, keep_open=0.0001)
    assert _code(tmp_path, strict, _shelled()) == set()


def test_an_open_event_ranks_below_the_rules_event_of_its_sentence(tmp_path: Path) -> None:
    # "Le Mali a pilonné et accusé le Niger ." : "accuser" is the lexicon's, "pilonner" is not
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("pilonné", "pilonner", "VERB", "ROOT", 3),
                            ("et", "et", "CCONJ", "cc", 5), ("accusé", "accuser", "VERB", "conj", 3),
                            ("le", "le", "DET", "det", 7), ("Niger", "Niger", "PROPN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    set_actors(doc, Mali="MLI", Niger="NER")
    path = tmp_path / "w.json.gz"
    weights = {"ASSAULT": {"hl:fr:pilonner": 4.0}, "ACCUSE": {"rule:ACCUSE": 4.0}, NO_EVENT: {"r:none": 6.0}}
    names = sorted({f for row in weights.values() for f in row})
    classes = ("ACCUSE", "ASSAULT", NO_EVENT)
    coef = np.array([[weights.get(c, {}).get(f, 0.0) for f in names] for c in classes])
    save_model(LinearModel(classes, {f: i for i, f in enumerate(names)}, coef, np.zeros(3),
                           {"open": True, "rules_class": True, "keep": 0.5, "keep_open": 0.5}), path)
    coder = make_coder("trained", small_lexicon("fr", [{"match": "accuser", "cameo": "112"}]), load_cameo_table(), path)
    ranked = sorted(coder.code(doc), key=lambda e: -e["confidence"])
    assert [e["event"] for e in ranked] == ["ACCUSE", "ASSAULT"]


def test_light_verbs_and_event_noun_endings_are_language_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Which verbs are too light and which noun endings make an event noun come from the
    function-word files: other words there, other open triggers."""
    from chronique.coding import open_triggers
    from chronique.knowledge.function_words import FunctionWords

    doc = spacy.blank("en")("They sign the treaty")
    doc[1].pos_, doc[1].lemma_ = "VERB", "sign"
    doc[3].pos_, doc[3].lemma_ = "NOUN", "treaty"
    assert open_triggers.is_open_trigger(doc[1]) and not open_triggers.is_open_trigger(doc[3])
    data = FunctionWords(light_verbs=frozenset({"sign"}), event_noun_endings=frozenset({"aty"}))
    monkeypatch.setattr(open_triggers, "words_of", lambda lang=None: data)
    open_triggers._noun_endings.cache_clear()
    try:
        assert not open_triggers.is_open_trigger(doc[1]) and open_triggers.is_open_trigger(doc[3])
    finally:
        open_triggers._noun_endings.cache_clear()
