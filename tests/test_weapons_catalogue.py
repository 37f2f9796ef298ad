"""The weapons catalogue: loading, alias matching rules, provenance checks, register coverage."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from chronique.errors import KnowledgeError
from chronique.knowledge.weapons import WeaponCatalogue, add_catalogue_rows, add_term_rows, load_catalogue


@pytest.fixture(scope="module")
def catalogue() -> WeaponCatalogue:
    return load_catalogue()


def found(catalogue: WeaponCatalogue, text: str) -> list[tuple[str, str | None]]:
    return [(text[m.start:m.end], m.alias.entry.designation) for m in catalogue.find(text)]


def test_spellings_variants_and_plurals(catalogue: WeaponCatalogue) -> None:
    text = "Des Su 25, deux T-72B3, les F-16s et un lanceur M142 ; the Leopard 2A6 and 9K720."
    assert found(catalogue, text) == [("Su 25", "Su-25"), ("T-72B3", "T-72"), ("F-16s", "F-16"),
                                      ("M142", "HIMARS"), ("Leopard 2A6", "Leopard 2"), ("9K720", "Iskander-M")]


def test_nato_name_and_generic_terms(catalogue: WeaponCatalogue) -> None:
    text = "le « SS-26 Stone » et des armes lourdes"
    assert found(catalogue, text) == [("SS-26 Stone", "Iskander-M"), ("armes lourdes", None)]
    generic = next(catalogue.find("heavy weapons"))
    assert generic.alias.entry.category == "heavy weapons"


def test_proper_names_need_a_capital_and_acronyms_their_case(catalogue: WeaponCatalogue) -> None:
    assert found(catalogue, "a patriot act") == []
    assert found(catalogue, "a tow truck") == []
    assert found(catalogue, "TOW launchers")[0] == ("TOW", "BGM-71 TOW")
    assert next(catalogue.find("Patriot")).alias.ambiguous


def test_resolve_register_designations(catalogue: WeaponCatalogue) -> None:
    for designation, expected in [("C-130H Hercules", "C-130 Hercules"), ("9M723 Iskander", "Iskander-M"),
                                  ("Leopard-2A4", "Leopard 2"), ("Mi-24V/Mi-35", "Mi-24")]:
        entry = catalogue.resolve(designation)
        assert entry is not None and entry.designation == expected


def test_a_row_without_source_or_with_an_unknown_category_is_rejected() -> None:
    row = {"designation": "X-1", "aliases": "", "nato_name": "", "category": "spaceship", "origin": "FRA",
           "ambiguous": "", "source": "team"}
    with pytest.raises(KnowledgeError, match="category"):
        add_catalogue_rows(WeaponCatalogue(), [row])
    with pytest.raises(KnowledgeError, match="source"):
        add_catalogue_rows(WeaponCatalogue(), [{**row, "category": "aircraft", "source": ""}])
    with pytest.raises(KnowledgeError, match="status"):
        add_term_rows(WeaponCatalogue(), [{"kind": "trigger", "lang": "fr", "forms": "livrer", "value": "given",
                                           "role": "supplier", "source": "team"}])


def test_catalogue_holds_names_only(catalogue: WeaponCatalogue) -> None:
    assert all(set(vars(e)) == {"designation", "category", "origin", "nato_name", "source"}
               for e in catalogue.entries)


def test_covers_the_most_frequent_register_designations(shared_dir: Path, catalogue: WeaponCatalogue) -> None:
    path = shared_dir / "eval/dev/arms/sipri-trade-register.csv"
    if not path.exists():
        pytest.skip("no SIPRI register export")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Recipient,Supplier"))
    counts = Counter(r["Weapon designation"] for r in csv.DictReader(lines[start:]))
    generic = {"aircraft engine", "vehicle engine", "ship engine", "air refuel system"}
    top = [d for d, _ in counts.most_common(304) if d not in generic][:300]
    missing = [d for d in top if catalogue.resolve(d) is None]
    assert len(missing) <= 6, missing
