"""Countries: ISO codes and names (CLDR via babel, fr and en, plus our common names), adjectives
and demonyms in both languages (every gender and number), and capitals used for governments."""

from __future__ import annotations

import re

from babel import Locale

from chronique.knowledge.actor_entry import ADJECTIVE, CAPITAL, NAME, ActorEntry, ActorSink
from chronique.knowledge.datafiles import read_data_csv, split_forms

LANGUAGES = ("fr", "en")


def cldr_names(iso2: str) -> list[str]:
    """The country's CLDR names in our languages; "Myanmar (Burma)" gives both names."""
    names: list[str] = []
    for lang in LANGUAGES:
        name = Locale(lang).territories.get(iso2)
        if not name:
            continue
        name = name.replace("\u2019", "'").replace(" & ", " and ")
        names.extend(part.strip() for part in re.split(r"[()]", name) if part.strip())
    return names


def french_inflections(form: str) -> list[str]:
    """A French adjective and its plural ("lituanien" → "lituaniens"; "polonais" stays)."""
    if form.endswith(("s", "x", "z")):
        return [form]
    return [form, form + "s"]


def add_countries(kb: ActorSink) -> None:
    countries: dict[str, ActorEntry] = {}
    for row in read_data_csv("countries.csv"):
        entry = ActorEntry(name=row["name"], code=row["iso3"], kind="country",
                           wikidata=row["wikidata"] or None, what=NAME, source=row["source"])
        countries[row["iso3"]] = entry
        kb.add(entry, [row["name"], *cldr_names(row["iso2"]), *split_forms(row["aliases"])])
    for row in read_data_csv("demonyms.csv"):
        country = countries.get(row["iso3"])
        if country is None:
            continue
        forms = split_forms(row["forms"])
        if row["lang"] == "fr":
            # matching ignores case, so "russes" also finds the noun "les Russes"
            forms = [f for form in forms for f in french_inflections(form)]
        entry = ActorEntry(name=country.name, code=country.code, kind="country", wikidata=country.wikidata,
                           what=ADJECTIVE, lang=row["lang"], source=row["source"])
        kb.add(entry, forms)
    for row in read_data_csv("capitals.csv"):
        country = countries.get(row["iso3"])
        if country is None:
            continue
        entry = ActorEntry(name=country.name, code=country.code, kind="country", wikidata=country.wikidata,
                           what=CAPITAL, source=row["source"])
        kb.add(entry, split_forms(row["names"]))
