"""Where the actor and place mentions of earlier stages sit among the Doc's tokens."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property

from spacy.tokens import Doc, Token

from chronique.annotations.extensions import get_list
from chronique.annotations.furniture import in_furniture
from chronique.annotations.records import ActorMention, EventParty, PlaceMention
from chronique.coding.namesakes import namesake_codes
from chronique.coding.unlisted import TRANSNATIONAL, SectorHeads, home_country, sentence_foci, unlisted_parties
from chronique.coding.unlisted_people import coded_person, is_unlisted_person

# Named-entity labels that can stand for an actor the actor stage did not code (English and French
# model labels); places are left to the geoparser and its metonymy reading.
ACTOR_ENTS = frozenset({"PERSON", "PER", "ORG", "NORP"})

# Dependencies that open a new clause: an argument search does not cross them.
CLAUSAL = frozenset({"acl:relcl", "relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj:clause"})


# Sectors that are always domestic groups of some country, so an unnamed one takes that country.
DOMESTIC_SECTORS = frozenset({"REB", "OPP"})


def is_root(tok: Token) -> bool:
    """spaCy builds a new Token object on each access, so ``tok.head is tok`` is never true."""
    return tok.head.i == tok.i


def as_party(actor: ActorMention) -> EventParty:
    """An actor mention as an event's actor or recipient field."""
    party: EventParty = {"code": actor.get("code"), "sector": actor.get("sector"), "entity_text": actor.get("text"),
                         "identifier_id": actor.get("wikidata"), "start": actor.get("start"), "end": actor.get("end")}
    if actor.get("_unlisted"):
        party["_unlisted"] = True
    if actor.get("_person_focus"):
        party["_person_focus"] = True
    if actor.get("_unresolved"):
        party["_unresolved"] = True
    return party


def code_key(actor: ActorMention | EventParty | None) -> str:
    """Whose side a party is on: its code, else (uncoded) its lower-cased text (two unlisted bodies
    of one country share it, where ``party_key`` tells them apart)."""
    if not actor:
        return ""
    return str(actor.get("code") or "~" + str(actor.get("text") or actor.get("entity_text") or "").lower())


def party_key(actor: ActorMention | EventParty | None) -> str:
    """Who a party is: its code, else (uncoded) its lower-cased text; an unlisted body or a known
    person, its code and name."""
    if not actor:
        return ""
    text = str(actor.get("text") or actor.get("entity_text") or "").lower()
    if actor.get("_unlisted"):  # two unlisted bodies of one country are two parties ("the ACLU sues the FBI")
        return f"{actor.get('code')}~{str(actor.get('name') or text).lower()}"
    if actor.get("kind") == "person" and actor.get("code") and actor.get("name"):
        # two people of one government are two parties ("Valls s'est rendu auprès de Hollande")
        return f"{actor.get('code')}~{str(actor.get('name')).lower()}"
    return str(actor.get("code") or "~" + text)


