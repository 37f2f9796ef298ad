"""Why the main event of a judged page is missed: one cause per political page that has one.

    .venv/bin/python benchmarks/main_misses.py [--split look] [--shared ../shared] [--tsv /tmp/main.tsv]

For each page of the split with a ``main`` in chronique/eval/pages_judged.yaml, the rule coder is run
with every step of ``EventCoder.stages`` recorded; the main event (its classes, actor and recipient
names, as ``MainEvent`` matches them) is looked for among the coded readings, and the first cause
that applies is given:

  found               a kept event matches, told as done
  told as not done    a kept event matches, told as intended, hypothetical or denied
  dropped by STEP     a coded reading matches; STEP (floor, screen, event check…) dropped the last one
  lost party          a reading of a main class in the headline or lead, its actor or recipient not the main's
  wrong class         a reading with the main's actor in the headline or lead, of another class
  no trigger          no reading of a main class in the headline or lead

The headline is the text's first line (``coding.headline.headline_end``), the lead the first
``LEAD`` sentences after it. Page text is written only with --tsv, which belongs under /tmp.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.annotations.records import EventRecord
from chronique.coding.headline import headline_end
from chronique.eval.pages import PAGES
from chronique.eval.pages_judged import TOLD_AS_DONE, MainEvent, load_judged_set
from chronique.eval.runner import default_shared
from chronique.ingest.sources import read_sources
from chronique.nlp.events import EventCoder
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Article

LEAD = 3  # sentences after the headline that tell the main event in full


@dataclass(frozen=True)
class Verdict:
    page: str
    cause: str
    detail: str  # the readings that decided it, for reading (page text)


def _party(party: Any, wanted: tuple[str, ...]) -> bool:
    if not party:
        return False
    code = f"{party.get('code') or ''}{party.get('sector') or ''}".lower()
    text = (party.get("entity_text") or "").lower()
    return any((code and code.startswith(w.lower())) or w.lower() in text for w in wanted)


def _matches(main: MainEvent, e: EventRecord) -> bool:
    return (e["event"] in main.events and _party(e.get("actor"), main.actors)
            and (not main.recipients or _party(e.get("recipient"), main.recipients)))


def _show(e: EventRecord) -> str:
    actor, recipient = e.get("actor") or {}, e.get("recipient") or {}
    return (f"{e['event']} {e.get('modality')} {e.get('confidence', 0):.2f} "
            f"{actor.get('entity_text')}[{actor.get('code') or ''}{actor.get('sector') or ''}] > "
            f"{recipient.get('entity_text')}[{recipient.get('code') or ''}{recipient.get('sector') or ''}]: "
            f"{' '.join(str(e.get('event_text', '')).split())[:160]}")


def _opening(doc: Any) -> int:
    """The character where the lead ends: the headline plus ``LEAD`` sentences."""
    end = headline_end(doc) or 0
    after = [s for s in doc.sents if s.start_char >= end]
    return after[min(LEAD, len(after)) - 1].end_char if after else end


def classify(main: MainEvent, steps: list[tuple[str, list[EventRecord]]], opening: int) -> tuple[str, str]:
    """The first cause that applies (see the module's doc) and the readings behind it."""
    kept = steps[-1][1]
    done = [e for e in kept if _matches(main, e) and e.get("modality") in TOLD_AS_DONE]
    if done:
        return "found", _show(done[0])
    undone = [e for e in kept if _matches(main, e)]
    if undone:
        return "told as not done", _show(undone[0])
    coded = [e for e in steps[0][1] if _matches(main, e)]
    if coded:
        ids = {id(e) for e in coded}
        for name, events in steps[1:]:
            if not ids & {id(e) for e in events}:
                return f"dropped by {name}", _show(coded[0])
    front = [e for e in steps[0][1] if e["text_info"]["start"] < opening]
    of_class = [e for e in front if e["event"] in main.events]
    if of_class:
        return "lost party", "; ".join(_show(e) for e in of_class[:3])
    with_actor = [e for e in front if _party(e.get("actor"), main.actors)]
    if with_actor:
        return "wrong class", "; ".join(_show(e) for e in with_actor[:3])
    return "no trigger", "; ".join(_show(e) for e in front[:3])


def trace(pipeline: Pipeline, article: Article) -> tuple[list[tuple[str, list[EventRecord]]], int]:
    """Every step's events of one page (EventCoder.stages, this run only) and where its lead ends."""
    article = pipeline.prepare(article)
    annotator = pipeline.annotator
    stage = annotator.language(article.language or "").get_pipe("chronique_events")
    assert isinstance(stage, EventCoder)
    recorded: list[list[tuple[str, list[EventRecord]]]] = []

    def kept(doc: Any, coded: list[Any]) -> list[Any]:
        steps = EventCoder.stages(stage, doc, coded)
        recorded.append(steps)
        return steps[-1][1]

    stage.kept = kept  # type: ignore[method-assign]
    try:
        doc, _ = annotator.annotate_doc(article)
    finally:
        del stage.kept
    return (recorded[-1] if recorded else [("coded", [])]), _opening(doc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("look", "measure"), default="look")
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--tsv", type=Path, default=None, help="per page: cause and readings (under /tmp)")
    args = parser.parse_args(argv)
    root = (args.shared or default_shared()) / PAGES
    pipeline = Pipeline(PipelineOptions(coder="rules"))
    verdicts: list[Verdict] = []
    for page in load_judged_set().pages:
        if page.split != args.split or not page.political or page.main is None:
            continue
        articles = [a for a in read_sources([root / page.file]) if isinstance(a, Article)]
        steps, opening = trace(pipeline, articles[0])
        verdicts.append(Verdict(page.file, *classify(page.main, steps, opening)))
    counts = Counter(v.cause for v in verdicts)
    print(f"main events of the {args.split} split: {len(verdicts)} pages")
    print("| cause | pages |\n|---|---|")
    for name, n in counts.most_common():
        print(f"| {name} | {n} |")
    for v in verdicts:
        print(f"{v.cause:>20}  {v.page}")
    if args.tsv:
        with args.tsv.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            writer.writerow(("page", "cause", "readings"))
            writer.writerows((v.page, v.cause, v.detail) for v in verdicts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
