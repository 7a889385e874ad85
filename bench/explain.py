"""How long the verdict's explanations cost: scoring alone vs scoring with "what would change
the verdict" and the unknown bounds, side by side, on every calibration story for checkup.

    python bench/explain.py [--runs N]

Prints the median time of each and their ratio; the goal is under 50 ms for checkup.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from clientcheck.assessment.scoring import assess  # noqa: E402
from clientcheck.bank.answer_values import normalise_answer  # noqa: E402
from clientcheck.bank.loader import load_bank  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    bank = load_bank(REPO / "questions" / "checkup.yaml")
    answer_sets = []
    for path in sorted((REPO / "tests" / "calibration").glob("*.yaml")):
        story = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "checkup" in story["banks"]:
            answers = story["banks"]["checkup"]
            answer_sets.append({qid: normalise_answer(bank.question(qid), raw) for qid, raw in answers.items()})
    plain, explained, worst = [], [], 0.0
    for _ in range(options.runs):
        for answers in answer_sets:
            start = time.perf_counter()
            assess(bank, answers, explain=False)
            middle = time.perf_counter()
            assess(bank, answers)
            end = time.perf_counter()
            plain.append(middle - start)
            explained.append(end - middle)
            worst = max(worst, end - middle)
    plain_ms, explained_ms = statistics.median(plain) * 1000, statistics.median(explained) * 1000
    print(f"checkup, {len(answer_sets)} stories x {options.runs} runs")
    print(f"  score only           median {plain_ms:7.2f} ms")
    print(f"  score + explanations median {explained_ms:7.2f} ms   max {worst * 1000:7.2f} ms"
          f"   ratio {explained_ms / plain_ms:5.1f}x   goal < 50 ms: {'ok' if worst < 0.05 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
