"""The exit plan (issue 4, assessment/exit_plan.py): the plan as data, which assessments call for
one, a user's bank getting it through its keys, and the plan at the end of a let-go verdict (screen
and JSON). The letter is tests/assessment/test_letter.py's, the two commands tests/cli/test_exit_plan.py's."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from clientcheck.assessment.exit_plan import exit_plan, is_planned_exit, plan_for
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


# --- assess ends a let-go verdict with the plan --------------------------------------


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
