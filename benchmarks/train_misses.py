"""Why the rule coder misses gold events of a Wikinews-scheme training set: each gold event's first
failing stage, the false positives by class, and the words of the sentences where no trigger fired.

    .venv/bin/python benchmarks/train_misses.py [--shared ../shared] [--set fr-wikinews-train]
        [--limit N] [--tsv /tmp/misses.tsv] [--json /tmp/misses.json]

Matching is the scorer's (chronique.eval.events.match_article: event triple = class + actor code +
recipient code, the prediction's sentence overlapping the gold span, greedy in gold order), on the
events the events stage keeps. Each missed gold event gets the first cause, in the coder's order:

  a  no sentence of ours overlaps the gold span
  b  no candidate in the span: "no trigger" (the lexicon matched nothing there) or "trigger, no event"
     (a trigger matched but the coder made no event of it: no party, absorbed, a modifier…)
  c  a candidate with the right triple was coded, then dropped (by the floor, the screen, the event
     check or the headline merge: the steps of EventCoder.kept), or kept but taken by another gold event
  d  no candidate of the gold class ("class trigger": a trigger of the gold class matched, the coder
     coded another class; "no class trigger": none matched)
  e  the class is right, the actor is not: missing, unresolved (no code), roles swapped, wrong code
  f  class and actor right, the recipient is not: missing, extra, swapped, wrong code

For d–f, "dropped" tells that no candidate in the span survived the kept steps (the error was never
shown). Article text is only written with --tsv, and only under /tmp (the gold stays in ../shared).
Language-agnostic: the set's articles carry their language; benchmarks/plv_misses.py is the English
pendant for plv-train pairs.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.annotations.records import EventRecord
from chronique.coding.mentions import MentionIndex
from chronique.coding.unlisted import load_sector_heads
from chronique.eval.events import match_article
from chronique.knowledge.cameo import CameoTable, load_cameo_table
from chronique.knowledge.lexicon import EventLexicon, load_event_lexicon
from chronique.nlp.events import EventCoder
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Event, EventActor, TextInfo
from chronique.train.dataset import CANDIDATE_STAGES
from chronique.train.readers import GoldEvent, GoldParty, read_wikinews

CONTENT_POS = frozenset({"VERB", "NOUN"})  # where a missing trigger is looked for
LEMMA_ROWS = 60
HEADS = load_sector_heads()


@dataclass(frozen=True)
class Reading:
    """One event of one kept step, in the article's offsets."""

    key: tuple[Any, ...]  # the same act and parties across the steps
    event: str
    actor: str
    recipient: str
    start: int
    end: int
    confidence: float
    lemma: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: tuple[tuple[str, str], ...]  # (lemma, POS) of its tokens
    triggers: tuple[tuple[str, str], ...]  # (words, PLOVER class) of the lexicon triggers matched in it
    text: str

    @property
    def trigger_classes(self) -> frozenset[str]:
        return frozenset(c for _, c in self.triggers)


@dataclass(frozen=True)
class Cause:
    stage: str  # a..f, or "hit"
    detail: str
    dropped: bool = False  # d–f: no candidate of the span survived the kept steps


@dataclass
class ArticleTrace:
    steps: list[tuple[str, list[Reading]]]
    sentences: list[Sentence]
    parties: list[tuple[int, int, str]]  # the coder's actor mentions: characters and code


def party_seen(trace: ArticleTrace, party: GoldParty | None, text: str, start: int, end: int) -> str:
    """Whether the coder's mentions hold a gold party told in the span: "seen" (a mention overlaps its
    words), "unseen" (none does), "elsewhere" (its words are not in the span: anaphora, inferred),
    "" (no party)."""
    if party is None or not party.text:
        return ""
    at = text.lower().find(party.text.lower(), start, end)
    if at < 0:
        return "elsewhere"
    stop = at + len(party.text)
    return "seen" if any(s < stop and at < e for s, e, _ in trace.parties) else "unseen"


def _code(party: Any) -> str:
    return str((party or {}).get("code") or "")


def _gold_code(party: GoldParty | None) -> str:
    return party.code if party else ""


def _reading(e: EventRecord, norm: Any) -> Reading:
    info = e["text_info"]
    start, end = norm.to_original(int(info["start"]), int(info["end"]))
    trigger = tuple(e.get("_trigger") or (start,))
    key = (trigger, e["event"], _code(e.get("actor")), _code(e.get("recipient")))
    return Reading(key, str(e["event"]), key[2], key[3], start, end, float(e.get("confidence") or 0.0),
                   str(e.get("_lemma") or ""))


def trigger_class(lexicon_trigger: Any, table: CameoTable) -> str:
    if lexicon_trigger.event:
        return str(lexicon_trigger.event)
    found = table.plover(lexicon_trigger.cameo)
    return found[0] if found else ""


