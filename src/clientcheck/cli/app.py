"""The command line: parses options, wires them to ``commands``, renders, maps errors to exits.

Imports stay lazy so ``--help``, ``--version`` and non-interactive runs start fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from clientcheck import __version__
from clientcheck.bank.model import Level
from clientcheck.env import Environment
from clientcheck.errors import ClientcheckError, ExitCode, Interrupted, ProblemsError
from clientcheck.text import Language

app = typer.Typer(
    name="clientcheck",
    help="An honest self-assessment of a client relationship: keep, watch, renegotiate or let go, and why.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def make_environment() -> Environment:
    """The real world; tests replace this function to hand commands their own streams."""
    return Environment.from_system()


def _language(env: Environment, lang: Language | None) -> str:
    from clientcheck.i18n import detect_language

    return lang.value if lang is not None else detect_language(env.environ)


def _run(env: Environment, language: str, action: Callable[[], int]) -> NoReturn:
    """The one error boundary: every failure becomes a message on stderr and an exit code.
    Its imports wait for an error: a command that succeeds never loads render (nor yaml)."""
    try:
        code = action()
    except Interrupted as error:
        env.stderr.write(f"\nclientcheck: {error.message}\n")
        code = error.exit_code
    except KeyboardInterrupt:
        from clientcheck.i18n import tr

        env.stderr.write(f"\nclientcheck: {tr(language, 'quiz.interrupted')}\n")
        code = ExitCode.INTERRUPTED
    except ProblemsError as error:
        from clientcheck.i18n import tr
        from clientcheck.ui.plain import write_error, write_problems

        write_error(env.stderr, language, error.message)
        write_problems(env.stderr, error.problems)
        env.stderr.write(tr(language, "error.problems", count=len(error.problems)) + "\n")
        code = error.exit_code
    except ClientcheckError as error:
        from clientcheck.ui.plain import write_error

        write_error(env.stderr, language, error.message, error.hint)
        code = error.exit_code
    except BrokenPipeError:
        code = ExitCode.OK  # the reader went away (e.g. `| head`): not our error
    except Exception as error:
        if env.debug:
            raise
        from clientcheck.i18n import tr
        from clientcheck.ui.plain import write_error

        write_error(env.stderr, language, tr(language, "error.internal", error=repr(error)))
        code = ExitCode.INTERNAL_ERROR
    env.stderr.flush()
    raise typer.Exit(int(code))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clientcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """An honest self-assessment of a client relationship: keep, watch, renegotiate or let go, and why.

    Start with `clientcheck assess`. Exit codes: 0 ok, 1 verdict at or above --fail-on,
    2 bad input or usage, 130 interrupted.
    """


BankOption = Annotated[str | None, typer.Option("--bank", "-b", help="Id of the question bank to use.",
                                                show_default=False)]
BankFileOption = Annotated[Path | None, typer.Option("--bank-file", help="Path of a bank file to use instead.",
                                                     show_default=False, dir_okay=False)]
LangOption = Annotated[Language | None, typer.Option(
    "--lang", help="Language: it or en. Default: CLIENTCHECK_LANG, then the locale, then en.",
    show_default=False)]


@app.command()
def assess(
    bank: BankOption = None,
    bank_file: BankFileOption = None,
    answers: Annotated[str | None, typer.Option(
        "--answers", "-a", help="Answers from a YAML or JSON file, or - for standard input. "
                                "Without it, the quiz asks on the terminal.", show_default=False)] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")] = False,
    lang: LangOption = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")] = False,
    fail_on: Annotated[Level | None, typer.Option(
        "--fail-on", help="Exit 1 when the verdict is at or above this level.", show_default=False)] = None,
    client: Annotated[str | None, typer.Option(
        "--client", "-c", help="Save the result under this client (any name). Without it the quiz asks; "
                               "blank = don't save.", show_default=False)] = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save the result or the answers.")] = False,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Resume the client's unfinished quiz without asking.")] = False,
) -> None:
    """Answer a bank's questions about one client and get a verdict with advice."""
    env = make_environment()
    language = _language(env, lang)

    def action() -> int:
        from clientcheck.assessment.session import AnswersSource, SaveOptions
        from clientcheck.cli.assess_session import assess_and_save
        from clientcheck.documents import write_json
        from clientcheck.ui.verdict import result_document

        outcome = assess_and_save(env, language, bank, bank_file, AnswersSource(answers),
                                  SaveOptions(client, not no_save, resume))
        assessment = outcome.assessment
        saved = {"client": outcome.client} if outcome.client else None
        if json_output:
            write_json(result_document(assessment, language, outcome.timestamp, saved), env.stdout)
        else:
            from clientcheck.ui.verdict import make_console, render_verdict

            console = make_console(env.stdout, env.environ, no_color=no_color)
            render_verdict(assessment, language, console)
            if outcome.client:
                from rich.text import Text

                from clientcheck.i18n import tr

                console.print(Text(tr(language, "save.saved", client=outcome.client), style="dim"))
        if outcome.save_error is not None:  # the result is printed: now say why it was not saved
            raise outcome.save_error
        if fail_on is not None and assessment.verdict.level.rank >= fail_on.rank:
            return ExitCode.VERDICT_AT_OR_ABOVE
        return ExitCode.OK

    _run(env, language, action)


@app.command("answers-template")
def answers_template(
    bank: BankOption = None,
    bank_file: BankFileOption = None,
    lang: LangOption = None,
) -> None:
    """Print a fill-in answers file for a bank: every question id, its text and allowed answers."""
    env = make_environment()
    language = _language(env, lang)

    def action() -> int:
        from clientcheck.assessment.answers import answers_template as template
        from clientcheck.assessment.session import resolve_bank
        from clientcheck.i18n import labels

        chosen = resolve_bank(env, bank, bank_file)
        env.stdout.write(template(chosen, language, labels(
            language, "template_title", "template_how", "template_followup", "template_allowed")))
        return ExitCode.OK

    _run(env, language, action)


# --- sub-commands live in their own modules ---------------------------------------------
# Importing one registers its commands on ``app``. Typer turns every registered command into a
# Click command on each run (about 2 ms apiece), so ``main`` loads only the module that the
# command line names; --help, no arguments, an unknown name and shell completion load them all.
COMMAND_MODULES = {
    "banks": "clientcheck.cli.banks",
    "schema": "clientcheck.cli.banks",
    "exit-plan": "clientcheck.cli.exit_plan",
    "letter": "clientcheck.cli.exit_plan",
    **{name: "clientcheck.cli.clients"
       for name in ("clients", "history", "portfolio", "report", "export", "import", "forget")},
}
CORE_COMMANDS = ("assess", "answers-template")


def load_commands(modules: Iterable[str] | None = None) -> typer.Typer:
    """Register the given sub-command modules on ``app`` (all of them when None)."""
    import importlib

    for module in sorted(set(COMMAND_MODULES.values()) if modules is None else set(modules)):
        importlib.import_module(module)  # a module registers its commands when first imported
    return app


def modules_for(args: Sequence[str], environ: Mapping[str, str]) -> set[str] | None:
    """The sub-command modules a command line needs; None means all of them."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in environ):
        return None  # shell completion lists every command
    name = next((arg for arg in args if not arg.startswith("-")), None)
    if name is None:
        return None if not args or "--help" in args or "-h" in args else set()
    if name in CORE_COMMANDS:
        return set()
    return {COMMAND_MODULES[name]} if name in COMMAND_MODULES else None


def main() -> None:
    """Console-script entry point."""
    import os
    import sys

    load_commands(modules_for(sys.argv[1:], os.environ))
    app(prog_name="clientcheck")
