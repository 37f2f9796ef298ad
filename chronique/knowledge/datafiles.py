"""Reading the packaged knowledge files under chronique/knowledge/data (importlib.resources)."""

from __future__ import annotations

import csv
import io
from importlib import resources
from typing import Any

import yaml

from chronique.errors import KnowledgeError

DATA_PACKAGE = "chronique.knowledge.data"


def read_data_text(name: str) -> str:
    try:
        return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"expected the packaged data file {name}, found nothing", where=name) from exc


def read_data_yaml(name: str) -> Any:
    """A packaged YAML file, parsed; a syntax error names the file."""
    try:
        return yaml.safe_load(read_data_text(name))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"expected valid YAML: {exc}", where=name) from exc


def language_word_sets(name: str, lang: str, lists: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The word lists ``lists`` of ``lang`` in a packaged YAML keyed by language, lower-cased, in the
    order given; empty sets for a language the file lacks."""
    data = read_data_yaml(name)
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of languages", where=name)
    words = data.get(lang)
    if words is None:
        return tuple(frozenset() for _ in lists)
    if not isinstance(words, dict) or not all(isinstance(words.get(k), list) for k in lists):
        raise KnowledgeError(f"expected lists {', '.join(lists)}", where=f"{name}: {lang}")
    return tuple(frozenset(str(w).lower() for w in words[k]) for k in lists)


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged CSV as dicts (header = first row)."""
    return list(csv.DictReader(io.StringIO(read_data_text(name))))


def data_file_names() -> list[str]:
    return sorted(p.name for p in resources.files(DATA_PACKAGE).iterdir())


def split_forms(value: str | None) -> list[str]:
    """The ``|``-separated forms of one CSV cell."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]
