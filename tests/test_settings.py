"""Settings: every field can be set (flag, environment, default, in that order), bad values are
configuration errors that say where, and docs/configuration.md lists every setting and option."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from chronique.errors import ConfigError
from chronique.nlp.components import CONFIGURED
from chronique.options import PipelineOptions
from chronique.settings import Settings

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def test_defaults_when_nothing_is_set() -> None:
    assert Settings.load(env={}) == Settings()


def test_the_environment_sets_every_field() -> None:
    env = {"CHRONIQUE_DB": "runs/news.db", "CHRONIQUE_BATCH_SIZE": "8", "CHRONIQUE_BUSY_TIMEOUT_S": "2.5"}
    assert Settings.load(env=env) == Settings(database_url="sqlite:///runs/news.db", batch_size=8,
                                              busy_timeout_s=2.5)


def test_flags_win_over_the_environment() -> None:
    env = {"CHRONIQUE_DB": "env.db", "CHRONIQUE_BATCH_SIZE": "8"}
    loaded = Settings.load("flag.db", batch_size=4, env=env)
    assert (loaded.database_url, loaded.batch_size) == ("sqlite:///flag.db", 4)


@pytest.mark.parametrize(("env", "where"), [({"CHRONIQUE_BATCH_SIZE": "eight"}, "$CHRONIQUE_BATCH_SIZE"),
                                             ({"CHRONIQUE_BATCH_SIZE": "0"}, "$CHRONIQUE_BATCH_SIZE"),
                                             ({"CHRONIQUE_BUSY_TIMEOUT_S": "-1"}, "$CHRONIQUE_BUSY_TIMEOUT_S")])
def test_a_bad_value_names_its_variable(env: dict[str, str], where: str) -> None:
    with pytest.raises(ConfigError, match="expected a positive") as caught:
        Settings.load(env=env)
    assert caught.value.where == where and repr(next(iter(env.values()))) in caught.value.message


def test_a_bad_flag_value_names_the_flag() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.load(batch_size=0, env={})
    assert caught.value.where == "--batch-size"


def test_every_setting_names_its_variable_and_the_page_lists_it() -> None:
    page = DOC.read_text(encoding="utf-8")
    for item in fields(Settings):
        assert item.metadata["env"] and item.metadata["help"], item.name
        assert f"`{item.name}`" in page and f"`{item.metadata['env']}`" in page, item.name
    for item in fields(PipelineOptions):
        assert f"`{item.name}`" in page, item.name


def test_the_page_lists_every_setting_of_the_spacy_components() -> None:
    page = DOC.read_text(encoding="utf-8")
    for stage, (_, config) in CONFIGURED.items():
        for setting in config:
            assert f"| `{stage.factory}` | `{setting}` |" in page, (stage.factory, setting)
