"""The event check: structural features of coded events (hand-built parses of sentences written
here), the no-act classes it drops, and the grouped cross-validation the learned variant was
measured by."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from chronique.annotations.records import EventRecord
from chronique.cli.app import app
from chronique.coding.event_check import event_features, keep_told, no_act_class
from chronique.errors import UsageError
from chronique.options import PipelineOptions
from chronique.train.event_check_data import CheckRow
from chronique.train.event_check_fit import CheckModel, FitSettings, auc, cross_scores, fit, tradeoff

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import parsed_doc

runner = CliRunner()


def _event(doc: Any, trigger: str, actor: str | None, recipient: str | None = None, *,
           modality: str = "asserted", sequence: int = 1, code: str = "NLD") -> EventRecord:
    text = doc.text
    at = text.index(trigger)

    def party(word: str | None) -> dict[str, Any] | None:
        if word is None:
            return None
        start = text.index(word)
        return {"code": code, "sector": None, "entity_text": word, "start": start, "end": start + len(word)}

    return {"event": "ASSAULT", "quad_code": 4, "modality": modality, "confidence": 0.7,
            "actor": party(actor), "recipient": party(recipient),
            "text_info": {"sequence": sequence, "start": 0, "end": len(text)},
            "_trigger": [at, at + len(trigger)]}  # type: ignore[return-value]


def test_a_question_told_by_a_first_person_speaker_shows_in_its_features() -> None:
    # "Did we shell the port ?"
    doc = parsed_doc("en", [("Did", "do", "AUX", "aux", 2), ("we", "we", "PRON", "nsubj", 2),
                            ("shell", "shell", "VERB", "ROOT", 2), ("the", "the", "DET", "det", 4),
                            ("port", "port", "NOUN", "obj", 2), ("?", "?", "PUNCT", "punct", 2)],
                     morphs={1: "Person=1|Number=Plur", 2: "VerbForm=Inf"})
    row = event_features(doc, [_event(doc, "shell", "we")])[0]
    assert row["s_question"] == 1.0
    assert row["a_pronoun"] == 1.0 and row["a_first_second"] == 1.0
    assert row["t_inf"] == 1.0 and row["t_root"] == 1.0
    assert row["r_none"] == 1.0


def test_a_past_act_of_a_named_party_in_the_lead() -> None:
    # "Norland shelled Sildavia ."
    doc = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
                            ("Sildavia", "Sildavia", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1)],
                     morphs={1: "Tense=Past|VerbForm=Fin"})
    row = event_features(doc, [_event(doc, "shelled", "Norland", "Sildavia")])[0]
    assert row["t_past"] == 1.0 and row["t_pres"] == 0.0
    assert row["p_first"] == 1.0 and row["p_lead"] == 1.0
    assert row["s_question"] == 0.0 and row["a_first_second"] == 0.0
    assert row["both_coded"] == 1.0 and row["same_code"] == 1.0  # both parties NLD here
    assert row["m_asserted"] == 1.0 and row["q_4"] == 1.0


def test_a_french_future_act_with_digits_and_two_events_in_its_sentence() -> None:
    # "Le Mali frappera 3 villes en 2027 ."
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                            ("frappera", "frapper", "VERB", "ROOT", 2), ("3", "3", "NUM", "nummod", 4),
                            ("villes", "ville", "NOUN", "obj", 2), ("en", "en", "ADP", "case", 6),
                            ("2027", "2027", "NUM", "obl", 2), (".", ".", "PUNCT", "punct", 2)],
                     morphs={2: "Tense=Fut|Mood=Ind|VerbForm=Fin"})
    events = [_event(doc, "frappera", "Mali", modality="future"), _event(doc, "frappera", "Mali", "villes")]
    rows = event_features(doc, events)
    assert rows[0]["t_fut"] == 1.0 and rows[0]["m_future"] == 1.0 and rows[0]["lang_fr"] == 1.0
    assert rows[0]["s_digits"] > 0.0
    assert rows[0]["n_same_sentence"] == 0.5  # one other event in the sentence
    assert rows[1]["r_common_noun"] == 1.0


def test_quoted_words_a_first_person_and_a_modal_verb_tell_no_act_of_the_report() -> None:
    # « Nous frapperons le port » : quoted, first person
    quoted = parsed_doc("fr", [("«", "«", "PUNCT", "punct", 2), ("Nous", "nous", "PRON", "nsubj", 2),
                               ("frapperons", "frapper", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                               ("port", "port", "NOUN", "obj", 2), ("»", "»", "PUNCT", "punct", 2)],
                        morphs={1: "Person=1|Number=Plur"})
    row = event_features(quoted, [_event(quoted, "frapperons", "Nous")])[0]
    assert row["in_quote"] == 1.0 and row["s_opens_quote"] == 1.0 and row["a_first_second"] == 1.0
    assert no_act_class(row) == "quoted"
    # "Norland can shell the port ." : a modal verb, an ability, not an act
    modal = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 2), ("can", "can", "AUX", "aux", 2),
                              ("shell", "shell", "VERB", "ROOT", 2), ("the", "the", "DET", "det", 4),
                              ("port", "port", "NOUN", "obj", 2), (".", ".", "PUNCT", "punct", 2)])
    row = event_features(modal, [_event(modal, "shell", "Norland")])[0]
    assert row["t_modal"] == 1.0 and no_act_class(row) == "modal"
    assert keep_told(modal, [_event(modal, "shell", "Norland")]) == []


def test_a_french_modal_governs_its_complement_but_not_in_the_conditional_nor_when_conjoined() -> None:
    # "Le Mali peut frapper le port ." : "frapper" is the complement of "peut"
    rows = [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
            ("peut", "pouvoir", "VERB", "ROOT", 2), ("frapper", "frapper", "VERB", "xcomp", 2),
            ("le", "le", "DET", "det", 5), ("port", "port", "NOUN", "obj", 3), (".", ".", "PUNCT", "punct", 2)]
    doc = parsed_doc("fr", rows, morphs={2: "Mood=Ind|Tense=Pres"})
    assert event_features(doc, [_event(doc, "frapper", "Mali")])[0]["t_modal"] == 1.0
    # "Le Mali pourrait frapper le port ." : a conditional, left to the modality
    doc = parsed_doc("fr", [rows[0], rows[1], ("pourrait", "pouvoir", "VERB", "ROOT", 2), *rows[3:]],
                     morphs={2: "Mood=Cnd|Tense=Pres"})
    assert event_features(doc, [_event(doc, "frapper", "Mali")])[0]["t_modal"] == 0.0
    # "Le Mali frappa le port et peut recommencer ." : the modal is a conjunct, not the trigger's
    doc = parsed_doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                            ("frappa", "frapper", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                            ("port", "port", "NOUN", "obj", 2), ("et", "et", "CCONJ", "cc", 6),
                            ("peut", "pouvoir", "VERB", "conj", 2), ("recommencer", "recommencer", "VERB", "xcomp", 6),
                            (".", ".", "PUNCT", "punct", 2)], morphs={2: "Tense=Past", 6: "Mood=Ind"})
    row = event_features(doc, [_event(doc, "frappa", "Mali")])[0]
    assert row["t_modal"] == 0.0 and no_act_class(row) is None


def test_you_in_the_sentence_is_someones_own_words() -> None:
    # "You attacked Sildavia , he said ."
    doc = parsed_doc("en", [("You", "you", "PRON", "nsubj", 1), ("attacked", "attack", "VERB", "ccomp", 4),
                            ("Sildavia", "Sildavia", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 4),
                            ("he", "he", "PRON", "nsubj", 4), ("said", "say", "VERB", "ROOT", 4),
                            (".", ".", "PUNCT", "punct", 4)],
                     morphs={0: "Person=2", 4: "Person=3", 1: "Tense=Past"})
    row = event_features(doc, [_event(doc, "attacked", "You", "Sildavia")])[0]
    assert row["s_first_second"] == 1.0 and no_act_class(row) == "first_second_person"


def test_a_told_act_in_the_third_person_is_kept() -> None:
    # "Norland shelled Sildavia , officials said ."
    doc = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ccomp", 5),
                            ("Sildavia", "Sildavia", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 5),
                            ("officials", "official", "NOUN", "nsubj", 5), ("said", "say", "VERB", "ROOT", 5),
                            (".", ".", "PUNCT", "punct", 5)],
                     morphs={1: "Tense=Past", 4: "Number=Plur"})
    events = [_event(doc, "shelled", "Norland", "Sildavia")]
    assert no_act_class(event_features(doc, events)[0]) is None
    assert keep_told(doc, events) == events
    assert keep_told(doc, []) == []


def test_the_stage_drops_exactly_the_events_whose_full_features_fall_in_a_no_act_class() -> None:
    # keep_told reads only the features of its classes; they must be the ones event_features gives
    quoted = parsed_doc("en", [("“", "“", "PUNCT", "punct", 2), ("Norland", "Norland", "PROPN", "nsubj", 2),
                               ("shelled", "shell", "VERB", "ROOT", 2), ("us", "we", "PRON", "obj", 2),
                               ("”", "”", "PUNCT", "punct", 2), (".", ".", "PUNCT", "punct", 2)],
                        morphs={3: "Person=1|Number=Plur", 2: "Tense=Past"})
    modal = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 2), ("must", "must", "AUX", "aux", 2),
                              ("shell", "shell", "VERB", "ROOT", 2), ("Sildavia", "Sildavia", "PROPN", "obj", 2),
                              (".", ".", "PUNCT", "punct", 2)])
    told = parsed_doc("en", [("Norland", "Norland", "PROPN", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
                             ("Sildavia", "Sildavia", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1)],
                      morphs={1: "Tense=Past"})
    cases = [(quoted, [_event(quoted, "shelled", "Norland", "us")]),
             (modal, [_event(modal, "shell", "Norland", "Sildavia"), _event(modal, "shell", None)]),
             (told, [_event(told, "shelled", "Norland", "Sildavia"), _event(told, "shelled", "Sildavia")])]
    for doc, events in cases:
        expected = [e for e, row in zip(events, event_features(doc, events), strict=True) if no_act_class(row) is None]
        assert keep_told(doc, events) == expected
    assert keep_told(quoted, cases[0][1]) == [] and keep_told(modal, cases[1][1]) == []
    assert keep_told(told, cases[2][1]) == cases[2][1]


def test_a_learned_model_scores_by_its_weights() -> None:
    model = CheckModel(("bias", "s_question"), (1.0, -4.0), 0.0)
    assert model.score({"bias": 1.0, "s_question": 1.0}) < 0.5 < model.score({"bias": 1.0})


def _rows(n_groups: int, corpus: str, rng: np.random.Generator) -> list[CheckRow]:
    """Rows whose label follows one feature, with noise on another."""
    out = []
    for g in range(n_groups):
        for _ in range(6):
            told = int(rng.random() < 0.5)
            out.append(CheckRow({"bias": 1.0, "told": float(told), "noise": float(rng.random())}, told,
                                f"{corpus}:{g}", corpus, 0.7))
    return out


def test_cross_validation_keeps_pages_whole_and_finds_a_separating_feature() -> None:
    rng = np.random.default_rng(0)
    rows = _rows(8, "fr-wikinews-train", rng) + _rows(5, "pages-look", rng)
    test, scores = cross_scores(rows, FitSettings(), "look")
    assert {r.corpus for r in test} == {"pages-look"} and len(test) == 30
    assert auc([r.label for r in test], scores) == 1.0
    # the same rows fit twice give the same weights
    assert fit(rows, FitSettings()) == fit(rows, FitSettings())


def test_auc_and_the_tradeoff_table() -> None:
    labels, scores = [1, 0, 1, 0], np.array([0.9, 0.8, 0.3, 0.1])
    assert auc(labels, scores) == 0.75
    assert tradeoff(labels, scores, [0.0, 0.5]) == [(0.0, 4, 2, 2), (0.5, 2, 1, 2)]


def test_the_check_is_on_by_default_and_a_named_flag_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import chronique.pipeline
    from chronique.cli.eval import _builder

    seen: list[PipelineOptions] = []

    def record(options: PipelineOptions) -> None:
        seen.append(options)
        raise UsageError("stop here: the options are all this test reads", where="test")

    monkeypatch.setattr(chronique.pipeline, "Pipeline", record)
    for flags in ([], ["--no-event-check"]):
        runner.invoke(app, ["extract", "-", *flags], input="Le ministre a parlé.\n")
    with pytest.raises(UsageError):
        _builder("rules", None, True, 0.5, False)()
    assert [o.event_check for o in seen] == [True, False, False]
    assert "--no-event-check" in runner.invoke(app, ["ingest", "--help"]).output


def _triples(pipeline: Any, text: str, lang: str) -> set[tuple[str, str | None, str | None]]:
    events = pipeline.extract(text, lang=lang).events
    return {(e.event, e.actor and e.actor.code, e.recipient and e.recipient.code) for e in events}


@pytest.mark.model
@pytest.mark.parametrize(("lang", "quoted", "told"), [
    ("en", "“They attacked Mali on Monday,” the French minister said.", "The French army attacked Mali on Monday."),
    ("fr", "« Ils ont attaqué le Mali lundi », a dit le ministre français.", "La France a attaqué le Mali lundi."),
])
def test_real_parse_the_check_drops_a_quoted_claim_and_keeps_a_told_act(
        rules_pipeline: Any, unchecked_rules_pipeline: Any, lang: str, quoted: str, told: str) -> None:
    """A quoted act of others is someone's claim: dropped. (A speaker's own "we attacked" is kept
    when the speaker resolves: tests/test_no_act.py.)"""
    assert any(t[0] == "ASSAULT" for t in _triples(unchecked_rules_pipeline, quoted, lang))
    assert not any(t[0] == "ASSAULT" for t in _triples(rules_pipeline, quoted, lang))
    assert ("ASSAULT", "FRA", "MLI") in _triples(rules_pipeline, told, lang)
