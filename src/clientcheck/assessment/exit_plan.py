"""The exit kit: how to end a client relationship well, as data, and a termination letter draft.

Pure: nothing here prints or imports Rich. The steps are our own wording of ideas from the
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
from clientcheck.levels import Level
from clientcheck.text import Text


class Step(NamedTuple):
    id: str
    title: Text
    detail: Text


def _step(step_id: str, en_title: str, it_title: str, en: str, it: str) -> Step:
    return Step(step_id, Text.of({"en": en_title, "it": it_title}), Text.of({"en": en, "it": it}))


REPLACE_INCOME = _step(
    "replace_income",
    "Replace the income first", "Prima sostituisci quelle entrate",
    "This client is a big share of your revenue, so don't walk out overnight. Set an exit date a few months "
    "ahead, stop taking on extra work for them, and use that time to find the work that will take its place.",
    "Questo cliente pesa molto sul tuo fatturato: non andartene da un giorno all'altro. Fissa una data di "
    "uscita tra qualche mese, smetti di accettare lavoro extra e usa quei mesi per trovare il lavoro che "
    "compenserà quelle entrate.",
)

STEPS: tuple[Step, ...] = (
    _step(
        "notice",
        "Decide the notice", "Decidi il preavviso",
        "Before you say anything, check what you agreed with them and settle the notice period and your last "
        "working day. Work you have already promised gets finished or handed over, not dropped.",
        "Prima di parlarne, controlla cosa avevate concordato e stabilisci il preavviso e l'ultimo "
        "giorno di lavoro. Quello che hai già promesso va concluso o passato ad altri, non abbandonato.",
    ),
    _step(
        "tell",
        "Tell them properly", "Comunicalo nel modo giusto",
        "Tell them in person if you can, or through a proper written channel: an email, or registered mail "
        "if your contract asks for it. Not in a chat message, and not in a rushed call at the last minute.",
        "Se puoi, diglielo di persona; altrimenti usa un canale scritto adeguato, come una mail o una PEC "
        "se il contratto la prevede. Non con un messaggio in chat, né con una telefonata frettolosa "
        "all'ultimo momento.",
    ),
    _step(
        "handover",
        "Support the handover", "Accompagna il passaggio di consegne",
        "Hand over files, access and notes on the work in progress, and stay available for a while to "
        "whoever takes over. A clean handover also protects the work you have done.",
        "Consegna file, accessi e appunti sul lavoro in corso, e resta a disposizione per un po' di chi "
        "prenderà il tuo posto. Un passaggio pulito protegge anche il lavoro che hai fatto.",
    ),
    _step(
        "recommend",
        "Recommend another professional", "Consiglia un altro professionista",
        "Suggest a colleague who fits what they need better than you do. They are not left stranded, "
        "and you leave with your head held high.",
        "Indica un collega più adatto a quello di cui ha bisogno. Così il cliente non resta scoperto e tu "
        "esci a testa alta.",
    ),
    _step(
        "thank",
        "Thank them", "Ringrazia",
        "Thank them for the work you did together and for any feedback they give you as you part. "
        "Listen to it without arguing back and without taking it personally.",
        "Digli grazie per il lavoro fatto insieme e per le osservazioni che ti farà al momento dei saluti. "
        "Ascoltale senza ribattere e senza prenderla sul personale.",
    ),
    _step(
        "bridge",
        "Don't burn the bridge", "Non bruciare i ponti",
        "Don't let a discount or free extras talk you into staying, and don't leave in anger. Keep the door "
        "open: the same client may come back one day, on better terms.",
        "Non farti trattenere con uno sconto o con lavoro extra gratis, e non chiudere con rabbia. Lascia "
        "la porta aperta: lo stesso cliente potrebbe tornare un giorno, a condizioni migliori.",
    ),
)


class ExitPlan(NamedTuple):
    """The steps to follow, in order; ``planned`` when it starts by replacing the income."""

    steps: tuple[Step, ...]
    planned: bool = False

    def as_json(self, language: str) -> list[dict[str, str]]:
        return [{"id": s.id, "title": s.title.get(language), "text": s.detail.get(language)} for s in self.steps]


def exit_plan(planned: bool = False) -> ExitPlan:
    """The plan; a planned exit (a big client) starts with replacing the income."""
    return ExitPlan(((REPLACE_INCOME,) if planned else ()) + STEPS, planned)


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
