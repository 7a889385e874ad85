#!/usr/bin/env python3
"""Keypress benchmark: Enter -> next question drawn, in a real pseudo-terminal, over a whole quiz.

Budgets (issue 12), over every keypress of a checkup quiz and every run:
  p90  <= 50 ms
  max  <= 100 ms

``clientcheck assess --bank checkup --no-save`` runs in a pty (CLIENTCHECK_HOME a temporary
folder); each question is answered with Enter (a number question first gets its minimum typed,
read from the hint), --pause seconds after the question is drawn, as a person reads it before
answering (0: keys typed ahead, as fast as the machine allows). The time runs from writing
Enter to reading the end of the next prompt's drawing (its last choice, or for a number the
prompt's mark under the hint). The harness is the terminal: it answers prompt_toolkit's
cursor-position requests (ESC[6n -> ESC[row;colR) from the cursor it follows, or prompt_toolkit
would wait for them.

The floor, measured side by side (runs interleaved), is a bare ``questionary.select`` loop with
the same number of prompts and the same choices, so the ratio to what questionary itself costs
is visible. Exit status 1 when a budget is missed, unless --no-fail.

    python bench/keypress.py [--runs 5] [--quick] [--pause 0.2] [--no-fail]
"""

from __future__ import annotations

import argparse
import codecs
import compileall
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

from clientcheck.i18n import tr

PYTHON = sys.executable
CLIENTCHECK = str(Path(PYTHON).with_name("clientcheck"))
ROWS, COLUMNS = 40, 100
TIMEOUT = 15.0  # seconds for any one prompt: far past any budget, only so a broken run ends
P90_BUDGET, MAX_BUDGET = 0.050, 0.100
PAUSE = 0.2  # seconds: a person reads a question before answering it, however fast they are

PROGRESS = re.compile(re.escape(tr("en", "quiz.progress")).replace(r"\{index\}", r"(\d+)")
                      .replace(r"\{total\}", r"(\d+)"))
NUMBER_HINT = re.compile(re.escape(tr("en", "quiz.number_hint").split("{min}")[0]) + r"(-?[0-9.,]+)")
BACK = tr("en", "quiz.back")
QMARK = "›"
CSI = re.compile(r"\x1b\[([0-9;?]*)([@-~])")

FLOOR = f'''
import sys
import questionary
from questionary import Choice, Separator
count = int(sys.argv[1])
choices = [Choice(title, title) for title in ("Never", "Rarely", "Sometimes", "Often", "Always")]
choices += [Separator(" "), Choice({tr("en", "answer.dont_know")!r}, "?"), Choice({BACK!r}, "<")]
print("A bare questionary.select loop", flush=True)
for index in range(1, count + 1):
    print({tr("en", "quiz.progress")!r}.format(index=index, total=count) + "  How often does it happen?", flush=True)
    questionary.select("", choices=choices, qmark={QMARK!r}, instruction=" ", use_jk_keys=False).unsafe_ask()
'''


