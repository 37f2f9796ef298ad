"""Organisations: international ones (NATO/Otan, EU/UE, UN/ONU, G7…, sector IGO), non-governmental
ones (Amnesty International, MSF…, code and sector NGO) and non-state armed groups (Boko Haram, État
islamique…, sector from the file), and national bodies and parties often named by their acronym
alone (FBI, DGSE, ANC…: the country's code, sector from the file): code, English name, aliases."""

from __future__ import annotations

from chronique.knowledge.actor_entry import NAME, ActorEntry, ActorSink
from chronique.knowledge.datafiles import read_data_csv, split_forms

ORGANISATION_FILES = ("organisations.csv", "ngos.csv", "armed_groups.csv", "national_bodies.csv")
ORGANISATION_SECTORS = frozenset({"IGO", "NGO"})


def add_organisations(kb: ActorSink) -> None:
    for name in ORGANISATION_FILES:
        for row in read_data_csv(name):
            sector = row.get("sector") or "IGO"
            entry = ActorEntry(name=row["name"], code=row["code"], sector=sector,
                               kind="organisation" if sector in ORGANISATION_SECTORS else "group",
                               wikidata=row["wikidata"] or None, what=NAME, source=row["source"])
            kb.add(entry, [row["name"], *split_forms(row["aliases"])])
