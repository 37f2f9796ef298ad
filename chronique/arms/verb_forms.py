"""French verb forms the tagger misreads: a present or subjunctive form left unlemmatised or taken
for a noun ("que Washington livre des HIMARS": "livre" as the noun "book"; "qu'il fournisse").
The transfers stage reads such a token as the transfer verb its form belongs to, so the frame
around it (a bare subject before it) is read as a verb's."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from chronique.arms.parties import has_parse

# endings of the present and subjunctive singular and third plural, by the infinitive they come from
ENDINGS: tuple[tuple[str, str], ...] = (
    ("issent", "ir"), ("isses", "ir"), ("isse", "ir"), ("ent", "er"), ("es", "er"), ("e", "er"),
    ("ent", "re"), ("es", "re"), ("e", "re"))
SUBJECTS = frozenset({"PROPN", "PRON"})


def infinitives(form: str) -> list[str]:
    """The infinitives a French present or subjunctive form may come from ("livre" → "livrer",
    "fournisse" → "fournir", "vende" → "vendre")."""
    lower = form.lower()
    return [lower[: -len(end)] + inf for end, inf in ENDINGS if lower.endswith(end) and len(lower) > len(end) + 2]


def _as_verb(tok: Token) -> bool:
    """A verb position: tagged a verb, or a noun right after a bare name or pronoun ("Washington
    livre"), where no determiner makes it a noun."""
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "NOUN" and tok.i > tok.sent.start and tok.doc[tok.i - 1].pos_ in SUBJECTS


def relemmatise(doc: Doc, trigger: Callable[[str, str], object]) -> None:
    """Give a misread French transfer verb its infinitive and verb tag (``trigger(word, lang)``
    finds a transfer word); other tokens, languages and Docs without a parse stay as tagged."""
    if doc.lang_ != "fr" or not has_parse(doc):
        return

    def is_transfer_verb(word: str) -> bool:
        return trigger(word, "fr") is not None

    for tok in doc:
        if is_transfer_verb(tok.lemma_.lower()) or not _as_verb(tok):
            continue
        found = next((inf for inf in infinitives(tok.text) if is_transfer_verb(inf)), None)
        if found is not None:
            tok.lemma_, tok.pos_ = found, "VERB"
