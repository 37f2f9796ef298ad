"""Typed options of the extraction pipeline (what the CLI flags and the Python API set)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "en")


@dataclass(frozen=True)
class PipelineOptions:
    lang: str | None = None  # force a language; None = detect per article
    published: str | None = None  # fallback publication date (YYYY-MM-DD) when the source has none
    actor_files: tuple[Path, ...] = ()  # user YAML/CSV actor files that add or override entries
    models: dict[str, str] = field(default_factory=dict)  # lang -> spaCy package name override
    stages: tuple[str, ...] | None = None  # run only these chronique stages (None = all)
    batch_size: int = 16
    # Seconds one article may take to annotate (None: no limit); over it, the article is rejected
    # (TIME_BUDGET) and the run goes on. Enforced in the main thread (chronique.budget).
    time_budget_s: float | None = 60.0
    n_process: int = 1
    coder: str = "rules"  # the event coder: "rules" (the default: fewer wrong events on real pages) or "trained"
    coder_weights: Path | None = None  # the trained coder's weights; None = the packaged ones
    # The relevance gate: an article with no political or security content gives no events. Off,
    # every event the coder finds is kept (the article's relevance is still assessed).
    relevance_gate: bool = True
    # The rule coder's confidence floor: its events rated below it are dropped (0: keep all). On real
    # pages its readings under 0.5 were almost never right (docs/accuracy.md, "Confidence floor").
    min_confidence: float = 0.5
    # The event check (coding/event_check.py): the rule coder's events of sentences that tell no act
    # of the report's own (quoted words, first or second person, a modal verb), and those whose party is
    # a pronoun the text does not resolve (coding/pronoun_parties.py), are dropped. Off: kept.
    event_check: bool = True
