"""The TimeML reader and the TempEval-style scorer of chronique.eval.dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.errors import FormatError
from chronique.eval.dates import TASKS, read_timeml, score_timeml
from chronique.eval.registry import EvalContext

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-06-26" functionInDocument="CREATION_TIME">20220626</TIMEX3></DCT>
<TEXT>
The envoys met <TIMEX3 tid="t1" type="DATE" value="2022-06-25">Saturday</TIMEX3> and talked for
<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>. A vote follows
<TIMEX3 tid="t3" type="DATE" value="2022-07">next month</TIMEX3>.
</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, body: str = TML, name: str = "doc.tml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_reader_flattens_text_and_keeps_gold_offsets(tmp_path: Path) -> None:
    doc = read_timeml(_write(tmp_path))
    assert doc.dct == "2022-06-26"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Saturday", "three hours", "next month"]
    assert [t.value for t in doc.timexes] == ["2022-06-25", "PT3H", "2022-07"]


def test_scorer_counts_the_dct_as_anchor_not_as_output(tmp_path: Path) -> None:
    _write(tmp_path)
    tally, errors = score_timeml(tmp_path, "en")
    metrics = tally.metrics()
    assert tally.gold == 3
    assert metrics["strict_f1"] == 1.0 and metrics["value_accuracy"] == 1.0
    assert not errors


def test_scorer_sees_wrong_values_and_spurious_spans(tmp_path: Path) -> None:
    _write(tmp_path, TML.replace('value="PT3H"', 'value="P4H"').replace("for\n", "for two days and\n"))
    tally, errors = score_timeml(tmp_path, "en")
    metrics = tally.metrics()
    assert metrics["value_accuracy"] == pytest.approx(2 / 3)
    assert metrics["relaxed_precision"] == pytest.approx(3 / 4)
    assert any(e.startswith("spurious: 'two days'") for e in errors)


def test_a_copy_of_a_document_in_another_folder_counts_once(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "copy").mkdir()
    _write(tmp_path / "copy")
    assert score_timeml(tmp_path, "en")[0].gold == 3


def test_broken_xml_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="expected TimeML XML"):
        read_timeml(_write(tmp_path, "<TimeML><TEXT>unclosed"))


def test_tasks_are_registered() -> None:
    assert {t.name for t in TASKS} == {"dates/en-tbaq", "dates/fr-timebank", "dates/seed-example"}


@pytest.mark.shared
def test_french_timebank_subset_beats_a_floor(shared_dir: Path) -> None:
    task = next(t for t in TASKS if t.name == "dates/fr-timebank")
    if not task.available(shared_dir):
        pytest.skip("French TimeBank is absent")
    result = task.run(EvalContext(shared=shared_dir, pipeline=lambda: None, limit=10))  # type: ignore[arg-type,return-value]
    assert result.n > 0
    assert result.metrics["value_f1"] > 0.6
