"""The modality of a transfer word read with its French future and conditional forms, which the
tagger may leave in the present ("livreront": Tense=Pres): both are built on the infinitive
("livrer" + "ont", "vendr" + "ait"), so a form that is the infinitive plus such an ending is a
promise or a condition, not a delivery. A French participle under a conditional auxiliary ("aurait
livré") is the journalistic conditional: a delivery others report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from chronique.arms.conditions import conditioned, readied

if TYPE_CHECKING:
    from chronique.knowledge.lexicon import EventLexicon

FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")
CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")


def inflected_mood(tok: Token) -> str | None:
    """"future" or "conditional" for a French verb in such a form; None otherwise."""
    lemma = tok.lemma_.lower()
    if tok.doc.lang_ != "fr" or tok.pos_ not in ("VERB", "AUX") or not lemma.endswith(("er", "ir", "re")):
        return None
    stem, form = (lemma[:-1] if lemma.endswith("re") else lemma), tok.lower_
    if any(form == stem + e for e in CONDITIONAL_ENDINGS):
        return "conditional"
    return "future" if any(form == stem + e for e in FUTURE_ENDINGS) else None


HYPOTHETICAL = "hypothetical"  # a transfer word in an "if" clause: by_modality gives no status
REPORTIVE_AUX = frozenset({"aurait", "auraient", "serait", "seraient"})


def reportive_past(tok: Token) -> bool:
    """A French past participle under an auxiliary in the conditional ("aurait livré", "auraient
    été vendus"): the journalistic conditional of a fact reported by others, not a hypothesis."""
    if tok.doc.lang_ != "fr" or "VerbForm=Part" not in str(tok.morph):
        return False
    return any(c.lower_ in REPORTIVE_AUX for c in tok.children if c.dep_.startswith("aux"))


def reading_modality(head: Token | None, lexicon: EventLexicon | None, coded: str | None = None) -> str:
    """The coder's modality of ``head`` (``coded`` when an event already gives it), an asserted
    one corrected by the French future or conditional form."""
    if head is None:
        return coded or "asserted"
    if conditioned(head):
        return HYPOTHETICAL  # "if Ankara buys…": no deal told
    if readied(head):
        return "conditional"  # "is willing to supply": an offer
    if coded is None:
        if lexicon is None:
            return "asserted"
        from chronique.coding.modality import modality

        coded = modality(head, lexicon)[0]
    if coded in ("conditional", "future") and reportive_past(head):
        return "reported"  # "la Russie aurait livré…": reportedly delivered
    return (inflected_mood(head) or coded) if coded == "asserted" else coded
