"""Dates as people read them (ui/dates.py): a column of dates reuses each UTC day's local dates,
and must write what reading every stamp alone writes, in any zone, on any day."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest

from clientcheck.clock import local_moment
from clientcheck.i18n import tr
from clientcheck.ui.dates import short_dates

ZONES = ["UTC", "Europe/Rome", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
         "America/St_Johns", "Pacific/Kiritimati"]


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def read_alone(stamp: str, language: str, year: bool) -> str:
    """What a stamp reads as on its own: its local moment, the month's short name."""
    moment = local_moment(stamp)
    if moment is None:
        return stamp
    month = tr(language, f"month.short.{moment.tm_mon}")
    return f"{moment.tm_mday} {month} {moment.tm_year}" if year else f"{moment.tm_mday} {month}"


def stamp(seconds: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def stamps() -> list[str]:
    """Every 7 minutes across days whose offset changes (Europe, the US, Lord Howe's half hour,
    Chatham's 45 minutes) and the days around them, each local midnight's last and first second
    in every zone listed, stamps over the years, and text that is not a stored stamp."""
    changes = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25", "2026-11-01"]
    found = []
    for day in changes:
        start = int(time.mktime(time.strptime(day, "%Y-%m-%d"))) - 2 * 86_400  # mktime: any zone; it is a start
        found += [stamp(seconds) for seconds in range(start, start + 5 * 86_400, 7 * 60)]
    for minutes in range(-14 * 60, 15 * 60, 15):  # local midnight in a zone with this offset, and a second before
        midnight = int(time.mktime(time.strptime("2026-06-15", "%Y-%m-%d"))) // 86_400 * 86_400 - minutes * 60
        found += [stamp(midnight - 1), stamp(midnight), stamp(midnight + 86_400 * 180)]
    rng = random.Random(7)
    found += [f"{rng.randint(1, 9999):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
              f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z" for _ in range(3000)]
    found += ["not a time", "", "2026-02-30T10:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T09:60:00Z",
              "2026-01-31T09:30:00", "2026-01-31T09:30:00+05:00", "2026-01-31", "2026-01-31T09:30Z",
              "2026-01-31 09:30:00Z", "２０２６-01-31T09:30:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
              "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z"]
    return found


@pytest.mark.parametrize("language", ["it", "en"])
def test_a_column_of_dates_writes_what_each_stamp_alone_reads_as(zone: str, language: str) -> None:
    column = stamps()
    for year in (True, False):
        written = short_dates(column, language, year=year)
        expected = [read_alone(s, language, year) for s in column]
        assert written == expected, [(s, w, e) for s, w, e in zip(column, written, expected, strict=True) if w != e][:5]


def test_a_day_of_stamps_turns_at_local_midnight_and_across_a_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rome: UTC+1 in winter, so 23:00 UTC is midnight; 29 March 2026 moves to UTC+2 at 01:00 UTC,
    and 22:00 UTC of that day is already the 30th."""
    monkeypatch.setenv("TZ", "Europe/Rome")
    time.tzset()
    try:
        assert short_dates(["2026-01-31T22:59:59Z", "2026-01-31T23:00:00Z", "2026-01-31T00:00:00Z"], "en") == \
            ["31 Jan 2026", "1 Feb 2026", "31 Jan 2026"]
        assert short_dates(["2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T21:59:59Z",
                            "2026-03-29T22:00:00Z"], "it", year=False) == ["28 mar", "29 mar", "29 mar", "30 mar"]
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.usefixtures("zone")
def test_a_column_asked_at_once_is_read_alone_when_one_stamp_is_not_as_stored() -> None:
    """A column is asked at once whether every stamp is as stored; one that is not (cut, joined
    with a newline to the next, without its Z) makes each stamp asked on its own."""
    good = ["2026-01-31T23:30:00Z", "2026-03-29T00:30:00Z"]
    for odd in (["2026-01-31T09:30:0", "0Z"], ["2026-01-31T09:30:00Z\n2026-01-31T09:30:00Z"], ["2026-01-31T09:30:00"],
                ["2026-02-30T09:30:00Z"], ["2026-01-31T09:30:00Z "], ["2026-01-31T09:30:00Z", ""]):
        column = [*good, *odd, *good]
        assert short_dates(column, "en") == [read_alone(s, "en", True) for s in column], odd
