"""The event check: structural features of each coded event, for a model of P(the page reports this act).

On real pages about half the wrong events come from sentences that tell no act (a description, a
statistic, an explainer, an interview question, a habit, a promise). The words of such sentences
differ from page to page, their shape less so: where the sentence sits in the article, its length,
quotation marks, a question mark, first and second person, the trigger's tense, mood and clause,
a modal or negation, digits, the kinds of parties and how many events the sentence and the
article already give. The features here are numbers from that shape only (no lemma, no word of
any language), so a model fitted on one domain can be tried on another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import EventParty, EventRecord
from chronique.coding.features import in_quote
from chronique.coding.no_act import no_act_reason, speaker_own_act
from chronique.knowledge.function_words import words_of

# the trigger's relation when its clause hangs under another (a reported, purposive or relative clause)
SUBORDINATE_DEPS = frozenset({"advcl", "ccomp", "acl", "acl:relcl", "relcl", "xcomp", "csubj", "pcomp"})
# sectors of the state (government, legislature, judiciary, military, police)
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
ARMED_SECTORS = frozenset({"REB", "INS", "IGO_MIL", "PAR", "SEP"})
MODALITIES = ("asserted", "reported", "future", "conditional", "negated", "requested")
QUOTE_CHARS = frozenset('"“”«»')
DIGITS = re.compile(r"\d")


def _token_at(doc: Doc, char: Any) -> Token | None:
    if not isinstance(char, int) or not 0 <= char < len(doc.text):
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _party_kind(prefix: str, party: EventParty | None, doc: Doc) -> dict[str, float]:
    """What kind of party the rules found: none, a state or its body, an armed group, a person or
    other body not listed, a pronoun, or a mention left uncoded."""
    if not party:
        return {f"{prefix}_none": 1.0}
    sector = str(party.get("sector") or "")
    tok = _token_at(doc, party.get("start"))
    return {
        f"{prefix}_coded": float(bool(party.get("code"))),
        f"{prefix}_country": float(bool(party.get("code")) and not sector),
        f"{prefix}_state": float(sector in STATE_SECTORS),
        f"{prefix}_armed": float(sector in ARMED_SECTORS),
        f"{prefix}_other_sector": float(bool(sector) and sector not in STATE_SECTORS | ARMED_SECTORS),
        f"{prefix}_unlisted": float(bool(party.get("_unlisted")) or bool(party.get("_person_focus"))),
        f"{prefix}_pronoun": float(tok is not None and tok.pos_ == "PRON"),
        f"{prefix}_first_second": _first_second_party(tok),
        f"{prefix}_common_noun": float(tok is not None and tok.pos_ == "NOUN"),
        f"{prefix}_no_mention": float(party.get("start") is None),
    }


def _first_second_party(tok: Token | None) -> float:
    """"we", "I", "nous", "you": someone's own words, so the party is the speaker's, not the report's."""
    return float(tok is not None and bool({"1", "2"} & set(_morph(tok, "Person"))))


def _morph(tok: Token, field: str) -> list[str]:
    return list(tok.morph.get(field, []))


def _under_modal(head: Token, modals: frozenset[str]) -> bool:
    """A modal verb in the indicative governs the trigger: as its auxiliary ("can attack") or as the
    verb whose complement it is ("peut attaquer"); a modal merely conjoined or nearby does not count,
    nor one in the conditional ("pourraient", like "could"): that is the modality's business."""
    def modal(tok: Token) -> bool:
        return tok.lemma_.lower() in modals and "Cnd" not in _morph(tok, "Mood")

    if any(c.dep_.startswith("aux") and modal(c) for c in head.children):
        return True
    return head.dep_ == "xcomp" and modal(head.head)


def _ability_modal(head: Token) -> float:
    """A modal of ability, duty or will ("can", "must", "pouvoir", "devoir", "vouloir") governs the
    trigger; the future and conditional auxiliaries are the modality's business, not this one's."""
    words = words_of()
    return float(_under_modal(head, words.modal_lemmas - words.future_auxiliaries - words.conditional_auxiliaries))


