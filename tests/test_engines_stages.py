"""Stage timing leaves spaCy's results alone and charges each component its own time."""

from __future__ import annotations

import time

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from chronique.engines.stages import time_stages


@Language.component("scale_test_slow_marker")
def slow_marker(doc: Doc) -> Doc:
    time.sleep(0.01)  # a stage with a known cost, and without a pipe method
    doc.user_data["seen"] = True
    return doc


def pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("scale_test_slow_marker")
    return nlp


def test_timed_stages_give_the_same_docs_and_a_time_per_stage() -> None:
    texts = ["Norland recalled its envoy. Valdoria protested.", "Ostria held talks! They lasted an hour."]
    plain = [[s.text for s in doc.sents] for doc in pipeline().pipe(texts)]
    nlp, clock = pipeline(), {}
    time_stages(nlp, clock)
    time_stages(nlp, clock)  # twice is once
    docs = list(nlp.pipe(texts, batch_size=1))
    assert [[s.text for s in doc.sents] for doc in docs] == plain and all(d.user_data["seen"] for d in docs)
    assert set(clock) == {"sentencizer", "scale_test_slow_marker"}
    assert clock["scale_test_slow_marker"] >= 0.02 > clock["sentencizer"] >= 0
    nlp("One more. Called directly.")
    assert clock["scale_test_slow_marker"] >= 0.03
