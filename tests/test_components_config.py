"""The stages' settings are their spaCy config: set through add_pipe or a config file, kept in the
pipeline's config so that spaCy rebuilds the same pipeline from it, and checked when built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from chronique.errors import ConfigError
from chronique.nlp.components import register_components
from chronique.nlp.events import EventCoder
from chronique.nlp.models import model_name
from chronique.nlp.places import MAX_PREFIX_TOKENS, RECOVER_MIN_POPULATION, PlaceTagger
from chronique.nlp.resources import Resources
from chronique.nlp.transfers import TransferBuilder
from chronique.nlp.weapons import WeaponTagger

CONFIG = """
[nlp]
lang = "fr"
pipeline = ["chronique_places", "chronique_events"]

[components]

[components.chronique_places]
factory = "chronique_places_v1"
recover_min_population = 5000

[components.chronique_events]
factory = "chronique_events_v1"
coder = "trained"
weights = "runs/coder.json"
"""


@pytest.fixture(autouse=True)
def _components() -> None:
    register_components()


def test_without_config_the_stages_keep_their_defaults() -> None:
    nlp = spacy.blank("en")
    events, places = nlp.add_pipe("chronique_events_v1"), nlp.add_pipe("chronique_places_v1")
    assert isinstance(events, EventCoder) and (events.coder_name, events.weights) == (None, None)
    assert isinstance(places, PlaceTagger)
    assert (places.recover_min_population, places.max_prefix_tokens) == (RECOVER_MIN_POPULATION, MAX_PREFIX_TOKENS)


def test_a_config_file_assembles_the_pipeline_and_its_settings_round_trip() -> None:
    french = spacy.util.get_lang_class("fr")
    nlp = french.from_config(spacy.util.load_config_from_str(CONFIG))
    events, places = nlp.get_pipe("chronique_events"), nlp.get_pipe("chronique_places")
    assert isinstance(events, EventCoder) and events.coder_name == "trained"
    assert str(events.weights) == "runs/coder.json"
    assert isinstance(places, PlaceTagger) and places.recover_min_population == 5000
    again = french.from_config(nlp.config).get_pipe("chronique_places")
    assert isinstance(again, PlaceTagger) and again.recover_min_population == 5000


def test_an_unknown_coder_in_the_config_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="found 'neural'") as caught:
        spacy.blank("fr").add_pipe("chronique_events_v1", config={"coder": "neural"})
    assert caught.value.where == "chronique_events_v1 config: coder"


def test_a_negative_threshold_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="found -1") as caught:
        spacy.blank("fr").add_pipe("chronique_places_v1", config={"max_prefix_tokens": -1})
    assert caught.value.where == "chronique_places_v1 config: max_prefix_tokens"


def test_a_stage_added_the_spacy_way_loads_its_own_resources_on_first_use() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("chronique_sentences_v1")
    weapons = nlp.add_pipe("chronique_weapons_v1")
    assert isinstance(weapons, WeaponTagger) and weapons.catalogue is None  # nothing loaded yet
    doc = nlp("The ministry said the army would receive two Leopard 2 tanks next year.")
    assert [w["designation"] for w in doc._.ch_weapons] == ["Leopard 2"]


def test_resources_bound_by_hand_win_over_the_stage_s_own() -> None:
    nlp = spacy.blank("fr")
    weapons = nlp.add_pipe("chronique_weapons_v1")
    assert isinstance(weapons, WeaponTagger)
    resources = Resources()
    weapons.bind(resources)
    nlp("L'armée recevra des chars Leopard 2.")
    assert weapons.catalogue is resources.weapons


def test_the_stages_of_one_pipeline_share_one_set_of_resources() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("chronique_sentences_v1")
    weapons, transfers = nlp.add_pipe("chronique_weapons_v1"), nlp.add_pipe("chronique_transfers_v1")
    nlp("Spain will sell six Patriot batteries to Poland.")
    assert isinstance(weapons, WeaponTagger) and isinstance(transfers, TransferBuilder)
    assert weapons.catalogue is not None and weapons.catalogue is transfers.catalogue


def test_the_actors_stage_reads_the_actor_files_its_config_names(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - {name: Eriador Relief Fund, code: ERF, sector: NGO, kind: organisation, "
                    "aliases: [Eriador Relief Fund]}\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("chronique_sentences_v1")
    nlp.add_pipe("chronique_actors_v1", config={"actor_files": [str(mine)]})
    assert nlp.config["components"]["chronique_actors_v1"]["actor_files"] == [str(mine)]
    doc = nlp("The Eriador Relief Fund opened a clinic in the north.")
    assert [a["code"] for a in doc._.ch_actors] == ["ERF"]


def _full_config(model: str, model_pipes: list[str]) -> str:
    """A spaCy config that takes the model's components from its package and adds chronique's,
    with one setting given (the coder) and the others left to their defaults."""
    ours = ["sentences", "actors", "places", "times", "weapons", "events"]
    names = model_pipes + [f"chronique_{name}" for name in ours]
    blocks = [f'[nlp]\nlang = "en"\npipeline = {json.dumps(names)}\n\n[components]\n']
    blocks += [f'[components.{pipe}]\nsource = "{model}"\n' for pipe in model_pipes]
    blocks += [f'[components.chronique_{name}]\nfactory = "chronique_{name}_v1"\n' for name in ours]
    return "\n".join(blocks) + 'coder = "rules"\n'  # the last block is the events stage's


@pytest.mark.model
def test_a_pipeline_assembled_from_a_config_string_codes_events_unbound() -> None:
    model = model_name("en")
    config = _full_config(model, list(spacy.load(model).pipe_names))
    nlp = spacy.util.get_lang_class("en").from_config(spacy.util.load_config_from_str(config))
    doc = nlp("Norway condemned the Sudanese army's raid on the refugee camp.")
    coded = {(e["event"], e["actor"] and e["actor"]["code"]) for e in doc._.ch_events}
    assert ("ACCUSE", "NOR") in coded
