"""The rule coder on hand-built parses (no model) and on the real French model (marked)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from chronique.coding import CODER_VERSION, make_coder
from chronique.errors import ConfigError
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import load_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()
VOCAB = spacy.blank("fr").vocab


def _doc(rows: list[tuple[str, str, str, str, int]], morphs: dict[int, str] | None = None) -> Doc:
    """rows: (word, lemma, pos, dep, head index)."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              morphs=[(morphs or {}).get(i, "") for i in range(len(rows))],
              sent_starts=[i == 0 for i in range(len(rows))])
    doc._.ch_published = "2024-03-01"
    return doc


def _actor(doc: Doc, text: str, code: str, sector: str = "GOV", kind: str = "country") -> dict[str, Any]:
    m = re.search(re.escape(text), doc.text)
    assert m, text
    return {"text": text, "start": m.start(), "end": m.end(), "name": text, "code": code, "sector": sector,
            "kind": kind}


def _code(doc: Doc) -> list[dict[str, Any]]:
    return make_coder("rules", load_event_lexicon("fr"), load_cameo_table()).code(doc)


def _triples(events: list[dict[str, Any]]) -> set[tuple[str, str | None, str | None]]:
    return {(e["event"], (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code")) for e in events}


def _promise_doc() -> Doc:
    return _doc([("La", "le", "DET", "det", 1), ("Russie", "Russie", "PROPN", "nsubj", 2),
                 ("fournira", "fournir", "VERB", "ROOT", 2), ("des", "un", "DET", "det", 4),
                 ("armes", "arme", "NOUN", "obj", 2), ("à", "à", "ADP", "case", 7), ("la", "le", "DET", "det", 7),
                 ("Biélorussie", "Biélorussie", "PROPN", "obl:arg", 2), (".", ".", "PUNCT", "punct", 2)],
                {2: "Mood=Ind|Tense=Fut"})


def test_future_delivery_of_arms_is_an_agree_pledge() -> None:
    doc = _promise_doc()
    doc._.ch_actors = [_actor(doc, "La Russie", "RUS"), _actor(doc, "Biélorussie", "BLR")]
    [event] = _code(doc)
    assert (event["event"], event["cameo"], event["modality"]) == ("AGREE", "0332", "future")
    assert event["actor"]["code"] == "RUS" and event["recipient"]["code"] == "BLR"
    assert event["quad_code"] == 1 and "military" in event["context"]
    assert event["actor"]["entity_text"] == "La Russie" and event["actor"]["start"] == 0
    assert event["text_info"] == {"sequence": 1, "start": 0, "end": len(doc.text.rstrip())}
    assert event["_trigger"][0] == doc[2].idx and event["_lemma"] == "fournir"
    assert event["coder"] == CODER_VERSION and event["coder"].startswith("chronique 0.1 rules.v")
    assert "id" not in event and 0 < event["confidence"] <= 1


def test_no_actor_no_event() -> None:
    doc = _promise_doc()
    doc._.ch_actors = []
    assert _code(doc) == []


def test_passive_seizure_of_a_town_is_coerce_against_its_country() -> None:
    doc = _doc([("Kharkiv", "Kharkiv", "PROPN", "nsubj:pass", 3), ("a", "avoir", "AUX", "aux:tense", 3),
                ("été", "être", "AUX", "aux:pass", 3), ("prise", "prendre", "VERB", "ROOT", 3),
                ("par", "par", "ADP", "case", 6), ("les", "le", "DET", "det", 6),
                ("forces", "force", "NOUN", "obl:agent", 3), ("russes", "russe", "ADJ", "amod", 6),
                (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_actors = [_actor(doc, "russes", "RUS", "MIL")]
    doc._.ch_places = [{"text": "Kharkiv", "start": 0, "end": 7, "country_code": "UKR", "role": "place"}]
    [event] = _code(doc)
    assert (event["event"], event["mode"], event["cameo"]) == ("COERCE", "seize", "192")
    assert event["actor"]["code"] == "RUS" and event["recipient"]["code"] == "UKR"


def _accuse_doc(negated: bool) -> Doc:
    rows = [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
            ("accuse", "accuser", "VERB", "ROOT", 2), ("la", "le", "DET", "det", 4),
            ("France", "France", "PROPN", "obj", 2), ("et", "et", "CCONJ", "cc", 7), ("l'", "le", "DET", "det", 7),
            ("Algérie", "Algérie", "PROPN", "conj", 4), (".", ".", "PUNCT", "punct", 2)]
    if negated:
        rows = [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 3), ("n'", "ne", "ADV", "advmod", 3),
                ("accuse", "accuser", "VERB", "ROOT", 3), ("pas", "pas", "ADV", "advmod", 3),
                ("la", "le", "DET", "det", 6), ("France", "France", "PROPN", "obj", 3),
                ("et", "et", "CCONJ", "cc", 9), ("l'", "le", "DET", "det", 9),
                ("Algérie", "Algérie", "PROPN", "conj", 6),
                (".", ".", "PUNCT", "punct", 3)]
    return _doc(rows)


def test_coordinated_targets_give_one_event_each() -> None:
    doc = _accuse_doc(negated=False)
    doc._.ch_actors = [_actor(doc, "Mali", "MLI"), _actor(doc, "France", "FRA"), _actor(doc, "Algérie", "DZA")]
    events = _code(doc)
    assert _triples(events) == {("ACCUSE", "MLI", "FRA"), ("ACCUSE", "MLI", "DZA")}
    assert all(e["cameo"] == "112" and e["modality"] == "asserted" for e in events)


def test_negation_is_recorded() -> None:
    doc = _accuse_doc(negated=True)
    assert doc[3].lemma_ == "accuser" and doc[4].text == "pas"
    doc._.ch_actors = [_actor(doc, "Mali", "MLI"), _actor(doc, "France", "FRA"), _actor(doc, "Algérie", "DZA")]
    assert {e["modality"] for e in _code(doc)} == {"negated"}


def test_unknown_coder_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        make_coder("llm", load_event_lexicon("fr"), load_cameo_table())


@pytest.mark.model
def test_real_french_parse_reported_speech_and_request(pipeline: Any) -> None:
    nlp = pipeline.annotator.language("fr")
    text = ("La Grèce a déclaré que la Turquie avait attaqué la Syrie. "
            "Le Liban a demandé à la France d'envoyer des armes.")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("chronique_") or name == "chronique_sentences_v1":
            doc = proc(doc)
    doc._.ch_actors = [_actor(doc, "La Grèce", "GRC"), _actor(doc, "la Turquie", "TUR"),
                       _actor(doc, "la Syrie", "SYR"), _actor(doc, "Le Liban", "LBN"), _actor(doc, "la France", "FRA")]
    doc._.ch_published = "2024-03-01"
    events = _code(doc)
    assert ("ASSAULT", "TUR", "SYR") in _triples(events)
    assault = next(e for e in events if e["event"] == "ASSAULT")
    assert assault["modality"] == "reported" and assault["speaker"] == "La Grèce"
    request = next(e for e in events if e["event"] == "REQUEST")
    assert (request["actor"]["code"], request["recipient"]["code"]) == ("LBN", "FRA")
    assert request["cameo"].startswith("103")  # a request to send arms: demand (military) aid
    assert not any(e["event"] == "AID" for e in events)  # the requested act is not coded as done
