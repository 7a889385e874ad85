"""The saved-clients commands through the CLI: assess --client, clients, history, portfolio,
report, export, import, forget — in English and Italian, on screen and in JSON."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clientcheck.assessment.saving import rescore_saved, saved_result_in
from clientcheck.cli import app as cli_module
from clientcheck.cli.app import load_commands
from clientcheck.env import Environment
from clientcheck.ui.result import result_document
from tests.clients_helpers import REPO, SCENARIOS, open_store, scenario_record, utc

CliInvoke = Callable[..., Result]
__all__ = ["utc"]  # the fixture, used by name below

ANSWERS = REPO / "tests" / "answers"
SAVES = [  # (client as typed, answers file, when): three clients over three months
    # Acme, a whale: keep, risk 8 (one signal, postponed_break sometimes: 1.5×50×0.2/2 = 7.5),
    # then let go twice, risk 100 (12 and 14 signals, 242.5 and more points, capped)
    ("Acme", ANSWERS / "whale-healthy-postponing.yaml", "2026-01-05T09:00:00Z"),
    ("acme", SCENARIOS / "whale-small.yaml", "2026-02-05T09:00:00Z"),
    ("ACME", SCENARIOS / "whale-000.yaml", "2026-03-05T09:00:00Z"),
    # Beta, rising: keep, risk 8 (s09 sometimes 7.5), then watch, risk 41 (15 + 11.25 + 7.5 + 7.5)
    ("Beta & Figli", SCENARIOS / "signals-healthy.yaml", "2026-01-10T09:00:00Z"),
    ("Beta & Figli", ANSWERS / "signals-rising.yaml", "2026-03-01T09:00:00Z"),
    # Gamma: risk 40 (pays_late always 2×100×0.2) in the watch band, raised to renegotiate by late_payer
    ("Gamma", SCENARIOS / "let-go-late-payer.yaml", "2026-02-20T09:00:00Z"),
]


def save(cli: CliInvoke, client: str, scenario: str, when: str, *extra: str) -> Result:
    return cli("assess", "--answers", str(SCENARIOS / scenario), "--client", client, *extra,
               env={"CLIENTCHECK_NOW": when})


@pytest.fixture(scope="module")
def saved_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SAVES made once through the CLI; each test gets its own copy."""
    app = load_commands()
    home = tmp_path_factory.mktemp("saved") / "home"
    for client, answers, when in SAVES:
        result = CliRunner().invoke(app, ["assess", "--answers", str(answers), "--client", client,
                                          "--json"], env={"CLIENTCHECK_HOME": str(home), "CLIENTCHECK_NOW": when})
        assert result.exit_code == 0, result.stderr
    return home


@pytest.fixture
def saved(cli: CliInvoke, utc: None, saved_home: Path, isolated_home: Path) -> CliInvoke:
    shutil.copytree(saved_home, isolated_home)
    return cli


# --- assess saves -------------------------------------------------------------------------


def test_assess_with_client_prints_the_verdict_then_says_where_it_was_saved(cli: CliInvoke,
                                                                            isolated_home: Path) -> None:
    result = save(cli, "Acme", "whale-000.yaml", "2026-03-05T09:00:00Z")
    assert result.exit_code == 0, result.stderr
    assert "LET GO" in result.stdout
    assert result.stdout.rstrip().endswith('Saved for Acme. See the trend with: clientcheck history "Acme"')
    assert result.stderr == ""
    assert (isolated_home / "clientcheck.db").is_file()


def test_assess_json_names_the_client_and_uses_the_saved_timestamp(cli: CliInvoke) -> None:
    result = save(cli, "Acme", "whale-000.yaml", "2026-03-05T09:00:00Z", "--json")
    document = json.loads(result.stdout)
    assert (document["client"], document["timestamp"]) == ("Acme", "2026-03-05T09:00:00Z")
    exported = json.loads(cli("export").stdout)
    assert exported["clients"][0]["assessments"][0]["result"] == {k: v for k, v in document.items() if k != "client"}