def _trigger_shape(head: Token | None) -> dict[str, float]:
    """Tense, mood and form of the trigger, its clause, an auxiliary of modality, negation, copula."""
    if head is None:
        return {"trigger_missing": 1.0}
    verb = head if head.pos_ in ("VERB", "AUX") else None
    kids = list(head.children)
    words = words_of()
    aux = [c for c in kids if c.dep_ in ("aux", "aux:pass", "auxpass")]
    aux_morph = [m for c in aux for m in _morph(c, "Tense") + _morph(c, "Mood") + _morph(c, "VerbForm")]
    tense = set(_morph(head, "Tense")) | {m for m in aux_morph if m in ("Past", "Pres", "Fut", "Imp")}
    mood = set(_morph(head, "Mood")) | {m for m in aux_morph if m in ("Cnd", "Sub")}
    lemmas = {c.lemma_.lower() for c in kids}
    return {
        "t_noun": float(head.pos_ in ("NOUN", "PROPN")),
        "t_verb": float(verb is not None),
        "t_past": float("Past" in tense or "Imp" in tense),
        "t_pres": float("Pres" in tense and "Past" not in tense),
        "t_fut": float("Fut" in tense),
        "t_cond_sub": float(bool(mood & {"Cnd", "Sub"})),
        "t_inf": float("Inf" in _morph(head, "VerbForm")),
        "t_part": float("Part" in _morph(head, "VerbForm") and not aux),
        "t_ger": float("Ger" in _morph(head, "VerbForm") or "Prog" in _morph(head, "Aspect")),
        "t_perfect": float("Perf" in _morph(head, "Aspect") or bool(aux and "Part" in _morph(head, "VerbForm"))),
        "t_modal": _ability_modal(head),
        "t_neg": float(bool(lemmas & words.negations) or any(c.dep_ == "neg" for c in kids)),
        "t_root": float(head.dep_ == "ROOT"),
        "t_relative": float(head.dep_ in ("acl:relcl", "relcl") or head.head.dep_ in ("acl:relcl", "relcl")),
        "t_subordinate": float(head.dep_ in SUBORDINATE_DEPS or head.head.dep_ in SUBORDINATE_DEPS),
        "t_copula": float(any(c.dep_ == "cop" for c in kids)),
        "t_passive": float(any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in kids)),
    }


def _opens_quote(text: str) -> float:
    return float(text.lstrip()[:1] in QUOTE_CHARS)


def _first_second_sentence(tokens: Sequence[Token]) -> float:
    """A first- or second-person pronoun in the sentence: a speaker's own words or the writer's aside."""
    return float(bool({p for t in tokens if t.pos_ == "PRON" for p in _morph(t, "Person")} & {"1", "2"}))


def _sentence_tokens(sent: Span | None) -> list[Token]:
    return [t for t in sent if not t.is_space] if sent is not None else []


def _sentence_shape(doc: Doc, sent: Span | None, text: str) -> dict[str, float]:
    tokens = _sentence_tokens(sent)
    n = max(len(tokens), 1)
    return {
        "s_len": min(len(tokens), 80) / 40.0,
        "s_question": float(text.rstrip().endswith("?")),
        "s_quote": float(any(c in QUOTE_CHARS for c in text)),
        "s_opens_quote": _opens_quote(text),
        "s_first_second": _first_second_sentence(tokens),
        "s_digits": min(sum(bool(DIGITS.search(t.text)) for t in tokens) / n * 5, 1.0),
        "s_percent": float("%" in text or "pour cent" in text.lower() or "percent" in text.lower()),
        "s_colon": float(":" in text),
        "s_caps": float(sum(t.is_upper and len(t) > 1 for t in tokens) / n > 0.3),
    }


def _sentence_of(doc: Doc, head: Token | None, start: int, end: int) -> Span | None:
    if head is not None:
        return head.sent
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else None


def _sentence_count(doc: Doc) -> int:
    try:
        return max(sum(1 for _ in doc.sents), 1)
    except ValueError:  # no sentence boundaries (a Doc not parsed)
        return 1


