"""The annotator: one spaCy pipeline per language, loaded lazily once and reused."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from chronique.errors import TooLargeError
from chronique.nlp.components import SENTENCES_FACTORY, STAGE_NAMES, STAGES, register_components
from chronique.nlp.convert import doc_to_extraction
from chronique.nlp.models import load_model
from chronique.nlp.resources import Resources
from chronique.nlp.stage import Stage
from chronique.nlp.text import NormalisedText, normalise
from chronique.schema import Article, Extraction

# An article longer than this is not news copy; reject it rather than exhaust memory.
MAX_ARTICLE_CHARS = 1_000_000


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
            for stage in STAGES:
                short = stage.factory.removeprefix("chronique_").rsplit("_v", 1)[0]
                if short in self.stages:
                    component = nlp.add_pipe(stage.factory, name=f"chronique_{short}")
                    assert isinstance(component, Stage)
                    component.bind(self.resources)
            self._languages[lang] = nlp
        return self._languages[lang]

    def _prepare(self, article: Article) -> tuple[Doc, NormalisedText]:
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise TooLargeError(
                f"expected an article of at most {MAX_ARTICLE_CHARS:,} characters, found "
                f"{len(article.text):,}", where=article.source or article.id,
            )
        if not article.language:
            raise ValueError("the article's language must be resolved before annotation")
        nlp = self.language(article.language)
        norm = normalise(article.text)
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

    def annotate_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        """Batched annotation; articles of one language are piped together, order is kept."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._annotate_batch(batch)
                batch = []
        if batch:
            yield from self._annotate_batch(batch)

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
