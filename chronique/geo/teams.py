"""Sports teams named by their town: "Lorient beat Nice 2-1", "he signed for West Ham", "the
Kansas City Chiefs", "le match contre Lorient". In a story about sport the town's name stands for
its club, which is no place of the story.

The story is in a sports frame when it holds enough distinct words of sport (data:
place_teams.yaml) and one of them, or a score, stands near the name (a newspaper's whole page may
hold a sports column far from its politics). There, a place name is a team when the parse makes
it the subject of a verb of play ("beat", "scored", "signed"), the object of a verb whose object
is an opponent or a club ("defeated", "joined"), the object of "against"/"contre" (or of "for"
after a verb of play: "signed for"), or when a capitalised word that is no place's kind word
follows it (the team's nickname: "Chiefs", "Red Sox"). A story not about sport is never read so:
"Russia beat back the assault" stays a place. A country's own name is left to the caller
(geo.not_places keeps it: a national side stands for its country).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from chronique.knowledge.datafiles import language_word_sets
from chronique.knowledge.function_words import words_of

TEAMS_FILE = "place_teams.yaml"
_FIELDS = ("frame", "verbs", "object_verbs", "prepositions")
MIN_FRAME_WORDS = 3  # distinct words of sport: one "championship" in a political story is not enough
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "obj", "npadvmod"})  # "beat Nice 2-1": the score makes it npadvmod
_PREP_OBJECTS = frozenset({"pobj", "obl", "nmod"})
_FOR = frozenset({"for", "pour"})
_FRAME_KEY = "chronique_sports_frame"
NEAR_SENTENCES = 2
_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")


@dataclass(frozen=True)
class TeamWords:
    frame: frozenset[str]
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    prepositions: frozenset[str]


@cache
def load_team_words(lang: str) -> TeamWords:
    """The sports words of ``lang`` (none for a language the file lacks)."""
    return TeamWords(*language_word_sets(TEAMS_FILE, lang, _FIELDS))


def sports_frame(doc: Doc, lang: str) -> bool:
    """Whether the story holds MIN_FRAME_WORDS distinct words of sport (computed once a doc)."""
    key = f"{_FRAME_KEY}:{lang}"
    if key not in doc.user_data:
        frame = load_team_words(lang).frame
        doc.user_data[key] = len({t.lemma_.lower() for t in doc if t.lemma_.lower() in frame}) >= MIN_FRAME_WORDS
    return bool(doc.user_data[key])


def near_sport(span: Span, lang: str) -> bool:
    """A word of sport or a score ("2-1") in the name's sentence or the NEAR_SENTENCES around it:
    a long text (a newspaper's whole page) may hold a sports column far from its politics."""
    doc, frame = span.doc, load_team_words(lang).frame
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    here = next((k for k, s in enumerate(sentences) if s.start <= span.start < s.end), 0)
    window = sentences[max(0, here - NEAR_SENTENCES):here + NEAR_SENTENCES + 1]
    return any(t.lemma_.lower() in frame for s in window for t in s) or bool(_SCORE.search(sentences[here].text))


def names_team(span: Span, lang: str) -> bool:
    """The place name stands for a sports team (see the module's docstring)."""
    if len(span) == 0 or not sports_frame(span.doc, lang) or not near_sport(span, lang):
        return False
    words = load_team_words(lang)
    return _nickname_after(span) or _played(span, words)


def _nickname_after(span: Span) -> bool:
    """A capitalised word that is no place's kind word follows ("Kansas City Chiefs", "Pomona College")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return (after.is_alpha and after.text[:1].isupper() and not after.is_sent_start and span[-1].whitespace_ != ""
            and after.lower_ not in words_of().place_heads)


def _played(span: Span, words: TeamWords) -> bool:
    """The parse makes the name a side of a game or the club of a signing."""
    root = span.root
    head = root.head
    lemma = head.lemma_.lower()
    if root.dep_ in _SUBJECTS:
        return lemma in words.verbs
    if root.dep_ in _OBJECTS:
        return lemma in words.object_verbs
    if root.dep_ in _PREP_OBJECTS:
        prep = head if head.pos_ == "ADP" else next((c for c in root.children if c.dep_ == "case"), None)
        if prep is None:
            return False
        verb = prep.head if prep is head else head
        return prep.lower_ in words.prepositions or (prep.lower_ in _FOR and verb.lemma_.lower() in words.verbs)
    return False
