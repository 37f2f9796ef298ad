"""Recogniser + normaliser on plain strings (sentences written for these tests)."""

from __future__ import annotations

import pytest

from chronique.temporal import Timex, tag_text

SUNDAY = "2022-06-26"  # a Sunday


def _one(text: str, lang: str, published: str | None = SUNDAY) -> Timex:
    found = tag_text(text, lang, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "type_"),
    [
        ("Le ministre est arrivé samedi à Kiev.", "samedi", "2022-06-25", "DATE"),
        ("Le sommet s'est ouvert hier soir.", "hier soir", "2022-06-25TEV", "TIME"),
        ("Les pourparlers ont échoué la semaine dernière.", "la semaine dernière", "2022-W24", "DATE"),
        ("Le traité sera signé le mois prochain.", "le mois prochain", "2022-07", "DATE"),
        ("Les chars sont entrés dans la ville le 25 juin.", "le 25 juin", "2022-06-25", "DATE"),
        ("La trêve a été rompue il y a deux semaines.", "il y a deux semaines", "2022-W23", "DATE"),
        ("Le blocus dure depuis trois mois.", "trois mois", "P3M", "DURATION"),
        ("Les élections auront lieu mi-juin.", "mi-juin", "2022-06", "DATE"),
        ("La réforme date de fin 2021.", "fin 2021", "2021", "DATE"),
        ("Le pays s'est industrialisé dans les années 1990.", "les années 1990", "199", "DATE"),
        ("La frontière a été tracée au XIXe siècle.", "XIXe siècle", "18", "DATE"),
        ("Le déficit s'est creusé au troisième trimestre 2021.", "troisième trimestre 2021", "2021-Q3", "DATE"),
        ("Le conseil se réunit tous les lundis.", "tous les lundis", "XXXX-WXX-1", "SET"),
        ("Le président a parlé ce matin.", "ce matin", "2022-06-26TMO", "TIME"),
        ("Le défilé du 14 juillet 2021 a été annulé.", "14 juillet 2021", "2021-07-14", "DATE"),
        ("Les troupes sont rentrées l'été dernier.", "l'été dernier", "2021-SU", "DATE"),
        ("La séance est levée à 14 h 30.", "14 h 30", "2022-06-26T14:30", "TIME"),
        # a night is dated by its evening; "cette nuit" told in the past is the one just gone
        ("Cette nuit, des tirs ont visé la caserne.", "Cette nuit", "2022-06-25TNI", "TIME"),
        ("Cette nuit, le ministre parlera à la nation.", "Cette nuit", "2022-06-26TNI", "TIME"),
        ("La nuit dernière, la centrale a été bombardée.", "La nuit dernière", "2022-06-25TNI", "TIME"),
        ("Dans la nuit de jeudi à vendredi, le port a été visé.", "la nuit de jeudi à vendredi", "2022-06-23TNI",
         "TIME"),
        ("Le sommet se tiendra du 4 au 6 juillet.", "du 4 au 6 juillet", "2022-07-04", "DATE"),
    ],
)
def test_french_expressions(text: str, surface: str, value: str, type_: str) -> None:
    timex = _one(text, "fr")
    assert (timex.text, timex.value, timex.type) == (surface, value, type_)


