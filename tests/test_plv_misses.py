"""benchmarks/plv_misses.py: which first failing stage a marked pair falls in, and its tables.

Pairs and events built here, plus real parses of sentences written for these tests (marked
``model``); no training data is read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from chronique.train.readers import PairRecord

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
misses = pytest.importorskip("plv_misses")


def _pair(label: str = "ACCUSE", source: str = "Chile", target: str = "Peru",
          text: str = "Chile accused Peru of spying.") -> PairRecord:
    return PairRecord(text, source, target, label, "test.tsv:2")


def _event(actor: str | None, recipient: str | None, event: str = "ACCUSE", confidence: float = 0.7) -> Any:
    def party(text: str | None) -> dict[str, Any] | None:
        return None if text is None else {"code": text[:3].upper(), "entity_text": text}
    return {"event": event, "actor": party(actor), "recipient": party(recipient), "confidence": confidence,
            "_lemma": "accuse"}


def test_a_pair_is_read_from_the_source_to_the_target_or_to_no_one() -> None:
    pair = _pair()
    assert misses._marked(_event("Chile", "Peru"), pair)
    assert misses._marked(_event("Chile", None), pair)
    assert not misses._marked(_event("Chile", "Bolivia"), pair)
    assert not misses._marked(_event("Peru", "Chile"), pair)
    best = misses._best([_event("Chile", None, "REJECT", 0.6), _event("Chile", "Peru", "ACCUSE", 0.8)], pair)
    assert best is not None and best["event"] == "ACCUSE"


def test_yield_is_either_concede_or_retreat() -> None:
    assert misses._same("CONCEDE", "YIELD") and misses._same("RETREAT", "YIELD")
    assert not misses._same("AGREE", "YIELD") and misses._same("AID", "AID")


@pytest.mark.parametrize(("events", "cause"), [
    ([_event("Chile", "Bolivia")], "b source acts on another party"),
    ([_event("Peru", "Chile")], "b swapped direction"),
    ([_event("Peru", "Bolivia")], "b target read as actor of another act"),
    ([_event("Bolivia", "Ecuador")], "b third parties only"),
])
def test_events_that_miss_the_pair_say_how(events: list[Any], cause: str) -> None:
    miss = misses._no_pair(events, _pair())
    assert miss.cause == cause and miss.predicted == "ACCUSE"


def test_the_report_counts_causes_recall_and_confusions() -> None:
    rows = [misses.Miss(_pair(), "hit", "ACCUSE"), misses.Miss(_pair(), "c wrong class", "SANCTION"),
            misses.Miss(_pair("AID"), "a no trigger", lemma="open/VERB")]
    text = misses.report(rows, 5)
    assert "| hit | 1 | 0.333 |" in text
    assert "| ACCUSE | 2 | 0.50 | 0 | 0 | 1 | 0 |" in text
    assert "| ACCUSE | SANCTION | 1 |" in text
    assert "open/VERB 1" in text


@pytest.mark.model
def test_real_parse_a_coded_pair_and_a_sentence_without_trigger() -> None:
    from chronique.coding.mentions import MentionIndex
    from chronique.coding.unlisted import load_sector_heads
    from chronique.nlp.events import EventCoder
    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline
    from chronique.schema import Article
    from chronique.train import dataset as ds

    annotator = Pipeline(PipelineOptions(coder="rules", stages=ds.CANDIDATE_STAGES)).annotator
    coder = annotator.language("en").get_pipe("chronique_events")
    assert isinstance(coder, EventCoder)
    got = {}
    for pair in (_pair("YIELD", "Chile", "Peru", "Chile lifted its ban on Peruvian imports on Monday."),
                 _pair("AID", "Chile", "Peru", "Chile opened a school for Peru on Monday.")):
        art = Article(id=pair.where, text=pair.text, language="en", published=ds.UNDATED, source=pair.where)
        doc, _ = annotator.annotate_doc(art)
        got[pair.label] = misses.classify(coder, MentionIndex(doc, load_sector_heads()), doc, pair)
    assert got["YIELD"].cause == "hit", got
    assert got["AID"].cause == "a no trigger" and got["AID"].lemma == "open/VERB", got
