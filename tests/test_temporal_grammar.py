from __future__ import annotations

import pytest

from chronique.errors import KnowledgeError
from chronique.temporal import grammar_from_dict, load_grammar, tag_text
from chronique.temporal.normalise import READERS


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_packaged_grammars_load_and_every_kind_has_a_reader(lang: str) -> None:
    grammar = load_grammar(lang)
    assert grammar.lang == lang and grammar.version >= 1
    assert grammar.patterns
    assert {p.kind for p in grammar.patterns} <= set(READERS)
    assert grammar.lookup("month", "Juin" if lang == "fr" else "June") == 6


def test_unknown_language_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match="expected a temporal grammar language"):
        load_grammar("xx")


def _tiny(patterns: list[dict[str, str]]) -> dict[str, object]:
    return {"lang": "en", "version": 1, "months": {"brumaire": 2}, "patterns": patterns}


def test_an_in_memory_grammar_drives_the_recogniser() -> None:
    grammar = grammar_from_dict(_tiny([{"kind": "date", "match": "{day} {month} {year}"}]))
    [timex] = tag_text("Signed on 18 brumaire 1799 in Paris.", grammar)
    assert (timex.text, timex.value, timex.precision) == ("18 brumaire 1799", "1799-02-18", "day")


def test_a_template_naming_an_unknown_class_is_rejected() -> None:
    with pytest.raises(KnowledgeError, match="expected a known class"):
        grammar_from_dict(_tiny([{"kind": "date", "match": "{moon} {year}"}]))


def test_a_template_using_a_class_twice_is_rejected() -> None:
    with pytest.raises(KnowledgeError, match="used twice"):
        grammar_from_dict(_tiny([{"kind": "date", "match": "{year}-{year}"}]))


def test_a_pattern_without_kind_is_rejected() -> None:
    with pytest.raises(KnowledgeError, match="'kind' and 'match'"):
        grammar_from_dict(_tiny([{"match": "{year}"}]))


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le 25 juin 2022, samedi dernier, il y a trois semaines, cette nuit, l'été dernier, le mois prochain, "
           "au troisième trimestre 2021, depuis des années, vers 14 h 30, tous les lundis, deux ans plus tôt."),
    ("en", "On June 25, 2022, last Saturday, three weeks ago, overnight, last summer, next month, in the third "
           "quarter of 2021, for years, at 2:30 p.m., every Monday, two and a half years, a decade-long war."),
])
def test_every_match_holds_its_patterns_anchor(lang: str, text: str) -> None:
    # patterns are only scanned around their anchor's words: a match without one would be lost
    grammar = load_grammar(lang)
    for pattern in grammar.patterns:
        if pattern.anchor is None:
            continue
        for match in pattern.regex.finditer(text):
            assert pattern.anchor.search(text, match.start(), match.end()), (pattern.template, match.group(0))
