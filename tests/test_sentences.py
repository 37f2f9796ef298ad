from __future__ import annotations

import spacy

from chronique.nlp.extensions import register_extensions
from chronique.nlp.sentences import SentenceSplitter


def _sents(text: str) -> list[str]:
    register_extensions()
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


def test_a_dateline_is_a_sentence_of_its_own() -> None:
    text = "KESSA, Norland (Reuters) — Troops closed the northern border on Monday, the army said.\nTalks resume today."
    assert _sents(text) == ["KESSA, Norland (Reuters) —", "Troops closed the northern border on Monday, the army said.",
                            "Talks resume today."]
    assert _sents("Kessa is calm. Troops left — the army said so.")[1] == "Troops left — the army said so."
