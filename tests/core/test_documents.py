"""documents.indented_json writes exactly what json.dumps(ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
import math
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientcheck.documents import indented_json


class Colour(StrEnum):
    RED = "red"


class Rank(IntEnum):
    HIGH = 3


scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12)
           | st.sampled_from([Colour.RED, Rank.HIGH, "é\u2028\x1b[0m\x00", -0.0, 1e16, 5e-324]))
keys = st.text(max_size=8) | st.integers() | st.floats() | st.booleans() | st.none()
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                         | st.dictionaries(keys, inner, max_size=4), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_written_as_json_dumps_writes_it(value: Any) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_empty_containers_nested_and_special_numbers() -> None:
    value = {"a": [], "b": {}, "c": [[], {}], 1: math.nan, None: -math.inf, 2.5: True}
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [{1j: 1}, {"a": object()}, [b"bytes"], {(1, 2): 3}])
def test_what_json_cannot_write_is_refused_alike(value: Any) -> None:
    with pytest.raises(TypeError):
        json.dumps(value)
    with pytest.raises(TypeError):
        indented_json(value)
