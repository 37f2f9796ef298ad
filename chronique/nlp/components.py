"""The one module that registers chronique's spaCy components, by versioned factory name.

A stage's settings are its spaCy config (``nlp.add_pipe(name, config={...})`` or a ``[components]``
block of a config file); its resources come through ``bind`` (see chronique.nlp.stage)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language

from chronique.nlp.actors import ActorTagger
from chronique.nlp.events import EventCoder
from chronique.nlp.extensions import register_extensions
from chronique.nlp.places import MAX_PREFIX_TOKENS, RECOVER_MIN_POPULATION, PlaceTagger
from chronique.nlp.sentences import SentenceSplitter
from chronique.nlp.stage import Stage
from chronique.nlp.times import TimeTagger
from chronique.nlp.transfers import TransferBuilder
from chronique.nlp.weapons import WeaponTagger

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
    for stage in STAGES:
        if Language.has_factory(stage.factory):
            continue
        if stage in CONFIGURED:
            func, config = CONFIGURED[stage]
            Language.factory(stage.factory, default_config=config, func=func)
        else:
            Language.factory(stage.factory, func=_stage_factory(stage))


def _make_events(nlp: Language, name: str, coder: str | None, weights: str | None) -> EventCoder:
    return EventCoder(nlp.lang or "", coder=coder, weights=weights)


def _make_places(nlp: Language, name: str, recover_min_population: int, max_prefix_tokens: int) -> PlaceTagger:
    return PlaceTagger(nlp.lang or "", recover_min_population=recover_min_population,
                       max_prefix_tokens=max_prefix_tokens)


# The stages with settings: their factory and its default config (None: the pipeline options decide).
CONFIGURED: dict[type[Stage], tuple[Callable[..., Stage], dict[str, Any]]] = {
    EventCoder: (_make_events, {"coder": None, "weights": None}),
    PlaceTagger: (_make_places, {"recover_min_population": RECOVER_MIN_POPULATION,
                                 "max_prefix_tokens": MAX_PREFIX_TOKENS}),
}


def _stage_factory(stage: type[Stage]) -> Callable[[Language, str], Stage]:
    def make(nlp: Language, name: str) -> Stage:
        return stage(nlp.lang or "")

    return make
