"""The interface's own words, from gettext catalogues, and how the language is chosen.

Each language is a PO file, ``locale/<language>/LC_MESSAGES/clientcheck.po``, that translators edit
with the usual tools (docs/translating.md), compiled to the ``.mo`` beside it. An entry's
``msgctxt`` is the key the code asks for and its ``msgid`` the English text, so a translator
always sees the English. Only the language asked for is read, on first use; a key it lacks (or
leaves untranslated) is read from English.

The compiled files are read here rather than through :class:`gettext.GNUTranslations`, which
finds a message only by its English text: the code knows the key alone.
"""

from __future__ import annotations

import gettext
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clientcheck.i18n.numbers import count as count_text
from clientcheck.text import DEFAULT_LANGUAGE, LANGUAGES

LANG_ENV = "CLIENTCHECK_LANG"
DOMAIN = "clientcheck"
LOCALE_DIR = Path(__file__).with_name("locale")

_MO_MAGIC = 0x950412DE
_CONTEXT_END = "\x04"  # how a .mo joins msgctxt to msgid
_FORMS_SEPARATOR = "\x00"  # and msgid to msgid_plural, or the plural forms of msgstr


@dataclass(frozen=True)
class Catalogue:
    """One language's compiled messages: each key's forms (one, or one per plural form)."""

    forms: Mapping[str, tuple[str, ...]]
    plural: Callable[[int], int]  # n -> the index of the form to use

    def text(self, key: str, number: int | None = None) -> str:
        forms = self.forms[key]
        if number is None or len(forms) == 1:
            return forms[0]
        return forms[min(self.plural(number), len(forms) - 1)]


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read_catalogue(data: bytes) -> Catalogue:
    """A compiled ``.mo`` file's keyed entries (both byte orders, UTF-8 text)."""
    order = "<" if struct.unpack_from("<I", data)[0] == _MO_MAGIC else ">"
    magic, _revision, count, originals, translations = struct.unpack_from(order + "5I", data)
    if magic != _MO_MAGIC:
        raise ValueError("not a gettext .mo file")
    forms: dict[str, tuple[str, ...]] = {}
    plural: Callable[[int], int] = _germanic_plural
    for index in range(count):
        length, offset = struct.unpack_from(order + "2I", data, originals + 8 * index)
        original = data[offset:offset + length].decode("utf-8")
        length, offset = struct.unpack_from(order + "2I", data, translations + 8 * index)
        translated = data[offset:offset + length].decode("utf-8")
        if not original:
            plural = _plural_rule(translated) or plural
            continue
        key, separator, _english = original.partition(_CONTEXT_END)
        if separator:
            forms[key] = tuple(translated.split(_FORMS_SEPARATOR))
    return Catalogue(forms, plural)


def _germanic_plural(number: int) -> int:
    return 0 if number == 1 else 1


def _plural_rule(header: str) -> Callable[[int], int] | None:
    """The header's Plural-Forms rule (e.g. ``nplurals=2; plural=(n != 1);``) as a function."""
    for line in header.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            for part in value.split(";"):
                field, _, expression = part.partition("=")
                if field.strip() == "plural":
                    return gettext.c2py(expression.strip())
    return None


@cache
def catalogue(language: str) -> Catalogue | None:
    """``language``'s catalogue, read once; None when there is none."""
    try:
        data = catalogue_path(language).read_bytes()
    except FileNotFoundError:
        return None
    return read_catalogue(data)


def _catalogue_with(language: str, key: str) -> Catalogue:
    """The catalogue that has ``key``: ``language``'s, else English's (KeyError in neither)."""
    for candidate in (language, DEFAULT_LANGUAGE):
        found = catalogue(candidate)
        if found is not None and key in found.forms:
            return found
    raise KeyError(key)


def tr(language: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``language`` (English when missing), formatted."""
    text = _catalogue_with(language, key).text(key)
    return text.format(**values) if values else text


def trn(language: str, key: str, number: int, **values: object) -> str:
    """``key``'s form for ``number`` (ngettext), formatted with ``count=number`` (grouped as the
    language groups thousands: "1.000 clienti") and ``values``."""
    text = _catalogue_with(language, key).text(key, number)
    return text.format(**{"count": count_text(number, language), **values})


def answer_word(value: str, language: str) -> str:
    """How ``language`` writes the fixed answer ``value`` in an answers file: the catalogue's
    ``answer.*`` word in lower case ('often' -> 'spesso', 'dont_know' -> 'non so'). English writes
    the id itself (``dont_know``), as the README and every English template do."""
    return value if language == DEFAULT_LANGUAGE else tr(language, f"answer.{value}").lower()


def labels(language: str, *keys: str) -> dict[str, str]:
    return {key: tr(language, key) for key in keys}


def detect_language(environ: Mapping[str, str]) -> str:
    """The language as gettext chooses it, after CLIENTCHECK_LANG; English when none is ours.

    The locale is the first of LC_ALL, LC_MESSAGES and LANG that is set. LANGUAGE, a list such as
    ``fr:it``, comes before it, except that a "C" or "POSIX" locale means untranslated and then
    LANGUAGE is ignored (GNU gettext's rule): ``LANGUAGE=it LANG=en_US`` is Italian,
    ``LC_ALL=C LANG=it_IT`` English. An unsupported CLIENTCHECK_LANG falls through to these.
    """
    chosen = _supported(environ.get(LANG_ENV, ""))
    if chosen:
        return chosen
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if locale.split(".")[0].split("@")[0] in {"C", "POSIX"}:
        return DEFAULT_LANGUAGE
    for candidate in (*environ.get("LANGUAGE", "").split(":"), locale):
        chosen = _supported(candidate)
        if chosen:
            return chosen
    return DEFAULT_LANGUAGE


def _supported(value: str) -> str:
    """The language of ``it_IT.UTF-8``, ``it`` or ``en_US@euro`` when it is one of ours, else ""."""
    code = value.strip().split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else ""
