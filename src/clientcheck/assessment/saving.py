"""``assess`` with saving: which client, resuming an unfinished quiz, saving each answer as it
is given and the result at the end.

A failure to save never loses the verdict: it is returned beside the assessment, so the CLI
prints the result first and then the error. Nothing here prints; prompts live in ``quiz``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from clientcheck.assessment.scoring import Assessment
from clientcheck.assessment.session import AnswersSource, run_assessment
from clientcheck.bank.model import AnswerValue, Bank
from clientcheck.env import Environment
from clientcheck.errors import ClientcheckError, Interrupted, UsageError
from clientcheck.i18n import tr


@dataclass(frozen=True)
class SaveOptions:
    """``--client NAME``, ``--no-save``, ``--resume``."""

    client: str | None = None
    save: bool = True
    resume: bool = False


@dataclass(frozen=True)
class QuizHooks:
    """What a quiz starts from, and whom it tells about each answer and each step back."""

    start_answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    on_answer: Callable[[str, AnswerValue], None] | None = None
    on_back: Callable[[str], None] | None = None


@dataclass(frozen=True)
class Outcome:
    assessment: Assessment
    timestamp: str
    client: str | None  # the name it was saved under; None when not saved
    save_error: ClientcheckError | None = None
    resumed: int = 0  # answers taken from an unfinished quiz


def client_name(raw: str, language: str) -> str:
    """A typed client name, cleaned; a clear error when nothing usable is left."""
    from clientcheck.saved.store import MAX_NAME_LENGTH, clean_name

    try:
        return clean_name(raw)
    except ValueError:
        raise UsageError(tr(language, "save.bad_name", max=MAX_NAME_LENGTH), tr(language, "save.bad_name_hint")) \
            from None


class _Progress:
    """Saves each answer of the running quiz; the first failure is kept and saving stops."""

    def __init__(self, store: object, client: str, environ: Mapping[str, str]) -> None:
        from clientcheck.saved.store import Store

        assert isinstance(store, Store)
        self.store = store
        self.client = client
        self.environ = environ
        self.error: ClientcheckError | None = None
        self.start: dict[str, AnswerValue] = {}
        self.resuming = False
        self.saved = 0

    def hooks(self, bank: Bank) -> QuizHooks:
        from clientcheck.bank.answer_values import InvalidAnswer, normalise_answer
        from clientcheck.clock import now_stamp

        start: dict[str, AnswerValue] = {}
        for question_id, value in self.start.items():  # the bank may have changed since
            question = bank.question(question_id)
            if question is None:
                continue
            try:
                start[question_id] = normalise_answer(question, value)
            except InvalidAnswer:
                continue
        self._guard(lambda: None if self.resuming else self.store.begin_progress(self.client))

        def on_answer(question_id: str, answer: AnswerValue) -> None:
            self.saved += 1
            self._guard(lambda: self.store.save_answer(self.client, bank.id, bank.version, question_id, answer,
                                                       now_stamp(self.environ)))

        def on_back(question_id: str) -> None:
            self._guard(lambda: self.store.drop_answer(self.client, question_id))

        return QuizHooks(start, on_answer, on_back)

    def _guard(self, action: Callable[[], None]) -> None:
        from clientcheck.saved.store import StoreError

        if self.error is not None:
            return
        try:
            action()
        except StoreError as error:
            self.error = error


def assess_and_save(env: Environment, language: str, bank_id: str | None, bank_file: Path | None,
                    source: AnswersSource, options: SaveOptions) -> Outcome:
    """Run ``assess`` and save the result under a client, unless told not to.

    The store (and sqlite3) is imported only when there is a client to save under, so a
    plain ``assess --answers F --json`` starts as fast as it can."""
    if options.resume and not source.interactive:
        raise UsageError(tr(language, "save.resume_needs_quiz"))
    if options.resume and not options.save:
        raise UsageError(tr(language, "save.resume_needs_client"))
    ask = source.interactive and env.stdin_isatty
    client: str | None = None
    if options.save and options.client is not None:
        client = client_name(options.client, language)
    elif options.save and ask:
        from clientcheck.ui.quiz import ask_client_name

        typed = ask_client_name(language)
        client = client_name(typed, language) if typed.strip() else None

    store: Store | None = None
    error: ClientcheckError | None = None
    if client is not None:
        from clientcheck.saved.store import Store, StoreError, database_path

        try:
            store = Store.open(database_path(env.environ))
        except StoreError as failure:
            error = failure
    try:
        progress = None
        if store is not None and ask:
            assert client is not None
            progress = _Progress(store, client, env.environ)
            bank_id = _resume(store, progress, client, language, bank_id, bank_file, options)
        try:
            assessment = run_assessment(env, language, bank_id, bank_file, source,
                                        hooks=progress.hooks if progress is not None else None)
        except Interrupted as stop:
            if progress is not None and progress.error is None and (progress.saved or progress.start):
                raise Interrupted(f"{stop.message} {tr(language, 'save.resume_later', client=client)}") from None
            raise
        if progress is not None and progress.error is not None:
            error = progress.error
        from clientcheck.clock import now_stamp

        timestamp = now_stamp(env.environ)
        saved_as = None
        if store is not None and client is not None:
            from clientcheck.saved.clients import record_from_assessment
            from clientcheck.ui.verdict import result_document

            record = record_from_assessment(assessment, result_document(assessment, language, timestamp), client)
            try:
                store.save_assessment(record)
                saved_as = store.client_name(client) or client
            except StoreError as failure:
                error = failure
        if error is not None:  # one line, after the printed result
            error = type(error)(tr(language, "save.not_saved", reason=error.message))
        return Outcome(assessment, timestamp, saved_as, error,
                       len(progress.start) if progress is not None and progress.resuming else 0)
    finally:
        if store is not None:
            store.close()


def _resume(store: object, progress: _Progress, client: str, language: str, bank_id: str | None,
            bank_file: Path | None, options: SaveOptions) -> str | None:
    """Offer the client's unfinished quiz (or take it, with --resume); returns the bank to use."""
    from clientcheck.saved.store import Store, StoreError

    assert isinstance(store, Store)
    try:
        unfinished = store.progress(client)
    except StoreError as failure:
        progress.error = failure
        return bank_id
    if unfinished is None or bank_file is not None or bank_id not in (None, unfinished.bank_id):
        return bank_id
    if not options.resume:
        from clientcheck.ui.clients import local_time
        from clientcheck.ui.quiz import ask_resume

        if not ask_resume(language, unfinished.client, unfinished.bank_id, len(unfinished.answers),
                          local_time(unfinished.updated, with_time=True)):
            return bank_id
    progress.start = dict(unfinished.answers)
    progress.resuming = True
    return unfinished.bank_id
