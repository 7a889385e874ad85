"""``assess`` with saving: resuming an unfinished quiz, saving each answer as it is given and the
result at the end; and a saved result scored again in another language.

A failure to save never loses the verdict: it is returned beside the assessment, so the CLI
prints the result first and then the error. Nothing here prints: questions go through the
session's ``Prompts``, and the result document comes from the caller (``ResultDocument``), so
this module needs nothing from ``ui``. It imports the store: the CLI loads it only when there
is a client to save under.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from clientcheck.assessment.scoring import Assessment, assess
from clientcheck.assessment.session import (
    AnswersSource,
    Outcome,
    Prompts,
    QuizHooks,
    SaveOptions,
    asks_on_terminal,
    run_assessment,
)
from clientcheck.bank.answer_values import InvalidAnswer, normalise_answer
from clientcheck.bank.catalog import find_bank
from clientcheck.bank.model import AnswerValue, Bank, QuestionType
from clientcheck.clock import now_stamp
from clientcheck.env import Environment
from clientcheck.errors import BankError, BankNotFound, ClientcheckError, Interrupted, UsageError
from clientcheck.i18n import tr
from clientcheck.i18n.patterns import problem_message
from clientcheck.saved.store import (
    MAX_NAME_LENGTH,
    PROGRESS_WAIT_MS,
    AssessmentRecord,
    SignalRef,
    Store,
    StoreBusy,
    StoreError,
    clean_name,
    database_path,
)

ResultDocument = Callable[[Assessment, str, str], Mapping[str, Any]]
"""The result document of an assessment in a language at a timestamp, as ``--json`` prints it."""


def new_uid() -> str:
    return secrets.token_hex(16)


def record_from_assessment(assessment: Assessment, document: Mapping[str, Any], client: str,
                           uid: str | None = None) -> AssessmentRecord:
    """What is saved for one finished assessment: its facts (the share of revenue is the answer
    to the bank's ``revenue_question``), its signals in every language the bank has, and the
    result document exactly as ``--json`` prints it. It lives here, not in ``saved``, because it
    reads the bank and the assessment, which ``saved`` never imports."""
    bank = assessment.bank
    question = bank.question(bank.revenue_question) if bank.revenue_question is not None else None
    share = dict(assessment.answers).get(question.id) if question is not None else None
    numeric = question is not None and question.type is QuestionType.NUMBER
    revenue = float(share) if isinstance(share, float) and numeric else None
    signals = tuple(SignalRef(s.question.id, s.question.number, round(s.risk, 1),
                              _all_languages(s.question.text.by_language, bank.languages))
                    for s in assessment.signals)
    return AssessmentRecord(
        uid=uid or new_uid(), client=client, created=str(document["timestamp"]), bank_id=bank.id,
        bank_version=bank.version, bank_title=_all_languages(bank.title.by_language, bank.languages),
        risk=assessment.risk, level=assessment.verdict.level.value, confidence=assessment.confidence,
        revenue_share=revenue, signals=signals,
        document=json.dumps(document, ensure_ascii=False, separators=(",", ":")))


def _all_languages(by_language: Sequence[tuple[str, str]], languages: Sequence[str]) -> dict[str, str]:
    values = dict(by_language)
    if "*" in values:
        return {lang: values["*"] for lang in languages or ("en",)}
    return values


def client_name(raw: str, language: str) -> str:
    """A typed client name, cleaned; a clear error when nothing usable is left."""
    try:
        return clean_name(raw)
    except ValueError:
        raise UsageError(tr(language, "save.bad_name", max=MAX_NAME_LENGTH), tr(language, "save.bad_name_hint")) \
            from None


class _Progress:
    """Keeps the running quiz's answers in the store as they are given. A write that finds the
    database locked waits only briefly (the quiz never stalls) and the next one writes every
    answer so far; any other failure stops the saving. Either way only the final save decides
    whether the result is saved."""

    def __init__(self, store: Store, client: str, environ: Mapping[str, str]) -> None:
        self.store = store
        self.client = client
        self.environ = environ
        self.error: ClientcheckError | None = None
        self.start: dict[str, AnswerValue] = {}
        self.resuming = False
        self.answers: dict[str, AnswerValue] = {}  # the quiz's, in the order given
        self.stored = False  # the store holds exactly ``answers``

    def hooks(self, bank: Bank) -> QuizHooks:
        start: dict[str, AnswerValue] = {}
        for question_id, value in self.start.items():  # the bank may have changed since
            question = bank.question(question_id)
            if question is None:
                continue
            try:
                start[question_id] = normalise_answer(question, value)
            except InvalidAnswer:
                continue
        self.answers = dict(start)
        if self.resuming:
            self.stored = True
        else:
            self._write(bank)  # a new quiz with this bank: the unfinished one of this bank goes

        def on_answer(question_id: str, answer: AnswerValue) -> None:
            self.answers.pop(question_id, None)  # an answer given again moves to the end
            self.answers[question_id] = answer
            self._write(bank)

        def on_back(question_id: str) -> None:
            self.answers.pop(question_id, None)
            self._write(bank)

        return QuizHooks(start, on_answer, on_back)

    def _write(self, bank: Bank) -> None:
        if self.error is not None:
            return
        try:
            self.store.save_progress(self.client, bank.id, bank.version, tuple(self.answers.items()),
                                     now_stamp(self.environ), wait_ms=PROGRESS_WAIT_MS)
            self.stored = True
        except StoreBusy:
            self.stored = False  # tried again with the next answer
        except StoreError as error:
            self.stored = False
            self.error = error

    @property
    def kept(self) -> bool:
        """Whether the store holds answers to resume from."""
        return self.stored and bool(self.answers)


def assess_and_save(env: Environment, language: str, bank_id: str | None, bank_file: Path | None,
                    source: AnswersSource, options: SaveOptions, client: str, prompts: Prompts | None,
                    result_document: ResultDocument) -> Outcome:
    """Run ``assess`` and save the result under ``client`` (as given: it is cleaned here; see
    ``session.client_to_save``). On a terminal each answer is saved as it is given, and the
    client's unfinished quiz is offered (or taken, with ``--resume``)."""
    name = client_name(client, language)
    ask = asks_on_terminal(env, source)
    store: Store | None = None
    error: ClientcheckError | None = None
    try:
        store = Store.open(database_path(env.environ))
    except StoreError as failure:
        error = failure
    try:
        progress = None
        if store is not None and ask:
            progress = _Progress(store, name, env.environ)
            bank_id = _resume(store, progress, name, prompts, bank_id, bank_file, options)
        try:
            assessment = run_assessment(env, language, bank_id, bank_file, source, prompts,
                                        hooks=progress.hooks if progress is not None else None)
        except Interrupted as stop:
            if progress is not None and progress.kept:
                raise stop.adding(tr(language, "save.resume_later", client=name)) from None
            raise
        timestamp = now_stamp(env.environ)
        saved_as = None
        if store is not None:
            record = record_from_assessment(assessment, result_document(assessment, language, timestamp), name)
            try:
                store.save_assessment(record)
            except StoreError as failure:
                error = failure
            else:
                saved_as = name
                with suppress(StoreError):  # saved: only the spelling it was saved under is looked up
                    saved_as = store.client_name(name) or name
        if error is not None:  # one line, after the printed result; only the final save decides it
            error = type(error)(tr(language, "save.not_saved", reason=problem_message(error.message, language)))
        return Outcome(assessment, timestamp, saved_as, error,
                       len(progress.start) if progress is not None and progress.resuming else 0)
    finally:
        if store is not None:
            store.close()


def _resume(store: Store, progress: _Progress, client: str, prompts: Prompts | None, bank_id: str | None,
            bank_file: Path | None, options: SaveOptions) -> str | None:
    """Offer the client's unfinished quiz (or take it, with --resume); returns the bank to use."""
    try:
        unfinished = None if bank_file is not None else store.progress(client, bank_id)
    except StoreError as failure:
        progress.error = failure
        return bank_id
    if unfinished is None:
        return bank_id
    if not options.resume and (prompts is None or not prompts.resume(
            unfinished.client, unfinished.bank_id, len(unfinished.answers), unfinished.updated)):
        return bank_id
    progress.start = dict(unfinished.answers)
    progress.resuming = True
    return unfinished.bank_id


# --- a saved result in another language ------------------------------------------------------


def rescore_saved(document: Mapping[str, Any], language: str, environ: Mapping[str, str]) -> Assessment | None:
    """A saved result's answers scored again, to show it in ``language``; None when that is not
    needed or not possible: it is already in ``language``, its bank (same version, in that
    language) is not at hand, or its answers are malformed or no longer fit the bank."""
    bank_info, answers = document.get("bank"), document.get("answers", [])
    if document.get("language") == language or "timestamp" not in document:
        return None
    if not isinstance(bank_info, dict) or "id" not in bank_info or not isinstance(answers, list):
        return None
    try:
        bank = find_bank(str(bank_info["id"]), environ)
    except (BankNotFound, BankError):  # gone, or broken since: the saved text is still a fine report
        return None
    if bank.version != bank_info.get("version") or language not in bank.languages:
        return None
    given: dict[str, AnswerValue] = {}
    for item in answers:
        if not isinstance(item, dict) or "question" not in item:
            return None
        question = bank.question(item["question"]) if isinstance(item["question"], str) else None
        if question is None:  # a question the bank no longer asks
            continue
        if "answer" not in item:
            return None
        try:
            given[question.id] = normalise_answer(question, item["answer"])
        except InvalidAnswer:
            return None
    return assess(bank, given)


def saved_result_in(document: dict[str, Any], language: str, environ: Mapping[str, str],
                    result_document: ResultDocument) -> Mapping[str, Any]:
    """The saved result document in ``language`` when it can be scored again (``rescore_saved``),
    else as it was saved."""
    assessment = rescore_saved(document, language, environ)
    if assessment is None:
        return document
    return result_document(assessment, language, str(document["timestamp"]))
