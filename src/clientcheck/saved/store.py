"""Saved assessments: one SQLite file on this machine, nothing else, nothing sent anywhere.

Pure storage: no printing, no Rich, no questionary. Every write is one ``BEGIN IMMEDIATE``
transaction, so a process killed mid-save leaves the last complete assessment and nothing
half-written; WAL mode lets readers and a writer work at once. The schema is versioned with
``PRAGMA user_version`` and migrated forward on open. A file that is not a clientcheck
database, is damaged, or comes from a newer clientcheck is reported and never written to.

The records are NamedTuples without ``from __future__ import annotations``: typing would
compile every string annotation at import, and this module is on the fast path.

Each assessment's bulk (its signals and its result document) is one zlib stream whose preset
dictionary holds the texts already seen for that bank: a result is mostly the bank's words,
so an assessment takes about a fifth of its JSON. ``_Packer`` does it, in one place. A body
holds the signals as an export writes them, a NUL, then the document (bodies packed before
hold the signals on one line and a newline: both are read), so an export pastes both in.
"""

import json
import math
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from json.encoder import encode_basestring
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, cast

from isal import isal_zlib

from clientcheck.env import HOME_ENV, file_in_the_way
from clientcheck.errors import ClientcheckError
from clientcheck.text import MAX_NAME_LENGTH as MAX_NAME_LENGTH  # the name rule's, re-exported
from clientcheck.text import client_key as client_key
from clientcheck.text import client_name, strip_control, strip_control_tree

DB_NAME = "clientcheck.db"
DB_SCHEMA_VERSION = 5  # the database file's layout (PRAGMA user_version); JSON documents have their own
APPLICATION_ID = 0x43434B31  # "CCK1": marks the file as ours
BUSY_TIMEOUT_MS = 15_000
FULL_CHECK_BYTES = 64 << 20  # up to this size a writable open runs the full integrity check
PROGRESS_WAIT_MS = 500  # an answer saved as it is given waits this long for a lock: the quiz never stalls
_SQLITE_HEADER = b"SQLite format 3\x00"

