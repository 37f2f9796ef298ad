"""Export speed: the flat CSV and Parquet tables, JSONL and PLOVER, over synthetic events.

The events are built here (one fictional sentence, dates spread over a month), so the run needs
no store and no model. Each format is written ``--repeat`` times to a temporary file and the
best time kept. Results go to stdout and, with --write, into docs/performance.md.

    .venv/bin/python benchmarks/export.py --events 50000 --write docs/performance.md
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import write_section

from chronique.export import FORMATS, write
from chronique.schema import Event, EventActor, EventLocation, TextInfo

SECTION = "export-speed"
SENTENCE = "Ardenia signed a harbour treaty with Borovia in Vellmar."


def event(i: int) -> Event:
    return Event(
        id=f"ev{i:08d}", event="AGREE", date=f"2031-03-{1 + i % 28:02d}", date_precision="day",
        actor=EventActor(code="ARD", sector="GOV", entity_text="Ardenia", start=0, end=7),
        recipient=EventActor(code="BOR", entity_text="Borovia", start=37, end=44), context=("diplomatic",),
        quad_code=1, cameo="057", event_text=SENTENCE, text_info=TextInfo(1, 0, len(SENTENCE)),
        event_loc=EventLocation(extracted_place="Vellmar", resolved_place="Vellmar", geonameid=101, lat=48.0,
                                lon=10.0, country_code="ARD", resolution=4),
        confidence=0.8, coder="benchmark", sources=(f"{i:064x}",),
    )


def measure(events: list[Event], repeat: int) -> dict[str, tuple[float, int]]:
    """Best seconds and file size per format."""
    out: dict[str, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            path = os.path.join(folder, f"events.{fmt}")
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                write(fmt, events, path)
                times.append(time.perf_counter() - started)
            out[fmt] = (min(times), os.path.getsize(path))
    return out


def section(results: dict[str, tuple[float, int]], n: int) -> str:
    lines = [f"<!-- {SECTION} -->", "## Exports", "",
             f"`benchmarks/export.py --events {n}`: {n:,} synthetic events written by `chronique.export.write`, "
             f"best of the runs; {platform.machine()}, Python {platform.python_version()}, "
             f"{time.strftime('%Y-%m-%d')}, a 2-core machine shared with other work.", "",
             "| format | seconds | events/s | file |", "|---|---|---|---|"]
    for fmt, (seconds, size) in results.items():
        lines.append(f"| {fmt} | {seconds:.2f} | {n / seconds:,.0f} | {size / 1e6:.1f} MB |")
    lines.append(f"<!-- /{SECTION} -->")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    text = section(measure([event(i) for i in range(args.events)], args.repeat), args.events)
    print(text)
    if args.write:
        write_section(args.write, text, SECTION)


if __name__ == "__main__":
    main()
