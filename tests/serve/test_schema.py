"""Schemathesis over the OpenAPI document, against the real server: no route answers 5xx.

Each operation gets ``MAX_EXAMPLES`` generated requests (valid and invalid
parameters), so the run takes seconds. Checks: no server error, and the status
code and content type are ones the document declares. Positive-data acceptance is
not checked: ``event`` or ``country`` are free strings in the schema (they may be
comma-separated) and a made-up type or code is a 422.

Schemathesis' own pytest plugin does not work with pytest 9 yet, so the test walks
the operations and runs each one's Hypothesis strategy itself.
"""

from __future__ import annotations

from collections import Counter

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from tests.serve.conftest import LiveServer

MAX_EXAMPLES = 40
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


def test_schema_no_server_errors(server: LiveServer) -> None:
    schema = schemathesis.openapi.from_url(server.url + "/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12

    statuses: Counter[int] = Counter()

    for operation in operations:
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def exercise(case: schemathesis.Case) -> None:
                response = case.call_and_validate(base_url=server.url, checks=CHECKS, timeout=10)
                statuses[response.status_code] += 1

            try:
                exercise()
            except Unsatisfiable:
                # an operation without parameters has no invalid request to make
                assert mode is schemathesis.GenerationMode.NEGATIVE

    assert statuses[200] and statuses[422], statuses  # both kinds of request were made
    assert not any(code >= 500 for code in statuses), statuses