def test_without_client_or_with_no_save_nothing_is_saved(cli: CliInvoke, isolated_home: Path) -> None:
    assert cli("assess", "--answers", str(SCENARIOS / "whale-000.yaml"), "--json").exit_code == 0
    assert not (isolated_home / "clientcheck.db").exists()
    result = save(cli, "Acme", "whale-000.yaml", "2026-03-05T09:00:00Z", "--no-save", "--json")
    assert result.exit_code == 0 and "client" not in json.loads(result.stdout)
    assert not (isolated_home / "clientcheck.db").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--client", " \x1b[2J "], "clientcheck: error: a client name must have some visible text, at most 200 "
                                "characters\n"),
    (["--client", "Acme", "--resume"], "clientcheck: error: --resume picks up an unfinished quiz: it cannot be "
                                       "used with --answers\n"),
    (["--client", "Acme", "--no-save", "--resume"], "clientcheck: error: --resume picks up an unfinished quiz: "
                                                    "it cannot be used with --answers\n"),
])
def test_bad_saving_options_are_usage_errors(cli: CliInvoke, args: list[str], message: str) -> None:
    result = cli("assess", "--answers", str(SCENARIOS / "whale-000.yaml"), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)


def test_client_names_are_data(cli: CliInvoke, utc: None) -> None:
    name = "[bold red]Evil[/] \x1b]0;pwned\x07 *Ünïcødé* 日本 | <b>"
    assert save(cli, name, "whale-000.yaml", "2026-03-05T09:00:00Z", "--json").exit_code == 0
    listed = cli("clients").stdout
    assert "[bold red]Evil[/] *Ünïcødé* 日本 | <b>  Let go" in listed
    assert "\x1b" not in listed and "\x07" not in listed
    assert json.loads(cli("clients", "--json").stdout)["clients"][0]["name"] == "[bold red]Evil[/] *Ünïcødé* 日本 | <b>"
    report = cli("report", "[BOLD RED]evil[/] *ünïcødé* 日本 | <b>").stdout
    assert report.startswith("# Client report: \\[bold red\\]Evil\\[/\\] \\*Ünïcødé\\* 日本 \\| \\<b\\>\n")


# --- clients ------------------------------------------------------------------------------


def test_clients_when_nothing_is_saved(cli: CliInvoke, isolated_home: Path) -> None:
    result = cli("clients")
    assert (result.exit_code, result.stdout) == (0, 'No clients saved yet. Save one with: clientcheck assess '
                                                    '--client "Acme"\n')
    assert json.loads(cli("clients", "--json").stdout)["clients"] == []
    assert not isolated_home.exists()  # reading never creates the database


CLIENTS_EN = """\
Clients (3)
Client        Verdict      Risk  Trend  Last         Checks
Acme          Let go        100  =      5 Mar 2026        3
Beta & Figli  Watch          41  ↑33    1 Mar 2026        2
Gamma         Renegotiate    40  ·      20 Feb 2026       1
Details: clientcheck history NAME · ranking: clientcheck portfolio
"""
CLIENTS_IT = """\
Clienti (3)
Cliente       Verdetto        Rischio  Andamento  Ultima       Valutazioni
Acme          Lascia andare       100  =          5 mar 2026             3
Beta & Figli  Tieni d'occhio       41  ↑33        1 mar 2026             2
Gamma         Rinegozia            40  ·          20 feb 2026            1
Dettagli: clientcheck history NOME · classifica: clientcheck portfolio
"""


@pytest.mark.parametrize(("lang", "expected"), [("en", CLIENTS_EN), ("it", CLIENTS_IT)])
def test_clients_lists_last_verdict_risk_date_and_count(saved: CliInvoke, lang: str, expected: str) -> None:
    result = saved("clients", "--lang", lang)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_clients_json(saved: CliInvoke) -> None:
    document = json.loads(saved("clients", "--json").stdout)
    assert (document["kind"], document["schema_version"]) == ("clientcheck.clients", 1)
    assert document["clients"][0] == {
        "name": "Acme", "assessments": 3, "revenue_share": 45,
        "last": {"timestamp": "2026-03-05T09:00:00Z", "bank": "whale", "risk": 100, "level": "let_go"},
        "previous_risk": 100}


