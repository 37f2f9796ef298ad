"""An article's restated transfers collapse into the most specific record; distinct ones stay."""

from __future__ import annotations

from typing import Any

from chronique.arms.consolidate import consolidate


def _record(weapon: str | None, category: str, *, supplier: str | None = "AAA", recipient: str = "BBB",
            status: str = "pledged", date: str | None = "2024-03-01", quantity: int | None = None) -> dict[str, Any]:
    return {"supplier": supplier, "recipient": recipient, "weapon": weapon, "category": category,
            "status": status, "date": date, "quantity": quantity, "weapon_text": weapon or category}


def test_generic_lead_gives_way_to_the_named_system() -> None:
    lead = _record(None, "missile system")
    body = _record("Falke-7", "missile system")
    assert consolidate([lead, body]) == [body]


def test_catch_all_weapons_give_way_to_a_narrower_category() -> None:
    vague = _record(None, "weapons", supplier=None, status="requested")
    heavy = _record(None, "heavy weapons", supplier=None, status="requested")
    assert consolidate([vague, heavy]) == [heavy]


def test_unknown_supplier_gives_way_and_passes_on_its_quantity() -> None:
    named = _record("Falke-7", "missile system")
    restated = _record("Falke-7", "missile system", supplier=None, quantity=12)
    kept = consolidate([named, restated])
    assert kept == [named] and kept[0]["quantity"] == 12


def test_the_same_record_twice_is_kept_once() -> None:
    first, second = _record("Falke-7", "missile system"), _record("Falke-7", "missile system")
    assert consolidate([first, second]) == [first]


def test_distinct_transfers_stay_apart() -> None:
    records = [
        _record("Falke-7", "missile system"),
        _record("Falke-7", "missile system", status="delivered"),
        _record("Falke-7", "missile system", date="2019-05-01"),
        _record("Falke-7", "missile system", recipient="CCC"),
        _record("Falke-7", "missile system", supplier="DDD"),
        _record("Greif-2", "missile system"),
        _record(None, "tank"),
    ]
    assert consolidate(records) == records
