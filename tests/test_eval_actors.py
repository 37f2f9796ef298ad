"""Actor-mention scoring with a fake pipeline (hand-computed), and a model smoke test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.eval.actors import TASKS, _score
from chronique.eval.actors_seed import occurrences, parse_expected, parse_forms, run_seed
from chronique.eval.gold import GoldDocument, GoldSpan
from chronique.eval.mentions import METONYMY
from chronique.eval.registry import EvalContext
from chronique.schema import ActorMention, Article, Extraction

# A tiny fictional world: what the fake tagger knows.
LEXICON = {
    "Gondor": ("GON", "GOV", "country"), "gondorien": ("GON", "GOV", "country"),
    "Aragorn": ("GON", "GOV", "person"), "la Garde": ("GON", "MIL", "organisation"),
    "Otan": ("NATO", "IGO", "organisation"), "Rohan": ("ROH", "GOV", "country"),
}


def _tag(text: str) -> tuple[ActorMention, ...]:
    found = []
    for surface, (code, sector, kind) in LEXICON.items():
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            name = "NATO" if code == "NATO" else surface
            found.append(ActorMention(m.group(0), m.start(), m.end(), name, code, sector, kind))
    return tuple(sorted(found, key=lambda a: a.start))


class FakePipeline:
    def extract_many(self, articles, *, policy=None, report=None):  # type: ignore[no-untyped-def]
        for article in articles:
            yield Extraction(article=article, actors=_tag(article.text))

    def extract(self, text, *, lang=None, published=None, source=None):  # type: ignore[no-untyped-def]
        return Extraction(article=Article.create(text, language=lang, published=published, source=source),
                          actors=_tag(text))


def _ctx(shared: Path, limit: int | None = None) -> EvalContext:
    return EvalContext(shared=shared, pipeline=lambda: FakePipeline(), limit=limit)  # type: ignore[arg-type,return-value]


def _gold(text: str, *spans: tuple[str, str, dict[str, str]]) -> GoldSpan | list[GoldSpan]:
    out = []
    for surface, label, attrs in spans:
        start = text.index(surface)
        out.append(GoldSpan(start, start + len(surface), label, surface, attrs))
    return out


def test_corpus_scores_hand_computed(tmp_path: Path) -> None:
    text1 = "Le roi Aragorn du Gondor parle à Minas Tirith avec la Garde gondorien."
    text2 = "Rohan répond. Le capitaine Faramir se tait."
    docs = [
        GoldDocument("d1", text1, tuple(_gold(text1, ("roi Aragorn", "pers", {}), ("Gondor", "loc", {"meto": "org"}),
                                              ("Minas Tirith", "loc", {}), ("la Garde", "org", {})))),
        GoldDocument("d2", text2, tuple(_gold(text2, ("Rohan", "loc", {}), ("Faramir", "pers", {})))),
    ]
    labels = {"pers": "PER", "org": "ORG", "loc": "LOC"}
    result = _score(_ctx(tmp_path), "actors/test", "gold", docs, labels, "Notes.")
    m = result.metrics
    # predicted: Aragorn, Gondor, la Garde, gondorien (d1); Rohan (d2) → 5, of which 4 overlap gold
    assert m["precision"] == pytest.approx(4 / 5)
    # headline recall over PER + ORG + LOC→ORG: roi Aragorn ✓, Gondor ✓, la Garde ✓, Faramir ✗ → 3/4
    assert m["recall"] == pytest.approx(3 / 4)
    assert m["recall_strict"] == pytest.approx(2 / 4)  # "roi Aragorn" ≠ "Aragorn"
    assert m["precision_strict"] == pytest.approx(3 / 5)
    assert m["recall_LOC"] == pytest.approx(1 / 2) and m[f"recall_{METONYMY}"] == 1.0
    assert m["type_agreement"] == 1.0  # person/PER, country/LOC→ORG, organisation/ORG, country/LOC
    assert result.n == 6
    assert "gondorien (1)" in result.details and "1 start lowercase" in result.details
    assert "Faramir (1)" in result.details
    limited = _score(_ctx(tmp_path, limit=1), "actors/test", "gold", docs, labels, "")
    assert limited.n == 4


def test_parse_forms_and_occurrences() -> None:
    assert parse_forms("La Gondor, gondorien(s), Osgiliath (metonymy)") == (
        "La Gondor", "gondorien", "gondoriens", "Osgiliath")
    rows = parse_expected([
        {"m": "Osgiliath (metonymy), gondorien", "actor": "Gondor", "country": "GON", "sector": "GOV / MIL"},
        {"m": "le seigneur d'Osgiliath", "actor": "Denethor", "country": "GON", "sector": "GOV (steward)"},
        {"m": "l'Otan", "actor": "NATO", "country": "—", "sector": "IGO"},
    ])
    assert rows[0].sectors == {"GOV", "MIL"} and rows[2].country is None
    text = "Osgiliath tient. Le seigneur d’Osgiliath et l’Otan, les gondoriens aussi."
    found = [(rows[i].actor, text[s.start:s.end]) for i, s in occurrences(text, rows)]
    # "Osgiliath" inside "Le seigneur d'Osgiliath" belongs to the longer mention; "gondorien" is not
    # a word of "gondoriens"
    assert found == [("Gondor", "Osgiliath"), ("Denethor", "Le seigneur d’Osgiliath"), ("NATO", "l’Otan")]


def test_seed_task_on_a_fictional_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").mkdir()
    article = "Aragorn a rencontré la Garde du Rohan. Le Gondor et l’Otan observent. Eomer se tait."
    table = """# Expected
## Actors (normalised)
| mention(s) in the text | actor | country | sector |
|---|---|---|---|
| Aragorn | Aragorn | GON | GOV |
| la Garde | Guard of Gondor | GON | MIL |
| Le Gondor | Gondor | GON | MIL |
| l'Otan | NATO | — | IGO |
| Eomer | Eomer | ROH | GOV |
"""
    monkeypatch.setattr("chronique.eval.actors_seed.ARTICLE", "examples/a.txt")
    monkeypatch.setattr("chronique.eval.actors_seed.EXPECTED", "examples/a.expected.md")
    (tmp_path / "examples" / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "examples" / "a.expected.md").write_text(table, encoding="utf-8")
    result = run_seed(_ctx(tmp_path))
    m = result.metrics
    assert result.n == 5
    assert m["recall"] == pytest.approx(4 / 5)  # Eomer missed
    assert m["actor_recall"] == pytest.approx(4 / 5)
    assert m["precision"] == pytest.approx(4 / 5)  # "Rohan" is not in the table
    assert m["sector_accuracy"] == pytest.approx(3 / 4)  # "Le Gondor" tagged GOV where the table wants MIL
    assert "Rohan (ROH GOV)" in result.details


def test_tasks_registered() -> None:
    assert [t.name for t in TASKS] == ["actors/europeana-fr", "actors/hipe2020-fr", "actors/seed-example"]


@pytest.mark.model
@pytest.mark.shared
def test_seed_example_runs_on_the_real_pipeline(shared_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    seed = next(t for t in TASKS if t.name == "actors/seed-example")
    if not seed.available(shared_dir):
        pytest.skip("the canonical example is absent")
    result = seed.run(EvalContext(shared=shared_dir, pipeline=lambda: pipeline))
    assert result.n >= 20  # every listed mention occurrence of the reference
    assert 0.0 <= result.metrics["recall"] <= 1.0 and "| actor |" in result.details
