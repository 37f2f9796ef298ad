"""A headline's verb the tagger read as a noun or an adjective is read as a verb again
(chronique/nlp/headline_verbs.py), in a component that runs right after the parser
(chronique/nlp/headline_stage.py); headlines written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from chronique.nlp.headline_stage import HEADLINE_NAME
from chronique.nlp.headline_verbs import HeadlineVerbs
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


def _parsed(pipeline: Pipeline, lang: str, text: str) -> Doc:
    """``text`` through the model and the headline component only."""
    nlp: Language = pipeline.annotator.language(lang)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == HEADLINE_NAME:
            return doc
    raise AssertionError("the headline component is missing")


def _headline_events(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    first = text.split("\n")[0]
    return [e for e in pipeline.extract(text, lang=lang, published="2024-05-02").events if e.event_text in first]


def test_component_runs_after_the_parser_before_every_stage(pipeline: Pipeline) -> None:
    names = pipeline.annotator.language("en").pipe_names
    assert names.index("parser") < names.index(HEADLINE_NAME) < names.index("chronique_actors")


@pytest.mark.parametrize(("lang", "text", "verb", "subject", "obj"), [
    ("en", "Turkey shells Kurdish positions in Syria\nThe shelling lasted all night.", "shells", "Turkey",
     "positions"),
    ("en", "Insurgents attack police station in Niger\nTwo officers were hurt.", "attack", "Insurgents",
     "station"),
    ("en", "Canada sanctions Russian oligarchs\nThe list names ten businessmen.", "sanctions", "Canada",
     "oligarchs"),
    ("fr", "Niger : la junte expulse un diplomate\nLe ministère a confirmé la décision.", "expulse", "junte",
     "diplomate"),
    ("fr", "Ottawa sanctionne des oligarques russes\nLa liste compte dix hommes d'affaires.", "sanctionne",
     "Ottawa", "oligarques"),
])
def test_hidden_headline_verb_heads_its_clause(pipeline: Pipeline, lang: str, text: str, verb: str,
                                               subject: str, obj: str) -> None:
    doc = _parsed(pipeline, lang, text)
    word = next(t for t in doc if t.text == verb)
    assert word.pos_ == "VERB" and word.dep_ == "ROOT", [(t.text, t.pos_, t.dep_) for t in doc]
    deps = {(c.text, c.dep_) for c in word.children}
    assert (subject, "nsubj") in deps and any(c.text == obj and c.dep_ in ("obj", "dobj") for c in word.children)
    assert [s.start for s in doc.sents][1] == next(t.i for t in doc if t.is_space) + 1  # bounds hold


@pytest.mark.parametrize(("lang", "text", "event", "actor"), [
    ("en", "Turkey shells Kurdish positions in Syria\nThe shelling lasted all night.", "ASSAULT", "TUR"),
    ("en", "Canada sanctions Russian oligarchs\nThe list names ten businessmen.", "SANCTION", "CAN"),
    ("fr", "Ottawa sanctionne des oligarques russes\nLa liste compte dix hommes d'affaires.", "SANCTION", "CAN"),
])
def test_hidden_headline_verb_gives_the_act(pipeline: Pipeline, lang: str, text: str, event: str,
                                            actor: str) -> None:
    events = _headline_events(pipeline, text, lang)
    assert any(e.event == event and e.actor is not None and e.actor.code == actor for e in events), events


def _model_only(pipeline: Pipeline, lang: str, text: str) -> Doc:
    """``text`` through the model's own components, before the headline component."""
    nlp = pipeline.annotator.language(lang)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == HEADLINE_NAME:
            return doc
        doc = proc(doc)
    raise AssertionError("the headline component is missing")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Army attack kills five in northern Mali\nThe attack came at dawn."),  # a compound: "army attack"
    ("en", "Government strikes: what to know\nUnions plan a walkout."),  # no object after the word
    ("en", "Turkey shells Kurdish positions.\nThe shelling lasted all night."),  # a sentence, no headline
    ("en", "Officials speak\nTurkey shells Kurdish positions in Syria."),  # a body sentence
    ("fr", "Une frappe de drone sur un marché\nLe bilan est lourd."),  # a noun after its article
    ("en", "RUSSIA | SANCTIONS | KYIV\n---|---|---"),  # a table's labels, in capitals
])
def test_noun_readings_are_left_alone(pipeline: Pipeline, lang: str, text: str) -> None:
    doc = _model_only(pipeline, lang, text)
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    assert HeadlineVerbs(lang, {"attack", "strike", "shell", "frapper"}).mend(doc) == 0
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == before


@pytest.mark.parametrize(("lang", "word", "plural", "base"), [
    ("en", "bombs", False, "bomb"), ("en", "attack", True, "attack"), ("en", "attack", False, None),
    ("en", "bombs", True, None), ("fr", "bombarde", False, "bombarder"), ("fr", "bombardent", True, "bombarder"),
    ("fr", "bombarde", True, None), ("fr", "envahissent", True, "envahir"), ("fr", "bombardé", False, None),
])
def test_the_verb_form_agrees_with_its_party(lang: str, word: str, plural: bool, base: str | None) -> None:
    verbs = HeadlineVerbs(lang, {"bomb", "attack", "bombarder", "envahir"})
    assert verbs.base(word, plural) == base


def test_trigger_nouns_are_no_verbs() -> None:
    verbs = HeadlineVerbs("en", {"bomb", "protester"}, verbs=frozenset({"bomb", "protest"}))
    assert verbs.triggers == {"bomb"}
