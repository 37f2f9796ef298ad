"""Demonyms are actors, not toponyms: "Angolan officials", "les Suisses", "le Français Dupont".

The parser labels such words as places often enough (GPE/LOC) that the places stage asks here
first. A word that is also a country's own name ("Suisse", the country and the adjective) stays
a place: the caller checks the gazetteer for that.
"""

from __future__ import annotations

from functools import cache

from chronique.knowledge.countries import french_inflections
from chronique.knowledge.datafiles import read_data_csv, split_forms
from chronique.knowledge.geo_index import normalise_name


@cache
def demonym_keys(lang: str) -> frozenset[str]:
    """The normalised demonym forms of ``lang`` (demonyms.csv; French plurals added)."""
    keys: set[str] = set()
    for row in read_data_csv("demonyms.csv"):
        if row["lang"] != lang:
            continue
        forms = split_forms(row["forms"])
        if lang == "fr":
            forms = [f for form in forms for f in french_inflections(form)]
        keys.update(normalise_name(f) for f in forms)
    return frozenset(keys)


def is_demonym(text: str, lang: str) -> bool:
    return normalise_name(text) in demonym_keys(lang)
