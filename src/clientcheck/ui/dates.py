"""Dates as people write them in their language: "8 Jan 2026", "8 gennaio 2026".

Stored timestamps are UTC (``clock``); what a person reads is the local day, with the month's
name from the catalogue, never an ISO date in an Italian sentence.
"""

from __future__ import annotations

from clientcheck.clock import local_time
from clientcheck.i18n import tr


def _parts(stamp: str) -> tuple[int, int, int, str] | None:
    shown = local_time(stamp, with_time=True)
    try:
        year, month, day = (int(part) for part in shown[:10].split("-"))
    except ValueError:
        return None
    return day, month, year, shown[11:]


def short_date(stamp: str, language: str, *, year: bool = True) -> str:
    """``8 Jan 2026`` / ``8 gen 2026`` (without the year when ``year`` is false)."""
    parts = _parts(stamp)
    if parts is None:
        return stamp
    day, month, in_year, _ = parts
    name = tr(language, f"month.short.{month}")
    return f"{day} {name} {in_year}" if year else f"{day} {name}"


def long_date(stamp: str, language: str, *, with_time: bool = False) -> str:
    """``8 January 2026`` / ``8 gennaio 2026``, with ``, 09:00`` / ``, ore 09:00`` when asked."""
    parts = _parts(stamp)
    if parts is None:
        return stamp
    day, month, year, clock = parts
    text = tr(language, "date.long", day=day, month=tr(language, f"month.long.{month}"), year=year)
    return tr(language, "date.with_time", date=text, time=clock) if with_time else text
