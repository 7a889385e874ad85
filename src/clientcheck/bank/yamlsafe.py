"""Read YAML the careful way: a size cap, no aliases, no custom tags, bounded depth.

The result is PyYAML's node tree, which keeps every value's line and column, so that
whoever turns it into a model can say exactly where a problem is. Nothing is constructed
here beyond plain scalars, so no YAML document can run code or blow up in memory.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from clientcheck.errors import Problem
from clientcheck.reading import STDIN_NAME, ByteSource, InputError, read_bounded

# The C parser is several times faster; fall back to pure Python where PyYAML lacks it.
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1_000_000
MAX_DEPTH = 32

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {f"{_TAG}seq", f"{_TAG}map"}
_ALLOWED_TAGS = _SCALAR_TAGS | _COLLECTION_TAGS | {"!"}  # "!" is the non-specific tag: a plain string
_INT, _FLOAT, _BOOL = f"{_TAG}int", f"{_TAG}float", f"{_TAG}bool"
_VALUE_TAGS = {_INT: "a whole number", _FLOAT: "a number", _BOOL: "true or false"}
_CONSTRUCTED_TAGS = {_INT, _FLOAT, _BOOL, f"{_TAG}null"}
_VALUE_ERRORS = (ValueError, KeyError, OverflowError, TypeError, IndexError)

_MAX_DIGITS = 300  # past this a number does not fit a float (and past 4,300 Python refuses to read it)

# What YAML 1.1 reads as a number that nobody writing a bank or answers means: 010 is 8 (octal),
# 0x28 is 40 (hex), 0b11 is 3 (binary), 1:30 is 90 (base 60). Each with the tags it applies to.
_SURPRISES = (
    (re.compile(r"[-+]?0[0-7_]+"), "octal", {_INT}),
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+"), "hexadecimal", {_INT}),
    (re.compile(r"[-+]?0b[01_]+"), "binary", {_INT}),
    (re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"), "base 60, like a time", {_INT, _FLOAT}),
)

Scalar = str | int | float | bool | None


class YamlProblems(Exception):
    """The text is not YAML we accept; ``problems`` says where and why."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


SIZE_HINT = "a question bank or answers file is a few kilobytes; is this the right file?"


