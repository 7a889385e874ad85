"""Text that reaches a terminal: the languages, localised strings, numbers as people write them,
and control-sequence stripping.

Bank texts and anything a user types are data. They are cleaned once, when read, so that
no escape sequence from a file can move the cursor, retitle the window or hide output.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NamedTuple


class Language(StrEnum):
    """The languages of the interface and of the shipped banks."""

    IT = "it"
    EN = "en"


LANGUAGES: tuple[str, ...] = tuple(language.value for language in Language)
DEFAULT_LANGUAGE = Language.EN.value

_ANSI_SEQUENCE_PATTERN = (
    r"""
    (?:\x1b\]|\x9d) [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?          # OSC (links, clipboard, titles) ... BEL or ST
    | (?:\x1b[P^_X]|[\x90\x98\x9e\x9f]) [^\x1b\x9c]* (?:\x1b\\|\x9c)?  # DCS / PM / APC / SOS ... ST
    | (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]                          # CSI, 7- and 8-bit
    | \x1b [ -/]* [0-~]                                           # two-byte escapes
    """
)
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Marks and overrides that reorder what a terminal shows (Trojan Source): never data's to use."""
_CONTROL_PATTERN = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]"
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first need: most texts are printable and never reach the regexes."""
    return re.compile(_ANSI_SEQUENCE_PATTERN, re.VERBOSE), re.compile(_CONTROL_PATTERN)


def strip_control(value: str) -> str:
    """The output boundary: a text from a file, the database or a person, safe for any terminal.

    Removes escape sequences whole (CSI, OSC links and clipboard writes, DCS, 7- and 8-bit), C0
    and C1 control characters and bidi overrides, keeping newlines and tabs; Unicode's line
    separators become newlines. Nothing that can move the cursor, change the screen or the
    clipboard, plant a link or reorder the text survives it.
    """
    if value.isprintable():
        return value
    ansi, control = _patterns()
    return control.sub("", ansi.sub("", value.translate(_LINE_SEPARATORS)))


def strip_control_tree(value: Any) -> Any:
    """``strip_control`` over every string (keys included) of a JSON-like tree read from a store
    or a file; other values are returned as they are."""
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, dict):
        return {strip_control_tree(key): strip_control_tree(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(strip_control_tree(item) for item in value)
    return value


_JSON_UNSAFE = str.maketrans({code: f"\\u{code:04x}" for code in
                              [0x7f, *range(0x80, 0xa0), 0x2028, 0x2029, *map(ord, BIDI_CONTROLS)]})


# the same characters as _JSON_UNSAFE, found by one regular expression: str.translate with a
# table looks every character up in Python (7 s for a 74 MB export), the search runs in C
_JSON_UNSAFE_FOUND = re.compile("[" + "".join(re.escape(chr(code)) for code in _JSON_UNSAFE) + "]")


def json_safe(json_text: str) -> str:
    """JSON text whose characters a terminal could act on are written as ``\\uXXXX`` escapes:
    the same document for a JSON reader, inert on a screen. (json escapes C0 itself; these
    characters can only be inside strings, so the translation keeps the JSON valid.)"""
    if json_text.isascii() and "\x7f" not in json_text:
        return json_text
    return _JSON_UNSAFE_FOUND.sub(lambda found: str(_JSON_UNSAFE[ord(found[0])]), json_text)


_UNSAFE_AFTER_E2 = frozenset(bytes(tail) for tail in (
    (0x80, 0x8e), (0x80, 0x8f), *((0x80, b) for b in range(0xa8, 0xaf)), *((0x81, b) for b in range(0xa6, 0xaa))))
"""The UTF-8 of U+200E, U+200F, U+2028-U+202E and U+2066-U+2069 after their lead byte 0xE2."""


def json_safe_utf8(json_text: bytes) -> bytes:
    """``json_safe`` for JSON text in UTF-8, as an export writes gigabytes of it. Text holds
    none of those characters unless it holds their first bytes (0x7F, 0xC2 then 0x80-0x9F,
    0xD8, 0xE2 then one of ``_UNSAFE_AFTER_E2``): looking for those bytes (memchr, in C) is
    much cheaper than decoding; only text that has one is decoded, escaped and encoded again."""
    if b"\x7f" in json_text or b"\xd8" in json_text:
        return json_safe(json_text.decode()).encode()
    at = json_text.find(b"\xc2")
    while at >= 0:  # U+0080-U+009F; 0xC2 starts common letters too (« », no-break space)
        if b"\x80" <= json_text[at + 1:at + 2] <= b"\x9f":
            return json_safe(json_text.decode()).encode()
        at = json_text.find(b"\xc2", at + 2)
    at = json_text.find(b"\xe2")
    while at >= 0:  # ’ “ ” — … € start with it too
        if json_text[at + 1:at + 3] in _UNSAFE_AFTER_E2:
            return json_safe(json_text.decode()).encode()
        at = json_text.find(b"\xe2", at + 3)
    return json_text


def one_line(value: str) -> str:
    """A text on one line, its runs of whitespace (line breaks of any kind included) one space:
    for places where a line break would start something else (a YAML comment, a heading)."""
    return " ".join(strip_control(value).split())


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~#!&$=@"})
"""Characters CommonMark, GFM or Obsidian read as markup wherever they are: emphasis, code, links
and images, HTML, tables, strikethrough, headings, entities, math, highlights, and ``@`` for
e-mail autolinks (``%%``, Obsidian's comment, is escaped as a pair). The rest of ASCII's
punctuation stays as written."""
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9+.-])(:)(?=//)|(?<![\w.])(www)(\.)")  # scheme:// and www.
_LIST_START = re.compile(r"^([+-]|\d{1,9}(?=[.)]))")  # a list item, where the text starts a line


def markdown_text(value: str) -> str:
    """A text shown in Markdown as written, on one line, so no link, image, HTML, emphasis,
    autolink (``scheme://``, ``www.``, addresses) or list can start from it: the characters that
    are markup anywhere are backslash-escaped, and so are an autolink's ``:`` or ``.`` and a
    leading list marker. Commas, colons, full stops and brackets elsewhere stay as written."""
    text = one_line(value).translate(_MARKDOWN_SPECIAL).replace("%%", "\\%\\%")
    text = _AUTOLINK.sub(lambda m: "\\:" if m.group(1) else m.group(2) + "\\.", text)
    return _LIST_START.sub(lambda m: "\\" + m.group(1) if not m.group(1)[0].isdigit() else m.group(1) + "\\",
                           text, count=1) if text[:1] in "+-0123456789" else text


# --- client names ----------------------------------------------------------------------------

_INVISIBLE = str.maketrans(dict.fromkeys(map(ord, "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b"
                                                  "\u2060\u2061\u2062\u2063\u2064\u3164\ufeff\uffa0")))
"""Characters that show as nothing (zero-width spaces, word joiners, fillers, soft hyphens). The
zero-width joiners U+200C/U+200D are kept in a name (emoji and some scripts need them), but not
in its key."""


MAX_NAME_LENGTH = 200


def client_name(value: str) -> str:
    """The client-name rule, for the store and the command line alike: a name as saved and shown.
    NFC, the output boundary, no invisible characters, single spaces. Raises ValueError when no
    visible character is left or it is longer than ``MAX_NAME_LENGTH``."""
    text = " ".join(strip_control(unicodedata.normalize("NFC", value)).translate(_INVISIBLE).split())
    if not any(not character.isspace() and unicodedata.category(character) != "Cf" for character in text):
        raise ValueError("no visible characters")
    if len(text) > MAX_NAME_LENGTH:
        raise ValueError("too long")
    return text


def client_key(value: str) -> str:
    """What two spellings of one client share, so they are one client: case, compatibility forms,
    spacing and every invisible character (``Ac<U+200B>me`` is ``Acme``) do not count."""
    visible = strip_control(unicodedata.normalize("NFKC", value)).translate(_INVISIBLE)
    if not visible.isprintable():  # format characters are not printable: most names skip this
        visible = "".join(c for c in visible if unicodedata.category(c) != "Cf")
    return " ".join(visible.casefold().split())


def plain_number(value: float) -> int | float:
    """A number as data (JSON, a bank file): whole numbers as integers, so 30 is not written 30.0."""
    return int(value) if float(value).is_integer() else value


def format_number(value: float | None) -> str:
    """A number as a person writes it, and as it reads back the same: ``30``, not ``30.0``;
    ``125000.5``, never rounded to ``125000`` or spelled ``2.5e+06``; ``?`` when there is none."""
    if value is None:
        return "?"
    number = plain_number(value)
    if isinstance(number, int):
        return str(number)
    text = repr(number)  # the shortest digits that read back as this very number
    if "e" not in text:
        return text
    from decimal import Decimal  # only for the rare exponent (1e-05): the same digits, written out

    return format(Decimal(text), "f")


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