# --- history ------------------------------------------------------------------------------

HISTORY_EN = """\
Acme — 3 assessments
Risk over time  8 → 100
100┤                              ···●····························●
   │                          ····                                  Let go
 70┤╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌···╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌
   │                    ···
   │                 ···                                            Renegotiate
 45┤╌╌╌╌╌╌╌╌╌╌╌╌╌╌···╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌
   │           ···
   │        ···                                                     Watch
 20┤╌╌╌╌╌···╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌
   │ ····
  0┤●                                                               Keep
   └┴────────────────────────────────┴────────────────────────────┴
5 Jan 2026                      5 Feb 2026                   5 Mar 2026

Date              Bank      Risk  Verdict  Signals
5 Jan 2026 09:00  whale v1     8  Keep     first with this bank
5 Feb 2026 09:00  whale v1   100  Let go   +12 new, −1 resolved
5 Mar 2026 09:00  whale v1   100  Let go   +2 new

Since the previous whale assessment (5 February 2026): risk 100 → 100
  Newly triggered:
    + Have you caught yourself thinking about ending things with this client and
      then putting it off?
"""


def test_history_shows_a_chart_each_assessment_and_what_changed(saved: CliInvoke) -> None:
    result = saved("history", "acme")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(HISTORY_EN)


def test_history_in_italian_numbers_the_signals(saved: CliInvoke) -> None:
    result = saved("history", "BETA & FIGLI", "--lang", "it")
    assert result.exit_code == 0, result.stderr
    # new: s18 (15), s02 (11.25), s06 (7.5); the chart's band names and dates in Italian
    assert result.stdout.startswith("Beta & Figli — 2 valutazioni\nRischio nel tempo  8 → 41\n")
    assert "Tieni d'occhio\n" in result.stdout and "10 gen 2026" in result.stdout
    assert "1 mar 2026 09:00   signals v1         41  Tieni d'occhio  +3 nuovi\n" in result.stdout
    assert "Dalla valutazione precedente (signals, 10 gennaio 2026): rischio 8 → 41\n  Nuovi segnali:\n" \
           "    + #18 Il cliente studia la concorrenza" in result.stdout


def test_history_json_lists_new_and_resolved_signals(saved: CliInvoke) -> None:
    document = json.loads(saved("history", "Acme", "--json").stdout)
    assert (document["kind"], document["client"], document["sparkline"]) == ("clientcheck.history", "Acme", "▂██")
    first, second, third = document["assessments"]
    assert first["changes"] is None
    # whale-small has 12 signals, none of them the first check's postponed_break (now rarely)
    assert (len(second["changes"]["new"]), len(second["changes"]["resolved"])) == (12, 1)
    assert [s["question"] for s in second["changes"]["resolved"]] == ["postponed_break"]
    assert second["changes"]["compared_to"] == first["id"]
    # strongest first: postponed_break often 1.5×75×0.2 = 22.5, love_project yes 20
    assert [s["question"] for s in third["changes"]["new"]] == ["postponed_break", "love_project"]


def test_history_of_an_unknown_client_is_a_clear_error(saved: CliInvoke) -> None:
    result = saved("history", "Acne")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "clientcheck: error: no saved client called 'Acne'\n  hint: did you mean 'Acme'?\n"


def test_history_with_nothing_saved(cli: CliInvoke) -> None:
    result = cli("history", "Acme", "--lang", "it")
    assert result.exit_code == 2
    assert result.stderr == ("clientcheck: errore: nessun cliente salvato con il nome 'Acme'\n"
                             "  suggerimento: non c'è ancora niente di salvato: 'clientcheck assess --client NOME' "
                             "salva un risultato\n")


