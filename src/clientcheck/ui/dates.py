"""Dates as people write them in their language: "8 Jan 2026", "8 gennaio 2026".

The one home for a date a person reads (tables, prompts, reports, a bank's source). Stored
timestamps are UTC (``clock``); what a person reads is the local day, with the month's name from
the catalogue, never an ISO date in an Italian sentence. JSON keeps ISO 8601.
"""

from __future__ import annotations

import re

from clientcheck.clock import local_moment
from clientcheck.i18n import tr

_CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parts(stamp: str) -> tuple[int, int, int, str] | None:
    moment = local_moment(stamp)
    if moment is None:
        return None
    return moment.tm_mday, moment.tm_mon, moment.tm_year, f"{moment.tm_hour:02d}:{moment.tm_min:02d}"


def short_date(stamp: str, language: str, *, year: bool = True, with_time: bool = False) -> str:
    """``8 Jan 2026`` / ``8 gen 2026`` (without the year when ``year`` is false), with `` 09:30``
    when ``with_time`` (a table's cell)."""
    parts = _parts(stamp)
    if parts is None:
        return stamp
    day, month, in_year, clock = parts
    name = tr(language, f"month.short.{month}")
    text = f"{day} {name} {in_year}" if year else f"{day} {name}"
    return f"{text} {clock}" if with_time else text


def long_date(stamp: str, language: str, *, with_time: bool = False) -> str:
    """``8 January 2026`` / ``8 gennaio 2026``, with ``, 09:00`` / ``, ore 09:00`` when asked."""
    parts = _parts(stamp)
    if parts is None:
        return stamp
    day, month, year, clock = parts
    text = tr(language, "date.long", day=day, month=tr(language, f"month.long.{month}"), year=year)
    return tr(language, "date.with_time", date=text, time=clock) if with_time else text


def calendar_date(value: str, language: str) -> str:
    """A day as a bank writes it (``2020-02-29``, ``2020-02``, ``2020``: no time, no time zone) as
    ``29 febbraio 2020``, ``febbraio 2020``, ``2020``; anything else as it is."""
    found = _CALENDAR_DATE.fullmatch(value)
    if not found or not 1 <= int(found[2] or 1) <= 12:
        return value
    year, month, day = found[1], found[2], found[3]
    if month is None:
        return year
    name = tr(language, f"month.long.{int(month)}")
    if day is None:
        return tr(language, "date.month", month=name, year=int(year))
    return tr(language, "date.long", day=int(day), month=name, year=int(year))
