"""Lists of places share their kind: "Ukraine, Bosnia and Herzegovina and Georgia" names
countries, so "Georgia" is the country; "Arizona, Georgia, Nevada and Michigan" names US states,
so "Georgia" is the state.

A list is a run of place mentions joined only by commas, "and", "or" ("et", "ou"). When every
other resolved member of the list is a country, a member that can be read as a country is the
country; when every other resolved member is a first-level region of one country, a member that
can be read as a region of that country is that region. A town and its container ("Gainesville,
Florida") make no list, and a member with no reading of the list's kind is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Protocol

from chronique.geo.resolve import Resolution, Resolver
from chronique.knowledge.gazetteer import COUNTRY, REGION, GeoEntry

_JOIN = re.compile(r"^\s*(?:,|,?\s*(?:and|or|et|ou)\b)\s*$", re.IGNORECASE)


class _Mention(Protocol):
    """What a list needs of a place mention: its offsets (geo.context.Mention has them)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def list_runs(text: str, mentions: Sequence[_Mention], skip: Collection[int] = ()) -> list[list[int]]:
    """Runs of two or more mention indices joined only by list words, outside ``skip``."""
    runs: list[list[int]] = [[]]
    for i, mention in enumerate(mentions):
        if i in skip:
            runs.append([])
            continue
        run = runs[-1]
        if run and _JOIN.match(text[mentions[run[-1]].end:mention.start]) is None:
            runs.append([])
        runs[-1].append(i)
    return [run for run in runs if len(run) > 1]


def _kind(entry: GeoEntry | None) -> tuple[int, str] | None:
    """A country, or a first-level region with its country; None for anything else."""
    if entry is None:
        return None
    if entry.resolution == COUNTRY:
        return (COUNTRY, "")
    if entry.resolution == REGION and entry.level < 2 and entry.country_code:
        return (REGION, entry.country_code)
    return None


def list_readings(resolver: Resolver, text: str, mentions: Sequence[_Mention], names: Sequence[str],
                  resolutions: Sequence[Resolution], skip: Collection[int] = ()) -> dict[int, GeoEntry]:
    """Mention index → the entry of the list's kind for each list member read otherwise."""
    found: dict[int, GeoEntry] = {}
    for run in list_runs(text, mentions, skip):
        kinds = {i: _kind(resolutions[i].entry) for i in run}
        for i in run:
            # an unresolved member (a name the parser cut) tells nothing of the list's kind
            others = {kinds[j] for j in run if j != i and resolutions[j].entry is not None}
            if len(others) != 1 or None in others or kinds[i] in others:
                continue
            [(resolution, country)] = others  # type: ignore[misc]
            pool, fuzzy = resolver.candidates(names[i])
            fits = [e for e, _ in pool if not fuzzy and e.resolution == resolution
                    and (resolution == COUNTRY or (e.level < 2 and e.country_code == country))]
            if fits:
                found[i] = max(fits, key=lambda e: e.population)
    return found
