"""Language detection: supported languages pass, others are rejected with their name."""

from __future__ import annotations

import pytest

from chronique.errors import UnsupportedLanguageError
from chronique.ingest.language import check_language, detect_language, dominant_language
from chronique.options import PipelineOptions
from chronique.pipeline import Pipeline
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article

GERMAN = ("Die Regierung in Berlin hat am Montag neue Hilfen für die Landwirte angekündigt.\n"
          "Der Minister sagte, die Mittel sollten noch vor dem Sommer ausgezahlt werden.")
SPANISH = ("El ayuntamiento de la ciudad aprobó ayer un nuevo plan para mejorar el transporte público.\n"
           "La alcaldesa explicó que las obras comenzarán después del verano.")
ITALIAN = ("Il consiglio comunale ha approvato ieri sera il nuovo piano per le scuole della città.\n"
           "Il sindaco ha spiegato che i lavori inizieranno dopo l'estate.")
ENGLISH = ("The city council approved a new plan for public transport on Tuesday evening.\n"
           "The mayor said the work would begin after the summer holidays.")
FRENCH = ("Le conseil municipal a approuvé mardi soir un nouveau plan pour les transports publics.\n"
          "La maire a expliqué que les travaux commenceraient après l'été.")


@pytest.mark.parametrize(("text", "name"), [(GERMAN, "German"), (SPANISH, "Spanish"), (ITALIAN, "Italian")])
def test_unsupported_language_is_rejected_with_its_name(text: str, name: str) -> None:
    with pytest.raises(UnsupportedLanguageError, match=name):
        detect_language(text)


def test_supported_languages_are_detected() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(FRENCH) == "fr"


def test_a_foreign_quote_does_not_decide_the_page_language() -> None:
    text = ENGLISH + "\n" + "Wir schaffen das, sagte sie.\n" + ENGLISH
    assert dominant_language(text) == ("en", "English")
    assert detect_language(text) == "en"


def test_check_language_refuses_unknown_codes() -> None:
    assert check_language("FR-ca") == "fr"
    with pytest.raises(UnsupportedLanguageError, match="'de'"):
        check_language("de")


def test_batch_records_a_failure_for_an_unsupported_article() -> None:
    pipeline = Pipeline(PipelineOptions(published="2024-05-01", stages=("actors",)))
    report = RunReport()
    articles = [Article.create(GERMAN, source="de.txt"), Article.create(ENGLISH, source="en.txt")]
    out = list(pipeline.extract_many(articles, policy=FailurePolicy.RECORD, report=report))
    assert [x.article.language for x in out] == ["en"]
    assert len(report.failures) == 1
    assert "German" in report.failures[0].message


def test_forced_language_skips_detection() -> None:
    pipeline = Pipeline(PipelineOptions(lang="en", published="2024-05-01", stages=("actors",)))
    assert pipeline.prepare(Article.create(GERMAN)).language == "en"