def read_text(source: Path | ByteSource, display: str | None = None) -> str:
    """A UTF-8 text file or stream (stdin), read through ``reading``'s bound of ``MAX_BYTES``
    whatever it is (a device, a FIFO, a pipe), or ``YamlProblems``."""
    name = display or (str(source) if isinstance(source, Path) else STDIN_NAME)
    try:
        data = read_bounded(source, name, MAX_BYTES, SIZE_HINT)
    except InputError as error:
        raise YamlProblems(error.problems) from None
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed) and refuse binary content, with its position."""
    if len(data) > MAX_BYTES:
        raise _single(name, 1, 1, f"input is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit", SIZE_HINT)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise _single(name, line, column, "looks like a binary file (it contains a NUL byte)",
                      "question banks and answers are plain UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise _single(name, line, column, "is not valid UTF-8 text",
                      "save the file as UTF-8 (most editors have it under 'Save with encoding')") from None


def compose(text: str, name: str) -> yaml.Node | None:
    """Parse one YAML document into a node tree; ``None`` for an empty document.

    The checks and the tree share one pass over the parser's events (parsing is most of the
    work on a large bank): the first refused event, or a syntax error, stops it there."""
    loader = None
    try:
        loader = _Loader(text)
        return _compose_checked(loader, name)
    except yaml.MarkedYAMLError as error:
        raise YamlProblems(tuple(_syntax_problems(error, name, text))) from None
    except yaml.reader.ReaderError as error:  # a character YAML refuses (a control character): say where
        raise YamlProblems((_reader_problem(error, name, text),)) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        raise YamlProblems((Problem(name, 1, 1, f"not valid YAML: {error}", ""),)) from None
    finally:
        if loader is not None:
            loader.dispose()


def top_level_text(text: str, key: str) -> str | None:
    """The plain text under ``key`` in the document's top mapping, read from the parser's events
    up to it and no further; None when the document does not plainly have one there (not a
    mapping, a key or value that is a collection, a tag or an alias, a syntax error before it)."""
    loader = _Loader(text)
    try:
        event = loader.get_event()
        while isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
            event = loader.get_event()
        if not isinstance(event, yaml.MappingStartEvent):
            return None
        while True:
            name = loader.get_event()
            if not isinstance(name, yaml.ScalarEvent) or name.tag is not None:
                return None  # the end of the mapping, or a key nobody writes in a bank
            value = loader.get_event()
            if name.value == key:
                return str(value.value) if isinstance(value, yaml.ScalarEvent) and value.tag is None else None
            depth = 1 if isinstance(value, yaml.CollectionStartEvent) else 0
            while depth:
                event = loader.get_event()
                depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


@contextmanager
def collecting_no_garbage() -> Iterator[None]:
    """Around building and reading a file's tree: it only grows and holds no cycles, and each
    collection would walk all of it, which made a large bank's load grow faster than the bank."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def scalar_value(node: yaml.ScalarNode) -> Scalar:
    """The plain value of a scalar node: null, true/false and numbers as YAML reads them (compose
    has refused those it cannot read); anything else is its text, timestamps included (a date
    is just text here), and so are the tags YAML gives '=' and '<<', which have no plain value."""
    if node.tag not in _CONSTRUCTED_TAGS:
        return str(node.value)
    value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)  # not construct_object: it keeps every node
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return str(node.value)  # pragma: no cover - the constructors above give only these


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column of a node."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _compose_checked(loader: yaml.SafeLoader | yaml.CSafeLoader, name: str) -> yaml.Node | None:
    """The stream's document as a node tree, as ``yaml.compose`` builds it (None: no document),
    refusing at the first event that is a second document, an alias, an anchor, a tag beyond
    plain values, or nesting past ``MAX_DEPTH``."""
    root: yaml.Node | None = None
    open_nodes: list[tuple[yaml.CollectionNode, list[yaml.Node]]] = []  # each with a key awaiting its value
    documents = 0
    problems: list[Problem] = []  # values that cannot be read: all reported once the tree is whole
    resolve: Callable[..., str] = loader.resolve
    while True:
        event: Any = loader.get_event()  # from the C or the Python parser: alike, but typed apart
        kind = type(event)
        node: yaml.Node
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(open_nodes) >= MAX_DEPTH:
                _check_node_event(event, len(open_nodes), name)
            tag = event.tag
            if kind is yaml.ScalarEvent:
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
                if tag in _VALUE_TAGS:
                    problem = _value_problem(node, name, tagged=event.tag not in (None, "!"))
                    if problem is not None:
                        problems.append(problem)
            else:
                collection = yaml.MappingNode if kind is yaml.MappingStartEvent else yaml.SequenceNode
                if tag is None or tag == "!":
                    tag = resolve(collection, None, event.implicit)
                open_nodes.append((collection(tag, [], event.start_mark, None, flow_style=event.flow_style), []))
                continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            node = open_nodes.pop()[0]
            node.end_mark = event.end_mark
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _refused(event, name, "more than one YAML document in the file",
                               "remove the '---' line: one file holds one document")
            continue
        elif kind is yaml.AliasEvent:
            raise _refused(event, name, f"alias '*{event.anchor}' is not allowed",
                           "write the value out in full; anchors and aliases are refused")
        elif kind is yaml.StreamEndEvent:
            if problems:
                raise YamlProblems(tuple(problems))
            return root
        else:
            continue
        if not open_nodes:
            root = node
            continue
        parent, key = open_nodes[-1]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif key:
            parent.value.append((key.pop(), node))
        else:
            key.append(node)