def event_features(doc: Doc, events: Sequence[EventRecord]) -> list[dict[str, float]]:
    """The structural features of each event of ``events`` (the rule coder's events of ``doc``)."""
    per_sentence = Counter(int(e["text_info"]["sequence"]) for e in events)
    sentences = _sentence_count(doc)
    out = []
    for e in events:
        info = e["text_info"]
        start, end, seq = int(info["start"]), int(info["end"]), int(info["sequence"])
        trigger = e.get("_trigger") or [start, start]
        head = _token_at(doc, trigger[0])
        text = doc.text[start:end]
        actor, recipient = e.get("actor") or {}, e.get("recipient") or {}
        modality = str(e.get("modality") or "")
        quad = int(e.get("quad_code") or 0)
        row = {
            "bias": 1.0,
            "lang_fr": float(str(doc.lang_) == "fr"),
            "p_first": float(seq <= 1),
            "p_lead": float(seq <= 3),
            "p_rel": (seq - 1) / sentences,
            "p_late": float(seq > 10),
            "a_sentences": min(sentences, 100) / 50.0,
            "n_same_sentence": min(per_sentence[seq] - 1, 4) / 2.0,
            "n_article": min(len(events), 40) / 20.0,
            "confidence": float(e.get("confidence") or 0.0),
            "speaker": float(e.get("speaker") is not None),
            "in_quote": float(in_quote(doc.text, start, int(trigger[0]))),
            "in_brackets": float(text[: max(int(trigger[0]) - start, 0)].count("(")
                                 > text[: max(int(trigger[0]) - start, 0)].count(")")),
            "both_coded": float(bool(actor.get("code")) and bool(recipient.get("code"))),
            "same_code": float(bool(actor.get("code")) and actor.get("code") == recipient.get("code")),
            **{f"m_{m}": float(modality == m) for m in MODALITIES},
            **{f"q_{q}": float(quad == q) for q in (1, 2, 3, 4)},
            **_trigger_shape(head),
            **_sentence_shape(doc, _sentence_of(doc, head, start, end), text),
            **_party_kind("a", e.get("actor"), doc),
            **_party_kind("r", e.get("recipient"), doc),
        }
        out.append(row)
    return out


# Sentence classes that tell no act of the report's own (docs/accuracy.md, "Event check"): words in
# quotation marks are someone's claim, promise or charge; a first or second person ("we", "I",
# "you", "nous") is a speaker's own words or the writer's aside; a modal verb on the trigger ("can
# attack", "doit signer", "veut frapper") tells an ability, a duty or a wish. Chosen where, on
# train, their events were right at under 2/3 of the base rate and, on the judged look pages, never.
NO_ACT_CLASSES: dict[str, tuple[str, ...]] = {
    "quoted": ("in_quote", "s_opens_quote"),
    "first_second_person": ("s_first_second", "a_first_second", "r_first_second"),
    "modal": ("t_modal",),
}


def no_act_class(row: dict[str, float]) -> str | None:
    """The first no-act class the features of an event fall in (None: the event is kept)."""
    return next((name for name, feats in NO_ACT_CLASSES.items() if any(row.get(f, 0.0) >= 0.5 for f in feats)),
                None)


def _no_act_features(doc: Doc, e: EventRecord) -> dict[str, float]:
    """The features of ``NO_ACT_CLASSES`` only, as ``event_features`` computes them: the events
    stage runs on every article and needs no other feature while no learned check ships."""
    info = e["text_info"]
    start, end = int(info["start"]), int(info["end"])
    trigger = e.get("_trigger") or [start, start]
    head = _token_at(doc, trigger[0])
    party_token = {side: _token_at(doc, party.get("start")) if party else None
                   for side, party in (("a", e.get("actor")), ("r", e.get("recipient")))}
    return {
        "in_quote": float(in_quote(doc.text, start, int(trigger[0]))),
        "s_opens_quote": _opens_quote(doc.text[start:end]),
        "s_first_second": _first_second_sentence(_sentence_tokens(_sentence_of(doc, head, start, end))),
        "a_first_second": _first_second_party(party_token["a"]),
        "r_first_second": _first_second_party(party_token["r"]),
        "t_modal": _ability_modal(head) if head is not None else 0.0,
    }


# a speaker's own act ("“We attacked Mali,” the minister said", the "we" resolved to the speaker's
# party) is told by the party that did it: quoted and first person, but no claim about others
SPEAKER_FEATURES = ("in_quote", "s_opens_quote", "s_first_second", "a_first_second")


def told(doc: Doc, e: EventRecord) -> bool:
    """Whether the event falls in none of the no-act classes, here or in chronique.coding.no_act."""
    row = _no_act_features(doc, e)
    if no_act_class(row) is not None:  # the speaker's own act is looked for only where a class fires
        if not speaker_own_act(doc, e):
            return False
        if no_act_class({**row, **dict.fromkeys(SPEAKER_FEATURES, 0.0)}) is not None:
            return False
    return no_act_reason(doc, e) is None


def keep_told(doc: Doc, events: list[EventRecord]) -> list[EventRecord]:
    """The events whose sentence falls in none of the no-act classes."""
    return [e for e in events if told(doc, e)]

