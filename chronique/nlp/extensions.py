"""The stages' access to the Doc extensions, which live below the NLP layer
(``chronique.annotations.extensions``) so that the event coder reads them without importing a stage."""

from chronique.annotations.extensions import (
    LIST_EXTENSIONS,
    VALUE_EXTENSIONS,
    doc_text,
    get_list,
    register_extensions,
)

__all__ = ["LIST_EXTENSIONS", "VALUE_EXTENSIONS", "doc_text", "get_list", "register_extensions"]
