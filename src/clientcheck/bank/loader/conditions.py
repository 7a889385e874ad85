"""Reading a condition (a question's ``when``, a dealbreaker's or profile's, a bank's ``prospect``)
into the structured data that bank/conditions.py evaluates, describes and writes back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

import yaml

from clientcheck.bank.answer_values import InvalidAnswer, normalise_answer
from clientcheck.bank.model import (
    DONT_KNOW,
    FREQUENCY_LEVELS,
    AllOf,
    AnswerCondition,
    AnswerValue,
    AnyOf,
    Condition,
    Not,
    Question,
    QuestionType,
    RiskCondition,
    SignalsCondition,
)
from clientcheck.bank.reader import NodeReader, did_you_mean, one_of

Entries = Mapping[str, tuple[yaml.Node, yaml.Node]]


class ConditionReader:
    """Reads conditions against what the bank defines: its dimensions (risk and signal scopes) and
    the questions read so far, telling apart a question that comes later or has problems of its own."""

    def __init__(self, reader: NodeReader, dimension_ids: Sequence[str], broken_question_ids: Set[str]) -> None:
        self.reader = reader
        self.dimension_ids = dimension_ids
        self.broken_question_ids = broken_question_ids  # grows while the questions are read

    def condition(self, node: yaml.Node, what: str, known: Mapping[str, Question], all_ids: Set[str],
                  *, allow_risk: bool) -> Condition | None:
        """``known``: the questions it may look at; ``all_ids``: every question id in the bank.
        ``allow_risk``: whether it may look at risk and signals, known only at the end."""
        r = self.reader
        entries = r.mapping(node, what)
        if entries is None:
            return None
        keys = set(entries)
        if keys & {"all", "any", "not"}:
            return self._combination(node, entries, what, known, all_ids, allow_risk=allow_risk)
        counted = "signals" if "signals" in keys else "serious_signals" if "serious_signals" in keys else None
        if counted is not None:
            if not allow_risk:
                r.error(entries[counted][0], f"{what} cannot count signals",
                        "a follow-up depends on earlier answers; signals are known only at the end "
                        "(count them in dealbreakers and profiles)")
                return None
            return self._signals_condition(node, entries, what, counted)
        if "risk" in keys:
            if not allow_risk:
                r.error(entries["risk"][0], f"{what} cannot look at risk",
                        "a follow-up depends on earlier answers; risk is known only at the end "
                        "(use risk in dealbreakers and profiles)")
                return None
            return self._risk_condition(node, entries, what)
        if "question" in keys:
            return self._answer_condition(node, entries, what, known, all_ids)
        r.error(node, f"{what} needs 'question', 'risk', 'signals', 'all', 'any' or 'not'",
                "e.g. {question: pays_late, equals: yes} — see docs/bank-format.md, 'Conditions'")
        return None

    def _combination(self, node: yaml.Node, entries: Entries, what: str, known: Mapping[str, Question],
                     all_ids: Set[str], *, allow_risk: bool) -> Condition | None:
        r = self.reader
        keys = set(entries)
        if len(keys) != 1:
            r.error(node, f"{what} mixes {one_of(sorted(keys))}",
                    "'all', 'any' and 'not' stand alone: nest the other conditions inside them")
            return None
        key = keys.pop()
        inner = entries[key][1]
        if key == "not":
            item = self.condition(inner, f"{what} (not)", known, all_ids, allow_risk=allow_risk)
            return Not(item) if item is not None else None
        children = r.sequence(inner, f"{what} ({key})") or []
        parsed = [self.condition(child, f"{what} ({key})", known, all_ids, allow_risk=allow_risk)
                  for child in children]
        if any(c is None for c in parsed) or not parsed:
            return None
        items = tuple(c for c in parsed if c is not None)
        return AllOf(items) if key == "all" else AnyOf(items)

    def _operator(self, node: yaml.Node, entries: Entries, what: str, subject: str,
                  operators: Sequence[str]) -> str | None:
        found = [key for key in entries if key in operators]
        unknown = [key for key in entries if key not in (subject, *operators)]
        for key in unknown:
            suggestion = did_you_mean(key, operators)
            self.reader.error(entries[key][0], f"unknown key '{key}' in {what}",
                              suggestion or f"use one of {one_of(operators)}")
        if len(found) != 1:
            self.reader.error(node, f"{what} needs exactly one of {one_of(operators)}",
                              "e.g. {question: pays_late, equals: yes}")
            return None
        return None if unknown else found[0]

    def _risk_condition(self, node: yaml.Node, entries: Entries, what: str) -> Condition | None:
        r = self.reader
        operator = self._operator(node, entries, what, "risk", ("at_least", "at_most"))
        scope_node = entries["risk"][1]
        scope = r.scalar(scope_node)
        scopes = ["overall", *self.dimension_ids]
        if scope not in scopes:
            r.error(scope_node, f"{what} looks at the risk of {r.shown(scope_node)}, which is not a dimension",
                    r.suggest(str(scope), scopes) or f"use 'overall' or one of {one_of(self.dimension_ids)}")
            return None
        if operator is None:
            return None
        value = r.number(entries[operator][1], f"{what} ({operator})")
        if value is None:
            return None
        if not 0 <= value <= 100:
            r.error(entries[operator][1], f"{what}: risk is from 0 to 100, not {value:g}",
                    "0 is the healthiest, 100 the most worrying: write a number in between")
            return None
        return RiskCondition(str(scope), operator, value)

    def _signals_condition(self, node: yaml.Node, entries: Entries, what: str, counted: str) -> Condition | None:
        """``counted`` is 'signals' (answer risk 50 or more) or 'serious_signals' (75 or more)."""
        r = self.reader
        operator = self._operator(node, entries, what, counted, ("at_least", "at_most"))
        scope_node = entries[counted][1]
        scope = r.scalar(scope_node)
        scopes = ["overall", *self.dimension_ids]
        if scope not in scopes:
            r.error(scope_node, f"{what} counts the signals of {r.shown(scope_node)}, which is not a dimension",
                    r.suggest(str(scope), scopes) or f"use 'overall' or one of {one_of(self.dimension_ids)}")
            return None
        if operator is None:
            return None
        count = r.integer(entries[operator][1], f"{what} ({operator})", minimum=0)
        if count is None:
            return None
        return SignalsCondition(str(scope), operator, count, serious=counted == "serious_signals")

    def _answer_condition(self, node: yaml.Node, entries: Entries, what: str, known: Mapping[str, Question],
                          all_ids: Set[str]) -> Condition | None:
        r = self.reader
        operator = self._operator(node, entries, what, "question", ("equals", "in", "at_least", "at_most"))
        question = self._question_ref(entries["question"][1], what, known, all_ids)
        if question is None or operator is None:
            return None
        value_node = entries[operator][1]
        if operator in ("at_least", "at_most"):
            if question.type not in (QuestionType.NUMBER, QuestionType.FREQUENCY):
                r.error(entries[operator][0], f"'{operator}' needs a number or frequency question; "
                                              f"'{question.id}' is {question.type.value}",
                        "use 'equals' or 'in'")
                return None
            value = self._answer_value(question, value_node, what)
            return AnswerCondition(question.id, operator, value) if value is not None else None
        if operator == "in":
            items = r.sequence(value_node, f"{what} ('in')") or []
            values = [self._answer_value(question, item, what) for item in items]
            if not values or any(v is None for v in values):
                return None
            return AnswerCondition(question.id, "in", tuple(v for v in values if v is not None))
        value = self._answer_value(question, value_node, what)
        return AnswerCondition(question.id, "equals", value) if value is not None else None

    def _question_ref(self, ref_node: yaml.Node, what: str, known: Mapping[str, Question],
                      all_ids: Set[str]) -> Question | None:
        r = self.reader
        ref = r.scalar(ref_node)
        question = known.get(str(ref))
        if question is not None:
            return question
        if ref in self.broken_question_ids:
            r.error(ref_node, f"{what} refers to question '{ref}', which has problems of its own",
                    f"fix question '{ref}' first")
        elif ref in all_ids:
            r.error(ref_node, f"{what} refers to question '{ref}', which comes later",
                    "a follow-up can only depend on questions asked before it: move it below")
        else:
            r.error(ref_node, f"{what} refers to question {r.shown(ref_node)}, which does not exist",
                    r.suggest(str(ref), known) or "check the question id")
        return None

    def _answer_value(self, question: Question, node: yaml.Node, what: str) -> AnswerValue | None:
        raw = self.reader.scalar(node)
        if not isinstance(raw, (str, int, float, bool)):
            self.reader.error(node, f"{what}: expected one answer of '{question.id}', found a collection",
                              "to accept any of several answers, use 'in: [..., ...]'")
            return None
        try:
            value = normalise_answer(question, raw)
        except InvalidAnswer as error:
            self.reader.error(node, f"{what}: {error}", f"'{question.id}' is a {question.type.value} question")
            return None
        if value == DONT_KNOW:
            self.reader.error(node, f"{what}: a condition cannot test for '{DONT_KNOW}'",
                              "a question answered 'don't know' makes its conditions false")
            return None
        if question.type is QuestionType.FREQUENCY and value not in FREQUENCY_LEVELS:  # pragma: no cover
            return None
        return value
