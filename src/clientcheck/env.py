"""One object for the outside world: streams, terminal facts and environment variables.

Commands receive it instead of reaching for ``sys`` and ``os``, so tests can swap any part.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

HOME_ENV = "CLIENTCHECK_HOME"
"""The variable that moves clientcheck's own folder (saved clients, the user's banks)."""


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


@dataclass
class Environment:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    stderr_isatty: bool = False

    @classmethod
    def from_system(cls) -> Environment:
        return cls(sys.stdin, sys.stdout, sys.stderr, dict(os.environ),
                   _isatty(sys.stdin), _isatty(sys.stdout), _isatty(sys.stderr))

    @property
    def stdin_bytes(self) -> BinaryIO | None:
        return getattr(self.stdin, "buffer", None)

    @property
    def debug(self) -> bool:
        return self.environ.get("CLIENTCHECK_DEBUG", "") not in ("", "0")
