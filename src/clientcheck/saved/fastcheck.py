"""An exported assessment checked at C speed, when its text is exactly what clientcheck exports.

``checks`` and ``jsonstream`` are the authority on what an import may hold and on how to say
what is wrong; walking 200,000 documents in Python costs them about 0.4 ms each. Here msgspec
decodes one assessment into Structs that mirror the result schema and validate as they decode
(closed objects, types, ranges, patterns), and the text is taken only when it is exactly the
canonical text of what was decoded: ``json.dumps(indent=2)`` at an assessment's depth in an
export. So no key is given twice (msgspec would keep the last one), no number or string is
spelled another way, nothing is left to a looser reading. This can only be stricter than the
authority (``tests/saved/test_fastcheck.py`` holds it over every way of breaking a result):
whatever it does not take (``None``) is read the full way, which refuses it with its located
message, or accepts it, slower.
"""

from __future__ import annotations

from typing import Annotated, Literal, NamedTuple, get_args

import msgspec
from msgspec import UNSET, Meta, UnsetType

from clientcheck.levels import LEVELS
from clientcheck.saved.checks import MAX_BANK_VERSION, is_timestamp, stored_timestamp
from clientcheck.text import LANGUAGES

_Level = Literal["keep", "watch", "renegotiate", "let_go"]
_Language = Literal["it", "en"]
assert set(get_args(_Level)) == {level.value for level in LEVELS} and set(get_args(_Language)) == set(LANGUAGES)

_Risk = Annotated[int, Meta(ge=0, le=100)]
_Share = Annotated[float, Meta(ge=0, le=1)]
_Whole = Annotated[int, Meta(ge=0)]
_Answer = str | int | float  # msgspec refuses NaN, infinities and numbers out of a double's range
_SignalRisk = Annotated[float, Meta(ge=0, le=100)]


class _Closed(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """An object with these keys, in this order (the canonical text says so), and no other.
    Untracked by the garbage collector (``gc=False``): decoded JSON is a tree and holds no cycle,
    and 200,000 imported assessments would otherwise set off a young collection every few."""


class _Source(_Closed):
    title: str
    author: str
    date: str


class _Bank(_Closed):
    id: Annotated[str, Meta(pattern=r"\A[a-z][a-z0-9-]{0,63}\Z")]
    version: Annotated[int, Meta(ge=1, le=MAX_BANK_VERSION)]
    title: str
    source: _Source


class _GivenAnswer(_Closed):
    question: str
    answer: _Answer


class _Band(_Closed):
    min: _Risk
    max: _Risk
    level: _Level


class _Change(_Closed):
    question: str
    text: str
    from_: _Answer = msgspec.field(name="from")
    to: _Answer


class _Flip(_Closed):
    direction: Literal["down", "up"]
    level: _Level
    risk: _Risk
    minimal: bool
    changes: Annotated[list[_Change], Meta(min_length=1)]


class _Bounds(_Closed):
    best: _Level
    worst: _Level
    best_risk: _Risk
    worst_risk: _Risk


class _Verdict(_Closed):
    level: _Level
    label: str
    why: str
    band: _Band
    raised_by: list[str]
    steps: list[str]
    partial: bool | UnsetType = UNSET
    flip: _Flip | UnsetType | None = UNSET
    unknown_bounds: _Bounds | UnsetType | None = UNSET


class _Dimension(_Closed):
    id: str
    label: str
    risk: _Risk | None
    confidence: _Share
    answered: _Whole
    asked: _Whole


class _Signal(_Closed):
    question: str
    number: int | None
    dimension: str
    text: str
    answer: _Answer
    risk: _SignalRisk
    weight: Annotated[float, Meta(gt=0)]
    contribution: Annotated[float, Meta(ge=0)]
    advice: str | None


class _Profile(_Closed):
    id: str
    label: str
    advice: str


class _Dealbreaker(_Closed):
    id: str
    level: _Level
    reason: str


class _ExitStep(_Closed):
    id: str
    title: str
    text: str


class _Result(_Closed):
    kind: Literal["clientcheck.result"]
    schema_version: Literal[1]
    clientcheck_version: str
    timestamp: str
    language: _Language
    bank: _Bank
    answers: list[_GivenAnswer]
    risk: _Risk
    confidence: _Share
    verdict: _Verdict
    dimensions: list[_Dimension]
    signals: list[_Signal]
    profiles: list[_Profile]
    dealbreakers: list[_Dealbreaker]
    exit_plan: list[_ExitStep] | None
    client: Annotated[str, Meta(min_length=1)] | UnsetType = UNSET


class SignalItem(_Closed):
    """One stored signal, as an export writes it (every key: ``signals_text``'s layout)."""

    question: str
    number: int | None
    risk: _SignalRisk
    text: dict[str, str]


class Item(_Closed, kw_only=True):
    """One assessment of an export, with its signals (an export always writes them)."""

    id: Annotated[str, Meta(pattern=r"\A[A-Za-z0-9_-]{8,64}\Z")]
    timestamp: str
    bank_title: Annotated[dict[str, str], Meta(min_length=1)] | UnsetType = UNSET
    signals: list[SignalItem]
    result: _Result


class Checked(NamedTuple):
    """An assessment taken here: what was decoded, its bank's titles (None when not given), its
    signals' text as the file holds them (UTF-8, at their depth in an export: as signals_text
    writes them) and its result's (from the left margin, as json.dumps(indent=2) writes it)."""

    item: Item
    created: str  # its timestamp, as stored
    titles: dict[str, str] | None
    signals: bytes
    document: bytes


_decode = msgspec.json.Decoder(Item).decode
_encode = msgspec.json.Encoder().encode
_DEPTH = b"\n" + b" " * 8  # an assessment's lines in an export
_SIGNALS = b'\n          "signals": '
_RESULT = b',\n          "result": '
_LAST = b',"result":'  # the last member of an assessment, compact; no key inside a result has that name
# Below this, float repr writes an exponent where msgspec writes digits: a stored signal's risk
# is written again by store.signals_text (repr), so it must be spelled alike (0 is).
_SMALLEST_RISK = 1e-4


def checked(text: str) -> Checked | None:
    """``text`` (an assessment, from its ``{`` to its ``}``, at its depth in an export) when it
    is exactly as clientcheck exports a valid assessment; else None (read it the full way)."""
    data = text.encode()
    try:
        item = _decode(data)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
    compact = _encode(item)
    if msgspec.json.format(compact, indent=2).replace(b"\n", _DEPTH) != data:
        return None  # another spelling, a key given twice, another order: the full reading decides
    created = stored_timestamp(item.timestamp)
    if created is None or not is_timestamp(item.result.timestamp):
        return None
    if any(0 < signal.risk < _SMALLEST_RISK for signal in item.signals):
        return None
    # JSON strings hold no newline: each marker is found where the layout puts it, once
    signals = data.index(_SIGNALS) + len(_SIGNALS)
    result = data.index(_RESULT, signals)
    titles = None if isinstance(item.bank_title, UnsetType) else item.bank_title
    # the result formatted alone is its text in the file taken back to the margin, faster than moving every line
    document = msgspec.json.format(compact[compact.rindex(_LAST) + len(_LAST):-1], indent=2)
    return Checked(item, created, titles, data[signals:result], document)
