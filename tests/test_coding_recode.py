"""The recoding rules one by one, on hand-built parses of sentences written for these tests (fictional
countries: Valdoria VAL, Norland NOR), and their order in the table."""

from __future__ import annotations

from typing import Any

import pytest
from coding_helpers import parsed_doc, set_actors
from spacy.tokens import Doc, Token

from chronique.coding.mentions import MentionIndex
from chronique.coding.recode import (
    RECODING_RULES,
    THREATEN_CODE,
    Reading,
    Recoder,
    announced_act_takes_a_stance,
    apply_rules,
    conditional_act_is_a_threat,
    declined_cooperation_is_a_rejection,
    own_side_denial_is_a_rejection,
    requested_act_is_a_request,
    speaker_own_act_is_asserted,
    stance_takes_its_branch,
)
from chronique.coding.role_parse import Roles
from chronique.coding.roles import RoleFinder
from chronique.knowledge.cameo import CameoTable, load_cameo_table
from chronique.knowledge.lexicon import EventLexicon, Trigger

VAL = {"text": "Valdoria", "code": "VAL", "sector": "GOV", "kind": "country"}
NOR = {"text": "Norland", "code": "NOR", "sector": "GOV", "kind": "country"}


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return load_cameo_table()


def _recoder(doc: Doc, table: CameoTable, lexicon: EventLexicon) -> Recoder:
    return Recoder(table, lexicon, RoleFinder(MentionIndex(doc), lexicon))


def _reading(table: CameoTable, head: Token, code: str, modality: str, *, sources: list[dict[str, Any]],
             targets: list[dict[str, Any]] | None = None, speech: Token | None = None,
             speaker: dict[str, Any] | None = None, embeds: str | None = None) -> Reading:
    event, mode, context = table.plover(code) or ("", "", ())
    trigger = Trigger(words=(head.lemma_,), cameo=code, embeds=embeds)
    return Reading(code, event, mode, context, modality, Roles(sources=list(sources), targets=list(targets or [])),
                   head, trigger, speech, speaker)


