"""The rule coder: lexicon triggers + dependency roles + modality → PLOVER/CAMEO event dicts.

Per sentence with a trigger (linear in the text): match the lexicon, let embedding triggers
("demander de", "promettre de", "refuser de") absorb the act they govern and take its branch
(103 from "demander d'aider"), find source and target in the parse with fallbacks to the nearest
actor mentions, read the modality, refine the CAMEO code with the clause's context cues, and
recode a promised material act as AGREE (PLOVER's rule).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.coding.mentions import MentionIndex
from chronique.coding.modality import modality
from chronique.coding.protocol import CODER_VERSION
from chronique.coding.roles import RoleFinder, Roles
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon, TriggerMatch
from chronique.nlp.places import event_location
from chronique.nlp.times import event_date

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
TERRITORIAL = frozenset({"COERCE", "ASSAULT"})
MAX_PARTIES = 4  # coordination: at most this many sources × targets per trigger


def _party(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"code": actor.get("code"), "sector": actor.get("sector"), "entity_text": actor.get("text"),
            "identifier_id": actor.get("wikidata"), "start": actor.get("start"), "end": actor.get("end")}


def _distinct(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out, codes = [], set()
    for a in actors:
        key = (a.get("code"), a.get("sector"))
        if key not in codes:
            codes.add(key)
            out.append(a)
    return out[:MAX_PARTIES]


def _clause(head: Token, sent: Span) -> tuple[int, int]:
    cur = head
    while cur.pos_ not in ("VERB", "AUX") and cur.head is not cur:
        cur = cur.head
    toks = [t for t in cur.subtree if sent.start <= t.i < sent.end and not t.is_space]
    if not toks:
        return sent.start_char, sent.end_char
    return toks[0].idx, toks[-1].idx + len(toks[-1])


# The paths along which an embedding trigger governs an act ("demander à X d'aider", "sa demande d'armes").
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "obj", "dobj", "nmod", "obl:arg", "acl", "prep", "pobj", "advcl"})


def _governs(head: Token, other: Token, depth: int = 3) -> bool:
    cur = other
    for _ in range(depth):
        if cur.dep_ not in EMBEDDING_DEPS or cur.head is cur:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _sentence_bounds(sent: Span) -> tuple[int, int]:
    toks = [t for t in sent if not t.is_space]
    return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else (sent.start_char, sent.end_char)


def _with_conjuncts(after: list[dict[str, Any]], doc: Doc, index: MentionIndex) -> list[dict[str, Any]]:
    """The first actor after the trigger and those coordinated with it ("lituaniens et polonais")."""
    first = after[0]
    span = doc.char_span(int(first["start"]), int(first["end"]), alignment_mode="expand")
    if span is None:
        return [first]
    conj = {t.i for tok in span for t in tok.conjuncts}
    return [first] + [a for a in after[1:] if any(index.actor_at.get(i) == index.actors.index(a) for i in conj)]


class RuleCoder:
    name = "rules"

    def __init__(self, lexicon: EventLexicon, table: CameoTable) -> None:
        self.lexicon = lexicon
        self.table = table

    def code(self, doc: Doc) -> list[dict[str, Any]]:
        index = MentionIndex(doc)
        if not index.actors:
            return []  # no actor, no event: nothing is invented
        finder = RoleFinder(index, self.lexicon)
        events: list[dict[str, Any]] = []
        for seq, sent in enumerate(doc.sents, start=1):
            toks = list(sent)
            matches = self.lexicon.match([t.lemma_.lower() for t in toks], [t.lower_ for t in toks],
                                         [t.pos_ for t in toks], offset=sent.start)
            if matches:
                events.extend(self._code_sentence(doc, sent, seq, matches, index, finder))
        return _dedupe(events)

    def _embeddings(self, doc: Doc, matches: list[TriggerMatch]) -> tuple[set[int], dict[int, TriggerMatch]]:
        """Heads absorbed by an embedding trigger, and the act that refines each embedding trigger."""
        absorbed: set[int] = set()
        refines: dict[int, TriggerMatch] = {}
        for m in matches:
            if not m.trigger.embeds:
                continue
            head = doc[m.tokens[0]]
            for other in matches:
                if other is not m and not other.trigger.embeds and _governs(head, doc[other.tokens[0]]):
                    absorbed.add(other.tokens[0])
                    refines.setdefault(head.i, other)
        return absorbed, refines

    def _code_sentence(self, doc: Doc, sent: Span, seq: int, matches: list[TriggerMatch],
                       index: MentionIndex, finder: RoleFinder) -> list[dict[str, Any]]:
        absorbed, refines = self._embeddings(doc, matches)
        out: list[dict[str, Any]] = []
        for m in matches:
            trig, head = m.trigger, doc[m.tokens[0]]
            if trig.embedded_only or head.i in absorbed:
                continue
            mod, speech = modality(head, self.lexicon)
            if trig.negative:
                if mod != "negated":
                    continue
                mod = "reported" if speech is not None else "asserted"
            roles = finder.find(head, trig)
            if trig.target == "place" and not roles.place_object:
                continue
            confidence = self._fallbacks(roles, head, sent, index, trig.weak)
            if not roles.sources:
                continue
            code = self._code(trig.cameo, refines.get(head.i), trig.embeds)
            start, end = _clause(head, sent)
            cues = self.lexicon.cue_contexts([t.lemma_.lower() for t in doc[sent.start:sent.end]])
            code = self._refine(code, cues)
            event, mode, context = self.table.plover(code) or ("", "", ())
            if event in ("AID", "COOPERATE") and mod in ("future", "conditional"):
                code = self.table.parallel_code("intent", code) or code
                event, mode, context = self.table.plover(code) or (event, mode, context)
            event, mode = trig.event or event, trig.mode if trig.mode is not None else mode
            if not event:
                continue
            contexts = list(dict.fromkeys([*context, *trig.context, *(c for c in cues if c in self.table.contexts)]))
            speaker = finder.speaker_of(head) if speech is not None else None
            if mod == "reported" and speaker is not None and any(
                    s.get("code") == speaker.get("code") for s in roles.sources):
                mod = "asserted"  # the speaker states their own act
            if event in TERRITORIAL and not roles.targets and roles.target_place and roles.target_place.get(
                    "country_code"):
                place = roles.target_place
                roles.targets = [{"code": place["country_code"], "sector": None, "text": None, "start": None,
                                  "end": None}]
            date, precision, _ = event_date(doc, start, end, future=mod in ("future", "conditional"))
            s_start, s_end = _sentence_bounds(sent)
            base = {
                "date": date, "date_precision": precision, "event": event, "mode": mode or "",
                "context": contexts, "quad_code": self.table.quad(event), "cameo": code,
                "event_loc": event_location(doc, start, end), "event_text": doc.text[s_start:s_end],
                "text_info": {"sequence": seq, "start": s_start, "end": s_end}, "modality": mod,
                "speaker": (speaker or {}).get("name") or (speaker or {}).get("text"),
                "confidence": round(confidence, 2), "coder": CODER_VERSION,
                "_clause": [start, end], "_trigger": [head.idx, doc[m.tokens[-1]].idx + len(doc[m.tokens[-1]])],
                "_lemma": " ".join(trig.words),
            }
            out.extend(self._pairs(base, roles, event))
        return out

    def _fallbacks(self, roles: Roles, head: Token, sent: Span, index: MentionIndex, weak: bool) -> float:
        """Fill missing roles from the nearest mentions in the sentence; return the confidence."""
        confidence = 0.45 + 0.25 * roles.source_parsed + 0.15 * roles.target_parsed - 0.1 * weak
        if not roles.sources and not weak and not roles.source_parsed:
            taken = {a.get("code") for a in roles.targets}
            before = [a for a in index.actors_in(sent.start, head.i) if a.get("code") not in taken]
            after = [a for a in index.actors_in(head.i + 1, sent.end) if a.get("code") not in taken]
            pick = before[-1:] or after[:1]
            roles.sources = pick
        if not roles.targets and roles.sources:
            codes = {a.get("code") for a in roles.sources}
            after = [a for a in index.actors_in(head.i + 1, sent.end) if a.get("code") not in codes]
            if after and not weak:
                roles.targets = _with_conjuncts(after, head.doc, index)
                confidence -= 0.05
        return max(0.1, min(0.95, confidence))

    def _code(self, cameo: str, inner: TriggerMatch | None, kind: str | None) -> str:
        if inner is None or kind is None:
            return cameo
        return self.table.parallel_code(kind, inner.trigger.cameo) or cameo

    def _refine(self, code: str, cues: list[str]) -> str:
        entry = self.table.lookup(code)
        if entry is None or entry.context:
            return code
        for ctx in cues:
            refined = self.table.refine(code, ctx)
            if refined != code:
                return refined
        return code

    def _pairs(self, base: dict[str, Any], roles: Roles, event: str) -> list[dict[str, Any]]:
        sources, targets = _distinct(roles.sources), _distinct(roles.targets)
        if not targets and event in SYMMETRIC and len({a.get("code") for a in sources}) > 1:
            sources, targets = sources[:1], [a for a in sources[1:] if a.get("code") != sources[0].get("code")][:1]
        out = []
        options: list[dict[str, Any] | None] = list(targets) or [None]
        for src in sources:
            for tgt in options:
                if tgt is not None and tgt.get("code") == src.get("code") and tgt.get("sector") == src.get("sector"):
                    continue
                out.append({**base, "actor": _party(src), "recipient": _party(tgt)})
        return out


def _dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per (sentence, type, actor, recipient): the most confident one."""
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events:
        key = (e["text_info"]["sequence"], e["event"], (e["actor"] or {}).get("code"),
               (e["recipient"] or {}).get("code"))
        if key not in best or e["confidence"] > best[key]["confidence"]:
            best[key] = e
    return sorted(best.values(), key=lambda e: (e["text_info"]["start"], e["_trigger"][0]))
