"""A subject pronoun as a transfer party ("La Pologne modernise son armée. Elle a acheté 96
hélicoptères Apache…", "It delivered 18 Leopard 2 tanks"): the party it stands for, resolved by the
coder's pronoun resolver (agreement in person, number and gender; the nearest agreeing subject).
A plural pronoun ("they", "ils", "elles") is a party only as the active subject of its verb and when
it takes up coordinated states ("Estonia and Latvia are rearming. They ordered…"): one record per
state (``plural_records``); a plural pronoun that stands for weapons ("They will go to Ukraine")
or takes up a single state stays no party."""

from __future__ import annotations

from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import TransferRecord
from chronique.arms.frames import Party
from chronique.arms.joined_subjects import joined_subjects
from chronique.coding.mentions import MentionIndex
from chronique.coding.pronouns import PronounResolver
from chronique.knowledge.pronoun_words import pronoun_words

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
SIDES = ("supplier", "recipient")


def _plural_codes(resolver: PronounResolver, tok: Token) -> list[str]:
    """The codes of the coordinated states an active plural subject pronoun takes up; [] otherwise."""
    if tok.dep_ != "nsubj":
        return []
    found = resolver.antecedent(tok)
    codes = [str(a.get("code") or "") for a in found]
    return codes if len(codes) > 1 and all(codes) else joined_subjects(resolver.index, tok)


def pronoun_parties(index: MentionIndex, sent: Span) -> list[Party]:
    """The sentence's subject pronouns whose antecedent is a coded party (a plural one: the first
    of its coordinated states; ``plural_records`` adds the others)."""
    words = pronoun_words(sent.doc.lang_)
    out: list[Party] = []
    resolver: PronounResolver | None = None
    for tok in sent:
        if tok.pos_ != "PRON" or tok.dep_ not in SUBJECTS or tok.lower_ in words.person:
            continue
        plural = tok.lower_ in words.plural
        if not plural and tok.lower_ not in words.singular:
            continue
        resolver = resolver or PronounResolver(index, sent.doc.lang_)
        if plural:
            codes = _plural_codes(resolver, tok)
            code = codes[0] if codes else ""
        else:
            found = resolver.antecedent(tok)
            code = str(found[0].get("code") or "") if len(found) == 1 else ""
        if code:
            out.append(Party(code, tok.i, tok.i + 1, "", False))
    return out


def plural_records(doc: Doc, index: MentionIndex, records: list[TransferRecord]) -> list[TransferRecord]:
    """Each record, plus one per other state a plural subject pronoun of its trigger takes up."""
    words = pronoun_words(doc.lang_)
    out: list[TransferRecord] = []
    resolver: PronounResolver | None = None
    for record in records:
        out.append(record)
        trigger = record.get("_trigger")
        if trigger is None:
            continue
        verb = doc[int(trigger)]
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PRON"
                        and c.lower_ in words.plural), None)
        if subject is None:
            continue
        resolver = resolver or PronounResolver(index, doc.lang_)
        codes = _plural_codes(resolver, subject)
        for side in SIDES:
            if codes and cast(dict[str, Any], record).get(side) == codes[0]:
                out += [cast(TransferRecord, {**record, side: code}) for code in codes[1:]]
    return out
