"""The transfers stage: supplier → recipient records of weapons, from events and trigger words.

1. Each coded event that can report a transfer (AGREE, AID, REQUEST, REJECT…) gives one record
   per weapon mention that its trigger governs (a weapon in a relative clause, "qui peuvent
   utiliser des missiles balistiques", is described, not transferred). The event's parties give
   the direction: the requester of a REQUEST is the recipient.
2. A weapon mention that no event took but that a transfer word governs ("livrés", "modernisés",
   "ordered") gives a record read from the parse: the trigger's subject and complements, and the
   country that owns the weapon ("les avions biélorusses").
Without a parse (a hand-built Doc) a weapon inside an event's clause counts as governed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from chronique.arms.consolidate import consolidate
from chronique.arms.parties import (
    governed,
    governing_trigger,
    has_parse,
    owner,
    parties,
    quantity,
    root_token,
)
from chronique.arms.status import Direction, by_modality, event_direction
from chronique.coding.mentions import MentionIndex
from chronique.knowledge.weapons import Trigger, WeaponCatalogue
from chronique.nlp.extensions import doc_text, get_list
from chronique.nlp.stage import Stage
from chronique.nlp.times import event_date

if TYPE_CHECKING:
    from chronique.knowledge.lexicon import EventLexicon
    from chronique.nlp.resources import Resources


def _code(actor: dict[str, Any] | None) -> str | None:
    return (actor or {}).get("code") or None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc_text(doc)[start:end]
    left = len(text) - len(text.lstrip())
    return start + left, start + len(text.rstrip())


class TransferBuilder(Stage):
    factory = "chronique_transfers_v1"

    def __init__(self, lang: str, catalogue: WeaponCatalogue | None = None,
                 lexicon: EventLexicon | None = None) -> None:
        super().__init__(lang)
        self.catalogue = catalogue
        self.lexicon = lexicon

    def bind(self, resources: Resources) -> None:
        self.catalogue = resources.weapons
        self.lexicon = resources.event_lexicon(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.ch_transfers = self.build(doc) if self.catalogue is not None else []
        return doc

    def trigger_of(self, words: str) -> Trigger | None:
        assert self.catalogue is not None
        found = self.catalogue.trigger(words, self.lang)
        for word in reversed(words.split()):
            found = found or self.catalogue.trigger(word, self.lang)
        return found

    def build(self, doc: Doc) -> list[dict[str, Any]]:
        weapons = get_list(doc, "ch_weapons")
        if not weapons:
            return []
        events = get_list(doc, "ch_events")
        index = MentionIndex(doc)
        roots = [root_token(doc, w) for w in weapons]
        out: list[dict[str, Any]] = []
        taken: set[int] = set()
        event_triggers: set[int] = set()
        for n, event in enumerate(events):
            trigger_tok = self._token_at(doc, event.get("_trigger"))
            if trigger_tok is not None:
                event_triggers.add(trigger_tok.i)
            direction = event_direction(event.get("event", ""), event.get("modality", "asserted"),
                                        self.trigger_of(str(event.get("_lemma", ""))))
            if direction is None:
                continue
            for w, weapon in enumerate(weapons):
                if self._in_event(doc, event, weapon, roots[w], trigger_tok):
                    taken.add(w)
                    out.append(self._from_event(n, event, direction, weapon, roots[w], index))
        if has_parse(doc):
            for w, weapon in enumerate(weapons):
                root = roots[w]
                if w in taken or root is None:
                    continue
                record = self._from_trigger(doc, weapon, root, index, event_triggers)
                if record is not None:
                    out.append(record)
        return consolidate(_dedupe(out))

    @staticmethod
    def _token_at(doc: Doc, span: Any) -> Token | None:
        if not span:
            return None
        found = doc.char_span(int(span[0]), int(span[1]), alignment_mode="expand")
        return found[0] if found is not None and len(found) else None

    @staticmethod
    def _in_event(doc: Doc, event: dict[str, Any], weapon: dict[str, Any], root: Token | None,
                  trigger: Token | None) -> bool:
        """With a parse: the trigger governs the weapon within the event's sentence (the coder's
        clause may stop short of a misparsed designation); without one: the weapon is in the clause."""
        if has_parse(doc) and root is not None and trigger is not None:
            info = event["text_info"]
            inside = int(info["start"]) <= int(weapon["start"]) and int(weapon["end"]) <= int(info["end"])
            return inside and governed(root, trigger)
        clause = event.get("_clause") or [event["text_info"]["start"], event["text_info"]["end"]]
        return int(clause[0]) <= int(weapon["start"]) and int(weapon["end"]) <= int(clause[1])

    def _record(self, weapon: dict[str, Any], status: str, supplier: str | None, recipient: str | None,
                date: str | None, evidence: tuple[int, int], root: Token | None) -> dict[str, Any]:
        return {
            "supplier": supplier, "recipient": recipient, "weapon": weapon.get("designation"),
            "category": weapon.get("category"), "status": status, "date": date,
            "evidence": {"start": evidence[0], "end": evidence[1]},
            "quantity": self._quantity(weapon, root),
            "weapon_text": weapon.get("text"),
        }

    @staticmethod
    def _quantity(weapon: dict[str, Any], root: Token | None) -> int | None:
        if root is None or not has_parse(root.doc):
            return None
        tokens = weapon.get("_tokens")
        return quantity(root.doc[int(tokens[0])] if tokens else root)

    def _from_event(self, n: int, event: dict[str, Any], direction: Direction, weapon: dict[str, Any],
                    root: Token | None, index: MentionIndex) -> dict[str, Any]:
        actor, other = _code(event.get("actor")), _code(event.get("recipient"))
        supplier, recipient = (actor, other) if direction.actor_is_supplier else (other, actor)
        if recipient is None and root is not None and has_parse(root.doc):
            recipient = _code(owner(index, root))
            recipient = recipient if recipient != supplier else None
        info = event["text_info"]
        record = self._record(weapon, direction.status, supplier, recipient, event.get("date"),
                              (int(info["start"]), int(info["end"])), root)
        record["event_index"] = n
        return record

    def _from_trigger(self, doc: Doc, weapon: dict[str, Any], root: Token, index: MentionIndex,
                      event_triggers: set[int]) -> dict[str, Any] | None:
        def is_trigger(tok: Token) -> bool:
            return self.catalogue is not None and self.catalogue.trigger(tok.lemma_.lower(), self.lang) is not None

        head = governing_trigger(root, is_trigger)
        if head is None or head.i in event_triggers:
            return None
        assert self.catalogue is not None
        trig = self.catalogue.trigger(head.lemma_.lower(), self.lang)
        assert trig is not None
        mod = self._modality(head)
        status = by_modality(trig.status, mod)
        if status is None:
            return None
        weapon_tokens = set(range(*(weapon.get("_tokens") or [root.i, root.i + 1])))
        found = parties(index, head, weapon_tokens)
        own = _code(owner(index, root))
        subject = _code(found.subject)
        to_side = next((c for a in found.to_side if (c := _code(a))), None)
        from_side = next((c for a in found.from_side if (c := _code(a)) and c != own), None)
        if trig.role == "supplier":
            supplier = subject if not found.passive and subject else from_side
            recipient = to_side or own
        else:
            recipient = subject if not found.passive and subject else (to_side or own)
            supplier = next((c for c in (from_side, to_side) if c and c != recipient), None)
        if supplier == recipient or (supplier is None and recipient is None):
            return None
        sent = head.sent
        date = event_date(doc, head.idx, head.idx + len(head), future=mod in ("future", "conditional"))[0]
        return self._record(weapon, status, supplier, recipient, date, _trim(doc, sent.start_char, sent.end_char),
                            root)

    def _modality(self, head: Token) -> str:
        if self.lexicon is None:
            return "asserted"
        from chronique.coding.modality import modality

        return modality(head, self.lexicon)[0]


def _dedupe(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per (sentence, supplier, recipient, weapon, status): events of one sentence
    that name the same transfer (a REQUEST and its embedded AID) give it once."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in records:
        key = (r["evidence"]["start"], r["supplier"], r["recipient"], r["weapon"] or r["category"],
               r["weapon_text"], r["status"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
