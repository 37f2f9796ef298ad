"""Event lexicons (chronique/knowledge/lexicon.py and data/events_*.yaml)."""

from __future__ import annotations

import pytest

from chronique.errors import KnowledgeError
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import EventLexicon, load_event_lexicon, parse_event_lexicon


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_packaged_lexicons_load_and_cover_all_types(lang: str) -> None:
    lex = load_event_lexicon(lang)
    table = load_cameo_table()
    assert lex.source and lex.lang == lang
    types = {t.event or table.plover(t.cameo)[0] for t in lex.triggers}  # type: ignore[index]
    missing = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"} - types
    assert not missing
    for trig in lex.triggers:
        assert table.lookup(trig.cameo) is not None, trig


def test_multiword_match_with_gap_and_pos() -> None:
    lex = parse_event_lexicon({"source": "test", "triggers": [
        {"match": ["prendre", "contrôle"], "cameo": "192"},
        {"match": "prendre", "cameo": "192", "pos": ["VERB"]},
        {"match": "attaque", "cameo": "190", "pos": ["NOUN"]},
    ]}, "test")
    lemmas = ["les", "rebelle", "prendre", "le", "contrôle", "de", "la", "ville"]
    forms = ["les", "rebelles", "ont", "le", "contrôle", "de", "la", "ville"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN"]
    found = lex.match(lemmas, forms, pos, offset=10)
    assert [(m.trigger.words, m.tokens) for m in found] == [(("prendre", "contrôle"), (12, 14))]
    assert lex.match(["attaque"], ["attaque"], ["VERB"]) == []  # POS filter


def test_malformed_lexicon_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError):
        parse_event_lexicon({"source": "x", "triggers": [{"match": "x"}]}, "bad.yaml")
    with pytest.raises(KnowledgeError):
        parse_event_lexicon({"triggers": []}, "bad.yaml")
    with pytest.raises(KnowledgeError):
        parse_event_lexicon({"source": "x", "triggers": [{"match": "x", "cameo": "19", "embeds": "bogus"}]}, "b")


def test_unquoted_yaml_booleans_are_refused_with_the_record() -> None:
    import yaml

    bad_trigger = yaml.safe_load('source: t\ntriggers:\n  - {match: [call, off], cameo: "082"}\n')
    with pytest.raises(KnowledgeError, match="quote on, off, no, yes") as caught:
        parse_event_lexicon(bad_trigger, "t.yaml")
    assert caught.value.record == 1
    bad_list = yaml.safe_load('source: t\nnegation: [not, no]\ntriggers: []\n')
    with pytest.raises(KnowledgeError, match="'negation' words"):
        parse_event_lexicon(bad_list, "t.yaml")


def _gap_lexicon(gap: object | None) -> EventLexicon:
    entry: dict[str, object] = {"match": ["rappeler", "personnel"], "cameo": "161"}
    if gap is not None:
        entry["gap"] = gap
    return parse_event_lexicon({"source": "t", "triggers": [{"match": "x", "cameo": "010"}, entry]}, "t.yaml")


def test_per_entry_gap_widens_only_its_own_entry() -> None:
    # verb, then five words, then the object: beyond the default gap of 3, inside a gap of 6
    lemmas = ["rappeler", "plus", "de", "le", "moitié", "de", "personnel"]
    pos = ["VERB"] + ["NOUN"] * 6
    assert _gap_lexicon(None).match(lemmas, lemmas, pos) == []
    found = _gap_lexicon(6).match(lemmas, lemmas, pos)
    assert [m.tokens for m in found] == [(0, 6)]
    # gap 0: the words must be adjacent
    assert _gap_lexicon(0).match(["rappeler", "le", "personnel"], ["y"] * 3, pos[:3]) == []
    assert len(_gap_lexicon(0).match(["rappeler", "personnel"], ["y"] * 2, pos[:2])) == 1


@pytest.mark.parametrize("gap", [-1, 11, "4", 2.5, True])
def test_bad_gap_is_a_knowledge_error_naming_the_record(gap: object) -> None:
    with pytest.raises(KnowledgeError, match="'gap'") as caught:
        _gap_lexicon(gap)
    assert caught.value.record == 2 and caught.value.where == "t.yaml"