# Migration N brings a database from user_version N to N + 1. Never edit a released one: add.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,           -- the name folded for matching: any spelling finds it
        name TEXT NOT NULL,                 -- as first typed
        created TEXT NOT NULL,
        -- kept up to date by every write, so listing clients is one scan of this table:
        assessments INTEGER NOT NULL DEFAULT 0,
        last_id INTEGER,                    -- the latest assessment
        previous_risk INTEGER,              -- the risk of the one before it
        revenue_share REAL                  -- the latest known answer to `revenue_share`
    );
    CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,           -- random, kept across export and import
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        created TEXT NOT NULL,              -- UTC, ISO 8601 with Z: sorts as text
        bank_id TEXT NOT NULL,
        bank_version INTEGER NOT NULL,
        bank_title TEXT NOT NULL,           -- JSON {language: title}
        risk INTEGER NOT NULL,
        level TEXT NOT NULL,
        confidence REAL NOT NULL,
        revenue_share REAL                  -- the answer to `revenue_share`, when given
    );
    CREATE INDEX assessments_by_client ON assessments(client_id, created, id);
    -- the bulky part apart, so listing a thousand clients reads a few compact pages
    CREATE TABLE details (
        assessment_id INTEGER PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
        signals TEXT NOT NULL,              -- JSON [{question, number, risk, text: {language: text}}]
        document TEXT NOT NULL              -- the full JSON result document
    );
    CREATE TABLE progress (
        client_key TEXT NOT NULL,
        client_name TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        bank_version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,               -- JSON: a string or a number
        updated TEXT NOT NULL,
        PRIMARY KEY (client_key, question)
    );
    """,
    # 2: details (plain JSON, 9 KB an assessment) become bodies (zlib with a dictionary per bank);
    # the rows are packed by _pack_details, run right after this SQL.
    """
    CREATE TABLE dictionaries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: a body names its dictionary for good
        bank_id TEXT NOT NULL,
        bank_version INTEGER NOT NULL,
        language TEXT NOT NULL,
        data BLOB NOT NULL                  -- texts seen in that bank's results, zlib's preset dictionary
    );
    CREATE INDEX dictionaries_by_bank ON dictionaries(bank_id, bank_version, language, id);
    CREATE TABLE bodies (
        assessment_id INTEGER PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE,
        dictionary INTEGER REFERENCES dictionaries(id),
        data BLOB NOT NULL                  -- zlib: the signals (JSON, one line), a newline, the result
                                            -- document indented as export writes it
    );
    CREATE INDEX bodies_by_dictionary ON bodies(dictionary);
    """,
    # 3: an unfinished quiz per client and bank (one of another bank was dropped by a new quiz)
    """
    CREATE TABLE progress_by_bank (
        client_key TEXT NOT NULL,
        client_name TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        bank_version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,               -- JSON: a string or a number
        updated TEXT NOT NULL,
        PRIMARY KEY (client_key, bank_id, question)
    );
    INSERT INTO progress_by_bank SELECT client_key, client_name, bank_id, bank_version, position, question, answer,
        updated FROM progress;
    DROP TABLE progress;
    ALTER TABLE progress_by_bank RENAME TO progress;
    """,
    # 4: the latest assessment's facts kept in its client's summary, so listing 10,000 clients
    # is one scan of one table instead of 10,000 look-ups in the assessments
    """
    ALTER TABLE clients ADD COLUMN last_created TEXT;
    ALTER TABLE clients ADD COLUMN last_bank_id TEXT;
    ALTER TABLE clients ADD COLUMN last_risk INTEGER;
    ALTER TABLE clients ADD COLUMN last_level TEXT;
    UPDATE clients SET (last_created, last_bank_id, last_risk, last_level) =
        (SELECT created, bank_id, risk, level FROM assessments WHERE id = clients.last_id);
    """,
    # 5: whether a body is known to be UTF-8 holding no NaN or Infinity (JSON has neither: export
    # leaves such a body out), found once when it is packed instead of at every export; the rows
    # already there are looked at once by _mark_checked, run right after this SQL. 0: not known,
    # export looks.
    """
    ALTER TABLE bodies ADD COLUMN checked INTEGER NOT NULL DEFAULT 0;
    """,
)
assert len(MIGRATIONS) == DB_SCHEMA_VERSION


# --- errors ------------------------------------------------------------------------------


class StoreError(ClientcheckError):
    """The database cannot be used; the message says which file and why."""


class StoreUnavailable(StoreError):
    """The data folder or the file cannot be created, opened or written."""


class StoreCorrupt(StoreError):
    """The file is damaged or is not a clientcheck database. It is left untouched."""


class StoreTooNew(StoreError):
    """The file was written by a newer clientcheck. It is left untouched."""


class StoreBusy(StoreError):
    """Another clientcheck kept the database locked for too long."""


class ClientNotFound(ClientcheckError):
    """No saved client with that name."""


# --- names -------------------------------------------------------------------------------


# One rule for names, in the core (text.py), shared with the command line: clean_name(name)
# is the name as stored, client_key(name) what every spelling of it shares.
clean_name = client_name


# --- records -----------------------------------------------------------------------------
# Immutable typed records as NamedTuples rather than frozen dataclasses: creating a dataclass
# costs milliseconds at import, and these modules are on the fast path of `clients`,
# `history` and `portfolio`, which must start about as fast as `--version`.


def localized(texts: Mapping[str, str], language: str) -> str:
    """A stored text (a signal's, a bank's title) in ``language``, else English, else whatever there is."""
    for key in (language, "en"):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


class SignalRef(NamedTuple):
    """A triggered signal, kept with its text in every language the bank had."""

    question: str
    number: int | None
    risk: float
    text: Mapping[str, str]


class AssessmentRecord(NamedTuple):
    """One saved assessment: indexed facts plus the full result document (JSON text: compact
    from ``assess``, indented from an export being imported or from ``Store.all_records``)."""

    uid: str
    client: str
    created: str
    bank_id: str
    bank_version: int
    bank_title: Mapping[str, str]
    risk: int
    level: str
    confidence: float
    revenue_share: float | None
    signals: tuple[SignalRef, ...]
    document: str


class ExportEntry(NamedTuple):
    """One assessment as an export pastes it in: the facts written beside it, then its signals
    (JSON at their depth in an export, as ``signals_text`` writes them) and its result document
    (JSON indented from the margin, as ``indented`` writes it), as UTF-8 bytes straight from its
    body: an export of gigabytes is never decoded and encoded again."""

    client: str
    uid: str
    created: str
    bank_title: Mapping[str, str]
    signals: bytes
    document: bytes
    checked: bool = False  # the body is known to be UTF-8 without NaN or Infinity (bodies.checked): pasted as it is


class ImportedRecord(NamedTuple):
    """An assessment read from an export, with the texts of its body as the file holds them
    (UTF-8): exactly what ``signals_text`` writes for ``record.signals`` and ``indented`` for
    ``record.document`` (the import made sure), so packing does not write them again."""

    record: AssessmentRecord
    signals: bytes
    document: bytes


class Present(NamedTuple):
    """An assessment of an import found saved here already, exactly as it is (``saved_entry``)."""

    uid: str
    client: str
    created: str


class ClientRow(NamedTuple):
    """A client with its latest assessment, for the list and the portfolio."""

    name: str
    key: str
    assessments: int
    last_created: str
    last_bank_id: str
    last_risk: int
    last_level: str
    previous_risk: int | None
    revenue_share: float | None  # the latest known answer, from any assessment


# a row of the clients query as a ClientRow without _make's Python call: ten thousand rows in C
_client_row = cast("Callable[[Sequence[Any]], ClientRow]", partial(tuple.__new__, ClientRow))


class Progress(NamedTuple):
    """An unfinished quiz: the answers given so far, in the order they were given."""

    client: str
    bank_id: str
    bank_version: int
    answers: tuple[tuple[str, str | float], ...]
    updated: str


class ImportCounts(NamedTuple):
    clients_added: int
    assessments_added: int
    assessments_present: int


# --- where -------------------------------------------------------------------------------


def data_folder(environ: Mapping[str, str]) -> Path:
    """CLIENTCHECK_HOME when set (as ``catalog.home_folder`` reads it: ``saved`` never imports
    ``bank``), else the platform's user data folder."""
    home = environ.get(HOME_ENV, "")
    if home:
        return Path(home).expanduser()
    # Deferred, as in bank/catalog.py (an exception to the start-up rule): with CLIENTCHECK_HOME
    # set, as in tests and scripts, no command needs platformdirs (its import is a few ms).
    import platformdirs

    return Path(platformdirs.user_data_dir("clientcheck", appauthor=False))


def database_path(environ: Mapping[str, str]) -> Path:
    return data_folder(environ) / DB_NAME


# --- errors from sqlite --------------------------------------------------------------------


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def _translate(error: sqlite3.Error, path: Path) -> StoreError:
    name = getattr(error, "sqlite_errorname", "")
    reason = str(error)
    keep = "the file was left as it is; move it aside to start a new database, or restore a backup"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in reason or "malformed" in reason:
        return StoreCorrupt(f"the clientcheck database {path} is damaged ({reason})", keep)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreBusy(f"the clientcheck database {path} is busy ({reason})",
                         "another clientcheck is writing to it; try again in a moment")
    if name.startswith("SQLITE_FULL"):
        return StoreUnavailable(f"cannot write the clientcheck database {path}: the disk is full")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR", "SQLITE_AUTH")):
        return StoreUnavailable(f"cannot use the clientcheck database {path} ({reason})",
                                "check that the folder exists and is writable, or set CLIENTCHECK_HOME")
    return StoreUnavailable(f"cannot use the clientcheck database {path} ({reason})")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _load_signals(text: str) -> tuple[SignalRef, ...]:
    return tuple(SignalRef(strip_control(item["question"]), item.get("number"), float(item.get("risk", 0.0)),
                           strip_control_tree(dict(item.get("text", {})))) for item in json.loads(text))


