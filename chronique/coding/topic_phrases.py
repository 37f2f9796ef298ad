"""What an act is about is not whom it is aimed at: "demanded answers from the FBI on Chinese police
stations" asks the FBI, not the Chinese police; "sought details from Berlin about Iranian networks",
"a exigé des explications sur les réseaux russes". The parties of a phrase introduced by a
preposition of topic ("about", "regarding", "over"; "concernant") are no recipient of the act. "on"
/ "sur" depends on the word it hangs on: on a word of request, talks, deals, aid or judgement (CAMEO
01–07, 09, 10 and 12: "answers on X", "a deal on X", the trigger "demanded … on X") it is a topic;
on a word of blame, force, pressure or a measure or its easing (CAMEO 08, 11 and 13–20: "the blame
on X", "strikes on X", "sanctions on X", "lifted restrictions on X") it names the target; on a verb
with no direct object it is the verb's own complement ("reneged on the accord with X"), and so is a
preposition that is a word of the trigger ("call on"). A noun that names no act ("answers",
"details", "stations") takes the reading of the act above it. The possessor of the topic's noun
stays a party ("information regarding the FBI's efforts": whose conduct is asked about).

The walk covers the trigger's own argument phrases (not nested clauses), as the role finder
resolves them (chronique.coding.mentions.MentionIndex.actors_under). Words are data
(``data/<lang>/topic_case_words.yaml``).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Token

from chronique.annotations.records import ActorMention, PlaceMention
from chronique.coding.mentions import CLAUSAL
from chronique.coding.role_parse import DIRECT_OBJECT, SUBJECT, Roles, case_of
from chronique.knowledge.lexicon import EventLexicon, Trigger
from chronique.knowledge.topic_case_words import topic_case_words

# CAMEO roots of acts that "on" aims: easing a measure ("lifted restrictions on X"), blame ("put the
# blame on X", "rejeter la faute sur X"), threats, protests, force posture, reduced relations and
# sanctions, coercion, assault, fighting, mass violence
AIMING_ROOTS = frozenset({"08", "11", "13", "14", "15", "16", "17", "18", "19", "20"})
PHRASE_DEPS = frozenset({"prep", "obl", "obl:arg", "obl:mod", "nmod"})


def _case(tok: Token) -> str:
    """The preposition of a phrase: an English "prep" token is its own word; a UD phrase has a case child."""
    return tok.lower_ if tok.dep_ == "prep" else case_of(tok)


def _noun_aims(tok: Token, lexicon: EventLexicon) -> bool | None:
    """Whether the act a noun names is aimed at someone (force, pressure, a measure); None when the
    noun names no act of the lexicon."""
    found = lexicon.match([tok.lemma_.lower()], [tok.lower_], [tok.pos_], tok.i)
    if not found:
        return None
    return any(m.trigger.cameo[:2] in AIMING_ROOTS for m in found)


def _on_aims(holder: Token, head: Token, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """"on" hung on ``holder`` names the act's target (not its topic)."""
    if holder.pos_ in ("NOUN", "PROPN"):
        # the trigger's head or another of its words ("eased restrictions on X") reads as the trigger
        trigger_word = holder.i == head.i or holder.lemma_.lower() in trigger.words
        own = trigger.cameo[:2] in AIMING_ROOTS if trigger_word else _noun_aims(holder, lexicon)
        if own is not None:
            return own
        above = holder.head if holder.head.i != holder.i else holder
        return trigger.cameo[:2] in AIMING_ROOTS if above.i == head.i or holder.i == head.i else bool(
            _noun_aims(above, lexicon))
    objects = [c for c in holder.children if c.dep_ in DIRECT_OBJECT]
    if not objects:
        return True  # "reneged on the accord", "cracked down on X": the verb's own complement
    aims = [_noun_aims(o, lexicon) for o in objects]
    if any(a is not None for a in aims):
        return any(bool(a) for a in aims)  # "lifted its ban on X": the measure's target
    return trigger.cameo[:2] in AIMING_ROOTS if holder.i == head.i else False


def _accountable(phrase: Token) -> set[int]:
    """The possessor of the topic's own noun: whose conduct the act is about is the one asked or
    judged ("information regarding the FBI's efforts": the FBI), unlike a noun's modifier ("on
    Chinese police stations")."""
    nouns = [phrase, *(g for g in phrase.children if g.dep_ == "pobj")]
    return {t.i for n in nouns for c in n.children if c.dep_ in ("poss", "nmod:poss") for t in c.subtree}


def topic_tokens(head: Token, trigger: Trigger, lexicon: EventLexicon) -> set[int]:
    """Indices of the tokens inside the phrases of topic of the act at ``head``."""
    words = topic_case_words(head.lang_)
    always, maybe = set(words.topic_cases) - set(trigger.words), set(words.topic_or_aim_cases) - set(trigger.words)
    if not always and not maybe:
        return set()
    out: set[int] = set()
    seen, queue = {head.i}, [head]
    while queue:
        tok = queue.pop()
        for c in tok.children:
            if c.i in seen or (c.dep_ in CLAUSAL and c.dep_ != "conj") or (tok.i == head.i and c.dep_ in SUBJECT):
                continue  # nested clauses and the doer's own phrase ("lawmakers on the committee") are left out
            seen.add(c.i)
            case = _case(c) if c.dep_ in PHRASE_DEPS else ""
            if case in always or (case in maybe and not _on_aims(tok, head, trigger, lexicon)):
                out.update(t.i for t in c.subtree)
                out.difference_update(_accountable(c))
            else:
                queue.append(c)
    return out


def mention_tokens(doc: Doc, mention: ActorMention | PlaceMention) -> set[int]:
    """The token indices a mention covers (none when it has no offsets)."""
    tokens = mention.get("_tokens")
    if tokens:
        return set(range(int(tokens[0]), int(tokens[1])))
    start, end = mention.get("start"), mention.get("end")
    if start is None or end is None:
        return set()
    span = doc.char_span(int(start), int(end), alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def in_topic(doc: Doc, mention: ActorMention | PlaceMention, topics: AbstractSet[int]) -> bool:
    """Every token of the mention lies in a phrase of topic ("the FBI's" of "regarding the FBI's
    efforts" keeps its possessive mark outside, so it stays a party)."""
    tokens = mention_tokens(doc, mention)
    return bool(tokens) and tokens <= topics


def drop_topics(head: Token, trigger: Trigger, roles: Roles, lexicon: EventLexicon) -> None:
    """Take out of ``roles`` the recipients and the target place named inside a phrase of topic, and
    note its tokens (``roles.topics``) so that no guess of a recipient takes a party from there."""
    inside = topic_tokens(head, trigger, lexicon)
    if not inside:
        return
    roles.topics = frozenset(inside)
    kept = [a for a in roles.targets if not in_topic(head.doc, a, inside)]
    if len(kept) != len(roles.targets):
        roles.targets = kept
        roles.target_parsed = roles.target_parsed and bool(kept)
    if roles.target_place is not None and in_topic(head.doc, roles.target_place, inside):
        roles.target_place, roles.place_object, roles.place_direct = None, False, False
