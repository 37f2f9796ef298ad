"""The Python API: from text or Articles to Extractions (DESIGN.md contract 3)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache, partial

from chronique.errors import ChroniqueError, EmptyInputError, InputError, TooLargeError, UsageError
from chronique.guard import guarded
from chronique.ingest.language import check_language, detect_language
from chronique.ingest.published import infer_published
from chronique.nlp.components import STAGE_NAMES
from chronique.nlp.pipeline import MAX_ARTICLE_CHARS, Annotator
from chronique.nlp.resources import Resources
from chronique.options import PipelineOptions
from chronique.report import FailurePolicy, RunReport
from chronique.schema import Article, Extraction


def _check_date(value: str, where: str, error: type[ChroniqueError] = InputError) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise error(f"expected a date as YYYY-MM-DD, found {value!r}", where=where) from exc


class Pipeline:
    """Resolves each article's language and publication date, then annotates it."""

    def __init__(self, options: PipelineOptions | None = None, *, resources: Resources | None = None) -> None:
        self.options = options or PipelineOptions()
        if self.options.published:
            _check_date(self.options.published, "--published", UsageError)
        #: the knowledge the stages use (weapons catalogue, actors, …), also for callers' own checks
        self.resources = resources or Resources(self.options)
        self.annotator = Annotator(self.resources, stages=self.options.stages or STAGE_NAMES)

    def prepare(self, article: Article) -> Article:
        """Fill language and publication date; reject what cannot be annotated (empty, or over the
        size limit: the one place that checks it)."""
        where = article.source or article.id
        if not article.text.strip():
            raise EmptyInputError("expected article text, found an empty text", where=where)
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise TooLargeError(
                f"expected at most {MAX_ARTICLE_CHARS:,} characters, found {len(article.text):,}", where=where
            )
        if self.options.lang:
            lang = check_language(self.options.lang)
        elif article.language:
            lang = check_language(article.language)
        else:
            lang = detect_language(article.text)
        published, inferred = article.published, article.published_inferred
        if published:
            published = _check_date(published[:10], where)
        elif self.options.published:
            published, inferred = self.options.published, False
        else:
            published = infer_published(article.text, lang)
            inferred = published is not None
        return replace(article, language=lang, published=published, published_inferred=inferred)

    def extract_article(self, article: Article) -> Extraction:
        return self.annotator.annotate(self.prepare(article))

    def extract(self, text: str, *, lang: str | None = None, published: str | None = None,
                title: str | None = None, url: str | None = None, source: str | None = None) -> Extraction:
        article = Article.create(text, title=title, url=url, source=source, language=lang,
                                 published=_check_date(published, "published") if published else None)
        return self.extract_article(article)

    def extract_many(self, articles: Iterable[Article], *, policy: FailurePolicy = FailurePolicy.RAISE,
                     report: RunReport | None = None) -> Iterator[Extraction]:
        """Extractions in input order; a rejected article follows the failure policy."""
        report = report if report is not None else RunReport()

        def prepared() -> Iterator[Article]:
            for article in articles:
                ready = guarded(partial(self.prepare, article), article.source or article.id)
                if isinstance(ready, ChroniqueError):
                    report.reject(ready, policy, source=article.source)
                else:
                    yield ready

        def failed(article: Article, error: ChroniqueError) -> None:
            report.reject(error, policy, source=article.source)

        for extraction in self.annotator.annotate_many(
                prepared(), batch_size=self.options.batch_size, budget_s=self.options.time_budget_s,
                on_error=None if policy is FailurePolicy.RAISE else failed):
            report.articles += 1
            report.events += len(extraction.events)
            report.transfers += len(extraction.transfers)
            yield extraction


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The shared pipeline behind ``chronique.extract`` (models load once per process)."""
    return Pipeline()


def extract(text: str, *, lang: str | None = None, published: str | None = None) -> Extraction:
    """Annotate one text: ``chronique.extract(text, lang=None, published=None) -> Extraction``."""
    return default_pipeline().extract(text, lang=lang, published=published)
