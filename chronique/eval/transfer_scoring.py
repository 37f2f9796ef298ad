"""Scoring arms-transfer records against judged ones, article by article.

A judged record is "SUPPLIER>RECIPIENT | weapon or category | status[/status…]" ("?" for a party
the text does not name). Per article, three levels:

- pair: the distinct (supplier, recipient) pairs found vs judged;
- triple: the pair plus the weapon — the judged designation, or the judged category matching the
  record's category — each judged triple matched by one distinct found record;
- status: of the judged records whose pair was found, those with a found record of that pair (the
  same weapon first) whose status is one of the judged ones;
- quantity: of the judged records with a quantity ("… | status | 180") whose triple was found, those
  whose record gives that quantity; "none" ("… | pledged | none") judges that the text states no
  single count (a range: "between 10 and 20", "up to 50"), so the record must give none.

An article judged to report no transfer counts a false alarm when any record comes from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chronique.errors import FormatError
from chronique.eval.scoring import Counts
from chronique.schema import Transfer

UNKNOWN = "?"
NO_COUNT = "none"  # a judged quantity: the text states no single count


@dataclass(frozen=True)
class Judged:
    supplier: str | None
    recipient: str | None
    weapon: str  # a catalogue designation or a category, compared case-insensitively
    statuses: frozenset[str]
    quantity: int | None = None
    counted: bool = False  # the quantity is judged: a number, or "none" (quantity None)


def parse_judged(line: str, where: str) -> Judged:
    """One judged record from its one-line form."""
    parts = [p.strip() for p in line.split("|")]
    if (len(parts) not in (3, 4) or ">" not in parts[0] or not parts[1] or not parts[2]
            or (len(parts) == 4 and not (parts[3].isdigit() or parts[3] == NO_COUNT))):
        raise FormatError(f"expected 'SUPPLIER>RECIPIENT | weapon | status[ | quantity]', found {line!r}",
                          where=where)
    supplier, recipient = (p.strip() for p in parts[0].split(">", 1))
    return Judged(None if supplier == UNKNOWN else supplier, None if recipient == UNKNOWN else recipient,
                  parts[1], frozenset(s.strip() for s in parts[2].split("/")),
                  int(parts[3]) if len(parts) == 4 and parts[3].isdigit() else None, len(parts) == 4)


def _pair(t: Transfer | Judged) -> tuple[str | None, str | None]:
    return t.supplier, t.recipient


def _weapon_agrees(judged: Judged, found: Transfer) -> bool:
    return judged.weapon.casefold() in ((found.weapon or "").casefold(), (found.category or "").casefold())


def _found_key(t: Transfer) -> tuple[str | None, str | None, str]:
    return t.supplier, t.recipient, (t.weapon or t.category or "").casefold()


@dataclass
class TransferScore:
    pairs: Counts = field(default_factory=Counts)
    triples: Counts = field(default_factory=Counts)
    status_right: int = 0
    status_judged: int = 0
    negatives: int = 0  # articles judged to report no transfer
    false_alarms: int = 0  # of those, the articles with a record
    empty_party: int = 0  # found records with "?" where the judged record of that weapon names the party
    quantity_right: int = 0
    quantity_judged: int = 0  # judged records with a quantity whose triple was found

    def add(self, judged: Sequence[Judged], found: Sequence[Transfer]) -> None:
        if not judged:
            self.negatives += 1
            self.false_alarms += bool(found)
        gold_pairs = {_pair(j) for j in judged}
        found_pairs = {_pair(t) for t in found}
        self.pairs += Counts(len(gold_pairs & found_pairs), len(found_pairs - gold_pairs),
                             len(gold_pairs - found_pairs))
        used: set[tuple[str | None, str | None, str]] = set()
        for j in judged:
            match = next((t for t in found if _pair(t) == _pair(j) and _weapon_agrees(j, t)
                          and _found_key(t) not in used), None)
            if match is not None:
                used.add(_found_key(match))
                if j.counted:
                    self.quantity_judged += 1
                    self.quantity_right += match.quantity == j.quantity
            same_pair = [t for t in found if _pair(t) == _pair(j)]
            if same_pair:
                best = match or same_pair[0]
                self.status_judged += 1
                self.status_right += best.status in j.statuses
            self.empty_party += any(_weapon_agrees(j, t) and _leaves_out(j, t) for t in found)
        tp = len(used)
        self.triples += Counts(tp, len({_found_key(t) for t in found}) - tp, len(judged) - tp)

    def metrics(self) -> dict[str, float]:
        return {**self.pairs.metrics("pair_"), **self.triples.metrics("triple_"),
                "status_accuracy": self.status_right / self.status_judged if self.status_judged else 0.0,
                "false_alarm_rate": self.false_alarms / self.negatives if self.negatives else 0.0,
                "empty_party": float(self.empty_party)}


def _leaves_out(judged: Judged, found: Transfer) -> bool:
    """The found record leaves a party empty that the judged record (same weapon) names."""
    return ((found.supplier is None and judged.supplier is not None)
            or (found.recipient is None and judged.recipient is not None))


def score_articles(items: Iterable[tuple[Sequence[Judged], Sequence[Transfer]]]) -> TransferScore:
    score = TransferScore()
    for judged, found in items:
        score.add(judged, found)
    return score


def show(t: Transfer) -> str:
    return f"{t.supplier or UNKNOWN}>{t.recipient or UNKNOWN} | {t.weapon or t.category} | {t.status}"
