"""store.py: the SQLite file (private, WAL, versioned), saving and reading, progress, forget."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
from pathlib import Path

import platformdirs
import pytest

from clientcheck.assessment.saving import record_from_assessment
from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.documents import Kind, envelope, write_json
from clientcheck.saved.clients import (
    ImportRejected,
    export_entry,
    export_text,
    history,
    portfolio,
    read_export,
    sparkline,
    whale_at_risk,
)
from clientcheck.saved.store import (
    APPLICATION_ID,
    DB_SCHEMA_VERSION,
    MIGRATIONS,
    AssessmentRecord,
    ClientRow,
    SignalRef,
    Store,
    StoreCorrupt,
    StoreTooNew,
    clean_name,
    client_key,
    database_path,
)
from tests.clients_helpers import open_store, record, scenario_record


def test_new_database_is_private_wal_and_versioned(isolated_home: Path) -> None:
    with open_store(isolated_home):
        pass
    path = isolated_home / "clientcheck.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(isolated_home.stat().st_mode) == 0o700
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == DB_SCHEMA_VERSION
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    raw.close()


def test_file_is_private_whatever_the_umask(isolated_home: Path) -> None:
    old = os.umask(0)
    try:
        with open_store(isolated_home):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE((isolated_home / "clientcheck.db").stat().st_mode) == 0o600


def test_database_path_follows_clientcheck_home_else_user_data_dir(tmp_path: Path) -> None:
    assert database_path({"CLIENTCHECK_HOME": str(tmp_path)}) == tmp_path / "clientcheck.db"
    assert database_path({}) == Path(platformdirs.user_data_dir("clientcheck", appauthor=False)) / "clientcheck.db"


def test_an_empty_sqlite_file_is_migrated_forward(isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "clientcheck.db"
    sqlite3.connect(path).close()  # an SQLite file at user_version 0, as an older clientcheck would leave it
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
        assert [r.name for r in store.clients()] == ["Acme"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == DB_SCHEMA_VERSION


def test_reading_never_creates_the_database(isolated_home: Path) -> None:
    assert Store.open_existing(isolated_home / "clientcheck.db") is None
    assert not isolated_home.exists()


def test_save_and_list_clients_with_latest_count_trend_and_share(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z", risk=20, level="keep", share=40))
        store.save_assessment(record("ACME", "2026-02-01T10:00:00Z", risk=55, level="renegotiate"))
        store.save_assessment(record("Beta", "2026-01-15T10:00:00Z", risk=70, level="let_go", share=5))
        rows = store.clients()
    assert [(r.name, r.assessments, r.last_risk, r.last_level, r.previous_risk, r.revenue_share) for r in rows] == [
        ("Acme", 2, 55, "renegotiate", 20, 40.0),  # the share comes from the last assessment that asked it
        ("Beta", 1, 70, "let_go", None, 5.0),
    ]


def test_listed_clients_are_cleaned_of_control_characters_the_database_holds(isolated_home: Path) -> None:
    """A file written by something else (or damaged) may hold escapes in what the list shows: the
    row holding one comes back cleaned (the whole row), every other row as it is saved."""
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z", risk=20, level="keep"))
        store.save_assessment(record("Beta", "2026-01-15T10:00:00Z", risk=70, level="let_go"))
        store.save_assessment(record("Gamma", "2026-01-20T10:00:00Z", risk=30, level="watch"))
        saved = store.clients()
    raw = sqlite3.connect(isolated_home / "clientcheck.db")
    raw.execute("UPDATE clients SET name = 'Be\x1b[2Jta', last_created = '2026-01-15T10:00:00Z\x07' WHERE key = 'beta'")
    raw.execute("UPDATE clients SET last_level = 'watch\x1b[31m' WHERE key = 'gamma'")
    raw.commit()
    raw.close()
    with open_store(isolated_home) as store:
        rows = store.clients()
    assert rows == [saved[0], saved[1]._replace(name="Beta"), saved[2]]
    assert all(type(row) is ClientRow for row in rows)


REVENUE_BANK = """\
id: mine
version: 1
languages: [en]
title: "Mine"
description: "A bank of my own."
source: {title: "My notes", author: "Me", date: "2026"}
{revenue}
dimensions: [{id: money, label: "Money"}]
questions:
  - {id: cut, dimension: money, type: number, scored: false, min: 0, max: 100, safe_at: 10, risky_at: 50,
     text: "Share?"}
  - {id: revenue_share, dimension: money, type: number, min: 0, max: 100, safe_at: 10, risky_at: 50,
     text: "Not the share, whatever its id says"}
