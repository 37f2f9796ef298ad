"""No-act classes tried on train and rejected (their events were right at about the base rate or
above; docs/accuracy.md, "Acts not told as done"), kept here so the measure can be repeated:
a pluperfect, a background word on the act's clause, a habit or state in the simple present
outside the headline with no time in its sentence (right at under half the base rate on train, but
on dev it cost fr-wikinews recall 0.285 → 0.256 and plover-gsr source accuracy 0.720 → 0.717:
French news tells acts in the historical present), an act dated more than half a year before
publication (an old act correctly dated is a right event) and an aspect verb of continuation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.tokens import Token

from chronique.annotations.extensions import get_list
from chronique.annotations.records import EventRecord
from chronique.coding.clauses import clause_verb
from chronique.coding.no_act import intended

PERFECT = frozenset({"have", "avoir", "être"})
BACKGROUND = frozenset({"since", "ago", "previously", "formerly", "already", "depuis", "déjà", "auparavant",
                        "autrefois", "jadis", "naguère", "précédemment"})
LASTING = frozenset({"continue", "keep", "remain", "persist", "continuer", "poursuivre", "persister", "rester"})
COMPLEMENTS = frozenset({"xcomp", "ccomp", "advcl", "obl", "obl:arg"})


def pluperfect(head: Token, event: EventRecord) -> bool:
    """"had invaded", "avait envahi": a perfect auxiliary in a past tense on a participle."""
    verb = clause_verb(head, within=3)
    return verb is not None and "Part" in verb.morph.get("VerbForm", []) and any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in PERFECT
        and bool({"Past", "Imp"} & set(c.morph.get("Tense", []))) and c.tag_ != "VBZ" for c in verb.children)


def background_word(head: Token, event: EventRecord) -> bool:
    """"since 2019", "two years ago", "déjà", "depuis" on the act's clause verb."""
    verb = clause_verb(head, within=3)
    if verb is None:
        return False
    return any(c.lemma_.lower() in BACKGROUND or c.lower_ in BACKGROUND
               or any(g.lower_ in BACKGROUND and g.dep_ in ("case", "advmod", "prep", "mark") for g in c.children)
               for c in verb.children)


def lasting(head: Token, event: EventRecord) -> bool:
    """"continues to support", "continue de soutenir"."""
    verb = clause_verb(head, within=3)
    return verb is not None and verb.dep_ in COMPLEMENTS and verb.head.lemma_.lower() in LASTING


def old_date(head: Token, event: EventRecord) -> bool:
    """The act's date more than half a year before publication."""
    published, when = str(head.doc._.ch_published or "")[:10], str(event.get("date") or "")[:10]
    try:
        before = date.fromisoformat(published) - date.fromisoformat(when if len(when) == 10 else when[:4] + "-12-31")
    except ValueError:
        return False
    return before.days > 183


def intention_verb_only(head: Token, event: EventRecord) -> bool:
    """The shipped intention class less its modality part (a diagnostic: m2e2-voa labels an act
    right only when its modality is told as done, so the modality part is right there by definition)."""
    return str(event.get("modality") or "") not in ("future", "conditional") and intended(head, event)


def _times_in_sentence(head: Token) -> bool:
    sent = head.sent
    times = get_list(head.doc, "ch_times")
    return any(sent.start_char <= int(t["start"]) < sent.end_char and t.get("type") in ("DATE", "TIME")
               for t in times)


def present_state(head: Token, event: EventRecord) -> bool:
    """A habit or a state in the simple present, with no time of a particular occasion in the
    sentence and outside the headline ("X supplies arms to Y", "la Russie soutient le régime")."""
    if int(event["text_info"]["sequence"]) <= 1:
        return False
    verb = clause_verb(head, within=3)
    if verb is None or "Fin" not in verb.morph.get("VerbForm", []):
        return False
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    tenses = {t for tok in group for t in tok.morph.get("Tense", [])}
    if tenses != {"Pres"} or any("Prog" in tok.morph.get("Aspect", []) for tok in group):
        return False
    if any(c.dep_.startswith("aux") and c.lemma_.lower() in PERFECT for c in verb.children):
        return False  # "has signed", "a signé": a perfect, told as done
    return not _times_in_sentence(head)


CANDIDATES: dict[str, Callable[[Token, EventRecord], bool]] = {
    "intention_verb_only": intention_verb_only, "pluperfect": pluperfect, "background": background_word,
    "lasting": lasting, "old_date": old_date, "present": present_state,
}
