"""Dates as people write them in their language: "8 Jan 2026", "8 gennaio 2026".

The one home for a date a person reads (tables, prompts, reports, a bank's source). Stored
timestamps are UTC (``clock``); what a person reads is the local day, with the month's name from
the catalogue, never an ISO date in an Italian sentence. JSON keeps ISO 8601.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from functools import cache

from clientcheck.clock import local_moment
from clientcheck.i18n import tr

_CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _clock(moment: time.struct_time) -> str:
    return f"{moment.tm_hour:02d}:{moment.tm_min:02d}"


@cache
def _months(language: str, form: str) -> tuple[str, ...]:
    """The months' names (``form`` short or long) in ``language``, by number (1-12), read once:
    a table of ten thousand clients names a month on every row."""
    return ("", *(tr(language, f"month.{form}.{number}") for number in range(1, 13)))


def short_date(stamp: str, language: str, *, year: bool = True, with_time: bool = False) -> str:
    """``8 Jan 2026`` / ``8 gen 2026`` (without the year when ``year`` is false), with `` 09:30``
    when ``with_time`` (a table's cell)."""
    return short_dates((stamp,), language, year=year, with_time=with_time)[0]


def short_dates(stamps: Iterable[str], language: str, *, year: bool = True, with_time: bool = False) -> list[str]:
    """``short_date`` of each stamp: a table's column, the months' names looked up once for all."""
    months = _months(language, "short")
    dates = []
    for stamp in stamps:
        moment = local_moment(stamp)
        if moment is None:
            dates.append(stamp)
            continue
        text = f"{moment.tm_mday} {months[moment.tm_mon]} {moment.tm_year}" if year else \
            f"{moment.tm_mday} {months[moment.tm_mon]}"
        dates.append(f"{text} {_clock(moment)}" if with_time else text)
    return dates


def long_date(stamp: str, language: str, *, with_time: bool = False) -> str:
    """``8 January 2026`` / ``8 gennaio 2026``, with ``, 09:00`` / ``, ore 09:00`` when asked."""
    moment = local_moment(stamp)
    if moment is None:
        return stamp
    text = tr(language, "date.long", day=moment.tm_mday, month=_months(language, "long")[moment.tm_mon],
              year=moment.tm_year)
    return tr(language, "date.with_time", date=text, time=_clock(moment)) if with_time else text


def calendar_date(value: str, language: str) -> str:
    """A day as a bank writes it (``2020-02-29``, ``2020-02``, ``2020``: no time, no time zone) as
    ``29 febbraio 2020``, ``febbraio 2020``, ``2020``; anything else as it is."""
    found = _CALENDAR_DATE.fullmatch(value)
    if not found or not 1 <= int(found[2] or 1) <= 12:
        return value
    year, month, day = found[1], found[2], found[3]
    if month is None:
        return year
    name = _months(language, "long")[int(month)]
    if day is None:
        return tr(language, "date.month", month=name, year=int(year))
    return tr(language, "date.long", day=int(day), month=name, year=int(year))
