"""What saved assessments mean over time: history with what changed, the portfolio, export
and import. Pure functions over ``store`` records, returning immutable records (NamedTuples,
for start-up speed: see ``store``); no I/O.
"""

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from json.encoder import encode_basestring
from typing import Any, BinaryIO, NamedTuple

from clientcheck.clock import normalise_timestamp
from clientcheck.documents import SCHEMA_VERSIONS, Kind, envelope
from clientcheck.errors import ClientcheckError
from clientcheck.levels import LEVELS
from clientcheck.saved.jsonstream import JsonStream, JsonSyntaxError
from clientcheck.saved.store import AssessmentRecord, ClientRow, SignalRef, clean_name

LEVEL_NAMES = tuple(level.value for level in LEVELS)
_RANKS = {level.value: level.rank for level in LEVELS}  # a lookup, not an Enum call, for each of many clients


def _rank(level: str) -> int:
    """A saved level's rank; an unknown one (from a newer clientcheck) counts as keep."""
    return _RANKS.get(level, 0)

IMPORTED_REVENUE_QUESTION = "revenue_share"
"""An export does not say which answer is the share of revenue and an import has no bank at hand,
so it reads the answer with the id every shipped bank names as its ``revenue_question``."""
# The portfolio's own rule for a whale, not a bank's whale profile: a client's row keeps only
# its latest share of revenue and risk, while each bank's whale profile asks its own conditions
# (starter from a risk of 45, checkup from 60 or one of several answer patterns). docs/clients.md
BIG_CLIENT_SHARE = 30.0  # at least this share of your revenue: a big client (and a concentrated portfolio)
AT_RISK = 50  # at least this risk: a big client at risk, flagged as a whale and acted on first
RISING = 15  # risk up by at least this much since the previous assessment
ACT_FIRST_MAX = 5
SPARK = "▁▂▃▄▅▆▇█"
_UID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def localized(texts: Mapping[str, str], language: str) -> str:
    """A stored text in ``language``, else English, else whatever there is."""
    for key in (language, "en"):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


# --- history -------------------------------------------------------------------------------


class Change(NamedTuple):
    """Signals that differ from the previous assessment made with the same bank."""

    previous: AssessmentRecord
    new: tuple[SignalRef, ...]
    resolved: tuple[SignalRef, ...]


class HistoryEntry(NamedTuple):
    record: AssessmentRecord
    change: Change | None  # None: no earlier assessment with this bank to compare with


class History(NamedTuple):
    client: str
    entries: tuple[HistoryEntry, ...]  # oldest first
    sparkline: str

    @property
    def latest(self) -> HistoryEntry:
        return self.entries[-1]


def history(client: str, records: Sequence[AssessmentRecord]) -> History:
    """Each assessment with what changed since the previous one. Signals are compared only
    with the same bank: another bank asks other questions, so nothing "resolved" there."""
    entries: list[HistoryEntry] = []
    last_by_bank: dict[str, AssessmentRecord] = {}
    for record in records:
        previous = last_by_bank.get(record.bank_id)
        change = None
        if previous is not None:
            before = {s.question for s in previous.signals}
            now = {s.question for s in record.signals}
            change = Change(previous, tuple(s for s in record.signals if s.question not in before),
                            tuple(s for s in previous.signals if s.question not in now))
        entries.append(HistoryEntry(record, change))
        last_by_bank[record.bank_id] = record
    return History(client, tuple(entries), sparkline([r.risk for r in records]))


def sparkline(values: Sequence[int]) -> str:
    """Risk 0-100 as eight block heights, one character per assessment."""
    return "".join(SPARK[min(7, max(0, round(value * 7 / 100)))] for value in values)


# --- portfolio -----------------------------------------------------------------------------


class PortfolioEntry(NamedTuple):
    client: ClientRow
    whale: bool  # a big client at risk: the portfolio's own rule (``whale_at_risk``), not a bank's profile

    @property
    def rising(self) -> int | None:
        previous = self.client.previous_risk
        return None if previous is None else self.client.last_risk - previous


class Action(NamedTuple):
    """A relationship to act on, and the main reason: whale, let_go, renegotiate or rising."""

    entry: PortfolioEntry
    reason: str


class Portfolio(NamedTuple):
    entries: tuple[PortfolioEntry, ...]  # riskiest first
    largest: PortfolioEntry | None  # the client with the largest known share of revenue
    shares_known: int
    shares_total: float
    act_first: tuple[Action, ...]

    @property
    def concentration(self) -> str:
        """How much rides on one client: high (≥50%), medium (≥30%), low, or unknown."""
        if self.largest is None or self.largest.client.revenue_share is None:
            return "unknown"
        share = self.largest.client.revenue_share
        return "high" if share >= 50 else "medium" if share >= BIG_CLIENT_SHARE else "low"


