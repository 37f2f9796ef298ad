"""Transfer frames of real reporting, round 10 (issue 19), on sentences written for these tests: a
state after "into/en" receives a delivery (not a sending of one's own forces); a state glued by the
tagger to the weapons after a giving verb is their receiver, also when they go on to strike a third
state; the target of that strike is no weapon handed over; a plural pronoun takes up states parsed
as two subjects; "des Rafale" is the jet; "F-16 jets … arrived" is an arrival though the tagger
reads "F-16" as a number; launch rockets of spaceflight reporting are no weapons.
Also the real-page judgements' file form (``arms/pages-real``)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from test_transfers_frames import Row, _rows

from chronique.arms.bare_parties import capital_parties, glued_states
from chronique.arms.into import delivered_into
from chronique.arms.spaceflight import space_rocket
from chronique.eval.arms_judged import _data
from chronique.eval.arms_pages_real import PAGES_REAL, SPLITS


def _doc(words: list[str], pos: list[str], lemmas: list[str], deps: list[str], heads: list[int]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, lemmas=lemmas, deps=deps, heads=heads)


def test_into_leads_a_receiver_only_after_a_delivery_verb() -> None:
    doc = _doc(["Oslo", "delivered", "guns", "into", "Chad", "and", "sent", "tanks"],
               ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "NOUN"],
               ["oslo", "deliver", "gun", "into", "chad", "and", "send", "tank"],
               ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "dobj"], [1, 1, 1, 1, 3, 1, 1, 6])
    assert delivered_into(doc[1], "into") and not delivered_into(doc[1], "in")
    assert not delivered_into(doc[6], "into")  # "sent tanks into": one's own forces going in


def test_a_state_glued_to_the_weapons_after_a_verb_is_found() -> None:
    # "Rome sent Chad Mirage jets ." — the tagger hangs "Chad" on "jets"
    doc = _doc(["Rome", "sent", "Chad", "Mirage", "jets", "."],
               ["PROPN", "VERB", "PROPN", "PROPN", "NOUN", "PUNCT"], ["rome", "send", "chad", "mirage", "jet", "."],
               ["nsubj", "ROOT", "compound", "compound", "dobj", "punct"], [1, 1, 4, 4, 1, 1])
    sent = doc[0:6]
    assert [(doc.text[s:e], code) for s, e, code in glued_states(sent)] == [("Chad", "TCD")]
    assert [code for _, _, code in capital_parties(sent)] == ["ITA"]
    # a state that is the verb's subject or after a preposition is no glued object
    doc = _doc(["Chad", "sent", "jets", "to", "Mali", "."], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
               ["chad", "send", "jet", "to", "mali", "."], ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
               [1, 1, 1, 1, 3, 1])
    assert glued_states(doc[0:6]) == []


def test_an_unnamed_rocket_is_a_launcher_in_a_text_about_spaceflight() -> None:
    words = ["the", "rocket", "carried", "a", "satellite", "into", "orbit"]
    doc = _doc(words, ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN"],
               ["the", "rocket", "carry", "a", "satellite", "into", "orbit"],
               ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj"], [1, 2, 2, 4, 2, 2, 5])
    assert space_rocket(doc[1], "rocket")
    doc = _doc(["the", "rocket", "hit", "a", "satellite", "dish"], ["DET", "NOUN", "VERB", "DET", "NOUN", "NOUN"],
               ["the", "rocket", "hit", "a", "satellite", "dish"], ["det", "nsubj", "ROOT", "det", "compound", "dobj"],
               [1, 2, 2, 5, 5, 2])
    assert not space_rocket(doc[1], "rocket")  # one spaceflight word is not a text about spaceflight


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    ("Hungary delivered 12 Leopard 2 tanks into Ukraine in May.", "en", ("HUN", "UKR", "Leopard 2", "delivered")),
    ("Bulgaria has shipped T-72 tanks into Ukraine.", "en", ("BGR", "UKR", "T-72", "delivered")),
    ("La Tchéquie a livré des chars T-72 en Ukraine.", "fr", ("CZE", "UKR", "T-72", "delivered")),
    # the receiver glued to the weapons, also when they go on to strike a third state
    ("Paris sent Ukraine SCALP missiles to strike Russian depots.", "en", ("FRA", "UKR", "Storm Shadow", "delivered")),
    ("Washington gave Taiwan 40 Harpoon missiles.", "en", ("USA", "TWN", "Harpoon", "delivered")),
    ("Ottawa has sent Kyiv M777 howitzers to shell Russian positions.", "en", ("CAN", "UKR", "M777", "delivered")),
    # the drones are the target of the launchers' purpose, not a second record
    ("Oslo gave Ukraine NASAMS launchers to shoot down Iranian drones.", "en", ("NOR", "UKR", "NASAMS", "delivered")),
    ("Berlin a livré des canons Gepard à l'Ukraine pour abattre des drones russes.", "fr",
     ("DEU", "UKR", "Gepard", "delivered")),
    # a designation the tagger reads as a number ("F-16" as nummod of "jets") still arrives
    ("Six F-16 jets from Norway have arrived in Ukraine.", "en", ("NOR", "UKR", "F-16", "delivered")),
    # an ambiguous designation left singular after a plural determiner is the system, not a gust
    ("L'Égypte a acheté des Rafale à la France.", "fr", ("FRA", "EGY", "Rafale", "ordered")),
])
def test_round10_frames(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    assert _rows(pipeline, text, lang) == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text, lang", [
    ("Moscow sent hundreds of tanks into Ukraine in February.", "en"),  # an invasion, not a delivery
    ("Kenya wants a spaceport for satellites in orbit. Its first rocket was built by a firm from Japan.", "en"),
])
def test_round10_not_transfers(pipeline: Any, text: str, lang: str) -> None:
    assert _rows(pipeline, text, lang) == []


@pytest.mark.model
def test_a_plural_pronoun_takes_up_states_parsed_as_two_subjects(pipeline: Any) -> None:
    text = ("La Croatie et Malte renforcent leurs défenses. "
            "Elles ont commandé des hélicoptères Black Hawk aux États-Unis.")
    found = pipeline.extract(text, lang="fr", published="2024-05-02").transfers
    assert sorted((t.supplier, t.recipient) for t in found) == [("USA", "HRV"), ("USA", "MLT")]


@pytest.mark.model
def test_gusts_of_wind_stay_no_weapon(pipeline: Any) -> None:
    found = pipeline.extract("Des rafales de vent ont touché la côte.", lang="fr", published="2024-05-02")
    assert found.weapons == () and found.transfers == ()


def test_the_real_page_judgements_keep_their_hash_split() -> None:
    rows = _data(PAGES_REAL)["pages"]
    assert rows and all(r["split"] in SPLITS for r in rows)
    for row in rows:  # the split rule stated in the file: SHA-1 of the path, first hex digit 0-7 → look
        first = hashlib.sha1(row["page"].encode()).hexdigest()[0]
        assert row["split"] == ("look" if first in "01234567" else "measure"), row["page"]
