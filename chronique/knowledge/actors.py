"""Actor knowledge: every name, adjective, capital, person, role word and sector word chronique
recognises, folded into one dictionary that the actors stage scans token by token.

Keys are *folded* surface strings (lower case, no accents, one space, straight apostrophes), so
"États-Unis", "Etats-Unis" and "ÉTATS-UNIS" share one key. Short all-capital acronyms ("UN",
"AU", "US") keep their case: folded they would collide with "un", "au", "us".

Built once by ``load_actor_knowledge`` (well under a second); nothing here is built at import time.
The entry record and the kinds of key live in ``actor_entry``, below the files that fill the
dictionary (countries, organisations, user files), so that none of them imports this module.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from chronique.knowledge.actor_entry import ADJECTIVE, CAPITAL, NAME, ROLE, SECTOR, ActorEntry
from chronique.knowledge.countries import add_countries
from chronique.knowledge.datafiles import data_file_names, read_data_csv, split_forms
from chronique.knowledge.organisations import add_organisations
from chronique.knowledge.people import PeopleIndex, Person, merge_persons, read_people
from chronique.knowledge.userfile import add_user_file
from chronique.memo import BoundedMemo, reachable_lengths

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """The dictionary form of a surface string: lower case, accents stripped, one space."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def is_acronym(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 6


@dataclass(frozen=True)
class Alias:
    """One surface form of an entry, with the conditions under which it may match."""

    entry: ActorEntry
    surface: str
    exact_case: bool  # acronyms: the text must have the same letters in the same case
    needs_capital: bool  # proper names: the text must start with a capital letter
    stem: bool = False  # PETRARCH stems: the last word may continue ("ARGENTIN" → "Argentina")


FUZZY_MEMO_SIZE = 4096  # fuzzy person look-ups remembered (first in, first out)
# Fuzzy countries: a key shorter than this is never guessed ("Iran"/"Iraq", "Mali"/"Bali", "Niger"/"Nigeria"
# are one or two edits apart and all real), and lower-case words (French adjectives) need one more letter.
FUZZY_COUNTRY_MIN, FUZZY_COUNTRY_MIN_LOWER = 6, 7
FuzzyCountry = tuple[tuple[Alias, ...], float]  # the aliases of the one country found, and the similarity