class Terminal:
    """A child in a pty, and as much of a terminal as prompt_toolkit asks of one: the cursor's
    place, reported when asked (ESC[6n). ``text`` is what was drawn, escape sequences removed
    (a cursor move forward counts as spaces)."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(ROWS, COLUMNS), encoding=None)
        self.child.delaybeforesend = None  # pexpect sleeps before each write otherwise
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.pending = ""  # an escape sequence cut in two by a read
        self.row = self.column = 1
        self.text = ""
        self.ended = False

    def send(self, keys: str) -> float:
        sent = time.perf_counter()
        self.child.send(keys.encode())
        return sent

    def wait_until(self, drawn: Callable[[str], bool]) -> float | None:
        """Read until ``drawn(self.text)``; the time of that read, or None at the child's end."""
        if not self._read(drawn, TIMEOUT):
            raise TimeoutError(f"nothing expected was drawn; the screen ended with {self.text[-400:]!r}")
        return None if self.ended else time.perf_counter()

    def idle(self, seconds: float) -> None:
        """Let ``seconds`` pass as a terminal does: showing what comes, answering what is asked."""
        self._read(lambda text: False, seconds)

    def _read(self, drawn: Callable[[str], bool], seconds: float) -> bool:
        """Read until ``drawn(self.text)`` or the child's end (True), or ``seconds`` pass (False)."""
        deadline = time.perf_counter() + seconds
        while not drawn(self.text):
            if self.ended:
                return True
            left = deadline - time.perf_counter()
            if left <= 0:
                return False
            try:
                chunk = self.child.read_nonblocking(65536, timeout=left)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                self.ended = True
                continue
            self._feed(self.decoder.decode(chunk))
        return True

    def close(self) -> None:
        self.child.close(force=True)

    def _feed(self, data: str) -> None:
        data = self.pending + data
        cut = data.rfind("\x1b")
        if cut >= 0 and not CSI.match(data, cut) and len(data) - cut < 16:
            data, self.pending = data[:cut], data[cut:]
        else:
            self.pending = ""
        drawn: list[str] = []
        position = 0
        for match in CSI.finditer(data):
            self._characters(data[position:match.start()], drawn)
            self._sequence(match.group(1), match.group(2), drawn)
            position = match.end()
        self._characters(data[position:], drawn)
        self.text += "".join(drawn)

    def _characters(self, characters: str, drawn: list[str]) -> None:
        for character in characters:
            if character == "\n":
                self.row = min(ROWS, self.row + 1)  # at the bottom the screen scrolls
                drawn.append("\n")
            elif character == "\r":
                self.column = 1
            elif character == "\b":
                self.column = max(1, self.column - 1)
            elif character >= " " and character != "\x7f":
                self.column = min(COLUMNS, self.column + 1)
                drawn.append(character)

    def _sequence(self, parameters: str, final: str, drawn: list[str]) -> None:
        numbers = [int(part) if part.isdigit() else 0 for part in parameters.split(";")]
        count = max(1, numbers[0])
        if final == "n" and parameters == "6":  # where is the cursor? a terminal answers at once
            self.child.send(f"\x1b[{self.row};{self.column}R".encode())
        elif final == "A":
            self.row = max(1, self.row - count)
        elif final == "B":
            self.row = min(ROWS, self.row + count)
        elif final == "C":
            self.column = min(COLUMNS, self.column + count)
            drawn.append(" " * count)
        elif final == "D":
            self.column = max(1, self.column - count)
        elif final in "Hf":
            self.row = min(ROWS, max(1, numbers[0]))
            self.column = min(COLUMNS, max(1, numbers[1] if len(numbers) > 1 else 1))


def prompt_drawn(start: int) -> Callable[[str], bool]:
    """The next question's prompt is drawn, somewhere after ``start``: a progress line, then
    its last choice (a select), or the prompt's mark under the number hint."""

    def drawn(text: str) -> bool:
        progress = PROGRESS.search(text, start)
        if progress is None:
            return False
        hint = NUMBER_HINT.search(text, progress.end())
        if hint is not None:
            return text.find(QMARK, hint.end()) >= 0
        return text.find(BACK, progress.end()) >= 0

    return drawn


def one_quiz(argv: list[str], env: dict[str, str], pause: float) -> list[float]:
    """Answer every question with Enter, ``pause`` seconds after it is drawn (a person reads it
    first); the seconds from each Enter to the next prompt drawn."""
    terminal = Terminal(argv, env)
    times: list[float] = []
    try:
        if terminal.wait_until(prompt_drawn(0)) is None:
            raise RuntimeError(f"no first question; the screen showed {terminal.text[-400:]!r}")
        while True:
            terminal.idle(pause)
            start = len(terminal.text)
            hint = NUMBER_HINT.search(terminal.text, last_progress(terminal.text))
            if hint is not None:  # a number: type a value it accepts and wait for it to show
                terminal.send(hint.group(1))
                terminal.wait_until(typed(hint.group(1), terminal.text.rfind(QMARK) + 1))
                start = len(terminal.text)
            sent = terminal.send("\r")
            drawn = terminal.wait_until(prompt_drawn(start))
            if drawn is None:
                break
            times.append(drawn - sent)
    finally:
        terminal.close()
    return times


