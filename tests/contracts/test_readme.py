"""The README's promises hold: its example bank validates, its commands are the ones CI runs."""

from __future__ import annotations

import re

from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import check_bank_text
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def yaml_block_after(heading: str) -> str:
    section = README[README.index(heading):]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match, f"no yaml block after {heading!r}"
    return match.group(1)


def test_example_bank_in_readme_is_valid_and_scores() -> None:
    bank, problems = check_bank_text(yaml_block_after("## Writing and editing question banks"), "README.md")
    assert bank is not None, [str(p) for p in problems]
    assert [p for p in problems if p.severity == "error"] == []
    assessment = assess(bank, {"pays_late": "always", "has_contract": "no", "days_late": 90.0})
    # signals: pays_late always x2 (40) + no contract x1 (20) + 90 days, risk 100, x1 (20) = 80
    assert assessment.risk == 80
    assert assessment.verdict.level.value == "let_go"
    assert [d.id for d in assessment.verdict.raised_by] == []  # already let_go by its band


def test_readme_opens_with_the_two_commands() -> None:
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", README)
    assert commands[:2] == [
        "python3 -m venv .venv && .venv/bin/pip install . && . .venv/bin/activate && clientcheck assess",
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest',
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in README and "test-command" in ci
