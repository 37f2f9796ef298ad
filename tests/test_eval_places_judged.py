"""The judged places of real pages: the file's form, its spans and the scoring of one page."""

from __future__ import annotations

import pytest

from chronique.errors import KnowledgeError
from chronique.eval.places_judged import PlacesScore, gold_spans, load_judged_places, parse_judged_places, score_page
from chronique.schema import Place

TEXT = "Kansas City police met in Kansas. Tester gave money to Tester. The Kansas City Chiefs won in Kansas."


def _page(**extra: object) -> dict[str, object]:
    return {"file": "fundus/us/X.html", "split": "look",
            "toponyms": [["Kansas City", 39.1, -94.58], ["Kansas", 38.5, -98.5]], **extra}


def test_the_packaged_file_reads_and_names_each_page_once() -> None:
    pages = load_judged_places()
    assert {p.split for p in pages} <= {"look", "measure"}
    assert len({p.file for p in pages}) == len(pages)
    assert any(p.toponyms for p in pages)


def test_a_key_yaml_reads_as_a_boolean_is_not_used() -> None:
    # "no:" is YAML's false: the file names the spans judged no place "not_places"
    page = parse_judged_places({"pages": [_page(not_places=[["Tester"]])]})[0]
    assert [s.text for s in page.not_places] == ["Tester"]


def test_malformed_entries_are_refused() -> None:
    with pytest.raises(KnowledgeError):
        parse_judged_places({"pages": [_page(toponyms=[["Kansas", "north", -98.5]])]})
    with pytest.raises(KnowledgeError):
        parse_judged_places({"pages": [_page(), _page()]})
    with pytest.raises(KnowledgeError):
        parse_judged_places({"pages": [{"file": "a.html", "split": "train"}]})


def test_gold_spans_leave_out_longer_toponyms_words_and_spans_judged_no_place() -> None:
    page = parse_judged_places({"pages": [_page(not_places=[["Kansas City Chiefs"]], skip=[["Tester", [2]]])]})[0]
    gold, no, skip = gold_spans(page, TEXT)
    texts = [TEXT[g.start:g.end] for g in gold]
    # "Kansas" inside "Kansas City" is not a toponym of its own; the team's name is none
    assert texts == ["Kansas City", "Kansas", "Kansas"]
    assert len(no) == 1 and len(skip) == 1 and TEXT[skip[0][0]:skip[0][1]] == "Tester"


def test_score_page_counts_precision_recall_and_distance() -> None:
    page = parse_judged_places({"pages": [_page(not_places=[["Tester", [1]], ["Kansas City Chiefs"]])]})[0]
    k = TEXT.index("Kansas.")
    places = (
        Place(text="Kansas City", start=0, end=11, name="Kansas City", lat=39.1, lon=-94.58),  # right
        Place(text="Kansas", start=k, end=k + 6, name="Kansas", lat=48.0, lon=-98.5),  # over 161 km
        Place(text="Tester", start=TEXT.index("Tester"), end=TEXT.index("Tester") + 6),  # judged no place
        Place(text="Tester", start=TEXT.rindex("Tester"), end=TEXT.rindex("Tester") + 6),  # not judged
    )
    score = PlacesScore()
    score_page(score, page, TEXT, places)
    assert (score.right, score.wrong, score.unjudged) == (2, 1, 1)
    assert (score.gold, score.recognised, score.within) == (3, 2, 1)
    assert score.missed["Kansas"] == 1 and score.misplaced["Kansas → Kansas"] == 1
