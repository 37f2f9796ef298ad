"""Pronoun parties (chronique.coding.pronouns): a pronoun stands for an earlier mention that agrees
with it in person, number and (French) gender; the event keeps the pronoun's words as evidence and
the antecedent's code; with no agreeing antecedent the party stays uncoded.

Hand-built parses (no model) with the packaged lexicons. Every sentence was written for these tests.
"""

from __future__ import annotations

import re
from typing import Any

import spacy
from spacy.tokens import Doc

from chronique.coding import make_coder
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()
Row = tuple[str, str, str, str, int]


def _doc(lang: str, rows: list[Row], starts: set[int], morphs: dict[int, str] | None = None) -> Doc:
    doc = Doc(spacy.blank(lang).vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              morphs=[(morphs or {}).get(i, "") for i in range(len(rows))],
              sent_starts=[i in starts for i in range(len(rows))])
    doc._.ch_published = "2024-03-01"
    doc._.ch_places = []
    doc._.ch_lang = lang
    return doc


def _mention(doc: Doc, text: str, code: str, kind: str = "country", sector: str = "GOV") -> dict[str, Any]:
    m = re.search(r"\b" + re.escape(text) + r"\b", doc.text)
    assert m, text
    return {"text": text, "start": m.start(), "end": m.end(), "name": text, "code": code, "sector": sector,
            "kind": kind}


def _events(doc: Doc, lang: str) -> list[dict[str, Any]]:
    return make_coder("rules", load_event_lexicon(lang), load_cameo_table()).code(doc)


def _of(events: list[dict[str, Any]], event: str) -> list[tuple[Any, Any, Any]]:
    return sorted(((e["actor"] or {}).get("entity_text"), (e["actor"] or {}).get("code"),
                   (e["recipient"] or {}).get("code")) for e in events if e["event"] == event)


def test_a_plural_pronoun_stands_for_the_whole_coordinated_subject() -> None:
    # "France and Germany met . They condemned Russia ."
    doc = _doc("en", [("France", "France", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 2),
                      ("Germany", "Germany", "PROPN", "conj", 0), ("met", "meet", "VERB", "ROOT", 3),
                      (".", ".", "PUNCT", "punct", 3),
                      ("They", "they", "PRON", "nsubj", 6), ("condemned", "condemn", "VERB", "ROOT", 6),
                      ("Russia", "Russia", "PROPN", "dobj", 6), (".", ".", "PUNCT", "punct", 6)], {0, 5})
    doc._.ch_actors = [_mention(doc, "France", "FRA"), _mention(doc, "Germany", "DEU"), _mention(doc, "Russia", "RUS")]
    assert _of(_events(doc, "en"), "ACCUSE") == [("They", "DEU", "RUS"), ("They", "FRA", "RUS")]


