"""The transfer frame read from the words around a trigger, as a second reading beside the parse.

Small parsers often tear a transfer sentence apart ("ont été livrés à l'Ukraine par le
Portugal": "Portugal" hung under "Ukraine"), yet the frame is plain in the word order: the party
before the trigger with no preposition is its subject; the one after "to/à/pour/for" receives;
the one after "from/auprès de/with" gives to a buyer; "by/par" is the agent of a passive; "in/en/
dans" is a place the weapons go to, not a party. A maker named as a party ("from Baykar") stands
for its country. The trigger is the nearest transfer word of the weapon's sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chronique.arms.bare_parties import capital_parties, glued_states
from chronique.arms.disarmament import disarmed
from chronique.arms.into import delivered_into
from chronique.arms.missions import for_mission, sent_to_strike, set_off_at, with_units
from chronique.arms.spaceflight import space_rocket
from chronique.arms.targets import targeted
from chronique.coding.mentions import MentionIndex
from chronique.knowledge.arms_words import arms_words
from chronique.knowledge.state_groups import find_state_groups

SKIPPED = frozenset({"DET", "PRON"})  # "to its neighbour", "à la Pologne", "de l'Allemagne"
OTHER = "<other>"  # a preposition with no part in a transfer frame
MAX_GAP = 14  # a trigger further than this many tokens from the weapon is another statement


@dataclass(frozen=True)
class Party:
    code: str
    start: int  # token index of the mention's first token
    end: int
    before: str  # the preposition before the mention (determiners skipped), lower case; "" for none
    adjective: bool  # a demonym or country adjective ("polonais", "Turkish")
    head: int = -1  # an adjective's noun ("armée" of "l'armée de l'air française")
    subject: bool = False  # that noun is a subject ("L'armée française a commandé…")


@dataclass
class SurfaceFrame:
    subject: str | None = None  # the bare party nearest before the trigger
    agent: str | None = None  # "by/par X" after a passive trigger
    to_side: list[str] = field(default_factory=list)
    from_side: list[str] = field(default_factory=list)  # "from/with/auprès de", makers included
    genitive: list[str] = field(default_factory=list)  # French "de X": a source when the trigger is a purchase
    after: list[str] = field(default_factory=list)  # bare parties after the trigger ("asked Germany for")
    places: list[str] = field(default_factory=list)  # "in/en/dans X": where weapons go, not who gets them
    noun_owner: str | None = None  # the country adjective of a trigger noun ("sous licence française")
    weapon_owner: str | None = None  # the country adjective of the weapons ("les avions polonais MiG-29")
    passive: bool = False


def _preposition(sent: Span, start: int) -> str:
    """The preposition before token ``start`` within the sentence, skipping determiners: a word
    of the frame, OTHER for another preposition ("against South Korea"), "" for none."""
    doc, i = sent.doc, start - 1
    while i >= sent.start and doc[i].pos_ in SKIPPED and doc[i].lower_ not in arms_words().to_words:
        i -= 1
    if i < sent.start:
        return ""
    word = doc[i].lower_
    if word in arms_words().buyer_source_words and i > sent.start and doc[i - 1].lower_ == "auprès":
        return "auprès"
    if word in arms_words().frame_words:
        return word
    return OTHER if doc[i].pos_ == "ADP" else ""


def _phrase_head(span: Span) -> Token | None:
    """The noun a country adjective qualifies, up its noun phrase ("l'armée de l'air française":
    the adjective hangs on "air", the phrase is "armée")."""
    head = span.root.head
    if span.root.pos_ != "ADJ" or head.i == span.root.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    while head.dep_ in ("nmod", "compound") and head.head.i != head.i and head.head.i < head.i:
        head = head.head
    return head


def _party(code: str, span: Span, sent: Span) -> Party:
    # a name the tagger calls an adjective yet parses as a subject ("Kyiv hopes…") is a party, not a demonym
    if not all(t.pos_ == "ADJ" for t in span) or span.root.dep_ in SUBJECT_DEPS:
        return Party(code, span.start, span.end, _preposition(sent, span.start), False)
    head = _phrase_head(span)
    if head is None:
        return Party(code, span.start, span.end, "", True)
    edge = head.left_edge.i
    start = edge + 1 if head.doc[edge].pos_ == "ADP" else edge  # its preposition stands before the phrase
    return Party(code, start, span.end, _preposition(sent, start), True, head.i,
                 head.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"))


def sentence_parties(index: MentionIndex, sent: Span, makers: list[tuple[int, int, str]]) -> list[Party]:
    """The coded parties of a sentence in text order, makers included as their country, capitals
    that stand where a party does (after to/from/by words, or bare), and each member of a group of
    states ("the Baltic states") at the group's words."""
    out: list[Party] = []
    seen: set[int] = set()
    for actor in index.actors_in(sent.start, sent.end):
        span = sent.doc.char_span(int(actor["start"]), int(actor["end"]), alignment_mode="expand")
        if span is None or not actor.get("code") or span.start in seen:
            continue
        seen.add(span.start)
        out.append(_party(str(actor["code"]), span, sent))
    for start, end, code in makers:
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.start >= sent.start and span.end <= sent.end and span.start not in seen:
            seen.add(span.start)
            out.append(Party(code, span.start, span.end, _preposition(sent, span.start), False))
    for start, end, code in capital_parties(sent) + glued_states(sent):
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(p.start <= span.start < p.end for p in out):
            continue
        word = _preposition(sent, span.start)
        if word not in arms_words().place_words:
            out.append(Party(code, span.start, span.end, word, False))
    for start, end, members in find_state_groups(sent.text):  # "the Baltic states": one party per member
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is not None and not any(p.start <= span.start < p.end for p in out):
            out += [Party(code, span.start, span.end, _preposition(sent, span.start), False) for code in members]
    return sorted(out, key=lambda p: p.start)


