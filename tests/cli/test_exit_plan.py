"""`clientcheck exit-plan` and `clientcheck letter` (cli/exit_plan.py): their JSON, their screens,
the language from the environment, and that neither loads Rich or questionary."""

from __future__ import annotations

import json
import subprocess
import sys

from clientcheck.assessment.letter import LetterFormat, letter
from tests.assessment.test_exit_plan import ENGLISH_TITLES, ITALIAN_TITLES, SIX_STEPS
from tests.conftest import CliInvoke


def test_exit_plan_json_parses(cli: CliInvoke) -> None:
    result = cli("exit-plan", "--json", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["kind"] == "clientcheck.exit_plan"
    assert document["schema_version"] == 1
    assert document["language"] == "en"
    assert document["planned_exit"] is False
    assert [step["id"] for step in document["steps"]] == SIX_STEPS
    assert [step["title"] for step in document["steps"]] == ENGLISH_TITLES


def test_exit_plan_json_planned_in_italian(cli: CliInvoke) -> None:
    result = cli("exit-plan", "--json", "--planned", "--lang", "it")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["planned_exit"] is True
    assert [step["title"] for step in document["steps"]] == ["Prima sostituisci quelle entrate", *ITALIAN_TITLES]


def test_exit_plan_on_screen(cli: CliInvoke) -> None:
    result = cli("exit-plan", "--lang", "it")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Piano di uscita\n")
    for number, title in enumerate(ITALIAN_TITLES, start=1):
        assert f"{number}. {title}" in result.stdout
    assert "clientcheck letter --lang it" in result.stdout


def test_exit_plan_language_from_the_environment(cli: CliInvoke) -> None:
    result = cli("exit-plan", "--json", env={"CLIENTCHECK_LANG": "it"})
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "it"


def test_letter_command_prints_text_and_warns_about_the_placeholders(cli: CliInvoke) -> None:
    result = cli("letter", "--lang", "it")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == letter("it").text()
    assert result.stderr == ("clientcheck: attenzione: restano da completare: [nome del cliente], "
                             "[periodo di preavviso], [data del passaggio di consegne], [il tuo nome]\n")


def test_letter_command_fills_in_values(cli: CliInvoke) -> None:
    result = cli("letter", "--lang", "en", "--client", "ACME\x1b]0;pwned\x07 Ltd", "--notice", "30 days",
                 "--handover", "1 July", "--sender", "Anna", "--format", "markdown", "--no-color")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == letter("en", client="ACME Ltd", notice="30 days", handover="1 July", sender="Anna",
                                   letter_format=LetterFormat.MARKDOWN).text()
    assert result.stdout.startswith("**Subject:** Ending our collaboration\n\nDear ACME Ltd team,")
    assert result.stderr == ""  # nothing left to fill in
    assert "\x1b" not in result.stdout


def test_letter_command_to_a_company_in_json(cli: CliInvoke) -> None:
    result = cli("letter", "--lang", "it", "--client", "Mario Rossi", "--to", "company", "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["kind"] == "clientcheck.letter"
    assert (document["recipient"], document["format"], document["subject"]) == (
        "company", "text", "Conclusione della nostra collaborazione")
    assert document["body"].startswith("Spett.le Mario Rossi,\n\nVi ringrazio")
    assert document["unfilled"] == ["[periodo di preavviso]", "[data del passaggio di consegne]", "[il tuo nome]"]


def test_letter_rejects_an_unknown_language(cli: CliInvoke) -> None:
    result = cli("letter", "--lang", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_the_exit_commands_load_without_rich_or_questionary() -> None:
    code = ("import sys, clientcheck.cli.app, clientcheck.cli.exit_plan, clientcheck.assessment.exit_plan; "
            "print(sorted(m for m in ('rich', 'questionary') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
