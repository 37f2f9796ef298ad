"""Source and target of a trigger from the dependency parse (French UD and English ClearNLP labels).

Handles active and passive voice, participial and infinitive clauses (the subject is inherited
from the governing verb), coordination (every actor of a coordinated phrase), indirect objects,
possessives and adjectives ("sa demande", "l'offensive russe"), light verbs ("avoir un
tête-à-tête") and pronouns (the reported speaker, else the last subject actor before them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from chronique.coding.mentions import MentionIndex, is_root, party_key
from chronique.knowledge.lexicon import EventLexicon, Trigger

SUBJECT = frozenset({"nsubj", "csubj", "expl:subj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass", "csubjpass"})
AGENT = frozenset({"obl:agent", "agent"})
OBJECT = frozenset({"obj", "dobj", "iobj", "dative", "obl:arg", "attr", "oprd"})
DIRECT_OBJECT = frozenset({"obj", "dobj"})
OBLIQUE = frozenset({"obl", "obl:mod", "nmod", "prep", "pobj", "dep"})
INHERITS = frozenset({"xcomp", "advcl", "acl", "conj", "acl:relcl", "relcl", "acomp"})
# Prepositions that introduce the recipient of an act, and those that never do.
RECIPIENT_CASES = frozenset({"à", "au", "aux", "contre", "avec", "envers", "vers", "sur", "de", "du", "des", "d'",
                             "to", "against", "with", "on", "toward", "towards", "into", "at", "from", "of"})
LOCATIVE_CASES = frozenset({"dans", "en", "in", "at", "inside"})
SOURCE_CASES_NOUN = frozenset({"de", "du", "des", "d'", "of", "by", "par"})
AGENT_CASES = frozenset({"par", "by"})
# Cases that name whom an act is aimed at, when the parser hangs them on the verb above the act
# noun ("a ordonné une frappe sur X", "mené une opération contre X").
AIMED_CASES = frozenset({"contre", "envers", "sur", "against", "on", "toward", "towards"})
NOUN_COMPLEMENTS = frozenset({"nmod", "pobj", "prep"})  # a noun's complement, and the English preposition
PLACE_ENTS = frozenset({"LOC", "GPE", "FAC"})
SEARCH_BACK_CHARS = 800  # how far back a pronoun looks for its antecedent
PERSON_PRONOUNS = frozenset({"il", "he", "she", "him", "his", "her", "je", "i"})
EUPHONIC = frozenset({"-t", "t", "-t-"})  # "a-t-il": the t is not a subject
# Object pronouns whose antecedent is the last party named before them, other than the source.
OBJECT_CLITICS = frozenset({"le", "la", "l'", "les", "lui", "leur", "him", "her", "them"})
# "à Tombouctou", "en Afghanistan": a place named after these says where, not to whom
WHERE_CASES = LOCATIVE_CASES | {"à", "au", "aux"}
# Conflict acts (CAMEO 17 coerce to 20 mass violence): the "de"/"of" complement of such a noun is
# its doer only when it is a party that can wield force; otherwise it is what the act hits.
CONFLICT_ROOTS = frozenset({"17", "18", "19", "20"})
CONFLICT_EVENTS = frozenset({"ASSAULT", "COERCE"})
ARMED_OR_STATE_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY", "GOV"})


@dataclass
class Roles:
    sources: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    target_place: dict[str, Any] | None = None
    source_parsed: bool = False
    target_parsed: bool = False
    place_object: bool = False  # the object is a place (for triggers that need one)
    place_direct: bool = False  # the direct object (or passive subject) is a place, not an oblique


def _case(tok: Token) -> str:
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return c.lower_
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return tok.head.lower_
    return ""


def _args(tok: Token) -> list[Token]:
    """Argument heads of ``tok``; an English preposition is replaced by its object."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
            if c.dep_ == "agent":
                continue
        out.append(c)
    return out


