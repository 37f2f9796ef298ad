"""Marking transfers against a trade-register export (a small register written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.arms.register import CountryResolver, in_register, read_register
from chronique.errors import FormatError
from chronique.knowledge.weapons import load_catalogue
from chronique.schema import Transfer

HEADER = ("Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
          "Number delivered, ,Year(s) of delivery,status")
REGISTER = "Preamble line of the export\n" + HEADER + """
Belarus,Russia,2022,,4,,9M723 Iskander,SSM,4,,2023,New
Ukraine,Soviet Union,1985,,10,,T-72M1,tank,10,,1986,New
"""


def names(name: str) -> str | None:
    return {"Belarus": "BLR", "Russia": "RUS", "Ukraine": "UKR"}.get(name)


def test_match_needs_parties_designation_and_years(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    catalogue = load_catalogue()
    rows = read_register(path, catalogue, CountryResolver(catalogue, names))
    assert rows[1].supplier == "RUS"  # a predecessor state matches its successor
    iskander = Transfer("RUS", "BLR", "Iskander-M", "missile system", "pledged", date="2022-06-25")
    assert in_register(iskander, rows)
    assert not in_register(Transfer("RUS", "BLR", "Iskander-M", "missile system", "pledged", date="2015-01-01"), rows)
    assert not in_register(Transfer("RUS", "BLR", "Su-25", "aircraft", "upgrade", date="2022-06-25"), rows)
    assert not in_register(Transfer(None, "BLR", "Iskander-M", "missile system", "requested"), rows)


def test_a_file_that_is_not_a_register_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    catalogue = load_catalogue()
    with pytest.raises(FormatError, match="header"):
        read_register(path, catalogue, CountryResolver(catalogue, names))
