"""Language detection with lingua, restricted to the languages chronique supports."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from chronique.errors import UnsupportedLanguageError
from chronique.options import SUPPORTED_LANGUAGES

_LINGUA = {"fr": Language.FRENCH, "en": Language.ENGLISH}
_CODES = {v: k for k, v in _LINGUA.items()}
# Detection on the first characters is as reliable for news copy and keeps it fast.
SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built lazily once per process (it is immutable); restricted to what we can annotate.
    return LanguageDetectorBuilder.from_languages(*(_LINGUA[c] for c in SUPPORTED_LANGUAGES)).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language among the supported ones."""
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