@dataclass
class ActorKnowledge:
    names: dict[str, list[Alias]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    stems: dict[str, list[Alias]] = field(default_factory=dict)  # first 4 folded chars → stems
    people: PeopleIndex = field(default_factory=PeopleIndex)
    addressee_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    max_tokens: int = 8
    _fuzzy_keys: dict[tuple[str, int], list[str]] | None = None  # person keys by first letter and length
    _fuzzy_memo: BoundedMemo[tuple[str, float], tuple[Alias, float] | None] = field(
        default_factory=lambda: BoundedMemo(FUZZY_MEMO_SIZE))
    _fold_cache: dict[str, str] = field(default_factory=dict)
    # country names and adjectives by (language, lower-case form?, first letter, length)
    _country_keys: dict[tuple[str, bool, str, int], list[str]] | None = None
    _country_starts: set[tuple[str, bool, str]] = field(default_factory=set)  # (lang, lower, first two letters)
    _country_memo: BoundedMemo[tuple[str, str, bool], FuzzyCountry | None] = field(
        default_factory=lambda: BoundedMemo(FUZZY_MEMO_SIZE))

    # -- building -------------------------------------------------------------------------------
    def add(self, entry: ActorEntry, aliases: Iterable[str], *, override: bool = False,
            stem: bool = False) -> None:
        """Index ``entry`` under each alias; ``override`` replaces what the keys meant before."""
        for surface in dict.fromkeys(a.strip() for a in aliases):
            if not surface:
                continue
            key = fold(surface)
            alias = Alias(entry, surface, exact_case=is_acronym(surface),
                          needs_capital=entry.what in (NAME, CAPITAL, ADJECTIVE) and surface[:1].isupper(), stem=stem)
            if stem and " " not in key and len(key) >= 4:
                self.stems.setdefault(key[:4], []).append(alias)
            current = self.names.setdefault(key, [])
            if override:
                current[:] = [a for a in current if _is_word(a.entry) != _is_word(entry)]
            current.append(alias)
            for i in range(1, len(key) + 1):
                self.prefixes.add(key[:i])
        self._fuzzy_keys = self._country_keys = None
        self._fuzzy_memo.clear()
        self._country_memo.clear()

    def add_person(self, person: Person, *, override: bool = False, source: str = "") -> None:
        self.people.add(person)
        term = person.term_at(None)
        entry = ActorEntry(
            name=person.name, code=term.country if term else None, sector=term.sector if term else None,
            kind="person", wikidata=person.wikidata, person=person, role=term.role if term else None,
            source=source,
        )
        self.add(entry, [n for n in person.all_names() if not _is_common_word(n)], override=override)

    # -- lookup ---------------------------------------------------------------------------------
    def lookup(self, key: str) -> list[Alias]:
        return self.names.get(key, [])

    def fold_token(self, text: str) -> str:
        """``fold`` memoised per knowledge base: the same words recur in every article."""
        folded = self._fold_cache.get(text)
        if folded is None:
            if len(self._fold_cache) > 200_000:
                self._fold_cache.clear()
            folded = self._fold_cache[text] = fold(text)
        return folded

    def stem_matches(self, folded_token: str) -> list[Alias]:
        return [a for a in self.stems.get(folded_token[:4], []) if folded_token.startswith(fold(a.surface))]

    def fuzzy_person(self, text: str, cutoff: float = 88.0) -> tuple[Alias, float] | None:
        """The person alias closest to ``text`` (a capitalised run the exact scan missed)."""
        if self._fuzzy_keys is None:
            self._fuzzy_keys = {}
            for k, aliases in self.names.items():
                if " " in k and any(a.entry.kind == "person" for a in aliases):
                    self._fuzzy_keys.setdefault((k[0], len(k)), []).append(k)
        key = fold(text)
        if len(key) < 6 or not self._fuzzy_keys:
            return None
        # the same capitalised runs come back within an article and across a stream
        return self._fuzzy_memo.get((key, cutoff), lambda: self._fuzzy_person(key, cutoff))

    def _fuzzy_person(self, key: str, cutoff: float) -> tuple[Alias, float] | None:
        assert self._fuzzy_keys is not None
        # fuzz.ratio = 2·matches / (len a + len b) ≥ cutoff bounds the length ratio: only keys of a
        # length within that bound can reach the cutoff, so the others are never scored. A misspelt
        # name keeps its first letter ("Vlaimir Poutine"), so only keys that share it are scored.
        best: tuple[str, float] | None = None
        for n in reachable_lengths(len(key), cutoff):
            found = process.extractOne(key, self._fuzzy_keys.get((key[0], n), ()), scorer=fuzz.ratio,
                                       score_cutoff=best[1] if best else cutoff)
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], found[1])
        if best is None:
            return None
        persons = [a for a in self.names[best[0]] if a.entry.kind == "person"]
        return (persons[0], float(best[1]) / 100.0) if persons else None

    def fuzzy_country(self, key: str, lang: str, *, lower: bool) -> FuzzyCountry | None:
        """The country whose name or adjective (in ``lang``) is one edit (OSA: insertion, deletion,
        substitution, transposition) from the folded token ``key``, which no alias matched exactly;
        ``lower``: the token is lower case, so only adjectives written lower case qualify ("ukrainiennnes").
        None when no country is that close, or when two are (ambiguous)."""
        if self._country_keys is None:
            self._country_keys = self._index_country_keys()
            self._country_starts = {(k[0], k[1], key_[:2]) for k, keys in self._country_keys.items() for key_ in keys}
        # most words share their first two letters with no country key: they are never looked at again
        if (lang, lower, key[:2]) not in self._country_starts:
            return None
        if len(key) < (FUZZY_COUNTRY_MIN_LOWER if lower else FUZZY_COUNTRY_MIN) or not key.isalpha() \
                or key in self.names or (key.endswith("s") and key[:-1] in self.names):
            return None  # "the Americas" is the plural of a name, not a misspelt "Americans"
        # the same unknown words come back within an article and across a stream
        return self._country_memo.get((key, lang, lower), lambda: self._fuzzy_country(key, lang, lower))

    def _index_country_keys(self) -> dict[tuple[str, bool, str, int], list[str]]:
        """One-word keys that only ever mean a country's name or adjective: a key shared with a person,
        an organisation or a word is left out (a guess there could not tell which is meant)."""
        index: dict[tuple[str, bool, str, int], list[str]] = {}
        for key, aliases in self.names.items():
            if len(key) < FUZZY_COUNTRY_MIN or not key.isalpha() or not all(_is_country_word(a) for a in aliases):
                continue
            for lang in ("fr", "en"):
                usable = [a for a in aliases if a.entry.lang in (None, lang)]
                if usable:
                    index.setdefault((lang, False, key[0], len(key)), []).append(key)
                if any(a.entry.what == ADJECTIVE and not a.needs_capital for a in usable):
                    index.setdefault((lang, True, key[0], len(key)), []).append(key)
        return index

    def _fuzzy_country(self, key: str, lang: str, lower: bool) -> FuzzyCountry | None:
        assert self._country_keys is not None
        # One edit changes the length by one at most, and a misspelt word nearly always keeps its first
        # letters (typos fall inside words; an early slip is rarer and far riskier to guess: "Fujian" is
        # a province, not "Fijian"), so only keys with the same first two letters and within one of the
        # length are compared (the index is by first letter; the second is checked below).
        found: list[tuple[str, float]] = []
        for n in (len(key) - 1, len(key), len(key) + 1):
            for choice, _, _ in process.extract(key, self._country_keys.get((lang, lower, key[0], n), ()),
                                                scorer=OSA.distance, score_cutoff=1, limit=None):
                found.append((choice, OSA.normalized_similarity(key, choice)))
        aliases = [a for choice, _ in found for a in self.names[choice] if a.entry.lang in (None, lang)
                   and (not lower or (a.entry.what == ADJECTIVE and not a.needs_capital))]
        if not aliases or len({a.entry.code for a in aliases}) != 1:
            return None  # none, or two countries one edit away: no guess
        found = [(choice, similarity) for choice, similarity in found if choice[1] == key[1]]
        aliases = [a for a in aliases if fold(a.surface)[1:2] == key[1]]
        if not found or not aliases:
            return None
        return tuple(aliases), max(similarity for _, similarity in found)

    def entries(self) -> Iterator[ActorEntry]:
        seen: set[int] = set()
        for aliases in self.names.values():
            for alias in aliases:
                if id(alias.entry) not in seen:
                    seen.add(id(alias.entry))
                    yield alias.entry


