"""English patterns found reading plv-train's missed pairs (benchmarks/plv_misses.py): a word of a
longer trigger that reads another act codes no act of its own ("lifted its ban" is no ban); an act
noun an authority orders is that authority's act ("ordered the arrest of X"), the "of" complement
of a coercion noun is who undergoes it; the lexicon's easings, permissions and deadlines; a country
recipient read from the place an act is aimed at keeps that place's words.

Hand-built parses and small in-memory lexicons, plus real parses (marked ``model``). Every sentence
here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc, set_actors, small_lexicon, triples

from chronique.coding.clauses import country_party
from chronique.coding.embedding import Embeddings
from chronique.coding.own_forces import instruments
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import TriggerMatch, load_event_lexicon

LIFT = [{"match": ["lift", "ban"], "cameo": "0812"}, {"match": "ban", "cameo": "1721"},
        {"match": ["launch", "inquiry"], "cameo": "090"}, {"match": "inquiry", "cameo": "090", "weak": True}]
ORDER = [{"match": "order", "cameo": "100", "embeds": "request", "pos": ["VERB"], "weak": True},
         {"match": "arrest", "cameo": "173"}, {"match": "leave", "cameo": "087"}]


def _verb_noun(verb: str, lemma: str, noun: str, noun_lemma: str, *tail: tuple[str, str, str, str, int]) -> Any:
    # "Chile <verb> its|the <noun> <tail> ."
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), (noun, noun_lemma, "NOUN", "dobj", 1), *tail,
            (".", ".", "PUNCT", "punct", 1)]
    return parsed_doc("en", rows)


def test_a_lifted_ban_is_an_easing_and_no_ban() -> None:
    doc = _verb_noun("lifted", "lift", "ban", "ban", ("on", "on", "ADP", "prep", 3),
                     ("Peru", "Peru", "PROPN", "pobj", 4))
    set_actors(doc, Chile="CHL", Peru="PER")
    got = triples(doc, small_lexicon("en", LIFT))
    assert {e for e, _, _ in got} == {"CONCEDE"}, got


def test_a_word_the_longer_trigger_reads_as_the_same_act_keeps_its_reading() -> None:
    lexicon = small_lexicon("en", LIFT)
    table = load_cameo_table()
    light, noun = (TriggerMatch(t, k) for t, k in ((lexicon.triggers[2], (1, 3)), (lexicon.triggers[3], (3,))))
    lifted, ban = (TriggerMatch(t, k) for t, k in ((lexicon.triggers[0], (1, 3)), (lexicon.triggers[1], (3,))))
    assert Embeddings(table).covered([light, noun]) == set()  # "launched an inquiry": one act twice
    assert Embeddings(table).covered([lifted, ban]) == {3}  # "lifted its ban": the ban is no act


def _ordered_arrest() -> Any:
    # "Chile ordered the arrest of the mayor ."
    return parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
                             ("the", "the", "DET", "det", 3), ("arrest", "arrest", "NOUN", "dobj", 1),
                             ("of", "of", "ADP", "prep", 3), ("the", "the", "DET", "det", 6),
                             ("mayor", "mayor", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)])


def test_an_ordered_arrest_is_the_orderers_arrest_of_the_mayor() -> None:
    doc = _ordered_arrest()
    set_actors(doc, Chile="CHL", mayor="PER")
    lexicon = small_lexicon("en", ORDER, announce=["order"])
    assert triples(doc, lexicon) == {("COERCE", "CHL", "PER")}


def test_without_the_verbs_of_ordering_the_order_stays_a_request() -> None:
    doc = _ordered_arrest()
    set_actors(doc, Chile="CHL", mayor="PER")
    assert {e for e, _, _ in triples(doc, small_lexicon("en", ORDER))} == {"REQUEST"}


def test_a_party_ordered_to_act_is_still_asked() -> None:
    # "Chile ordered Peru to leave ."
    doc = parsed_doc("en", [("Chile", "Chile", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
                            ("Peru", "Peru", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
                            ("leave", "leave", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, Chile="CHL", Peru="PER")
    got = triples(doc, small_lexicon("en", ORDER, announce=["order"]))
    assert ("REQUEST", "CHL", "PER") in got and not any(e == "RETREAT" for e, _, _ in got), got


@pytest.mark.parametrize(("words", "event", "cameo"), [
    (["saudi", "arabia", "lift", "its", "blockade", "of", "qatar"], "RETREAT", "0872"),
    (["the", "union", "lift", "its", "arms", "embargo"], "RETREAT", "085"),
    (["the", "court", "grant", "the", "company", "permission", "to", "build"], "CONCEDE", "081"),
    (["the", "ministry", "give", "the", "group", "approval"], "CONCEDE", "081"),
    (["the", "president", "give", "chile", "a", "deadline"], "THREATEN", "139"),
])
def test_easings_permissions_and_deadlines_in_the_english_lexicon(words: list[str], event: str, cameo: str) -> None:
    lexicon, table = load_event_lexicon("en"), load_cameo_table()
    matches = lexicon.match(words, words, ["VERB" if w in ("lift", "grant", "give") else "NOUN" for w in words])
    kept = [m for m in matches if m.tokens[0] not in Embeddings(table).covered(matches)]
    longest = max(kept, key=lambda m: len(m.tokens))
    assert longest.trigger.cameo == cameo
    assert (longest.trigger.event or (table.plover(cameo) or ("",))[0]) == event
    # the measure's own word codes nothing (a word that only refines an embedding trigger never does)
    assert all(len(m.tokens) > 1 or m.trigger.embedded_only for m in kept), kept


def test_a_country_party_read_from_a_place_keeps_its_words() -> None:
    place = {"text": "Basra", "start": 30, "end": 35, "country_code": "IRQ"}
    party = country_party("IRQ", place)  # type: ignore[arg-type]
    assert (party["code"], party["text"], party["start"], party["end"]) == ("IRQ", "Basra", 30, 35)
    assert country_party("IRQ") == {"code": "IRQ", "sector": None}


@pytest.mark.model
@pytest.mark.parametrize(("text", "event", "recipient"), [
    ("The court in Lima ordered the arrest of the mayor of Cusco.", "COERCE", "the mayor"),
    ("Iraqi officials imposed a curfew on Basra on Saturday.", "COERCE", "Basra"),
    ("Saudi Arabia lifted its blockade of Qatar on Tuesday.", "RETREAT", "Qatar"),
])
def test_real_parse_ordered_eased_and_placed_acts(unchecked_rules_pipeline: Any, text: str, event: str,
                                                  recipient: str | None) -> None:
    events = unchecked_rules_pipeline.extract(text, lang="en").events
    got = {(e.event, e.recipient.entity_text if e.recipient else None) for e in events}
    assert (event, recipient) in got, got
    assert not any(e in ("REQUEST", "COERCE") for e, _ in got if event == "RETREAT"), got


def _force(text: str = "troops", **extra: Any) -> dict[str, Any]:
    return {"text": text, "start": 0, "end": len(text), "code": "UGA", "sector": "MIL", "kind": "group",
            "_unlisted": True, "_focus": True, **extra}


def test_a_bare_force_word_is_what_an_act_moving_force_moves() -> None:
    troops, named = _force(), _force("Ugandan troops", _focus=False)
    assert instruments([troops, named], "074", "AID") == [troops]  # "sent troops": moved, not aided
    assert instruments([troops], "154") == [troops]  # "mobilized troops"
    assert instruments([troops], "087") == [troops]  # "withdrew troops"
    assert instruments([troops], "190", "ASSAULT") == []  # "attacked troops": the target
    assert instruments([troops], "173") == []  # "arrested soldiers"
    assert instruments([troops], "100", "REQUEST") == []  # "asked the police to act": the addressee
    assert instruments([troops], "") == []  # no act told: nothing is moved
    assert instruments([named], "074", "AID") == []  # a force its own words place is a party


@pytest.mark.model
@pytest.mark.parametrize(("text", "recipient"), [
    ("The president of Chile offered to send troops to Bolivia.", "BOL"),
    ("The Peruvian army mobilized troops near Ecuador on Monday.", "ECU"),
])
def test_real_parse_the_force_sent_is_no_recipient(unchecked_rules_pipeline: Any, text: str, recipient: str) -> None:
    events = unchecked_rules_pipeline.extract(text, lang="en").events
    got = {e.recipient.code if e.recipient else None for e in events}
    assert recipient in got and not any(e.recipient and e.recipient.entity_text == "troops" for e in events), got
