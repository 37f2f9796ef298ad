"""A first-person party ("nous", "je", "we", "our") stands for whoever speaks: the subject of the
sentence's verb of saying ("« Nous soutenons la fin de cette mission », a déclaré X"; "'We condemn
this attack,' he said", the "he" resolved in turn), not the last party named before it.

The antecedent search (chronique.coding.pronouns) has no agreement to go by for the first person
and took the nearest subject: a country named in the sentence before the quotation, the city the
story is told from. Only a speech verb of the same sentence that the pronoun is not the subject of
is read; with none, or a speaker that resolves to no coded party, the antecedent search decides as before.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from chronique.annotations.records import ActorMention
from chronique.coding.modality import is_speech_verb
from chronique.coding.role_parse import subject_dep
from chronique.knowledge.lexicon import EventLexicon
from chronique.knowledge.pronoun_words import pronoun_words


def quote_speaker(pronoun: Token, lexicon: EventLexicon,
                  resolve: Callable[[Token], list[ActorMention]]) -> list[ActorMention]:
    """The parties the first-person ``pronoun`` stands for, or [] when it is no first person or its
    sentence names no speaker."""
    speaker_words = pronoun_words(lexicon.lang).speaker
    if pronoun.lower_ not in speaker_words:
        return []
    euphonic = lexicon.words.euphonic
    for verb in pronoun.sent:
        if verb.i == pronoun.i or verb.pos_ not in ("VERB", "AUX") or not is_speech_verb(verb, lexicon):
            continue
        subj = next((c for c in verb.children if subject_dep(c) and c.lower_ not in euphonic), None)
        if subj is None or subj.lower_ in speaker_words:
            continue  # "nous avons dit": the pronoun's own verb
        found = resolve(subj)
        # a speaker the text leaves unknown ("a-t-il affirmé", no antecedent) is no better than the search
        return found if any(a.get("code") for a in found) else []
    return []
