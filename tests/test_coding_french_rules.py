"""French rules added for the Wikinews measure: unnamed domestic groups, new triggers."""

from __future__ import annotations

import re
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from chronique.coding import make_coder
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()
VOCAB = spacy.blank("fr").vocab


def _doc(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """rows: (word, lemma, pos, dep, head index)."""
    doc = Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows], sent_starts=[i == 0 for i in range(len(rows))])
    doc._.ch_published = "2024-03-01"
    return doc


def _mention(doc: Doc, text: str, **fields: Any) -> dict[str, Any]:
    m = re.search(re.escape(text), doc.text)
    assert m, text
    return {"text": text, "start": m.start(), "end": m.end(), "name": text, **fields}


def _code(doc: Doc) -> list[dict[str, Any]]:
    return make_coder("rules", load_event_lexicon("fr"), load_cameo_table()).code(doc)


def _triples(events: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None]]:
    return [(e["event"], (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code")) for e in events]


def _rebels_doc(with_place: bool) -> Doc:
    # "Les rebelles de Homs condamnent le Tchad."
    doc = _doc([("Les", "le", "DET", "det", 1), ("rebelles", "rebelle", "NOUN", "nsubj", 4),
                ("de", "de", "ADP", "case", 3), ("Homs", "Homs", "PROPN", "nmod", 1),
                ("condamnent", "condamner", "VERB", "ROOT", 4), ("le", "le", "DET", "det", 6),
                ("Tchad", "Tchad", "PROPN", "obj", 4), (".", ".", "PUNCT", "punct", 4)])
    doc._.ch_actors = [_mention(doc, "rebelles", code=None, sector="REB", kind="sector"),
                       _mention(doc, "Tchad", code="TCD", sector="GOV", kind="country")]
    doc._.ch_places = [_mention(doc, "Homs", country_code="SYR")] if with_place else []
    return doc


def test_unnamed_rebels_take_the_country_of_the_place_they_are_tied_to() -> None:
    doc = _rebels_doc(with_place=True)
    [event] = _code(doc)
    assert _triples([event]) == [("ACCUSE", "SYR", "TCD")] and event["actor"]["sector"] == "REB"
    assert doc._.ch_actors[0]["code"] is None  # the actors stage's output is left as it was


def test_unnamed_rebels_stay_uncoded_when_no_place_names_a_country() -> None:
    assert _triples(_code(_rebels_doc(with_place=False))) == [("ACCUSE", None, "TCD")]


@pytest.mark.parametrize(("lemmas", "cameo"), [
    (["russie", "mettre", "en", "garde", "le", "washington"], "130"),
    (["il", "inscrire", "le", "pays", "sur", "le", "liste", "noire"], "163"),
    (["le", "armée", "et", "le", "rebelle", "se", "battre"], "190"),
    (["un", "avion", "larguer", "un", "bombe"], "195"),
    (["il", "tenir", "le", "autorité", "pour", "responsable"], "112"),
    (["le", "étudiant", "descendre", "dans", "le", "rue"], "141"),
    (["le", "armée", "confiner", "le", "président"], "173"),
])
def test_new_french_triggers(lemmas: list[str], cameo: str) -> None:
    pos = ["VERB" if w in ("mettre", "battre", "larguer", "tenir", "descendre", "confiner") else "NOUN" for w in lemmas]
    found = load_event_lexicon("fr").match(lemmas, lemmas, pos)
    assert cameo in {m.trigger.cameo for m in found}


def test_praise_is_a_weak_trigger_because_louer_also_means_to_rent() -> None:
    [match] = load_event_lexicon("fr").match(["il", "louer", "le", "relation"], ["il", "loue", "la", "relation"],
                                              ["PRON", "VERB", "DET", "NOUN"])
    assert match.trigger.cameo == "051" and match.trigger.weak
