"""Numbers as people read them (i18n/numbers.py): 1.000.000 and 22,5 in Italian, 1,000,000 and 22.5 in
English; shares, counts, and a number English code grouped written again in the reader's way."""

from __future__ import annotations

import pytest

from clientcheck.i18n.numbers import count, number, percent, regrouped


@pytest.mark.parametrize(("value", "language", "expected"), [
    (1_000_000, "it", "1.000.000"), (1_000_000, "en", "1,000,000"), (22.5, "it", "22,5"), (22.5, "en", "22.5"),
    (30.0, "it", "30"), (1234.25, "it", "1.234,25"), (0.1 + 0.2, "it", "0,3"), (None, "it", "?"),
    (-1500, "it", "-1.500"), (7, "fr", "7"),
])
def test_a_number_is_grouped_and_pointed_as_its_language_writes_it(value: float | None, language: str,
                                                                    expected: str) -> None:
    assert number(value, language) == expected


def test_percent_count_and_a_number_english_code_grouped() -> None:
    assert (percent(22.54, "it"), percent(22.54, "en"), percent(40, "it"), percent(None, "it")) == \
        ("22,5%", "22.5%", "40%", "?")
    assert (count(999, "it"), count(12_000, "it"), count(12_000, "en")) == ("999", "12.000", "12,000")
    assert (regrouped("1,000,001", "it"), regrouped("1,000,001", "en")) == ("1.000.001", "1,000,001")
    assert regrouped("1,5", "it") == "1,5"  # not a number English grouped: left as written
    assert regrouped("'a,b'", "it") == "'a,b'"
