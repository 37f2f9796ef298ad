"""The CAMEO↔PLOVER table and ontology (chronique/knowledge/cameo.py)."""

from __future__ import annotations

import pytest

from chronique.errors import KnowledgeError
from chronique.knowledge.cameo import PLOVER_TYPES, load_cameo_table, parse_cameo_csv


def test_every_plover_type_has_a_quad_and_codes() -> None:
    table = load_cameo_table()
    coded = {e.event for e in table.entries.values()}
    for event in PLOVER_TYPES:
        assert table.quad(event) in (1, 2, 3, 4)
        assert event in coded or event in ("COOPERATE",)  # COOPERATE is coded (06x); kept explicit
    assert table.quad("AGREE") == 1 and table.quad("AID") == 2 and table.quad("ASSAULT") == 4


def test_crosswalk_facts() -> None:
    table = load_cameo_table()
    assert table.plover("192") == ("COERCE", "seize", ("military",))
    assert table.plover("0332")[0] == "AGREE"  # type: ignore[index]
    assert table.plover("042")[:2] == ("CONSULT", "visit")  # type: ignore[index]
    assert table.lookup("19").code == "190"  # type: ignore[union-attr]
    assert table.lookup("1999") is None or table.lookup("1999").code.startswith("19")  # type: ignore[union-attr]


def test_refine_and_parallel_branches() -> None:
    table = load_cameo_table()
    assert table.refine("070", "military") == "072"
    assert table.refine("103", "military") == "1032"
    assert table.refine("190", "military") == "190"  # several military siblings: unchanged
    assert table.parallel_code("intent", "072") == "0332"  # a promise of military aid is AGREE
    assert table.parallel_code("request", "070") == "103"
    assert table.parallel_code("reject", "072") == "1222"
    assert table.parallel_code("intent", "190") is None


def test_2016_names_are_modernised() -> None:
    table = load_cameo_table()
    assert table.modernise("DEMAND") == ("REQUEST", "")
    assert table.modernise("INVESTIGATE") == ("ACCUSE", "investigate")
    assert table.modernise("AGREE", "x") == ("AGREE", "x")


def test_bad_row_names_file_and_record() -> None:
    with pytest.raises(KnowledgeError) as info:
        parse_cameo_csv("cameo,event,mode,context,label,source\n190,ASSAULT,,,,x\n19x,FIGHT,,,,x\n", where="t.csv")
    assert info.value.where == "t.csv" and info.value.record == 2
