"""The times stage on hand-built Docs (no model), and event_date for the event coder."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from chronique.nlp.extensions import register_extensions
from chronique.nlp.sentences import SentenceSplitter
from chronique.nlp.times import TimeTagger, calendar_date, event_date

TEXT = (
    "Le ministre est arrivé samedi à Genève, où il a rencontré son homologue. Les discussions se poursuivent.\n"
    "Mardi, la délégation rentrera à Kiev. Le décret du 31 février 2022 circule."
)


def _doc(text: str = TEXT, published: str | None = "2022-06-26", lang: str = "fr") -> Doc:
    register_extensions()
    nlp = spacy.blank(lang)
    doc = SentenceSplitter()(nlp.make_doc(text))
    doc._.ch_published = published
    doc._.ch_lang = lang
    return TimeTagger(lang)(doc)


def _span(doc: Doc, word: str) -> tuple[int, int]:
    start = doc.text.index(word)
    return start, start + len(word)


def test_stage_lists_every_expression_with_private_notes() -> None:
    times = _doc()._.ch_times
    assert [(t["text"], t["value"], t["type"]) for t in times] == [
        ("samedi", "2022-06-25", "DATE"),
        ("Mardi", "2022-06-28", "DATE"),
        ("31 février 2022", None, "DATE"),
    ]
    first, second, bad = times
    assert first["_precision"] == "day" and first["_anchor"] == "published" and first["_sentence"] == 0
    assert first["_weekday"] == 6
    assert second["_sentence"] == 2
    assert "_invalid" in bad and bad["_anchor"] == "none"


def test_a_language_without_grammar_gives_an_empty_list() -> None:
    register_extensions()
    doc = spacy.blank("de").make_doc("Am Samstag kam er an.")
    doc._.ch_lang = "de"
    assert TimeTagger("de")(doc)._.ch_times == []


def test_event_date_prefers_the_clause_then_the_sentence_then_publication() -> None:
    doc = _doc()
    assert event_date(doc, *_span(doc, "arrivé")) == ("2022-06-25", "day", "clause")
    assert event_date(doc, *_span(doc, "rencontré")) == ("2022-06-25", "day", "sentence")
    # a time set off by a comma at the head of the sentence governs the clause that follows
    assert event_date(doc, *_span(doc, "rentrera")) == ("2022-06-28", "day", "clause")
    # no date of its own: the narrative's day, named in the sentence before
    assert event_date(doc, *_span(doc, "poursuivent")) == ("2022-06-25", "day", "context")
    # the last day named (Tuesday) lies ahead; the impossible date is skipped: publication date
    assert event_date(doc, *_span(doc, "circule")) == ("2022-06-26", "day", "published")


def test_the_date_nearest_the_trigger_wins_within_its_clause() -> None:
    doc = _doc("Arrivé lundi à Genève, le ministre a signé mercredi le traité.")
    whole = (0, len(doc.text))
    assert event_date(doc, *whole)[0] == "2022-06-20"  # no trigger given: the first in the clause
    assert event_date(doc, *whole, near=doc.text.index("signé"))[0] == "2022-06-22"


def test_an_act_told_in_the_past_takes_no_date_after_publication() -> None:
    doc = _doc("Le ministre a annulé le sommet prévu le 12 juillet.")
    span = (0, len(doc.text))
    assert event_date(doc, *span)[0] == "2022-07-12"
    assert event_date(doc, *span, past=True) == ("2022-06-26", "day", "published")


def test_background_dates_set_no_narrative_date() -> None:
    doc = _doc("L'offensive a commencé le 24 février 2022. Les combats ont repris.")
    assert event_date(doc, *_span(doc, "repris")) == ("2022-06-26", "day", "published")
    doc = _doc("Les troupes sont entrées dans la ville depuis le 20 juin. Les combats ont repris.")
    assert event_date(doc, *_span(doc, "repris")) == ("2022-06-26", "day", "published")
    # a pledge made at the meeting named before is dated by it
    doc = _doc("Le ministre est arrivé samedi. Il signera un accord.")
    assert event_date(doc, *_span(doc, "signera"), future=True) == ("2022-06-25", "day", "context")


def test_a_named_day_stops_setting_the_scene_after_some_sentences() -> None:
    filler = " ".join(f"Le point {n} a été discuté." for n in range(1, 9))
    doc = _doc(f"Le ministre est arrivé samedi. {filler} Les réactions se multiplient.")
    assert event_date(doc, *_span(doc, "point 8")) == ("2022-06-25", "day", "context")
    assert event_date(doc, *_span(doc, "multiplient")) == ("2022-06-26", "day", "published")


def test_a_weekday_read_in_a_past_clause_stays_past_for_a_future_event() -> None:
    doc = _doc("La Russie a annoncé samedi qu'elle fournirait des missiles.", published="2022-06-26")
    assert event_date(doc, *_span(doc, "fournirait"), future=True) == ("2022-06-25", "day", "clause")


def test_event_date_without_publication_date() -> None:
    doc = _doc("Les discussions se poursuivent.", published=None)
    assert event_date(doc, 0, 5) == (None, "none", "published")


def test_a_future_event_moves_a_bare_weekday_forward() -> None:
    doc = _doc("Samedi, le ministre parlera.", published="2022-06-22")
    start, end = _span(doc, "parlera")
    assert event_date(doc, start, end, future=True) == ("2022-06-25", "day", "clause")


def test_calendar_date_reduces_timex_values_to_event_dates() -> None:
    assert calendar_date("2022-06-26TMO", "day") == ("2022-06-26", "day")
    assert calendar_date("2022-W25", "week") == ("2022-06-20", "week")
    assert calendar_date("2021-Q3", "quarter") == ("2021-07", "quarter")
    assert calendar_date("2021", "year") == ("2021", "year")
    assert calendar_date("P3M", "none") is None
    assert calendar_date("PRESENT_REF", "none") is None


@pytest.mark.model
def test_canonical_example_dates(pipeline, seed_article: Path) -> None:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(seed_article.read_text(encoding="utf-8"), lang="fr", published="2022-06-26")
    times = [(t.text.lower(), t.value) for t in extraction.times]
    assert ("samedi", "2022-06-25") in times
    assert ("samedi 25 juin", "2022-06-25") in times
    assert ("ce dimanche", "2022-06-26") in times
    assert any("24 février 2022" in s and v == "2022-02-24" for s, v in times)
    assert not any("su-25" in s or s.strip() == "25" for s, _ in times)