def test_the_pronoun_keeps_its_own_words_and_offsets_as_evidence() -> None:
    # "Russia hosted Erdogan . He condemned Israel ." — "he" is a person: Erdogan, not the subject Russia
    doc = _doc("en", [("Russia", "Russia", "PROPN", "nsubj", 1), ("hosted", "host", "VERB", "ROOT", 1),
                      ("Erdogan", "Erdogan", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
                      ("He", "he", "PRON", "nsubj", 5), ("condemned", "condemn", "VERB", "ROOT", 5),
                      ("Israel", "Israel", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)], {0, 4})
    doc._.ch_actors = [_mention(doc, "Russia", "RUS"), _mention(doc, "Erdogan", "TUR", kind="person"),
                       _mention(doc, "Israel", "ISR")]
    (accuse,) = [e for e in _events(doc, "en") if e["event"] == "ACCUSE"]
    actor = accuse["actor"]
    assert (actor["code"], actor["entity_text"]) == ("TUR", "He")
    assert doc.text[actor["start"]:actor["end"]] == "He"


def test_it_never_stands_for_a_person() -> None:
    # "Erdogan visited Russia . It condemned Israel ."
    doc = _doc("en", [("Erdogan", "Erdogan", "PROPN", "nsubj", 1), ("visited", "visit", "VERB", "ROOT", 1),
                      ("Russia", "Russia", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
                      ("It", "it", "PRON", "nsubj", 5), ("condemned", "condemn", "VERB", "ROOT", 5),
                      ("Israel", "Israel", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)], {0, 4})
    doc._.ch_actors = [_mention(doc, "Erdogan", "TUR", kind="person"), _mention(doc, "Russia", "RUS"),
                       _mention(doc, "Israel", "ISR")]
    assert _of(_events(doc, "en"), "ACCUSE") == [("It", "RUS", "ISR")]


def test_with_no_agreeing_antecedent_the_pronoun_stays_an_uncoded_party() -> None:
    # "Chad attacked Niger . She condemned Israel ." — no person is named before "she"
    doc = _doc("en", [("Chad", "Chad", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
                      ("Niger", "Niger", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
                      ("She", "she", "PRON", "nsubj", 5), ("condemned", "condemn", "VERB", "ROOT", 5),
                      ("Israel", "Israel", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)], {0, 4})
    doc._.ch_actors = [_mention(doc, "Chad", "TCD"), _mention(doc, "Niger", "NER"), _mention(doc, "Israel", "ISR")]
    assert _of(_events(doc, "en"), "ACCUSE") == [("She", None, "ISR")]


def test_a_french_pronoun_agrees_in_gender_with_its_antecedent() -> None:
    # "Le Mali reçoit la présidente . Elle condamne le Niger ." — "elle" is not the (masculine) Mali
    doc = _doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                      ("reçoit", "recevoir", "VERB", "ROOT", 2), ("la", "le", "DET", "det", 4),
                      ("présidente", "président", "NOUN", "obj", 2), (".", ".", "PUNCT", "punct", 2),
                      ("Elle", "il", "PRON", "nsubj", 7), ("condamne", "condamner", "VERB", "ROOT", 7),
                      ("le", "le", "DET", "det", 9), ("Niger", "Niger", "PROPN", "obj", 7),
                      (".", ".", "PUNCT", "punct", 7)], {0, 6},
               {1: "Gender=Masc|Number=Sing", 4: "Gender=Fem|Number=Sing"})
    doc._.ch_actors = [_mention(doc, "Mali", "MLI"), _mention(doc, "présidente", "SEN", kind="person"),
                       _mention(doc, "Niger", "NER")]
    assert _of(_events(doc, "fr"), "ACCUSE") == [("Elle", "SEN", "NER")]


def test_a_french_plural_pronoun_takes_the_coordinated_subject() -> None:
    # "Le Mali et le Niger signent . Ils condamnent le Tchad ."
    doc = _doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 5),
                      ("et", "et", "CCONJ", "cc", 4), ("le", "le", "DET", "det", 4),
                      ("Niger", "Niger", "PROPN", "conj", 1), ("signent", "signer", "VERB", "ROOT", 5),
                      (".", ".", "PUNCT", "punct", 5),
                      ("Ils", "il", "PRON", "nsubj", 8), ("condamnent", "condamner", "VERB", "ROOT", 8),
                      ("le", "le", "DET", "det", 10), ("Tchad", "Tchad", "PROPN", "obj", 8),
                      (".", ".", "PUNCT", "punct", 8)], {0, 7})
    doc._.ch_actors = [_mention(doc, "Mali", "MLI"), _mention(doc, "Niger", "NER"), _mention(doc, "Tchad", "TCD")]
    assert _of(_events(doc, "fr"), "ACCUSE") == [("Ils", "MLI", "TCD"), ("Ils", "NER", "TCD")]


def test_a_singular_pronoun_does_not_take_a_plural_group() -> None:
    # "Les rebelles attaquent Gao . Il condamne le Niger ." — "il" is not the rebels: nothing agrees
    doc = _doc("fr", [("Les", "le", "DET", "det", 1), ("rebelles", "rebelle", "NOUN", "nsubj", 2),
                      ("attaquent", "attaquer", "VERB", "ROOT", 2), ("Gao", "Gao", "PROPN", "obj", 2),
                      (".", ".", "PUNCT", "punct", 2),
                      ("Il", "il", "PRON", "nsubj", 6), ("condamne", "condamner", "VERB", "ROOT", 6),
                      ("le", "le", "DET", "det", 8), ("Niger", "Niger", "PROPN", "obj", 6),
                      (".", ".", "PUNCT", "punct", 6)], {0, 5}, {1: "Gender=Masc|Number=Plur"})
    doc._.ch_actors = [_mention(doc, "rebelles", "MLI", kind="group", sector="REB"), _mention(doc, "Niger", "NER")]
    assert _of(_events(doc, "fr"), "ACCUSE") == [("Il", None, "NER")]


def test_il_looks_among_the_people_first() -> None:
    # "Le Tchad reçoit Macron . Il condamne le Niger ." — news copy gives "il" to a person
    doc = _doc("fr", [("Le", "le", "DET", "det", 1), ("Tchad", "Tchad", "PROPN", "nsubj", 2),
                      ("reçoit", "recevoir", "VERB", "ROOT", 2), ("Macron", "Macron", "PROPN", "obj", 2),
                      (".", ".", "PUNCT", "punct", 2),
                      ("Il", "il", "PRON", "nsubj", 6), ("condamne", "condamner", "VERB", "ROOT", 6),
                      ("le", "le", "DET", "det", 8), ("Niger", "Niger", "PROPN", "obj", 6),
                      (".", ".", "PUNCT", "punct", 6)], {0, 5})
    doc._.ch_actors = [_mention(doc, "Tchad", "TCD"), _mention(doc, "Macron", "FRA", kind="person"),
                       _mention(doc, "Niger", "NER")]
    assert _of(_events(doc, "fr"), "ACCUSE") == [("Il", "FRA", "NER")]
