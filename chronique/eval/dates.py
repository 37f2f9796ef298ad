"""Temporal expressions vs TimeML gold (TempEval-3 style), and the canonical example's dates.

TimeBank documents are scored with the recogniser + normaliser alone (``tag_text`` on the raw
TEXT of each .tml file, anchored on its document creation time): the spaCy pipeline adds nothing
to dates and would cost minutes. The DCT TIMEX3 is the anchor, never an output to find.

Measures as TempEval-3 reports them: strict and relaxed (overlap) span P/R/F1; value and type
accuracy over the relaxed matches; value F1 = relaxed F1 × value accuracy.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from chronique.errors import FormatError
from chronique.eval.registry import EvalContext, EvalResult, EvalTask
from chronique.eval.scoring import Counts, ScoredSpan, markdown_table, match_spans
from chronique.temporal import tag_text

EN_TBAQ = "eval/dev/dates/en-tbaq"
FR_TIMEBANK = "eval/dev/dates/fr-timebank"
SEED = "examples/fr-russia-belarus-iskander.txt"
SEED_PUBLISHED = "2022-06-26"


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDoc:
    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _flatten(elem: ET.Element, parts: list[str], found: list[GoldTimex]) -> None:
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        start = sum(len(p) for p in parts)
        _flatten(child, parts, found)
        if _local(child.tag) == "TIMEX3":
            end = sum(len(p) for p in parts)
            found.append(GoldTimex(start, end, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)


def read_timeml(path: Path) -> TimemlDoc:
    """The TEXT of a TimeML file as plain text, its TIMEX3 spans in it, and the DCT value."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise FormatError(f"expected TimeML XML, found a parse error: {exc}", where=str(path)) from exc
    text_elem = next((e for e in root.iter() if _local(e.tag) == "TEXT"), None)
    if text_elem is None:
        raise FormatError("expected a TEXT element, found none", where=str(path))
    dct = next((e.get("value") for e in root.iter() if _local(e.tag) == "TIMEX3"
                and e.get("functionInDocument") == "CREATION_TIME"), None)
    parts: list[str] = []
    found: list[GoldTimex] = []
    _flatten(text_elem, parts, found)
    return TimemlDoc(path.stem, "".join(parts), dct, tuple(found))


def timeml_files(folder: Path) -> list[Path]:
    """Every .tml file once: a document copied into two sub-folders counts once."""
    seen: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.tml")):
        seen.setdefault(path.name, path)
    return sorted(seen.values())


@dataclass
class Tally:
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value_ok: int = 0
    type_ok: int = 0
    gold: int = 0

    def metrics(self) -> dict[str, float]:
        value_acc = self.value_ok / self.relaxed.tp if self.relaxed.tp else 0.0
        type_acc = self.type_ok / self.relaxed.tp if self.relaxed.tp else 0.0
        return {
            **self.relaxed.metrics(),  # the headline columns: relaxed (overlap) span matching
            **self.strict.metrics("strict_"), **self.relaxed.metrics("relaxed_"),
            "value_accuracy": value_acc, "value_f1": self.relaxed.f1 * value_acc,
            "type_accuracy": type_acc, "type_f1": self.relaxed.f1 * type_acc,
        }


def score_timeml(folder: Path, lang: str, limit: int | None = None) -> tuple[Tally, Counter[str]]:
    """Score ``tag_text`` on every .tml file of ``folder``; the second value lists error kinds."""
    tally, errors = Tally(), Counter[str]()
    for path in timeml_files(folder)[:limit]:
        doc = read_timeml(path)
        gold = [ScoredSpan(t.start, t.end, f"{t.type}\t{t.value}") for t in doc.timexes]
        predicted = [ScoredSpan(t.start, t.end, f"{t.type}\t{t.value}")
                     for t in tag_text(doc.text, lang, doc.dct)]
        tally.strict = tally.strict + match_spans(gold, predicted, mode="strict").counts
        relaxed = match_spans(gold, predicted, mode="partial")
        tally.relaxed = tally.relaxed + relaxed.counts
        tally.gold += len(gold)
        for g, p in relaxed.pairs:
            g_type, g_value = g.label.split("\t")
            p_type, p_value = p.label.split("\t")
            tally.value_ok += g_value == p_value
            tally.type_ok += g_type == p_type
            if g_value != p_value:
                errors[f"value: {doc.text[g.start:g.end]!r} gold {g_value} got {p_value}"] += 1
        for g in relaxed.missed:
            errors[f"missed: {doc.text[g.start:g.end].lower()!r} ({g.label.split(chr(9))[0]})"] += 1
        for p in relaxed.spurious:
            errors[f"spurious: {doc.text[p.start:p.end].lower()!r}"] += 1
    return tally, errors


