"""Parties named elsewhere (issues 12, 13): an impersonal subject names no one
(chronique.coding.impersonal); an event whose pronoun party stays unresolved is not kept
(chronique.coding.pronoun_parties).

Hand-built parses (no model) with the packaged lexicons. Every sentence was written for these tests.
"""

from __future__ import annotations

import re

from test_coding_pronoun_parties import _doc, _events, _mention, _of

from chronique.coding.impersonal import impersonal
from chronique.coding.pronoun_parties import resolved_only
from chronique.knowledge.pronoun_words import pronoun_words

# -- impersonal subjects ----------------------------------------------------------------------------

def test_impersonal_verbs_and_existential_il_name_no_one() -> None:
    words = pronoun_words("fr")
    # "Il faut punir le Mali ."
    faut = _doc("fr", [("Il", "il", "PRON", "expl:subj", 1), ("faut", "falloir", "VERB", "ROOT", 1),
                       ("punir", "punir", "VERB", "xcomp", 1), ("le", "le", "DET", "det", 4),
                       ("Mali", "Mali", "PROPN", "obj", 2), (".", ".", "PUNCT", "punct", 1)], {0})
    # "Il y a eu des combats ."
    there = _doc("fr", [("Il", "il", "PRON", "expl:subj", 3), ("y", "y", "PRON", "iobj", 3),
                        ("a", "avoir", "AUX", "aux:tense", 3), ("eu", "avoir", "VERB", "ROOT", 3),
                        ("des", "un", "DET", "det", 5), ("combats", "combat", "NOUN", "obj", 3),
                        (".", ".", "PUNCT", "punct", 3)], {0})
    # "Il y va ." — "y" with another verb: he goes there
    goes = _doc("fr", [("Il", "il", "PRON", "nsubj", 2), ("y", "y", "PRON", "iobj", 2),
                       ("va", "aller", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)], {0})
    assert impersonal(faut[0], words) and impersonal(there[0], words)
    assert not impersonal(goes[0], words)


def test_an_adjective_governing_a_que_or_that_clause_makes_the_subject_impersonal() -> None:
    # "Il est probable que le Mali attaque ." against "Il est prêt pour attaquer ."
    likely = _doc("fr", [("Il", "il", "PRON", "expl:subj", 2), ("est", "être", "AUX", "cop", 2),
                         ("probable", "probable", "ADJ", "ROOT", 2), ("que", "que", "SCONJ", "mark", 6),
                         ("le", "le", "DET", "det", 5), ("Mali", "Mali", "PROPN", "nsubj", 6),
                         ("attaque", "attaquer", "VERB", "ccomp", 2), (".", ".", "PUNCT", "punct", 2)], {0})
    ready = _doc("fr", [("Il", "il", "PRON", "expl:subj", 2), ("est", "être", "AUX", "cop", 2),
                        ("prêt", "prêt", "ADJ", "ROOT", 2), ("pour", "pour", "ADP", "mark", 4),
                        ("attaquer", "attaquer", "VERB", "advcl", 2), (".", ".", "PUNCT", "punct", 2)], {0})
    assert impersonal(likely[0], pronoun_words("fr"))
    assert not impersonal(ready[0], pronoun_words("fr"))
    # "It is likely that Chad attacked ." against "It is ready to attack ."
    words = pronoun_words("en")
    en_likely = _doc("en", [("It", "it", "PRON", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1),
                            ("likely", "likely", "ADJ", "acomp", 1), ("that", "that", "SCONJ", "mark", 5),
                            ("Chad", "Chad", "PROPN", "nsubj", 5), ("attacked", "attack", "VERB", "ccomp", 1),
                            (".", ".", "PUNCT", "punct", 1)], {0})
    en_ready = _doc("en", [("It", "it", "PRON", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1),
                           ("ready", "ready", "ADJ", "acomp", 1), ("to", "to", "PART", "aux", 4),
                           ("attack", "attack", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1)], {0})
    assert impersonal(en_likely[0], words)
    assert not impersonal(en_ready[0], words)