def is_passive(trigger: Token) -> bool:
    """A participle after a form of "be/être" ("were delivered", "ont été livrés")."""
    if trigger.tag_ not in ("VBN",) and "VerbForm=Part" not in str(trigger.morph):
        return False
    doc = trigger.doc
    for i in range(trigger.i - 1, max(trigger.i - 4, trigger.sent.start - 1), -1):
        if doc[i].lower_ in arms_words().passive_auxiliaries:
            return True
    return False


def read_frame(trigger: Token, parties: list[Party], weapon: tuple[int, int]) -> SurfaceFrame:
    """Sort the sentence's parties around ``trigger`` into the frame's slots; parties inside the
    weapon's words (its owner) are left to the caller."""
    noun = trigger.pos_ == "NOUN"
    frame = SurfaceFrame(passive=not noun and is_passive(trigger))
    doc, words = trigger.doc, arms_words()
    for party in parties:
        if weapon[0] <= party.start < weapon[1] or party.start == trigger.i:
            continue
        before, word = party.start < trigger.i, party.before
        if before and not party.adjective and owns_subject(party, doc):
            frame.subject = party.code  # "Rheinmetall's board", "the board of Rheinmetall": its body acts for it
            continue
        if noun and before and not party.adjective and (word or not _subject(party, doc)):
            continue  # "signé à Paris un contrat avec son homologue … portant sur la livraison": not the noun's
        if party.adjective:
            if party.head == trigger.i:
                frame.noun_owner = party.code
            elif (party.before in words.place_words and party.head >= 0
                  and doc[party.head].lemma_.lower() in words.works_words):
                frame.from_side.append(party.code)  # "dans les usines russes": the works of the one who does the job
            elif party.end == weapon[0] or party.start == weapon[1] or weapon[0] <= party.head < weapon[1] + 1:
                frame.weapon_owner = frame.weapon_owner or party.code
            elif party.subject and before and not weapon[0] - 1 <= party.head <= weapon[1] + 1:
                frame.subject = party.code  # "L'armée française a commandé…", "the Polish government bought"
            continue  # otherwise the adjective of another noun: the weapons' own ("Polish K2 tanks"), allies…
        elif word in words.agent_words and not before:
            frame.agent = frame.agent or party.code
        elif word in words.to_words:
            frame.to_side.append(party.code)
        elif word in words.from_words or word == "auprès":
            frame.from_side.append(party.code)
        elif word in words.buyer_source_words and not before:
            frame.genitive.append(party.code)
        elif word in words.place_words:  # "delivered tanks into Ukraine": the state receives
            (frame.to_side if delivered_into(trigger, word) else frame.places).append(party.code)
        elif before and not word and not _object(party, doc, trigger):
            frame.subject = party.code  # the nearest before the trigger wins
        elif not before and not word:
            frame.after.append(party.code)
    return frame


SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")


def _subject(party: Party, doc: Doc) -> bool:
    """The party is a subject, or joined to one ("Seoul and Warsaw finalised a contract")."""
    root = doc[party.start:party.end].root
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)


OWNER_STEPS = 3  # "le conseil de surveillance de Rheinmetall": two nouns between the owner and the subject


