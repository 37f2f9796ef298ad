"""A batch job's pieces: a Parquet file of many row groups is cut into runs of row groups, whose
items (articles and rejections, with their sources, record numbers and positions) are exactly
those of the file read whole; other files, and Parquet files too small or unreadable, stay whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from chronique.errors import ChroniqueError, FormatError
from chronique.ingest.pieces import Piece, pieces_of, plan_parts
from chronique.ingest.sources import read_sources
from chronique.schema import Article


def wire(path: Path, rows: int, group_rows: int) -> Path:
    texts: list[str | None] = [f"Dispatch {i}: Norland and Ostria resumed talks on the border." for i in range(rows)]
    texts[4] = None  # a row without text: its own rejection, in its place
    texts[9] = "   "
    pq.write_table(pa.table({"text": texts, "lang": ["en"] * rows}), path, row_group_size=group_rows)
    return path


def described(items: list[tuple[int, Article | ChroniqueError]]) -> list[tuple[int, str, str | None, object]]:
    return [(n, type(x).__name__, x.source if isinstance(x, Article) else x.where,
             x.text if isinstance(x, Article) else x.record) for n, x in items]


def test_row_groups_read_apart_give_what_the_whole_file_gives(tmp_path: Path) -> None:
    path = wire(tmp_path / "wire.parquet", rows=23, group_rows=3)  # 8 row groups, the last of 2 rows
    pieces = pieces_of(0, str(path), rows_per_piece=7)
    assert [p.groups for p in pieces] == [(0, 2), (2, 4), (4, 6), (6, 8)]
    assert [p.first_item for p in pieces] == [0, 6, 12, 18]
    apart = [item for piece in pieces for item in piece.items()]
    whole = list(enumerate(read_sources([path])))
    assert described(apart) == described(whole)
    assert [x.record for _, x in apart if isinstance(x, ChroniqueError)] == [5, 10]
    assert len(apart) == 23


def test_a_group_larger_than_a_piece_is_a_piece_of_its_own(tmp_path: Path) -> None:
    path = wire(tmp_path / "big.parquet", rows=20, group_rows=8)
    assert [p.groups for p in pieces_of(3, str(path), rows_per_piece=5)] == [(0, 1), (1, 2), (2, 3)]
    assert {p.input for p in pieces_of(3, str(path), rows_per_piece=5)} == {3}


def test_small_unreadable_and_other_files_stay_whole(tmp_path: Path) -> None:
    small = wire(tmp_path / "small.parquet", rows=12, group_rows=3)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    text = tmp_path / "note.txt"
    text.write_text("Valdoria opened its border.\n", encoding="utf-8")
    assert pieces_of(0, str(small), rows_per_piece=12) == [Piece(0, str(small))]
    assert pieces_of(1, str(broken), rows_per_piece=1) == [Piece(1, str(broken))]
    assert pieces_of(2, str(text), rows_per_piece=1) == [Piece(2, str(text))]
    (error,) = [x for _, x in Piece(1, str(broken)).items()]
    assert isinstance(error, ChroniqueError) and isinstance(error, FormatError)


def test_a_forced_parquet_format_splits_a_file_without_the_extension(tmp_path: Path) -> None:
    path = wire(tmp_path / "wire.bin", rows=10, group_rows=2)
    assert len(pieces_of(0, str(path), "parquet", rows_per_piece=4)) == 3
    assert len(pieces_of(0, str(path), None, rows_per_piece=4)) == 1
    assert len(pieces_of(0, str(path), "jsonl", rows_per_piece=4)) == 1


def test_parts_keep_whole_files_together_and_give_each_piece_its_own(tmp_path: Path) -> None:
    names = []
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Note {i}: Ostria closed a crossing.\n", encoding="utf-8")
        names.append(str(tmp_path / f"{i}.txt"))
    names.insert(2, str(wire(tmp_path / "wire.parquet", rows=30, group_rows=10)))
    parts = plan_parts(names, files_per_part=2, rows_per_piece=10)
    assert [[(p.input, p.groups) for p in part] for part in parts] == [
        [(0, None), (1, None)], [(2, (0, 1))], [(2, (1, 2))], [(2, (2, 3))], [(3, None)]]
