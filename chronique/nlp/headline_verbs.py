"""A headline's verb that the tagger read as a noun or an adjective, read as a verb again.

Headlines tell acts in the present with no article: "Russia bombs Kyiv", "Rebels attack army base",
"US sanctions Iranian officials", "Soudan : l'armée bombarde un marché". The small taggers, trained
on sentences, read the verb as a plural noun, a compound or an adjective, so the line has no verb
and the coder no act. In the headline line (coding/headline.headline_end) of a clause with no verb
at all, the pattern is:

- a party: a noun or name right before the word (after a short topic and its colon, if any);
- the word: its verb reading is a trigger verb of the event lexicon, in the present form that agrees
  with the party ("Russia bombs", "Rebels attack"; "l'armée bombarde", "les rebelles attaquent"); a
  noun compound breaks the agreement ("army attack", "government strikes") and is left alone;
- an object right after it: a determiner, a number, a name or a noun.

The word becomes a finite verb with its infinitive or base form as lemma. English lines are then
re-hung here (subject, verb, object); French lines are re-hung by nlp/headline_parse.py, which
runs next. Only tags, lemmas and heads change; words, offsets and sentence bounds hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, MorphAnalysis, Span, Token

from chronique.coding.headline import headline_end, topic_colon

_NOMINALS = frozenset({"NOUN", "PROPN"})
_OBJECT_STARTS = frozenset({"DET", "NUM", "PROPN", "NOUN", "ADJ", "PRON"})
_OBJECT_WORDS = frozenset({"DET", "NUM", "PROPN", "NOUN", "ADJ", "PART"})  # "Iranian officials", "Mali's army"
_VERB_TAGS = frozenset({"VERB", "AUX"})
_FR_PARTITIVES = frozenset({"des", "du"})  # tagged as prepositions before a headline's object
_EN_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_EN_FINITE = frozenset({"VBZ", "VBP"})
_EN_GROUPS = frozenset({"police", "people"})  # plural nouns without a plural ending
# French present forms of the third person, singular and plural, and the infinitive each gives back
_FR_FORMS: tuple[tuple[str, str, str], ...] = (
    ("issent", "ir", "Plur"), ("ent", "er", "Plur"), ("it", "ir", "Sing"), ("e", "er", "Sing"))


class HeadlineVerbs:
    """The trigger verbs of one language's lexicon, and the mend of a headline that hides one."""

    def __init__(self, lang: str, triggers: Iterable[str], verbs: frozenset[str] | None = None) -> None:
        """``triggers``: the lexicon's one-word trigger lemmas; ``verbs``: the base forms the language
        knows as verbs (the model's lemmatizer table), where it has one (it tells "bomb" the verb
        from "accusation" or "protester", trigger nouns)."""
        self.lang = lang
        self.triggers = frozenset(t for t in triggers if verbs is None or t in verbs)

    def base(self, word: str, plural_subject: bool) -> str | None:
        """The trigger verb ``word`` is the present of, agreeing with a singular or plural subject."""
        if self.lang == "en":
            if plural_subject:
                forms = [word]
            elif word.endswith("ies"):
                forms = [word[:-3] + "y"]
            elif word.endswith("s") and not word.endswith("ss"):
                forms = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
            else:
                return None
            return next((f for f in forms if f in self.triggers), None)
        for end, infinitive, number in _FR_FORMS:
            if word.endswith(end) and len(word) > len(end) + 2:
                if (number == "Plur") != plural_subject:
                    return None
                lemma = word[:-len(end)] + infinitive
                return lemma if lemma in self.triggers else None
        return None

    def mend(self, doc: Doc) -> int:
        """Read the headline's hidden verb as a verb (see the module's note); the lines mended."""
        end = headline_end(doc)
        if end is None or not doc.has_annotation("DEP") or not self.triggers:
            return 0
        mended = 0
        for sent in doc.sents:
            if sent.start_char >= end:
                break
            mended += self._mend_line(sent)
        return mended

    def _mend_line(self, sent: Span) -> bool:
        colon = topic_colon(sent)
        clause = [t for t in sent if (colon is None or t.i > colon.i) and not t.is_space]
        verbs = [t for t in clause if t.pos_ in _VERB_TAGS]
        if len(clause) < 3 or len(verbs) > 1 or (verbs and not self._half_parsed(verbs[0])):
            return False
        for k in range(1, len(clause) - 1):
            subject, word, after = _party_before(clause[k - 1]), clause[k], clause[k + 1]
            if verbs and word.i != verbs[0].i:
                continue  # a line with a verb: only that verb is re-hung
            if not verbs and word.pos_ not in ("NOUN", "ADJ", "PROPN"):
                continue
            # a capitalised or all-capital word may be a name or a label ("ATTACK | SANCTIONS")
            if not (subject.is_alpha and word.is_alpha) or word.is_title or word.is_upper:
                continue
            if subject.pos_ not in _NOMINALS or not self._object_start(after):
                continue
            lemma = self.base(word.lower_, self._plural(subject))
            if lemma is None:
                continue
            _as_verb(word, lemma, self.lang, self._plural(subject))
            if self.lang == "en":
                _rehang_english(sent, clause, k, colon)
            elif word.dep_ == "ROOT":
                _objects_of_root(word)
            return True
        return False

    def _half_parsed(self, verb: Token) -> bool:
        """An English headline's one verb, tagged as one, that the parser left with no subject or no
        object ("Turkey" as a compound of "shells", "oligarchs" as punctuation)."""
        deps = {c.dep_ for c in verb.children}
        return (self.lang == "en" and verb.dep_ == "ROOT" and verb.tag_ in _EN_FINITE
                and not ({"nsubj", "nsubjpass"} & deps and "dobj" in deps))

    def _object_start(self, token: Token) -> bool:
        return token.pos_ in _OBJECT_STARTS or (self.lang == "fr" and token.lower_ in _FR_PARTITIVES)

    def _plural(self, token: Token) -> bool:
        if self.lang == "en":
            return token.tag_ in _EN_PLURAL_TAGS or token.lower_ in _EN_GROUPS
        return "Number=Plur" in str(token.morph)


