"""Parties a transfer sentence names outside its own frame: the antecedent of a relative
pronoun ("la Russie, qui a promis de…"), the country a dative clitic or an unnamed recipient
stands for ("L'Inde lui a vendu…", "Tokyo pledged to provide…" after "the Philippines has
asked…"), and the seller of weapons described by a purchase participle ("HIMARS achetés aux
États-Unis", "jets bought from France")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from chronique.arms.assign import Sides
from chronique.arms.frames import Party
from chronique.knowledge.arms_words import arms_words

RELATIVE_REACH = 8  # "qui a promis de lui livrer": the pronoun opens the trigger's own clause
CLITIC_REACH = 4  # "lui a déjà vendu": the clitic stands before the auxiliary and an adverb
PARTICIPLE_REACH = 2  # "HIMARS achetés", "the jets, bought from": right after the weapon


def relative_antecedent(trigger: Token, parties: list[Party]) -> str | None:
    """The party a relative pronoun before the trigger refers to: the one that ends just before
    it, a comma between ("la Russie, qui a promis de livrer", "Turkey, which sold…")."""
    doc = trigger.doc
    for i in range(trigger.i - 1, max(trigger.sent.start, trigger.i - RELATIVE_REACH), -1):
        if doc[i].lower_ not in arms_words().relative_pronouns:
            continue
        end = i - 1 if doc[i - 1].text == "," else i
        return next((p.code for p in parties if p.end == end and not p.adjective), None)
    return None


def dative_clitic(trigger: Token) -> bool:
    """A French dative clitic in the trigger's verb group ("lui a vendu", "de leur livrer"):
    the recipient is a country named before."""
    doc = trigger.doc
    lo = max(trigger.sent.start, trigger.i - CLITIC_REACH)
    return any(doc[i].lower_ in arms_words().dative_clitics for i in range(lo, trigger.i))


def topic(parties: list[Party], before: int, exclude: str | None) -> str | None:
    """The one country named bare (no preposition, not an adjective: a subject) before token
    ``before``, other than ``exclude``; None when there is none or more than one candidate."""
    codes = {p.code for p in parties if p.start < before and not p.before and not p.adjective and p.code != exclude}
    return codes.pop() if len(codes) == 1 else None


def purchase_participle(span: tuple[int, int], sent: Span, is_purchase: Callable[[Token], bool]) -> Token | None:
    """A participle of a buying word right after the weapon that describes it ("HIMARS achetés
    aux États-Unis", "the jets, bought from France"): it names their seller."""
    doc = sent.doc
    for i in range(span[1], min(span[1] + PARTICIPLE_REACH, sent.end)):
        tok = doc[i]
        # a small parser tags "bought" a past tense yet hangs it on the noun as a clause (acl)
        participle = tok.tag_ == "VBN" or "VerbForm=Part" in str(tok.morph) or tok.dep_ == "acl"
        if participle and is_purchase(tok):
            return tok
    return None




def under_contract(trigger: Token) -> bool:
    """A transfer noun that a contract or an approval is about ("un contrat portant sur la livraison
    de…", "a contract for the delivery of…", "approved the delivery of…"): agreed, not yet delivered."""
    if trigger.pos_ != "NOUN":
        return False
    for tok in list(trigger.ancestors)[:4]:
        if tok.lemma_.lower() in arms_words().contract_words | arms_words().approval_words:
            return True  # also an approval: "approved the delivery of…" authorises, delivers nothing yet
        # "signed a contract … for the delivery", "un contrat portant sur la livraison"
        near = [*tok.children, tok.head] if tok.pos_ == "VERB" else []
        if any(c.lemma_.lower() in arms_words().contract_words and c.i < trigger.i for c in near):
            return True
    return False


def unnamed_recipient(trigger: Token, parties: list[Party], sides: Sides,
                      parties_of: Callable[[Span], list[Party]]) -> Sides:
    """A giver whose recipient the sentence leaves unnamed gives to the one country named bare
    before: for a dative clitic ("la Russie, qui a promis de lui livrer") in its own sentence
    or the one before; for a sentence naming nobody else ("Tokyo pledged to provide…") in the
    sentence before. ``parties_of`` gives a sentence's parties."""
    if sides.recipient is not None or sides.supplier is None:
        return sides
    found = None
    if dative_clitic(trigger):
        found = topic(parties, trigger.i, sides.supplier)
    elif any(p.code != sides.supplier for p in parties):
        return sides  # another party is named: the recipient is not left to the sentence before
    if found is None and trigger.sent.start > 0:
        previous = trigger.doc[trigger.sent.start - 1].sent
        found = topic(parties_of(previous), previous.end, sides.supplier)
    return Sides(sides.supplier, found) if found else sides




def promised(trigger: Token) -> bool:
    """A transfer word under a promise ("a promis de livrer", "pledged to supply"), or a giving noun
    under an announcement ("announced a new aid package", "a annoncé un paquet d'aide"): pledged,
    not delivered."""
    words = arms_words()
    head = trigger.head
    for _ in range(2):
        lemma = head.lemma_.lower()
        if lemma in words.promise_verbs or (trigger.pos_ == "NOUN" and lemma in words.announce_verbs):
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False
