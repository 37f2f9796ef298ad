"""An article's restated transfers collapse into the most specific record; distinct ones stay."""

from __future__ import annotations

from typing import Any

from chronique.arms.consolidate import consolidate


def _record(weapon: str | None, category: str, *, supplier: str | None = "AAA", recipient: str | None = "BBB",
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


def test_a_deal_followed_to_delivery_is_one_record_with_the_furthest_status() -> None:
    ordered = _record("Falke-7", "missile system", status="ordered", quantity=40)
    delivered = _record("Falke-7", "missile system", status="delivered", date="2025-01-10")
    (kept,) = consolidate([ordered, delivered])
    assert (kept["status"], kept["date"], kept["quantity"]) == ("delivered", "2025-01-10", 40)


def test_an_unknown_party_beside_the_full_record_is_not_a_second_transfer() -> None:
    full = _record("Falke-7", "missile system", status="delivered")
    vague = _record(None, "missile system", recipient=None, status="pledged")
    assert consolidate([vague, full]) == [full]


def test_a_partial_restatement_joins_the_nearest_agreeing_record() -> None:
    lead = _record(None, "weapons")
    lead["evidence"] = {"start": 0, "end": 40}
    named = {**_record("Falke-7", "missile system", supplier=None, recipient=None, status=""),
             "_partial": True, "evidence": {"start": 41, "end": 90}}
    other = _record(None, "tank", recipient="CCC", status="delivered")
    other["evidence"] = {"start": 100, "end": 140}
    kept = consolidate([lead, named, other])
    assert [(k["weapon"], k["recipient"], k["status"]) for k in kept] == [("Falke-7", "BBB", "pledged"),
                                                                        (None, "CCC", "delivered")]


def test_a_partial_record_with_nothing_to_join_is_dropped() -> None:
    lone = {**_record(None, "tank", supplier=None, recipient=None, status="delivered"), "_partial": True}
    assert consolidate([lone, _record("Falke-7", "missile system")]) == [_record("Falke-7", "missile system")]


def test_distinct_transfers_stay_apart() -> None:
    records = [
        _record("Falke-7", "missile system"),
        _record("Falke-7", "missile system", date="2019-05-01"),
        _record("Falke-7", "missile system", recipient="CCC"),
        _record("Falke-7", "missile system", supplier="DDD"),
        _record("Greif-2", "missile system"),
        _record(None, "tank"),
    ]
    assert consolidate(records) == records
