"""Which trigger of a sentence absorbs which: an embedding trigger takes the act it governs
("demander d'aider" → a request of aid), a protest takes the demand it voices, and an act that
calls off a cooperative one takes it ("cancelled a planned visit" is one act, not a visit).

Returns the heads absorbed and, per absorbing head, the act that refines its code.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from chronique.coding.mentions import is_root
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon, TriggerMatch

PROTEST_ROOT = "14"
REDUCE_ROOT = "16"  # CAMEO "reduce relations": cancel, suspend, halt
MEETING_ROOT = "04"
AIM_ROOTS = frozenset({"10", "11", "12"})  # demands, accusations, rejections a protest voices
COOPERATIVE_QUADS = frozenset({1, 2})
# CAMEO 2.0: halting mediation (045) is 165 and negotiations (046) 164, both SANCTION in the crosswalk;
# calling off a meeting or visit (040-044) is a rejection of it.
HALTED = {"045": "165", "046": "164"}

# The paths along which an embedding trigger governs an act ("demander à X d'aider", "sa demande d'armes").
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "obj", "dobj", "nmod", "obl:arg", "acl", "prep", "pobj", "advcl"})
# An alleged, denied or called-off act sits deeper ("accuser X d'être à l'origine de l'attaque"):
# its content may hang on an oblique of a copula or an infinitive.
CONTENT_DEPS = EMBEDDING_DEPS | {"obl", "obl:mod", "cop", "pcomp", "acl:relcl", "relcl"}
OBJECT_DEPS = frozenset({"obj", "dobj"})
COMPLEMENT_DEPS = frozenset({"nmod", "pobj", "prep"})
CONTENT = "content"
REQUEST = "request"


def gerund(tok: Token) -> bool:
    """A French gerund ("en rejetant la faute sur X") is a second act of the same subject, not the
    content of the verb it hangs on."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "en" for c in tok.children)


def governs(head: Token, other: Token, depth: int = 3, deps: frozenset[str] = EMBEDDING_DEPS) -> bool:
    cur = other
    for _ in range(depth):
        if cur.dep_ not in deps or is_root(cur) or gerund(cur):
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def purpose_of(act: Token, other: Token) -> bool:
    """``other`` is the purpose clause of the verb whose object is the act noun ("staged a sit-in
    to demand …", "a entamé une grève de la faim pour exiger …")."""
    return (act.pos_ == "NOUN" and act.dep_ in ("obj", "dobj") and not is_root(act)
            and other.dep_ in ("advcl", "xcomp") and other.head.i == act.head.i)


def called_off(verb: Token, act: Token) -> bool:
    """``act`` is what ``verb`` cancels: its direct object, or a complement of that object ("a suspendu
    la tenue des pourparlers", "halted the holding of talks"); not an oblique ("after the visit")."""
    cur = act
    for _ in range(3):
        if is_root(cur):
            return False
        if cur.dep_ in OBJECT_DEPS:
            return cur.head.i == verb.i
        if cur.dep_ not in COMPLEMENT_DEPS:
            return False
        cur = cur.head
    return False


def content_clause_of(noun: Token, other: Token) -> bool:
    """The parser hangs the clause a request noun introduces on the verb above the noun ("reiterated
    its demand that Israel ease …", "a renouvelé son appel que …"): a complement clause of that
    verb, after the noun, is the noun's content."""
    return (noun.pos_ == "NOUN" and noun.dep_ in ("obj", "dobj") and not is_root(noun)
            and other.dep_ == "ccomp" and other.head.i == noun.head.i and other.i > noun.i)