def test_it_seems_names_no_one_but_it_of_a_plain_verb_does() -> None:
    words = pronoun_words("en")
    seems = _doc("en", [("It", "it", "PRON", "nsubj", 1), ("seems", "seem", "VERB", "ROOT", 1),
                        ("that", "that", "SCONJ", "mark", 4), ("Chad", "Chad", "PROPN", "nsubj", 4),
                        ("lied", "lie", "VERB", "ccomp", 1), (".", ".", "PUNCT", "punct", 1)], {0})
    attacked = _doc("en", [("It", "it", "PRON", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
                           ("Chad", "Chad", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)], {0})
    assert impersonal(seems[0], words)
    assert not impersonal(attacked[0], words)


def test_an_impersonal_subject_is_no_party_of_the_event() -> None:
    # "Le Niger reçoit le Tchad . Il faut condamner le Mali ." — "il" is nobody, never the Niger
    doc = _doc("fr", [("Le", "le", "DET", "det", 1), ("Niger", "Niger", "PROPN", "nsubj", 2),
                      ("reçoit", "recevoir", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                      ("Tchad", "Tchad", "PROPN", "obj", 2), (".", ".", "PUNCT", "punct", 2),
                      ("Il", "il", "PRON", "expl:subj", 7), ("faut", "falloir", "VERB", "ROOT", 7),
                      ("condamner", "condamner", "VERB", "xcomp", 7), ("le", "le", "DET", "det", 10),
                      ("Mali", "Mali", "PROPN", "obj", 8), (".", ".", "PUNCT", "punct", 7)], {0, 6},
               {1: "Gender=Masc|Number=Sing", 4: "Gender=Masc|Number=Sing"})
    doc._.ch_actors = [_mention(doc, "Niger", "NER"), _mention(doc, "Tchad", "TCD"), _mention(doc, "Mali", "MLI")]
    events = _events(doc, "fr")
    assert all((e.get("actor") or {}).get("entity_text") != "Il" for e in events), events


# -- unresolved pronoun parties ----------------------------------------------------------------------

def test_an_event_whose_pronoun_party_stays_unresolved_is_not_kept() -> None:
    # "Chad attacked Niger . She condemned Israel ." — no woman is named before "she"; "Chad
    # condemned Israel ." tells who: kept
    doc = _doc("en", [("Chad", "Chad", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
                      ("Niger", "Niger", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
                      ("She", "she", "PRON", "nsubj", 5), ("condemned", "condemn", "VERB", "ROOT", 5),
                      ("Israel", "Israel", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5),
                      ("Chad", "Chad", "PROPN", "nsubj", 9), ("condemned", "condemn", "VERB", "ROOT", 9),
                      ("Israel", "Israel", "PROPN", "dobj", 9), (".", ".", "PUNCT", "punct", 9)], {0, 4, 8})
    mentions = []
    for name, code in (("Chad", "TCD"), ("Niger", "NER"), ("Israel", "ISR")):
        mentions += [{**_mention(doc, name, code), "start": m.start(), "end": m.end()}
                     for m in re.finditer(name, doc.text)]
    doc._.ch_actors = sorted(mentions, key=lambda m: m["start"])
    coded = _events(doc, "en")
    assert ("She", None, "ISR") in _of(coded, "ACCUSE")  # the coder's reading, uncoded party
    kept = resolved_only(coded)
    assert _of(kept, "ACCUSE") == [("Chad", "TCD", "ISR")]
    assert _of(kept, "ASSAULT") == _of(coded, "ASSAULT")


def test_an_unresolved_french_pronoun_drops_its_event() -> None:
    # "Le Mali attaque le Niger . Elle condamne le Tchad ." — "elle" agrees with neither (masculine)
    doc = _doc("fr", [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
                      ("attaque", "attaquer", "VERB", "ROOT", 2), ("le", "le", "DET", "det", 4),
                      ("Niger", "Niger", "PROPN", "obj", 2), (".", ".", "PUNCT", "punct", 2),
                      ("Elle", "il", "PRON", "nsubj", 7), ("condamne", "condamner", "VERB", "ROOT", 7),
                      ("le", "le", "DET", "det", 9), ("Tchad", "Tchad", "PROPN", "obj", 7),
                      (".", ".", "PUNCT", "punct", 7)], {0, 6},
               {1: "Gender=Masc|Number=Sing", 4: "Gender=Masc|Number=Sing", 9: "Gender=Masc|Number=Sing"})
    doc._.ch_actors = [_mention(doc, "Mali", "MLI"), _mention(doc, "Niger", "NER"), _mention(doc, "Tchad", "TCD")]
    coded = _events(doc, "fr")
    assert ("Elle", None, "TCD") in _of(coded, "ACCUSE")
    kept = resolved_only(coded)
    assert _of(kept, "ACCUSE") == []
    assert _of(kept, "ASSAULT") == [("Mali", "MLI", "NER")]
