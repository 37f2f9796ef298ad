"""Whether a trigger's sentence tells an act that someone did, or only speaks about acts.

On real pages half of the wrong events came from sentences that tell no act: a habit ("police often
arrest"), a count ("attacks rose by 20%", "the number of arrests"), a poll ("two-thirds of voters
accept"), a definition ("sanctions are measures that states impose"), an act on oneself ("killed
himself"), a question ("did Russia attack?", "asked whether"), the writer's own aside ("we sat in
the bar") or a headline cut short ("… soutiennent la grève…"). Each
reason below names one such construction, read from the parse; the words are data
(``data/<lang>/act_words.yaml``). An act under a hypothesis or an indirect question ("if X
attacked", "whether X will sign") is told, but not as done: its modality is conditional, and the
rule coder rates it under its default confidence floor (as it does a negated act).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from chronique.coding.clauses import clause_verb
from chronique.knowledge.act_words import ActWords, act_words
from chronique.knowledge.function_words import words_of

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "expl:subj"})
REFLEXIVE_DEPS = frozenset({"dobj", "obj", "expl:comp"})
OBJECTS = frozenset({"dobj", "obj", "iobj", "obl:arg"})
COPULAS = frozenset({"cop"})
VICTIM_EVENTS = frozenset({"ASSAULT", "COERCE"})  # acts whose recipient is the one hit
VERBS = frozenset({"VERB", "AUX"})


def _words(tok: Token) -> ActWords:
    return act_words(tok.lang_)


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the trigger's clause: itself, or the verb a nominal trigger hangs on (at most
    three steps up: "forecasts of attacks")."""
    return clause_verb(tok, within=3)


def _verb_group(verb: Token) -> list[Token]:
    """The verb and its auxiliaries, which carry its tense and number."""
    return [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]


def _past(verb: Token) -> bool:
    return any("Tense=Past" in str(t.morph) for t in _verb_group(verb))


def _other_argument(verb: Token) -> bool:
    """Whether the verb's clause names another party or thing acted on: an object, an argument
    oblique ("s'emparer de la zone", "s'attaquer à la division"), or an aimed preposition."""
    aimed = words_of(verb.lang_).aimed_cases
    subjects = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    return any(t.i not in subjects and t.i != verb.i and (t.dep_ in OBJECTS or t.lower_ in aimed)
               for t in verb.subtree)


def reflexive(head: Token, event: str) -> bool:
    """"he killed himself", "le soldat s'est tué": a force act whose only object is its doer. A
    clitic also makes pronominal verbs ("s'emparer de", "s'attaquer à") and reciprocals ("ils se
    battent"): it counts only on a verb of harm ("se tuer", "s'immoler"), with a singular subject
    and no other argument."""
    if event not in VICTIM_EVENTS or head.pos_ not in VERBS:
        return False
    words = _words(head)
    for c in head.children:
        if c.dep_ not in REFLEXIVE_DEPS or c.lower_ not in words.reflexive_objects:
            continue
        if c.lower_ not in words.pronominal_clitics:
            return True
        if head.lemma_.lower() not in words.self_harm_verbs:
            return False  # "s'attaquer à", "s'emparer de", "se faire exploser": pronominal, an act
        plural = any("Number=Plur" in str(t.morph) for t in _verb_group(head))
        return not plural and not _other_argument(head)
    return False


def habitual(head: Token) -> bool:
    """A habit told in the present: a frequency adverb ("often", "régulièrement") or a distributive
    time phrase ("every month", "chaque année") on the trigger's verb, which is not past."""
    verb = _clause_verb(head)
    if verb is None or _past(verb):
        return False
    words = _words(head)
    for c in verb.children:
        if c.lower_ in words.frequency_adverbs or c.lemma_.lower() in words.frequency_adverbs:
            return True
        if c.lemma_.lower() in words.time_units and any(
                d.lower_ in words.distributive_determiners for d in c.children):
            return True
    return False


