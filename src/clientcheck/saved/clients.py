"""What saved assessments mean over time: history with what changed, the portfolio, export
and import. Pure functions over ``store`` records, returning immutable records (NamedTuples,
for start-up speed: see ``store``); no I/O.
"""

import heapq
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache, partial
from json.encoder import encode_basestring
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from clientcheck.documents import SCHEMA_VERSIONS, Kind, envelope
from clientcheck.errors import ClientcheckError
from clientcheck.i18n.messages import Message, counted, message
from clientcheck.levels import LEVELS
from clientcheck.reading import ByteSource
from clientcheck.saved.checks import (
    A_TIMESTAMP,
    Problems,
    array,
    check,
    check_result,
    check_signal_ref,
    check_texts,
    is_int,
    obj,
    should_be,
    stored_timestamp,
)
from clientcheck.saved.jsonstream import JsonStream, JsonSyntaxError
from clientcheck.saved.store import (
    AssessmentRecord,
    ClientRow,
    ExportEntry,
    ImportedRecord,
    Present,
    SignalRef,
    StoreError,
    clean_name,
    indented,
    may_hold_constant,
    signals_text,
    texts_text,
)
from clientcheck.text import DEFAULT_LANGUAGE, json_safe_utf8

if TYPE_CHECKING:  # msgspec's import costs the list commands 15 ms: the import command passes fastcheck in
    from clientcheck.saved.fastcheck import Checked

    FastCheck = Callable[[str], Checked | None]

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
    # two stable sorts, the tie-breaker first (cheap: the store lists clients in key order), instead
    # of one whose key mixes a descending order with an ascending one: half the time at 10,000
    ordered = sorted(rows, key=attrgetter("key"))
    ordered.sort(key=lambda row: (row.last_risk, _rank(row.last_level), row.revenue_share or 0.0), reverse=True)
    entries = list(map(_portfolio_entry, zip(ordered, map(whale_at_risk, ordered), strict=True)))
    shared = [e for e in entries if e.client.revenue_share is not None]
    largest = max(shared, key=lambda e: (e.client.revenue_share or 0.0, e.client.last_risk), default=None)
    # whales come first: with enough of them, the other reasons cannot make the first few
    actions = [(entry, "whale") for entry in entries if entry.whale]
    if len(actions) < ACT_FIRST_MAX:
        actions = [(entry, reason) for entry in entries if (reason := _reason(entry)) is not None]
    # the first few of thousands: nsmallest is sorted(...)[:n], ties in table order, without sorting them all
    first = heapq.nsmallest(ACT_FIRST_MAX, actions, key=lambda a: (a[1] != "whale", -_rank(a[0].client.last_level),
                                                                  -a[0].client.last_risk,
                                                                  -(a[0].client.revenue_share or 0.0)))
    return Portfolio(tuple(entries), largest, len(shared), round(sum(e.client.revenue_share or 0.0 for e in shared), 1),
                     tuple(Action(entry, reason) for entry, reason in first))


# a row and its whale flag as a PortfolioEntry without a Python __new__ call: ten thousand in C
_portfolio_entry = cast("Callable[[tuple[ClientRow, bool]], PortfolioEntry]", partial(tuple.__new__, PortfolioEntry))


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


def export_text(entries: Iterable[ExportEntry], exported: str, left_out: list[str] | None = None) -> Iterator[bytes]:
    """Everything saved as one JSON document (UTF-8), exactly as ``json.dumps(indent=2)`` writes
    it, but yielded a few clients at a time so that a history of any size streams. ``entries``
    come sorted by client (as ``Store.export_entries`` gives them): their signals and documents
    are pasted in as the bodies hold them, not decoded and encoded again. The document is always
    valid JSON: an entry that would not be (a NaN from an older import) is left out, and a
    database that fails part way ends the document there; each is said in ``left_out`` (raised
    when it is None)."""
    head = json.dumps(envelope(Kind.EXPORT, exported=exported, clients=[]), ensure_ascii=False, indent=2,
                      allow_nan=False)
    assert head.endswith('"clients": []\n}')
    chunk: list[bytes] = []
    current: str | None = None
    for entry in _readable(entries, left_out):
        try:
            text = _assessment_text(entry)
        except ValueError as error:  # NaN or Infinity: no JSON number
            if left_out is None:
                raise
            left_out.append(f"the assessment {entry.uid} of {entry.client} holds {error}")
            continue
        if current is None:
            chunk.append((head[:-len("[]\n}")] + "[\n").encode())
        if entry.client != current:
            if current is not None:
                chunk.append(b"\n      ]\n    },\n")
            chunk.append(f'    {{\n      "name": {_string(entry.client)},\n      "assessments": [\n'.encode())
            current = entry.client
        else:
            chunk.append(b",\n")
        chunk.extend(text)
        if len(chunk) >= 1024:
            yield b"".join(chunk)
            chunk = []
    chunk.append((head + "\n").encode() if current is None else b"\n      ]\n    }\n  ]\n}\n")
    yield b"".join(chunk)