class MentionIndex:
    """Token → actor mention and token → place mention, built once per Doc (linear)."""

    def __init__(self, doc: Doc, heads: SectorHeads | None = None) -> None:
        self.doc = doc
        # coded mentions, then uncoded ones a coder can still name (a sector word, a person, a
        # named organisation): PLOVER records keep an actor whose code is unknown
        mentions = get_list(doc, "ch_actors")
        self.actors: list[ActorMention] = [a for a in mentions if a.get("code")]
        self.places: list[PlaceMention] = get_list(doc, "ch_places")
        # with ``heads``, every unnamed national sector takes its home country, and unlisted parties
        # are added (chronique.coding.unlisted); without, only rebels and opposition do
        self.actors += [{**a, "code": self._home(a, heads is not None)}
                        for a in mentions
                        if not a.get("code") and (a.get("sector") or a.get("kind") == "person")]
        self.actors += self._metonymic_places(self.actors)
        if heads is not None:
            unlisted = unlisted_parties(doc, self.actors, self.places, heads, self.foci)
            absorbed = {(s, e) for a in unlisted for s, e in a.get("_absorbed", [])}
            # a country word a body's name took in ("American" of "the American Civil Liberties
            # Union") is that body's code, no party of its own
            self.actors = [a for a in self.actors if (int(a["start"]), int(a["end"])) not in absorbed] + unlisted
        self.actors += self._entities([a for a in self.actors])
        if heads is not None:  # a person the knowledge base does not list takes the country in focus
            # unless the article introduced them before by name (chronique.coding.namesakes)
            self.actors = namesake_codes(doc, self.actors, is_unlisted_person)
            self.actors = [coded_person(doc, a, self.places, self.foci) if is_unlisted_person(doc, a) else a
                           for a in self.actors]
        # a byline's, credit's or dateline's names are the page's, never a party ("(Reuters) —")
        furniture = get_list(doc, "ch_furniture")
        self.actors = [a for a in self.actors if not in_furniture(int(a["start"]), int(a["end"]), furniture)]
        self.actor_at: dict[int, int] = self._by_token(self.actors)
        self.place_at: dict[int, int] = self._by_token(self.places)

    @cached_property
    def foci(self) -> dict[int, str]:
        """Sentence start -> the country in focus, read once by every home-country guess (only when
        one is made: a Doc with no sentence boundaries and no guess to make never asks)."""
        return sentence_foci(self.doc)

    def _home(self, actor: ActorMention, unlisted: bool) -> str | None:
        """The code of an uncoded mention: its home country when it is a national sector (with the
        unlisted-party rule, any sector but a transnational one; else only rebels and opposition)."""
        sector = actor.get("sector")
        if unlisted and sector and sector not in TRANSNATIONAL:
            return home_country(self.doc, int(actor["start"]), self.places, self.foci)
        return self._home_country(actor) if sector in DOMESTIC_SECTORS else None

    def _home_country(self, actor: ActorMention) -> str | None:
        """The country an unnamed domestic group belongs to (PLOVER: unnamed rebels are the
        country + REB): the country of the nearest place in its sentence ("les rebelles de Homs"),
        else the country the document's places name most often."""
        start = int(actor["start"])
        sent = self.doc.char_span(start, int(actor["end"]), alignment_mode="expand")
        if sent is not None:
            bounds = sent[0].sent
            near = [p for p in self.places if p.get("country_code")
                    and bounds.start_char <= int(p["start"]) < bounds.end_char]
            if near:
                return str(min(near, key=lambda p: abs(int(p["start"]) - start))["country_code"])
        counts = Counter(str(p["country_code"]) for p in self.places if p.get("country_code"))
        return counts.most_common(1)[0][0] if counts else None

    def _metonymic_places(self, known: list[ActorMention]) -> list[ActorMention]:
        """Places the geoparser read as standing for a government ("leur ambassadeur à Moscou")
        that the actor stage left out, as that country's government."""
        spans = [(int(a["start"]), int(a["end"])) for a in known]
        return [{"text": p.get("text"), "start": p["start"], "end": p["end"], "name": p.get("name"),
                 "code": p["country_code"], "sector": "GOV", "kind": "country", "_metonymy": True}
                for p in self.places
                if p.get("role") == "metonymy" and p.get("country_code")
                and not any(s < int(p["end"]) and int(p["start"]) < e for s, e in spans)]

    def _entities(self, known: list[ActorMention]) -> list[ActorMention]:
        """Named entities of an actor type that overlap no actor mention, as uncoded actors."""
        spans = [(int(a["start"]), int(a["end"])) for a in known]
        out: list[ActorMention] = []
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_ENTS or any(s < ent.end_char and ent.start_char < e for s, e in spans):
                continue
            out.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char, "name": ent.text,
                        "code": None, "sector": None, "kind": "entity", "_tokens": [ent.start, ent.end]})
        return out

    def _by_token(self, items: Sequence[ActorMention] | Sequence[PlaceMention]) -> dict[int, int]:
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

    def actor(self, token: Token) -> ActorMention | None:
        n = self.actor_at.get(token.i)
        return self.actors[n] if n is not None else None

    def actors_under(self, token: Token, limit: int = 4) -> list[ActorMention]:
        """Actors in ``token``'s phrase, nearest first, without entering nested clauses."""
        found: list[ActorMention] = []
        seen: set[int] = set()
        visited = {token.i}  # a hand-made or corrupt tree may hold a cycle: visit each token once
        queue = [token]
        while queue and len(found) < limit:
            tok = queue.pop(0)
            n = self.actor_at.get(tok.i)
            if n is not None and n not in seen:
                seen.add(n)
                found.append(self.actors[n])
            # an unlisted body's complements are not parties of its phrase ("the committee on China")
            closed = n is not None and bool(self.actors[n].get("_unlisted"))
            for c in tok.children:
                if closed and c.dep_ != "conj":
                    continue
                if c.i not in visited and (c.dep_ not in CLAUSAL or c.dep_ == "conj"):
                    visited.add(c.i)
                    queue.append(c)
        return found

    def place_at_token(self, token: Token) -> PlaceMention | None:
        """The place whose name covers ``token`` itself (not one further down its phrase)."""
        n = self.place_at.get(token.i)
        return self.places[n] if n is not None else None

    def place_under(self, token: Token) -> PlaceMention | None:
        for tok in [token, *token.subtree]:
            n = self.place_at.get(tok.i)
            if n is not None:
                return self.places[n]
        return None

    def actors_in(self, start: int, end: int, skip: AbstractSet[int] = frozenset()) -> list[ActorMention]:
        """Actors whose first token lies in the token range [start, end), in text order; tokens in
        ``skip`` are passed over."""
        out, seen = [], set()
        for i in range(start, end):
            n = None if i in skip else self.actor_at.get(i)
            if n is not None and n not in seen:
                seen.add(n)
                out.append(self.actors[n])
        return out
