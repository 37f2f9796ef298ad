"""Source and target of a trigger from the dependency parse (French UD and English ClearNLP labels).

Handles active and passive voice, participial and infinitive clauses (the subject is inherited
from the governing verb), coordination (every actor of a coordinated phrase), indirect objects,
possessives and adjectives ("sa demande", "l'offensive russe"), light verbs ("avoir un
tête-à-tête") and pronouns (the reported speaker, else an agreeing antecedent: chronique.coding.pronouns).
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.annotations.records import ActorMention
from chronique.coding.headline import headline_passive
from chronique.coding.impersonal import impersonal
from chronique.coding.mentions import MentionIndex, is_root, party_key
from chronique.coding.modality import is_speech_verb, source_phrase
from chronique.coding.noun_roles import NounRoles
from chronique.coding.own_forces import instruments
from chronique.coding.pronouns import PronounResolver, as_pronoun, unresolved
from chronique.coding.quoted_speaker import quote_speaker
from chronique.coding.role_parse import (
    AGENT,
    DIRECT_OBJECT,
    INHERITS,
    OBJECT,
    OBLIQUE,
    PASSIVE_SUBJECT,
    PLACE_ENTS,
    SEARCH_BACK_CHARS,
    SUBJECT,
    Roles,
    arguments,
    case_of,
    is_passive,
    mislabelled_passive,
    passive_subject_dep,
    subject_dep,
)
from chronique.coding.topic_phrases import drop_topics
from chronique.knowledge.lexicon import EventLexicon, Trigger


class RoleFinder(NounRoles):
    def __init__(self, index: MentionIndex, lexicon: EventLexicon) -> None:
        self.index = index
        self.lexicon = lexicon
        self.pronouns = PronounResolver(index, lexicon.lang or str(index.doc._.ch_lang or index.doc.lang_),
                                        lexicon.words.person_pronouns)

    def is_pronoun(self, tok: Token) -> bool:
        return tok.lower_.strip("-") in self.lexicon.pronouns and tok.pos_ in ("PRON", "DET")

    def resolve(self, tok: Token) -> list[ActorMention]:
        """Actors of an argument: its own mentions, else the antecedent of its pronoun (with the
        pronoun's words as evidence), else the pronoun as an uncoded party."""
        found = self.index.actors_under(tok)
        if found:
            return found
        pronoun = tok if self.is_pronoun(tok) else next(
            (c for c in tok.children if self.is_pronoun(c) and c.dep_ in ("det", "poss", "nmod:poss")), None)
        if pronoun is None or impersonal(pronoun, self.pronouns.words):  # "il faut", "it seems": no one
            return []
        speaker = self.speaker_of(pronoun)
        quoted = quote_speaker(pronoun, self.lexicon, self.resolve)  # "« Nous … », a déclaré X"
        if quoted:
            found = quoted
        elif (speaker is not None and int(speaker["start"]) < pronoun.idx
              and self.pronouns.agrees_with(pronoun, speaker)):
            found = [speaker]  # "X said he …", not "he …, X said"
        else:
            found = self.antecedent(pronoun)
        # the evidence is the party's mention in the event's own sentence: its antecedent when it is
        # there ("X said they …"), else the pronoun itself
        start = pronoun.sent.start_char
        return [a if int(a["start"]) >= start else as_pronoun(pronoun, a) for a in found] or [unresolved(pronoun)]

    def speaker_of(self, tok: Token) -> ActorMention | None:
        """The subject actor of the speech verb that ``tok``'s clause is reported by, else the
        actor of its "selon X" / "according to X" phrase."""
        euphonic = self.lexicon.words.euphonic
        for anc in tok.ancestors:
            if is_speech_verb(anc, self.lexicon):
                subj = next((c for c in anc.children if subject_dep(c) and c.lower_ not in euphonic), None)
                if subj is None or subj.i == tok.i:
                    return None
                found = self.index.actors_under(subj)
                if found:
                    return found[0]
                if self.is_pronoun(subj):
                    back = self.antecedent(subj)
                    return back[0] if back else None
                return None
        phrase = source_phrase(tok, self.lexicon)
        found = self.index.actors_under(phrase) if phrase is not None else []
        return found[0] if found else None

    def _clitic_antecedent(self, tok: Token, taken: set[str]) -> list[ActorMention]:
        """An object pronoun ("il le met en garde", "warned them") stands for the last actor named
        before it that is not the source."""
        if tok.pos_ != "PRON" or tok.lower_ not in self.lexicon.words.object_clitics or tok.dep_ not in OBJECT:
            return []
        before = [a for a in self.index.actors if tok.idx - SEARCH_BACK_CHARS <= int(a["start"]) < tok.idx
                  and a.get("code") and party_key(a) not in taken]
        return [a if int(a["start"]) >= tok.sent.start_char else as_pronoun(tok, a) for a in before[-1:]]

    def antecedent(self, tok: Token) -> list[ActorMention]:
        """The parties pronoun ``tok`` stands for (chronique.coding.pronouns), [] when unsure."""
        return self.pronouns.antecedent(tok)

    def subject(self, verb: Token) -> tuple[list[ActorMention], bool]:
        """Actors of the subject of ``verb``, inherited from governing verbs when it has none."""
        actors, parsed, _ = self.subject_or_patient(verb)
        return actors, parsed

    def subject_or_patient(self, verb: Token) -> tuple[list[ActorMention], bool, bool]:
        """(actors, found in the parse, they are the patient of a passive trigger)."""
        passive = is_passive(verb, self.lexicon.words.reflexive_clitics)
        if passive:
            agents = [c for c in arguments(verb) if c.dep_ in AGENT or case_of(c) in ("par", "by")]
            if agents or any(passive_subject_dep(c) for c in verb.children):
                # a named agent that is no actor ("par le ministère") leaves the source unknown
                return [a for c in agents for a in self.resolve(c)], bool(agents), False
        shared = SUBJECT  # "X a été prévenu et a réussi à …": a conjunct shares even a passive subject
        for _ in range(4):
            subj = next((c for c in verb.children if (c.dep_ in shared or mislabelled_passive(c))
                         and c.lower_ not in self.lexicon.words.euphonic), None)
            if subj is not None:
                if subj.lower_ in ("qui", "who", "which", "that") and verb.dep_ in ("acl:relcl", "relcl"):
                    return self.resolve(verb.head), True, passive
                return self.resolve(subj) + self._listed_before(subj), True, passive
            if verb.dep_ not in INHERITS or is_root(verb):
                break
            shared = SUBJECT | PASSIVE_SUBJECT if verb.dep_ == "conj" else SUBJECT
            verb = verb.head
        return [], False, False

    def _listed_before(self, subj: Token) -> list[ActorMention]:
        """Actors of a comma list the parser cut off a coordinated subject ("X, Y, Z et W ont rompu"
        parsed with X and Y as appositions elsewhere): each must follow a comma or open the
        sentence, so a fronted "Au Mali, …" stays out."""
        if not any(c.dep_ == "conj" for c in subj.children):
            return []
        doc, found = subj.doc, list[ActorMention]()
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
        # a trigger that names its copula ("sont en grève") is a predicate: its subject acts
        copular = any(c.dep_ == "cop" and c.lemma_.lower() in trigger.words for c in head.children)
        if head.pos_ in ("NOUN", "PROPN") and not copular:
            self._noun_roles(head, roles)
        elif self._bare_participle(head):  # "des diplomates accusés d'espionnage"
            self._participle_roles(head, roles)
        else:
            actors, parsed, patient = self.subject_or_patient(head)
            patient = patient or (bool(actors) and headline_passive(head))  # "Mayor sentenced to…"
            # "X is opposed to Y" parsed as a passive: a state the subject holds, not undergoes
            stative = is_passive(head, self.lexicon.words.reflexive_clitics) and self._adjective_form(head) and not any(
                c.dep_ in AGENT or case_of(c) in self.lexicon.words.agent_cases for c in arguments(head))
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
            if is_passive(head, self.lexicon.words.reflexive_clitics) and passive_targets and not stative:
                roles.targets, roles.target_parsed = passive_targets, True
            for c in head.children:  # "Kharkiv a été prise": the place undergoes the act
                if passive_subject_dep(c) and self.index.place_under(c) is not None:
                    roles.place_object, roles.target_place = True, self.index.place_under(c)
                    roles.place_direct = True
            self._objects(head, roles)
            if not roles.targets:
                self._small_clause(head, trigger, roles)
        drop_topics(head, trigger, roles, self.lexicon)  # "answers from X on Y": Y is what is asked about
        moved = instruments(roles.targets, trigger.cameo, trigger.event or "")
        if moved:  # "mobilized troops", "sent troops to X": the force is the doer's instrument
            roles.targets = [a for a in roles.targets if all(a is not m for m in moved)]
            roles.target_parsed = roles.target_parsed and bool(roles.targets)
        if trigger.inverse:
            roles.sources, roles.targets = roles.targets, roles.sources
        return roles

    def _small_clause(self, head: Token, trigger: Trigger, roles: Roles) -> None:
        """"found X guilty", "reconnu X coupable": the parser makes X the subject of the trigger's own
        adjective; X is who the act is aimed at."""
        taken = {party_key(a) for a in roles.sources}
        for c in head.children:
            if c.pos_ == "ADJ" and c.lemma_.lower() in trigger.words[1:]:
                found = [a for s in c.children if s.dep_ in SUBJECT for a in self.resolve(s)
                         if party_key(a) not in taken]
                if found:
                    roles.targets, roles.target_parsed = found, True
                    return

    def _adjective_form(self, tok: Token) -> bool:
        """The lexicon lists this participle as an adjective too ("opposed", "prepared")."""
        return any("ADJ" in m.trigger.pos for m in self.lexicon.match([tok.lower_], [tok.lower_], ["ADJ"]))

    @staticmethod
    def _subjects(verb: Token) -> list[Token]:
        """Subjects of ``verb``, passive first, and those the parser hung on its auxiliary ("la
        proposition a été rejetée" parsed with "proposition" under "a")."""
        own = [c for c in verb.children if passive_subject_dep(c)]
        hung = [g for aux in verb.children if aux.dep_.startswith("aux")
                for g in aux.children if g.dep_ in SUBJECT | PASSIVE_SUBJECT]
        return own + hung

    @staticmethod
    def _bare_participle(verb: Token) -> bool:
        """A past participle qualifying a noun with no agent: the noun undergoes the act."""
        morph = str(verb.morph)
        return ("VerbForm=Part" in morph and "Tense=Past" in morph and verb.dep_ in ("acl", "amod")
                and verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in AGENT for c in arguments(verb)))

    def _participle_roles(self, verb: Token, roles: Roles) -> None:
        """The qualified noun is the target; the doer is unsaid, so the subject of the clause the
        noun belongs to is taken, as a guess ("X a expulsé des diplomates accusés d'espionnage")."""
        noun = verb.head
        roles.targets = self.resolve(noun)
        roles.target_parsed = bool(roles.targets)
        taken = {party_key(a) for a in roles.targets}
        if not is_root(noun) and noun.dep_ in OBJECT | OBLIQUE:
            roles.sources = [a for a in self.subject(noun.head)[0] if party_key(a) not in taken]

    def _locative_doer(self, verb: Token, taken: set[str]) -> list[ActorMention]:
        """Actors of a locative oblique of an agentless passive ("repaired in German workshops")."""
        locative = self.lexicon.words.locative_cases
        for c in arguments(verb):
            if c.dep_ in OBLIQUE | OBJECT and case_of(c) in locative and self.index.place_under(c) is None:
                found = [a for a in self.resolve(c) if party_key(a) not in taken]
                if found:
                    return found
        return []

    def _objects(self, head: Token, roles: Roles, nominal: bool = False) -> None:
        taken = {party_key(a) for a in roles.sources}
        words = self.lexicon.words
        for c in arguments(head):
            if c.dep_ in AGENT and not is_passive(head, words.reflexive_clitics) and not nominal:
                pass  # "préoccupé par X": without passive voice the par-phrase is the target
            elif c.dep_ in SUBJECT | PASSIVE_SUBJECT | AGENT or c.dep_ in ("det", "poss", "amod", "case", "punct"):
                continue
            case = case_of(c)
            if c.dep_ in OBJECT | OBLIQUE and (self.index.place_under(c) is not None or c.ent_type_ in PLACE_ENTS):
                roles.place_object = True  # "pénétrer dans la ville de X", "s'emparer de X"
                roles.target_place = roles.target_place or self.index.place_under(c)
                roles.place_direct = roles.place_direct or c.dep_ in DIRECT_OBJECT
            is_obj = (c.dep_ in OBJECT or c.dep_ in AGENT) and (
                not case or case in words.recipient_cases | words.agent_cases)
            is_obl = c.dep_ in OBLIQUE and case in words.recipient_cases
            if not (is_obj or is_obl):
                continue
            # an act aimed at another act aims at whoever does it ("condamner l'offensive russe")
            doers = self._noun_sources(c) if self._is_act(c) else []
            for actor in doers or self.resolve(c) or self._clitic_antecedent(c, taken):
                if party_key(actor) not in taken or not roles.sources:
                    roles.targets.append(actor)
                    roles.target_parsed = True