def export_entry(record: AssessmentRecord) -> ExportEntry:
    """An assessment saved or to be saved, as ``Store.export_entries`` would give it back."""
    return ExportEntry(record.client, record.uid, record.created, record.bank_title,
                       signals_text(record.signals).encode(), indented(record.document).encode())


def _readable(entries: Iterable[ExportEntry], left_out: list[str] | None) -> Iterator[ExportEntry]:
    """``entries`` until the database fails (said in ``left_out``, when given)."""
    try:
        yield from entries
    except StoreError as error:
        if left_out is None:
            raise
        left_out.append(f"{error.message}: the export stops there")


_string = encode_basestring  # json's own string encoder (C), as json.dumps(ensure_ascii=False) uses it
_RESULT_DEPTH = b"\n" + b" " * 10  # a result document's lines, at its depth in an export
_ITEM_INDENT = b" " * 8  # an assessment's depth in an export


def _no_constant(name: str) -> Any:
    raise ValueError(f"the number {name}")


@lru_cache(maxsize=256)  # a few banks' titles: each written once, not once per assessment
def _title_text(titles: tuple[tuple[str, str], ...]) -> str:
    return texts_text(dict(titles), " " * 10)


def _assessment_text(entry: ExportEntry) -> tuple[bytes, ...]:
    """One assessment of an export, at its depth (eight spaces), as json.dumps(indent=2) writes
    it: in pieces, joined with the rest of the chunk."""
    for part in () if entry.checked else (entry.document, entry.signals):  # looked at once, when saved
        if may_hold_constant(part):  # rare: then look closer
            json.loads(part, parse_constant=_no_constant)
    head = (f'{{\n          "id": {_string(entry.uid)},\n          "timestamp": {_string(entry.created)},\n'
            f'          "bank_title": {_title_text(tuple(entry.bank_title.items()))},\n          "signals": ')
    # JSON strings hold no newline: only layout moves
    return (_ITEM_INDENT, head.encode(), entry.signals, b',\n          "result": ',
            entry.document.replace(b"\n", _RESULT_DEPTH), b"\n        }")


IMPORT_CAP = 64 << 30  # bytes: 10,000 clients x 20 assessments export to 3 GB; read as a stream, never held
MAX_PROBLEMS_KEPT = 1000  # a file broken everywhere is reported by its first problems and a count
_ROOT_KEYS = frozenset({"kind", "schema_version", "clientcheck_version", "exported", "clients"})
_CLIENT_KEYS = frozenset({"name", "assessments"})
_ITEM_REQUIRED = frozenset({"id", "timestamp", "result"})
_ITEM_KEYS = _ITEM_REQUIRED | {"bank_title", "signals"}


class _Found:
    """The problems found so far: the first ones kept, all of them counted."""

    def __init__(self) -> None:
        self.kept: list[Message] = []
        self.count = 0

    def add(self, problems: Sequence[Message], client: str | None = None) -> None:
        self.count += len(problems)
        room = MAX_PROBLEMS_KEPT - len(self.kept)
        kept = problems[:max(room, 0)]
        self.kept.extend(kept if client is None else
                         (message("import.of_client", problem=problem, client=client) for problem in kept))


