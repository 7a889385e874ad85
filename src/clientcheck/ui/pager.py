"""Screens drawn for people on stdout: through the pager when they are taller than the terminal.

As git does: ``$PAGER``, by default ``less -R``, with ``LESS=FRX`` unless ``LESS`` is set (quit
when it fits, keep colours, leave the text on the screen), and ``LESSCHARSET=utf-8`` for UTF-8
text unless a charset is set. Never when stdout is not a terminal, and never when ``PAGER`` is
empty or ``cat``: the text is written as it is.
"""

from __future__ import annotations

import codecs
import shlex
import shutil
import signal
import subprocess
from collections.abc import Callable, Mapping

from rich.console import Console

from clientcheck.env import Environment
from clientcheck.ui.verdict import make_console

DEFAULT_PAGER = "less -R"
DEFAULT_LESS = "FRX"


def show(draw: Callable[[Console], None], env: Environment, *, no_color: bool = False) -> None:
    """Run ``draw`` on a console for stdout; on a terminal, page what it drew when it does not fit."""
    console = make_console(env.stdout, env.environ, no_color=no_color)
    pager = pager_command(env.environ) if env.stdout_isatty else None
    if pager is None:
        draw(console)
        return
    with console.capture() as captured:
        draw(console)
    text = captured.get()
    if text.count("\n") < console.size.height or not page(text, pager, env):
        env.stdout.write(text)
        env.stdout.flush()


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as arguments; None when there is none to run (or it is ``cat``). A dumb
    terminal gets no default pager (less would stop at "terminal is not fully functional")."""
    if "PAGER" not in environ and environ.get("TERM", "") == "dumb":
        return None
    command = environ.get("PAGER", DEFAULT_PAGER)
    try:
        words = shlex.split(command)
    except ValueError:  # unbalanced quotes: not a command we can run
        return None
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


def page(text: str, pager: list[str], env: Environment) -> bool:
    """Show ``text`` in ``pager``; False when it could not be started (the caller prints it)."""
    environ = dict(env.environ)
    environ.setdefault("LESS", DEFAULT_LESS)
    encoding = getattr(env.stdout, "encoding", None) or "utf-8"
    if codecs.lookup(encoding).name == "utf-8" and not {"LESSCHARSET", "LESSCHARDEF"} & environ.keys():
        # The text is UTF-8 whatever the locale says: Python reads an uninstalled locale
        # (LANG=it_IT.UTF-8 where only C.UTF-8 exists) as UTF-8, less as ASCII ('affidabilit<C3><A0>').
        environ["LESSCHARSET"] = "utf-8"
    env.stdout.flush()
    try:
        process = subprocess.Popen(pager, stdin=subprocess.PIPE, env=environ)
    except OSError:
        return False
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager meanwhile
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode(encoding, "replace"))
            process.stdin.close()
        except BrokenPipeError:  # the person quit before reading it all
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, interrupt)
    return True