def _mislabelled_passive(tok: Token) -> bool:
    """A UD passive subject on a verb with no passive auxiliary: the French model labels the subject
    of many passés composés with "avoir" ("X a accusé Y") nsubj:pass; it is the doer."""
    return tok.dep_ == "nsubj:pass" and not any(c.dep_ == "aux:pass" for c in tok.head.children)


def _subject_dep(tok: Token) -> bool:
    return tok.dep_ in SUBJECT or _mislabelled_passive(tok)


def _passive_subject_dep(tok: Token) -> bool:
    return tok.dep_ in PASSIVE_SUBJECT and not _mislabelled_passive(tok)


def is_passive(verb: Token) -> bool:
    """Passive voice, or a bare participle with an agent ("le résumé fourni par le ministère")."""
    return any(_passive_subject_dep(c) or c.dep_ in ("aux:pass", "auxpass") for c in verb.children) or (
        "VerbForm=Part" in str(verb.morph) and verb.dep_ in ("acl", "amod")
        and any(c.dep_ in AGENT for c in verb.children))


class RoleFinder:
    def __init__(self, index: MentionIndex, lexicon: EventLexicon) -> None:
        self.index = index
        self.lexicon = lexicon

    def is_pronoun(self, tok: Token) -> bool:
        return tok.lower_.strip("-") in self.lexicon.pronouns and tok.pos_ in ("PRON", "DET")

    def resolve(self, tok: Token) -> list[dict[str, Any]]:
        """Actors of an argument: its own mentions, else the antecedent of its pronoun."""
        found = self.index.actors_under(tok)
        if found:
            return found
        pronoun = tok if self.is_pronoun(tok) else next(
            (c for c in tok.children if self.is_pronoun(c) and c.dep_ in ("det", "poss", "nmod:poss")), None)
        if pronoun is None:
            return []
        speaker = self.speaker_of(pronoun)
        if speaker is not None and int(speaker["start"]) < pronoun.idx:  # "X said he …", not "he …, X said"
            return [speaker]
        return self.antecedent(pronoun)

    def speaker_of(self, tok: Token) -> dict[str, Any] | None:
        """The subject actor of the speech verb that ``tok``'s clause is reported by."""
        for anc in tok.ancestors:
            if anc.lemma_.lower() in self.lexicon.speech:
                subj = next((c for c in anc.children if _subject_dep(c) and c.lower_ not in EUPHONIC), None)
                if subj is None or subj.i == tok.i:
                    return None
                found = self.index.actors_under(subj)
                if found:
                    return found[0]
                if self.is_pronoun(subj):
                    back = self.antecedent(subj)
                    return back[0] if back else None
                return None
        return None

    def _clitic_antecedent(self, tok: Token, taken: set[str]) -> list[dict[str, Any]]:
        """An object pronoun ("il le met en garde", "warned them") stands for the last actor named
        before it that is not the source."""
        if tok.pos_ != "PRON" or tok.lower_ not in OBJECT_CLITICS or tok.dep_ not in OBJECT:
            return []
        before = [a for a in self.index.actors if tok.idx - SEARCH_BACK_CHARS <= int(a["start"]) < tok.idx
                  and a.get("code") and party_key(a) not in taken]
        return before[-1:]

    def antecedent(self, tok: Token) -> list[dict[str, Any]]:
        """The last compatible subject actor before ``tok`` (within reach), else the last actor.

        "il"/"he" prefer a person; the others take any actor.
        """
        doc = tok.doc
        before = [a for a in self.index.actors if tok.idx - SEARCH_BACK_CHARS <= int(a["start"]) < tok.idx]
        if tok.lower_.strip("-") in PERSON_PRONOUNS:
            before = [a for a in before if a.get("kind") == "person"] or before
        for actor in reversed(before):
            span = doc.char_span(int(actor["start"]), int(actor["end"]), alignment_mode="expand")
            if span is not None and any(t.dep_ in SUBJECT | PASSIVE_SUBJECT or t.head.dep_ in SUBJECT
                                        for t in span):
                return [actor]
        return before[-1:]

    def subject(self, verb: Token) -> tuple[list[dict[str, Any]], bool]:
        """Actors of the subject of ``verb``, inherited from governing verbs when it has none."""
        actors, parsed, _ = self.subject_or_patient(verb)
        return actors, parsed

    def subject_or_patient(self, verb: Token) -> tuple[list[dict[str, Any]], bool, bool]:
        """(actors, found in the parse, they are the patient of a passive trigger)."""
        passive = is_passive(verb)
        if passive:
            agents = [c for c in _args(verb) if c.dep_ in AGENT or _case(c) in ("par", "by")]
            if agents or any(_passive_subject_dep(c) for c in verb.children):
                # a named agent that is no actor ("par le ministère") leaves the source unknown
                return [a for c in agents for a in self.resolve(c)], bool(agents), False
        shared = SUBJECT  # "X a été prévenu et a réussi à …": a conjunct shares even a passive subject
        for _ in range(4):
            subj = next((c for c in verb.children if (c.dep_ in shared or _mislabelled_passive(c))
                         and c.lower_ not in EUPHONIC), None)
            if subj is not None:
                if subj.lower_ in ("qui", "who", "which", "that") and verb.dep_ in ("acl:relcl", "relcl"):
                    return self.resolve(verb.head), True, passive
                return self.resolve(subj) + self._listed_before(subj), True, passive
            if verb.dep_ not in INHERITS or is_root(verb):
                break
            shared = SUBJECT | PASSIVE_SUBJECT if verb.dep_ == "conj" else SUBJECT
            verb = verb.head
        return [], False, False

    def _listed_before(self, subj: Token) -> list[dict[str, Any]]:
        """Actors of a comma list the parser cut off a coordinated subject ("X, Y, Z et W ont rompu"
        parsed with X and Y as appositions elsewhere): each must follow a comma or open the
        sentence, so a fronted "Au Mali, …" stays out."""
        if not any(c.dep_ == "conj" for c in subj.children):
            return []
        doc, found = subj.doc, list[dict[str, Any]]()
        i = subj.left_edge.i
        while i < subj.i and doc[i].is_punct:  # a comma the parser hung on the subject itself
            i += 1
        while i > 1 and doc[i - 1].text == "," and (actor := self.index.actor(doc[i - 2])) is not None:
            j = i - 2
            while j > 0 and (self.index.actor(doc[j - 1]) is actor or doc[j - 1].pos_ == "DET"):
                j -= 1
            if j > doc[j].sent.start and doc[j - 1].text != ",":
                break
            found.insert(0, actor)
            i = j
        return found

    def find(self, head: Token, trigger: Trigger) -> Roles:
        roles = Roles()
        if head.pos_ in ("NOUN", "PROPN"):
            self._noun_roles(head, roles)
        elif self._bare_participle(head):  # "des diplomates accusés d'espionnage"
            self._participle_roles(head, roles)
        else:
            actors, parsed, patient = self.subject_or_patient(head)
            # "X is opposed to Y" parsed as a passive: a state the subject holds, not undergoes
            stative = is_passive(head) and self._adjective_form(head) and not any(
                c.dep_ in AGENT or _case(c) in AGENT_CASES for c in _args(head))
            if stative:
                actors = [a for c in self._subjects(head) for a in self.resolve(c)]
                parsed, patient = bool(actors), False
            if patient:  # "les avions pourraient être modernisés": the subject undergoes the act
                roles.targets, roles.target_parsed = actors, parsed
                # no agent: whose premises the act happens in does it ("… dans les usines russes")
                roles.sources = self._locative_doer(head, {party_key(a) for a in actors})
                roles.source_parsed = bool(roles.sources)
            else:
                roles.sources, roles.source_parsed = actors, parsed
            passive_targets = [a for c in self._subjects(head) for a in self.resolve(c)]
            if is_passive(head) and passive_targets and not stative:
                roles.targets, roles.target_parsed = passive_targets, True
            for c in head.children:  # "Kharkiv a été prise": the place undergoes the act
                if _passive_subject_dep(c) and self.index.place_under(c) is not None:
                    roles.place_object, roles.target_place = True, self.index.place_under(c)
                    roles.place_direct = True
            self._objects(head, roles)
        if trigger.inverse:
            roles.sources, roles.targets = roles.targets, roles.sources
        return roles

    def _adjective_form(self, tok: Token) -> bool:
        """The lexicon lists this participle as an adjective too ("opposed", "prepared")."""
        return any("ADJ" in m.trigger.pos for m in self.lexicon.match([tok.lower_], [tok.lower_], ["ADJ"]))

    @staticmethod
    def _subjects(verb: Token) -> list[Token]:
        """Subjects of ``verb``, passive first, and those the parser hung on its auxiliary ("la
        proposition a été rejetée" parsed with "proposition" under "a")."""
        own = [c for c in verb.children if _passive_subject_dep(c)]
        hung = [g for aux in verb.children if aux.dep_.startswith("aux")
                for g in aux.children if g.dep_ in SUBJECT | PASSIVE_SUBJECT]
        return own + hung

    @staticmethod
    def _bare_participle(verb: Token) -> bool:
        """A past participle qualifying a noun with no agent: the noun undergoes the act."""
        morph = str(verb.morph)
        return ("VerbForm=Part" in morph and "Tense=Past" in morph and verb.dep_ in ("acl", "amod")
                and verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in AGENT for c in _args(verb)))

    def _participle_roles(self, verb: Token, roles: Roles) -> None:
        """The qualified noun is the target; the doer is unsaid, so the subject of the clause the
        noun belongs to is taken, as a guess ("X a expulsé des diplomates accusés d'espionnage")."""
        noun = verb.head
        roles.targets = self.resolve(noun)
        roles.target_parsed = bool(roles.targets)
        taken = {party_key(a) for a in roles.targets}
        if not is_root(noun) and noun.dep_ in OBJECT | OBLIQUE:
            roles.sources = [a for a in self.subject(noun.head)[0] if party_key(a) not in taken]

    def _locative_doer(self, verb: Token, taken: set[str]) -> list[dict[str, Any]]:
        """Actors of a locative oblique of an agentless passive ("repaired in German workshops")."""
        for c in _args(verb):
            if c.dep_ in OBLIQUE | OBJECT and _case(c) in LOCATIVE_CASES and self.index.place_under(c) is None:
                found = [a for a in self.resolve(c) if party_key(a) not in taken]
                if found:
                    return found
        return []

    def _noun_sources(self, noun: Token) -> list[dict[str, Any]]:
        """Who does the act a noun names: its agent ("par X"), possessor or adjective ("l'offensive
        russe"), else its "de" complement."""
        sources: list[dict[str, Any]] = []
        for c in noun.children:
            if c.dep_ in ("det", "poss", "nmod:poss") and ("Poss=Yes" in str(c.morph) or c.dep_ != "det"):
                # "son soutien au gouvernement X": the possessor acts, not the noun's complement
                own = self.index.actor(noun)
                sources = [own] if own is not None else self.resolve(c)
            elif c.dep_ in ("amod", "compound", "nmod", "prep", "pobj") and not sources:
                if c.dep_ in ("nmod", "prep") and _case(c) not in SOURCE_CASES_NOUN and c.dep_ != "prep":
                    continue
                if c.dep_ == "prep" and c.lower_ not in ("of", "by"):
                    continue
                found = self.resolve(c)
                armed = not found or self._can_wield_force(c, found)
                if c.dep_ in ("nmod", "prep") and not armed and self._conflict_noun(noun):
                    continue  # "le bombardement de la ville", "la libération des otages": the patient
                sources = found
        agents = [a for c in _args(noun) if c.dep_ not in ("det", "case") and _case(c) in AGENT_CASES
                  for a in self.resolve(c)]
        return agents or sources  # "l'exécution par les rebelles": the agent acts

    def _conflict_noun(self, noun: Token) -> bool:
        """The noun names a coercive or violent act ("l'assaut", "the bombing")."""
        return any(m.trigger.cameo[:2] in CONFLICT_ROOTS or m.trigger.event in CONFLICT_EVENTS
                   for m in self.lexicon.match([noun.lemma_.lower()], [noun.lower_], [noun.pos_], noun.i))

    def _can_wield_force(self, complement: Token, actors: list[dict[str, Any]]) -> bool:
        """An armed or state party: a military, police, rebel or government sector, a country named
        as such (not a place standing in for it) or an armed group."""
        actor = actors[0]
        if actor.get("sector") in ARMED_OR_STATE_SECTORS and not actor.get("_metonymy"):
            return True
        return actor.get("kind") == "country" and self.index.place_under(complement) is None

    def _is_act(self, tok: Token) -> bool:
        """A noun that names an act of the lexicon ("l'invasion", "la proposition")."""
        return tok.pos_ == "NOUN" and bool(self.lexicon.match([tok.lemma_.lower()], [tok.lower_], [tok.pos_], tok.i))

    def _noun_roles(self, noun: Token, roles: Roles) -> None:
        roles.sources = self._noun_sources(noun)
        roles.source_parsed = bool(roles.sources)
        verb_args = self._verb_args_after(noun)
        if not roles.sources:  # "a fait état de l'exécution, par les rebelles, de …"
            roles.sources = [a for c in verb_args if _case(c) in AGENT_CASES for a in self.resolve(c)]
            roles.source_parsed = bool(roles.sources)
        if not roles.sources and not is_root(noun) and noun.dep_ in OBJECT | {"obj", "dobj", "obl:arg"}:
            roles.sources, roles.source_parsed = self.subject(noun.head)
        if not roles.sources:  # "X a annoncé la suspension de la tenue des pourparlers"
            speech = self._announcing_verb(noun)
            if speech is not None:
                roles.sources, roles.source_parsed = self.subject(speech)
        if _subject_dep(noun) and not is_root(noun):  # "l'offensive se poursuit en Ukraine"
            for c in _args(noun.head):
                if c.dep_ in OBJECT | OBLIQUE and roles.target_place is None:
                    roles.target_place = self.index.place_under(c)
        self._objects(noun, roles, nominal=True)
        if not roles.targets:
            taken = {party_key(a) for a in roles.sources}
            roles.targets = [a for c in verb_args if _case(c) in AIMED_CASES for a in self.resolve(c)
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
        if is_root(noun) or verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
            return []
        return [c for c in _args(verb) if c.i > noun.i and c.dep_ in OBLIQUE | {"obl:arg", "obl:mod", "obl"}]

    def _objects(self, head: Token, roles: Roles, nominal: bool = False) -> None:
        taken = {party_key(a) for a in roles.sources}
        for c in _args(head):
            if c.dep_ in AGENT and not is_passive(head) and not nominal:
                pass  # "préoccupé par X": without passive voice the par-phrase is the target
            elif c.dep_ in SUBJECT | PASSIVE_SUBJECT | AGENT or c.dep_ in ("det", "poss", "amod", "case", "punct"):
                continue
            case = _case(c)
            if c.dep_ in OBJECT | OBLIQUE and (self.index.place_under(c) is not None or c.ent_type_ in PLACE_ENTS):
                roles.place_object = True  # "pénétrer dans la ville de X", "s'emparer de X"
                roles.target_place = roles.target_place or self.index.place_under(c)
                roles.place_direct = roles.place_direct or c.dep_ in DIRECT_OBJECT
            is_obj = (c.dep_ in OBJECT or c.dep_ in AGENT) and (not case or case in RECIPIENT_CASES | {"par", "by"})
            is_obl = c.dep_ in OBLIQUE and case in RECIPIENT_CASES
            if not (is_obj or is_obl):
                continue
            # an act aimed at another act aims at whoever does it ("condamner l'offensive russe")
            doers = self._noun_sources(c) if self._is_act(c) else []
            for actor in doers or self.resolve(c) or self._clitic_antecedent(c, taken):
                if party_key(actor) not in taken or not roles.sources:
                    roles.targets.append(actor)
                    roles.target_parsed = True
