from __future__ import annotations

from chronique.nlp.text import normalise


def test_apostrophes_are_normalised_and_offsets_map_back() -> None:
    original = "qu\u2019elle\u00a0a dit \u200bça"
    norm = normalise(original)
    assert norm.text == "qu'elle a dit ça"
    start = norm.text.index("dit")
    s, e = norm.to_original(start, start + 3)
    assert original[s:e] == "dit"
    s, e = norm.to_original(norm.text.index("ça"), len(norm.text))
    assert original[s:e] == "ça"
