"""A JSON document read piece by piece from a byte stream, so that an export of any size is
checked and imported in little memory. The caller walks the outer objects and arrays itself
(``members``, ``items``) and takes each inner value whole (``value``), parsed by json's own C
scanner. A malformed document raises ``JsonSyntaxError`` with the message, line and column that
``json.loads`` gives for the whole text (its ``reason`` a ``Message``, to be written in the
reader's language: json's own words are matched to ``json.*`` entries); bytes that are not
UTF-8 raise ``UnicodeDecodeError`` wherever they are, as decoding the whole file first would.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from clientcheck.i18n.messages import Message, message
from clientcheck.reading import ByteSource

CHUNK = 1 << 20
MAX_VALUE = 64 << 20  # characters: one value (an assessment) longer than this is refused, not held
_SPACE = re.compile(r"[ \t\n\r]*")


class _Refused(Exception):
    """Raised from inside json's scanner: something JSON parsers disagree on, refused here."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object, refusing a key given twice (json.loads would keep the last one silently)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(_duplicate(key))
            seen.add(key)
    return value


def _duplicate(key: str) -> Message:
    return message("json.duplicate_key", field=json.dumps(key, ensure_ascii=False)[:60])


def _not_a_number(name: str) -> Any:
    raise _Refused(message("json.not_a_number", name=name))


def _refusal(error: Exception) -> Message:
    if isinstance(error, RecursionError):
        return message("json.too_deep")
    if isinstance(error, _Refused):
        return error.reason
    return message("json.too_many_digits")  # int() refuses more than 4,300 digits


# json's own messages (its C scanner's and json.loads'), each as the entry that says it
_JSON_WORDS = {
    "Expecting value": "json.expecting_value",
    "Expecting property name enclosed in double quotes": "json.expecting_property_name",
    "Expecting ':' delimiter": "json.expecting_colon",
    "Expecting ',' delimiter": "json.expecting_comma",
    "Extra data": "json.extra_data",
    "Unterminated string starting at": "json.unterminated_string",
    "Invalid control character at": "json.control_character",
    "Invalid \\escape": "json.invalid_escape",
    "Invalid \\uXXXX escape": "json.invalid_u_escape",
    "Illegal trailing comma before end of object": "json.trailing_comma_object",
    "Illegal trailing comma before end of array": "json.trailing_comma_array",
}


# json's pure-Python decoder (json.decoder.py_scanstring, where the C scanner is missing) names the
# character in two of them: "Invalid control character '\\x01' at", "Invalid \\escape: 'q'"
_PURE_PYTHON_WORDS = ((re.compile(r"Invalid control character .+ at", re.DOTALL), "Invalid control character at"),
                      (re.compile(r"Invalid \\escape: .+", re.DOTALL), "Invalid \\escape"))


def json_reason(text: str) -> Message:
    """One of json's messages as its entry; one it has never written before, quoted as it is."""
    key = _JSON_WORDS.get(text) or next(
        (_JSON_WORDS[words] for pattern, words in _PURE_PYTHON_WORDS if pattern.fullmatch(text)), None)
    return message(key) if key else message("json.other", reason=text)


# json's C scanner, from a position; objects through _unique, NaN and Infinity refused
_scan = json.JSONDecoder(object_pairs_hook=_unique, parse_constant=_not_a_number).scan_once  # type: ignore[attr-defined]


class JsonSyntaxError(ValueError):
    """Where and why the text is not JSON, in ``json.JSONDecodeError``'s words."""

    def __init__(self, reason: Message, line: int, column: int) -> None:
        super().__init__(f"{reason}: line {line} column {column}")
        self.reason, self.lineno, self.colno = reason, line, column
        self.msg = str(reason)


