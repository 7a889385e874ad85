"""Walk a YAML node tree, check shapes and types, and collect located problems.

Shared by the bank loader and the answers loader. It never stops at the first problem:
a user fixing a file wants to see everything that is wrong in one go.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection, Iterable, Sequence

import yaml

from clientcheck.bank.yamlsafe import position, scalar_value
from clientcheck.errors import Problem, Severity
from clientcheck.text import LANGUAGES, Text

_MERGE_TAG = "tag:yaml.org,2002:merge"


def kind(node: yaml.Node) -> str:
    """How a node looks to a person: 'a list', 'a number', ..."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = scalar_value(node) if isinstance(node, yaml.ScalarNode) else None
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({node.value})"
    if isinstance(value, (int, float)):
        return f"a number ({node.value})"
    return f"the text {str(value)[:40]!r}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


SUGGESTION_BUDGET = 20_000
"""Ids one file may compare for "did you mean" among the ids a bank defines (400 misspelt
references in a 50-question bank, 4 in a 5,000-question one): thousands of them in a huge
bank would otherwise take time that grows with the square of its size."""


def one_of(choices: Sequence[str]) -> str:
    return ", ".join(f"'{choice}'" for choice in choices)


class FirstError(Exception):
    """Raised by a ``NodeReader`` told to stop at the first error, once that error is recorded."""


