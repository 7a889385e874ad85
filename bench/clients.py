#!/usr/bin/env python3
"""Saved-clients benchmark: ``clients``, ``history`` and ``portfolio`` on a big database,
against ``clientcheck --version`` and against the same command on a small home, measured side by side.

Budgets (issues 6 and 12), wall and CPU time printed side by side: each of the three <= 1.5 x
``clientcheck --version``, and <= 1.5 x the same command where the database is small (``clients``
and ``portfolio`` with nothing saved, ``history`` of a client with the same 20 assessments who is
the only one saved): what the size of the database costs, apart from the start-up every Typer
command pays. Two floors are printed beside them, without budget: ``python -c "import typer"``
(what every command but --version pays first) and the least a list of the big home costs in
Python with neither Typer nor clientcheck (the clients query and one formatted line a client).
The big database holds 10,000 clients with 20 assessments each (real result documents from the
shipped banks); ``--quick`` (for CI) uses 1,000 x 5.

The databases are filled in one transaction (``fill``: real records saved through the store,
copied in SQL), in temporary CLIENTCHECK_HOMEs. Runs are interleaved (version, clients with
nothing saved, clients, ...) so machine noise hits every side alike; the medians are compared.
Exit status 1 when a budget is missed (wall time decides), unless --no-fail.

    python bench/clients.py [--quick] [--clients N] [--per-client N] [--runs 9] [--no-fail]

Run it with the Python of the venv clientcheck is installed in: it imports clientcheck to
fill the database and runs that venv's ``clientcheck``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
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
SCALE_BUDGET = 1.5  # of the same command on a small home: what the size of the database may add
SCENARIOS = [("whale", "whale-000.yaml"), ("whale", "whale-healthy.yaml"), ("whale", "whale-small.yaml"),
             ("signals", "signals-001.yaml"), ("signals", "signals-early.yaml"), ("signals", "signals-healthy.yaml"),
             ("let-go", "let-go-late-payer.yaml"), ("let-go", "let-go-healthy.yaml")]
FIRST_NAMES = ["Acme", "Bottega", "Studio", "Officina", "Fabbrica", "Atelier", "Agenzia", "Gruppo", "Caffè",
               "Ristorante", "Libreria", "Hotel", "Clinica", "Società", "Cantina", "Farmacia"]


# The least a list of the big home can cost in Python, with no Typer, no clientcheck: the clients
# query (store.clients) and one formatted line a client, written at once.
LIST_FLOOR = """
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
rows = db.execute("SELECT name, key, assessments, last_created, last_bank_id, last_risk, last_level, previous_risk,"
                  " revenue_share FROM clients WHERE last_id IS NOT NULL ORDER BY key").fetchall()
