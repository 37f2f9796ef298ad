"""The training-set readers: the three shapes read into typed records, and every malformed or empty
file fails naming the file and the line. All records here were written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronique.errors import FormatError
from chronique.train.readers import ace_mapping, read_m2e2, read_plv, read_wikinews

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"


def _plv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "pairs.tsv"
    path.write_text(PLV_HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_plv_rows_become_pairs(tmp_path: Path) -> None:
    path = _plv(tmp_path, "0\t1\tThe union blamed the mayor.\t<s>The union</s> blamed <t>the mayor</t>.\t"
                          "The union\tthe mayor\taccuse",
                "1\t2\tThe rebels withdrew from the town.\t<s>The rebels</s> withdrew.\tThe rebels\tthe town\tYIELD")
    pairs = read_plv(path)
    assert [(p.source, p.target, p.label) for p in pairs] == [("The union", "the mayor", "ACCUSE"),
                                                             ("The rebels", "the town", "YIELD")]
    assert pairs[1].where == f"{path}:3"


def test_plv_unknown_class_names_the_line(tmp_path: Path) -> None:
    path = _plv(tmp_path, "0\t1\tA sentence.\tA sentence.\tA\tB\tSHOUT")
    with pytest.raises(FormatError, match=r"pairs\.tsv:2.*PLOVER event class.*SHOUT"):
        read_plv(path)


def test_plv_short_row_and_missing_column(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r":2: expected 7 tab-separated fields, found 3"):
        read_plv(_plv(tmp_path, "0\t1\tA sentence."))
    bad = tmp_path / "bad.tsv"
    bad.write_text("sentence\tsource\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.tsv:1: expected the columns"):
        read_plv(bad)


def test_empty_training_file_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tsv"
    empty.write_text("\n \n", encoding="utf-8")
    with pytest.raises(FormatError, match="empty file"):
        read_plv(empty)
    with pytest.raises(FormatError, match="only a header"):
        read_plv(_plv(tmp_path))


def test_m2e2_triggers_become_character_spans_with_plover_classes(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    row = {"words": ["Police", "arrested", "two", "men", "."], "golden-event-mentions": [
        {"trigger": {"start": 1, "end": 2}, "event_type": "Justice:Arrest-Jail", "arguments": []}]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (sentence,) = read_m2e2(path)
    trig = sentence.triggers[0]
    assert sentence.text[trig.start:trig.end] == "arrested"
    assert trig.plover == "COERCE"
    assert ace_mapping()["Life:Die"] == ""  # a death has no PLOVER event of its own


def test_m2e2_bad_json_and_bad_offsets_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"words": ["a"]}\n{not json\n', encoding="utf-8")
    with pytest.raises(FormatError, match=r"s\.jsonl:2: expected a JSON object, found invalid JSON"):
        read_m2e2(path)
    row = {"words": ["a", "b"], "golden-event-mentions": [
        {"trigger": {"start": 1, "end": 5}, "event_type": "Conflict:Attack"}]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"s\.jsonl:1: expected trigger token offsets within 0\.\.2"):
        read_m2e2(path)


def _wikinews(folder: Path, events: object, text: str = "Le syndicat a critiqué le maire. Fin.") -> Path:
    folder.mkdir()
    (folder / "articles.jsonl").write_text(json.dumps({"id": "a1", "text": text, "language": "fr",
                                                       "published": "2017-01-02"}) + "\n", encoding="utf-8")
    (folder / "events.json").write_text(json.dumps({"articles": [{"id": "a1", "events": events}]}), encoding="utf-8")
    return folder


def test_wikinews_articles_with_their_events(tmp_path: Path) -> None:
    event = {"sentence_start": 0, "sentence_end": 32, "event": "ACCUSE",
             "actor": {"code": "FRA", "sector": "LAB", "text": "Le syndicat"}, "recipient": None}
    (item,) = read_wikinews(_wikinews(tmp_path / "set", [event]))
    assert item.article.language == "fr"
    assert [(e.event, e.actor and e.actor.code, e.recipient) for e in item.events] == [("ACCUSE", "FRA", None)]


def test_wikinews_span_outside_the_text_is_an_error(tmp_path: Path) -> None:
    event = {"sentence_start": 0, "sentence_end": 999, "event": "ACCUSE", "actor": None, "recipient": None}
    with pytest.raises(FormatError, match=r"articles\.jsonl:1 \(a1\): expected an event span within the text"):
        read_wikinews(_wikinews(tmp_path / "set", [event]))
    with pytest.raises(FormatError, match=r"events\.json: article 0, event 0: expected sentence_start"):
        read_wikinews(_wikinews(tmp_path / "set2", [{"sentence_start": 5, "sentence_end": 1, "event": "ACCUSE"}]))


def test_train_command_stops_at_a_malformed_file_naming_it(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chronique.cli.app import app

    folder = tmp_path / "events"
    (folder / "plv-train").mkdir(parents=True)
    (folder / "plv-train" / "PLV_train.tsv").write_text(PLV_HEADER + "0\t1\tA sentence.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["train", "--data", str(folder), "--out", str(tmp_path / "w.json.gz")])
    assert result.exit_code == 3
    assert "PLV_train.tsv:2" in result.output and "tab-separated fields" in result.output
    assert not (tmp_path / "w.json.gz").exists()
    empty = CliRunner().invoke(app, ["train", "--data", str(tmp_path / "nothing-here")])
    assert empty.exit_code == 3 and "expected a folder of training sets" in empty.output