def _value_problem(node: yaml.ScalarNode, name: str, tagged: bool) -> Problem | None:
    """Why a number or true/false cannot be used as YAML reads it (None when it can): a YAML 1.1
    surprise (``010`` read as 8), a number too long for any use (past 4,300 digits Python's own
    conversion fails), or a tag on a value that is not one (``!!int "abc"``)."""
    text = str(node.value)
    line, column = position(node)
    shown = text if len(text) <= 40 else f"{text[:20]}...{text[-10:]}"
    digits = sum(character.isalnum() for character in text)
    if node.tag != _BOOL and digits > _MAX_DIGITS:
        return Problem(name, line, column, f"a number of {digits:,} digits is too large to use",
                       f"write a number of at most {_MAX_DIGITS} digits, or put it in quotes if it is text")
    for pattern, base, tags in _SURPRISES:
        if node.tag in tags and pattern.fullmatch(text):
            value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
            read = f"{value:g}" if isinstance(value, float) else str(value)
            meant = (text[0] if text[0] in "+-" else "") + (text.lstrip("+-").replace("_", "").lstrip("0") or "0") \
                if base == "octal" else read
            return Problem(name, line, column, f"'{shown}' would be read as {read} ({base}), "
                           "which is hardly ever what is meant",
                           f"write {meant} if you mean a number, or put it in quotes ('{shown}') if it is text")
    try:
        _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
    except _VALUE_ERRORS:
        wanted = _VALUE_TAGS[node.tag]
        tag = node.tag.replace(_TAG, "!!")
        if tagged:
            return Problem(name, line, column, f"'{shown}' is not {wanted}, as its tag '{tag}' says",
                           f"remove the '{tag}' tag (the value is then read as it is written), or write {wanted}")
        return Problem(name, line, column, f"'{shown}' cannot be read as {wanted}",  # pragma: no cover
                       "put it in quotes if it is text")
    return None


def _check_node_event(event: yaml.NodeEvent, depth: int, name: str) -> None:
    """Refuse a node's anchor, a tag beyond plain values, or a collection ``depth`` levels in."""
    if event.anchor is not None:
        raise _refused(event, name, f"anchor '&{event.anchor}' is not allowed",
                       "write the value out in full; anchors and aliases are refused")
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in _ALLOWED_TAGS:
        raise _refused(event, name, f"the tag '{tag.replace(_TAG, '!!')}' is not allowed",
                       "remove the tag: only plain strings, numbers, true/false, "
                       "lists and mappings are accepted")
    if isinstance(event, yaml.CollectionStartEvent) and depth + 1 > MAX_DEPTH:
        raise _refused(event, name, f"nested more than {MAX_DEPTH} levels deep",
                       "a question bank needs only a few levels; check the indentation")


def _refused(event: yaml.Event, name: str, message: str, hint: str) -> YamlProblems:
    mark = event.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return _single(name, line, column, message, hint)


def _from_yaml_error(error: yaml.MarkedYAMLError, name: str, text: str = "") -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and error.problem and "end of stream" in error.problem:
        mark = error.context_mark  # point at the opening quote, not at the end of the file
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    what = error.problem or "not valid YAML"
    if error.context:
        what = f"{error.context}: {what}"
    # libyaml says only "found character that cannot start any token" for a tab: look at it.
    lines = text.split("\n")
    at_tab = line <= len(lines) and lines[line - 1][column - 1:column] == "\t"
    return Problem(name, line, column, f"YAML syntax: {what}", _hint_for("tab" if at_tab else what))


def _reader_problem(error: yaml.reader.ReaderError, name: str, text: str) -> Problem:
    """The character YAML's reader refused, at its line and column (the reader counts it in
    characters or, in libyaml, in bytes: the first such character in the text is the one)."""
    code = error.character if isinstance(error.character, int) else 0
    index = max(text.find(chr(code)), 0)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Problem(name, line, column, f"YAML syntax: unacceptable character #x{code:04x}: {error.reason}",
                   "remove the character (most editors do not show it)")


