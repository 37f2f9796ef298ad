"""The trained coder: its weights file (round trip, clear errors naming the path, exit code 5) and
its decisions over the rule coder's candidates, with tiny hand-made models on hand-built parses.
Every sentence was written for these tests."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from chronique.cli.app import app
from chronique.coding import make_coder
from chronique.coding.linear import LinearModel, load_model, record_path, save_model, save_record
from chronique.coding.trained import NO_EVENT, choose, decide, passing
from chronique.errors import KnowledgeError
from chronique.knowledge.cameo import load_cameo_table

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import parsed_doc, set_actors, small_lexicon

ACCUSE_FR = [{"match": "accuser", "cameo": "112"}]


def _model(weights: dict[str, dict[str, float]], classes: tuple[str, ...] = ("ACCUSE", NO_EVENT, "REJECT"),
           **meta: object) -> LinearModel:
    names = sorted({f for row in weights.values() for f in row})
    coef = np.array([[weights.get(c, {}).get(f, 0.0) for f in names] for c in classes])
    return LinearModel(classes, {f: i for i, f in enumerate(names)}, coef, np.zeros(len(classes)), dict(meta))


def _doc():  # type: ignore[no-untyped-def]
    # "Le Tchad a accusé le Soudan ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Tchad", "Tchad", "PROPN", "nsubj", 3),
                            ("a", "avoir", "AUX", "aux:tense", 3), ("accusé", "accuser", "VERB", "ROOT", 3),
                            ("le", "le", "DET", "det", 5), ("Soudan", "Soudan", "PROPN", "obj", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_lang = "fr"
    set_actors(doc, Tchad="TCD", Soudan="SDN")
    return doc


def _code(tmp_path: Path, model: LinearModel) -> list[tuple[str, str | None, str | None, str]]:
    path = tmp_path / "w.json.gz"
    save_model(model, path)
    coder = make_coder("trained", small_lexicon("fr", ACCUSE_FR), load_cameo_table(), path)
    return [(e["event"], (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code"), e["cameo"])
            for e in coder.code(_doc())]


def test_weights_round_trip_and_probabilities(tmp_path: Path) -> None:
    model = _model({"ACCUSE": {"a": 2.0}, "REJECT": {"b": 1.0}}, keep=0.7)
    path = tmp_path / "w.json.gz"
    save_model(model, path)
    first = path.read_bytes()
    save_model(model, path)
    assert path.read_bytes() == first  # deterministic bytes
    loaded = load_model(path)
    assert loaded.classes == model.classes and loaded.meta["keep"] == 0.7
    assert record_path(path).name == "w.record.json"
    assert '"keep": 0.7' in save_record(loaded, path).read_text(encoding="utf-8")
    proba = loaded.proba([["a", "unknown feature"], []])
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert loaded.classes[int(proba[0].argmax())] == "ACCUSE"


def test_missing_corrupt_or_misshapen_weights_name_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "none.json.gz"
    with pytest.raises(KnowledgeError, match=r"none\.json\.gz.*run `chronique train`") as info:
        load_model(missing)
    assert info.value.exit_code == 5
    corrupt = tmp_path / "corrupt.json.gz"
    corrupt.write_bytes(b"not gzip at all")
    with pytest.raises(KnowledgeError, match=r"corrupt\.json\.gz: expected gzip'd JSON weights"):
        load_model(corrupt)
    shaped = tmp_path / "shaped.json.gz"
    shaped.write_bytes(gzip.compress(b'{"format": "chronique.linear.v1", "classes": ["A", "B"], '
                                     b'"features": ["x"], "coef": [[1.0]], "intercept": [0, 0]}'))
    with pytest.raises(KnowledgeError, match=r"expected coef of shape \(2, 1\)"):
        load_model(shaped)


def test_the_model_keeps_and_recodes_a_rule_candidate(tmp_path: Path) -> None:
    keep = _model({"ACCUSE": {"trig:fr:accuser": 3.0}})
    assert ("ACCUSE", "TCD", "SDN", "112") in _code(tmp_path, keep)
    recode = _model({"REJECT": {"trig:fr:accuser": 3.0}})
    (event,) = [e for e in _code(tmp_path, recode) if e[1:3] == ("TCD", "SDN")]
    assert event[0] == "REJECT" and event[3].startswith("12")  # the class's root CAMEO code


def test_as_a_filter_the_model_keeps_the_rules_class(tmp_path: Path) -> None:
    recode = _model({"REJECT": {"trig:fr:accuser": 3.0}}, rules_class=True)
    assert ("ACCUSE", "TCD", "SDN", "112") in _code(tmp_path, recode)


def test_the_model_drops_what_it_reads_as_no_event(tmp_path: Path) -> None:
    assert _code(tmp_path, _model({NO_EVENT: {"trig:fr:accuser": 5.0}})) == []


def test_the_model_chooses_the_reading_of_the_parties(tmp_path: Path) -> None:
    # readings where Sudan accuses Chad are offered too; a model that trusts only the subject as actor
    model = _model({"ACCUSE": {"a_dep:nsubj": 2.0, "r_dep:obj": 2.0}, NO_EVENT: {"a_dep:obj": 4.0}})
    assert [e[:3] for e in _code(tmp_path, model)] == [("ACCUSE", "TCD", "SDN")]


def test_decide_and_choose() -> None:
    classes = ("ACCUSE", NO_EVENT)
    assert decide(classes, np.array([0.3, 0.7]), keep=0.8) == "ACCUSE"
    assert decide(classes, np.array([0.3, 0.7]), keep=0.6) == NO_EVENT
    probas = [(classes, np.array([0.6, 0.4])), (classes, np.array([0.9, 0.1])), (classes, np.array([0.8, 0.2]))]
    # one trigger, three readings: only the likeliest is kept, even where the rules chose another
    assert choose([1, 1, 1], probas, keep=0.5) == [NO_EVENT, "ACCUSE", NO_EVENT]
    # two triggers: one event each; a reading under its threshold gives none
    assert choose([1, 2, 2], probas, keep=[0.5, 0.05, 0.5]) == ["ACCUSE", NO_EVENT, "ACCUSE"]
    # the rules' own reading first when it passes; a reading the rules rate low never passes
    assert choose([1, 1, 1], probas, keep=0.5, prefer=[True, False, False]) == ["ACCUSE", NO_EVENT, NO_EVENT]
    assert choose([1, 1, 1], probas, keep=0.3, prefer=[True, False, False]) == [NO_EVENT, "ACCUSE", NO_EVENT]
    assert passing(0.9, 0.4, 0.5) == 0.0 and passing(0.9, 0.5, 0.5) == 0.9
    assert decide(classes, np.array([0.99, 0.01]), keep=passing(0.9, 0.3, 0.5)) == NO_EVENT


@pytest.mark.model
def test_extract_with_missing_weights_exits_5_naming_the_path(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Le Tchad a accusé le Soudan d'avoir bombardé la frontière.", encoding="utf-8")
    missing = tmp_path / "absent.json.gz"
    result = CliRunner().invoke(app, ["extract", str(text), "--lang", "fr", "--coder", "trained",
                                      "--weights", str(missing)])
    assert result.exit_code == 5
    assert str(missing) in result.output
    unknown = CliRunner().invoke(app, ["extract", str(text), "--lang", "fr", "--coder", "oracle"])
    assert unknown.exit_code == 2 and "expected an event coder among" in unknown.output
