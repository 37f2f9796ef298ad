"""A deal stated plainly with its other signer ("Poland signed a deal with South Korea for 180 K2
tanks", "Varsovie a conclu un accord avec Séoul pour l'achat de chars K2", "The contract, signed
with Hanwha, covers 48 K9 howitzers for Estonia").

The signers are the deal's subject and the party after "with/avec" (a maker standing for its
country). Of two signing states, the one whose industry makes the weapon supplies it; when neither
does, a purchase word over the weapon ("pour l'achat de") makes the subject the buyer. A deal
signed with one party that covers weapons "for" another makes the first the supplier; a deal that
covers weapons for a party, with no partner named, leaves the supplier to the weapon's maker
country when the article names it (chronique.arms.records.with_origin). Talks and
calls are read elsewhere (chronique.arms.asking); a deal word here must be a signing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from chronique.arms.frames import Party
from chronique.knowledge.arms_words import arms_words
from chronique.nlp.transfer_context import TransferContext
from chronique.nlp.transfer_links import deal_sides

OBJECTS = frozenset({"obj", "dobj"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
MAX_UP = 5  # heads climbed from the weapon to its deal ("signé … un contrat portant sur … obusiers")


@dataclass(frozen=True)
class DealReading:
    supplier: str | None  # None: a deal for a named beneficiary whose seller the words leave unnamed
    recipient: str
    verb: Token  # the signing verb (its modality and date are the deal's)


def _deal_word(tok: Token) -> bool:
    return tok.lemma_.lower() in arms_words().deal_words


def _signing(verb: Token) -> bool:
    """A verb that signs a deal: a deal verb, or one whose object is a deal noun ("signed a deal")."""
    return verb.pos_ in ("VERB", "AUX") and (
        _deal_word(verb) or any(c.dep_ in OBJECTS and _deal_word(c) for c in verb.children))


def _party_at(parties: list[Party], tok: Token) -> Party | None:
    return next((p for p in parties if p.start <= tok.i < p.end and not p.adjective), None)


def _partner(sent: Span, parties: list[Party], verb: Token) -> str | None:
    """The party after "with/avec" under the signing verb: the other signer."""
    doc, words = sent.doc, arms_words().deal_partner_words
    for party in parties:
        i = party.start - 1
        while i > sent.start and doc[i].pos_ == "DET":
            i -= 1
        root = doc[party.start: party.end].root
        if doc[i].lower_ in words and not party.adjective and any(a.i == verb.i for a in root.ancestors):
            return party.code
    return None


def _beneficiary(parties: list[Party], after: int) -> str | None:
    """A party after "for/pour" past the weapon: whom the deal's weapons are for."""
    words = arms_words().to_words
    return next((p.code for p in parties if p.start >= after and p.before in words and not p.adjective), None)


def partner_deal(ctx: TransferContext, root: Token, origin: str | None, weapon_end: int,
                 purchase: bool) -> DealReading | None:
    """The sides of a deal over the weapon at ``root`` signed with a named partner; ``purchase``:
    a purchase word governs the weapon within the deal."""
    chain = list(root.ancestors)[:MAX_UP]
    verb = next((t for t in chain if _signing(t)), None)
    matter = next((t for t in chain if t.lemma_.lower() in arms_words().deal_matter_verbs), None)
    noun = None
    if verb is None and matter is not None:  # "The contract, signed with…, covers…": the deal noun's own verb
        noun = next((c for c in matter.children if c.dep_ in SUBJECTS and _deal_word(c)), None)
        verb = next((c for c in noun.children if _deal_word(c) or c.pos_ == "VERB"), matter) if noun else None
    if verb is None:
        return None
    sent = verb.sent
    parties = ctx.parties(sent)
    partner = _partner(sent, parties, verb)
    if partner is None:
        # "The deal covers 180 K2 tanks for Poland": a deal for a named beneficiary, its seller unnamed
        beneficiary = _beneficiary(parties, weapon_end) if noun is not None else None
        return DealReading(None, beneficiary, verb) if beneficiary is not None else None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    signer = _party_at(parties, subject) if subject is not None else None
    if signer is None or signer.code == partner:
        beneficiary = _beneficiary(parties, weapon_end)
        if beneficiary is None or beneficiary == partner:
            return None
        return DealReading(partner, beneficiary, verb)
    if origin in (signer.code, partner):
        other = partner if origin == signer.code else signer.code
        return DealReading(origin, other, verb)
    return DealReading(partner, signer.code, verb) if purchase else None


def any_deal(ctx: TransferContext, root: Token, origin: str | None, weapon_end: int,
             purchase: bool) -> tuple[str | None, str, Token] | None:
    """(supplier, recipient, signing verb) of a deal over the weapon: two coordinated signers
    (chronique.nlp.transfer_links.deal_sides), else a deal signed with a named partner."""
    found = deal_sides(ctx, root, origin)
    if found is not None:
        return found
    plain = partner_deal(ctx, root, origin, weapon_end, purchase)
    return (plain.supplier, plain.recipient, plain.verb) if plain is not None else None
