"""Features that tell a told act from a quoted, backgrounded or pronoun-borne one: written sentences."""

from __future__ import annotations

import sys
from pathlib import Path

from chronique.coding.features import candidate_features, in_quote, position_bucket
from chronique.coding.mentions import MentionIndex
from chronique.coding.open_triggers import open_readings

sys.path.insert(0, str(Path(__file__).parent))
from coding_helpers import parsed_doc, set_actors


def test_a_position_inside_a_quotation() -> None:
    text = 'Norland said: “we will shell the port”, then Sildavia shelled it.'
    assert in_quote(text, 0, text.index("shell the"))
    assert not in_quote(text, 0, text.index("shelled it"))
    french = "Le ministre a dit : « nous frapperons » ; le Mali a frappé."
    assert in_quote(french, 0, french.index("frapperons"))
    assert not in_quote(french, 0, french.index("frappé."))
    straight = 'He said "they attacked" and they attacked.'
    assert in_quote(straight, 0, straight.index("attacked"))
    assert not in_quote(straight, 0, straight.rindex("attacked"))


def test_the_sentence_place_in_the_article() -> None:
    assert [position_bucket(n) for n in (1, 2, 3, 4, 10, 11, 40)] == ["1", "2-3", "2-3", "4-10", "4-10", "11+", "11+"]


def test_a_pronoun_party_is_marked() -> None:
    # "They shelled Peru ." : the actor is a pronoun, the recipient a name
    doc = parsed_doc("en", [("They", "they", "PRON", "nsubj", 1), ("shelled", "shell", "VERB", "ROOT", 1),
                            ("Peru", "Peru", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1)])
    set_actors(doc, They="CHL", Peru="PER")
    readings = open_readings(doc, MentionIndex(doc), set())
    both = [i for i, e in enumerate(readings) if (e.get("actor") or {}).get("code") == "CHL"
            and (e.get("recipient") or {}).get("code") == "PER"]
    assert both
    feats = set(candidate_features(doc, readings, both[0]))
    assert {"a_pron:True", "r_pron:False", "quote:False", "sent_pos:1", "sent_len:0"} <= feats