class Embeddings:
    """The absorption rules of one lexicon's triggers, given the CAMEO table for their classes and
    the lexicon's verbs of ordering and deciding (``announce``)."""

    def __init__(self, table: CameoTable, lexicon: EventLexicon | None = None) -> None:
        self.table = table
        self.lexicon = lexicon  # read when a sentence is coded: a coder is built before its lexicon is used

    def _event(self, m: TriggerMatch) -> str:
        plover = self.table.plover(m.trigger.cameo)
        return m.trigger.event or (plover[0] if plover else "")

    def covered(self, matches: list[TriggerMatch]) -> set[int]:
        """Heads that are a later word of a longer trigger reading another act: "lifted its ban" is an
        easing, not a ban; "gave X a deadline" a threat, not aid. A word the longer trigger reads as the
        same act ("launched an investigation") keeps its own reading beside it. A trigger that fires
        only under negation or only inside another covers nothing (it may not fire)."""
        words: dict[int, set[str]] = {}
        for m in matches:
            if not (m.trigger.negative or m.trigger.embedded_only):
                for t in m.tokens[1:]:
                    words.setdefault(t, set()).add(self._event(m))
        return {m.tokens[0] for m in matches if words.get(m.tokens[0], set()) - {self._event(m)}}

    def _ordered(self, doc: Doc, m: TriggerMatch, other: TriggerMatch) -> bool:
        """An authority that orders an act a noun names ("ordered the arrest of X", "a ordonné le
        retrait des troupes") decides that act, carried out in its name: the noun's act is coded with
        the orderer as its doer, not a request (a party ordered to act, "ordered X to leave", still is)."""
        noun = doc[other.tokens[0]]
        announce = self.lexicon.announce if self.lexicon is not None else frozenset()
        return (m.trigger.embeds == REQUEST and bool(set(m.trigger.words) & announce)
                and noun.pos_ == "NOUN" and called_off(doc[m.tokens[0]], noun))

    def _cooperative(self, m: TriggerMatch) -> bool:
        return self.table.quad(self._event(m)) in COOPERATIVE_QUADS

    def called_off_code(self, outer: str, inner: TriggerMatch) -> str:
        """Calling off a meeting is a rejection of it (PLOVER manual, SANCTION notes); cutting aid or
        ties keeps the reducing code."""
        if outer[:2] == REDUCE_ROOT and inner.trigger.cameo[:2] == MEETING_ROOT:
            halted = HALTED.get(inner.trigger.cameo[:3])  # an ongoing process stopped is CAMEO's own code
            return halted or self.table.parallel_code("reject", inner.trigger.cameo) or outer
        return outer

    def find(self, doc: Doc, matches: list[TriggerMatch]) -> tuple[set[int], dict[int, TriggerMatch]]:
        absorbed: set[int] = self.covered(matches)
        refines: dict[int, TriggerMatch] = {}
        for m in matches:
            protest = m.trigger.cameo[:2] == PROTEST_ROOT
            reduce = m.trigger.cameo[:2] == REDUCE_ROOT and not m.trigger.embeds
            if not m.trigger.embeds and not protest and not reduce:
                continue
            head = doc[m.tokens[0]]
            content = m.trigger.embeds == CONTENT
            depth, deps = (4, CONTENT_DEPS) if content else (3, EMBEDDING_DEPS)
            for other in matches:
                if other is m:
                    continue
                if reduce:  # "cancelled a planned visit", "a suspendu les pourparlers"
                    if self._cooperative(other) and called_off(head, doc[other.tokens[0]]):
                        absorbed.add(other.tokens[0])
                        refines.setdefault(head.i, other)
                    continue
                if protest and purpose_of(head, doc[other.tokens[0]]):
                    if other.trigger.cameo[:2] in AIM_ROOTS:  # "began a strike to demand X"
                        absorbed.add(other.tokens[0])
                    continue
                clause = not protest and content_clause_of(head, doc[other.tokens[0]])
                if not clause and not any(governs(head, doc[t], depth, deps) for t in other.tokens):
                    continue
                if self._ordered(doc, m, other):  # the act ordered codes, the order does not
                    absorbed.add(head.i)
                    break
                if protest:  # "rallied to demand reforms": the demand is the protest's aim
                    if other.trigger.cameo[:2] in AIM_ROOTS:
                        absorbed.add(other.tokens[0])
                    continue
                absorbed.add(other.tokens[0])  # "refused to commit to aid": the outer act codes
                if not other.trigger.embeds and not content:  # an alleged act leaves the code as is
                    refines.setdefault(head.i, other)
        return absorbed, refines
