"""The exit kit's commands: ``exit-plan`` and ``letter`` (the plan and the letter are built in
``assessment.exit_plan``). Rich is imported only when the plan is drawn."""

from __future__ import annotations

from typing import Annotated

import typer

from clientcheck.assessment.letter import LetterFormat, Recipient
from clientcheck.cli.options import JsonOption, LangOption, NoColorOption, examples
from clientcheck.cli.runner import command
from clientcheck.env import Environment
from clientcheck.errors import ExitCode


@command
def exit_plan(
    env: Environment,
    language: str,
    lang: LangOption = None,
    json_output: JsonOption = False,
    planned: Annotated[bool, typer.Option(
        "--planned", help="Start by replacing the income: for a client who is a big share of your revenue.")] = False,
    no_color: NoColorOption = False,
) -> int:
    """How to end a client relationship well: notice, telling them, handover, referral, thanks, open door."""
    from clientcheck.assessment.exit_plan import exit_plan as make_plan
    from clientcheck.assessment.exit_plan import plan_document
    from clientcheck.documents import Kind, envelope, write_json
    from clientcheck.i18n import tr

    plan = make_plan(planned=planned)
    if json_output:
        write_json(envelope(Kind.EXIT_PLAN, **plan_document(plan, language)), env.stdout)
    else:
        from clientcheck.ui.verdict import make_console, render_exit_plan

        console = make_console(env.stdout, env.environ, no_color=no_color)
        render_exit_plan(plan, language, console, intro=tr(language, "exit.intro"))
    return ExitCode.OK


@command
def letter(
    env: Environment,
    language: str,
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
    sender: Annotated[str | None, typer.Option(
        "--sender", metavar="NAME", help="Your name, to sign with.", show_default=False)] = None,
    to: Annotated[Recipient | None, typer.Option(
        "--to", help="Write to a company (Spett.le ... Vi) or a person (Gentile ... Lei). "
                     "Default: a company when the name has a legal form (srl, S.p.A., Ltd, & ...).",
        show_default=False)] = None,
    letter_format: Annotated[LetterFormat, typer.Option(
        "--format", "-f", help="text: to paste into an email; markdown: values escaped for Markdown.")]
    = LetterFormat.TEXT,
    json_output: JsonOption = False,
    no_color: NoColorOption = False,
) -> int:
    """Print a short, polite termination letter draft with a subject line; what you leave out stays
    a \\[placeholder], listed on stderr."""
    from clientcheck.assessment.letter import letter as draft
    from clientcheck.i18n import tr

    written = draft(language, client=client, notice=notice, handover=handover, sender=sender,
                    recipient=to, letter_format=letter_format)
    if json_output:
        from clientcheck.documents import Kind, envelope, write_json

        write_json(envelope(Kind.LETTER, language=written.language, format=written.format.value,
                            recipient=written.recipient.value, subject=written.subject, body=written.body,
                            unfilled=list(written.unfilled)), env.stdout)
        return ExitCode.OK
    text = written.text()
    if env.stdout_isatty:  # a pipe or a file keeps one line per paragraph, to copy cleanly
        from clientcheck.ui import terminal_width
        from clientcheck.ui.letter_screen import wrapped

        text = wrapped(text, terminal_width(env.stdout, env.environ, isatty=True))
    env.stdout.write(text)
    env.stdout.flush()
    if written.unfilled:
        env.stderr.write(f"clientcheck: {tr(language, 'letter.unfilled', placeholders=', '.join(written.unfilled))}\n")
        env.stderr.flush()
    return ExitCode.OK


def register(app: typer.Typer) -> None:
    """Put this module's commands on ``app``."""
    app.command("exit-plan", epilog=examples("exit-plan --lang it", "exit-plan --planned --json"))(exit_plan)
    app.command("letter", epilog=examples(
        "letter --lang it --client \"Rossi & Figli srl\" --notice \"due mesi\"",
        "letter --client \"Acme Ltd\" --format markdown > letter.md"))(letter)
