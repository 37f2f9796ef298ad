"""Head nouns of parties the knowledge base may not list, per language
(``data/<lang>/party_words.yaml``, with provenance): the sector each head noun gives an unlisted
court, union, party or company (chronique.coding.unlisted), the generic bodies whose own modifier
decides their sector ("judicial council"), the modifiers that only name a sector inside such a body,
the heads that need a proper name ("the Labour Party", not "both parties"), and the cases after which
a country in a body's phrase is its subject, not its owner ("the committee on China")."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from chronique.knowledge.word_lists import load_word_lists

FILE_NAME = "party_words.yaml"


@dataclass(frozen=True)
class PartyWords:
    # PLOVER sectors, one list of head nouns each (the field name upper-cased is the code)
    gov: frozenset[str] = frozenset()
    leg: frozenset[str] = frozenset()
    jud: frozenset[str] = frozenset()
    mil: frozenset[str] = frozenset()
    cop: frozenset[str] = frozenset()
    lab: frozenset[str] = frozenset()
    pty: frozenset[str] = frozenset()
    bus: frozenset[str] = frozenset()
    ngo: frozenset[str] = frozenset()
    cvl: frozenset[str] = frozenset()
    edu: frozenset[str] = frozenset()
    med: frozenset[str] = frozenset()
    rel: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    modifier_only: frozenset[str] = frozenset()
    name_only: frozenset[str] = frozenset()
    topic_cases: frozenset[str] = frozenset()

    def sectors(self) -> dict[str, str]:
        """word -> sector code, for every sector list (the first list that holds a word wins)."""
        out: dict[str, str] = {}
        for f in fields(self):
            if f.name.isalpha() and len(f.name) == 3:
                for word in sorted(getattr(self, f.name)):
                    out.setdefault(word, f.name.upper())
        return out


@cache
def party_words(lang: str) -> PartyWords:
    """The packaged party words of ``lang`` (read once per process); no file, no words."""
    if lang not in ("en", "fr"):
        return PartyWords()
    return load_word_lists(PartyWords, FILE_NAME, (lang,))
