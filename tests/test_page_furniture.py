"""Page furniture: bylines, credits, captions, links and datelines are found, and kept out of
actors, events and event locations (sentences written for these tests)."""

from __future__ import annotations

import pytest

from chronique.errors import KnowledgeError
from chronique.knowledge.furniture import parse_furniture
from chronique.nlp.furniture import default_patterns as patterns
from chronique.nlp.furniture import find_dateline, find_furniture, in_furniture, line_kind
from chronique.schema import Article, Origin


@pytest.mark.parametrize(("line", "kind"), [
    ("By Maria Lopez and Tom Hart", "byline"),
    ("Par Claire Dubois", "byline"),
    ("Reporters Ann Lee in Lagos and Sam Cole in Accra contributed to this report.", "credit"),
    ("Reporting by Ann Lee; Editing by Sam Cole", "credit"),
    ("Anne Martin a contribué à cet article.", "credit"),
    ("Photo: soldiers at a checkpoint near the border", "caption"),
    ("Crédit photo : Jean Valjean", "caption"),
    ("The minister arrives at the summit. (Getty Images)", "caption"),
    ("Troops guard a bridge near the capital. (Photo: Ann Lee/Agence Nord)", "caption"),
    ("Des soldats gardent un pont. (Crédit photo : Anne Roy / Agence Nord)", "caption"),
    ("Firefighters at the scene on Monday. Photo: Sam Cole / Nordpress", "caption"),
    ("Read more: what the new tariffs mean for farmers", "link"),
    ("À lire aussi : le budget expliqué en cinq points", "link"),
    ("Sign up for our newsletters to get the morning briefing.", "boilerplate"),
    ("Inscrivez-vous à notre newsletter quotidienne", "boilerplate"),
    ("The minister resigned this morning pic.twitter.com/AbC123xyz", "boilerplate"),
    ("— Jane Roe (@janeroe) March 3, 2024", "boilerplate"),
])
def test_furniture_lines_are_recognised(line: str, kind: str) -> None:
    assert line_kind(line, patterns()) == kind


@pytest.mark.parametrize("line", [
    "By Friday, the rebels had withdrawn from the northern town after two days of talks.",
    "The army said it had struck a depot near the border on Tuesday.",
    "Related talks between the two governments resumed in Geneva on Monday, officials said.",
    "Le ministre a démenti avoir participé à la réunion, selon un communiqué publié lundi soir.",
    "The ministry released a photo of the damaged bridge (image: a satellite view) on Monday.",
    "The army said the strike hit a depot, and released a photo: the depot was destroyed.",
])
def test_story_sentences_are_not_furniture(line: str) -> None:
    assert line_kind(line, patterns()) is None


def test_dateline_gives_place_date_and_agency() -> None:
    text = ("Storm warning\n"
            "OSLO, 4 June (Reuters) - The Norwegian government ordered the evacuation of two coastal towns.")
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.agency) == ("OSLO", "4 June", "Reuters")
    assert text[dateline.start:dateline.end].startswith("OSLO")
    wis = find_dateline("GREEN BAY, Wis. (AP) — The county board voted on Monday to close the old bridge for repairs.")
    assert wis is not None and wis.place == "GREEN BAY, Wis."


@pytest.mark.parametrize("text", [
    "UK: prices rise",  # a headline, not a dateline
    "Protesters gathered in front of the parliament - police said about a thousand people came.",
    "The president said: we will not give up the northern provinces, whatever the cost.",
])
def test_no_dateline_without_a_place_in_capitals_before_a_sentence(text: str) -> None:
    assert find_dateline(text) is None


def test_furniture_spans_cover_whole_lines_and_the_dateline_only() -> None:
    text = ("By Ann Lee\nLIMA (AP) — Peru's congress voted to remove the president on Thursday, lawmakers said.\n"
            "Ann Lee contributed to this report.")
    spans = find_furniture(text)
    assert [s.kind for s in spans] == ["byline", "dateline", "credit"]
    lede = text.index("Peru's")
    assert not in_furniture(lede, lede + 6, [s.__dict__ for s in spans])
    assert in_furniture(text.index("LIMA"), text.index("LIMA") + 4, [s.__dict__ for s in spans])


def test_bad_furniture_data_is_reported() -> None:
    with pytest.raises(KnowledgeError, match="regular expression"):
        parse_furniture({"lines": {"credit": ["(unclosed"]}, "dateline": {"pattern": "X"}})
    with pytest.raises(KnowledgeError, match="line kinds"):
        parse_furniture({"lines": {"footer": ["x"]}, "dateline": {"pattern": "X"}})


def test_origin_round_trips_and_is_absent_without_a_dateline() -> None:
    origin = Origin(place="LIMA", agency="AP", resolved_place="Lima", country_code="PER", geonameid=3936456)
    article = Article.create("Peru's congress voted.", origin=origin)
    data = article.to_dict()
    assert data["origin"]["place"] == "LIMA" and list(data)[-1] == "text"
    assert Article.from_dict(data) == article
    assert "origin" not in Article.create("No dateline here.").to_dict()


@pytest.mark.model
def test_dateline_is_the_articles_origin_not_an_event_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("LIMA (AP) — Soldiers of Norland attacked rebel camps near the border on Monday, the army said.\n"
            "The government of Norland accused the rebels of breaking the truce, officials said.")
    extraction = pipeline.extract(text, lang="en", published="2024-05-01")
    origin = extraction.article.origin
    assert origin is not None and (origin.place, origin.agency) == ("LIMA", "AP")
    assert origin.country_code == "PER"
    assert all(e.event_loc is None or e.event_loc.extracted_place != "LIMA" for e in extraction.events)
    assert not any(a.text == "AP" for a in extraction.actors)


def test_a_news_agency_is_never_the_doer() -> None:
    from chronique.nlp.screen import outlet_actor
    outlets = patterns().outlets
    assert outlet_actor({"actor": {"entity_text": "Reuters"}}, outlets)
    assert outlet_actor({"actor": {"entity_text": "the BBC"}}, outlets)
    assert not outlet_actor({"actor": {"entity_text": "Norland"}, "recipient": {"entity_text": "BBC"}}, outlets)
    assert not outlet_actor({"actor": None}, outlets)


@pytest.mark.model
def test_a_dateline_agency_is_no_party_and_a_caption_no_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("ACCRA, Ghana (Reuters) — Ghanaian troops attacked smugglers' camps near the northern border on "
            "Tuesday, the army said.\n"
            "Soldiers guard a checkpoint near Tamale. (Photo: Ann Lee/Agence Nord)\n"
            "The government of Ghana accused the smugglers of arming local gangs.")
    extraction = pipeline.extract(text, lang="en", published="2024-05-01")
    attacks = [e for e in extraction.events if e.event == "ASSAULT"]
    assert attacks and all(e.actor is not None and e.actor.code == "GHA" for e in attacks)
    assert not any("checkpoint" in e.event_text for e in extraction.events), "a caption tells no event"
    assert not any(a.text in ("Reuters", "Ann Lee") for a in extraction.actors)
