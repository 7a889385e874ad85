"""What every part of the bank reader shares: the id patterns, one word of a fixed set, a verdict level."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

import yaml

from clientcheck.bank.reader import NodeReader, did_you_mean, one_of
from clientcheck.levels import LEVELS, Level

BANK_ID = re.compile(r"[a-z][a-z0-9-]{0,63}")
ITEM_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")

Choice = TypeVar("Choice", bound=StrEnum)


def read_choice(reader: NodeReader, node: yaml.Node, what: str, choices: type[Choice]) -> Choice | None:
    """One of the words of ``choices`` (a bank's ``kind``, a profile's ``exit_plan``)."""
    value = reader.scalar(node)
    names = [choice.value for choice in choices]
    if isinstance(value, str) and value in names:
        return choices(value)
    reader.error(node, f"{what} is {reader.shown(node)}, which is not one of {one_of(names)}",
                 did_you_mean(str(value), names) or f"write one of {one_of(names)}")
    return None


def read_level(reader: NodeReader, node: yaml.Node, what: str) -> Level | None:
    value = reader.scalar(node)
    names = [level.value for level in LEVELS]
    if isinstance(value, str) and value in names:
        return Level(value)
    reader.error(node, f"{what} is {reader.shown(node)}, not a verdict level",
                 did_you_mean(str(value), names) or f"levels are {one_of(names)}")
    return None