# --- portfolio ----------------------------------------------------------------------------

PORTFOLIO_EN = """\
Portfolio: 3 clients, riskiest first
#  Client        Verdict      Risk  Trend  Revenue  Last
1  Acme          Let go        100  =          45%  5 Mar 2026   ● whale
2  Beta & Figli  Watch          41  ↑33        15%  1 Mar 2026
3  Gamma         Renegotiate    40  ·          20%  20 Feb 2026

Share of revenue and risk
100┤                      ···········1································· whales
   │                      ·····················································
   │                      ·····················································
   │                      ·····················································
 50┤                      ·····················································
   │           2   3
   │
   │
   │
  0┤
   └┬─────────────────────┬──────────────┬────────────────────────────────────┬
   0%                    30%            50%                                 100%
→ share of your revenue · ↑ risk · numbers as in the table

Revenue concentration
  Largest client: Acme, 45% of revenue.  Concentrated: keep diversifying.
  Share known for 3 clients out of 3; together 80%.

Act on these first
  1. Acme — whale: 45% of revenue at risk 100; plan before you act
  2. Gamma — renegotiate: risk 40
  3. Beta & Figli — getting worse: risk up 33 since last time, now 41
"""
PORTFOLIO_IT_END = """\
Concentrazione del fatturato
  Cliente più grande: Acme, 45% del fatturato.
  Piuttosto concentrato: conviene diversificare.
  Quota nota per 3 clienti su 3; in tutto 80%.

Da affrontare per primi
  1. Acme — balena: 45% del fatturato, rischio 100; pianifica prima di agire
  2. Gamma — rinegozia: rischio 40
  3. Beta & Figli — sta peggiorando: rischio salito di 33 dall'ultima volta, ora 41
"""


def test_portfolio_ranks_flags_whales_shows_concentration_and_what_first(saved: CliInvoke) -> None:
    result = saved("portfolio")
    assert (result.exit_code, result.stdout, result.stderr) == (0, PORTFOLIO_EN, "")


def test_portfolio_in_italian(saved: CliInvoke) -> None:
    result = saved("portfolio", "--lang", "it")
    assert result.stdout.startswith("Portafoglio: 3 clienti, dal più a rischio\n")
    assert "1  Acme         Lascia andare       100  =            45%  5 mar 2026   ● balena\n" in result.stdout
    assert result.stdout.endswith(PORTFOLIO_IT_END)


def test_portfolio_limit_and_json(saved: CliInvoke) -> None:
    assert "… and 2 more (without --limit: all)" in saved("portfolio", "--limit", "1").stdout
    document = json.loads(saved("portfolio", "--json").stdout)
    assert [(c["rank"], c["name"], c["whale"]) for c in document["clients"]] == [
        (1, "Acme", True), (2, "Beta & Figli", False), (3, "Gamma", False)]
    assert document["concentration"] == {"level": "medium", "shares_known": 3, "shares_total": 80,
                                         "largest": {"name": "Acme", "revenue_share": 45}}
    assert [(a["name"], a["reason"]) for a in document["act_first"]] == [
        ("Acme", "whale"), ("Gamma", "renegotiate"), ("Beta & Figli", "rising")]


def test_portfolio_when_nothing_is_saved(cli: CliInvoke) -> None:
    assert cli("portfolio", "--lang", "it").stdout == ("Nessun cliente salvato. Salvane uno con: clientcheck assess "
                                                       "--client \"Acme\"\n")


# --- report -------------------------------------------------------------------------------


