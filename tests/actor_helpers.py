"""Shared by the indirect-actor tests: the actors stage (with its indirect knowledge) on a blank
pipeline with a sentencizer, offsets checked against the text."""

from __future__ import annotations

import functools
from typing import Any

import spacy

from chronique.knowledge.actors import ActorKnowledge
from chronique.nlp.actors import ActorTagger
from chronique.nlp.anaphora import load_indirect_knowledge
from chronique.nlp.extensions import register_extensions


@functools.cache
def blank_nlp(lang: str) -> Any:
    pipe = spacy.blank(lang)
    pipe.add_pipe("sentencizer")
    return pipe


def tagged_doc(kb: ActorKnowledge, lang: str, text: str) -> Any:
    """The Doc after the actors stage: its actors and its country in focus per sentence."""
    register_extensions()
    doc = blank_nlp(lang)(text)
    doc._.ch_published, doc._.ch_lang = "2017-01-30", lang
    return ActorTagger(lang, kb, load_indirect_knowledge())(doc)


def tag_actors(kb: ActorKnowledge, lang: str, text: str) -> list[dict[str, Any]]:
    actors = list(tagged_doc(kb, lang, text)._.ch_actors)
    for a in actors:
        assert text[a["start"]:a["end"]] == a["text"]
    return actors
