"""The actors stage's candidates: each kind of dictionary hit made a mention record (a name, a
demonym, a country with a sector word, a role word's holder on the article date), then the longest
of overlapping candidates kept and finished."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Unpack

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention
from chronique.knowledge.actors import CAPITAL, ActorKnowledge, Alias
from chronique.nlp.actor_syntax import ActorSyntax
from chronique.nlp.against import mark_against
from chronique.nlp.fuzzy_actors import Hit

PERSON_NAME_SCORE = 0.95  # a person's name may be a namesake's
DEMONYM_SCORE = 0.9
GROUP_SCORE = 0.85  # a sector word joined to a country
METONYMY_SCORE = 0.85  # a capital standing for its government
STANDALONE_SECTOR_SCORE = 0.6  # "les rebelles": no country said


@dataclass
class Candidate:
    start: int
    end: int
    record: ActorMention | None  # None: a span recognised but not coded (PETRARCH "---")
    score: float


class CandidateBuilder:
    """Mention candidates of one document from its dictionary hits."""

    def __init__(self, doc: Doc, kb: ActorKnowledge, lang: str, date: str | None, syntax: ActorSyntax) -> None:
        self.doc, self.kb, self.lang, self.date, self.syntax = doc, kb, lang, date, syntax

    def record(self, first: int, last: int, **fields: Unpack[ActorMention]) -> ActorMention:
        span = self.doc[first:last]
        record: ActorMention = {
            "text": span.text, "start": span.start_char, "end": span.end_char, "name": "", "code": None,
            "sector": None, "kind": "country", "wikidata": None, "score": 1.0, "_tokens": [first, last]}
        record.update(fields)
        return record

    def name(self, hit: Hit) -> list[Candidate]:
        entry = self._best_alias(hit.aliases).entry
        if entry.kind == "country" and self.syntax.inside_bigger_name(hit):
            return []
        term = entry.term_at(self.date)
        code = term.country if term else entry.code
        sector = term.sector if term else entry.sector
        if code is None and sector is None:
            return [Candidate(hit.start, hit.end, None, hit.score)]
        fields: ActorMention = {"name": entry.name, "code": code, "sector": sector, "kind": entry.kind,
                                "wikidata": entry.wikidata}
        score = hit.score
        if entry.kind == "person":
            score = min(score, PERSON_NAME_SCORE)
            if term:
                fields["_role"] = term.role
        elif entry.kind == "country" and self.syntax.metonymic(hit.start, hit.end):
            fields["sector"], fields["_metonymy"] = sector or "GOV", True
        raw = term.raw_code if term and term.raw_code else entry.raw_code
        if raw:
            fields["_code"] = raw
        fields["score"] = score
        return [Candidate(hit.start, hit.end, self.record(hit.start, hit.end, **fields), score)]

    def _best_alias(self, aliases: tuple[Alias, ...]) -> Alias:
        """Among homonyms, the one in office on the article date, else the latest loaded."""
        if len(aliases) > 1 and self.date:
            date = self.date
            in_office = [a for a in aliases if a.entry.person and any(t.covers(date) for t in a.entry.person.terms)]
            if in_office:
                return in_office[-1]
        return aliases[-1]

    def country(self, hit: Hit, *, sector: str | None, score: float, metonymy: bool = False,
                span: tuple[int, int] | None = None, kind: str = "country") -> Candidate:
        entry = hit.aliases[-1].entry
        start, end = span or (hit.start, hit.end)
        score = round(score * hit.score, 3)  # a fuzzy guess ranks below the same phrase spelt right
        fields: ActorMention = {"name": entry.name, "code": entry.code, "sector": sector, "kind": kind,
                                "wikidata": entry.wikidata, "score": score}
        if metonymy:
            fields["_metonymy"] = True
        return Candidate(start, end, self.record(start, end, **fields), score)

    def demonym(self, hit: Hit) -> Candidate:
        """ "les drones russes": the country, marked ``_demonym`` (a party, not a place). A French
        demonym written as a noun ("les Nord-Coréens", "des Maliens") is that state's people."""
        candidate = self.country(hit, sector=None, score=DEMONYM_SCORE)
        if candidate.record is not None:
            candidate.record["_demonym"] = True
            first = self.doc[hit.start]
            if self.lang == "fr" and first.text[:1].isupper() and not first.is_sent_start:
                candidate.record["sector"], candidate.record["kind"] = "CVL", "group"
        return candidate

    def sector(self, hit: Hit, countries: list[Hit]) -> list[Candidate]:
        entry = hit.aliases[-1].entry
        country = self.syntax.attached(hit, countries)
        if country is not None:
            span = (min(hit.start, country.start), max(hit.end, country.end))
            candidate = self.country(country, sector=entry.sector, score=GROUP_SCORE, span=span, kind="group")
            if candidate.record is not None:
                candidate.record["_head"] = hit.start
                if entry.raw_code:
                    candidate.record["_code"] = f"{country.aliases[-1].entry.code}{entry.raw_code.strip('~')}"
            return [candidate]
        if entry.standalone:
            fields: ActorMention = {"name": entry.sector or "", "code": None, "sector": entry.sector,
                                    "kind": "group", "score": STANDALONE_SECTOR_SCORE, "_head": hit.start}
            record = self.record(hit.start, hit.end, **fields)
            return [Candidate(hit.start, hit.end, record, STANDALONE_SECTOR_SCORE)]
        return []

    def role(self, hit: Hit, countries: list[Hit], person_starts: set[int]) -> list[Candidate]:
        entry = hit.aliases[-1].entry
        country = self.syntax.attached(hit, countries)
        if country is None or country.aliases[-1].entry.code is None or entry.role is None:
            return []
        span = (min(hit.start, country.start), max(hit.end, country.end))
        is_capital = country.what == CAPITAL
        after = span[1] + 1 if span[1] < len(self.doc) and self.doc[span[1]].text == "," else span[1]
        if span[1] in person_starts or after in person_starts or self.syntax.plural(hit) or not self.kb.people:
            # "le président russe Vladimir Poutine": the name says who; the adjective says which state
            return [self.country(country, sector=entry.sector, score=0.92, metonymy=is_capital)]
        holder = self.kb.people.holder(country.aliases[-1].entry.code or "", entry.role, self.date)
        if holder is None:
            return [self.country(country, sector=entry.sector, score=0.8, span=span, metonymy=is_capital)]
        person, term = holder
        score = 0.75 if self.date else 0.6  # without the article date, the holder is today's
        fields: ActorMention = {"name": person.name, "code": term.country, "sector": term.sector,
                                "kind": "person", "wikidata": person.wikidata, "score": score,
                                "_role": term.role, "_head": hit.start}
        if is_capital:
            capital = self.doc[country.start:country.end]
            fields["_metonymy"], fields["_metonymy_span"] = True, [capital.start_char, capital.end_char]
        return [Candidate(span[0], span[1], self.record(span[0], span[1], **fields), score)]


def longest(candidates: list[Candidate]) -> list[Candidate]:
    """Of overlapping candidates, the longest (then the best scored, then the first) wins."""
    taken: set[int] = set()
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.score, c.start)):
        tokens = set(range(c.start, c.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def finish(doc: Doc, folded: list[str], parsed: bool, candidate: Candidate) -> ActorMention:
    """The record of a kept candidate with its syntactic head and its "anti-X" mark."""
    record: ActorMention = candidate.record.copy() if candidate.record else {}
    if "_head" not in record:
        span = doc[candidate.start:candidate.end]
        record["_head"] = span.root.i if parsed else candidate.end - 1
    mark_against(doc, folded, record, candidate.start, candidate.end)
    return record
