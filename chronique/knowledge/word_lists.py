"""Per-language word lists read into a typed record: ``data/<lang>/<file>.yaml`` holds a provenance
line (``source``) and a ``lists`` mapping with one entry per field of the record. A field whose
empty value is a frozenset takes a list of words; one whose empty value is a dict takes a mapping
of words to integers (number words). The languages' files merge: sets unite, mappings join."""

from __future__ import annotations

from dataclasses import fields
from importlib import resources
from typing import Any, TypeVar

import yaml

from chronique.errors import KnowledgeError

R = TypeVar("R")


def _words(name: str, words: Any, where: str) -> frozenset[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise KnowledgeError(f"expected '{name}' as a list of words (quoted strings), found {words!r}", where=where)
    return frozenset(w.strip().lower() for w in words)


def _numbers(name: str, words: Any, where: str) -> dict[str, int]:
    if not isinstance(words, dict) or not all(
            isinstance(w, str) and w.strip() and isinstance(v, int) and not isinstance(v, bool)
            for w, v in words.items()):
        raise KnowledgeError(f"expected '{name}' as a mapping of quoted words to integers, found {words!r}",
                             where=where)
    return {w.strip().lower(): v for w, v in words.items()}


def parse_word_lists(record: type[R], data: Any, where: str) -> R:
    """The lists of one parsed file as ``record``; every field of the record must be there."""
    if not isinstance(data, dict) or not data.get("source"):
        raise KnowledgeError("expected a mapping with a 'source' (provenance) field", where=where)
    lists = data.get("lists")
    if not isinstance(lists, dict):
        raise KnowledgeError(f"expected a 'lists' mapping, found {type(lists).__name__}", where=where)
    empty = record()
    names = [f.name for f in fields(empty)]  # type: ignore[arg-type]
    unknown = sorted(set(map(str, lists)) - set(names))
    if unknown:
        raise KnowledgeError(f"expected lists among {names}, found {unknown}", where=where)
    read = {name: (_numbers if isinstance(getattr(empty, name), dict) else _words)(name, lists.get(name), where)
            for name in names}
    return record(**read)


def merge_word_lists(first: R, second: R) -> R:
    """Two languages' records as one: the union of each set, the join of each mapping."""
    merged: dict[str, Any] = {}
    for f in fields(first):  # type: ignore[arg-type]
        a, b = getattr(first, f.name), getattr(second, f.name)
        merged[f.name] = {**a, **b} if isinstance(a, dict) else a | b
    return type(first)(**merged)


def load_word_lists(record: type[R], file_name: str, languages: tuple[str, ...]) -> R:
    """The packaged lists of ``languages`` in ``file_name``, merged in the order given."""
    merged = record()
    for lang in languages:
        where = f"data/{lang}/{file_name}"
        try:
            text = resources.files("chronique.knowledge").joinpath("data", lang, file_name).read_text(
                encoding="utf-8")
        except FileNotFoundError as exc:
            raise KnowledgeError(f"expected the {file_name} of {lang!r}, found no file", where=where) from exc
        try:
            merged = merge_word_lists(merged, parse_word_lists(record, yaml.safe_load(text), where))
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"expected valid YAML: {exc}", where=where) from exc
    return merged
