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

from clientcheck.clock import STORED_PATTERN, STORED_STAMP, local_moment, utc_seconds
from clientcheck.i18n import tr

_CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_STORED_STAMPS = re.compile(f"(?:{STORED_PATTERN}\n)*{STORED_PATTERN}")
"""Stored timestamps joined by newlines: a column of them asked at once (each is 20 characters)."""
_DAY = 86_400


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
    """``short_date`` of each stamp: a table's column, the months' names looked up once for all.
    Without the time, each UTC day's local dates are worked out once (``_local_day``): ten
    thousand clients seen on a few hundred days read a few hundred clocks, not ten thousand."""
    months = _months(language, "short")
    if with_time:
        return [_written(stamp, local_moment(stamp), months, year, True) for stamp in stamps]
    stamps = list(stamps)
    joined = "\n".join(stamps)  # the usual column, every stamp as stored, is asked once (in C)
    all_stored = len(joined) == 21 * len(stamps) - 1 and _STORED_STAMPS.fullmatch(joined) is not None
    days: dict[str, _LocalDay | None] = {}
    dates = []
    for stamp in stamps:
        utc_day = stamp[:10]
        day = days[utc_day] if utc_day in days else days.setdefault(utc_day, _local_day(utc_day, months, year))
        if day is not None and (all_stored or STORED_STAMP.fullmatch(stamp)):
            dates.append(day[1] if stamp[11:19] < day[0] else day[2])
        else:  # not a stamp as stored, or a day on which the zone's offset changes: read alone
            dates.append(_written(stamp, local_moment(stamp), months, year, False))
    return dates


_LocalDay = tuple[str, str, str]
"""One UTC day in the local zone: the UTC time (``HH:MM:SS``) at which the local date turns, the
local date written before it and from it on."""


def _local_day(utc_day: str, months: tuple[str, ...], year: bool) -> _LocalDay | None:
    """The dates written for a UTC day (``2026-01-31``) read in the local zone, or None when its
    offset is not the same at the day's first and last second (a daylight-saving change: each
    stamp is read alone) or it is not a day. With one offset all day, a stamp's local date is the
    first second's until local midnight and the last second's from it on."""
    start = utc_seconds(utc_day)
    if start is None:
        return None
    try:
        first, last = time.localtime(start), time.localtime(start + _DAY - 1)
    except (OverflowError, OSError):
        return None
    if first.tm_gmtoff != last.tm_gmtoff:
        return None
    turn = -first.tm_gmtoff % _DAY  # seconds into the UTC day when it is local midnight; 0: never
    return (f"{turn // 3600:02d}:{turn // 60 % 60:02d}:{turn % 60:02d}",
            _written(utc_day, first, months, year, False), _written(utc_day, last, months, year, False))


def _written(stamp: str, moment: time.struct_time | None, months: tuple[str, ...], year: bool,
             with_time: bool) -> str:
    """A moment as ``short_date`` writes it; the stamp as it is when it was not a time."""
    if moment is None:
        return stamp
    text = f"{moment.tm_mday} {months[moment.tm_mon]} {moment.tm_year}" if year else \
        f"{moment.tm_mday} {months[moment.tm_mon]}"
    return f"{text} {_clock(moment)}" if with_time else text


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
