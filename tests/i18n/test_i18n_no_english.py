"""No English in the Italian interface (and no Italian in the English one): every command and the
error paths run with --lang it, their output searched for English words from a list.

What the output carries as data is left out before searching: command lines quoted in hints
('clientcheck answers-template ...'), file paths, the ids of banks, questions and options, and
the keys of the answers template (bank:, answers:). Every command's --help is covered by
tests/cli/test_help_words.py, bank validation messages by tests/i18n/test_patterns_bank_problems.py."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from clientcheck.bank.catalog import builtin_folder
from clientcheck.bank.loader import load_bank
from tests.conftest import CliInvoke

REPO = Path(__file__).resolve().parents[2]
ANSWERS = REPO / "tests" / "answers" / "ci-starter.yaml"
SCENARIOS = REPO / "tests" / "scenarios"

ENGLISH_WORDS = ("the", "and", "your", "you", "with", "answer", "answers", "question", "questions", "error",
                 "warning", "hint", "risk", "keep", "watch", "renegotiate", "verdict", "confidence", "signals",
                 "trend", "usage", "options", "commands", "missing", "invalid", "saved", "client", "clients",
                 "from", "since", "not", "what", "first", "next", "steps", "plan", "bank", "banks", "found",
                 "yes", "don't", "know", "never", "often", "always", "sometimes", "rarely", "share", "revenue")
ITALIAN_WORDS = ("il", "della", "delle", "risposta", "risposte", "domanda", "domande", "errore", "rischio",
                 "cliente", "clienti", "verdetto", "segnali", "questionario", "non", "sì", "spesso", "sempre")


@cache
def shipped_ids() -> frozenset[str]:
    """Every id the shipped banks define: the banks', their questions', options' and dimensions'."""
    ids: set[str] = set()
    for path in builtin_folder().glob("*.yaml"):
        bank = load_bank(path)
        ids |= {bank.id} | {d.id for d in bank.dimensions} | {q.id for q in bank.questions}
        ids |= {o.id for q in bank.questions for o in q.options}
    return frozenset(ids)


def data_removed(text: str, home: Path) -> str:
    """The output without what is data, not interface (see the module's docstring)."""
    text = text.replace(str(home), "").replace(str(REPO), "")
    text = re.sub(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, shipped_ids()), key=len, reverse=True))
                  + r")(?![\w-])", " ", text)
    text = re.sub(r"'?clientcheck [a-z][^\n']*'?", " ", text)  # command lines quoted in hints
    text = re.sub(r"\S*/\S*", " ", text)  # paths
    text = re.sub(r"\b[a-z0-9]+(?:[_-][a-z0-9]+)+\b", " ", text)  # ids: pays_late, let-go, dont_know
    text = re.sub(r"^(bank|answers):.*$", " ", text, flags=re.M)  # the template's keys
    return text


def words_of(text: str, words: tuple[str, ...]) -> list[str]:
    return sorted({word for word in words if re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", text,
                                                          re.IGNORECASE)})


COMMANDS = [
    ["assess", "--bank", "starter", "--answers", str(ANSWERS)],
    ["assess", "--bank", "starter", "--answers", str(ANSWERS), "--full"],
    ["assess", "--bank", "whale", "--answers", str(SCENARIOS / "whale-000.yaml"), "--full"],
    ["answers-template", "--bank", "starter"],
    ["answers-template", "--bank", "checkup"],
    ["banks", "list"],
    ["banks", "show", "starter"],
    ["banks", "show", "checkup", "--full"],
    ["banks", "path"],
    ["banks", "validate", str(REPO / "questions" / "starter.yaml")],
    ["clients"],
    ["history", "Acme srl"],
    ["portfolio"],
    ["report", "Acme srl"],
    ["exit-plan"],
    # error paths
    ["history", "Nessuno"],
    ["forget", "Nessuno", "--yes"],
    ["assess", "--bank", "startr", "--answers", str(ANSWERS)],
    ["assess", "--bank", "starter"],  # no terminal
    ["assess", "--nope"],
    ["history"],
    ["clients", "extra"],
    ["nosuch"],
    ["assess", "--fail-on", "maybe"],
    ["portfolio", "--limit", "abc"],
]


@pytest.fixture
def home_with_clients(cli: CliInvoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLIENTCHECK_NOW", "2026-12-01T10:00:00Z")
    for client, bank, answers in (("Acme srl", "whale", SCENARIOS / "whale-000.yaml"),
                                  ("Beta", "starter", ANSWERS)):
        result = cli("assess", "--bank", bank, "--answers", str(answers), "--client", client, "--lang", "it")
        assert result.exit_code == 0, result.stderr
    return isolated_home


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(a for a in args if "/" not in a)[:40])
def test_no_english_in_italian(cli: CliInvoke, home_with_clients: Path, args: list[str]):
    result = cli(*args, "--lang", "it")
    output = data_removed(result.stdout + result.stderr, home_with_clients)
    assert output.strip()
    assert words_of(output, ENGLISH_WORDS) == [], output


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(a for a in args if "/" not in a)[:40])
def test_no_italian_in_english(cli: CliInvoke, home_with_clients: Path, args: list[str]):
    result = cli(*args, "--lang", "en")
    output = data_removed(result.stdout + result.stderr, home_with_clients)
    output = re.sub(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|'[^']*'", " ", output)  # quoted client names and sources
    assert words_of(output, ITALIAN_WORDS) == [], output


def test_the_word_search_can_fail():
    assert words_of("Verdetto: the risk is high", ENGLISH_WORDS) == ["risk", "the"]
    assert words_of("rischio alto, non so", ITALIAN_WORDS) == ["non", "rischio"]
    assert "signals" not in data_removed("signals  I 20 segnali", Path("/nowhere"))
