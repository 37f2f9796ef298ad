"""Towns of the county the article names (geo.local): bare names of towns inside that county are
places; names in longer names, sentence openers and persons are not. Invented places; docs built
with their tags (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.geo.local import county_towns, in_county
from chronique.knowledge.gazetteer import CITY, REGION, GeoEntry

ASHFORD_COUNTY = GeoEntry("Ashford County", 26.1, -80.2, "USA", "A", REGION, level=2)
PARKVALE = GeoEntry("Parkvale", 26.3, -80.25, "USA", "P", CITY, population=30_000)
PARKVALE_FAR = GeoEntry("Parkvale", 47.1, -122.4, "USA", "P", CITY, population=35_000)
HOLT = GeoEntry("Holt", 26.2, -80.1, "USA", "P", CITY, population=2_000)
VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (is_alpha, is_upper)
TOWNS = {"parkvale": [PARKVALE, PARKVALE_FAR], "holt": [HOLT]}


def lookup(text: str) -> list[GeoEntry]:
    return TOWNS.get(text.lower(), [])


def doc(tagged: str) -> Doc:
    """Words as word/POS or word/POS/ENT-IOB (the ENT label after B- or I-)."""
    words, pos, ents = [], [], []
    for item in tagged.split():
        parts = item.split("/")
        words.append(parts[0])
        pos.append(parts[1])
        ents.append(parts[2] if len(parts) > 2 else "O")
    starts = [i == 0 for i in range(len(words))]
    return Doc(VOCAB, words=words, pos=pos, ents=ents, sent_starts=starts)


def names(tagged: str, counties: list[GeoEntry] | None = None) -> list[str]:
    return [s.text for s in county_towns(doc(tagged), [ASHFORD_COUNTY] if counties is None else counties,
                                         lookup, [])]


def test_a_bare_town_of_the_county_is_a_place() -> None:
    text = ("Ashford/PROPN/B-GPE County/PROPN/I-GPE deputies/NOUN were/AUX praised/VERB after/ADP the/DET "
            "Parkvale/PROPN shooting/NOUN ./PUNCT")
    assert names(text) == ["Parkvale"]
    text = "Officials/NOUN said/VERB Holt/PROPN/B-ORG residents/NOUN should/AUX leave/VERB ./PUNCT"
    assert names(text) == ["Holt"]  # the parser's one-word ORG is the town


def test_no_county_in_the_article_no_town() -> None:
    text = "Officials/NOUN praised/VERB the/DET Parkvale/PROPN shooting/NOUN response/NOUN ./PUNCT"
    assert names(text, []) == []


def test_longer_names_persons_and_common_words_are_not_towns() -> None:
    assert names("Pupils/NOUN of/ADP Parkvale/PROPN High/PROPN School/PROPN left/VERB ./PUNCT") == []
    assert names("The/DET singer/NOUN Anna/PROPN/B-PERSON Holt/PROPN/I-PERSON sang/VERB ./PUNCT") == []
    # a sentence's first word is a town only when the parser tagged it a proper noun
    assert names("Holt/NOUN measures/NOUN were/AUX taken/VERB ./PUNCT") == []
    assert names("Parkvale/PROPN police/NOUN closed/VERB the/DET road/NOUN ./PUNCT") == ["Parkvale"]


def test_a_town_far_from_the_county_is_not_in_it() -> None:
    assert in_county(PARKVALE, [ASHFORD_COUNTY]) and not in_county(PARKVALE_FAR, [ASHFORD_COUNTY])
    assert not in_county(None, [ASHFORD_COUNTY])