def whale_at_risk(row: ClientRow) -> bool:
    """The portfolio's whale: at least ``BIG_CLIENT_SHARE`` of revenue and a risk of at least
    ``AT_RISK``. Its own rule, on what a row keeps: not any bank's whale profile."""
    return row.revenue_share is not None and row.revenue_share >= BIG_CLIENT_SHARE and row.last_risk >= AT_RISK


def portfolio(rows: Iterable[ClientRow]) -> Portfolio:
    """All clients' latest results, riskiest first, with whales and what to act on first."""
    entries = [PortfolioEntry(row, whale_at_risk(row)) for row in rows]
    entries.sort(key=lambda e: (-e.client.last_risk, -_rank(e.client.last_level),
                                -(e.client.revenue_share or 0.0), e.client.key))
    shared = [e for e in entries if e.client.revenue_share is not None]
    largest = max(shared, key=lambda e: (e.client.revenue_share or 0.0, e.client.last_risk), default=None)
    actions = []
    for entry in entries:
        reason = _reason(entry)
        if reason is not None:
            actions.append(Action(entry, reason))
    actions.sort(key=lambda a: (a.reason != "whale", -_rank(a.entry.client.last_level),
                                -a.entry.client.last_risk, -(a.entry.client.revenue_share or 0.0)))
    return Portfolio(tuple(entries), largest, len(shared),
                     round(sum(e.client.revenue_share or 0.0 for e in shared), 1), tuple(actions[:ACT_FIRST_MAX]))


def _reason(entry: PortfolioEntry) -> str | None:
    level = entry.client.last_level
    if entry.whale:
        return "whale"
    if level in ("let_go", "renegotiate"):
        return level
    rising = entry.rising
    if rising is not None and rising >= RISING and level != "keep":
        return "rising"
    return None


# --- export and import ---------------------------------------------------------------------


class ImportRejected(ClientcheckError):
    """An import file that is not a well-formed clientcheck export: nothing is imported."""


def export_text(records: Iterable[AssessmentRecord], exported: str) -> Iterator[str]:
    """Everything saved as one JSON document, exactly as ``json.dumps(indent=2)`` writes it, but
    yielded a few clients at a time so that a history of any size streams. ``records`` come
    sorted by client, each document indented (as ``Store.all_records`` gives them): it is pasted
    in, not encoded again."""
    head = json.dumps(envelope(Kind.EXPORT, exported=exported, clients=[]), ensure_ascii=False, indent=2)
    remaining = iter(records)
    first = next(remaining, None)
    if first is None:
        yield head + "\n"
        return
    assert head.endswith('"clients": []\n}')
    yield head[:-len("[]\n}")] + "[\n"
    chunk: list[str] = []
    current: str | None = None
    for record in chain([first], remaining):
        if record.client != current:
            if current is not None:
                chunk.append("\n      ]\n    },\n")
            chunk.append(f'    {{\n      "name": {_string(record.client)},\n      "assessments": [\n')
            current = record.client
        else:
            chunk.append(",\n")
        chunk.append(_assessment_text(record))
        if len(chunk) >= 256:
            yield "".join(chunk)
            chunk = []
    chunk.append("\n      ]\n    }\n  ]\n}\n")
    yield "".join(chunk)


_string = encode_basestring  # json's own string encoder (C), as json.dumps(ensure_ascii=False) uses it


def _scalar(value: Any) -> str:
    """A number, string, boolean or null as json.dumps writes it."""
    if isinstance(value, str):
        return _string(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value)


def _texts_text(texts: Mapping[str, str], indent: str) -> str:
    if not texts:
        return "{}"
    inner = ",\n".join(f"{indent}  {_string(key)}: {_string(value)}" for key, value in texts.items())
    return "{\n" + inner + "\n" + indent + "}"


def _assessment_text(record: AssessmentRecord) -> str:
    """One assessment of an export, at its depth (eight spaces), as json.dumps(indent=2) writes it."""
    if record.signals:
        signals = "[\n" + ",\n".join(
            f'            {{\n              "question": {_string(s.question)},\n              "number": '
            f'{_scalar(s.number)},\n              "risk": {_scalar(s.risk)},\n              "text": '
            f'{_texts_text(s.text, " " * 14)}\n            }}' for s in record.signals) + "\n          ]"
    else:
        signals = "[]"
    result = record.document.replace("\n", "\n          ")  # JSON strings hold no newline: only layout moves
    return (f'        {{\n          "id": {_string(record.uid)},\n          "timestamp": {_string(record.created)},\n'
            f'          "bank_title": {_texts_text(record.bank_title, " " * 10)},\n          "signals": {signals},\n'
            f'          "result": {result}\n        }}')


