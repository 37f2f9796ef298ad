"""Modality-driven coding on hand-built parses (no model): announced acts, obligations, passives
under modals, and actors the actor stage could not code."""

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


def _doc(lang: str, rows: list[Row], morphs: dict[int, str] | None = None) -> Doc:
    doc = Doc(spacy.blank(lang).vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              morphs=[(morphs or {}).get(i, "") for i in range(len(rows))],
              sent_starts=[i == 0 for i in range(len(rows))])
    doc._.ch_published = "2024-03-01"
    return doc


def _actor(doc: Doc, text: str, code: str | None, sector: str | None = "GOV", kind: str = "country") -> dict[str, Any]:
    m = re.search(re.escape(text), doc.text)
    assert m, text
    return {"text": text, "start": m.start(), "end": m.end(), "name": text, "code": code, "sector": sector,
            "kind": kind}


def _code(doc: Doc, lang: str) -> list[dict[str, Any]]:
    return make_coder("rules", load_event_lexicon(lang), load_cameo_table()).code(doc)


def _summary(events: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(e["event"], (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code"), e["modality"])
            for e in events}


def test_agentless_passive_infinitive_under_a_modal() -> None:
    """"Les navires grecs pourraient être réparés dans les chantiers italiens" with "moderniser":
    the subject undergoes the act, the owner of the premises does it, the modal makes it an offer."""
    doc = _doc("fr", [("Les", "le", "DET", "det", 1), ("navires", "navire", "NOUN", "nsubj", 3),
                      ("grecs", "grec", "ADJ", "amod", 1), ("pourraient", "pouvoir", "VERB", "ROOT", 3),
                      ("être", "être", "AUX", "aux:pass", 5), ("modernisés", "moderniser", "VERB", "xcomp", 3),
                      ("dans", "dans", "ADP", "case", 8), ("les", "le", "DET", "det", 8),
                      ("chantiers", "chantier", "NOUN", "obl:mod", 5), ("italiens", "italien", "ADJ", "amod", 8),
                      (".", ".", "PUNCT", "punct", 3)],
               {3: "Mood=Cnd|Number=Plur", 5: "VerbForm=Part|Voice=Pass"})
    doc._.ch_actors = [_actor(doc, "grecs", "GRC", None), _actor(doc, "italiens", "ITA", None)]
    [event] = _code(doc, "fr")
    assert (event["event"], event["cameo"], event["modality"]) == ("AGREE", "0332", "conditional")
    assert (event["actor"]["code"], event["recipient"]["code"]) == ("ITA", "GRC")


def test_agentless_passive_in_a_place_names_no_doer() -> None:
    """"… modernisés en Italie": a place is where, not who; the weak trigger then codes nothing."""
    doc = _doc("fr", [("Les", "le", "DET", "det", 1), ("navires", "navire", "NOUN", "nsubj", 3),
                      ("grecs", "grec", "ADJ", "amod", 1), ("pourraient", "pouvoir", "VERB", "ROOT", 3),
                      ("être", "être", "AUX", "aux:pass", 5), ("modernisés", "moderniser", "VERB", "xcomp", 3),
                      ("en", "en", "ADP", "case", 7), ("Italie", "Italie", "PROPN", "obl:mod", 5),
                      (".", ".", "PUNCT", "punct", 3)], {3: "Mood=Cnd"})
    doc._.ch_actors = [_actor(doc, "grecs", "GRC", None), _actor(doc, "Italie", "ITA", None)]
    doc._.ch_places = [{"text": "Italie", "start": doc[7].idx, "end": doc[7].idx + 6, "country_code": "ITA",
                        "role": "place"}]
    assert _code(doc, "fr") == []


def _said(subject: str, code_rows: list[Row]) -> list[Row]:
    """"<subject> said <clause>": the clause rows' heads are given relative to the clause start (2)."""
    return [(subject, subject, "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            *[(w, lemma, pos, dep, head + 2) for w, lemma, pos, dep, head in code_rows]]


def test_must_under_a_speech_verb_is_a_request_of_the_speaker() -> None:
    doc = _doc("en", _said("Chile", [("Peru", "Peru", "PROPN", "nsubj", 2), ("must", "must", "AUX", "aux", 2),
                                     ("release", "release", "VERB", "ccomp", -1),
                                     ("the", "the", "DET", "det", 4), ("fishermen", "fisherman", "NOUN", "dobj", 2),
                                     (".", ".", "PUNCT", "punct", -1)]))
    doc._.ch_actors = [_actor(doc, "Chile", "CHL"), _actor(doc, "Peru", "PER")]
    [event] = _code(doc, "en")
    assert (event["event"], event["actor"]["code"], event["recipient"]["code"]) == ("REQUEST", "CHL", "PER")
    assert event["cameo"].startswith("10")


def test_must_without_a_speaker_is_a_requested_act() -> None:
    doc = _doc("en", [("Peru", "Peru", "PROPN", "nsubj", 2), ("must", "must", "AUX", "aux", 2),
                      ("release", "release", "VERB", "ROOT", 2), ("Chilean", "chilean", "ADJ", "amod", 4),
                      ("fishermen", "fisherman", "NOUN", "dobj", 2), (".", ".", "PUNCT", "punct", 2)])
    doc._.ch_actors = [_actor(doc, "Peru", "PER"), _actor(doc, "Chilean", "CHL", "CVL")]
    assert _summary(_code(doc, "en")) == {("RETREAT", "PER", "CHL", "requested")}


def test_announced_force_is_a_threat_and_announced_help_an_agreement() -> None:
    rows: list[Row] = [("Norway", "Norway", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                       ("VERB", "VERB", "VERB", "ROOT", 2), ("Sweden", "Sweden", "PROPN", "dobj", 2),
                       (".", ".", "PUNCT", "punct", 2)]
    expected = {"attack": ("THREATEN", "138"), "blockade": ("THREATEN", "138"), "help": ("AGREE", "033"),
                "support": ("AGREE", "032")}
    for verb, (event, root) in expected.items():
        doc = _doc("en", [(verb if w == "VERB" else w, verb if w == "VERB" else lemma, pos, dep, h)
                          for w, lemma, pos, dep, h in rows])
        doc._.ch_actors = [_actor(doc, "Norway", "NOR"), _actor(doc, "Sweden", "SWE")]
        [coded] = _code(doc, "en")
        assert (coded["event"], coded["cameo"][:3], coded["modality"]) == (event, root, "future"), verb


def test_vowing_to_use_force_is_a_threat() -> None:
    doc = _doc("en", [("Norway", "Norway", "PROPN", "nsubj", 1), ("vowed", "vow", "VERB", "ROOT", 1),
                      ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1),
                      ("Sweden", "Sweden", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)])
    doc._.ch_actors = [_actor(doc, "Norway", "NOR"), _actor(doc, "Sweden", "SWE")]
    assert {(e["event"], e["cameo"][:3]) for e in _code(doc, "en")} == {("THREATEN", "138")}


def test_an_uncoded_named_organisation_can_be_the_actor() -> None:
    """An ORG entity the actor stage does not know still acts; with no country in the text it is UNK
    (chronique.coding.unlisted)."""
    doc = _doc("en", [("Oxfam", "Oxfam", "PROPN", "nsubj", 1), ("accused", "accuse", "VERB", "ROOT", 1),
                      ("Chile", "Chile", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)])
    doc.ents = [spacy.tokens.Span(doc, 0, 1, label="ORG")]
    doc._.ch_actors = [_actor(doc, "Chile", "CHL")]
    [event] = _code(doc, "en")
    assert event["event"] == "ACCUSE" and event["recipient"]["code"] == "CHL"
    assert event["actor"] == {"code": "UNK", "sector": None, "entity_text": "Oxfam", "identifier_id": None,
                              "start": 0, "end": 5, "_unlisted": True}


def test_uncoded_entities_alone_do_not_make_an_event_from_a_place() -> None:
    """A place entity is not an actor: "Fighting in Chile." names no one."""
    doc = _doc("en", [("Fighting", "fight", "VERB", "ROOT", 0), ("in", "in", "ADP", "prep", 0),
                      ("Chile", "Chile", "PROPN", "pobj", 1), (".", ".", "PUNCT", "punct", 0)])
    doc.ents = [spacy.tokens.Span(doc, 2, 3, label="GPE")]
    doc._.ch_actors = []
    assert _code(doc, "en") == []


def _norway(verb_rows: list[Row]) -> Doc:
    doc = _doc("en", [("Norway", "Norway", "PROPN", "nsubj", 2), *verb_rows])
    doc._.ch_actors = [_actor(doc, "Norway", "NOR"), _actor(doc, "Sweden", "SWE")]
    return doc


def test_declining_a_cooperative_act_is_a_rejection() -> None:
    """"Norway will not meet Sweden": a refusal, coded REJECT, not a negated CONSULT."""
    doc = _doc("en", [("Norway", "Norway", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
                      ("not", "not", "PART", "neg", 3), ("meet", "meet", "VERB", "ROOT", 3),
                      ("Sweden", "Sweden", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)])
    doc._.ch_actors = [_actor(doc, "Norway", "NOR"), _actor(doc, "Sweden", "SWE")]
    [event] = _code(doc, "en")
    assert (event["event"], event["cameo"], event["modality"]) == ("REJECT", "125", "asserted")
    assert (event["actor"]["code"], event["recipient"]["code"]) == ("NOR", "SWE")


def test_an_announced_act_under_a_condition_is_a_threat() -> None:
    """"Norway will withdraw from Sweden unless Sweden pays": a conditional announcement."""
    doc = _norway([("will", "will", "AUX", "aux", 2), ("withdraw", "withdraw", "VERB", "ROOT", 2),
                   ("from", "from", "ADP", "prep", 2), ("Sweden", "Sweden", "PROPN", "pobj", 3),
                   ("unless", "unless", "SCONJ", "mark", 7), ("Sweden", "Sweden", "PROPN", "nsubj", 7),
                   ("pays", "pay", "VERB", "advcl", 2), (".", ".", "PUNCT", "punct", 2)])
    events = _code(doc, "en")
    assert {(e["event"], e["actor"]["code"]) for e in events} == {("THREATEN", "NOR")}
    without = _norway([("will", "will", "AUX", "aux", 2), ("withdraw", "withdraw", "VERB", "ROOT", 2),
                       ("from", "from", "ADP", "prep", 2), ("Sweden", "Sweden", "PROPN", "pobj", 3),
                       (".", ".", "PUNCT", "punct", 2)])
    # an announced retreat, with no condition, is a concession (PLOVER manual: CONCEDE, not AGREE)
    assert {e["event"] for e in _code(without, "en")} == {"CONCEDE"}


def test_a_protest_absorbs_the_demand_it_voices() -> None:
    """"Norwegians rallied to demand Swedish reforms": one PROTEST, no separate REQUEST."""
    doc = _doc("en", [("Norwegians", "norwegian", "PROPN", "nsubj", 1), ("rallied", "rally", "VERB", "ROOT", 1),
                      ("to", "to", "PART", "aux", 3), ("demand", "demand", "VERB", "advcl", 1),
                      ("Swedish", "swedish", "ADJ", "amod", 5), ("reforms", "reform", "NOUN", "dobj", 3),
                      (".", ".", "PUNCT", "punct", 1)])
    doc._.ch_actors = [_actor(doc, "Norwegians", "NOR", "CVL"), _actor(doc, "Swedish", "SWE")]
    assert {e["event"] for e in _code(doc, "en")} == {"PROTEST"}


def test_refusing_to_commit_is_one_rejection() -> None:
    doc = _norway([("has", "have", "AUX", "aux", 2), ("refused", "refuse", "VERB", "ROOT", 2),
                   ("to", "to", "PART", "aux", 4), ("commit", "commit", "VERB", "xcomp", 2),
                   ("to", "to", "ADP", "prep", 4), ("Sweden", "Sweden", "PROPN", "pobj", 5),
                   (".", ".", "PUNCT", "punct", 2)])
    assert {e["event"] for e in _code(doc, "en")} == {"REJECT"}
