"""Actors the text names indirectly, found after the dictionary scan of the actors stage.

* Apposition: a person the knowledge base does not know, written beside a title of office that
  says whose office it is ("Le vice-ministre russe des Affaires étrangères, X" / "X, procureure de
  la Cour pénale internationale"), takes the code of that country or organisation and the sector
  of the title: one person mention over the name, marked ``_apposition``.
* Definite descriptions: "le royaume", "la secte", "l'organisation", "the regime"… take up an actor
  named shortly before. Each description (data: anaphoric_descriptions.csv) says which kind of
  antecedent it takes; the most recent compatible mention in the window (this sentence and the
  ``WINDOW`` before it) gives its code. The mention keeps the description's own offsets, has a
  lower score and ``_anaphora`` (with ``_antecedent`` = the antecedent's char span), so later
  stages know it is inferred. No compatible antecedent: no mention (nothing is invented).
* The country in focus of a bare sector noun ("les rebelles", "the authorities"): chronique.nlp.focus.

All read only the records the scan produced and the Doc; the knowledge comes in built.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from chronique.annotations.records import ActorMention
from chronique.knowledge.actors import fold
from chronique.knowledge.datafiles import read_data_csv, split_forms
from chronique.knowledge.function_words import FunctionWords, words_of
from chronique.nlp.focus import WINDOW, CountryInFocus, longest_phrase, overlaps

ANAPHORA_SCORE = 0.6  # times the antecedent's score
APPOSITION_SCORE = 0.7
MAX_PHRASE = 8  # tokens between a title and the country/organisation that qualifies it
COUNTRY, GOVERNMENT, ARMED_GROUP, ORGANISATION, NGO = "country", "government", "armed_group", "organisation", "ngo"
PERSON_LABELS = frozenset({"PER", "PERSON"})
CLAUSE_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})


@dataclass(frozen=True)
class Description:
    antecedent: str  # COUNTRY | GOVERNMENT | ARMED_GROUP | ORGANISATION
    sector: str | None


@dataclass(frozen=True)
class IndirectKnowledge:
    """Folded descriptions and titles of office, by language."""

    descriptions: dict[str, dict[str, Description]]
    titles: dict[str, dict[str, str]]  # folded one-word title → sector
    max_tokens: int
    focus: dict[str, dict[str, str]] = field(default_factory=dict)  # folded focus noun → sector
    other_parties: dict[str, frozenset[str]] = field(default_factory=dict)  # folded qualifiers

    @functools.cached_property
    def focus_first_words(self) -> dict[str, frozenset[str]]:
        """The words a focus phrase can begin with, by language: most tokens are none of them."""
        return {lang: frozenset(phrase.split(" ", 1)[0] for phrase in phrases) for lang, phrases in self.focus.items()}


def build_indirect_knowledge(description_rows: list[dict[str, str]], title_rows: list[dict[str, str]],
                             focus_rows: list[dict[str, str]] | None = None,
                             other_party_rows: list[dict[str, str]] | None = None) -> IndirectKnowledge:
    descriptions: dict[str, dict[str, Description]] = {}
    longest = 1
    for row in description_rows:
        description = Description(row["antecedent"], row.get("sector") or None)
        for form in split_forms(row["forms"]):
            key = fold(form)
            descriptions.setdefault(row["lang"], {})[key] = description
            longest = max(longest, len(key.split()))
    titles: dict[str, dict[str, str]] = {}
    for row in title_rows:
        for form in split_forms(row["forms"]):
            titles.setdefault(row["lang"], {})[fold(form)] = row["sector"]
    focus: dict[str, dict[str, str]] = {}
    for row in focus_rows or []:
        for form in split_forms(row["forms"]):
            focus.setdefault(row["lang"], {})[fold(form)] = row["sector"]
            longest = max(longest, len(fold(form).split()))
    others: dict[str, set[str]] = {}
    for row in other_party_rows or []:
        others.setdefault(row["lang"], set()).update(fold(form) for form in split_forms(row["forms"]))
    return IndirectKnowledge(descriptions, titles, longest, focus,
                             {lang: frozenset(forms) for lang, forms in others.items()})


@functools.cache
def load_indirect_knowledge() -> IndirectKnowledge:
    return build_indirect_knowledge(read_data_csv("anaphoric_descriptions.csv"),
                                    read_data_csv("apposition_titles.csv"),
                                    read_data_csv("focus_words.csv"), read_data_csv("other_parties.csv"))


def name_runs(doc: Doc, titles: dict[str, str] | None = None,
              honorifics: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Token spans [start, end) that name people: the parser's PER entities when it ran, else runs
    of two or more capitalised words (titles and ``honorifics`` in front left out; default: every
    language's)."""
    if honorifics is None:
        honorifics = words_of().honorifics
    if doc.has_annotation("ENT_IOB"):
        return [_strip_honorific(doc, e.start, e.end, honorifics) for e in doc.ents if e.label_ in PERSON_LABELS]
    runs, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper():
            j += 1
        start = i  # "Russian Deputy Foreign Minister Sergei Ryabkov": the name is after the last title
        for k in range(i, j - 1):
            if titles is not None and fold(doc[k].text) in titles:
                start = k + 1
        start, _ = _strip_honorific(doc, start, j, honorifics)
        if (j - start >= 2 and not (start == 0 or doc[start].is_sent_start)) or j - start >= 3:
            runs.append((start, j))
        i = max(j, i + 1)
    return runs


