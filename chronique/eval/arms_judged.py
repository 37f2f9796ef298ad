"""Arms transfers against judged records (issue 19).

- ``arms/judged-rules`` and ``arms/judged-measure``: the team's own sentences and short reports
  (``data/transfers_judged.yaml``, English and French): positives of every frame, negatives of
  every error class. Rules are written looking at the "rules" part; the "measure" part is scored.
- ``arms/train-articles``: the real French Wikinews articles of ``eval/train`` — their annotators
  mark no transfer in any of the 143, so any record is a false alarm (train split).
- ``arms/dev-articles``: the dev split's real reports: the French Wikinews dev articles (their
  ``transfer`` fields) and the real web pages judged in ``data/transfers_pages.yaml`` (page
  names and judgements only; the pages stay in ../shared).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

from chronique.errors import ChroniqueError, FormatError
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import markdown_table
from chronique.eval.transfer_scoring import Judged, TransferScore, parse_judged, show
from chronique.knowledge.weapons import CATEGORIES, WeaponCatalogue, load_catalogue
from chronique.schema import Article, Transfer

JUDGED = "transfers_judged.yaml"
PAGES = "transfers_pages.yaml"
TRAIN = "eval/train/events/fr-wikinews-train"
DEV = "eval/dev/events/fr-wikinews"
DEV_PAGES = "eval/dev/pages"
PARTS = ("rules", "measure")


Item = TypeVar("Item", bound="SentenceItem")


@dataclass(frozen=True)
class JudgedItem:
    id: str
    part: str
    lang: str
    kind: str  # the frame or error class the item tests
    text: str
    expect: tuple[Judged, ...]
    published: str = "2023-06-01"


def _data(name: str) -> Any:
    return yaml.safe_load((files("chronique.eval") / "data" / name).read_text(encoding="utf-8"))


def _canonical(judged: Judged) -> Judged:
    """The judged weapon as the catalogue's designation ("Abrams" → "M1 Abrams"); a category stays."""
    entry = _catalogue().resolve(judged.weapon) if judged.weapon not in CATEGORIES else None
    return replace(judged, weapon=entry.designation) if entry and entry.designation else judged


@cache
def _catalogue() -> WeaponCatalogue:
    return load_catalogue()


def load_judged(part: str | None = None) -> list[JudgedItem]:
    """The judged items of one part (all parts when None)."""
    items = []
    for n, row in enumerate(_data(JUDGED)["items"], start=1):
        where = f"{JUDGED} item {n}"
        if row.get("part") not in PARTS or row.get("lang") not in ("en", "fr") or not row.get("text"):
            raise FormatError(f"expected part in {PARTS}, lang en/fr and a text, found {row!r}", where=where)
        expect = tuple(_canonical(parse_judged(line, where)) for line in row.get("expect") or [])
        items.append(JudgedItem(row["id"], row["part"], row["lang"], row["class"], row["text"], expect))
    return [i for i in items if part is None or i.part == part]


def _result(task: str, dataset: str, score: TransferScore, n: int, notes: str, rows: list[list[Any]]) -> EvalResult:
    m = score.metrics()
    judged = score.pairs.support > 0

    def level(name: str) -> str:
        if not judged:
            return "— (no transfer judged)"
        return f"{m[name + '_f1']:.2f} ({m[name + '_precision']:.2f} / {m[name + '_recall']:.2f})"

    summary = markdown_table(["measure", "value"], [
        ["pair F1 (P / R)", level("pair")],
        ["triple F1 (P / R)", level("triple")],
        ["status right, of judged records whose pair was found", f"{score.status_right}/{score.status_judged}"],
        ["quantity right, of judged quantities whose record was found",
         f"{score.quantity_right}/{score.quantity_judged}"],
        ["articles with no transfer that gave a record", f"{score.false_alarms}/{score.negatives}"],
        ["records with an empty party the text names", score.empty_party],
    ])
    details = notes + "\n\n" + summary
    if rows:
        details += "\n\n" + markdown_table(["item", "class", "judged", "found"], rows)
    shown = m if judged else {k: m[k] for k in ("false_alarm_rate", "empty_party")}
    return EvalResult(task, dataset, n, shown, details)


