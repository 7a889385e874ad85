"""Timestamps as clientcheck writes them: UTC, whole seconds, ending in Z (text order is time order)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

NOW_ENV = "CLIENTCHECK_NOW"


def normalise_timestamp(value: Any) -> str | None:
    """An ISO 8601 time as clientcheck stores it, or None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def now_stamp(environ: Mapping[str, str]) -> str:
    """Now; CLIENTCHECK_NOW fixes it (for demos and tests)."""
    fixed = normalise_timestamp(environ.get(NOW_ENV, "")) if environ.get(NOW_ENV) else None
    if fixed is not None:
        return fixed
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
