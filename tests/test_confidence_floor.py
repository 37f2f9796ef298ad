"""The rule coder's confidence floor (PipelineOptions.min_confidence, --min-confidence): events the
rules rate below it are dropped; 0 keeps them all."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from chronique.annotations.records import EventRecord
from chronique.cli.app import app
from chronique.errors import UsageError
from chronique.nlp.events import above_floor
from chronique.options import PipelineOptions

runner = CliRunner()


def _event(confidence: float | None) -> EventRecord:
    event: dict[str, Any] = {"event": "ASSAULT", "cameo": "190", "actor": {"code": "RUS"}}
    if confidence is not None:
        event["confidence"] = confidence
    return event  # type: ignore[return-value]


def test_the_floor_keeps_events_at_or_above_it_and_drops_the_others() -> None:
    events = [_event(0.3), _event(0.5), _event(0.72), _event(None)]
    assert [e.get("confidence") for e in above_floor(events, 0.5)] == [0.5, 0.72]


def test_a_floor_of_zero_keeps_every_event_even_unrated_ones() -> None:
    events = [_event(0.1), _event(None)]
    assert above_floor(events, 0.0) == events


@pytest.mark.parametrize("command", ["extract", "eval", "ingest"])
def test_min_confidence_reaches_the_pipeline_options(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    import chronique.pipeline

    seen: list[PipelineOptions] = []

    def record(options: PipelineOptions) -> None:
        seen.append(options)
        raise UsageError("stop here: the options are all this test reads", where="test")

    monkeypatch.setattr(chronique.pipeline, "Pipeline", record)
    if command == "extract":
        runner.invoke(app, ["extract", "-", "--min-confidence", "0.6"], input="Le ministre a parlé.\n")
        assert [o.min_confidence for o in seen] == [0.6]
    elif command == "eval":
        from chronique.cli.eval import _builder

        with pytest.raises(UsageError):
            _builder("rules", None, True, 0.6)()
        assert [o.min_confidence for o in seen] == [0.6]
    else:
        result = runner.invoke(app, ["ingest", "--help"])
        assert "--min-confidence" in result.output


def test_min_confidence_zero_turns_the_floor_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import chronique.pipeline

    seen: list[PipelineOptions] = []

    def record(options: PipelineOptions) -> None:
        seen.append(options)
        raise UsageError("stop here: the options are all this test reads", where="test")

    monkeypatch.setattr(chronique.pipeline, "Pipeline", record)
    for flags in ([], ["--min-confidence", "0"]):
        runner.invoke(app, ["extract", "-", *flags], input="Le ministre a parlé.\n")
    assert [o.min_confidence for o in seen] == [PipelineOptions.min_confidence, 0.0]


def test_the_trained_coder_keeps_its_own_floor_only() -> None:
    from chronique.nlp.events import EventCoder

    class Bound:  # the part of Resources that bind reads
        options = PipelineOptions(coder="trained", min_confidence=0.9)

        def event_lexicon(self, lang: str) -> object:
            return None

    stage = EventCoder("fr")
    stage.bind(Bound())  # type: ignore[arg-type]
    assert stage.min_confidence == 0.0


def test_a_confidence_outside_zero_to_one_is_a_usage_error() -> None:
    result = runner.invoke(app, ["extract", "-", "--min-confidence", "1.5"], input="Le ministre a parlé.\n")
    assert result.exit_code == 2


@pytest.mark.model
def test_the_floor_drops_the_rules_least_sure_events_of_a_real_article(rules_pipeline: Any) -> None:
    from chronique.pipeline import Pipeline

    text = ("La Russie a bombardé lundi la ville ukrainienne de Kharkiv. Le ministre français a ensuite "
            "rencontré son homologue allemand à Berlin pour parler de l'aide à l'Ukraine.")
    every = rules_pipeline.extract(text, lang="fr", published="2024-03-04").events
    rated = sorted({e.confidence for e in every})
    assert len(rated) >= 2, "the rules rate these acts differently (the aid less sure than the strike)"
    floor = (rated[0] + rated[-1]) / 2
    kept = Pipeline(PipelineOptions(coder="rules", min_confidence=floor)).extract(
        text, lang="fr", published="2024-03-04").events
    assert [(e.event, e.confidence) for e in kept] == [(e.event, e.confidence) for e in every if e.confidence >= floor]
    assert len(kept) < len(every)
