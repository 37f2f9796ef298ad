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


def _accuse_doc() -> Doc:
    # "Les États-Unis accusent la Syrie d'être à l'origine de l'attaque ." (the parser's reading)
    doc = _doc([("Les", "le", "DET", "det", 1), ("États-Unis", "États-Unis", "PROPN", "nsubj", 2),
                ("accusent", "accuser", "VERB", "ROOT", 2), ("la", "le", "DET", "det", 4),
                ("Syrie", "Syrie", "PROPN", "obj", 2), ("d'", "de", "ADP", "mark", 6),
                ("être", "être", "AUX", "xcomp", 2), ("à", "à", "ADP", "case", 9), ("l'", "le", "DET", "det", 9),
                ("origine", "origine", "NOUN", "obl:arg", 2), ("de", "de", "ADP", "case", 12),
                ("l'", "le", "DET", "det", 12), ("attaque", "attaque", "NOUN", "nmod", 9),
                (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_actors = [_mention(doc, "États-Unis", code="USA", sector="GOV", kind="country"),
                       _mention(doc, "Syrie", code="SYR", sector="GOV", kind="country")]
    return doc


def test_an_attack_under_an_accusation_is_its_content_not_an_act() -> None:
    assert _triples(_code(_accuse_doc())) == [("ACCUSE", "USA", "SYR")]


def test_an_attack_under_a_denial_is_its_content_not_an_act() -> None:
    # "La Russie dément toute implication dans l'attentat ."
    doc = _doc([("La", "le", "DET", "det", 1), ("Russie", "Russie", "PROPN", "nsubj", 2),
                ("dément", "démentir", "VERB", "ROOT", 2), ("toute", "tout", "DET", "det", 4),
                ("implication", "implication", "NOUN", "obj", 2), ("dans", "dans", "ADP", "case", 7),
                ("l'", "le", "DET", "det", 7), ("attentat", "attentat", "NOUN", "nmod", 4),
                (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_actors = [_mention(doc, "Russie", code="RUS", sector="GOV", kind="country")]
    assert {e["event"] for e in _code(doc)} == {"REJECT"}


def test_a_condemned_attack_is_presupposed_and_keeps_its_own_parties() -> None:
    # "L'Allemagne condamne l'attaque de la Turquie contre la Syrie ."
    doc = _doc([("L'", "le", "DET", "det", 1), ("Allemagne", "Allemagne", "PROPN", "nsubj", 2),
                ("condamne", "condamner", "VERB", "ROOT", 2), ("l'", "le", "DET", "det", 4),
                ("attaque", "attaque", "NOUN", "obj", 2), ("de", "de", "ADP", "case", 7),
                ("la", "le", "DET", "det", 7), ("Turquie", "Turquie", "PROPN", "nmod", 4),
                ("contre", "contre", "ADP", "case", 10), ("la", "le", "DET", "det", 10),
                ("Syrie", "Syrie", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_actors = [_mention(doc, "Allemagne", code="DEU", sector="GOV", kind="country"),
                       _mention(doc, "Turquie", code="TUR", sector="GOV", kind="country"),
                       _mention(doc, "Syrie", code="SYR", sector="GOV", kind="country")]
    triples = _triples(_code(doc))
    assert ("ASSAULT", "TUR", "SYR") in triples
    assert any(t[:2] == ("ACCUSE", "DEU") for t in triples)


def test_a_cancelled_summit_is_a_rejection_not_a_meeting() -> None:
    # "Le Japon annule le sommet avec la Chine ."
    doc = _doc([("Le", "le", "DET", "det", 1), ("Japon", "Japon", "PROPN", "nsubj", 2),
                ("annule", "annuler", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                ("sommet", "sommet", "NOUN", "obj", 2), ("avec", "avec", "ADP", "case", 7),
                ("la", "le", "DET", "det", 7), ("Chine", "Chine", "PROPN", "nmod", 4),
                (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_actors = [_mention(doc, "Japon", code="JPN", sector="GOV", kind="country"),
                       _mention(doc, "Chine", code="CHN", sector="GOV", kind="country")]
    events = _code(doc)
    assert {e["event"] for e in events} == {"REJECT"}
    assert events[0]["cameo"] == "125" and events[0]["actor"]["code"] == "JPN"


@pytest.mark.model
@pytest.mark.parametrize(("text", "triple"), [
    ("Les États-Unis ont rappelé le personnel de leur ambassade à Cuba.", ("SANCTION", "USA", "CUB")),
    ("L'armée syrienne a pilonné la ville d'Alep.", ("ASSAULT", "SYR", None)),
    ("Le Japon a accusé la Corée du Nord d'être responsable du tir de missile.", ("ACCUSE", "JPN", "PRK")),
    ("Le Hamas a revendiqué l'attentat contre Israël.", ("ASSAULT", None, "ISR")),
])
def test_new_families_on_real_parses(pipeline: Any, text: str, triple: tuple[str, str | None, str | None]) -> None:
    found = [(e.event, e.actor.code if e.actor else None, e.recipient.code if e.recipient else None)
             for e in pipeline.extract(text, lang="fr", published="2024-03-01").events]
    assert any(all(want is None or want == got for want, got in zip(triple, t, strict=True)) for t in found), found
    assert not any(t[0] in ("AID", "COERCE") for t in found)  # no look-alike reading slips in


@pytest.mark.model
def test_a_claim_with_soutenir_que_codes_no_support(pipeline: Any) -> None:
    text = "La Russie soutient que ses troupes n'ont jamais franchi la frontière ukrainienne."
    assert not [e for e in pipeline.extract(text, lang="fr", published="2024-03-01").events if e.event == "SUPPORT"]
