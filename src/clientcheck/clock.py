"""Timestamps as clientcheck writes them: UTC, whole seconds, ending in Z (text order is time
order); and as it shows them: in the local time zone."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from clientcheck.errors import UsageError
from clientcheck.text import strip_control

NOW_ENV = "CLIENTCHECK_NOW"


STORED_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z"
"""A time as clientcheck stores it (``2026-01-31T09:30:00Z``); the day may still not exist."""
STORED_STAMP = re.compile(STORED_PATTERN)


def normalise_timestamp(value: Any) -> str | None:
    """An ISO 8601 time as clientcheck stores it, or None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        if STORED_STAMP.fullmatch(value):  # already stored so (an import reads 400,000): only a real moment to check
            datetime.fromisoformat(value[:19])
            return value
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    except (ValueError, OverflowError):  # OverflowError: a time whose UTC falls past year 9999 or before 1
        return None


def now_stamp(environ: Mapping[str, str]) -> str:
    """Now; CLIENTCHECK_NOW fixes it (for demos and tests), and one that is not a time clientcheck
    can store is refused rather than silently replaced by the real time."""
    given = environ.get(NOW_ENV, "")
    if given:
        fixed = normalise_timestamp(given)
        if fixed is None:
            shown = strip_control(given)[:60]
            raise UsageError(f"{NOW_ENV} is '{shown}', which is not a time clientcheck can use",
                             "set it to an ISO 8601 time between years 1 and 9999, e.g. 2026-01-31T09:30:00Z, "
                             "or unset it to use the real time")
        return fixed
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


_EPOCH = datetime(1970, 1, 1)  # naive, as stored stamps are read: they are UTC
_SECOND = timedelta(seconds=1)


def utc_seconds(stamp: str) -> int | None:
    """Seconds since the epoch of a stored UTC timestamp (``2026-01-31T09:30:00Z``, or a day:
    ``2026-01-31`` is its midnight), as ``local_moment`` reads it; None when it is not one."""
    try:
        moment = datetime.fromisoformat(stamp[:19])
    except ValueError:
        return None
    if moment.tzinfo is not None:  # a stamp too short to lose its zone at [:19]: read as UTC, like all
        moment = moment.replace(tzinfo=None)
    return (moment - _EPOCH) // _SECOND


def local_moment(stamp: str) -> time.struct_time | None:
    """A stored UTC timestamp (``2026-01-31T09:30:00Z``) in the local time zone; None when it is
    not one. Kept lean: a list of ten thousand clients converts ten thousand, and subtracting a
    naive epoch costs a fifth of ``datetime.replace(tzinfo=UTC).timestamp()``."""
    seconds = utc_seconds(stamp)
    if seconds is None:
        return None
    try:
        return time.localtime(seconds)
    except (OverflowError, OSError):
        return None
