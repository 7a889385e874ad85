"""The interface's catalogues: complete in every language, every key used, compiled from the
PO files translators edit, real plurals, English for what a language lacks."""

from __future__ import annotations

import ast
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from clientcheck import i18n
from clientcheck.i18n import catalogue, detect_language, read_catalogue, tr, trn
from clientcheck.text import DEFAULT_LANGUAGE, LANGUAGES

SRC = Path(i18n.__file__).resolve().parents[1]
LOCALE = i18n.LOCALE_DIR
PO_LANGUAGES = sorted(path.name for path in LOCALE.iterdir() if (path / "LC_MESSAGES" / "clientcheck.po").exists())
KEY = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z0-9_\-]+)*")
FAMILY = re.compile(r"[a-z_]+(?:\.[a-z_]+)*\.")


def read_po_file(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "clientcheck.po").open("rb") as source:
        return read_po(source, locale=language, abort_invalid=True)


def entries(language: str) -> dict[str, Message]:
    """The PO file's entries by key (msgctxt); the header left out."""
    found: dict[str, Message] = {}
    for message in read_po_file(language):
        if not message.id:
            continue
        assert message.context, f"{language}: the entry {message.id!r} has no msgctxt (its key)"
        assert message.context not in found, f"{language}: the key {message.context} is there twice"
        found[message.context] = message
    return found


def forms(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (list, tuple)) else (str(message.string or ""),)


