"""`clientcheck banks list|show|validate|new|path`: where banks come from, which one wins,
reading a bank, checking files, and starting a new bank that works as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clientcheck import __version__
from clientcheck.bank.authoring import starter_text
from clientcheck.bank.catalog import find_bank, menu_banks, survey
from clientcheck.bank.loader import check_bank_file
from clientcheck.errors import BankError
from tests.conftest import QUESTIONS, REPO, TEST_BANKS, CliInvoke, write

BUILTIN_IDS = sorted(path.stem for path in QUESTIONS.glob("*.yaml"))


def bank_text(bank_id: str, title: str = "Mine") -> str:
    """The starter bank of `banks new`, under another id and title (5 questions, English)."""
    text = starter_text(bank_id, "en", (REPO / "schema" / "bank.schema.json").as_uri(), f"{bank_id}.yaml",
                        "2026-01-31")  # a schema line that holds: the repository's own, current schema
    text = text.replace('title: "My client check"', f'title: "{title}"', 1)
    assert f"id: {bank_id}\n" in text and f'title: "{title}"' in text
    return text


def listing(cli: CliInvoke, *args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    result = cli("banks", "list", "--json", *args, env=env)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["kind"] == "clientcheck.banks" and document["schema_version"] == 1
    banks: list[dict[str, Any]] = document["banks"]
    return banks


def flat(text: str) -> str:
    return " ".join(text.split())


def squashed(text: str) -> str:
    """Without any whitespace: long paths fold anywhere in an 80-column table."""
    return "".join(text.split())


# --- banks list --------------------------------------------------------------------------


def test_list_shows_every_built_in_bank_with_its_facts(cli: CliInvoke) -> None:
    banks = listing(cli, "--lang", "en")
    assert [b["id"] for b in banks] == BUILTIN_IDS
    starter = next(b for b in banks if b["id"] == "starter")
    assert starter == {
        "id": "starter", "title": "First check on a client", "questions": 8, "languages": ["it", "en"],
        "origin": "built-in", "path": str(QUESTIONS / "starter.yaml"), "status": "active", "wins": True,
        "overridden_by": None, "overrides": [], "errors": [], "warnings": 0,
    }
    assert all(b["status"] == "active" for b in banks)


def test_list_titles_follow_the_chosen_language(cli: CliInvoke) -> None:
    italian = {b["id"]: b["title"] for b in listing(cli, "--lang", "it")}
    assert italian["starter"] == "Primo controllo di un cliente"
    human = cli("banks", "list", "--lang", "it")
    assert "Primo controllo di un cliente" in human.stdout
    assert "8 domande · it, en · incluso" in flat(human.stdout)


def test_a_user_bank_with_a_built_in_id_overrides_it_and_the_list_says_so(
        cli: CliInvoke, isolated_home: Path, tmp_path: Path) -> None:
    mine = write(isolated_home / "banks" / "my-whale.yaml", bank_text("whale", "My whale"))
    banks = [b for b in listing(cli) if b["id"] == "whale"]
    assert [(b["origin"], b["status"], b["wins"]) for b in banks] == [("user", "active", True),
                                                                      ("built-in", "overridden", False)]
    assert banks[0]["overrides"] == [str(QUESTIONS / "whale.yaml")]
    assert banks[1]["overridden_by"] == str(mine)

    human = squashed(cli("banks", "list").stdout)
    assert squashed(f"My whale 5 questions · en · user folder ↳ {mine} ↳ in use instead of "
                    f"{QUESTIONS / 'whale.yaml'} (built-in)") in human
    assert squashed(f"↳ not used: {mine} (user folder) overrides it") in human

    # every way of picking a bank agrees on the winner, even though the file is not named whale.yaml
    environ = dict(os.environ)
    assert find_bank("whale", environ).origin == str(mine)
    assert next(b for b in menu_banks(environ) if b.id == "whale").origin == str(mine)
    answers = write(tmp_path / "a.yaml", "bank: whale\nanswers:\n  pays_late: never\n  has_contract: yes\n"
                                         "  brief: clear\n  hours_share: 10\n")
    result = cli("assess", "--bank", "whale", "--answers", str(answers), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["bank"]["title"] == "My whale"


def test_a_banks_path_folder_wins_over_the_user_folder(cli: CliInvoke, isolated_home: Path, tmp_path: Path) -> None:
    user = write(isolated_home / "banks" / "shared.yaml", bank_text("shared", "From the user folder"))
    team = write(tmp_path / "team" / "shared.yaml", bank_text("shared", "From the team folder"))
    environ = {"CLIENTCHECK_BANKS_PATH": f"{tmp_path / 'nowhere'}{os.pathsep}{team.parent}"}
    assert [(b["origin"], b["wins"]) for b in listing(cli) if b["id"] == "shared"] == [("user", True)]
    result = cli("banks", "list", "--json", env=environ)
    shared = [b for b in json.loads(result.stdout)["banks"] if b["id"] == "shared"]
    assert [(b["origin"], b["title"], b["wins"]) for b in shared] == [("path", "From the team folder", True),
                                                                     ("user", "From the user folder", False)]
    assert shared[1]["overridden_by"] == str(team)
    assert find_bank("shared", {**os.environ, **environ}).origin == str(team)
    assert find_bank("shared", dict(os.environ)).origin == str(user)


def test_in_one_folder_the_file_named_after_the_id_wins(cli: CliInvoke, isolated_home: Path) -> None:
    named = write(isolated_home / "banks" / "twin.yaml", bank_text("twin", "Named twin"))
    write(isolated_home / "banks" / "a-twin.yaml", bank_text("twin", "Other twin"))
    twins = [b for b in listing(cli) if b["id"] == "twin"]
    assert [(b["title"], b["wins"]) for b in twins] == [("Named twin", True), ("Other twin", False)]
    assert find_bank("twin", dict(os.environ)).origin == str(named)


def test_a_broken_bank_is_listed_as_broken_and_the_others_still_load(cli: CliInvoke, isolated_home: Path) -> None:
    broken = write(isolated_home / "banks" / "whale.yaml", "id: whale\nversion: 1\n\tlanguages: [en]\n")
    write(isolated_home / "banks" / "fine.yaml", bank_text("fine"))
    banks = listing(cli)
    by_id = {(b["id"], b["origin"]): b for b in banks}
    entry = by_id[("whale", "user")]
    assert entry["status"] == "broken" and entry["wins"] and entry["title"] is None
    assert entry["errors"][0]["line"] == 3 and "tab" in entry["errors"][0]["message"]
    assert by_id[("whale", "built-in")]["overridden_by"] == str(broken)
    assert by_id[("fine", "user")]["status"] == "active"
    assert {b["id"] for b in banks if b["status"] == "active"} >= {"fine", "starter", "checkup"}

    human = squashed(cli("banks", "list").stdout)
    assert squashed("whale BROKEN (1 error); the first at 3:1: YAML syntax:") in human
    assert squashed(f"↳ see them all: clientcheck banks validate {broken}") in human

    # the broken file is what --bank whale means now: an error naming it, never a silent fallback
    with pytest.raises(BankError):
        find_bank("whale", dict(os.environ))
    result = cli("assess", "--bank", "whale", "--answers", "-", input="answers: {}\n")
    assert result.exit_code == 2
    assert f"{broken}:3:1: error: YAML syntax" in result.stderr
    assert "whale" not in {bank.id for bank in menu_banks(dict(os.environ))}


def test_a_bank_with_many_errors_is_listed_by_its_first_and_read_no_further(cli: CliInvoke,
                                                                             isolated_home: Path) -> None:
    """The screen names one error and sends to banks validate for all of them; --json, for
    scripts, still lists every error."""
    many = isolated_home / "banks" / "many-problems.yaml"
    write(many, (TEST_BANKS / "many-problems.yaml").read_text(encoding="utf-8"))
    every = check_bank_file(many)
    first = check_bank_file(many, first_error=True)
    assert every.complete and not first.complete and first.bank is every.bank is None
    assert first.problems == every.problems[:len(first.problems)]  # what was read, as the full check reads it
    assert [p.severity for p in first.problems].count("error") == 1
    error = next(p for p in first.problems if p.severity == "error")

    human = squashed(cli("banks", "list").stdout)
    assert squashed(f"BROKEN: an error at {error.line}:{error.column}: {error.message}") in human
    assert squashed(f"↳ see them all: clientcheck banks validate {many}") in human
    assert "the first at" not in human  # no count it did not make
    italian = squashed(cli("banks", "list", "--lang", "it").stdout)
    assert squashed(f"NON VALIDO: un errore alla riga {error.line}, colonna {error.column}:") in italian
    entry = next(b for b in listing(cli) if b["path"] == str(many))
    assert entry["status"] == "broken"
    assert len(entry["errors"]) == sum(p.severity == "error" for p in every.problems) > 1


@pytest.mark.parametrize("path", sorted((REPO / "tests" / "broken").glob("*.yaml")), ids=lambda path: path.name)
def test_reading_to_the_first_error_finds_what_the_full_check_finds_first(path: Path) -> None:
    every, first = check_bank_file(path), check_bank_file(path, first_error=True)
    assert first.bank is every.bank is None
    assert first.problems == (every.problems if first.complete else every.problems[:len(first.problems)])
    assert any(p.severity == "error" for p in first.problems)


def test_an_unreadable_folder_or_file_does_not_stop_the_listing(cli: CliInvoke, isolated_home: Path) -> None:
    folder = isolated_home / "banks"
    write(folder / "fine.yaml", bank_text("fine"))
    (folder / "folder.yaml").mkdir()  # a folder with a bank's name is skipped
    (folder / "notes.txt").write_text("not a bank", encoding="utf-8")
    banks = listing(cli, env={"CLIENTCHECK_BANKS_PATH": str(isolated_home / "missing")})
    assert [b["id"] for b in banks if b["origin"] == "user"] == ["fine"]


def test_assess_by_id_reads_whole_only_the_files_that_may_hold_that_id(
        isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.bank import catalog
    from clientcheck.bank.loader import load_bank

    folder = isolated_home / "banks"
    write(folder / "a-broken.yaml", "id: mine\nversion: [\n")            # says another id: never read whole
    write(folder / "b-whale.yaml", bank_text("whale"))                      # another id, loadable: not read either
    write(folder / "c-hidden.yaml", "version: 1\nx: 'open\nid: starter\n")  # no id to see before the error
    odd = write(folder / "d-odd.yaml", bank_text("starter").replace("id: starter", "id: !!str starter", 1))
    write(folder / "e-late.yaml", bank_text("starter", "Too late"))          # d-odd wins before it is reached
    loaded: list[str] = []

    def spy(path: Path, display: str | None = None) -> object:
        loaded.append(path.name)
        return load_bank(path, display)

    monkeypatch.setattr(catalog, "load_bank", spy)
    # a tagged id is not plainly there, so the file is read whole, and it is a starter bank: the user's wins
    assert find_bank("starter", dict(os.environ)).origin == str(odd)
    assert loaded == ["c-hidden.yaml", "d-odd.yaml"]
    loaded.clear()
    assert find_bank("whale", dict(os.environ)).origin == str(folder / "b-whale.yaml")
    assert loaded == ["b-whale.yaml"]
    with pytest.raises(BankError):
        find_bank("a-broken", dict(os.environ))  # named after the id asked: its problems are the answer
    assert {e.file.path.name: e.broken for e in survey(dict(os.environ)) if e.file.origin == "user"} == {
        "a-broken.yaml": True, "b-whale.yaml": False, "c-hidden.yaml": True, "d-odd.yaml": False,
        "e-late.yaml": False}


def test_survey_orders_each_id_winner_first() -> None:
    entries = survey(dict(os.environ))
    assert [e.bank_id for e in entries] == BUILTIN_IDS
    assert all(e.wins and not e.broken for e in entries)


# --- banks show --------------------------------------------------------------------------


def test_show_prints_the_whole_bank_readably(cli: CliInvoke) -> None:
    result = cli("banks", "show", "starter", "--lang", "en", "--full")
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    for fragment in [
        "First check on a client (starter v1)",
        "Languages: it, en · file:",
        "Dimensions", "payment Payment (questions: 2)",
        "Questions (8)",
        "1. pays_late frequency · payment · weight 2",
        "2. has_contract yes/no · payment · reversed · actionable",  # weight 1 now: not shown
        "8. revenue_share number · energy · context: adds no risk",  # scored: false
        "from 0 to 100%; no risk at 20, full risk at 60",
        "Bands (overall risk → verdict)", "0–19 Keep", "70–100 Let go",
        "Dealbreakers", "late_without_contract raises the verdict to at least: Renegotiate",
        "when \"How often do you have to chase a payment before…\" is often or always and \"Is there a signed contract",
        "Profiles", "whale Whale client", "is at least 30% and the overall risk is at least 45",
    ]:
        assert fragment in text, fragment


def test_show_spells_out_follow_up_conditions(cli: CliInvoke) -> None:
    result = cli("banks", "show", "--bank-file", str(TEST_BANKS / "full.yaml"), "--lang", "en", "--full")
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    # sentences: a question by its text, an answer by its label, no ids or symbols (issue 13)
    assert "follow-up, asked only when \"Does the client pay late\" is often or always" in text
    assert "follow-up, asked only when \"Share of your revenue\" is at least 30%" in text
    assert "follow-up, asked only when (\"How does the client speak to you\" is \"Curtly\" or \"Rudely\" or " \
           "\"Does the client pay late\" is always) and \"Is there a signed contract\" is not yes" in text


def test_show_in_italian(cli: CliInvoke) -> None:
    text = flat(cli("banks", "show", "starter", "--lang", "it", "--full").stdout)
    assert "Domande (8)" in text and "frequenza · payment · peso 2" in text
    assert "quando «Quante volte devi sollecitare un pagamento…» è spesso o sempre e «C'è un contratto " \
           "firmato che definisce lavoro…» è no" in text
    assert "è almeno 30% e il rischio complessivo è almeno 45" in text


def test_show_json_is_the_bank_in_the_bank_format(cli: CliInvoke) -> None:
    result = cli("banks", "show", "starter", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["kind"] == "clientcheck.bank" and document["schema_version"] == 1
    assert document["path"] == str(QUESTIONS / "starter.yaml")
    bank = document["bank"]
    assert bank["id"] == "starter" and len(bank["questions"]) == 8
    assert bank["questions"][1] == {
        "id": "has_contract", "dimension": "payment", "type": "yes_no", "reverse": True, "actionable": True,
        "text": {"it": "C'è un contratto firmato che definisce lavoro, tempi e compenso?",
                 "en": "Is there a signed contract that sets out the work, the timing and the fee?"},
        "advice": {"it": "Proponi un contratto breve con perimetro del lavoro, tempi e prezzo, prima del prossimo "
                         "incarico.",
                   "en": "Propose a short contract with the scope, timing and price before the next piece of work."},
    }
    assert bank["dealbreakers"][0]["when"] == {"all": [{"question": "pays_late", "in": ["often", "always"]},
                                                       {"question": "has_contract", "equals": "no"}]}


def test_show_an_unknown_id_names_the_known_ones(cli: CliInvoke) -> None:
    result = cli("banks", "show", "wale")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("clientcheck: error: no question bank with id 'wale'\n"
                                    "  hint: did you mean 'whale'? available: checkup, ")


def test_show_needs_an_id_or_a_file(cli: CliInvoke) -> None:
    result = cli("banks", "show")
    assert result.exit_code == 2
    assert result.stderr == ("clientcheck: error: which bank? Give its id, or --bank-file PATH\n"
                             "  hint: the ids are listed by 'clientcheck banks list'\n")


def test_show_a_broken_file_reports_its_problems(cli: CliInvoke) -> None:
    path = REPO / "tests" / "broken" / "band-gap.yaml"
    result = cli("banks", "show", "--bank-file", str(path))
    assert result.exit_code == 2
    assert f"{path}:31:5: error: gap: risk 50–59 falls in no band" in result.stderr


# --- banks validate ----------------------------------------------------------------------


def test_validate_a_clean_file(cli: CliInvoke) -> None:
    result = cli("banks", "validate", str(QUESTIONS / "whale.yaml"))
    assert result.exit_code == 0
    assert result.stdout == f"{QUESTIONS / 'whale.yaml'}: ok\n\nChecked 1 file: 0 errors, 0 warnings.\n"


def without_advice(tmp_path: Path) -> Path:
    """A bank whose first question has no advice: a warning, not an error."""
    text = bank_text("no-advice")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith('    advice: "Ask for a deposit')]
    assert len(lines) == len(text.splitlines()) - 1
    return write(tmp_path / "no-advice.yaml", "".join(lines))


def test_warnings_are_reported_apart_and_do_not_fail_unless_strict(cli: CliInvoke, tmp_path: Path) -> None:
    path = without_advice(tmp_path)
    broken = REPO / "tests" / "broken" / "band-gap.yaml"
    result = cli("banks", "validate", str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:") and ": warning: question 'pays_late' has no 'advice'" in lines[0]
    assert lines[1] == "    hint: add one concrete thing to do when this answer raises a concern"
    assert lines[-2:] == ["Checked 1 file: 0 errors, 1 warning.",
                          "Warnings do not fail the check; --strict makes them errors."]

    strict = cli("banks", "validate", "--strict", str(path))
    assert strict.exit_code == 2
    assert ": error: question 'pays_late' has no 'advice'" in strict.stdout
    assert strict.stdout.splitlines()[-1] == "Checked 1 file: 1 error, 0 warnings."

    both = cli("banks", "validate", str(broken), str(path), str(QUESTIONS / "starter.yaml"))
    assert both.exit_code == 2
    out = both.stdout
    assert out.index(f"{broken}:31:5: error") < out.index(f"{path}:") < out.index("starter.yaml: ok")
    assert "Checked 3 files: 1 error, 1 warning. 1 of them has errors." in out


def test_errors_come_before_warnings_within_a_file(cli: CliInvoke, tmp_path: Path) -> None:
    text = without_advice(tmp_path).read_text(encoding="utf-8").replace("version: 1", 'version: "1"')
    path = write(tmp_path / "both.yaml", text)
    result = cli("banks", "validate", str(path))
    severities = [line.split(": ")[1] for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert severities == ["error", "warning"]


def test_validate_a_folder_and_by_default_the_search_path(cli: CliInvoke, isolated_home: Path) -> None:
    folder = cli("banks", "validate", str(QUESTIONS))
    assert folder.exit_code == 0
    assert [line.split(":")[0] for line in folder.stdout.splitlines()[:-2]] == [
        str(QUESTIONS / f"{bank_id}.yaml") for bank_id in BUILTIN_IDS]

    write(isolated_home / "banks" / "mine.yaml", bank_text("mine"))
    default = cli("banks", "validate")
    assert default.exit_code == 0
    assert f"{isolated_home / 'banks' / 'mine.yaml'}: ok" in default.stdout
    assert f"Checked {len(BUILTIN_IDS) + 1} files" in default.stdout


def test_validate_takes_a_bank_id_for_the_file_bank_id_reads(cli: CliInvoke, isolated_home: Path,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no file called like the ids here
    built_in = cli("banks", "validate", "whale")
    assert built_in.exit_code == 0 and built_in.stdout.startswith(f"{QUESTIONS / 'whale.yaml'}: ok\n")

    mine = write(isolated_home / "banks" / "whale.yaml", bank_text("whale") + "questions: []\n")  # broken: wins
    broken = cli("banks", "validate", "whale")
    assert broken.exit_code == 2
    assert broken.stdout.startswith(f"{mine}:") and "duplicate key 'questions'" in broken.stdout

    write(tmp_path / "whale", "not a bank")  # a file of that name is the file meant
    assert cli("banks", "validate", "whale").stdout.startswith("whale:1:1: error:")
    unknown = cli("banks", "validate", "no-such-bank")
    assert unknown.exit_code == 2 and unknown.stdout.startswith("no-such-bank:1:1: error: no such file\n")


def test_validate_an_empty_folder_is_a_usage_error(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli("banks", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("clientcheck: error: no bank files to check\n")


def test_validate_json(cli: CliInvoke, tmp_path: Path) -> None:
    path = without_advice(tmp_path)
    result = cli("banks", "validate", "--json", str(path), str(QUESTIONS / "starter.yaml"))
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert {k: document[k] for k in ("kind", "schema_version", "language", "strict", "ok", "errors", "warnings")} == {
        "kind": "clientcheck.validation", "schema_version": 1, "language": "en", "strict": False, "ok": True,
        "errors": 0, "warnings": 1}
    first, second = document["files"]
    assert first["bank_id"] == "no-advice" and first["warnings"] == 1
    assert first["problems"][0]["severity"] == "warning" and first["problems"][0]["hint"]
    assert second == {"path": str(QUESTIONS / "starter.yaml"), "ok": True, "bank_id": "starter", "errors": 0,
                      "warnings": 0, "problems": []}


# --- banks new ---------------------------------------------------------------------------


def test_new_writes_a_commented_starter_that_validates_and_works(
        cli: CliInvoke, isolated_home: Path, tmp_path: Path) -> None:
    result = cli("banks", "new", "my-clients", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    path = isolated_home / "banks" / "my-clients.yaml"
    assert result.stdout.startswith(f"Wrote {path}\nNext:\n  1. try it:       clientcheck assess --bank my-clients\n")
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=bank.schema.json"  # beside it: survives reinstalls
    schema_copy = isolated_home / "banks" / "bank.schema.json"
    assert json.loads(schema_copy.read_text(encoding="utf-8"))["$comment"].startswith(
        f"written by clientcheck {__version__};")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 30, "the starter explains its fields"
    for key in ("id:", "version:", "languages:", "source:", "dimensions:", "weight:", "reverse:", "advice:",
                "when:", "options:", "safe_at:", "bands:", "dealbreakers:", "profiles:"):
        assert key in text

    strict = cli("banks", "validate", "--strict", str(path))
    assert strict.exit_code == 0, strict.stdout

    listed = next(b for b in listing(cli) if b["id"] == "my-clients")
    assert (listed["origin"], listed["status"], listed["questions"]) == ("user", "active", 5)

    template = cli("answers-template", "--bank", "my-clients", "--lang", "en")
    assert template.exit_code == 0
    filled = template.stdout.replace("  pays_late:\n", "  pays_late: often\n") \
        .replace("  has_contract:\n", "  has_contract: no\n").replace("  brief:\n", "  brief: moving\n") \
        .replace("  extra_unpaid:\n", "  extra_unpaid: yes\n").replace("  hours_share:\n", "  hours_share: 50\n")
    answers = write(tmp_path / "answers.yaml", filled)
    verdict = cli("assess", "--bank", "my-clients", "--answers", str(answers), "--json")
    assert verdict.exit_code == 0, verdict.stderr
    document = json.loads(verdict.stdout)
    assert document["bank"]["id"] == "my-clients"
    assert document["verdict"]["level"] == "let_go"
    assert [p["id"] for p in document["profiles"]] == ["time_sink"]
    assert [d["id"] for d in document["dealbreakers"]] == ["late_without_contract"]


def test_new_in_italian(cli: CliInvoke, isolated_home: Path) -> None:
    result = cli("banks", "new", "miei", "--lang", "it")
    assert result.exit_code == 0
    assert result.stdout.startswith("Creato ")
    text = (isolated_home / "banks" / "miei.yaml").read_text(encoding="utf-8")
    assert "languages: [it]" in text and "Quante volte devi sollecitare" in text
    assert cli("banks", "validate", "--strict", str(isolated_home / "banks" / "miei.yaml")).exit_code == 0


def test_new_never_overwrites_without_force(cli: CliInvoke, isolated_home: Path) -> None:
    path = write(isolated_home / "banks" / "mine.yaml", "# my careful work\n")
    result = cli("banks", "new", "mine")
    assert result.exit_code == 2
    assert result.stderr == (f"clientcheck: error: {path} already exists\n"
                             "  hint: edit it, choose another id, or pass --force to replace it\n")
    assert path.read_text(encoding="utf-8") == "# my careful work\n"
    forced = cli("banks", "new", "mine", "--force")
    assert forced.exit_code == 0
    assert "id: mine" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad_id", ["My Bank", "1st", "mine.yaml", "../escape", "a_b"])
def test_new_refuses_an_id_that_is_not_a_bank_id(cli: CliInvoke, isolated_home: Path, bad_id: str) -> None:
    result = cli("banks", "new", bad_id)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"clientcheck: error: '{bad_id}' cannot be a bank id\n  hint: use lowercase")
    assert not (isolated_home / "banks").exists()


def test_new_with_a_built_in_id_says_it_will_override_it(cli: CliInvoke, isolated_home: Path) -> None:
    result = cli("banks", "new", "starter", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document == {"kind": "clientcheck.new_bank", "schema_version": 1,
                        "clientcheck_version": document["clientcheck_version"], "id": "starter",
                        "path": str(isolated_home / "banks" / "starter.yaml"),
                        "overrides": str(QUESTIONS / "starter.yaml")}
    human = cli("banks", "new", "starter", "--force")
    assert "Its id is the id of a built-in bank: yours will be used instead of it." in human.stdout
    starters = [b for b in listing(cli) if b["id"] == "starter"]
    assert [b["origin"] for b in starters if b["wins"]] == ["user"]


def test_new_where_the_folder_cannot_be_made(cli: CliInvoke, tmp_path: Path) -> None:
    home = write(tmp_path / "a-file", "not a folder")
    result = cli("banks", "new", "mine", env={"CLIENTCHECK_HOME": str(home)})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"clientcheck: error: cannot write {home / 'banks' / 'mine.yaml'}: ")
    assert "CLIENTCHECK_HOME" in result.stderr


# --- banks path --------------------------------------------------------------------------


def test_path_lists_the_folders_in_order(cli: CliInvoke, isolated_home: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    environ = {"CLIENTCHECK_BANKS_PATH": f"{team}{os.pathsep}{tmp_path / 'missing'}{os.pathsep}{team}"}
    result = cli("banks", "path", env=environ)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Question banks are read from these folders, in order; for the same id a later folder wins:",
        f"1. built-in                {QUESTIONS}",
        f"2. user folder             {isolated_home / 'banks'}  (from CLIENTCHECK_HOME; does not exist yet)",
        f"3. CLIENTCHECK_BANKS_PATH  {team}  (from CLIENTCHECK_BANKS_PATH)",
        f"4. CLIENTCHECK_BANKS_PATH  {tmp_path / 'missing'}  (from CLIENTCHECK_BANKS_PATH; does not exist yet)",
        "--bank-file PATH, on commands that take a bank, wins over all of them.",
    ]
    document = json.loads(cli("banks", "path", "--json", env=environ).stdout)
    assert document["kind"] == "clientcheck.bank_path"
    assert [(f["origin"], f["exists"], f["set_by"]) for f in document["folders"]] == [
        ("built-in", True, None), ("user", False, "CLIENTCHECK_HOME"), ("path", True, "CLIENTCHECK_BANKS_PATH"),
        ("path", False, "CLIENTCHECK_BANKS_PATH")]


def test_without_clientcheck_home_the_user_folder_is_the_platform_config_dir(
        cli: CliInvoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLIENTCHECK_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    import platformdirs

    expected = Path(platformdirs.user_config_dir("clientcheck", appauthor=False)) / "banks"
    document = json.loads(cli("banks", "path", "--json").stdout)
    assert document["folders"][1] == {"path": str(expected), "origin": "user", "exists": False, "set_by": None}
    if sys.platform.startswith("linux"):
        assert expected == tmp_path / "config" / "clientcheck" / "banks"


# --- fast start ------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["banks", "list", "--json"], ["banks", "validate", str(QUESTIONS / "starter.yaml")],
    ["banks", "path"], ["schema", "bank"], ["banks", "show", "starter", "--json"], ["banks", "--help"],
])
def test_banks_commands_never_import_the_quiz_or_jsonschema(argv: list[str], isolated_home: Path) -> None:
    code = ("import sys\nfrom clientcheck.cli.app import main\nsys.argv = ['clientcheck', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'questionary', 'prompt_toolkit', "
            "'jsonschema', 'pydantic'})\nprint('HEAVY', heavy, code, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "CLIENTCHECK_HOME": str(isolated_home)})
    assert run.stderr.strip().splitlines()[-1] in ("HEAVY [] 0", "HEAVY [] None"), run.stderr


# --- docs/writing-banks.md shows real output ------------------------------------------------


def _doc_block(after: str) -> str:
    text = (REPO / "docs" / "writing-banks.md").read_text(encoding="utf-8")
    start = text.index("```text\n", text.index(after)) + len("```text\n")
    return text[start:text.index("```", start)]


def test_the_validate_examples_in_the_authoring_guide_are_real_output(
        cli: CliInvoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("banks", "new", "my-clients", "--lang", "en").exit_code == 0
    folder = isolated_home / "banks"
    monkeypatch.chdir(folder)
    original = (folder / "my-clients.yaml").read_text(encoding="utf-8")

    slips = original.replace('    advice: "Ask for a deposit and put due dates and late fees in writing."\n', "", 1)
    slips = slips.replace("    safe_at: 20\n", "    safeat: 20\n", 1).replace("    dimension: scope\n",
                                                                          "    dimension: scopes\n", 1)
    (folder / "my-clients.yaml").write_text(slips, encoding="utf-8")
    result = cli("banks", "validate", "my-clients.yaml")
    assert result.exit_code == 2
    assert result.stdout == _doc_block("after three slips")

    quote = original.replace("payments?\"\n", "payments?\n", 1)
    assert quote != original
    (folder / "my-clients.yaml").write_text(quote, encoding="utf-8")
    result = cli("banks", "validate", "my-clients.yaml")
    assert result.stdout.splitlines()[:2] == _doc_block("so it comes alone").splitlines()


# --- the schema copy beside the user's banks (issue 14, point 8) ----------------------------


def _schema_copy(home: Path) -> Path:
    return home / "banks" / "bank.schema.json"


def test_new_keeps_one_schema_copy_and_refreshes_it_when_older(cli: CliInvoke, isolated_home: Path) -> None:
    from clientcheck.bank.authoring import schema_copy_text

    assert cli("banks", "new", "first").exit_code == 0
    copy = _schema_copy(isolated_home)
    assert copy.read_text(encoding="utf-8") == schema_copy_text()
    copy.write_text(schema_copy_text().replace(f"clientcheck {__version__}", "clientcheck 0.0.1")
                    .replace('"title": "clientcheck question bank"', '"title": "old"'), encoding="utf-8")
    assert cli("banks", "new", "second").exit_code == 0
    assert copy.read_text(encoding="utf-8") == schema_copy_text()  # refreshed
    newer = schema_copy_text().replace(f"clientcheck {__version__}", "clientcheck 99.0")
    copy.write_text(newer, encoding="utf-8")
    assert cli("banks", "new", "third").exit_code == 0
    assert copy.read_text(encoding="utf-8") == newer  # a newer clientcheck's copy is left alone
    assert sorted(p.name for p in copy.parent.iterdir()) == ["bank.schema.json", "first.yaml", "second.yaml",
                                                             "third.yaml"]  # no temporary file left


def test_a_refused_new_bank_writes_no_schema(cli: CliInvoke, isolated_home: Path) -> None:
    assert cli("banks", "new", "Not An Id").exit_code == 2
    assert not _schema_copy(isolated_home).exists()


def test_validate_says_when_the_schema_line_points_to_a_missing_file(cli: CliInvoke, tmp_path: Path) -> None:
    text = bank_text("old-line").replace(
        bank_text("old-line").splitlines()[0],
        "# yaml-language-server: $schema=file:///usr/lib/python3.9/site-packages/clientcheck/schema/bank.schema.json")
    path = write(tmp_path / "old-line.yaml", text)
    result = cli("banks", "validate", str(path))
    assert result.exit_code == 0  # a warning
    assert (f"{path}:1:33: warning: the schema line points to file:///usr/lib/python3.9/site-packages/clientcheck/"
            "schema/bank.schema.json, which does not exist") in result.stdout
    assert (f"make the first line '# yaml-language-server: $schema=bank.schema.json' and write the schema beside "
            f"the bank: clientcheck schema bank > {tmp_path / 'bank.schema.json'}") in result.stdout
    assert cli("banks", "validate", "--strict", str(path)).exit_code == 2


def test_validate_says_when_the_schema_file_is_older(cli: CliInvoke, tmp_path: Path) -> None:
    from clientcheck.bank.authoring import schema_copy_text

    path = write(tmp_path / "mine.yaml", bank_text("mine").replace(
        bank_text("mine").splitlines()[0], "# yaml-language-server: $schema=bank.schema.json"))
    write(tmp_path / "bank.schema.json", schema_copy_text().replace(f"clientcheck {__version__}", "clientcheck 0.0.1")
          .replace('"title": "clientcheck question bank"', '"title": "old"'))
    result = cli("banks", "validate", str(path))
    assert (f"warning: the schema line points to bank.schema.json, which is from clientcheck 0.0.1 "
            f"({__version__} runs)") in result.stdout
    assert f"hint: refresh it: clientcheck schema bank > {tmp_path / 'bank.schema.json'}" in result.stdout
    write(tmp_path / "bank.schema.json", cli("schema", "bank").stdout)  # the fix the hint gives
    assert ": warning:" not in cli("banks", "validate", str(path)).stdout


def test_validate_refreshes_the_copy_banks_new_keeps(cli: CliInvoke, isolated_home: Path) -> None:
    from clientcheck.bank.authoring import schema_copy_text

    assert cli("banks", "new", "mine").exit_code == 0
    _schema_copy(isolated_home).write_text(schema_copy_text().replace(f"clientcheck {__version__}",
                                                                      "clientcheck 0.0.1"), encoding="utf-8")
    result = cli("banks", "validate", "--strict", str(isolated_home / "banks" / "mine.yaml"))
    assert result.exit_code == 0, result.stdout
    assert _schema_copy(isolated_home).read_text(encoding="utf-8") == schema_copy_text()


def test_the_shipped_banks_schema_lines_hold() -> None:
    from clientcheck.bank.authoring import schema_line_problem

    for path in sorted(QUESTIONS.glob("*.yaml")):
        assert schema_line_problem(path) is None, path