def _sentences(doc: Any, norm: Any, lexicon: EventLexicon, table: CameoTable) -> list[Sentence]:
    out = []
    for sent in doc.sents:
        toks = list(sent)
        matches = lexicon.match([t.lemma_.lower() for t in toks], [t.lower_ for t in toks], [t.pos_ for t in toks],
                                offset=sent.start)
        start, end = norm.to_original(sent.start_char, sent.end_char)
        out.append(Sentence(start, end, tuple((t.lemma_.lower(), t.pos_) for t in toks),
                            tuple((" ".join(m.trigger.words), trigger_class(m.trigger, table)) for m in matches),
                            sent.text))
    return out


def trace_article(annotator: Any, article: Any, lexicon: EventLexicon, table: CameoTable) -> ArticleTrace:
    """The article's events after each kept step, and its sentences."""
    stage = annotator.language(article.language).get_pipe("chronique_events")
    assert isinstance(stage, EventCoder)
    recorded: list[list[tuple[str, list[EventRecord]]]] = []

    def kept(doc: Any, coded: list[Any]) -> list[Any]:
        steps = EventCoder.stages(stage, doc, coded)
        recorded.append(steps)
        return steps[-1][1]

    stage.kept = kept  # type: ignore[method-assign]  # this run only: every step's survivors
    try:
        doc, norm = annotator.annotate_doc(article)
    finally:
        del stage.kept
    steps = recorded[-1] if recorded else [("coded", [])]
    parties = [(*norm.to_original(int(a["start"]), int(a["end"])), str(a.get("code") or ""))
               for a in MentionIndex(doc, HEADS).actors if a.get("start") is not None]
    return ArticleTrace([(name, [_reading(e, norm) for e in events]) for name, events in steps],
                        _sentences(doc, norm, lexicon, table), parties)


def as_events(readings: Sequence[Reading]) -> list[Event]:
    """The kept readings as the scorer's events."""
    return [Event(id="", event=r.event, actor=EventActor(r.actor or None),
                  recipient=EventActor(r.recipient) if r.recipient else None, event_text="",
                  text_info=TextInfo(0, r.start, r.end)) for r in readings]


def gold_dict(g: GoldEvent) -> dict[str, Any]:
    def party(p: GoldParty | None) -> dict[str, str] | None:
        return None if p is None else {"code": p.code}

    return {"sentence_start": g.start, "sentence_end": g.end, "event": g.event,
            "actor": party(g.actor), "recipient": party(g.recipient)}


def _party_detail(gold: str, ours: list[str], other_gold: str, role: str) -> str:
    if not gold:
        return f"extra {role}"
    if not any(ours):
        return f"missing {role}" if role == "recipient" else "unresolved or missing actor"
    if other_gold and other_gold in ours:
        return "roles swapped"
    return f"wrong {role} code"


def cause(g: GoldEvent, trace: ArticleTrace) -> Cause:
    """The first failing stage of a gold event the kept events do not match."""
    if not any(s.start < g.end and g.start < s.end for s in trace.sentences):
        return Cause("a", "no sentence")
    coded = [r for r in trace.steps[0][1] if r.overlaps(g.start, g.end)]
    final_keys = {r.key for r in trace.steps[-1][1]}
    classes = set().union(*(s.trigger_classes for s in trace.sentences if s.start < g.end and g.start < s.end))
    if not coded:
        return Cause("b", "trigger, no event" if classes else "no trigger")
    actor, recipient = _gold_code(g.actor), _gold_code(g.recipient)
    right = [r for r in coded if (r.event, r.actor, r.recipient) == (g.event, actor, recipient)]
    if right:
        for name, events in trace.steps[1:]:
            if not {r.key for r in right} & {r.key for r in events}:
                return Cause("c", f"dropped by {name}")
        return Cause("c", "kept, taken by another gold event")
    dropped = not any(r.key in final_keys for r in coded)
    same_class = [r for r in coded if r.event == g.event]
    if not same_class:
        return Cause("d", "class trigger" if g.event in classes else "no class trigger", dropped)
    with_actor = [r for r in same_class if r.actor == actor]
    if not with_actor:
        return Cause("e", _party_detail(actor, [r.actor for r in same_class], recipient, "actor"), dropped)
    return Cause("f", _party_detail(recipient, [r.recipient for r in with_actor], actor, "recipient"), dropped)


