"""Client names people can trust (issue 14, point 4): "did you mean …?" for a name that nearly
matches a saved one, a choice on a terminal, and shell completion of client names and bank ids."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput

from clientcheck.suggest import comparable, nearest
from tests.conftest import REPO, CliInvoke

STARTER_ANSWERS = str(REPO / "tests" / "answers" / "ci-starter.yaml")
SAVED = ["Rossi & Figli srl", "Società Bianchi", "Acme", "Verdi Consulting"]


# --- the pure rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [
    ("ROSSI & FIGLI SRL", ["Rossi & Figli srl"]),   # case
    ("societa bianchi", ["Società Bianchi"]),        # accents
    ("Ac\u200bme", ["Acme"]),                        # an invisible character
    ("Rossi", ["Rossi & Figli srl"]),                # the start of a long name
    ("rossi & figli", ["Rossi & Figli srl"]),
    ("Acme srl", ["Acme"]),                          # a saved name and more
    ("Acne", ["Acme"]),                              # a small typo
    ("Verdi Consultig", ["Verdi Consulting"]),
    ("Neri", []),                                    # nothing like it
    ("Ro", []),                                      # too short a beginning to mean anything
    ("", []),
])
def test_nearest_forgives_case_accents_a_prefix_and_a_typo(typed: str, meant: list[str]) -> None:
    assert nearest(typed, SAVED) == meant


def test_nearest_lists_the_best_first_and_at_most_the_limit() -> None:
    names = ["Rossi Mario", "Rossi & Figli srl", "Rossini", "Rossa"]
    assert nearest("rossi", names) == ["Rossini", "Rossi Mario", "Rossi & Figli srl"]
    assert nearest("rossi", names, limit=1) == ["Rossini"]


def test_comparable_is_what_people_see() -> None:
    assert comparable("  Società\u200b  BIANCHI ") == "societa bianchi"


# --- on the command line ----------------------------------------------------------------------


def _save(cli: CliInvoke, client: str, *extra: str):
    return cli("assess", "--answers", STARTER_ANSWERS, "--client", client, *extra)


def test_a_name_like_a_saved_one_is_not_silently_a_new_client(cli: CliInvoke) -> None:
    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    result = _save(cli, "Rossi")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "clientcheck: error: no saved client called 'Rossi'; similar names: 'Rossi & Figli srl'\n"
        "  hint: to save under 'Rossi & Figli srl', write --client \"Rossi & Figli srl\"; to start a new client "
        "called 'Rossi', add --new-client\n")
    assert "Rossi\n" not in cli("clients").stdout.replace("Rossi & Figli srl", "")


def test_new_client_says_it_is_meant(cli: CliInvoke) -> None:
    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    result = _save(cli, "Rossi", "--new-client", "--json")
    assert result.exit_code == 0, result.stderr
    names = [row["name"] for row in json.loads(cli("clients", "--json").stdout)["clients"]]
    assert sorted(names) == ["Rossi", "Rossi & Figli srl"]


def test_the_same_client_in_another_case_is_the_same_client(cli: CliInvoke) -> None:
    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    assert _save(cli, "ROSSI & FIGLI SRL").exit_code == 0
    assert "Rossi & Figli srl" in cli("clients").stdout


@pytest.mark.parametrize("command", ["history", "report", "forget"])
def test_history_report_and_forget_suggest_the_saved_name(cli: CliInvoke, command: str) -> None:
    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    result = cli(command, "rossi", "--lang", "it")
    assert result.exit_code == 2
    assert result.stderr == ("clientcheck: errore: nessun cliente salvato con il nome 'rossi'\n"
                             "  suggerimento: forse intendevi 'Rossi & Figli srl'?\n")


def test_in_the_quiz_the_person_chooses_the_saved_client_or_a_new_one() -> None:
    from clientcheck.ui.quiz import ask_which_client

    for keys, chosen in (("\r", "Rossi & Figli srl"), ("\x1b[B\r", "Rossi")):
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            assert ask_which_client("en", "Rossi", ["Rossi & Figli srl"], input=pipe,
                                    output=DummyOutput()) == chosen


def test_on_a_terminal_assess_asks_which_client_before_the_quiz(cli: CliInvoke,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.cli import names

    assert _save(cli, "Rossi & Figli srl").exit_code == 0

    class Prompts:
        def __init__(self) -> None:
            self.asked: list[tuple[str, list[str]]] = []

        def which_client(self, typed: str, candidates: list[str]) -> str:
            self.asked.append((typed, list(candidates)))
            return candidates[0]

    from clientcheck.env import Environment

    env = Environment.from_system()
    env.stdin_isatty = True
    prompts = Prompts()
    assert names.settle_client(env, "en", "rossi", prompts) == "Rossi & Figli srl"  # type: ignore[arg-type]
    assert prompts.asked == [("rossi", ["Rossi & Figli srl"])]
    assert names.settle_client(env, "en", "Neri", prompts) == "Neri"  # type: ignore[arg-type]
    assert len(prompts.asked) == 1


# --- shell completion ----------------------------------------------------------------------------


def test_completion_callbacks_offer_client_names_and_bank_ids(cli: CliInvoke) -> None:
    from clientcheck.cli.names import complete_bank, complete_client

    assert complete_client("ro") == []  # nothing saved yet, and no database is created
    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    assert _save(cli, "Società Bianchi").exit_code == 0
    assert complete_client("ro") == ["Rossi & Figli srl"]
    assert complete_client("SOCIETA") == ["Società Bianchi"]
    assert complete_client("") == ["Rossi & Figli srl", "Società Bianchi"]
    assert complete_bank("wh") == ["whale"]
    assert {"checkup", "starter", "whale"} <= set(complete_bank(""))


def _complete(words: str, isolated_home: Path) -> list[str]:
    """What bash would offer after ``words`` (Click's completion protocol, as the installed script asks)."""
    env = {**os.environ, "_CLIENTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split(" ")) - 1), "CLIENTCHECK_HOME": str(isolated_home)}
    completed = subprocess.run([sys.executable, "-c", "from clientcheck.cli.app import main; main()"],
                               env=env, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()


@pytest.mark.slow
def test_the_shell_completes_client_names_and_bank_ids(cli: CliInvoke, isolated_home: Path) -> None:
    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    # bash inserts a candidate as it is: escaped, so '&' and the spaces stay part of the name
    assert _complete("clientcheck history Ro", isolated_home) == [r"Rossi\ \&\ Figli\ srl"]
    assert _complete("clientcheck forget ", isolated_home) == [r"Rossi\ \&\ Figli\ srl"]
    assert _complete("clientcheck assess --bank wh", isolated_home) == ["whale"]
    assert _complete("clientcheck banks show st", isolated_home) == ["starter"]


@pytest.mark.slow
def test_the_shell_completes_a_client_name_typed_in_another_case(cli: CliInvoke, isolated_home: Path) -> None:
    assert _save(cli, "Acme").exit_code == 0
    assert _save(cli, "Società Bianchi").exit_code == 0
    assert _complete("clientcheck history ac", isolated_home) == ["Acme"]  # Typer's own filter kept none
    assert _complete("clientcheck report SOCIETA", isolated_home) == [r"Società\ Bianchi"]
    assert _complete("clientcheck assess --client a", isolated_home) == ["Acme"]
    assert not any(_complete("clientcheck forget b", isolated_home))  # a name must begin with what is typed


@pytest.mark.slow
def test_in_a_terminal_assess_offers_the_saved_client(cli: CliInvoke, isolated_home: Path) -> None:
    """End to end in a pseudo-terminal: a near name gets the choice, and Enter takes the saved client."""
    import pexpect

    assert _save(cli, "Rossi & Figli srl").exit_code == 0
    env = {**os.environ, "CLIENTCHECK_HOME": str(isolated_home), "NO_COLOR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "clientcheck", "assess", "--bank", "starter", "--client", "rossi"],
                          env=env, encoding="utf-8", timeout=30, dimensions=(40, 100))
    try:
        child.expect("No saved client is called \"rossi\". Which one is it?")
        child.expect("A new client: \"rossi\"")
        child.send("\r")
        child.expect("question 1 of")  # the quiz starts, for the saved client
        child.expect("Don't know")  # its menu drawn whole: a Ctrl-C sent while it is set up may be flushed away
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    saved = json.loads(cli("clients", "--json").stdout)["clients"]
    assert [row["name"] for row in saved] == ["Rossi & Figli srl"]  # no new "rossi"
