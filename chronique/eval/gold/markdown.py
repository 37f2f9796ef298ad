"""Markdown tables of the team's acceptance references (``shared/examples/*.expected.md``).

``read_tables`` returns, for each ``##`` section, the rows of the first table under it as dicts
keyed by the header cells. Cell text is kept as written; interpreting it (codes, alternatives,
"(metonymy)" notes) is the job of the scorer that knows what the table means.
"""

from __future__ import annotations

from pathlib import Path

from chronique.errors import FormatError


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in body.split("|")]


def _is_rule(line: str) -> bool:
    return all(set(cell) <= set("-: ") and cell for cell in _cells(line))


def read_tables(text: str, *, where: str = "<markdown>") -> dict[str, list[dict[str, str]]]:
    """Section title (without the ``## ``) → rows of its first table."""
    tables: dict[str, list[dict[str, str]]] = {}
    section: str | None = None
    header: list[str] | None = None
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("## "):
            section, header = stripped[3:].strip(), None
            continue
        if section is None or (section in tables and header is None):
            continue
        if not stripped.startswith("|"):
            if header is not None:  # the table ended
                header = None
                if section in tables:
                    section = None
            continue
        if header is None:
            following = lines[number] if number < len(lines) else ""
            if not _is_rule(following):
                raise FormatError(f"expected a |---| rule under the table header, found {following!r}",
                                  where=where, record=number + 1)
            header = _cells(line)
            tables[section] = []
            continue
        if _is_rule(line):
            continue
        cells = _cells(line)
        if len(cells) != len(header):
            raise FormatError(f"expected {len(header)} cells, found {len(cells)}", where=where, record=number)
        tables[section].append(dict(zip(header, cells, strict=True)))
    return tables


def read_tables_file(path: Path) -> dict[str, list[dict[str, str]]]:
    return read_tables(path.read_text(encoding="utf-8"), where=str(path))
