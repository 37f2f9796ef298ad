"""The annotator: one spaCy pipeline per language, loaded lazily once and reused."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from chronique.budget import time_budget
from chronique.errors import ChroniqueError, ConfigError, KnowledgeError, ModelError
from chronique.guard import as_error
from chronique.nlp.components import SENTENCES_FACTORY, STAGE_NAMES, STAGES, register_components
from chronique.nlp.convert import doc_to_extraction
from chronique.nlp.headline import sentence_case_headline
from chronique.nlp.headline_stage import HEADLINE_FACTORY, HEADLINE_NAME
from chronique.nlp.models import load_model
from chronique.nlp.resources import Resources
from chronique.nlp.stage import Stage
from chronique.nlp.text import NormalisedText, normalise
from chronique.schema import Article, Extraction

# An article longer than this is not news copy: chronique.Pipeline.prepare rejects it rather than
# exhaust memory.
MAX_ARTICLE_CHARS = 1_000_000
# The machinery's own failures (a missing model, corrupt knowledge or weights, bad configuration)
# are no article's fault: they stop the run instead of turning every article into a failure row.
RUN_ERRORS = (KnowledgeError, ModelError, ConfigError)
# What to do with an article that could not be annotated (the pipeline records it and goes on).
OnError = Callable[[Article, ChroniqueError], None]


class Annotator:
    def __init__(self, resources: Resources | None = None, stages: Sequence[str] = STAGE_NAMES) -> None:
        unknown = set(stages) - set(STAGE_NAMES)
        if unknown:
            raise ValueError(f"unknown stages {sorted(unknown)}; expected some of {STAGE_NAMES}")
        self.resources = resources or Resources()
        self.stages = tuple(stages)
        self._languages: dict[str, Language] = {}

    def language(self, lang: str) -> Language:
        """The spaCy pipeline for ``lang``: the model, our sentence splitter, our stages."""
        if lang not in self._languages:
            register_components()
            nlp = load_model(lang, self.resources.options.models.get(lang))
            nlp.max_length = MAX_ARTICLE_CHARS + 1
            nlp.add_pipe(SENTENCES_FACTORY, first=True)
            headline = nlp.add_pipe(HEADLINE_FACTORY, name=HEADLINE_NAME)  # after the parser, before the stages
            assert isinstance(headline, Stage)
            headline.bind(self.resources)
            for stage in STAGES:
                short = stage.factory.removeprefix("chronique_").rsplit("_v", 1)[0]
                if short in self.stages:
                    component = nlp.add_pipe(stage.factory, name=f"chronique_{short}")
                    assert isinstance(component, Stage)
                    component.bind(self.resources)
            self._languages[lang] = nlp
        return self._languages[lang]

    def _prepare(self, article: Article) -> tuple[Doc, NormalisedText]:
        if not article.language:  # chronique.Pipeline.prepare resolves it and checks the size limit
            raise ValueError("the article's language must be resolved before annotation")
        nlp = self.language(article.language)
        norm = normalise(article.text)
        norm = replace(norm, text=sentence_case_headline(norm.text))  # letter for letter: the map holds
        doc = nlp.make_doc(norm.text)
        doc._.ch_published = article.published
        doc._.ch_article_id = article.id
        doc._.ch_lang = article.language
        return doc, norm

    def annotate_doc(self, article: Article) -> tuple[Doc, NormalisedText]:
        """The annotated Doc itself, with its map back to the article's text: training reads the
        stages' private notes (the rule coder's candidates) that the Extraction leaves out."""
        doc, norm = self._prepare(article)
        return self.language(article.language or "")(doc), norm

    def annotate(self, article: Article) -> Extraction:
        doc, norm = self._prepare(article)
        doc = self.language(article.language or "")(doc)
        return doc_to_extraction(doc, article, norm)

    def annotate_many(self, articles: Iterable[Article], batch_size: int = 16, *, on_error: OnError | None = None,
                      budget_s: float | None = None) -> Iterator[Extraction]:
        """Batched annotation; articles of one language are piped together, order is kept.

        Without ``on_error`` the first exception stops the run. With it, an article that raises or
        runs past ``budget_s`` seconds is handed to ``on_error`` and the others are still annotated:
        a batch that fails (or takes longer than ``budget_s`` per article) is redone article by
        article, each under its own budget, so one poison article costs only itself."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._guarded_batch(batch, on_error, budget_s)
                batch = []
        if batch:
            yield from self._guarded_batch(batch, on_error, budget_s)

    def _guarded_batch(self, batch: list[Article], on_error: OnError | None,
                       budget_s: float | None) -> Iterator[Extraction]:
        try:
            with time_budget(budget_s and budget_s * len(batch), batch[0].source, "this batch of articles"):
                done = list(self._annotate_batch(batch))
        except RUN_ERRORS:
            raise
        except Exception:  # some article of the batch failed: find which, alone
            if on_error is None:
                raise
            done = list(self._one_by_one(batch, on_error, budget_s))
        yield from done

    def _one_by_one(self, batch: list[Article], on_error: OnError, budget_s: float | None) -> Iterator[Extraction]:
        for article in batch:
            where = article.source or article.id
            try:
                with time_budget(budget_s, where):
                    extraction = self.annotate(article)
            except RUN_ERRORS:
                raise
            except Exception as exc:  # the guard: one article's failure is its own
                on_error(article, as_error(exc, where))
                continue
            yield extraction

    def _annotate_batch(self, batch: list[Article]) -> Iterator[Extraction]:
        prepared = [self._prepare(a) for a in batch]
        by_lang: dict[str, list[int]] = {}
        for i, article in enumerate(batch):
            by_lang.setdefault(article.language or "", []).append(i)
        results: dict[int, Extraction] = {}
        for lang, indices in by_lang.items():
            docs = self.language(lang).pipe(prepared[i][0] for i in indices)
            for i, doc in zip(indices, docs, strict=False):
                results[i] = doc_to_extraction(doc, batch[i], prepared[i][1])
        for i in range(len(batch)):
            yield results[i]
