"""The actors stage: countries, organisations, people and groups named in the text.

This module is the stage's glue. One pass over the tokens looks every token sequence up in the
folded dictionary of ``ActorKnowledge`` (names, adjectives/demonyms, capitals, role words, sector
words; chronique.nlp.actor_scan). Then (chronique.nlp.actor_candidates, with the syntax tests of
chronique.nlp.actor_syntax):

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
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from chronique.annotations.records import ActorMention
from chronique.errors import KnowledgeError
from chronique.knowledge.actors import ADJECTIVE, CAPITAL, NAME, ROLE, SECTOR, ActorKnowledge
from chronique.knowledge.function_words import FunctionWords, words_of
from chronique.nlp.actor_candidates import METONYMY_SCORE, Candidate, CandidateBuilder, finish, longest
from chronique.nlp.actor_scan import DictionaryScan
from chronique.nlp.actor_syntax import ActorSyntax
from chronique.nlp.anaphora import IndirectActors, IndirectKnowledge, load_indirect_knowledge, name_runs
from chronique.nlp.extensions import get_list
from chronique.nlp.furniture import in_furniture
from chronique.nlp.fuzzy_actors import Hit, fuzzy_countries, fuzzy_people
from chronique.nlp.name_limits import in_name, someone_else
from chronique.nlp.stage import Stage
from chronique.nlp.title_holders import title_holders

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources


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
        self.syntax = ActorSyntax(doc, kb, lang, self.folded, self.words)
        self.build = CandidateBuilder(doc, kb, lang, date, self.syntax)
        self.capitals: list[tuple[int, str]] = []  # (token, country) of capitals named as places
        self.sentence_focus: list[str | None] = []  # the country in focus of each sentence

    def hits(self) -> tuple[list[Hit], list[tuple[int, int]], list[tuple[int, int]]]:
        """The dictionary hits, exact then fuzzy; the spans of people the dictionary does not know
        that stand where a known name was found; the runs of capitalised names."""
        scan = DictionaryScan(self.doc, self.kb, self.lang, self.folded).hits()
        hits, unknown_people, runs = someone_else(self.doc, scan, self.titles, self.words.honorifics)
        hits += fuzzy_people(self.doc, self.kb, hits)
        for hit in fuzzy_countries(self.doc, self.kb, self.folded, self.lang, hits, self.known_place):
            if not in_name(self.doc, hit.start, hit.end, runs, self.words.honorifics):
                hits.append(hit)
        return hits, unknown_people, runs

    def find(self) -> list[ActorMention]:
        hits, unknown_people, _ = self.hits()
        by_what: dict[str, list[Hit]] = {}
        for hit in hits:
            by_what.setdefault(hit.what, []).append(hit)
        countries = by_what.get(ADJECTIVE, []) + by_what.get(NAME, []) + by_what.get(CAPITAL, [])
        countries = [h for h in countries if h.aliases[0].entry.kind == "country"]
        candidates: list[Candidate] = []
        for hit in by_what.get(NAME, []):
            candidates.extend(self.build.name(hit))
        for hit in by_what.get(ADJECTIVE, []):
            candidates.append(self.build.demonym(hit))
        for hit in by_what.get(CAPITAL, []):
            candidates.extend(self._capital(hit))
        for hit in by_what.get(SECTOR, []):
            candidates.extend(self.build.sector(hit, countries))
        person_starts = {h.start for h in by_what.get(NAME, []) if h.aliases[0].entry.kind == "person"}
        if self.titles is not None:  # unknown names too: "le président russe, X" is X, not the holder
            person_starts |= {start for start, _ in name_runs(self.doc, self.titles, self.words.honorifics)}
        for hit in by_what.get(ROLE, []):
            candidates.extend(self.build.role(hit, countries, person_starts))
        for first, last in unknown_people:
            record = self.build.record(first, last, name=self.doc[first:last].text, kind="person")
            candidates.append(Candidate(first, last, record, 0.5))
        kept = [c for c in longest(candidates) if c.record is not None]
        return [finish(self.doc, self.folded, self.syntax.parsed, c) for c in kept]

    def _capital(self, hit: Hit) -> list[Candidate]:
        """A capital standing for its government is an actor; one named as a place ("à Damas") is
        none, but it says where the story is (``capitals``)."""
        if self.syntax.inside_bigger_name(hit):
            return []
        if self.syntax.metonymic(hit.start, hit.end):
            return [self.build.country(hit, sector="GOV", score=METONYMY_SCORE, metonymy=True)]
        if hit.aliases[-1].entry.code:
            self.capitals.append((hit.start, hit.aliases[-1].entry.code or ""))
        return []

    def indirect(self, records: list[ActorMention], knowledge: IndirectKnowledge,
                 country_codes: frozenset[str]) -> list[ActorMention]:
        """Actors named indirectly: appositions and definite descriptions (chronique.nlp.anaphora),
        then titles standing alone ("le président", chronique.nlp.title_holders)."""
        indirect = IndirectActors(self.doc, self.folded, self.lang, knowledge, country_codes, self.capitals,
                                  self.words, self.determiners)
        records = indirect.add(records)
        self.sentence_focus = indirect.sentence_focus(records)
        records = [*records, *title_holders(self.doc, self.folded, self.lang, records, country_codes,
                                            self.sentence_focus)]
        for r in records:  # "le royaume a décidé": a country that acts is its government
            if r.get("_anaphora") and r["kind"] == "country" and self.syntax.metonymic(*r["_tokens"]):
                r["sector"], r["_metonymy"] = "GOV", True
        return records