def owns_subject(party: Party, doc: Doc) -> bool:
    """The party owns the subject noun: an office, board or ministry that acts for it ("Rheinmetall's
    board approved…", "the board of Rheinmetall", "le conseil de surveillance de Rheinmetall")."""
    cur = doc[party.start:party.end].root
    for _ in range(OWNER_STEPS):
        if cur.dep_ == "poss" or (cur.dep_ == "nmod" and any(c.dep_ == "case" for c in cur.children)):
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of":
            cur = cur.head.head
        else:
            return False
        if cur.pos_ != "NOUN":
            return False
        if cur.dep_ in SUBJECT_DEPS:
            return True
    return False


def _object(party: Party, doc: Doc, trigger: Token) -> bool:
    """The party is the object of another verb before the trigger ("thanked Washington and
    asked Germany…"): not the trigger's subject."""
    root = doc[party.start:party.end].root
    return root.dep_ in ("obj", "dobj") and root.head.i != trigger.i and root.head.pos_ == "VERB"


def own_forces(weapon: tuple[int, int], trigger: Token, frame: SurfaceFrame) -> bool:
    """The weapons are the giver's own ("its own jets", "ses propres systèmes", a base of them),
    or they go on a mission with nobody named to receive them ("sending the destroyer … to conduct patrols")
    or for one ("to Romania for a NATO mission"): a deployment."""
    doc = trigger.doc
    start = max(weapon[0] - 4, trigger.sent.start)
    if any(doc[i].lower_ in arms_words().own_words for i in range(start, weapon[1])):
        return True
    near = range(max(weapon[0] - 3, trigger.sent.start), min(weapon[1] + 2, trigger.sent.end))
    if any(doc[i].lemma_.lower() in arms_words().base_words for i in near):
        return True  # "une base de drones MQ-9", "a Rafale base": one's own weapons at a base, wherever it is
    if sent_to_strike(trigger, weapon) or with_units(doc[weapon[0]:weapon[1]]) or (
            not frame.to_side and set_off_at(trigger)):
        return True  # "sent jets to strike…", "a battalion, four F-18 jets and a frigate", "a bomb into the garage"
    mission = any(t.lemma_.lower() in arms_words().mission_words and not weapon[0] <= t.i < weapon[1]
                  for t in trigger.sent)  # "patrol ships" name a kind of ship, not a patrol
    return mission and (not frame.to_side or for_mission(trigger))  # "to Romania for a NATO mission"


def nearest_trigger(weapon: tuple[int, int], sent: Span, is_trigger: Callable[[Token], bool]) -> Token | None:
    """The transfer word of the weapon's sentence nearest to it (before it first, at equal
    distance), within ``MAX_GAP`` tokens and with no other verb between them."""
    best: Token | None = None
    best_gap = MAX_GAP + 1
    for tok in sent:
        if weapon[0] <= tok.i < weapon[1] or not is_trigger(tok):
            continue
        gap = weapon[0] - tok.i if tok.i < weapon[0] else tok.i - weapon[1] + 1
        if gap < best_gap and not _verb_between(sent, tok.i, weapon, is_trigger):
            best, best_gap = tok, gap
    return best


def _verb_between(sent: Span, trigger: int, weapon: tuple[int, int], is_trigger: Callable[[Token], bool]) -> bool:
    lo, hi = (trigger + 1, weapon[0]) if trigger < weapon[0] else (weapon[1], trigger)
    return any(t.pos_ == "VERB" and t.lemma_.lower() not in arms_words().include_verbs and not is_trigger(t)
               for t in sent.doc[lo:hi])


def restates(sent: Span) -> bool:
    """The sentence spells out what a transfer consists of ("Il s'agit de systèmes Iskander-M",
    "among them twelve Caesar howitzers", "including HIMARS")."""
    for tok in sent:
        if tok.lower_ in arms_words().restate_words:
            return True
        if tok.lemma_.lower() == "agir" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ in ("s'", "s’"):
            return True
    return False


def _verb_above(tok: Token) -> Token | None:
    """The first verb up the heads of ``tok`` (a small parse: at most eight steps)."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur
    return None


def clause_verb(weapon: Token, is_trigger: Callable[[Token], bool]) -> Token | None:
    """The verb whose clause holds the weapon when it is no transfer word ("launching missiles",
    "used HIMARS launchers"): such a weapon is not reached by a transfer word nearby."""
    verb = _verb_above(weapon)
    if verb is None or is_trigger(verb) or verb.lemma_.lower() in arms_words().include_verbs:
        return None
    # a capitalised "verb" inside a sentence is a name the tagger misread ("40 véhicules Marder et…")
    return None if verb.i > verb.sent.start and verb.text[:1].isupper() else verb


def same_statement(trigger: Token, verb: Token, weapon: Token) -> bool:
    """Whether a transfer word near a weapon that another verb holds still tells its transfer: the
    word is a noun of that verb's clause ("signed a contract … for 180 K2 tanks", "build K2 tanks
    under licence") or describes the weapon ("24 of the aircraft, bought from Paris")."""
    if any(a.i == weapon.i for a in trigger.ancestors):
        return True
    if past_participle(trigger) and trigger.i > weapon.i and trigger.head.i == verb.i and not _has_object(trigger):
        return True  # "operates 24 of the aircraft, bought from Paris": the participle describes them
    above = _verb_above(trigger)
    return trigger.pos_ == "NOUN" and above is not None and above.i == verb.i


