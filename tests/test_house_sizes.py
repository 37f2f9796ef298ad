"""The house rule on size (DESIGN.md: small modules with one job): no module of the package over
400 lines, no function over 60. Alembic migrations are exempt: they are a record of the schema's
history, applied as written, and are never edited afterwards."""

from __future__ import annotations

import ast
from pathlib import Path

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
PACKAGE = Path(__file__).resolve().parent.parent / "chronique"
EXEMPT = ("store/migrations/versions/",)


def _modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py"))
            if not any(p.relative_to(PACKAGE).as_posix().startswith(e) for e in EXEMPT)]


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """(name, lines) of every function or method longer than ``limit`` lines, decorators left out."""
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None
            and node.end_lineno - node.lineno + 1 > limit]


def test_no_module_is_over_400_lines() -> None:
    modules = _modules()
    assert len(modules) > 100  # the walk found the package
    too_long = {str(p.relative_to(PACKAGE)): n for p in modules
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines (split them by job): {too_long}"


def test_no_function_is_over_60_lines() -> None:
    too_long = {f"{p.relative_to(PACKAGE)}:{name}": n for p in _modules()
                for name, n in long_functions(p.read_text(encoding="utf-8"))}
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines (split them into named steps): {too_long}"


def test_the_function_measure_counts_the_body_and_finds_nested_ones() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(61))
    source = f"def short():\n    return 1\n\n\nclass C:\n    def long(self):\n{body.replace('    ', '        ')}\n"
    assert long_functions(source) == [("long", 62)]
    assert long_functions(source, limit=62) == []