class JsonStream:
    """The text of ``stream``, decoded and kept from the current position on, a chunk at a time."""

    def __init__(self, stream: ByteSource) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._text = ""
        self._pos = 0
        self._eof = False
        self._offset = 0  # characters dropped before _text
        self._counted = 0  # where in _text the newlines counted so far end
        self._lines = 0  # newlines before there: those dropped, and those of text ``follows`` moved past
        self._line_start = -1  # where the last newline dropped is
        self._fill()
        if self._text.startswith("\ufeff"):
            self._fail(message("json.bom"), 0)

    # -- the buffer ---------------------------------------------------------------------
    def _fill(self, size: int = CHUNK) -> bool:
        """Read more; False at the end (the buffer then stays as it was). Text before the
        current position is dropped first."""
        if self._eof:
            return False
        wanted = max(size, CHUNK)
        data = self._stream.read(wanted)
        if data and len(data) < wanted:  # a pipe or a bounded stream answers in smaller pieces
            pieces = [data]
            wanted -= len(data)
            while wanted > 0 and (data := self._stream.read(wanted)):
                pieces.append(data)
                wanted -= len(data)
            data = b"".join(pieces)
        if not data:
            self._eof = True
            self._text += self._decoder.decode(b"", final=True)  # raises on a sequence cut short
            return False
        if self._pos:  # dropped at each read, so that only what is left is copied with what is read
            # counted in place: a copy of what is dropped would cost as much again
            self._lines += self._text.count("\n", self._counted, self._pos)
            newline = self._text.rfind("\n", 0, self._pos)
            if newline >= 0:
                self._line_start = self._offset + newline
            self._offset += self._pos
            self._text, self._pos, self._counted = self._text[self._pos:], 0, 0
        self._text += self._decoder.decode(data)
        return True

    def _fail(self, reason: Message, pos: int) -> None:
        """Raise the syntax error at ``pos`` of the buffer. The rest is not read: it may never
        end (``/dev/zero``)."""
        before = self._text.rfind("\n", 0, pos)
        column = pos - before if before >= 0 else self._offset + pos - self._line_start
        line = self._lines + self._text.count("\n", self._counted, pos) + 1
        raise JsonSyntaxError(reason, line, column)

    def _space(self) -> str:
        """Skip whitespace; the next character, or "" at the end."""
        following = self._text[self._pos:self._pos + 1]
        if following and following not in " \t\n\r":  # most often there is none: no regex then
            return following
        while True:
            spaces = _SPACE.match(self._text, self._pos)
            assert spaces is not None  # it matches nothing at worst
            self._pos = spaces.end()
            if self._pos < len(self._text) or not self._fill():
                return self._text[self._pos:self._pos + 1]

    # -- walking ------------------------------------------------------------------------
    def peek(self) -> str:
        return self._space()

    def value(self, *, text: bool = False) -> tuple[Any, str]:
        """The next value whole, and its text when asked for (else "")."""
        self._space()
        while True:
            start, buffer = self._pos, self._text
            try:
                value, end = _scan(buffer, start)
            except StopIteration as stop:
                error: tuple[Message, int] = (message("json.expecting_value"), int(stop.value))
            except json.JSONDecodeError as failure:
                error = (json_reason(failure.msg), failure.pos)
            except (_Refused, RecursionError, ValueError) as refused:  # refused whole, however much more is read
                self._fail(message("json.in_value", reason=_refusal(refused)), start)
            else:
                if end < len(buffer) or not self._fill():  # a number cut at the end would still parse
                    self._pos = end
                    return value, buffer[start:end] if text else ""
                continue
            if error[0].key != "json.unterminated_string" and error[1] + 32 < len(buffer):
                self._fail(*error)  # well before the end of what was read: more text would not help
            if len(buffer) - start > MAX_VALUE:
                self._fail(message("json.in_value", reason=message("json.value_too_big", size=MAX_VALUE >> 20)),
                           start)
            if not self._fill(len(buffer) - start):  # perhaps cut at the end: read as much again
                self._fail(*error)  # the end: it really is malformed

    def ahead(self, size: int) -> str:
        """The next ``size`` characters (fewer at the end), read but not consumed."""
        self._space()
        while len(self._text) - self._pos < size and self._fill(size):
            pass
        return self._text[self._pos:self._pos + size]

    def follows(self, text: str, newlines: int) -> bool:
        """Whether ``text``, which holds ``newlines`` newlines, comes next, compared where it lies
        (no copy of what is ahead is made); when it does, it is moved past, else nothing is
        consumed. Its newlines are not counted again: the caller knows them for less."""
        self._space()
        while len(self._text) - self._pos < len(text) and self._fill(len(text)):
            pass
        if not self._text.startswith(text, self._pos):
            return False
        self._lines += self._text.count("\n", self._counted, self._pos) + newlines
        self._pos += len(text)
        self._counted = self._pos
        return True

    def through(self, marker: str, limit: int) -> str:
        """The text from here through the first ``marker`` (read, not consumed), or "" when it
        does not come within ``limit`` characters: a caller that knows a layout finds where a
        value ends at C speed, then checks the text itself (then ``skip``)."""
        self._space()
        searched = self._pos
        while (end := self._text.find(marker, searched)) < 0:
            searched = max(self._pos, len(self._text) - len(marker) + 1)  # what is left to search
            searched -= self._pos
            if len(self._text) - self._pos > limit or not self._fill(limit):
                return ""
            searched += self._pos  # the buffer may have dropped what was before the position
        end += len(marker)
        return self._text[self._pos:end] if end - self._pos <= limit else ""

    def skip(self, size: int) -> None:
        """Move past ``size`` characters that ``ahead`` gave."""
        self._pos += size

    def _key(self) -> str:
        while True:
            try:
                key, end = scanstring(self._text, self._pos + 1, True)
            except json.JSONDecodeError as failure:
                if not self._fill():
                    self._fail(json_reason(failure.msg), failure.pos)
                continue
            self._pos = end
            return str(key)

    def members(self) -> Iterator[str]:
        """The keys of the object starting here; the caller takes each one's value before the next."""
        assert self._space() == "{"
        self._pos += 1
        if self._space() == "}":
            self._pos += 1
            return
        seen: set[str] = set()
        while True:
            if self._space() != '"':
                self._fail(message("json.expecting_property_name"), self._pos)
            start = self._offset + self._pos  # reading the key may drop what is before it
            key = self._key()
            if key in seen:
                self._fail(_duplicate(key), start - self._offset)
            seen.add(key)
            if self._space() != ":":
                self._fail(message("json.expecting_colon"), self._pos)
            self._pos += 1
            yield key
            following = self._space()
            self._pos += 1
            if following == "}":
                return
            if following != ",":
                self._fail(message("json.expecting_comma"), self._pos - 1)

    def items(self) -> Iterator[int]:
        """The positions of the array starting here; the caller takes each item before the next."""
        assert self._space() == "["
        self._pos += 1
        if self._space() == "]":
            self._pos += 1
            return
        index = 0
        while True:
            yield index
            index += 1
            following = self._space()
            self._pos += 1
            if following == "]":
                return
            if following != ",":
                self._fail(message("json.expecting_comma"), self._pos - 1)

    def end(self) -> None:
        """Nothing but whitespace may follow the document."""
        if self._space():
            self._fail(message("json.extra_data"), self._pos)
