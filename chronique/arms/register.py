"""Transfers as register rows (columns close to SIPRI's trade register) and checks against a
register export: a record matches a row with the same supplier and recipient, a designation that
resolves to the same catalogue entry, and an order or delivery year within two years."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from chronique.errors import FormatError
from chronique.knowledge.weapons import WeaponCatalogue
from chronique.schema import Extraction, Transfer

COLUMNS = ["supplier", "recipient", "designation", "description", "number", "status", "year", "evidence",
           "in_register", "article_id"]
YEAR_TOLERANCE = 2
REGISTER_HEADER = ("Recipient", "Supplier", "Year of order")


@dataclass(frozen=True)
class RegisterRow:
    supplier: str | None  # ISO3, or None when the name is not known
    recipient: str | None
    entry: str | None  # the catalogue designation the register's designation resolves to
    years: tuple[int, ...]


def transfer_row(transfer: Transfer, extraction: Extraction, in_register: bool | None = None) -> list[object]:
    ev = transfer.evidence
    evidence = extraction.article.text[ev.start:ev.end] if ev else ""
    return [transfer.supplier or "", transfer.recipient or "", transfer.weapon or "",
            transfer.category or "", transfer.quantity if transfer.quantity is not None else "",
            transfer.status, (transfer.date or "")[:4], evidence,
            "" if in_register is None else ("yes" if in_register else "no"), extraction.article.id]


def _years(*values: str) -> tuple[int, ...]:
    return tuple(int(y) for v in values for y in re.findall(r"\b(?:19|20)\d\d\b", v or ""))


def read_register(path: Path, catalogue: WeaponCatalogue, country_code: Callable[[str], str | None]
                  ) -> list[RegisterRow]:
    """Rows of a SIPRI trade-register CSV export (its preamble lines are skipped)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise FormatError(f"expected a readable register CSV, found {exc.strerror}", where=str(path)) from exc
    start = next((i for i, line in enumerate(lines) if line.startswith(",".join(REGISTER_HEADER))), None)
    if start is None:
        raise FormatError(f"expected a header line starting {','.join(REGISTER_HEADER)!r}, found none",
                          where=str(path))
    rows = []
    for record in csv.DictReader(lines[start:]):
        entry = catalogue.resolve(record.get("Weapon designation") or "")
        rows.append(RegisterRow(country_code(record.get("Supplier") or ""), country_code(record.get("Recipient") or ""),
                                entry.designation if entry else None,
                                _years(record.get("Year of order") or "", record.get("Year(s) of delivery") or "")))
    return rows


class CountryResolver:
    """Register country names → ISO3 through the actor dictionary, plus predecessor states."""

    def __init__(self, catalogue: WeaponCatalogue, lookup: Callable[[str], str | None]) -> None:
        self.catalogue = catalogue
        self.lookup = lookup
        self._cache: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        if name not in self._cache:
            self._cache[name] = self.catalogue.states.get(name.lower()) or self.lookup(name)
        return self._cache[name]


def actor_country_lookup() -> Callable[[str], str | None]:
    """Country names → ISO3 with the country part of chronique's actor dictionary (names, CLDR
    names, demonyms, capitals): the people and organisations are not needed and take seconds."""
    from chronique.knowledge.actors import ActorKnowledge, fold
    from chronique.knowledge.countries import add_countries

    kb = ActorKnowledge()
    add_countries(kb)

    def lookup(name: str) -> str | None:
        codes = [a.entry.code for a in kb.lookup(fold(name)) if a.entry.kind == "country" and a.entry.code]
        return codes[0] if codes else None

    return lookup


def in_register(transfer: Transfer, rows: Iterable[RegisterRow]) -> bool:
    if not (transfer.weapon and transfer.supplier and transfer.recipient):
        return False  # a generic weapon or an unknown party cannot be told apart from other deals
    year = int(transfer.date[:4]) if transfer.date and transfer.date[:4].isdigit() else None
    for row in rows:
        if (row.supplier, row.recipient, row.entry) != (transfer.supplier, transfer.recipient, transfer.weapon):
            continue
        if year is None or not row.years or any(abs(y - year) <= YEAR_TOLERANCE for y in row.years):
            return True
    return False
