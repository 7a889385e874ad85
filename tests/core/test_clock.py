"""The clock: stored timestamps, and a CLIENTCHECK_NOW that cannot be used refused, not ignored."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clientcheck.clock import local_moment, normalise_timestamp, now_stamp
from clientcheck.errors import ClientcheckError
from tests.conftest import TEST_BANKS, CliInvoke


@pytest.mark.parametrize(("value", "stored"), [
    ("2026-01-31T09:30:00Z", "2026-01-31T09:30:00Z"),
    ("2026-01-31T10:30:00.5+01:00", "2026-01-31T09:30:00Z"),
    ("2026-01-31", "2026-01-31T00:00:00Z"),
    ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
])
def test_times_are_stored_in_utc_to_the_second(value: str, stored: str) -> None:
    assert normalise_timestamp(value) == stored


def test_a_time_already_stored_so_is_read_as_any_other() -> None:
    """The short way for a stamp already in the stored form gives what the full reading gives,
    real moments or not (30 February, hour 24, year 0)."""
    rng = random.Random(12)
    stamps = ["2024-02-29T23:59:59Z", "2023-02-29T12:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
              "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2026-06-31T10:00:00Z", "2026-01-01T10:60:00Z"]
    stamps += [f"{rng.randint(0, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}T{rng.randint(0, 24):02d}:"
               f"{rng.randint(0, 60):02d}:{rng.randint(0, 60):02d}Z" for _ in range(3000)]
    for stamp in stamps:
        try:
            full: str | None = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC).isoformat() \
                .replace("+00:00", "Z")
        except (ValueError, OverflowError):
            full = None
        assert normalise_timestamp(stamp) == full, stamp


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "garbage", "", 5, None,
                                   "2026-02-30T00:00:00Z"])
def test_times_out_of_range_or_not_times_are_none(value: object) -> None:
    assert normalise_timestamp(value) is None


def test_clientcheck_now_fixes_the_time() -> None:
    assert now_stamp({"CLIENTCHECK_NOW": "2026-01-31T10:30:00+01:00"}) == "2026-01-31T09:30:00Z"
    assert now_stamp({}).endswith("Z")


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-14:00", "tomorrow", "2026-13-01", "\x1b[2J2026"])
def test_a_clientcheck_now_that_cannot_be_used_is_an_error(value: str) -> None:
    with pytest.raises(ClientcheckError) as caught:
        now_stamp({"CLIENTCHECK_NOW": value})
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith("CLIENTCHECK_NOW is '")
    assert "\x1b" not in caught.value.message
    assert "ISO 8601" in caught.value.hint


@pytest.mark.parametrize("client", [[], ["--client", "Acme"]])
def test_assess_refuses_a_bad_clientcheck_now_before_reading_answers(cli: CliInvoke, client: list[str],
                                                                     tmp_path: Path) -> None:
    result = cli("assess", "--bank-file", str(TEST_BANKS / "full.yaml"), "--answers",
                 str(TEST_BANKS / "full-healthy.yaml"), *client, env={"CLIENTCHECK_NOW": "9999-12-31T23:59:59-14:00"})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "CLIENTCHECK_NOW is '9999-12-31T23:59:59-14:00', which is not a time clientcheck can use" in result.stderr


@pytest.mark.parametrize("zone", ["UTC", "Europe/Rome", "Asia/Kolkata", "America/Los_Angeles", "Australia/Lord_Howe"])
def test_a_stored_time_is_read_in_the_local_zone_as_datetime_reads_it(zone: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """local_moment's arithmetic gives what ``datetime.replace(tzinfo=UTC).timestamp()`` gave,
    across years, daylight-saving changes and half-hour zones; a stamp it cannot read is None."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        rng = random.Random(12)
        stamps = [f"{rng.randint(1, 9999):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
                  f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z" for _ in range(2000)]
        stamps += ["2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-10-25T00:59:59Z", "2026-10-25T01:00:00Z",
                   "2026-01-31T09:30Z", "2026-01-31", "1969-12-31T23:59:59Z"]
        for stamp in stamps:
            try:
                expected = time.localtime(datetime.fromisoformat(stamp[:19]).replace(tzinfo=UTC).timestamp())
            except (ValueError, OverflowError, OSError):
                assert local_moment(stamp) is None, stamp
                continue
            assert local_moment(stamp) == expected, stamp
        assert local_moment("garbage") is None
    finally:
        monkeypatch.undo()
        time.tzset()
