"""The actors stage: countries, organisations, people and groups named in the text.

One pass over the tokens looks every token sequence up in the folded dictionary of
``ActorKnowledge`` (names, adjectives/demonyms, capitals, role words, sector words). Then:

* names give mentions directly (people get the code and sector of their role on the article date);
* a capital becomes an actor only when it stands for its government ("Kiev demande",
  "a demandé à Moscou d'aider"), marked ``_metonymy``;
* a sector word joined to a country ("les forces russes", "Russian troops", "l'armée de la
  Russie", "Russia's army") gives ONE mention of the whole phrase, code of the country, sector of
  the word (kind "group"); alone it is a mention only for words marked standalone ("les rebelles");
* a role word joined to a country ("le président russe", "le patron de Minsk", "the British prime
  minister") gives the person who held that role on the article date, as one mention of the phrase;
* tokens that the exact scan missed get a second, fuzzy chance (chronique.nlp.fuzzy_actors): a misspelt person
  ("Vlaimir Poutine") or country ("Ethopia", "ukrainiennnes") is still found, with a lower score;
* then chronique.nlp.anaphora adds the actors named indirectly: unknown people by their apposition
  ("X, procureure de la CPI") and definite descriptions ("le royaume", "la secte") by their antecedent.

Overlapping mentions: the longest wins. Private keys for later stages: ``_tokens`` [first, last+1],
``_head`` (syntactic head token), ``_metonymy`` (a country or capital standing for its government;
also set on a role phrase built on a capital, with ``_metonymy_span`` = the capital's char span),
``_role`` (a person's role), ``_code`` (the full code of an imported dictionary, "ARNGOV"),
``_apposition`` / ``_anaphora`` + ``_antecedent`` (see chronique.nlp.anaphora).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Unpack

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention
from chronique.errors import KnowledgeError
from chronique.knowledge.actors import ADJECTIVE, CAPITAL, NAME, ROLE, SECTOR, ActorKnowledge, Alias
from chronique.knowledge.function_words import FunctionWords, words_of
from chronique.nlp.against import against_hits, mark_against
from chronique.nlp.anaphora import IndirectActors, IndirectKnowledge, load_indirect_knowledge, name_runs
from chronique.nlp.extensions import get_list
from chronique.nlp.furniture import in_furniture
from chronique.nlp.fuzzy_actors import Hit, fuzzy_countries, fuzzy_people
from chronique.nlp.name_limits import in_name, someone_else
from chronique.nlp.stage import Stage
from chronique.nlp.title_holders import title_holders

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "obl:agent", "agent"})
OBJECT_DEPS = frozenset({"obl:arg", "obl", "iobj", "obj", "dobj", "pobj", "dative"})
DATE_ENTITIES = frozenset({"DATE", "TIME"})  # a capitalised weekday or month after a name is no part of it

@dataclass
class Candidate:
    start: int
    end: int
    record: ActorMention | None  # None: a span recognised but not coded (PETRARCH "---")
    score: float


class ActorTagger(Stage):
    factory = "chronique_actors_v1"

    def __init__(self, lang: str, knowledge: ActorKnowledge | None = None,
                 indirect: IndirectKnowledge | None = None, known_place: Callable[[str], bool] | None = None) -> None:
        super().__init__(lang)
        self.knowledge = knowledge
        self.indirect = indirect  # None: no apposition nor anaphora
        self.known_place = known_place  # a real place is never taken for a misspelt country
        self._country_codes: frozenset[str] | None = None
        self.function_words: Callable[[str | None], FunctionWords] = words_of  # None: every language's

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        self.knowledge = resources.actors
        self.function_words = resources.function_words
        self.indirect = load_indirect_knowledge()
        # asked only of a fuzzy country guess, so the gazetteer loads (shared with places) on first need
        self.known_place = lambda text: bool(resources.gazetteer.lookup(text))
        self._country_codes = None

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        if self.knowledge is None:
            raise KnowledgeError("expected actor knowledge bound to the actors stage, found none",
                                 where="chronique_actors_v1")
        lang = doc._.ch_lang or self.lang
        finder = ActorFinder(doc, self.knowledge, lang, doc._.ch_published, self.indirect, self.known_place,
                             self.function_words)
        actors = finder.find()
        if self.indirect is not None:
            if self._country_codes is None:
                self._country_codes = frozenset(e.code for e in self.knowledge.entries()
                                                if e.kind == "country" and e.code)
            actors = finder.indirect(actors, self.indirect, self._country_codes)
        # a byline, credit or dateline names no party to the story ("Reuters", "By Jane Doe")
        furniture = get_list(doc, "ch_furniture")
        doc._.ch_actors = [a for a in actors if not in_furniture(int(a["start"]), int(a["end"]), furniture)]
        doc._.ch_focus = finder.sentence_focus
        return doc


class ActorFinder:
    """The work of one document (kept apart from the stage so that it holds no per-doc state)."""

    def __init__(self, doc: Doc, kb: ActorKnowledge, lang: str, date: str | None,
                 indirect: IndirectKnowledge | None = None, known_place: Callable[[str], bool] | None = None,
                 function_words: Callable[[str | None], FunctionWords] = words_of) -> None:
        self.doc, self.kb, self.lang, self.date, self.known_place = doc, kb, lang, date, known_place
        self.words = function_words(None)  # names and quotes cross languages
        self.determiners = function_words(lang).anaphoric_determiners
        self.titles = indirect.titles.get(lang) if indirect else None
        self.folded = [kb.fold_token(t.text) for t in doc]
        self.parsed = doc.has_annotation("DEP")
        self.capitals: list[tuple[int, str]] = []  # (token, country) of capitals named as places
        self.sentence_focus: list[str | None] = []  # the country in focus of each sentence

    # -- dictionary scan --------------------------------------------------------------------------
    def scan(self) -> list[Hit]:
        doc, hits = self.doc, []
        for i in range(len(doc)):
            key = ""
            for j in range(i, min(len(doc), i + self.kb.max_tokens)):
                if doc[j].is_space or not self.folded[j]:
                    break
                key += self.folded[j]
                if key not in self.kb.prefixes:
                    break
                aliases = self._accepted(self.kb.lookup(key), doc[i:j + 1].text, i, j + 1)
                for what in {a.entry.what for a in aliases}:
                    hits.append(Hit(i, j + 1, what, tuple(a for a in aliases if a.entry.what == what)))
                key += " " if doc[j].whitespace_ else ""
            if self.kb.stems and doc[i].text[:1].isupper():
                stems = self._accepted(self.kb.stem_matches(self.folded[i]), doc[i].text)
                if stems:
                    hits.append(Hit(i, i + 1, NAME, tuple(stems), score=0.9))
            hits.extend(against_hits(self.doc, self.folded, i, self.kb, self._accepted))
        return hits

    def _accepted(self, aliases: list[Alias], surface: str, start: int = -1, end: int = -1) -> list[Alias]:
        flat = " ".join(surface.split())
        return [a for a in aliases
                if (a.entry.lang is None or a.entry.lang == self.lang)
                and (not a.exact_case or (flat == a.surface and not self._shouted_word(flat, start, end)))
                and (not a.needs_capital or flat[:1].isupper())]

    def _shouted_word(self, flat: str, start: int, end: int) -> bool:
        """An acronym that is also a function word ("UN", "US", "AU") inside an all-caps run is the
        word, not the organisation: "UN HOMME ARRÊTÉ" is not the United Nations."""
        if start < 0 or not self.doc.vocab[flat.lower()].is_stop:
            return False
        around = [t for t in (self.doc[start - 1] if start > 0 else None,
                              self.doc[end] if end < len(self.doc) else None) if t is not None and t.is_alpha]
        return any(t.is_upper and len(t) > 1 for t in around)

    # -- mentions ---------------------------------------------------------------------------------
    def find(self) -> list[ActorMention]:
        hits, alt, runs = someone_else(self.doc, self.scan(), self.titles, self.words.honorifics)
        hits += fuzzy_people(self.doc, self.kb, hits)
        hits += [h for h in fuzzy_countries(self.doc, self.kb, self.folded, self.lang, hits, self.known_place)
                 if not in_name(self.doc, h.start, h.end, runs, self.words.honorifics)]
        by_what: dict[str, list[Hit]] = {}
        for hit in hits:
            by_what.setdefault(hit.what, []).append(hit)
        countries = by_what.get(ADJECTIVE, []) + by_what.get(NAME, []) + by_what.get(CAPITAL, [])
        countries = [h for h in countries if h.aliases[0].entry.kind == "country"]
        candidates: list[Candidate] = []
        for hit in by_what.get(NAME, []):
            candidates.extend(self._name(hit))
        for hit in by_what.get(ADJECTIVE, []):
            candidates.append(self._demonym(hit))
        for hit in by_what.get(CAPITAL, []):
            if self._inside_bigger_name(hit):
                continue
            if self._metonymic(hit.start, hit.end):
                candidates.append(self._country(hit, sector="GOV", score=0.85, metonymy=True))
            elif hit.aliases[-1].entry.code:  # "à Damas": no actor, but it says where the story is
                self.capitals.append((hit.start, hit.aliases[-1].entry.code or ""))
        for hit in by_what.get(SECTOR, []):
            candidates.extend(self._sector(hit, countries))
        person_starts = {h.start for h in by_what.get(NAME, []) if h.aliases[0].entry.kind == "person"}
        if self.titles is not None:  # unknown names too: "le président russe, X" is X, not the holder
            person_starts |= {start for start, _ in name_runs(self.doc, self.titles, self.words.honorifics)}
        for hit in by_what.get(ROLE, []):
            candidates.extend(self._role(hit, countries, person_starts))
        candidates += [Candidate(*r, self._record(*r, name=self.doc[slice(*r)].text, kind="person"), 0.5) for r in alt]
        return [self._finish(c) for c in self._longest(candidates) if c.record is not None]

    def indirect(self, records: list[ActorMention], knowledge: IndirectKnowledge,
                 country_codes: frozenset[str]) -> list[ActorMention]:
        indirect = IndirectActors(self.doc, self.folded, self.lang, knowledge, country_codes, self.capitals,
                                  self.words, self.determiners)
        self.sentence_focus = indirect.sentence_focus(records := indirect.add(records))
        records = [*records, *title_holders(self.doc, self.folded, self.lang, records, country_codes)]  # "le président"
        for r in records:  # "le royaume a décidé": a country that acts is its government
            if r.get("_anaphora") and r["kind"] == "country" and self._metonymic(*r["_tokens"]):
                r["sector"], r["_metonymy"] = "GOV", True
        return records

    def _record(self, first: int, last: int, **fields: Unpack[ActorMention]) -> ActorMention:
        span = self.doc[first:last]
        record: ActorMention = {
            "text": span.text, "start": span.start_char, "end": span.end_char, "name": "", "code": None,
            "sector": None, "kind": "country", "wikidata": None, "score": 1.0, "_tokens": [first, last]}
        record.update(fields)
        return record

    def _name(self, hit: Hit) -> list[Candidate]:
        alias = self._best_alias(hit.aliases)
        entry = alias.entry
        if entry.kind == "country" and self._inside_bigger_name(hit):
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
            score = min(score, 0.95)
            if term:
                fields["_role"] = term.role
        elif entry.kind == "country" and self._metonymic(hit.start, hit.end):
            fields["sector"], fields["_metonymy"] = sector or "GOV", True
        raw = term.raw_code if term and term.raw_code else entry.raw_code
        if raw:
            fields["_code"] = raw
        fields["score"] = score
        return [Candidate(hit.start, hit.end, self._record(hit.start, hit.end, **fields), score)]

    def _best_alias(self, aliases: tuple[Alias, ...]) -> Alias:
        """Among homonyms, the one in office on the article date, else the latest loaded."""
        if len(aliases) > 1 and self.date:
            date = self.date
            in_office = [a for a in aliases if a.entry.person and any(t.covers(date) for t in a.entry.person.terms)]
            if in_office:
                return in_office[-1]
        return aliases[-1]

    def _country(self, hit: Hit, *, sector: str | None, score: float, metonymy: bool = False,
                 span: tuple[int, int] | None = None, kind: str = "country") -> Candidate:
        entry = hit.aliases[-1].entry
        start, end = span or (hit.start, hit.end)
        score = round(score * hit.score, 3)  # a fuzzy guess ranks below the same phrase spelt right
        fields: ActorMention = {"name": entry.name, "code": entry.code, "sector": sector, "kind": kind,
                                  "wikidata": entry.wikidata, "score": score}
        if metonymy:
            fields["_metonymy"] = True
        return Candidate(start, end, self._record(start, end, **fields), score)

    def _demonym(self, hit: Hit) -> Candidate:
        """ "les drones russes": the country, marked ``_demonym`` (a party, not a place). A French
        demonym written as a noun ("les Nord-Coréens", "des Maliens") is that state's people."""
        candidate = self._country(hit, sector=None, score=0.9)
        if candidate.record is not None:
            candidate.record["_demonym"] = True
            first = self.doc[hit.start]
            if self.lang == "fr" and first.text[:1].isupper() and not first.is_sent_start:
                candidate.record["sector"], candidate.record["kind"] = "CVL", "group"
        return candidate

    def _sector(self, hit: Hit, countries: list[Hit]) -> list[Candidate]:
        entry = hit.aliases[-1].entry
        country = self._attached(hit, countries)
        if country is not None:
            span = (min(hit.start, country.start), max(hit.end, country.end))
            candidate = self._country(country, sector=entry.sector, score=0.85, span=span, kind="group")
            if candidate.record is not None:
                candidate.record["_head"] = hit.start
                if entry.raw_code:
                    candidate.record["_code"] = f"{country.aliases[-1].entry.code}{entry.raw_code.strip('~')}"
            return [candidate]
        if entry.standalone:
            fields: ActorMention = {"name": entry.sector or "", "code": None, "sector": entry.sector, "kind": "group",
                      "score": 0.6, "_head": hit.start}
            return [Candidate(hit.start, hit.end, self._record(hit.start, hit.end, **fields), 0.6)]
        return []

    def _role(self, hit: Hit, countries: list[Hit], person_starts: set[int]) -> list[Candidate]:
        entry = hit.aliases[-1].entry
        country = self._attached(hit, countries)
        if country is None or country.aliases[-1].entry.code is None or entry.role is None:
            return []
        span = (min(hit.start, country.start), max(hit.end, country.end))
        is_capital = country.what == CAPITAL
        after = span[1] + 1 if span[1] < len(self.doc) and self.doc[span[1]].text == "," else span[1]
        if span[1] in person_starts or after in person_starts or self._plural(hit) or not self.kb.people:
            # "le président russe Vladimir Poutine": the name says who; the adjective says which state
            return [self._country(country, sector=entry.sector, score=0.92, metonymy=is_capital)]
        holder = self.kb.people.holder(country.aliases[-1].entry.code or "", entry.role, self.date)
        if holder is None:
            return [self._country(country, sector=entry.sector, score=0.8, span=span, metonymy=is_capital)]
        person, term = holder
        score = 0.75 if self.date else 0.6
        fields: ActorMention = {"name": person.name, "code": term.country, "sector": term.sector,
                                  "kind": "person", "wikidata": person.wikidata, "score": score,
                                  "_role": term.role, "_head": hit.start}
        if is_capital:
            capital = self.doc[country.start:country.end]
            fields["_metonymy"], fields["_metonymy_span"] = True, [capital.start_char, capital.end_char]
        return [Candidate(span[0], span[1], self._record(span[0], span[1], **fields), score)]

    # -- syntax helpers ---------------------------------------------------------------------------
    def _attached(self, head: Hit, countries: list[Hit]) -> Hit | None:
        """The country a role or sector word belongs to: an adjacent adjective ("forces russes",
        "Russian forces", one modifier between at most), "de/of" + a name, or "X's"."""
        doc, found = self.doc, []
        for c in countries:
            if c.what == ADJECTIVE:
                if c.start >= head.end and self._gap_ok(head.end, c.start):
                    found.append((c.start - head.end, c))
                elif c.end <= head.start and self._gap_ok(c.end, head.start):
                    found.append((head.start - c.end, c))
            elif c.start > head.end and c.start - head.end <= 2 \
                    and all(self.folded[k] in self.words.name_connectors for k in range(head.end, c.start)):
                found.append((c.start - head.end, c))
            elif c.end < head.start and head.start - c.end == 1 and doc[c.end].lower_ in ("'s", "'"):
                found.append((1, c))
            elif c.end == head.start and self.lang == "en":  # a noun adjunct: "Gondor troops"
                found.append((0, c))
        if not found:
            return None
        prefer_after = self.lang == "fr"
        return min(found, key=lambda dc: (dc[0], (dc[1].start < head.start) == prefer_after))[1]

    def _gap_ok(self, start: int, end: int) -> bool:
        """At most one lower-case modifier between a noun and its adjective ("forces spéciales russes")."""
        if end - start > 1:
            return False
        return all(self.doc[k].is_alpha and self.doc[k].is_lower and self.folded[k] not in self.words.name_connectors
                   and self.doc[k].pos_ not in ("DET", "ADP", "CCONJ", "VERB", "AUX") for k in range(start, end))

    def _plural(self, hit: Hit) -> bool:
        token = self.doc[hit.start]
        number = token.morph.get("Number", [])
        if number:
            return "Plur" in number
        return self.folded[hit.end - 1].endswith("s") and not self.folded[hit.end - 1].endswith("ss")

    def _metonymic(self, start: int, end: int) -> bool:
        """A country or capital standing for its government: subject or agent of a verb, the party
        a verb addresses ("demander à Moscou", "fournir à la Biélorussie"), or "à X de + verb"."""
        doc = self.doc
        before = self.folded[start - 1] if start > 0 else ""
        if start > 1 and before in self.words.definite_articles:
            before = self.folded[start - 2]
        after = self.folded[end] if end < len(doc) else ""
        marks = self.words
        if before in marks.addressee_marks and after in marks.complement_marks and end + 1 < len(doc) \
                and doc[end + 1].is_alpha:
            return not self.parsed or doc[end + 1].pos_ in ("VERB", "AUX")
        if not self.parsed:
            return False
        root = doc[start:end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ in SUBJECT_DEPS or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            return True
        if root.dep_ in OBJECT_DEPS:
            verb = root.head.head if root.dep_ == "pobj" else root.head
            return verb.lemma_.lower() in self.kb.addressee_verbs.get(self.lang, frozenset())
        return False

    def _inside_bigger_name(self, hit: Hit) -> bool:
        """ "Air France", "Jordan Peterson": a one-word place name inside a longer proper name."""
        if hit.end - hit.start != 1:
            return False
        doc = self.doc
        nxt = doc[hit.end] if hit.end < len(doc) else None
        prev = doc[hit.start - 1] if hit.start > 0 else None
        if nxt is not None and nxt.ent_type_ in DATE_ENTITIES:  # "Israel Friday reimposed …"
            nxt = None
        if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
            return True
        return bool(prev is not None and prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start
                    and not prev.is_stop and (hit.start - 1) > 0 and not doc[hit.start - 2].is_punct)

    # -- overlaps ---------------------------------------------------------------------------------
    @staticmethod
    def _longest(candidates: list[Candidate]) -> list[Candidate]:
        taken: set[int] = set()
        kept: list[Candidate] = []
        for c in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.score, c.start)):
            tokens = set(range(c.start, c.end))
            if tokens & taken:
                continue
            taken |= tokens
            kept.append(c)
        return sorted(kept, key=lambda c: c.start)

    def _finish(self, candidate: Candidate) -> ActorMention:
        record: ActorMention = candidate.record.copy() if candidate.record else {}
        if "_head" not in record:
            span = self.doc[candidate.start:candidate.end]
            record["_head"] = span.root.i if self.parsed else candidate.end - 1
        mark_against(self.doc, self.folded, record, candidate.start, candidate.end)
        return record
