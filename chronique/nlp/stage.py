"""The base of chronique's pipeline stages (spaCy components).

Configuration in ``__init__``, resources through ``bind`` (spaCy's ``initialize`` move: the
expensive objects are built outside and passed in), the work in ``__call__(doc) -> Doc``; no I/O.

A stage made by its spaCy factory (``nlp.add_pipe`` or a config file) that nobody binds binds
itself before its first Doc, from its config (``bind_on_first_use``), so that a pipeline assembled
the usual spaCy way works as it is. Each subclass's ``bind`` calls ``super().bind`` and its
``__call__`` starts with ``self.ready()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from spacy.tokens import Doc

if TYPE_CHECKING:
    from chronique.nlp.resources import Resources


class Stage:
    #: the versioned spaCy factory name this stage registers under
    factory: ClassVar[str]

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._unbound: Callable[[], Resources] | None = None

    def bind_on_first_use(self, resources: Callable[[], Resources]) -> None:
        """Bind to ``resources()`` before the first Doc, unless ``bind`` is called first."""
        self._unbound = resources

    def bind(self, resources: Resources) -> None:
        """Take the shared resources this stage needs; called once after the pipe is added."""
        self._unbound = None

    def ready(self) -> None:
        """Bind now when the stage was made by its factory and nothing has bound it yet."""
        if self._unbound is not None:
            make, self._unbound = self._unbound, None
            self.bind(make())

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError
