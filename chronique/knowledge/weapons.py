"""The weapons catalogue: designations, aliases, NATO names, category and origin (names only, no
technical data), generic weapon terms, military cue words and transfer trigger words.

Matching works on raw text: an alias is cut into word chunks joined by an optional hyphen or
space ("Su-25" also finds "Su 25" and "Su25"), a designation ending in a digit may carry a variant
suffix ("T-72B3", "Leopard 2A4") and a plural ("F-16s"). Aliases without a digit are proper names
and need a capital; short all-caps aliases need the same case; aliases marked ``ambiguous`` (a
common word, a place or a person's name: "Patriot", "Caesar", "Iskander") also need a military cue
nearby, which the tagger checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_csv, split_forms

CATALOGUE_FILE = "weapons.csv"
TERMS_FILE = "weapon_terms.csv"

CATEGORIES = frozenset({
    "aircraft", "helicopter", "drone", "air-defence system", "armoured vehicle", "tank", "artillery", "missile",
    "missile system", "ship", "sensor", "engine", "munition", "small arms",
    # generic terms only
    "weapons", "heavy weapons", "chemical weapons", "nuclear weapons", "explosive device",
})
STATUSES = frozenset({"requested", "offered", "approved", "pledged", "agreed", "ordered", "delivered", "refused",
                      "cancelled", "upgrade"})
ROLES = frozenset({"supplier", "recipient"})
_SEPARATOR = r"[\s\-\u2010\u2011]?"
_CHUNK = re.compile(r"\w+|[^\w\s-]")
# a variant after a designation that ends in a digit ("B3", "SM", "A4"), then a plural or possessive
_VARIANT = r"(?:(?-i:[A-Z]{1,3}[0-9]?))?"
_PLURAL = r"(?:s|'s)?"


def fold_key(text: str) -> str:
    """The lookup form of a surface string: lower case, no spaces or hyphens."""
    return re.sub(r"[\s\-\u2010\u2011]+", "", text.replace("\u2019", "'")).lower()


@dataclass(frozen=True)
class WeaponEntry:
    designation: str | None  # None for a generic term ("armes lourdes")
    category: str
    origin: str | None = None
    nato_name: str | None = None
    source: str = ""


@dataclass(frozen=True)
class WeaponAlias:
    surface: str
    entry: WeaponEntry
    ambiguous: bool = False  # needs a military cue nearby
    needs_capital: bool = False  # a proper name: the text must start with a capital
    exact_case: bool = False  # an acronym: the text must have the same case

    def accepts(self, found: str) -> bool:
        if self.exact_case:
            letters = sum(c.isalpha() for c in self.surface)
            return "".join(c for c in found if c.isalpha())[:letters].isupper()
        if self.needs_capital:
            return found[:1].isupper()
        return True


@dataclass(frozen=True)
class Trigger:
    word: str
    status: str
    role: str  # what the subject of the active verb is: supplier ("livrer") or recipient ("acheter")


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    alias: WeaponAlias


def alias_pattern(alias: str) -> str:
    chunks = _CHUNK.findall(alias)
    out = ""
    for i, chunk in enumerate(chunks):
        if i:
            out += _SEPARATOR if chunk[0].isalnum() and chunks[i - 1][-1].isalnum() else ""
        out += re.escape(chunk)
    if alias[-1:].isdigit():
        out += _VARIANT
    return out + _PLURAL


_WORD_START = re.compile(r"(?<![\w\-/])\w")
_KEY_SEPARATORS = " \t\n-\u2010\u2011"


def _start_key(text: str, pos: int) -> str:
    """The first two letters or digits from ``pos``, across one separator, lower-cased: the
    alias regex allows an optional separator between chunks ("F-16", "F 16", "F16")."""
    key, i = "", pos
    while len(key) < 2 and i < len(text):
        ch = text[i]
        if ch.isalnum():
            key += ch.lower()
        elif not (key and ch in _KEY_SEPARATORS and i + 1 < len(text) and text[i + 1].isalnum()):
            break
        i += 1
    return key


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and not any(c.isdigit() for c in alias) and all(c.isupper() for c in letters)


@dataclass
class WeaponCatalogue:
    entries: list[WeaponEntry] = field(default_factory=list)
    aliases: dict[str, list[WeaponAlias]] = field(default_factory=dict)  # fold_key → aliases
    cues: dict[str, frozenset[str]] = field(default_factory=dict)  # lang → lower-case cue words
    triggers: dict[str, dict[str, Trigger]] = field(default_factory=dict)  # lang → word → trigger
    states: dict[str, str] = field(default_factory=dict)  # register state name (folded) → ISO3
    makers: dict[str, str] = field(default_factory=dict)  # manufacturer name → ISO3 of its home country
    _maker_regex: re.Pattern[str] | None = None
    _regex: re.Pattern[str] | None = None
    _by_key: dict[str, list[str]] = field(default_factory=dict)  # _start_key → surfaces, in regex order
    _key_regex: dict[str, re.Pattern[str] | None] = field(default_factory=dict)

    def add(self, entry: WeaponEntry, surfaces: Iterable[str], ambiguous: Iterable[str] = ()) -> None:
        self.entries.append(entry)
        unsure = {fold_key(a) for a in ambiguous}
        for surface in dict.fromkeys(s.strip() for s in surfaces if s.strip()):
            generic = entry.designation is None
            has_digit = any(c.isdigit() for c in surface)
            alias = WeaponAlias(
                surface, entry, ambiguous=fold_key(surface) in unsure,
                needs_capital=not generic and not has_digit,
                exact_case=_is_acronym(surface) and len(surface) <= 6,
            )
            self.aliases.setdefault(fold_key(surface), []).append(alias)
        self._regex = None

    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            surfaces = sorted({a.surface for group in self.aliases.values() for a in group},
                              key=lambda s: (-len(s), s))
            body = "|".join(alias_pattern(s) for s in surfaces) or r"(?!x)x"
            self._regex = re.compile(rf"(?<![\w\-/])(?:{body})(?![\w]|-\w)", re.IGNORECASE)
            self._by_key = {}
            for surface in surfaces:
                self._by_key.setdefault(_start_key(surface, 0), []).append(surface)
            self._key_regex = {}
        return self._regex

    def prepare(self) -> None:
        """Compile every per-start alternation now (load time), not during the first articles."""
        self.regex()
        for key in list(self._by_key):
            self._regex_for(key)

    def _regex_at(self, text: str, pos: int) -> re.Pattern[str] | None:
        """The alternation of the aliases that can begin at ``pos`` (same order as the full one)."""
        return self._regex_for(_start_key(text, pos))

    def _regex_for(self, key: str) -> re.Pattern[str] | None:
        if key not in self._key_regex:
            order = {s: i for i, s in enumerate(self._by_key.get(key, []) + self._by_key.get(key[:1], []))}
            surfaces = sorted(order, key=lambda s: (-len(s), s))
            self._key_regex[key] = re.compile(
                rf"(?<![\w\-/])(?:{'|'.join(alias_pattern(s) for s in surfaces)})(?![\w]|-\w)", re.IGNORECASE,
            ) if surfaces else None
        return self._key_regex[key]

    def lookup(self, found: str) -> WeaponAlias | None:
        """The alias a matched string stands for (variant suffix and plural removed)."""
        key = fold_key(found)
        for candidate in (key, key.removesuffix("'s"), key.removesuffix("s")):
            for alias in self.aliases.get(candidate, []):
                if alias.accepts(found):
                    return alias
        stripped = re.sub(r"[a-z]{1,3}[0-9]?$", "", key.removesuffix("s"))
        for alias in self.aliases.get(stripped, []):
            if alias.surface[-1:].isdigit() and alias.accepts(found):
                return alias
        return None

    def find(self, text: str) -> Iterator[AliasMatch]:
        """Every alias occurrence in ``text`` (longest first, no overlaps), case rules applied.

        Scanning the whole alias alternation at every position is slow in Python's ``re``; the
        aliases that can begin at a word start (same first two letters) are tried there, anchored,
        in the full pattern's order — the same matches as ``finditer``, a fraction of the work."""
        self.regex()
        end = 0
        for start in _WORD_START.finditer(text):
            pos = start.start()
            regex = self._regex_at(text, pos) if pos >= end else None
            if regex is None:
                continue
            m = regex.match(text, pos)
            if m is None or m.end() == pos:
                continue
            end = m.end()
            alias = self.lookup(m.group(0))
            if alias is not None:
                yield AliasMatch(m.start(), m.end(), alias)

    def resolve(self, designation: str) -> WeaponEntry | None:
        """The catalogue entry a designation string names ("C-130H Hercules" → C-130 Hercules)."""
        for match in self.find(designation):
            if match.alias.entry.designation is not None:
                return match.alias.entry
        return None

    def trigger(self, word: str, lang: str) -> Trigger | None:
        return self.triggers.get(lang, {}).get(word.lower())

    def find_makers(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, country) of every manufacturer named in ``text`` (names need their capitals)."""
        if not self.makers:
            return []
        if self._maker_regex is None:
            names = sorted(self.makers, key=len, reverse=True)
            self._maker_regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
        return [(m.start(), m.end(), self.makers[m.group(0)]) for m in self._maker_regex.finditer(text)]

    def is_cue(self, word: str, lang: str) -> bool:
        return word.lower() in self.cues.get(lang, frozenset())


def _check(ok: bool, what: str, found: str, name: str, line: int) -> None:
    if not ok:
        raise KnowledgeError(f"expected {what}, found {found!r}", where=name, record=str(line))


def add_catalogue_rows(catalogue: WeaponCatalogue, rows: list[dict[str, str]], name: str = CATALOGUE_FILE) -> None:
    for line, row in enumerate(rows, start=2):
        _check(bool(row.get("designation")), "a designation", row.get("designation") or "", name, line)
        _check(row.get("category") in CATEGORIES, f"a category among {sorted(CATEGORIES)}",
               row.get("category") or "", name, line)
        origin = row.get("origin") or None
        _check(origin is None or bool(re.fullmatch(r"[A-Z]{3}", origin)), "an ISO 3166 alpha-3 origin",
               origin or "", name, line)
        _check(bool(row.get("source")), "a source", "", name, line)
        entry = WeaponEntry(row["designation"], row["category"], origin, row.get("nato_name") or None, row["source"])
        surfaces = [row["designation"], *split_forms(row.get("aliases")), *split_forms(row.get("nato_name"))]
        catalogue.add(entry, surfaces, split_forms(row.get("ambiguous")))


def add_term_rows(catalogue: WeaponCatalogue, rows: list[dict[str, str]], name: str = TERMS_FILE) -> None:
    cues: dict[str, set[str]] = {}
    for line, row in enumerate(rows, start=2):
        kind, lang, value = row.get("kind"), row.get("lang") or "", row.get("value")
        forms = split_forms(row.get("forms"))
        _check(bool(row.get("source")), "a source", "", name, line)
        if kind == "generic":
            _check(value in CATEGORIES, "a category", value or "", name, line)
            catalogue.add(WeaponEntry(None, value or "", source=row["source"]), forms)
        elif kind == "cue":
            cues.setdefault(lang, set()).update(f.lower() for f in forms)
        elif kind == "trigger":
            _check(value in STATUSES, f"a status among {sorted(STATUSES)}", value or "", name, line)
            _check(row.get("role") in ROLES, "supplier or recipient", row.get("role") or "", name, line)
            for form in forms:
                catalogue.triggers.setdefault(lang, {})[form.lower()] = Trigger(form.lower(), value or "",
                                                                                row["role"])
        elif kind == "state":
            for form in forms:
                catalogue.states[form.lower()] = value or ""
        elif kind == "maker":
            _check(bool(re.fullmatch(r"[A-Z]{3}", value or "")), "an ISO 3166 alpha-3 home country", value or "",
                   name, line)
            for form in forms:
                catalogue.makers[form] = value or ""
        else:
            _check(False, "kind generic, cue, trigger, state or maker", kind or "", name, line)
    catalogue.cues = {lang: frozenset(words) for lang, words in cues.items()}


def load_catalogue() -> WeaponCatalogue:
    """The packaged catalogue and terms (built on demand, never at import time)."""
    catalogue = WeaponCatalogue()
    add_catalogue_rows(catalogue, read_data_csv(CATALOGUE_FILE))
    add_term_rows(catalogue, read_data_csv(TERMS_FILE))
    return catalogue