_string = encode_basestring  # json's own string encoder (C), as json.dumps(ensure_ascii=False) uses it


def scalar_text(value: Any) -> str:
    """A number, string, boolean or null as json.dumps writes it; NaN and infinities, which JSON
    has no numbers for, raise ValueError."""
    if isinstance(value, str):
        return _string(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    if isinstance(value, float):
        raise ValueError(f"the number {value!r}")
    return json.dumps(value, allow_nan=False)


def texts_text(texts: Mapping[str, str], indent: str) -> str:
    """Texts by language as json.dumps(indent=2) writes them at ``indent``."""
    if not texts:
        return "{}"
    inner = ",\n".join(f"{indent}  {_string(key)}: {_string(value)}" for key, value in texts.items())
    return "{\n" + inner + "\n" + indent + "}"


def signals_text(signals: Sequence[SignalRef]) -> str:
    """An assessment's signals exactly as an export writes them, at their depth (ten spaces)."""
    if not signals:
        return "[]"
    return "[\n" + ",\n".join(
        f'            {{\n              "question": {_string(s.question)},\n              "number": '
        f'{scalar_text(s.number)},\n              "risk": {scalar_text(s.risk)},\n              "text": '
        f'{texts_text(s.text, " " * 14)}\n            }}' for s in signals) + "\n          ]"


def may_hold_constant(text: str | bytes) -> bool:
    """Whether ``text`` holds 'NaN' or 'Infinity' (json.dumps writes them; they are no JSON):
    found from each 'N' and 'I' (memchr), four times faster than ``"NaN" in text``, which
    compares character by character."""
    scanned: Any = text  # str or bytes: the same search on either
    for word in ("NaN", "Infinity") if isinstance(text, str) else (b"NaN", b"Infinity"):
        at = scanned.find(word[:1])
        while at >= 0:
            if scanned.startswith(word, at):
                return True
            at = scanned.find(word[:1], at + 1)
    return False


# --- packing: an assessment's signals and document as one zlib stream ----------------------

_SEPARATOR = "\x00"  # between a body's signals and its document: never in JSON text
COMPRESSION_LEVEL = 2  # ISA-L's 0-3: 2 keeps an imported assessment near 2.6 KB (1: 2.7 KB; zlib's 6: 1.9, 5x slower)
DICTIONARY_LIMIT = 32 * 1024  # zlib looks back at most 32 KB
POOR = 6  # a body that shrinks less than this many times is worth a fuller dictionary
FRUITLESS_LIMIT = 8  # after this many tries that added nothing, a transaction stops trying


def indented(document: str) -> str:
    """A result document's JSON text as export writes it (``json.dumps(indent=2)``); a text that
    already is indented (from an export being imported) is kept as it is."""
    if document.startswith("{\n"):
        return document
    return json.dumps(json.loads(document), ensure_ascii=False, indent=2)


def _language(document: str) -> str:
    """The language an indented result document is in, read from its top-level key without
    parsing it: it only chooses a dictionary, so a miss costs bytes, never correctness."""
    start = document.find('\n  "language": "')
    if start < 0:
        return ""
    start += len('\n  "language": "')
    return document[start:document.find('"', start)]


_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')  # a JSON string's text, as written (escapes kept)


def _texts(body: str) -> list[str]:
    """A body's words (strings with a space: never ids, answers or timestamps), as the body
    writes them, in order: what a dictionary holds."""
    return list(dict.fromkeys(text for text in _STRING.findall(body) if " " in text))


class _Dictionary(NamedTuple):
    id: int
    data: bytes
    texts: frozenset[str]


class _Packer:
    """Packs and unpacks bodies. A bank's dictionary grows (as a new row: rows already packed
    keep theirs) while its results bring texts it lacks, up to zlib's 32 KB."""

    def __init__(self) -> None:
        self.data: dict[int, bytes] = {}  # dictionaries never change: cached for the connection
        self.latest: dict[tuple[str, int, str], _Dictionary | None] = {}  # for one write transaction
        self.fruitless: dict[tuple[str, int, str], int] = {}  # growths that added nothing, in that transaction

    def pack(self, db: sqlite3.Connection, record: "AssessmentRecord",
             texts: "ImportedRecord | None" = None) -> tuple[int | None, bytes]:
        """A body, and the dictionary it is packed with; ``texts``: its signals and document, when known."""
        body = (signals_text(record.signals) + _SEPARATOR + record.document).encode() if texts is None \
            else texts.signals + _SEPARATOR.encode() + texts.document
        key = (record.bank_id, record.bank_version, _language(record.document))
        if key not in self.latest:
            row = db.execute("SELECT id, data FROM dictionaries WHERE bank_id = ? AND bank_version = ?"
                             " AND language = ? ORDER BY id DESC LIMIT 1", key).fetchone()
            self.latest[key] = None if row is None else _Dictionary(row[0], row[1], frozenset(
                row[1].decode().split("\n")))
        current = self.latest[key]
        packed = _compress(body, current)
        if len(packed) * POOR > len(body) and self.fruitless.get(key, 0) < FRUITLESS_LIMIT:
            grown = self._grow(db, key, current, _texts(body.decode()))
            if grown is not current:
                current = grown
                packed = _compress(body, current)
            else:  # a full dictionary, or results whose bulk is not the bank's words: soon not worth looking
                self.fruitless[key] = self.fruitless.get(key, 0) + 1
        return (None if current is None else current.id), packed

    def _grow(self, db: sqlite3.Connection, key: tuple[str, int, str], current: _Dictionary | None,
              texts: list[str]) -> _Dictionary | None:
        kept = [] if current is None else current.data.decode().split("\n")
        size = len("\n".join(kept).encode())
        known = set(kept)
        for text in texts:
            if text not in known and "\n" not in text and size + len(text.encode()) + 1 <= DICTIONARY_LIMIT:
                kept.append(text)
                known.add(text)
                size += len(text.encode()) + 1
        if current is not None and len(kept) == len(current.texts):
            return current
        if not kept:
            return current
        data = "\n".join(kept).encode()
        cursor = db.execute("INSERT INTO dictionaries (bank_id, bank_version, language, data) VALUES (?, ?, ?, ?)",
                            (*key, data))
        grown = _Dictionary(int(cursor.lastrowid or 0), data, frozenset(kept))
        self.latest[key] = grown
        self.data[grown.id] = data
        return grown

    def unpack(self, db: sqlite3.Connection, dictionary: int | None, packed: bytes) -> tuple[bytes, bytes]:
        """A body's signals (JSON: as an export writes them, or on one line in a body packed by
        clientcheck 0.1's first schema 2) and document (indented JSON), as the bytes it holds
        (UTF-8 when it is not damaged: the reader decodes, or export checks, them)."""
        if dictionary is None:
            text = isal_zlib.decompress(packed)
        else:
            if dictionary not in self.data:
                self.data[dictionary] = db.execute("SELECT data FROM dictionaries WHERE id = ?",
                                                   (dictionary,)).fetchone()[0]
            # ISA-L inflates the same streams as zlib in about half the time: an export's main cost
            unpacker = isal_zlib.decompressobj(zdict=self.data[dictionary])
            text = unpacker.decompress(packed)
            # a whole stream is inflated by then: flush() would add nothing, yet costs almost as much
            # again; a stream cut short (which flush() lets by) is damaged
            if not unpacker.eof:
                raise zlib.error("the body ends before its stream does")
        signals, separator, document = text.partition(b"\x00")
        if not separator:
            signals, _, document = text.partition(b"\n")
        return signals, document


_ISAL_ERROR = cast(type[Exception], isal_zlib.error)  # a class: its stubs say an instance
_DAMAGED = (zlib.error, _ISAL_ERROR, ValueError, KeyError, TypeError, AttributeError)  # JSON, Unicode too
"""What reading a damaged body raises."""


def _compress(body: bytes, dictionary: _Dictionary | None) -> bytes:
    """A plain zlib stream, written by ISA-L: several times faster than zlib, a little larger."""
    packer = isal_zlib.compressobj(COMPRESSION_LEVEL) if dictionary is None \
        else isal_zlib.compressobj(COMPRESSION_LEVEL, zdict=dictionary.data)
    return packer.compress(body) + packer.flush()


def _pack_details(db: sqlite3.Connection) -> None:
    """Migration 2's rows: every assessment's details packed into a body, then details dropped."""
    packer = _Packer()
    rows = db.execute("SELECT a.id, a.bank_id, a.bank_version, d.signals, d.document FROM assessments a"
                      " JOIN details d ON d.assessment_id = a.id ORDER BY a.id")
    for assessment_id, bank_id, bank_version, signals, document in rows:
        record = AssessmentRecord("", "", "", bank_id, bank_version, {}, 0, "", 0.0, None,
                                  _load_signals(signals), indented(document))
        dictionary, packed = packer.pack(db, record)
        db.execute("INSERT INTO bodies (assessment_id, dictionary, data) VALUES (?, ?, ?)",
                   (assessment_id, dictionary, packed))
    db.execute("DROP TABLE details")


def _mark_checked(db: sqlite3.Connection) -> None:
    """Migration 5's rows: every body that is UTF-8 and holds no NaN or Infinity is marked checked
    (one that cannot be read stays unmarked: export says it is damaged)."""
    packer = _Packer()
    checked = []
    for assessment_id, dictionary, packed in db.execute("SELECT assessment_id, dictionary, data FROM bodies"):
        with suppress(*_DAMAGED):
            signals, document = packer.unpack(db, dictionary, packed)
            signals.decode(), document.decode()  # UTF-8, or left unmarked
            if not may_hold_constant(signals) and not may_hold_constant(document):
                checked.append((assessment_id,))
    db.executemany("UPDATE bodies SET checked = 1 WHERE assessment_id = ?", checked)


# --- the store ---------------------------------------------------------------------------


def before_commit() -> None:
    """Called inside every assessment write, just before COMMIT. Tests replace it to kill a
    process mid-save; it does nothing otherwise."""


class Store:
    """An open database. Use ``Store.open`` (or ``Store.open_existing`` for reading) and close it."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, writable: bool) -> None:
        self._db = connection
        self.path = path
        self.writable = writable
        self.version = 0  # PRAGMA user_version, once prepared
        self._packer = _Packer()
        self._titles: dict[str, Mapping[str, str]] = {}  # banks' titles as saved_entry read them
        self._in_order: sqlite3.Cursor | None = None  # saved_entry's scan, in export order
        self._next_in_order: Any = None  # its next row

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> "Store":
        """Open for writing, creating the folders (0700) and the file (0600) when missing, and
        making an existing file and its folder private; a file that fails SQLite's integrity
        check is refused before anything is written to it."""
        folder = path.parent
        _refuse_missing_target(path)
        try:
            _private_folder(folder)
            if not path.exists():
                _create_private_file(path)
        except OSError as error:
            blocker = file_in_the_way(folder)
            if blocker is not None:
                raise StoreUnavailable(f"cannot create the clientcheck database {path}: {blocker} is a file, "
                                       "not a folder", "point CLIENTCHECK_HOME at a folder (it is made if missing), "
                                       "or move the file aside") from None
            raise StoreUnavailable(
                f"cannot create the clientcheck database {path}: {_reason(error)}",
                "check that the folder can be created and written, or point CLIENTCHECK_HOME elsewhere") from None
        if not os.access(path, os.R_OK):
            raise StoreUnavailable(f"cannot read the clientcheck database {path}: permission denied",
                                   "make the file readable and writable by you, or point CLIENTCHECK_HOME elsewhere")
        for place, what in ((folder, "folder"), (path, "file")):
            if not os.access(place, os.W_OK):  # say so plainly, before SQLite's "unable to open"
                raise StoreUnavailable(f"cannot save to the clientcheck database {path}: the {what} {place} "
                                       "is read-only", "make it writable, or point CLIENTCHECK_HOME elsewhere")
        _make_private(path)
        return cls._connect(path, readonly=False)

    @classmethod
    def open_existing(cls, path: Path, *, writing: bool = False) -> "Store | None":
        """Open a database that exists (None when there is none yet, or only an empty file).
        For reading, it is opened read-only: nothing in it changes, not even its journal mode;
        a database from an older clientcheck is opened for writing, to be brought up to date."""
        _refuse_missing_target(path)
        if not path.exists():
            return None
        if not path.is_file():
            raise StoreUnavailable(f"cannot use the clientcheck database {path}: it is not a file",
                                   "move it aside, or point CLIENTCHECK_HOME elsewhere")
        if writing:
            return cls.open(path)
        # Where nobody can write, nothing can change under us: read the file as it is, without
        # the shared-memory file WAL mode would have to create beside it.
        store = cls._connect(path, readonly=True, immutable=not os.access(path.parent, os.W_OK))
        if store.version == DB_SCHEMA_VERSION:
            return store
        store.close()
        if store.version == 0:
            return None  # created and never written to: nothing saved yet
        return cls.open(path)

    @classmethod
    def _connect(cls, path: Path, *, readonly: bool, immutable: bool = False) -> "Store":
        _check_header(path)
        mode = "ro&immutable=1" if immutable else "ro" if readonly else "rw"
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                                         isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                         check_same_thread=False)
        except sqlite3.Error as error:
            raise _translate(error, path) from None
        store = cls(connection, path, writable=not readonly)
        try:
            store._prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        with self._errors():
            db = self._db
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # one statement, so one snapshot: another process may be creating the schema right now
            version, application, tables = db.execute(
                "SELECT (SELECT user_version FROM pragma_user_version),"
                " (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_master)").fetchone()
            if version > DB_SCHEMA_VERSION:
                raise StoreTooNew(
                    f"the clientcheck database {self.path} was written by a newer clientcheck "
                    f"(schema {version}; this one knows up to {DB_SCHEMA_VERSION})",
                    "upgrade clientcheck (pip install -U clientcheck); the file was left as it is")
            if application not in (0, APPLICATION_ID) or (application == 0 and tables):
                raise StoreCorrupt(f"{self.path} is an SQLite file but not a clientcheck database",
                                   "the file was left as it is; set CLIENTCHECK_HOME to another folder")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA secure_delete = ON")  # forgotten clients leave no bytes behind
            self.version = int(version)
            if not self.writable:
                return  # never changed: open_existing decides what an older version needs
            self._check_integrity()
            self._use_wal()
            db.execute("PRAGMA synchronous = NORMAL")  # with WAL: a killed process loses nothing committed
            if version < DB_SCHEMA_VERSION:
                self._migrate()

    def _check_integrity(self) -> None:
        """Refuse a damaged file before anything is written to it: SQLite's full check up to
        FULL_CHECK_BYTES (a few milliseconds for most databases), its quick check (every page,
        not the indexes' contents) above, where the full one takes seconds."""
        pages, page_size = self._db.execute("SELECT (SELECT page_count FROM pragma_page_count),"
                                            " (SELECT page_size FROM pragma_page_size)").fetchone()
        check = "integrity_check" if pages * page_size <= FULL_CHECK_BYTES else "quick_check"
        found = str(self._db.execute(f"PRAGMA {check}(1)").fetchone()[0])
        if found != "ok":
            raise StoreCorrupt(f"the clientcheck database {self.path} is damaged ({check}: {strip_control(found)})",
                               "the file was left as it is; 'clientcheck export' saves what can still be "
                               "read; then move the file aside to start a new database, or restore a backup")

    def _use_wal(self) -> None:
        """Switch to WAL, waiting like every other statement does: SQLite answers a journal-mode
        change with 'database is locked' at once, without its busy handler, while another process
        is creating the same new database."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self) -> None:
        with self._transaction():
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])  # another process may have won
            for number in range(version, DB_SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                if number == 1:
                    _pack_details(self._db)
                if number == 4:
                    _mark_checked(self._db)
                self._db.execute(f"PRAGMA user_version = {number + 1}")
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version == 1:
            # give the space the old details took back to the disk; when another clientcheck has
            # the file open, later saves reuse that space instead
            with suppress(sqlite3.OperationalError):
                self._db.execute("VACUUM")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -----------------------------------------------------------------------
    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise _translate(error, self.path) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (no lock upgrade deadlocks); all or nothing."""
        db = self._db
        self._packer.latest.clear()  # another process may have grown a dictionary since
        self._packer.fruitless.clear()
        with self._errors():
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                self._end_scan()
                db.execute("ROLLBACK")
                raise
            self._end_scan()
            db.execute("COMMIT")

    def _end_scan(self) -> None:
        """Close saved_entry's scan, which lasts one transaction."""
        if self._in_order is not None:
            self._in_order.close()
            self._in_order = self._next_in_order = None

    def _client_id(self, db: sqlite3.Connection, name: str, created: str) -> tuple[int, bool]:
        key = client_key(name)
        row = db.execute("SELECT id FROM clients WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return int(row[0]), False
        cursor = db.execute("INSERT INTO clients (key, name, created) VALUES (?, ?, ?)", (key, name, created))
        return int(cursor.lastrowid or 0), True

    def _insert(self, db: sqlite3.Connection, record: AssessmentRecord, client_id: int,
                texts: ImportedRecord | None = None) -> bool:
        cursor = db.execute(
            "INSERT OR IGNORE INTO assessments (uid, client_id, created, bank_id, bank_version, bank_title, risk,"
            " level, confidence, revenue_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.uid, client_id, record.created, record.bank_id, record.bank_version,
             _json(dict(record.bank_title)), record.risk, record.level, record.confidence, record.revenue_share))
        if cursor.rowcount != 1:
            return False  # already here: nothing to pack
        document = indented(record.document)
        dictionary, packed = self._packer.pack(db, record._replace(document=document), texts)
        # looked at once here, not at every export: packed from text, it is UTF-8; the signals, written
        # by signals_text, hold no NaN or Infinity; an import's texts were decoded, so hold none either
        checked = texts is not None or not may_hold_constant(document)
        db.execute("INSERT INTO bodies (assessment_id, dictionary, data, checked) VALUES (?, ?, ?, ?)",
                   (cursor.lastrowid, dictionary, packed, checked))
        return True

    # -- writing ------------------------------------------------------------------------
    def _refresh(self, db: sqlite3.Connection, client_id: int) -> None:
        """Bring a client's summary columns up to date with its assessments."""
        latest = "FROM assessments WHERE client_id = :id ORDER BY created DESC, id DESC LIMIT 1"
        db.execute(f"""
            UPDATE clients SET
              assessments = (SELECT count(*) FROM assessments WHERE client_id = :id),
              last_id = (SELECT id {latest}),
              (last_created, last_bank_id, last_risk, last_level) = (SELECT created, bank_id, risk, level {latest}),
              previous_risk = (SELECT risk {latest} OFFSET 1),
              revenue_share = (SELECT revenue_share FROM assessments WHERE client_id = :id
                               AND revenue_share IS NOT NULL ORDER BY created DESC, id DESC LIMIT 1)
            WHERE id = :id""", {"id": client_id})

    def save_assessment(self, record: AssessmentRecord) -> None:
        """Save one finished assessment and drop the client's unfinished quiz, together."""
        with self._transaction() as db:
            client_id, _ = self._client_id(db, record.client, record.created)
            self._insert(db, record, client_id)
            self._refresh(db, client_id)
            db.execute("DELETE FROM progress WHERE client_key = ? AND bank_id = ?",
                       (client_key(record.client), record.bank_id))
            before_commit()

    def add_records(self, records: Iterable[AssessmentRecord | ImportedRecord | Present]) -> ImportCounts:
        """Merge many assessments in one transaction: a uid already present is skipped. When
        ``records`` raises, nothing is merged (an import found a problem further on)."""
        clients_added = added = present = 0
        with self._transaction() as db:
            ids: dict[str, int] = {}
            grown: set[int] = set()
            for entry in records:
                record, texts = (entry.record, entry) if isinstance(entry, ImportedRecord) else (entry, None)
                key = client_key(record.client)
                if key not in ids:
                    ids[key], new = self._client_id(db, record.client, record.created)
                    clients_added += new
                if isinstance(record, Present):
                    present += 1
                elif self._insert(db, record, ids[key], texts):
                    added += 1
                    grown.add(ids[key])
                else:
                    present += 1
            for client_id in grown:  # a client that gained nothing keeps its summary as it is
                self._refresh(db, client_id)
            db.execute("DELETE FROM clients WHERE assessments = 0")  # its only ones were already filed elsewhere
            before_commit()
        return ImportCounts(clients_added, added, present)

    def begin_progress(self, client: str, bank_id: str) -> None:
        """A new quiz for ``client`` with ``bank_id``: what was left unfinished with that bank is
        dropped (an unfinished quiz of another bank is kept)."""
        self.save_progress(client, bank_id, 0, (), "")

    def save_progress(self, client: str, bank_id: str, bank_version: int,
                      answers: Sequence[tuple[str, str | float]], when: str, *, wait_ms: int = BUSY_TIMEOUT_MS) -> None:
        """The unfinished quiz of ``client`` with ``bank_id`` is now ``answers`` (in the order
        given), waiting at most ``wait_ms`` for another clientcheck's lock."""
        key = client_key(client)
        with self._waiting(wait_ms), self._transaction() as db:
            db.execute("DELETE FROM progress WHERE client_key = ? AND bank_id = ?", (key, bank_id))
            db.executemany("INSERT INTO progress (client_key, client_name, bank_id, bank_version, position, question,"
                           " answer, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [(key, client, bank_id, bank_version, position, question, _json(answer), when)
                            for position, (question, answer) in enumerate(answers, 1)])

    def save_answer(self, client: str, bank_id: str, bank_version: int, question: str, answer: str | float,
                    when: str) -> None:
        """One more answer in the unfinished quiz of ``client`` with ``bank_id``."""
        key = client_key(client)
        with self._transaction() as db:
            position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM progress WHERE client_key = ?"
                                  " AND bank_id = ?", (key, bank_id)).fetchone()[0]
            db.execute("INSERT OR REPLACE INTO progress (client_key, client_name, bank_id, bank_version, position,"
                       " question, answer, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (key, client, bank_id, bank_version, position, question, _json(answer), when))

    def drop_answer(self, client: str, bank_id: str, question: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM progress WHERE client_key = ? AND bank_id = ? AND question = ?",
                       (client_key(client), bank_id, question))

    @contextmanager
    def _waiting(self, wait_ms: int) -> Iterator[None]:
        """Statements in the block wait at most ``wait_ms`` for a lock."""
        if wait_ms == BUSY_TIMEOUT_MS:
            yield
            return
        with self._errors():
            self._db.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            yield
        finally:
            with self._errors():
                self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def forget(self, client: str) -> int:
        """Delete every trace of a client (assessments, unfinished quiz) and wipe the freed
        pages and the write-ahead log. Returns the number of assessments deleted."""
        key = client_key(client)
        with self._transaction() as db:
            row = db.execute("SELECT id FROM clients WHERE key = ?", (key,)).fetchone()
            count = 0
            if row is not None:
                count = db.execute("SELECT count(*) FROM assessments WHERE client_id = ?", (row[0],)).fetchone()[0]
                db.execute("DELETE FROM bodies WHERE assessment_id IN"
                           " (SELECT id FROM assessments WHERE client_id = ?)", (row[0],))
                db.execute("DELETE FROM assessments WHERE client_id = ?", (row[0],))
                db.execute("DELETE FROM clients WHERE id = ?", (row[0],))
                # texts only its results brought go too
                db.execute("DELETE FROM dictionaries WHERE id NOT IN"
                           " (SELECT dictionary FROM bodies WHERE dictionary IS NOT NULL)")
            db.execute("DELETE FROM progress WHERE client_key = ?", (key,))
        with self._errors():
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(count)

    # -- reading ------------------------------------------------------------------------
    def progress(self, client: str, bank_id: str | None = None) -> Progress | None:
        """The unfinished quiz of ``client`` with ``bank_id``; without a bank, the one answered last."""
        key = client_key(client)
        with self._errors():
            if bank_id is None:
                row = self._db.execute("SELECT bank_id FROM progress WHERE client_key = ?"
                                       " ORDER BY updated DESC, rowid DESC LIMIT 1", (key,)).fetchone()
                if row is None:
                    return None
                bank_id = str(row[0])
            rows = self._db.execute(
                "SELECT client_name, bank_id, bank_version, question, answer, updated FROM progress"
                " WHERE client_key = ? AND bank_id = ? ORDER BY position", (key, bank_id)).fetchall()
        if not rows:
            return None
        answers = tuple((str(row[3]), _answer_value(json.loads(row[4]))) for row in rows)
        return Progress(strip_control(rows[0][0]), strip_control(rows[0][1]), int(rows[0][2]), answers,
                        max(str(row[5]) for row in rows))

    def client_name(self, name: str) -> str | None:
        """The saved spelling of a client, found by any spelling of its name."""
        with self._errors():
            row = self._db.execute("SELECT name FROM clients WHERE key = ?", (client_key(name),)).fetchone()
        return None if row is None else strip_control(str(row[0]))

    def holds_assessments(self) -> bool:
        """Whether any assessment is saved: an import into an empty home need not look each one up."""
        with self._errors():
            return bool(self._db.execute("SELECT EXISTS (SELECT 1 FROM assessments)").fetchone()[0])

    def client_names(self) -> list[str]:
        with self._errors():
            return [strip_control(str(row[0])) for row in self._db.execute("SELECT name FROM clients ORDER BY key")]

    def clients(self) -> list[ClientRow]:
        """Every client with its latest assessment: one scan of the summaries."""
        query = """
            SELECT name, key, assessments, last_created, last_bank_id, last_risk, last_level, previous_risk,
              revenue_share
            FROM clients WHERE last_id IS NOT NULL
            ORDER BY key
        """  # the columns in ClientRow's order
        with self._errors():
            rows = list(map(_client_row, self._db.execute(query)))  # each fetched tuple freed as it is copied
        # the texts a person reads (name, bank, level) asked once a column, in C: a row is
        # cleaned only when its column holds something unprintable, as it was row by row
        if not all("".join(map(itemgetter(column), rows)).isprintable() for column in (0, 4, 6)):
            rows = [row if row.name.isprintable() and row.last_bank_id.isprintable() and row.last_level.isprintable()
                    else ClientRow._make(strip_control_tree(tuple(row))) for row in rows]
        return rows

    def history(self, client: str, *, documents: bool = False) -> list[AssessmentRecord]:
        """A client's assessments, oldest first; their documents (compact JSON, as ``assess``
        saved them) only when asked for."""
        with self._errors():
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM assessments a JOIN clients c ON c.id = a.client_id"
                " JOIN bodies b ON b.assessment_id = a.id WHERE c.key = ?"
                " ORDER BY a.created, a.id", (client_key(client),)).fetchall()
            records = [self._record(row) for row in rows]
        if not documents:
            return [record._replace(document="") for record in records]
        return [record._replace(document=_json(strip_control_tree(json.loads(record.document)))) for record in records]

    def all_records(self) -> Iterator[AssessmentRecord]:
        """Everything, client by client, oldest first, each document indented as
        ``json.dumps(indent=2)`` writes it."""
        with self._errors():
            cursor = self._db.execute(
                f"SELECT {_COLUMNS} FROM clients c JOIN assessments a ON a.client_id = c.id"
                " JOIN bodies b ON b.assessment_id = a.id ORDER BY c.key, a.created, a.id")
            for row in cursor:
                yield self._record(row)

    def export_entries(self, left_out: list[str] | None = None) -> Iterator[ExportEntry]:
        """Everything, client by client, oldest first, as export pastes it in. With
        ``left_out``, a row that cannot be read is said there and skipped instead of stopping
        the rest."""
        names: dict[str, str] = {}  # each client's name cleaned once, not once per assessment
        titles: dict[str, Mapping[str, str]] = {}  # a bank's title read once, not once per assessment
        with self._errors():
            cursor = self._db.execute(f"SELECT c.name, {_ENTRY_ROW} FROM {_IN_EXPORT_ORDER} {_EXPORT_ORDER}")
            for row in cursor:
                try:
                    entry = self._entry(row, names, titles)
                except _DAMAGED as error:  # JSON, Unicode
                    damaged = self._damaged(row[1], row[0], error)
                    if left_out is None:
                        raise damaged from None
                    left_out.append(damaged.message)
                    continue
                yield entry

    def saved_entry(self, uid: str) -> ExportEntry | None:
        """The assessment with that id as export would paste it in, but for its client's name (""):
        None when there is none (or it cannot be read). An import recognises by it what is saved.
        Asked in export order, as an import of an export does, it reads the assessments on in that
        order (one scan, from the client of the last one found by its id) instead of looking each
        one up by its id."""
        with self._errors():
            row = self._next_in_order
            if row is not None and row[1] == uid:
                self._next_in_order = self._in_order.fetchone() if self._in_order is not None else None
            else:
                row = self._db.execute(f"SELECT c.key, {_ENTRY_ROW} FROM assessments a JOIN clients c"
                                       " ON c.id = a.client_id JOIN bodies b ON b.assessment_id = a.id"
                                       " WHERE a.uid = ?", (uid,)).fetchone()
                if row is not None:
                    self._scan_from(row[0], uid)
                    row = ("", *row[1:])
        if row is None:
            return None
        try:
            return self._entry(row, {}, self._titles)
        except _DAMAGED:
            return None

    def _scan_from(self, key: str, uid: str) -> None:
        """saved_entry's scan from the client with that key, past the assessment with that id.
        Rows written meanwhile may or may not be seen: each row is taken only for its own id."""
        self._end_scan()
        self._in_order = self._db.execute(
            f"SELECT '', {_ENTRY_ROW} FROM {_IN_EXPORT_ORDER} WHERE c.key >= ? {_EXPORT_ORDER}", (key,))
        while (row := self._in_order.fetchone()) is not None and row[1] != uid:
            pass
        self._next_in_order = self._in_order.fetchone() if row is not None else None

    def _entry(self, row: Sequence[Any], names: dict[str, str], titles: dict[str, Mapping[str, str]]) -> ExportEntry:
        name, uid, created, title, dictionary, packed, checked = row
        signals, document = self._packer.unpack(self._db, dictionary, packed)
        for part in () if checked else (signals, document):  # a checked body was packed from text
            if not part.isascii():
                part.decode()  # not UTF-8: a damaged body, never pasted into an export
        if not signals.startswith((b"[\n", b"[]")):  # packed before: signals on one line
            signals = signals_text(_load_signals(signals.decode())).encode()
        if name not in names:
            names[name] = strip_control(name)
        if title not in titles:
            titles[title] = strip_control_tree(json.loads(title))
        # the output boundary for what the database holds: the names here; the bodies' JSON text
        # is made inert by export as it writes it (json_safe)
        return ExportEntry(names[name], uid, strip_control(created), titles[title], signals, document, checked == 1)

    def _record(self, row: Sequence[Any]) -> AssessmentRecord:
        try:
            signals, document = self._packer.unpack(self._db, row[10], row[11])
            # the output boundary for what the database holds (an import may have put anything there);
            # the document stays as stored: history(documents=True) cleans it
            return AssessmentRecord(uid=row[0], client=strip_control(row[1]), created=strip_control(row[2]),
                                    bank_id=strip_control(row[3]), bank_version=row[4],
                                    bank_title=strip_control_tree(json.loads(row[5])), risk=row[6],
                                    level=strip_control(row[7]), confidence=row[8], revenue_share=row[9],
                                    signals=_load_signals(signals.decode()), document=document.decode())
        except _DAMAGED as error:  # JSONDecodeError, Unicode
            raise self._damaged(row[0], row[1], error) from None

    def _damaged(self, uid: Any, client: Any, error: Exception) -> StoreCorrupt:
        return StoreCorrupt(f"the assessment {str(uid)[:64]} of {strip_control(str(client))} in {self.path} "
                            f"cannot be read ({type(error).__name__})",
                            "the rest can still be exported; restore this one from a backup")

    def integrity(self) -> str:
        with self._errors():
            return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