bands: [{min: 0, max: 100, level: keep, summary: "Fine."}]
"""


@pytest.mark.parametrize(("revenue", "expected"), [("revenue_question: cut", 35.0), ("", None)])
def test_the_share_of_revenue_saved_is_the_answer_to_the_banks_revenue_question(
        tmp_path: Path, revenue: str, expected: float | None) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(REVENUE_BANK.replace("{revenue}", revenue), encoding="utf-8")
    assessment = assess(load_bank(path), {"cut": 35.0, "revenue_share": 70.0})
    saved = record_from_assessment(assessment, {"timestamp": "2026-01-01T10:00:00Z"}, "Acme")
    assert saved.revenue_share == expected
    assert scenario_record("Acme", "whale", "whale-000.yaml", "2026-01-01T10:00:00Z").revenue_share == 45.0


def test_names_are_data_any_unicode_cleaned_of_control_characters() -> None:
    assert clean_name("  Café\u0301  [bold]x[/]  日本\x1b[31m ") == "Café́ [bold]x[/] 日本"
    assert clean_name("e\u0301") == "é"  # NFC
    assert client_key("ACME   Srl") == client_key("acme srl") == client_key("Ａｃｍｅ srl")
    for bad in ("", "   ", "\x1b[2J", "x" * 201):
        with pytest.raises(ValueError):
            clean_name(bad)


def test_history_compares_signals_with_the_previous_assessment_of_the_same_bank(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z", risk=20, signals=("a", "b")))
        store.save_assessment(record("Acme", "2026-01-05T10:00:00Z", risk=30, bank="signals", signals=("x",)))
        store.save_assessment(record("Acme", "2026-02-01T10:00:00Z", risk=60, signals=("b", "c", "d")))
        found = history("Acme", store.history("acme"))
    first, other, last = found.entries
    assert first.change is None and other.change is None  # nothing earlier with those banks
    assert last.change is not None and last.change.previous.created == "2026-01-01T10:00:00Z"
    assert [s.question for s in last.change.new] == ["c", "d"]
    assert [s.question for s in last.change.resolved] == ["a"]
    assert found.sparkline == sparkline([20, 30, 60]) == "▂▃▅"


def test_sparkline_spans_eight_heights() -> None:
    assert sparkline([0, 14, 50, 86, 100]) == "▁▂▅▇█"


def test_portfolio_ranks_by_risk_flags_whales_and_says_what_to_act_on(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Small risky", "2026-01-01T10:00:00Z", risk=80, level="let_go", share=5))
        store.save_assessment(record("Whale", "2026-01-01T10:00:00Z", risk=60, level="renegotiate", share=45))
        store.save_assessment(record("Big calm", "2026-01-01T10:00:00Z", risk=10, level="keep", share=35))
        store.save_assessment(record("Worse", "2026-01-01T10:00:00Z", risk=20, level="keep"))
        store.save_assessment(record("Worse", "2026-02-01T10:00:00Z", risk=40, level="watch"))
        result = portfolio(store.clients())
    assert [e.client.name for e in result.entries] == ["Small risky", "Whale", "Worse", "Big calm"]
    assert [e.whale for e in result.entries] == [False, True, False, False]
    assert [(a.entry.client.name, a.reason) for a in result.act_first] == [
        ("Whale", "whale"), ("Small risky", "let_go"), ("Worse", "rising")]
    assert result.largest is not None and result.largest.client.name == "Whale"
    assert (result.concentration, result.shares_known, result.shares_total) == ("medium", 3, 85.0)


def test_what_to_act_on_first_is_the_head_of_every_action_sorted() -> None:
    """The portfolio picks its first few actions without sorting them all: the same as sorting
    every one (ties kept in table order), over many random clients."""
    import random

    from clientcheck.saved.clients import ACT_FIRST_MAX, _rank, _reason

    rng = random.Random(3)
    levels = ["keep", "watch", "renegotiate", "let_go", "unknown-level"]
    rows = [ClientRow(f"C{n}", f"c{n}", 1, "2026-01-01T10:00:00Z", "whale", rng.randint(0, 100), rng.choice(levels),
                      rng.choice([None, rng.randint(0, 100)]), rng.choice([None, 5.0, 30.0, 50.0]))
            for n in range(3000)]
    found = portfolio(rows)
    every = [(entry, reason) for entry in found.entries if (reason := _reason(entry)) is not None]
    every.sort(key=lambda a: (a[1] != "whale", -_rank(a[0].client.last_level), -a[0].client.last_risk,
                              -(a[0].client.revenue_share or 0.0)))
    assert [(a.entry, a.reason) for a in found.act_first] == every[:ACT_FIRST_MAX]
    assert len(every) > 100 and {a.reason for a in found.act_first} == {"whale"}


@pytest.mark.parametrize("whales", [0, 1, 4, 5, 6, 40])
def test_what_to_act_on_first_with_few_or_many_whales_is_the_head_of_every_action_sorted(whales: int) -> None:
    """Whales come first: with at least ACT_FIRST_MAX of them the other reasons are not looked
    at; with fewer, the rest of the first few are the other actions, as sorting all of them says."""
    import random

    from clientcheck.saved.clients import ACT_FIRST_MAX, _rank, _reason

    rng = random.Random(whales)
    levels = ["keep", "watch", "renegotiate", "let_go", "unknown-level"]
    rows = [ClientRow(f"C{n}", f"c{n:04d}", 1, "2026-01-01T10:00:00Z", "whale", rng.randint(0, 100),
                      rng.choice(levels), rng.choice([None, rng.randint(0, 100)]), rng.choice([None, 5.0, 20.0]))
            for n in range(2000)]
    for n in rng.sample(range(len(rows)), whales):
        rows[n] = rows[n]._replace(revenue_share=rng.choice([30.0, 45.0]), last_risk=rng.randint(50, 100))
    found = portfolio(rows)
    every = [(entry, reason) for entry in found.entries if (reason := _reason(entry)) is not None]
    every.sort(key=lambda a: (a[1] != "whale", -_rank(a[0].client.last_level), -a[0].client.last_risk,
                              -(a[0].client.revenue_share or 0.0)))
    assert [(a.entry, a.reason) for a in found.act_first] == every[:ACT_FIRST_MAX]
    assert sum(e.whale for e in found.entries) == whales
    assert [a.reason for a in found.act_first].count("whale") == min(whales, ACT_FIRST_MAX)


@pytest.mark.parametrize(("share", "risk", "expected"), [
    (30.0, 50, True), (29.9, 90, False), (80.0, 49, False), (None, 100, False),
    (35.0, 45, False),  # starter's whale profile holds from risk 45: the portfolio has its own rule
])
def test_the_portfolios_whale_is_its_own_rule_on_share_and_risk(
        share: float | None, risk: int, expected: bool) -> None:
    row = ClientRow("Acme", "acme", 1, "2026-01-01T10:00:00Z", "starter", risk, "watch", None, share)
    assert whale_at_risk(row) is expected


def test_progress_is_saved_per_answer_dropped_on_back_and_cleared_by_the_result(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Acme", "whale", 1, "revenue_share", 45.0, "2026-01-01T10:00:00Z")
        store.save_answer("acme", "whale", 1, "hours_share", 30.0, "2026-01-01T10:01:00Z")
        store.save_answer("Acme", "whale", 1, "drains_energy", "often", "2026-01-01T10:02:00Z")
        store.drop_answer("Acme", "whale", "drains_energy")
        progress = store.progress("ACME")
        assert progress is not None
        assert (progress.client, progress.bank_id, progress.updated) == ("Acme", "whale", "2026-01-01T10:01:00Z")
        assert progress.answers == (("revenue_share", 45.0), ("hours_share", 30.0))
        store.save_assessment(record("Acme", "2026-01-01T10:05:00Z"))
        assert store.progress("Acme") is None


def test_unfinished_quizzes_are_kept_per_client_and_bank(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Acme", "whale", 1, "revenue_share", 45.0, "2026-01-01T10:00:00Z")
        store.save_answer("Acme", "signals", 1, "late", "yes", "2026-01-01T10:01:00Z")
        latest, whale = store.progress("Acme"), store.progress("Acme", "whale")
        assert latest is not None and (latest.bank_id, latest.answers) == ("signals", (("late", "yes"),))
        assert whale is not None and whale.answers == (("revenue_share", 45.0),)
        store.begin_progress("Acme", "signals")  # a new quiz with one bank leaves the other's alone
        assert store.progress("Acme", "signals") is None and store.progress("Acme") == whale
        store.save_progress("Acme", "signals", 1, [("late", "no"), ("again", 3.0)], "2026-01-01T11:00:00Z")
        store.save_assessment(record("Acme", "2026-01-01T12:00:00Z", bank="signals"))  # done: that one goes
        assert store.progress("Acme", "signals") is None and store.progress("Acme") == whale


def test_a_version_2_database_keeps_its_unfinished_quiz_when_migrated(isolated_home: Path) -> None:
    path = database_path({"CLIENTCHECK_HOME": str(isolated_home)})
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    for statement in ";".join(MIGRATIONS[:2]).split(";"):
        db.execute(statement)
    db.execute("INSERT INTO progress VALUES ('acme', 'Acme', 'whale', 1, 1, 'revenue_share', '45', 'x')")
    db.execute("PRAGMA user_version = 2")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    db.close()
    with open_store(isolated_home) as store:
        found = store.progress("Acme", "whale")
        assert found is not None and found.answers == (("revenue_share", 45.0),)
        store.save_answer("Acme", "signals", 1, "late", "yes", "2026-01-01T10:01:00Z")
        assert store.progress("Acme", "whale") == found


def test_a_version_3_database_gets_the_latest_assessment_in_its_summary_and_lists_the_same(
        isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z", risk=20, level="keep", share=40))
        store.save_assessment(record("Acme", "2026-02-01T10:00:00Z", risk=55, level="renegotiate"))
        store.save_assessment(record("Beta", "2026-01-15T10:00:00Z", risk=70, level="let_go", share=5))
        listed = store.clients()
    path = isolated_home / "clientcheck.db"
    raw = sqlite3.connect(path, isolation_level=None)  # as schema 3 left it: no latest facts in clients
    for column in ("last_created", "last_bank_id", "last_risk", "last_level"):
        raw.execute(f"ALTER TABLE clients DROP COLUMN {column}")
    raw.execute("ALTER TABLE bodies DROP COLUMN checked")  # schema 5's
    raw.execute("PRAGMA user_version = 3")
    raw.close()
    with open_store(isolated_home) as store:
        assert store.clients() == listed
        store.save_assessment(record("Beta", "2026-01-10T10:00:00Z", risk=10, level="keep"))  # older: not the latest
        assert store.clients()[1] == listed[1]._replace(assessments=2, previous_risk=10)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == DB_SCHEMA_VERSION == 5
    raw.close()


def test_import_merges_by_id_and_never_duplicates(isolated_home: Path) -> None:
    records = [record("Acme", "2026-01-01T10:00:00Z"), record("Beta", "2026-01-02T10:00:00Z")]
    with open_store(isolated_home) as store:
        first = store.add_records(records)
        again = store.add_records([*records, record("acme", "2026-03-01T10:00:00Z")])
        assert (first.clients_added, first.assessments_added, first.assessments_present) == (2, 2, 0)
        assert (again.clients_added, again.assessments_added, again.assessments_present) == (0, 1, 2)
        assert [r.assessments for r in store.clients()] == [2, 1]


def test_forget_leaves_no_trace_in_the_files(isolated_home: Path) -> None:
    secret = "Zebulon Secretissimo"
    with open_store(isolated_home) as store:
        for day in range(1, 6):
            store.save_assessment(scenario_record(secret, "whale", "whale-000.yaml", f"2026-01-0{day}T10:00:00Z"))
        store.save_assessment(record("Keeper", "2026-01-09T10:00:00Z"))
        store.save_answer(secret, "whale", 1, "revenue_share", 45.0, "2026-01-10T10:00:00Z")
        assert store.forget(secret.upper()) == 5
        assert store.client_name(secret) is None and store.progress(secret) is None
        assert [r.name for r in store.clients()] == ["Keeper"]
    for file in isolated_home.iterdir():
        assert secret.encode() not in file.read_bytes(), file.name


def test_a_newer_database_is_refused_and_left_untouched(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
    path = isolated_home / "clientcheck.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    before = path.read_bytes()
    newer = rf"newer clientcheck \(schema 99; this one knows up to {DB_SCHEMA_VERSION}\)"
    with pytest.raises(StoreTooNew, match=newer):
        open_store(isolated_home)
    with pytest.raises(StoreTooNew):
        Store.open_existing(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a database at all\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_file_is_refused_and_left_untouched(isolated_home: Path, content: bytes) -> None:
    isolated_home.mkdir()
    path = isolated_home / "clientcheck.db"
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt, match="is damaged"):
        open_store(isolated_home)
    assert path.read_bytes() == content
    assert sorted(p.name for p in isolated_home.iterdir()) == ["clientcheck.db"]


def test_another_programs_sqlite_file_is_not_taken_over(isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "clientcheck.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE notes (body TEXT)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt, match="not a clientcheck database"):
        open_store(isolated_home)
    assert path.read_bytes() == before


# --- at scale: packed bodies, the streamed export, the streamed import ----------------------


def _old_export(records: list[AssessmentRecord], exported: str) -> str:
    """The export as clientcheck wrote it before it streamed: one document, json.dumps(indent=2)."""
    clients: list[dict[str, object]] = []
    for saved in records:
        if not clients or clients[-1]["name"] != saved.client:
            clients.append({"name": saved.client, "assessments": []})
        clients[-1]["assessments"].append({  # type: ignore[attr-defined]
            "id": saved.uid, "timestamp": saved.created, "bank_title": dict(saved.bank_title),
            "signals": [{"question": s.question, "number": s.number, "risk": s.risk, "text": dict(s.text)}
                        for s in saved.signals],
            "result": json.loads(saved.document)})
    stream = io.StringIO()
    write_json(envelope(Kind.EXPORT, exported=exported, clients=clients), stream)
    return stream.getvalue()


def _fill_varied(store: Store) -> None:
    store.save_assessment(scenario_record("Zoë 大神 \"quoted\"", "whale", "whale-000.yaml", "2026-01-01T10:00:00Z"))
    store.save_assessment(scenario_record("zoë 大神 \"QUOTED\"", "signals", "signals-001.yaml",
                                          "2026-01-02T10:00:00Z", "it"))
    store.save_assessment(scenario_record("Acme", "let-go", "let-go-healthy.yaml", "2026-01-03T10:00:00Z"))
    store.save_assessment(record("Beta", "2026-01-04T10:00:00Z", signals=()))
    store.save_assessment(record("Beta", "2026-01-05T10:00:00Z")._replace(
        signals=(SignalRef("q", 7, 12.5, {}),)))


def test_the_streamed_export_is_byte_identical_to_one_json_dumps(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        assert b"".join(export_text(store.export_entries(), "2026-02-01T00:00:00Z")).decode() == \
            _old_export([], "2026-02-01T00:00:00Z")
        _fill_varied(store)
        store.save_assessment(record("Gamma", "2026-01-05T10:00:00Z")._replace(bank_title={}))
        records = list(store.all_records())
    streamed = b"".join(export_text(map(export_entry, records), "2026-02-01T00:00:00Z")).decode()
    assert len(records) == 6 and streamed == _old_export(records, "2026-02-01T00:00:00Z")


def test_an_export_imported_elsewhere_exports_the_same_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "one") as store:
        _fill_varied(store)
        exported = b"".join(export_text(store.export_entries(), "2026-02-01T00:00:00Z")).decode()
    with open_store(tmp_path / "two") as store:
        first = store.add_records(read_export(io.BytesIO(exported.encode()), "file"))
        again = store.add_records(read_export(io.BytesIO(exported.encode()), "file"))
        assert b"".join(export_text(store.export_entries(), "2026-02-01T00:00:00Z")).decode() == exported
        assert (first.assessments_added, again.assessments_added, again.assessments_present) == (5, 0, 5)
    database = (tmp_path / "two" / "clientcheck.db").read_bytes()
    with open_store(tmp_path / "two") as store:
        store.add_records(read_export(io.BytesIO(exported.encode()), "file"))
    assert (tmp_path / "two" / "clientcheck.db").read_bytes() == database


@pytest.mark.parametrize("text", ["", "\ufeff{}", "{not json", '{"kind": 1,}', '{"a" 1}', '{"a": 1 "b"}', "[1,]",
                                  '{"clients": [{"name": "x", "assessments": [{"result": tru}]}]}', "{} x", "  \n  ",
                                  '{"clients": [1 2]}', '{"clients": [{"name": "x\ny"}]}', '{"k": "unterminated'])
def test_the_streamed_reader_says_what_json_loads_says(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(ImportRejected) as raised:
        list(read_export(io.BytesIO(text.encode()), "f"))
    assert raised.value.message == (f"f is not a clientcheck export: line {expected.value.lineno}, "
                                    f"column {expected.value.colno}: {expected.value.msg}")


def test_the_streamed_reader_finds_an_error_past_many_chunks_and_bytes_that_are_not_utf8_anywhere() -> None:
    body = '{"kind": "clientcheck.export", "pad": "' + "é" * (3 << 20) + '",\n "x": [1, 2,, 3]}'
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(body)
    with pytest.raises(ImportRejected, match=f"line 2, column {expected.value.colno}: Expecting value"):
        list(read_export(io.BytesIO(body.encode()), "f"))
    with pytest.raises(ImportRejected, match="it is not UTF-8 text"):
        list(read_export(io.BytesIO(body.encode() + b"\xff"), "f"))


def test_a_version_1_database_is_migrated_and_reads_the_same(isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "clientcheck.db"
    saved = [scenario_record("Acme", "whale", "whale-000.yaml", "2026-01-01T10:00:00Z"),
             scenario_record("Acme", "whale", "whale-small.yaml", "2026-02-01T10:00:00Z", "it"),
             record("Beta", "2026-01-04T10:00:00Z", share=40)]
    raw = sqlite3.connect(path, isolation_level=None)  # as clientcheck 0.1 left it: schema 1, plain details
    raw.executescript(MIGRATIONS[0] + f"PRAGMA user_version = 1; PRAGMA application_id = {APPLICATION_ID};")
    for number, old in enumerate(saved, start=1):
        raw.execute("INSERT OR IGNORE INTO clients (key, name, created) VALUES (?, ?, ?)",
                    (client_key(old.client), old.client, old.created))
        raw.execute("INSERT INTO assessments VALUES (?, ?, (SELECT id FROM clients WHERE key = ?), ?, ?, ?, ?, ?, ?,"
                    " ?, ?)", (number, old.uid, client_key(old.client), old.created, old.bank_id, old.bank_version,
                               json.dumps(old.bank_title), old.risk, old.level, old.confidence, old.revenue_share))
        raw.execute("INSERT INTO details VALUES (?, ?, ?)", (number, json.dumps(
            [s._asdict() for s in old.signals]), old.document))
    raw.execute("UPDATE clients SET assessments = (SELECT count(*) FROM assessments a WHERE a.client_id = clients.id),"
                " last_id = (SELECT max(id) FROM assessments a WHERE a.client_id = clients.id)")
    raw.close()
    with open_store(isolated_home) as store:
        acme = store.history("Acme", documents=True)
        assert [(r.uid, r.signals, json.loads(r.document)) for r in acme] == \
            [(r.uid, r.signals, json.loads(r.document)) for r in saved[:2]]
        assert history("Acme", acme).latest.change is not None
        assert b"".join(export_text(store.export_entries(), "x")).decode() == _old_export(
            sorted(saved, key=lambda r: client_key(r.client)), "x")
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == DB_SCHEMA_VERSION
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'details'").fetchone()[0] == 0
    raw.close()


def test_bodies_are_packed_small_and_forget_drops_the_texts_only_its_results_brought(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        for day in range(1, 10):
            store.save_assessment(scenario_record("Acme", "whale", "whale-000.yaml", f"2026-01-0{day}T10:00:00Z"))
        store.save_assessment(scenario_record("Beta", "signals", "signals-001.yaml", "2026-01-01T10:00:00Z"))
        document = len(store.history("Acme", documents=True)[0].document)
    raw = sqlite3.connect(isolated_home / "clientcheck.db")
    sizes = [size for (size,) in raw.execute("SELECT length(data) FROM bodies ORDER BY assessment_id")]
    assert max(sizes[1:9]) * 5 < document  # the bank's words are in the dictionary, not in every body
    with open_store(isolated_home) as store:
        store.forget("Beta")
    assert raw.execute("SELECT DISTINCT bank_id FROM dictionaries").fetchall() == [("whale",)]
    raw.close()


def test_the_portfolio_order_is_risk_then_level_then_share_then_name_however_rows_come() -> None:
    import random

    from clientcheck.saved.clients import _rank

    rng = random.Random(12)
    levels = ["keep", "watch", "renegotiate", "let_go", "from_a_newer_version"]
    rows = [ClientRow(f"Client {i}", f"client {i:03d}", 1, "2026-01-01T00:00:00Z", "starter", rng.choice([40, 55, 70]),
                      rng.choice(levels), None, rng.choice([None, 10.0, 35.0])) for i in range(400)]
    rng.shuffle(rows)  # ties everywhere, and not in key order as the store lists them
    expected = sorted(rows, key=lambda r: (-r.last_risk, -_rank(r.last_level), -(r.revenue_share or 0.0), r.key))
    assert [e.client for e in portfolio(rows).entries] == expected
    assert [e.client for e in portfolio(iter(expected)).entries] == expected
