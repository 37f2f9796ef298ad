"""Parties the knowledge base does not list: still coded, with the best code the text supports.

"un tribunal de Lyon", "the American Civil Liberties Union", "la police": an unlisted court,
organisation, company or group that takes part in an event is a party of its own. Its code is the
country in focus of its sentence (else the nearest place's country in the sentence, else the
country the article's places name most), or UNK when the text names no country; its sector comes
from its head noun, read in the sector-word table (sector_words.csv: "tribunal" → JUD,
"company" → BUS), else it stays empty. The surface text is the mention's own words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from chronique.annotations.records import ActorMention, PlaceMention
from chronique.knowledge.datafiles import read_data_csv, split_forms

UNKNOWN = "UNK"
NOUNS = frozenset({"NOUN", "PROPN"})
# the words after a head noun that still name the party: "tribunal correctionnel de Lyon"
NAMING_DEPS = frozenset({"amod", "nmod", "flat", "flat:name", "compound", "case", "det", "nummod"})
MAX_NAME_TOKENS = 8
# sectors that belong to no one country: an unnamed one is not given the country in focus
TRANSNATIONAL = frozenset({"IGO", "NGO", "MNC"})
ORG_LABELS = frozenset({"ORG"})


@dataclass(frozen=True)
class SectorHeads:
    """Single-word sector nouns per language, lower-cased: {"fr": {"tribunal": "JUD", …}, …}."""

    words: dict[str, dict[str, str]]

    def sector(self, lang: str, token: Token) -> str | None:
        table = self.words.get(lang, {})
        return table.get(token.lower_) or table.get(token.lemma_.lower())


def load_sector_heads() -> SectorHeads:
    words: dict[str, dict[str, str]] = {}
    for row in read_data_csv("sector_words.csv"):
        for form in split_forms(row["forms"]):
            if " " not in form and "'" not in form:
                words.setdefault(row["lang"], {}).setdefault(form.lower(), row["sector"])
    return SectorHeads(words)


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


def _name_span(token: Token) -> Span:
    """The head noun with the words that name it ("le tribunal correctionnel de Lyon")."""
    doc, right = token.doc, token.i
    for child in token.rights:
        if child.dep_ in NAMING_DEPS and child.right_edge.i - token.i < MAX_NAME_TOKENS:
            right = max(right, child.right_edge.i)
    left = min([token.i] + [c.i for c in token.lefts if c.dep_ in NAMING_DEPS])
    return doc[left:right + 1]


def unlisted_parties(doc: Doc, known: list[ActorMention], places: list[PlaceMention],
                     heads: SectorHeads) -> list[ActorMention]:
    """Mentions for the sector nouns and named organisations that no known mention covers."""
    lang = str(doc._.ch_lang or doc.lang_)
    taken = {i for a in known for i in _tokens(doc, a)}
    out: list[ActorMention] = []
    foci = sentence_foci(doc)
    heads_found = [(t, heads.sector(lang, t)) for t in doc if t.pos_ in NOUNS and t.i not in taken]
    found: list[tuple[Span, str | None]] = [(_name_span(t), sector) for t, sector in heads_found if sector]
    found += [(ent, heads.sector(lang, ent.root)) for ent in doc.ents
              if ent.label_ in ORG_LABELS and not taken.intersection(range(ent.start, ent.end))]
    for span, sector in sorted(found, key=lambda f: f[0].start):
        if taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        code = None if sector in TRANSNATIONAL else home_country(doc, span.start_char, places, foci)
        out.append({"text": span.text, "start": span.start_char, "end": span.end_char, "name": span.text,
                    "code": code or UNKNOWN, "sector": sector, "kind": "group", "_unlisted": True,
                    "_tokens": [span.start, span.end]})
    return out


def _tokens(doc: Doc, mention: ActorMention) -> range:
    tokens = mention.get("_tokens")
    if tokens:
        return range(int(tokens[0]), int(tokens[1]))
    span = doc.char_span(int(mention["start"]), int(mention["end"]), alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
