"""The stages' settings are their spaCy config: set through add_pipe or a config file, kept in the
pipeline's config so that spaCy rebuilds the same pipeline from it, and checked when built."""

from __future__ import annotations

import pytest
import spacy

from chronique.errors import ConfigError
from chronique.nlp.components import register_components
from chronique.nlp.events import EventCoder
from chronique.nlp.places import MAX_PREFIX_TOKENS, RECOVER_MIN_POPULATION, PlaceTagger

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
