"""What an imported assessment must be before it is stored: a result document as the result
schema (``schema/result.schema.json``) describes it, plus what JSON Schema leaves open (a
boolean is not a number, numbers are finite, a timestamp is a real moment, a bank version fits
SQLite). Everything a later ``history``, ``report`` or ``export`` reads from the document is
therefore known to be there and of its type.

Written out as plain checks rather than by interpreting the schema: an import checks each of
200,000 documents in a few microseconds. ``tests/saved/test_store.py`` holds them to the schema:
whatever these accept, the schema accepts, and each way of breaking a document is refused by
both. Each check appends "path: what it should be" to ``problems`` and says whether it passed:
a ``Message`` (``import.*`` entries), written in the reader's language by whoever reports it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from clientcheck.clock import normalise_timestamp
from clientcheck.documents import Kind
from clientcheck.i18n.messages import Message, counted, message
from clientcheck.levels import LEVELS
from clientcheck.text import LANGUAGES

LEVEL_NAMES = frozenset(level.value for level in LEVELS)
MAX_BANK_VERSION = 2**63 - 1  # SQLite's INTEGER
_LANGUAGES = frozenset(LANGUAGES)
_BANK_ID = re.compile(r"[a-z][a-z0-9-]{0,63}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})")

Problems = list[Message]

# what each object holds: its required keys, then the keys it may also have (the schema's objects are closed)
_RESULT_REQUIRED = frozenset({"kind", "schema_version", "clientcheck_version", "timestamp", "language", "bank",
                              "answers", "risk", "confidence", "verdict", "dimensions", "signals", "profiles",
                              "dealbreakers", "exit_plan"})
_RESULT_KEYS = _RESULT_REQUIRED | {"client"}
_BANK_KEYS = frozenset({"id", "version", "title", "source"})
_SOURCE_KEYS = frozenset({"title", "author", "date"})
_ANSWER_KEYS = frozenset({"question", "answer"})
_VERDICT_REQUIRED = frozenset({"level", "label", "why", "band", "raised_by", "steps"})
_VERDICT_KEYS = _VERDICT_REQUIRED | {"partial", "flip", "unknown_bounds"}
_BAND_KEYS = frozenset({"min", "max", "level"})
_FLIP_KEYS = frozenset({"direction", "level", "risk", "minimal", "changes"})
_CHANGE_KEYS = frozenset({"question", "text", "from", "to"})
_BOUNDS_KEYS = frozenset({"best", "worst", "best_risk", "worst_risk"})
_DIMENSION_KEYS = frozenset({"id", "label", "risk", "confidence", "answered", "asked"})
_SIGNAL_KEYS = frozenset({"question", "number", "dimension", "text", "answer", "risk", "weight", "contribution",
                          "advice"})
_PROFILE_KEYS = frozenset({"id", "label", "advice"})
_DEALBREAKER_KEYS = frozenset({"id", "level", "reason"})
_EXIT_STEP_KEYS = frozenset({"id", "title", "text"})


def is_int(value: Any) -> bool:
    """A JSON whole number: an int that is not a bool."""
    return type(value) is int


def is_number(value: Any) -> bool:
    """A finite JSON number (never a bool, NaN or infinity)."""
    return type(value) is int or (type(value) is float and math.isfinite(value))


def number_in(value: Any, low: float, high: float) -> bool:
    return is_number(value) and low <= value <= high


def is_text_map(value: Any) -> bool:
    """Texts by language: an object of strings."""
    return type(value) is dict and all(type(text) is str for text in value.values())


def obj(value: Any, where: str, problems: Problems, required: frozenset[str], allowed: frozenset[str]) -> bool:
    """An object with every required key and no other than ``allowed``."""
    if type(value) is not dict:
        problems.append(should_be(where, _OBJECT))
        return False
    keys = value.keys()
    if required <= keys and keys <= allowed:
        return True
    missing = sorted(required - keys)
    unknown = sorted(keys - allowed)
    if missing:
        problems.append(message("import.missing", where=where, field=missing[0]) if len(missing) == 1 else
                        counted("import.missing_more", len(missing) - 1, where=where, field=missing[0]))
    if unknown:
        problems.append(message("import.not_a_key", where=where, field=_short(unknown[0])))
    return False


def array(value: Any, where: str, problems: Problems) -> bool:
    if type(value) is not list:
        problems.append(should_be(where, _LIST))
        return False
    return True


def should_be(where: str, what: Message | str) -> Message:
    """"``where``: should be ``what``" (a ``Message``, or a literal such as '"clientcheck.result"')."""
    return message("import.should_be", where=where, what=what)


def check(ok: bool, where: str, what: Message | str, problems: Problems) -> bool:
    if not ok:
        problems.append(should_be(where, what))
    return ok


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _text(value: Any) -> bool:
    return type(value) is str


def _answer(value: Any) -> bool:
    return type(value) is str or is_number(value)


def _risk(value: Any) -> bool:
    return type(value) is int and 0 <= value <= 100


def _share(value: Any) -> bool:
    return number_in(value, 0, 1)


def _level(value: Any) -> bool:
    return type(value) is str and value in LEVEL_NAMES


# what a value should be, as the problems say it
_OBJECT, _LIST, _TEXT, _ANSWER, _RISK, _SHARE = (
    message("import.an_object"), message("import.a_list"), message("import.a_string"),
    message("import.a_string_or_number"), message("import.a_risk"), message("import.a_share"))
_LEVEL = message("import.one_of", choices=", ".join(sorted(LEVEL_NAMES)))
_WHOLE, _WHOLE_OR_NULL, _SIGNAL_RISK = (message("import.a_whole_number"), message("import.a_whole_number_or_null"),
                                        message("import.a_signal_risk"))
_BOOLEAN, _TEXTS = message("import.true_or_false"), message("import.texts_by_language")
A_TIMESTAMP = message("import.a_timestamp")
_LANGUAGE = message("import.one_of", choices=", ".join(LANGUAGES))
_BANK_VERSION = message("import.a_bank_version", max=MAX_BANK_VERSION)
_SCHEMA_ONE, _NON_EMPTY, _BANK_ID_TEXT = (message("import.result_schema_one"), message("import.a_non_empty_string"),
                                          message("import.a_bank_id"))


def _fields(value: dict[str, Any], where: str, problems: Problems,
            rules: tuple[tuple[str, Any, Message], ...]) -> bool:
    """Each (key, test, what it should be) of an object already known to have its keys."""
    ok = True
    for key, test, what in rules:
        if key in value and not test(value[key]):
            problems.append(should_be(f"{where}.{key}", what))
            ok = False
    return ok


def _items(value: Any, where: str, problems: Problems, keys: frozenset[str],
           rules: tuple[tuple[str, Any, Message], ...], required: frozenset[str] | None = None) -> bool:
    """A list of objects with these keys (all required unless said), each checked by ``rules``."""
    if not array(value, where, problems):
        return False
    ok = True
    needed = keys if required is None else required
    for index, item in enumerate(value):
        place = f"{where}[{index}]"
        ok = obj(item, place, problems, needed, keys) and _fields(item, place, problems, rules) and ok
    return ok


_ANSWER_RULES = (("question", _text, _TEXT), ("answer", _answer, _ANSWER))
_BAND_RULES = (("min", _risk, _RISK), ("max", _risk, _RISK), ("level", _level, _LEVEL))
_CHANGE_RULES = (("question", _text, _TEXT), ("text", _text, _TEXT), ("from", _answer, _ANSWER),
                 ("to", _answer, _ANSWER))
_BOUNDS_RULES = (("best", _level, _LEVEL), ("worst", _level, _LEVEL), ("best_risk", _risk, _RISK),
                 ("worst_risk", _risk, _RISK))
_DIMENSION_RULES = (("id", _text, _TEXT), ("label", _text, _TEXT),
                    ("risk", lambda v: v is None or _risk(v), message("import.a_risk_or_null")),
                    ("confidence", _share, _SHARE), ("answered", lambda v: is_int(v) and v >= 0, _WHOLE),
                    ("asked", lambda v: is_int(v) and v >= 0, _WHOLE))
_SIGNAL_RULES = (("question", _text, _TEXT), ("number", lambda v: v is None or is_int(v), _WHOLE_OR_NULL),
                 ("dimension", _text, _TEXT), ("text", _text, _TEXT), ("answer", _answer, _ANSWER),
                 ("risk", lambda v: number_in(v, 0, 100), _SIGNAL_RISK),
                 ("weight", lambda v: is_number(v) and v > 0, message("import.above_zero")),
                 ("contribution", lambda v: is_number(v) and v >= 0, message("import.from_zero")),
                 ("advice", lambda v: v is None or type(v) is str, message("import.a_string_or_null")))
_PROFILE_RULES = (("id", _text, _TEXT), ("label", _text, _TEXT), ("advice", _text, _TEXT))
_DEALBREAKER_RULES = (("id", _text, _TEXT), ("level", _level, _LEVEL), ("reason", _text, _TEXT))
_EXIT_STEP_RULES = (("id", _text, _TEXT), ("title", _text, _TEXT), ("text", _text, _TEXT))


def check_result(result: Any, where: str, problems: Problems) -> bool:
    """A result document as ``assess --json`` writes it (schema version 1)."""
    if not obj(result, where, problems, _RESULT_REQUIRED, _RESULT_KEYS):
        if type(result) is dict and result.get("kind") != Kind.RESULT.tag:
            problems.append(should_be(f"{where}.kind", f"\"{Kind.RESULT.tag}\""))
        return False
    ok = check(result["kind"] == Kind.RESULT.tag, f"{where}.kind", f"\"{Kind.RESULT.tag}\"", problems)
    ok = check(is_int(result["schema_version"]) and result["schema_version"] == 1, f"{where}.schema_version",
               _SCHEMA_ONE, problems) and ok
    ok = check(_text(result["clientcheck_version"]), f"{where}.clientcheck_version", _TEXT, problems) and ok
    ok = check(is_timestamp(result["timestamp"]), f"{where}.timestamp", A_TIMESTAMP, problems) and ok
    ok = check(type(result["language"]) is str and result["language"] in _LANGUAGES, f"{where}.language",
               _LANGUAGE, problems) and ok
    ok = check_bank(result["bank"], f"{where}.bank", problems) and ok
    ok = _items(result["answers"], f"{where}.answers", problems, _ANSWER_KEYS, _ANSWER_RULES) and ok
    ok = check(_risk(result["risk"]), f"{where}.risk", _RISK, problems) and ok
    ok = check(_share(result["confidence"]), f"{where}.confidence", _SHARE, problems) and ok
    ok = _verdict(result["verdict"], f"{where}.verdict", problems) and ok
    ok = _items(result["dimensions"], f"{where}.dimensions", problems, _DIMENSION_KEYS, _DIMENSION_RULES) and ok
    ok = _items(result["signals"], f"{where}.signals", problems, _SIGNAL_KEYS, _SIGNAL_RULES) and ok
    ok = _items(result["profiles"], f"{where}.profiles", problems, _PROFILE_KEYS, _PROFILE_RULES) and ok
    ok = _items(result["dealbreakers"], f"{where}.dealbreakers", problems, _DEALBREAKER_KEYS,
                _DEALBREAKER_RULES) and ok
    if "client" in result:
        ok = check(type(result["client"]) is str and result["client"] != "", f"{where}.client",
                   _NON_EMPTY, problems) and ok
    plan = result["exit_plan"]
    if plan is not None:
        ok = _items(plan, f"{where}.exit_plan", problems, _EXIT_STEP_KEYS, _EXIT_STEP_RULES) and ok
    return ok


def check_bank(bank: Any, where: str, problems: Problems) -> bool:
    if not obj(bank, where, problems, _BANK_KEYS, _BANK_KEYS):
        return False
    ok = check(type(bank["id"]) is str and _BANK_ID.fullmatch(bank["id"]) is not None, f"{where}.id",
               _BANK_ID_TEXT, problems)
    ok = check(is_int(bank["version"]) and 1 <= bank["version"] <= MAX_BANK_VERSION, f"{where}.version",
               _BANK_VERSION, problems) and ok
    ok = check(_text(bank["title"]), f"{where}.title", _TEXT, problems) and ok
    source = bank["source"]
    if obj(source, f"{where}.source", problems, _SOURCE_KEYS, _SOURCE_KEYS):
        return _fields(source, f"{where}.source", problems,
                       tuple((key, _text, _TEXT) for key in sorted(_SOURCE_KEYS))) and ok
    return False


def _verdict(verdict: Any, where: str, problems: Problems) -> bool:
    if not obj(verdict, where, problems, _VERDICT_REQUIRED, _VERDICT_KEYS):
        return False
    ok = _fields(verdict, where, problems, (("level", _level, _LEVEL), ("label", _text, _TEXT),
                                            ("why", _text, _TEXT), ("partial", lambda v: type(v) is bool,
                                                                    _BOOLEAN)))
    band = verdict["band"]
    ok = (obj(band, f"{where}.band", problems, _BAND_KEYS, _BAND_KEYS)
          and _fields(band, f"{where}.band", problems, _BAND_RULES)) and ok
    for key in ("raised_by", "steps"):
        values = verdict[key]
        if array(values, f"{where}.{key}", problems):
            for index, value in enumerate(values):
                ok = check(_text(value), f"{where}.{key}[{index}]", _TEXT, problems) and ok
        else:
            ok = False
    flip = verdict.get("flip")
    if flip is not None:
        place = f"{where}.flip"
        if obj(flip, place, problems, _FLIP_KEYS, _FLIP_KEYS):
            ok = _fields(flip, place, problems, (
                ("direction", lambda v: v in ("down", "up"), message("import.down_or_up")), ("level", _level, _LEVEL),
                ("risk", _risk, _RISK), ("minimal", lambda v: type(v) is bool, _BOOLEAN))) and ok
            changes = flip["changes"]
            ok = _items(changes, f"{place}.changes", problems, _CHANGE_KEYS, _CHANGE_RULES) and ok
            if type(changes) is list and not changes:
                ok = check(False, f"{place}.changes", message("import.some_changes"), problems)
        else:
            ok = False
    bounds = verdict.get("unknown_bounds")
    if bounds is not None:
        ok = (obj(bounds, f"{where}.unknown_bounds", problems, _BOUNDS_KEYS, _BOUNDS_KEYS)
              and _fields(bounds, f"{where}.unknown_bounds", problems, _BOUNDS_RULES)) and ok
    return ok


def is_timestamp(value: Any) -> bool:
    """An ISO 8601 date and time with its offset, that is a real moment clientcheck can store."""
    return stored_timestamp(value) is not None


def stored_timestamp(value: Any) -> str | None:
    """The moment as clientcheck stores it, when ``value`` is a timestamp (``is_timestamp``); else None."""
    return normalise_timestamp(value) if type(value) is str and _TIMESTAMP.fullmatch(value) else None


def check_texts(value: Any, where: str, problems: Problems) -> bool:
    """Texts by language, at least one."""
    return check(is_text_map(value) and bool(value), where, _TEXTS, problems)


def check_signal_ref(value: Any, where: str, problems: Problems) -> bool:
    """One stored signal of an export: its question, number, risk and texts by language."""
    keys = frozenset({"question", "number", "risk", "text"})
    if not obj(value, where, problems, frozenset({"question", "text"}), keys):
        return False
    return _fields(value, where, problems, (
        ("question", _text, _TEXT), ("number", lambda v: v is None or is_int(v), _WHOLE_OR_NULL),
        ("risk", lambda v: number_in(v, 0, 100), _SIGNAL_RISK),
        ("text", lambda v: is_text_map(v), _TEXTS)))
