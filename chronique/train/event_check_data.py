"""Labelled examples for the event check: the rule coder's events with their structural features.

Labels, one per event the rule coder gives by default (over its confidence floor, screened):
- fr/en-wikinews-train: 1 when a gold event of its sentence has the same type, actor code and
  recipient code, else 0;
- m2e2-voa (sentences joined back into their articles, so positions mean what they mean on a page):
  1 when its trigger is an ACE trigger of a PLOVER class and the act is told as done, else 0;
- the judged pages of the look split: the verdict by reading (every event of a page with no
  political content is wrong); events not judged are left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from chronique.annotations.records import EventRecord
from chronique.coding.event_check import event_features
from chronique.coding.event_check_embed import event_texts
from chronique.eval.pages_judged import JudgedPage, event_key, load_judged_set
from chronique.ingest.sources import read_sources
from chronique.nlp.convert import doc_to_extraction
from chronique.nlp.pipeline import Annotator
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Article
from chronique.train.dataset import M2E2, WIKINEWS_SETS
from chronique.train.readers import AceSentence, GoldEvent, read_m2e2, read_wikinews

PAGES = "eval/dev/pages"
TOLD = frozenset({"asserted", "reported"})


@dataclass(frozen=True)
class CheckRow:
    features: dict[str, float]
    label: int
    group: str  # the article or page (folds keep it whole)
    corpus: str
    confidence: float
    text: str = ""  # the event's sentence and "trigger: actor → recipient" (for the embedding variant)
    brief: str = ""


Progress = Callable[[str, int, int], None]


def _pipeline() -> Pipeline:
    """The rule coder as it runs by default (its floor and screens on), without the check: each
    row's features are computed among exactly the events the check sees."""
    return Pipeline(PipelineOptions(coder="rules", event_check=False))


def _code(party: object) -> str:
    return str((party or {}).get("code") or "") if isinstance(party, dict) else ""


def _wikinews_label(e: EventRecord, gold: tuple[GoldEvent, ...], to_original: Callable[[int, int], tuple[int, int]]
                    ) -> int:
    start, end = to_original(int(e["text_info"]["start"]), int(e["text_info"]["end"]))
    return int(any(g.start < end and start < g.end and g.event == e["event"]
                   and (g.actor.code if g.actor else "") == _code(e.get("actor"))
                   and (g.recipient.code if g.recipient else "") == _code(e.get("recipient")) for g in gold))


def wikinews_rows(folder: Path, annotator: Annotator, progress: Progress | None = None) -> Iterator[CheckRow]:
    for name in WIKINEWS_SETS:
        if not (folder / name).exists():
            continue
        articles = read_wikinews(folder / name)
        for n, item in enumerate(articles, start=1):
            doc, norm = annotator.annotate_doc(item.article)
            events = list(doc._.ch_events or [])
            for e, feats in zip(events, event_features(doc, events), strict=True):
                y = _wikinews_label(e, item.events, norm.to_original)
                yield CheckRow(feats, y, f"{name}:{item.article.id}", name, float(e.get("confidence") or 0.0),
                               *event_texts(doc, e))
            _tick(progress, name, n, len(articles))


