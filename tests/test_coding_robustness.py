"""The rule coder on bad input: verbless sentences, long sentences, no actors, many triggers.

Termination and cost are checked by counting the coder's executed lines under a budget (a trace
function aborts the run past it), never by a clock: a loop that does not end fails at once, and a
cost that grows faster than the input fails the ratio test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from chronique.coding import make_coder
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()
VOCAB = spacy.blank("fr").vocab


class BudgetExceeded(Exception):
    pass


@contextmanager
def line_budget(limit: int) -> Iterator[list[int]]:
    """Count lines executed in chronique.coding; raise BudgetExceeded past ``limit``."""
    count = [0]

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            count[0] += 1
            if count[0] > limit:
                raise BudgetExceeded(f"more than {limit} lines executed")
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Any:
        return local if "chronique/coding" in frame.f_code.co_filename.replace("\\", "/") else None

    sys.settrace(global_)
    try:
        yield count
    finally:
        sys.settrace(None)


def _coder(lang: str = "fr") -> Any:
    return make_coder("rules", load_event_lexicon(lang), load_cameo_table())


def _headline_rows(offset: int) -> list[tuple[str, str, str, str, int]]:
    """A verbless headline: "Attaque de la Russie contre l'Ukraine ." (the noun is the root)."""
    o = offset
    return [("Attaque", "attaque", "NOUN", "ROOT", o), ("de", "de", "ADP", "case", o + 3),
            ("la", "le", "DET", "det", o + 3), ("Russie", "Russie", "PROPN", "nmod", o),
            ("contre", "contre", "ADP", "case", o + 6), ("l'", "le", "DET", "det", o + 6),
            ("Ukraine", "Ukraine", "PROPN", "nmod", o), (".", ".", "PUNCT", "punct", o)]


def _doc(rows: list[tuple[str, str, str, str, int]], sent_starts: set[int]) -> Doc:
    doc = Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              sent_starts=[i in sent_starts for i in range(len(rows))])
    doc._.ch_published = "2024-03-01"
    return doc


def _headlines(n: int) -> Doc:
    rows: list[tuple[str, str, str, str, int]] = []
    for k in range(n):
        rows.extend(_headline_rows(8 * k))
    doc = _doc(rows, {8 * k for k in range(n)})
    actors = []
    for tok in doc:
        if tok.text in ("Russie", "Ukraine"):
            code = "RUS" if tok.text == "Russie" else "UKR"
            actors.append({"text": tok.text, "start": tok.idx, "end": tok.idx + len(tok), "code": code,
                           "sector": None, "kind": "country", "_tokens": [tok.i, tok.i + 1]})
    doc._.ch_actors = actors
    return doc


def test_verbless_headline_terminates_and_codes() -> None:
    """The root is a noun: the clause search used to climb past the root forever."""
    doc = _headlines(1)
    with line_budget(20_000):
        events = _coder().code(doc)
    assert [(e["event"], e["actor"]["code"], e["recipient"]["code"]) for e in events] == [("ASSAULT", "RUS", "UKR")]
    assert events[0]["text_info"]["start"] == 0


def test_cost_grows_linearly_with_the_document() -> None:
    costs = []
    for n in (10, 40):
        doc = _headlines(n)
        with line_budget(5_000_000) as count:
            events = _coder().code(doc)
        assert len(events) == n  # one per sentence: nothing merged, nothing invented
        costs.append(count[0])
    assert costs[1] < 4.6 * costs[0], costs  # 4x the input, at most ~4x the work


def test_one_long_sentence_with_many_triggers_stays_linear() -> None:
    """A 500-word run-on sentence (no full stop) where every eighth word is a trigger."""
    costs = []
    for n in (16, 64):
        rows: list[tuple[str, str, str, str, int]] = []
        for k in range(n):
            block = _headline_rows(8 * k)
            block[-1] = (",", ",", "PUNCT", "punct", 8 * k)
            if k:  # each headline hangs off the first: one sentence, one tree
                block[0] = ("attaque", "attaque", "NOUN", "conj", 0)
            rows.extend(block)
        doc = _doc(rows, {0})
        doc._.ch_actors = [{"text": t.text, "start": t.idx, "end": t.idx + len(t), "sector": None,
                            "code": "RUS" if t.text == "Russie" else "UKR", "kind": "country"}
                           for t in doc if t.text in ("Russie", "Ukraine")]
        with line_budget(20_000_000) as count:
            events = _coder().code(doc)
        assert len(doc) == 8 * n and events  # coded, deduplicated to one (sentence, type, dyad)
        costs.append(count[0])
    assert costs[1] < 6 * costs[0], costs  # 4x the words: linear or close to it, never quadratic


def test_long_sentence_without_actors_gives_no_event() -> None:
    rows = [("attaque", "attaque", "NOUN", "ROOT" if i == 0 else "conj", 0) for i in range(500)]
    doc = _doc(rows, {0})
    doc._.ch_actors = []
    with line_budget(10_000):
        assert _coder().code(doc) == []


def test_all_caps_list_without_parse_invents_nothing() -> None:
    """A table of capitalised words with triggers but no actor mention: nothing is invented."""
    words = ["ATTAQUE", "|", "SANCTIONS", "|", "MANIFESTATION", "|", "ACCORD"] * 20
    rows = [(w, w.lower(), "NOUN" if w != "|" else "PUNCT", "ROOT" if i == 0 else "dep", 0)
            for i, w in enumerate(words)]
    doc = _doc(rows, {0})
    doc._.ch_actors = [{"text": "ONU", "start": 0, "end": 0, "code": None, "kind": "organisation"}]
    assert _coder().code(doc) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_document(lang: str) -> None:
    doc = Doc(spacy.blank(lang).vocab, words=[])
    doc._.ch_actors = []
    assert _coder(lang).code(doc) == []


def test_a_cyclic_tree_terminates() -> None:
    """A hand-made or corrupt parse may hold a cycle ("affirme" → "le" → "Mali" → "affirme"); the
    role search must still end."""
    rows = [("Il", "il", "PRON", "nsubj", 1), ("attaque", "attaquer", "VERB", "ccomp", 6),
            ("le", "le", "DET", "det", 3), ("Niger", "Niger", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 5),
            ("affirme", "affirmer", "VERB", "ROOT", 6), ("le", "le", "DET", "det", 7),
            ("Mali", "Mali", "PROPN", "nsubj", 5), (".", ".", "PUNCT", "punct", 5)]
    doc = _doc(rows, {0})
    assert [doc[i].head.i for i in (5, 6, 7)] == [6, 7, 5]  # the cycle is really there
    doc._.ch_actors = [{"text": name, "start": doc.text.index(name), "end": doc.text.index(name) + len(name),
                        "name": name, "code": code, "sector": "GOV", "kind": "country"}
                       for name, code in (("Niger", "NER"), ("Mali", "MLI"))]
    with line_budget(50_000):
        _coder().code(doc)
