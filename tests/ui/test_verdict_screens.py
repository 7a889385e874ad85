"""The verdict on one screen as a terminal draws it (pyte), for every shipped bank and story; its
risk bars; the rest named for --full. ``banks show``'s summary is tests/ui/test_banks.py's."""

from __future__ import annotations

import re

import pytest

from clientcheck.bank.loader import load_bank
from clientcheck.i18n import tr, trn
from clientcheck.ui.result import level_label
from clientcheck.ui.verdict import SIGNALS_ON_ONE_SCREEN, render_verdict, risk_bar
from tests.conftest import QUESTIONS, REPO, CliInvoke
from tests.screens import SIZES, Story, drawn, shipped_stories, terminal

STORIES = shipped_stories()
SGR_COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
PROMPT = "$ "


def test_every_shipped_bank_has_stories_to_draw() -> None:
    assert {story.bank.id for story in STORIES} == {path.stem for path in QUESTIONS.glob("*.yaml")}
    assert len(STORIES) >= 100


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(("columns", "rows"), SIZES, ids=[f"{c}x{r}" for c, r in SIZES])
@pytest.mark.parametrize("story", STORIES, ids=[story.name for story in STORIES])
def test_the_verdict_fits_one_screen(story: Story, columns: int, rows: int, language: str) -> None:
    """Saved under a client and followed by the shell's prompt, the whole verdict stays on a
    terminal of that size: its top border on the first row, nothing scrolled away."""
    assessment = story.assessed()
    raw = drawn(lambda console: render_verdict(assessment, language, console, saved_as="Rossi & Figli srl"), columns)
    shown = terminal(columns, rows, raw + PROMPT)
    assert shown[0].startswith("╭─ " + tr(language, "verdict.title")), shown[:3]
    assert shown[1].startswith(f"│ {level_label(assessment, language).upper()}  ·  "
                               f"{tr(language, 'verdict.risk', risk=assessment.risk)}")
    text = "\n".join(shown)
    assert tr(language, "verdict.signals") in shown
    for signal in assessment.signals[:SIGNALS_ON_ONE_SCREEN]:  # each with its contribution
        points = f"{round(signal.contribution, 1):g}".replace(".", "," if language == "it" else ".")
        assert trn(language, "verdict.points", 2, points=points) in text or points == "1"
    numbers = [line.split()[0] for line in shown if line.startswith("  ") and line.split()]
    assert f"{SIGNALS_ON_ONE_SCREEN + 1}." not in numbers  # the rest is for --full
    if assessment.verdict.outcome.steps:
        assert tr(language, "verdict.steps") in shown
    used = [line for line in shown if line]
    assert used[-1] == PROMPT.rstrip(), "the prompt is below the verdict"


# --- the bars: contributions in points of overall risk -----------------------------------------


@pytest.mark.parametrize(("value", "bar"), [
    (0, "░" * 20), (100, "█" * 20), (25, "█" * 5 + "░" * 15), (12.5, "██▌" + "░" * 17), (130, "█" * 20),
    (0.6, "▏" + "░" * 19)])
def test_a_bar_is_twenty_cells_in_eighths(value: float, bar: str) -> None:
    assert risk_bar(value, "red").plain == bar


@pytest.mark.parametrize(("value", "bar"), [(0, "." * 20), (25, "#" * 5 + "." * 15), (12.5, "##" + "." * 18)])
def test_a_plain_bar_is_ascii(value: float, bar: str) -> None:
    assert risk_bar(value, "red", plain=True).plain == bar


def bar_lines(text: str, language: str = "en") -> list[str]:
    marker = tr(language, "verdict.answer", answer="")
    return [line.strip() for line in text.splitlines() if marker in line]


