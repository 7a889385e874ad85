"""What every command shares: the world it runs in, its language, and the one error boundary.

A command is written as ``action(env, language, **options) -> exit code`` under ``@command``.
The decorator hands it the Environment that the app built for this run (``ctx.obj``) and the
language its ``--lang`` asks for, then runs it inside ``error_boundary``: the only place in
the CLI that catches an exception, and where each family of error gets its message and its
exit code.
"""

from __future__ import annotations

import functools
import inspect
import os
import signal
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any

import typer

from clientcheck.env import STOPPERS, Environment
from clientcheck.errors import ClientcheckError, ExitCode, Interrupted, ProblemsError, Stopped
from clientcheck.i18n import detect_language, tr, trn
from clientcheck.text import DEFAULT_LANGUAGE, Language
from clientcheck.ui.plain import write_error, write_problems


def command(action: Callable[..., int]) -> Callable[..., None]:
    """A Typer command made of ``action(env, language, **options)``, which returns an exit code.

    Typer sees the action's options (its parameters after ``env`` and ``language``, with their
    help and order) and a context; ``env`` and ``language`` are filled in here.
    """
    signature = inspect.signature(action, eval_str=True)
    _env, _language, *options = signature.parameters.values()
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)

    @functools.wraps(action)
    def run(ctx: typer.Context, **values: Any) -> None:
        env: Environment = ctx.obj
        language = command_language(env, values)
        raise typer.Exit(error_boundary(env, language, lambda: action(env, language, **values)))

    parameters = [context, *options]
    run.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=parameters, return_annotation=None)
    run.__annotations__ = {p.name: p.annotation for p in parameters}  # evaluated once, here
    return run


def command_language(env: Environment, options: Mapping[str, Any]) -> str:
    """``--lang``, else CLIENTCHECK_LANG, else the locale; English for a command without --lang
    (``schema``, whose output is not in any language)."""
    if "lang" not in options:
        return DEFAULT_LANGUAGE
    lang: Language | None = options["lang"]
    return lang.value if lang is not None else detect_language(env.environ)


@contextmanager
def signals_stop_the_run(language: str) -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Stopped`` where the run is, instead of killing it: the prompt's
    own clean-up gives the terminal back its echo and cursor, the answers saved so far stay saved,
    and the boundary prints one line and exits 143 or 129."""

    def stop(number: int, _frame: object) -> None:
        stopped = Stopped(tr(language, "run.stopped", signal=signal.Signals(number).name), ExitCode(128 + number))
        if not any(stopper(stopped) for stopper in STOPPERS):
            raise stopped

    previous: dict[signal.Signals, Any] = {}
    try:
        for number in (signal.SIGTERM, signal.SIGHUP):
            previous[number] = signal.signal(number, stop)
    except ValueError:  # not the main thread (an embedding program): its signals are its own
        pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def quiet_stdout(env: Environment) -> None:
    """After a broken pipe: what is still buffered for stdout goes nowhere, so the flush at exit
    stays quiet (no 'Exception ignored' and no second exit code)."""
    with suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), env.stdout.fileno())


def error_boundary(env: Environment, language: str, action: Callable[[], int]) -> int:
    """Run ``action``; every failure becomes a message on stderr and an exit code."""
    try:
        with signals_stop_the_run(language):
            code = action()
            env.stdout.flush()  # a reader gone away shows here, inside the boundary
    except Interrupted as error:
        with suppress(OSError):  # after SIGHUP the terminal may be gone
            env.stderr.write(f"\nclientcheck: {error.message}\n")
        code = error.exit_code
    except KeyboardInterrupt:  # Ctrl-C outside a prompt: prompts raise Interrupted with their own words
        env.stderr.write(f"\nclientcheck: {tr(language, 'run.interrupted')}\n")
        code = ExitCode.INTERRUPTED
    except ProblemsError as error:
        write_error(env.stderr, language, error.message)
        write_problems(env.stderr, error.problems, language)
        env.stderr.write(trn(language, "error.problems", len(error.problems)) + "\n")
        code = error.exit_code
    except ClientcheckError as error:
        write_error(env.stderr, language, error.message, error.hint)
        code = error.exit_code
    except BrokenPipeError:  # the reader went away (`| head -1`): not an error to report, but not done
        quiet_stdout(env)
        code = ExitCode.BROKEN_PIPE
    except Exception as error:
        if env.debug:
            raise
        write_error(env.stderr, language, tr(language, "error.internal", error=repr(error)))
        code = ExitCode.INTERNAL_ERROR
    with suppress(OSError):
        env.stderr.flush()
    return int(code)
