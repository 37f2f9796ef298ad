"""Near-duplicate links at write time: each new article's LSH buckets are stored, and the articles
already stored (or new in the same batch) that share a bucket and pass the exact Jaccard are linked.

A pair is stored as (larger id, smaller id), so two copies give the same link whichever was stored
first, and a resumed run (whose articles are already stored) adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite

from chronique.dedup import NearDuplicateIndex, jaccard, shingles
from chronique.schema import Article
from chronique.store.tables import article_links, article_signatures, articles

Pair = tuple[str, str, float]
_CHUNK = 400  # (band, bucket) pairs per lookup: well under SQLite's bound-parameter limit

_index: NearDuplicateIndex | None = None


def _minhash() -> NearDuplicateIndex:
    """The MinHash parameters (fixed seeds: every process computes the same buckets)."""
    global _index
    if _index is None:
        _index = NearDuplicateIndex()
    return _index


def _bucket(rows: bytes) -> str:
    return hashlib.blake2b(rows, digest_size=8).hexdigest()  # candidates are confirmed exactly: 64 bits suffice


def _insert_ignoring(connection: Connection, table: Any) -> Any:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def link_articles(connection: Connection, new: Sequence[Article]) -> int:
    """Store the buckets of ``new`` (already inserted in ``articles``) and link their copies;
    return the number of links added."""
    index = _minhash()
    grams = {a.id: shingles(a.text) for a in new}
    keys = {aid: [(band, _bucket(rows)) for band, rows in index.band_keys(g)] for aid, g in grams.items() if g}
    if not keys:
        return 0
    connection.execute(_insert_ignoring(connection, article_signatures),
                       [{"article_id": aid, "band": b, "bucket": k} for aid, ks in keys.items() for b, k in ks])
    holders: dict[tuple[int, str], set[str]] = defaultdict(set)
    wanted = sorted({k for ks in keys.values() for k in ks})
    for i in range(0, len(wanted), _CHUNK):
        q = (select(article_signatures.c.band, article_signatures.c.bucket, article_signatures.c.article_id)
             .where(tuple_(article_signatures.c.band, article_signatures.c.bucket).in_(wanted[i:i + _CHUNK])))
        for band, bucket, aid in connection.execute(q):
            holders[(band, bucket)].add(aid)
    candidates = {aid: {o for k in ks for o in holders[k]} - {aid} for aid, ks in keys.items()}
    _load_shingles(connection, grams, {o for found in candidates.values() for o in found})
    pairs: dict[tuple[str, str], float] = {}
    for aid, found in candidates.items():
        for other in found:
            score = jaccard(grams[aid], grams[other])
            if score >= index.threshold:
                pairs[(max(aid, other), min(aid, other))] = score
    if pairs:
        connection.execute(_insert_ignoring(connection, article_links),
                           [{"article_id": a, "duplicate_of": b, "score": s} for (a, b), s in sorted(pairs.items())])
    return len(pairs)


def _load_shingles(connection: Connection, grams: dict[str, frozenset[int]], ids: Iterable[str]) -> None:
    """Shingle the stored text of the candidates not in the batch (the exact check needs it)."""
    missing = sorted(set(ids) - set(grams))
    for i in range(0, len(missing), _CHUNK):
        q = select(articles.c.id, articles.c.text).where(articles.c.id.in_(missing[i:i + _CHUNK]))
        for aid, text in connection.execute(q):
            grams[aid] = shingles(text)


def stored_pairs(connection: Connection, ids: Iterable[str] | None = None) -> list[Pair]:
    """Linked pairs as ``dedup.near_duplicates`` gives them: (smaller id, larger id, score), sorted;
    only pairs touching ``ids`` when given."""
    q = select(article_links.c.duplicate_of, article_links.c.article_id, article_links.c.score)
    if ids is None:
        return sorted((a, b, float(s)) for a, b, s in connection.execute(q))
    wanted = sorted(set(ids))
    found: set[Pair] = set()
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        for column in (article_links.c.article_id, article_links.c.duplicate_of):
            found.update((a, b, float(s)) for a, b, s in connection.execute(q.where(column.in_(chunk))))
    return sorted(found)