def read_export(stream: BinaryIO, name: str) -> Iterator[AssessmentRecord]:
    """An export file's assessments, read client by client from ``stream`` and checked as they
    come. Every problem is collected; the first one stops the records (none is yielded after it)
    and, at the end of the file, ``ImportRejected`` lists them all: whoever stores the records
    does so in one transaction, which this rolls back, so a file with a problem imports nothing."""
    problems: list[str] = []
    root: dict[str, Any] = {}
    clients_seen = 0
    try:
        reader = JsonStream(stream)
        if reader.peek() != "{":
            root = {"": reader.value()[0]}  # not an object: no 'kind'
        else:
            for key in reader.members():
                if key != "clients" or reader.peek() != "[":
                    root[key] = reader.value()[0]
                    continue
                root[key] = []
                clients_seen += 1
                if clients_seen > 1:
                    problems.append("'clients' should appear once")
                for i in reader.items():
                    records = _stream_client(reader, f"clients[{i}]", problems)
                    if not problems:
                        yield from records
        reader.end()
    except UnicodeDecodeError:
        raise ImportRejected(f"{name} is not a clientcheck export: it is not UTF-8 text",
                             "nothing was imported; make one with 'clientcheck export > FILE'") from None
    except JsonSyntaxError as error:
        raise ImportRejected(f"{name} is not a clientcheck export: line {error.lineno}, column {error.colno}: "
                             f"{error.msg}", "nothing was imported") from None
    if root.get("kind") != Kind.EXPORT.tag:
        problems = [f"'kind' should be \"{Kind.EXPORT.tag}\""]
    elif root.get("schema_version") != SCHEMA_VERSIONS[Kind.EXPORT]:
        problems = [f"'schema_version' {root.get('schema_version')!r} is not one this clientcheck reads "
                    f"({SCHEMA_VERSIONS[Kind.EXPORT]})"]
    elif not isinstance(root.get("clients"), list):
        problems = ["'clients' should be a list"]
    if problems:
        shown = "\n".join(problems[:8]) + (f"\n… and {len(problems) - 8} more" if len(problems) > 8 else "")
        raise ImportRejected(f"{name} is not a well-formed clientcheck export ({len(problems)} problem(s)); "
                             "nothing was imported", shown)


def _stream_client(reader: JsonStream, where: str, problems: list[str]) -> list[AssessmentRecord]:
    """One client of the export, read member by member so that each result's text is kept as
    the file has it (an export's own text, moved back to the left margin, is what is stored)."""
    if reader.peek() != "{":
        return _read_client(reader.value()[0], where, problems, [])
    client: dict[str, Any] = {}
    texts: list[str | None] = []
    for key in reader.members():
        if key != "assessments" or reader.peek() != "[":
            client[key] = reader.value()[0]
            continue
        items: list[Any] = []
        texts = []
        for _ in reader.items():
            if reader.peek() != "{":
                items.append(reader.value()[0])
                texts.append(None)
                continue
            item: dict[str, Any] = {}
            text = None
            for member in reader.members():
                item[member], raw = reader.value(text=member == "result")
                if member == "result":
                    text = _margin(raw)
            items.append(item)
            texts.append(text)
        client[key] = items
    return _read_client(client, where, problems, texts)


def _margin(text: str) -> str:
    """A value's text with its indentation taken back to the left margin: the indentation of its
    last line (its closing bracket) comes off every line. Only whitespace between tokens moves:
    JSON strings hold no newline."""
    last = text.rfind("\n")
    indent = text[last + 1:-1]
    if last < 0 or not indent or indent.strip(" "):
        return text
    return text.replace("\n" + indent, "\n")


def _read_client(client: Any, where: str, problems: list[str], texts: Sequence[str | None]) -> list[AssessmentRecord]:
    if not isinstance(client, dict):
        problems.append(f"{where}: should be an object with 'name' and 'assessments'")
        return []
    name = client.get("name")
    try:
        cleaned = clean_name(name) if isinstance(name, str) else None
    except ValueError:
        cleaned = None
    if cleaned is None:
        problems.append(f"{where}.name: should be a non-empty client name")
    items = client.get("assessments")
    if not isinstance(items, list):
        problems.append(f"{where}.assessments: should be a list")
        return []
    records = []
    for j, item in enumerate(items):
        text = texts[j] if j < len(texts) else None
        record = _read_assessment(item, cleaned or "", f"{where}.assessments[{j}]", problems, text)
        if record is not None:
            records.append(record)
    return records


