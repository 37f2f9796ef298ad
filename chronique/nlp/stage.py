"""The base of chronique's pipeline stages (spaCy components).

Configuration in ``__init__``, resources through ``bind`` (spaCy's ``initialize`` move: the
expensive objects are built outside and passed in), the work in ``__call__(doc) -> Doc``; no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from spacy.tokens import Doc

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources


class Stage:
    #: the versioned spaCy factory name this stage registers under
    factory: ClassVar[str]

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def bind(self, resources: Resources) -> None:
        """Take the shared resources this stage needs; called once after the pipe is added."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError
