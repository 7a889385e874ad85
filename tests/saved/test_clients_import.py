"""An import is checked whole before anything is stored (issue 11, class 5), and an export is
always valid JSON: every case the issue names, their neighbours, and the checks held to the
result schema."""

from __future__ import annotations

import io
import json
import random
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from clientcheck.bank.schema import result_schema
from clientcheck.saved.checks import Problems, check_result
from clientcheck.saved.clients import ImportRejected, export_entry, export_text, read_export
from clientcheck.saved.store import AssessmentRecord, Store, database_path, indented
from clientcheck.text import _JSON_UNSAFE, json_safe, json_safe_utf8
from tests.clients_helpers import open_store, record, scenario_record

CliInvoke = Callable[..., Result]
Document = dict[str, Any]

SCENARIO_RESULTS = [("whale", "whale-000.yaml"), ("signals", "signals-001.yaml"), ("let-go", "let-go-late-payer.yaml"),
                    ("checkup", "checkup-whale-000.yaml"), ("difficult-or-bad", "difficult-or-bad-both.yaml"),
                    ("farewell", "farewell-004.yaml")]


@pytest.fixture(scope="module")
def results() -> list[Document]:
    """Real result documents, both languages, from several shipped banks."""
    return [json.loads(scenario_record("x", bank, scenario, "2026-01-01T09:00:00Z", language).document)
            for bank, scenario in SCENARIO_RESULTS for language in ("en", "it")]


def export_of(results: list[Document], name: str = "Acme") -> Document:
    """An export holding ``results`` for one client, as clientcheck writes it."""
    store_records = [record(name, f"2026-01-01T09:{i:02d}:00Z", uid=f"test{i:08d}")._replace(
        document=json.dumps(result)) for i, result in enumerate(results)]
    text = b"".join(export_text(map(export_entry, store_records), "2026-02-01T00:00:00Z"))
    exported: Document = json.loads(text)
    return exported


def put(document: Document, path: list[Any], value: Any) -> Document:
    changed: Document = json.loads(json.dumps(document))
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


def refused(text: str) -> ImportRejected:
    with pytest.raises(ImportRejected) as raised:
        list(read_export(io.BytesIO(text.encode()), "backup.json"))
    return raised.value


def accepted(text: str) -> int:
    return len(list(read_export(io.BytesIO(text.encode()), "backup.json")))


def problems_of(error: ImportRejected) -> str:
    return f"{error.message}\n{error.hint}"


# --- the cases of the issue ----------------------------------------------------------------

A = ["clients", 0, "assessments", 0]
R = [*A, "result"]


