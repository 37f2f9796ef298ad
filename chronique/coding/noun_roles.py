"""Roles of an act a noun names ("l'offensive russe", "sa demande", "the bombing of X by Y"): its
doer from the possessive, adjective, agent or "de" complement, else from the light verb it is the
object of ("a lancé une offensive"), else from the verb that announces it; its target from its own
complements or those the parser hangs on the verb above.

A part of chronique.coding.roles.RoleFinder, kept apart for size: it uses the finder's resolution
of arguments to actors, declared here.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.annotations.records import ActorMention
from chronique.coding.mentions import MentionIndex, is_root, party_key
from chronique.coding.role_parse import (
    ARMED_OR_STATE_SECTORS,
    CONFLICT_EVENTS,
    CONFLICT_ROOTS,
    DIRECT_OBJECT,
    NOUN_COMPLEMENTS,
    OBJECT,
    OBLIQUE,
    Roles,
    arguments,
    case_of,
    is_passive,
    subject_dep,
)
from chronique.knowledge.lexicon import EventLexicon

JUDGING_ROOTS = frozenset({"11", "12"})  # CAMEO disapprove/accuse and reject
COERCE_ROOT = "17"


class NounRoles:
    """The noun rules; RoleFinder provides the state and the resolution declared here."""

    index: MentionIndex
    lexicon: EventLexicon

    def resolve(self, tok: Token) -> list[ActorMention]:
        raise NotImplementedError

    def subject(self, verb: Token) -> tuple[list[ActorMention], bool]:
        raise NotImplementedError

    def _objects(self, head: Token, roles: Roles, nominal: bool = False) -> None:
        raise NotImplementedError

    def _noun_sources(self, noun: Token) -> list[ActorMention]:
        """Who does the act a noun names: its agent ("par X"), possessor or adjective ("l'offensive
        russe"), else its "de" complement."""
        sources: list[ActorMention] = []
        words = self.lexicon.words
        for c in noun.children:
            if c.dep_ in ("det", "poss", "nmod:poss") and ("Poss=Yes" in str(c.morph) or c.dep_ != "det"):
                # "son soutien au gouvernement X": the possessor acts, not the noun's complement
                own = self.index.actor(noun)
                sources = [own] if own is not None else self.resolve(c)
            elif c.dep_ in ("amod", "compound", "nmod", "prep", "pobj") and not sources:
                if c.dep_ in ("nmod", "prep") and case_of(c) not in words.source_cases_noun and c.dep_ != "prep":
                    continue
                if c.dep_ == "prep" and c.lower_ not in ("of", "by"):
                    continue
                if c.dep_ == "prep" and c.lower_ == "of" and self._judges(noun):
                    continue  # "criticism of the president": an English judging noun's "of" is who is judged
                # "l'attaque de la Russie contre l'Ukraine": what the doer's phrase aims at is no doer
                aimed = {t.i for g in c.children if case_of(g) in words.aimed_cases for t in g.subtree}
                found = [a for a in self.resolve(c) if a.get("_tokens", [-1])[0] not in aimed]
                # with a target of its own ("contre l'Ukraine"), the "de" complement is the doer
                armed = not found or bool(aimed) or self._aims(noun) or self._can_wield_force(c, found)
                if c.dep_ in ("nmod", "prep") and (not armed or self._coerces(noun)) and self._conflict_noun(noun):
                    continue  # "le bombardement de la ville", "the arrest of the mayor": the patient
                sources = found
        agents = [a for c in arguments(noun) if c.dep_ not in ("det", "case") and case_of(c) in words.agent_cases
                  for a in self.resolve(c)]
        return agents or sources  # "l'exécution par les rebelles": the agent acts

    def _aims(self, noun: Token) -> bool:
        return any(case_of(c) in self.lexicon.words.aimed_cases for c in arguments(noun))

    def _judges(self, verb: Token) -> bool:
        """The verb is itself an act of judging or refusing ("condamner", "denounce", "rejeter"): who
        condemns an attack did not carry it out."""
        return any(m.trigger.cameo[:2] in JUDGING_ROOTS
                   for m in self.lexicon.match([verb.lemma_.lower()], [verb.lower_], [verb.pos_], verb.i))

    def _conflict_noun(self, noun: Token) -> bool:
        """The noun names a coercive or violent act ("l'assaut", "the bombing")."""
        return any(m.trigger.cameo[:2] in CONFLICT_ROOTS or m.trigger.event in CONFLICT_EVENTS
                   for m in self.lexicon.match([noun.lemma_.lower()], [noun.lower_], [noun.pos_], noun.i))

    def _coerces(self, noun: Token) -> bool:
        """The noun names a coercion (CAMEO 17: an arrest, a detention, an expulsion): its "of"
        complement is who undergoes it, whatever force that party has ("the arrest of the mayor")."""
        return any(m.trigger.cameo[:2] == COERCE_ROOT
                   for m in self.lexicon.match([noun.lemma_.lower()], [noun.lower_], [noun.pos_], noun.i))

    def _can_wield_force(self, complement: Token, actors: list[ActorMention]) -> bool:
        """An armed or state party: a military, police, rebel or government sector, a country named
        as such (not a place standing in for it) or an armed group."""
        actor = actors[0]
        if actor.get("sector") in ARMED_OR_STATE_SECTORS and not actor.get("_metonymy"):
            return True
        return actor.get("kind") == "country" and self.index.place_at_token(complement) is None

    def _is_act(self, tok: Token) -> bool:
        """A noun that names an act of the lexicon ("l'invasion", "la proposition")."""
        return tok.pos_ == "NOUN" and bool(self.lexicon.match([tok.lemma_.lower()], [tok.lower_], [tok.pos_], tok.i))

    def _noun_roles(self, noun: Token, roles: Roles) -> None:
        roles.sources = [a for a in self._noun_sources(noun) if not a.get("_against")]
        roles.source_parsed = bool(roles.sources)
        # "une manifestation anti-américaine", "anti-government protests": whom the act is against
        against = [a for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "acl")
                   for a in self.resolve(c) if a.get("_against")]
        if against:
            roles.targets, roles.target_parsed = against, True
        verb_args, words = self._verb_args_after(noun), self.lexicon.words
        if not roles.sources:  # "a fait état de l'exécution, par les rebelles, de …"
            roles.sources = [a for c in verb_args if case_of(c) in words.agent_cases for a in self.resolve(c)]
            roles.source_parsed = bool(roles.sources)
        if (not roles.sources and not is_root(noun) and noun.dep_ in OBJECT | {"obj", "dobj", "obl:arg"}
                and not self._judges(noun.head)):  # "a lancé une offensive", not "a condamné l'offensive"
            roles.sources, roles.source_parsed = self.subject(noun.head)
        if not roles.sources:  # "X a annoncé la suspension de la tenue des pourparlers"
            speech = self._announcing_verb(noun)
            if speech is not None:
                roles.sources, roles.source_parsed = self.subject(speech)
        if subject_dep(noun) and not is_root(noun):  # "l'offensive se poursuit en Ukraine"
            for c in arguments(noun.head):
                if c.dep_ in OBJECT | OBLIQUE and roles.target_place is None:
                    roles.target_place = self.index.place_under(c)
        self._objects(noun, roles, nominal=True)
        if not roles.targets:
            taken = {party_key(a) for a in roles.sources}
            roles.targets = [a for c in verb_args if case_of(c) in words.aimed_cases for a in self.resolve(c)
                             if party_key(a) not in taken]
            roles.target_parsed = roles.target_parsed or bool(roles.targets)

    def _announcing_verb(self, noun: Token) -> Token | None:
        """The announcing verb whose object the act noun is a complement of ("announced the start of
        the withdrawal"): an announced act with no doer of its own is the speaker's. Only verbs of
        announcing or deciding (lexicon ``announce``): who reports an act need not be its doer."""
        cur = noun
        for _ in range(3):
            if is_root(cur) or cur.dep_ not in NOUN_COMPLEMENTS:
                return None
            cur = cur.head
            if cur.dep_ in DIRECT_OBJECT and not is_root(cur) and cur.head.lemma_.lower() in self.lexicon.announce:
                return cur.head
        return None

    def _verb_args_after(self, noun: Token) -> list[Token]:
        """Arguments of the active verb an act noun depends on that follow the noun: the parser often
        hangs the act's own complements there."""
        verb = noun.head
        if is_root(noun) or verb.pos_ not in ("VERB", "AUX") or is_passive(verb, self.lexicon.words.reflexive_clitics):
            return []
        return [c for c in arguments(verb) if c.i > noun.i and c.dep_ in OBLIQUE | {"obl:arg", "obl:mod", "obl"}]
