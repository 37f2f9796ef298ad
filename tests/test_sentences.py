from __future__ import annotations

import spacy

from chronique.nlp.sentences import SentenceSplitter


def _sents(text: str) -> list[str]:
    nlp = spacy.blank("fr")
    doc = SentenceSplitter()(nlp.make_doc(text))
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_line_breaks_and_terminal_punctuation_split() -> None:
    text = "Titre sans point\n\nLe ministre est arrivé. « Nous partons », a-t-il dit. Fin"
    assert _sents(text) == ["Titre sans point", "Le ministre est arrivé.", "« Nous partons », a-t-il dit.", "Fin"]


def test_comma_inside_sentence_does_not_split() -> None:
    assert _sents("Samedi 25 juin, les forces sont entrées dans la ville.") == [
        "Samedi 25 juin, les forces sont entrées dans la ville."
    ]
