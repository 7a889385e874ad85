"""text.py: numbers written as data and typed back (format_number)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientcheck.i18n.numbers import typeable
from clientcheck.text import format_number


@pytest.mark.parametrize(("value", "written"), [
    (30.0, "30"), (22.5, "22.5"), (125000.5, "125000.5"), (1234.5678, "1234.5678"), (2500000.5, "2500000.5"),
    (99.99999, "99.99999"), (0.0001, "0.0001"), (0.00001, "0.00001"), (1.5e-7, "0.00000015"),
    (1e16, "10000000000000000"), (-3.25, "-3.25"), (None, "?"),
])
def test_a_number_is_written_in_full_never_rounded_or_with_an_exponent(value: float | None, written: str) -> None:
    assert format_number(value) == written


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_written_number_reads_back_as_the_same_number(value: float) -> None:
    written = format_number(value)
    assert "e" not in written.lower() and float(written) == value
    assert float(typeable(value, "it").replace(",", ".")) == value  # as a prompt prefills it, in Italian too
