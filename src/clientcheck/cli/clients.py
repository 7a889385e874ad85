"""Commands over saved assessments: clients, history, portfolio, report, export, import, forget.

Only Typer and clientcheck's light modules load with this module (``--help`` loads it):
sqlite3 and the rest wait until a command runs, and the list screens never load Rich, so they
start about as fast as ``--version``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from clientcheck.cli.names import CLIENT_NAME
from clientcheck.cli.options import FullOption, JsonOption, LangOption, NoColorOption, examples
from clientcheck.cli.runner import command
from clientcheck.env import Environment
from clientcheck.errors import ExitCode, UsageError
from clientcheck.i18n import tr, trn

if TYPE_CHECKING:
    from clientcheck.saved.store import Store
    from clientcheck.ui.clients import Screen

ClientArgument = Annotated[str, typer.Argument(help="The client's name, as saved (case does not matter).",
                                               show_default=False, click_type=CLIENT_NAME)]


class ReportFormat(StrEnum):
    markdown = "markdown"
    html = "html"


FormatOption = Annotated[ReportFormat | None, typer.Option(
    "--format", "-f", show_default=False,
    help="markdown or html, for a file or a pipe (on a terminal, without it: the report on screen).")]


def _refuse_html_on_a_terminal(env: Environment, report_format: ReportFormat | None, command: str,
                               language: str) -> None:
    """HTML is for a browser: on a terminal it would be a wall of tags, so say how to keep it."""
    if report_format is ReportFormat.html and env.stdout_isatty:
        raise UsageError(tr(language, "report.html_terminal"),
                         tr(language, "report.html_terminal_hint", command=command, file="report.html"))


def _screen(env: Environment, no_color: bool) -> Screen:
    from clientcheck.ui.clients import Screen

    return Screen.for_stream(env.stdout, env.environ, isatty=env.stdout_isatty, no_color=no_color)


@contextmanager
def _opened(env: Environment, *, writing: bool = False) -> Iterator[Store | None]:
    """The saved database, or None when nothing was ever saved (reading never creates it, nor
    changes it); closed when the block ends, however it ends."""
    from clientcheck.saved.store import Store, database_path

    store = Store.open_existing(database_path(env.environ), writing=writing)
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def _client(store: Store | None, name: str, language: str) -> str:
    """The saved spelling of ``name``; a clear error (with a suggestion) when there is none."""
    saved = store.client_name(name) if store is not None else None
    if saved is not None:
        return saved
    from clientcheck.cli.names import did_you_mean
    from clientcheck.saved.store import ClientNotFound
    from clientcheck.suggest import nearest

    names = store.client_names() if store is not None else []
    hint = (did_you_mean(language, nearest(name, names)) or tr(language, "client.not_found_hint")) if names else ""
    raise ClientNotFound(tr(language, "client.not_found", client=name), hint or tr(language, "client.none_saved"))


@command
def clients_command(env: Environment, language: str, lang: LangOption = None, json_output: JsonOption = False,
                    no_color: NoColorOption = False) -> int:
    """Every saved client with its last verdict, risk, date and number of assessments."""
    from clientcheck.documents import write_json
    from clientcheck.ui.clients import clients_document, write_clients

    with _opened(env) as store:
        rows = [] if store is None else store.clients()
    if json_output:
        write_json(clients_document(rows), env.stdout)
    else:
        write_clients(rows, language, _screen(env, no_color))
    return ExitCode.OK


@command
def history_command(
    env: Environment, language: str, client: ClientArgument, lang: LangOption = None,
    json_output: JsonOption = False, no_color: NoColorOption = False, full: FullOption = False,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", min=1, show_default=False, metavar="N",
        help="List only the N latest assessments (default 10, all with --full; the chart shows them all).")] = None,
) -> int:
    """A client's assessments over time: a chart of risk over real time, each verdict, and which
    signals came and went (the first three of each; --full for every one)."""
    from clientcheck.documents import write_json
    from clientcheck.saved.clients import history
    from clientcheck.ui.client_screens import HISTORY_ROWS, write_history
    from clientcheck.ui.clients import history_document

    with _opened(env) as store:
        name = _client(store, client, language)
        assert store is not None
        found = history(name, store.history(name))
    if json_output:
        write_json(history_document(found, language), env.stdout)
    else:
        rows = limit if limit is not None else None if full else HISTORY_ROWS
        write_history(found, language, _screen(env, no_color), rows, full=full)
    return ExitCode.OK


@command
def portfolio_command(
    env: Environment, language: str,
    lang: LangOption = None, json_output: JsonOption = False, no_color: NoColorOption = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, show_default=False, metavar="N",
                                              help="Show only the N riskiest clients.")] = None,
    report_format: FormatOption = None,
) -> int:
    """All clients' latest results, riskiest first: whales, revenue concentration, what to act on
    first, and a chart of share of revenue against risk. --format markdown or html to share it."""
    from clientcheck.clock import now_stamp
    from clientcheck.documents import write_json
    from clientcheck.saved.clients import portfolio
    from clientcheck.ui.client_screens import write_portfolio
    from clientcheck.ui.clients import portfolio_document

    _refuse_html_on_a_terminal(env, report_format, "portfolio", language)
    with _opened(env) as store:
        rows = [] if store is None else store.clients()
    result = portfolio(rows)
    if json_output:
        write_json(portfolio_document(result), env.stdout)
    elif report_format is ReportFormat.html:
        from clientcheck.ui.report_html import portfolio_html

        env.stdout.write(portfolio_html(result, language, now_stamp(env.environ)))
    elif report_format is ReportFormat.markdown:
        from clientcheck.ui.reports import portfolio_markdown

        env.stdout.write(portfolio_markdown(result, language, now_stamp(env.environ)))
    else:
        write_portfolio(result, language, _screen(env, no_color), limit)
    return ExitCode.OK


@command
def report_command(
    env: Environment, language: str,
    client: ClientArgument, lang: LangOption = None, json_output: JsonOption = False,
    no_color: NoColorOption = False, report_format: FormatOption = None,
) -> int:
    """A report to share: the latest assessment in full (the answers given, their advice, why the
    verdict) and the trend over real time. On a terminal it is drawn on screen; with --format,
    Markdown (GitHub, Obsidian) or one self-contained HTML page, to redirect to a file."""
    import json

    from clientcheck.assessment.saving import saved_result_in
    from clientcheck.bank.catalog import find_bank
    from clientcheck.clock import now_stamp
    from clientcheck.documents import write_json
    from clientcheck.errors import ClientcheckError
    from clientcheck.saved.clients import history
    from clientcheck.ui.clients import report_document
    from clientcheck.ui.pager import show
    from clientcheck.ui.report_html import report_html
    from clientcheck.ui.report_screen import render_report
    from clientcheck.ui.reports import build_report, report_markdown
    from clientcheck.ui.result import result_document

    _refuse_html_on_a_terminal(env, report_format, f'report "{client}"', language)
    with _opened(env) as store:
        name = _client(store, client, language)
        assert store is not None
        found = history(name, store.history(name, documents=True))
    latest = saved_result_in(json.loads(found.latest.record.document), language, env.environ, result_document)
    if json_output:
        write_json(report_document(found, latest, language), env.stdout)
        return ExitCode.OK
    try:  # the bank names the options chosen; a report without it shows the saved values
        bank = find_bank(found.latest.record.bank_id, env.environ)
    except ClientcheckError:
        bank = None
    report = build_report(found, latest, language, now_stamp(env.environ), bank)
    if report_format is ReportFormat.html:
        env.stdout.write(report_html(report))
    elif report_format is ReportFormat.markdown or not env.stdout_isatty:
        env.stdout.write(report_markdown(report))
    else:
        show(lambda console: render_report(report, console), env, no_color=no_color)  # paged when taller
    return ExitCode.OK


@command
def export_command(env: Environment, language: str, json_output: JsonOption = False,
                   lang: LangOption = None, no_color: NoColorOption = False) -> int:
    """Everything saved, as one JSON document on stdout (to back up or move to another machine)."""
    from clientcheck.clock import now_stamp
    from clientcheck.saved.clients import export_text
    from clientcheck.saved.store import StoreCorrupt
    from clientcheck.text import json_safe_utf8

    left_out: list[str] = []
    binary = getattr(env.stdout, "buffer", None)  # gigabytes of UTF-8 written as they are, not decoded first
    with _opened(env) as store:
        entries = store.export_entries(left_out) if store is not None else ()
        # what an import put in the documents stays inert
        chunks = (json_safe_utf8(text) for text in export_text(entries, now_stamp(env.environ), left_out))
        if binary is not None:
            _write_behind(binary, chunks)
        else:
            for chunk in chunks:
                env.stdout.write(chunk.decode())
    env.stdout.flush()
    if left_out:  # the document written is valid JSON, without these
        from clientcheck.i18n.patterns import problem_message

        raise StoreCorrupt(tr(language, "export.left_out", count=len(left_out)),
                           "\n".join(problem_message(line, language) for line in left_out[:8]))
    return ExitCode.OK


def _write_behind(stream: BinaryIO, chunks: Iterator[bytes]) -> None:
    """Write ``chunks`` from a second thread while this one makes the next: copying gigabytes
    into a file is a third of an export's time, and the write lets go of the GIL."""
    from queue import Queue
    from threading import Thread

    queue: Queue[bytes | None] = Queue(maxsize=4)  # a few chunks of a few MB: memory stays bounded
    failed: list[BaseException] = []

    def write() -> None:
        while (chunk := queue.get()) is not None:
            try:
                if not failed:
                    stream.write(chunk)
            except BaseException as error:  # raised again in the main thread (a broken pipe)
                failed.append(error)

    writer = Thread(target=write, name="export-writer", daemon=True)
    writer.start()
    try:
        for chunk in chunks:
            if failed:
                break
            queue.put(chunk)
    finally:
        queue.put(None)
        writer.join()
    if failed:
        raise failed[0]
    stream.flush()