def _syntax_problems(error: yaml.MarkedYAMLError, name: str, text: str) -> list[Problem]:
    """YAML's own error, made easier to act on: a quote that swallowed the lines after it is
    pointed at where it opens, every tab-indented line is listed, and an indentation hint
    names the columns the line could line up with."""
    problem = _from_yaml_error(error, name, text)
    lines = text.splitlines()
    quote = _runaway_quote(text, problem.line)
    if quote is not None:
        line, column, end_line = quote
        return [Problem(name, line, column,
                        f"YAML syntax: the quote opened here is not closed on its line, so the text runs on "
                        f"into line {end_line}",
                        f"close the quote at the end of the text on line {line} "
                        f"(YAML then stopped at line {problem.line}, column {problem.column}: "
                        f"{error.problem or 'not valid YAML'})")]
    if problem.hint == _hint_for("tab"):
        others = [Problem(name, number, lead.index("\t") + 1, "YAML syntax: a tab in the indentation", problem.hint)
                  for number, lead in ((n, _leading(line)) for n, line in enumerate(lines, start=1))
                  if "\t" in lead and number != problem.line]
        return sorted([problem, *others], key=lambda p: (p.line, p.column))
    lowered = (error.problem or "").lower()
    if any(words in lowered for words in ("did not find expected key", "expected '-' indicator",
                                          "expected <block end>", "mapping values are not allowed")):
        hint = _indentation_hint(lines, problem.line)
        if hint:
            return [problem._replace(hint=hint)]
    return [problem]


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


_KEY_LINE = re.compile(r"\s*(- +)?[A-Za-z_][\w-]*:(\s|$)")


def _runaway_quote(text: str, error_line: int) -> tuple[int, int, int] | None:
    """Where a quoted text that ran over several lines and swallowed a 'key:' line opens,
    when YAML fails just after it: (line, column, line where it ends)."""
    runaway = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and getattr(token, "style", None) in ('"', "'"):
                start, end = token.start_mark, token.end_mark
                swallowed = text[start.index:end.index].splitlines()[1:]
                if end.line > start.line and any(_KEY_LINE.match(line) for line in swallowed):
                    runaway = (start.line + 1, start.column + 1, end.line + 1)
    except yaml.MarkedYAMLError:
        pass
    if runaway is not None and 0 <= error_line - runaway[2] <= 2:
        return runaway
    return None


def _indentation_hint(lines: list[str], line_number: int) -> str:
    """'line 3 starts at column 2, the lines above at column 3 (line 2) or 1 (line 1)', when
    the line lines up with none of the blocks it could belong to."""
    if not 1 <= line_number <= len(lines):
        return ""
    column = len(_leading(lines[line_number - 1])) + 1
    levels: list[tuple[int, int]] = []  # (column, line) of the enclosing blocks, innermost first
    for number in range(line_number - 1, 0, -1):
        line = lines[number - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        start = len(_leading(line)) + 1
        if not levels and stripped.endswith(":") and column > start:
            return ""  # the first line of a new block may go deeper
        if not levels or start < levels[-1][0]:
            if stripped.startswith("- ") and not levels:
                levels.append((start + len(stripped) - len(stripped[1:].lstrip(" ")), number))  # keys after '- '
            levels.append((start, number))
        if start == 1:
            break
    if not levels or any(level == column for level, _ in levels):
        return ""
    places = [f"{level} (line {number})" for level, number in levels]
    where = f"{', '.join(places[:-1])} or {places[-1]}" if len(places) > 1 else places[0]
    return (f"check the indentation: line {line_number} starts at column {column}, the lines above at column "
            f"{where}; line it up, with spaces, with the list or mapping it belongs to")


def _hint_for(problem: str) -> str:
    lowered = problem.lower()
    if "tab" in lowered:
        return "YAML indents with spaces only; replace the tab characters with spaces"
    if "found unexpected end of stream" in lowered or "quoted scalar" in lowered:
        return "a quote is opened and never closed; close it on the same line"
    if "mapping values are not allowed" in lowered:
        return "a value contains ': '; put the whole value in double quotes"
    if "expected <block end>" in lowered or "indent" in lowered:
        return "check the indentation: items of one list or mapping line up exactly"
    if "nesting depth" in lowered:  # libyaml 0.2.6 stops at 1,000 levels, before yamlsafe counts them
        return "brackets or indents go too deep inside each other: close each '[' and '{', and keep to a few levels"
    if "could not find expected ':'" in lowered:
        return "a key is missing its ':' or a line is indented wrongly"
    return "check the line above and this one for indentation, quotes and colons"


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def _single(name: str, line: int, column: int, message: str, hint: str) -> YamlProblems:
    return YamlProblems((Problem(name, line, column, message, hint),))