def _details(tally: Tally, errors: Counter[str], note: str) -> str:
    m = tally.metrics()
    rows: list[list[float | int | str | None]] = [
        ["strict span", m["strict_precision"], m["strict_recall"], m["strict_f1"]],
        ["relaxed span", m["relaxed_precision"], m["relaxed_recall"], m["relaxed_f1"]],
    ]
    table = markdown_table(["match", "precision", "recall", "F1"], rows)
    common = "\n".join(f"- {n} × {e}" for e, n in errors.most_common(15))
    return (f"{note}\n\n{table}\n\nValue accuracy {m['value_accuracy']:.3f} (value F1 {m['value_f1']:.3f}); "
            f"type accuracy {m['type_accuracy']:.3f}.\n\nMost frequent errors:\n{common}")


def _runner(rel: str, lang: str, baseline_value_f1: float, name: str) -> Callable[[EvalContext], EvalResult]:
    def run(ctx: EvalContext) -> EvalResult:
        tally, errors = score_timeml(ctx.shared / rel, lang, ctx.limit)
        note = ("Recogniser + normaliser on the raw TEXT of each document, anchored on its DCT "
                "(the DCT itself is not scored). `--limit N` scores the first N documents.")
        return EvalResult(task=name, dataset=rel, n=tally.gold, metrics=tally.metrics(),
                          details=_details(tally, errors, note), baseline={"value_f1": baseline_value_f1})

    return run


def run_seed(ctx: EvalContext) -> EvalResult:
    """The canonical example's dates (.expected.md "Dates"), through the whole pipeline."""
    text = (ctx.shared / SEED).read_text(encoding="utf-8")
    extraction = ctx.pipeline().extract(text, lang="fr", published=SEED_PUBLISHED)
    times = [(t.text.lower(), t.value or "") for t in extraction.times]
    checks = {
        "samedi → 2022-06-25": any("samedi" in s and v.startswith("2022-06-25") for s, v in times),
        "dimanche → 2022-06-26": any("dimanche" in s and v.startswith("2022-06-26") for s, v in times),
        "24 février 2022 → 2022-02-24": any("24 février" in s and v == "2022-02-24" for s, v in times),
        "no date from Su-25": not any("su-25" in s or s.strip() in ("25", "sa", "des") for s, _ in times),
    }
    passed = sum(checks.values())
    details = markdown_table(["check", "passed"], [[k, "yes" if v else "no"] for k, v in checks.items()])
    details += "\n\nTimes found: " + ", ".join(f"{s!r} → {v or 'None'}" for s, v in times)
    return EvalResult(task="dates/seed-example", dataset=SEED, n=len(checks),
                      metrics={"passed": passed / len(checks)}, details=details)


TASKS: tuple[EvalTask, ...] = (
    EvalTask("dates/en-tbaq", "TIMEX3 spans and values, English TimeBank + AQUAINT (TempEval-3 scoring)",
             (EN_TBAQ,), _runner(EN_TBAQ, "en", 0.776, "dates/en-tbaq")),
    EvalTask("dates/fr-timebank", "TIMEX3 spans and values, French TimeBank (TempEval-3 scoring)",
             (FR_TIMEBANK,), _runner(FR_TIMEBANK, "fr", 0.736, "dates/fr-timebank")),
    EvalTask("dates/seed-example", "The canonical example's dates (samedi, ce dimanche, 24 février 2022, Su-25)",
             (SEED,), run_seed),
)