def test_report_markdown_has_the_latest_assessment_and_the_trend(saved: CliInvoke) -> None:
    result = saved("report", "acme", "--format", "markdown", env={"CLIENTCHECK_NOW": "2026-03-06T10:00:00Z"})
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Client report: Acme\n\n*Written by clientcheck on 6 March 2026 · 3 assessments, the "
                           "first on 5 January 2026*\n\n## Latest assessment: 5 March 2026, 09:00 — The whale client "
                           "(v1)\n\n**Let go** · risk 100/100 · confidence 100%\n")
    for line in ["### By dimension", "### What weighs most", "## Trend", "    line [8, 100, 100]",
                 "| 5 February 2026, 09:00 | whale | 100 | Let go | \\+12 new, −1 resolved |",
                 "### What changed since the previous check",
                 "Since the previous check (5 February 2026) the risk stayed at 100 (Let go): 2 new concerns, "
                 "0 resolved."]:
        assert line in text.splitlines(), line


def test_report_in_italian_is_scored_again_in_italian(saved: CliInvoke) -> None:
    text = saved("report", "Acme", "--lang", "it").stdout
    assert text.startswith("# Rapporto sul cliente: Acme\n")
    assert "## Ultima valutazione: 5 marzo 2026, ore 09:00 — Il cliente balena (v1)" in text
    assert "### Cosa pesa di più" in text and "What weighs" not in text
    assert "Roughly, what percentage" not in text  # the signals too, not only the headings


def test_report_json(saved: CliInvoke) -> None:
    document = json.loads(saved("report", "Gamma", "--json").stdout)
    assert (document["kind"], document["client"]) == ("clientcheck.report", "Gamma")
    assert document["latest"]["kind"] == "clientcheck.result" and len(document["history"]) == 1


def saved_document(**changes: object) -> dict[str, object]:
    document: dict[str, object] = json.loads(scenario_record("Acme", "whale", "whale-000.yaml",
                                                             "2026-03-05T09:00:00Z", "en").document)
    document.update(changes)
    return document


def test_a_saved_result_is_scored_again_in_another_language(tmp_path: Path) -> None:
    document, environ = saved_document(), {"CLIENTCHECK_HOME": str(tmp_path)}
    assert rescore_saved(document, "en", environ) is None  # already in English
    again = rescore_saved(document, "it", environ)
    assert again is not None and again.bank.id == "whale" and again.risk == document["risk"]
    shown = saved_result_in(document, "it", environ, result_document)
    assert (shown["language"], shown["timestamp"]) == ("it", "2026-03-05T09:00:00Z")


@pytest.mark.parametrize("changes", [
    {"bank": {"id": "no-such-bank", "version": 1}},  # the bank is gone
    {"bank": {"id": "whale", "version": 99}},  # another version of it
    {"bank": "whale"}, {"answers": "yes"}, {"answers": [["revenue_share", 45]]},  # malformed
    {"answers": [{"question": "revenue_share", "answer": 450}]},  # no longer fits the bank
    {"answers": [{"question": "revenue_share"}]},
])
def test_a_saved_result_that_cannot_be_scored_again_is_shown_as_saved(changes: dict[str, object],
                                                                     tmp_path: Path) -> None:
    document, environ = saved_document(**changes), {"CLIENTCHECK_HOME": str(tmp_path)}
    assert rescore_saved(document, "it", environ) is None
    assert saved_result_in(document, "it", environ, result_document) is document


# --- export and import --------------------------------------------------------------------


def test_export_then_import_elsewhere_gives_the_same_clients_and_never_duplicates(
        saved: CliInvoke, tmp_path: Path) -> None:
    exported = saved("export").stdout
    document = json.loads(exported)
    assert (document["kind"], len(document["clients"])) == ("clientcheck.export", 3)
    dump = tmp_path / "backup.json"
    dump.write_text(exported, encoding="utf-8")
    other = {"CLIENTCHECK_HOME": str(tmp_path / "other")}
    first = saved("import", str(dump), env=other)
    assert (first.exit_code, first.stdout) == (0, "Imported 6 assessments, 3 new clients; 0 were already "
                                                  "here.\n")
    again = saved("import", str(dump), "--json", env=other)
    assert json.loads(again.stdout) | {"clientcheck_version": "x"} == {
        "kind": "clientcheck.import", "schema_version": 1, "clientcheck_version": "x", "file": str(dump),
        "clients_added": 0, "assessments_added": 0, "assessments_present": 6}
    assert saved("clients", env=other).stdout == CLIENTS_EN
    assert saved("history", "Acme", env=other).stdout == saved("history", "Acme").stdout


