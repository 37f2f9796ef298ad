"""Training examples: the rule coder's candidates on the training sets, labelled from their gold.

A candidate of a Wikinews-scheme article is labelled with the class of the gold event of its
sentence that has the same actor and recipient codes, else NONE (a wrong dyad is no event of the
text). A candidate of a plv-train sentence whose actor is the marked source takes the pair's class;
one of an m2e2 sentence whose trigger is an ACE trigger takes the mapped PLOVER class. Other
candidates of those two sets have no label (the sentences may hold events that were not marked).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from chronique.annotations.records import EventParty, EventRecord
from chronique.coding.alternatives import readings
from chronique.coding.features import feature_rows
from chronique.coding.mentions import MentionIndex
from chronique.coding.open_triggers import open_readings
from chronique.coding.trained import NO_EVENT, is_own, trigger_key
from chronique.coding.unlisted import SectorHeads, load_sector_heads
from chronique.coding.vector_clusters import Clusters
from chronique.errors import InputError
from chronique.nlp.pipeline import Annotator
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.schema import Article
from chronique.train.readers import (
    YIELD,
    YIELD_TYPES,
    AceSentence,
    GoldArticle,
    GoldEvent,
    PairRecord,
    read_m2e2,
    read_plv,
    read_wikinews,
)

CANDIDATE_STAGES = ("actors", "places", "times", "weapons", "events")
WIKINEWS_SETS = ("fr-wikinews-train", "en-wikinews-train")
PLV = "plv-train/PLV_train.tsv"
M2E2 = "m2e2-voa/sentences.jsonl"
UNDATED = "2018-01-01"  # sentence sets carry no date; relative dates do not matter to the class


@dataclass(frozen=True)
class Candidate:
    features: tuple[str, ...]
    label: str  # a PLOVER class, NONE, or "" (unlabelled: not trained on)
    group: str  # the article or sentence it comes from (cross-validation folds keep groups whole)
    corpus: str
    event: str  # the rules' class
    actor: str  # the rules' actor and recipient codes
    recipient: str
    start: int  # its sentence, in the article's own offsets
    end: int
    sequence: int
    confidence: float
    trigger: tuple[int, ...] = ()  # sentence number and trigger offsets: the readings of one act
    own: bool = True  # the rules' own reading (not another party of the sentence)
    marked: bool = False  # plv-train: its actor is the pair's marked source


@dataclass(frozen=True)
class TrainingSet:
    candidates: tuple[Candidate, ...]
    gold: dict[str, tuple[GoldEvent, ...]]  # Wikinews-scheme gold per article id (scored by CV)
    pairs: dict[str, PairRecord]  # plv-train pair per group
    data_version: str  # sha256 of the training files read


def data_files(folder: Path) -> list[Path]:
    """The training files under ``folder`` (the layout of ../shared/eval/train/events)."""
    files = [folder / PLV, folder / M2E2]
    for name in WIKINEWS_SETS:
        files += [folder / name / "articles.jsonl", folder / name / "events.json"]
    return [f for f in files if f.exists()]


def data_version(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for f in sorted(files):
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return "sha256:" + digest.hexdigest()[:16]


def _code(party: EventParty | None) -> str:
    return str((party or {}).get("code") or "")


@dataclass(frozen=True)
class Proposer:
    """How candidates are proposed: the parser, the unlisted-party heads, open candidates or not,
    and the trigger vector clusters."""

    annotator: Annotator
    heads: SectorHeads
    open: bool = True
    clusters: Clusters | None = None


def _candidates(proposer: Proposer, article: Article, corpus: str) -> Iterator[tuple[Candidate, EventRecord]]:
    doc, norm = proposer.annotator.annotate_doc(article)
    rule_events = list(doc._.ch_events or [])
    index = MentionIndex(doc, proposer.heads)
    events = readings(doc, rule_events, index)
    if proposer.open:
        events += open_readings(doc, index, {int(e["_trigger"][0]) for e in rule_events})
    rows = feature_rows(doc, events, clusters=proposer.clusters)
    for e, feats in zip(events, rows, strict=True):
        start, end = norm.to_original(int(e["text_info"]["start"]), int(e["text_info"]["end"]))
        cand = Candidate(tuple(feats), "", article.id, corpus, str(e["event"]),
                         _code(e.get("actor")), _code(e.get("recipient")), start, end,
                         int(e["text_info"]["sequence"]), float(e.get("confidence") or 0.0),
                         trigger_key(e), is_own(e))
        yield cand, e


def _wikinews_label(cand: Candidate, gold: tuple[GoldEvent, ...]) -> str:
    same = [g for g in gold if g.start < cand.end and cand.start < g.end
            and (g.actor.code if g.actor else "") == cand.actor
            and (g.recipient.code if g.recipient else "") == cand.recipient]
    if not same:
        return NO_EVENT
    return next((g.event for g in same if g.event == cand.event), same[0].event)


def _overlaps_text(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return bool(a) and bool(b) and (a in b or b in a)


def _plv_label(cand: Candidate, e: EventRecord, pair: PairRecord) -> Candidate:
    """The pair's class for a reading from the marked source to the marked target (or to no one)."""
    actor_text = str((e.get("actor") or {}).get("entity_text") or "")
    recipient = e.get("recipient")
    to_target = recipient is None or _overlaps_text(str(recipient.get("entity_text") or ""), pair.target)
    if not _overlaps_text(actor_text, pair.source) or not to_target:
        return cand
    label = pair.label
    if label == YIELD:  # PLOVER 2021's YIELD is either of chronique's two classes
        label = cand.event if cand.event in YIELD_TYPES else ""
    return _label(cand, label, marked=True)


