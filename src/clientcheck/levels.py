"""Verdict levels: the one place that knows each level's rank, colour and name.

Core, not bank: saved clients, screens and banks all speak of levels, and none of them should
need another layer to do it.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """Verdict levels, in rising order of concern: the one place that knows each level's rank,
    colour and name."""

    KEEP = "keep"
    WATCH = "watch"
    RENEGOTIATE = "renegotiate"
    LET_GO = "let_go"

    @property
    def rank(self) -> int:
        """0 for keep up to 3 for let go: levels compare by rank, never by name."""
        return LEVELS.index(self)

    @property
    def colour(self) -> str:
        """How a terminal shows it: a colour name that Rich and the plain screens both know."""
        return _LEVEL_COLOURS[self]

    @property
    def label_key(self) -> str:
        """The i18n key of the level's name (``level.keep``...)."""
        return f"level.{self.value}"


LEVELS: tuple[Level, ...] = tuple(Level)
_LEVEL_COLOURS = {Level.KEEP: "green", Level.WATCH: "yellow", Level.RENEGOTIATE: "dark_orange", Level.LET_GO: "red"}
