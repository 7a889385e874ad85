"""The calibration set: client stories written from the articles, scored against the banks.

    python scripts/calibration.py --validate     # check every story file; prints no verdict
    python scripts/calibration.py                # print each story's expected and obtained levels
    python scripts/calibration.py --write        # regenerate docs/calibration.md

A story (tests/calibration/*.yaml) rests on an article passage and says which levels the
article implies; it answers every question of one or more banks. The stories were written
from the articles before the banks were tuned, and are never fitted one at a time.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import yaml

REPO = Path(__file__).resolve().parents[1]
STORIES = REPO / "tests" / "calibration"
sys.path.insert(0, str(REPO / "src"))

from clientcheck.assessment.answers import AnswersError, answers_for, parse_answers  # noqa: E402
from clientcheck.assessment.scoring import assess  # noqa: E402
from clientcheck.bank.answer_values import normalise_answer  # noqa: E402
from clientcheck.bank.loader import load_bank  # noqa: E402

LEVELS = ("keep", "watch", "renegotiate", "let_go")
ARTICLES = ("000", "001", "002", "003", "004")
FIELDS = {"id", "article", "passage", "story", "expected", "banks"}
SEEDS = REPO.parent / "shared" / "seeds"


def folded(text: str) -> str:
    """Lower case, one space for any run of white space, typographic apostrophes plain."""
    return " ".join(text.replace("\u2019", "'").lower().split())


def article_text(article: str) -> str | None:
    found = sorted(SEEDS.glob(f"{article}_*.txt"))
    return found[0].read_text(encoding="utf-8") if found else None


def stories() -> list[Path]:
    return sorted(STORIES.glob("*.yaml"))


def validate(path: Path) -> list[str]:
    problems: list[str] = []
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return [f"{path.name}: not a mapping"]
    if set(data) != FIELDS:
        problems.append(f"{path.name}: fields should be {sorted(FIELDS)}, found {sorted(data)}")
    if data.get("id") != path.stem:
        problems.append(f"{path.name}: id should be the file name without .yaml")
    if str(data.get("article")) not in ARTICLES:
        problems.append(f"{path.name}: article should be one of {ARTICLES}")
    expected = data.get("expected")
    if not isinstance(expected, list) or not expected or any(level not in LEVELS for level in expected):
        problems.append(f"{path.name}: expected should be a list of levels among {LEVELS}")
    for key in ("passage", "story"):
        if not isinstance(data.get(key), str) or len(data.get(key, "")) < 20:
            problems.append(f"{path.name}: '{key}' should be a text")
    source = article_text(str(data.get("article")))
    passage = data.get("passage")
    if source is not None and isinstance(passage, str):
        pieces = [piece for piece in re.split(r"\s*(?:\.\.\.|…)\s*", passage) if piece.strip()]
        for piece in pieces:
            if folded(piece) not in folded(source):
                problems.append(f"{path.name}: the passage is not the article's own words: {piece[:60]!r}")
    banks = data.get("banks")
    if not isinstance(banks, dict) or not banks:
        return [*problems, f"{path.name}: banks should map bank ids to answers"]
    for bank_id, answers in banks.items():
        bank_path = REPO / "questions" / f"{bank_id}.yaml"
        if not bank_path.exists():
            problems.append(f"{path.name}: no shipped bank '{bank_id}'")
            continue
        bank = load_bank(bank_path)
        text = yaml.safe_dump({"bank": bank_id, "answers": answers}, allow_unicode=True)
        # A private folder: two runs at once (two checkouts, CI beside a session) must not share a file.
        with tempfile.TemporaryDirectory(prefix="calibration-") as folder:
            scratch = Path(folder) / f"{path.stem}-{bank_id}.yaml"
            scratch.write_text(text, encoding="utf-8")
            try:
                answers_for(parse_answers(scratch), bank)
            except AnswersError as error:
                problems.extend(f"{path.name} [{bank_id}]: {problem.message}" for problem in error.problems)
    return problems


class Run(NamedTuple):
    story: str
    bank: str
    expected: tuple[str, ...]
    level: str
    risk: int

    @property
    def passed(self) -> bool:
        return self.level in self.expected


class Disagreement(NamedTuple):
    story: str
    topic: str
    topic_level: str
    checkup_level: str


def load_story(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def runs(paths: list[Path] | None = None) -> list[Run]:
    """Every story scored against every bank it answers, in file order."""
    banks: dict[str, Any] = {}
    result = []
    for path in paths if paths is not None else stories():
        story = load_story(path)
        for bank_id, answers in story["banks"].items():
            if bank_id not in banks:
                banks[bank_id] = load_bank(REPO / "questions" / f"{bank_id}.yaml")
            bank = banks[bank_id]
            normalised = {qid: normalise_answer(bank.question(qid), raw) for qid, raw in answers.items()}
            assessment = assess(bank, normalised)
            result.append(Run(story["id"], bank_id, tuple(story["expected"]), assessment.verdict.level.value,
                              assessment.risk))
    return result


def disagreements(all_runs: list[Run]) -> list[Disagreement]:
    """Stories where checkup and a topic bank differ by more than one level, or checkup says keep
    where the topic bank says renegotiate or let go."""
    found = []
    by_story: dict[str, dict[str, Run]] = {}
    for run in all_runs:
        by_story.setdefault(run.story, {})[run.bank] = run
    for story, by_bank in by_story.items():
        checkup = by_bank.get("checkup")
        if checkup is None:
            continue
        for bank_id, run in by_bank.items():
            if bank_id == "checkup":
                continue
            gap = abs(LEVELS.index(run.level) - LEVELS.index(checkup.level))
            lenient = checkup.level == "keep" and run.level in ("renegotiate", "let_go")
            if gap > 1 or lenient:
                found.append(Disagreement(story, bank_id, run.level, checkup.level))
    return found


def pass_rate(all_runs: list[Run]) -> float:
    return sum(run.passed for run in all_runs) / len(all_runs) if all_runs else 0.0


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def table(paths: list[Path] | None = None) -> str:
    """docs/calibration.md, generated: one row per story and bank."""
    paths = paths if paths is not None else stories()
    all_runs = runs(paths)
    passed = sum(run.passed for run in all_runs)
    lines = [
        "# Calibration",
        "",
        "<!-- generated by scripts/calibration.py --write; "
        "tests/contracts/test_calibration.py fails when it is stale -->",
        "",
        "Client stories written from the five articles before the banks were tuned "
        "(`tests/calibration/`). Each rests on a passage of its article and names the levels the "
        "article implies; each is answered in its topic bank and, where it applies, in `checkup`. "
        "The banks are tuned against the whole set, never one story at a time.",
        "",
        f"**{passed} of {len(all_runs)} runs get an expected level ({pass_rate(all_runs):.0%}).**",
        "",
        "| story | article | source passage | expected | bank | got | risk |",
        "|---|---|---|---|---|---|---|",
    ]
    stories_by_id = {load_story(path)["id"]: load_story(path) for path in paths}
    for run in all_runs:
        story = stories_by_id[run.story]
        mark = "" if run.passed else " ✗"
        lines.append(f"| {run.story} | {story['article']} | {_cell(story['passage'])} | "
                     f"{', '.join(run.expected)} | {run.bank} | {run.level}{mark} | {run.risk} |")
    gaps = disagreements(all_runs)
    lines += ["", "## Checkup against the topic banks", ""]
    if gaps:
        lines += ["| story | topic bank | topic | checkup |", "|---|---|---|---|"]
        lines += [f"| {g.story} | {g.topic} | {g.topic_level} | {g.checkup_level} |" for g in gaps]
    else:
        lines.append("For every story answered in both, `checkup` and the topic bank differ by at most one "
                     "level, and `checkup` never says keep where the topic bank says renegotiate or let go.")
    return "\n".join(lines) + "\n"


DOC = REPO / "docs" / "calibration.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--validate", action="store_true", help="check the story files only")
    parser.add_argument("--write", action="store_true", help="regenerate docs/calibration.md")
    options = parser.parse_args()
    if options.validate:
        problems = [problem for path in stories() for problem in validate(path)]
        print("\n".join(problems) or f"{len(stories())} stories, all valid")
        return 1 if problems else 0
    if options.write:
        DOC.write_text(table(), encoding="utf-8")
        print(f"wrote {DOC.relative_to(REPO)}")
    all_runs = runs()
    for run in all_runs:
        print(f"{'ok ' if run.passed else 'MISS'} {run.story:45} {run.bank:17} expected {'/'.join(run.expected):22}"
              f" got {run.level:12} risk {run.risk}")
    for gap in disagreements(all_runs):
        print(f"DISAGREE {gap.story}: {gap.topic} {gap.topic_level} vs checkup {gap.checkup_level}")
    print(f"{sum(r.passed for r in all_runs)} of {len(all_runs)} runs pass ({pass_rate(all_runs):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
