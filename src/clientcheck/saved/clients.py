"""What saved assessments mean over time: history with what changed, the portfolio, export
and import. Pure functions over ``store`` records, returning immutable records (NamedTuples,
for start-up speed: see ``store``); no I/O.
"""

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from clientcheck.clock import normalise_timestamp
from clientcheck.documents import SCHEMA_VERSIONS, Kind, envelope
from clientcheck.errors import ClientcheckError
from clientcheck.levels import LEVELS, Level
from clientcheck.saved.store import AssessmentRecord, ClientRow, SignalRef, clean_name

LEVEL_NAMES = tuple(level.value for level in LEVELS)


def _rank(level: str) -> int:
    """A saved level's rank; an unknown one (from a newer clientcheck) counts as keep."""
    return Level(level).rank if level in LEVEL_NAMES else 0

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


def export_document(records: Iterable[AssessmentRecord], exported: str) -> dict[str, Any]:
    """Everything saved, client by client, as one JSON-ready document (``records`` sorted by client)."""
    clients: list[dict[str, Any]] = []
    current: str | None = None
    for record in records:
        if record.client != current:
            clients.append({"name": record.client, "assessments": []})
            current = record.client
        clients[-1]["assessments"].append({
            "id": record.uid, "timestamp": record.created, "bank_title": dict(record.bank_title),
            "signals": [{"question": s.question, "number": s.number, "risk": s.risk, "text": dict(s.text)}
                        for s in record.signals],
            "result": json.loads(record.document),
        })
    return envelope(Kind.EXPORT, exported=exported, clients=clients)


def parse_export(data: bytes, name: str) -> list[AssessmentRecord]:
    """Read an export file, checking all of it first: any problem rejects the whole file."""
    problems: list[str] = []
    try:
        root = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ImportRejected(f"{name} is not a clientcheck export: it is not UTF-8 text",
                             "nothing was imported; make one with 'clientcheck export > FILE'") from None
    except json.JSONDecodeError as error:
        raise ImportRejected(f"{name} is not a clientcheck export: line {error.lineno}, column {error.colno}: "
                             f"{error.msg}", "nothing was imported") from None
    records: list[AssessmentRecord] = []
    if not isinstance(root, dict) or root.get("kind") != Kind.EXPORT.tag:
        problems.append(f"'kind' should be \"{Kind.EXPORT.tag}\"")
    elif root.get("schema_version") != SCHEMA_VERSIONS[Kind.EXPORT]:
        problems.append(f"'schema_version' {root.get('schema_version')!r} is not one this clientcheck reads "
                        f"({SCHEMA_VERSIONS[Kind.EXPORT]})")
    elif not isinstance(root.get("clients"), list):
        problems.append("'clients' should be a list")
    else:
        for i, client in enumerate(root["clients"]):
            records.extend(_read_client(client, f"clients[{i}]", problems))
    if problems:
        shown = "\n".join(problems[:8]) + (f"\n… and {len(problems) - 8} more" if len(problems) > 8 else "")
        raise ImportRejected(f"{name} is not a well-formed clientcheck export ({len(problems)} problem(s)); "
                             "nothing was imported", shown)
    return records


def _read_client(client: Any, where: str, problems: list[str]) -> list[AssessmentRecord]:
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
        record = _read_assessment(item, cleaned or "", f"{where}.assessments[{j}]", problems)
        if record is not None:
            records.append(record)
    return records


def _read_assessment(item: Any, client: str, where: str, problems: list[str]) -> AssessmentRecord | None:
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
        document=json.dumps(result, ensure_ascii=False, separators=(",", ":")))


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


