"""A headline's verb read by the parser as a noun's modifier is put back at the head of its clause
(chronique/nlp/headline_parse.py); headlines written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from chronique.nlp.components import SENTENCES_FACTORY, register_components
from chronique.nlp.headline_parse import mend_headline_parse
from chronique.nlp.models import load_model
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


def _parser(lang: str) -> Language:
    register_components()
    nlp = load_model(lang, None)
    nlp.add_pipe(SENTENCES_FACTORY, first=True)
    return nlp


@pytest.fixture(scope="module")
def fr() -> Language:
    return _parser("fr")


@pytest.fixture(scope="module")
def en() -> Language:
    return _parser("en")


def _headline_events(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    first = text.split("\n")[0]
    return [e for e in pipeline.extract(text, lang=lang, published="2024-05-02").events if e.event_text in first]


@pytest.mark.parametrize(("text", "event", "actor"), [
    ("La Russie bombarde Kiev\nLes frappes ont fait dix morts dans la nuit.", "ASSAULT", "RUS"),
    ("Les rebelles touaregs attaquent une base de l'armée au Mali\nL'assaut a duré deux heures.", "ASSAULT", "MLI"),
    ("Gaza : Israël frappe un camp de réfugiés\nL'armée israélienne a visé un camp lundi.", "ASSAULT", "ISR"),
    ("Le Premier ministre malien démissionne\nIl a remis sa lettre au président lundi.", "RETREAT", "MLI"),
])
def test_french_present_headline_is_a_clause(pipeline: Pipeline, text: str, event: str, actor: str) -> None:
    events = _headline_events(pipeline, text, "fr")
    assert any(e.event == event and e.actor is not None and e.actor.code == actor for e in events), events


def test_mended_parse_has_the_verb_as_root(fr: Language) -> None:
    doc = fr("La Russie bombarde Kiev\nLes frappes ont fait dix morts.")
    mend_headline_parse(doc, "fr")
    verb = next(t for t in doc if t.text == "bombarde")
    assert verb.dep_ == "ROOT" and verb.lemma_ == "bombarder"
    assert {(c.text, c.dep_) for c in verb.children} >= {("Russie", "nsubj"), ("Kiev", "obj")}
    assert [s.start for s in doc.sents] == [0, 5]  # sentence bounds hold


def test_topic_before_the_colon_is_no_party_role(fr: Language) -> None:
    doc = fr("Syrie : l'armée bombarde la ville de Homs\nLe bilan est lourd.")
    mend_headline_parse(doc, "fr")
    topic = doc[0]
    assert topic.text == "Syrie" and topic.dep_ == "dislocated" and topic.head.text == "bombarde"
    verb = topic.head
    assert {(c.text, c.dep_) for c in verb.children} >= {("armée", "nsubj"), ("ville", "obj")}


@pytest.mark.parametrize("text", [
    "Un maire de Vendée condamné à deux ans de prison\nLe jugement a été rendu lundi.",
    "Trois soldats tués dans une embuscade au Niger\nL'armée a confirmé le bilan.",
])
def test_french_participle_headline_stays_a_passive(fr: Language, text: str) -> None:
    doc = fr(text)
    assert mend_headline_parse(doc, "fr") == 0


@pytest.mark.parametrize("text", [
    "Mayor of Lagos sentenced to five years for fraud\nThe court ruled on Monday.",
    "Police arrest two suspects in Leeds\nThe arrests came after a raid.",
    "Senate Democrats block border bill.\nThe vote was close.",  # a full stop: no headline line
])
def test_english_headlines_the_parser_reads_well_are_left_alone(en: Language, text: str) -> None:
    doc = en(text)
    before = [(t.dep_, t.head.i) for t in doc]
    mend_headline_parse(doc, "en")
    assert [(t.dep_, t.head.i) for t in doc] == before


def test_body_sentence_is_never_mended(fr: Language) -> None:
    doc = fr("Le bilan.\nLa Russie bombarde Kiev\nLes frappes ont fait dix morts.")
    before = [(t.dep_, t.head.i) for t in doc]
    assert mend_headline_parse(doc, "fr") == 0
    assert [(t.dep_, t.head.i) for t in doc] == before


@pytest.mark.parametrize(("lang", "text", "subject"), [
    ("fr", "France : Jérôme Cahuzac, condamné à trois ans de prison, va faire appel\nLe.", "Jérôme"),
    ("en", "Ukraine war: Russia bombs Kyiv overnight\nThe strikes hit power plants.", "Russia"),
])
def test_topic_made_subject_by_the_parser_is_dislocated(fr: Language, en: Language, lang: str, text: str,
                                                        subject: str) -> None:
    doc = (fr if lang == "fr" else en)(text)
    mend_headline_parse(doc, lang)
    colon = next(t for t in doc if t.text == ":")
    assert not any(t.dep_.startswith("nsubj") for t in doc[:colon.i])
    assert any(t.text == subject and t.dep_ == "nsubj" for t in doc[colon.i:])


@pytest.mark.parametrize(("text", "lang", "topic"), [
    ("Suède : un camion fonce sur des passants à Stockholm\nLe conducteur est en fuite.", "fr", "Suède"),
])
def test_headline_topic_is_no_guess_for_the_doer(pipeline: Pipeline, text: str, lang: str, topic: str) -> None:
    for event in _headline_events(pipeline, text, lang):
        assert event.actor is None or event.actor.entity_text != topic
