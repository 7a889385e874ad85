"""The import's fast check can only be stricter than the full one (saved/fastcheck.py): over real
exports, every way of breaking a result (tests/saved/test_clients_import.py's mutations), the fuzz
cases' replaced parts (tests/contracts/test_fuzz.py) written as an export writes them, and
edits of the text itself, an import with the fast check says exactly what one without it says:
the same records, or the same refusal."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientcheck.saved import fastcheck
from clientcheck.saved.clients import ImportRejected, export_entry, export_text, read_export
from clientcheck.saved.store import AssessmentRecord, ImportedRecord, indented, signals_text
from tests.clients_helpers import scenario_record
from tests.contracts.test_fuzz import EXPORT_TREE, replaced, trees
from tests.saved.test_clients_import import MUTATED, SCENARIO_RESULTS, mutations

_STARTS = re.compile(r'\{\n {10}"id": ')


def exported(results: list[tuple[str, str, str]]) -> str:
    """An export of real results (bank, scenario, language) of one client, as clientcheck writes it."""
    records = [scenario_record("Acmé «x»", bank, scenario, f"2026-01-01T09:{i:02d}:00Z", language)._replace(
        uid=f"test{i:08d}") for i, (bank, scenario, language) in enumerate(results)]
    return b"".join(export_text(map(export_entry, records), "2026-02-01T00:00:00Z")).decode()


REAL = exported([(bank, scenario, language) for bank, scenario in SCENARIO_RESULTS + MUTATED
                 for language in ("en", "it")])


def outcome(text: str, *, fast: bool) -> tuple[Any, ...]:
    """What an import of ``text`` gives: its records (each fast one as the record it is, its
    signals' text checked to be what signals_text writes), and the ids the fast check took; or
    its refusal."""
    taken: list[str] = []

    def counting(text: str) -> fastcheck.Checked | None:
        found = fastcheck.checked(text)
        taken.extend([found.item.id] if found else [])
        return found

    try:
        records = list(read_export(io.BytesIO(text.encode()), "backup.json", fast=counting if fast else None))
    except ImportRejected as error:
        return ("refused", error.message, error.hint)
    plain: list[AssessmentRecord] = []
    for record in records:
        if isinstance(record, ImportedRecord):
            assert record.signals == signals_text(record.record.signals).encode()
            assert record.document == indented(record.record.document).encode()
            record = record.record
        assert isinstance(record, AssessmentRecord)
        plain.append(record._replace(bank_title=dict(record.bank_title),
                                     signals=tuple(s._replace(text=dict(s.text)) for s in record.signals)))
    return ("records", plain, taken)


def same(text: str) -> int:
    """The import says the same with and without the fast check; how many assessments the fast check took."""
    fast = outcome(text, fast=True)
    full = outcome(text, fast=False)
    assert fast[:2] == full[:2]
    return len(fast[2]) if fast[0] == "records" else 0


def test_every_assessment_of_a_real_export_is_taken_and_read_the_same() -> None:
    items = _STARTS.findall(REAL)
    fast = outcome(REAL, fast=True)
    assert fast[0] == "records" and len(fast[2]) == len(items) == len(fast[1]) > 10
    assert same(REAL) == len(items)


def _one_assessment(document: dict[str, Any]) -> str:
    """An export whose one assessment holds ``document`` as its result, laid out as export writes it."""
    tree = json.loads(REAL)
    tree["clients"][0]["assessments"] = [{**tree["clients"][0]["assessments"][0], "result": document}]
    return json.dumps(tree, ensure_ascii=False, indent=2) + "\n"


def test_every_way_of_breaking_a_result_is_read_as_the_full_check_reads_it() -> None:
    tree = json.loads(REAL)
    taken = count = 0
    for item in tree["clients"][0]["assessments"][-len(MUTATED) * 2::2]:  # a flip, unknown bounds, an exit plan
        for _, mutated in mutations(item["result"]):
            count += 1
            taken += same(_one_assessment(mutated))
    assert count > 1000 and taken < count  # most mutations break the result: the full check says where


@pytest.mark.parametrize(("old", "new"), [
    ('\n            "risk": ', '\n            "risk": 5,\n            "risk": '),  # a key given twice
    ('\n          "id": ', '\n          "id": "twice0000001",\n          "id": '),
    ('"schema_version": 1', '"schema_version": 1.0'), ('"schema_version": 1', '"schema_version": 1e0'),
    ('"risk": 100.0', '"risk": 100'), ('"risk": 100.0', '"risk": 1e2'), ('"risk": 75.0', '"risk": 0.00001'),
    ('"kind": "clientcheck.result"', '"kind": "clientcheck\\u002eresult"'),
    ('"kind": "clientcheck.result"', '"kind" : "clientcheck.result"'), ('"level": "', '"level":"'),
    ('"confidence": ', '"confidence": -'), ('"version": 1', '"version": 01'), ('"version": 1', '"version": true'),
    ('"number": null', '"number": 1.5'), ('"partial": false', '"partial": 0'), ('"exit_plan": null', '"exit_plan": []'),
    ('"language": "en"', '"language": "en\\n"'), ('"level": "watch"', '"level": "watch\\n"'),
    ('"timestamp": "2026-01-01T09:00:00Z"', '"timestamp": "2026-01-01T09:00:00Z\\n"'),
    ('"timestamp": "2026-01-01T09:00:00Z"', '"timestamp": "2026-02-30T09:00:00Z"'),
    ('"id": "test00000000"', '"id": "test0000000\\n"'), ('"id": "test00000000"', '"id": "test0000000é"'),
    ("\n        }", "\n        }  "), ("\n        }", ",\n          \"extra\": 1\n        }"),
    ('\n            "kind": ', '\n            "client": "",\n            "kind": '),
])
def test_each_other_spelling_is_read_as_the_full_check_reads_it(old: str, new: str) -> None:
    assert old in REAL
    items = len(_STARTS.findall(REAL))
    for count in (1, -1):  # the first one, and every one
        taken = same(REAL.replace(old, new, count))
        # what the layout leaves as it is (a list for null, spaces after an assessment) is still taken
        assert taken < items or new in ('"exit_plan": []', "\n        }  ")


def test_a_key_given_twice_is_never_taken() -> None:
    start = REAL.index('        {\n          "id": ') + 8
    item = REAL[start:REAL.index("\n        }", start) + len("\n        }")]
    assert fastcheck.checked(item) is not None
    twice = item.replace('\n            "risk": ', '\n            "risk": 0,\n            "risk": ', 1)
    assert fastcheck.checked(twice) is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=8), value=trees)
def test_the_fuzz_cases_laid_out_as_an_export_are_read_as_the_full_check_reads_them(
        path: list[int], value: Any) -> None:
    text = json.dumps(replaced(EXPORT_TREE, path, value), ensure_ascii=False, indent=2, allow_nan=True) + "\n"
    same(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(at=st.integers(min_value=0), edit=st.sampled_from(["", " ", "\n", "0", "1", ".", "e", "-", '"', ",", ":",
                                                          "\\", "\\u0041", "{", "}", "[", "]", "null", "é", "\x1b"]),
       length=st.integers(min_value=0, max_value=3))
def test_any_small_edit_of_the_text_is_read_as_the_full_check_reads_it(at: int, edit: str, length: int) -> None:
    where = _STARTS.search(REAL)
    assert where is not None
    spot = where.start() + at % 20_000
    same(REAL[:spot] + edit + REAL[spot + length:])


@given(st.floats(min_value=1e-4, max_value=100))
def test_a_stored_signals_risk_is_spelled_as_signals_text_spells_it(risk: float) -> None:
    """The premise of fastcheck's smallest risk: from it on, msgspec writes a float as repr does."""
    assert msgspec.json.encode(risk).decode() == repr(risk)