@pytest.mark.parametrize(("path", "value", "problem"), [
    ([*R, "dimensions"], "x", "clients[0].assessments[0].result.dimensions: should be a list"),
    ([*R, "dimensions", 0], "x", "clients[0].assessments[0].result.dimensions[0]: should be an object"),
    ([*R, "dimensions", 0, "risk"], 101, "result.dimensions[0].risk: should be a whole number from 0 to 100, or null"),
    ([*R, "signals", 0], 7, "clients[0].assessments[0].result.signals[0]: should be an object"),
    ([*R, "signals", 0, "weight"], 0, "result.signals[0].weight: should be a number above 0"),
    ([*R, "profiles"], ["whale"], "clients[0].assessments[0].result.profiles[0]: should be an object"),
    ([*R, "profiles"], {"id": "whale"}, "result.profiles: should be a list"),
    ([*R, "schema_version"], True, "result.schema_version: should be 1"),
    ([*R, "risk"], True, "result.risk: should be a whole number from 0 to 100"),
    ([*R, "risk"], 40.5, "result.risk: should be a whole number from 0 to 100"),
    ([*R, "confidence"], "1", "result.confidence: should be a number from 0 to 1"),
    ([*R, "timestamp"], "9999-12-31T23:59:59-14:00", "result.timestamp: should be a date and time"),
    ([*A, "timestamp"], "9999-12-31T23:59:59-14:00", "assessments[0].timestamp: should be a date and time"),
    ([*A, "timestamp"], "2026-02-30T09:00:00Z", "assessments[0].timestamp: should be a date and time"),
    ([*R, "bank", "version"], 2**63, "result.bank.version: should be a whole number from 1 to"),
    ([*R, "bank", "version"], 0, "result.bank.version: should be a whole number from 1 to"),
    ([*R, "bank", "id"], "Whale!", "result.bank.id: should be a bank id"),
    ([*R, "verdict", "level"], "run", "result.verdict.level: should be one of"),
    ([*R, "verdict", "steps"], [1], "result.verdict.steps[0]: should be a string"),
    ([*R, "verdict", "band"], None, "result.verdict.band: should be an object"),
    ([*R, "verdict", "flip"], {"direction": "down"}, "result.verdict.flip: 'changes' is missing"),
    ([*R, "exit_plan"], "leave", "result.exit_plan: should be a list"),
    ([*R, "language"], "fr", "result.language: should be one of"),
    ([*R, "surprise"], 1, "result: 'surprise' is not a key it may have"),
    ([*R, "kind"], "clientcheck.export", 'result.kind: should be "clientcheck.result"'),
    ([*A, "signals", 0], "x", "assessments[0].signals[0]: should be an object"),
    ([*A, "signals", 0, "risk"], 100.5, "assessments[0].signals[0].risk: should be a number from 0 to 100"),
    ([*A, "bank_title"], {"en": 1}, "assessments[0].bank_title: should be an object of texts by language"),
    ([*A, "id"], "short", "assessments[0].id: should be the assessment's id"),
    (["clients", 0, "name"], " \x1b[2J\x07 ", "clients[0].name: should be a non-empty client name"),
    (["clients", 0, "extra"], [], "clients[0]: 'extra' is not a key a client has"),
    (["schema_version"], True, "'schema_version' true is not one this clientcheck reads (1)"),
    (["exported"], 5, "'exported' should be a string"),
])
def test_an_import_is_checked_whole_and_each_problem_is_located(results: list[Document], path: list[Any],
                                                                 value: Any, problem: str) -> None:
    good = export_of(results[:2])
    assert accepted(json.dumps(good)) == 2
    error = refused(json.dumps(put(good, path, value)))
    assert "nothing was imported" in problems_of(error)
    assert problem in problems_of(error)


def test_each_problem_names_its_client(results: list[Document]) -> None:
    bad = put(export_of(results[:1], "Beta & Figli"), [*R, "risk"], 500)
    assert ('clients[0].assessments[0].result.risk: should be a whole number from 0 to 100 (client "Beta & Figli")'
            in problems_of(refused(json.dumps(bad))))


@pytest.mark.parametrize(("text", "problem"), [
    ('"risk": NaN', "NaN is not a JSON number"),
    ('"risk": Infinity', "Infinity is not a JSON number"),
    ('"risk": -Infinity', "-Infinity is not a JSON number"),
    ('"risk": 1' + "0" * 5000, "A number with too many digits"),
])
def test_numbers_json_does_not_have_are_refused_where_they_are(results: list[Document], text: str,
                                                               problem: str) -> None:
    exported = json.dumps(export_of(results[:1]), indent=2)
    line = next(n for n, content in enumerate(exported.splitlines(), 1) if '"signals": ' in content)
    error = refused(re.sub(r'"risk": [0-9.]+', text, exported, count=1))  # the first is a stored signal's
    assert f"line {line}, column 22: {problem} (in the value starting there)" in error.message


def test_a_duplicate_key_is_refused_not_silently_merged(results: list[Document]) -> None:
    exported = json.dumps(export_of(results[:1]), indent=2)
    clients_again = exported.replace('"clients": [', '"clients": [],\n  "clients": [', 1)
    assert accepted(exported) == 1 and json.loads(clients_again)["clients"]  # json.loads would keep the last
    assert 'Duplicate key "clients"' in refused(clients_again).message
    inner = exported.replace('"risk": ', '"risk": 3, "risk": ', 1)
    assert 'Duplicate key "risk"' in refused(inner).message
    named_twice = exported.replace('"name": ', '"name": "Other", "name": ', 1)
    assert 'Duplicate key "name"' in refused(named_twice).message


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_an_import_nested_deeply_is_a_located_error(depth: int) -> None:
    inside = '{"kind": "clientcheck.export", "schema_version": 1, "clients": [{"name": "x", "assessments": [' \
             '{"id": "abcdefgh", "timestamp": "2026-01-01T00:00:00Z", "result": ' + "[" * depth + "]" * depth + "}]}]}"
    error = refused(inside)
    assert "Nested too deeply" in error.message or "result: should be an object" in error.hint
    top = refused("[" * depth + "]" * depth)
    assert "Nested too deeply" in top.message or "should be a JSON object" in top.hint


