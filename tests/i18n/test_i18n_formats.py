"""Dates and numbers as people write them in their language (ui/dates.py, i18n/numbers.py): in the
messages, on the screens in Italian and English, and JSON left in ISO 8601 and plain numbers. The
numbers' own writing is tests/i18n/test_numbers.py's."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from clientcheck.i18n import trn
from clientcheck.i18n.patterns import problem_message
from clientcheck.ui.dates import calendar_date, long_date, short_date, short_dates
from tests.clients_helpers import utc
from tests.conftest import write

CliInvoke = Callable[..., Result]
__all__ = ["utc"]  # the fixture, used by name below

STARTER_ANSWERS = """bank: starter
answers:
  pays_late: often
  has_contract: no
  free_advice: sometimes
  not_listened: always
  odd_hours: often
  goals_clear: no
  drained: often
  revenue_share: 22.5
"""


def test_trn_groups_the_count_it_fills_in() -> None:
    assert trn("it", "history.count", 12_345) == "12.345 valutazioni"
    assert trn("en", "history.count", 12_345) == "12,345 assessments"


def test_a_size_error_reads_italian_numbers() -> None:
    english = "file is 1,100,000 bytes, over the 1,000,000-byte limit"
    assert problem_message(english, "it") == "il file è di 1.100.000 byte, oltre il limite di 1.000.000 byte"
    assert problem_message(english, "en") == english


@pytest.mark.usefixtures("utc")
def test_dates_in_both_languages() -> None:
    stamp = "2026-01-08T09:30:00Z"
    assert (short_date(stamp, "it"), short_date(stamp, "en")) == ("8 gen 2026", "8 Jan 2026")
    assert short_date(stamp, "it", with_time=True) == "8 gen 2026 09:30"
    assert long_date(stamp, "it", with_time=True) == "8 gennaio 2026, ore 09:30"
    assert short_date("not a time", "it") == "not a time"


@pytest.mark.usefixtures("utc")
def test_a_column_of_dates_reads_as_each_date_alone() -> None:
    stamps = ["2026-01-08T09:30:00Z", "2025-12-31T23:59:59Z", "not a time", "2024-02-29T00:00:00Z", ""]
    for language in ("it", "en"):
        for year, with_time in ((True, False), (False, False), (True, True)):
            column = short_dates(iter(stamps), language, year=year, with_time=with_time)
            assert column == [short_date(s, language, year=year, with_time=with_time) for s in stamps]
    assert short_dates(stamps, "it", with_time=True)[:3] == ["8 gen 2026 09:30", "31 dic 2025 23:59", "not a time"]
    assert short_dates(stamps, "en", year=False)[3] == "29 Feb"


def test_a_banks_calendar_date_is_not_moved_by_the_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")  # a day read as a UTC midnight would be the 28th here
    time.tzset()
    try:
        assert calendar_date("2020-02-29", "it") == "29 febbraio 2020"
        assert short_date("2020-02-29", "it") == "28 feb 2020"  # what a timestamp's reading would say
    finally:
        monkeypatch.undo()
        time.tzset()
    assert calendar_date("2020-02-29", "en") == "29 February 2020"
    assert (calendar_date("2020-02", "it"), calendar_date("2020", "it")) == ("febbraio 2020", "2020")
    assert calendar_date("2020-13-01", "it") == "2020-13-01"


@pytest.fixture
def saved_client(cli: CliInvoke, tmp_path: Path) -> Path:
    answers = write(tmp_path / "answers.yaml", STARTER_ANSWERS)
    for day in ("2026-01-08", "2026-11-20"):
        result = cli("assess", "--bank", "starter", "--answers", str(answers), "--client", "Acme",
                     env={"CLIENTCHECK_NOW": f"{day}T09:30:00Z"})
        assert result.exit_code == 0, result.stderr
    return answers


@pytest.mark.usefixtures("utc", "saved_client")
def test_the_tables_write_dates_and_shares_as_italians_do(cli: CliInvoke) -> None:
    clients = cli("clients", "--lang", "it").stdout
    assert "20 nov 2026" in clients and "2026-11-20" not in clients
    history = cli("history", "Acme", "--lang", "it").stdout
    assert "8 gen 2026 09:30" in history and "20 nov 2026 09:30" in history
    assert "(starter, 8 gennaio 2026)" in history and "2026-01-08" not in history
    portfolio = cli("portfolio", "--lang", "it").stdout
    assert "22,5%" in portfolio and "22.5%" not in portfolio
    english = cli("portfolio", "--lang", "en").stdout
    assert "22.5%" in english and "20 Nov 2026" in english


@pytest.mark.usefixtures("utc", "saved_client")
def test_json_keeps_iso_dates_and_plain_numbers(cli: CliInvoke) -> None:
    document = json.loads(cli("portfolio", "--lang", "it", "--json").stdout)
    text = json.dumps(document)
    assert "2026-11-20T09:30:00Z" in text and "22.5" in text
    assert "20 nov" not in text and "22,5" not in text


def test_banks_show_writes_the_sources_date_in_words(cli: CliInvoke) -> None:
    shown = cli("banks", "show", "starter", "--lang", "it").stdout
    assert "29 febbraio 2020" in shown and "2020-02-29" not in shown
