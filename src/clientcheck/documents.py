"""Every JSON document clientcheck writes: what kind it is, its schema version, how it is written.

A reader (a script, ``clientcheck import``, an editor) checks ``kind`` and ``schema_version``
before anything else, so both are decided here, once for each kind of document.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
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
    stream.write(json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
    stream.flush()