def _read_assessment(item: Any, client: str, where: str, problems: list[str],
                     text: str | None) -> AssessmentRecord | None:
    count = len(problems)
    if not isinstance(item, dict):
        problems.append(f"{where}: should be an object")
        return None
    uid, result = item.get("id"), item.get("result")
    if not isinstance(uid, str) or not _UID.match(uid):
        problems.append(f"{where}.id: should be the assessment's id (8-64 letters, digits, - or _)")
    created = normalise_timestamp(item.get("timestamp"))
    if created is None:
        problems.append(f"{where}.timestamp: should be a date and time like 2026-01-31T09:30:00Z")
    if not isinstance(result, dict) or result.get("kind") != Kind.RESULT.tag:
        problems.append(f"{where}.result: should be a clientcheck result document (kind clientcheck.result)")
        return None
    bank, verdict, risk = result.get("bank"), result.get("verdict"), result.get("risk")
    if not isinstance(bank, dict) or not isinstance(bank.get("id"), str) or not _is_int(bank.get("version")):
        problems.append(f"{where}.result.bank: should have an 'id' and a whole-number 'version'")
    if not isinstance(risk, int) or isinstance(risk, bool) or not 0 <= risk <= 100:
        problems.append(f"{where}.result.risk: should be a whole number from 0 to 100")
    if not isinstance(verdict, dict) or verdict.get("level") not in LEVEL_NAMES:
        problems.append(f"{where}.result.verdict.level: should be one of {', '.join(LEVEL_NAMES)}")
    confidence = result.get("confidence", 1.0)
    if not isinstance(confidence, int | float) or isinstance(confidence, bool) or not 0 <= confidence <= 1:
        problems.append(f"{where}.result.confidence: should be a number from 0 to 1")
    signals = _signals(item.get("signals"), result, where, problems)
    if len(problems) > count:
        return None
    assert isinstance(bank, dict) and isinstance(verdict, dict) and isinstance(uid, str) and created is not None
    assert isinstance(risk, int)
    language = str(result.get("language", "en"))
    titles = item.get("bank_title")
    if not (isinstance(titles, dict) and titles and all(isinstance(v, str) for v in titles.values())):
        titles = {language: str(bank.get("title", bank["id"]))}
    return AssessmentRecord(
        uid=uid, client=client, created=created, bank_id=bank["id"], bank_version=int(bank["version"]),
        bank_title={str(k): v for k, v in titles.items()}, risk=risk, level=str(verdict["level"]),
        confidence=float(confidence), revenue_share=_revenue_share(result), signals=signals,
        document=text if text is not None else json.dumps(result, ensure_ascii=False, separators=(",", ":")))


def _signals(value: Any, result: Mapping[str, Any], where: str, problems: list[str]) -> tuple[SignalRef, ...]:
    """The stored signals with their texts; rebuilt from the result document when missing."""
    language = str(result.get("language", "en"))
    if value is None:
        value = [{"question": s.get("question"), "number": s.get("number"), "risk": s.get("risk", 0),
                  "text": {language: s.get("text", "")}}
                 for s in result.get("signals", []) if isinstance(s, dict)]
    if not isinstance(value, list):
        problems.append(f"{where}.signals: should be a list")
        return ()
    signals = []
    for k, s in enumerate(value):
        ok = (isinstance(s, dict) and isinstance(s.get("question"), str)
              and (s.get("number") is None or _is_int(s.get("number")))
              and isinstance(s.get("risk", 0), int | float) and isinstance(s.get("text"), dict)
              and all(isinstance(t, str) for t in s["text"].values()))
        if not ok:
            problems.append(f"{where}.signals[{k}]: should have 'question', 'risk' and 'text'")
            continue
        signals.append(SignalRef(s["question"], s.get("number"), float(s.get("risk", 0)), dict(s["text"])))
    return tuple(signals)


def _revenue_share(result: Mapping[str, Any]) -> float | None:
    for answer in result.get("answers", []) if isinstance(result.get("answers"), list) else []:
        if isinstance(answer, dict) and answer.get("question") == IMPORTED_REVENUE_QUESTION:
            value = answer.get("answer")
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100:
                return float(value)
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


