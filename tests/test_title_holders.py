"""A title of office standing alone takes up its holder (chronique/nlp/title_holders.py);
sentences written for these tests."""

from __future__ import annotations

import pytest

from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineOptions(coder="rules"))


def _events(pipeline: Pipeline, text: str, lang: str, sentence: str) -> list[Event]:
    return [e for e in pipeline.extract(text, lang=lang, published="2024-05-02").events if sentence in e.event_text]


@pytest.mark.parametrize(("text", "lang", "sentence", "actor"), [
    ("Emmanuel Macron s'est rendu à Berlin lundi. Le président a critiqué la Russie pour ses menaces.",
     "fr", "Le président a critiqué", "FRA"),
    ("Joe Biden visited Kyiv on Monday. The president criticized Russia for its threats.",
     "en", "The president criticized", "USA"),
])
def test_bare_title_takes_the_holder_named_before(pipeline: Pipeline, text: str, lang: str, sentence: str,
                                                  actor: str) -> None:
    events = _events(pipeline, text, lang, sentence)
    assert any(e.event == "ACCUSE" and e.actor is not None and e.actor.code == actor
               and e.recipient is not None and e.recipient.code == "RUS" for e in events), events


@pytest.mark.parametrize(("text", "lang", "sentence"), [
    ("Le Mali a rompu avec la France en mai. Le Mali accuse Paris de soutenir les rebelles. "
     "Le Premier ministre a expulsé l'ambassadeur de France.", "fr", "Le Premier ministre a expulsé"),
    ("Mali broke with France in May. Mali accuses Paris of backing the rebels. "
     "The prime minister expelled the French ambassador.", "en", "The prime minister expelled"),
])
def test_bare_title_with_no_holder_takes_the_country_the_story_makes_act(pipeline: Pipeline, text: str, lang: str,
                                                                         sentence: str) -> None:
    events = _events(pipeline, text, lang, sentence)
    assert events and all(e.actor is not None and e.actor.code == "MLI" for e in events), events


@pytest.mark.parametrize(("text", "lang", "sentence"), [
    ("Le Mali a signé un accord avec la France. Le président du club a critiqué la France.",
     "fr", "Le président du club"),
    ("Mali signed a deal with France. The president of the club criticized France.",
     "en", "The president of the club"),
    ("Mali signed a deal with France. The chancellor criticized France.", "en", "The chancellor"),
])
def test_title_of_someone_else_or_with_no_holder_is_no_party(pipeline: Pipeline, text: str, lang: str,
                                                             sentence: str) -> None:
    for e in _events(pipeline, text, lang, sentence):
        for party in (e.actor, e.recipient):
            assert party is None or (party.entity_text or "").lower() not in ("président", "president", "chancellor")


@pytest.mark.parametrize(("text", "lang"), [
    ("Theresa May a reçu lundi le président du Mali. Le président français s'est entretenu avec la "
     "chancelière allemande, Angela Merkel.", "fr"),
    ("Theresa May met the president of Mali on Monday. The German chancellor, Angela Merkel, spoke with the "
     "prime minister, Ana Brnabic.", "en"),
])
def test_title_with_its_own_adjective_or_name_takes_up_no_one(text: str, lang: str) -> None:
    from chronique.nlp.pipeline import Annotator
    from chronique.schema import Article
    doc, _ = Annotator().annotate_doc(Article(id="t", text=text, language=lang, published="2017-05-07"))
    assert not any(r.get("text") in ("chancelière", "chancellor", "prime minister") for r in doc._.ch_actors)


def test_tied_countries_give_no_guess(pipeline: Pipeline) -> None:
    text = "Mali and France signed a deal. The president criticized the rebels."
    for e in _events(pipeline, text, "en", "The president criticized"):
        assert e.actor is None or e.actor.entity_text != "president"
