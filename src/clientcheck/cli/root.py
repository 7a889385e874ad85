"""The Typer app: its root options (--version, --help) and its two core commands.

Each command is an action under ``runner.command`` (environment, language and error boundary
are handled there) that imports what it needs when it starts. ``cli/app.py`` imports this module
once it knows a run needs Typer, and registers on ``app`` the command groups that the run names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clientcheck.cli import app as entry_point
from clientcheck.cli.names import CLIENT_NAME
from clientcheck.cli.options import (
    BankFileOption,
    BankOption,
    CommandLineGroup,
    FullOption,
    JsonOption,
    LangOption,
    NoColorOption,
    examples,
)
from clientcheck.cli.runner import command
from clientcheck.env import Environment
from clientcheck.errors import ExitCode
from clientcheck.levels import Level

EXIT_CODE_MEANINGS = {  # what root --help says of each exit code (a new code shows its name until added here)
    ExitCode.OK: "done",
    ExitCode.VERDICT_AT_OR_ABOVE: "the verdict reached --fail-on",
    ExitCode.BAD_INPUT: "bad input or usage",
    ExitCode.INTERNAL_ERROR: "a bug in clientcheck",
    ExitCode.HANGUP: "the terminal went away (SIGHUP)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C, Ctrl-D)",
    ExitCode.BROKEN_PIPE: "the reader of the output went away (| head)",
    ExitCode.TERMINATED: "stopped by SIGTERM",
}


def _root_epilog() -> str:
    codes = ", ".join(f"{int(code)} {EXIT_CODE_MEANINGS.get(code, code.name.lower().replace('_', ' '))}"
                      for code in ExitCode)
    return (f"Exit codes: {codes}.\n\n"
            "--lang, --json and --no-color go before or after a command's name; each command's --help "
            "ends with examples.\n\n"
            "Docs: 'clientcheck where' prints the folder of the documentation installed with clientcheck "
            "(and where your data and banks are).\n\n"
            + examples("assess", "--lang it clients"))


app = typer.Typer(
    name="clientcheck",
    cls=CommandLineGroup,
    help="An honest self-assessment of a client relationship: keep, watch, renegotiate or let go, and why.",
    epilog=_root_epilog(),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(entry_point.VERSION)
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
    ctx.obj = entry_point.make_environment()  # every command of this run gets it (runner.command)


@app.command("assess", epilog=examples(
    "assess --bank starter --client \"Acme srl\"",
    "assess --bank checkup --answers answers.yaml --json --fail-on let_go"))
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
    full: FullOption = False,
    fail_on: Annotated[Level | None, typer.Option(
        "--fail-on", help="Exit 1 when the verdict is at or above this level.", show_default=False)] = None,
    client: Annotated[str | None, typer.Option(
        "--client", "-c", help="Save the result under this client (any name). Without it the quiz asks; "
                               "blank = don't save.", show_default=False, click_type=CLIENT_NAME)] = None,
    new_client: Annotated[bool, typer.Option(
        "--new-client", help="A new client, even if the name is like a saved one (no 'did you mean').")] = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not save the result or the answers.")] = False,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Resume the client's unfinished quiz without asking.")] = False,
    no_review: Annotated[bool, typer.Option(
        "--no-review", help="Go straight to the verdict after the last question, without the list of "
                            "answers to check and change.")] = False,
) -> int:
    """Answer a bank's questions about one client and get a verdict with advice."""
    from clientcheck.assessment.session import AnswersSource, SaveOptions
    from clientcheck.cli.assess_session import assess_and_save
    from clientcheck.documents import write_json
    from clientcheck.ui.result import result_document

    if answers == "-" and env.stdin_isatty:
        from clientcheck.i18n import tr

        env.stderr.write(tr(language, "stdin.answers") + "\n")  # not a silent wait
        env.stderr.flush()
    outcome = assess_and_save(env, language, bank, bank_file, AnswersSource(answers),
                              SaveOptions(client, not no_save, resume, new_client), review=not no_review)
    assessment = outcome.assessment
    saved = {"client": outcome.client} if outcome.client else None
    if json_output:
        write_json(result_document(assessment, language, outcome.timestamp, saved), env.stdout)
    else:
        from clientcheck.ui.pager import show
        from clientcheck.ui.verdict import render_verdict

        show(lambda console: render_verdict(assessment, language, console, full=full, saved_as=outcome.client),
             env, no_color=no_color)
    if outcome.save_error is not None:  # the result is printed: now say why it was not saved
        raise outcome.save_error
    if fail_on is not None and assessment.verdict.level.rank >= fail_on.rank:
        return ExitCode.VERDICT_AT_OR_ABOVE
    return ExitCode.OK


@app.command("answers-template", epilog=examples(
    "answers-template --bank checkup --lang it > answers.yaml",
    "assess --bank checkup --answers answers.yaml"))
@command
def answers_template(
    env: Environment,
    language: str,
    bank: BankOption = None,
    bank_file: BankFileOption = None,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> int:
    """Print a fill-in answers file for a bank: every question id, its text and allowed answers."""
    from clientcheck.assessment.answers import answers_template as template
    from clientcheck.assessment.session import resolve_bank
    from clientcheck.i18n import labels

    chosen = resolve_bank(env, bank, bank_file)
    env.stdout.write(template(chosen, language, labels(
        language, "template_title", "template_how", "template_followup", "template_allowed", "template_lang")))
    return ExitCode.OK


def documentation() -> Path:
    """The README installed with clientcheck (the wheel carries it and docs/ in ``clientcheck/help``),
    or the source tree's in an editable install; its links to docs/ work from where it is."""
    packaged = Path(__file__).resolve().parents[1] / "help" / "README.md"
    return packaged if packaged.is_file() else Path(__file__).resolve().parents[3] / "README.md"


@app.command("where", epilog=examples("where", "where --json"))
@command
def where(env: Environment, language: str, json_output: JsonOption = False, lang: LangOption = None,
          no_color: NoColorOption = False) -> int:
    """Where clientcheck keeps your data (the database of saved clients), your own banks and its docs."""
    from clientcheck.bank.catalog import user_folder
    from clientcheck.documents import Kind, envelope, write_json
    from clientcheck.i18n import tr
    from clientcheck.saved.store import database_path

    database, banks, docs = database_path(env.environ), user_folder(env.environ), documentation()
    if json_output:
        write_json(envelope(Kind.WHERE, database=str(database), database_exists=database.is_file(),
                            banks=str(banks), docs=str(docs)), env.stdout)
        return ExitCode.OK
    rows = [(tr(language, "where.database"), str(database) if database.is_file()
             else tr(language, "where.not_yet", path=database)),
            (tr(language, "where.banks"), str(banks)), (tr(language, "where.docs"), str(docs))]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        env.stdout.write(f"{label.ljust(width)}  {value}\n")
    env.stdout.write(tr(language, "where.remove") + "\n")
    return ExitCode.OK
