"""Scoring of transfer records against judged ones, and the judged set itself (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.errors import FormatError
from chronique.eval.arms_judged import load_judged
from chronique.eval.transfer_scoring import TransferScore, parse_judged
from chronique.schema import Transfer


def _t(supplier: str | None, recipient: str | None, weapon: str | None, category: str, status: str) -> Transfer:
    return Transfer(supplier=supplier, recipient=recipient, weapon=weapon, category=category, status=status)


def test_parse_judged_reads_parties_weapon_and_statuses() -> None:
    j = parse_judged("? > UKR | heavy weapons | requested/pledged", "here")
    assert (j.supplier, j.recipient, j.weapon, j.statuses) == (None, "UKR", "heavy weapons",
                                                               frozenset({"requested", "pledged"}))


def test_parse_judged_says_what_it_expected() -> None:
    with pytest.raises(FormatError, match="SUPPLIER>RECIPIENT"):
        parse_judged("Falke-7 delivered", "item 3")


def test_a_fourth_field_is_the_judged_quantity_scored_on_found_triples() -> None:
    judged = [parse_judged(line, "t") for line in ("AAA>BBB | Falke-7 | ordered | 180", "AAA>CCC | tank | ordered | 12",
                                                   "AAA>DDD | Falke-7 | ordered | 5")]
    assert judged[0].quantity == 180
    found = [Transfer(supplier="AAA", recipient="BBB", weapon="Falke-7", category="missile system", status="ordered",
                      quantity=180),
             Transfer(supplier="AAA", recipient="CCC", weapon=None, category="tank", status="ordered", quantity=10)]
    score = TransferScore()
    score.add(judged, found)  # the third judged record is not found: its quantity is not scored
    assert (score.quantity_right, score.quantity_judged) == (1, 2)
    with pytest.raises(FormatError, match="quantity"):
        parse_judged("AAA>BBB | Falke-7 | ordered | many", "t")


def test_pair_triple_and_status_levels() -> None:
    judged = [parse_judged("AAA>BBB | Falke-7 | delivered", "t"), parse_judged("AAA>CCC | tank | ordered", "t")]
    found = [_t("AAA", "BBB", "Falke-7", "missile system", "pledged"),  # right pair and weapon, wrong status
             _t("AAA", "CCC", None, "artillery", "ordered"),  # right pair, wrong weapon
             _t("DDD", "BBB", None, "tank", "delivered")]  # wrong pair
    score = TransferScore()
    score.add(judged, found)
    assert (score.pairs.tp, score.pairs.fp, score.pairs.fn) == (2, 1, 0)
    assert (score.triples.tp, score.triples.fp, score.triples.fn) == (1, 2, 1)
    assert (score.status_right, score.status_judged) == (1, 2)


def test_false_alarms_count_articles_and_empty_parties_count_records() -> None:
    score = TransferScore()
    score.add([], [_t("AAA", None, None, "tank", "delivered")])
    score.add([], [])
    score.add([parse_judged("AAA>BBB | Falke-7 | delivered", "t")], [_t("AAA", None, "Falke-7", "x", "delivered")])
    assert (score.false_alarms, score.negatives, score.empty_party) == (1, 2, 1)


def test_the_judged_set_covers_every_frame_and_error_class_in_both_parts() -> None:
    for part in ("rules", "measure"):
        items = load_judged(part)
        classes = {i.kind for i in items}
        assert {"purchase", "sale", "delivery", "aid-package", "passive", "report"} <= classes
        assert {"own-deployment", "exercise", "domestic-procurement", "third-party-call"} <= classes
        assert {i.lang for i in items} == {"en", "fr"}
        assert all(not i.expect for i in items if i.kind in ("own-deployment", "exercise", "third-party-call"))
    ids = [i.id for i in load_judged()]
    assert len(ids) == len(set(ids))


def test_a_page_chronique_rejects_counts_as_no_record_not_a_failed_task() -> None:
    """A judged page in a language chronique refuses is what a user gets: no transfer record."""
    from pathlib import Path

    from chronique.errors import UnsupportedLanguageError
    from chronique.eval.arms_judged import _score_articles
    from chronique.eval.registry import EvalContext
    from chronique.schema import Article

    class Refusing:
        def extract_article(self, article: Article) -> None:
            raise UnsupportedLanguageError("expected French or English, found Swahili (sw)", where=article.source)

    page = Article.create("Habari za leo kutoka mjini.", source="page.html")
    judged = (parse_judged("USA>UKR | HIMARS | delivered", "test"),)
    ctx = EvalContext(shared=Path("."), pipeline=lambda: Refusing())  # type: ignore[arg-type, return-value]
    score, rows = _score_articles(ctx, [(page, judged), (page, ())], show_found=True)
    assert score.false_alarms == 0 and score.negatives == 1
    assert rows[0][-1] == "rejected (UNSUPPORTED_LANGUAGE)"


def test_the_judged_real_reports_name_articles_only_and_every_class_of_round_5_is_judged() -> None:
    from chronique.eval.arms_judged import _data

    rows = _data("transfers_real.yaml")["articles"]
    assert rows and all(set(r) <= {"source", "id", "split", "expect", "note"} for r in rows)
    assert {r["split"] for r in rows} == {"look"}
    classes = {i.kind for i in load_judged("rules")} & {i.kind for i in load_judged("measure")}
    assert {"demonym-party", "third-party-call", "mixed-aid", "category-weapon", "interdiction"} <= classes


def test_the_judged_train_sentences_name_sentences_only() -> None:
    from chronique.eval.arms_judged import _data

    rows = _data("transfers_train_real.yaml")["sentences"]
    assert rows and all(set(r) <= {"source", "id", "at", "class", "expect", "note"} for r in rows)
    assert {r["source"] for r in rows} == {"plv-train", "m2e2-voa", "fr-wikinews-train"}
    assert all(len(r["at"]) == 2 for r in rows if r["source"] == "fr-wikinews-train")
    assert all(parse_judged(line, "test") for r in rows for line in r["expect"])


def test_the_judged_train_sentences_are_found_in_the_train_split(shared_dir: Path) -> None:
    from chronique.eval.arms_train_real import load_train_real

    if not (shared_dir / "eval" / "train" / "events" / "plv-train").is_dir():
        pytest.skip("the train split is absent")
    items = load_train_real(shared_dir)
    assert len(items) == 51 and sum(bool(i.expect) for i in items) == 4
    assert {i.lang for i in items if i.source == "fr-wikinews-train"} == {"fr"}
    assert all(i.text.strip() == i.text and len(i.text) > 20 for i in items)
