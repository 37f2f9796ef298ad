"""Parties the knowledge base does not list: still coded, with the best code the text supports.

"un tribunal de Lyon", "the American Civil Liberties Union", "la police": an unlisted court,
organisation, company or group that takes part in an event is a party of its own. Its sector comes
from its head noun (sector_words.csv and the language's party_words.yaml: "tribunal" → JUD,
"union" → LAB); a generic body ("committee", "conseil") takes the sector of its own modifier when it
has one ("judicial council" → JUD). Its code is the country its own phrase names as owner ("the
Iraqi judicial council", "le comité de la Chine": that country's body, not the country itself),
else the country of a place in its phrase ("un tribunal de Lyon"), else the country in focus of its
sentence, else the nearest place's country, else the country the article's places name most, else
UNK. A country its phrase names as a topic ("the committee on China") is never its code. The
surface text is the mention's own words; a country word its name absorbed stops being a party.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import ActorMention, PlaceMention
from chronique.knowledge.datafiles import read_data_csv, split_forms
from chronique.knowledge.function_words import LANGUAGES
from chronique.knowledge.party_words import PartyWords, party_words

UNKNOWN = "UNK"
NOUNS = frozenset({"NOUN", "PROPN"})
# the words after a head noun that still name the party: "tribunal correctionnel de Lyon"
NAMING_DEPS = frozenset({"amod", "nmod", "flat", "flat:name", "compound", "case", "det", "nummod"})
MAX_NAME_TOKENS = 8
# sectors that belong to no one country: an unnamed one is not given the country in focus
TRANSNATIONAL = frozenset({"IGO", "NGO", "MNC"})
ORG_LABELS = frozenset({"ORG"})
# a known mention a body's name may absorb: a country word ("American", "de la Chine")
ABSORBABLE_KINDS = frozenset({"country"})


@dataclass(frozen=True)
class SectorHeads:
    """Single-word sector nouns per language, lower-cased: {"fr": {"tribunal": "JUD", …}, …}, and the
    language's party words (bodies, modifier-only and name-only words, topic cases)."""

    words: dict[str, dict[str, str]]
    party: dict[str, PartyWords] = field(default_factory=dict)

    def _lookup(self, lang: str, token: Token) -> str | None:
        table = self.words.get(lang, {})
        return table.get(token.lower_) or table.get(token.lemma_.lower())

    def sector(self, lang: str, token: Token, named: bool = False) -> str | None:
        """The sector ``token`` gives the party it heads; a name-only head ("party") needs a proper
        name (``named``, a capital letter or a proper-noun part), a modifier-only word heads nothing."""
        words = self.party.get(lang, PartyWords())
        forms = {token.lower_, token.lemma_.lower()}
        if forms & words.modifier_only:
            return None
        if forms & words.name_only and not (named or token.text[:1].isupper()
                                            or any(c.pos_ == "PROPN" for c in token.children)):
            return None
        return self._lookup(lang, token)

    def body_sector(self, lang: str, head: Token, span: Span, sector: str | None) -> str | None:
        """A generic body takes the sector of a sector word among its own modifiers."""
        words = self.party.get(lang, PartyWords())
        if not ({head.lower_, head.lemma_.lower()} & words.bodies):
            return sector
        own = [self._lookup(lang, t) for t in span if t.i != head.i and t.head.i == head.i and t.pos_ != "DET"]
        return next((s for s in own if s), sector)

    def topic(self, lang: str, token: Token) -> bool:
        """``token`` heads a complement the body is about ("on China", "sur la Chine")."""
        topic = self.party.get(lang, PartyWords()).topic_cases
        if token.dep_ == "prep":
            return token.lower_ in topic
        return any(c.dep_ in ("case", "mark") and c.lower_ in topic for c in token.children)


def load_sector_heads() -> SectorHeads:
    words: dict[str, dict[str, str]] = {}
    for row in read_data_csv("sector_words.csv"):
        for form in split_forms(row["forms"]):
            if " " not in form and "'" not in form:
                words.setdefault(row["lang"], {}).setdefault(form.lower(), row["sector"])
    party = {lang: party_words(lang) for lang in LANGUAGES}
    for lang, pw in party.items():
        for word, sector in pw.sectors().items():
            words.setdefault(lang, {}).setdefault(word, sector)
    return SectorHeads(words, party)


def sentence_foci(doc: Doc) -> dict[int, str]:
    """Sentence start token -> the country in focus the actors stage found for it."""
    focus = doc._.ch_focus or []
    return {s.start: str(focus[i]) for i, s in enumerate(doc.sents) if i < len(focus) and focus[i]}