def _is_country_word(alias: Alias) -> bool:
    """A country's name or adjective (capitals are left to the exact scan: their reading depends on context)."""
    return alias.entry.kind == "country" and alias.entry.what in (NAME, ADJECTIVE) and alias.entry.code is not None


def _is_word(entry: ActorEntry) -> bool:
    return entry.what in (SECTOR, ROLE)


def packaged_people_files() -> list[str]:
    """Every people*.csv shipped in knowledge/data (leaders, ministers, …), sorted."""
    return [n for n in data_file_names() if n.startswith("people") and n.endswith(".csv")]


def _is_common_word(alias: str) -> bool:
    """A one-word alias that is also a French or English function word ("Les", "Then", "Du") would
    fire on ordinary text: a surname like that is only matched as part of a full name."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    word = fold(alias.strip())
    return " " not in word and (word in FR_STOP or word in EN_STOP or alias.strip().lower() in FR_STOP)


def load_actor_knowledge(extra_files: Sequence[Path] = ()) -> ActorKnowledge:
    """The built-in knowledge, then each user file in order (YAML, CSV or PETRARCH .txt); a
    user entry replaces a built-in one with the same alias."""
    kb = ActorKnowledge()
    add_countries(kb)
    add_organisations(kb)
    add_words(kb)
    files = packaged_people_files()
    persons = [p for name in files for p in read_people(read_data_csv(name), where=name)]
    for person in merge_persons(persons):
        kb.add_person(person, source=" + ".join(files))
    for path in extra_files:
        add_user_file(kb, Path(path))
    return kb


def add_words(kb: ActorKnowledge) -> None:
    """Sector words ("troupes" → MIL), role words ("chef de la diplomatie" → foreign_minister) and
    the verbs whose object is a party (a capital there stands for its government)."""
    for row in read_data_csv("sector_words.csv"):
        entry = ActorEntry(name=row["sector"], code=None, sector=row["sector"], kind="group", what=SECTOR,
                           lang=row["lang"], standalone=row["standalone"] == "yes", source=row["source"])
        kb.add(entry, split_forms(row["forms"]))
    for row in read_data_csv("role_words.csv"):
        entry = ActorEntry(name=row["role"], code=None, sector=row["sector"], kind="person", what=ROLE,
                           lang=row["lang"], role=row["role"], source=row["source"])
        kb.add(entry, split_forms(row["forms"]))
    for row in read_data_csv("addressee_verbs.csv"):
        kb.addressee_verbs[row["lang"]] = frozenset(split_forms(row["lemmas"]))
