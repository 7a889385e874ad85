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
from collections.abc import Callable, Mapping
from typing import Any

import typer

from clientcheck.env import Environment
from clientcheck.errors import ClientcheckError, ExitCode, Interrupted, ProblemsError
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


def error_boundary(env: Environment, language: str, action: Callable[[], int]) -> int:
    """Run ``action``; every failure becomes a message on stderr and an exit code."""
    try:
        code = action()
    except Interrupted as error:
        env.stderr.write(f"\nclientcheck: {error.message}\n")
        code = error.exit_code
    except KeyboardInterrupt:
        env.stderr.write(f"\nclientcheck: {tr(language, 'quiz.interrupted')}\n")
        code = ExitCode.INTERRUPTED
    except ProblemsError as error:
        write_error(env.stderr, language, error.message)
        write_problems(env.stderr, error.problems, language)
        env.stderr.write(trn(language, "error.problems", len(error.problems)) + "\n")
        code = error.exit_code
    except ClientcheckError as error:
        write_error(env.stderr, language, error.message, error.hint)
        code = error.exit_code
    except BrokenPipeError:
        code = ExitCode.OK  # the reader went away (e.g. `| head`): not our error
    except Exception as error:
        if env.debug:
            raise
        write_error(env.stderr, language, tr(language, "error.internal", error=repr(error)))
        code = ExitCode.INTERNAL_ERROR
    env.stderr.flush()
    return int(code)
