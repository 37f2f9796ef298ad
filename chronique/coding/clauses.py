"""Readings of the sentence around a trigger, for the rule coder: the word of a multiword trigger
that carries its roles, the trigger's clause and whether it qualifies another act, who tells the
act, two-sided fighting, conditions that make a threat, participles that only qualify a noun, and
the country an act happened in.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import ActorMention, PlaceMention
from chronique.coding.mentions import party_key
from chronique.knowledge.lexicon import EventLexicon, TriggerMatch

# complements that make a participle qualifying a noun a clause of its own
MODIFIER_ARGS = frozenset({"obj", "dobj", "obl", "obl:arg", "obl:agent", "obl:mod", "prep", "agent", "iobj",
                           "dative", "ccomp", "xcomp"})
# clauses that qualify another act: its purpose or circumstance ("blockaded Paris to demand …"), a
# relative clause ("Sharon, who has vowed …"), a gerund after a preposition ("arrested for spying")
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl:relcl", "acl", "pcomp"})
# a copula only links its predicate ("sont en grève": the strike is what the subject is in)
QUALIFIER_DEPS = frozenset({"amod", "compound", "cop"})
# a non-finite clause completing a trigger tells the content of its act ("is accused of bribing the
# judges", "est accusé d'avoir frappé un policier"): its parties act in that content
CONTENT_DEPS = frozenset({"pcomp", "xcomp", "advcl", "ccomp"})


def clause_verb(head: Token, within: int | None = None) -> Token | None:
    """The nearest verb at or above the head (at most ``within`` steps up); None in a verbless
    sentence (headline, list item)."""
    chain = (head, *head.ancestors)
    if within is not None:
        chain = chain[:within + 1]
    return next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)


def subordinate(verb: Token | None) -> bool:
    """The act's clause qualifies another act of the sentence rather than being what it reports."""
    return verb is not None and verb.dep_ in SUBORDINATE_DEPS


def match_head(doc: Doc, m: TriggerMatch) -> Token:
    """The word of a multiword trigger that carries its roles: its first word, unless that word only
    qualifies another word of the match ("closer ties": the ties are what is wanted; "se battre":
    the reflexive pronoun of the verb)."""
    first = doc[m.tokens[0]]
    qualifies = first.dep_ in QUALIFIER_DEPS or first.pos_ == "PRON"  # "se battre": the verb acts
    if qualifies and first.head.i in m.tokens and first.head.i != first.i:
        return first.head
    return first


def two_sided(doc: Doc, sources: list[ActorMention]) -> bool:
    """Two parties coordinated as the doers ("l'armée et les rebelles"), not one party named twice
    ("les rebelles du MNLA")."""
    roots = []
    for a in sources:
        span = doc.char_span(int(a["start"]), int(a["end"]), alignment_mode="expand") \
            if a.get("start") is not None and a.get("end") is not None else None
        if span is not None:
            roots.append((span.root, (party_key(a), a.get("sector"))))
    return any(r.dep_ == "conj" and r.head.i == o.i and kr != ko for r, kr in roots for o, ko in roots)


def object_of(head: Token, heads: set[int]) -> bool:
    """The act is the object of another trigger ("ont condamné ces attaques"): whoever did that
    act is not whoever is nearest, so no source is guessed by proximity."""
    return head.dep_ in ("obj", "dobj") and head.head.i in heads and head.head.i != head.i


def telling(speech: Token | None, head: Token) -> set[int]:
    """The tokens of the words that report the act, not of the act reported: the speech verb's
    phrase less the clause that holds the act ("X indique que …"), or a "selon X" phrase. Walks
    with a visited set: a corrupt parse may hold a cycle."""
    if speech is None:
        return set()
    told, cur = None, head
    for _ in range(len(head.doc)):  # climb from the act to the speech verb's child above it
        if cur.i == speech.i or cur.head.i == cur.i:
            break
        if cur.head.i == speech.i:
            told = cur
            break
        cur = cur.head
    return phrase_tokens(speech) - (phrase_tokens(told) if told is not None else set())


