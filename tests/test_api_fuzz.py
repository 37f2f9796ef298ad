"""A bounded schemathesis run against the app's OpenAPI spec: whatever it sends to any operation,
the server answers without a 5xx (bad parameters are 4xx in the one error shape)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

sys.path.insert(0, str(Path(__file__).parent))
from api_helpers import fill

from chronique.api import create_app
from chronique.settings import Settings
from chronique.store.store import Store

EXAMPLES = 15  # per operation and mode (valid, then invalid data): well under a second each on a small store


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    settings = Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'store.db'}",
                        api_token="fuzz-token")  # writes are refused without it: no model is loaded
    store = Store.open(settings)
    fill(store)
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(settings, store))
    store.close()


@pytest.mark.slow
def test_no_request_gets_a_server_error(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation, mode in itertools.product(operations, (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, case.query, response.text[:300])
            if response.status_code >= 400:
                assert set(response.json()) == {"code", "message", "where"}

        try:
            answers()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # an operation that takes any string has no invalid input