@command
def import_command(
    env: Environment, language: str,
    file: Annotated[str, typer.Argument(help="A file written by 'clientcheck export', or - for standard input.",
                                        show_default=False)],
    lang: LangOption = None, json_output: JsonOption = False, no_color: NoColorOption = False,
) -> int:
    """Merge an export into the saved clients; what is already here is not duplicated.
    A file with any problem is rejected whole, and nothing changes."""
    from contextlib import nullcontext
    from itertools import chain

    from clientcheck.documents import write_json
    from clientcheck.reading import STDIN_NAME, BoundedStream, open_input, stdin_source
    from clientcheck.saved.clients import IMPORT_CAP, read_export
    from clientcheck.saved.fastcheck import checked
    from clientcheck.saved.store import Store, StoreError, database_path
    from clientcheck.ui.clients import import_document

    name = STDIN_NAME if file == "-" else file
    hint = tr(language, "import.too_large_hint")
    if file == "-" and env.stdin_isatty:
        env.stderr.write(tr(language, "stdin.export") + "\n")  # not a silent wait
        env.stderr.flush()
    with (nullcontext(BoundedStream(stdin_source(env.stdin), name, IMPORT_CAP, hint)) if file == "-"
          else open_input(Path(file), name, IMPORT_CAP, hint)) as source:
        opened: list[Store] = []  # what is saved already is recognised once the store is open
        records = read_export(source, name, language, lambda uid: opened[0].saved_entry(uid) if opened else None,
                              checked)
        first = next(records, None)  # a file wrong from its start is refused before the store is opened
        try:
            store = Store.open(database_path(env.environ))
        except StoreError:
            for _ in records:  # a problem further on in the file is what to report
                pass
            raise
        with store:
            if store.holds_assessments():  # else none is looked up (one saved meanwhile is still never duplicated)
                opened.append(store)
            counts = store.add_records(records if first is None else chain([first], records))
    if json_output:
        write_json(import_document(name, counts), env.stdout)
    else:
        env.stdout.write(tr(language, "import.done",
                            assessments=trn(language, "import.assessments", counts.assessments_added),
                            clients=trn(language, "import.new_clients", counts.clients_added),
                            present=trn(language, "import.present", counts.assessments_present)) + "\n")
    return ExitCode.OK


