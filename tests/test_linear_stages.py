"""Stages in linear time: repetitive text must not make a stage's work grow with the square of
its length (the weapons adjacency search and the sentence splitter did)."""

from __future__ import annotations

import pytest
import spacy

from chronique.knowledge.weapons import WeaponCatalogue, load_catalogue
from chronique.nlp import weapons as weapons_module
from chronique.nlp.extensions import register_extensions
from chronique.nlp.sentences import SentenceSplitter, sentence_starts
from chronique.nlp.weapons import WeaponTagger

PARAGRAPH = ("Berlin enverra deux batteries Patriot et des chars Leopard 2 à Kiev. Les canons Caesar et les "
             "obusiers arriveront en mars, avec des munitions et des drones.\n")


@pytest.fixture(scope="module")
def catalogue() -> WeaponCatalogue:
    register_extensions()
    return load_catalogue()


def _adjacency_checks(catalogue: WeaponCatalogue, repeats: int, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    real = weapons_module._adjacent

    def counted(*args):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(weapons_module, "_adjacent", counted)
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    doc = nlp(PARAGRAPH * repeats)
    WeaponTagger("fr", catalogue)(doc)
    assert len(doc._.ch_weapons) >= 5 * repeats
    return calls


def test_weapons_adjacency_checks_grow_linearly(catalogue: WeaponCatalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    small = _adjacency_checks(catalogue, 10, monkeypatch)
    large = _adjacency_checks(catalogue, 40, monkeypatch)
    assert 0 < large <= 4.5 * small  # it was (generic terms) x (designations): 16 times more


@pytest.mark.parametrize("text", [
    "Le sommet s'est ouvert. « Nous signerons. » Puis les ministres sont partis !\n\nDeuxième paragraphe ici",
    "  \n Titre sans point\nPremière phrase (entre parenthèses). Suite... et fin?! Oui.",
    "Un seul mot",
])
def test_sentence_starts_set_at_once_match_the_token_setter(text: str) -> None:
    nlp = spacy.blank("fr")
    fast = SentenceSplitter()(nlp(text))
    slow = nlp(text)
    for token, flag in zip(slow, sentence_starts(slow), strict=True):
        token.is_sent_start = flag == 1  # the one-token-at-a-time way the splitter used to set them
    assert [s.text for s in fast.sents] == [s.text for s in slow.sents]
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow]
