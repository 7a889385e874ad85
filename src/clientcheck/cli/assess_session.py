"""``assess``'s session wired to the terminal and the store: what to load is decided here.

The session (``assessment.session``) and saving (``assessment.saving``) take their prompts and
the result document as arguments. Two imports wait for the run to need them: the terminal
prompts (questionary) only when the quiz asks on a terminal, and saving (the store, sqlite3)
only when there is a client to save under, so ``assess --answers F --json`` loads neither.
"""

from __future__ import annotations

from pathlib import Path

from clientcheck.assessment.session import (
    AnswersSource,
    Outcome,
    Prompts,
    SaveOptions,
    asks_on_terminal,
    assess_unsaved,
    client_to_save,
)
from clientcheck.env import Environment
from clientcheck.ui.result import result_document


def assess_and_save(env: Environment, language: str, bank_id: str | None, bank_file: Path | None,
                    source: AnswersSource, options: SaveOptions, *, review: bool = True) -> Outcome:
    """Run ``assess``, asking on the terminal when there is one (with the answers to review
    before the verdict, unless ``review`` is off), and save the result under a client unless
    told not to."""
    prompts: Prompts | None = None
    if asks_on_terminal(env, source) and env.environ.get("TERM", "") == "dumb":  # plain lines: ui/plain_quiz.py
        from clientcheck.ui.plain_quiz import PlainPrompts
        from clientcheck.ui.quiz import terminal_stream

        prompts = PlainPrompts(language, env.stdin, terminal_stream(), review=review)
    elif asks_on_terminal(env, source):
        from clientcheck.ui.prompts import TerminalPrompts

        prompts = TerminalPrompts(language, review=review)
    client = client_to_save(env, language, source, options, prompts)
    if client is not None:
        from clientcheck.cli.names import settle_client

        client = settle_client(env, language, client, prompts, new_client=options.new_client)
    if client is None:
        return assess_unsaved(env, language, bank_id, bank_file, source, prompts)
    from clientcheck.assessment import saving

    return saving.assess_and_save(env, language, bank_id, bank_file, source, options, client, prompts,
                                  result_document)