def classify(golds: Sequence[GoldEvent], trace: ArticleTrace) -> tuple[list[Cause], list[Reading]]:
    """Each gold event's cause ("hit" when matched) and the kept events matched by no gold event."""
    kept = trace.steps[-1][1]
    events = as_events(kept)
    dicts = [gold_dict(g) for g in golds]
    _, _, pairs = match_article(dicts, events, co_parties=False)
    hit_ids = {id(g) for g, _ in pairs}
    used = {id(e) for _, e in pairs}
    causes = [Cause("hit", "") if id(d) in hit_ids else cause(g, trace) for g, d in zip(golds, dicts, strict=True)]
    spurious = [r for r, e in zip(kept, events, strict=True) if id(e) not in used]
    return causes, spurious


def ours_text(trace: ArticleTrace, start: int, end: int) -> str:
    """The coded readings of a span, each with the step that dropped it ("kept" when none did)."""
    out = []
    for r in trace.steps[0][1]:
        if r.overlaps(start, end):
            gone = next((name for name, events in trace.steps[1:] if r.key not in {e.key for e in events}), "kept")
            out.append(f"{r.event} {r.actor or '-'}>{r.recipient or '-'} {r.confidence:.2f} {r.lemma} ({gone})")
    return "; ".join(out)


def triggers_text(trace: ArticleTrace, start: int, end: int) -> str:
    """The lexicon triggers matched in a span's sentences that gave no event."""
    return "; ".join(f"[{w} {c}]" for s in trace.sentences if s.start < end and start < s.end for w, c in s.triggers)


def spurious_kind(r: Reading, golds: Sequence[GoldEvent]) -> str:
    here = [g for g in golds if r.overlaps(g.start, g.end)]
    if not here:
        return "no gold event in the sentence"
    if any(g.event == r.event for g in here):
        return "gold class, other parties"
    return "other gold class"


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    return "\n".join(lines + ["| " + " | ".join(str(v) for v in row) + " |" for row in rows])


