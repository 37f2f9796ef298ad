"""The one module that registers chronique's spaCy components, by versioned factory name."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from chronique.nlp.actors import ActorTagger
from chronique.nlp.events import EventCoder
from chronique.nlp.extensions import register_extensions
from chronique.nlp.places import PlaceTagger
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
        if not Language.has_factory(stage.factory):
            Language.factory(stage.factory, func=_stage_factory(stage))


def _stage_factory(stage: type[Stage]) -> Callable[[Language, str], Stage]:
    def make(nlp: Language, name: str) -> Stage:
        return stage(nlp.lang or "")

    return make
