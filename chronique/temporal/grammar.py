"""Load a language's temporal grammar (vocabulary and pattern templates) from its YAML file.

The grammar is data: ``chronique/knowledge/data/time_<lang>.yaml`` holds the words (months,
weekdays, numerals, relation words…) and the pattern templates that combine them. Here the words
become regex alternations and each template ``{class}`` a named group the normaliser reads.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from chronique.errors import KnowledgeError
from chronique.knowledge.datafiles import read_data_text

SUPPORTED = ("en", "fr")

# Fixed (language-independent) sub-patterns a template may use besides the vocabulary classes.
FIXED: dict[str, str] = {
    "year": r"(?:1[5-9]\d\d|20\d\d|21\d\d)",
    "yy": r"(?:'\d\d|\d\d)",
    "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er|ère|e)?",
    "hour": r"(?:[01]?\d|2[0-4])",
    "minute": r"[0-5]\d",
    "digits": r"\d+(?:[.,]\d+|\s+1/2)?",
    "decade": r"(?:1[5-9]\d0|20[0-9]0|'\d0|\d0)",
    "roman": r"(?:X{0,2}(?:IX|IV|V?I{0,3}))",
    "nmonth": r"(?:1[0-2]|0?[1-9])",
}

NUMERIC = frozenset({"year", "yy", "day", "hour", "minute", "digits", "decade", "nmonth"})
DIGIT = re.compile(r"\d")

# Vocabulary classes: YAML key → (template name, is a mapping whose values the normaliser needs).
VOCAB_KEYS: dict[str, str] = {
    "month": "months", "weekday": "weekdays", "wnum": "numbers", "ordinal": "ordinals",
    "unit": "units", "deictic": "deictic_days", "ref": "references", "rel": "relative_before",
    "relafter": "relative_after", "ago": "ago_after", "agobefore": "ago_before",
    "anaphoric": "anaphoric_days", "pod": "parts_of_day", "clock": "clock_words",
    "season": "seasons", "mod": "modifiers", "setword": "set_words", "ampm": "am_pm",
    "holiday": "holidays", "signal": "mod_signals", "dunit": "definite_units",
    "qunit": "period_units", "scentury": "spoken_centuries",
    "punit": "plural_units",
}
ABBREVIATED = frozenset({"month", "weekday"})
LIST_KEYS: dict[str, str] = {
    "approx": "approximations", "set": "set_before", "vague": "vague_numbers",
    "opener": "duration_openers", "yearprefix": "year_prefixes", "century": "century_words",
    "age": "age_before", "rate": "rate_before",
}


@dataclass(frozen=True)
class Pattern:
    kind: str
    template: str
    regex: re.Pattern[str]
    # words one of which every match holds (a strong class written outside all groups of the
    # template): the pattern is only scanned around them; None: around any trigger word
    anchor: re.Pattern[str] | None = None


# Classes whose words never make a temporal expression alone ("a", "this", "early", "every"…):
# every pattern also needs a digit or a word of another class, which is what ``trigger`` finds.
WEAK_CLASSES = frozenset({"wnum", "rel", "mod", "approx", "set", "vague", "opener", "signal", "ordinal",
                          "age", "rate", "yearprefix", "relafter", "agobefore"})


@dataclass(frozen=True)
class Grammar:
    lang: str
    version: int
    vocab: dict[str, dict[str, Any]]  # class → lower-cased word → value
    capitalised_only: frozenset[str]
    never_alone: frozenset[str]
    age_between_commas: bool
    patterns: tuple[Pattern, ...]
    future_cues: tuple[str, ...] = ()
    past_cues: tuple[str, ...] = ()
    cue_regexes: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # a digit or a word of a class no expression can do without: where expressions can be
    trigger: re.Pattern[str] | None = None

    def lookup(self, cls: str, word: str) -> Any:
        """The value of ``word`` in vocabulary class ``cls`` (spacing and case folded)."""
        return self.vocab[cls].get(fold(word))


def fold(word: str) -> str:
    return re.sub(r"\s+", " ", word.strip().lower().replace("’", "'")).rstrip(".")


def _alternation(words: list[str], abbreviations: bool = False) -> str:
    """Longest first, so "the day before yesterday" wins over "yesterday"."""
    parts = []
    unique = set(words)
    for w in sorted(unique, key=len, reverse=True):
        escaped = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        if "." in w:  # "a.m" folds its last dot away: let the text keep it
            escaped += r"\.?"
        # an abbreviation (a prefix of a longer word of its class, not its plural) may end in a dot:
        # "Sept.", "janv."
        if abbreviations and any(len(o) - len(w) >= 2 and o.startswith(w) for o in unique):
            escaped += r"\.?"
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


def _numbers(data: dict[str, Any]) -> dict[str, Any]:
    """Numerals in words, with the compound tens the YAML describes (twenty-four, vingt et un)."""
    numbers: dict[str, Any] = {fold(str(k)): v for k, v in (data.get("numbers") or {}).items()}
    base = {fold(str(k)): v for k, v in numbers.items()}
    for ten in data.get("tens", []):
        for unit in data.get("units_for_tens", []):
            for joiner in data.get("tens_joiners", []):
                numbers[fold(f"{ten}{joiner}{unit}")] = base[fold(ten)] + base[fold(unit)]
    for word, value in (data.get("compound_numbers") or {}).items():
        numbers[fold(str(word))] = value
    return numbers


def _compile(template: str, classes: dict[str, str], where: str) -> re.Pattern[str]:
    used: set[str] = set()

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in classes:
            raise KnowledgeError(f"expected a known class in pattern {template!r}, found {{{name}}}", where=where)
        if name in used:
            raise KnowledgeError(f"class {{{name}}} used twice in pattern {template!r}", where=where)
        used.add(name)
        return f"(?P<{name}>{classes[name]})"

    body = re.sub(r"\{(\w+)\}", expand, template).replace(" ", r"\s+")
    try:
        # Not inside a word or a designation ("Su-25", "F-16", "3.5"); a year range "1998-1999" is fine.
        return re.compile(r"(?<![\w/.,])(?<!(?<!\d)-)(?:" + body + r")(?![\w]|-[^\W\d]|-\d(?!\d\d\d)|[.,/]\d)",
                          re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeError(f"expected a valid regex template, found {template!r}: {exc}", where=where) from exc


def _outside_groups(template: str) -> str:
    """The template without its parenthesised parts (optional words, alternatives, lookarounds)."""
    out, depth = [], 0
    for n, char in enumerate(template):
        escaped = n > 0 and template[n - 1] == "\\"
        if char == "(" and not escaped:
            depth += 1
        elif char == ")" and not escaped:
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _anchor(template: str, classes: dict[str, str]) -> re.Pattern[str] | None:
    """The words one of which every match of ``template`` holds: a digit for a numeric class, the
    words of a strong vocabulary class, written outside all groups; None when there is none."""
    for name in re.findall(r"\{(\w+)\}", _outside_groups(template)):
        if name in NUMERIC:
            return DIGIT
        if name in classes and name not in FIXED and name not in WEAK_CLASSES and name != "num":
            return _word_start(classes[name])
    return None


@functools.lru_cache(maxsize=256)
def _word_start(alternation: str) -> re.Pattern[str]:
    """One compiled regex per class, shared by the patterns it anchors."""
    return re.compile(r"(?<!\w)(?:" + alternation + r")", re.IGNORECASE)


def grammar_from_dict(data: dict[str, Any], where: str = "<memory>") -> Grammar:
    """Build a grammar from parsed YAML (tests pass small in-memory ones)."""
    vocab: dict[str, dict[str, Any]] = {}
    for cls, key in VOCAB_KEYS.items():
        raw = _numbers(data) if key == "numbers" else (data.get(key) or {})
        vocab[cls] = {fold(str(k)): v for k, v in raw.items()}
    for cls, key in LIST_KEYS.items():
        vocab[cls] = {fold(str(w)): True for w in data.get(key) or []}
    for word, spec in vocab["holiday"].items():
        if not re.fullmatch(r"\d+-\d+(?:--?\d+)?", str(spec)):
            raise KnowledgeError(f"expected a holiday as MM-DD or MM-WEEKDAY-NTH, found {word}: {spec!r}", where=where)
    classes = {cls: _alternation(list(words), cls in ABBREVIATED) for cls, words in vocab.items()}
    # a number is a numeral in words or digits
    classes["num"] = "(?:" + classes["wnum"] + "|" + FIXED["digits"] + ")"
    classes.update(FIXED)
    patterns = []
    for i, entry in enumerate(data.get("patterns") or []):
        if not isinstance(entry, dict) or "kind" not in entry or "match" not in entry:
            raise KnowledgeError(f"expected a pattern with 'kind' and 'match', found {entry!r}", where=where,
                                 record=i)
        patterns.append(Pattern(entry["kind"], entry["match"], _compile(entry["match"], classes, where),
                                _anchor(entry["match"], classes)))
    cues = {}
    for name in ("future_cues", "past_cues"):
        words = [str(w) for w in data.get(name) or []]
        # verb endings as regular expressions ("rentrera": the French future), beside whole words
        endings = [str(p) for p in data.get(name.replace("_cues", "_cue_patterns")) or []]
        body = "|".join([_alternation(words), *endings])
        try:
            cues[name] = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)
        except re.error as exc:
            raise KnowledgeError(f"expected valid {name} patterns, found {endings!r}: {exc}", where=where) from exc
    strong = [w for cls, words in vocab.items() if cls not in WEAK_CLASSES for w in words]
    trigger = re.compile(r"\d|(?<!\w)(?:" + _alternation(strong) + r")(?!\w)", re.IGNORECASE)
    return Grammar(
        trigger=trigger,
        lang=str(data.get("lang", "")), version=int(data.get("version", 0)), vocab=vocab,
        capitalised_only=frozenset(fold(w) for w in data.get("capitalised_only") or []),
        never_alone=frozenset(fold(w) for w in data.get("never_alone") or []),
        age_between_commas=bool(data.get("age_between_commas", False)),
        patterns=tuple(patterns), future_cues=tuple(data.get("future_cues") or ()),
        past_cues=tuple(data.get("past_cues") or ()), cue_regexes=cues,
    )


@cache
def load_grammar(lang: str) -> Grammar:
    """The packaged grammar of ``lang`` (read once per process: it is immutable)."""
    if lang not in SUPPORTED:
        raise KnowledgeError(f"expected a temporal grammar language in {SUPPORTED}, found {lang!r}",
                             where="chronique.temporal")
    name = f"time_{lang}.yaml"
    try:
        data = yaml.safe_load(read_data_text(name))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"expected a readable YAML grammar, found an error: {exc}", where=name) from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"expected a mapping at the top of the grammar, found {type(data).__name__}",
                             where=name)
    return grammar_from_dict(data, where=name)