def typed(value: str, start: int) -> Callable[[str], bool]:
    """``value`` shows in the prompt, somewhere after ``start``."""
    return lambda text: text.find(value, start) >= 0


def last_progress(text: str) -> int:
    starts = [match.start() for match in PROGRESS.finditer(text)]
    return starts[-1] if starts else 0


def summary(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p90 = statistics.quantiles(ordered, n=10, method="inclusive")[8] if len(ordered) > 1 else ordered[0]
    return statistics.median(ordered), p90, ordered[-1]


def row(label: str, times: list[float]) -> str:
    median, p90, worst = summary(times)
    return f"{label:34} {median * 1000:8.1f} {p90 * 1000:8.1f} {worst * 1000:8.1f} {len(times):6d}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run of each (for CI)")
    parser.add_argument("--pause", type=float, default=PAUSE,
                        help=f"seconds between a question drawn and its answer (default {PAUSE}: a person "
                             "reads it; 0 types ahead as fast as the machine allows)")
    parser.add_argument("--no-fail", action="store_true", help="always exit 0 (print only)")
    options = parser.parse_args()
    runs = 1 if options.quick else options.runs

    # Byte-compile clientcheck as a wheel install does (start-up is not what is measured here).
    import clientcheck

    compileall.compile_dir(str(Path(clientcheck.__file__).parent), quiet=1)

    work = Path(tempfile.mkdtemp(prefix="clientcheck-keypress-"))
    env = dict(os.environ, CLIENTCHECK_HOME=str(work / "home"), TERM="xterm-256color", LANG="C.UTF-8",
               COLUMNS=str(COLUMNS), LINES=str(ROWS))
    for name in ("NO_COLOR", "CLIENTCHECK_LANG", "PROMPT_TOOLKIT_NO_CPR"):
        env.pop(name, None)
    floor_script = work / "floor.py"
    floor_script.write_text(FLOOR, encoding="utf-8")
    # --no-review: the measure is question to question; the review after the last one is a screen of its own.
    ours_argv = [CLIENTCHECK, "assess", "--bank", "checkup", "--no-save", "--no-review", "--lang", "en"]

    ours_times: list[float] = []
    floor_times: list[float] = []
    print(f"Enter -> next question drawn, pty {ROWS}x{COLUMNS}, checkup quiz, {runs} run(s) interleaved, "
          f"Enter {options.pause:g} s after each question is drawn")
    print(f"{'':34} {'median':>8} {'p90':>8} {'max':>8} {'keys':>6}   (ms)")
    for run in range(1, runs + 1):
        ours = one_quiz(ours_argv, env, options.pause)
        floor = one_quiz([PYTHON, str(floor_script), str(len(ours) + 1)], env, options.pause)
        ours_times += ours
        floor_times += floor
        print(row(f"run {run}: clientcheck", ours))
        print(row(f"run {run}: bare questionary.select", floor))
    print(row("all runs: clientcheck", ours_times))
    print(row("all runs: bare questionary.select", floor_times))

    ours_median, ours_p90, ours_max = summary(ours_times)
    floor_median, floor_p90, floor_max = summary(floor_times)
    print(f"{'ratio to the floor':34} {ours_median / floor_median:8.2f} {ours_p90 / floor_p90:8.2f} "
          f"{ours_max / floor_max:8.2f}")
    failed = False
    for name, ours_value, floor_value, budget in (("p90", ours_p90, floor_p90, P90_BUDGET),
                                                  ("max", ours_max, floor_max, MAX_BUDGET)):
        verdict = "ok" if ours_value <= budget else "MISSED"
        failed |= ours_value > budget
        print(f"keypress {name:4} {ours_value * 1000:7.1f} ms  budget {budget * 1000:5.0f} ms  "
              f"ratio to the floor {ours_value / floor_value:5.2f}  [{verdict}]")
    return 0 if options.no_fail or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