def read_export(stream: ByteSource, name: str, language: str = DEFAULT_LANGUAGE,
                saved: Callable[[str], ExportEntry | None] | None = None, fast: "FastCheck | None" = None,
                ) -> Iterator[AssessmentRecord | ImportedRecord | Present]:
    """An export file's assessments, read client by client from ``stream`` and checked whole
    as they come (``checks``: the result schema and what it leaves open). Every problem is
    collected; the first one stops the records (none is yielded after it) and, at the end of
    the file, ``ImportRejected`` lists them in ``language``: whoever stores the records does so
    in one transaction, which this rolls back, so a file with a problem imports nothing.

    ``saved`` gives an assessment already saved, by its id, as export writes it: an assessment
    of the file that is exactly that text is that assessment, known to be whole, and comes as
    ``Present`` without being parsed and checked again (importing a file twice costs a lookup
    and a comparison per assessment).

    ``fast`` (``fastcheck.checked``, or None) takes an assessment exactly as an export writes it,
    checked at C speed; it then comes with its signals' text (``ImportedRecord``). Any other is
    read and checked the full way, which says what is wrong and where."""
    found = _Found()
    root: dict[str, Any] = {}
    try:
        reader = JsonStream(stream)
        if reader.peek() != "{":
            reader.value()
            reader.end()
            raise _rejected(name, [message("import.not_an_object")], 1, language)
        for key in reader.members():
            if key != "clients" or reader.peek() != "[":
                root[key] = reader.value()[0]
                continue
            root[key] = []
            header = _header_problems(root, complete=False)
            if header:  # the rest would be read for nothing
                raise _rejected(name, header, len(header), language)
            for i in reader.items():
                records = _stream_client(reader, i, found, saved, fast)
                if not found.count:
                    yield from records
        reader.end()
    except UnicodeDecodeError as error:
        raise ImportRejected(message("import.not_utf8", name=name, byte=error.start + 1).text(language),
                             message("import.make_one").text(language)) from None
    except JsonSyntaxError as error:
        raise ImportRejected(message("import.not_json", name=name, line=error.lineno, column=error.colno,
                                     reason=error.reason).text(language),
                             message("import.nothing_imported").text(language)) from None
    header = _header_problems(root, complete=True)
    if header:
        raise _rejected(name, header, len(header), language)
    if found.count:
        raise _rejected(name, found.kept, found.count, language)


def _rejected(name: str, problems: Sequence[Message], count: int, language: str) -> ImportRejected:
    shown = "\n".join(problem.text(language) for problem in problems[:8])
    if count > 8:
        shown += "\n" + counted("import.and_more", count - 8).text(language)
    return ImportRejected(counted("import.rejected", count, name=name).text(language), shown)


def _header_problems(root: Mapping[str, Any], *, complete: bool) -> Problems:
    """What is wrong with the export's own fields (those read so far, unless ``complete``)."""
    if ("kind" in root or complete) and root.get("kind") != Kind.EXPORT.tag:
        return [message("import.field_should_be", field="kind", what=f"\"{Kind.EXPORT.tag}\"")]
    if "schema_version" in root or complete:
        version = root.get("schema_version")
        if not is_int(version) or version != SCHEMA_VERSIONS[Kind.EXPORT]:
            return [message("import.unknown_schema_version", version=json.dumps(version)[:40],
                            known=SCHEMA_VERSIONS[Kind.EXPORT])]
    problems = [message("import.not_an_export_key", field=key[:40]) for key in root if key not in _ROOT_KEYS]
    for key in ("clientcheck_version", "exported"):
        if key in root and type(root[key]) is not str:
            problems.append(message("import.field_should_be", field=key, what=_A_STRING))
    if complete and type(root.get("clients")) is not list:
        problems.append(message("import.field_should_be", field="clients", what=_A_LIST))
    return problems


_A_STRING, _A_LIST = message("import.a_string"), message("import.a_list")


