"""Gold readers on tiny inputs written for these tests."""

from __future__ import annotations

import pytest

from chronique.errors import FormatError
from chronique.eval.gold.bio import iter_bio
from chronique.eval.gold.hipe import iter_hipe
from chronique.eval.gold.markdown import read_tables


def _spans(doc):  # type: ignore[no-untyped-def]
    return [(s.text, s.label) for s in doc.spans]


def test_bio_iob1_without_boundaries_is_cut_into_pseudo_documents() -> None:
    lines = """Le O
maire O
Jean I-PER
Dupuis I-PER
Martin B-PER
parle O
à O
Lyon I-LOC
. O
L' O
armée I-ORG
du I-ORG
Nord I-ORG
arrive O
( O
hier O
) O
, O
dit O
M I-PER
. I-PER
Roux I-PER
. O
""".splitlines()
    docs = list(iter_bio(lines, language="fr", max_chars=40, prefix="t"))
    assert [d.id for d in docs] == ["t-00001", "t-00002"]
    first, second = docs
    assert first.text == "Le maire Jean Dupuis Martin parle à Lyon."
    assert _spans(first) == [("Jean Dupuis", "PER"), ("Martin", "PER"), ("Lyon", "LOC")]
    # elision glued, no space inside the brackets nor before the comma; "M." inside a name does
    # not end the sentence.
    assert second.text == "L'armée du Nord arrive (hier), dit M. Roux."
    assert _spans(second) == [("armée du Nord", "ORG"), ("M. Roux", "PER")]
    assert all(d.text[s.start:s.end] == s.text for d in docs for s in d.spans)


def test_bio_iob2_with_docstart_and_blank_lines_keeps_documents_whole() -> None:
    lines = ["-DOCSTART- O", "", "Paris B-LOC", "vote O", ". O", "", "Rome B-LOC", "aussi O", "",
             "-DOCSTART- O", "", "Ana B-PER", "Ruiz I-PER", ""]
    docs = list(iter_bio(lines, max_chars=5))
    assert [d.text for d in docs] == ["Paris vote. Rome aussi", "Ana Ruiz"]
    assert _spans(docs[1]) == [("Ana Ruiz", "PER")]


def test_bio_rejects_a_line_without_a_tag() -> None:
    with pytest.raises(FormatError) as info:
        list(iter_bio(["Paris B-LOC", "seul"], where="x.bio"))
    assert info.value.record == 2 and "TOKEN TAG" in info.value.message


HIPE = """TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNEL-LIT\tMISC
# hipe2022:document_id = doc-a
# hipe2022:date = 1910-05-02
# hipe2022:language = fr
Le\tO\tO\t_\t_
gouvernement\tO\tO\t_\t_
de\tO\tO\t_\t_
la\tO\tO\t_\t_
Suisse\tB-loc\tB-org\tQ39\tNoSpaceAfter
,\tO\tO\t_\tEndOfLine
M\tB-pers\tO\tQ1\tNoSpaceAfter
.\tI-pers\tO\tQ1\t_
Favre\tI-pers\tO\tQ1\tNoSpaceAfter|EndOfSentence
#\tO\tO\t_\t_

# hipe2022:document_id = doc-b
# hipe2022:date = 1920-01-03
Genève\tB-loc\tO\t_\t_
Berne\tB-loc\tO\tNIL\tNoSpaceAfter
.\tO\tO\t_\tEndOfSentence
"""


def test_hipe_documents_text_and_spans() -> None:
    docs = list(iter_hipe(HIPE.splitlines()))
    assert [d.id for d in docs] == ["doc-a", "doc-b"]
    a, b = docs
    assert a.text == "Le gouvernement de la Suisse, M. Favre#"
    assert (a.date, a.language) == ("1910-05-02", "fr")
    assert _spans(a) == [("Suisse", "loc"), ("M. Favre", "pers")]
    assert a.spans[0].attrs == {"meto": "org", "wikidata": "Q39"}
    assert b.text == "Genève Berne." and b.date == "1920-01-03"
    # two B- tags in a row are two entities; NIL is no link
    assert _spans(b) == [("Genève", "loc"), ("Berne", "loc")] and b.spans[1].attrs == {}


def test_hipe_rejects_a_short_row_and_a_missing_column() -> None:
    with pytest.raises(FormatError) as info:
        list(iter_hipe(["TOKEN\tNE-COARSE-LIT\tMISC", "Paris\tB-loc"]))
    assert info.value.record == 2
    with pytest.raises(FormatError):
        list(iter_hipe(["TOKEN\tMISC", "Paris\t_"]))


def test_markdown_tables_by_section() -> None:
    text = """# Title

## Actors (normalised)
| mention(s) | actor | country |
|---|---|---|
| la Gaule, gaulois | Gaul | GAU |
| l'Empire | Empire | — |

Some prose.

## Dates
| expression | value |
|:--|--:|
| lundi | 2001-01-01 |
"""
    tables = read_tables(text)
    assert list(tables) == ["Actors (normalised)", "Dates"]
    assert tables["Actors (normalised)"][1] == {"mention(s)": "l'Empire", "actor": "Empire", "country": "—"}
    assert tables["Dates"] == [{"expression": "lundi", "value": "2001-01-01"}]
    with pytest.raises(FormatError):
        read_tables("## A\n| a | b |\n| 1 | 2 |\n")
