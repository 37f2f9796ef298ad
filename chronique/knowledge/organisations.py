"""International organisations (NATO/Otan, EU/UE, UN/ONU, G7…): code, English name, aliases."""

from __future__ import annotations

from chronique.knowledge.actors import NAME, ActorEntry, ActorKnowledge
from chronique.knowledge.datafiles import read_data_csv, split_forms


def add_organisations(kb: ActorKnowledge) -> None:
    for row in read_data_csv("organisations.csv"):
        entry = ActorEntry(name=row["name"], code=row["code"], sector="IGO", kind="organisation",
                           wikidata=row["wikidata"] or None, what=NAME, source=row["source"])
        kb.add(entry, [row["name"], *split_forms(row["aliases"])])
