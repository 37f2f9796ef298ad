"""Transfer statuses and directions from events and trigger words, every status in fr and en."""

from __future__ import annotations

import pytest

from chronique.arms.status import event_direction
from chronique.knowledge.weapons import WeaponCatalogue, load_catalogue
from chronique.schema import TRANSFER_STATUSES


@pytest.fixture(scope="module")
def catalogue() -> WeaponCatalogue:
    return load_catalogue()


@pytest.mark.parametrize("event, modality, word, lang, status, actor_supplies", [
    ("REQUEST", "asserted", "demander", "fr", "requested", False),
    ("REQUEST", "asserted", "ask", "en", "requested", False),
    ("AGREE", "conditional", "proposer", "fr", "offered", True),
    ("AGREE", "asserted", "offer", "en", "offered", True),
    ("AGREE", "future", "transférer", "fr", "pledged", True),
    ("AGREE", "asserted", "pledge", "en", "pledged", True),
    ("AGREE", "asserted", "vendre", "fr", "agreed", True),
    ("AGREE", "asserted", "sell", "en", "agreed", True),
    ("AGREE", "asserted", "commander", "fr", "ordered", False),
    ("AGREE", "asserted", "purchase", "en", "ordered", False),
    ("AID", "asserted", "livrer", "fr", "delivered", True),
    ("AID", "asserted", "deliver", "en", "delivered", True),
    ("REJECT", "asserted", "refuser", "fr", "refused", True),
    ("REJECT", "asserted", "refuse", "en", "refused", True),
    ("COOPERATE", "asserted", "annuler", "fr", "cancelled", True),
    ("COOPERATE", "asserted", "cancel", "en", "cancelled", True),
    ("COOPERATE", "conditional", "moderniser", "fr", "upgrade", True),
    ("AID", "asserted", "upgrade", "en", "upgrade", True),
])
def test_status_and_direction(catalogue: WeaponCatalogue, event: str, modality: str, word: str, lang: str,
                              status: str, actor_supplies: bool) -> None:
    direction = event_direction(event, modality, catalogue.trigger(word, lang))
    assert direction is not None
    assert (direction.status, direction.actor_is_supplier) == (status, actor_supplies)
    assert direction.status in TRANSFER_STATUSES


def test_a_promised_delivery_is_a_pledge_and_a_conditional_one_an_offer(catalogue: WeaponCatalogue) -> None:
    fournir = catalogue.trigger("fournir", "fr")
    assert event_direction("AGREE", "asserted", fournir).status == "pledged"  # type: ignore[union-attr]
    assert event_direction("AID", "conditional", fournir).status == "offered"  # type: ignore[union-attr]


def test_events_that_report_no_transfer(catalogue: WeaponCatalogue) -> None:
    assert event_direction("ASSAULT", "asserted", None) is None
    assert event_direction("AID", "negated", catalogue.trigger("deliver", "en")) is None
    assert event_direction("COOPERATE", "asserted", None) is None
