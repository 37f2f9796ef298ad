"""A transfer told across two sentences: the weapons in one, where they go in the next, whose
subject is a plural pronoun standing for them ("Denmark pledged 19 Caesar guns. They will go to
Ukraine", "… 19 canons Caesar. Ils seront livrés à l'Ukraine"). A record that names no recipient
takes the state after "to/à" (or "in/en" after a verb of going) of that next sentence, when the
next sentence names no weapon of its own; its status is the furthest stage of the two (weapons
"expected" in a state are pledged to it). A record told with "also" and no recipient then takes the
recipient of its supplier's record before it (chronique.arms.also), and a record whose party is a
plural pronoun standing for coordinated states is given to each of them (chronique.arms.pronouns)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from chronique.annotations.records import TransferRecord
from chronique.arms.also import also_recipients
from chronique.arms.consolidate import PARTIAL, STATUS_RANK, join_spans
from chronique.arms.pronouns import plural_records
from chronique.arms.status import by_modality
from chronique.knowledge.arms_words import arms_words
from chronique.knowledge.pronoun_words import pronoun_words
from chronique.nlp.transfer_context import TransferContext, trim

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def _next_sentence(ctx: TransferContext, record: TransferRecord) -> Span | None:
    if not record.get("evidence_spans"):
        return None
    last = record["evidence_spans"][-1]
    span = ctx.doc.char_span(int(last["start"]), int(last["end"]), alignment_mode="expand")
    if span is None or span.sent.end >= len(ctx.doc):
        return None
    following = ctx.doc[span.sent.end].sent
    return None if any(following.start <= i < following.end for i in ctx.weapon_tokens) else following


def _destination(ctx: TransferContext, sent: Span, gives: Callable[[Token], bool]) -> tuple[str, Token] | None:
    """The state the plural subject pronoun of ``sent`` goes to, and the verb that says so."""
    words, plural = arms_words(), pronoun_words(ctx.doc.lang_).plural
    subject = next((t for t in sent if t.dep_ in SUBJECTS and t.pos_ == "PRON" and t.lower_ in plural), None)
    if subject is None:
        return None
    verb = subject.head
    going = verb.lemma_.lower() in words.destination_verbs | words.expected_verbs
    if not (going or gives(verb)):
        return None
    slots = words.to_words | (words.place_words if going else frozenset())
    code = next((p.code for p in ctx.parties(sent) if p.start > verb.i and p.before in slots and not p.adjective), None)
    return (code, verb) if code is not None else None


def _status(verb: Token, modality: Callable[[Token], str]) -> str | None:
    if verb.lemma_.lower() in arms_words().expected_verbs:
        return "pledged"  # "They are expected in Ukraine": awaited, not there yet
    return by_modality("delivered", modality(verb))


def sequels(ctx: TransferContext, records: list[TransferRecord], gives: Callable[[Token], bool],
            modality: Callable[[Token], str]) -> list[TransferRecord]:
    out = []
    for record in records:
        following = _next_sentence(ctx, record) if record["recipient"] is None and not record.get(PARTIAL) else None
        found = _destination(ctx, following, gives) if following is not None else None
        status = None if found is None else _status(found[1], modality)
        if found is None or status is None or found[0] == record["supplier"]:
            out.append(record)
            continue
        if STATUS_RANK.get(status, -1) < STATUS_RANK.get(record["status"], -1):
            status = record["status"]
        assert following is not None
        told = trim(ctx.doc, following.start_char, following.end_char)
        spans = join_spans(record["evidence_spans"], [{"start": told[0], "end": told[1]}])
        out.append({**record, "recipient": found[0], "status": status, "evidence_spans": spans})
    return plural_records(ctx.doc, ctx.index, also_recipients(ctx.doc, out))
