"""Every JSON document clientcheck writes: what kind it is, its schema version, how it is written.

A reader (a script, ``clientcheck import``, an editor) checks ``kind`` and ``schema_version``
before anything else, so both are decided here, once for each kind of document.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from json.encoder import encode_basestring as _string  # json's own (C)
from typing import Any, Final, TextIO

from clientcheck import __version__
from clientcheck.text import json_safe


class Kind(StrEnum):
    """What a document is; its ``kind`` field reads ``clientcheck.<value>``."""

    RESULT = "result"  # assess --json, and every saved result
    EXIT_PLAN = "exit_plan"
    LETTER = "letter"
    EXPORT = "export"
    CLIENTS = "clients"
    HISTORY = "history"
    PORTFOLIO = "portfolio"
    REPORT = "report"
    IMPORT = "import"
    FORGET = "forget"
    BANKS = "banks"
    BANK = "bank"
    NEW_BANK = "new_bank"
    VALIDATION = "validation"
    BANK_PATH = "bank_path"
    WHERE = "where"

    @property
    def tag(self) -> str:
        """The value of the document's ``kind`` field, e.g. ``clientcheck.result``."""
        return f"clientcheck.{self.value}"


SCHEMA_VERSIONS: Final[Mapping[Kind, int]] = dict.fromkeys(Kind, 1)
"""Each kind's schema version: raise one when its documents change in a way old readers would misread."""


def envelope(kind: Kind, **fields: Any) -> dict[str, Any]:
    """A document of ``kind``: its kind, schema version and clientcheck version, then ``fields``."""
    return {"kind": kind.tag, "schema_version": SCHEMA_VERSIONS[kind], "clientcheck_version": __version__,
            **fields}


def write_json(document: Mapping[str, Any], stream: TextIO) -> None:
    """One document, indented, non-ASCII as itself (except what a terminal would act on, escaped:
    ``json_safe``), and a final newline."""
    stream.write(json_safe(indented_json(document)) + "\n")
    stream.flush()


def indented_json(value: Any) -> str:
    """``value`` exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, built by
    plain recursion around json's own C string encoder: json's indenting encoder is pure Python and
    passes every token through generators (a list of 10,000 clients has 300,000; a third of the time)."""
    return _json_value(value, "\n")


def _json_value(value: Any, newline: str) -> str:
    # the order json.encoder checks types in: a bool is an int, an IntEnum an int, a StrEnum a str
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    inner = newline + "  "
    if isinstance(value, list | tuple):
        return "[" + inner + ("," + inner).join(_json_value(item, inner) for item in value) + newline + "]" \
            if value else "[]"
    if isinstance(value, dict):
        return "{" + inner + ("," + inner).join(f"{_json_key(key)}: {_json_value(item, inner)}"
                                                for key, item in value.items()) + newline + "}" if value else "{}"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _json_key(key: Any) -> str:
    """A key as json writes it: text as it is; a number, true, false or null as their text."""
    if isinstance(key, str):
        return _string(key)
    if isinstance(key, float):
        return _string(_float(key))
    if key is True or key is False or key is None:
        return '"true"' if key is True else '"false"' if key is False else '"null"'
    if isinstance(key, int):
        return _string(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
