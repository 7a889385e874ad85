"""The command line: the Typer app, its two core commands, and which command groups a run loads.

Each command is an action under ``runner.command`` (environment, language and error boundary
are handled there) that imports what it needs when it starts. Typer turns every registered
command into a Click command on each run, so ``main`` registers only the group of commands that
the command line names (--help, no arguments, an unknown name and shell completion register
them all), and a group's module is imported by the function that registers it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Annotated

import typer

from clientcheck import __version__
from clientcheck.cli.options import BankFileOption, BankOption, JsonOption, LangOption, NoColorOption
from clientcheck.cli.runner import command
from clientcheck.env import Environment
from clientcheck.errors import ExitCode
from clientcheck.levels import Level

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clientcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """An honest self-assessment of a client relationship: keep, watch, renegotiate or let go, and why.

    Start with `clientcheck assess`. Exit codes: 0 ok, 1 verdict at or above --fail-on,
    2 bad input or usage, 130 interrupted.
    """
    ctx.obj = make_environment()  # every command of this run gets it (runner.command)


@app.command("assess")
@command
def assess(
    env: Environment,
    language: str,
    bank: BankOption = None,
    bank_file: BankFileOption = None,
    answers: Annotated[str | None, typer.Option(
        "--answers", "-a", help="Answers from a YAML or JSON file, or - for standard input. "
                                "Without it, the quiz asks on the terminal.", show_default=False)] = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    fail_on: Annotated[Level | None, typer.Option(
        "--fail-on", help="Exit 1 when the verdict is at or above this level.", show_default=False)] = None,
    client: Annotated[str | None, typer.Option(
        "--client", "-c", help="Save the result under this client (any name). Without it the quiz asks; "
                               "blank = don't save.", show_default=False)] = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save the result or the answers.")] = False,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Resume the client's unfinished quiz without asking.")] = False,
) -> int:
    """Answer a bank's questions about one client and get a verdict with advice."""
    from clientcheck.assessment.session import AnswersSource, SaveOptions
    from clientcheck.cli.assess_session import assess_and_save
    from clientcheck.documents import write_json
    from clientcheck.ui.result import result_document

    outcome = assess_and_save(env, language, bank, bank_file, AnswersSource(answers),
                              SaveOptions(client, not no_save, resume))
    assessment = outcome.assessment
    saved = {"client": outcome.client} if outcome.client else None
    if json_output:
        write_json(result_document(assessment, language, outcome.timestamp, saved), env.stdout)
    else:
        from clientcheck.ui.verdict import make_console, render_saved, render_verdict

        console = make_console(env.stdout, env.environ, no_color=no_color)
        render_verdict(assessment, language, console)
        if outcome.client:
            render_saved(outcome.client, language, console)
    if outcome.save_error is not None:  # the result is printed: now say why it was not saved
        raise outcome.save_error
    if fail_on is not None and assessment.verdict.level.rank >= fail_on.rank:
        return ExitCode.VERDICT_AT_OR_ABOVE
    return ExitCode.OK


@app.command("answers-template")
@command
def answers_template(
    env: Environment,
    language: str,
    bank: BankOption = None,
    bank_file: BankFileOption = None,
    lang: LangOption = None,
) -> int:
    """Print a fill-in answers file for a bank: every question id, its text and allowed answers."""
    from clientcheck.assessment.answers import answers_template as template
    from clientcheck.assessment.session import resolve_bank
    from clientcheck.i18n import labels

    chosen = resolve_bank(env, bank, bank_file)
    env.stdout.write(template(chosen, language, labels(
        language, "template_title", "template_how", "template_followup", "template_allowed")))
    return ExitCode.OK


# --- the command groups, registered when a run needs them ------------------------------------


def _banks_commands() -> None:
    from clientcheck.cli import banks

    banks.register(app)


def _clients_commands() -> None:
    from clientcheck.cli import clients

    clients.register(app)


def _exit_kit_commands() -> None:
    from clientcheck.cli import exit_plan

    exit_plan.register(app)


GROUPS: dict[str, Callable[[], None]] = {  # in the order --help lists their commands
    "clientcheck.cli.banks": _banks_commands,
    "clientcheck.cli.clients": _clients_commands,
    "clientcheck.cli.exit_plan": _exit_kit_commands,
}
COMMAND_MODULES = {  # each top-level command outside the core, and the group module that defines it
    "banks": "clientcheck.cli.banks",
    "schema": "clientcheck.cli.banks",
    "exit-plan": "clientcheck.cli.exit_plan",
    "letter": "clientcheck.cli.exit_plan",
    **{name: "clientcheck.cli.clients"
       for name in ("clients", "history", "portfolio", "report", "export", "import", "forget")},
}
CORE_COMMANDS = ("assess", "answers-template")
_registered: set[str] = set()


def load_commands(modules: Iterable[str] | None = None) -> typer.Typer:
    """Register the given command groups on ``app`` (all of them when None); each once."""
    wanted = set(GROUPS) if modules is None else set(modules)
    for module, register in GROUPS.items():
        if module in wanted and module not in _registered:
            register()
            _registered.add(module)
    return app


def modules_for(args: Sequence[str], environ: Mapping[str, str]) -> set[str] | None:
    """The command groups a command line needs; None means all of them."""
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
    load_commands(modules_for(sys.argv[1:], os.environ))
    app(prog_name="clientcheck")