def home_country(doc: Doc, start: int, places: list[PlaceMention], foci: dict[int, str]) -> str | None:
    """The country of a party at character ``start`` that names none: the sentence's country in
    focus, else the nearest place's country in the sentence, else the article's most named country."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is not None and len(span):
        sent = span[0].sent
        if sent.start in foci:
            return foci[sent.start]
        near = [p for p in places if p.get("country_code") and sent.start_char <= int(p["start"]) < sent.end_char]
        if near:
            return str(min(near, key=lambda p: abs(int(p["start"]) - start))["country_code"])
    counts = Counter(str(p["country_code"]) for p in places if p.get("country_code"))
    return counts.most_common(1)[0][0] if counts else None


def _name_span(token: Token, heads: SectorHeads, lang: str) -> Span:
    """The head noun with the words that name it ("le tribunal correctionnel de Lyon"), without a
    complement it is about ("the committee on China")."""
    doc, right = token.doc, token.i
    for child in token.rights:
        if child.dep_ in NAMING_DEPS and child.right_edge.i - token.i < MAX_NAME_TOKENS \
                and not heads.topic(lang, child):
            right = max(right, child.right_edge.i)
    # the head's own preposition ("par des militants", "contre le gouvernement") is no part of its name
    left = min([token.i] + [c.i for c in token.lefts if c.dep_ in NAMING_DEPS and c.dep_ != "case"])
    return doc[left:right + 1]


def _topic_codes(root: Token, heads: SectorHeads, lang: str, known_at: dict[int, ActorMention]) -> set[str]:
    """Codes of the countries a body's complements say it is about ("the committee on China")."""
    out: set[str] = set()
    for child in root.children:
        if heads.topic(lang, child):
            out |= {str(known_at[t.i].get("code")) for t in child.subtree if t.i in known_at}
    return out


@dataclass(frozen=True)
class _Found:
    span: Span
    head: Token
    sector: str | None
    kind: str = "group"  # a sector noun ("le tribunal"); "entity" for a named organisation


def unlisted_parties(doc: Doc, known: list[ActorMention], places: list[PlaceMention],
                     heads: SectorHeads, foci: dict[int, str] | None = None) -> list[ActorMention]:
    """Mentions for the sector nouns and named organisations that no known mention covers. A body
    whose name holds a country word ("the American Civil Liberties Union", "le comité de la Chine")
    absorbs it: the new mention lists the absorbed one's offsets in ``_absorbed``. ``foci``: the
    sentences' countries in focus (``sentence_foci``), when the caller has read them already."""
    lang = str(doc._.ch_lang or doc.lang_)
    known_at: dict[int, ActorMention] = {i: a for a in known for i in _tokens(doc, a)}
    taken = set(known_at)
    out: list[ActorMention] = []
    foci = sentence_foci(doc) if foci is None else foci
    orgs = [ent for ent in doc.ents if ent.label_ in ORG_LABELS and ent.root.i not in taken]
    named = {ent.root.i for ent in orgs}  # a named organisation's head: the name is the party
    # a compound is no head of its phrase ("Mayor" of "Mayor Smith", "union" of "union leaders")
    found = [_Found(_name_span(t, heads, lang), t, sector) for t in doc
             if t.pos_ in NOUNS and t.i not in taken and t.i not in named and t.dep_ != "compound"
             and (sector := heads.sector(lang, t))]
    found += [_Found(ent, ent.root, heads.sector(lang, ent.root, named=True), "entity") for ent in orgs]
    for f in sorted(found, key=lambda f: f.span.start):
        inside = {id(known_at[i]): known_at[i] for i in range(f.span.start, f.span.end) if i in known_at}
        if any(a.get("kind") not in ABSORBABLE_KINDS or not a.get("code") for a in inside.values()):
            continue  # a person or organisation inside: the name is theirs, not an unlisted body's
        claimed = set(range(f.span.start, f.span.end)) - set(known_at)
        if claimed & (taken - set(known_at)):
            continue  # overlaps an unlisted party found before
        taken.update(claimed)
        sector = heads.body_sector(lang, f.head, f.span, f.sector)
        topics = _topic_codes(f.head, heads, lang, known_at)
        # a place read on the body's own head noun is the noun ("la Mairie" is no town of Turkmenistan)
        around = [p for p in places if not int(p["start"]) <= f.head.idx < int(p["end"])]
        code = _own_country(f.span, list(inside.values()), around)
        guessed = code is None
        if guessed and sector not in TRANSNATIONAL:
            code = home_country(doc, f.span.start_char, around, foci)
        if code in topics:
            code = None  # "the committee on China" is no Chinese body
        mention: ActorMention = {"text": f.span.text, "start": f.span.start_char, "end": f.span.end_char,
                                 "name": f.span.text, "code": code or UNKNOWN, "sector": sector, "kind": f.kind,
                                 "_unlisted": True, "_tokens": [f.span.start, f.span.end]}
        if guessed and code:
            mention["_focus"] = True  # its country is the sentence's or article's, not its own name's
        if inside:
            mention["_absorbed"] = [[int(a["start"]), int(a["end"])] for a in inside.values()]
        out.append(mention)
    return out


def _own_country(span: Span, inside: list[ActorMention], places: list[PlaceMention]) -> str | None:
    """The country a body's own name gives it: a country word it absorbed, else a place in it."""
    if inside:
        return str(inside[0]["code"])
    own = [p for p in places if p.get("country_code") and span.start_char <= int(p["start"]) < span.end_char]
    return str(own[0]["country_code"]) if own else None


def _tokens(doc: Doc, mention: ActorMention) -> range:
    tokens = mention.get("_tokens")
    if tokens:
        return range(int(tokens[0]), int(tokens[1]))
    span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
