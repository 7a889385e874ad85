"""Reading the rules that act on the verdict besides the bands: dealbreakers and profiles."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from clientcheck.bank.loader.common import ITEM_ID, read_choice, read_level
from clientcheck.bank.loader.conditions import ConditionReader
from clientcheck.bank.model import Dealbreaker, ExitPlanKind, Profile, Question
from clientcheck.bank.reader import NodeReader


def read_dealbreakers(reader: NodeReader, node: yaml.Node, conditions: ConditionReader,
                      questions: Mapping[str, Question]) -> tuple[Dealbreaker, ...]:
    r = reader
    result: list[Dealbreaker] = []
    seen: set[str | None] = set()
    for item in r.sequence(node, "'dealbreakers'", allow_empty=True) or []:
        fields = r.fields(item, "a dealbreaker", ("id", "when", "level", "reason"))
        if fields is None:
            continue
        rule_id = r.identifier(fields["id"], "the dealbreaker id", ITEM_ID, "late_and_no_contract") \
            if "id" in fields else None
        what = f"dealbreaker '{rule_id}'" if rule_id else "this dealbreaker"
        when = conditions.condition(fields["when"], f"the 'when' of {what}", questions, questions.keys(),
                                    allow_risk=True) if "when" in fields else None
        level = read_level(r, fields["level"], f"the 'level' of {what}") if "level" in fields else None
        reason = r.text(fields["reason"], f"the 'reason' of {what}") if "reason" in fields else None
        if rule_id in seen:
            r.error(fields["id"], f"dealbreaker id '{rule_id}' is used twice", "give each its own id")
        elif rule_id and when and level and reason:
            seen.add(rule_id)
            result.append(Dealbreaker(rule_id, when, level, reason))
    return tuple(result)


def read_profiles(reader: NodeReader, node: yaml.Node, conditions: ConditionReader,
                  questions: Mapping[str, Question]) -> tuple[Profile, ...]:
    r = reader
    result: list[Profile] = []
    seen: set[str | None] = set()
    for item in r.sequence(node, "'profiles'", allow_empty=True) or []:
        fields = r.fields(item, "a profile", ("id", "when", "label", "advice"), ("exit_plan",))
        if fields is None:
            continue
        profile_id = r.identifier(fields["id"], "the profile id", ITEM_ID, "whale") if "id" in fields else None
        what = f"profile '{profile_id}'" if profile_id else "this profile"
        when = conditions.condition(fields["when"], f"the 'when' of {what}", questions, questions.keys(),
                                    allow_risk=True) if "when" in fields else None
        label = r.text(fields["label"], f"the 'label' of {what}") if "label" in fields else None
        advice = r.text(fields["advice"], f"the 'advice' of {what}") if "advice" in fields else None
        plan = read_choice(r, fields["exit_plan"], f"the 'exit_plan' of {what}", ExitPlanKind) \
            if "exit_plan" in fields else None
        if profile_id in seen:
            r.error(fields["id"], f"profile id '{profile_id}' is used twice", "give each its own id")
        elif profile_id and when and label and advice:
            seen.add(profile_id)
            result.append(Profile(profile_id, when, label, advice, plan))
    return tuple(result)
