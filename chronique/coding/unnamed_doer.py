"""The doer of an act told in the agentless passive: its target is named, its doer is not.

"Two soldiers were killed in Homs", "six policiers ont été tués", "trois hommes ont été arrêtés". The
rule coder's nearest-mention guess for the doer of such a sentence is most often the place, another
victim or whoever reports the act (read on m2e2-voa, train: of 56 such attack readings, 34 are attacks
and the guess names the attacker in 3), and an uncoded guess also sinks the reading under the
confidence floor. So the doer is not guessed:

- an attack's doer is unknown: UNK, as PLOVER and the Wikinews annotators code unnamed attackers,
  unless the guess stands inside the act's own attack phrase ("killed in a U.S. strike");
- an arrest or a court finding with nobody named to do it is the act of the authorities of the
  country where it happens (police for an arrest, courts for a conviction), when a guess found no one.

The reading keeps the confidence of a told act with a parsed target: the unknown doer is no guess.

An act told by a noun whose phrase names no doer ("un attentat a tué 14 personnes à Lahore", "the
bombing killed 12") has none either: the nearest mention the guess would take is the place, the
victim or whoever reports it (on fr-wikinews-train, train: the guess was the victims' own country
for 16 gold attacks by unnamed attackers). An attack noun with a date in its phrase tells a dated
attack, which the Wikinews scheme codes even as background ("background events are coded when
dated"); its unknown doer counts as read, not guessed (``named_attack_confidence``).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from chronique.annotations.extensions import get_list
from chronique.annotations.records import ActorMention
from chronique.coding.headline import headline_passive
from chronique.coding.mentions import MentionIndex
from chronique.coding.role_parse import DIRECT_OBJECT, Roles, arguments, is_passive
from chronique.knowledge.cameo import CameoTable
from chronique.knowledge.lexicon import EventLexicon

UNKNOWN = "UNK"
ATTACK = "ASSAULT"
# acts of a state's own bodies, by (event, mode): the sector of whoever does them
STATE_ACTS: dict[tuple[str, str], str] = {("COERCE", "arrest"): "COP", ("SANCTION", "convict"): "JUD"}
NOUNS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
READ_DOER = 0.25  # what a parsed doer adds to a reading's confidence (RuleCoder._fallback_source)


def attack_words(lexicon: EventLexicon, table: CameoTable) -> frozenset[str]:
    """One-word triggers of attacks: a mention in a phrase they head is the doer of a passive attack."""
    return frozenset(t.words[0] for t in lexicon.triggers
                     if len(t.words) == 1 and (t.event or (table.plover(t.cameo) or ("",))[0]) == ATTACK)


class AttackWords:
    """A lexicon's one-word attack triggers, read on first use: a coder may be built before its
    lexicon is (the trained coder's binding, tests), and most articles never need them."""

    def __init__(self, lexicon: EventLexicon, table: CameoTable) -> None:
        self.lexicon = lexicon
        self.table = table
        self._words: frozenset[str] | None = None

    def __call__(self) -> frozenset[str]:
        if self._words is None:
            self._words = attack_words(self.lexicon, self.table)
        return self._words


def agentless(head: Token, roles: Roles, reflexive: AbstractSet[str]) -> bool:
    """An act whose doer the parse does not name: a passive whose target it names, or an act noun."""
    # a headline's bare participle is a passive too ("Pinochet arrested after ruling")
    passive = roles.target_parsed and (is_passive(head, reflexive) or headline_passive(head))
    # an act noun that is a verb's object is that verb's matter ("condemned the attacks"): the roles decide
    return not roles.source_parsed and (passive or (head.pos_ in NOUNS and head.dep_ not in DIRECT_OBJECT))


def _phrase(head: Token) -> list[Token]:
    """The act noun's phrase, or the clause it is the subject of ("l'attaque a tué … le 13 février")."""
    if head.dep_ in SUBJECTS and head.head.pos_ in ("VERB", "AUX"):
        return list(head.head.subtree)
    return list(head.subtree)


def dated(head: Token) -> bool:
    """A time expression lies in the act noun's phrase (or the clause it is the subject of)."""
    tokens = _phrase(head)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return any(start <= int(t["start"]) < end for t in get_list(head.doc, "ch_times") if t.get("start") is not None)


def named_attack_confidence(event: str, head: Token, roles: Roles, confidence: float) -> float:
    """The confidence of a reading, raised as for a parsed doer when it is a dated attack noun whose
    doer is unknown: the text tells that nobody is named, the coder guesses nothing."""
    unknown = [a.get("code") for a in roles.sources] == [UNKNOWN] and not roles.source_parsed
    if event == ATTACK and unknown and head.pos_ in NOUNS and dated(head):
        return min(0.95, confidence + READ_DOER)
    return confidence


def unnamed_doer(event: str, mode: str, head: Token, roles: Roles, index: MentionIndex,
                 attack_words: AbstractSet[str], located: str | None) -> ActorMention | None:
    """The doer to record for an agentless act (``agentless`` holds), or None to keep the reading's own
    (a guess inside the attack phrase, an act of another kind, or a state act with no country)."""
    if event == ATTACK:
        guesses = roles.sources
        if guesses and all(_in_attack_phrase(head, g, index, attack_words) for g in guesses):
            return None
        return {"code": UNKNOWN, "sector": None}
    sector = STATE_ACTS.get((event, mode))
    if sector is None or roles.sources or not located:
        return None
    return {"code": located, "sector": sector}


def _in_attack_phrase(head: Token, guess: ActorMention, index: MentionIndex, attack_words: AbstractSet[str]) -> bool:
    """The guessed mention lies in an argument of the verb headed by an attack word ("killed in a
    U.S. strike", "tués dans un raid de l'aviation russe")."""
    for arg in arguments(head):
        if arg.lemma_.lower() not in attack_words:
            continue
        if any(index.actors[index.actor_at[t.i]] is guess for t in arg.subtree if t.i in index.actor_at):
            return True
    return False