class SentenceItem(Protocol):
    """A judged sentence coded alone: its text, language, date, class and the judged records."""
    @property
    def text(self) -> str: ...
    @property
    def lang(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def expect(self) -> tuple[Judged, ...]: ...


def score_sentences(ctx: EvalContext, items: Sequence[Item], label: Callable[[Item], str] | None
                    ) -> tuple[TransferScore, list[list[Any]], dict[str, list[int]]]:
    """Each item coded alone: the score, one row per item not exactly right (when ``label`` names the
    items to show) and, per class, [items, items right]."""
    pipeline = ctx.pipeline()
    score = TransferScore()
    rows: list[list[Any]] = []
    per_class: dict[str, list[int]] = {}
    for item in items:
        found = pipeline.extract(item.text, lang=item.lang, published=item.published).transfers
        score.add(item.expect, found)
        right = _perfect(item.expect, found)
        tally = per_class.setdefault(item.kind, [0, 0])
        tally[0] += 1
        tally[1] += right
        if not right and label is not None:
            rows.append([label(item), item.kind, "; ".join(_show_judged(j) for j in item.expect) or "none",
                         "; ".join(show(t) for t in found) or "none"])
    return score, rows, per_class


def _judged_task(part: str) -> EvalTask:
    def run(ctx: EvalContext) -> EvalResult:
        items = load_judged(part)[: ctx.limit]
        score, rows, per_class = score_sentences(ctx, items, (lambda item: item.id) if part == "rules" else None)
        notes = (f"Split: the team's own judged sentences, part \"{part}\" ({len(items)} items, "
                 f"{sum(bool(i.expect) for i in items)} with a transfer). An item is right when its records are "
                 "exactly the judged ones (weapon and status included).\n\n"
                 + markdown_table(["class", "items", "right"], [[k, v[0], v[1]] for k, v in sorted(per_class.items())])
                 + ("\n\nItems of this part whose records differ from the judgement:" if rows else ""))
        return _result(f"arms/judged-{part}", f"chronique/eval/data/{JUDGED}", score,
                       sum(len(i.expect) for i in items), notes, rows)

    return EvalTask(f"arms/judged-{part}", f"arms transfers: the team's judged sentences ({part} part)", (), run)


def _perfect(judged: tuple[Judged, ...], found: tuple[Transfer, ...]) -> bool:
    one = TransferScore()
    one.add(judged, found)
    return (one.triples.fp, one.triples.fn, one.false_alarms) == (0, 0, 0) and one.status_right == one.status_judged


def _show_judged(j: Judged) -> str:
    quantity = f" | {j.quantity if j.quantity is not None else 'none'}" if j.counted else ""
    return f"{j.supplier or '?'}>{j.recipient or '?'} | {j.weapon} | {'/'.join(sorted(j.statuses))}{quantity}"


def _wikinews(folder: Path) -> Iterator[tuple[Article, tuple[Judged, ...]]]:
    gold = json.loads((folder / "events.json").read_text(encoding="utf-8"))["articles"]
    judged = {a["id"]: tuple(_from_gold(e["transfer"]) for e in a["events"] if e.get("transfer")) for a in gold}
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            yield (Article(id=row["id"], text=row["text"], title=row.get("title"), language="fr",
                           published=row.get("published"), source=row.get("source")), judged.get(row["id"], ()))


def _from_gold(t: dict[str, Any]) -> Judged:
    return Judged(t.get("supplier"), t.get("recipient"), str(t.get("weapon") or ""),
                  frozenset({str(t.get("status"))}))


def _score_articles(ctx: EvalContext, articles: list[tuple[Article, tuple[Judged, ...]]], show_found: bool
                    ) -> tuple[TransferScore, list[list[Any]]]:
    pipeline = ctx.pipeline()
    score = TransferScore()
    rows: list[list[Any]] = []
    for article, judged in articles[: ctx.limit]:
        try:
            found: tuple[Transfer, ...] = pipeline.extract_article(article).transfers
            shown = "; ".join(show(t) for t in found) or "none"
        except ChroniqueError as error:  # a page chronique rejects (another language…) gives no record
            found, shown = (), f"rejected ({error.code})"
        score.add(judged, found)
        if show_found and (found or judged):
            rows.append([article.id or article.source or "", "transfer" if judged else "none",
                         "; ".join(_show_judged(j) for j in judged) or "none", shown])
    return score, rows


def run_train(ctx: EvalContext) -> EvalResult:
    articles = list(_wikinews(ctx.shared / TRAIN))
    score, rows = _score_articles(ctx, articles, show_found=True)
    notes = (f"Split: train (`{TRAIN}`, {len(articles)} real French Wikinews articles; their annotators "
             "record no arms transfer in any event). Every record is a false alarm; they are listed.")
    return _result("arms/train-articles", TRAIN, score, len(articles), notes, rows)


def page_articles(shared: Path) -> list[tuple[Article, tuple[Judged, ...]]]:
    """The judged dev pages, read by chronique's own readers."""
    from chronique.ingest.sources import read_sources

    out = []
    for n, row in enumerate(_data(PAGES)["pages"], start=1):
        judged = tuple(_canonical(parse_judged(line, f"{PAGES} page {n}")) for line in row.get("expect") or [])
        for article in read_sources([shared / DEV_PAGES / row["page"]]):
            if isinstance(article, Article):
                out.append((article, judged))
    return out


def run_dev(ctx: EvalContext) -> EvalResult:
    wikinews = list(_wikinews(ctx.shared / DEV))
    pages = page_articles(ctx.shared)
    score, rows = _score_articles(ctx, wikinews + pages, show_found=False)
    notes = (f"Split: dev — {len(wikinews)} real French Wikinews articles (`{DEV}`, their `transfer` fields) and "
             f"{len(pages)} real web pages of `{DEV_PAGES}` judged by the team (`chronique/eval/data/{PAGES}`: "
             "page names and judgements only). Measured only; no rule was written from them.")
    return _result("arms/dev-articles", DEV, score, len(wikinews) + len(pages), notes, rows)


TASKS: tuple[EvalTask, ...] = (
    _judged_task("rules"),
    _judged_task("measure"),
    EvalTask("arms/train-articles", "arms transfers: false alarms on real train articles", (TRAIN,), run_train),
    EvalTask("arms/dev-articles", "arms transfers: real dev articles and judged dev pages", (DEV, DEV_PAGES),
             run_dev),
)