def english_forms(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (str(message.id),)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_a_catalogue_for_every_language():
    assert sorted(LANGUAGES) == PO_LANGUAGES


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_the_compiled_catalogue_matches_its_po_file(language):
    """The .mo is committed: it must say what the .po says (scripts/compile_catalogues.py)."""
    expected = {key: forms(message) for key, message in entries(language).items()
                if not message.fuzzy and all(forms(message))}
    compiled = catalogue(language)
    assert compiled is not None
    assert dict(compiled.forms) == expected, (
        f"{language}: clientcheck.mo is out of date; run python scripts/compile_catalogues.py")


@pytest.mark.parametrize("language", [lang for lang in PO_LANGUAGES if lang != DEFAULT_LANGUAGE])
def test_every_language_translates_every_key_of_the_current_english(language):
    english, translated = entries(DEFAULT_LANGUAGE), entries(language)
    assert sorted(set(english) - set(translated)) == [], f"{language} misses these keys"
    assert sorted(set(translated) - set(english)) == [], f"{language} has keys English does not"
    stale = [key for key in english if english_forms(english[key]) != english_forms(translated[key])]
    assert stale == [], f"{language} translates an older English text of these keys (update its msgid)"
    untranslated = [key for key, message in translated.items() if message.fuzzy or not all(forms(message))]
    assert untranslated == [], f"{language} leaves these keys fuzzy or untranslated"


def test_english_translates_itself():
    wrong = [key for key, message in entries(DEFAULT_LANGUAGE).items()
             if forms(message) != english_forms(message)]
    assert wrong == [], "in the English catalogue msgstr repeats msgid"


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_translations_keep_the_placeholders(language):
    english = entries(DEFAULT_LANGUAGE)
    wrong = []
    for key, message in entries(language).items():
        expected = set().union(*(placeholders(text) for text in english_forms(english[key])))
        for text in forms(message):
            # a singular may spell out its number ("un'altra") instead of writing {count}
            if placeholders(text) - expected or expected - placeholders(text) - {"count"}:
                wrong.append((key, text))
    assert wrong == []


def keys_in_code() -> tuple[set[str], set[str]]:
    """The keys the code names literally, and the prefixes of keys it builds (f"answer.{value}")."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
                literal.add(node.value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and FAMILY.fullmatch(node.value):
                prefixes.add(node.value)  # a family matched by its English ("help.text."): tests/cli/test_help_words.py
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if re.fullmatch(r"[a-z_]+(?:\.[a-z_]+)*\.", head):
                    prefixes.add(head)
    return literal, prefixes


def test_every_key_is_used_by_the_code():
    literal, prefixes = keys_in_code()
    unused = [key for key in entries(DEFAULT_LANGUAGE)
              if key not in literal and not any(key.startswith(prefix) for prefix in prefixes)]
    assert unused == [], "keys no code asks for: remove them from every PO file"


def called_keys() -> set[str]:
    """The keys passed literally to tr, trn and labels."""
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in {
                    "tr", "trn", "labels"}:
                for argument in node.args[1:]:
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        keys.add(argument.value)
    return keys


def test_every_key_the_code_asks_for_exists():
    keys = called_keys()
    assert len(keys) > 100  # the scan finds the calls
    assert sorted(keys - set(entries(DEFAULT_LANGUAGE))) == []


def test_the_built_keys_exist():
    from clientcheck.bank.model import DONT_KNOW, FREQUENCY_LEVELS, NO, YES, QuestionType
    from clientcheck.levels import Level

    for level in Level:
        assert tr("it", level.label_key) != tr("en", level.label_key)
    for kind in QuestionType:
        tr("it", f"type.{kind.value}")
    for value in (YES, NO, DONT_KNOW, *FREQUENCY_LEVELS):
        assert tr("it", f"answer.{value}") != tr("en", f"answer.{value}") or value == NO


def test_only_the_language_asked_for_is_read(monkeypatch):
    read: list[str] = []
    real = i18n.catalogue_path

    def recording(language: str) -> Path:
        read.append(language)
        return real(language)

    monkeypatch.setattr(i18n, "catalogue_path", recording)
    catalogue.cache_clear()
    try:
        assert tr("it", "verdict.title") == "Verdetto"
        assert tr("it", "level.keep") == "Tieni"
        assert read == ["it"]
    finally:
        catalogue.cache_clear()


def write_catalogue(folder: Path, language: str, messages: dict[str, tuple[str, str]]) -> None:
    catalog = Catalog(locale=language, domain="clientcheck")
    for key, (english, text) in messages.items():
        catalog.add(english, text, context=key)
    target = folder / language / "LC_MESSAGES" / "clientcheck.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as stream:
        write_mo(stream, catalog)


def test_a_key_a_language_lacks_is_read_in_english(monkeypatch, tmp_path):
    write_catalogue(tmp_path, "en", {"verdict.title": ("Verdict", "Verdict"), "level.keep": ("Keep", "Keep")})
    write_catalogue(tmp_path, "it", {"verdict.title": ("Verdict", "Verdetto"), "level.keep": ("Keep", "")})
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    catalogue.cache_clear()
    try:
        assert tr("it", "verdict.title") == "Verdetto"
        assert tr("it", "level.keep") == "Keep"  # left untranslated: English
        with pytest.raises(KeyError):
            tr("it", "level.watch")
    finally:
        catalogue.cache_clear()


def test_the_plural_rule_comes_from_the_header():
    catalog = Catalog(locale="it", domain="clientcheck")
    catalog.add(("one file", "{count} files"), ("un file", "{count} file"), context="count.files")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    compiled = read_catalogue(buffer.getvalue())
    assert compiled.text("count.files", 1) == "un file"
    assert compiled.text("count.files", 7) == "{count} file"
    assert compiled.plural(0) != compiled.plural(1)


SLASH_PLURAL = re.compile(r"\w\(s\)|\b\w+[aeio]/[aeio]\b")


@pytest.mark.parametrize("language", PO_LANGUAGES)
def test_no_slash_plurals(language):
    """Numbers take real plural forms: never "risposta/e", "trovato/i" or "answer(s)"."""
    assert SLASH_PLURAL.search("2 risposta/e, 1 problema/i trovato/i, 3 answer(s)")
    slashed = [(key, text) for key, message in entries(language).items() for text in forms(message)
               if SLASH_PLURAL.search(text) and not key.startswith("click.")]  # click.*: Click's own English
    assert slashed == []


@pytest.mark.parametrize(("language", "number", "expected"), [
    ("en", 1, "1 assessment"), ("en", 2, "2 assessments"), ("en", 0, "0 assessments"),
    ("it", 1, "1 valutazione"), ("it", 2, "2 valutazioni"), ("it", 0, "0 valutazioni"),
])
def test_plural_forms(language, number, expected):
    assert trn(language, "history.count", number) == expected


def test_a_singular_may_spell_its_number_out():
    assert trn("it", "portfolio.more", 1) == "… e un altro (senza --limit: tutti)"
    assert trn("it", "portfolio.more", 4) == "… e altri 4 (senza --limit: tutti)"
    assert trn("en", "portfolio.more", 1) == "… and 1 more (without --limit: all)"


def test_a_message_with_several_numbers_is_built_from_plural_pieces():
    assert trn("it", "import.assessments", 1) == "Importata 1 valutazione"
    assert trn("it", "import.assessments", 3) == "Importate 3 valutazioni"
    assert trn("it", "import.present", 1) == "1 era già presente"


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "it_IT.UTF-8"}, "it"),
    ({"LANGUAGE": "it", "LANG": "en_US.UTF-8"}, "it"),  # LANGUAGE first, as gettext
    ({"LC_ALL": "C", "LANG": "it_IT.UTF-8"}, "en"),  # LC_ALL wins over LANG, and C means untranslated
    ({"LC_ALL": "C.UTF-8", "LANGUAGE": "it"}, "en"),  # a C locale ignores LANGUAGE (GNU gettext)
    ({"LANGUAGE": "it"}, "it"),  # no locale set: LANGUAGE still counts
    ({"LANGUAGE": "fr:it_IT:en", "LANG": "en_US"}, "it"),  # the first of ours in the list
    ({"LANGUAGE": "fr:de", "LANG": "it_IT"}, "it"),  # none of ours in LANGUAGE: the locale
    ({"LC_MESSAGES": "it_CH.UTF-8", "LANG": "en_GB"}, "it"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "it_IT"}, "en"),
    ({"LANG": "it_IT@euro"}, "it"),
    ({"CLIENTCHECK_LANG": "en", "LANGUAGE": "it", "LANG": "it_IT"}, "en"),
    ({"CLIENTCHECK_LANG": "it", "LC_ALL": "C"}, "it"),
    ({"CLIENTCHECK_LANG": "fr", "LANG": "it_IT"}, "it"),  # not ours: the locale decides
    ({"LANG": "", "LANGUAGE": ""}, "en"),
])
def test_the_language_is_chosen_as_gettext_does(environ, expected):
    assert detect_language(environ) == expected