_ENTRY_ROW = "a.uid, a.created, a.bank_title, b.dictionary, b.data, b.checked"  # _entry's row, after the client's name
# CROSS JOIN: clients in key order, each one's assessments by their index, already sorted; SQLite's
# own plan sorted every row with its body in a temporary B-tree (2.2 s against 0.9 s at 200,000)
_IN_EXPORT_ORDER = ("clients c CROSS JOIN assessments a ON a.client_id = c.id"
                    " CROSS JOIN bodies b ON b.assessment_id = a.id")
_EXPORT_ORDER = "ORDER BY c.key, a.created, a.id"
_COLUMNS = "a.uid, c.name, a.created, a.bank_id, a.bank_version, a.bank_title, a.risk, a.level, a.confidence," \
           " a.revenue_share, b.dictionary, b.data"  # AssessmentRecord's, the body packed


def _answer_value(value: Any) -> str | float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that does not start like an SQLite database, before SQLite sees it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise StoreUnavailable(f"cannot read the clientcheck database {path}: {_reason(error)}") from None
    if head and head != _SQLITE_HEADER:
        raise StoreCorrupt(f"the clientcheck database {path} is damaged (it is not an SQLite file)",
                           "the file was left as it is; move it aside to start a new database, or restore a backup")


def _refuse_missing_target(path: Path) -> None:
    """A symbolic link to nothing is not 'no database yet': say where it points."""
    if path.is_symlink() and not path.exists():
        raise StoreUnavailable(f"cannot use the clientcheck database {path}: it is a symbolic link to "
                               f"{os.readlink(path)}, which does not exist",
                               "restore the file it points to, or remove the link to start a new database")


def _private_folder(folder: Path) -> None:
    """The data folder and any folder made for it: 0700 whatever the umask. An existing data
    folder of ours that others may read is made private too."""
    missing = []
    place = folder
    while not place.exists() and place != place.parent:
        missing.append(place)
        place = place.parent
    for made in reversed(missing):
        with suppress(FileExistsError):  # another process made it first
            made.mkdir(mode=0o700)
        os.chmod(made, 0o700)
    status = folder.stat()
    if status.st_mode & 0o077 and status.st_uid == os.geteuid():
        os.chmod(folder, 0o700)


def _make_private(path: Path) -> None:
    """The database and the files SQLite keeps beside it: 0600 (a file made before, or copied in
    with other permissions, is fixed)."""
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with suppress(FileNotFoundError, PermissionError):
            status = name.stat()
            if status.st_mode & 0o077 and status.st_uid == os.geteuid():
                os.chmod(name, 0o600)


def _create_private_file(path: Path) -> None:
    """Create the empty database file readable by its owner only, whatever the umask."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first
    try:
        os.fchmod(descriptor, 0o600)
    finally:
        os.close(descriptor)