def _m2e2_articles(path: Path) -> list[tuple[str, list[AceSentence]]]:
    """The sentences of each VOA article in order (the sentence id is the article id, "_", its number)."""
    ids = [json.loads(line)["sentence_id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = read_m2e2(path)
    by_doc: dict[str, list[tuple[int, AceSentence]]] = {}
    for sid, sent in zip(ids, sentences, strict=True):
        doc_id, _, number = str(sid).rpartition("_")
        by_doc.setdefault(doc_id, []).append((int(number) if number.isdigit() else 0, sent))
    return [(doc_id, [s for _, s in sorted(items, key=lambda x: x[0])]) for doc_id, items in sorted(by_doc.items())]


def m2e2_rows(folder: Path, annotator: Annotator, progress: Progress | None = None) -> Iterator[CheckRow]:
    path = folder / M2E2
    if not path.exists():
        return
    articles = _m2e2_articles(path)
    for n, (doc_id, sentences) in enumerate(articles, start=1):
        spans, text = [], ""
        for s in sentences:  # one paragraph per sentence: the parser keeps their boundaries
            spans.append((len(text), s))
            text += s.text + "\n\n"
        triggers = [(at + t.start, at + t.end) for at, s in spans for t in s.triggers if t.plover]
        article = Article(id=doc_id, text=text, language="en", published="2010-01-01", source=doc_id)
        doc, norm = annotator.annotate_doc(article)
        events = list(doc._.ch_events or [])
        for e, feats in zip(events, event_features(doc, events), strict=True):
            first, last = (e.get("_trigger") or [0, 0])[:2]
            first, last = norm.to_original(int(first), int(last))
            hit = any(a < last and first < b for a, b in triggers)
            y = int(hit and str(e.get("modality") or "") in TOLD)
            yield CheckRow(feats, y, f"m2e2-voa:{doc_id}", "m2e2-voa", float(e.get("confidence") or 0.0),
                           *event_texts(doc, e))
        _tick(progress, "m2e2-voa", n, len(articles))


def page_rows(shared: Path, pipeline: Pipeline, split: str = "look",
              progress: Progress | None = None) -> Iterator[CheckRow]:
    """The judged events of the pages of ``split`` (unjudged events left out)."""
    pages = [p for p in load_judged_set().pages if p.split == split]
    root = shared / PAGES
    for n, page in enumerate(pages, start=1):
        yield from _page_rows(page, root, pipeline, split)
        _tick(progress, f"pages-{split}", n, len(pages))


@dataclass(frozen=True)
class JudgedDoc:
    """One article of a judged page, annotated: its events (the coder's records), their public keys
    and their verdicts (None: not judged; every event of a page with no political content is wrong)."""

    doc: Doc
    events: list[EventRecord]
    keys: list[str]
    verdicts: list[bool | None]


def judged_docs(page: JudgedPage, root: Path, pipeline: Pipeline) -> Iterator[JudgedDoc]:
    """The annotated articles of a judged page (one page file may hold several; unreadable ones skipped)."""
    for item in read_sources([root / page.file]):
        if not isinstance(item, Article):
            continue
        try:
            article = pipeline.prepare(item)
        except Exception:
            continue
        doc, norm = pipeline.annotator.annotate_doc(article)
        keys = [event_key(public) for public in doc_to_extraction(doc, article, norm).events]
        verdicts = [page.verdict(k) if page.political else False for k in keys]
        yield JudgedDoc(doc, list(doc._.ch_events or []), keys, verdicts)


def _page_rows(page: JudgedPage, root: Path, pipeline: Pipeline, split: str) -> Iterator[CheckRow]:
    for judged in judged_docs(page, root, pipeline):
        doc, events = judged.doc, judged.events
        for e, verdict, feats in zip(events, judged.verdicts, event_features(doc, events), strict=True):
            if verdict is not None:
                yield CheckRow(feats, int(verdict), f"pages-{split}:{page.file}", f"pages-{split}",
                               float(e.get("confidence") or 0.0), *event_texts(doc, e))


def build_rows(train_folder: Path, shared: Path, progress: Progress | None = None) -> list[CheckRow]:
    """Every labelled row: the train sets, then the look split's judged pages."""
    pipeline = _pipeline()
    rows = list(wikinews_rows(train_folder, pipeline.annotator, progress))
    rows += m2e2_rows(train_folder, pipeline.annotator, progress)
    if (shared / PAGES).is_dir():
        rows += page_rows(shared, pipeline, "look", progress)
    return rows


def save_rows(rows: list[CheckRow], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"f": r.features, "y": r.label, "g": r.group, "c": r.corpus, "conf": r.confidence,
                                 "t": r.text, "b": r.brief}, ensure_ascii=False)
                     + "\n")


def load_rows(path: Path) -> list[CheckRow]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append(CheckRow({k: float(v) for k, v in d["f"].items()}, int(d["y"]), d["g"], d["c"], float(d["conf"]),
                            str(d.get("t", "")), str(d.get("b", ""))))
    return out


def _tick(progress: Progress | None, name: str, n: int, total: int) -> None:
    if progress is not None and (n == total or n % 25 == 0):
        progress(name, n, total)
