"""Arms-transfer rows for `chronique transfers`: from articles through the pipeline, or from the
store, optionally marked against a trade-register export."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from chronique.arms.register import CountryResolver, RegisterRow, actor_country_lookup, in_register, read_register
from chronique.export.flat import ArticleRef, TransferEntry
from chronique.knowledge.weapons import WeaponCatalogue
from chronique.schema import Extraction
from chronique.settings import Settings
from chronique.store.store import Store


def load_register(path: Path, catalogue: WeaponCatalogue) -> list[RegisterRow]:
    """A SIPRI trade-register CSV, its designations and countries read with the pipeline's catalogue."""
    return read_register(path, catalogue, CountryResolver(catalogue, actor_country_lookup()))


def transfer_rows(extractions: Iterable[Extraction], register: list[RegisterRow] | None) -> list[TransferEntry]:
    """One entry per transfer with its article (the flat transfer table's rows), marked when a
    register is given."""
    rows: list[TransferEntry] = []
    for extraction in extractions:
        a = extraction.article
        ref = ArticleRef(a.id, url=a.url, title=a.title, text=a.text)
        for transfer in extraction.transfers:
            found = in_register(transfer, register) if register is not None else None
            rows.append(TransferEntry(transfer, ref, found))
    return rows


def stored_transfer_rows(settings: Settings, register: list[RegisterRow] | None) -> list[TransferEntry]:
    """The transfers already in the store (``chronique ingest``), with their evidence."""
    with Store.open(settings) as store:
        extractions = [Extraction(article=article, transfers=tuple(found))
                       for article, found in store.iter_article_transfers()]
    return transfer_rows(extractions, register)
