"""Shared fixtures: paths to ../shared (tests that need it skip cleanly when it is absent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> Path:
    path = shared_dir / "examples" / "fr-russia-belarus-iskander.txt"
    if not path.is_file():
        pytest.skip("the canonical example is absent")
    return path


@pytest.fixture(scope="session")
def lexicon():  # type: ignore[no-untyped-def]
    """The English event lexicon, loaded once: the English lexicon and recoding tests match lemma
    sequences against it (French tests load theirs by name)."""
    from chronique.knowledge.lexicon import load_event_lexicon

    return load_event_lexicon("en")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """One real pipeline (models loaded once) for every model-backed test."""
    from chronique.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def rules_pipeline():  # type: ignore[no-untyped-def]
    """A real pipeline with the rule coder alone (``--coder rules``), for tests of what the rules
    read; the default pipeline's trained coder may add readings of its own beside theirs."""
    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline

    return Pipeline(PipelineOptions(coder="rules"))


@pytest.fixture(scope="session")
def unchecked_rules_pipeline():  # type: ignore[no-untyped-def]
    """The rule coder alone without the event check (``--no-event-check``): for tests of what the
    rules read in sentences the check drops by default (quoted words, first or second person)."""
    from chronique.options import PipelineOptions
    from chronique.pipeline import Pipeline

    return Pipeline(PipelineOptions(coder="rules", event_check=False))


@pytest.fixture(scope="session")
def warc_builder() -> ModuleType:
    """tests/fixtures/ingest/warc_builder.py (fixtures is not a package): builds WARC bytes in tests."""
    path = Path(__file__).parent / "fixtures" / "ingest" / "warc_builder.py"
    spec = importlib.util.spec_from_file_location("warc_builder", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