def _strip_honorific(doc: Doc, start: int, end: int, honorifics: frozenset[str]) -> tuple[int, int]:
    while end - start > 1 and doc[start].lower_ in honorifics:
        start += 1
    return start, end


class IndirectActors(CountryInFocus):
    """The indirect mentions of one document, from the records the dictionary scan produced."""

    def __init__(self, doc: Doc, folded: list[str], lang: str, knowledge: IndirectKnowledge,
                 country_codes: frozenset[str], capitals: list[tuple[int, str]] | None = None,
                 words: FunctionWords | None = None, determiners: frozenset[str] | None = None) -> None:
        self.doc, self.folded, self.lang = doc, folded, lang
        # quotes and wire copy cross languages: every language's words, but the determiners of the
        # document's own language open a description (default: the packaged data)
        self.words = words if words is not None else words_of()
        self.determiners = determiners if determiners is not None else words_of(lang).anaphoric_determiners
        self.capitals = capitals or []  # (token, country) of capitals named as places, not actors
        self.descriptions = knowledge.descriptions.get(lang, {})
        self.titles = knowledge.titles.get(lang, {})
        self.focus_words = knowledge.focus.get(lang, {})
        self.focus_first_words = knowledge.focus_first_words.get(lang, frozenset())
        self.other_parties = knowledge.other_parties.get(lang, frozenset())
        self.max_tokens = knowledge.max_tokens
        self.country_codes = country_codes
        self.parsed = doc.has_annotation("DEP")
        self.sentence = self._sentence_numbers()

    def add(self, records: list[ActorMention]) -> list[ActorMention]:
        records = self._merge(records, self.appositions(records))
        records = self._merge(records, self.anaphora(records))
        return self._merge(records, self.focus(records))

    # -- apposition -------------------------------------------------------------------------------
    def appositions(self, records: list[ActorMention]) -> list[ActorMention]:
        owners = [r for r in records if r.get("code") and r.get("kind") != "person"]
        out = []
        runs = name_runs(self.doc, self.titles, self.words.honorifics)
        named = {i for start, end in runs for i in range(start, end)}
        for start, end in runs:
            if any(r.get("code") and overlaps(r, start, end) for r in records):
                continue  # a name the knowledge base knows
            found = self._title_before(start, owners, named) or self._title_after(end, owners)
            if found is not None:
                owner, sector = found
                out.append(self._person(start, end, owner, sector))
        return out

    def _title_before(self, start: int, owners: list[ActorMention],
                      named: set[int]) -> tuple[ActorMention, str] | None:
        """ "le vice-ministre russe des Affaires étrangères, X", "Russian Deputy Minister X"; the
        phrase stops at another name ("Minister X met Y" says nothing about Y)."""
        k = start - 1
        if k >= 0 and self.doc[k].text == ",":
            k -= 1
        lo = k
        while lo >= 0 and k - lo < MAX_PHRASE and self._in_phrase(lo) and lo not in named:
            lo -= 1
        titles = [t for t in range(lo + 1, k + 1) if self.folded[t] in self.titles]
        if not titles:
            return None
        owner = self._owner(owners, titles[0], k + 1) or self._owner(owners, max(lo + 1, titles[0] - 3), titles[0])
        return (owner, self._sector(owner, self.titles[self.folded[titles[0]]])) if owner else None

    def _title_after(self, end: int, owners: list[ActorMention]) -> tuple[ActorMention, str] | None:
        """ "X, le ministre des affaires étrangères de la RASD", "X, Russia's deputy minister"."""
        if end >= len(self.doc) or self.doc[end].text != ",":
            return None
        k = end + 1
        if k < len(self.doc) and self.folded[k] in self.words.apposition_determiners:
            k += 1
        hi = k
        while hi < len(self.doc) and hi - k < MAX_PHRASE and self._in_phrase(hi):
            hi += 1
        titles = [t for t in range(k, min(hi, k + 4)) if self.folded[t] in self.titles]
        if not titles:
            return None
        owner = self._owner(owners, titles[0], hi) or self._owner(owners, k, titles[0])
        return (owner, self._sector(owner, self.titles[self.folded[titles[0]]])) if owner else None

    def _in_phrase(self, i: int) -> bool:
        token = self.doc[i]
        if token.is_punct and token.text not in ("'", "’", "-"):
            return False
        return not (self.parsed and token.pos_ in CLAUSE_POS)

    @staticmethod
    def _owner(owners: list[ActorMention], lo: int, hi: int) -> ActorMention | None:
        inside = [r for r in owners if lo <= r["_tokens"][0] and r["_tokens"][1] <= hi]
        return inside[0] if inside else None

    @staticmethod
    def _sector(owner: ActorMention, title_sector: str) -> str:
        # a person of an organisation belongs to it ("procureure de la CPI"); of a state, to the title's sector
        return owner.get("sector") or title_sector if owner.get("kind") in ("organisation", "group") \
            else title_sector

    def _person(self, start: int, end: int, owner: ActorMention, sector: str) -> ActorMention:
        span = self.doc[start:end]
        return {"text": span.text, "start": span.start_char, "end": span.end_char, "name": " ".join(span.text.split()),
                "code": owner["code"], "sector": sector, "kind": "person", "wikidata": None,
                "score": APPOSITION_SCORE, "_tokens": [start, end], "_head": self._head(span),
                "_apposition": True}

    # -- definite descriptions --------------------------------------------------------------------
    def anaphora(self, records: list[ActorMention]) -> list[ActorMention]:
        determiners = self.determiners
        out: list[ActorMention] = []
        for i in range(len(self.doc) - 1):
            if self.folded[i] not in determiners:
                continue
            match = self._description(i + 1)
            if match is None:
                continue
            end, description = match
            if description.antecedent == COUNTRY and self.folded[i] in self.words.plural_determiners:
                continue
            if not self._closed(end, description) or self._other_party(i + 1, end):
                continue
            if any(r.get("code") and overlaps(r, i + 1, end) for r in records):
                continue
            antecedent = self._antecedent(records, i, description)
            if antecedent is not None:
                out.append(self._anaphoric(i + 1, end, description, antecedent))
        return out

    def _description(self, start: int) -> tuple[int, Description] | None:
        return longest_phrase(self.folded, start, self.max_tokens, self.descriptions)

    def _closed(self, end: int, description: Description) -> bool:
        """Not part of a longer word ("l'État-major"), not followed by a name ("le groupe Wagner")
        nor by a complement ("le groupe de contact", "le pays de Galles"): those name something
        new. A government may take a lower-case complement ("le gouvernement de transition") but
        not a name ("le régime de Damas" is Syria's whatever the last country was)."""
        if end >= len(self.doc):
            return True
        nxt = self.doc[end]
        if not self.doc[end - 1].whitespace_ and (nxt.is_alpha or nxt.text == "-"):
            return False
        if nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
            return False
        if self.folded[end] not in self.words.noun_complements:
            return True
        after = self.doc[end + 1] if end + 1 < len(self.doc) else None
        return description.antecedent == GOVERNMENT and not (after is not None and after.text[:1].isupper())

    def _antecedent(self, records: list[ActorMention], at: int, description: Description) -> ActorMention | None:
        first = self.sentence[at] - WINDOW
        best = None
        for record in records:
            start = record["_tokens"][0]
            if start >= at or self.sentence[start] < first or record.get("_anaphora"):
                continue
            if self._compatible(record, description.antecedent) and (best is None or start > best["_tokens"][0]):
                best = record
        return best

    def _compatible(self, record: ActorMention, antecedent: str) -> bool:
        code, kind = record.get("code"), record.get("kind")
        if not code:
            return False
        if antecedent == COUNTRY:  # a country named, not an adjective ("les forces françaises dans ce pays")
            return kind == "country" and code in self.country_codes and self._is_name(record)
        if antecedent == GOVERNMENT:
            return code in self.country_codes and (kind == "person" or (kind == "country" and self._is_name(record)))
        if antecedent == ARMED_GROUP:
            return kind == "group" and code not in self.country_codes
        if antecedent == NGO:  # "l'ONG", "the watchdog": a non-governmental organisation named earlier
            return record.get("sector") == "NGO"
        return kind == "organisation"

    def _anaphoric(self, start: int, end: int, description: Description, antecedent: ActorMention) -> ActorMention:
        span = self.doc[start:end]
        kind = "group" if description.antecedent == GOVERNMENT else antecedent.get("kind", "country")
        if description.antecedent == COUNTRY:
            kind = "country"
        sector = description.sector or (antecedent.get("sector") if description.antecedent != COUNTRY else None)
        return {"text": span.text, "start": span.start_char, "end": span.end_char, "name": antecedent.get("name", ""),
                "code": antecedent["code"], "sector": sector, "kind": kind, "wikidata": antecedent.get("wikidata"),
                "score": round(ANAPHORA_SCORE * float(antecedent.get("score", 1.0)), 3), "_tokens": [start, end],
                "_head": self._head(span), "_anaphora": True,
                "_antecedent": [antecedent["start"], antecedent["end"]]}

    def _closed_noun_phrase(self, end: int) -> bool:
        return self._closed(end, Description(ARMED_GROUP, None))

    # -- helpers ----------------------------------------------------------------------------------
    def _is_name(self, record: ActorMention) -> bool:
        if record.get("_demonym"):  # "les Américains … ce pays": a people is no country's name
            return False
        if self.parsed:
            return self.doc[record["_head"]].pos_ in ("PROPN", "NOUN")
        return str(record["text"])[:1].isupper()

    def _head(self, span: Span) -> int:
        return int(span.root.i) if self.parsed else span.end - 1

    def _sentence_numbers(self) -> list[int]:
        numbers, n = [], 0
        for i, token in enumerate(self.doc):
            if i and token.is_sent_start:
                n += 1
            numbers.append(n)
        return numbers

    @staticmethod
    def _merge(records: list[ActorMention], new: list[ActorMention]) -> list[ActorMention]:
        """New mentions replace the uncoded mentions they overlap ("les djihadistes" → the group)."""
        if not new:
            return records
        kept = [r for r in records if r.get("code") or not any(overlaps(r, *n["_tokens"]) for n in new)]
        return sorted(kept + new, key=lambda r: r["_tokens"][0])