def content_clauses(head: Token) -> set[int]:
    """Tokens of the non-finite clauses completing ``head``, directly or through a preposition."""
    out: set[int] = set()
    for c in head.children:
        for verb in (c, *c.children) if c.dep_ == "prep" else (c,):
            if verb.dep_ in CONTENT_DEPS and verb.pos_ in ("VERB", "AUX") and not _finite(verb):
                out |= phrase_tokens(verb)
    return out


def _finite(verb: Token) -> bool:
    return any("VerbForm=Fin" in str(t.morph) for t in (verb, *verb.children)
               if t.i == verb.i or t.dep_.startswith("aux"))


def phrase_tokens(root: Token) -> set[int]:
    seen, queue = {root.i}, [root]
    while queue:
        for c in queue.pop().children:
            if c.i not in seen:
                seen.add(c.i)
                queue.append(c)
    return seen


def clause_bounds(verb: Token | None, sent: Span, bounds: tuple[int, int]) -> tuple[int, int]:
    if verb is None:
        return bounds
    toks = [t for t in verb.subtree if sent.start <= t.i < sent.end and not t.is_space]
    if not toks:
        return bounds
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def conditional_threat(head: Token, lexicon: EventLexicon, conflict: bool = False) -> bool:
    """An announced act tied to a condition on the target ("… unless X complies") is a threat; a
    conflict act tied to any condition ("may halt mediation if …", "sanctionnerait X si …") too."""
    markers = lexicon.threat_markers | lexicon.condition if conflict else lexicon.threat_markers
    verb = clause_verb(head)  # "could impose sanctions if …": the condition hangs on the light verb
    heads = [head] if verb is None or verb.i == head.i else [head, verb]
    if verb is not None and verb.dep_ == "xcomp":  # "pourrait imposer … si": on the modal above
        heads.append(verb.head)
    # a reflexive pronoun is no condition: "s'apprête" is not "s'il"
    return any((c.lower_ in markers and c.pos_ != "PRON")
               or (c.dep_ == "advcl" and any(g.lower_ in markers and g.pos_ != "PRON" for g in c.children))
               for h in heads for c in h.children)


def modifier(head: Token) -> bool:
    """A past participle used as an adjective ("a Syrian-backed militia", "the alleged violations")
    qualifies its noun and names no act of its own; one with its own complements ("des diplomates
    accusés d'espionnage") still does, and so does a present one ("shooting deaths")."""
    return head.pos_ == "VERB" and head.dep_ == "amod" and "Tense=Past" in str(head.morph) and not any(
        c.dep_ in MODIFIER_ARGS for c in head.children)


def country_party(code: str, place: PlaceMention | None = None) -> ActorMention:
    """A party known only by its country: the country of the place an act is aimed at ("imposed a
    curfew on Basra", with that place's words as its evidence), else of the act's place or the
    story's country (no text or offsets: readers take them with ``.get``, None)."""
    if place is None or place.get("start") is None:
        return {"code": code, "sector": None}
    return {"code": code, "sector": None, "text": place.get("text"), "name": place.get("text"),
            "start": place["start"], "end": place["end"]}


def sentence_focus(doc: Doc, seq: int) -> str | None:
    """The country in focus of sentence ``seq`` (1-based), as the actors stage found it. It may be
    the source's own: most arrests, blockades and raids a story locates nowhere are domestic
    (measured: leaving the source's own country out lowered both fr-wikinews and GSR scores)."""
    focus = doc._.ch_focus or []
    return focus[seq - 1] if 0 < seq <= len(focus) else None


def sentence_bounds(sent: Span) -> tuple[int, int]:
    toks = [t for t in sent if not t.is_space]
    return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else (sent.start_char, sent.end_char)