@command
def forget_command(
    env: Environment, language: str,
    client: ClientArgument, lang: LangOption = None, json_output: JsonOption = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (for scripts).")] = False,
    no_color: NoColorOption = False,
) -> int:
    """Delete every trace of a client: all assessments and any unfinished quiz. Asks first."""
    from clientcheck.documents import write_json
    from clientcheck.ui.clients import forget_document

    with _opened(env, writing=True) as store:
        name = _forgettable(store, client, language)
        assert store is not None
        count = len(store.history(name))
        if not yes:
            if not env.stdin_isatty:
                raise UsageError(tr(language, "forget.needs_yes"), tr(language, "forget.needs_yes_hint",
                                                                      client=name))
            from clientcheck.ui.plain import ask_line

            reply = ask_line(env.stdin, env.stderr, trn(language, "forget.confirm", count, client=name) + " ",
                             tr(language, "forget.interrupted")).strip().casefold()
            if reply not in ("y", "yes", "s", "si", "sì"):
                env.stderr.write(tr(language, "forget.cancelled") + "\n")
                return ExitCode.OK
        deleted = store.forget(name)
    if json_output:
        write_json(forget_document(name, deleted), env.stdout)
    else:
        env.stdout.write(trn(language, "forget.done", deleted, client=name) + "\n")
    return ExitCode.OK


def _forgettable(store: Store | None, name: str, language: str) -> str:
    """A saved client, or one with only an unfinished quiz (that is a trace too)."""
    if store is not None and store.client_name(name) is None:
        unfinished = store.progress(name)
        if unfinished is not None:
            return unfinished.client
    return _client(store, name, language)


def register(app: typer.Typer) -> None:
    """Put this module's commands on ``app``."""
    app.command("clients", epilog=examples("clients", "clients --json"))(clients_command)
    app.command("history", epilog=examples("history \"Acme srl\"", "history acme --json"))(history_command)
    app.command("portfolio", epilog=examples("portfolio --limit 10", "portfolio --json"))(portfolio_command)
    app.command("report", epilog=examples("report \"Acme srl\" --lang it > acme.md"))(report_command)
    app.command("export", epilog=examples("export > backup.json"))(export_command)
    app.command("import", epilog=examples("import backup.json", "import - < backup.json"))(import_command)
    app.command("forget", epilog=examples("forget \"Acme srl\"", "forget acme --yes --json"))(forget_command)
