"""Transfer frames of real reporting, round 6 (issue 19), on sentences written for these tests:
a recipient's own request and a third party's call that names both sides, a group of states as
recipients, deals stated plainly with their other signer, talks that agree nothing, a weapon's
name inside a company's name, and the French future form the tagger leaves in the present."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from coding_helpers import parsed_doc, set_actors
from spacy.tokens import Doc
from test_transfers_frames import Row, _rows

from chronique.arms.asking import called, state_asker
from chronique.arms.assign import Sides, word_in
from chronique.arms.companies import names_company
from chronique.arms.frames import Party, SurfaceFrame
from chronique.arms.tense import inflected_mood, reading_modality
from chronique.coding.mentions import MentionIndex
from chronique.knowledge.state_groups import find_state_groups, state_groups


def _doc(lang: str, words: list[str], pos: list[str], lemmas: list[str] | None = None) -> Doc:
    return Doc(spacy.blank(lang).vocab, words=words, pos=pos, lemmas=lemmas or [w.lower() for w in words])


def test_the_french_future_and_conditional_are_read_from_the_infinitive() -> None:
    doc = _doc("fr", ["Ils", "livreront", "vendront", "livreraient", "livrent", "livra"],
               ["PRON", "VERB", "VERB", "VERB", "VERB", "VERB"],
               ["il", "livrer", "vendre", "livrer", "livrer", "livrer"])
    assert [inflected_mood(t) for t in doc] == [None, "future", "future", "conditional", None, None]
    assert reading_modality(doc[1], None, "asserted") == "future"
    assert reading_modality(doc[1], None, "negated") == "negated"  # the coder's other readings stand
    english = _doc("en", ["They", "deliverer"], ["PRON", "VERB"], ["they", "deliver"])
    assert inflected_mood(english[1]) is None


def test_a_group_of_states_names_its_members() -> None:
    assert state_groups()["pays baltes"] == ("EST", "LVA", "LTU")
    found = find_state_groups("Aid to the Baltic States and Poland, and to the Benelux countries.")
    assert [codes for _, _, codes in found] == [("EST", "LVA", "LTU"), ("BEL", "NLD", "LUX")]
    assert find_state_groups("Baltic Sea patrols") == []


def test_a_weapon_name_inside_a_company_name() -> None:
    doc = _doc("en", ["Czech", "company", "Falke", "Army", "sold", "Falke", "launchers"],
               ["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PROPN", "NOUN"])
    assert names_company(doc, 2, 3)  # after a company noun
    assert not names_company(doc, 5, 6)
    suffix = _doc("en", ["Falke", "Group", "and", "Falke", "group"], ["PROPN", "PROPN", "CCONJ", "PROPN", "NOUN"])
    assert names_company(suffix, 0, 1) and not names_company(suffix, 3, 4)  # the suffix is capitalised


def test_call_words_match_french_verbs_the_tagger_leaves_unlemmatised() -> None:
    doc = _doc("fr", ["réclame", "réclame", "appelle"], ["VERB", "ADJ", "VERB"], ["réclame", "réclame", "appelle"])
    words = frozenset({"réclamer", "appeler"})
    assert word_in(doc[0], words) and not word_in(doc[1], words) and word_in(doc[2], words)


def test_a_request_gives_the_asker_as_recipient_and_talks_give_nothing() -> None:
    doc = _doc("en", ["urged", "talks"], ["VERB", "NOUN"], ["urge", "talk"])
    set_actors(doc)
    index = MentionIndex(doc)
    asked = called(doc[0], SurfaceFrame(subject="AAA", after=["BBB"]), "pledged", Sides("AAA", None), index, [])
    assert asked == (Sides("BBB", "AAA"), "requested")
    third = called(doc[0], SurfaceFrame(subject="CCC", after=["BBB"]), "pledged", Sides("BBB", "AAA"), index, [])
    assert third is None  # a call for weapons to someone else
    assert called(doc[1], SurfaceFrame(subject="AAA"), "ordered", Sides("BBB", "AAA"), index, []) is None


def test_an_opposition_whose_country_the_coder_inferred_asks_for_no_state() -> None:
    doc = parsed_doc("en", [("Critics", "critic", "NOUN", "nsubj", 1), ("urged", "urge", "VERB", "ROOT", 1),
                            ("Ruritania", "Ruritania", "PROPN", "dobj", 1)])
    doc._.ch_actors = [
        {"text": "Critics", "start": 0, "end": 7, "name": "Critics", "code": "RUR", "sector": "OPP", "kind": "group"},
        {"text": "Ruritania", "start": 14, "end": 23, "name": "Ruritania", "code": "RUR", "sector": "GOV",
         "kind": "country"}]
    index = MentionIndex(doc)
    parties = [Party("RUR", 0, 1, "", False), Party("RUR", 2, 3, "", False)]
    assert state_asker(index, parties, "RUR", 1) is None  # the critics, not the state
    assert state_asker(index, parties, "RUR", 3) == "RUR"  # the country named bare


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # the asker asks for itself: it receives, the one it addresses gives
    ("La Géorgie réclame la livraison de missiles Javelin.", "fr", {(None, "GEO", "Javelin", "requested")}),
    ("Lithuania is pressing for the delivery of NASAMS batteries.", "en", {(None, "LTU", "NASAMS", "requested")}),
    ("The Georgian president urged France to send Mistral missiles to Tbilisi.", "en",
     {("FRA", "GEO", "Mistral", "requested")}),
    # a group of states: one record per member
    ("Norway will send NASAMS batteries to the Baltic states.", "en",
     {("NOR", c, "NASAMS", "pledged") for c in ("EST", "LVA", "LTU")}),
    # a deal with its other signer; the maker's country supplies, or the buyer's seller
    ("Finland signed a deal with the United States for 64 F-35 jets.", "en", {("USA", "FIN", "F-35", "agreed")}),
    ("Le Qatar a conclu un accord avec Paris pour l'achat de 12 Rafale.", "fr", {("FRA", "QAT", "Rafale", "agreed")}),
    ("Le Chili a signé mardi un contrat de 300 millions de dollars avec Séoul portant sur 48 obusiers K9.", "fr",
     {("KOR", "CHL", "K9", "agreed")}),  # the partner far from the verb, under it
    ("The contract, signed with Saab last week, covers 14 Gripen jets for Hungary.", "en",
     {("SWE", "HUN", "Gripen", "agreed")}),
    # a weapon's name inside a company's: the company's country supplies the weapon it names
    ("Czech firm Excalibur Army delivered 12 RM-70 rocket launchers to Georgia.", "en",
     {("CZE", "GEO", "RM-70", "delivered")}),
    # the French future, tagged as a present: a pledge
    ("Les Pays-Bas livreront des obusiers PzH 2000 à la Moldavie.", "fr", {("NLD", "MDA", "PzH 2000", "pledged")}),
    # a reporting source after a comma is no second recipient
    ("Belarus sent Iskander missiles to Russia, the Lithuanian government said.", "en",
     {("BLR", "RUS", "Iskander-M", "delivered")}),
    # an approval of a delivery agrees it, delivers nothing yet
    ("Sweden authorised the delivery of Archer howitzers to Ukraine.", "en", {("SWE", "UKR", "Archer", "agreed")}),
    # a deal for a party whose seller it leaves unnamed
    ("The agreement covers 24 Rafale jets for Serbia.", "en", {(None, "SRB", "Rafale", "agreed")}),
])
def test_round6_frames(pipeline: Any, text: str, lang: str, expected: set[Row]) -> None:
    assert set(_rows(pipeline, text, lang)) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, lang", [
    ("Estonia urged Germany to send IRIS-T systems to Kyiv.", "en"),  # a third party names both sides
    ("Les Verts ont exhorté Berlin à livrer des chars Leopard 2 à Kiev.", "fr"),
    ("The opposition demanded that the cabinet send Gripen jets to Ukraine.", "en"),
    ("Peru is negotiating with South Korea over a possible purchase of K2 tanks.", "en"),  # talks
    ("Le Maroc discute avec la Turquie d'un éventuel achat de drones Bayraktar TB2.", "fr"),
    ("Germany moved its own Patriot batteries to the Baltic states.", "en"),  # own forces, not the group's
])
def test_round6_not_transfers(pipeline: Any, text: str, lang: str) -> None:
    assert _rows(pipeline, text, lang) == []
