"""What every command shares: option checks whose errors list the valid values (usage errors,
exit 2), readable placeholders in help, --version, the guard that keeps read commands from
creating a database, and '-' for standard input."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TextIO, get_args

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from chronique.errors import ChroniqueError, InputError, StoreError
from chronique.options import PipelineOptions
from chronique.schema import Article

STDIN = "-"
STDIN_NAME = "<stdin>"
LANGUAGES = ("fr", "en", "auto")

# Placeholders by option name; others by value type. Flags show none (not "<bool>").
PLACEHOLDERS = {
    "db": "URL", "since": "DATE", "until": "DATE", "published": "DATE", "actor": "CODE", "recipient": "CODE",
    "event_type": "TYPE", "cameo": "CODE", "country": "CODE", "place": "NAME", "text": "QUERY", "lang": "LANG",
    "output": "FILE", "actors": "FILE", "check": "FILE", "code": "CODE", "input_format": "READER",
    "write": "FILE", "batch_size": "N", "limit": "N",
}
TYPE_PLACEHOLDERS = {"str": "TEXT", "int": "N", "float": "NUMBER", "Path": "PATH"}


def _placeholder(param: TyperOption) -> str | None:
    """The name shown after an option in help: PLACEHOLDERS, else its value type's; None keeps
    Typer's own (the choices of an enum)."""
    if param.is_flag:
        return ""
    desc = param.type_descriptor
    if desc.is_choice:
        return None
    if param.name in PLACEHOLDERS:
        return PLACEHOLDERS[param.name]
    annotation = get_args(desc.annotation)[0] if desc.is_list else desc.annotation
    return TYPE_PLACEHOLDERS.get(getattr(annotation, "__name__", ""), "VALUE")


def _no_type(ctx: Any) -> None:
    return None


def _label(command: Any) -> None:
    for param in command.params:
        if isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = _placeholder(param)
        elif isinstance(param, TyperArgument) and param.metavar is None and param.name:
            param.metavar = param.name.upper()
            # the name says it (FILES, SOURCES); Typer would add the Python type ("<list[Path]>")
            param.display_type_rich = _no_type  # type: ignore[method-assign]
    for sub in getattr(command, "commands", {}).values():
        _label(sub)


class ReadableGroup(TyperGroup):
    """The command group whose help shows DATE, URL, FILE… rather than Python type names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label(self)


def check_date(value: str | None) -> str | None:
    """Option callback: a YYYY-MM-DD day."""
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD (e.g. 2022-06-26), found {value!r}") from None
    if len(value) != 10:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD (e.g. 2022-06-26), found {value!r}")
    return value


def check_lang(value: str) -> str:
    """Option callback: a supported language or auto."""
    if value not in LANGUAGES:
        raise typer.BadParameter(f"expected one of {', '.join(LANGUAGES)}, found {value!r}")
    return value


def check_event_type(value: str | None) -> str | None:
    """Option callback: a PLOVER event type, any case."""
    from chronique.knowledge.cameo import PLOVER_TYPES

    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise typer.BadParameter(f"expected a PLOVER event type, one of {', '.join(PLOVER_TYPES)}; found {value!r}")
    return value.upper()


def check_cameo(value: str | None) -> str | None:
    """Option callback: a CAMEO code or prefix, 2 to 4 digits (leading zeros kept)."""
    if value is not None and not (value.isdigit() and 2 <= len(value) <= 4):
        raise typer.BadParameter(f"expected a CAMEO code or prefix of 2 to 4 digits (e.g. 03, 0332), found {value!r}")
    return value


def check_reader(value: str | None) -> str | None:
    """Option callback: a reader's name, built-in or plug-in (the entry-point group chronique.readers)."""
    from chronique.ingest.registry import load_readers

    if value is None:
        return None
    try:
        load_readers().get(value)
    except ChroniqueError as error:
        raise typer.BadParameter(error.message) from None
    return value


LangOption = Annotated[str, typer.Option("--lang", help="fr, en or auto (detect per article).", callback=check_lang)]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date YYYY-MM-DD for inputs whose source has none.", callback=check_date)]
RelevanceGateOption = Annotated[bool, typer.Option(
    "--relevance-gate/--all-events", help="Give no events for articles with no political or security content "
    "(the default), or keep every event the coder finds.")]
MinConfidenceOption = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Drop the rule coder's events it rates below this confidence "
    "(default 0.5; 0 keeps all; see docs/accuracy.md).")]
DEFAULT_MIN_CONFIDENCE = PipelineOptions.min_confidence
EventCheckOption = Annotated[bool, typer.Option(
    "--event-check/--no-event-check", help="Drop the rule coder's events of sentences that tell no act of the "
    "report's own: quoted words, first or second person, a modal verb; and events whose party is a pronoun "
    "the text does not resolve (the default; see docs/accuracy.md).")]
DEFAULT_EVENT_CHECK = PipelineOptions.event_check
ReaderOption = Annotated[str | None, typer.Option(
    "--input-format", help="Force a reader (text, html, feed, warc, jsonl, or a plug-in's).", callback=check_reader)]


def show_version(value: bool) -> None:
    """Eager --version callback."""
    if value:
        from chronique import __version__

        typer.echo(f"chronique {__version__}")
        raise typer.Exit()


def require_database(db: str | None) -> None:
    """A read command's database must exist: an SQLite file is never created by reading it."""
    from sqlalchemy.engine import make_url

    from chronique.settings import Settings

    url = make_url(Settings.load(db).database_url)
    name = url.database
    if url.get_backend_name() == "sqlite" and name not in (None, "", ":memory:") and not Path(name).is_file():
        raise StoreError(f"expected an existing database, found no file at {name} (create it with "
                         "`chronique ingest SOURCE… --db FILE`)", where="--db")


def fail(error: ChroniqueError) -> typer.Exit:
    """Print a chronique error the commands' way and give the Exit to raise."""
    typer.echo(f"error [{error.code}]: {error.describe()}", err=True)
    return typer.Exit(error.exit_code)


@contextmanager
def stdin_spooled(paths: Iterable[Path]) -> Iterator[tuple[list[Path], Path | None]]:
    """The input paths with '-' replaced by a temporary copy of standard input (readers read
    files); yields (paths, the copy or None). The copy is removed on exit."""
    paths = list(paths)
    if not any(str(p) == STDIN for p in paths):
        yield paths, None
        return
    folder = Path(tempfile.mkdtemp(prefix="chronique-stdin-"))
    copy = folder / "stdin"
    try:
        with copy.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        yield [copy if str(p) == STDIN else p for p in paths], copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def relabel(item: Article | ChroniqueError, copy: Path | None) -> Article | ChroniqueError:
    """An Article or error read from the stdin copy names '<stdin>', not the temporary file."""
    if copy is None:
        return item
    if isinstance(item, Article) and item.source and str(copy) in item.source:
        return replace(item, source=item.source.replace(str(copy), STDIN_NAME))
    if isinstance(item, ChroniqueError) and item.where and str(copy) in item.where:
        item.where = item.where.replace(str(copy), STDIN_NAME)
    return item


@contextmanager
def output_stream(output: Path | None) -> Iterator[TextIO]:
    """Standard output for None or '-', else the file, opened for UTF-8 text."""
    if output is None or str(output) == STDIN:
        yield sys.stdout
        return
    try:
        handle = output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"expected a writable file, found {exc.strerror or exc}", where=str(output)) from exc
    with handle:
        yield handle
