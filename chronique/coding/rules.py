"""The rule coder: lexicon triggers + dependency roles + modality → PLOVER/CAMEO event dicts.

Per sentence with a trigger (linear in the text): match the lexicon, let embedding triggers
("demander de", "promettre de", "refuser de") absorb the act they govern and take its branch
(103 from "demander d'aider"), find source and target in the parse with fallbacks to the nearest
actor mentions, read the modality, refine the CAMEO code with the clause's context cues, then run
the recoding rules in their order (chronique.coding.recode: an act asked for is a REQUEST, a
promised material act AGREE, an announced withdrawal CONCEDE, force made ready MOBILIZE…); a
conflict act a political actor reports of another party is also that actor's allegation
(chronique.coding.allegation). Readings of the sentence around a trigger live in
chronique.coding.clauses; the function words the readings use are data (``lexicon.words``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.annotations.extensions import doc_text
from chronique.annotations.places import event_location
from chronique.annotations.records import ActorMention, EventParty, EventRecord
from chronique.annotations.times import event_date
from chronique.coding.allegation import allegations
from chronique.coding.clauses import (
    clause_bounds,
    clause_verb,
    content_clauses,
    country_party,
    match_head,
    modifier,
    object_of,
    sentence_bounds,
    sentence_focus,
    subordinate,
    telling,
    two_sided,
)
from chronique.coding.coordinated import SYMMETRIC, joint_act
from chronique.coding.embedding import Embeddings
from chronique.coding.fallback import TargetFallback
from chronique.coding.headline import doer_unsaid, headline_future, headline_topic
from chronique.coding.mentions import MentionIndex, as_party, code_key, party_key
from chronique.coding.modality import modality
from chronique.coding.people_recipients import people_recipients
from chronique.coding.recode import ASKED_SUBJECT, MOBILIZE_KIND, Reading, Recoder, apply_rules
from chronique.coding.role_parse import Roles, is_passive
from chronique.coding.roles import RoleFinder
from chronique.coding.told_acts import hypothetical, untold
from chronique.coding.undergone import undergone
from chronique.coding.unlisted import load_sector_heads
from chronique.coding.unlisted_people import is_focus_person
from chronique.coding.unnamed_doer import AttackWords, agentless, named_attack_confidence, unnamed_doer
from chronique.coding.version import CODER_VERSION
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon, Trigger, TriggerMatch

TERRITORIAL = frozenset({"COERCE", "ASSAULT"})
REQUEST_KIND = "request"  # the lexicon's "embeds" value of a request trigger
REQUESTED_WEIGHT = 0.6
# an act the text denies, or supposes under "if"/"whether", did not happen: under the default
# confidence floor (0.5). A plain conditional ("pourraient être modernisés") may be an offer: kept.
UNTOLD_WEIGHT = 0.5
NAMED_KINDS = frozenset({"person", "entity"})
SUBORDINATE_WEIGHT = 0.85
MAX_PARTIES = 4  # coordination: at most this many sources × targets per trigger


def _identical(a: ActorMention, b: ActorMention) -> bool:
    return party_key(a) == party_key(b) and a.get("sector") == b.get("sector")


def same_side(a: ActorMention, b: ActorMention) -> bool:
    """One party twice: the same party and sector, or a state (or a known party of the same
    sector) and an unlisted body its own name gives that country ("le Mali" and "le gouvernement
    malien"); two unlisted bodies of one country ("the ACLU", "the FBI") are two parties."""
    if _identical(a, b):
        return True
    if _own_state(a, b) or _own_state(b, a):
        return True
    if code_key(a) != code_key(b) or bool(a.get("_unlisted")) == bool(b.get("_unlisted")):
        return False
    known, body = (b, a) if a.get("_unlisted") else (a, b)
    if body.get("_focus"):
        return False  # its country is a guess from the context, not its own name's
    state = known.get("kind") == "country" and known.get("sector") in (None, "GOV")
    return state or a.get("sector") == b.get("sector")


def _own_state(person: ActorMention, other: ActorMention) -> bool:
    """A known person and their own state are one side ("Au Brésil, Dilma Rousseff a demandé …"); two
    people of one government are two parties (their ``party_key`` holds their names)."""
    return (person.get("kind") == "person" and other.get("kind") == "country" and not other.get("_unlisted")
            and other.get("sector") in (None, "GOV") and code_key(person) == code_key(other))


def _guessed(actor: ActorMention) -> bool:
    """An uncoded party, or a person whose country is only the context's (chronique.coding.unlisted_people):
    either makes a weaker record than a party the text codes."""
    return not actor.get("code") or is_focus_person(actor)


def _party(actor: ActorMention | None) -> EventParty | None:
    return None if actor is None else as_party(actor)


def _distinct(actors: list[ActorMention]) -> list[ActorMention]:
    out, codes = [], set()
    for a in actors:
        key = (party_key(a), a.get("sector"))
        if key not in codes:
            codes.add(key)
            out.append(a)
    return out[:MAX_PARTIES]


@dataclass
class _Sentence:
    """One sentence being coded: where it is, its context cues and trigger heads, the Doc's
    mention index and role finders, and the clause bounds worked out so far (per verb)."""

    doc: Doc
    sent: Span
    seq: int
    bounds: tuple[int, int]
    cues: list[str]
    heads: set[int]
    index: MentionIndex
    finder: RoleFinder
    fallback: TargetFallback
    clauses: dict[int, tuple[int, int]] = field(default_factory=dict)

    def clause(self, verb: Token | None) -> tuple[int, int]:
        key = verb.i if verb is not None else -1
        if key not in self.clauses:
            self.clauses[key] = clause_bounds(verb, self.sent, self.bounds)
        return self.clauses[key]


class RuleCoder:
    name = "rules"

    def __init__(self, lexicon: EventLexicon, table: CameoTable) -> None:
        self.lexicon = lexicon
        self.table = table
        self.embeddings = Embeddings(table, lexicon)
        self.heads = load_sector_heads()  # unlisted parties (chronique.coding.unlisted)
        self.attack_words = AttackWords(lexicon, table)  # one-word attack triggers, read on first use

    def code(self, doc: Doc) -> list[EventRecord]:
        index = MentionIndex(doc, self.heads)
        if not index.actors:
            return []  # no actor, no event: nothing is invented
        finder = RoleFinder(index, self.lexicon)
        fallback = TargetFallback(index, self.lexicon.words.where_cases)
        events: list[EventRecord] = []
        for seq, sent in enumerate(doc.sents, start=1):
            toks = list(sent)
            matches = self.lexicon.match([t.lemma_.lower() for t in toks], [t.lower_ for t in toks],
                                         [t.pos_ for t in toks], offset=sent.start)
            if matches:
                events.extend(self._code_sentence(doc, sent, seq, matches, index, finder, fallback))
        return dedupe_events(events)

    def _code_sentence(self, doc: Doc, sent: Span, seq: int, matches: list[TriggerMatch], index: MentionIndex,
                       finder: RoleFinder, fallback: TargetFallback) -> list[EventRecord]:
        absorbed, refines = self.embeddings.find(doc, matches)
        # per sentence, not per trigger: a long sentence full of triggers stays linear
        scope = _Sentence(doc, sent, seq, sentence_bounds(sent), self.lexicon.cue_contexts(
            [t.lemma_.lower() for t in sent]), {match_head(doc, m).i for m in matches}, index, finder, fallback)
        recoder = Recoder(self.table, self.lexicon, finder)
        out: list[EventRecord] = []
        for m in matches:
            trig, head = m.trigger, match_head(doc, m)
            if trig.embedded_only or m.tokens[0] in absorbed or modifier(head):
                continue
            read = self._read(scope, m, head, refines.get(m.tokens[0]))
            if read is None:
                continue
            reading, confidence = read
            apply_rules(recoder, reading)
            if reading.modality in ("asserted", "reported", "future") and hypothetical(head):
                # "if France attacked", "whether he will sign": supposed, not done
                reading.modality, confidence = "conditional", confidence * UNTOLD_WEIGHT
            if reading.event:
                out.extend(self._events(scope, m, reading, confidence))
        return out

    def _read(self, scope: _Sentence, m: TriggerMatch, head: Token,
              inner: TriggerMatch | None) -> tuple[Reading, float] | None:
        """The trigger's act before the recoding rules: modality, roles (with the fallback source),
        code and PLOVER type; None when the trigger codes nothing here."""
        trig, finder = m.trigger, scope.finder
        mod, speech = modality(head, self.lexicon)
        if mod == "asserted" and headline_future(head):
            mod = "future"  # "Brazil to expel diplomats"
        speaker = finder.speaker_of(head) if speech is not None else None
        if trig.negative:
            if mod != "negated":
                return None
            mod = "reported" if speech is not None else "asserted"
        roles = finder.find(head, trig)
        undergone(head, roles, finder, self.lexicon.lang)  # "faces criticism from X": the subject undergoes it
        if (trig.target == "place" and not roles.place_object) or (
                trig.target == "object" and not roles.place_direct):
            return None  # "returned the Golan Heights" is a retreat, "returned to Geneva" is not
        if trig.embeds == REQUEST_KIND and inner is not None and not roles.targets:
            # "its demand that Israel ease the blockade": who is asked to act is the recipient
            self._asked_party(finder, scope.doc[inner.tokens[0]], roles)
        confidence = self._fallback_source(roles, head, scope.sent, scope.index,
                                           trig.weak or object_of(head, scope.heads), speech)
        code = (self.embeddings.called_off_code(trig.cameo, inner) if inner is not None and not trig.embeds
                else self._code(trig, inner))
        code = self._refine(code, scope.cues)
        event, mode, context = self.table.plover(code) or ("", "", ())
        event, mode = trig.event or event, trig.mode if trig.mode is not None else mode
        if agentless(head, roles, self.lexicon.words.reflexive_clitics):
            self._unnamed_doer(scope, head, roles, event, mode or "")
        if not roles.sources:
            return None
        if untold(head, scope.sent, event, speech is not None):
            return None  # a habit, a count, a definition, a question, an aside: no act told
        return Reading(code, event, mode, context, mod, roles, head, trig, speech, speaker), \
            named_attack_confidence(event, head, roles, confidence)

    def _unnamed_doer(self, scope: _Sentence, head: Token, roles: Roles, event: str, mode: str) -> None:
        """An agentless passive names no doer: an unknown attacker, or the authorities of the place
        (chronique.coding.unnamed_doer), instead of the nearest mention."""
        start, end = scope.clause(clause_verb(head))
        place = event_location(scope.doc, start, end)
        located = str((place or {}).get("country_code") or "") or sentence_focus(scope.doc, scope.seq)
        doer = unnamed_doer(event, mode, head, roles, scope.index, self.attack_words(), located)
        if doer is not None:
            roles.sources = [doer]

    def _events(self, scope: _Sentence, m: TriggerMatch, r: Reading, confidence: float) -> list[EventRecord]:
        """The event records of a recoded reading: place, missing target, date, one per party pair."""
        doc, head, trig = scope.doc, r.head, r.trigger
        verb = clause_verb(head)
        start, end = scope.clause(verb)
        contexts = list(dict.fromkeys([*r.context, *trig.context,
                                       *(c for c in scope.cues if c in self.table.contexts)]))
        location = event_location(doc, start, end)
        people = [] if r.roles.targets else people_recipients(
            head, [doc[i] for i in m.tokens], scope.index, self.lexicon.words, self.lexicon.lang)
        if people or (not r.roles.targets and joint_act(r.event, r.roles, same_side)):
            # a common noun for people, or each side of a joint act the other's: no surer than no recipient
            r.roles.targets, confidence = people or r.roles.targets, max(0.1, confidence - 0.1)
        elif not r.roles.targets:
            located = str((location or {}).get("country_code") or "") or sentence_focus(doc, scope.seq)
            confidence = self._fallback_target(r.roles, r.event, head, max(m.tokens) + 1, scope.sent,
                                               scope.fallback, trig.weak, confidence, located)
        date, precision, _ = event_date(doc, start, end, future=r.modality in ("future", "conditional"),
                                        near=head.idx, past=verb is not None and "Tense=Past" in str(verb.morph))
        s_start, s_end = scope.bounds
        base: EventRecord = {
            "date": date, "date_precision": precision, "event": r.event, "mode": r.mode or "",
            "context": contexts, "quad_code": self.table.quad(r.event), "cameo": r.code,
            "event_loc": location, "event_text": doc_text(doc)[s_start:s_end],
            "text_info": {"sequence": scope.seq, "start": s_start, "end": s_end}, "modality": r.modality,
            "speaker": (r.speaker or {}).get("name") or (r.speaker or {}).get("text"),
            # an act only asked for ranks below the acts the sentence reports as done, and an
            # act told in a clause that qualifies another (its purpose, a relative clause) below
            # the act the sentence is about
            "confidence": round(confidence * (REQUESTED_WEIGHT if r.modality == "requested" else 1.0)
                                * (UNTOLD_WEIGHT if r.modality == "negated" else 1.0)
                                * (SUBORDINATE_WEIGHT if subordinate(verb) else 1.0), 2), "coder": CODER_VERSION,
            "_clause": [start, end], "_trigger": [head.idx, doc[m.tokens[-1]].idx + len(doc[m.tokens[-1]])],
            "_lemma": " ".join(trig.words),
        }
        return [*self._pairs(base, r.roles, r.event), *allegations(base, r.speaker, r.roles.sources, self.table)]

    @staticmethod
    def _asked_party(finder: RoleFinder, inner: Token, roles: Roles) -> None:
        """The subject of the act a request absorbs, when it is a party other than the asker."""
        if inner.pos_ not in ("VERB", "AUX"):
            return
        taken = {party_key(a) for a in roles.sources}
        subj = next((c for c in inner.children if c.dep_ in ASKED_SUBJECT), None)
        asked = [a for a in finder.resolve(subj) if party_key(a) not in taken] if subj is not None else []
        if asked:
            roles.targets, roles.target_parsed = asked, True

    def _fallback_source(self, roles: Roles, head: Token, sent: Span, index: MentionIndex, weak: bool,
                         speech: Token | None) -> float:
        """Fill a missing source from the nearest mention in the sentence; return the confidence.

        A role read from the parse is worth more than one taken by proximity. Who reports the act
        is not its doer ("les rapports de la Ligue arabe indiquent que le journaliste a été tué"):
        mentions in the telling (the phrase of ``speech``, the word that reports the act) are left out.
        """
        confidence = 0.45 + 0.25 * roles.source_parsed + 0.15 * roles.target_parsed - 0.1 * weak
        if not roles.sources and not weak and not roles.source_parsed and not doer_unsaid(head):
            # the target's own party is no guess for the doer; the same country's other sector may be
            # ("l'armée syrienne … rejetant la faute sur les rebelles")
            taken = {(party_key(a), a.get("sector")) for a in roles.targets}
            told = telling(speech, head) | headline_topic(sent)  # only when needed; a headline topic is no doer
            if is_passive(head, self.lexicon.words.reflexive_clitics):
                # "X is accused of bribing the judges": the judges are no guess for who accuses
                told |= content_clauses(head)
            before = [a for a in index.actors_in(sent.start, head.i, told)
                      if (party_key(a), a.get("sector")) not in taken]
            after = [a for a in index.actors_in(head.i + 1, sent.end, told)
                     if (party_key(a), a.get("sector")) not in taken]
            roles.sources = before[-1:] or after[:1]
        return max(0.1, min(0.95, confidence))

    def _fallback_target(self, roles: Roles, event: str, head: Token, after: int, sent: Span,
                         fallback: TargetFallback, weak: bool, confidence: float, located: str | None) -> float:
        """Fill a missing target; return the confidence, lowered by how far the guess reaches.

        An attack or seizure "en Ukraine" with no party named targets the place's country; else the
        nearest coded actor after the trigger, in its clause (a weak trigger looks no further) or
        in the rest of the sentence; else, for an attack or seizure on people or things no actor
        names ("ont détruit des mausolées"), the country where it happened: the event's place, or
        the country the story is about (what coders of located violence record for the victims).
        """
        # "l'armée et les rebelles se battent à Alep": fighting between the doers hits no third party
        fighting = event in TERRITORIAL and two_sided(head.doc, roles.sources)
        place = roles.target_place
        if event in TERRITORIAL and place and place.get("country_code") and not fighting:
            roles.targets = [country_party(str(place["country_code"]), place)]
            return confidence
        targets, in_clause = fallback.find(head, after, roles.sources, sent, event, roles.topics)
        if targets and (in_clause or not weak):
            roles.targets = targets
            return max(0.1, confidence - (0.05 if in_clause else 0.1))
        if event in TERRITORIAL and located and not weak and not fighting:
            roles.targets = [country_party(located)]
            return max(0.1, confidence - 0.1)
        # a record with no recipient is no surer than one whose recipient is a guess
        return max(0.1, confidence - 0.1)

    def _code(self, trig: Trigger, inner: TriggerMatch | None) -> str:
        kind = trig.embeds
        if inner is None or kind is None:
            return trig.cameo
        code = self.table.parallel_code(kind, inner.trigger.cameo)
        if code is None and kind == "intent":
            # "prepared to attack" makes force ready (a mobilisation); "vowed to fight" is a threat
            ready = any(w in self.lexicon.readiness for w in trig.words)
            code = (ready and self.table.parallel_code(MOBILIZE_KIND, inner.trigger.cameo)) or \
                self.table.parallel_code("threaten", inner.trigger.cameo)
        return code or trig.cameo

    def _refine(self, code: str, cues: list[str]) -> str:
        entry = self.table.lookup(code)
        if entry is None or entry.context:
            return code
        for ctx in cues:
            refined = self.table.refine(code, ctx)
            if refined != code:
                return refined
        return code

    def _pairs(self, base: EventRecord, roles: Roles, event: str) -> list[EventRecord]:
        sources, targets = _distinct(roles.sources), _distinct(roles.targets)
        # uncoded parties only stand in for a missing coded one: a coded source wins, and when
        # nobody is coded the source must at least be named (a person, an organisation), not a
        # bare sector word ("police", "refugees") that identifies no one
        coded_sources = [a for a in sources if a.get("code")]
        sources = coded_sources or sources
        if not coded_sources and not any(a.get("code") for a in targets):
            sources = [a for a in sources if a.get("kind") in NAMED_KINDS]
        if not targets and event in SYMMETRIC and len({party_key(a) for a in sources}) > 1:
            # the other side: neither the first party nor one of its own side (its leader, its state)
            sources, targets = sources[:1], [a for a in sources[1:] if not same_side(sources[0], a)][:1]
        out: list[EventRecord] = []
        options: list[ActorMention | None] = list(targets) or [None]
        for src in sources:
            kept = [t for t in options if t is None or not same_side(src, t)]
            if not kept and any(not _identical(src, t) for t in options if t is not None):
                kept = [None]  # its only recipient was the source's own state: the act stays, unaimed
            for tgt in kept:
                # an uncoded party is a weaker record: coded readings of the sentence rank first
                penalty = 0.1 * _guessed(src) + 0.05 * (tgt is not None and _guessed(tgt))
                out.append({**base, "actor": _party(src), "recipient": _party(tgt),
                            "confidence": round(max(0.1, base["confidence"] - penalty), 2)})
        return out


def _record_key(party: EventParty | None) -> str:
    """Whose side a party of a record is; a person coded only by the context stays a party of its own
    (as it was uncoded), so that one such person does not hide another of the same country."""
    if party and party.get("_person_focus"):
        return f"{code_key(party)}~{str(party.get('entity_text') or '').lower()}"
    return code_key(party)


def dedupe_events(events: list[EventRecord]) -> list[EventRecord]:
    """One event per (sentence, type, actor, recipient): the most confident one."""
    best: dict[tuple[Any, ...], EventRecord] = {}
    for e in events:
        # by code: several unlisted bodies of one country make one record of the act, not one each
        key = (e["text_info"]["sequence"], e["event"], _record_key(e["actor"]), _record_key(e["recipient"]))
        if key not in best or e["confidence"] > best[key]["confidence"]:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e["text_info"]["start"], e["_trigger"][0]))
