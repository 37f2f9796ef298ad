"""Where the actor and place mentions of earlier stages sit among the Doc's tokens."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from chronique.nlp.extensions import get_list

# Dependencies that open a new clause: an argument search does not cross them.
CLAUSAL = frozenset({"acl:relcl", "relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj:clause"})


class MentionIndex:
    """Token → actor mention and token → place mention, built once per Doc (linear)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[dict[str, Any]] = [a for a in get_list(doc, "ch_actors") if a.get("code")]
        self.places: list[dict[str, Any]] = get_list(doc, "ch_places")
        self.actor_at: dict[int, int] = self._by_token(self.actors)
        self.place_at: dict[int, int] = self._by_token(self.places)

    def _by_token(self, items: list[dict[str, Any]]) -> dict[int, int]:
        out: dict[int, int] = {}
        for n, item in enumerate(items):
            tokens = item.get("_tokens")
            if tokens:
                rng = range(int(tokens[0]), int(tokens[1]))
            else:
                span = self.doc.char_span(int(item["start"]), int(item["end"]), alignment_mode="expand")
                rng = range(span.start, span.end) if span is not None else range(0)
            for i in rng:
                out.setdefault(i, n)
        return out

    def actor(self, token: Token) -> dict[str, Any] | None:
        n = self.actor_at.get(token.i)
        return self.actors[n] if n is not None else None

    def actors_under(self, token: Token, limit: int = 4) -> list[dict[str, Any]]:
        """Actors in ``token``'s phrase, nearest first, without entering nested clauses."""
        found: list[dict[str, Any]] = []
        seen: set[int] = set()
        queue = [token]
        while queue and len(found) < limit:
            tok = queue.pop(0)
            n = self.actor_at.get(tok.i)
            if n is not None and n not in seen:
                seen.add(n)
                found.append(self.actors[n])
            queue.extend(c for c in tok.children if c.dep_ not in CLAUSAL or c.dep_ == "conj")
        return found

    def place_under(self, token: Token) -> dict[str, Any] | None:
        for tok in [token, *token.subtree]:
            n = self.place_at.get(tok.i)
            if n is not None:
                return self.places[n]
        return None

    def actors_in(self, start: int, end: int) -> list[dict[str, Any]]:
        """Actors whose first token lies in the token range [start, end), in text order."""
        out, seen = [], set()
        for i in range(start, end):
            n = self.actor_at.get(i)
            if n is not None and n not in seen:
                seen.add(n)
                out.append(self.actors[n])
        return out
