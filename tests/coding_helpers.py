"""Hand-built parses for the rule-coder tests: a one-sentence Doc from (word, lemma, pos, dep,
head) rows, actor mentions placed by their text, a small in-memory lexicon, and the coder's
(event, actor, recipient) triples."""

from __future__ import annotations

import re
from typing import Any

import spacy
from spacy.tokens import Doc

from chronique.coding import make_coder
from chronique.knowledge.cameo import load_cameo_table
from chronique.knowledge.lexicon import EventLexicon, parse_event_lexicon
from chronique.nlp.extensions import register_extensions

register_extensions()

Row = tuple[str, str, str, str, int]
Triple = tuple[str, str | None, str | None]


def parsed_doc(lang: str, rows: list[Row], morphs: dict[int, str] | None = None) -> Doc:
    """rows: (word, lemma, pos, dep, head index); one sentence."""
    doc = Doc(spacy.blank(lang).vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], deps=[r[3] for r in rows], heads=[r[4] for r in rows],
              sent_starts=[i == 0 for i in range(len(rows))])
    for i, morph in (morphs or {}).items():
        doc[i].set_morph(morph)
    doc._.ch_published = "2024-05-02"
    doc._.ch_places = []
    return doc


def set_actors(doc: Doc, sector: str = "GOV", **codes: str) -> None:
    """Country actor mentions at the first whole-word match of each text ("_" stands for a space)."""
    out: list[dict[str, Any]] = []
    for text, code in codes.items():
        m = re.search(r"\b" + re.escape(text.replace("_", " ")) + r"\b", doc.text)
        assert m, text
        out.append({"text": m.group(0), "start": m.start(), "end": m.end(), "name": m.group(0), "code": code,
                    "sector": sector, "kind": "country"})
    doc._.ch_actors = out


def small_lexicon(lang: str, triggers: list[dict[str, Any]], **lists: list[str]) -> EventLexicon:
    return parse_event_lexicon({"language": lang, "version": "test", "source": "written for these tests",
                                "triggers": triggers, **lists}, "test.yaml")


def coded(doc: Doc, lexicon: EventLexicon) -> list[dict[str, Any]]:
    return make_coder("rules", lexicon, load_cameo_table()).code(doc)


def triples(doc: Doc, lexicon: EventLexicon) -> set[Triple]:
    return {(e["event"], (e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code"))
            for e in coded(doc, lexicon)}
