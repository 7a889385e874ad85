#!/usr/bin/env python3
"""Export and import of a large history, and the database's size (issue 12).

Goals, for 10,000 clients x 20 assessments (``--full``):

* ``export``: completes, <= 10 s, peak memory <= 100 MB, valid JSON;
* ``import`` of that export into an empty home, and again when everything is there: <= 15 s
  each, peak memory <= 150 MB, and the second run changes nothing (same database bytes);
* the database: <= 3 KB per assessment (filled, and as the import rebuilt it);
* and what was imported exports to the very file it came from (same bytes).

At a smaller size (the default, 1,000 x 5, for CI) a time budget is the start-up of
``clientcheck --version``, measured side by side, plus the full budget's share per assessment;
memory and size budgets stay as they are. Peak memory is the child's own (``os.wait4``), and so
is the CPU time printed beside each time: on a shared, busy machine it says what the work
costs when the wall-clock time says mostly how long the command waited for a core or the disk.

    python bench/export_import.py [--full] [--clients N] [--per-client N] [--runs 1] [--no-fail]
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import clientcheck
from clients import CLIENTCHECK, PYTHON, fill

FULL = 200_000  # the goals' size: 10,000 clients x 20 assessments
EXPORT_SECONDS, IMPORT_SECONDS = 10.0, 15.0
EXPORT_MB, IMPORT_MB, BYTES_PER_ASSESSMENT = 100, 150, 3 * 1024


CPU: list[float] = []  # each command's CPU seconds (user + system), in the order run


def run(command: list[str], env: dict[str, str], *, stdout: Path | None = None) -> tuple[float, float, str]:
    """Seconds, peak resident megabytes and standard output (when not sent to ``stdout``). The
    child is spawned, not forked, so its peak is its own and not this process's size; its CPU
    seconds go to ``CPU``."""
    with tempfile.NamedTemporaryFile() as out, tempfile.NamedTemporaryFile() as err:
        actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 1, str(stdout or out.name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
                   (os.POSIX_SPAWN_OPEN, 2, err.name, os.O_WRONLY, 0)]
        begun = time.perf_counter()
        pid = os.posix_spawn(command[0], command, env, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - begun
        CPU.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed: {Path(err.name).read_text()[-800:]}")
        return elapsed, usage.ru_maxrss / 1024, Path(out.name).read_text()


def digest(path: Path) -> str:
    hashed = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            hashed.update(block)
    return hashed.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="10,000 clients x 20 assessments (the goals' size)")
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--per-client", type=int, default=5)
    parser.add_argument("--runs", type=int, default=1, help="runs of each command; the median is compared")
    parser.add_argument("--no-fail", action="store_true")
    options = parser.parse_args()
    if options.full:
        options.clients, options.per_client = 10_000, 20
    count = options.clients * options.per_client
    compileall.compile_dir(str(Path(clientcheck.__file__).parent), quiet=1)
    base = [str(CLIENTCHECK)] if CLIENTCHECK.exists() else [PYTHON, "-m", "clientcheck"]
    lines: list[tuple[str, str, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="clientcheck-bench-") as folder:
        home, other, dump = Path(folder) / "home", Path(folder) / "other", Path(folder) / "export.json"
        seconds = fill(home, options.clients, options.per_client)
        print(f"filled {options.clients:,} clients x {options.per_client} assessments in {seconds:.1f} s")
        env = {**os.environ, "CLIENTCHECK_HOME": str(home), "CLIENTCHECK_NOW": "2026-06-01T09:00:00Z"}
        elsewhere = {**env, "CLIENTCHECK_HOME": str(other)}
        floor = statistics.median(run([*base, "--version"], env)[0] for _ in range(5))
        share = count / FULL

        def timed(name: str, seconds: list[float], peaks: list[float], budget_s: float, budget_mb: float,
                  cpu: list[float]) -> None:
            took, peak, allowed = statistics.median(seconds), max(peaks), floor + budget_s * share
            lines.append((f"{name} time", f"{took:.2f} s", f"<= {allowed:.2f} s", took <= allowed))
            lines.append((f"{name} CPU", f"{statistics.median(cpu):.2f} s", "", True))  # information only
            lines.append((f"{name} peak memory", f"{peak:.0f} MB", f"<= {budget_mb} MB", peak <= budget_mb))

        size = (home / "clientcheck.db").stat().st_size / count
        lines.append(("database, filled", f"{size:.0f} B/assessment", f"<= {BYTES_PER_ASSESSMENT}",
                      size <= BYTES_PER_ASSESSMENT))
        results = [(*run([*base, "export"], env, stdout=dump)[:2], CPU[-1]) for _ in range(options.runs)]
        timed("export", [r[0] for r in results], [r[1] for r in results], EXPORT_SECONDS, EXPORT_MB,
              [r[2] for r in results])
        megabytes = dump.stat().st_size / 1e6
        if count <= 50_000:  # json.load needs about ten times the file in memory: checked at CI's size
            check = f"import json; print(sum(len(c['assessments']) for c in json.load(open({str(dump)!r}))['clients']))"
            valid = run([PYTHON, "-c", check], env)[2].strip() == str(count)
            lines.append(("export is valid JSON (json.load)", f"{megabytes:.0f} MB", f"{count:,} assessments", valid))
        first, again = [], []
        for _ in range(options.runs):
            for path in other.glob("*"):
                path.unlink()
            took, peak, out = run([*base, "import", str(dump), "--json"], elsewhere)
            first.append((took, peak, CPU[-1]))
            added = json.loads(out)["assessments_added"]
            before = digest(other / "clientcheck.db")
            took, peak, out = run([*base, "import", str(dump), "--json"], elsewhere)
            again.append((took, peak, CPU[-1]))
            present = json.loads(out)
        timed("import, empty home", [r[0] for r in first], [r[1] for r in first], IMPORT_SECONDS, IMPORT_MB,
              [r[2] for r in first])
        lines.append(("import, all assessments added", f"{added:,}", f"{count:,}", added == count))
        timed("import again", [r[0] for r in again], [r[1] for r in again], IMPORT_SECONDS, IMPORT_MB,
              [r[2] for r in again])
        unchanged = present["assessments_added"] == 0 and digest(other / "clientcheck.db") == before
        lines.append(("import again changes nothing", "same bytes" if unchanged else "CHANGED",
                      "same bytes", unchanged))
        copy = Path(folder) / "again.json"  # what was imported, exported: the file it came from, byte for byte
        run([*base, "export"], elsewhere, stdout=copy)
        same = digest(copy) == digest(dump)
        lines.append(("export of the import is the file", "same bytes" if same else "DIFFERENT", "same bytes", same))
        size = (other / "clientcheck.db").stat().st_size / count
        lines.append(("database, imported", f"{size:.0f} B/assessment", f"<= {BYTES_PER_ASSESSMENT}",
                      size <= BYTES_PER_ASSESSMENT))
    print(f"{count:,} assessments, export {megabytes:.0f} MB; time budgets: --version ({floor * 1000:.0f} ms)"
          f" + {share:.3f} of the full budget")
    for name, figure, budget, ok in lines:
        print(f"{name:<34}{figure:>18}  {budget:<18}{'' if not budget else 'ok' if ok else 'MISSED'}")
    return 1 if not all(line[3] for line in lines) and not options.no_fail else 0


if __name__ == "__main__":
    raise SystemExit(main())