@pytest.mark.parametrize("text", ["[]", '"x"', "1", "null"])
def test_a_document_that_is_not_an_object(text: str) -> None:
    assert "the file should be a JSON object" in problems_of(refused(text))


def test_a_wrong_kind_before_the_clients_is_refused_without_reading_them(results: list[Document]) -> None:
    good = export_of(results[:1])
    text = json.dumps({**good, "kind": "clientcheck.result"})
    stream = io.BytesIO(text.encode() + b"\x00" * (8 << 20))  # garbage after: never reached
    with pytest.raises(ImportRejected, match="problem"):
        list(read_export(stream, "f"))
    assert stream.tell() < 4 << 20


def test_a_value_too_big_is_refused_without_holding_it() -> None:
    from clientcheck.saved import jsonstream

    endless = b'{"kind": "' + b"a" * (jsonstream.MAX_VALUE + 10)
    with pytest.raises(ImportRejected, match="A value of more than"):
        list(read_export(io.BytesIO(endless), "f"))


def test_dev_zero_is_refused_at_once() -> None:
    with Path("/dev/zero").open("rb") as zeros, pytest.raises(ImportRejected, match="Expecting value"):
        list(read_export(zeros, "/dev/zero"))


def test_every_problem_is_counted_and_the_first_ones_shown(results: list[Document]) -> None:
    bad = export_of(results[:1] * 30)
    for assessment in bad["clients"][0]["assessments"]:
        assessment["result"]["risk"] = -1
    error = refused(json.dumps(bad))
    assert "(30 problems)" in error.message
    assert error.hint.endswith("… and 22 more")


# --- accepted means usable --------------------------------------------------------------------


def test_every_real_result_is_accepted_and_reads_back_everywhere(cli: CliInvoke, results: list[Document],
                                                                 tmp_path: Path, isolated_home: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(export_of(results)), encoding="utf-8")
    imported = cli("import", str(backup))
    assert imported.exit_code == 0, imported.stderr
    for command in (["history", "Acme"], ["report", "Acme"], ["report", "Acme", "--json"], ["clients"],
                    ["portfolio"], ["export"]):
        assert cli(*command).exit_code == 0, command
    assert json.loads(cli("export").stdout)["clients"][0]["assessments"][-1]["result"] == results[-1]


# --- the checks and the result schema agree ------------------------------------------------------


def mutations(document: Document) -> Iterator[tuple[str, Document]]:
    """Ways to break a result: each key dropped, each value made another type, a key added (in
    the first two items of each list: the others are alike)."""
    def walk(node: Any, path: list[Any]) -> Iterator[list[Any]]:
        yield path
        children = node.items() if isinstance(node, dict) else list(enumerate(node))[:2] \
            if isinstance(node, list) else ()
        for key, child in children:
            yield from walk(child, [*path, key])

    text = json.dumps(document)
    for path in walk(document, []):
        if not path:
            continue
        for replacement in ({"x": 1}, [1], "text", -1, 1e9, None, True):
            yield f"{path} = {replacement!r}", put(json.loads(text), path, replacement)
        parent = json.loads(text)
        node: Any = parent
        for key in path[:-1]:
            node = node[key]
        if isinstance(node, dict):
            del node[path[-1]]
            yield f"{path} dropped", parent
            node[path[-1] + "_extra"] = 1
            yield f"{path}_extra added", parent


MUTATED = [("checkup", "checkup-bad-small.yaml"), ("checkup", "checkup-whale-000.yaml"),
           ("let-go", "let-go-late-payer.yaml")]  # a flip, unknown bounds, an exit plan, a raised verdict


def test_what_the_checks_accept_the_result_schema_accepts_and_both_refuse_each_mutation() -> None:
    validator = jsonschema.Draft7Validator(result_schema())
    looser, count = [], 0
    for bank, scenario in MUTATED:
        document = json.loads(scenario_record("x", bank, scenario, "2026-01-01T09:00:00Z").document)
        problems: Problems = []
        assert check_result(document, "result", problems) and not problems
        assert validator.is_valid(document)
        for name, mutated in mutations(document):
            count += 1
            # ours may be stricter (a bool is no number, 1e9 is no risk, a whole float no integer): never looser
            if check_result(mutated, "result", []) and not validator.is_valid(mutated):
                looser.append(name)
    assert looser == [] and count > 1000


# --- export is always JSON ---------------------------------------------------------------------


def pack_as_before(home: Path, uid: str, signals: list[dict[str, Any]], document: str) -> None:
    """Rewrite a body as clientcheck packed them before signals were kept as export writes them:
    the signals on one line (json.dumps, which writes NaN), a newline, the indented document."""
    database = sqlite3.connect(database_path({"CLIENTCHECK_HOME": str(home)}))
    with database:
        body = json.dumps(signals, ensure_ascii=False, separators=(",", ":")) + "\n" + indented(document)
        database.execute("UPDATE bodies SET dictionary = NULL, data = ?, checked = 0 WHERE assessment_id ="
                         " (SELECT id FROM assessments WHERE uid = ?)", (zlib.compress(body.encode()), uid))
    database.close()


def as_schema_4(home: Path) -> None:
    """Take the database back to schema 4, before bodies were marked checked when packed."""
    database = sqlite3.connect(database_path({"CLIENTCHECK_HOME": str(home)}), isolation_level=None)
    database.execute("ALTER TABLE bodies DROP COLUMN checked")
    database.execute("PRAGMA user_version = 4")
    database.close()


def checked_bodies(home: Path) -> list[tuple[str, int]]:
    database = sqlite3.connect(database_path({"CLIENTCHECK_HOME": str(home)}))
    found = database.execute("SELECT a.uid, b.checked FROM assessments a JOIN bodies b ON b.assessment_id = a.id"
                             " ORDER BY a.id").fetchall()
    database.close()
    return found


def test_bodies_packed_before_export_the_same(isolated_home: Path) -> None:
    saved = [scenario_record("Acme", "whale", "whale-000.yaml", "2026-01-01T09:00:00Z"),
             scenario_record("Acme", "signals", "signals-001.yaml", "2026-01-02T09:00:00Z", "it"),
             record("Beta", "2026-01-03T09:00:00Z", signals=())]
    with open_store(isolated_home) as store:
        for each in saved:
            store.save_assessment(each)
        new = b"".join(export_text(store.export_entries(), "x")).decode()
        assert new == b"".join(export_text(store.export_entries(), "x")).decode()
    for each in saved:
        pack_as_before(isolated_home, each.uid, [{"question": s.question, "number": s.number, "risk": s.risk,
                                                  "text": dict(s.text)} for s in each.signals], each.document)
    with open_store(isolated_home) as store:
        assert b"".join(export_text(store.export_entries(), "x")).decode() == new
        assert [r.signals for r in store.history("Acme")] == [r.signals for r in saved[:2]]


def test_an_old_database_holding_a_nan_exports_valid_json_without_it(cli: CliInvoke, isolated_home: Path) -> None:
    nan_signal = record("Acme", "2026-01-02T09:00:00Z")
    nan_document = record("Beta", "2026-01-03T09:00:00Z")
    with open_store(isolated_home) as store:
        for each in (record("Acme", "2026-01-01T09:00:00Z"), nan_signal, nan_document,
                     record("Gamma", "2026-01-04T09:00:00Z")):
            store.save_assessment(each)
    # as an older clientcheck let them in: a NaN among the stored signals, and in a result
    pack_as_before(isolated_home, nan_signal.uid, [{"question": "q", "number": None, "risk": float("nan"),
                                                    "text": {}}], nan_signal.document)
    pack_as_before(isolated_home, nan_document.uid, [],
                   nan_document.document.replace('"risk": 40', '"risk": NaN'))
    as_schema_4(isolated_home)
    result = cli("export")  # migrated to schema 5 first: each body looked at once, and marked
    assert [checked for _, checked in checked_bodies(isolated_home)] == [1, 0, 0, 1]
    document = json.loads(result.stdout, parse_constant=lambda name: pytest.fail(name))
    assert [(c["name"], len(c["assessments"])) for c in document["clients"]] == [("Acme", 1), ("Gamma", 1)]
    assert result.exit_code == 2
    assert "incomplete" in result.stderr and "left out because they cannot be read: 2" in result.stderr
    assert "NaN" in result.stderr