def _stream_client(reader: JsonStream, index: int, found: _Found, saved: Callable[[str], ExportEntry | None] | None,
                   fast: "FastCheck | None") -> list[AssessmentRecord | ImportedRecord | Present]:
    """One client of the export, read member by member so that each result's text is kept as
    the file has it (an export's own text, moved back to the left margin, is what is stored)."""
    where = f"clients[{index}]"
    if reader.peek() != "{":
        reader.value()
        found.add([should_be(where, message("import.a_client_object"))])
        return []
    client: dict[str, Any] = {}
    items: list[tuple[Any, Any]] = []  # each item, with its result's text (or, when _PRESENT, its entry)
    for key in reader.members():
        if key != "assessments" or reader.peek() != "[":
            client[key] = reader.value()[0]
            continue
        client[key] = items
        for _ in reader.items():
            if reader.peek() != "{":
                items.append((reader.value()[0], None))
                continue
            entry = _saved_as_is(reader, saved) if saved is not None else None
            if entry is not None:
                items.append((_PRESENT, entry))
                continue
            taken = _checked_as_exported(reader, fast) if fast is not None else None
            if taken is not None:
                items.append((_CHECKED, taken))
                continue
            item: dict[str, Any] = {}
            text = None
            for member in reader.members():
                item[member], raw = reader.value(text=member == "result")
                if member == "result":
                    text = _margin(raw)
            items.append((item, text))
    return _read_client(client, where, found)


_PRESENT = object()  # an item that is an assessment saved here already, as it is
_CHECKED = object()  # an item taken by fastcheck
_ITEM_START = '{\n          "id": "'  # how an export's assessment starts ...
_ITEM_END = "\n        }"  # ... and ends: the first closing brace at its depth
_FAST_LIMIT = 1 << 20  # characters: an exported assessment is about 20,000; a longer one is read the full way
_ITEM_ID = re.compile(r'\{\n {10}"id": "([A-Za-z0-9_-]{8,64})",\n')  # how an export's assessment starts
_ID_AHEAD = 100  # characters: the id is within them


