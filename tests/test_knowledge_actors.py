"""Actor knowledge: built-in data, people with dated roles, user files, PETRARCH dictionaries."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from chronique.errors import KnowledgeError
from chronique.knowledge.actors import ADJECTIVE, CAPITAL, fold, load_actor_knowledge
from chronique.knowledge.people import read_people
from chronique.knowledge.petrarch import looks_like_agents, parse_actors, parse_agents

PEOPLE_HEADER = "wikidata,name,name_fr,aliases,country,sector,role,start,end,source\n"


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_actor_knowledge()


def codes(kb, key: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {a.entry.code for a in kb.lookup(fold(key))}


def test_fold_unifies_case_accents_and_apostrophes() -> None:
    assert fold("États-Unis") == fold("ETATS-UNIS") == "etats-unis"
    assert fold("l\u2019Otan") == "l'otan"


def test_every_un_member_has_names_and_adjectives_in_both_languages(kb) -> None:  # type: ignore[no-untyped-def]
    countries = {e.code for e in kb.entries() if e.kind == "country" and e.what == "name"}
    assert len(countries) >= 195
    for lang in ("fr", "en"):
        with_adjective = {e.code for e in kb.entries() if e.what == ADJECTIVE and e.lang == lang}
        assert len(with_adjective) >= 190, lang


@pytest.mark.parametrize(("surface", "code"), [
    ("Biélorussie", "BLR"), ("Belarus", "BLR"), ("Royaume-Uni", "GBR"), ("Corée du Nord", "PRK"),
    ("biélorusses", "BLR"), ("lituaniennes", "LTU"), ("polonais", "POL"), ("moscovites", "RUS"),
    ("Ukrainians", "UKR"), ("Otan", "NATO"), ("ONU", "UN"), ("UE", "EU"), ("G20", "G20"),
    ("RASD", "ESH"), ("Sahrawi Arab Democratic Republic", "ESH"), ("sahraouis", "ESH"),
])
def test_names_and_adjectives(kb, surface: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code in codes(kb, surface)


def test_capitals_are_kept_apart_from_names(kb) -> None:  # type: ignore[no-untyped-def]
    kinds = {a.entry.what for a in kb.lookup(fold("Kyiv"))} | {a.entry.what for a in kb.lookup(fold("Kiev"))}
    assert kinds == {CAPITAL}


def test_acronyms_keep_their_case(kb) -> None:  # type: ignore[no-untyped-def]
    assert all(a.exact_case for a in kb.lookup("un") if a.entry.code == "UN")


def test_role_holders_depend_on_the_date(tmp_path: Path) -> None:
    rows = (PEOPLE_HEADER
            + "Q1,Ada Quill,Ada Quill,Quill,ARN,GOV,head_of_state,2001,2009-05-01,test\n"
            + "Q2,Bo Fenn,Bo Fenn,Fenn,ARN,GOV,head_of_state,2009-05-02,,test\n")
    path = tmp_path / "people.csv"
    path.write_text(rows, encoding="utf-8")
    kb = load_actor_knowledge([path])
    assert kb.people.holder("ARN", "head_of_state", "2005-03-01")[0].name == "Ada Quill"  # type: ignore[index]
    assert kb.people.holder("ARN", "head_of_state", "2012")[0].name == "Bo Fenn"  # type: ignore[index]
    assert kb.people.holder("ARN", "head_of_state", None)[0].name == "Bo Fenn"  # type: ignore[index]
    assert kb.people.holder("ARN", "head_of_state", "1990-01-01") is None


def test_built_in_people_resolve_russian_presidents(kb) -> None:  # type: ignore[no-untyped-def]
    assert kb.people.holder("RUS", "head_of_state", "2010-06-01")[0].name == "Dmitry Medvedev"
    assert kb.people.holder("RUS", "head_of_state", "2022-06-26")[0].name == "Vladimir Putin"


def test_bad_people_date_is_a_knowledge_error() -> None:
    rows = [{"wikidata": "", "name": "X", "name_fr": "", "aliases": "", "country": "ARN", "sector": "GOV",
             "role": "head_of_state", "start": "March 2001", "end": "", "source": "t"}]
    with pytest.raises(KnowledgeError, match="YYYY"):
        read_people(rows, where="people.csv")


def test_fuzzy_person_finds_a_typo(kb) -> None:  # type: ignore[no-untyped-def]
    found = kb.fuzzy_person("Vlaimir Poutine")
    assert found and found[0].entry.name == "Vladimir Putin" and 0.85 < found[1] < 1.0
    assert kb.fuzzy_person("Grande Surface") is None


def test_user_yaml_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n"
        "  - {name: Arnor Liberation Front, code: ARN, sector: REB, kind: group, aliases: [ALF]}\n"
        "  - {name: Minsk Group, code: OSCE, sector: IGO, kind: organisation, aliases: [Minsk]}\n", encoding="utf-8")
    kb = load_actor_knowledge([path])
    assert {a.entry.sector for a in kb.lookup(fold("ALF"))} == {"REB"}
    assert {a.entry.code for a in kb.lookup("minsk")} == {"OSCE"}


def test_user_csv_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("name,code,sector,kind,aliases,wikidata\nGondor Navy,GONMIL,,group,Navy of Gondor,\n",
                    encoding="utf-8")
    kb = load_actor_knowledge([path])
    [alias] = kb.lookup(fold("Navy of Gondor"))
    assert (alias.entry.code, alias.entry.sector) == ("GON", "MIL")
    bad = tmp_path / "mine.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"\.yaml"):
        load_actor_knowledge([bad])
    broken = tmp_path / "broken.yaml"
    broken.write_text("actors:\n  - {code: ARN}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="name"):
        load_actor_knowledge([broken])


PETRARCH_SAMPLE = """<!-- a comment
over two lines -->
GONDOR [GON]
+MINAS_TIRITH
ARNOR_  [ARN] # a note
WIZARD_COUNCIL
\t[WIZ < 950601]
\t[WIZGOV 19950601 - 19990815]
\t[WIZREB > 990816]
BOROMIR [---]
"""


def test_petrarch_actor_format() -> None:
    actors = {a.names[0]: a for a in parse_actors(PETRARCH_SAMPLE)}
    assert actors["GONDOR"].names == ["GONDOR", "MINAS TIRITH"] and actors["GONDOR"].stem
    assert not actors["ARNOR"].stem
    council = actors["WIZARD COUNCIL"]
    assert [(c.code, c.start, c.end) for c in council.codes] == [
        ("WIZ", None, "1995-06-01"), ("WIZGOV", "1995-06-01", "1999-08-15"), ("WIZREB", "1999-08-16", None)]
    assert actors["BOROMIR"].codes[0].code is None
    assert not looks_like_agents(PETRARCH_SAMPLE)


def test_petrarch_agents_format() -> None:
    text = ("!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\n"
            "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n")
    agents = parse_agents(text)
    assert looks_like_agents(text)
    assert agents[0].sector == "COP" and "polices" in agents[0].forms
    assert {"congressman", "congresswoman"} <= set(agents[1].forms)
    assert agents[2].forms == ["attorney general", "attorneys general"]


def test_petrarch_validation_dictionaries(shared_dir: Path) -> None:
    folder = shared_dir / "eval" / "dev" / "events" / "petrarch2-unit"
    kb = load_actor_knowledge([folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"])
    [gollum] = kb.lookup("gollum")
    assert gollum.entry.term_at("1997-01-01").raw_code == "HOBGOV"  # type: ignore[union-attr]
    assert gollum.entry.term_at("2005-01-01").sector == "REB"  # type: ignore[union-attr]
    assert {a.entry.sector for a in kb.lookup("troops")} == {"MIL"}
    assert kb.stem_matches("argentina")[0].entry.code == "ARG"


def test_knowledge_loads_fast(kb) -> None:  # type: ignore[no-untyped-def]
    # kb: the libraries it reads with are imported already, so this times the build alone; CPU time,
    # not wall time: on a shared machine the wall clock also counts the waits for a core
    start = time.process_time()
    load_actor_knowledge()
    assert time.process_time() - start < 2.0


def test_armed_groups_are_actors_with_their_sector() -> None:
    from chronique.knowledge.actors import load_actor_knowledge

    kb = load_actor_knowledge()
    for surface, code in (("boko haram", "BOKOHARAM"), ("etat islamique", "ISIL"), ("ansar dine", "ANSARDINE")):
        entries = [a.entry for a in kb.lookup(surface)]
        assert {(e.code, e.sector, e.kind) for e in entries} == {(code, "REB", "group")}, surface
    assert {a.entry.sector for a in kb.lookup("otan")} == {"IGO"}
