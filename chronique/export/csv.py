"""Flat CSV: one row per record, the columns of ``flat.py`` (articles: the Article's own fields).

Empty cells are missing values; lists are joined by ";"; dates are YYYY-MM-DD. CAMEO codes are
written as they are ("020"): read them as text (pandas: ``dtype={"cameo": str}``).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import IO, Any

from chronique.export.flat import Column, csv_converter, csv_text
from chronique.schema import Article

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "title", "url", "source", "language", "published", "published_inferred", "text",
)


def write_rows(rows: Iterable[Any], handle: IO[str], columns: Iterable[Column] | Iterable[str],
               to_values: Callable[[Any], dict[str, Any]]) -> int:
    """Write a header then one line per record, as the records arrive."""
    plan = [(c, csv_text) if isinstance(c, str) else (c.name, csv_converter(c)) for c in columns]
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([name for name, _ in plan])
    count = 0
    for record in rows:
        values = to_values(record)
        writer.writerow([values.get(name) if convert is None else convert(values.get(name)) for name, convert in plan])
        count += 1
    return count


def article_values(article: Article) -> dict[str, Any]:
    return article.to_dict()
