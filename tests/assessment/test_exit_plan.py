"""The exit kit (issue 4): the plan as data, the letter draft, the two commands, and the plan
at the end of a let-go verdict (screen and JSON)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from clientcheck.assessment.exit_plan import exit_plan, is_planned_exit, plan_for
from clientcheck.assessment.letter import LetterFormat, Recipient, letter, recipient_of
from clientcheck.assessment.scoring import Assessment, assess
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerCondition, AnswerValue, Bank, BankKind, ExitPlanKind, Profile
from clientcheck.levels import Level
from clientcheck.text import Text
from clientcheck.ui.result import result_document
from clientcheck.ui.verdict import make_console, render_verdict

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "questions"
CliInvoke = Callable[..., Result]  # the `cli` fixture of conftest.py

SIX_STEPS = ["notice", "tell", "handover", "recommend", "thank", "bridge"]
ENGLISH_TITLES = ["Decide the notice", "Tell them properly", "Support the handover",
                  "Recommend another professional", "Thank them", "Don't burn the bridge"]
ITALIAN_TITLES = ["Decidi il preavviso", "Comunicalo nel modo giusto", "Accompagna il passaggio di consegne",
                  "Indica a chi rivolgersi", "Ringrazia", "Non bruciare i ponti"]
SCENARIOS = REPO / "tests" / "scenarios"

# starter answers: everything at its worst and 45% of revenue -> let go, whale profile
LET_GO_WHALE: dict[str, AnswerValue] = {
    "pays_late": "always", "has_contract": "no", "free_advice": "often", "not_listened": "always",
    "odd_hours": "often", "goals_clear": "no", "drained": "always", "revenue_share": 45.0,
}
LET_GO_SMALL = {**LET_GO_WHALE, "revenue_share": 10.0}
KEEP: dict[str, AnswerValue] = {
    "pays_late": "never", "has_contract": "yes", "free_advice": "never", "not_listened": "rarely",
    "odd_hours": "never", "goals_clear": "yes", "drained": "never", "revenue_share": 15.0,
}


def starter(answers: dict[str, AnswerValue]) -> Assessment:
    return assess(load_bank(QUESTIONS / "starter.yaml"), answers)


def screen(assessment: Assessment, language: str = "en") -> str:
    out = io.StringIO()
    render_verdict(assessment, language, make_console(out, {"NO_COLOR": "1", "TERM": "dumb"}, width=80), full=True)
    return out.getvalue()


def answers_file(tmp_path: Path, answers: dict[str, AnswerValue]) -> Path:
    lines = ["bank: starter", "answers:"]
    lines += [f"  {key}: {value:g}" if isinstance(value, float) else f"  {key}: {value}"
              for key, value in answers.items()]
    path = tmp_path / "answers.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


# --- the plan as data --------------------------------------------------------------------


def test_the_plan_has_the_six_steps_in_order_in_both_languages() -> None:
    plan = exit_plan()
    assert [step.id for step in plan.steps] == SIX_STEPS
    assert not plan.planned
    assert [step.title.get("en") for step in plan.steps] == ENGLISH_TITLES
    assert [step.title.get("it") for step in plan.steps] == ITALIAN_TITLES
    for step in plan.steps:
        for language in ("it", "en"):
            detail = step.detail.get(language)
            assert detail.endswith("."), (step.id, language)
            assert 1 <= sentences(detail) <= 2, (step.id, language, detail)
        assert step.detail.get("it") != step.detail.get("en")
        assert step.title.languages() == step.detail.languages() == {"it", "en"}


def test_a_planned_exit_starts_by_replacing_the_income() -> None:
    plan = exit_plan(planned=True)
    assert plan.planned
    assert [step.id for step in plan.steps] == ["replace_income", *SIX_STEPS]
    assert plan.steps[0].title.get("en") == "Replace the income first"
    assert plan.steps[0].title.get("it") == "Prima sostituisci quelle entrate"


def profile(profile_id: str, exit_plan: ExitPlanKind | None = None) -> Profile:
    return Profile(profile_id, AnswerCondition("x", "equals", "yes"), Text.of({"en": "Label"}),
                   Text.of({"en": "Advice"}), exit_plan)


@pytest.mark.parametrize(("profiles", "expected"), [
    ([profile("whale", ExitPlanKind.PLANNED)], True),
    ([profile("whale_planned_exit", ExitPlanKind.PLANNED), profile("love_trap")], True),
    ([profile("big_client", ExitPlanKind.PLANNED)], True),
    ([profile("whale"), profile("whale_planned_exit", ExitPlanKind.STANDARD)], False),  # the id means nothing
    ([profile("small_client_let_go"), profile("love_trap")], False),
    ([], False),
])
def test_planned_exit_is_read_from_the_profiles_exit_plan_key(profiles: list[Profile], expected: bool) -> None:
    assert is_planned_exit(profiles) is expected


def test_plan_as_json_lists_id_title_and_text() -> None:
    steps = exit_plan().as_json("it")
    assert steps[0] == {"id": "notice", "title": "Decidi il preavviso",
                        "text": exit_plan().steps[0].detail.get("it")}


# --- which assessments call for a plan ---------------------------------------------------


def test_a_let_go_whale_gets_a_planned_exit() -> None:
    assessment = starter(LET_GO_WHALE)
    assert assessment.verdict.level is Level.LET_GO
    assert [p.id for p in assessment.profiles] == ["whale"]
    plan = plan_for(assessment)
    assert plan is not None and plan.planned
    assert plan.steps[0].id == "replace_income"


def test_a_let_go_small_client_gets_the_six_steps() -> None:
    assessment = starter(LET_GO_SMALL)
    assert assessment.verdict.level is Level.LET_GO
    assert assessment.profiles == ()
    plan = plan_for(assessment)
    assert plan is not None and not plan.planned
    assert [step.id for step in plan.steps] == SIX_STEPS


def test_a_keep_verdict_has_no_plan() -> None:
    assessment = starter(KEEP)
    assert assessment.verdict.level is Level.KEEP
    assert plan_for(assessment) is None


def test_no_plan_when_the_client_left_you() -> None:
    assessment = starter(LET_GO_SMALL)
    farewell = assessment._replace(bank=assessment.bank._replace(kind=BankKind.FAREWELL))
    assert plan_for(farewell) is None
    assert load_bank(QUESTIONS / "farewell.yaml").kind is BankKind.FAREWELL


def test_no_plan_for_a_prospect_you_decline() -> None:
    assessment = starter(LET_GO_SMALL)
    with_stage = assessment._replace(bank=assessment.bank._replace(prospect=AnswerCondition("stage", "equals",
                                                                                            "prospect")))
    prospect = with_stage._replace(answers=(("stage", "prospect"), *assessment.answers))
    assert plan_for(prospect) is None
    current = with_stage._replace(answers=(("stage", "current"), *assessment.answers))
    assert plan_for(current) is not None
    for bank_id in ("let-go", "difficult-or-bad"):
        assert load_bank(QUESTIONS / f"{bank_id}.yaml").prospect == AnswerCondition("stage", "equals", "prospect")


# --- a user's own bank gets the same behaviours through its keys ---------------------------

USER_BANK = """id: mine
version: 1
languages: [en]
title: "Mine"
description: "A bank of my own."
source: {title: "My notes", author: "Me", date: "2026"}
{top}
dimensions:
  - {id: money, label: "Money"}
