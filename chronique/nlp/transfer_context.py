"""What every weapon of one Doc shares while the transfers stage reads it: the Doc's mentions, its
makers and each sentence's parties (read once per sentence), and two span helpers."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import WeaponRecord
from chronique.arms.frames import Party, sentence_parties
from chronique.arms.origin import short_demonym_codes
from chronique.arms.pronouns import pronoun_parties
from chronique.coding.mentions import MentionIndex
from chronique.nlp.extensions import doc_text, get_list


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` without the white space at either end."""
    text = doc_text(doc)[start:end]
    left = len(text) - len(text.lstrip())
    return start + left, start + len(text.rstrip())


class TransferContext:
    """What every weapon of one Doc shares: its mentions, makers and each sentence's parties."""

    def __init__(self, doc: Doc, index: MentionIndex, makers: list[tuple[int, int, str]]) -> None:
        self.doc, self.index, self.makers = doc, index, makers
        # countries the text names, for the weapon's maker country: coded mentions, and demonyms
        # without their compass word ("the Korean defence minister")
        self.codes = (frozenset(str(a["code"]) for a in index.actors if a.get("code"))
                      | short_demonym_codes(doc_text(doc)))
        self.weapon_tokens = {i for w in get_list(doc, "ch_weapons") if w.get("_tokens")
                              for i in range(int(w["_tokens"][0]), int(w["_tokens"][1]))}
        self._parties: dict[int, list[Party]] = {}

    def parties(self, sent: Span) -> list[Party]:
        if sent.start not in self._parties:
            found = sentence_parties(self.index, sent, self.makers)
            taken = {p.start for p in found}
            found += [p for p in pronoun_parties(self.index, sent) if p.start not in taken]  # "Elle a acheté…"
            self._parties[sent.start] = sorted(found, key=lambda p: p.start)
        return self._parties[sent.start]


def weapon_span(weapon: WeaponRecord, root: Token) -> tuple[int, int]:
    tokens = weapon.get("_tokens")
    return (int(tokens[0]), int(tokens[1])) if tokens else (root.i, root.i + 1)


def token_at(doc: Doc, span: Any) -> Token | None:
    """The first token of a character span (an event's trigger), or None."""
    if not span:
        return None
    found = doc.char_span(int(span[0]), int(span[1]), alignment_mode="expand")
    return found[0] if found is not None and len(found) else None
