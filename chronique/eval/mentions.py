"""Scoring chronique's actor mentions against gold named-entity spans (PER/ORG/LOC corpora).

chronique tags political actors (countries, organisations, people, armed groups), not every
named entity, so a plain NER F1 would be unfair both ways. What is measured:

- recall: the share of gold PER and ORG mentions that overlap an actor mention (the headline
  recall), and per gold class (PER, ORG, LOC, and LOC read as ORG by metonymy where the corpus
  marks it); LOC recall is shown but not in the headline, as most places are not actors;
- precision: the share of chronique's actor mentions that overlap a gold PER, ORG or LOC span (a
  country name is LOC in these corpora); a demonym adjective ("français") is not a named entity in
  gold and counts against precision, so spurious mentions are broken down by capitalisation;
- type agreement: for matched pairs, chronique's ``kind`` against the gold class
  (person→PER, organisation/group→ORG, country→LOC).

Headline figures use partial overlap (gold spans in historical corpora carry titles and
appositions: "M. X, le célèbre marchand…"); strict figures come beside them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from chronique.eval.gold import GoldDocument
from chronique.eval.registry import EvalContext
from chronique.eval.scoring import (
    ScoredSpan,
    accuracy,
    confusion_markdown,
    f1,
    markdown_table,
    match_spans,
)
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction

KIND_TO_CLASS: dict[str, str] = {"person": "PER", "organisation": "ORG", "group": "ORG", "country": "LOC"}
METONYMY = "LOC→ORG"  # a place name that stands for an organisation or government (HIPE's METO column)
HEADLINE_RECALL_CLASSES = ("PER", "ORG", METONYMY)
CLASSES = ("PER", "ORG", "LOC", METONYMY)
ACTOR_STAGES = ("actors",)  # what these scores need; later stages neither slow nor break them
MAX_LISTED_WORDS = 4  # missed names are listed for diagnosis; longer gold spans (appositions) are not


@dataclass
class MentionTally:
    """Counts accumulated over documents."""

    documents: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    hit_partial: Counter[str] = field(default_factory=Counter)
    hit_strict: Counter[str] = field(default_factory=Counter)
    predicted: int = 0
    correct_partial: int = 0
    correct_strict: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold class, chronique kind)
    spurious: Counter[str] = field(default_factory=Counter)  # surface text of unmatched actor mentions
    spurious_lowercase: int = 0
    missed: Counter[str] = field(default_factory=Counter)  # surface text of missed gold PER/ORG

    def recall(self, classes: Iterable[str], strict: bool = False) -> float:
        hits = self.hit_strict if strict else self.hit_partial
        classes = tuple(classes)
        return accuracy(sum(hits[c] for c in classes), sum(self.gold[c] for c in classes))

    def precision(self, strict: bool = False) -> float:
        return accuracy(self.correct_strict if strict else self.correct_partial, self.predicted)

    def type_agreement(self) -> float:
        agree = sum(n for (g, kind), n in self.pairs.items() if _agrees(g, kind))
        return accuracy(agree, sum(self.pairs.values()))


def _agrees(gold_class: str, kind: str) -> bool:
    expected = KIND_TO_CLASS.get(kind, "?")
    return expected == gold_class or (gold_class == METONYMY and expected in ("LOC", "ORG"))


def gold_class(label: str, attrs: Mapping[str, str], label_map: Mapping[str, str]) -> str | None:
    """The scored class of a gold span, or None for classes not scored (dates, products…)."""
    mapped = label_map.get(label)
    if mapped == "LOC" and attrs.get("meto", "").lower() == "org":
        return METONYMY
    return mapped


def score_document(tally: MentionTally, doc: GoldDocument, extraction: Extraction,
                   label_map: Mapping[str, str]) -> None:
    gold = [ScoredSpan(s.start, s.end, c) for s in doc.spans
            if (c := gold_class(s.label, s.attrs, label_map)) is not None]
    predicted = [ScoredSpan(a.start, a.end, a.kind) for a in extraction.actors]
    tally.documents += 1
    tally.predicted += len(predicted)
    tally.gold.update(g.label for g in gold)
    tally.kinds.update(p.label for p in predicted)
    partial = match_spans(gold, predicted, mode="partial")
    strict = match_spans(gold, predicted, mode="strict")
    tally.hit_partial.update(g.label for g, _ in partial.pairs)
    tally.hit_strict.update(g.label for g, _ in strict.pairs)
    tally.correct_partial += len(partial.pairs)
    tally.correct_strict += len(strict.pairs)
    tally.pairs.update((g.label, p.label) for g, p in partial.pairs)
    for p in partial.spurious:
        surface = doc.text[p.start:p.end]
        tally.spurious[surface] += 1
        tally.spurious_lowercase += surface[:1].islower()
    missed = (doc.text[g.start:g.end] for g in partial.missed if g.label in HEADLINE_RECALL_CLASSES)
    tally.missed.update(name for name in missed if len(name.split()) <= MAX_LISTED_WORDS)


def extract_documents(ctx: EvalContext, docs: list[GoldDocument], dataset: str,
                      report: RunReport) -> Iterator[tuple[GoldDocument, Extraction]]:
    """Each gold document with its Extraction, batched through Pipeline.extract_many."""
    by_source = {f"{dataset}#{doc.id}": doc for doc in docs}
    articles = (Article.create(doc.text, language=doc.language or "fr", published=doc.date, source=source)
                for source, doc in by_source.items())
    pipeline = ctx.pipeline_with(ACTOR_STAGES)
    for extraction in pipeline.extract_many(articles, policy=FailurePolicy.RECORD, report=report):
        yield by_source[extraction.article.source or ""], extraction


def headline(tally: MentionTally) -> dict[str, float]:
    precision, recall = tally.precision(), tally.recall(HEADLINE_RECALL_CLASSES)
    strict_p, strict_r = tally.precision(strict=True), tally.recall(HEADLINE_RECALL_CLASSES, strict=True)
    metrics = {"precision": precision, "recall": recall, "f1": f1(precision, recall),
               "precision_strict": strict_p, "recall_strict": strict_r, "f1_strict": f1(strict_p, strict_r)}
    for c in CLASSES:
        if tally.gold[c]:
            metrics[f"recall_{c}"] = tally.recall([c])
    metrics["type_agreement"] = tally.type_agreement()
    return metrics


def details(tally: MentionTally, report: RunReport, notes: str) -> str:
    per_class = markdown_table(
        ["gold class", "gold mentions", "found (overlap)", "recall", "found (exact)", "recall (exact)"],
        [[c, tally.gold[c], tally.hit_partial[c], tally.recall([c]), tally.hit_strict[c],
          tally.recall([c], strict=True)] for c in CLASSES if tally.gold[c]],
    )
    kinds = sorted(tally.kinds)
    confusion = confusion_markdown(tally.pairs, rows=[c for c in CLASSES if tally.gold[c]], columns=kinds,
                                   corner="gold class \\ chronique kind") if kinds else "(no actor mention)"
    spurious = ", ".join(f"{text} ({n})" for text, n in tally.spurious.most_common(12)) or "none"
    missed = ", ".join(f"{text} ({n})" for text, n in tally.missed.most_common(12)) or "none"
    parts = [
        notes,
        f"Documents scored: {tally.documents} ({report.skipped} rejected by the pipeline). "
        f"Actor mentions predicted: {tally.predicted}; matched a gold PER/ORG/LOC span: "
        f"{tally.correct_partial} by overlap, {tally.correct_strict} exactly. Unmatched: "
        f"{tally.predicted - tally.correct_partial}, of which {tally.spurious_lowercase} start lowercase "
        "(demonyms and adjectives, which gold does not tag).",
        "Recall per gold class (headline recall = PER + ORG" + (f" + {METONYMY}" if tally.gold[METONYMY] else "")
        + "):\n\n" + per_class,
        "Matched pairs, gold class against chronique's kind (type agreement: person→PER, "
        "organisation/group→ORG, country→LOC):\n\n" + confusion,
        f"Most frequent unmatched actor mentions: {spurious}.",
        f"Most frequent missed gold PER/ORG names (of at most {MAX_LISTED_WORDS} words): {missed}.",
    ]
    return "\n\n".join(parts)
