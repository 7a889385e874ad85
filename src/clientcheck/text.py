"""Text that reaches a terminal: the languages, localised strings, numbers as people write them,
and control-sequence stripping.

Bank texts and anything a user types are data. They are cleaned once, when read, so that
no escape sequence from a file can move the cursor, retitle the window or hide output.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import NamedTuple


class Language(StrEnum):
    """The languages of the interface and of the shipped banks."""

    IT = "it"
    EN = "en"


LANGUAGES: tuple[str, ...] = tuple(language.value for language in Language)
DEFAULT_LANGUAGE = Language.EN.value

_ANSI_SEQUENCE_PATTERN = (
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC ... BEL or ST
    | \x1b[P^_X][^\x1b]*(?:\x1b\\)?       # DCS / PM / APC / SOS ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]             # CSI
    | \x9b[0-?]*[ -/]*[@-~]               # 8-bit CSI
    | \x1b[ -/]*[0-~]                     # two-byte escapes
    """
)
_CONTROL_PATTERN = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first need: most texts are printable and never reach the regexes."""
    return re.compile(_ANSI_SEQUENCE_PATTERN, re.VERBOSE), re.compile(_CONTROL_PATTERN)


def strip_control(value: str) -> str:
    """Remove terminal escape sequences and control characters, keeping newlines and tabs."""
    if value.isprintable():
        return value
    ansi, control = _patterns()
    return control.sub("", ansi.sub("", value))


def plain_number(value: float) -> int | float:
    """A number as data (JSON, a bank file): whole numbers as integers, so 30 is not written 30.0."""
    return int(value) if float(value).is_integer() else value


def format_number(value: float | None) -> str:
    """A number as a person writes it: ``30``, not ``30.0``; ``?`` when there is none."""
    if value is None:
        return "?"
    number = plain_number(value)
    return str(number) if isinstance(number, int) else f"{number:g}"


class Text(NamedTuple):
    """A user-facing text: one string for every language, or one per language."""

    by_language: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, value: str) -> Text:
        return cls((("*", strip_control(value)),))

    @classmethod
    def of(cls, values: Mapping[str, str]) -> Text:
        return cls(tuple((lang, strip_control(text)) for lang, text in values.items()))

    def get(self, language: str) -> str:
        """The text in ``language``, else the language-neutral one, else English, else any."""
        values = dict(self.by_language)
        for key in (language, "*", DEFAULT_LANGUAGE):
            if key in values:
                return values[key]
        return next(iter(values.values()), "")

    def languages(self) -> frozenset[str]:
        return frozenset(lang for lang, _ in self.by_language)

    def is_plain(self) -> bool:
        return self.languages() == {"*"}