def lemma_table(missed: Sequence[tuple[GoldEvent, Sentence]], sentences: Sequence[tuple[Sentence, bool]],
                known: frozenset[str]) -> str:
    """Content lemmas no trigger starts with, in the sentences of the misses no trigger of the gold
    class reached: how many misses hold each, how many sentences of the set hold it, and the share
    of those with a gold event."""
    per_lemma: Counter[str] = Counter()
    classes: dict[str, Counter[str]] = {}
    for g, s in missed:
        for lemma in {lem for lem, pos in s.words if pos in CONTENT_POS and lem not in known}:
            per_lemma[lemma] += 1
            classes.setdefault(lemma, Counter())[g.event] += 1
    seen: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for s, has_gold in sentences:
        for lemma in {lem for lem, pos in s.words if pos in CONTENT_POS}:
            seen[lemma] += 1
            gold[lemma] += has_gold
    rows = [(lemma, n, seen[lemma], f"{gold[lemma] / seen[lemma]:.2f}",
             ", ".join(f"{c} {k}" for c, k in ((c, k) for k, c in classes[lemma].most_common(3))))
            for lemma, n in per_lemma.most_common() if seen[lemma]][:LEMMA_ROWS]
    return _table(["lemma", "misses", "sentences", "with gold", "gold classes"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--set", default="fr-wikinews-train", help="a Wikinews-scheme folder under eval/train/events")
    parser.add_argument("--limit", type=int, default=0, help="the first N articles only")
    parser.add_argument("--min-confidence", type=float, default=PipelineOptions.min_confidence)
    parser.add_argument("--tsv", type=Path, help="one row per gold event and false positive, with its sentence "
                                                 "(under /tmp only: it holds article text)")
    parser.add_argument("--json", type=Path, help="the counts as JSON")
    args = parser.parse_args()
    if args.tsv and not str(args.tsv.resolve()).startswith("/tmp/"):
        parser.error("--tsv holds article text: write it under /tmp")
    items = read_wikinews(args.shared / "eval" / "train" / "events" / args.set)
    items = items[: args.limit] if args.limit else items
    annotator = Pipeline(PipelineOptions(coder="rules", stages=CANDIDATE_STAGES,
                                         min_confidence=args.min_confidence)).annotator
    table = load_cameo_table()
    lexicons: dict[str, EventLexicon] = {}
    causes: Counter[tuple[str, str]] = Counter()
    dropped: Counter[tuple[str, str]] = Counter()
    by_class: dict[str, Counter[str]] = {}
    spurious: Counter[tuple[str, str]] = Counter()
    no_trigger: list[tuple[GoldEvent, Sentence]] = []
    all_sentences: list[tuple[Sentence, bool]] = []
    wrong_codes: Counter[tuple[str, str, str]] = Counter()
    coverage: Counter[tuple[str, str, str]] = Counter()  # (stage, role, seen/unseen/elsewhere)
    unseen: Counter[str] = Counter()
    rows: list[str] = []
    for item in items:
        lang = item.article.language or "fr"
        lexicon = lexicons.setdefault(lang, load_event_lexicon(lang))
        trace = trace_article(annotator, item.article, lexicon, table)
        found, fps = classify(item.events, trace)
        all_sentences += [(s, any(s.start < g.end and g.start < s.end for g in item.events))
                          for s in trace.sentences]
        for g, c in zip(item.events, found, strict=True):
            causes[(c.stage, c.detail)] += 1
            dropped[(c.stage, c.detail)] += c.dropped
            by_class.setdefault(g.event, Counter())[c.stage] += 1
            sent = next((s for s in trace.sentences if s.start < g.end and g.start < s.end), None)
            parties = []
            for role, party in (("actor", g.actor), ("recipient", g.recipient)):
                seen = party_seen(trace, party, item.article.text, g.start, g.end)
                parties.append(f"{party.text if party else ''} ({seen or '-'})")
                if seen:
                    coverage[(c.stage, role, seen)] += 1
                if seen == "unseen" and party is not None and c.stage != "hit":
                    unseen[party.text.lower()] += 1
            if c.detail in ("no trigger", "no class trigger") and sent is not None:
                no_trigger += [(g, s) for s in trace.sentences if s.start < g.end and g.start < s.end]
            if c.detail in ("wrong actor code", "wrong recipient code"):
                role = "actor" if c.stage == "e" else "recipient"
                ours = [r for r in trace.steps[0][1] if r.overlaps(g.start, g.end) and r.event == g.event]
                gold_code = _gold_code(g.actor if role == "actor" else g.recipient)
                got = ours[0].actor if role == "actor" else ours[0].recipient if ours else ""
                wrong_codes[(role, gold_code, got)] += 1
            rows.append("\t".join([item.article.id, "gold", g.event, _gold_code(g.actor), _gold_code(g.recipient),
                                   c.stage, c.detail, str(c.dropped), " / ".join(parties),
                                   ours_text(trace, g.start, g.end) or triggers_text(trace, g.start, g.end),
                                   item.article.text[g.start:g.end].replace("\n", " ").replace("\t", " ")]))
        for r in fps:
            kind = spurious_kind(r, item.events)
            spurious[(r.event, kind)] += 1
            rows.append("\t".join([item.article.id, "false", r.event, r.actor, r.recipient, "fp", kind, "", "",
                                   f"{r.confidence:.2f} {r.lemma}",
                                   item.article.text[r.start:r.end].replace("\n", " ").replace("\t", " ")]))
    total = sum(causes.values())
    print(f"## {args.set}: {total} gold events, {len(items)} articles, floor {args.min_confidence}\n")
    print(_table(["stage", "detail", "events", "share", "never shown (dropped)"],
                 [(s, d, n, f"{n / total:.3f}", dropped[(s, d)] if s in "def" else "")
                  for (s, d), n in sorted(causes.items())]))
    stages = sorted({s for s, _ in causes})
    print("\n" + _table(["gold class", *stages, "total"],
                        [(k, *(v[s] for s in stages), sum(v.values())) for k, v in sorted(by_class.items())]))
    fp_kinds = sorted({k for _, k in spurious})
    fp_classes = sorted({e for e, _ in spurious})
    print(f"\nFalse positives: {sum(spurious.values())}\n")
    print(_table(["class", *fp_kinds, "total"],
                 [(e, *(spurious[(e, k)] for k in fp_kinds), sum(spurious[(e, k)] for k in fp_kinds))
                  for e in fp_classes]))
    print("\nWrong codes (role, gold, ours), the most frequent:\n")
    print(_table(["role", "gold", "ours", "events"], [(*k, n) for k, n in wrong_codes.most_common(20)]))
    cover_stages = sorted({s for s, _, _ in coverage})
    print("\nThe gold parties among the coder's mentions (seen / unseen / named elsewhere), per stage:\n")
    print(_table(["stage", *(f"{r} {k}" for r in ("actor", "recipient") for k in ("seen", "unseen", "elsewhere"))],
                 [(st, *(coverage[(st, r, k)] for r in ("actor", "recipient") for k in ("seen", "unseen", "elsewhere")))
                  for st in cover_stages]))
    print("\nGold parties of missed events that no mention covers, the most frequent:\n")
    print(_table(["party text", "events"], unseen.most_common(LEMMA_ROWS)))
    print("\nLemmas no trigger starts with, in the sentences of 'no trigger' and 'no class trigger' misses:\n")
    known = frozenset(t.words[0] for lex in lexicons.values() for t in lex.triggers)
    print(lemma_table(no_trigger, all_sentences, known))
    if args.tsv:
        args.tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    if args.json:
        summary = {"causes": {f"{s} {d}": n for (s, d), n in sorted(causes.items())},
                   "false_positives": {f"{e} / {k}": n for (e, k), n in sorted(spurious.items())}}
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
