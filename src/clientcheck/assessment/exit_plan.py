"""The exit kit: how to end a client relationship well, as data, and a termination letter draft.

Pure: nothing here prints or imports Rich. The steps (their texts in the catalogue, exit.<id>.*) are
our own wording of ideas from the
articles the banks come from: decide the notice before anything else; say it in person or
through a proper written channel, not a weekend chat message (000, 004); support whoever takes
over for a while, as the whale article's author did (000); recommend another professional to
leave with your head held high (002); thank them, don't undersell yourself to stay, keep the
door open (004). A big client (a matched profile with ``exit_plan: planned``, as the banks' whale
profiles have) gets one more step first: replace the income before leaving (000, 001).

Which assessments get a plan is the bank's to say, through its keys (docs/bank-format.md):
``kind: farewell`` (the client left you), ``prospect`` (a condition: declined, not left) and a
profile's ``exit_plan``, so a user's own bank can do what the shipped ones do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from clientcheck.assessment.scoring import Assessment
from clientcheck.bank.conditions import holds
from clientcheck.bank.model import BankKind, ExitPlanKind, Profile
from clientcheck.i18n import tr
from clientcheck.levels import Level
from clientcheck.text import LANGUAGES, Text


class Step(NamedTuple):
    id: str
    title: Text
    detail: Text


STEP_IDS = ("notice", "tell", "handover", "recommend", "thank", "bridge")
REPLACE_INCOME_ID = "replace_income"  # first, for a big client


def _step(step_id: str) -> Step:
    """A step's title and text, from the catalogue (``exit.<id>.title``, ``exit.<id>.text``)."""
    return Step(step_id, _catalogue_text(f"exit.{step_id}.title"), _catalogue_text(f"exit.{step_id}.text"))


def _catalogue_text(key: str) -> Text:
    return Text.of({language: tr(language, key) for language in LANGUAGES})


class ExitPlan(NamedTuple):
    """The steps to follow, in order; ``planned`` when it starts by replacing the income."""

    steps: tuple[Step, ...]
    planned: bool = False

    def as_json(self, language: str) -> list[dict[str, str]]:
        return [{"id": s.id, "title": s.title.get(language), "text": s.detail.get(language)} for s in self.steps]


def exit_plan(planned: bool = False) -> ExitPlan:
    """The plan; a planned exit (a big client) starts with replacing the income."""
    ids = ((REPLACE_INCOME_ID,) if planned else ()) + STEP_IDS
    return ExitPlan(tuple(_step(step_id) for step_id in ids), planned)


def is_planned_exit(profiles: Iterable[Profile]) -> bool:
    """Whether any matched profile asks for a planned exit (the client is a big share of revenue)."""
    return any(profile.exit_plan is ExitPlanKind.PLANNED for profile in profiles)


def plan_for(assessment: Assessment) -> ExitPlan | None:
    """The exit plan an assessment calls for: only when the verdict is let go, you are the one
    leaving (not a ``kind: farewell`` bank, where the client left you), the client is a current
    one (the bank's ``prospect`` condition does not hold on the answers asked: a prospect is
    simply declined) and no matched profile says ``exit_plan: none``. None otherwise."""
    bank = assessment.bank
    if assessment.verdict.level is not Level.LET_GO or bank.kind is BankKind.FAREWELL:
        return None
    if bank.prospect is not None and holds(bank.prospect, dict(assessment.answers)):
        return None
    if any(profile.exit_plan is ExitPlanKind.NONE for profile in assessment.profiles):
        return None
    return exit_plan(planned=is_planned_exit(assessment.profiles))


def plan_document(plan: ExitPlan, language: str) -> dict[str, Any]:
    """The body of ``exit-plan --json`` (the CLI adds kind and versions)."""
    return {"language": language, "planned_exit": plan.planned, "steps": plan.as_json(language)}
