"""Who supplies and who receives, read from the dependency parse around a weapon mention.

Used for transfers that no coded event carries ("les avions biélorusses Su-25 pourraient être
modernisés dans les usines russes"): the owner of the weapon (a country adjective or complement
of its noun phrase), the subject of the trigger, and its prepositional complements, sorted by
preposition into the giving side ("par", "by", "from", "dans les usines") and the receiving side
("à", "to", "for").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from chronique.annotations.records import ActorMention, WeaponRecord
from chronique.arms.assign import Sides
from chronique.arms.counts import counted
from chronique.arms.numbers import is_number_word, parse_cardinal
from chronique.arms.ranges import ranged
from chronique.coding.mentions import MentionIndex
from chronique.knowledge.arms_words import arms_words

VERBAL = frozenset({"VERB", "AUX"})
PASSIVE_DEPS = frozenset({"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
COMPLEMENT_DEPS = frozenset({"obl", "obl:arg", "obl:agent", "obl:mod", "iobj", "agent", "prep", "dative", "nmod"})
# dependencies through which a verb passes its object on to the verb above it ("refuse de livrer")
RAISING_DEPS = frozenset({"xcomp"})
NP_DEPS = frozenset({"nmod", "appos", "compound", "flat", "flat:name", "nummod", "amod", "fixed"})
MAX_HOPS = 8


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def root_token(doc: Doc, weapon: WeaponRecord) -> Token | None:
    """The token of the weapon mention whose head lies outside it. A designation is never a verb:
    when the tagger reads one as a verb ("Iskander-M"), its parse is unusable and the word before
    it, of the same noun phrase ("systèmes de missiles tactiques Iskander-M"), stands for it."""
    tokens = weapon.get("_tokens")
    span = doc[int(tokens[0]):int(tokens[1])] if tokens else doc.char_span(
        int(weapon["start"]), int(weapon["end"]), alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.pos_ in VERBAL and span.start > 0:
        before = doc[span.start - 1]
        if before.pos_ in ("NOUN", "ADJ", "PROPN") and before.whitespace_ != "":
            return before
    return root


def governed(weapon: Token, trigger: Token) -> bool:
    """The weapon is an argument of the trigger: reached by climbing heads without leaving for
    another verb's clause (a relative clause, another coordinated verb)."""
    return weapon.i == trigger.i or governing_trigger(weapon, lambda tok: tok.i == trigger.i) is not None


def governing_trigger(weapon: Token, is_trigger: Any) -> Token | None:
    """The first head above the weapon that ``is_trigger`` accepts, within its clause; a verb
    that raises its subject passes it to its infinitive ("Su-25 pourraient être modernisés")."""
    cur = weapon
    for _ in range(MAX_HOPS):
        if cur.i != weapon.i and is_trigger(cur):
            return cur
        if cur.i != weapon.i and cur.pos_ in VERBAL:
            raised = [c for c in cur.children if c.dep_ in RAISING_DEPS and is_trigger(c)]
            if raised:
                return raised[0]
            if cur.dep_ not in RAISING_DEPS:
                return None
        if cur.head.i == cur.i:  # Tokens are rebuilt on access: compare indices
            return None
        cur = cur.head
    return None


def noun_phrase_head(weapon: Token) -> Token:
    """The noun a designation hangs on ("avions … Su-25" → "avions"), or the weapon itself."""
    if weapon.dep_ in NP_DEPS and weapon.head.pos_ in ("NOUN", "PROPN") and weapon.head.i != weapon.i:
        return weapon.head
    return weapon


def owner(index: MentionIndex, weapon: Token) -> ActorMention | None:
    """A country that qualifies the weapon's noun phrase ("avions biélorusses", "Belarusian jets")."""
    head = noun_phrase_head(weapon)
    for tok in (head, weapon):
        for child in tok.children:
            if child.dep_ in ("amod", "nmod", "nmod:poss", "poss", "compound", "det:poss"):
                found = index.actors_under(child, limit=1)
                if found:
                    return found[0]
    return None


