"""``banks show``'s summary (ui/banks.py) as a terminal draws it (pyte): every shipped bank fits one
screen in both languages, and leaves its questions and steps to --full."""

from __future__ import annotations

import pytest

from clientcheck.bank.loader import load_bank
from clientcheck.i18n import tr, trn
from clientcheck.ui.banks import render_bank
from tests.conftest import QUESTIONS
from tests.screens import SIZES, drawn, terminal

PROMPT = "$ "
SHIPPED_BANKS = sorted(path.stem for path in QUESTIONS.glob("*.yaml"))


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(("columns", "rows"), SIZES, ids=[f"{c}x{r}" for c, r in SIZES])
@pytest.mark.parametrize("bank_id", SHIPPED_BANKS)
def test_a_bank_s_summary_fits_one_screen(bank_id: str, columns: int, rows: int, language: str) -> None:
    bank = load_bank(QUESTIONS / f"{bank_id}.yaml")
    shown = terminal(columns, rows, drawn(lambda console: render_bank(bank, language, console), columns) + PROMPT)
    assert shown[0].startswith(f"╭─ {bank.title.get(language)}  ({bank.id} v{bank.version})"), shown[:2]
    text = " ".join(" ".join(shown).split())
    assert tr(language, "show.bands") in text
    for band in bank.bands:
        assert f"{band.minimum}–{band.maximum}" in text
    assert trn(language, "show.count_questions", len(bank.questions)) in text
    assert " ".join(tr(language, "show.rest").split()) in text
    assert [line for line in shown if line][-1] == PROMPT.rstrip()


def test_the_summary_leaves_questions_and_steps_to_full() -> None:
    bank = load_bank(QUESTIONS / "starter.yaml")
    summary = drawn(lambda console: render_bank(bank, "en", console), 80, on_terminal=False)
    full = drawn(lambda console: render_bank(bank, "en", console, full=True), 80, on_terminal=False)
    for detail in ("pays_late", bank.bands[0].steps[0].get("en")[:30], "late_without_contract",
                   tr("en", "show.dealbreakers"), tr("en", "show.profiles")):
        assert detail not in summary
        assert detail in full
    assert "8 questions" in summary and "1 dealbreaker" in summary
    assert "With --full" not in full