def _must_withdraw() -> Doc:
    """"Valdoria said Norland must withdraw" (the act is asked of Norland)."""
    doc = parsed_doc("en", [("Valdoria", "Valdoria", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                            ("Norland", "Norland", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
                            ("withdraw", "withdraw", "VERB", "ccomp", 1)])
    set_actors(doc, Valdoria="VAL", Norland="NOR")
    return doc


def test_an_act_the_speaker_says_another_must_do_is_their_request(table: CameoTable, lexicon: EventLexicon) -> None:
    doc = _must_withdraw()
    reading = _reading(table, doc[4], "087", "requested", sources=[NOR], speech=doc[1], speaker=VAL)
    requested_act_is_a_request(_recoder(doc, table, lexicon), reading)
    assert reading.event == "REQUEST" and reading.modality == "asserted"
    assert [a["code"] for a in reading.roles.sources] == ["VAL"]
    assert [a["code"] for a in reading.roles.targets] == ["NOR"]


def test_a_requested_act_with_no_speaker_stays_as_it_is(table: CameoTable, lexicon: EventLexicon) -> None:
    doc = _must_withdraw()
    reading = _reading(table, doc[4], "087", "requested", sources=[NOR])
    requested_act_is_a_request(_recoder(doc, table, lexicon), reading)
    assert (reading.event, reading.code, reading.modality) == ("RETREAT", "087", "requested")


def _sentence(words: list[tuple[str, str, str, str, int]]) -> Doc:
    doc = parsed_doc("en", words)
    set_actors(doc, Valdoria="VAL", Norland="NOR")
    return doc


def test_declining_a_cooperative_act_is_a_rejection(table: CameoTable, lexicon: EventLexicon) -> None:
    """"Valdoria will not meet Norland"."""
    doc = _sentence([("Valdoria", "Valdoria", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
                     ("not", "not", "PART", "neg", 3), ("meet", "meet", "VERB", "ROOT", 3),
                     ("Norland", "Norland", "PROPN", "dobj", 3)])
    recoder = _recoder(doc, table, lexicon)
    reading = _reading(table, doc[3], "040", "negated", sources=[VAL], targets=[NOR])
    declined_cooperation_is_a_rejection(recoder, reading)
    assert reading.event == "REJECT" and reading.modality == "asserted"
    attack = _reading(table, doc[3], "190", "negated", sources=[VAL], targets=[NOR])
    declined_cooperation_is_a_rejection(recoder, attack)
    assert attack.event == "ASSAULT" and attack.modality == "negated"  # not a cooperative act


def test_a_speaker_denying_their_own_side_attacked_rejects_the_claim(table: CameoTable,
                                                                      lexicon: EventLexicon) -> None:
    """"Valdoria said its planes did not strike Norland"."""
    doc = _sentence([("Valdoria", "Valdoria", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                     ("planes", "plane", "NOUN", "nsubj", 5), ("did", "do", "AUX", "aux", 5),
                     ("not", "not", "PART", "neg", 5), ("strike", "strike", "VERB", "ccomp", 1),
                     ("Norland", "Norland", "PROPN", "dobj", 5)])
    recoder = _recoder(doc, table, lexicon)
    own = _reading(table, doc[5], "190", "negated", sources=[VAL], targets=[NOR], speech=doc[1], speaker=VAL)
    own_side_denial_is_a_rejection(recoder, own)
    assert (own.event, own.modality, own.roles.sources) == ("REJECT", "asserted", [VAL])
    other = _reading(table, doc[5], "190", "negated", sources=[NOR], targets=[VAL], speech=doc[1], speaker=VAL)
    own_side_denial_is_a_rejection(recoder, other)
    assert other.event == "ASSAULT"  # the speaker speaks of another party: no denial of their own


def test_an_announced_act_takes_the_stance_of_its_kind(table: CameoTable, lexicon: EventLexicon) -> None:
    doc = _sentence([("Valdoria", "Valdoria", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                     ("help", "help", "VERB", "ROOT", 2), ("Norland", "Norland", "PROPN", "dobj", 2)])
    recoder = _recoder(doc, table, lexicon)
    stances = {}
    for code, mod in (("070", "future"), ("030", "future"), ("190", "future"), ("190", "conditional"),
                      ("070", "asserted")):
        reading = _reading(table, doc[2], code, mod, sources=[VAL], targets=[NOR])
        announced_act_takes_a_stance(recoder, reading)
        stances[(code, mod)] = reading.stance
    assert stances == {("070", "future"): "intent", ("030", "future"): None, ("190", "future"): "threaten",
                       ("190", "conditional"): None, ("070", "asserted"): None}
    embedded = _reading(table, doc[2], "070", "future", sources=[VAL], embeds="intent")
    announced_act_takes_a_stance(recoder, embedded)
    assert embedded.stance is None  # an embedding trigger keeps its own code


def test_an_act_tied_to_a_condition_is_a_threat_made_now(table: CameoTable, lexicon: EventLexicon) -> None:
    """"Valdoria will attack unless Norland withdraws"."""
    doc = _sentence([("Valdoria", "Valdoria", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                     ("attack", "attack", "VERB", "ROOT", 2), ("unless", "unless", "SCONJ", "mark", 5),
                     ("Norland", "Norland", "PROPN", "nsubj", 5), ("withdraws", "withdraw", "VERB", "advcl", 2)])
    reading = _reading(table, doc[2], "190", "future", sources=[VAL], targets=[NOR])
    conditional_act_is_a_threat(_recoder(doc, table, lexicon), reading)
    assert (reading.stance, reading.modality) == ("threaten", "asserted")


def test_a_stance_gives_the_act_its_branch(table: CameoTable, lexicon: EventLexicon) -> None:
    doc = _sentence([("Valdoria", "Valdoria", "PROPN", "nsubj", 1), ("leaves", "leave", "VERB", "ROOT", 1),
                     ("Norland", "Norland", "PROPN", "dobj", 1)])
    recoder = _recoder(doc, table, lexicon)
    retreat = _reading(table, doc[1], "087", "future", sources=[VAL])
    retreat.stance = "intent"
    stance_takes_its_branch(recoder, retreat)
    assert retreat.event == "CONCEDE" and retreat.mode == ""  # an announced withdrawal concedes
    threat = _reading(table, doc[1], "190", "future", sources=[VAL])
    threat.stance = "threaten"
    stance_takes_its_branch(recoder, threat)
    assert threat.event == "THREATEN" and threat.code.startswith(THREATEN_CODE[:2])
    plain = _reading(table, doc[1], "087", "asserted", sources=[VAL])
    stance_takes_its_branch(recoder, plain)
    assert (plain.event, plain.code) == ("RETREAT", "087")


def test_a_speaker_telling_their_own_act_asserts_it(table: CameoTable, lexicon: EventLexicon) -> None:
    doc = _must_withdraw()
    recoder = _recoder(doc, table, lexicon)
    own = _reading(table, doc[4], "087", "reported", sources=[VAL], speech=doc[1], speaker=VAL)
    speaker_own_act_is_asserted(recoder, own)
    assert own.modality == "asserted"
    told = _reading(table, doc[4], "087", "reported", sources=[NOR], speech=doc[1], speaker=VAL)
    speaker_own_act_is_asserted(recoder, told)
    assert told.modality == "reported"


def test_the_rules_run_in_their_order_and_each_says_what_it_does(table: CameoTable, lexicon: EventLexicon) -> None:
    assert [rule.__name__ for rule in RECODING_RULES] == [
        "unarmed_attack_is_criticism", "requested_act_is_a_request", "declined_cooperation_is_a_rejection",
        "own_side_denial_is_a_rejection",
        "announced_act_takes_a_stance", "conditional_act_is_a_threat", "stance_takes_its_branch",
        "speaker_own_act_is_asserted",
    ]
    assert all(rule.__doc__ and len(rule.__doc__) > 40 for rule in RECODING_RULES)
    # a promise to help: the stance found by one rule is the branch the next one gives (AGREE)
    doc = _sentence([("Valdoria", "Valdoria", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
                     ("help", "help", "VERB", "ROOT", 2), ("Norland", "Norland", "PROPN", "dobj", 2)])
    reading = apply_rules(_recoder(doc, table, lexicon),
                          _reading(table, doc[2], "070", "future", sources=[VAL], targets=[NOR]))
    assert reading.event == "AGREE" and reading.stance == "intent"
