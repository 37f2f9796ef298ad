"""benchmarks/train_misses.py's cause of a missed gold event, on traces built by hand (no parser,
no gold data): the first failing stage in the coder's order, and the scorer's matching for hits."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

from train_misses import ArticleTrace, Cause, Reading, Sentence, cause, classify

from chronique.train.readers import GoldEvent, GoldParty

SENTENCE = Sentence(0, 50, (("attaquer", "VERB"),), (("attaquer", "ASSAULT"),), "")


def _gold(event: str = "ASSAULT", actor: str = "RUS", recipient: str | None = "UKR") -> GoldEvent:
    return GoldEvent(0, 50, event, GoldParty(actor, "MIL", "x"),
                     GoldParty(recipient, "GOV", "y") if recipient else None)


def _reading(event: str, actor: str, recipient: str, trigger: int = 5) -> Reading:
    return Reading(((trigger,), event, actor, recipient), event, actor, recipient, 0, 50, 0.6, "attaquer")


def _trace(coded: list[Reading], kept: list[Reading] | None = None,
           sentences: tuple[Sentence, ...] = (SENTENCE,)) -> ArticleTrace:
    kept = coded if kept is None else kept
    return ArticleTrace([("coded", coded), ("floor", kept), ("merge", kept)], list(sentences), [])


def test_no_sentence_and_no_candidate() -> None:
    assert cause(_gold(), _trace([], sentences=())) == Cause("a", "no sentence")
    assert cause(_gold(), _trace([])) == Cause("b", "trigger, no event")
    bare = Sentence(0, 50, (), (), "")
    assert cause(_gold(), _trace([], sentences=(bare,))) == Cause("b", "no trigger")


def test_a_right_reading_dropped_names_the_step() -> None:
    right = _reading("ASSAULT", "RUS", "UKR")
    assert cause(_gold(), _trace([right], kept=[])) == Cause("c", "dropped by floor")


def test_class_actor_and_recipient_in_order() -> None:
    assert cause(_gold(), _trace([_reading("COERCE", "RUS", "UKR")])) == Cause("d", "class trigger")
    assert cause(_gold("PROTEST"), _trace([_reading("COERCE", "RUS", "UKR")])) == Cause("d", "no class trigger")
    assert cause(_gold(), _trace([_reading("ASSAULT", "UKR", "RUS")])) == Cause("e", "roles swapped")
    assert cause(_gold(), _trace([_reading("ASSAULT", "", "UKR")])) == Cause("e", "unresolved or missing actor")
    assert cause(_gold(), _trace([_reading("ASSAULT", "RUS", "")])) == Cause("f", "missing recipient")
    assert cause(_gold(recipient=None), _trace([_reading("ASSAULT", "RUS", "UKR")])) == Cause("f", "extra recipient")
    wrong = _reading("ASSAULT", "BLR", "UKR")
    assert cause(_gold(), _trace([wrong], kept=[])) == Cause("e", "wrong actor code", dropped=True)


def test_a_kept_right_reading_is_a_hit_and_the_rest_false_positives() -> None:
    right, other = _reading("ASSAULT", "RUS", "UKR"), _reading("ACCUSE", "UKR", "RUS", trigger=20)
    causes, spurious = classify([_gold()], _trace([right, other]))
    assert causes == [Cause("hit", "")]
    assert spurious == [other]
