"""Arms transfers on real military reporting of the train split (issue 19): ``arms/real-look``.

The m2e2-voa articles that name weapons, arms or military aid, judged by reading
(``data/transfers_real.yaml``: article ids and judgements only; the text stays in ../shared).
They are the "look" split: read to find error classes. The dev pages judged in
``data/transfers_pages.yaml`` (``arms/dev-articles``) are the measure split.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronique.errors import FormatError
from chronique.eval.arms_judged import _canonical, _data, _result, _score_articles
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.transfer_scoring import Judged, parse_judged
from chronique.schema import Article

REAL = "transfers_real.yaml"
M2E2 = "eval/train/events/m2e2-voa"
SENTENCE_END = (".", "!", "?", '"', "\u201d")


def m2e2_articles(folder: Path) -> dict[str, Article]:
    """The release's sentences of each article, in order, as one text (a sentence without a final
    stop gets one: the release drops it)."""
    sentences: dict[str, list[str]] = {}
    for n, line in enumerate((folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"expected one JSON object per line, found {exc.msg}", where=str(folder),
                              record=str(n)) from exc
        text = str(row["sentence"]).strip()
        if text:
            sentences.setdefault(str(row["sentence_id"]).rsplit("_", 1)[0], []).append(
                text if text.endswith(SENTENCE_END) else text + ".")
    return {aid: Article(id=aid, text=" ".join(texts), language="en", published=_published(aid), source="m2e2-voa")
            for aid, texts in sentences.items()}


def _published(article_id: str) -> str | None:
    """VOA_EN_NW_2016.10.19.3557471 → 2016-10-19."""
    parts = article_id.split("_")
    day = parts[3].split(".")[:3] if len(parts) > 3 else []
    return "-".join(day) if len(day) == 3 else None


def judged_real(shared: Path, split: str = "look") -> Iterator[tuple[Article, tuple[Judged, ...]]]:
    articles = m2e2_articles(shared / M2E2)
    for n, row in enumerate(_data(REAL)["articles"], start=1):
        where = f"{REAL} article {n}"
        if row.get("source") != "m2e2-voa" or row.get("id") not in articles:
            raise FormatError(f"expected an m2e2-voa article id, found {row!r}", where=where)
        if row.get("split") == split:
            judged: Any = row.get("expect") or []
            yield articles[row["id"]], tuple(_canonical(parse_judged(line, where)) for line in judged)


def run_real_look(ctx: EvalContext) -> EvalResult:
    items = list(judged_real(ctx.shared))
    score, rows = _score_articles(ctx, items, show_found=True)
    notes = (f"Split: train, look (`{M2E2}`: {len(items)} real Voice of America articles that name weapons, "
             f"arms or military aid, judged by the team in `chronique/eval/data/{REAL}`: ids and judgements "
             "only). None reports an arms transfer: every record is a false alarm; they are listed. Read to find "
             "error classes; the measure split is `arms/dev-articles`.")
    return _result("arms/real-look", M2E2, score, len(items), notes, rows)


TASKS: tuple[EvalTask, ...] = (
    EvalTask("arms/real-look", "arms transfers: judged real military reporting (train, look split)", (M2E2,),
             run_real_look),
)
