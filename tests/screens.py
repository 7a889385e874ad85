"""Screens as a terminal draws them (pyte), and every shipped bank's stories to draw."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pyte
import yaml
from rich.console import Console

from clientcheck.assessment.scoring import Assessment, assess
from clientcheck.bank.answer_values import normalise_answer
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue, Bank
from clientcheck.ui.verdict import make_console
from tests.conftest import QUESTIONS, REPO, TEST_BANKS

SIZES = [(80, 40), (100, 40)]


def terminal(columns: int, rows: int, raw: str, *, through_pty: bool = False) -> list[str]:
    """What a terminal of that size shows once ``raw`` is drawn: as a program wrote it (the pty
    turns each newline into CR LF), or as read from a pty (``through_pty``). Whatever scrolled
    off the top is gone."""
    screen = pyte.Screen(columns, rows)
    stream = pyte.Stream(screen)
    stream.feed(raw if through_pty else raw.replace("\n", "\r\n"))
    return [line.rstrip() for line in screen.display]


WIDE_WORDS = "取引先は 請求書の 支払いを いつも 遅らせますか 🐋🧾"  # two cells a character


def wide_bank(folder: Path) -> Bank:
    """tests/banks/full.yaml with every English question text and option label ending in words
    a terminal draws two cells a character (CJK, emoji): as long in cells as two lines of 80."""
    data = _load(TEST_BANKS / "full.yaml")

    def widened(text: str | dict[str, str], words: str) -> dict[str, str]:
        texts = {"it": text, "en": text} if isinstance(text, str) else dict(text)
        return {**texts, "en": f"{texts['en']} {words}"}

    for question in data["questions"]:
        question["text"] = widened(question["text"], f"{WIDE_WORDS} {WIDE_WORDS}")
        for option in question.get("options", []):
            option["label"] = widened(option["label"], WIDE_WORDS)
    path = folder / "wide.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_bank(path)


def drawn(draw: Callable[[Console], None], columns: int, *, on_terminal: bool = True, **environ: str) -> str:
    """What ``draw`` writes, escapes included, on the console the CLI makes for stdout
    ``columns`` wide: a colour terminal (FORCE_COLOR: as a terminal would be seen), or a pipe."""
    out = io.StringIO()
    seen = {"TERM": "xterm-256color", "COLUMNS": str(columns), **({"FORCE_COLOR": "1"} if on_terminal else {})}
    draw(make_console(out, {**seen, **environ}))
    return out.getvalue()


class Story(NamedTuple):
    name: str
    bank: Bank
    answers: dict[str, AnswerValue]

    def assessed(self) -> Assessment:
        """Scored once per story, however many screens draw it."""
        if self.name not in _ASSESSED:
            _ASSESSED[self.name] = assess(self.bank, self.answers)
        return _ASSESSED[self.name]


_ASSESSED: dict[str, Assessment] = {}


def shipped_stories() -> list[Story]:
    """Every answers set shipped with the repo for a shipped bank: tests/scenarios and
    tests/answers (one bank each) and tests/calibration (one or more banks each)."""
    banks: dict[str, Bank] = {}

    def bank(bank_id: str) -> Bank:
        if bank_id not in banks:
            banks[bank_id] = load_bank(QUESTIONS / f"{bank_id}.yaml")
        return banks[bank_id]

    def story(name: str, bank_id: str, raw: dict[str, Any]) -> Story:
        chosen = bank(bank_id)
        answers = {}
        for question_id, value in raw.items():
            question = chosen.question(question_id)
            assert question is not None, (name, question_id)
            answers[question_id] = normalise_answer(question, value)
        return Story(name, chosen, answers)

    stories = []
    for path in [*sorted((REPO / "tests" / "scenarios").glob("*.yaml")),
                 *sorted((REPO / "tests" / "answers").glob("*.yaml"))]:
        data = _load(path)
        stories.append(story(path.stem, str(data["bank"]), data["answers"]))
    for path in sorted((REPO / "tests" / "calibration").glob("*.yaml")):
        for bank_id, answers in _load(path)["banks"].items():
            stories.append(story(f"{path.stem}[{bank_id}]", bank_id, answers))
    return stories


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data
