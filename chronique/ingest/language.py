"""Language detection with lingua: any language is recognised, only the supported ones pass.

Two passes: a fast low-accuracy screen over every language lingua knows decides whether the
article is written in a supported language at all (a German page must be rejected, not read as
the nearest of French and English); then the precise detector, restricted to the supported
languages, picks between them.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from chronique.errors import UnsupportedLanguageError
from chronique.options import SUPPORTED_LANGUAGES

_LINGUA = {"fr": Language.FRENCH, "en": Language.ENGLISH}
_CODES = {v: k for k, v in _LINGUA.items()}
# Detection on the first characters is as reliable for news copy and keeps it fast.
SAMPLE_CHARS = 2000
# The screen votes paragraph by paragraph, weighted by length: a quoted foreign phrase or a
# menu line does not decide the language of the page. Shorter lines are too short to judge.
SCREEN_CHARS = 6000
MIN_LINE_CHARS = 40


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built lazily once per process (it is immutable); restricted to what we can annotate.
    return LanguageDetectorBuilder.from_languages(*(_LINGUA[c] for c in SUPPORTED_LANGUAGES)).build()


@lru_cache(maxsize=1)
def _screen() -> LanguageDetector:
    # Low-accuracy mode over all languages: ~1 s to build and ~60 MB, against ~30 s and ~1 GB for
    # the high-accuracy models; per paragraph of news copy it is reliable enough to say "German".
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def dominant_language(text: str) -> tuple[str, str] | None:
    """(ISO 639-1 code, English name) of the language most of the text is written in, if any."""
    lines = [line for line in text[:SCREEN_CHARS].splitlines() if len(line.strip()) >= MIN_LINE_CHARS]
    if not lines:
        lines = [text[:SCREEN_CHARS]]
    votes: Counter[Language] = Counter()
    for line in lines:
        found = _screen().detect_language_of(line)
        if found is not None:
            votes[found] += len(line)
    if not votes:
        return None
    top = votes.most_common(1)[0][0]
    return _code(top), top.name.capitalize()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; an unsupported language is rejected, never guessed."""
    dominant = dominant_language(text)
    if dominant is not None and dominant[0] not in SUPPORTED_LANGUAGES:
        code, name = dominant
        raise UnsupportedLanguageError(
            f"expected text in one of {list(SUPPORTED_LANGUAGES)}, found {name} ({code}); "
            "use --lang to force a supported language", where="language",
        )
    found = _detector().detect_language_of(text[:SAMPLE_CHARS])
    if found is None:
        raise UnsupportedLanguageError(
            f"expected text in one of {list(SUPPORTED_LANGUAGES)}, found no recognisable language",
            where="language",
        )
    return _CODES[found]


def check_language(code: str) -> str:
    code = code.lower().split("-")[0].split("_")[0]
    if code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"expected a language among {list(SUPPORTED_LANGUAGES)}, found {code!r}", where="language"
        )
    return code
