"""Expensive shared resources, built once on first use and passed to the stages.

Nothing here is built at import time. Tests pass small in-memory objects instead (each stage
class takes its resource in ``__init__`` or ``bind``).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from chronique.options import PipelineOptions

if TYPE_CHECKING:
    from chronique.knowledge.actors import ActorKnowledge
    from chronique.knowledge.function_words import FunctionWords
    from chronique.knowledge.gazetteer import Gazetteer
    from chronique.knowledge.lexicon import EventLexicon
    from chronique.knowledge.weapons import WeaponCatalogue


class Resources:
    def __init__(self, options: PipelineOptions | None = None) -> None:
        self.options = options or PipelineOptions()
        self._lexicons: dict[str, EventLexicon] = {}

    @cached_property
    def actors(self) -> ActorKnowledge:
        from chronique.knowledge.actors import load_actor_knowledge

        return load_actor_knowledge(extra_files=self.options.actor_files)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from chronique.knowledge.gazetteer import load_gazetteer

        return load_gazetteer()

    @cached_property
    def weapons(self) -> WeaponCatalogue:
        from chronique.knowledge.weapons import load_catalogue

        return load_catalogue()

    def function_words(self, lang: str | None = None) -> FunctionWords:
        """Every supported language's function words (``None``), or one language's (read once)."""
        from chronique.knowledge.function_words import words_of

        return words_of(lang)

    def event_lexicon(self, lang: str) -> EventLexicon:
        if lang not in self._lexicons:
            from chronique.knowledge.lexicon import load_event_lexicon

            self._lexicons[lang] = load_event_lexicon(lang)
        return self._lexicons[lang]
