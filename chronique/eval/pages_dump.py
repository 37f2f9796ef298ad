"""Every event chronique gives on the judged pages of one split, for judging by reading.

    python -m chronique.eval.pages_dump --split look --coder trained --out /tmp/look-trained.tsv

One tab-separated row per event: its key (``pages_judged.event_key``), the page, the current
verdict (true / false / "-" when not judged yet; a page with no political content makes every
event wrong), type, mode, modality, confidence, actor and recipient (text and code) and the
sentence. The rows hold page text, so the file belongs under /tmp, never in the project.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from chronique.eval.pages import PAGES, extract_pages
from chronique.eval.pages_judged import SPLITS, JudgedPage, event_key, load_judged_set
from chronique.eval.runner import default_shared
from chronique.schema import Event, EventActor, Extraction

COLUMNS = ("key", "page", "verdict", "event", "mode", "modality", "confidence", "actor", "actor_code",
           "recipient", "recipient_code", "sentence")


@dataclass(frozen=True)
class DumpRow:
    key: str
    page: str
    verdict: str  # "true", "false" or "-" (not judged)
    event: Event

    def cells(self) -> list[str]:
        e = self.event
        return [self.key, self.page, self.verdict, e.event, e.mode, e.modality, f"{e.confidence:.2f}",
                *_party(e.actor), *_party(e.recipient), " ".join(e.event_text.split())]


def _party(party: EventActor | None) -> tuple[str, str]:
    if party is None:
        return "", ""
    return party.entity_text or "", f"{party.code or ''}{party.sector or ''}"


def _verdict(page: JudgedPage, key: str) -> str:
    verdict = page.verdict(key) if page.political else False
    return "-" if verdict is None else str(verdict).lower()


def dump_rows(pages: Iterable[JudgedPage], found: dict[str, Extraction]) -> Iterator[DumpRow]:
    """The rows of the extracted pages, in page order; a page that gave no extraction gives none."""
    for page in pages:
        extraction = found.get(page.file)
        for event in extraction.events if extraction is not None else ():
            key = event_key(event)
            yield DumpRow(key, page.file, _verdict(page, key), event)


def write_dump(rows: Iterable[DumpRow], out: Path) -> int:
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        n = 0
        for row in rows:
            writer.writerow(row.cells())
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.eval.pages_dump", description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="look")
    parser.add_argument("--coder", default="rules", help="rules or trained")
    parser.add_argument("--weights", type=Path, default=None, help="the trained coder's weights file")
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (default: ../shared)")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="the rule coder's confidence floor (default: PipelineOptions'; 0: off)")
    parser.add_argument("--no-event-check", action="store_true", help="keep the events of no-act sentences")
    parser.add_argument("--political-only", action="store_true", help="skip pages with no political content")
    parser.add_argument("--out", type=Path, required=True, help="the TSV to write (under /tmp: it holds page text)")
    args = parser.parse_args(argv)
    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline

    shared = args.shared or default_shared()
    if not (shared / PAGES).is_dir():
        print(f"error: expected the judged pages, found no folder at {shared / PAGES}", file=sys.stderr)
        return 3
    pages = [p for p in load_judged_set().pages if p.split == args.split and (p.political or not args.political_only)]
    floor = PipelineOptions.min_confidence if args.min_confidence is None else args.min_confidence
    pipeline = Pipeline(PipelineOptions(coder=args.coder, coder_weights=args.weights, min_confidence=floor,
                                        event_check=not args.no_event_check))
    found, _ = extract_pages(pipeline, shared / PAGES, [shared / PAGES / p.file for p in pages])
    n = write_dump(dump_rows(pages, found), args.out)
    print(f"{n} events of {len(pages)} pages written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
