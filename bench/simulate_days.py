#!/usr/bin/env python3
"""Several weeks of use, as a person would: assessments of six clients on eight days, with
each command run in Italian and English after every day, then export, import elsewhere and
forget. Every answer goes through the real ``clientcheck`` command; every command must exit 0.

Answers are made from each bank's own questions and a "health" per client and day (0 = all
fine, 1 = everything wrong), so risk trends are coherent: Acme slides, Bottega recovers.

    python bench/simulate_days.py [--home DIR] [--quiet]

With --home the database is kept there (to look at it afterwards, e.g. in tmux); without, a
temporary folder is used and removed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import FREQUENCY_LEVELS, QuestionType

REPO = Path(__file__).resolve().parents[1]
CLIENTCHECK = Path(sys.executable).with_name("clientcheck")

# client: (bank, revenue share or None, health on each day it is assessed)
CLIENTS: dict[str, tuple[str, float | None, list[float]]] = {
    "Acme": ("whale", 45, [0.15, 0.35, 0.55, 0.8]),
    "Bottega Rossi": ("signals", None, [0.7, 0.55, 0.3, 0.15]),
    "Studio Ōkami 大神": ("let-go", None, [0.6, 0.65]),
    "Caffè Bianchi": ("starter", 15, [0.1, 0.2, 0.1]),
    "Fratelli & Figli [srl]": ("whale", 8, [0.4, 0.5]),
    "Nordlys Design": ("difficult-or-bad", None, [0.5, 0.3]),
}
DAYS = ["2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-04", "2026-03-18", "2026-04-01",
        "2026-04-15"]


def answers_for(bank_id: str, health: float, share: float | None, rng: random.Random) -> str:
    """An answers file for ``bank_id`` whose risks sit around ``health``."""
    bank = load_bank(REPO / "questions" / f"{bank_id}.yaml")
    lines = [f"bank: {bank.id}", "answers:"]
    for question in bank.questions:
        level = min(1.0, max(0.0, health + rng.uniform(-0.25, 0.25)))
        if question.id == bank.revenue_question and share is not None:
            value: str = f"{share:g}"
        elif question.type is QuestionType.YES_NO:
            risky = level >= 0.5
            value = "yes" if risky != question.reverse else "no"
        elif question.type is QuestionType.FREQUENCY:
            index = round(level * 4)
            value = FREQUENCY_LEVELS[4 - index if question.reverse else index]
        elif question.type is QuestionType.CHOICE:
            options = sorted(question.options, key=lambda o: o.risk)
            value = options[min(len(options) - 1, round(level * (len(options) - 1)))].id
        else:
            assert question.safe_at is not None and question.risky_at is not None
            number = question.safe_at + level * (question.risky_at - question.safe_at)
            low, high = question.minimum or 0.0, question.maximum or 100.0
            value = f"{round(min(high, max(low, number))):g}"
        lines.append(f"  {question.id}: {value}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, help="keep the database in this folder")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    options = parser.parse_args()
    rng = random.Random(6)
    base = [str(CLIENTCHECK)] if CLIENTCHECK.exists() else [sys.executable, "-m", "clientcheck"]
    with tempfile.TemporaryDirectory(prefix="clientcheck-days-") as scratch:
        home = options.home or Path(scratch) / "home"
        env = {**os.environ, "CLIENTCHECK_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
        ran = 0

        def run(*args: str, when: str | None = None, stdin: str | None = None, home_dir: Path | None = None) -> str:
            nonlocal ran
            extra = {"CLIENTCHECK_NOW": f"{when}T09:30:00Z"} if when else {}
            if home_dir is not None:
                extra["CLIENTCHECK_HOME"] = str(home_dir)
            result = subprocess.run([*base, *args], env={**env, **extra}, input=stdin, text=True,
                                    capture_output=True)
            ran += 1
            if result.returncode != 0:
                raise SystemExit(f"clientcheck {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
            return result.stdout

        visits = {name: 0 for name in CLIENTS}
        schedule = {}  # client -> the days it is assessed on, spread over the weeks
        for number, (name, (_, _, healths)) in enumerate(CLIENTS.items()):
            step = len(DAYS) // len(healths)
            schedule[name] = {number % step + visit * step for visit in range(len(healths))}
        for day_number, day in enumerate(DAYS):
            lang = "it" if day_number % 2 else "en"
            for name, (bank_id, share, healths) in CLIENTS.items():
                if day_number not in schedule[name]:
                    continue
                answers = Path(scratch) / f"{bank_id}-{day}.yaml"
                answers.write_text(answers_for(bank_id, healths[visits[name]], share, rng), encoding="utf-8")
                document = json.loads(run("assess", "--answers", str(answers), "--client", name, "--lang", lang,
                                          "--json", when=day))
                visits[name] += 1
                if not options.quiet:
                    print(f"{day}  {name:<24} {bank_id:<17} risk {document['risk']:>3}  {document['verdict']['level']}")
            for language in ("en", "it"):  # what a person looks at after a day's work
                run("clients", "--lang", language)
                run("portfolio", "--lang", language)
                for name in CLIENTS:
                    if visits[name]:
                        run("history", name.upper(), "--lang", language)
                run("report", "acme", "--format", "markdown", "--lang", language)
            for command in (["clients"], ["portfolio"], ["history", "Acme"], ["report", "Acme"]):
                json.loads(run(*command, "--json"))

        exported = run("export")
        other = Path(scratch) / "other-machine"
        first = json.loads(run("import", "-", "--json", stdin=exported, home_dir=other))
        again = json.loads(run("import", "-", "--json", stdin=exported, home_dir=other))
        assert again["assessments_added"] == 0 and again["assessments_present"] == first["assessments_added"]
        assert run("clients", home_dir=other) == run("clients")
        run("forget", "Nordlys Design", "--yes", home_dir=other)
        assert "Nordlys" not in run("clients", home_dir=other)
        total = sum(visits.values())
        print(f"{len(DAYS)} days, {len(CLIENTS)} clients, {total} assessments saved; {ran} commands run, all "
              f"exited 0; export/import/forget checked (database: {home / 'clientcheck.db'}).")
        if options.home is None:
            print(run("portfolio"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
