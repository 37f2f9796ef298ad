"""The transfers stage: supplier → recipient records of weapons, from events and trigger words.

1. Each coded event that can report a transfer (AGREE, AID, REQUEST, REJECT…) gives one record
   per weapon mention that its trigger governs (a weapon in a relative clause, "qui peuvent
   utiliser des missiles balistiques", is described, not transferred). The transfer word under
   the event ("agreed to sell") and the words around it (chronique.arms.frames) give the
   direction; the event's parties fill what the words leave open.
2. A weapon mention that no event took but that a transfer word governs ("livrés", "modernisés",
   "ordered") — or that stands nearest to it in the same statement — gives a record read from
   the words around that word and from the parse, and the country that owns the weapon ("les
   avions biélorusses"); weapons that arrive in a state are delivered to it (chronique.arms.arrivals).
3. Not transfers: deployments, third parties' calls, domestic purchases (chronique.arms.assign).
   A record with no party in reach is a restatement, joined to the article's record it restates
   (chronique.arms.consolidate), which keeps one record per (supplier, recipient, weapon).
Without a parse (a hand-built Doc) a weapon inside an event's clause counts as governed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import ActorMention, EventParty, EventRecord, TransferRecord, WeaponRecord
from chronique.arms.approval import approved_deal
from chronique.arms.asking import called, state_asker
from chronique.arms.assign import Sides, assign, caller, moves_own_forces, taker_role
from chronique.arms.cancelled import stopped, told_past
from chronique.arms.companies import names_company
from chronique.arms.consolidate import PARTIAL, STATUS_RANK, consolidate, join_spans
from chronique.arms.definite import resolve_definites
from chronique.arms.discourse import (
    dative_clitic,
    promised,
    purchase_participle,
    under_contract,
    unnamed_recipient,
)
from chronique.arms.frames import (
    Party,
    clause_verb,
    force_service,
    idiomatic,
    intercepted,
    nearest_trigger,
    other_object,
    own_forces,
    read_frame,
    restates,
    same_statement,
)
from chronique.arms.munitions import as_munitions
from chronique.arms.parties import governed, governing_trigger, has_parse, owner, parsed_sides, quantity, root_token
from chronique.arms.records import dedupe, domestic, fill, with_origin
from chronique.arms.reporting import attribution_tokens, reporting_source
from chronique.arms.requests import asks_for_another, for_another
from chronique.arms.status import Direction, by_modality, event_direction
from chronique.arms.subjects import implied_subject
from chronique.arms.tense import reading_modality
from chronique.arms.verb_forms import relemmatise
from chronique.coding.mentions import MentionIndex
from chronique.knowledge.arms_words import arms_words
from chronique.knowledge.weapons import Trigger, WeaponCatalogue
from chronique.nlp.extensions import doc_text, get_list
from chronique.nlp.stage import Stage
from chronique.nlp.times import event_date
from chronique.nlp.transfer_arrivals import arrived
from chronique.nlp.transfer_context import TransferContext, token_at, trim, weapon_span
from chronique.nlp.transfer_deals import any_deal
from chronique.nlp.transfer_links import coordinated, onward
from chronique.nlp.transfer_sequel import sequels
from chronique.nlp.transfer_wishes import wished

if TYPE_CHECKING:
    from chronique.knowledge.lexicon import EventLexicon
    from chronique.nlp.resources import Resources


# weapons that are not traded as arms: giving up nuclear or chemical arsenals, bomb plots
NOT_TRADED = frozenset({"nuclear weapons", "chemical weapons", "explosive device"})
# events whose transfer is told by a transfer word under their trigger ("agreed to sell")
INNER_EVENTS = frozenset({"AGREE", "AID", "COOPERATE", "SUPPORT"})
# events whose trigger word is no transfer even when it is one elsewhere ("sent troops and tanks")
NOT_TRANSFERS = frozenset({"MOBILIZE", "ASSAULT", "COERCE", "THREATEN", "PROTEST", "RETREAT"})


def _code(actor: ActorMention | EventParty | None) -> str | None:
    return (actor or {}).get("code") or None


class TransferBuilder(Stage):
    factory = "chronique_transfers_v1"

    def __init__(self, lang: str, catalogue: WeaponCatalogue | None = None,
                 lexicon: EventLexicon | None = None) -> None:
        super().__init__(lang)
        self.catalogue = catalogue
        self.lexicon = lexicon

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        self.catalogue = resources.weapons
        self.lexicon = resources.event_lexicon(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        doc._.ch_transfers = self.build(doc) if self.catalogue is not None else []
        return doc

    def trigger_of(self, words: str) -> Trigger | None:
        assert self.catalogue is not None
        found = self.catalogue.trigger(words, self.lang)
        for word in reversed(words.split()):
            found = found or self.catalogue.trigger(word, self.lang)
        return found

    def build(self, doc: Doc) -> list[TransferRecord]:
        weapons = get_list(doc, "ch_weapons")
        if not weapons:
            return []
        assert self.catalogue is not None
        relemmatise(doc, self.catalogue.trigger)
        weapons = as_munitions(doc, resolve_definites(doc, weapons)) if has_parse(doc) else weapons
        events = get_list(doc, "ch_events")
        makers = self.catalogue.find_makers(doc_text(doc)) if has_parse(doc) else []
        ctx = TransferContext(doc, MentionIndex(doc), makers)
        roots = [root_token(doc, w) for w in weapons]
        skip = {w for w, (weapon, root) in enumerate(zip(weapons, roots, strict=True))
                if weapon.get("category") in NOT_TRADED or (root is not None and has_parse(doc) and (
                    idiomatic(root, str(weapon.get("text"))) or names_company(doc, *weapon_span(weapon, root))))}
        out: list[TransferRecord] = []
        taken: set[int] = set()
        event_triggers: set[int] = set()
        for n, event in enumerate(events):
            trigger_tok = token_at(doc, event.get("_trigger"))
            if trigger_tok is not None and event.get("event") in NOT_TRANSFERS:
                event_triggers.add(trigger_tok.i)
            mod = reading_modality(trigger_tok, None, str(event.get("modality", "asserted")))
            direction = event_direction(event.get("event", ""), mod, self.trigger_of(str(event.get("_lemma", ""))),
                                        past=told_past(trigger_tok))
            if direction is None:
                continue
            for w, weapon in enumerate(weapons):
                if w not in skip and self._in_event(doc, event, weapon, roots[w], trigger_tok):
                    taken.add(w)
                    record = self._from_event(ctx, n, event, direction, weapon, roots[w], trigger_tok)
                    if record is not None:
                        out.append(record)
        if has_parse(doc):
            for w, weapon in enumerate(weapons):
                root = roots[w]
                if w in taken or w in skip or root is None:
                    continue
                record = (self._deal(ctx, weapon, root) or arrived(ctx, weapon, root, self._record, self._modality)
                          or self._from_trigger(ctx, weapon, root, event_triggers)
                          or wished(ctx, weapon, root, self._record, self._modality))
                if record is not None:
                    out.append(record)
        found = consolidate(dedupe([with_origin(r, ctx.codes) for r in out if not domestic(r)]))
        linked = coordinated(ctx, sequels(ctx, found, self._gives, self._modality)) if has_parse(doc) else None
        return consolidate(onward(ctx, linked, self._giving)) if linked is not None else found

    @staticmethod
    def _in_event(doc: Doc, event: EventRecord, weapon: WeaponRecord, root: Token | None,
                  trigger: Token | None) -> bool:
        """With a parse: the trigger governs the weapon within the event's sentence (the coder's
        clause may stop short of a misparsed designation); without one: the weapon is in the clause."""
        if has_parse(doc) and root is not None and trigger is not None:
            info = event["text_info"]
            inside = int(info["start"]) <= int(weapon["start"]) and int(weapon["end"]) <= int(info["end"])
            return inside and governed(root, trigger)
        clause = event.get("_clause") or [event["text_info"]["start"], event["text_info"]["end"]]
        return int(clause[0]) <= int(weapon["start"]) and int(weapon["end"]) <= int(clause[1])

    def _record(self, weapon: WeaponRecord, status: str, sides: Sides, date: str | None,
                evidence: tuple[int, int], root: Token | None, trigger: Token | None = None) -> TransferRecord:
        source = (reporting_source(trigger, self.lexicon)
                  if trigger is not None and self.lexicon is not None and has_parse(trigger.doc) else None)
        return {
            "supplier": sides.supplier, "recipient": sides.recipient, "weapon": weapon.get("designation"),
            "category": weapon.get("category"), "status": status, "date": date,
            "evidence": {"start": evidence[0], "end": evidence[1]},
            "evidence_spans": [{"start": evidence[0], "end": evidence[1]}],
            "quantity": self._quantity(weapon, root), "reported_by": source,
            "weapon_text": weapon.get("text"), "_origin": weapon.get("origin"),
            "_trigger": trigger.i if trigger is not None else None,
        }

    @staticmethod
    def _quantity(weapon: WeaponRecord, root: Token | None) -> int | None:
        if root is None or not has_parse(root.doc):
            return None
        return quantity(root.doc[weapon_span(weapon, root)[0]])

    def _read(self, ctx: TransferContext, weapon: WeaponRecord, root: Token, trigger: Token, role: str,
              status: str) -> tuple[Sides, str] | None:
        """The parties and status the words around ``trigger`` give; None for a deployment of
        the sender's own forces or a transfer that a third party calls for or debates."""
        if other_object(root, trigger) or intercepted(root, trigger):
            return None  # "training in operating weapons", "the interception of boats with weapons"
        span = weapon_span(weapon, root)
        told = attribution_tokens(trigger, self.lexicon) if self.lexicon is not None else range(0)
        parties = [p for p in ctx.parties(trigger.sent) if p.start not in told]
        frame = read_frame(trigger, parties, span)
        frame.subject = implied_subject(trigger, parties) or frame.subject
        sides = assign(role, frame, owner=_code(owner(ctx.index, root)), trigger_word=trigger.lemma_,
                       upgrade=status == "upgrade")
        if role == "supplier" and dative_clitic(trigger):  # "lui livrer": someone receives, no deployment
            sides = unnamed_recipient(trigger, parties, sides, ctx.parties)
        if moves_own_forces(frame, sides, own_forces(span, trigger, frame)):
            return None
        bought = self._bought(span, root.sent, parties, sides, role, status)
        if bought is not None:
            return bought
        if role == "supplier":
            sides = unnamed_recipient(trigger, parties, sides, ctx.parties)
        if (role == "supplier" and sides.recipient is None and force_service(root, trigger)) or (
                status == "requested" and role == "recipient"
                and for_another(root, trigger, parties, span, state_asker(ctx.index, parties, frame.subject, trigger.i),
                                self._gives)):
            return None  # the giver's own forces at work ("provided airstrikes and…"), a third party's call
        if stopped(trigger):
            status = "cancelled"  # "suspended the delivery of", "cancelled its order of"
        elif status in ("delivered", "pledged") and under_contract(trigger):
            status = "agreed"
        elif status in ("agreed", "ordered") and approved_deal(trigger, self.trigger_of):
            status = "approved"
        elif status == "delivered" and promised(trigger):
            status = "pledged"
        call = caller(trigger)
        return (called(call, read_frame(call, parties, span), status, sides, ctx.index, parties)
                if call is not None else (sides, status))

    def _gives(self, tok: Token) -> bool:
        """A giving word, also by its form when the tagger gives it a wrong lemma ("livre")."""
        found = self.catalogue.trigger(tok.lower_, self.lang) if self.catalogue is not None else None
        return self._giving(tok) is not None or (
            found is not None and found.role == "supplier" and tok.pos_ in ("VERB", "AUX", "NOUN"))

    def _bought(self, span: tuple[int, int], sent: Span, parties: list[Party], sides: Sides, role: str,
                status: str) -> tuple[Sides, str] | None:
        """Weapons described as bought from a seller ("HIMARS achetés aux États-Unis"): the seller
        supplies their owner, whatever the owner does with them next; an owner that receives them
        or passes them on already holds them."""
        assert self.catalogue is not None
        word = purchase_participle(span, sent, self._is_purchase)
        if word is None:
            return None
        trig = self.catalogue.trigger(word.lemma_.lower(), self.lang)
        assert trig is not None
        owner_code = sides.supplier if role == "supplier" else sides.recipient
        frame = read_frame(word, parties, span)
        # the owner's own capital after "à/to" is where it took delivery ("réceptionné à Bamako"), not its seller
        frame.to_side = [c for c in frame.to_side if c != owner_code]
        seller = assign("recipient", frame, owner=None, trigger_word=word.lemma_, upgrade=False).supplier
        if seller is None or owner_code is None or seller == owner_code:
            return None
        return Sides(seller, owner_code), "delivered" if status == "delivered" else trig.status

    def _is_purchase(self, tok: Token) -> bool:
        found = self.catalogue.trigger(tok.lemma_.lower(), self.lang) if self.catalogue is not None else None
        return found is not None and found.role == "recipient" and found.status == "ordered"

    def _inner(self, root: Token, trigger: Token, role: str, status: str, event: str) -> tuple[Token, str, str]:
        """A transfer word between an agreement or aid event and its weapon says what was agreed
        ("agreed to sell": a sale; "announced it would buy": an order) and who its subject is."""
        if event not in INNER_EVENTS:
            return trigger, role, status
        assert self.catalogue is not None
        inner = governing_trigger(root, self._is_trigger)
        if inner is None or inner.i == trigger.i:
            return trigger, role, status
        word = self.catalogue.trigger(inner.lemma_.lower(), self.lang)
        assert word is not None
        found = by_modality(word.status, self._modality(inner))
        if found is None:
            return trigger, role, status
        if event == "AGREE" and found == "delivered":
            found = "pledged"  # a promised delivery: nothing is delivered yet
        return inner, word.role, found

    def _from_event(self, ctx: TransferContext, n: int, event: EventRecord, direction: Direction,
                    weapon: WeaponRecord, root: Token | None, trigger: Token | None) -> TransferRecord | None:
        actor, other = _code(event.get("actor")), _code(event.get("recipient"))
        coded = Sides(actor, other) if direction.actor_is_supplier else Sides(other, actor)
        status = direction.status
        word = self.trigger_of(str(event.get("_lemma", "")))
        if word is not None and word.status == "ordered" and status == "requested":
            status = "ordered"  # a purchase the coder read as a request: the order is placed
        sides = coded
        if root is not None and trigger is not None and has_parse(root.doc):
            if event.get("event") == "REQUEST" and asks_for_another(
                    root, trigger, ctx.parties, weapon_span(weapon, root), coded.recipient, self._is_trigger):
                return None
            role = "supplier" if direction.actor_is_supplier else "recipient"
            trigger, role, status = self._inner(root, trigger, role, status, event.get("event", ""))
            read = self._read(ctx, weapon, root, trigger, role, status)
            if read is None:
                return None
            sides, status = fill(read[0], coded), read[1]
        if sides.supplier == sides.recipient:
            return None  # domestic procurement, or a party read twice
        info = event["text_info"]
        record = self._record(weapon, status, sides, event.get("date"), (int(info["start"]), int(info["end"])), root,
                              trigger)
        record["event_index"] = n
        return record

    def _from_trigger(self, ctx: TransferContext, weapon: WeaponRecord, root: Token,
                      event_triggers: set[int]) -> TransferRecord | None:
        """A record from the transfer word that governs the weapon or stands nearest to it; a
        weapon with none but spelled out as the content of a transfer ("It includes…") is a
        partial record, which the transfer word of the sentence before may complete."""
        head = governing_trigger(root, self._is_trigger)
        if head is None:
            near = nearest_trigger(weapon_span(weapon, root), root.sent, self._is_trigger)
            verb = clause_verb(root, self._is_trigger)
            head = near if near is not None and (verb is None or same_statement(near, verb, root)) else None
        if (head is not None and head.i in event_triggers) or (head is None and not restates(root.sent)):
            return None
        record = self._reading(ctx, weapon, root, head) if head is not None else self._partial(ctx, weapon, root)
        if record is None or not record.get(PARTIAL):
            return record
        before = self._previous_trigger(ctx, root.sent)
        earlier = self._reading(ctx, weapon, root, before) if before is not None else None
        if earlier is None or earlier.get(PARTIAL):
            return record
        told = head is not None and head.pos_ != "NOUN"  # "The package includes…" tells no stage of its own
        if told and STATUS_RANK.get(record["status"], -1) > STATUS_RANK.get(earlier["status"], -1):
            earlier.update({"status": record["status"], "date": record["date"] or earlier["date"]})
        earlier["evidence_spans"] = join_spans(earlier["evidence_spans"], record["evidence_spans"])
        return earlier

    def _giving(self, tok: Token) -> str | None:
        """The status a giving word ("pass", "livrer") tells in its modality; None for other words."""
        found = self.catalogue.trigger(tok.lemma_.lower(), self.lang) if self.catalogue is not None else None
        if tok.lemma_.lower() in arms_words().onward_verbs:
            return by_modality("delivered", self._modality(tok))
        return by_modality(found.status, self._modality(tok)) if found and found.role == "supplier" else None

    def _deal(self, ctx: TransferContext, weapon: WeaponRecord, root: Token) -> TransferRecord | None:
        """A weapon that two coordinated states sign a deal for, one of them its maker, or that a
        deal signed with a named partner covers (chronique.nlp.transfer_deals)."""
        found = any_deal(ctx, root, weapon.get("origin"), weapon_span(weapon, root)[1],
                         governing_trigger(root, self._is_purchase) is not None)
        status = by_modality("agreed", self._modality(found[2])) if found is not None else None
        if found is None or status is None:
            return None
        verb, sent = found[2], found[2].sent
        date = event_date(ctx.doc, verb.idx, verb.idx + len(verb), future=False)[0]
        return self._record(weapon, status, Sides(found[0], found[1]), date,
                            trim(ctx.doc, sent.start_char, sent.end_char), root, verb)

    def _is_trigger(self, tok: Token) -> bool:
        if tok.lower_ == "order" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "in":
            return False  # "in order to": a purpose, not a purchase
        return self.catalogue is not None and self.catalogue.trigger(tok.lemma_.lower(), self.lang) is not None

    def _partial(self, ctx: TransferContext, weapon: WeaponRecord, root: Token) -> TransferRecord:
        sent = root.sent
        record = self._record(weapon, "", Sides(None, None), None, trim(ctx.doc, sent.start_char, sent.end_char), root)
        return {**record, PARTIAL: True}

    def _previous_trigger(self, ctx: TransferContext, sent: Span) -> Token | None:
        """The last transfer word of the sentence before, when that sentence names no weapon
        ("The Pentagon unveiled a package for Kyiv. It includes…")."""
        if sent.start == 0:
            return None
        previous = ctx.doc[sent.start - 1].sent
        if any(previous.start <= i < previous.end for i in ctx.weapon_tokens):
            return None
        return next((tok for tok in reversed(previous) if self._is_trigger(tok)), None)

    def _reading(self, ctx: TransferContext, weapon: WeaponRecord, root: Token, head: Token) -> TransferRecord | None:
        """The record a transfer word gives the weapon: None when it is no transfer (negated, a
        deployment, a third party's call, a domestic purchase); partial when no party is in reach."""
        assert self.catalogue is not None
        trig = self.catalogue.trigger(head.lemma_.lower(), self.lang)
        assert trig is not None
        mod = self._modality(head)
        status = by_modality(trig.status, mod)
        if status is None:
            return None
        read = self._read(ctx, weapon, root, head, taker_role(head, trig.role), status)
        if read is None:
            return None
        sides = fill(read[0], parsed_sides(ctx.index, weapon.get("_tokens"), root, head, trig.role == "supplier"))
        if sides.supplier == sides.recipient is not None:
            return None  # a domestic purchase
        date = event_date(ctx.doc, head.idx, head.idx + len(head), future=mod in ("future", "conditional"))[0]
        sent = head.sent
        record = self._record(weapon, read[1], sides, date, trim(ctx.doc, sent.start_char, sent.end_char), root, head)
        if sides.supplier is None and (sides.recipient is None or not weapon.get("designation")):
            # no party in reach, or a buyer of unnamed arms from nobody named ("to buy bombs and
            # bullets"): too little to stand alone; it may restate a transfer told elsewhere
            return {**record, PARTIAL: True}
        return record

    def _modality(self, head: Token) -> str:
        return reading_modality(head, self.lexicon)
