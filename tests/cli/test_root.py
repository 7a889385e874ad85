"""The root app (cli/root.py: assess, answers-template, --version, the root help), in-process through
Typer's CliRunner: exit codes, streams, languages, colour, usage errors, safety."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clientcheck import __version__
from tests.cli.test_options import leaf_commands
from tests.conftest import REPO, TEST_BANKS, CliInvoke, write

FULL = str(TEST_BANKS / "full.yaml")
# full-mixed.yaml, the old renegotiate sample, now sums to 114 points (let go, risk 100):
# full-renegotiate.yaml keeps its role, with the arithmetic in its comments.
RENEGOTIATE = str(TEST_BANKS / "full-renegotiate.yaml")  # renegotiate, risk 54
RAISED = str(TEST_BANKS / "full-raised.yaml")    # let_go (raised from renegotiate), risk 60
HEALTHY = str(TEST_BANKS / "full-healthy.yaml")  # keep, risk 0
SGR_COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def assess(cli: CliInvoke, *extra: str, answers: str = RENEGOTIATE, env: dict[str, str] | None = None,
           input: str | None = None):
    return cli("assess", "--bank-file", FULL, "--answers", answers, *extra, env=env, input=input)


# --- exit codes and streams ---------------------------------------------------------------


def test_json_goes_to_stdout_alone(cli: CliInvoke) -> None:
    result = assess(cli, "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["kind"] == "clientcheck.result"
    assert document["clientcheck_version"] == __version__
    assert document["bank"] == {"id": "full", "version": 3, "title": "Full test bank",
                                "source": {"title": "Il formato delle banche", "author": "clientcheck",
                                           "date": "2024-05"}}
    # signals: has_contract no 20 + enjoys_work never 20 + tone curt 1.5×60×0.2/2 = 9 (halved
    # under risk 75) + revenue_share 30 (risk 50) 5 = 54; last_straw (weight 2) is "don't know":
    # 8.5 of 10.5 weight known
    assert (document["risk"], document["confidence"]) == (54, 0.8095)
    assert document["verdict"]["level"] == "renegotiate"
    assert document["verdict"]["band"] == {"min": 50, "max": 74, "level": "renegotiate"}
    assert document["verdict"]["steps"] == ["Write a proposal.", "Decide what you will not give up."]
    # money (2×0 + 100 + 50 + 0 + 0) / 6 = 25; people (1.5×60 + 100) / 2.5 = 76 (means of known answers)
    assert [(d["id"], d["risk"]) for d in document["dimensions"]] == [("money", 25), ("people", 76)]
    # has_contract and enjoys_work both add 1×100×0.2 = 20: the tie keeps bank order
    assert document["signals"][0]["question"] == "has_contract"
    assert document["signals"][0]["contribution"] == 20.0
    assert [(s["question"], s["contribution"]) for s in document["signals"]] == [
        ("has_contract", 20.0), ("enjoys_work", 20.0), ("tone", 9.0), ("revenue_share", 5.0)]
    assert [p["id"] for p in document["profiles"]] == ["dependent", "bad_people"]
    assert [d["id"] for d in document["dealbreakers"]] == ["no_contract"]
    assert document["verdict"]["raised_by"] == []  # no_contract is only 'watch'
    # last_straw filled in: no adds nothing (54, renegotiate), yes adds 2×100×0.2 = 40 (94, let go)
    assert document["verdict"]["unknown_bounds"] == {"best": "renegotiate", "worst": "let_go", "best_risk": 54,
                                                     "worst_risk": 94}
    # numbers come back as numbers, whole ones as integers
    assert {"question": "revenue_share", "answer": 30} in document["answers"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["timestamp"])


def test_a_raised_verdict_in_json(cli: CliInvoke) -> None:
    document = json.loads(assess(cli, "--json", answers=RAISED).stdout)
    assert document["risk"] == 60  # pays_late often 2×75×0.2 = 30 + tone rude 1.5×100×0.2 = 30
    assert document["verdict"]["level"] == "let_go"
    assert document["verdict"]["band"]["level"] == "renegotiate"
    assert document["verdict"]["raised_by"] == ["rude_and_late"]
    assert document["verdict"]["why"] == "Rude and late."
    assert document["verdict"]["label"] == "Goodbye"
    assert document["verdict"]["steps"] == ["Decide the notice period."]


@pytest.mark.parametrize(("answers", "fail_on", "code"), [
    (RENEGOTIATE, "renegotiate", 1),   # at the level
    (RENEGOTIATE, "watch", 1),         # above it
    (RENEGOTIATE, "let_go", 0),        # below it
    (HEALTHY, "keep", 1),              # keep is the lowest level: always reached
    (HEALTHY, "watch", 0),
    (RAISED, "let_go", 1),             # the raised level counts, not the band's (renegotiate)
])
def test_fail_on(cli: CliInvoke, answers: str, fail_on: str, code: int) -> None:
    result = assess(cli, "--json", "--fail-on", fail_on, answers=answers)
    assert result.exit_code == code
    risk = {RENEGOTIATE: 54, HEALTHY: 0, RAISED: 60}[answers]
    assert json.loads(result.stdout)["risk"] == risk  # the result is printed either way
    assert result.stderr == ""


def test_fail_on_refuses_an_unknown_level(cli: CliInvoke) -> None:
    result = assess(cli, "--fail-on", "panic")
    assert result.exit_code == 2
    assert "panic" in result.stderr and result.stdout == ""


def test_answers_from_stdin(cli: CliInvoke) -> None:
    text = (TEST_BANKS / "full-renegotiate.yaml").read_text(encoding="utf-8")
    result = assess(cli, "--json", answers="-", input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["risk"] == 54


def test_the_bank_is_found_by_id_on_the_banks_path_and_from_the_answers_file(cli: CliInvoke) -> None:
    env = {"CLIENTCHECK_BANKS_PATH": str(TEST_BANKS)}
    by_id = cli("assess", "--bank", "full", "--answers", RENEGOTIATE, "--json", env=env)
    assert by_id.exit_code == 0 and json.loads(by_id.stdout)["bank"]["id"] == "full"
    named = cli("assess", "--answers", RENEGOTIATE, "--json", env=env)  # 'bank: full' in the file
    assert named.exit_code == 0 and json.loads(named.stdout)["risk"] == 54


def test_no_terminal_and_no_answers_is_a_usage_error(cli: CliInvoke) -> None:
    result = cli("assess", "--bank", "starter")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("clientcheck: error: There is no terminal to ask the questions on")
    assert "clientcheck assess --bank starter --answers answers.yaml --json" in result.stderr
    assert "--answers" in result.stderr


def test_bad_answers_exit_2_with_located_problems(cli: CliInvoke, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "bad.yaml", "bank: full\nanswers:\n  pays_lat: often\n  tone: angry\n")
    result = cli("assess", "--bank-file", FULL, "--answers", "bad.yaml", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "clientcheck: error: bad.yaml: the answers do not fit bank 'full'",
        "bad.yaml:3:3: error: bank 'full' has no question 'pays_lat'",
        "    hint: did you mean 'pays_late'?",
        "bad.yaml:4:9: error: 'tone': answer one of 'calm', 'curt', 'rude' (or dont_know)",
        "    hint: see every question's answers with 'clientcheck answers-template --bank full'",
        "2 problems found.",
    ]


def test_a_broken_bank_file_exits_2_with_located_messages(cli: CliInvoke, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (TEST_BANKS / "mini.yaml").read_text(encoding="utf-8")
    write(tmp_path / "broken.yaml", text.replace("version: 1", "version: 0").replace("type: number", "type: numbr"))
    result = cli("assess", "--bank-file", "broken.yaml", "--answers", RENEGOTIATE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "clientcheck: error: broken.yaml: the question bank has 2 problems"
    assert lines[1] == "broken.yaml:2:10: error: 'version' is 0, it should be at least 1"
    assert lines[3] == ("broken.yaml:19:11: error: question 'share' has type 'numbr', which is not a question type")
    assert lines[4] == "    hint: did you mean 'number'?"
    assert lines[-1] == "2 problems found."


def test_a_bank_that_is_not_yaml_exits_2(cli: CliInvoke, tmp_path: Path) -> None:
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"id: x\n\x00\xff")
    result = cli("assess", "--bank-file", str(path), "--answers", RENEGOTIATE)
    assert result.exit_code == 2
    assert f"{path}:2:1: error: looks like a binary file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "fragment"), [
    (("assess", "--bank", "nope", "--answers", RENEGOTIATE), "no question bank with id 'nope'"),
    (("assess", "--bank", "starter", "--bank-file", FULL, "--answers", RENEGOTIATE),
     "--bank and --bank-file cannot be used together"),
    (("assess", "--bank-file", FULL, "--answers", "missing.yaml"), "missing.yaml:1:1: error: no such file"),
    (("assess", "--nope"), "No such option"),
    (("nope",), "No such command"),
])
def test_usage_and_input_errors_exit_2(cli: CliInvoke, args: tuple[str, ...], fragment: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_version(cli: CliInvoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"clientcheck {__version__}\n"
    assert cli("-V").stdout == result.stdout


def test_python_dash_m_version() -> None:
    completed = subprocess.run([sys.executable, "-m", "clientcheck", "--version"], capture_output=True, text=True,
                               cwd=REPO, timeout=60, check=False)
    assert completed.returncode == 0
    assert completed.stdout == f"clientcheck {__version__}\n"
    assert completed.stderr == ""


def test_answers_template_command_round_trips(cli: CliInvoke, tmp_path: Path) -> None:
    template = cli("answers-template", "--bank-file", FULL)
    assert template.exit_code == 0 and template.stderr == ""
    filled = template.stdout.replace("  pays_late:\n", "  pays_late: never\n").replace(
        "  has_contract:\n", "  has_contract: yes\n").replace("  revenue_share:\n", "  revenue_share: 10\n").replace(
        "  margin:\n", "  margin: 40\n").replace("  tone:\n", "  tone: calm\n").replace(
        "  enjoys_work:\n", "  enjoys_work: always\n")
    path = write(tmp_path / "filled.yaml", filled)
    result = assess(cli, "--json", answers=str(path))
    assert result.exit_code == 0 and json.loads(result.stdout)["risk"] == 0


# --- people's output: language, markup and colour ----------------------------------------


def test_the_verdict_for_people(cli: CliInvoke) -> None:
    result = assess(cli, "--full")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert "RENEGOTIATE  ·  risk 54/100" in lines[1]
    assert "The terms need renegotiating." in lines[2]
    # bars are 20 cells in eighths: money 25 → 5 filled, people 76 → 15 and 2/8 filled
    assert any(re.fullmatch(r"  Money +█{5}░{15} +25 *", line) for line in lines)
    assert any(re.fullmatch(r"  People +█{15}▎░{4} +76 *", line) for line in lines)
    # signals strongest first (has_contract 20, before enjoys_work 20 by bank order), with the
    # chosen option's own advice
    assert lines.index("What weighs most") < next(i for i, line in enumerate(lines)
                                                  if "1. Is there a signed contract?" in line)
    assert any("2. Do you enjoy the work?" in line for line in lines)
    assert any("→ Ask for a different tone." in line for line in lines)
    assert "  • Dependent — Reduce the dependence." in result.stdout
    assert "  • Write a proposal." in result.stdout
    assert all(len(line) <= 80 for line in lines)


def test_the_band_label_and_the_confidence_line(cli: CliInvoke, tmp_path: Path) -> None:
    healthy = assess(cli, answers=HEALTHY)
    assert "ALL GOOD  ·  risk 0/100" in healthy.stdout
    assert "No answer raised a concern." in healthy.stdout
    path = write(tmp_path / "unsure.yaml", (TEST_BANKS / "full-healthy.yaml").read_text(encoding="utf-8")
                 .replace("tone: calm", "tone: dont_know"))
    unsure = assess(cli, "--full", answers=str(path))
    # 6 of 7.5 weight known: 80%
    assert 'Confidence 80%: 1 answer was "don\'t know", so the picture is partial.' in unsure.stdout


def test_raised_verdicts_say_which_dealbreaker_and_take_the_raised_level_s_label_and_steps(cli: CliInvoke) -> None:
    result = assess(cli, "--full", answers=RAISED)
    assert "GOODBYE  ·  risk 60/100" in result.stdout  # the let_go band's label, though 60 is in 'renegotiate'
    assert "Raised by a dealbreaker:\n  • Rude and late." in result.stdout
    assert "  • Decide the notice period." in result.stdout


def test_lang_it_gives_italian_interface_strings(cli: CliInvoke) -> None:
    result = assess(cli, "--lang", "it", "--full")
    assert result.exit_code == 0
    for italian in ("Verdetto", "RINEGOZIA  ·  rischio 54/100", "Le condizioni vanno ridiscusse.",
                    "Per dimensione", "Cosa pesa di più", "la tua risposta: In modo brusco", "Che cosa emerge",
                    "Prossimi passi", "Scrivi una proposta.", "Questionario: Banca di prova completa"):
        assert italian in result.stdout, italian
    for english in ("Verdict", "risk 54", "Next steps", "Write a proposal."):
        assert english not in result.stdout


def test_italian_from_the_environment_and_in_json_and_errors(cli: CliInvoke) -> None:
    env = {"CLIENTCHECK_LANG": "it"}
    document = json.loads(assess(cli, "--json", env=env).stdout)
    assert document["language"] == "it"
    assert document["verdict"]["label"] == "Rinegozia"
    assert document["verdict"]["why"] == "Le condizioni vanno ridiscusse."
    error = cli("assess", "--bank", "starter", "--lang", "it")
    assert error.exit_code == 2
    assert error.stderr.startswith("clientcheck: errore: Non c'è un terminale su cui fare le domande")
    assert "  suggerimento: Rispondi da un file:" in error.stderr


def test_bank_text_is_printed_literally_never_as_markup_or_escapes(cli: CliInvoke, tmp_path: Path) -> None:
    text = (TEST_BANKS / "full.yaml").read_text(encoding="utf-8")
    text = text.replace('summary: {it: "Le condizioni vanno ridiscusse.", en: "The terms need renegotiating."}',
                        'summary: {it: "x", en: "[red]x[/red] and \\e[31mred\\e[0m \\e]0;pwned\\a[link]"}')
    # has_contract's advice: the strongest signal of these answers (last_straw, whose advice this
    # test used, is "don't know" in them)
    text = text.replace('en: "Propose a contract."', 'en: "[bold]Propose[/bold] \\e[2Ja contract."')
    bank = write(tmp_path / "markup.yaml", text)
    result = cli("assess", "--bank-file", str(bank), "--answers", RENEGOTIATE, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "[red]x[/red] and red [link]" in result.stdout
    assert "→ [bold]Propose[/bold] a contract." in result.stdout
    assert "pwned" not in result.stdout and "\x1b[2J" not in result.stdout and "\x07" not in result.stdout
    document = json.loads(cli("assess", "--bank-file", str(bank), "--answers", RENEGOTIATE, "--json").stdout)
    assert document["verdict"]["why"] == "[red]x[/red] and red [link]"


@pytest.mark.parametrize(("flags", "env"), [
    ((), {"NO_COLOR": "1"}),
    (("--no-color",), {}),
    ((), {"TERM": "dumb"}),
])
def test_no_colour_settings(cli: CliInvoke, monkeypatch: pytest.MonkeyPatch, flags: tuple[str, ...],
                            env: dict[str, str]) -> None:
    monkeypatch.delenv("NO_COLOR")  # the suite's default
    # through a pipe (as here) nothing is ever styled
    plain = assess(cli, *flags, env=env)
    assert plain.exit_code == 0
    assert "\x1b" not in plain.stdout
    # as on a terminal (FORCE_COLOR): no colour at all, and TERM=dumb not even bold
    forced = assess(cli, *flags, env={**env, "FORCE_COLOR": "1"})
    assert "RENEGOTIATE" in forced.stdout
    assert not SGR_COLOUR.search(forced.stdout)
    if env.get("TERM") == "dumb":
        assert "\x1b" not in forced.stdout


def test_colour_is_used_on_a_terminal_when_nothing_refuses_it(cli: CliInvoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: with FORCE_COLOR and no refusal, colours are there."""
    monkeypatch.delenv("NO_COLOR")
    forced = assess(cli, env={"FORCE_COLOR": "1"})
    assert SGR_COLOUR.search(forced.stdout)
    assert "\x1b" not in assess(cli, "--json", env={"FORCE_COLOR": "1"}).stdout


