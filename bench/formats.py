#!/usr/bin/env python3
"""Dates and numbers as people read them (ui/dates.py, i18n/numbers.py) against the ISO date and
the plain English number the tables wrote before, side by side, for one table of N rows.

A clients or portfolio table writes one date and one share per client: ten thousand of each for
the biggest database bench/clients.py fills. Ratios are what matter (the machine is shared and
noisy): each run starts with an empty cache, as one command does.

    python bench/formats.py [--rows 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from clientcheck.clock import local_moment
from clientcheck.i18n.numbers import percent
from clientcheck.text import format_number
from clientcheck.ui.dates import short_date


def iso_day(stamp: str) -> str:
    """The ISO day the tables showed before: the local moment as YYYY-MM-DD."""
    moment = local_moment(stamp)
    return stamp if moment is None else f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}"


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    chooser = random.Random(7)
    stamps = [f"2026-{chooser.randint(1, 12):02d}-{chooser.randint(1, 28):02d}T09:30:00Z" for _ in range(options.rows)]
    shares = [round(chooser.uniform(0, 60), chooser.choice((0, 1))) for _ in range(options.rows)]
    rows = [
        ("date, ISO (before)", lambda: [iso_day(s) for s in stamps]),
        ("date, short_date it", lambda: [short_date(s, "it") for s in stamps]),
        ("share, format_number (before)", lambda: [f"{format_number(v)}%" for v in shares]),
        ("share, percent it", lambda: (percent.cache_clear(), [percent(v, "it") for v in shares])),
    ]
    measured = [(name, median_ms(work, options.runs)) for name, work in rows]
    print(f"{options.rows:,} rows, median of {options.runs} runs")
    print(f"{'what':32} {'ms':>8}  vs before")
    for index, (name, ms) in enumerate(measured):
        before = measured[index - index % 2][1]
        print(f"{name:32} {ms:8.1f}  {ms / before:8.2f}")


if __name__ == "__main__":
    main()
