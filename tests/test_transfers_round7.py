"""Transfer frames of real reporting, round 7 (issue 19), on sentences written for these tests: a
state's wish that another gives, naming nobody to receive; weapons that arrive in a state; counts
told by counting nouns; offices and boards that act for their state or maker; the approval of a
possible sale, and French transfer verbs the tagger misreads."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from test_transfers_frames import Row, _rows

from chronique.arms.approval import approved_deal
from chronique.arms.consolidate import STATUS_RANK
from chronique.arms.counts import counted
from chronique.arms.frames import Party, owns_subject
from chronique.arms.verb_forms import infinitives, relemmatise
from chronique.knowledge.weapons import Trigger
from chronique.schema import TRANSFER_STATUSES


def _doc(lang: str, words: list[str], pos: list[str], lemmas: list[str] | None = None,
         deps: list[str] | None = None, heads: list[int] | None = None) -> Doc:
    return Doc(spacy.blank(lang).vocab, words=words, pos=pos, lemmas=lemmas or [w.lower() for w in words],
               deps=deps, heads=heads)


@pytest.mark.parametrize("words, pos, first, expected", [
    (["un", "millier", "de", "drones"], ["DET", "NOUN", "ADP", "NOUN"], 3, 1000),
    (["a", "dozen", "Gepard", "guns"], ["DET", "NOUN", "PROPN", "NOUN"], 2, 12),
    (["three", "dozen", "Gepard", "guns"], ["NUM", "NOUN", "PROPN", "NOUN"], 2, 36),
    (["deux", "douzaines", "de", "canons", "Gepard"], ["NUM", "NOUN", "ADP", "NOUN", "PROPN"], 3, 24),
    (["une", "vingtaine", "d'", "hélicoptères"], ["DET", "NOUN", "ADP", "NOUN"], 3, 20),
    # a counting noun with no number or single article before it states no count
    (["des", "centaines", "de", "drones"], ["DET", "NOUN", "ADP", "NOUN"], 3, None),
    (["hundreds", "of", "drones"], ["NOUN", "ADP", "NOUN"], 2, None),
    (["a", "few", "dozen", "drones"], ["DET", "ADJ", "NOUN", "NOUN"], 3, None),
    (["the", "new", "drones"], ["DET", "ADJ", "NOUN"], 2, None),
])
def test_counting_nouns_give_a_count(words: list[str], pos: list[str], first: int, expected: int | None) -> None:
    lang = "fr" if words[0] in ("un", "deux", "une", "des") else "en"
    assert counted(_doc(lang, words, pos)[first]) == expected


def test_french_forms_give_their_infinitives() -> None:
    assert "livrer" in infinitives("livre") and "fournir" in infinitives("fournissent")
    assert "vendre" in infinitives("vende") and infinitives("a") == []


def test_a_misread_french_transfer_verb_is_read_as_a_verb() -> None:
    doc = _doc("fr", ["que", "Madrid", "livre", "des", "chars", "et", "le", "livre", "de", "Paris"],
               ["SCONJ", "PROPN", "NOUN", "DET", "NOUN", "CCONJ", "DET", "NOUN", "ADP", "PROPN"],
               deps=["mark", "nsubj", "ROOT", "det", "obj", "cc", "det", "conj", "case", "nmod"],
               heads=[2, 2, 2, 4, 2, 7, 7, 2, 9, 7])
    found = {"livrer": Trigger("livrer", "delivered", "supplier")}

    def trigger(word: str, lang: str) -> Trigger | None:
        return found.get(word)

    relemmatise(doc, trigger)
    assert (doc[2].lemma_, doc[2].pos_) == ("livrer", "VERB")  # after a bare name: the verb
    assert (doc[7].lemma_, doc[7].pos_) == ("livre", "NOUN")  # after a determiner: the noun "book"


def test_the_approval_of_a_possible_sale() -> None:
    words = ["Lisbon", "approved", "a", "possible", "sale", "of", "tanks", "and", "approved", "the", "sale"]
    doc = _doc("en", words, ["PROPN", "VERB", "DET", "ADJ", "NOUN", "ADP", "NOUN", "CCONJ", "VERB", "DET", "NOUN"],
               lemmas=["lisbon", "approve", "a", "possible", "sale", "of", "tank", "and", "approve", "the", "sale"],
               deps=["nsubj", "ROOT", "det", "amod", "dobj", "prep", "pobj", "cc", "conj", "det", "dobj"],
               heads=[1, 1, 4, 4, 1, 4, 5, 1, 1, 10, 8])
    sale = {"sale": Trigger("sale", "agreed", "supplier")}
    assert approved_deal(doc[4], sale.get)  # "approved a possible sale"
    assert approved_deal(doc[1], sale.get)  # the approval word whose object is a possible sale
    assert not approved_deal(doc[10], sale.get)  # "approved the sale": agreed, as before
    assert "approved" in TRANSFER_STATUSES
    assert STATUS_RANK["offered"] < STATUS_RANK["approved"] < STATUS_RANK["agreed"]


def test_the_owner_of_a_subject_noun_acts_for_it() -> None:
    doc = _doc("en", ["Nexter", "'s", "board", "sold", "the", "guns", "of", "Norway"],
               ["PROPN", "PART", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN"],
               deps=["poss", "case", "nsubj", "ROOT", "det", "dobj", "prep", "pobj"], heads=[2, 0, 3, 3, 5, 3, 5, 6])
    assert owns_subject(Party("FRA", 0, 1, "", False), doc)
    assert not owns_subject(Party("NOR", 7, 8, "of", False), doc)  # of the object, not the subject


@pytest.mark.model
@pytest.mark.parametrize("text, lang, expected", [
    # a state's wish that another gives, with nobody named to receive: its own request
    ("Tbilisi wants Paris to send Mistral missiles.", "en", ("FRA", "GEO", "Mistral", "requested")),
    ("Helsinki hopes Stockholm will deliver more Archer howitzers.", "en", ("SWE", "FIN", "Archer", "requested")),
    ("Chisinau souhaite que Berlin livre des systèmes IRIS-T.", "fr", ("DEU", "MDA", "IRIS-T", "requested")),
    # weapons that arrive in a state, from the party their phrase names
    ("The first Gripen jets from Sweden have arrived in Hungary.", "en", ("SWE", "HUN", "Gripen", "delivered")),
    ("Les premiers canons Caesar vendus par la France sont arrivés en Belgique.", "fr",
     ("FRA", "BEL", "CAESAR", "delivered")),
    # an office or board acts for its state or maker; an approval of a possible sale is "approved"
    ("The State Department approved a possible sale of 40 Patriot missiles to Spain.", "en",
     ("USA", "ESP", "Patriot", "approved")),
    ("Le département d'État a approuvé la vente éventuelle d'obusiers M777 au Brésil.", "fr",
     ("USA", "BRA", "M777", "approved")),
    ("The board of Saab approved the sale of Gripen jets to Brazil.", "en", ("SWE", "BRA", "Gripen", "agreed")),
    # an announced aid package is pledged
    ("The Pentagon announced an aid package for Taiwan with Stinger missiles.", "en",
     ("USA", "TWN", "Stinger", "pledged")),
])
def test_round7_frames(pipeline: Any, text: str, lang: str, expected: Row) -> None:
    assert _rows(pipeline, text, lang) == [expected]


@pytest.mark.model
def test_counts_in_words_are_quantities(pipeline: Any) -> None:
    found = pipeline.extract("Spain will send a dozen Leopard 2 tanks to Ukraine.", lang="en").transfers
    assert [(t.supplier, t.recipient, t.quantity) for t in found] == [("ESP", "UKR", 12)]
    found = pipeline.extract("L'Iran a livré des centaines de drones Shahed à la Russie.", lang="fr").transfers
    assert [(t.supplier, t.recipient, t.quantity) for t in found] == [("IRN", "RUS", None)]


@pytest.mark.model
@pytest.mark.parametrize("text, lang", [
    ("Rome wants Paris to send Mistral missiles to Kyiv.", "en"),  # a third party's wish
    ("Madrid souhaite que Berlin livre des chars Leopard 2 à l'Ukraine.", "fr"),
    ("British soldiers and their Challenger 2 tanks arrived in Estonia for a NATO drill.", "en"),  # own forces
    ("Des Leopard 2 allemands sont arrivés en Lituanie pour un exercice.", "fr"),
    ("Dozens of civilians were wounded by Russian Iskander missiles in Kharkiv.", "en"),  # a casualty count
    ("The Pentagon deployed two Patriot batteries to Romania.", "en"),  # an office's own deployment
])
def test_round7_not_transfers(pipeline: Any, text: str, lang: str) -> None:
    assert _rows(pipeline, text, lang) == []
