"""``places/judged-pages``: the places chronique lists on real web pages, against toponyms judged
by reading the pages.

The pages are those of the judged set (../shared/eval/dev/pages, the same look and measure
splits as ``pages_judged.yaml``); the judgements live in ``places_judged.yaml`` beside this module
(surfaces and points, never page text). Per split: precision of the listed places (a place
overlapping a judged toponym is right, one overlapping a span judged no place is wrong, any other
is counted apart as not judged), recall of the toponyms of the main text, Acc@161 of those
recognised and end to end (a toponym recognised and resolved within 161 km of its point).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from chronique.errors import KnowledgeError
from chronique.eval.pages import PAGES, extract_pages
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import accuracy, markdown_table
from chronique.knowledge.gazetteer import distance_km
from chronique.schema import Place

JUDGED_FILE = "places_judged.yaml"
SPLITS = ("look", "measure")
ACC_KM = 161.0


@dataclass(frozen=True)
class Surface:
    """A surface of the page (every whole-word occurrence, or only the 1-based ``occurrences``)."""

    text: str
    occurrences: tuple[int, ...] = ()

    def spans(self, page_text: str) -> list[tuple[int, int]]:
        found = [(m.start(), m.end()) for m in
                 re.finditer(rf"(?<!\w){re.escape(self.text)}(?!\w)", page_text)]
        return [s for i, s in enumerate(found, 1) if not self.occurrences or i in self.occurrences]


@dataclass(frozen=True)
class Toponym:
    surface: Surface
    lat: float
    lon: float


@dataclass(frozen=True)
class JudgedPlaces:
    file: str
    split: str
    toponyms: tuple[Toponym, ...]
    not_places: tuple[Surface, ...] = ()
    skip: tuple[Surface, ...] = ()


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str
    lat: float
    lon: float


def _occurrences(value: Any, where: str) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(isinstance(v, int) and v > 0 for v in value):
        raise KnowledgeError(f"expected a list of occurrence numbers (1, 2…), found {value!r}", where=where)
    return tuple(value)


def _surface(item: Any, where: str) -> Surface:
    if not isinstance(item, list) or not item or not isinstance(item[0], str) or len(item) > 2:
        raise KnowledgeError(f"expected [surface] or [surface, [occurrences]], found {item!r}", where=where)
    return Surface(item[0], _occurrences(item[1], where) if len(item) == 2 else ())


def _toponym(item: Any, where: str) -> Toponym:
    ok = (isinstance(item, list) and len(item) in (3, 4) and isinstance(item[0], str)
          and all(isinstance(v, (int, float)) for v in item[1:3]))
    if not ok:
        raise KnowledgeError(f"expected [surface, lat, lon] or [surface, lat, lon, [occurrences]], found {item!r}",
                             where=where)
    occurrences = _occurrences(item[3], where) if len(item) == 4 else ()
    return Toponym(Surface(item[0], occurrences), float(item[1]), float(item[2]))


def _page(item: Any, where: str) -> JudgedPlaces:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str) or item.get("split") not in SPLITS:
        raise KnowledgeError(f"expected a page with a file and a split in {SPLITS}, found {item!r}", where=where)
    where = f"{where}: {item['file']}"
    return JudgedPlaces(item["file"], item["split"],
                        tuple(_toponym(t, where) for t in item.get("toponyms") or ()),
                        tuple(_surface(s, where) for s in item.get("not_places") or ()),
                        tuple(_surface(s, where) for s in item.get("skip") or ()))


def parse_judged_places(data: Any, where: str = JUDGED_FILE) -> tuple[JudgedPlaces, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
        raise KnowledgeError("expected a mapping with a 'pages' list", where=where)
    pages = tuple(_page(p, where) for p in data["pages"])
    seen = Counter(p.file for p in pages)
    twice = sorted(f for f, n in seen.items() if n > 1)
    if twice:
        raise KnowledgeError(f"pages judged twice: {', '.join(twice)}", where=where)
    return pages


def load_judged_places() -> tuple[JudgedPlaces, ...]:
    text = resources.files("chronique.eval").joinpath(JUDGED_FILE).read_text(encoding="utf-8")
    return parse_judged_places(yaml.safe_load(text))


def _inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in others)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def gold_spans(page: JudgedPlaces, text: str) -> tuple[list[GoldSpan], list[tuple[int, int]], list[tuple[int, int]]]:
    """The page's toponym spans (none inside a "not_places" or "skip" span or a longer toponym), its
    "not_places" spans and its "skip" spans."""
    no = [s for surface in page.not_places for s in surface.spans(text)]
    skip = [s for surface in page.skip for s in surface.spans(text)]
    found = [GoldSpan(s, e, t.surface.text, t.lat, t.lon) for t in page.toponyms for s, e in t.surface.spans(text)
             if not _inside((s, e), no + skip)]
    # "Kansas" inside "Kansas City": the longer toponym is the one meant
    spans = [(g.start, g.end) for g in found]
    gold = [g for g in found if not any(s <= g.start and g.end <= e and (s, e) != (g.start, g.end) for s, e in spans)]
    return sorted(gold, key=lambda g: g.start), no, skip


@dataclass
class PlacesScore:
    right: int = 0  # listed places overlapping a toponym
    wrong: int = 0  # listed places overlapping a span judged no place (not_places)
    unjudged: int = 0
    gold: int = 0
    recognised: int = 0
    within: int = 0
    pages: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    misplaced: Counter[str] = field(default_factory=Counter)
    unjudged_texts: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return accuracy(self.right, self.right + self.wrong)

    @property
    def recall(self) -> float:
        return accuracy(self.recognised, self.gold)


def score_page(score: PlacesScore, page: JudgedPlaces, text: str, places: tuple[Place, ...]) -> None:
    gold, no, skip = gold_spans(page, text)
    score.pages += 1
    golds = [(g.start, g.end) for g in gold]
    for place in places:
        if _overlaps(place.start, place.end, golds):
            score.right += 1
        elif _overlaps(place.start, place.end, no):
            score.wrong += 1
            score.spurious[place.text] += 1
        elif not _overlaps(place.start, place.end, skip):
            score.unjudged += 1
            score.unjudged_texts[f"{page.file}: {place.text}"] += 1
    for g in gold:
        score.gold += 1
        found = [p for p in places if p.start < g.end and g.start < p.end]
        if not found:
            score.missed[g.text] += 1
            continue
        score.recognised += 1
        near = [p for p in found if p.lat is not None and p.lon is not None
                and distance_km(g.lat, g.lon, p.lat, p.lon) <= ACC_KM]
        if near:
            score.within += 1
        else:
            score.misplaced[f"{g.text} → {found[0].name or 'unresolved'}"] += 1


def score_split(ctx: EvalContext, judged: tuple[JudgedPlaces, ...], split: str) -> PlacesScore:
    root = ctx.shared / PAGES
    pages = [p for p in judged if p.split == split][: ctx.limit]
    found, _ = extract_pages(ctx.pipeline_with(("actors", "places")), root, [root / p.file for p in pages])
    score = PlacesScore()
    for page in pages:
        extraction = found.get(page.file)
        if extraction is not None:
            score_page(score, page, extraction.article.text, extraction.places)
    return score


def _rows(name: str, s: PlacesScore) -> list[list[float | int | str | None]]:
    return [
        [name, "precision of listed places", f"{s.right}/{s.right + s.wrong}", s.precision,
         f"not judged: {s.unjudged}"],
        [name, "toponyms recognised", f"{s.recognised}/{s.gold}", s.recall, f"{s.pages} pages"],
        [name, "Acc@161 of those recognised", f"{s.within}/{s.recognised}", accuracy(s.within, s.recognised), ""],
        [name, "Acc@161 end to end", f"{s.within}/{s.gold}", accuracy(s.within, s.gold), ""],
    ]


def _common(counter: Counter[str]) -> str:
    return ", ".join(f"{k} ({v})" for k, v in counter.most_common(20)) or "none"


def run_judged_places(ctx: EvalContext) -> EvalResult:
    judged = load_judged_places()
    splits = {split: score_split(ctx, judged, split) for split in SPLITS if any(p.split == split for p in judged)}
    rows = [row for split, s in splits.items() for row in _rows(split, s)]
    parts = [
        "Places judged by reading real pages of ../shared/eval/dev/pages (judgements in "
        "chronique/eval/places_judged.yaml: toponyms of the main text with their points, and spans judged "
        "no place). The look split was read to find error classes and write rules, so its figures are no "
        "result; the measure split is only scored.",
        markdown_table(["split", "figure", "count", "share", "notes"], rows),
    ]
    for split, s in splits.items():
        parts += [f"{split}: most missed: {_common(s.missed)}",
                  f"{split}: listed but no place: {_common(s.spurious)}",
                  f"{split}: recognised, resolved over {ACC_KM:.0f} km or not at all: {_common(s.misplaced)}"]
        if s.unjudged_texts:
            parts.append(f"{split}: listed and not judged: {_common(s.unjudged_texts)}")
    headline = splits.get("measure") or splits.get("look") or PlacesScore()
    metrics = {"precision": headline.precision, "recall": headline.recall,
               "acc161_recognised": accuracy(headline.within, headline.recognised),
               "acc161_end_to_end": accuracy(headline.within, headline.gold),
               "unjudged": float(headline.unjudged)}
    if "look" in splits and "measure" in splits:
        look = splits["look"]
        metrics |= {"look_precision": look.precision, "look_recall": look.recall,
                    "look_acc161_end_to_end": accuracy(look.within, look.gold)}
    return EvalResult(task="places/judged-pages", dataset=PAGES, n=headline.gold, metrics=metrics,
                      details="\n\n".join(parts))


TASKS: tuple[EvalTask, ...] = (
    EvalTask("places/judged-pages", "places on real web pages judged by reading: precision, toponyms recognised, "
             "Acc@161", (PAGES,), run_judged_places),
)

