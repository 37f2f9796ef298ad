from __future__ import annotations

import json

import pytest

from chronique.errors import SchemaError
from chronique.schema import Article, Extraction, article_id

FULL = {
    "article": {"id": "x", "title": "Titre", "url": None, "source": "a.txt", "language": "fr",
                "published": "2022-06-26", "published_inferred": False, "text": "Paris a parlé à Rome."},
    "actors": [{"text": "Paris", "start": 0, "end": 5, "name": "France", "code": "FRA", "sector": "GOV",
                "kind": "country", "wikidata": "Q142", "score": 0.9}],
    "places": [{"text": "Rome", "start": 16, "end": 20, "name": "Rome", "country_code": "ITA", "lat": 41.89,
                "lon": 12.51, "geonameid": 3169070, "feature_class": "P", "role": "place"}],
    "times": [{"text": "samedi", "start": 1, "end": 7, "value": "2022-06-25", "type": "DATE"}],
    "weapons": [{"text": "Caesar", "start": 1, "end": 7, "designation": "CAESAR", "category": "artillery",
                 "origin": "FRA"}],
    "events": [{"id": "e1", "date": "2022-06-25", "date_precision": "day",
                "actor": {"code": "FRA", "sector": "GOV", "entity_text": "Paris", "identifier_id": None,
                          "start": 0, "end": 5},
                "recipient": {"code": "ITA", "sector": "GOV", "entity_text": "Rome", "identifier_id": None,
                              "start": 16, "end": 20},
                "event": "CONSULT", "mode": "", "context": ["diplomatic"], "quad_code": 1, "cameo": "040",
                "event_loc": None, "event_text": "Paris a parlé à Rome.",
                "text_info": {"sequence": 1, "start": 0, "end": 21}, "modality": "asserted", "speaker": None,
                "confidence": 0.8, "coder": "test", "sources": ["x"]}],
    "transfers": [{"supplier": "FRA", "recipient": "UKR", "weapon": "CAESAR", "category": "artillery",
                   "status": "delivered", "date": "2022-06-25", "event_id": "e1",
                   "evidence": {"start": 0, "end": 21}, "quantity": 6, "weapon_text": "Caesar",
                   "evidence_spans": [{"start": 0, "end": 21, "text": "Paris a parlé à Rome."}],
                   "reported_by": "Paris"}],
}


def test_round_trip_is_exact() -> None:
    extraction = Extraction.from_dict(json.loads(json.dumps(FULL)))
    assert extraction.to_dict() == FULL
    assert json.loads(json.dumps(extraction.to_dict())) == FULL


def test_unknown_field_is_rejected_with_the_record_name() -> None:
    bad = dict(FULL["article"], colour="red")  # type: ignore[arg-type]
    with pytest.raises(SchemaError, match="Article: unexpected field"):
        Article.from_dict(bad)


def test_article_id_ignores_line_end_and_edge_whitespace() -> None:
    assert article_id("Une phrase.\r\nDeux.  ") == article_id("Une phrase.\nDeux.")
    assert article_id("a") != article_id("b")
    assert Article.create("Texte.").id == article_id("Texte.")


def test_a_transfer_keeps_every_evidence_span_and_its_source_through_json() -> None:
    from chronique.schema import Evidence, EvidenceSpan, Transfer

    t = Transfer("KOR", "NOR", "K9", "artillery", "ordered", evidence=Evidence(0, 12),
                 evidence_spans=(EvidenceSpan(0, 12, "Norway buys."), EvidenceSpan(13, 30, "It gets K9 guns.")),
                 reported_by="the Korean ministry")
    data = t.to_dict()
    assert data["evidence_spans"][1] == {"start": 13, "end": 30, "text": "It gets K9 guns."}
    assert Transfer.from_dict(data) == t
    older = {k: v for k, v in data.items() if k not in ("evidence_spans", "reported_by")}
    assert Transfer.from_dict(older).evidence_spans == ()  # records written before these fields still read