questions:
  - id: relation
    dimension: money
    type: choice
    scored: false
    text: "Who are they?"
    options:
      - {id: signed, label: "A client", risk: 0}
      - {id: lead, label: "Someone who asked for a quote", risk: 0}
  - {id: cut, dimension: money, type: number, scored: false, min: 0, max: 100, safe_at: 10, risky_at: 50,
     text: "Share?"}
  - {id: pays_late, dimension: money, type: frequency, weight: 5, text: "Pays late?"}
bands:
  - {min: 0, max: 49, level: keep, summary: "Fine."}
  - {min: 50, max: 100, level: let_go, summary: "Go."}
profiles:
  - id: anchor
    when: {question: cut, at_least: 40}
    label: "An anchor client"
    advice: "Careful."
{anchor}
  - id: whale
    when: {question: cut, at_least: 90}
    label: "Named whale, says nothing of the plan"
    advice: "Careful."
"""
LET_GO_USER: dict[str, AnswerValue] = {"relation": "signed", "cut": 10.0, "pays_late": "always"}


def user_bank(tmp_path: Path, top: str = "", anchor: str = "") -> Bank:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_BANK.replace("{top}", top).replace("{anchor}", anchor), encoding="utf-8")
    return load_bank(path)


def test_a_user_bank_without_keys_gets_the_six_steps(tmp_path: Path) -> None:
    assessment = assess(user_bank(tmp_path), {**LET_GO_USER, "cut": 95.0})
    assert assessment.verdict.level is Level.LET_GO
    assert [p.id for p in assessment.profiles] == ["anchor", "whale"]  # "whale" in an id asks for nothing
    plan = plan_for(assessment)
    assert plan is not None and not plan.planned
    assert [step.id for step in plan.steps] == SIX_STEPS


def test_a_user_bank_of_kind_farewell_has_no_exit_plan(tmp_path: Path) -> None:
    assessment = assess(user_bank(tmp_path, "kind: farewell"), LET_GO_USER)
    assert assessment.verdict.level is Level.LET_GO
    assert plan_for(assessment) is None


def test_a_user_bank_with_its_own_prospect_condition(tmp_path: Path) -> None:
    bank = user_bank(tmp_path, "prospect: {question: relation, equals: lead}")
    assert plan_for(assess(bank, {**LET_GO_USER, "relation": "lead"})) is None
    assert plan_for(assess(bank, LET_GO_USER)) is not None
    assert plan_for(assess(bank, {**LET_GO_USER, "relation": "dont_know"})) is not None  # unknown: not a prospect


def test_a_user_profile_with_exit_plan_planned_adds_the_replace_the_income_step(tmp_path: Path) -> None:
    bank = user_bank(tmp_path, anchor="    exit_plan: planned")
    big = plan_for(assess(bank, {**LET_GO_USER, "cut": 45.0}))
    assert big is not None and big.planned
    assert [step.id for step in big.steps] == ["replace_income", *SIX_STEPS]
    small = plan_for(assess(bank, LET_GO_USER))  # the profile does not match: the six steps
    assert small is not None and not small.planned


def test_a_user_profile_with_exit_plan_none_gives_no_plan(tmp_path: Path) -> None:
    bank = user_bank(tmp_path, anchor="    exit_plan: none")
    assert plan_for(assess(bank, {**LET_GO_USER, "cut": 45.0})) is None
    assert plan_for(assess(bank, LET_GO_USER)) is not None


# --- the plan on the verdict screen and in the JSON document -----------------------------


def test_a_let_go_verdict_ends_with_the_plan_on_screen() -> None:
    text = screen(starter(LET_GO_SMALL))
    assert "Exit plan" in text
    assert text.index("Next steps") < text.index("Exit plan")
    tail = text[text.index("Exit plan"):]
    positions = [tail.index(title) for title in ENGLISH_TITLES]
    assert positions == sorted(positions)
    # the plan closes the advice; only the footer naming the bank's source follows it
    plan, footer = tail.split("clientcheck letter --lang en")
    assert "Bank: First check on a client" not in plan
    assert footer.strip().startswith("Bank: First check on a client")


def test_a_let_go_whale_screen_starts_the_plan_with_the_income_in_italian() -> None:
    text = screen(starter(LET_GO_WHALE), "it")
    tail = text[text.index("Piano di uscita"):]
    assert tail.index("Prima sostituisci quelle entrate") < tail.index("Decidi il preavviso")
    assert "1. Prima sostituisci quelle entrate" in tail


def test_a_keep_verdict_screen_has_no_plan() -> None:
    text = screen(starter(KEEP))
    assert "Exit plan" not in text
    assert "Decide the notice" not in text


def test_json_has_the_plan_only_when_letting_go() -> None:
    let_go = result_document(starter(LET_GO_WHALE), "en", "2024-01-01T00:00:00Z")
    assert [step["id"] for step in let_go["exit_plan"]] == ["replace_income", *SIX_STEPS]
    keep = result_document(starter(KEEP), "en", "2024-01-01T00:00:00Z")
    assert "exit_plan" in keep and keep["exit_plan"] is None


# --- the letter --------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "placeholders"), [
    ("en", ["[client name]", "[notice period]", "[handover date]", "[your name]"]),
    ("it", ["[nome del cliente]", "[periodo di preavviso]", "[data del passaggio di consegne]", "[il tuo nome]"]),
])
def test_the_letter_has_a_subject_and_lists_its_placeholders(language: str, placeholders: list[str]) -> None:
    draft = letter(language)
    text = draft.text()
    assert text.startswith(("Subject: Ending our collaboration\n\n", "Oggetto: Conclusione della nostra"))
    for placeholder in placeholders:
        assert text.count(placeholder) == 1, placeholder
    assert draft.unfilled == tuple(placeholders)
    assert text.endswith("\n")
    assert "#" not in text  # plain text: no Markdown heading


def test_a_markdown_letter_has_its_subject_in_bold_and_no_heading() -> None:
    text = letter("en", letter_format=LetterFormat.MARKDOWN).text()
    assert text.startswith("**Subject:** Ending our collaboration\n\nDear [client name],\n")


def test_the_two_letters_are_in_their_own_language() -> None:
    assert letter("it").body.startswith("Gentile [nome del cliente],\n\nLa ringrazio per la fiducia che mi ha")
    assert letter("en").body.startswith("Dear [client name],\n\nThank you")
    assert "Cordiali saluti" in letter("it").body and "Kind regards" in letter("en").body


@pytest.mark.parametrize(("name", "recipient"), [
    ("Rossi & Figli srl", Recipient.COMPANY), ("Acme S.p.A.", Recipient.COMPANY), ("ACME SRL", Recipient.COMPANY),
    ("Bianchi s.r.l.", Recipient.COMPANY), ("Acme Ltd.", Recipient.COMPANY), ("Studio Verdi", Recipient.COMPANY),
    ("Müller GmbH", Recipient.COMPANY), ("Mario Rossi", Recipient.PERSON), ("Giulia", Recipient.PERSON),
    ("Francesca Costa", Recipient.PERSON), (None, Recipient.PERSON),
])
def test_the_recipient_is_guessed_from_the_name(name: str | None, recipient: Recipient) -> None:
    assert recipient_of(name) is recipient


def test_an_italian_letter_to_a_company_says_spettabile_and_voi() -> None:
    body = letter("it", client="Acme srl").body
    assert body.startswith("Spett.le Acme srl,\n\nVi ringrazio per la fiducia che mi avete accordato")
    assert "Vi consegnerò" in body and "Se Vi può essere utile, posso anche indicarVi" in body
    assert not re.search(r"\b(La|Le|Lei|ha accordato)\b", body)


def test_an_italian_letter_to_a_person_says_gentile_and_lei() -> None:
    body = letter("it", client="Mario Rossi").body
    assert body.startswith("Gentile Mario Rossi,\n\nLa ringrazio per la fiducia che mi ha accordato")
    assert "Le consegnerò" in body and "Se Le può essere utile, posso anche indicarLe" in body
    assert not re.search(r"\b(Vi|Spett|avete)\b", body)


def test_the_recipient_can_be_told() -> None:
    assert letter("it", client="Acme", recipient=Recipient.COMPANY).body.startswith("Spett.le Acme,")
    assert letter("en", client="Acme srl", recipient=Recipient.PERSON).body.startswith("Dear Acme srl,")
    assert letter("en", client="Acme srl").body.startswith("Dear Acme srl team,")


def test_given_values_replace_the_placeholders() -> None:
    draft = letter("en", client="Rossi Srl", notice="two months", handover="30 June", sender="Anna Neri")
    assert "The notice period will be two months:" in draft.body
    assert "by 30 June I will hand over" in draft.body
    assert draft.body.endswith("Kind regards,\n\nAnna Neri\n")
    assert draft.unfilled == ()
    assert not re.findall(r"\[[^]]+\]", draft.text())
    draft_it = letter("it", client="Bianchi", notice="due mesi", handover="30 giugno")
    assert "Gentile Bianchi," in draft_it.body
    assert "Il preavviso sarà di due mesi:" in draft_it.body
    assert "entro il 30 giugno Le consegnerò" in draft_it.body
    assert draft_it.unfilled == ("[il tuo nome]",)


def test_control_characters_and_line_breaks_are_stripped_from_values() -> None:
    draft = letter("en", client="Rossi\x1b[31m Mario\x07", notice="two\x00 months", handover="30 June\n# Hacked")
    text = draft.text()
    assert "Dear Rossi Mario," in text
    assert "two months" in text
    assert "by 30 June # Hacked I will" in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    assert not [line for line in text.splitlines() if line.startswith("#")]


HOSTILE = "[Click to pay](https://evil.example/pay) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)>"


def test_markdown_values_are_escaped_so_no_link_image_or_html_renders() -> None:
    from markdown_it import MarkdownIt

    draft = letter("en", client=HOSTILE, notice="<script>alert(1)</script>", handover="www.evil.example",
                   sender="*me* `x` _y_ https://evil.example", letter_format=LetterFormat.MARKDOWN)
    html = MarkdownIt("commonmark").enable("table").render(draft.text())
    assert "<a" not in html and "<img" not in html and "<script" not in html and "<em>" not in html
    assert "<code>" not in html
    # every value shows as written, once rendered
    assert "[Click to pay](https://evil.example/pay)" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*me* `x` _y_ https://evil.example" in html
    # GFM's autolinks need a bare "www." or "https:" followed by "//": both are broken by the escapes
    assert "www." not in draft.body and "https:/" not in draft.body


def test_plain_text_values_are_left_as_written() -> None:
    assert f"Dear {HOSTILE}," in letter("en", client=HOSTILE).body


def test_blank_values_keep_the_placeholder() -> None:
    draft = letter("it", client="  \x1b[2J ", notice="")
    assert "Gentile [nome del cliente]," in draft.body
    assert "[periodo di preavviso]" in draft.body
    assert "[nome del cliente]" in draft.unfilled


def test_unknown_language_falls_back_to_english() -> None:
    assert letter("fr").text() == letter("en").text()


# --- the commands ------------------------------------------------------------------------


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


def test_assess_let_go_shows_the_plan_on_screen_and_in_json(cli: CliInvoke, tmp_path: Path) -> None:
    path = answers_file(tmp_path, LET_GO_WHALE)
    shown = cli("assess", "--answers", str(path), "--lang", "en", "--full")
    assert shown.exit_code == 0, shown.stderr
    assert "Exit plan" in shown.stdout
    assert "1. Replace the income first" in shown.stdout
    one_screen = cli("assess", "--answers", str(path), "--lang", "en").stdout
    assert "Replace the income first" not in one_screen
    assert one_screen.rstrip().endswith("the exit plan.")  # named on the last line, with --full
    data = cli("assess", "--answers", str(path), "--json")
    assert data.exit_code == 0, data.stderr
    document = json.loads(data.stdout)
    assert document["verdict"]["level"] == "let_go"
    assert [step["id"] for step in document["exit_plan"]] == ["replace_income", *SIX_STEPS]


def test_assess_keep_shows_no_plan(cli: CliInvoke, tmp_path: Path) -> None:
    path = answers_file(tmp_path, KEEP)
    shown = cli("assess", "--answers", str(path), "--lang", "en")
    assert shown.exit_code == 0, shown.stderr
    assert "Exit plan" not in shown.stdout
    data = cli("assess", "--answers", str(path), "--json")
    assert data.exit_code == 0, data.stderr
    document = json.loads(data.stdout)
    assert document["verdict"]["level"] == "keep"
    assert document["exit_plan"] is None


def test_the_whale_article_scenario_is_a_planned_exit(cli: CliInvoke) -> None:
    result = cli("assess", "--answers", str(SCENARIOS / "whale-000.yaml"), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["verdict"]["level"] == "let_go"
    assert "whale_planned_exit" in [p["id"] for p in document["profiles"]]
    assert document["exit_plan"][0]["id"] == "replace_income"


def test_a_declined_prospect_gets_no_exit_plan(cli: CliInvoke) -> None:
    result = cli("assess", "--answers", str(SCENARIOS / "let-go-prospect.yaml"), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["verdict"]["level"] == "let_go"
    assert document["exit_plan"] is None


def test_the_exit_commands_load_without_rich_or_questionary() -> None:
    code = ("import sys, clientcheck.cli.app, clientcheck.cli.exit_plan, clientcheck.assessment.exit_plan; "
            "print(sorted(m for m in ('rich', 'questionary') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
