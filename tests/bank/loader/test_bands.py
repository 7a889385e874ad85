"""Band coverage on its own (bank/loader/bands.py), no file and no reader: bands cover 0-100 once,
in rising order of level, and each gap, overlap and fall is one problem at the band it concerns."""

from __future__ import annotations

from clientcheck.bank.loader.bands import PlacedBand, band_coverage_problems
from clientcheck.bank.model import Band
from clientcheck.levels import Level
from clientcheck.text import Text


def placed(low: int, high: int, level: Level, line: int) -> PlacedBand:
    return PlacedBand(Band(low, high, level, Text.plain("summary")), line, 5)


def coverage(*bands: PlacedBand) -> list[tuple[str, str, str]]:
    return [(p.location(), p.message, p.hint) for p in band_coverage_problems(bands, "b.yaml")]


def test_bands_that_cover_0_to_100_once_in_rising_order_have_no_problem() -> None:
    assert coverage(placed(0, 24, Level.KEEP, 1), placed(25, 64, Level.WATCH, 2), placed(65, 100, Level.LET_GO, 3)) \
        == []
    assert coverage(placed(0, 100, Level.WATCH, 1)) == []
    assert coverage() == []


def test_each_gap_overlap_and_fall_is_one_problem_at_the_band_it_concerns() -> None:
    assert coverage(placed(5, 20, Level.WATCH, 1), placed(30, 60, Level.KEEP, 2), placed(50, 90, Level.LET_GO, 3)) == [
        ("b.yaml:1:5", "risk 0–4 falls in no band", "the first band should start at 'min: 0'"),
        ("b.yaml:2:5", "gap: risk 21–29 falls in no band", "start this band at 'min: 21'"),
        ("b.yaml:2:5", "level 'keep' follows 'watch' at a higher risk",
         "levels go keep → watch → renegotiate → let_go as risk grows"),
        ("b.yaml:3:5", "overlap: risk 50–60 is in two bands", "start this band at 'min: 61'"),
        ("b.yaml:3:5", "risk 91–100 falls in no band", "the last band should end at 'max: 100'"),
    ]


def test_band_coverage_takes_the_bands_in_any_order() -> None:
    low, middle, high = placed(0, 30, Level.KEEP, 7), placed(40, 60, Level.WATCH, 3), placed(61, 99, Level.KEEP, 1)
    problems = coverage(low, middle, high)
    assert coverage(high, low, middle) == problems
    assert [message for _, message, _ in problems] == [
        "gap: risk 31–39 falls in no band", "level 'keep' follows 'watch' at a higher risk",
        "risk 100–100 falls in no band"]
    assert [location for location, _, _ in problems] == ["b.yaml:3:5", "b.yaml:1:5", "b.yaml:1:5"]
