#!/usr/bin/env python3
"""What one imported assessment costs at the least, piece by piece, beside what ``import`` costs
(issue 12: importing 10,000 clients x 20 into an empty home in <= 15 s).

An import must check each assessment whole and store it packed. Measured here on the very
assessments an export writes, each piece at C speed with nothing around it:

* ``decode``: msgspec reads the assessment into Structs that validate the result schema;
* ``canonical``: encode it again and compare with the file's text (what lets the text be kept);
* ``compress``: ISA-L packs its body (signals and indented result), as the store does, without
  the bank's dictionary;
* ``SQLite``: its two rows, with a body of half that packed size (about what the dictionary
  leaves), inserted in one transaction into a scratch database of the store's shape.

Their sum is the floor of one assessment's work on one core; times 200,000, the seconds no
reading, glue or record-building can go below; over this machine's cores, the best an import
split perfectly across them could reach. Beside them, ``clientcheck import`` of the same export
into an empty home, per assessment (wall and CPU), as run.

    python bench/import_floor.py [--clients 1000] [--per-client 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import msgspec
from isal import isal_zlib

from clientcheck.saved.fastcheck import Item, checked
from clientcheck.saved.store import COMPRESSION_LEVEL
from clients import CLIENTCHECK, PYTHON, fill
from export_import import CPU, FULL, IMPORT_SECONDS, run

_ITEM = re.compile(rb'\n        (\{\n {10}"id": ".*?\n        \})', re.DOTALL)  # an assessment, as export writes it


def per_item(work: Callable[[bytes], object], items: list[bytes], repeat: int) -> float:
    """Median over ``repeat`` passes of the microseconds ``work`` takes per item."""
    passes = []
    for _ in range(repeat):
        begun = time.perf_counter()
        for item in items:
            work(item)
        passes.append((time.perf_counter() - begun) / len(items) * 1e6)
    return statistics.median(passes)


def sqlite_per_item(bodies: list[bytes], repeat: int) -> float:
    """Two rows per assessment, as the store writes them (an assessments row with its unique uid,
    a bodies row with the packed body), in one transaction; microseconds per assessment."""
    passes = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            db = sqlite3.connect(Path(folder) / "scratch.db", isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE assessments (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, client_id INTEGER,"
                       " created TEXT, bank_id TEXT, bank_version INTEGER, bank_title TEXT, risk INTEGER,"
                       " level TEXT, confidence REAL, revenue_share REAL)")
            db.execute("CREATE INDEX by_client ON assessments (client_id, created)")
            db.execute("CREATE TABLE bodies (assessment_id INTEGER PRIMARY KEY, dictionary INTEGER, data BLOB,"
                       " checked INTEGER)")
            begun = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            for number, body in enumerate(bodies):
                cursor = db.execute(
                    "INSERT OR IGNORE INTO assessments (uid, client_id, created, bank_id, bank_version, bank_title,"
                    " risk, level, confidence, revenue_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (f"uid{number:012d}", number // 20, "2026-01-01T09:00:00Z", "checkup", 1,
                     '{"en":"Client check-up"}', 40, "watch", 1.0, None))
                db.execute("INSERT INTO bodies (assessment_id, dictionary, data, checked) VALUES (?, ?, ?, 1)",
                           (cursor.lastrowid, 1, body[: len(body) // 2]))  # about what a dictionary leaves
            db.execute("COMMIT")
            passes.append((time.perf_counter() - begun) / len(bodies) * 1e6)
            db.close()
    return statistics.median(passes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--per-client", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    count = options.clients * options.per_client
    base = [str(CLIENTCHECK)] if CLIENTCHECK.exists() else [PYTHON, "-m", "clientcheck"]
    with tempfile.TemporaryDirectory(prefix="clientcheck-floor-") as folder:
        home, other, dump = Path(folder) / "home", Path(folder) / "other", Path(folder) / "export.json"
        fill(home, options.clients, options.per_client)
        env = {**os.environ, "CLIENTCHECK_HOME": str(home)}
        run([*base, "export"], env, stdout=dump)
        took, _, _ = run([*base, "import", str(dump), "--json"], {**env, "CLIENTCHECK_HOME": str(other)})
        cpu = CPU[-1]
        items = [found[1] for found in _ITEM.finditer(dump.read_bytes())]
    assert len(items) == count, (len(items), count)
    decoder, encoder = msgspec.json.Decoder(Item), msgspec.json.Encoder()
    depth = b"\n" + b" " * 8

    def canonical(item: bytes) -> bool:
        return msgspec.json.format(encoder.encode(decoder.decode(item)), indent=2).replace(b"\n", depth) == item

    decode = per_item(decoder.decode, items, options.repeat)
    compare = per_item(canonical, items, options.repeat) - decode
    taken = [checked(item.decode()) for item in items]
    bodies = [found.signals + b"\x00" + found.document for found in taken if found is not None]
    assert len(bodies) == count, "fastcheck took fewer than all of an export's assessments"
    compress = per_item(lambda body: isal_zlib.compress(body, COMPRESSION_LEVEL), bodies, options.repeat)
    insert = sqlite_per_item([isal_zlib.compress(body, COMPRESSION_LEVEL) for body in bodies], options.repeat)
    floor = decode + compare + compress + insert
    cores = os.cpu_count() or 1
    print(f"{count:,} assessments of an export ({statistics.mean(map(len, items)) / 1000:.1f} KB each);"
          f" per assessment, and at 200,000 (the goal: {IMPORT_SECONDS:.0f} s)")
    rows = [("decode (msgspec, validating)", decode), ("canonical text (encode, compare)", compare),
            ("compress (ISA-L)", compress), ("SQLite (two rows)", insert), ("floor, one core", floor),
            (f"floor over {cores} cores, split perfectly", floor / cores),
            ("clientcheck import, wall", took / count * 1e6), ("clientcheck import, CPU", cpu / count * 1e6)]
    for name, micros in rows:
        print(f"{name:<40}{micros:8.1f} µs {micros * FULL / 1e6:8.1f} s  {micros * FULL / 1e6 / IMPORT_SECONDS:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
