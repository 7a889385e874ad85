"""The entry point: ``main`` answers --version, then loads the command groups a run needs.

Importing Typer is most of a run's start-up, so this module does not: ``main`` prints the
version before Typer is imported, and everything else goes to the Typer app (``cli/root.py``).
Typer turns every registered command into a Click command on each run, so ``main`` registers
only the group of commands that the command line names (--help, no arguments, an unknown name
and shell completion register them all), and a group's module is imported by the function that
registers it.
"""

from __future__ import annotations

import gc
import os
import sys

from clientcheck import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing, which --version does not need
if TYPE_CHECKING:  # names for annotations only: collections.abc imports collections, a third of --version
    from collections.abc import Callable, Iterable, Mapping, Sequence

    import typer

    from clientcheck.env import Environment

VERSION = f"clientcheck {__version__}"  # what --version prints
VERSION_ARGS = (["--version"], ["-V"])  # command lines main answers itself; any other goes to Typer


def make_environment() -> Environment:
    """The real world; tests replace this function to hand commands their own streams."""
    from clientcheck.env import Environment

    return Environment.from_system()


# --- the command groups, registered when a run needs them ------------------------------------


def _banks_commands(app: typer.Typer) -> None:
    from clientcheck.cli import banks

    banks.register(app)


def _clients_commands(app: typer.Typer) -> None:
    from clientcheck.cli import clients

    clients.register(app)


def _exit_kit_commands(app: typer.Typer) -> None:
    from clientcheck.cli import exit_plan

    exit_plan.register(app)


GROUPS: dict[str, Callable[[typer.Typer], None]] = {  # in the order --help lists their commands
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
CORE_COMMANDS = ("assess", "answers-template", "where")
_registered: set[str] = set()


def load_commands(modules: Iterable[str] | None = None) -> typer.Typer:
    """The Typer app with the given command groups registered (all of them when None); each once."""
    from clientcheck.cli.root import app

    wanted = set(GROUPS) if modules is None else set(modules)
    for module, register in GROUPS.items():
        if module in wanted and module not in _registered:
            register(app)
            _registered.add(module)
    return app


def completing(environ: Mapping[str, str]) -> bool:
    """Whether this run is shell completion (Click reads the command line from the environment)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in environ)


def modules_for(args: Sequence[str], environ: Mapping[str, str]) -> set[str] | None:
    """The command groups a command line needs; None means all of them."""
    if completing(environ):
        return None  # shell completion lists every command
    name = next((arg for index, arg in enumerate(args)  # the value of a leading --lang is not a name
                 if not arg.startswith("-") and (index == 0 or args[index - 1] != "--lang")), None)
    if name is None:  # help (--lang it alone shows it too) lists every command; --version needs none
        return set() if any(arg in ("--version", "-V") for arg in args) else None
    if name in CORE_COMMANDS:
        return set()
    return {COMMAND_MODULES[name]} if name in COMMAND_MODULES else None


def print_version() -> int:
    """Print the version as Typer's --version does (click.echo), and return the exit code."""
    try:
        print(VERSION, flush=True)  # like click.echo, writes nothing when stdout is closed
    except BrokenPipeError:  # the reader went away: quietly, with the README's code for it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit stays quiet
        from clientcheck.errors import ExitCode

        return ExitCode.BROKEN_PIPE
    return 0


def main() -> None:
    """Console-script entry point."""
    args = sys.argv[1:]
    if args in VERSION_ARGS and not completing(os.environ):
        raise SystemExit(print_version())  # before Typer is imported, which would be most of the run
    stdout_before = _stdout_file()
    app = _loaded(modules_for(args, os.environ))
    try:
        app(prog_name="clientcheck")
    except SystemExit as done:
        if done.code == 1 and _reader_went_away(stdout_before):
            from clientcheck.errors import ExitCode

            raise SystemExit(ExitCode.BROKEN_PIPE) from None
        raise


def _loaded(modules: set[str] | None) -> typer.Typer:
    """The app with ``modules`` registered. Start-up builds what lives until the end (modules, the
    Typer app), so no collection runs while it does, and collections after it (Typer's own, the
    command's) do not walk it again: about 15 ms of a 90 ms command."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return load_commands(modules)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _stdout_file() -> tuple[int, int] | None:
    try:
        status = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return status.st_dev, status.st_ino


def _reader_went_away(stdout_before: tuple[int, int] | None) -> bool:
    """Whether an exit 1 was Click's or Rich's answer to a broken pipe while they wrote (--help):
    Click wraps stdout to mark it, Rich points stdout at /dev/null. The commands themselves
    answer a broken pipe in the error boundary, with the README's code."""
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":
        return True
    now = _stdout_file()
    try:
        devnull = os.stat(os.devnull)
    except OSError:
        return False
    return now != stdout_before and now == (devnull.st_dev, devnull.st_ino)