# --- one command line (issue 14, point 5; the shared options are tests/cli/test_options.py's) -----


ACCEPTS = "'{} --help' lists what it accepts, with examples"
NAME_ONE = "name a saved client: 'clientcheck clients' lists them, '{} --help' has examples"


@pytest.mark.parametrize(("args", "message", "command", "hint_text"), [
    (("assess", "--bogus"), "No such option: --bogus", "clientcheck assess", ACCEPTS),
    (("banks", "show", "--frobnicate"), "No such option: --frobnicate", "clientcheck banks show", ACCEPTS),
    (("history",), "Missing argument 'client'.", "clientcheck history", NAME_ONE),
    (("report", "--format", "markdown"), "Missing argument 'client'.", "clientcheck report", NAME_ONE),
    (("history", "--bogus"), "No such option: --bogus", "clientcheck history", ACCEPTS),
    (("letter", "--format", "pdf"), "Invalid value for '--format' / '-f'", "clientcheck letter", ACCEPTS),
])
def test_usage_errors_are_one_clientcheck_error_line_and_a_hint(cli: CliInvoke, args: tuple[str, ...], message: str,
                                                                command: str, hint_text: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    first, hint, *rest = result.stderr.splitlines()
    assert first.startswith(f"clientcheck: error: {message}")
    assert hint == "  hint: " + hint_text.format(command)
    assert not rest
    assert not set("╭╮╰╯│─") & set(result.stderr)


def test_usage_errors_speak_the_language_asked_for(cli: CliInvoke) -> None:
    result = cli("--lang", "it", "assess", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.startswith("clientcheck: errore: ")
    assert "suggerimento: 'clientcheck assess --help'" in result.stderr


def test_a_wrong_bank_id_is_said_first_even_without_a_terminal(cli: CliInvoke) -> None:
    result = cli("assess", "--bank", "whal")
    assert result.exit_code == 2
    assert result.stderr.startswith("clientcheck: error: no question bank with id 'whal'\n"
                                    "  hint: did you mean 'whale'?")
    assert "terminal" not in result.stderr


@pytest.mark.parametrize(("language", "given", "hint"), [
    ("en", "questions/my bank.yaml",
     "  hint: 'questions/my bank.yaml' looks like a file: pass it with --bank-file 'questions/my bank.yaml'\n"),
    ("it", "./whale.yml", "  suggerimento: './whale.yml' sembra un file: indicalo con --bank-file ./whale.yml\n")])
def test_a_file_given_to_bank_is_pointed_to_bank_file(cli: CliInvoke, language: str, given: str, hint: str) -> None:
    """A path where an id goes: the hint gives the command to type, quoted for the shell."""
    result = cli("--lang", language, "assess", "--bank", given)
    assert result.exit_code == 2
    assert result.stderr.endswith(hint), result.stderr
    assert "available" not in result.stderr and "isponibili" not in result.stderr


def test_answers_for_another_bank_are_one_error(cli: CliInvoke, tmp_path: Path) -> None:
    starter = (REPO / "tests" / "answers" / "ci-starter.yaml").read_text(encoding="utf-8")
    named = cli("assess", "--bank", "whale", "--answers", str(REPO / "tests" / "answers" / "ci-starter.yaml"))
    assert named.exit_code == 2
    assert "these answers are for bank 'starter', not 'whale'" in named.stderr
    assert named.stderr.count(": error: ") == 2  # the summary line and the one problem
    unnamed = write(tmp_path / "answers.yaml", "\n".join(line for line in starter.splitlines()
                                                        if not line.startswith("bank:")))
    result = cli("assess", "--bank", "whale", "--answers", str(unnamed))
    assert result.exit_code == 2
    assert result.stderr.count(": error: ") == 2
    assert "7 of the 8 questions answered here are not in bank 'whale': these answers are for another bank" \
        in result.stderr


def test_a_dash_at_a_terminal_says_what_it_waits_for(cli: CliInvoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.cli import app as cli_module
    from clientcheck.env import Environment

    def on_a_terminal() -> Environment:
        env = Environment.from_system()
        env.stdin_isatty = True
        return env

    monkeypatch.setattr(cli_module, "make_environment", on_a_terminal)
    text = (TEST_BANKS / "full-renegotiate.yaml").read_text(encoding="utf-8")
    result = assess(cli, "--json", answers="-", input=text)
    assert result.exit_code == 0
    assert result.stderr == ("Reading the answers from standard input: paste or type them, then press Ctrl-D "
                             "(Ctrl-Z, Enter on Windows).\n")
    assert json.loads(result.stdout)["risk"] == 54
    imported = cli("import", "-", "--lang", "it", input='{"kind": "clientcheck.export"')
    assert imported.stderr.startswith("Leggo un'esportazione dall'input standard: incollala, poi premi Ctrl-D")


def test_a_dash_from_a_pipe_says_nothing(cli: CliInvoke) -> None:
    text = (TEST_BANKS / "full-renegotiate.yaml").read_text(encoding="utf-8")
    assert assess(cli, "--json", answers="-", input=text).stderr == ""


def _help(cli: CliInvoke, path: tuple[str, ...]) -> str:
    result = cli(*path, "--help", env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert result.exit_code == 0, (path, result.stderr)
    return result.stdout


def test_every_command_s_help_shows_an_example_of_itself(cli: CliInvoke) -> None:
    for path in leaf_commands():
        shown = re.findall(r"\$ clientcheck (.+?)\s*$", _help(cli, path), re.MULTILINE)
        assert shown, f"{' '.join(path)} --help has no example"
        assert any(line.startswith(" ".join(path)) for line in shown), (path, shown)


def test_the_examples_in_help_parse(cli: CliInvoke) -> None:
    """Each example is a command line clientcheck accepts: its options exist (run with --help appended)."""
    import shlex

    for path in leaf_commands():
        for line in re.findall(r"\$ clientcheck (.+?)\s*$", _help(cli, path), re.MULTILINE):
            words = shlex.split(line.split(" > ")[0].split(" < ")[0])
            result = cli(*words, "--help")
            assert result.exit_code == 0, (line, result.stderr)


def test_root_help_gives_the_exit_codes_and_the_docs(cli: CliInvoke) -> None:
    from clientcheck.errors import ExitCode

    text = " ".join(_help(cli, ()).split())
    assert "Exit codes: 0 done, 1 the verdict reached --fail-on, 2 bad input or usage" in text
    for code in ExitCode:
        assert f" {int(code)} " in text, code
    assert "'clientcheck where'" in text
    assert "--lang, --json and --no-color go before or after a command's name" in text


def test_where_says_where_the_data_the_banks_and_the_docs_are(cli: CliInvoke, isolated_home: Path) -> None:
    result = cli("where")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Your data   {isolated_home / 'clientcheck.db'} (not created yet: nothing saved)"
    assert lines[1] == f"Your banks  {isolated_home / 'banks'}"
    assert lines[2] == f"Docs        {REPO / 'README.md'}"
    document = json.loads(cli("--json", "where").stdout)
    assert document["kind"] == "clientcheck.where"
    assert document["database"] == str(isolated_home / "clientcheck.db")
    assert not (isolated_home / "clientcheck.db").exists()  # asking never creates it
