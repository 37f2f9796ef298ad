"""The places stage: every toponym of the text, resolved against the offline gazetteer.

Recognition takes the parser's place entities (fr LOC; en GPE, LOC), drops what the actors stage
already holds as a person or organisation and what looks like a product designation (Iskander-M,
Su-25), a demonym (geo.demonyms), a currency ("$US") or a word of a person's full name written
earlier ("Georgia Stevens … Georgia"), adds gazetteer-known names in a place context the parser
missed (geo.candidates), drops names inside a newspaper's or club's title, diseases and planets
(geo.titles), and keeps an unresolved name only when it is a proper noun. Resolution
uses the article's context (geo.resolve, then geo.context for "Town, State" and the regions in
focus); a capital standing for its government is role "metonymy" (geo.metonymy, or the actors
stage's "_metonymy" note). ``event_location``, for the event coder, lives below the stages in
``chronique.annotations.places``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from chronique.annotations.places import event_location
from chronique.annotations.records import ActorMention, PlaceMention
from chronique.errors import ConfigError
from chronique.geo.abbreviations import bare_abbreviation
from chronique.geo.article_names import article_spans
from chronique.geo.borders import border_countries
from chronique.geo.candidates import candidate_spans, hyphen_parts
from chronique.geo.context import Mention, resolve_in_context
from chronique.geo.demonyms import is_demonym
from chronique.geo.features import feature_spans
from chronique.geo.local import county_towns, in_county
from chronique.geo.metonymy import MetonymyCues, load_metonymy_cues, stands_for_government

# _currency_sign stays importable from here for the callers that knew it here
from chronique.geo.not_places import currency_sign as _currency_sign
from chronique.geo.not_places import named_thing, no_body_head
from chronique.geo.resolve import SMALL_TOWN, Resolution, Resolver
from chronique.geo.tails import linked_tail
from chronique.geo.titles import bloc, in_title, institution, load_title_words, names_disease, sky_body
from chronique.geo.written_places import written_place_spans
from chronique.knowledge.function_words import words_of
from chronique.knowledge.gazetteer import AREA, CITY, COUNTRY, REGION, Gazetteer, GeoEntry
from chronique.knowledge.geo_index import normalise_name
from chronique.nlp.extensions import doc_text, get_list
from chronique.nlp.place_evidence import has_evidence, load_place_evidence
from chronique.nlp.place_persons import person_name_part
from chronique.nlp.stage import Stage

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources

# event_location stays importable from here for the callers that knew it here
__all__ = ["PlaceTagger", "event_location"]

PLACE_LABELS: dict[str, frozenset[str]] = {"fr": frozenset({"LOC"}), "en": frozenset({"GPE", "LOC"})}
# Entities the parser often mislabels as organisations, products or events ("Texas", "U.S.",
# "Canada" as ORG): taken as places only when the gazetteer knows the name well (see _well_known).
RECOVER_LABELS = frozenset({"ORG", "MISC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "NORP"})
# Names of organisations and buildings that open with a place ("Texas A&M University",
# "the U.S. Department of Justice"): the place part is a toponym of its own.
PREFIX_LABELS = frozenset({"ORG", "FAC"})
# defaults of the places component's config (``max_prefix_tokens``, ``recover_min_population``)
MAX_PREFIX_TOKENS = 3  # leading tokens of an organisation's name read as a place ("Kyiv City Council")
RECOVER_MIN_POPULATION = 100_000  # a city the parser did not label a place is one only this large
# a town named as the goal of a motion verb ("reached Dhemaji") is a place from this size on: the
# resolver's own floor for a town without its country in context
FRAME_MIN_POPULATION = SMALL_TOWN
# Model or weapon designations: a name, a hyphen and a short code (Iskander-M, Su-25, F-16)
_DESIGNATION = re.compile(r"^\w+-[A-Z0-9]{1,3}\b")
_NOT_PLACE_KINDS = frozenset({"person", "organisation"})


class PlaceTagger(Stage):
    factory = "chronique_places_v1"

    def __init__(self, lang: str, gazetteer: Gazetteer | None = None, cues: MetonymyCues | None = None, *,
                 recover_min_population: int = RECOVER_MIN_POPULATION,
                 max_prefix_tokens: int = MAX_PREFIX_TOKENS) -> None:
        super().__init__(lang)
        for key, value in (("recover_min_population", recover_min_population),
                           ("max_prefix_tokens", max_prefix_tokens)):
            if value < 0:
                raise ConfigError(f"expected a number >= 0, found {value!r}", where=f"{self.factory} config: {key}")
        self.recover_min_population = recover_min_population
        self.max_prefix_tokens = max_prefix_tokens
        self.resolver = Resolver(gazetteer) if gazetteer is not None else None
        self.cues = cues if cues is not None else load_metonymy_cues(lang)
        self.labels = PLACE_LABELS.get(lang, frozenset({"LOC", "GPE"}))
        self.titles = words_of().person_titles  # every language's: names cross languages

    def bind(self, resources: Resources) -> None:
        super().bind(resources)
        if self.resolver is None:
            resources.gazetteer.prepare()
            self.resolver = Resolver(resources.gazetteer)
        self.titles = resources.function_words().person_titles

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        if self.resolver is None:
            raise RuntimeError("PlaceTagger needs a gazetteer: pass one or call bind(resources)")
        actors = get_list(doc, "ch_actors")
        # "la mer Noire", "l'océan Indien": the kind word is a part of the name, written lower-case
        features = feature_spans(doc, doc._.ch_lang or self.lang, self.resolver.gazetteer.lookup, [])
        # "à la Mecque", "de la Haye": the article opens the name
        features += article_spans(doc, doc._.ch_lang or self.lang, self.resolver.gazetteer.lookup,
                                  [(f.start_char, f.end_char) for f in features])
        # datelines, "Town, State", "the Kiev regime": read ahead of the parser's entities
        features += written_place_spans(doc, self.resolver.gazetteer.lookup, self._frame_known,
                                        [(f.start_char, f.end_char) for f in features])
        spans = [s for s in self._toponym_spans(doc, actors) if not any(_overlap(s, f) for f in features)]
        spans = sorted([*spans, *features], key=lambda s: s.start_char)
        borders = self._border_names(doc)
        # an entity that is a border phrase ("frontière syro-turque") gives way to its countries; one
        # holding another name too keeps it, and the adjectives inside give way
        phrases = [s for s in spans if _border_phrase(s, [b for b, _ in borders])]
        borders = [(b, n) for b, n in borders if not any(_overlap(s, b) for s in spans if s not in phrases)]
        spans = sorted([*(s for s in spans if s not in phrases), *(s for s, _ in borders)], key=lambda s: s.start_char)
        names = {(s.start_char, s.end_char): name for s, name in borders}
        names.update({(f.start_char, f.end_char): f.text for f in features})
        # inferred mentions ("the country", "les rebelles" in the story's country) are no new evidence
        # nor is the actors stage's reading of a toponym's own words: it read the same name the
        # resolver weighs ("Georgia" beside Arizona and Nevada is no vote for the country Georgia)
        gazetteer = self.resolver.gazetteer
        context = sorted({code for a in actors if isinstance(code := a.get("code"), str) and not _inferred(a)
                          and not _reads_toponym(a, spans, gazetteer) and gazetteer.country(code)})
        resolutions = self._resolve(doc, spans, context, names)
        # towns of a county the article names, written bare ("the Parkland shooting"): their
        # county is the evidence, so they are resolved with the rest and kept without more
        counties = [r.entry for r in resolutions if r.entry is not None and r.entry.level == 2]
        taken = [(int(a["start"]), int(a["end"])) for a in actors if a.get("kind") in _NOT_PLACE_KINDS]
        local = county_towns(doc, counties, self.resolver.gazetteer.lookup,
                             [*taken, *((s.start_char, s.end_char) for s in spans)])
        if local:
            spans = sorted([*spans, *local], key=lambda s: s.start_char)
            resolutions = self._resolve(doc, spans, context, names)
        places = []
        locatives = load_place_evidence().locatives.get(doc._.ch_lang or self.lang, frozenset())
        for span, resolution in zip(spans, resolutions, strict=True):
            if resolution.entry is None and not _proper_name(span, self.titles):
                continue
            record = self._record(span, resolution, _flagged_metonymy(span, actors))
            # a metonymy ("l'Élysée a indiqué") is evidence enough; a plain place needs its own
            if record["role"] == "place" and not in_county(resolution.entry, counties) and (
                    not has_evidence(span, resolution.entry, locatives) or _same_as_group(span, actors)) and (
                    (span.start_char, span.end_char) not in names):
                continue
            places.append(record)
        doc._.ch_places = places
        return doc

    def _border_names(self, doc: Doc) -> list[tuple[Span, str]]:
        """"the Syrian-Turkish border": each adjective is a place of its country, looked up by the
        country's name: (adjective, name) pairs."""
        assert self.resolver is not None
        return [(span, country.name) for span, code in border_countries(doc)
                if (country := self.resolver.gazetteer.country(code)) is not None]

    def _resolve(self, doc: Doc, spans: list[Span], context: list[str],
                 names: dict[tuple[int, int], str]) -> list[Resolution]:
        """The places of ``spans``, each looked up by its text or by its name in ``names``."""
        assert self.resolver is not None
        mentions = [Mention(names.get((s.start_char, s.end_char), s.text), s.start_char, s.end_char) for s in spans]
        return resolve_in_context(self.resolver, doc_text(doc), mentions, context)

    def _toponym_spans(self, doc: Doc, actors: list[ActorMention]) -> list[Span]:
        taken = [(int(a["start"]), int(a["end"])) for a in actors
                 if a.get("kind") in _NOT_PLACE_KINDS and not a.get("_metonymy")]
        spans = []
        person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
        persons = [e.text for e in person_ents]
        for ent in [*doc.ents, *_bare_proper_nouns(doc)]:
            if _DESIGNATION.match(ent.text):
                continue
            # a hyphenated name known whole ("Guinea-Bissau") is one place
            parts = [] if self._known(_trim(ent).text) else hyphen_parts(ent, self._known)
            if parts:  # "the Tamil Nadu-Kerala border": each joined name is a place
                spans += [p for p in parts if not any(s < p.end_char and p.start_char < e for s, e in taken)]
                continue
            # "la police de Valence", "the Town Hall of Clifton": the place closes the entity
            tail = linked_tail(ent, self._known, words_of().place_heads, load_title_words().institutions,
                               ent.label_ in self.labels)
            if tail is not None:
                if not any(s < tail.end_char and tail.start_char < e for s, e in taken):
                    spans.append(tail)
                continue
            if ent.label_ == "PERSON" and self._region_not_person(_trim(ent), persons):
                ent = _trim(ent)
            elif ent.label_ not in self.labels:
                recovered = self._recover(_trim(ent))
                if recovered is None:
                    continue
                ent = recovered
            ent = _trim(ent)
            if (len(ent) == 0 or any(s < ent.end_char and ent.start_char < e for s, e in taken) or self._demonym(ent)
                    or _currency_sign(ent) or self._person_part(ent, person_ents)):
                continue
            spans.append(ent)
        # a name the actors stage holds as a metonymy but the parser missed is still a place
        covered = [(s.start_char, s.end_char) for s in spans]
        # a candidate that is a word of a person's full name written earlier is that person ("Tom
        # Taylor … reached Taylor"), as for the parser's places
        spans += [c for c in candidate_spans(doc, self.lang, self._known, [*taken, *covered], self._frame_known)
                  if not self._person_part(c, person_ents)]
        covered = [(s.start_char, s.end_char) for s in spans]
        for actor in actors:
            if actor.get("_metonymy") and not any(s < actor["end"] and actor["start"] < e for s, e in covered):
                span = doc.char_span(int(actor["start"]), int(actor["end"]), alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        # a newspaper's or club's title ("the Chicago Tribune"), a disease ("the Marburg virus"), a
        # town's office ("la Mairie"), a bloc ("the West") or a planet ("to Mars") is no place
        # "Mass movements": a region's dotted short form without its dot is a word
        prepositions = words_of(self.lang).place_prepositions
        assert self.resolver is not None
        return sorted((s for s in spans if not (in_title(s) or names_disease(s) or institution(s) or bloc(s)
                                                 or sky_body(s) or bare_abbreviation(s, prepositions)
                                                 or named_thing(s, self.lang, self.resolver.gazetteer.lookup))),
                      key=lambda s: s.start_char)

    def _recover(self, span: Span) -> Span | None:
        """The place in an entity the parser labelled otherwise (or left unlabelled): the whole
        span when it is a well-known place, else a leading place name of an organisation."""
        if len(span) == 0:
            return None
        # capitalised words count as a name's ("Kasaï-Central": the parser calls "Central" a noun)
        proper = all(t.pos_ == "PROPN" or t.text[:1].isupper() or not t.is_alpha for t in span)
        if (span.label_ in RECOVER_LABELS or span.label_ == "") and proper and self._well_known(span.text, True):
            return span
        if span.label_ in PREFIX_LABELS:
            for size in range(min(self.max_prefix_tokens, len(span) - 1), 0, -1):
                head = span[:size]
                # a head ending on a hyphen is a part of a longer name ("Kasaï-" of "Kasaï-Central")
                # an ocean or continent opening a body's name is the body's ("the Atlantic Council",
                # "Pacific Gas and Electric"), as a town opening a newspaper's title is (geo.titles)
                if (all(t.pos_ == "PROPN" for t in head) and head[-1].text not in ("-", "‐")
                        and self._well_known(head.text, True) and not self._names_area(head.text)):
                    return head
        return None

    def _region_not_person(self, span: Span, persons: list[str]) -> bool:
        """A region's name the parser took for a person ("Bavaria stayed dry"), or a big town's after
        "in"/"à" ("clashes in Kisumu"): no country (Chad,
        Jordan are also given names), no title before it, and no longer person's name of the text
        holding it ("Victoria" after "Victoria Reyes")."""
        assert self.resolver is not None
        if len(span) == 0 or not all(t.pos_ == "PROPN" for t in span) or span.start == span.sent.start:
            return False
        if span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in self.titles:
            return False
        if any(p != span.text and f" {span.text} " in f" {p} " for p in persons):
            return False
        if any(e.resolution in (REGION, AREA) and e.level < 2 for e in self.resolver.gazetteer.lookup(span.text)):
            return True
        # a big town after a place preposition ("protests in Kisumu"): people are not "in" a person
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        return before in words_of(self.lang).place_prepositions and self._well_known(span.text, True)

    def _person_part(self, span: Span, persons: list[Span]) -> bool:
        """A word of a person's full name written earlier (nlp.place_persons)."""
        assert self.resolver is not None
        lookup = self.resolver.gazetteer.lookup
        return person_name_part(span, persons, self.lang, lambda text: bool(lookup(text)))

    def _demonym(self, span: Span) -> bool:
        """A people's adjective or noun ("Angolan", "les Suisses") that is no country's own name."""
        assert self.resolver is not None
        return is_demonym(span.text, self.lang) and not any(
            e.resolution == COUNTRY for e in self.resolver.gazetteer.lookup(span.text))

    def _known(self, text: str) -> bool:
        """A gazetteer name fit for a context-backed candidate: a country, region or area, or a
        town whose own name (not a mere alternate) it is."""
        assert self.resolver is not None
        key = normalise_name(text)
        return any(e.resolution != CITY or normalise_name(e.name) == key for e in self.resolver.gazetteer.lookup(text))

    def _names_area(self, text: str) -> bool:
        """An ocean or continent, or "Federal" of "Federal District", never opens a body's name (geo.not_places)."""
        assert self.resolver is not None
        return no_body_head(text, self.resolver.gazetteer.lookup)

    def _frame_known(self, text: str) -> bool:
        """A name a motion frame alone makes a place ("reached Bukavu"): its own name of a region,
        an area or a town of FRAME_MIN_POPULATION people (the parser had called it a person or an
        organisation, or nothing; a village's name is too often a surname)."""
        assert self.resolver is not None
        key = normalise_name(text)
        return any(normalise_name(e.name) == key and (e.resolution != CITY or e.population >= FRAME_MIN_POPULATION)
                   for e in self.resolver.gazetteer.lookup(text))

    def _well_known(self, text: str, cities: bool) -> bool:
        """A country, region or area of this name, or (``cities``) a large city whose own name it
        is: safe to call a place even when the parser labelled it otherwise."""
        assert self.resolver is not None
        if not text[:1].isupper():
            return False
        key = normalise_name(text)
        return any(e.resolution != CITY or (cities and e.population >= self.recover_min_population
                                            and normalise_name(e.name) == key)
                   for e in self.resolver.gazetteer.lookup(text))

    def _record(self, span: Span, resolution: Resolution, flagged: bool) -> PlaceMention:
        entry = resolution.entry
        metonymy = flagged or bool(entry and entry.capital_of and stands_for_government(span, self.cues))
        record: PlaceMention = {
            "text": span.text, "start": span.start_char, "end": span.end_char,
            "name": None, "country_code": None, "lat": None, "lon": None, "geonameid": None,
            "feature_class": None, "role": "metonymy" if metonymy else "place",
            "_tokens": [span.start, span.end], "_score": round(resolution.score, 3),
            "_resolution": None, "_fuzzy": resolution.fuzzy,
        }
        if entry is not None:
            record.update(_entry_fields(entry))
        return record


def _entry_fields(entry: GeoEntry) -> PlaceMention:
    return {"name": entry.name, "country_code": entry.country_code, "lat": round(entry.lat, 5),
            "lon": round(entry.lon, 5), "geonameid": entry.geonameid, "feature_class": entry.feature_class,
            "_resolution": entry.resolution}


def _border_phrase(span: Span, adjectives: list[Span]) -> bool:
    """Whether the entity holds border adjectives and no other name ("frontière syro-turque", not
    "Zambia's Congolese border")."""
    inside = [a for a in adjectives if _overlap(span, a)]
    return bool(inside) and all(not t.text[:1].isupper() or any(a.start <= t.i < a.end for a in inside)
                                for t in span if t.is_alpha)


def _overlap(a: Span, b: Span) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


def _trim(span: Span) -> Span:
    """Drop leading determiners and a trailing possessive ("the Donbas", "Russia's")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].pos_ in ("DET", "ADP"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'"):
        end -= 1
    # the trimmed span keeps the entity's label: "the U.S. Department of Justice" is still an ORG
    # whose leading place name _recover reads
    return Span(doc, start, end, label=span.label_) if (start, end) != (span.start, span.end) else span


def _proper_name(span: Span, titles: frozenset[str]) -> bool:
    """An unresolved name is kept only when it reads as a proper noun and not as a person's (one
    that opens with a title: "Ms Raggi", "King Bach")."""
    return (span.text[:1].isupper() and any(t.pos_ == "PROPN" for t in span) and not span.text.isupper()
            and span[0].lower_.rstrip(".") not in titles)


def _bare_proper_nouns(doc: Doc) -> list[Span]:
    """Runs of proper nouns outside every entity (the parser missed them), unlabelled."""
    runs: list[Span] = []
    start = None
    for token in [*doc, None]:
        inside = token is not None and token.pos_ == "PROPN" and token.ent_iob_ == "O"
        if inside and start is None:
            start = token.i  # type: ignore[union-attr]
        elif not inside and start is not None:
            runs.append(doc[start:token.i if token is not None else len(doc)])
            start = None
    return runs


def _same_as_group(span: Span, actors: list[ActorMention]) -> bool:
    """A name the actors stage reads as a people ("les Français") is not a place ("Le François")."""
    return any(a.get("kind") == "group" and a["start"] == span.start_char and a["end"] == span.end_char
               for a in actors)


def _flagged_metonymy(span: Span, actors: list[ActorMention]) -> bool:
    return any(a.get("_metonymy") and a["start"] < span.end_char and span.start_char < a["end"] for a in actors)


def _reads_toponym(actor: ActorMention, spans: list[Span], gazetteer: Gazetteer) -> bool:
    """The actor is a toponym's own words read as a country the name shares with a region of
    another country ("Georgia", "Equateur"): that reading is no evidence for the name. An
    unambiguous country ("Canada") or a longer actor ("London police") keeps its evidence."""
    start, end, code = int(actor.get("start", -1)), int(actor.get("end", -1)), actor.get("code")
    for span in (s for s in spans if s.start_char <= start and end <= s.end_char):
        pool = gazetteer.lookup(span.text)
        if any(e.resolution == COUNTRY and e.country_code == code for e in pool) and any(
                e.resolution == REGION and e.country_code != code for e in pool):
            return True
    return False


def _inferred(actor: ActorMention) -> bool:
    return bool(actor.get("_anaphora") or actor.get("_focus"))