def _m2e2_label(e: EventRecord, sentence: AceSentence) -> str:
    """The mapped class of the ACE trigger the reading's trigger is, for the rules' own parties only
    (ACE arguments are not PLOVER parties); of an open candidate, for its first reading only (its
    nearest party, no recipient)."""
    first_open = bool(e.get("_open")) and e.get("recipient") is None and e.get("_first", False)
    if not is_own(e) and not first_open:
        return ""
    first, last = (e.get("_trigger") or [0, 0])[:2]
    hits = [t.plover for t in sentence.triggers if t.plover and t.start < last and first < t.end]
    return hits[0] if hits else ""


TOLD = frozenset({"mod:asserted", "mod:reported"})  # an act told as done, by the text or by a source


def _label(cand: Candidate, label: str, *, marked: bool = False) -> Candidate:
    """The candidate with its label; an act the text does not tell as done (future, conditional,
    negated, requested) is no event, whatever class its trigger has in the source's scheme (ACE and
    PLOVER pairs mark such acts too): chronique codes what happened, so the model learns to drop them."""
    if label and label != NO_EVENT and not TOLD.intersection(cand.features):
        label = NO_EVENT
    return Candidate(cand.features, label, cand.group, cand.corpus, cand.event, cand.actor, cand.recipient,
                     cand.start, cand.end, cand.sequence, cand.confidence, cand.trigger, cand.own, marked)


@dataclass(frozen=True)
class _Sets:
    """Every training file, read (and so checked) before the slow annotation starts."""

    wikinews: dict[str, list[GoldArticle]]
    pairs: list[PairRecord]
    ace: list[AceSentence]


def _read_all(folder: Path) -> _Sets:
    wikinews = {name: read_wikinews(folder / name) for name in WIKINEWS_SETS if (folder / name).exists()}
    pairs = read_plv(folder / PLV) if (folder / PLV).exists() else []
    ace = [s for s in read_m2e2(folder / M2E2) if any(t.plover for t in s.triggers)] if (folder / M2E2).exists() \
        else []
    return _Sets(wikinews, pairs, ace)


def read_training_files(folder: Path) -> tuple[list[Path], _Sets]:
    """Every training file under ``folder``, read and checked (FormatError naming the file and line)
    before any slow work."""
    files = data_files(folder)
    if not files:
        raise InputError(f"expected training files ({PLV}, {M2E2}, <set>/articles.jsonl + events.json), found none",
                         where=str(folder))
    return files, _read_all(folder)


def build_training_set(folder: Path, progress: Callable[[str, int, int], None] | None = None, *,
                       open_candidates: bool = True, clusters: Clusters | None = None) -> TrainingSet:
    """Run the rule coder over every training set under ``folder`` and label its candidates (and
    the other readings of each)."""
    files, sets = read_training_files(folder)
    annotator = Pipeline(PipelineOptions(coder="rules", stages=CANDIDATE_STAGES)).annotator
    proposer = Proposer(annotator, load_sector_heads(), open_candidates, clusters)
    out: list[Candidate] = []
    for name, articles in sets.wikinews.items():
        for n, item in enumerate(articles, start=1):
            found = _candidates(proposer, item.article, name)
            out += [_label(c, _wikinews_label(c, item.events)) for c, _ in found]
            _tick(progress, name, n, len(articles))
    for n, rec in enumerate(sets.pairs, start=1):
        article = Article(id=rec.where, text=rec.text, language="en", published=UNDATED, source=rec.where)
        out += [_plv_label(c, e, rec) for c, e in _candidates(proposer, article, "plv-train")]
        _tick(progress, "plv-train", n, len(sets.pairs))
    for n, sent in enumerate(sets.ace, start=1):
        article = Article(id=sent.where, text=sent.text, language="en", published=UNDATED, source=sent.where)
        out += [_label(c, _m2e2_label(e, sent)) for c, e in _candidates(proposer, article, "m2e2-voa")]
        _tick(progress, "m2e2-voa", n, len(sets.ace))
    gold = {item.article.id: item.events for articles in sets.wikinews.values() for item in articles}
    return TrainingSet(tuple(out), gold, {rec.where: rec for rec in sets.pairs}, data_version(files))


def _tick(progress: Callable[[str, int, int], None] | None, name: str, n: int, total: int) -> None:
    if progress is not None and (n == total or n % 50 == 0):
        progress(name, n, total)
