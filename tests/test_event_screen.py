"""Relevance gate and sense checks: hand-built Docs (no model) and whole texts (model), all
sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from chronique.errors import KnowledgeError
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.relevance import (
    RelevanceCues,
    TopicWords,
    check_topic_words,
    load_relevance,
    parse_relevance,
)
from chronique.knowledge.senses import SenseRule, load_senses, parse_senses
from chronique.nlp.extensions import register_extensions
from chronique.nlp.relevance import assess, gate, is_relevant, political_sentence, political_share
from chronique.nlp.screen import ScreenKnowledge, screen_events
from chronique.nlp.senses import check_senses

CUES = RelevanceCues({"en": frozenset({"minister", "army", "election"})}, frozenset({"GOV"}), 2, 0.25)


def _doc(sentences: list[list[str]], lemmas: list[list[str]] | None = None) -> Doc:
    register_extensions()
    words = [w for s in sentences for w in s]
    starts = [i == 0 for s in sentences for i in range(len(s))]
    flat_lemmas = [w for s in lemmas for w in s] if lemmas else [w.lower() for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts, lemmas=flat_lemmas)
    doc._.ch_actors = []
    return doc


def _event(doc: Doc, token: int, lemma: str, cameo: str, event: str = "ASSAULT") -> dict[str, Any]:
    t = doc[token]
    return {"event": event, "cameo": cameo, "mode": "", "context": [], "quad_code": 4, "_lemma": lemma,
            "_trigger": [t.idx, t.idx + len(t)], "text_info": {"start": 0, "end": len(doc.text)}}


def test_sport_report_fails_the_gate_and_gives_no_events() -> None:
    doc = _doc([["The", "visitors", "attacked", "down", "the", "left", "all", "evening", "."],
                ["Their", "striker", "scored", "twice", "before", "the", "break", "."]])
    assert political_share(doc, CUES, "en") == (0, 2)
    assert gate(doc, [{"event": "ASSAULT"}], CUES, "en") == []


def test_political_article_passes_the_gate() -> None:
    doc = _doc([["The", "minister", "resigned", "on", "Monday", "."],
                ["The", "army", "took", "control", "of", "the", "capital", "."],
                ["Shops", "stayed", "closed", "all", "day", "."]])
    assert is_relevant(doc, CUES, "en")
    army = {"event": "COERCE", "actor": {"code": "NRL", "sector": "MIL"}}
    assert gate(doc, [army], CUES, "en") == [army]


def test_in_an_article_an_event_needs_a_political_party_or_sentence() -> None:
    doc = _doc([["The", "minister", "resigned", "on", "Monday", "."],
                ["The", "army", "took", "control", "of", "the", "capital", "."],
                ["Ms", "Vale", "agreed", "to", "an", "interview", "."]])
    chat = doc[14:21]
    interview = {"event": "AGREE", "actor": {"code": None, "sector": None},
                 "text_info": {"start": chat.start_char, "end": chat.end_char}}
    minister = {"event": "RETREAT", "actor": {"code": None, "sector": None},
                "text_info": {"start": 0, "end": doc[5].idx + 1}}
    assert gate(doc, [interview, minister], CUES, "en") == [minister]


def test_an_actor_of_a_political_sector_makes_its_sentence_political() -> None:
    doc = _doc([["Ms", "Vale", "visited", "the", "harbour", "on", "Monday", "."],
                ["She", "met", "the", "fishermen", "in", "the", "morning", "."]])
    assert not is_relevant(doc, CUES, "en")
    doc._.ch_actors = [{"start": 0, "end": 7, "sector": "GOV"}, {"start": doc[10].idx, "end": doc[10].idx + 3,
                                                                 "sector": "GOV"}]
    assert political_share(doc, CUES, "en") == (2, 2)


def test_a_text_shorter_than_an_article_is_not_gated() -> None:
    cues = RelevanceCues(CUES.words, CUES.sectors, 2, 0.25, min_article_sentences=3)
    doc = _doc([["Norland", "shelled", "the", "port", "of", "Kessa", "."]])
    assert is_relevant(doc, cues, "en")
    longer = _doc([["The", "sofa", "comes", "in", "three", "colours", "."]] * 3)
    assert not is_relevant(longer, cues, "en")


def test_one_political_word_in_a_long_lifestyle_piece_is_not_enough() -> None:
    filler = [["The", "sofa", "comes", "in", "three", "colours", "."]] * 6
    doc = _doc([["The", "election", "did", "not", "change", "our", "taste", "."], *filler])
    assert not is_relevant(doc, CUES, "en")


def test_a_weak_word_alone_does_not_make_a_sentence_political() -> None:
    words, weak = frozenset({"officer", "policy", "minister", "police"}), frozenset({"officer", "policy"})
    doc = _doc([["Our", "chief", "technology", "officer", "loves", "gardening", "."],
                ["Read", "the", "cookie", "policy", "before", "you", "subscribe", "."],
                ["The", "officer", "drafted", "a", "policy", "on", "patrols", "."],
                ["A", "police", "officer", "stopped", "the", "van", "."],
                ["The", "minister", "unveiled", "a", "policy", "."]])
    verdicts = [political_sentence(s, words, weak) for s in doc.sents]
    assert verdicts == [False, False, True, True, True]
    assert all(political_sentence(s, words) for s in list(doc.sents)[:2])  # no weak words: any cue counts


def test_a_bare_country_name_is_not_political_content_when_kinds_are_set() -> None:
    cues = RelevanceCues(CUES.words, CUES.sectors, 1, 0.5, kinds=frozenset({"group", "person", "organisation"}))
    doc = _doc([["Norland", "hopes", "to", "attract", "rocket", "startups", "."],
                ["Norland", "beat", "Kessa", "two", "goals", "to", "one", "."]])
    doc._.ch_actors = [{"start": 0, "end": 7, "sector": "GOV", "kind": "country"},
                       {"start": doc[7].idx, "end": doc[7].idx + 7, "sector": "GOV", "kind": "country"}]
    assert political_share(doc, cues, "en") == (0, 2)
    doc._.ch_actors.append({"start": doc[9].idx, "end": doc[9].idx + 5, "sector": "GOV", "kind": "group"})
    assert political_share(doc, cues, "en") == (1, 2)
    every_kind = RelevanceCues(CUES.words, CUES.sectors, 1, 0.5)
    assert political_share(doc, every_kind, "en") == (2, 2)


OFF = RelevanceCues({"en": frozenset({"minister", "army", "election"})}, frozenset({"GOV"}), 2, 0.2,
                    off_topic={"en": frozenset({"shareholder", "album", "league"})}, min_topic_ratio=1.5)


def test_off_topic_sentences_outnumbering_political_ones_fail_the_gate() -> None:
    doc = _doc([["The", "minister", "opened", "the", "new", "plant", "."],
                ["The", "minister", "cut", "the", "ribbon", "at", "noon", "."],
                ["Each", "shareholder", "got", "a", "free", "cap", "."],
                ["Another", "shareholder", "asked", "about", "costs", "."],
                ["The", "band", "signed", "the", "album", "for", "fans", "."]])
    record = assess(doc, OFF, "en")
    assert (record["political"], record["off_topic"], record["sentences"]) == (2, 3, 5)
    assert record["gated"] and not record["relevant"], "2 political sentences against 3 off-topic ones"
    assert gate(doc, [{"event": "CONSULT"}], OFF, "en", record) == []
    no_topic_check = RelevanceCues(OFF.words, OFF.sectors, 2, 0.2)
    assert is_relevant(doc, no_topic_check, "en"), "the share alone would have let it through"


def test_a_political_sentence_with_an_off_topic_word_counts_as_political() -> None:
    doc = _doc([["The", "minister", "sold", "his", "shares", "to", "a", "shareholder", "."],
                ["The", "army", "bought", "the", "league", "stadium", "."],
                ["The", "election", "is", "in", "May", "."],
                ["The", "league", "resumes", "in", "May", "."]])
    record = assess(doc, OFF, "en")
    assert (record["political"], record["off_topic"]) == (3, 1)
    assert record["relevant"] and record["score"] == 0.75


def test_the_gate_switched_off_keeps_every_event_and_still_assesses() -> None:
    doc = _doc([["The", "visitors", "attacked", "down", "the", "left", "all", "evening", "."],
                ["Their", "striker", "scored", "twice", "before", "the", "break", "."]] * 3)
    event = _event(doc, 2, "attack", "190")
    table = load_cameo_table()
    knowledge = ScreenKnowledge(OFF, {})
    assert screen_events(doc, [event], "en", table, knowledge) == []
    assert doc._.ch_relevance["relevant"] is False and doc._.ch_relevance["sentences"] == 6
    doc._.ch_relevance = None
    assert screen_events(doc, [event], "en", table, knowledge, relevance_gate=False) == [event]
    assert doc._.ch_relevance["relevant"] is False, "the assessment is kept though nothing is dropped"


def test_packaged_topic_words_cover_both_languages_apart() -> None:
    cues = load_relevance()
    for lang in ("en", "fr"):
        assert cues.words_of(lang) and cues.off_topic_of(lang)
        assert not cues.words_of(lang) & cues.off_topic_of(lang)
    assert {"shareholder", "league", "album"} <= cues.off_topic_of("en")
    assert {"championnat", "album", "recette"} <= cues.off_topic_of("fr")
    assert cues.min_topic_ratio > 1.0


def test_packaged_cues_mark_weak_words_and_count_no_bare_country() -> None:
    cues = load_relevance()
    assert {"officer", "policy"} <= cues.weak_of("en") < cues.words_of("en")
    assert "country" not in cues.kinds and "group" in cues.kinds


RULES = (SenseRule("strike", frozenset({"bird"}), 2),
         SenseRule("strike", frozenset({"missile", "air"}), 4, recode="190", only_cameo="143"),
         SenseRule("balayer", frozenset({"idée"}), 4, recode="120"))


def test_idiom_reading_is_dropped() -> None:
    doc = _doc([["The", "plane", "suffered", "a", "bird", "strike", "on", "landing", "."]])
    assert check_senses(doc, [_event(doc, 5, "strike", "143", "PROTEST")], RULES, load_cameo_table()) == []


def test_labour_strike_among_missiles_is_recoded_as_a_military_strike() -> None:
    doc = _doc([["Missile", "strikes", "hit", "the", "port", "overnight", "."]],
               [["missile", "strike", "hit", "the", "port", "overnight", "."]])
    [event] = check_senses(doc, [_event(doc, 1, "strike", "143", "PROTEST")], RULES, load_cameo_table())
    assert (event["event"], event["cameo"]) == ("ASSAULT", "190")


def test_labour_strike_stays_a_protest() -> None:
    doc = _doc([["Dockers", "went", "on", "strike", "for", "higher", "pay", "."]])
    events = [_event(doc, 3, "strike", "143", "PROTEST")]
    assert check_senses(doc, events, RULES, load_cameo_table()) == events


def test_french_idiom_is_recoded_to_what_it_means() -> None:
    doc = _doc([["Le", "ministre", "a", "balayé", "l'", "idée", "d'", "un", "référendum", "."]],
               [["le", "ministre", "avoir", "balayer", "le", "idée", "de", "un", "référendum", "."]])
    [event] = check_senses(doc, [_event(doc, 3, "balayer", "180")], RULES, load_cameo_table())
    assert event["event"] == "REJECT"


def test_packaged_sense_rules_cover_both_languages() -> None:
    rules = load_senses()
    assert {"tirer", "balayer", "frapper"} <= {r.trigger for r in rules["fr"]}
    assert {"strike", "attack", "fight"} <= {r.trigger for r in rules["en"]}


def test_bad_rules_and_cues_are_reported() -> None:
    with pytest.raises(KnowledgeError, match="window"):
        parse_senses({"rules": {"en": [{"trigger": "strike", "near": ["bird"], "window": 40}]}})
    with pytest.raises(KnowledgeError, match="CAMEO"):
        parse_senses({"rules": {"en": [{"trigger": "strike", "near": ["bird"], "recode": 190}]}})
    with pytest.raises(KnowledgeError, match="min_share"):
        parse_relevance({"min_sentences": 1, "min_share": 3})
    with pytest.raises(KnowledgeError, match="min_topic_ratio"):
        parse_relevance({"min_sentences": 1, "min_share": 0.1, "min_topic_ratio": -1})
    with pytest.raises(KnowledgeError, match="'min_sentences'"):
        parse_relevance({"min_share": 0.1})
    with pytest.raises(KnowledgeError, match="weak word"):
        check_topic_words(TopicWords(frozenset({"army"}), frozenset({"officer"})), "test")
    with pytest.raises(KnowledgeError, match="both political and off-topic"):
        check_topic_words(TopicWords(frozenset({"army"}), off_topic=frozenset({"army", "album"})), "test")


@pytest.mark.model
def test_whole_texts_furniture_and_non_political_pages(pipeline) -> None:  # type: ignore[no-untyped-def]
    match_report = ("The home side attacked from the first whistle and their striker hit the post twice.\n"
                    "The visitors fought back after the break and won the match with a late header.\n"
                    "The coach praised his players and said the team would fight for the title.")
    assert pipeline.extract(match_report, lang="en", published="2024-05-01").events == ()
    story = ("VALDORA (AP) — The army of Norland attacked rebel positions near the border on Monday, "
             "the defence ministry said.\n"
             "The government of Norland accused the rebels of breaking the ceasefire.\n"
             "Reporters Ann Lee and Tom Hart of the Associated Press contributed to this report.")
    events = pipeline.extract(story, lang="en", published="2024-05-01").events
    assert events, "the army's attack is an event"
    assert all("contributed" not in e.event_text for e in events)
    assert all(e.event_loc is None or e.event_loc.extracted_place != "VALDORA" for e in events)


@pytest.mark.model
def test_a_business_story_naming_countries_fails_the_gate(pipeline) -> None:  # type: ignore[no-untyped-def]
    from chronique.schema import Article

    story = ("Chile hopes to become a hub for lithium batteries within a decade.\n"
             "Chile already sells more copper than any other nation, and Chile wants its mines to feed new plants.\n"
             "Argentina and Bolivia hold large reserves too, but Chile has the deeper ports.\n"
             "The chief operating officer of a Santiago start-up said investors were queuing to visit.\n"
             "Japan buys most of the output, and Chile plans to court buyers in Europe next spring.\n"
             "Prices fell last year, yet the sector kept hiring engineers and chemists.")
    article = pipeline.prepare(Article.create(text=story, language="en", published="2024-05-01"))
    doc, _ = pipeline.annotator.annotate_doc(article)
    cues = load_relevance()
    assert not is_relevant(doc, cues, "en")
    every_kind = RelevanceCues(cues.words, cues.sectors, cues.min_sentences, cues.min_share,
                               cues.min_article_sentences, cues.weak)
    assert is_relevant(doc, every_kind, "en"), "the country names alone would have let it through"


BUSINESS_STORY = ("Shares in Vantor Cycles rose 6% on Tuesday after the bike maker reported record quarterly profits.\n"
                  "The company said revenue climbed to $900m as demand for its electric models grew.\n"
                  "Chief executive Lena Brook told investors the firm would open a second factory next year.\n"
                  "She said she had met the trade minister last week to discuss the plans.\n"
                  "The minister praised the company at the meeting, a government spokesman said.\n"
                  "Analysts raised their price target for the stock after the results.\n"
                  "The company also announced a buyback worth $80m for its shareholders.\n"
                  "Customers in Europe bought more of its folding models than in any previous year.")


@pytest.mark.model
def test_a_business_story_naming_a_minister_gives_events_only_with_the_gate_off(  # type: ignore[no-untyped-def]
        pipeline) -> None:
    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline
    from chronique.schema import Article

    article = pipeline.prepare(Article.create(text=BUSINESS_STORY, language="en", published="2024-05-01"))
    doc, _ = pipeline.annotator.annotate_doc(article)
    record = doc._.ch_relevance
    assert record["political"] >= 2 and record["score"] >= load_relevance().min_share, "political enough by share"
    assert record["off_topic"] > record["political"] and not record["relevant"]
    assert doc._.ch_events == []
    everything = Pipeline(PipelineOptions(relevance_gate=False)).extract(BUSINESS_STORY, lang="en",
                                                                         published="2024-05-01")
    assert any(e.event == "CONSULT" for e in everything.events), "the meeting with the minister, kept on request"


CONTESTS = [  # (language, sentence, whether it tells a political act of force)
    ("en", "The mayor of Dunmore lost a long legal battle with the governor over the new bridge.", False),
    ("en", "Ms Okafor will fight for the seat against the sitting minister.", False),
    ("en", "Canada battled Sweden for the title in the championship game.", False),
    ("fr", "Le Parti socialiste a affronté le Rassemblement national lors des législatives.", False),
    ("fr", "La France a affronté l'Allemagne en finale de la coupe du monde.", False),
    ("fr", "Le ministre a mené la bataille électorale contre le Rassemblement national.", False),
    ("en", "Troops battled rebels in the northern province.", True),
    ("en", "Rebels fought government troops in the capital a week before the election.", True),
    ("fr", "Les rebelles ont affronté l'armée près de la frontière.", True),
]


@pytest.mark.model
@pytest.mark.parametrize(("lang", "text", "forceful"), CONTESTS)
def test_contests_of_votes_titles_and_courts_are_no_assault(pipeline, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                            forceful: bool) -> None:
    events = pipeline.extract(text, lang=lang, published="2024-05-01").events
    assert any(e.event == "ASSAULT" for e in events) == forceful
    if not forceful:
        assert events == (), "neither a threat nor a rally: 'Rassemblement national' is a party"
