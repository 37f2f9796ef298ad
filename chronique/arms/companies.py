"""A weapon's name that is part of a company's name: after a company noun ("Czech company Excalibur
Army", "le groupe Caesar…") the words name the company, which makes and sells, not a weapon handed
over. So is a name followed by a company's suffix ("Excalibur Army", "… Group", "… GmbH")."""

from __future__ import annotations

from spacy.tokens import Doc

from chronique.knowledge.arms_words import arms_words


def names_company(doc: Doc, start: int, end: int) -> bool:
    """The weapon mention at tokens ``start``-``end`` follows a company noun (adjectives between:
    "the Czech arms company") or comes before a capitalised company suffix."""
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in arms_words().company_suffixes:
        return True
    i = start - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and doc[i].lower_ in arms_words().company_words
