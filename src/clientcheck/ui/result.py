"""The verdict as data: the one versioned JSON document of a result (``assess --json``, and
what is saved for a client), and the words that name a verdict on any screen.

No Rich here: ``assess --json`` and saving build this document without loading it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clientcheck.assessment.exit_plan import plan_for
from clientcheck.assessment.scoring import Assessment
from clientcheck.bank.model import AnswerValue
from clientcheck.documents import Kind, envelope
from clientcheck.i18n import tr
from clientcheck.text import plain_number


def answer_json(value: AnswerValue) -> str | int | float:
    return plain_number(value) if isinstance(value, float) else value


def result_document(assessment: Assessment, language: str, timestamp: str,
                    extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ``--json`` document; its fields are documented in the README."""
    bank = assessment.bank
    verdict = assessment.verdict
    band = verdict.band
    document = envelope(
        Kind.RESULT,
        timestamp=timestamp,
        language=language,
        bank={
            "id": bank.id,
            "version": bank.version,
            "title": bank.title.get(language),
            "source": {"title": bank.source.title, "author": bank.source.author.get(language),
                       "date": bank.source.date},
        },
        answers=[{"question": qid, "answer": answer_json(value)} for qid, value in assessment.answers],
        risk=assessment.risk,
        confidence=assessment.confidence,
        verdict={
            "level": verdict.level.value,
            "label": level_label(assessment, language),
            "why": headline(assessment, language),
            "band": {"min": band.minimum, "max": band.maximum, "level": band.level.value},
            "raised_by": [d.id for d in verdict.raised_by],
            "steps": [step.get(language) for step in verdict.outcome.steps],
            "partial": verdict.partial,
            "flip": _flip_json(assessment, language),
            "unknown_bounds": _bounds_json(assessment),
        },
        dimensions=[
            {"id": d.id, "label": d.label.get(language), "risk": d.risk, "confidence": d.confidence,
             "answered": d.answered, "asked": d.asked}
            for d in assessment.dimensions
        ],
        signals=[
            {"question": s.question.id, "number": s.question.number, "dimension": s.question.dimension,
             "text": s.question.text.get(language), "answer": answer_json(s.answer), "risk": round(s.risk, 1),
             "weight": s.question.weight, "contribution": round(s.contribution, 1),
             "advice": s.advice.get(language) if s.advice else None}
            for s in assessment.signals
        ],
        profiles=[{"id": p.id, "label": p.label.get(language), "advice": p.advice.get(language)}
                  for p in assessment.profiles],
        dealbreakers=[{"id": d.id, "level": d.level.value, "reason": d.reason.get(language)}
                      for d in assessment.dealbreakers],
        exit_plan=_exit_plan_json(assessment, language),
    )
    if extra:
        document.update(extra)
    return document


def _flip_json(assessment: Assessment, language: str) -> dict[str, Any] | None:
    flip = assessment.flip
    if flip is None:
        return None
    return {"direction": flip.direction, "level": flip.level.value, "risk": flip.risk, "minimal": flip.minimal,
            "changes": [{"question": c.question.id, "text": c.question.text.get(language),
                         "from": answer_json(c.before), "to": answer_json(c.after)} for c in flip.changes]}


def _bounds_json(assessment: Assessment) -> dict[str, Any] | None:
    bounds = assessment.bounds
    if bounds is None:
        return None
    return {"best": bounds.best.value, "worst": bounds.worst.value, "best_risk": bounds.best_risk,
            "worst_risk": bounds.worst_risk}


def headline(assessment: Assessment, language: str) -> str:
    """The verdict's one sentence, true to the answers: a dealbreaker's reason, the band's
    summary, or, when too little is known to claim it, a partial picture."""
    verdict = assessment.verdict
    if verdict.raised_by:
        return verdict.raised_by[0].reason.get(language)
    if verdict.partial:
        return tr(language, "verdict.partial", percent=round(assessment.confidence * 100),
                  level=tr(language, verdict.level.label_key))
    return verdict.band.summary.get(language)


def level_label(assessment: Assessment, language: str) -> str:
    outcome = assessment.verdict.outcome
    if outcome.label is not None and outcome.level is assessment.verdict.level:
        return outcome.label.get(language)
    return tr(language, assessment.verdict.level.label_key)


def _exit_plan_json(assessment: Assessment, language: str) -> list[dict[str, str]] | None:
    """The ``exit_plan`` field: the steps when the verdict calls for leaving, else null."""
    plan = plan_for(assessment)
    return plan.as_json(language) if plan is not None else None