def test_a_body_marked_unchecked_is_looked_at_by_export(cli: CliInvoke, isolated_home: Path) -> None:
    saved = record("Acme", "2026-01-01T09:00:00Z")
    with open_store(isolated_home) as store:
        store.save_assessment(saved)
    assert checked_bodies(isolated_home) == [(saved.uid, 1)]  # packed from text without NaN: marked
    pack_as_before(isolated_home, saved.uid, [], saved.document.replace('"risk": 40', '"risk": Infinity'))
    result = cli("export")
    assert (json.loads(result.stdout)["clients"], result.exit_code, "Infinity" in result.stderr) == ([], 2, True)


def test_a_body_cut_short_is_left_out_of_the_export_and_said(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        for day in (1, 2, 3):
            store.save_assessment(record("Acme", f"2026-01-0{day}T09:00:00Z"))
    database = sqlite3.connect(database_path({"CLIENTCHECK_HOME": str(isolated_home)}))
    with database:  # its stream's last bytes lost: what is left inflates without an error, but not whole
        assert database.execute("SELECT dictionary FROM bodies WHERE assessment_id = 2").fetchone()[0] is not None
        database.execute("UPDATE bodies SET data = substr(data, 1, length(data) - 40) WHERE assessment_id = 2")
    database.close()
    result = cli("export")
    assert len(json.loads(result.stdout)["clients"][0]["assessments"]) == 2
    assert (result.exit_code, "cannot be read" in result.stderr) == (2, True)


def test_a_damaged_body_is_left_out_of_the_export_and_said(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        for day in (1, 2, 3):
            store.save_assessment(record("Acme", f"2026-01-0{day}T09:00:00Z"))
    database = sqlite3.connect(database_path({"CLIENTCHECK_HOME": str(isolated_home)}))
    with database:
        database.execute("UPDATE bodies SET data = x'00112233' WHERE assessment_id = 2")
    database.close()
    result = cli("export")
    assert len(json.loads(result.stdout)["clients"][0]["assessments"]) == 2
    assert (result.exit_code, "cannot be read" in result.stderr) == (2, True)
    assert cli("history", "Acme").exit_code == 2  # a located error, not a crash


def test_an_export_from_an_empty_or_missing_database_is_valid_json(cli: CliInvoke, isolated_home: Path) -> None:
    assert json.loads(cli("export").stdout)["clients"] == []
    Store.open(database_path({"CLIENTCHECK_HOME": str(isolated_home)})).close()
    assert json.loads(cli("export").stdout)["clients"] == []


def test_export_text_made_inert_is_what_translating_every_character_gives() -> None:
    from clientcheck import text

    unsafe = "".join(chr(code) for code in text._JSON_UNSAFE)
    sample = json.dumps({"a": f"Caffè {unsafe} ok \u2028 é\x7f", "b": "plain"}, ensure_ascii=False)
    assert text.json_safe(sample) == sample.translate(text._JSON_UNSAFE)
    assert json.loads(text.json_safe(sample)) == json.loads(sample)
    assert text.json_safe("Caffè è ok") == "Caffè è ok"


_NEAR_UNSAFE = "’“”—…€«» \u00a0\u00ff\u0100\u061b\u061d\u200d\u2010\u2027\u202f\u2065\u206a"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "è", "\n", *_NEAR_UNSAFE, *map(chr, _JSON_UNSAFE)]), max_size=12))
def test_export_bytes_made_inert_are_what_json_safe_gives(pieces: list[str]) -> None:
    """The bytes' shortcut (looking for lead bytes) finds every character json_safe escapes,
    beside the characters that share their first bytes."""
    sample = "".join(pieces)
    assert json_safe_utf8(sample.encode()) == json_safe(sample).encode()


