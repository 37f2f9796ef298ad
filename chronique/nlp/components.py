"""The one module that registers chronique's spaCy components, by versioned factory name.

A stage's settings are its spaCy config (``nlp.add_pipe(name, config={...})`` or a ``[components]``
block of a config file); its resources come through ``bind`` (see chronique.nlp.stage), or, when
nothing binds it, from one ``Resources`` per spaCy pipeline and actor files, built on first use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from spacy.language import Language

from chronique.nlp.actors import ActorTagger
from chronique.nlp.events import EventCoder
from chronique.nlp.extensions import register_extensions
from chronique.nlp.headline_stage import HEADLINE_FACTORY, HeadlineParse, model_verbs
from chronique.nlp.places import MAX_PREFIX_TOKENS, RECOVER_MIN_POPULATION, PlaceTagger
from chronique.nlp.resources import Resources
from chronique.nlp.sentences import SentenceSplitter
from chronique.nlp.stage import Stage
from chronique.nlp.times import TimeTagger
from chronique.nlp.transfers import TransferBuilder
from chronique.nlp.weapons import WeaponTagger
from chronique.options import PipelineOptions

SENTENCES_FACTORY = "chronique_sentences_v1"

# Run order matters: events read actors, places, times and weapons; transfers read events.
STAGES: tuple[type[Stage], ...] = (ActorTagger, PlaceTagger, TimeTagger, WeaponTagger, EventCoder, TransferBuilder)
STAGE_NAMES: tuple[str, ...] = ("actors", "places", "times", "weapons", "events", "transfers")


def _make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


def register_components() -> None:
    """Idempotent registration of the Doc extensions and every chronique factory."""
    register_extensions()
    if not Language.has_factory(SENTENCES_FACTORY):
        Language.factory(SENTENCES_FACTORY, func=_make_sentences)
    if not Language.has_factory(HEADLINE_FACTORY):
        Language.factory(HEADLINE_FACTORY, func=_make_headline)
    for stage in STAGES:
        if Language.has_factory(stage.factory):
            continue
        if stage in CONFIGURED:
            func, config = CONFIGURED[stage]
            Language.factory(stage.factory, default_config=config, func=func)
        else:
            Language.factory(stage.factory, func=_stage_factory(stage))


# The resources factory-made stages bind to when nothing binds them: one set per spaCy pipeline
# and actor files, so that the stages of one pipeline share one gazetteer, catalogue and lexicon.
_SHARED: WeakKeyDictionary[Language, dict[tuple[str, ...], Resources]] = WeakKeyDictionary()


def _resources(nlp: Language, actor_files: tuple[str, ...] = ()) -> Callable[[], Resources]:
    def make() -> Resources:
        per_pipeline = _SHARED.setdefault(nlp, {})
        if actor_files not in per_pipeline:
            options = PipelineOptions(actor_files=tuple(Path(f) for f in actor_files))
            per_pipeline[actor_files] = Resources(options)
        return per_pipeline[actor_files]

    return make


def _make_headline(nlp: Language, name: str) -> HeadlineParse:
    stage = HeadlineParse(nlp.lang or "", model_verbs(nlp))
    stage.bind_on_first_use(_resources(nlp))
    return stage


def _make_actors(nlp: Language, name: str, actor_files: list[str]) -> ActorTagger:
    stage = ActorTagger(nlp.lang or "")
    stage.bind_on_first_use(_resources(nlp, tuple(actor_files)))
    return stage


def _make_events(nlp: Language, name: str, coder: str | None, weights: str | None) -> EventCoder:
    stage = EventCoder(nlp.lang or "", coder=coder, weights=weights)
    stage.bind_on_first_use(_resources(nlp))
    return stage


def _make_places(nlp: Language, name: str, recover_min_population: int, max_prefix_tokens: int) -> PlaceTagger:
    stage = PlaceTagger(nlp.lang or "", recover_min_population=recover_min_population,
                        max_prefix_tokens=max_prefix_tokens)
    stage.bind_on_first_use(_resources(nlp))
    return stage


# The stages with settings: their factory and its default config (None: the pipeline options decide).
CONFIGURED: dict[type[Stage], tuple[Callable[..., Stage], dict[str, Any]]] = {
    ActorTagger: (_make_actors, {"actor_files": []}),
    EventCoder: (_make_events, {"coder": None, "weights": None}),
    PlaceTagger: (_make_places, {"recover_min_population": RECOVER_MIN_POPULATION,
                                 "max_prefix_tokens": MAX_PREFIX_TOKENS}),
}


def _stage_factory(stage: type[Stage]) -> Callable[[Language, str], Stage]:
    def make(nlp: Language, name: str) -> Stage:
        made = stage(nlp.lang or "")
        made.bind_on_first_use(_resources(nlp))
        return made

    return make
