"""Arms transfers on real web pages read whole (issue 19): ``arms/pages-real/look`` and
``arms/pages-real/measure``.

The dev pages chronique reads (English, French) that use arms-trade vocabulary, each judged whole
(``data/transfers_pages_real.yaml``: page names, split and judgements only; the pages stay in
../shared). The split was fixed by a hash of the page's path before chronique ran on them: "look"
may be read to find error classes, "measure" is only scored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chronique.errors import FormatError
from chronique.eval.arms_judged import DEV_PAGES, _canonical, _data, _result, _score_articles
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.transfer_scoring import Judged, parse_judged
from chronique.schema import Article

PAGES_REAL = "transfers_pages_real.yaml"
SPLITS = ("look", "measure")


def judged_pages(shared: Path, split: str) -> list[tuple[Article, tuple[Judged, ...]]]:
    """The pages of one split, read by chronique's own readers, with their judged records."""
    from chronique.ingest.sources import read_sources

    out: list[tuple[Article, tuple[Judged, ...]]] = []
    for n, row in enumerate(_data(PAGES_REAL)["pages"], start=1):
        where = f"{PAGES_REAL} page {n}"
        if row.get("split") not in SPLITS or not row.get("page"):
            raise FormatError(f"expected a page and a split in {SPLITS}, found {row!r}", where=where)
        if row["split"] != split:
            continue
        expect: Any = row.get("expect") or []
        judged = tuple(_canonical(parse_judged(line, where)) for line in expect)
        out.extend((a, judged) for a in read_sources([shared / DEV_PAGES / row["page"]]) if isinstance(a, Article))
    return out


def _task(split: str) -> EvalTask:
    def run(ctx: EvalContext) -> EvalResult:
        items = judged_pages(ctx.shared, split)
        score, rows = _score_articles(ctx, items, show_found=split == "look")
        notes = (f"Split: dev, {split} (`{DEV_PAGES}`: {len(items)} real web pages in English or French that use "
                 f"arms-trade vocabulary, each judged whole by the team in `chronique/eval/data/{PAGES_REAL}`: "
                 "page names and judgements only; the split is a hash of the page's path, fixed before chronique "
                 "ran on them). "
                 + ("Read to find error classes; the pages' records are listed." if split == "look"
                    else "Scored only; no rule was written from them."))
        return _result(f"arms/pages-real/{split}", DEV_PAGES, score, len(items), notes, rows)

    return EvalTask(f"arms/pages-real/{split}", f"arms transfers: real dev pages read whole ({split} split)",
                    (DEV_PAGES,), run)


TASKS: tuple[EvalTask, ...] = tuple(_task(split) for split in SPLITS)