def past_participle(tok: Token) -> bool:
    """A past participle ("bought", "livrés"); a present one ("ordering new tests") is an act of
    the clause's subject, not a description of the weapon."""
    return tok.tag_ == "VBN" or ("VerbForm=Part" in str(tok.morph) and "Tense=Pres" not in str(tok.morph))


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("obj", "dobj") for c in tok.children)


def force_service(weapon: Token, trigger: Token) -> bool:
    """The weapon is listed among services of armed force the trigger's subject renders
    ("provided airstrikes, artillery fire and Apache helicopters"), or is the tool of one
    ("artillery fire"): the giver's own forces at work, not weapons handed over."""
    words = arms_words().force_words
    if weapon.dep_ == "compound" and weapon.head.lemma_.lower() in words:
        return True
    items = [*weapon.conjuncts, *(c for c in trigger.children if c.dep_ in ("obj", "dobj"))]
    items += [x for c in list(items) for x in c.conjuncts]
    return any(t.i != weapon.i and t.lemma_.lower() in words for t in items)


def other_object(weapon: Token, trigger: Token) -> bool:
    """The transfer word hands over something else that the weapon only qualifies: a noun of
    training, design or maintenance on the way up from the weapon to the trigger ("receive
    training in operating weapons", "the sale of blueprints for a bomb"), or the noun a weapon
    word modifies ("bomb grade uranium", "tank crews")."""
    words = arms_words().other_object_words
    if weapon.dep_ in ("compound", "amod") and weapon.head.lemma_.lower() in words:
        return True
    return _on_path(weapon, trigger, words)


def intercepted(weapon: Token, trigger: Token) -> bool:
    """The weapons are the cargo of a seizure or interception between the weapon and the
    trigger ("contributed to the interception of boats … with weapons"): a shipment stopped, no
    transfer; or the trigger itself is a word of joint work ("collaborate on … weapons")."""
    words = arms_words()
    if trigger.lemma_.lower() in words.cooperation_words or _on_path(weapon, trigger, words.interdiction_words):
        return True
    if targeted(weapon, trigger):
        return True  # "to shoot down Russian drones": the target of the weapons' purpose
    # a small parse hangs the cargo elsewhere: the interdiction word between trigger and weapon
    between = range(trigger.i + 1, weapon.i)
    return any(weapon.doc[i].lemma_.lower() in words.interdiction_words for i in between)


def _on_path(weapon: Token, trigger: Token, words: frozenset[str]) -> bool:
    """A word of ``words`` among the heads from the weapon up to the trigger (at most eight); a
    head the weapon is coordinated with is a sibling, not a governor ("training and six drones")."""
    cur = weapon
    for _ in range(8):
        if cur.head.i == cur.i or cur.head.i == trigger.i:
            return False
        sibling = cur.dep_ == "conj"
        cur = cur.head
        if not sibling and cur.lemma_.lower() in words:
            return True
    return False


def idiomatic(weapon: Token, text: str) -> bool:
    """"arms" that are limbs ("into the arms of", "with open arms", "his arms"), weapon words of
    phrases that name no weapon ("think tank", "arms control"), arms their holder gives up, and
    unnamed aircraft in a sentence about civil aviation ("flights of Airbus A321 jets", "l'avion de ligne")."""
    words = arms_words()
    doc = weapon.doc
    lo, hi = max(weapon.i - 3, 0), min(weapon.i + 4, len(doc))
    near = " ".join(t.lower_ for t in doc[lo:hi])
    if any(phrase in near and text.lower() in phrase for phrase in words.idiom_phrases) or disarmed(weapon, text):
        return True  # "think tank", "arms control", "lay down their weapons"
    if (weapon.pos_ != "PROPN" and text.lower() in words.civil_craft and any(
            t.lemma_.lower() in words.civil_words for t in weapon.sent)) or space_rocket(weapon, text):
        return True
    if text.lower() != "arms":
        return False
    after = doc[weapon.i + 1].lower_ if weapon.i + 1 < len(doc) else ""
    before = doc[weapon.i - 1].lower_ if weapon.i > 0 else ""
    return after == "of" or before in words.limb_words