def test_each_signal_shows_its_contribution_as_a_bar_and_in_points() -> None:
    story = next(story for story in STORIES if story.name == "checkup-late-payer")
    assessment = story.assessed()
    lines = bar_lines(drawn(lambda console: render_verdict(assessment, "en", console), 80, on_terminal=False))
    assert len(lines) == min(3, len(assessment.signals)) >= 1
    for line, signal in zip(lines, assessment.signals, strict=False):
        bar, points, *_ = line.split(" ")
        assert bar == risk_bar(signal.contribution, "red").plain
        assert points == f"+{round(signal.contribution, 1):g}"


def test_colour_off_or_a_dumb_terminal_draw_bars_without_escapes() -> None:
    assessment = next(story for story in STORIES if story.name == "checkup-signals-001").assessed()
    coloured = drawn(lambda console: render_verdict(assessment, "en", console), 80)
    assert "\x1b[" in coloured
    colourless = drawn(lambda console: render_verdict(assessment, "en", console), 80, NO_COLOR="1")
    assert not SGR_COLOUR.search(colourless) and "█" in colourless  # bold and dim only
    dumb = drawn(lambda console: render_verdict(assessment, "en", console, full=True), 80, TERM="dumb")
    assert not SGR_COLOUR.search(dumb)
    assert not set("█░▏▎▍▌▋▊▉") & set(dumb)
    assert all(set(line.split(" ")[0]) <= {"#", "."} for line in bar_lines(dumb))
    assert all(len(line) <= 80 for line in dumb.splitlines())


def test_a_piped_verdict_has_no_escapes_and_names_the_rest(cli: CliInvoke) -> None:
    result = cli("assess", "--answers", str(REPO / "tests" / "scenarios" / "checkup-signals-001.yaml"), "--no-save",
                 "--lang", "en", env={"NO_COLOR": "", "TERM": "xterm-256color"})
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == (
        "With --full: each dimension, every signal (22), the profiles, the exit plan.")
    full = cli("assess", "--answers", str(REPO / "tests" / "scenarios" / "checkup-signals-001.yaml"), "--no-save",
               "--lang", "en", "--full")
    assert "22. " in full.stdout and "Exit plan" in full.stdout and "By dimension" in full.stdout
    assert "With --full" not in full.stdout


THREE_CHANGES: dict[str, str | float] = {  # a late payer with no contract: three answers must change together
    "pays_late": "often", "has_contract": "no", "free_advice": "always", "not_listened": "always",
    "odd_hours": "rarely", "goals_clear": "no", "drained": "often", "revenue_share": 35.0}


@pytest.mark.parametrize("language", ["en", "it"])
def test_answers_the_panel_only_counts_are_named_by_full(language: str) -> None:
    """One screen names two of the three changes and counts the third; the line under it says
    that --full names every one, and --full does."""
    from clientcheck.assessment.scoring import assess

    assessment = assess(load_bank(QUESTIONS / "starter.yaml"), THREE_CHANGES)
    assert assessment.flip is not None and len(assessment.flip.changes) == 3
    shown = " ".join(row.strip(" │") for row in terminal(80, 60, drawn(
        lambda console: render_verdict(assessment, language, console), 80)))
    assert trn(language, "verdict.changes_more", 1) in shown
    assert tr(language, "verdict.rest_changes") in shown
    full = " ".join(row.strip(" │") for row in terminal(80, 200, drawn(
        lambda console: render_verdict(assessment, language, console, full=True), 80)))
    assert trn(language, "verdict.changes_more", 1) not in full
    assert all(change.question.text.get(language) in full for change in assessment.flip.changes)


def test_the_rest_names_no_changes_when_the_panel_names_them_all() -> None:
    from clientcheck.assessment.scoring import assess

    answers = dict(THREE_CHANGES, free_advice="never", not_listened="rarely", goals_clear="yes")
    assessment = assess(load_bank(QUESTIONS / "starter.yaml"), answers)
    assert assessment.flip is not None and 0 < len(assessment.flip.changes) <= 2
    shown = " ".join(row.strip() for row in terminal(80, 60, drawn(
        lambda console: render_verdict(assessment, "en", console), 80)))
    assert tr("en", "verdict.rest_changes") not in shown
