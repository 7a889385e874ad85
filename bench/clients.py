#!/usr/bin/env python3
"""Saved-clients benchmark: ``clients``, ``history`` and ``portfolio`` on a big database,
against ``clientcheck --version``, measured side by side.

Budget (issue 6): each of the three <= 1.5 x ``clientcheck --version``, on a database of
1,000 clients with 20 assessments each (real result documents from the shipped banks).

The database is filled directly through ``store.py`` in one transaction, in a temporary
CLIENTCHECK_HOME. Runs are interleaved (version, clients, history, portfolio, version, ...)
so machine noise hits every side alike; the medians are compared. Exit status 1 when a
budget is missed, unless --no-fail.

    python bench/clients.py [--clients 1000] [--per-client 20] [--runs 9] [--no-fail]

Run it with the Python of the venv clientcheck is installed in: it imports clientcheck to
fill the database and runs that venv's ``clientcheck``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import clientcheck
from clientcheck.assessment.answers import read_answers
from clientcheck.assessment.saving import new_uid, record_from_assessment
from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.saved.store import AssessmentRecord, Store, database_path
from clientcheck.ui.result import result_document

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CLIENTCHECK = Path(PYTHON).with_name("clientcheck")
BUDGET = 1.5
SCENARIOS = [("whale", "whale-000.yaml"), ("whale", "whale-healthy.yaml"), ("whale", "whale-small.yaml"),
             ("signals", "signals-001.yaml"), ("signals", "signals-early.yaml"), ("signals", "signals-healthy.yaml"),
             ("let-go", "let-go-late-payer.yaml"), ("let-go", "let-go-healthy.yaml")]
FIRST_NAMES = ["Acme", "Bottega", "Studio", "Officina", "Fabbrica", "Atelier", "Agenzia", "Gruppo", "Caffè",
               "Ristorante", "Libreria", "Hotel", "Clinica", "Società", "Cantina", "Farmacia"]


def templates() -> list[AssessmentRecord]:
    """One real record per scenario: what ``assess`` saves, documents and signals included."""
    records = []
    for bank_id, scenario in SCENARIOS:
        bank = load_bank(REPO / "questions" / f"{bank_id}.yaml")
        assessment = assess(bank, read_answers(REPO / "tests" / "scenarios" / scenario, bank))
        records.append(record_from_assessment(assessment, result_document(assessment, "it", "2026-01-01T00:00:00Z"),
                                              "template"))
    return records


def fake_records(clients: int, per_client: int, seed: int = 6) -> Iterator[AssessmentRecord]:
    rng = random.Random(seed)
    bases = templates()
    start = time.mktime((2024, 1, 1, 9, 0, 0, 0, 0, 0))
    for number in range(clients):
        name = f"{rng.choice(FIRST_NAMES)} {number:04d}"
        share = rng.choice([None, None, 2.0, 5.0, 10.0, 20.0, 35.0, 50.0])
        for index in range(per_client):
            base = rng.choice(bases)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + (index * 30 + rng.random()) * 86400))
            yield base._replace(uid=new_uid(), client=name, created=stamp,
                                risk=max(0, min(100, base.risk + rng.randint(-10, 10))),
                                revenue_share=share if base.bank_id == "whale" else None)


def fill(home: Path, clients: int, per_client: int) -> float:
    begun = time.perf_counter()
    with Store.open(database_path({"CLIENTCHECK_HOME": str(home)})) as store:
        counts = store.add_records(fake_records(clients, per_client))
    assert counts.assessments_added == clients * per_client, counts
    return time.perf_counter() - begun


def run(command: list[str], env: dict[str, str]) -> float:
    begun = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - begun
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--per-client", type=int, default=20)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-fail", action="store_true")
    options = parser.parse_args()

    # As installed clientcheck runs from bytecode; PYTHONDONTWRITEBYTECODE=1 would otherwise
    # recompile every module on every run.
    compileall.compile_dir(str(Path(clientcheck.__file__).parent), quiet=1)
    base = [str(CLIENTCHECK)] if CLIENTCHECK.exists() else [PYTHON, "-m", "clientcheck"]
    with tempfile.TemporaryDirectory(prefix="clientcheck-bench-") as folder:
        home = Path(folder) / "home"
        seconds = fill(home, options.clients, options.per_client)
        size = (home / "clientcheck.db").stat().st_size / 1e6
        print(f"filled {options.clients} clients x {options.per_client} assessments in {seconds:.1f} s "
              f"({size:.0f} MB)")
        env = {**os.environ, "CLIENTCHECK_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("CLIENTCHECK_DEBUG", None)
        listed = subprocess.run([*base, "clients", "--json"], env=env, capture_output=True, check=True).stdout
        some_client = json.loads(listed)["clients"][options.clients // 2]["name"]
        commands = {
            "--version": [*base, "--version"],
            "clients": [*base, "clients"],
            "history": [*base, "history", some_client],
            "portfolio": [*base, "portfolio"],
        }
        for command in commands.values():  # warm the page cache and the bytecode
            run(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(options.runs):
            for name, command in commands.items():
                times[name].append(run(command, env))
    floor = statistics.median(times["--version"])
    print(f"{'command':<12}{'median ms':>10}{'ratio':>8}  budget {BUDGET:.2f}x of --version")
    failed = False
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / floor
        over = name != "--version" and ratio > BUDGET
        failed |= over
        print(f"{name:<12}{median * 1000:>10.0f}{ratio:>8.2f}  {'OVER BUDGET' if over else 'ok'}")
    return 1 if failed and not options.no_fail else 0


if __name__ == "__main__":
    raise SystemExit(main())
