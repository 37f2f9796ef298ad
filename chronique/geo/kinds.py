"""A kind of division written with a name: "Kasai Province", "Mandya district", "the county of
Bergen", "le comté de Bergen", "l'État de Washington".

The kind word tells which of the namesakes is meant: a division, not the town or the Norwegian
city of that name. ``kind_name`` gives the name to look up ("Bergen County"), ``division_pool``
the divisions it names: the gazetteer's entry of the whole name when it has one ("Bergen County",
"Benue State"), else the divisions of the bare name ("Kasai", "Mandya") of the kind's level.
"""

from __future__ import annotations

import re

from chronique.knowledge.gazetteer import REGION, Gazetteer, GeoEntry

# the English kind word of each written one, and its division level (0: either level)
KINDS: dict[str, tuple[str, int]] = {
    "county": ("County", 2), "district": ("District", 2), "comté": ("County", 2),
    "province": ("Province", 1), "state": ("State", 1), "état": ("State", 1), "region": ("Region", 0),
    "région": ("Region", 0), "governorate": ("Governorate", 1), "gouvernorat": ("Governorate", 1),
    "oblast": ("Oblast", 1), "prefecture": ("Prefecture", 0), "préfecture": ("Prefecture", 0),
}
# "the county of Bergen", "le comté de Bergen", "l'État d'Oyo": the kind, a link word, then the name
# ("the province of the Equateur", "la province de l'Équateur", "la région de la Kara": an article may follow)
_KIND_BEFORE = re.compile(r"\b(" + "|".join(KINDS) + r")\s+(?:of(?:\s+the)?|de(?:\s+la|\s+l['’])?|du|d['’])\s*$",
                          re.IGNORECASE)
# text before a name this far back is read for a kind word
LOOK_BACK = 24


def kind_name(gazetteer: Gazetteer, text: str, start: int, name: str) -> str:
    """``name`` with the kind word a phrase before it gives ("county of Bergen" → "Bergen County")
    when that names a division, else ``name`` unchanged."""
    found = _KIND_BEFORE.search(text[max(0, start - LOOK_BACK):start])
    if found is None or _trailing_kind(name) is not None:
        return name
    written = f"{name} {KINDS[found.group(1).lower()][0]}"
    return written if division_pool(gazetteer, written) else name


def _trailing_kind(name: str) -> tuple[str, int] | None:
    """(bare name, level) of a name ending with a kind word ("Kasai Province"), else None."""
    words = name.split()
    if len(words) < 2:
        return None
    kind = KINDS.get(words[-1].lower())
    return (" ".join(words[:-1]), kind[1]) if kind else None


def bare_name(name: str) -> str | None:
    """The name without its kind word ("Kasai Province" → "Kasai"), None when it has none."""
    split = _trailing_kind(name)
    return split[0] if split else None


def division_pool(gazetteer: Gazetteer, name: str) -> list[GeoEntry]:
    """The divisions a name with a kind word means; empty when it has none or names none."""
    split = _trailing_kind(name)
    if split is None:
        return []
    whole = [e for e in gazetteer.lookup(name) if e.resolution == REGION]
    if whole:
        return whole
    bare, level = split
    return [e for e in gazetteer.lookup(bare) if e.resolution == REGION and (not level or not e.level
                                                                              or e.level == level)]