sys.stdout.write("\\n".join([f"{r[0]:<16}  {r[6]:<11}  {r[5]:>4}  {r[3][:10]}  {r[2]:>6}" for r in rows]))
"""


def templates() -> list[AssessmentRecord]:
    """One real record per scenario and language: what ``assess`` saves, documents and signals included."""
    records = []
    for bank_id, scenario in SCENARIOS:
        bank = load_bank(REPO / "questions" / f"{bank_id}.yaml")
        assessment = assess(bank, read_answers(REPO / "tests" / "scenarios" / scenario, bank))
        for language in ("it", "en"):
            document = result_document(assessment, language, "2026-01-01T00:00:00Z")
            records.append(record_from_assessment(assessment, document, "template"))
    return records


def fill(home: Path, clients: int, per_client: int, seed: int = 6) -> float:
    """``clients`` x ``per_client`` assessments in one transaction. The templates are saved
    through the store (so their bodies and dictionaries are what it packs); every other row
    copies one of them with its own id, client, date and risk, straight in SQL."""
    begun = time.perf_counter()
    rng = random.Random(seed)
    start = time.mktime((2024, 1, 1, 9, 0, 0, 0, 0, 0))
    with Store.open(database_path({"CLIENTCHECK_HOME": str(home)})) as store:
        store.add_records(templates())
    db = sqlite3.connect(home / "clientcheck.db", isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    bases = db.execute("SELECT a.id, a.bank_id, a.bank_version, a.bank_title, a.risk, a.level, a.confidence,"
                       " a.revenue_share FROM assessments a ORDER BY a.id").fetchall()
    next_id = 1 + bases[-1][0]
    for number in range(clients):
        name = f"{rng.choice(FIRST_NAMES)} {number:05d}"
        client_id = db.execute("INSERT INTO clients (key, name, created) VALUES (?, ?, ?)",
                               (name.casefold(), name, "2024-01-01T09:00:00Z")).lastrowid
        share = rng.choice([None, None, 2.0, 5.0, 10.0, 20.0, 35.0, 50.0])
        rows, bodies = [], []
        for index in range(per_client):
            base = rng.choice(bases)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + (index * 30 + rng.random()) * 86400))
            risk = max(0, min(100, base[4] + rng.randint(-10, 10)))
            rows.append((next_id, new_uid(), client_id, stamp, *base[1:4], risk, base[5], base[6],
                         share if base[1] == "whale" else None))
            bodies.append((next_id, base[0]))
            next_id += 1
        db.executemany("INSERT INTO assessments (id, uid, client_id, created, bank_id, bank_version, bank_title, risk,"
                       " level, confidence, revenue_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO bodies (assessment_id, dictionary, data, checked) SELECT ?, dictionary, data,"
                       " checked FROM bodies WHERE assessment_id = ?", bodies)
    template = db.execute("SELECT id FROM clients WHERE key = 'template'").fetchone()[0]
    db.execute("DELETE FROM bodies WHERE assessment_id IN (SELECT id FROM assessments WHERE client_id = ?)",
               (template,))
    db.execute("DELETE FROM assessments WHERE client_id = ?", (template,))
    db.execute("DELETE FROM clients WHERE id = ?", (template,))
    latest = "FROM assessments a WHERE a.client_id = clients.id ORDER BY a.created DESC, a.id DESC LIMIT 1"
    db.execute(f"""UPDATE clients SET assessments = (SELECT count(*) FROM assessments a WHERE a.client_id = clients.id),
                   last_id = (SELECT a.id {latest}), previous_risk = (SELECT a.risk {latest} OFFSET 1),
                   (last_created, last_bank_id, last_risk, last_level) = (SELECT a.created, a.bank_id, a.risk,
                                                                          a.level {latest}),
                   revenue_share = (SELECT a.revenue_share FROM assessments a WHERE a.client_id = clients.id
                                    AND a.revenue_share IS NOT NULL ORDER BY a.created DESC, a.id DESC LIMIT 1)""")
    db.execute("COMMIT")
    db.close()
    with Store.open_existing(home / "clientcheck.db") as store:  # type: ignore[union-attr]
        assert sum(row.assessments for row in store.clients()) == clients * per_client
    return time.perf_counter() - begun


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the command, from os.wait4) of one run."""
    begun = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - begun
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed ({os.waitstatus_to_exitcode(status)}): {stderr.decode()[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--per-client", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="1,000 clients x 5 assessments, for CI")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-fail", action="store_true")
    options = parser.parse_args()
    if options.quick:
        options.clients, options.per_client = 1000, 5

    # As installed clientcheck runs from bytecode; PYTHONDONTWRITEBYTECODE=1 would otherwise
    # recompile every module on every run.
    compileall.compile_dir(str(Path(clientcheck.__file__).parent), quiet=1)
    base = [str(CLIENTCHECK)] if CLIENTCHECK.exists() else [PYTHON, "-m", "clientcheck"]
    with tempfile.TemporaryDirectory(prefix="clientcheck-bench-") as folder:
        home, alone = Path(folder) / "home", Path(folder) / "alone"
        seconds = fill(home, options.clients, options.per_client)
        fill(alone, 1, options.per_client)
        size = (home / "clientcheck.db").stat().st_size / 1e6
        print(f"filled {options.clients} clients x {options.per_client} assessments in {seconds:.1f} s "
              f"({size:.0f} MB)")
        env = {**os.environ, "CLIENTCHECK_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("CLIENTCHECK_DEBUG", None)
        small = {"nothing": {**env, "CLIENTCHECK_HOME": str(Path(folder) / "empty")},
                 "alone": {**env, "CLIENTCHECK_HOME": str(alone)}}
        listed = subprocess.run([*base, "clients", "--json"], env=env, capture_output=True, check=True).stdout
        some_client = json.loads(listed)["clients"][options.clients // 2]["name"]
        only_client = json.loads(subprocess.run([*base, "clients", "--json"], env=small["alone"],
                                                capture_output=True, check=True).stdout)["clients"][0]["name"]
        # each command on the big home beside its small-home twin: (name, command, home, the twin's name)
        runs = [("--version", [*base, "--version"], env, None),
                ("clients, nothing saved", [*base, "clients"], small["nothing"], None),
                ("clients", [*base, "clients"], env, "clients, nothing saved"),
                ("history, one client", [*base, "history", only_client], small["alone"], None),
                ("history", [*base, "history", some_client], env, "history, one client"),
                ("portfolio, nothing saved", [*base, "portfolio"], small["nothing"], None),
                ("portfolio", [*base, "portfolio"], env, "portfolio, nothing saved"),
                # floors (no budget): what every Typer command pays first, and the least a list of this home costs
                ("floor: import typer", [PYTHON, "-c", "import typer"], env, None),
                ("floor: query, line a client", [PYTHON, "-c", LIST_FLOOR, str(home / "clientcheck.db")], env, None)]
        for _, command, home_env, _ in runs:  # warm the page cache and the bytecode
            run(command, home_env)
        times: dict[str, list[float]] = {name: [] for name, *_ in runs}
        cpu: dict[str, list[float]] = {name: [] for name, *_ in runs}
        for _ in range(options.runs):
            for name, command, home_env, _ in runs:
                wall, used = run(command, home_env)
                times[name].append(wall)
                cpu[name].append(used)
    wall_of = {name: statistics.median(values) for name, values in times.items()}
    cpu_of = {name: statistics.median(values) for name, values in cpu.items()}
    # --version answers before Typer is imported; the list commands cannot, and at 10,000 clients
    # even the floor with no Typer (the query, a line a client) is past the --version budget. The second ratio,
    # against the same command on a small home, is what the size of the database costs; CPU
    # time beside each, which a loaded machine inflates least.
    print(f"{'command':<26}{'wall ms':>8}{'CPU ms':>8}  {'vs --version wall/CPU':>22}  {'budget':<7}"
          f"{'vs small home wall/CPU':>23}  {'budget':<7}")
    failed = False
    for name, _, _, twin in runs:
        wall, used = wall_of[name], cpu_of[name]
        version = f"{wall / wall_of['--version']:.2f} / {used / cpu_of['--version']:.2f}"
        if twin is None:
            print(f"{name:<26}{wall * 1000:>8.0f}{used * 1000:>8.0f}  {version:>22}")
            continue
        scale = f"{wall / wall_of[twin]:.2f} / {used / cpu_of[twin]:.2f}"
        over, heavy = wall / wall_of["--version"] > BUDGET, wall / wall_of[twin] > SCALE_BUDGET
        failed |= over or heavy
        print(f"{name:<26}{wall * 1000:>8.0f}{used * 1000:>8.0f}  {version:>22}  {'MISSED' if over else 'ok':<7}"
              f"{scale:>23}  {'MISSED' if heavy else 'ok':<7}")
    print(f"budgets: {BUDGET:.2f}x --version (issue 12), {SCALE_BUDGET:.2f}x the same command on a small home "
          "(what the database's size may cost); wall time decides, CPU time is for a loaded machine")
    return 1 if failed and not options.no_fail else 0


if __name__ == "__main__":
    raise SystemExit(main())
