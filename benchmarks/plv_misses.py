"""Why plv-train's marked pairs miss: the first failing stage of each marked source→target pair.

For every pair of ../shared/eval/train/events/plv-train (train split), the rule coder runs as the
default pipeline does (floor 0.5, screen, event check, headline merge) and the pair is put in the
first class that fits, in this order:

  hit               the most confident kept event from the marked source (to the marked target or to
                    no one) has the gold class, as ``benchmarks/rules_on_train.py`` scores it;
  c wrong class     such an event is kept with another class (a confusion table by class);
  d dropped: STAGE  the coder read the marked pair but ``EventCoder.kept`` dropped it, at the floor, the
                    screen, the event check or the headline merge (the first stage it is missing after);
  b not the pair    the coder read events in the sentence, none from the source to the target:
                    the source acts on someone else (target elsewhere), the pair read the other way
                    (swapped), or only third parties;
  a no event        the coder read no event in the sentence: no lexicon trigger at all (the word that
                    joins source and target in the parse is counted per gold class: the missing
                    triggers), or triggers but a marked party found by no mention (its kind: pronoun,
                    person, organisation, group, other), or both parties found and still no event.

    .venv/bin/python benchmarks/plv_misses.py [--shared ../shared] [--limit N] [--top K] [--rows FILE.tsv]

Prints markdown tables (the docs' section) and, with --rows, writes one row per pair (class, gold,
predicted, sentence) for reading. Text stays under the path given (keep it in /tmp).
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from chronique.annotations.records import EventRecord
from chronique.coding.event_check import keep_told
from chronique.coding.mentions import MentionIndex
from chronique.coding.unlisted import load_sector_heads
from chronique.nlp.events import EventCoder, above_floor
from chronique.nlp.screen import screen_events
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Article
from chronique.train import dataset as ds
from chronique.train.readers import YIELD, YIELD_TYPES, PairRecord

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its",
                      "their", "our", "who", "which", "this", "that", "these", "those", "one"})
STAGES = ("floor", "screen", "event check", "merge")


@dataclass(frozen=True)
class Miss:
    """The first failing stage of one marked pair."""

    pair: PairRecord
    cause: str  # "hit", "c wrong class", "d dropped: floor", "b …", "a …"
    predicted: str = ""  # the class coded for the pair (hit, wrong class) or the dropped reading's
    # a: the word joining source and target (a missing trigger) or the party's kind; b: the parties
    # read instead; c, d, hit: the trigger of the pair's reading
    lemma: str = ""


def _overlaps(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return bool(a) and bool(b) and (a in b or b in a)


def _text(party: object) -> str:
    return str((party or {}).get("entity_text") or "") if isinstance(party, dict) else ""


def _who(party: object) -> str:
    return _text(party) or (str(party.get("code") or "-") if isinstance(party, dict) else "-")


def _marked(e: EventRecord, pair: PairRecord) -> bool:
    """As the pair score reads it: the actor is the source, the recipient the target or no one."""
    recipient = e.get("recipient")
    return _overlaps(_text(e.get("actor")), pair.source) and (
        recipient is None or _overlaps(_text(recipient), pair.target))


def _best(events: Iterable[EventRecord], pair: PairRecord) -> EventRecord | None:
    mine = [e for e in events if _marked(e, pair)]
    return max(mine, key=lambda e: float(e.get("confidence") or 0.0)) if mine else None


def _same(pred: str, gold: str) -> bool:
    return pred == gold or (gold == YIELD and pred in YIELD_TYPES)


def _span(doc: Doc, text: str, needle: str) -> Span | None:
    at = text.find(needle)
    return doc.char_span(at, at + len(needle), alignment_mode="expand") if at >= 0 and needle else None


def _joining_word(doc: Doc, pair: PairRecord) -> str:
    """The lemma of the lowest word that governs both the source and the target (the verb or noun
    that should have been a trigger), "-" when either cannot be found."""
    src, tgt = _span(doc, pair.text, pair.source), _span(doc, pair.text, pair.target)
    if src is None or tgt is None:
        return "-"
    above = {t.i for t in (src.root, *src.root.ancestors)}
    for t in (tgt.root, *tgt.root.ancestors):
        if t.i in above:
            return f"{t.lemma_.lower()}/{t.pos_}"
    return "-"


def _party_kind(doc: Doc, index: MentionIndex, text: str, needle: str) -> str | None:
    """None when an actor mention of the index covers the marked party, else what kind of words it
    is: a pronoun, a person, an organisation, a group (common noun) or other."""
    span = _span(doc, text, needle)
    if span is None:
        return "other"
    if any(index.actor(t) is not None for t in span):
        return None
    root = span.root
    if root.lower_ in PRONOUNS or root.pos_ == "PRON":
        return "pronoun"
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if "PERSON" in labels:
        return "person"
    if labels & {"ORG", "NORP", "GPE"}:
        return "organisation"
    if root.pos_ == "NOUN":
        return f"group ({root.lemma_.lower()})"
    return "other"


def _no_pair(raw: list[EventRecord], pair: PairRecord) -> Miss:
    """b: events in the sentence, none from the source to the target (with the class and the
    parties of the first such event, for reading)."""
    def seen(e: EventRecord) -> str:
        return f"{_who(e.get('actor'))} -> {_who(e.get('recipient'))}"

    tests = (("b source acts on another party", lambda e: _overlaps(_text(e.get("actor")), pair.source)),
             ("b swapped direction", lambda e: _overlaps(_text(e.get("actor")), pair.target)
              and _overlaps(_text(e.get("recipient")), pair.source)),
             ("b target read as actor of another act", lambda e: _overlaps(_text(e.get("actor")), pair.target)),
             ("b third parties only", lambda e: True))
    for cause, test in tests:
        found = [e for e in raw if test(e)]
        if found:
            return Miss(pair, cause, str(found[0]["event"]), seen(found[0]))
    return Miss(pair, "b third parties only")


def _dropped(coder: EventCoder, doc: Doc, raw: list[EventRecord], pair: PairRecord) -> str:
    """d: the stage of ``EventCoder.kept`` after which no marked reading is left."""
    assert coder.table is not None
    events = above_floor(raw, coder.min_confidence)
    if _best(events, pair) is None:
        return "floor"
    events = screen_events(doc, events, "en", coder.table, relevance_gate=coder.relevance_gate)
    if _best(events, pair) is None:
        return "screen"
    if coder.event_check:
        events = keep_told(doc, events)
        if _best(events, pair) is None:
            return "event check"
    return "merge"


def classify(coder: EventCoder, index: MentionIndex, doc: Doc, pair: PairRecord) -> Miss:
    kept = list(doc._.ch_events or [])
    best = _best(kept, pair)
    if best is not None:
        pred = str(best["event"])
        return Miss(pair, "hit" if _same(pred, pair.label) else "c wrong class", pred, str(best.get("_lemma") or ""))
    assert coder.coder is not None
    raw = coder.coder.code(doc)
    lost = _best(raw, pair)
    if lost is not None:
        stage = _dropped(coder, doc, raw, pair)
        return Miss(pair, "d dropped: " + stage, str(lost["event"]), str(lost.get("_lemma") or ""))
    if raw:
        return _no_pair(raw, pair)
    toks = list(doc)
    lexicon = coder.coder.lexicon  # type: ignore[attr-defined]
    if not lexicon.match([t.lemma_.lower() for t in toks], [t.lower_ for t in toks], [t.pos_ for t in toks]):
        return Miss(pair, "a no trigger", lemma=_joining_word(doc, pair))
    for role, needle in (("source", pair.source), ("target", pair.target)):
        kind = _party_kind(doc, index, pair.text, needle)
        if kind is not None:
            short = kind.split(" (")[0]
            return Miss(pair, f"a trigger, {role} no party: {short}", lemma=kind)
    return Miss(pair, "a trigger and parties, no event", lemma=_joining_word(doc, pair))


def run(shared: Path, limit: int | None) -> list[Miss]:
    _, sets = ds.read_training_files(shared / "eval" / "train" / "events")
    annotator = Pipeline(PipelineOptions(coder="rules", stages=ds.CANDIDATE_STAGES)).annotator
    coder = annotator.language("en").get_pipe("chronique_events")
    assert isinstance(coder, EventCoder)
    heads = load_sector_heads()
    out = []
    for pair in sets.pairs[:limit]:
        art = Article(id=pair.where, text=pair.text, language="en", published=ds.UNDATED, source=pair.where)
        doc, _ = annotator.annotate_doc(art)
        out.append(classify(coder, MentionIndex(doc, heads), doc, pair))
    return out


def _table(header: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report(misses: list[Miss], top: int) -> str:
    n = len(misses)
    causes = Counter(m.cause for m in misses)
    parts = [f"plv-train marked pairs (train split): {n}", "",
             _table(("first failing stage", "pairs", "share"),
                    ((c, k, f"{k / n:.3f}") for c, k in sorted(causes.items(), key=lambda x: (x[0][0], -x[1]))))]
    gold = Counter(m.pair.label for m in misses)
    hits = Counter(m.pair.label for m in misses if m.cause == "hit")
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for m in misses:
        per[m.pair.label][m.cause[0]] += 1
    parts += ["", _table(("gold class", "pairs", "recall", "a", "b", "c", "d"),
                         ((g, k, f"{hits[g] / k:.2f}", per[g]["a"], per[g]["b"], per[g]["c"], per[g]["d"])
                          for g, k in gold.most_common()))]
    confusion = Counter((m.pair.label, m.predicted) for m in misses if m.cause == "c wrong class")
    parts += ["", "c: wrong class (gold → coded)", "",
              _table(("gold", "coded", "pairs"), ((g, p, k) for (g, p), k in confusion.most_common(top)))]
    missing: dict[str, Counter[str]] = defaultdict(Counter)
    for m in misses:
        if m.cause == "a no trigger":
            missing[m.pair.label][m.lemma] += 1
    parts += ["", "a: no trigger — the word joining source and target, per gold class", "",
              _table(("gold", "pairs", "top joining words"),
                     ((g, sum(c.values()), ", ".join(f"{w} {k}" for w, k in c.most_common(top)))
                      for g, c in sorted(missing.items(), key=lambda x: -sum(x[1].values()))))]
    heads = Counter(m.lemma for m in misses if m.cause.startswith("a trigger,") and "group" in m.lemma)
    if heads:
        parts += ["", "a: group words that are no party: " + ", ".join(f"{w} {k}" for w, k in heads.most_common(top))]
    return "\n".join(parts)


def write_rows(misses: list[Miss], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(("where", "cause", "gold", "predicted", "lemma", "source", "target", "sentence"))
        for m in misses:
            p = m.pair
            w.writerow((p.where.rsplit(":", 1)[-1], m.cause, p.label, m.predicted, m.lemma, p.source, p.target, p.text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None, help="the first N pairs only")
    parser.add_argument("--top", type=int, default=12, help="rows per table (default 12)")
    parser.add_argument("--rows", type=Path, default=None, help="write one TSV row per pair here")
    args = parser.parse_args()
    misses = run(args.shared, args.limit)
    if args.rows is not None:
        write_rows(misses, args.rows)
    print(report(misses, args.top))


if __name__ == "__main__":
    main()