def _saved_twice(tmp_path: Path) -> tuple[Path, str]:
    """A home holding five assessments of two clients imported from their export, and that export."""
    with open_store(tmp_path / "one") as store:
        for number, (bank, scenario) in enumerate(SCENARIO_RESULTS[:5]):
            store.save_assessment(scenario_record("Acmé «x»" if number < 3 else "Beta", bank, scenario,
                                                  f"2026-01-0{number + 1}T09:00:00Z", ("en", "it")[number % 2]))
        exported = b"".join(export_text(store.export_entries(), "2026-02-01T00:00:00Z")).decode()
    with open_store(tmp_path / "two") as store:
        assert store.add_records(read_export(io.BytesIO(exported.encode()), "f")).assessments_added == 5
    return tmp_path / "two", exported


def _full_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each full check of a result is made from now on, in order (an empty list: none)."""
    checked: list[str] = []
    real = check_result

    def counting(result: Any, where: str, problems: Problems) -> bool:
        checked.append(where)
        return real(result, where, problems)

    monkeypatch.setattr("clientcheck.saved.clients.check_result", counting)
    return checked


def _recognised_unchanged(home: Path, exported: str, checked: list[str]) -> None:
    """Importing ``exported`` again into ``home`` finds its five assessments present, checks none of
    them in full and leaves the database's bytes as they were."""
    database = (home / "clientcheck.db").read_bytes()
    with open_store(home) as store:
        counts = store.add_records(read_export(io.BytesIO(exported.encode()), "f", saved=store.saved_entry))
    assert (counts.assessments_added, counts.assessments_present, checked) == (0, 5, [])
    assert (home / "clientcheck.db").read_bytes() == database


def test_an_assessment_saved_as_it_is_is_recognised_without_being_checked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, exported = _saved_twice(tmp_path)
    checked = _full_checks(monkeypatch)
    _recognised_unchanged(home, exported, checked)
    # the same id with other content is read and checked whole, as without the shortcut
    at = exported.index('"clientcheck_version": "', exported.index('"result": {')) + len('"clientcheck_version": "')
    changed = exported[:at] + "0" + exported[at:]  # the first assessment's, not the file's
    with open_store(home) as store:
        counts = store.add_records(read_export(io.BytesIO(changed.encode()), "f", saved=store.saved_entry))
    assert (counts.assessments_present, checked) == (5, ["clients[0].assessments[0].result"])
    broken = exported.replace('"level": "', '"level": "no-such-', 1)
    with open_store(home) as store, pytest.raises(ImportRejected) as raised:
        store.add_records(read_export(io.BytesIO(broken.encode()), "f", saved=store.saved_entry))
    assert str(raised.value.hint).startswith("clients[0].assessments[0].result.verdict.level: ")


