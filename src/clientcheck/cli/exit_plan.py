"""The exit kit's commands: ``exit-plan`` and ``letter`` (the data lives in ``exitkit``).

``cli.py`` imports this module on its last line; the decorators below register the commands
on its app. Only Typer and clientcheck's own light modules load here: Rich waits until the
plan is actually drawn.
"""

from __future__ import annotations

from typing import Annotated

import typer

from clientcheck.cli import app as cli
from clientcheck.cli.app import LangOption, app
from clientcheck.errors import ExitCode


@app.command("exit-plan")
def exit_plan(
    lang: LangOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")] = False,
    planned: Annotated[bool, typer.Option(
        "--planned", help="Start by replacing the income: for a client who is a big share of your revenue.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")] = False,
) -> None:
    """How to end a client relationship well: notice, telling them, handover, referral, thanks, open door."""
    env = cli.make_environment()
    language = cli._language(env, lang)

    def action() -> int:
        from clientcheck.assessment.exit_plan import exit_plan as make_plan
        from clientcheck.assessment.exit_plan import plan_document

        plan = make_plan(planned=planned)
        if json_output:
            from clientcheck.documents import Kind, envelope, write_json

            write_json(envelope(Kind.EXIT_PLAN, **plan_document(plan, language)), env.stdout)
        else:
            from clientcheck.i18n import tr
            from clientcheck.ui.verdict import make_console, render_exit_plan

            console = make_console(env.stdout, env.environ, no_color=no_color)
            render_exit_plan(plan, language, console, intro=tr(language, "exit.intro"))
        return ExitCode.OK

    cli._run(env, language, action)


@app.command("letter")
def letter(
    lang: LangOption = None,
    client: Annotated[str | None, typer.Option(
        "--client", metavar="NAME", help="The client's name. Default: a placeholder to fill in.",
        show_default=False)] = None,
    notice: Annotated[str | None, typer.Option(
        "--notice", metavar="TEXT", help="The notice period, e.g. \"two months\" / \"due mesi\".",
        show_default=False)] = None,
    handover: Annotated[str | None, typer.Option(
        "--handover", metavar="TEXT", help="The handover date, e.g. \"30 June\" / \"30 giugno\".",
        show_default=False)] = None,
) -> None:
    """Print a short, polite termination letter draft (Markdown) with placeholders to fill in."""
    env = cli.make_environment()
    language = cli._language(env, lang)

    def action() -> int:
        from clientcheck.assessment.exit_plan import letter as draft

        env.stdout.write(draft(language, client=client, notice=notice, handover=handover))
        env.stdout.flush()
        return ExitCode.OK

    cli._run(env, language, action)
