"""actors/seed-example: the actors table of the canonical example's acceptance reference.

``shared/examples/fr-russia-belarus-iskander.expected.md`` lists, per actor, the mentions in the
text ("La Russie, russe, Moscou (metonymy)…"), the normalised actor, its country code and the
allowed sectors ("GOV / MIL by context"). Every occurrence of every listed mention in the article
is an expected item; an occurrence inside a longer listed mention belongs to the longer one
("Minsk" in "Le patron de Minsk"). For each occurrence we look for an overlapping actor mention and
check its code (for organisations without a country: code or name equal to the actor or one of
its mentions), its sector, and its normalised name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from chronique.eval.gold.markdown import read_tables_file
from chronique.eval.mentions import ACTOR_STAGES
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import ScoredSpan, accuracy, f1, markdown_table, overlap
from chronique.schema import ActorMention

ARTICLE = "examples/fr-russia-belarus-iskander.txt"
EXPECTED = "examples/fr-russia-belarus-iskander.expected.md"
PUBLISHED = "2022-06-26"  # the reference says to run the example with --published 2022-06-26
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})  # one char for one: offsets hold
NO_VALUE = {"", "—", "-", "–"}


@dataclass(frozen=True)
class ExpectedActor:
    forms: tuple[str, ...]
    actor: str
    country: str | None
    sectors: frozenset[str]

    def code_matches(self, mention: ActorMention) -> bool:
        if self.country:
            return mention.code == self.country
        keys = {self.actor.casefold(), *(_bare(f).casefold() for f in self.forms)}
        return (mention.code or "").casefold() in keys or mention.name.casefold() in keys


def _bare(form: str) -> str:
    """A mention without its French article: "l'Otan" → "Otan", "les forces" stays as is."""
    return re.sub(r"^(?:l'|d')", "", form.translate(APOSTROPHES), flags=re.IGNORECASE)


def parse_forms(cell: str) -> tuple[str, ...]:
    """ "La Russie, Moscou (metonymy), biélorusse(s)" → La Russie, Moscou, biélorusse, biélorusses."""
    forms: list[str] = []
    for raw in cell.split(","):
        form = re.sub(r"\s+\([^)]*\)", "", raw).strip()
        plural = re.fullmatch(r"(.+)\((\w{1,3})\)", form)
        if plural:
            forms += [plural.group(1), plural.group(1) + plural.group(2)]
        elif form:
            forms.append(form)
    return tuple(forms)


def parse_expected(rows: list[dict[str, str]]) -> list[ExpectedActor]:
    out: list[ExpectedActor] = []
    for row in rows:
        values = list(row.values())
        mentions, actor, country, sector = ([*values, "", "", "", ""])[:4]
        out.append(ExpectedActor(parse_forms(mentions), actor.strip(),
                                 None if country.strip() in NO_VALUE else country.strip(),
                                 frozenset(re.findall(r"\b[A-Z]{3}\b", sector))))
    return out


def occurrences(text: str, expected: list[ExpectedActor]) -> Iterator[tuple[int, ScoredSpan]]:
    """(row index, span) of every listed mention in the text, nested ones given to the longer."""
    folded = text.translate(APOSTROPHES)
    found: dict[tuple[int, int], int] = {}
    for index, row in enumerate(expected):
        for form in row.forms:
            pattern = r"(?<!\w)" + re.escape(form.translate(APOSTROPHES)) + r"(?!\w)"
            for match in re.finditer(pattern, folded, flags=re.IGNORECASE):
                found.setdefault(match.span(), index)
    spans = sorted(found)
    for (start, end), index in sorted(found.items()):
        inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)
        if not inside:
            yield index, ScoredSpan(start, end, str(index))


def best_actor(span: ScoredSpan, actors: tuple[ActorMention, ...]) -> ActorMention | None:
    scored = [(overlap(span, ScoredSpan(a.start, a.end)), a) for a in actors]
    scored = [(n, a) for n, a in scored if n > 0]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _score_occurrences(text: str, expected: list[ExpectedActor], items: list[tuple[int, ScoredSpan]],
                       actors: tuple[ActorMention, ...]) -> tuple[dict[str, int], set[tuple[int, int]],
                                                                  dict[int, list[str]]]:
    """Each listed occurrence against the actor mention that best covers it: the counts, the
    mentions that cover one, and the readings per table row."""
    totals = {"occurrences": 0, "found": 0, "code": 0, "sector": 0, "name": 0}
    covered: set[tuple[int, int]] = set()
    per_row: dict[int, list[str]] = {}
    for index, span in items:
        row = expected[index]
        mention = best_actor(span, actors)
        totals["occurrences"] += 1
        if mention is None:
            per_row.setdefault(index, []).append(f"{text[span.start:span.end]} ✗")
            continue
        covered.add((mention.start, mention.end))
        code_ok = row.code_matches(mention)
        sector_ok = not row.sectors or mention.sector in row.sectors
        name_ok = mention.name.casefold() == row.actor.casefold()
        totals["found"] += 1
        totals["code"] += code_ok
        totals["sector"] += code_ok and sector_ok
        totals["name"] += name_ok
        marks = ("code ✓" if code_ok else "code ✗") + (" sector ✓" if sector_ok else " sector ✗")
        per_row.setdefault(index, []).append(
            f"{text[span.start:span.end]} → {mention.name} {mention.code or '—'} {mention.sector or '—'} ({marks})")
    return totals, covered, per_row


def run_seed(ctx: EvalContext) -> EvalResult:
    text = (ctx.shared / ARTICLE).read_text(encoding="utf-8")
    tables = read_tables_file(ctx.shared / EXPECTED)
    section = next((name for name in tables if name.lower().startswith("actors")), None)
    if section is None:
        from chronique.errors import FormatError

        raise FormatError(f"expected an '## Actors' table, found sections {sorted(tables)}", where=EXPECTED)
    expected = parse_expected(tables[section])
    extraction = ctx.pipeline_with(ACTOR_STAGES).extract(text, lang="fr", published=PUBLISHED, source=ARTICLE)
    actors = extraction.actors

    rows: list[list[str | int | float | None]] = []
    actors_found = 0
    items = list(occurrences(text, expected))
    totals, covered, per_row = _score_occurrences(text, expected, items, actors)
    for index, row in enumerate(expected):
        readings = per_row.get(index, [])
        ok = any("code ✓" in r for r in readings)
        actors_found += ok
        rows.append([row.actor, row.country or "—", "/".join(sorted(row.sectors)) or "—",
                     "✓" if ok else "✗", "; ".join(readings) or "(no listed mention occurs in the text)"])

    n = totals["occurrences"]
    unexpected = [a for a in actors if (a.start, a.end) not in covered
                  and not any(overlap(s, ScoredSpan(a.start, a.end)) for _, s in items)]
    precision = accuracy(len(actors) - len(unexpected), len(actors))
    recall = accuracy(totals["code"], n)
    metrics = {
        "precision": precision, "recall": recall, "f1": f1(precision, recall),
        "actor_recall": accuracy(actors_found, len(expected)),
        "mention_found": accuracy(totals["found"], n), "sector_accuracy": accuracy(totals["sector"], totals["code"]),
        "name_accuracy": accuracy(totals["name"], totals["found"]),
    }
    notes = (
        f"Run with published={PUBLISHED}. n = occurrences in the article of the mentions listed in the "
        f"Actors table ({n}); recall = occurrences covered by an actor mention with the right code; "
        "precision = actor mentions that overlap a listed occurrence (mentions the table does not list "
        f"count against it, listed below); actors found = table rows with at least one correctly coded "
        f"occurrence: {actors_found}/{len(expected)}. Sector accuracy is over correctly coded occurrences, "
        "name accuracy (normalised name equal to the table's actor) over found ones."
    )
    table = markdown_table(["actor", "country", "sectors", "found", "chronique's readings"], rows)
    extra = ", ".join(f"{a.text} ({a.code or '—'} {a.sector or '—'})" for a in unexpected) or "none"
    details = f"{notes}\n\n{table}\n\nActor mentions not listed in the table: {extra}."
    return EvalResult(task="actors/seed-example", dataset=EXPECTED, n=n, metrics=metrics, details=details)


SEED_TASK = EvalTask("actors/seed-example", "Actors table of the canonical example (found/expected, codes, sectors)",
                     (ARTICLE, EXPECTED), run_seed)