def _preposition(tok: Token) -> str:
    for child in tok.children:
        if child.dep_ in ("case", "mark"):
            return child.lower_
    if tok.head.dep_ == "prep":
        return tok.head.lower_
    return ""


@dataclass
class Parties:
    subject: ActorMention | None = None
    passive: bool = False
    to_side: list[ActorMention] = field(default_factory=list)
    from_side: list[ActorMention] = field(default_factory=list)


def parties(index: MentionIndex, trigger: Token, exclude: set[int]) -> Parties:
    """The trigger's subject and complements that are actors; ``exclude`` holds the weapon's tokens."""
    found = Parties(passive=any(c.dep_ in PASSIVE_DEPS for c in trigger.children))
    for child in trigger.children:
        if child.i in exclude:
            continue
        actors = index.actors_under(child, limit=2)
        if not actors:
            continue
        if child.dep_ in SUBJECT_DEPS and child.dep_ not in PASSIVE_DEPS:
            found.subject = actors[0]
        elif child.dep_ in COMPLEMENT_DEPS:
            prep = child.lower_ if child.dep_ in ("prep", "agent") else _preposition(child)
            if prep in arms_words().receiving_prepositions or child.dep_ in ("iobj", "dative"):
                found.to_side.extend(actors)
            elif prep in arms_words().giving_prepositions or child.dep_ in ("obl:agent", "agent"):
                found.from_side.extend(actors)
    return found


def _common(tok: Token) -> bool:
    """A common noun or adjective; a lower-case "proper noun" is one the tagger misread ("coast guard")."""
    return tok.pos_ in ("NOUN", "ADJ") or (tok.pos_ == "PROPN" and tok.text.islower())


def quantity(first: Token) -> int | None:
    """The number just before a weapon mention whose first token is ``first``, in digits or words
    ("40 chars", "douze canons Caesar", "1 200 obus", "twenty-four Leopard 2 tanks"), past at most
    two common nouns or adjectives of its noun phrase ("vingt chars Leopard"). Read from the words,
    not the parse: parsers tear multi-word numbers apart ("deux cents drones": a noun "cents")."""
    by_noun = counted(first)  # a counting noun's count ("un millier de drones", "two dozen tanks")
    if by_noun is not None:
        return by_noun
    doc, i = first.doc, first.i
    skipped = 0
    while i > 0 and skipped < 2 and _common(doc[i - 1]) and not is_number_word(doc[i - 1].text):
        i, skipped = i - 1, skipped + 1
    words: list[str] = []
    while i > 0 and len(words) < 8 and is_number_word(doc[i - 1].text):
        words.insert(0, doc[i - 1].text)
        i -= 1
    while words and words[0].lower() in ("et", "and", "-"):
        words.pop(0)
    if not words or [w.lower() for w in words] in (["un"], ["une"]):  # the article, not a count
        return None
    if ranged(doc, i):
        return None  # "up to 50", "entre huit et dix": no single count
    return parse_cardinal(" ".join(words)) or None


def _code(actor: ActorMention | None) -> str | None:
    return (actor or {}).get("code") or None


def parsed_sides(index: MentionIndex, tokens: list[int] | None, root: Token, head: Token, giver: bool) -> Sides:
    """The parties the dependency parse gives the trigger ``head`` (subject, complements, the
    weapon's owner); ``tokens`` is the weapon's token span, ``giver`` whether the trigger's
    subject gives."""
    weapon_tokens = set(range(*(tokens or [root.i, root.i + 1])))
    found = parties(index, head, weapon_tokens)
    own = _code(owner(index, root))
    subject = _code(found.subject)
    to_side = next((c for a in found.to_side if (c := _code(a))), None)
    from_side = next((c for a in found.from_side if (c := _code(a)) and c != own), None)
    if giver:
        return Sides(subject if not found.passive and subject else from_side, to_side or own)
    recipient = subject if not found.passive and subject else (to_side or own)
    return Sides(next((c for c in (from_side, to_side) if c and c != recipient), None), recipient)
