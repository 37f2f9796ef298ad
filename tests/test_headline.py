"""The page headline as the first line of the text, and Title Case headlines read in sentence case."""

from __future__ import annotations

import pytest

from chronique.ingest.headline import clean_title, with_headline
from chronique.nlp.headline import sentence_case_headline


@pytest.mark.parametrize(("title", "headline"), [
    ("Mayor resigns after audit | The Daily Planet | by Lois Lane", "Mayor resigns after audit"),
    ("Grève à Rouen-Sud : les cheminots bloquent la gare - Le Petit Normand",
     "Grève à Rouen-Sud : les cheminots bloquent la gare"),
    ("Senate passes the farm bill * Capitol Wire", "Senate passes the farm bill"),
    # a long part after a dash is the headline's own
    ("Ukraine — Russia talks resume in Geneva after a long pause",
     "Ukraine — Russia talks resume in Geneva after a long pause"),
    ("", ""),
    (None, ""),
])
def test_clean_title_drops_site_names_and_bylines(title: str | None, headline: str) -> None:
    assert clean_title(title) == headline


def test_headline_opens_a_text_that_lacks_it() -> None:
    body = "The mayor of Springfield resigned on Monday.\nShe said the audit was unfair."
    assert with_headline(body, "Mayor resigns after audit | Daily Planet") == "Mayor resigns after audit\n" + body


@pytest.mark.parametrize("body", [
    "Mayor resigns after audit\nThe mayor of Springfield resigned on Monday.",
    "POLITICS\nMayor Resigns After Audit!\nThe mayor of Springfield resigned on Monday.",
])
def test_headline_is_not_repeated_when_the_body_opens_with_it(body: str) -> None:
    assert with_headline(body, "Mayor resigns after audit") == body


def test_no_title_leaves_the_text() -> None:
    assert with_headline("The mayor resigned.", None) == "The mayor resigned."


def test_title_case_headline_is_read_in_sentence_case() -> None:
    text = ("Coal Miners Strike Against Vandermeer Holdings in Ohio\n"
            "Ohio coal miners walked out on Monday. The miners accuse Vandermeer Holdings of unpaid wages.")
    out = sentence_case_headline(text)
    assert out.splitlines()[0] == "Coal miners strike against Vandermeer Holdings in Ohio"
    assert len(out) == len(text) and out.splitlines()[1:] == text.splitlines()[1:]


def test_names_the_body_never_writes_in_lower_case_keep_their_capital() -> None:
    text = "Lagos Governor Signs Water Bill\nLagos has a new water law. The governor signed the bill."
    assert sentence_case_headline(text).splitlines()[0] == "Lagos governor signs water bill"


@pytest.mark.parametrize("text", [
    "The mayor resigned after an audit\nShe said the audit was unfair.",  # already sentence case
    "Mayor Resigns.\nThe mayor resigned.",  # too short to be a Title Case headline
    "One line only, With Capitals Everywhere In It",  # no body to learn names from
    "A Sentence That Ends Like Prose Does Here.\nBody text follows.",  # ends with a full stop
])
def test_other_first_lines_are_left(text: str) -> None:
    assert sentence_case_headline(text) == text