class NodeReader:
    """Reads values out of nodes; every failed read becomes a Problem and returns None. With
    ``stop_at_first_error``, the first error raises ``FirstError`` instead: enough to tell that a
    file is broken and where (``banks list``), without reading the thousands after it."""

    def __init__(self, name: str, languages: Sequence[str] = LANGUAGES, *, stop_at_first_error: bool = False) -> None:
        self.name = name
        self.languages: tuple[str, ...] = tuple(languages)
        self.problems: list[Problem] = []  # added to through error, warn and add only, which count the errors
        self._errors = 0  # counted as they come: readers ask after every part, and a broken bank has thousands
        self._comparisons_left = SUGGESTION_BUDGET
        self._stop = stop_at_first_error

    # -- reporting --------------------------------------------------------------------
    def error(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self._add(node, message, hint, "error")

    def warn(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self._add(node, message, hint, "warning")

    def add(self, problems: Iterable[Problem]) -> None:
        """Problems found without a node at hand (e.g. the bands' coverage)."""
        for problem in problems:
            self.problems.append(problem)
            self._errors += problem.severity == "error"
            if self._stop and self._errors:
                raise FirstError

    def _add(self, node: yaml.Node, message: str, hint: str, severity: Severity) -> None:
        line, column = position(node)
        self.add((Problem(self.name, line, column, message, hint, severity),))

    @property
    def has_errors(self) -> bool:
        return self._errors > 0

    @property
    def error_count(self) -> int:
        """Errors so far: comparing two counts tells whether the part read in between is clean."""
        return self._errors

    def suggest(self, word: str, choices: Collection[str]) -> str:
        """``did_you_mean`` among ids the bank defines (questions, dimensions), which grow with it:
        past the file's ``SUGGESTION_BUDGET`` the caller's plain hint stands alone."""
        self._comparisons_left -= len(choices)
        return did_you_mean(word, choices) if self._comparisons_left >= 0 else ""

    # -- structure --------------------------------------------------------------------
    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} should be a mapping of 'key: value' lines, found {kind(node)}",
                       "indent the keys under it, each as 'key: value'")
            return None
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.error(key_node, "merge keys ('<<') are not allowed", "write the keys out in full")
                continue
            key = scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, f"keys in {what} must be words, found {kind(key_node)}",
                           "quote the key if it really is text")
                continue
            if key in entries:
                first_line, _ = position(entries[key][0])
                self.error(key_node, f"duplicate key '{key}' in {what} (first at line {first_line})",
                           "keep one of the two: YAML would silently drop the first")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def fields(self, node: yaml.Node, what: str, required: Sequence[str],
               optional: Sequence[str] = ()) -> dict[str, yaml.Node] | None:
        """The values of a mapping with a fixed set of keys; unknown and missing keys reported."""
        entries = self.mapping(node, what)
        if entries is None:
            return None
        known = (*required, *optional)
        meant: set[str] = set()  # required keys that a misspelt key stands for: not reported missing too
        for key, (key_node, _) in entries.items():
            if key not in known:
                suggestion = did_you_mean(key, known)
                self.error(key_node, f"unknown key '{key}' in {what}",
                           suggestion or f"the keys allowed here are {one_of(known)}")
                meant.update(k for k in required if suggestion and suggestion == did_you_mean(key, [k]))
        missing = [key for key in required if key not in entries and key not in meant]
        if missing:
            self.error(node, f"{what} is missing {one_of(missing)}",
                       f"add {'it' if len(missing) == 1 else 'them'}: see docs/bank-format.md")
        return {key: value for key, (_, value) in entries.items() if key in known}

    def sequence(self, node: yaml.Node, what: str, *, allow_empty: bool = False) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} should be a list ('- ' items), found {kind(node)}",
                       "write each item on its own line starting with '- '")
            return None
        if not node.value and not allow_empty:
            self.error(node, f"{what} is empty", "add at least one item")
        return list(node.value)

    # -- scalars ----------------------------------------------------------------------
    def scalar(self, node: yaml.Node) -> object:
        return scalar_value(node) if isinstance(node, yaml.ScalarNode) else _NOT_SCALAR

    def shown(self, node: yaml.Node) -> str:
        """A value as a message quotes it: a scalar as written (repr), anything else by its shape."""
        return repr(scalar_value(node)) if isinstance(node, yaml.ScalarNode) else kind(node)

    def string(self, node: yaml.Node, what: str) -> str | None:
        value = self.scalar(node)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(node.value)  # a date like 2020 or a number used as text is fine
        self.error(node, f"{what} should be text, found {kind(node)}", "write some text, in quotes if needed")
        return None

    def identifier(self, node: yaml.Node, what: str, pattern: re.Pattern[str], example: str) -> str | None:
        value = self.scalar(node)
        if isinstance(value, str) and pattern.fullmatch(value):
            return value
        self.error(node, f"{what} should be an id like '{example}', found {kind(node)}",
                   "use lowercase letters, digits and '_' (bank ids use '-'), starting with a letter")
        return None

    def number(self, node: yaml.Node, what: str) -> float | None:
        value = self.scalar(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if math.isfinite(value):
                return float(value)
            self.error(node, f"{what} should be a finite number, found {node.value}", "write digits, e.g. 2 or 0.5")
            return None
        self.error(node, f"{what} should be a number, found {kind(node)}", "write digits, e.g. 2 or 0.5")
        return None

    def integer(self, node: yaml.Node, what: str, minimum: int | None = None,
                maximum: int | None = None) -> int | None:
        value = self.scalar(node)
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(node, f"{what} should be a whole number, found {kind(node)}", "write digits, e.g. 3")
            return None
        below, above = minimum is not None and value < minimum, maximum is not None and value > maximum
        if below or above:
            if minimum is not None and maximum is not None and maximum - minimum <= 1_000_000:
                bounds = f"from {minimum} to {maximum}"
            else:  # a bound that only keeps a value storable is named only when it is passed
                bounds = f"at least {minimum}" if below else f"at most {maximum:,}"
            self.error(node, f"{what} is {value}, it should be {bounds}", f"write a whole number {bounds}")
            return None
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        value = self.scalar(node)
        if isinstance(value, bool):
            return value
        self.error(node, f"{what} should be true or false, found {kind(node)}", "write true or false")
        return None

    def text(self, node: yaml.Node, what: str) -> Text | None:
        """A plain string, or a mapping by language that has every declared language."""
        value = self.scalar(node)
        if isinstance(value, str) and value.strip():
            return Text.plain(value.strip())
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} should be text or a mapping by language, found {kind(node)}",
                       f"write a string, or one line per language: {', '.join(self.languages)}")
            return None
        entries = self.mapping(node, what)
        if entries is None:
            return None
        values: dict[str, str] = {}
        for language, (key_node, value_node) in entries.items():
            if language not in LANGUAGES:
                suggestion = did_you_mean(language, LANGUAGES)
                self.error(key_node, f"unknown language '{language}' in {what}",
                           suggestion or f"languages are {one_of(LANGUAGES)}")
                continue
            if language not in self.languages:
                self.error(key_node, f"{what} has '{language}', which the bank does not declare",
                           f"add '{language}' to the bank's 'languages', or remove this line")
                continue
            text = self.scalar(value_node)
            if not isinstance(text, str) or not text.strip():
                self.error(value_node, f"{what} ({language}) should be text, found {kind(value_node)}",
                           "write the text, in quotes if it contains ': ' or starts with a symbol")
                continue
            values[language] = text.strip()
        missing = [lang for lang in self.languages if lang not in entries]
        if missing:
            translations = "translation" if len(missing) == 1 else "translations"
            self.error(node, f"{what} is missing its {one_of(missing)} {translations}",
                       f"add a line '{missing[0]}: ...' under it")
        return Text.of(values) if values else None


_NOT_SCALAR = object()