def _party_before(token: Token) -> Token:
    """The noun an adjective right before the word qualifies ("l'armée malienne frappe")."""
    head = token.head
    return head if token.pos_ == "ADJ" and head.i < token.i and head.pos_ in _NOMINALS else token


def _as_verb(word: Token, lemma: str, lang: str, plural: bool) -> None:
    word.pos_ = "VERB"
    word.lemma_ = lemma
    if lang == "en":
        word.tag_ = "VBP" if plural else "VBZ"
    else:
        word.tag_ = "VERB"
    number = "Plur" if plural else "Sing"
    word.morph = MorphAnalysis(word.doc.vocab, f"Mood=Ind|Number={number}|Person=3|Tense=Pres|VerbForm=Fin")


def _attach(token: Token, head: Token, dep: str) -> None:
    token.head = head
    token.dep_ = dep


def _phrase_head(phrase: list[Token], last: bool) -> Token:
    """The word of ``phrase`` that heads it: of those the parse hangs outside it, the last (English
    noun phrases end on their head) or first nominal, else the last word."""
    inside = {t.i for t in phrase}
    out = [t for t in phrase if t.head.i not in inside or t.head.i == t.i]
    nominal = [t for t in out if t.pos_ in _NOMINALS or t.pos_ in ("PRON", "NUM")] or out or phrase
    return nominal[-1] if last else nominal[0]


def _hang_phrase(phrase: list[Token], head: Token, verb: Token, dep: str) -> None:
    """``head`` hangs on ``verb`` as ``dep``; the phrase's other words that the parse hung outside
    it hang on ``head``."""
    inside = {t.i for t in phrase}
    loose = [t for t in phrase if t.i != head.i and (t.head.i not in inside or t.head.i == t.i)]
    _attach(head, verb, dep)
    for tok in loose:
        _attach(tok, head, "compound" if tok.pos_ in _NOMINALS else tok.dep_)


def _rehang_english(sent: Span, clause: list[Token], k: int, colon: Token | None) -> None:
    """Subject, verb, object: the words before the verb are its subject's phrase, the run of noun
    phrase words after it its object; what the parse hung on neither keeps its head."""
    verb = clause[k]
    subject_phrase = clause[:k]
    run: list[Token] = []
    for tok in clause[k + 1:]:
        if tok.pos_ not in _OBJECT_WORDS and not (not run and tok.pos_ == "PRON"):
            break
        run.append(tok)
    heads_before = {t.i: t.head.i for t in sent}
    subject = _phrase_head(subject_phrase, last=True)
    obj = _phrase_head(run, last=True)
    _attach(verb, verb, "ROOT")
    _hang_phrase(subject_phrase, subject, verb, "nsubj")
    _hang_phrase(run, obj, verb, "dobj")
    placed = {t.i for t in subject_phrase} | {t.i for t in run} | {verb.i}
    topic = range(sent.start, colon.i) if colon is not None else range(0)
    for tok in sent:
        if tok.i in placed:
            continue
        if tok.i in topic and (heads_before[tok.i] not in topic or heads_before[tok.i] == tok.i):
            _attach(tok, verb, "dislocated")  # the topic before the colon: the story's subject, no party
        elif (colon is not None and tok.i == colon.i) or heads_before[tok.i] == tok.i:
            _attach(tok, verb, "punct" if tok.is_punct else "dep")


def _objects_of_root(verb: Token) -> None:
    """A French verb the parser made the root as a noun ("Washington sanctionne des responsables"):
    its first nominal after it with no preposition (a partitive "des" read as one is an article)
    is its object, the others obliques."""
    has_object = False
    for child in list(verb.rights):
        if child.pos_ not in _NOMINALS and child.pos_ != "PRON":
            continue
        cases = [c for c in child.children if c.dep_ == "case"]
        if not has_object and all(c.lower_ in _FR_PARTITIVES for c in cases):
            for case in cases:
                case.pos_ = "DET"
                _attach(case, child, "det")
            _attach(child, verb, "obj")
            has_object = True
        elif child.dep_ in ("nmod", "appos", "flat:name"):
            _attach(child, verb, "obl")
