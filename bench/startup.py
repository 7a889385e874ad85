#!/usr/bin/env python3
"""Start-up benchmark: clientcheck against the floor it stands on, measured side by side.

Budgets (issues 3 and 12):
  clientcheck --version            <= 1.30 x  python -c pass   (answered before Typer is imported),
                                              through the console script uv writes, which imports sys only
  clientcheck --version            <= 1.10 x  what the venv's own console script imports before it calls
                                              main: sys (pip 26), or re and sys (older pips: 10 ms or more)
                                   <= 1.30 x  python -c pass   through that script when it imports sys
                                              only (with re it is printed, as information)
  clientcheck --version            <= 1.30 x  python -c "import typer"
  clientcheck --help               <= 1.20 x  --help of a minimal one-command Typer app
  assess --answers F --json        <= 1.50 x  python -c "import typer, yaml"   (and no questionary import)
  launch -> first question (pty)   <= 1.25 x  python -c "import questionary, typer, yaml"

Runs are interleaved (A, B, A, B, ...) so machine noise hits both sides alike; the median of
each side is compared. Exit status 1 when a budget is missed, unless --no-fail.

    python bench/startup.py [--runs 15 | --quick] [--no-fail]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CLIENTCHECK = str(Path(PYTHON).with_name("clientcheck"))

MINIMAL_TYPER_APP = '''
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")
@app.command()
def bye() -> None:
    """Say bye."""
app()
'''

# The console script uv 0.13 writes for `clientcheck = "clientcheck.cli.app:main"`, word for word
# (pip 26 writes one that imports sys only too; older pips import re first).
UV_LAUNCHER = '''# -*- coding: utf-8 -*-
import sys
from clientcheck.cli.app import main
if __name__ == "__main__":
    if sys.argv[0].endswith("-script.pyw"):
        sys.argv[0] = sys.argv[0][:-11]
    elif sys.argv[0].endswith(".exe"):
        sys.argv[0] = sys.argv[0][:-4]
    sys.exit(main())
'''

ANSWERS = (REPO / "tests" / "answers" / "ci-starter.yaml").read_text(encoding="utf-8")  # the answers CI uses


def run_command(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def time_to_first_question(env: dict[str, str]) -> float:
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(CLIENTCHECK, ["assess", "--bank", "starter", "--lang", "en", "--no-save"], env=env,
                          dimensions=(40, 100), encoding="utf-8")
    child.expect("How often do you have to chase", timeout=30)
    child.expect("Never", timeout=30)  # the choices are drawn: the prompt is ready for a key
    elapsed = time.perf_counter() - start
    child.sendcontrol("c")
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    return elapsed


def side_by_side(ours: Callable[[], float], floor: Callable[[], float], runs: int) -> tuple[float, float]:
    ours()  # warm the file cache and .pyc files on both sides
    floor()
    ours_times, floor_times = [], []
    for _ in range(runs):
        ours_times.append(ours())
        floor_times.append(floor())
    return statistics.median(ours_times), statistics.median(floor_times)


def imported_modules(command: list[str], env: dict[str, str]) -> set[str]:
    result = subprocess.run([PYTHON, "-X", "importtime", *command], env=env, capture_output=True, text=True,
                            check=False)
    return {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="5 runs a side, for CI")
    parser.add_argument("--no-fail", action="store_true", help="always exit 0 (print only)")
    options = parser.parse_args()
    runs = 5 if options.quick else options.runs

    # Byte-compile clientcheck as a wheel install does: an editable install under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on every run.
    import clientcheck

    compileall.compile_dir(str(Path(clientcheck.__file__).parent), quiet=1)

    work = Path(tempfile.mkdtemp(prefix="clientcheck-bench-"))
    env = dict(os.environ, CLIENTCHECK_HOME=str(work / "home"), NO_COLOR="1", TERM="xterm-256color",
               COLUMNS="100", LANG="C.UTF-8")
    env.pop("CLIENTCHECK_LANG", None)
    answers = work / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    minimal_app = work / "minimal_app.py"
    minimal_app.write_text(MINIMAL_TYPER_APP, encoding="utf-8")
    uv_launcher = work / "clientcheck-uv"
    uv_launcher.write_text(UV_LAUNCHER, encoding="utf-8")
    # what the venv's own console script imports before main: older pips write `import re` first
    script_imports_re = "\nimport re\n" in Path(CLIENTCHECK).read_text(encoding="utf-8")
    script_imports = "import re, sys" if script_imports_re else "import sys"

    cases: list[tuple[str, float | None, Callable[[], float], Callable[[], float], str]] = [
        ("clientcheck --version (uv script)", 1.30,
         lambda: run_command([PYTHON, str(uv_launcher), "--version"], env),
         lambda: run_command([PYTHON, "-c", "pass"], env), "python -c pass"),
        ("clientcheck --version (venv script)", 1.10,
         lambda: run_command([CLIENTCHECK, "--version"], env),
         lambda: run_command([PYTHON, "-c", script_imports], env), f'python -c "{script_imports}" (its script)'),
        ("clientcheck --version (venv script)", None if script_imports_re else 1.30,
         lambda: run_command([CLIENTCHECK, "--version"], env),
         lambda: run_command([PYTHON, "-c", "pass"], env),
         "python -c pass" + ("  (the script's import re included)" if script_imports_re else "")),
        ("clientcheck --version (venv script)", 1.30,
         lambda: run_command([CLIENTCHECK, "--version"], env),
         lambda: run_command([PYTHON, "-c", "import typer"], env), 'python -c "import typer"'),
        ("clientcheck --help", 1.20,
         lambda: run_command([CLIENTCHECK, "--help"], env),
         lambda: run_command([PYTHON, str(minimal_app), "--help"], env), "minimal Typer app --help"),
        ("assess --answers F --json", 1.50,
         lambda: run_command([CLIENTCHECK, "assess", "--answers", str(answers), "--json"], env),
         lambda: run_command([PYTHON, "-c", "import typer, yaml"], env), 'python -c "import typer, yaml"'),
        ("launch -> first question (pty)", 1.25,
         lambda: time_to_first_question(env),
         lambda: run_command([PYTHON, "-c", "import questionary, typer, yaml"], env),
         'python -c "import questionary, typer, yaml"'),
    ]
    failed = False
    print(f"{'measure':34} {'ours ms':>8} {'floor ms':>9} {'ratio':>6} {'budget':>7}  floor")
    for name, budget, ours, floor, floor_name in cases:
        ours_median, floor_median = side_by_side(ours, floor, runs)
        ratio = ours_median / floor_median
        missed = budget is not None and ratio > budget
        verdict = "info" if budget is None else "MISSED" if missed else "ok"
        failed |= missed
        shown_budget = "-" if budget is None else f"{budget:.2f}"
        print(f"{name:34} {ours_median * 1000:8.1f} {floor_median * 1000:9.1f} {ratio:6.2f} {shown_budget:>7}  "
              f"{floor_name}  [{verdict}]")

    heavy = {"questionary", "prompt_toolkit"}
    for label, command in (
        ("--version", ["-m", "clientcheck", "--version"]),
        ("--help", ["-m", "clientcheck", "--help"]),
        ("assess --answers --json", ["-m", "clientcheck", "assess", "--answers", str(answers), "--json"]),
    ):
        leaked = sorted(m for m in imported_modules(command, env) if m.split(".")[0] in heavy)
        status = "ok" if not leaked else f"IMPORTS {', '.join(leaked[:3])}"
        failed |= bool(leaked)
        print(f"no questionary/prompt_toolkit on {label:26} [{status}]")
    typer_modules = sorted(m for m in imported_modules(["-m", "clientcheck", "--version"], env)
                           if m.split(".")[0] in {"typer", "click"})
    failed |= bool(typer_modules)
    print(f"no Typer on {'--version':47} [{'ok' if not typer_modules else 'IMPORTS ' + typer_modules[0]}]")
    return 0 if options.no_fail or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