def _saved_as_is(reader: JsonStream, saved: Callable[[str], ExportEntry | None]) -> ExportEntry | None:
    """The saved assessment whose export text comes next, exactly, then moved past; else None
    and nothing is consumed. The text is a complete object then, and one already checked."""
    found = _ITEM_ID.match(reader.ahead(_ID_AHEAD))
    entry = saved(found[1]) if found else None
    if entry is None:
        return None
    try:
        _, *pieces = _assessment_text(entry)  # from the opening brace: the reader stands there
    except ValueError:  # a NaN: export leaves it out, the import looks at it whole
        return None
    head, signals, middle, document, end = pieces
    # its lines, for the reader's error positions, counted for less than the whole text: each of the
    # document's is what re-indenting it added (json_safe adds or takes away none)
    newlines = (head.count(b"\n") + signals.count(b"\n") + middle.count(b"\n") + end.count(b"\n")
                + (len(document) - len(entry.document)) // (len(_RESULT_DEPTH) - 1))
    return entry if reader.follows(json_safe_utf8(b"".join(pieces)).decode(), newlines) else None


def _checked_as_exported(reader: JsonStream, fast: "FastCheck") -> "Checked | None":
    """The assessment that comes next, when ``fast`` takes it, then moved past; else None and
    nothing is consumed (the full reading decides, and says what is wrong and where)."""
    if reader.ahead(len(_ITEM_START)) != _ITEM_START:
        return None
    text = reader.through(_ITEM_END, _FAST_LIMIT)
    found = fast(text) if text else None
    if found is not None:
        reader.skip(len(text))
    return found


def _margin(text: str) -> str:
    """A value's text with its indentation taken back to the left margin: the indentation of its
    last line (its closing bracket) comes off every line. Only whitespace between tokens moves:
    JSON strings hold no newline."""
    last = text.rfind("\n")
    indent = text[last + 1:-1]
    if last < 0 or not indent or indent.strip(" "):
        return text
    return text.replace("\n" + indent, "\n")


def _read_client(client: dict[str, Any], where: str, found: _Found,
                 ) -> list[AssessmentRecord | ImportedRecord | Present]:
    problems: Problems = []
    name = client.get("name")
    try:
        cleaned = clean_name(name) if isinstance(name, str) else None
    except ValueError:
        cleaned = None
    if cleaned is None:
        problems.append(should_be(f"{where}.name", message("import.a_client_name")))
    problems.extend(message("import.not_a_client_key", where=where, field=key[:40])
                    for key in client if key not in _CLIENT_KEYS)
    items = client.get("assessments")
    if type(items) is not list:
        problems.append(should_be(f"{where}.assessments", _A_LIST))
        items = []
    named = _string(cleaned) if cleaned else None
    found.add(problems, named)
    records: list[AssessmentRecord | ImportedRecord | Present] = []
    for j, (item, text) in enumerate(items):
        if item is _PRESENT:
            records.append(Present(text.uid, cleaned or "", text.created))
            continue
        if item is _CHECKED:
            records.append(_checked_record(text, cleaned or ""))
            continue
        problems = []
        record = _read_assessment(item, cleaned or "", f"{where}.assessments[{j}]", problems, text)
        found.add(problems, named)
        if record is not None:
            records.append(record)
    return records


_ASSESSMENT_ID = message("import.an_assessment_id")


def _read_assessment(item: Any, client: str, where: str, problems: Problems,
                     text: str | None) -> AssessmentRecord | None:
    if not obj(item, where, problems, _ITEM_REQUIRED, _ITEM_KEYS):
        return None
    uid, result = item["id"], item["result"]
    check(type(uid) is str and _UID.match(uid) is not None, f"{where}.id",
          _ASSESSMENT_ID, problems)
    created = stored_timestamp(item["timestamp"])
    check(created is not None, f"{where}.timestamp", A_TIMESTAMP, problems)
    titles = item.get("bank_title")
    if titles is not None:
        check_texts(titles, f"{where}.bank_title", problems)
    ok = check_result(result, f"{where}.result", problems)
    signals = _signals(item.get("signals"), result if ok else {}, where, problems)
    if problems or not ok:
        return None
    assert created is not None
    bank, verdict = result["bank"], result["verdict"]
    if titles is None:
        titles = {result["language"]: bank["title"]}
    return AssessmentRecord(
        uid=uid, client=client, created=created, bank_id=bank["id"], bank_version=bank["version"],
        bank_title=dict(titles), risk=result["risk"], level=verdict["level"],
        confidence=float(result["confidence"]),
        revenue_share=_revenue_share((answer["question"], answer["answer"]) for answer in result["answers"]),
        signals=signals,
        document=text if text is not None else json.dumps(result, ensure_ascii=False, separators=(",", ":")))


def _checked_record(fast: "Checked", client: str) -> ImportedRecord:
    """The record of an assessment fastcheck took: the same as ``_read_assessment`` makes of it."""
    item = fast.item
    result, bank = item.result, item.result.bank
    record = AssessmentRecord(
        uid=item.id, client=client, created=fast.created, bank_id=bank.id, bank_version=bank.version,
        bank_title={result.language: bank.title} if fast.titles is None else fast.titles, risk=result.risk,
        level=result.verdict.level, confidence=result.confidence,
        revenue_share=_revenue_share((answer.question, answer.answer) for answer in result.answers),
        signals=tuple(SignalRef(s.question, s.number, s.risk, s.text) for s in item.signals),
        document=fast.document.decode())
    return ImportedRecord(record, fast.signals, fast.document)


def _signals(value: Any, result: Mapping[str, Any], where: str, problems: Problems) -> tuple[SignalRef, ...]:
    """The stored signals with their texts; rebuilt from the result document when missing."""
    if value is None:
        language = result.get("language", "en")
        return tuple(SignalRef(s["question"], s["number"], float(s["risk"]), {language: s["text"]})
                     for s in result.get("signals", ()))
    if not array(value, f"{where}.signals", problems):
        return ()
    signals = []
    for k, s in enumerate(value):
        if check_signal_ref(s, f"{where}.signals[{k}]", problems):
            signals.append(SignalRef(s["question"], s.get("number"), float(s.get("risk", 0)), dict(s["text"])))
    return tuple(signals)


def _revenue_share(answers: Iterable[tuple[Any, Any]]) -> float | None:
    """The first answer (question, answer) to IMPORTED_REVENUE_QUESTION that is a share, of a checked result."""
    for question, value in answers:
        if question == IMPORTED_REVENUE_QUESTION and isinstance(value, int | float) and not isinstance(value, bool) \
                and 0 <= value <= 100:
            return float(value)
    return None