def test_import_from_stdin_merges_into_existing_clients(saved: CliInvoke, tmp_path: Path) -> None:
    exported = saved("export").stdout
    other = {"CLIENTCHECK_HOME": str(tmp_path / "other")}
    assert save(saved, "acme", "whale-healthy.yaml", "2026-04-01T09:00:00Z", "--json").exit_code == 0
    result = saved("import", "-", input=exported, env=other)
    assert result.exit_code == 0
    result = saved("import", "-", input=saved("export").stdout, env=other)
    assert result.stdout == "Imported 1 assessment, 0 new clients; 6 were already here.\n"
    # whale-healthy.yaml: no signal at all (revenue and hours share are context), risk 0, down from 100
    assert "Acme          Keep            0  ↓100   1 Apr 2026        4\n" in saved("clients", env=other).stdout


@pytest.mark.parametrize(("mangle", "problem"), [
    (lambda d: "{not json", "line 1, column 2: Expecting property name enclosed in double quotes"),
    (lambda d: json.dumps({**d, "kind": "something.else"}), "'kind' should be \"clientcheck.export\""),
    (lambda d: json.dumps({**d, "schema_version": 9}), "'schema_version' 9 is not one this clientcheck reads (1)"),
    (lambda d: json.dumps(_set(d, ["clients", 2, "assessments", 0, "result", "risk"], 101)),
     "clients[2].assessments[0].result.risk: should be a whole number from 0 to 100"),
    (lambda d: json.dumps(_set(d, ["clients", 1, "name"], "  ")), "clients[1].name: should be a non-empty client name"),
    (lambda d: json.dumps(_set(d, ["clients", 0, "assessments", 1, "timestamp"], "yesterday")),
     "clients[0].assessments[1].timestamp: should be a date and time like 2026-01-31T09:30:00Z"),
])
def test_a_malformed_import_is_rejected_whole_and_changes_nothing(
        saved: CliInvoke, tmp_path: Path, isolated_home: Path, mangle: Callable[[dict[str, object]], str],
        problem: str) -> None:
    good = json.loads(saved("export").stdout)
    for client in good["clients"]:  # new ids: everything in the file would be new here
        for assessment in client["assessments"]:
            assessment["id"] = "x" + assessment["id"][1:]
    bad = tmp_path / "bad.json"
    bad.write_text(mangle(good), encoding="utf-8")
    before = sqlite3.connect(isolated_home / "clientcheck.db").execute("SELECT count(*) FROM assessments").fetchone()
    result = saved("import", str(bad))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"clientcheck: error: {bad} is not a")
    assert problem in result.stderr
    assert "nothing was imported" in result.stderr
    after = sqlite3.connect(isolated_home / "clientcheck.db").execute("SELECT count(*) FROM assessments").fetchone()
    assert before == after == (6,)


def _set(document: dict[str, object], path: list[object], value: object) -> dict[str, object]:
    node: object = document
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return document


def test_import_of_a_missing_file(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.json'}:1:1: error: no such file" in result.stderr


def test_import_reads_through_the_bounded_reader(cli: CliInvoke, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.saved import clients

    assert cli("import", "/dev/zero").stderr.startswith("clientcheck: error: /dev/zero is not a clientcheck export")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"printf '{{\"kind\": \"x\"' > {fifo}"])
    assert "is not a clientcheck export" in cli("import", str(fifo)).stderr
    writer.wait(timeout=10)
    monkeypatch.setattr(clients, "IMPORT_CAP", 1000)
    big = tmp_path / "big.json"
    big.write_text(" " * 2000 + "{}")
    for args, given in ((["import", str(big)], None), (["import", "-"], " " * 5000 + "{}")):
        result = cli(*args, input=given)
        assert (result.exit_code, "over the 1,000-byte limit" in result.stderr) == (2, True), result.stderr


