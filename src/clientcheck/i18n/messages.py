"""A message built where the problem is found but written only once its reader's language is
known: a catalogue key and its values, turned into text with ``tr``/``trn`` at the edge.

Code that finds problems deep down (an import's checks, the JSON reader) does not know the
reader's language and should not have to: it says *which* message with which values, and whoever
reports it writes it in English, Italian or any language the catalogues have. A value that is a
``Message`` itself (what a field should be, the reason a line is not JSON) is written in the same
language. ``str()`` gives the English, so a library caller and a log read as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from clientcheck.i18n import tr, trn
from clientcheck.text import DEFAULT_LANGUAGE


class Message(NamedTuple):
    """The catalogue entry ``key`` with ``values``; with ``number``, its plural form for that number
    (``{count}`` is then filled with it)."""

    key: str
    values: Mapping[str, object]
    number: int | None = None

    def text(self, language: str) -> str:
        values = {name: value.text(language) if isinstance(value, Message) else value
                  for name, value in self.values.items()}
        if self.number is None:
            return tr(language, self.key, **values)
        return trn(language, self.key, self.number, **values)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANGUAGE)


_NO_VALUES: Mapping[str, object] = {}


def message(key: str, /, **values: object) -> Message:
    """The entry ``key`` filled with ``values``, to be written later in its reader's language."""
    return Message(key, values or _NO_VALUES)


def counted(key: str, number: int, /, **values: object) -> Message:
    """The entry ``key`` in its plural form for ``number``."""
    return Message(key, values or _NO_VALUES, number)