@pytest.mark.parametrize(
    ("text", "surface", "value", "type_"),
    [
        ("The rebels withdrew three days ago.", "three days ago", "2022-06-23", "DATE"),
        ("Exports collapsed last year.", "last year", "2021", "DATE"),
        ("The minister resigned this morning.", "this morning", "2022-06-26TMO", "TIME"),
        ("Inspectors visit the plant every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
        ("The treaty was drafted in the 1990s.", "the 1990s", "199", "DATE"),
        ("Output fell in the third quarter of 2021.", "the third quarter of 2021", "2021-Q3", "DATE"),
        ("The accord was signed on June 25, 2022 in Vienna.", "June 25, 2022", "2022-06-25", "DATE"),
        ("Talks resume next month.", "next month", "2022-07", "DATE"),
        ("Overnight, shells struck the port.", "Overnight", "2022-06-25TNI", "TIME"),
        ("The strike lasted two weeks.", "two weeks", "P2W", "DURATION"),
        ("The cabinet meets at 10:30 a.m. in Ottawa.", "10:30 a.m.", "2022-06-26T10:30", "TIME"),
    ],
)
def test_english_expressions(text: str, surface: str, value: str, type_: str) -> None:
    timex = _one(text, "en")
    assert (timex.text, timex.value, timex.type) == (surface, value, type_)


def test_since_marks_the_start_of_an_ongoing_state() -> None:
    timex = _one("L'offensive se poursuit depuis le 24 février 2022.", "fr")
    assert (timex.text, timex.value, timex.mod, timex.anchor) == ("le 24 février 2022", "2022-02-24", "START",
                                                                  "absolute")
    assert _one("Le siège dure depuis trois mois.", "fr").mod == "START"


def test_weekday_follows_the_tense_of_its_clause() -> None:
    wednesday = "2022-06-22"
    assert _one("Le ministre a démissionné samedi.", "fr", wednesday).value == "2022-06-18"
    assert _one("Le ministre devrait démissionner samedi.", "fr", wednesday).value == "2022-06-25"
    assert _one("The envoy will arrive on Saturday.", "en", wednesday).value == "2022-06-25"
    # "ce dimanche" on a Sunday is that very day
    assert _one("Zelensky devrait intervenir ce dimanche.", "fr").value == SUNDAY


def test_year_of_a_yearless_date_is_the_nearest_in_the_tense() -> None:
    assert _one("Le vote a eu lieu le 28 décembre.", "fr", "2023-01-03").value == "2022-12-28"
    assert _one("The vote will take place on January 5.", "en", "2022-12-20").value == "2023-01-05"


def test_impossible_dates_are_reported_not_invented() -> None:
    timex = _one("Le décret du 31 février 2022 est un faux.", "fr")
    assert timex.value is None and timex.invalid and "31" in timex.invalid
    timex = _one("Le 30 février, rien ne s'est passé.", "fr")
    assert timex.value is None and timex.invalid


def test_designations_and_modals_are_not_dates() -> None:
    assert tag_text("Les avions Su-25 et les F-16 ont décollé.", "fr", SUNDAY) == []
    assert tag_text("The talks may fail, officials said.", "en", SUNDAY) == []
    assert [t.text for t in tag_text("Elections were held in May.", "en", SUNDAY)] == ["May"]


def test_an_age_is_not_a_duration() -> None:
    assert tag_text("Agé de 54 ans, il a quitté ses fonctions.", "fr", SUNDAY) == []
    assert tag_text("Jean Dupont, 38 ans, a été arrêté.", "fr", SUNDAY) == []


def test_without_a_publication_date_relative_values_stay_unresolved() -> None:
    assert _one("Le ministre est arrivé hier.", "fr", None).value == "PAST_REF"
    assert _one("Le vote a eu lieu le 25 juin.", "fr", None).value == "XXXX-06-25"
    assert _one("Le vote a eu lieu le 25 juin 2021.", "fr", None).value == "2021-06-25"


def test_clock_times_take_the_last_day_mentioned() -> None:
    found = tag_text("Lundi 6 septembre 1999, la séance a commencé à 8 h 30.", "fr", "1999-09-08")
    assert [(t.text, t.value) for t in found] == [("Lundi 6 septembre 1999", "1999-09-06"),
                                                  ("8 h 30", "1999-09-06T08:30")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant reopened in February last year.", [("February last year", "2021-02")]),
        ("Shipments rose 5 percent a year.", []),
        ("The airline adds 700 seats a week.", []),
        ("The hearing lasted 5 1/2 hours.", [("5 1/2 hours", "PT5H30M")]),
        ("The dam was finished in nineteen ninety-six.", [("nineteen ninety-six", "1996")]),
        ("The two sides have fought for years.", [("years", "PXY")]),
        # the comparison period is the quarter under discussion, a year back
        ("In the first quarter, margins beat year-earlier levels.", [("the first quarter", "2022-Q1"),
                                                                     ("year-earlier", "2021-Q1")]),
    ],
)
def test_english_rates_fractions_and_comparisons(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag_text(text, "en", SUNDAY)] == expected


def test_french_month_of_a_relative_year_and_rates() -> None:
    found = tag_text("Le chantier a repris en février de l'année dernière, à 5 % par an.", "fr", SUNDAY)
    assert [(t.text, t.value, t.type) for t in found] == [("février de l'année dernière", "2021-02", "DATE"),
                                                          ("par an", "P1Y", "SET")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Sales slumped in Q3 2021.", "en", [("Q3 2021", "2021-Q3", "DATE")]),
        ("The board meets twice a year.", "en", [("twice a year", "P1Y", "SET")]),
        ("Voting closed at 9 p.m. Tuesday.", "en", [("9 p.m. Tuesday", "2022-06-21T21:00", "TIME")]),
        ("Stores close on Thanksgiving Day.", "en", [("Thanksgiving Day", "2021-11-25", "DATE")]),
        ("Les combats ont repris trois jours plus tard.", "fr", [("trois jours plus tard", "2022-06-29", "DATE")]),
        ("La récolte a commencé au printemps.", "fr", [("au printemps", "2022-SP", "DATE")]),
        ("Le convoi est arrivé vers 18 heures.", "fr", [("vers 18 heures", "2022-06-26T18:00", "TIME")]),
    ],
)
def test_quarters_sets_clock_times_holidays(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.value, t.type) for t in tag_text(text, lang, SUNDAY)] == expected


def test_two_days_joined_by_and_are_two_dates_not_a_range() -> None:
    found = tag_text("Les votes ont eu lieu les 6 et 13 avril 2022.", "fr", SUNDAY)
    assert [t.value for t in found] == ["2022-04-13"]
