"""A subject pronoun as a transfer party ("La Pologne modernise son armée. Elle a acheté 96
hélicoptères Apache…", "It delivered 18 Leopard 2 tanks"): the party it stands for, resolved by the
coder's pronoun resolver (agreement in person, number and gender; the nearest agreeing subject).
Only singular pronouns: "they/ils/elles" as often stand for the weapons ("They will go to Ukraine")."""

from __future__ import annotations

from spacy.tokens import Span

from chronique.arms.frames import Party
from chronique.coding.mentions import MentionIndex
from chronique.coding.pronouns import PronounResolver
from chronique.knowledge.pronoun_words import pronoun_words

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def pronoun_parties(index: MentionIndex, sent: Span) -> list[Party]:
    """The sentence's singular subject pronouns whose antecedent is a coded party."""
    words = pronoun_words(sent.doc.lang_)
    out: list[Party] = []
    resolver: PronounResolver | None = None
    for tok in sent:
        if tok.pos_ != "PRON" or tok.dep_ not in SUBJECTS or tok.lower_ not in words.singular - words.person:
            continue
        if tok.lower_ in words.plural:
            continue
        resolver = resolver or PronounResolver(index, sent.doc.lang_)
        found = resolver.antecedent(tok)
        code = str(found[0].get("code") or "") if len(found) == 1 else ""
        if code:
            out.append(Party(code, tok.i, tok.i + 1, "", False))
    return out
