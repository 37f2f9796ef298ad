"""Motion frames read from a hand-built parse (no model): the verb's lemma and part of speech."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from chronique.geo.frames import in_motion_frame, load_frame_words, motion_before


def _doc(words: list[str], pos: list[str], lemmas: list[str], heads: list[int] | None = None,
         deps: list[str] | None = None) -> Doc:
    return Doc(Vocab(), words=words, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def _capitalised(doc: Doc):  # type: ignore[no-untyped-def]
    return lambda k: doc[k].text[:1].isupper()


def test_the_object_of_a_transitive_motion_verb() -> None:
    doc = _doc(["Aid", "reached", "Bukavu"], ["NOUN", "VERB", "PROPN"], ["aid", "reach", "Bukavu"])
    assert motion_before(doc, 2, "en")


def test_a_direction_word_after_an_intransitive_verb_with_a_particle() -> None:
    doc = _doc(["He", "flew", "back", "to", "Juba"], ["PRON", "VERB", "ADV", "ADP", "PROPN"],
               ["he", "fly", "back", "to", "Juba"])
    assert motion_before(doc, 4, "en")


def test_a_direction_word_needs_a_motion_verb() -> None:
    doc = _doc(["She", "talked", "to", "Juba"], ["PRON", "VERB", "ADP", "PROPN"], ["she", "talk", "to", "Juba"])
    assert not motion_before(doc, 3, "en")
    # a verb that also takes persons ("visited Jordan") is no motion frame
    doc = _doc(["He", "visited", "Jordan"], ["PRON", "VERB", "PROPN"], ["he", "visit", "Jordan"])
    assert not motion_before(doc, 2, "en")


def test_a_noun_of_a_motion_verb_s_form_is_no_verb() -> None:
    doc = _doc(["the", "reach", "Bukavu"], ["DET", "NOUN", "PROPN"], ["the", "reach", "Bukavu"])
    assert not motion_before(doc, 2, "en")


def test_a_name_listed_after_a_frame() -> None:
    words = ["They", "headed", "for", "Damaturu", ",", "Gujba", "and", "Yola"]
    doc = _doc(words, ["PRON", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"],
               ["they", "head", "for", "Damaturu", ",", "Gujba", "and", "Yola"])
    assert in_motion_frame(doc, 7, "en", _capitalised(doc)) and in_motion_frame(doc, 5, "en", _capitalised(doc))
    doc = _doc(["John", "and", "Yola"], ["PROPN", "CCONJ", "PROPN"], ["John", "and", "Yola"])
    assert not in_motion_frame(doc, 2, "en", _capitalised(doc))


def test_french_frames() -> None:
    doc = _doc(["il", "a", "gagné", "Kalemie"], ["PRON", "AUX", "VERB", "PROPN"], ["il", "avoir", "gagner", "Kalemie"])
    assert motion_before(doc, 3, "fr")
    doc = _doc(["ils", "se", "sont", "dirigés", "vers", "Bunia"], ["PRON", "PRON", "AUX", "VERB", "ADP", "PROPN"],
               ["il", "se", "être", "diriger", "vers", "Bunia"])
    assert motion_before(doc, 5, "fr")


def test_a_language_without_frames_has_none() -> None:
    words = load_frame_words("de")
    assert not (words.transitive or words.intransitive or words.directions)


def test_an_impact_verb_frames_a_place_only_after_a_hazard() -> None:
    words = ["A", "typhoon", "hit", "Okinawa"]
    pos = ["DET", "NOUN", "VERB", "PROPN"]
    doc = _doc(words, pos, ["a", "typhoon", "hit", "Okinawa"], heads=[1, 2, 2, 2],
               deps=["det", "nsubj", "ROOT", "dobj"])
    assert motion_before(doc, 3, "en")
    # a person hitting someone: the object is no place
    doc = _doc(["Smith", "hit", "Jones"], ["PROPN", "VERB", "PROPN"], ["Smith", "hit", "Jones"], heads=[1, 1, 1],
               deps=["nsubj", "ROOT", "dobj"])
    assert not motion_before(doc, 2, "en")
