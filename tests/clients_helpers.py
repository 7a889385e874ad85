"""Helpers for the saved-clients tests: records to store, scenario results, a fixed clock."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from clientcheck.assessment.answers import read_answers
from clientcheck.assessment.saving import record_from_assessment
from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.saved.store import AssessmentRecord, SignalRef, Store, database_path
from clientcheck.ui.result import result_document

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "questions"
SCENARIOS = REPO / "tests" / "scenarios"


def record(client: str, created: str, *, risk: int = 40, level: str = "watch", bank: str = "whale",
           signals: Sequence[str] = ("vanishes",), share: float | None = None, uid: str | None = None,
           language: str = "en") -> AssessmentRecord:
    """A small but complete record, as if saved by ``assess``."""
    refs = tuple(SignalRef(q, None, 75.0, {"en": f"Signal {q}?", "it": f"Segnale {q}?"}) for q in signals)
    answers = [{"question": "revenue_share", "answer": share}] if share is not None else []
    document = {"kind": "clientcheck.result", "schema_version": 1, "clientcheck_version": "0.1.0",
                "timestamp": created, "language": language,
                "bank": {"id": bank, "version": 1, "title": bank.title(),
                         "source": {"title": "Source", "author": "Author", "date": "2026"}},
                "answers": answers, "risk": risk, "confidence": 1.0,
                "verdict": {"level": level, "label": level, "why": "Because.", "steps": [], "raised_by": [],
                            "band": {"min": 0, "max": 100, "level": level}},
                "dimensions": [], "signals": [{"question": q, "number": None, "dimension": "d", "text": f"Signal {q}?",
                                               "answer": "often", "risk": 75.0, "weight": 1.0, "contribution": 7.5,
                                               "advice": None} for q in signals],
                "profiles": [], "dealbreakers": [], "exit_plan": None}
    return AssessmentRecord(uid=uid or f"{client}-{created}".encode().hex()[:32], client=client, created=created,
                            bank_id=bank, bank_version=1, bank_title={"en": bank.title(), "it": bank.title()},
                            risk=risk, level=level, confidence=1.0, revenue_share=share, signals=refs,
                            document=json.dumps(document))


def scenario_record(client: str, bank_id: str, scenario: str, created: str, language: str = "en") -> AssessmentRecord:
    """A real result: a scenario answers file scored against its shipped bank."""
    bank = load_bank(QUESTIONS / f"{bank_id}.yaml")
    assessment = assess(bank, read_answers(SCENARIOS / scenario, bank))
    return record_from_assessment(assessment, result_document(assessment, language, created), client)


def open_store(home: Path) -> Store:
    return Store.open(database_path({"CLIENTCHECK_HOME": str(home)}))


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so dates on screen are stable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
