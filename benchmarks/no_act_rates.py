"""How often the events of each no-act class are right, per set: the test a class must pass to ship
(right clearly below the base rate on TRAIN; docs/accuracy.md, "Event check" and "Acts").

    python benchmarks/no_act_rates.py --shared ../shared --cache /tmp/no_act_docs.pkl [--show CLASS]

Events: the rule coder's default events with the event check off, on fr/en-wikinews-train and
m2e2-voa (train; labels as ``chronique.train.event_check_data``) and the judged look pages (their
verdicts; unjudged events left out). ``--cache`` keeps the parsed documents (they hold page text:
keep the file under /tmp), so the classes can be re-read without parsing again. ``--show`` prints
the sentences of one class (train and look only: never run it on measure pages).
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from no_act_candidates import CANDIDATES  # benchmarks/: the classes tried and rejected
from spacy.tokens import Doc

from chronique.annotations.extensions import register_extensions
from chronique.coding.event_check import _no_act_features, no_act_class, told
from chronique.coding.no_act import no_act_classes, speaker_own_act, trigger_token
from chronique.eval.pages_judged import load_judged_set
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.senses import load_senses
from chronique.nlp.senses import check_senses
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Article
from chronique.train.dataset import M2E2, WIKINEWS_SETS
from chronique.train.event_check_data import TOLD, _m2e2_articles, _wikinews_label, judged_docs
from chronique.train.readers import read_wikinews

PAGES = "eval/dev/pages"
SENSES = load_senses()  # rules added since the cache was built show as the class "idiom"
TABLE = load_cameo_table()
KEEP = frozenset({"ch_lang", "ch_published", "ch_times"})


@dataclass
class Item:
    doc: Doc
    events: list[dict[str, Any]]
    labels: list[int | None]
    keys: list[str]
    corpus: str
    group: str


def _bare(doc: Doc, events: list[dict[str, Any]]) -> tuple[Doc, list[dict[str, Any]]]:
    """The parse with the notes the classes read (language, publication date, times); the other
    stages' notes are large."""
    events = [dict(e) for e in events]
    for key in [k for k in doc.user_data if not (isinstance(k, tuple) and len(k) > 1 and k[1] in KEEP)]:
        del doc.user_data[key]
    return doc, events


def _wikinews(train: Path, pipeline: Pipeline) -> Iterator[Item]:
    for name in WIKINEWS_SETS:
        if not (train / name).exists():
            continue
        for item in read_wikinews(train / name):
            doc, norm = pipeline.annotator.annotate_doc(item.article)
            events = list(doc._.ch_events or [])
            labels: list[int | None] = [_wikinews_label(e, item.events, norm.to_original) for e in events]
            doc, events = _bare(doc, events)
            yield Item(doc, events, labels, [""] * len(events), name, item.article.id)


def _m2e2(train: Path, pipeline: Pipeline) -> Iterator[Item]:
    if not (train / M2E2).exists():
        return
    for doc_id, sentences in _m2e2_articles(train / M2E2):
        spans, text = [], ""
        for s in sentences:
            spans.append((len(text), s))
            text += s.text + "\n\n"
        triggers = [(at + t.start, at + t.end) for at, s in spans for t in s.triggers if t.plover]
        article = Article(id=doc_id, text=text, language="en", published="2010-01-01", source=doc_id)
        doc, norm = pipeline.annotator.annotate_doc(article)
        events = list(doc._.ch_events or [])
        labels: list[int | None] = []
        for e in events:
            first, last = norm.to_original(*[int(x) for x in (e.get("_trigger") or [0, 0])[:2]])
            hit = any(a < last and first < b for a, b in triggers)
            labels.append(int(hit and str(e.get("modality") or "") in TOLD))
        doc, events = _bare(doc, events)
        yield Item(doc, events, labels, [""] * len(events), "m2e2-voa", doc_id)


def _look(shared: Path, pipeline: Pipeline) -> Iterator[Item]:
    root = shared / PAGES
    for page in (p for p in load_judged_set().pages if p.split == "look"):
        for judged in judged_docs(page, root, pipeline):
            labels: list[int | None] = [None if v is None else int(v) for v in judged.verdicts]
            doc, events = _bare(judged.doc, judged.events)
            yield Item(doc, events, labels, judged.keys, "pages-look", page.file)


def build(shared: Path) -> list[Item]:
    pipeline = Pipeline(PipelineOptions(coder="rules", event_check=False))
    train = shared / "eval/train/events"
    items = [*_wikinews(train, pipeline), *_m2e2(train, pipeline)]
    if (shared / PAGES).is_dir():
        items += _look(shared, pipeline)
    return items


def report(items: list[Item], show: str | None) -> None:
    total: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for it in items:
        for e, y in zip(it.events, it.labels, strict=True):
            if y is None:
                continue
            old = no_act_class(_no_act_features(it.doc, e))
            if old and speaker_own_act(it.doc, e):  # kept by the check since the speaker resolves
                old = None if told(it.doc, e) else old
                total[(it.corpus, "speaker_own_act")] += 1
                right[(it.corpus, "speaker_own_act")] += y
            head = trigger_token(it.doc, e)
            found = no_act_classes(it.doc, e) if not old else []
            if not old and not check_senses(it.doc, [e], SENSES.get(it.doc.lang_, ()), TABLE):
                found.append("idiom")
            tried = [n for n, test in CANDIDATES.items() if head is not None and test(head, e)] if not old else []
            names = [f"old:{old}"] if old else ["*base", *(f"+{c}" for c in found),
                                                  *(f"rejected:{c}" for c in tried),
                                                  f"first:{found[0]}" if found else "kept"]
            for corpus in (it.corpus, "train" if it.corpus != "pages-look" else "look"):
                for cls in names:
                    total[(corpus, cls)] += 1
                    right[(corpus, cls)] += y
            if show and show in found:
                mark = "R" if y else "w"
                sent = it.doc.text[e["text_info"]["start"]:e["text_info"]["end"]].replace("\n", " ")
                print(f"{mark} {it.corpus} {e['event']} {(e.get('actor') or {}).get('code')} "
                      f"{e.get('modality')} | {sent[:220]}")
    for corpus in ("train", "look", "fr-wikinews-train", "en-wikinews-train", "m2e2-voa"):
        rows = sorted(cls for c, cls in total if c == corpus)
        print(f"== {corpus}")
        for cls in rows:
            n, r = total[(corpus, cls)], right[(corpus, cls)]
            print(f"  {cls:28s} {r:4d}/{n:<5d} {r / max(n, 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, help="parsed documents kept here (under /tmp: they hold page text)")
    ap.add_argument("--show", help="print the sentences of this class (train and look)")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        register_extensions()
        items = pickle.loads(args.cache.read_bytes())
    else:
        items = build(args.shared)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(items))
    report(items, args.show)


if __name__ == "__main__":
    main()
