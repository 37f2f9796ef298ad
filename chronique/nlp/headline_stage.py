"""The headline mend as a pipeline component: it runs right after the parser, before every stage.

A headline's parse is mended in two steps (nlp/headline_verbs.py, then nlp/headline_parse.py), once
per Doc, so the actors, places, times, weapons and events stages all read the same parse. The
component is part of every chronique pipeline, whatever stages it runs; it needs the event lexicon
(its trigger verbs) and, for English, the model's table of verbs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from chronique.nlp.headline_parse import mend_headline_parse
from chronique.nlp.headline_verbs import HeadlineVerbs
from chronique.nlp.stage import Stage

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources

HEADLINE_FACTORY = "chronique_headline_parse_v1"
HEADLINE_NAME = "chronique_headline_parse"


def model_verbs(nlp: Language) -> frozenset[str] | None:
    """The base forms the English model's lemmatizer knows as verbs (None without that table). The
    French table misses common verbs ("envahir"); French forms are read by their endings instead."""
    if nlp.lang != "en" or "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    index = lookups.get_table("lemma_index")
    return frozenset(index["verb"]) if "verb" in index else None


class HeadlineParse(Stage):
    factory = HEADLINE_FACTORY

    def __init__(self, lang: str, verbs: frozenset[str] | None = None) -> None:
        super().__init__(lang)
        self.verbs = verbs
        self.hidden_verbs: HeadlineVerbs | None = None

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        lexicon = resources.event_lexicon(self.lang)
        triggers = {t.words[0] for t in lexicon.triggers if len(t.words) == 1 and (not t.pos or "VERB" in t.pos)}
        self.hidden_verbs = HeadlineVerbs(self.lang, triggers, self.verbs)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        if self.hidden_verbs is not None:
            self.hidden_verbs.mend(doc)
        mend_headline_parse(doc, self.lang)
        return doc