def test_an_assessment_changed_in_any_byte_is_read_and_checked_whole(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    home, exported = _saved_twice(tmp_path)
    text = exported.encode()
    start = text.index(b"{", text.index(b'"assessments": [', text.index(b'"name": "Beta"')))
    end = text.index(b"\n        }", start) + len(b"\n        }")  # the fourth assessment, from { to }
    checked = _full_checks(monkeypatch)
    database = (home / "clientcheck.db").read_bytes()
    rng = random.Random(12)
    for at in [start, end - 1, *rng.sample(range(start, end), 150)]:
        changed = bytearray(text)
        changed[at] ^= 1 << rng.randrange(8)
        checked.clear()
        try:
            with open_store(home) as store:
                found = list(read_export(io.BytesIO(bytes(changed)), "f", saved=store.saved_entry))
        except ImportRejected:
            continue  # refused: never taken as present
        # read whole: its result checked, and it comes as the file has it, not as present
        assert "clients[1].assessments[0].result" in checked, at
        assert isinstance(found[3], AssessmentRecord) and found[3].uid in bytes(changed).decode(), at
    assert (home / "clientcheck.db").read_bytes() == database


@pytest.mark.parametrize("damage", [("\n        }\n      ]", "\n        },\n      ]"), ("\n  ]\n}", "\n  ]\n} x"),
                                    ("\n    }\n  ]", "\n    }\n  ,]")])
def test_after_assessments_recognised_an_error_is_where_json_loads_says(tmp_path: Path,
                                                                       damage: tuple[str, str]) -> None:
    home, exported = _saved_twice(tmp_path)
    text = exported.replace(*damage)
    assert text != exported
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with open_store(home) as store, pytest.raises(ImportRejected) as raised:
        store.add_records(read_export(io.BytesIO(text.encode()), "f", saved=store.saved_entry))
    assert f"line {expected.value.lineno}, column {expected.value.colno}" in raised.value.message


def test_after_a_megabyte_of_assessments_recognised_an_error_is_where_json_loads_says(tmp_path: Path) -> None:
    from clientcheck.saved.jsonstream import CHUNK

    made = [scenario_record("x", bank, scenario, "2026-01-01T09:00:00Z", language)
            for bank, scenario in SCENARIO_RESULTS for language in ("en", "it")]
    with open_store(tmp_path / "one") as store:
        store.add_records(made[n % len(made)]._replace(uid=f"many{n:08d}", client=f"Client {n // 7:03d}")
                          for n in range(140))
        exported = b"".join(export_text(store.export_entries(), "2026-02-01T00:00:00Z")).decode()
    assert len(exported) > 2 * CHUNK  # read, and the recognised text dropped, more than once
    with open_store(tmp_path / "two") as store:
        store.add_records(read_export(io.BytesIO(exported.encode()), "f"))
    last = exported.rindex('"risk": ')
    for damaged in (exported[:last] + "\n\n x" + exported[last:], exported.replace("\n  ]\n}", "\n  ]\n} x")):
        with pytest.raises(json.JSONDecodeError) as expected:
            json.loads(damaged)
        with open_store(tmp_path / "two") as store, pytest.raises(ImportRejected) as raised:
            store.add_records(read_export(io.BytesIO(damaged.encode()), "f", saved=store.saved_entry))
        assert f"line {expected.value.lineno}, column {expected.value.colno}" in raised.value.message


def test_the_import_command_recognises_what_it_imported_before(cli: CliInvoke, isolated_home: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _, exported = _saved_twice(tmp_path)
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")
    assert cli("import", str(backup), "--json").exit_code == 0
    checked = _full_checks(monkeypatch)
    monkeypatch.setattr("clientcheck.saved.fastcheck.checked", lambda text: None)  # every check the full one, counted
    again = cli("import", str(backup), "--json")
    # the first client is read before the database is opened, so checked; the second is recognised
    assert (json.loads(again.stdout)["assessments_present"], checked) == (
        5, [f"clients[0].assessments[{number}].result" for number in range(3)])


def test_an_import_into_an_empty_home_looks_nothing_up(cli: CliInvoke, isolated_home: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _, exported = _saved_twice(tmp_path)
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")
    looked_up: list[str] = []
    real = Store.saved_entry

    def counting(store: Store, uid: str) -> Any:
        looked_up.append(uid)
        return real(store, uid)

    monkeypatch.setattr(Store, "saved_entry", counting)
    assert json.loads(cli("import", str(backup), "--json").stdout)["assessments_added"] == 5
    assert looked_up == []
    again = json.loads(cli("import", str(backup), "--json").stdout)
    assert (again["assessments_added"], again["assessments_present"]) == (0, 5) and len(looked_up) == 2  # Beta's


def test_a_key_given_twice_across_a_chunk_boundary_is_where_it_is() -> None:
    from clientcheck.saved.jsonstream import CHUNK

    for pad in range(CHUNK - 24, CHUNK + 2):  # the second key starts before, across and after the boundary
        text = '{"pad": "' + "a" * pad + '", "pad": 1}'
        with pytest.raises(ImportRejected) as raised:
            list(read_export(io.BytesIO(text.encode()), "f"))
        column = text.index('"pad": 1') + 1
        assert f"line 1, column {column}: " in raised.value.message


def test_assessments_saved_beside_those_of_the_file_do_not_stop_it_being_recognised(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, exported = _saved_twice(tmp_path)
    with open_store(home) as store:  # between the file's first and second assessment, in export order
        store.save_assessment(record("Acmé «x»", "2026-01-01T12:00:00Z", uid="between00001"))
        store.save_assessment(record("Aaron", "2026-01-01T12:00:00Z", uid="beforeall001"))
    checked = _full_checks(monkeypatch)
    _recognised_unchanged(home, exported, checked)
