"""The times stage: every temporal expression of the Doc, normalised against the publication date.

The recogniser and normaliser live in ``chronique.temporal`` (usable on plain strings); here they
get the Doc's tense information and sentence numbers. ``event_date`` (the date that governs a
span, for the event coder) lives below the stages, in ``chronique.annotations.times``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from chronique.annotations.records import TimeRecord
from chronique.annotations.times import calendar_date, event_date, sentence_index, sentence_starts
from chronique.nlp.date_names import number_in_name
from chronique.nlp.extensions import doc_text
from chronique.nlp.stage import Stage
from chronique.temporal.grammar import SUPPORTED, Grammar, load_grammar
from chronique.temporal.normalise import Timex
from chronique.temporal.tagger import TenseOf, clause_bounds, lexical_tense, tag_text

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources

# calendar_date and event_date stay importable from here for the callers that knew them here
__all__ = ["TimeTagger", "calendar_date", "doc_tense", "event_date", "timex_record"]

def doc_tense(doc: Doc, grammar: Grammar) -> TenseOf:
    """Lexical cues first; else the parser's morphology of the clause's verbs (Tense=Fut/Past)."""
    lexical = lexical_tense(doc_text(doc), grammar)

    def tense(start: int, end: int) -> str | None:
        found = lexical(start, end)
        if found or not doc.has_annotation("MORPH"):
            return found
        left, right = clause_bounds(doc_text(doc), start, end)
        span = doc.char_span(left, right, alignment_mode="expand")
        if span is None:
            return None
        tenses = {t for token in span if token.pos_ in ("VERB", "AUX") for t in token.morph.get("Tense", [])}
        if "Fut" in tenses:
            return "future"
        return "past" if "Past" in tenses else None

    return tense


def timex_record(timex: Timex, sentence: int) -> TimeRecord:
    """A TimeMention-shaped dict plus the private notes the event coder reads."""
    record: TimeRecord = {
        "text": timex.text, "start": timex.start, "end": timex.end, "value": timex.value, "type": timex.type,
        "_precision": timex.precision, "_anchor": timex.anchor, "_mod": timex.mod, "_sentence": sentence,
    }
    if timex.invalid:
        record["_invalid"] = timex.invalid
    if timex.weekday is not None:
        record["_weekday"] = timex.weekday
        record["_tense"] = timex.tense
    return record


class TimeTagger(Stage):
    factory = "chronique_times_v1"

    def __init__(self, lang: str, grammar: Grammar | None = None) -> None:
        super().__init__(lang)
        self.grammar = grammar

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        if self.grammar is None and self.lang in SUPPORTED:
            self.grammar = load_grammar(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        lang = doc._.ch_lang or self.lang
        grammar = self.grammar if self.grammar is not None and self.grammar.lang == lang else None
        if grammar is None and lang in SUPPORTED:
            grammar = load_grammar(lang)  # a Doc in another language than the pipeline's (rare)
        if grammar is None:
            doc._.ch_times = []
            return doc
        starts = sentence_starts(doc)
        timexes = tag_text(doc_text(doc), grammar, doc._.ch_published, tense=doc_tense(doc, grammar))
        calendar = {*grammar.vocab.get("month", {}), *grammar.vocab.get("weekday", {})}
        timexes = [t for t in timexes if not number_in_name(doc_text(doc), t, calendar)]
        doc._.ch_times = [timex_record(t, sentence_index(starts, t.start)) for t in timexes]
        return doc