# --- forget -------------------------------------------------------------------------------


def test_forget_needs_yes_when_there_is_no_terminal(saved: CliInvoke) -> None:
    result = saved("forget", "acme")
    assert result.exit_code == 2
    assert result.stderr == ("clientcheck: error: forget asks for confirmation, and there is no terminal to ask on\n"
                             "  hint: add --yes to confirm: clientcheck forget \"Acme\" --yes\n")
    assert "Acme" in saved("clients").stdout


def test_forget_yes_deletes_every_trace(saved: CliInvoke, isolated_home: Path) -> None:
    result = saved("forget", "ACME", "--yes")
    assert (result.exit_code, result.stdout) == (0, "Forgot Acme: 3 assessments deleted.\n")
    assert "Acme" not in saved("clients").stdout
    assert saved("history", "Acme").exit_code == 2
    for file in isolated_home.iterdir():
        assert b"Acme" not in file.read_bytes()
    again = saved("forget", "Acme", "--yes", "--json")
    assert again.exit_code == 2


@pytest.mark.parametrize(("reply", "forgotten"), [("y\n", True), ("sì\n", True), ("n\n", False), ("\n", False)])
def test_forget_asks_on_a_terminal(saved: CliInvoke, monkeypatch: pytest.MonkeyPatch, reply: str,
                                   forgotten: bool) -> None:
    def on_a_terminal() -> Environment:
        env = Environment.from_system()
        env.stdin_isatty = True
        return env

    monkeypatch.setattr(cli_module, "make_environment", on_a_terminal)
    result = saved("forget", "Gamma", "--lang", "it" if "ì" in reply else "en", input=reply)
    assert result.exit_code == 0
    if "ì" in reply:
        assert result.stderr.startswith("Cancellare ogni traccia di Gamma (1 valutazione)? Non si può annullare. "
                                        "[s/N] ")
    else:
        assert result.stderr.startswith("Delete every trace of Gamma (1 assessment)? This cannot be undone. [y/N] ")
    assert ("Gamma" in saved("clients").stdout) is not forgotten
    if not forgotten:
        assert result.stderr.endswith("Nothing was deleted.\n")


def test_forget_json(saved: CliInvoke) -> None:
    document = json.loads(saved("forget", "gamma", "--yes", "--json").stdout)
    assert (document["kind"], document["client"], document["assessments_deleted"]) == ("clientcheck.forget",
                                                                                       "Gamma", 1)


def test_portfolio_without_any_known_share(cli: CliInvoke, utc: None) -> None:
    assert save(cli, "Nordlys", "difficult-or-bad-both.yaml", "2026-01-01T09:00:00Z", "--json").exit_code == 0
    result = cli("portfolio")
    assert "Revenue concentration\n  Unknown: no assessment says what share of your revenue a client is (most banks " \
           "ask it).\n" in result.stdout
    assert json.loads(cli("portfolio", "--json").stdout)["concentration"] == {
        "level": "unknown", "shares_known": 0, "shares_total": 0, "largest": None}


def test_forget_a_client_with_only_an_unfinished_quiz(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Zeta", "whale", 1, "revenue_share", 10.0, "2026-01-01T10:00:00Z")
    result = cli("forget", "zeta", "--yes")
    assert (result.exit_code, result.stdout) == (0, "Forgot Zeta: 0 assessments deleted.\n")
    with open_store(isolated_home) as store:
        assert store.progress("Zeta") is None


@pytest.mark.parametrize("command", ["history", "portfolio"])
def test_limit_is_shown_as_the_n_its_help_speaks_of(cli: CliInvoke, command: str) -> None:
    row = next(line for line in cli(command, "--help").output.splitlines() if "--limit" in line)
    assert " N [x>=1] " in row and "<int" not in row and " N " in row.split("[x>=1]")[1]  # the help's own N
