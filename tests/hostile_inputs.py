"""The hostile-input corpus, generated on the fly (no committed blobs): malformed and adversarial
inputs, each written beside a good article of its own. Used by tests/test_ingest_hostile.py and
benchmarks/hostile.py (loaded by path there). No tests here.

A case is ``rejected`` (one failure row, whose code is given), ``kept`` (the article lands with
its text made valid: NUL, surrogates and control characters removed or replaced) or ``inert``
(what it holds is not expanded: whatever comes out is short).
"""

from __future__ import annotations

import io
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MiB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    file_name: bytes  # bytes: a name need not be valid UTF-8
    make: Callable[[Path], None]  # writes the hostile input at the given path
    outcome: str  # "rejected" | "kept" | "inert"
    code: str | None = None  # the failure code of a rejected case
    at_extraction: bool = False  # rejected by the pipeline (its readers let it through)

    def path(self, folder: Path) -> Path:
        return Path(os.fsdecode(os.path.join(os.fsencode(folder), self.file_name)))


def good_text(n: int) -> str:
    """A short report, different for each case (articles are their text's hash)."""
    return (f"Le ministre arménien de la Défense a reçu mardi à Erevan son homologue français, dossier {n}. "
            "Les deux pays ont signé un accord sur la livraison de radars.")


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _jsonl(*records: str) -> Callable[[Path], None]:
    """JSON lines written verbatim (so that they may hold what json.dumps would never write)."""
    return _bytes(("\n".join(records) + "\n").encode("utf-8", "surrogatepass"))


def _text(name: str) -> str:
    return json.dumps(f"Le gouvernement a publié un communiqué sur l'affaire {name} mardi à Lyon.")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as stream:
            stream.truncate(size)
            stream.seek(0)
            stream.write(b"Le texte commence ici. ")
    return make


def _gzip_member(*parts: bytes | tuple[bytes, int]) -> bytes:
    """One gzip member of the parts; (chunk, n) is the chunk n times, compressed as it streams."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = io.BytesIO()
    for part in parts:
        chunk, times = part if isinstance(part, tuple) else (part, 1)
        for _ in range(times):
            out.write(packer.compress(chunk))
    out.write(packer.flush())
    return out.getvalue()


def _warc_head(length: int, url: bytes) -> bytes:
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(length).encode() + b"\r\n\r\n")


def payload_bomb(size: int) -> Callable[[Path], None]:
    """A .warc.gz whose one HTML response expands to ``size`` bytes of zeros."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"

    def make(path: Path) -> None:
        path.write_bytes(_gzip_member(_warc_head(len(http) + size, b"http://bomb.example/"), http,
                                      (b"\0" * MiB, size // MiB), b"\r\n\r\n"))
    return make


def header_bomb(size: int) -> Callable[[Path], None]:
    """A .warc.gz whose record header has a line of ``size`` bytes and no end."""
    return lambda path: path.write_bytes(_gzip_member(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ",
                                                      (b"a" * MiB, size // MiB)))


def _warc_page(html: bytes) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://page.example/", "response", payload=io.BytesIO(html),
                                                  http_headers=headers))
    return buffer.getvalue()


def _truncated_warc(path: Path) -> None:
    page = b"<html><body><p>" + b"Un texte assez long pour former un article complet. " * 40 + b"</p></body></html>"
    data = _warc_page(page)
    path.write_bytes(data[: len(data) // 2])


_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha">'
           + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(8))
           + b']><rss version="2.0"><channel><title>t</title><item><title>x</title>'
           b"<description>&i;</description></item></channel></rss>")


CASES: tuple[Case, ...] = (
    Case("jsonl lone surrogate", b"surrogate.jsonl", _jsonl('{"text": "Le ministre \\ud800 a parl\\u00e9 mardi '
                                                                'devant la presse à Paris."}'), "kept"),
    Case("jsonl NUL and controls", b"nul.jsonl", _jsonl('{"text": "Le pr\\u00e9fet\\u0000 a '
                                                        'annonc\\u00e9\\u0007 mardi\\u001b[31m un plan pour Nantes.",'
                                                        ' "title": "Titre\\u0000"}'), "kept"),
    Case("jsonl nested 100,000 deep", b"deep.jsonl", _jsonl("[" * 100_000 + "]" * 100_000), "rejected",
         "BAD_FORMAT"),
    Case("jsonl 5,000-digit integer", b"bigint.jsonl", _jsonl('{"text": "x", "n": ' + "9" * 5000 + "}"),
         "rejected", "BAD_FORMAT"),
    Case("jsonl text that is not a string", b"number.jsonl", _jsonl('{"text": 12}'), "rejected", "BAD_FORMAT"),
    Case("jsonl unparseable date", b"date.jsonl", _jsonl('{"text": ' + _text("du port") + ', "published": '
                                                         '"December 9th 2016"}'), "kept"),
    Case("jsonl line over 10 MiB", b"long.jsonl", _jsonl('{"text": "' + "a" * (10 * MiB + 10) + '"}'),
         "rejected", "TOO_LARGE"),
    Case("file name not UTF-8", b"caf\xe9-\xff.txt", _bytes(json.loads(_text("du nom")).encode()), "kept"),
    Case("named pipe", b"pipe.txt", _fifo, "rejected", "INPUT_ERROR"),
    Case("text file over 10 MiB", b"huge.txt", _sparse(11 * MiB), "rejected", "TOO_LARGE"),
    Case("text over 1,000,000 characters", b"long.txt",
         _bytes(b"Le conseil a vot\xc3\xa9 la loi. " * 40_000), "rejected", "TOO_LARGE", at_extraction=True),
    Case("binary file named .html", b"image.html", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
         "rejected", "BINARY_INPUT"),
    Case("XML entity expansion in a feed", b"laughs.rss", _bytes(_LAUGHS), "inert"),
    Case("HTML nested 50,000 deep", b"nested.html",
         _bytes(b"<html><body>" + b"<div>" * 50_000 + b"Fin." + b"</div>" * 50_000 + b"</body></html>"),
         "rejected", "NO_TEXT"),
    Case("WARC payload bomb (64 MiB)", b"payload-bomb.warc.gz", payload_bomb(64 * MiB), "rejected", "TOO_LARGE"),
    Case("WARC header line bomb (16 MiB)", b"header-bomb.warc.gz", header_bomb(16 * MiB), "rejected",
         "TOO_LARGE"),
    Case("WARC cut in half", b"truncated.warc.gz", _truncated_warc, "rejected", "BAD_FORMAT"),
    Case("empty file", b"empty.txt", _bytes(b""), "rejected", "EMPTY_INPUT"),
)


def write_case(case: Case, folder: Path, number: int) -> tuple[Path, Path]:
    """The hostile input and its good neighbour, in ``folder``; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    hostile = case.path(folder)
    case.make(hostile)
    good = folder / f"good-{number:02d}.txt"
    good.write_text(good_text(number), encoding="utf-8")
    return hostile, good


def write_corpus(folder: Path, cases: tuple[Case, ...] = CASES) -> list[tuple[Case, Path, Path]]:
    """Every case in a folder of its own under ``folder``: (case, hostile path, good path)."""
    return [(case, *write_case(case, folder / f"case-{i:02d}", i)) for i, case in enumerate(cases)]