def counted(head: Token) -> bool:
    """Acts counted, not told: a nominal trigger whose number changes ("attacks rose", "les
    attaques ont augmenté") or that a quantity noun measures ("the number of arrests", "la hausse
    des attaques")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    words = _words(head)
    if head.dep_ in SUBJECTS and head.head.lemma_.lower() in words.change_verbs:
        return True
    cur = head.head if head.dep_ in ("pobj", "nmod", "obl", "compound") else None
    if cur is not None and cur.pos_ == "ADP":  # English "number of attacks": attacks → of → number
        cur = cur.head
    return cur is not None and cur.i != head.i and cur.lemma_.lower() in words.quantity_nouns


def share_of_group(head: Token) -> bool:
    """A poll, not an act: the doer is a share of a group and the verb is in the present
    ("two-thirds of Republicans accept", "la majorité des Français soutiennent"). Told in the past
    ("half of the soldiers attacked"), a share of a group did act."""
    verb = _clause_verb(head)
    if verb is None or _past(verb) or ("Tense=Pres" not in str(verb.morph) and not any(
            "Tense=Pres" in str(t.morph) for t in _verb_group(verb))):
        return False
    words = _words(head)
    return any(c.dep_ in SUBJECTS and c.lemma_.lower() in words.quantity_nouns
               and any(g.dep_ in ("prep", "nmod") for g in c.children) for c in verb.children)


def _generic(noun: Token) -> bool:
    """A noun that names a kind, not a given act: a plural with no determiner or a definite article
    only ("sanctions", "les sanctions"), never a demonstrative, possessive or number."""
    if "Number=Plur" not in str(noun.morph) and noun.tag_ not in ("NNS",):
        return False
    dets = [c for c in noun.children if c.dep_ in ("det", "poss", "nummod")]
    articles = words_of(noun.lang_).definite_articles
    return all(c.dep_ == "det" and c.lower_ in articles for c in dets)


def _copula(predicate: Token) -> tuple[list[Token], list[Token]]:
    """The copulas and subjects of a nominal predicate: a "cop" child (French, UD: "sont des
    mesures") or an English "be" whose attribute it is ("are measures")."""
    copulas = _words(predicate).copulas
    cops = [c for c in predicate.children if c.dep_ in COPULAS and c.lemma_.lower() in copulas]
    if cops:
        return cops, [c for c in predicate.children if c.dep_ in SUBJECTS]
    if predicate.dep_ == "attr" and predicate.head.lemma_.lower() in copulas:
        be = predicate.head
        return [be], [c for c in be.children if c.dep_ in SUBJECTS]
    return [], []


def _definition(predicate: Token) -> bool:
    """A present copula with a generic subject: "sanctions are measures …"."""
    cops, subjects = _copula(predicate)
    if not cops or any(_past(c) for c in cops):
        return False
    return any(_generic(s) for s in subjects)


def explainer(head: Token) -> bool:
    """A definition: the trigger is the generic subject of a present copula ("sanctions are
    measures …"), or an act of the clause that defines it ("… measures that states impose")."""
    if head.dep_ in SUBJECTS and _generic(head):
        be = head.head
        predicates = [be] + [c for c in be.children if c.dep_ == "attr"]
        if any(_definition(p) for p in predicates):
            return True
    verb = _clause_verb(head)
    if verb is None or verb.dep_ not in ("relcl", "acl:relcl", "acl", "ccomp") or _past(verb):
        return False
    return _definition(verb.head)


def _last_word(sent: Span, quotes: frozenset[str]) -> str:
    """The sentence's last word before closing quotes (read from the end: linear however many
    triggers the sentence holds)."""
    doc = sent.doc
    for i in range(sent.end - 1, sent.start - 1, -1):
        if not doc[i].is_space and doc[i].text not in quotes:
            return doc[i].text
    return ""


def fragment(head: Token, sent: Span) -> bool:
    """A headline or link cut short ("Des gamers soutiennent la grève…"): a teaser, not a sentence
    of the story."""
    return _last_word(sent, _words(head).quote_marks) in _words(head).ellipses


def _ends_with_question(sent: Span, quotes: frozenset[str]) -> bool:
    return _last_word(sent, quotes) == "?"


def question(head: Token, sent: Span) -> bool:
    """A direct question ("did Russia attack Ukraine?"): the trigger is a verb of the sentence's
    main clause, which ends with a question mark. An act a question names as a noun ("after the
    attack of …, did he …?") is taken as known."""
    if head.pos_ not in VERBS or not _ends_with_question(sent, _words(head).quote_marks):
        return False
    cur = head
    while cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl:relcl", "acl", "advcl") or cur.pos_ in ("NOUN", "PROPN"):
            return False
        cur = cur.head
    return True


def _quoted(head: Token, sent: Span) -> bool:
    """Whether the sentence gives someone's words: a quotation mark in it, or one left open before
    it in its paragraph (a long quote split into sentences)."""
    marks = _words(head).quote_marks
    if any(ch in marks for ch in sent.text):
        return True
    text = head.doc.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    before = text[start:sent.start_char]
    opening = sum(before.count(m) for m in ("“", "«"))
    closing = sum(before.count(m) for m in ("”", "»"))
    return opening > closing or before.count('"') % 2 == 1


def aside(head: Token, sent: Span, reported: bool) -> bool:
    """The writer's own act or words ("we sat in the bar", "I asked the minister whether …"): the
    trigger's subject is a first-person pronoun, in a sentence that quotes no one and reports no
    speaker, so "I" or "we" is the author or the interviewer."""
    if reported:
        return False
    verb = _clause_verb(head)
    if verb is None:
        return False
    words = _words(head)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not any(s.lower_ in words.first_person for s in subjects):
        return False
    return not _quoted(head, sent)


def asked_question(head: Token, event: str) -> bool:
    """A question put, not a demand: "asked the minister whether …", "are asking how it goes",
    "demande si …". Asking for an answer is no REQUEST for an act."""
    if event != "REQUEST" or head.pos_ not in VERBS:
        return False
    words = _words(head).question_words
    # French parses "demande à X si …" as an adverbial clause: its subordinator says it is a question
    return any((c.dep_ == "ccomp" and any(g.lower_ in words and g.i < c.i for g in c.children))
               or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in words for g in c.children))
               for c in head.children)


def untold(head: Token, sent: Span, event: str, reported: bool) -> str | None:
    """Why the trigger's sentence tells no act (the construction's name), or None when it tells one."""
    if reflexive(head, event):
        return "reflexive"
    if counted(head) or share_of_group(head):
        return "count"
    if explainer(head):
        return "definition"
    if habitual(head):
        return "habit"
    if question(head, sent) or asked_question(head, event):
        return "question"
    if fragment(head, sent):
        return "fragment"
    if aside(head, sent, reported):
        return "aside"
    return None


def hypothetical(head: Token) -> bool:
    """The trigger's clause is a hypothesis or an indirect question: "if France attacked Mali",
    "whether he will sign", "si la France attaquait"."""
    verb = _clause_verb(head)
    if verb is None:
        return False
    marks = _words(head).hypothesis_marks
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)
