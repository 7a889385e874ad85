"""Turn a bank file into a ``Bank``, or into every problem it has, each located.

Pure: reads files, never prints. ``check_bank`` returns problems (errors and warnings)
for the ``banks validate`` command; ``load_bank`` raises ``BankError`` for everything else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import StrEnum
from itertools import pairwise
from pathlib import Path

import yaml

from clientcheck.bank.answer_values import InvalidAnswer, normalise_answer
from clientcheck.bank.model import (
    DONT_KNOW,
    FREQUENCY_LEVELS,
    LEVELS,
    AllOf,
    AnswerCondition,
    AnswerValue,
    AnyOf,
    Band,
    Bank,
    BankKind,
    Condition,
    Dealbreaker,
    Dimension,
    ExitPlanKind,
    Level,
    Not,
    Option,
    Profile,
    Question,
    QuestionType,
    RiskCondition,
    SignalsCondition,
    Source,
)
from clientcheck.bank.reader import NodeReader, did_you_mean, one_of
from clientcheck.bank.yamlsafe import YamlProblems, compose, decode, position, read_text
from clientcheck.errors import BankError, Problem
from clientcheck.text import LANGUAGES, Text

BANK_ID = re.compile(r"[a-z][a-z0-9-]{0,63}")
ITEM_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

_TOP_REQUIRED = ("id", "version", "languages", "title", "description", "source", "dimensions",
                 "questions", "bands")
_TOP_OPTIONAL = ("dealbreakers", "profiles", "kind", "prospect", "revenue_question", "menu_order")
_QUESTION_OPTIONAL = ("weight", "reverse", "help", "advice", "number", "when", "options", "min", "max",
                      "unit", "safe_at", "risky_at", "scored", "actionable")
_ONLY_FOR = {
    "options": (QuestionType.CHOICE,),
    "min": (QuestionType.NUMBER,),
    "max": (QuestionType.NUMBER,),
    "unit": (QuestionType.NUMBER,),
    "safe_at": (QuestionType.NUMBER,),
    "risky_at": (QuestionType.NUMBER,),
    "reverse": (QuestionType.YES_NO, QuestionType.FREQUENCY),
}
_REQUIRED_FOR = {
    QuestionType.CHOICE: ("options",),
    QuestionType.NUMBER: ("min", "max", "safe_at", "risky_at"),
}


def load_bank(path: Path, display: str | None = None) -> Bank:
    """The bank in ``path``; ``BankError`` with every problem if it has any error."""
    bank, problems = check_bank(path, display)
    if bank is None:
        errors = tuple(p for p in problems if p.severity == "error")
        raise BankError(f"{display or path}: the question bank has {len(errors)} "
                        f"problem{'s' if len(errors) != 1 else ''}", errors)
    return bank


def check_bank(path: Path, display: str | None = None) -> tuple[Bank | None, tuple[Problem, ...]]:
    """The bank (None when there are errors) and every problem found, warnings included."""
    name = display or str(path)
    try:
        text = read_text(path, name)
    except YamlProblems as error:
        return None, error.problems
    return check_bank_text(text, name)


def check_bank_bytes(data: bytes, name: str) -> tuple[Bank | None, tuple[Problem, ...]]:
    try:
        text = decode(data, name)
    except YamlProblems as error:
        return None, error.problems
    return check_bank_text(text, name)


def check_bank_text(text: str, name: str) -> tuple[Bank | None, tuple[Problem, ...]]:
    try:
        root = compose(text, name)
    except YamlProblems as error:
        return None, error.problems
    if root is None:
        return None, (Problem(name, 1, 1, "the file is empty",
                              "start from 'clientcheck banks new ID', or see docs/bank-format.md"),)
    builder = _BankBuilder(NodeReader(name), origin=name)
    bank = builder.build(root)
    problems = tuple(builder.reader.problems)
    if builder.reader.has_errors:
        return None, problems
    return bank, problems


class _BankBuilder:
    def __init__(self, reader: NodeReader, origin: str) -> None:
        self.reader = reader
        self.origin = origin
        self.dimension_ids: list[str] = []
        self.broken_question_ids: set[str] = set()  # read, but not built: they have errors of their own

    def build(self, root: yaml.Node) -> Bank | None:
        r = self.reader
        top = r.fields(root, "the bank", _TOP_REQUIRED, _TOP_OPTIONAL)
        if top is None:
            if isinstance(root, yaml.SequenceNode):
                r.problems[-1] = Problem(r.name, *position(root), "the file is a list; a bank is a mapping",
                                         "start with 'id: ...' at the left margin, not '- '")
            return None
        languages = self._languages(top.get("languages"))
        r.languages = languages or LANGUAGES
        bank_id = r.identifier(top["id"], "'id'", BANK_ID, "whale") if "id" in top else None
        version = r.integer(top["version"], "'version'", minimum=1) if "version" in top else None
        title = r.text(top["title"], "'title'") if "title" in top else None
        description = r.text(top["description"], "'description'") if "description" in top else None
        source = self._source(top["source"]) if "source" in top else None
        dimensions = self._dimensions(top["dimensions"]) if "dimensions" in top else ()
        questions = self._questions(top["questions"]) if "questions" in top else ()
        bands = self._bands(top["bands"]) if "bands" in top else ()
        by_id = {q.id: q for q in questions}
        dealbreakers = self._dealbreakers(top["dealbreakers"], by_id) if "dealbreakers" in top else ()
        profiles = self._profiles(top["profiles"], by_id) if "profiles" in top else ()
        kind = self._choice(top["kind"], "'kind'", BankKind) if "kind" in top else BankKind.RELATIONSHIP
        prospect = self._condition(top["prospect"], "'prospect'", by_id, set(by_id), allow_risk=False) \
            if "prospect" in top else None
        revenue_question = self._revenue_question(top["revenue_question"], by_id) \
            if "revenue_question" in top else None
        menu_order = r.integer(top["menu_order"], "'menu_order'", minimum=0) if "menu_order" in top else None
        if r.has_errors:
            return None
        assert bank_id and version and title and description and source and languages and kind
        return Bank(bank_id, version, languages, title, description, source, dimensions, questions,
                    bands, dealbreakers, profiles, origin=self.origin, kind=BankKind(kind), prospect=prospect,
                    revenue_question=revenue_question, menu_order=menu_order)

    def _choice(self, node: yaml.Node, what: str, choices: type[StrEnum]) -> str | None:
        value = self.reader.scalar(node)
        names = [choice.value for choice in choices]
        if isinstance(value, str) and value in names:
            return value
        self.reader.error(node, f"{what} is {value!r}, which is not one of {one_of(names)}",
                          did_you_mean(str(value), names) or f"write one of {one_of(names)}")
        return None

    def _revenue_question(self, node: yaml.Node, questions: Mapping[str, Question]) -> str | None:
        question_id = self.reader.string(node, "'revenue_question'")
        if question_id is None:
            return None
        question = questions.get(question_id)
        if question is None or question.type is not QuestionType.NUMBER:
            self.reader.error(node, f"'revenue_question' names {question_id!r}, which is not a number question "
                                    "of this bank",
                              did_you_mean(question_id, [q.id for q in questions.values()
                                                         if q.type is QuestionType.NUMBER])
                              or "name the number question that asks the client's share of your revenue")
            return None
        return question_id

    # -- metadata -----------------------------------------------------------------------
    def _languages(self, node: yaml.Node | None) -> tuple[str, ...]:
        if node is None:
            return ()
        items = self.reader.sequence(node, "'languages'")
        found: list[str] = []
        for item in items or []:
            value = self.reader.scalar(item)
            if value not in LANGUAGES:
                self.reader.error(item, f"unknown language {value!r}", f"languages are {one_of(LANGUAGES)}")
            elif value in found:
                self.reader.error(item, f"language '{value}' is listed twice", "remove one")
            else:
                found.append(str(value))
        return tuple(found)

    def _source(self, node: yaml.Node) -> Source | None:
        r = self.reader
        fields = r.fields(node, "'source'", ("title", "author", "date"), ("publisher", "url"))
        if fields is None:
            return None
        values = {key: r.string(value, f"'source.{key}'") for key, value in fields.items() if key != "author"}
        author = r.text(fields["author"], "'source.author'") if "author" in fields else None
        date = values.get("date")
        if date is not None and not DATE.fullmatch(date):
            r.error(fields["date"], f"'source.date' is {date!r}, not a date",
                    "write it as \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"")
            return None
        if not (values.get("title") and author is not None and date):
            return None
        return Source(values["title"] or "", author, date,
                      values.get("publisher") or "", values.get("url") or "")

    def _dimensions(self, node: yaml.Node) -> tuple[Dimension, ...]:
        r = self.reader
        result: list[Dimension] = []
        for item in r.sequence(node, "'dimensions'") or []:
            fields = r.fields(item, "a dimension", ("id", "label"), ("description",))
            if fields is None:
                continue
            dimension_id = r.identifier(fields["id"], "the dimension id", ITEM_ID, "payment") \
                if "id" in fields else None
            label = r.text(fields["label"], "the dimension's 'label'") if "label" in fields else None
            description = r.text(fields["description"], "the dimension's 'description'") \
                if "description" in fields else None
            if dimension_id is None or label is None:
                continue
            if dimension_id in self.dimension_ids:
                r.error(fields["id"], f"dimension '{dimension_id}' is defined twice", "give each a different id")
                continue
            self.dimension_ids.append(dimension_id)
            result.append(Dimension(dimension_id, label, description))
        return tuple(result)

    # -- questions ----------------------------------------------------------------------
    def _questions(self, node: yaml.Node) -> tuple[Question, ...]:
        result: list[Question] = []
        all_ids = self._all_question_ids(node)
        numbers: dict[int, str] = {}
        for item in self.reader.sequence(node, "'questions'") or []:
            question = self._question(item, {q.id: q for q in result}, all_ids, numbers)
            if question is not None:
                result.append(question)
        return tuple(result)

    def _all_question_ids(self, node: yaml.Node) -> set[str]:
        ids: set[str] = set()
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if isinstance(item, yaml.MappingNode):
                    for key, value in item.value:
                        if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
                            ids.add(str(value.value))
        return ids

    def _question(self, node: yaml.Node, earlier: Mapping[str, Question], all_ids: set[str],
                  numbers: dict[int, str]) -> Question | None:
        r = self.reader
        errors_at_start = len([p for p in r.problems if p.severity == "error"])
        fields = r.fields(node, "a question", ("id", "dimension", "type", "text"), _QUESTION_OPTIONAL)
        if fields is None:
            return None
        errors_before = len([p for p in r.problems if p.severity == "error"])
        question_id = r.identifier(fields["id"], "the question id", ITEM_ID, "pays_late") \
            if "id" in fields else None
        what = f"question '{question_id}'" if question_id else "this question"
        if question_id is not None and question_id in earlier:
            r.error(fields["id"], f"question id '{question_id}' is used twice", "give each question its own id")
        dimension = self._dimension_ref(fields.get("dimension"), what)
        qtype = self._question_type(fields.get("type"), what)
        text = r.text(fields["text"], f"the 'text' of {what}") if "text" in fields else None
        weight = 1.0
        if "weight" in fields:
            value = r.number(fields["weight"], f"the 'weight' of {what}")
            if value is not None and value <= 0:
                r.error(fields["weight"], f"the 'weight' of {what} is {value:g}; it must be above 0",
                        "use 1 for an ordinary question, 2 or 3 for one that matters more; "
                        "remove the question rather than weighing it 0")
            elif value is not None:
                weight = value
        reverse = bool(r.boolean(fields["reverse"], f"'reverse' in {what}")) if "reverse" in fields else False
        scored = r.boolean(fields["scored"], f"'scored' in {what}") if "scored" in fields else True
        actionable = bool(r.boolean(fields["actionable"], f"'actionable' in {what}")) \
            if "actionable" in fields else False
        help_text = r.text(fields["help"], f"the 'help' of {what}") if "help" in fields else None
        advice = r.text(fields["advice"], f"the 'advice' of {what}") if "advice" in fields else None
        number = None
        if "number" in fields:
            number = r.integer(fields["number"], f"the 'number' of {what}", minimum=1)
            if number is not None and number in numbers:
                r.error(fields["number"], f"number {number} is used by question '{numbers[number]}' too",
                        "each item of the source article keeps its own number")
            elif number is not None and question_id:
                numbers[number] = question_id
        if qtype is not None:
            for key, types in _ONLY_FOR.items():
                if key in fields and qtype not in types:
                    r.error(fields[key], f"'{key}' does not apply to a {qtype.value} question ({what})",
                            f"'{key}' is for {' and '.join(t.value for t in types)} questions; remove it")
            written = [str(getattr(k, "value", "")) for k, _ in getattr(node, "value", ())]
            for key in _REQUIRED_FOR.get(qtype, ()):
                misspelt = any(w not in fields and did_you_mean(w, [key]) for w in written)  # reported already
                if key not in fields and not misspelt:
                    r.error(node, f"{what} is a {qtype.value} question and needs '{key}'",
                            "see docs/bank-format.md, 'Questions'")
        options = self._options(fields["options"], what) if "options" in fields and qtype is QuestionType.CHOICE \
            else ()
        limits = self._number_limits(fields, what) if qtype is QuestionType.NUMBER else {}
        unit = r.text(fields["unit"], f"the 'unit' of {what}") if "unit" in fields and \
            qtype is QuestionType.NUMBER else None
        when = None
        if "when" in fields:
            when = self._condition(fields["when"], f"the 'when' of {what}", earlier, all_ids, allow_risk=False)
        errors_after = len([p for p in r.problems if p.severity == "error"])
        if errors_after > errors_before or not (question_id and dimension and qtype and text):
            if question_id:
                self.broken_question_ids.add(question_id)
            return None
        if advice is None and not any(o.advice for o in options) and errors_before == errors_at_start:
            r.warn(fields["id"], f"{what} has no 'advice'",
                   "add one concrete thing to do when this answer raises a concern")
        return Question(question_id, dimension, qtype, text, weight, reverse, help_text, advice, number, when,
                        options, limits.get("min"), limits.get("max"), unit, limits.get("safe_at"),
                        limits.get("risky_at"), scored is not False, actionable)

    def _dimension_ref(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None:
            return None
        value = self.reader.scalar(node)
        if isinstance(value, str) and value in self.dimension_ids:
            return value
        suggestion = did_you_mean(str(value), self.dimension_ids)
        self.reader.error(node, f"{what} names dimension {value!r}, which the bank does not define",
                          suggestion or f"the dimensions are {one_of(self.dimension_ids) or '(none)'}")
        return None

    def _question_type(self, node: yaml.Node | None, what: str) -> QuestionType | None:
        if node is None:
            return None
        value = self.reader.scalar(node)
        names = [t.value for t in QuestionType]
        if isinstance(value, str) and value in names:
            return QuestionType(value)
        suggestion = did_you_mean(str(value), names)
        self.reader.error(node, f"{what} has type {value!r}, which is not a question type",
                          suggestion or f"types are {one_of(names)}")
        return None

    def _options(self, node: yaml.Node, what: str) -> tuple[Option, ...]:
        r = self.reader
        items = r.sequence(node, f"the 'options' of {what}") or []
        if 0 < len(items) < 2:
            r.error(node, f"{what} has a single option", "a choice needs at least two options")
        result: list[Option] = []
        for item in items:
            fields = r.fields(item, f"an option of {what}", ("id", "label", "risk"), ("advice",))
            if fields is None:
                continue
            option_id = r.identifier(fields["id"], "the option id", ITEM_ID, "monthly") if "id" in fields else None
            label = r.text(fields["label"], "the option's 'label'") if "label" in fields else None
            risk = r.number(fields["risk"], "the option's 'risk'") if "risk" in fields else None
            if risk is not None and not 0 <= risk <= 100:
                r.error(fields["risk"], f"the option's 'risk' is {risk:g}; it must be from 0 to 100",
                        "0 is a healthy answer, 100 the most worrying one")
                risk = None
            advice = r.text(fields["advice"], "the option's 'advice'") if "advice" in fields else None
            if option_id is not None and option_id in {o.id for o in result}:
                r.error(fields["id"], f"option id '{option_id}' is used twice in {what}", "give each its own id")
                continue
            if option_id == DONT_KNOW:
                r.error(fields["id"], f"'{DONT_KNOW}' is offered on every question already",
                        "remove this option")
                continue
            if option_id is not None and label is not None and risk is not None:
                result.append(Option(option_id, label, risk, advice))
        return tuple(result)

    def _number_limits(self, fields: Mapping[str, yaml.Node], what: str) -> dict[str, float]:
        r = self.reader
        values: dict[str, float] = {}
        for key in ("min", "max", "safe_at", "risky_at"):
            if key in fields:
                value = r.number(fields[key], f"'{key}' of {what}")
                if value is not None:
                    values[key] = value
        if "min" in values and "max" in values and values["min"] >= values["max"]:
            r.error(fields["max"], f"'max' of {what} ({values['max']:g}) is not above 'min' ({values['min']:g})",
                    "swap them, or widen the range")
        if "safe_at" in values and "risky_at" in values and values["safe_at"] == values["risky_at"]:
            r.error(fields["risky_at"], f"'safe_at' and 'risky_at' of {what} are equal",
                    "risk grows from 'safe_at' (risk 0) to 'risky_at' (risk 100): make them differ")
        return values

    # -- conditions ---------------------------------------------------------------------
    def _condition(self, node: yaml.Node, what: str, known: Mapping[str, Question], all_ids: set[str],
                   *, allow_risk: bool) -> Condition | None:
        r = self.reader
        entries = r.mapping(node, what)
        if entries is None:
            return None
        keys = set(entries)
        if keys & {"all", "any", "not"}:
            if len(keys) != 1:
                r.error(node, f"{what} mixes {one_of(sorted(keys))}",
                        "'all', 'any' and 'not' stand alone: nest the other conditions inside them")
                return None
            key = keys.pop()
            inner = entries[key][1]
            if key == "not":
                item = self._condition(inner, f"{what} (not)", known, all_ids, allow_risk=allow_risk)
                return Not(item) if item is not None else None
            children = r.sequence(inner, f"{what} ({key})") or []
            parsed = [self._condition(child, f"{what} ({key})", known, all_ids, allow_risk=allow_risk)
                      for child in children]
            if any(c is None for c in parsed) or not parsed:
                return None
            items = tuple(c for c in parsed if c is not None)
            return AllOf(items) if key == "all" else AnyOf(items)
        if "signals" in keys:
            if not allow_risk:
                r.error(entries["signals"][0], f"{what} cannot count signals",
                        "a follow-up depends on earlier answers; signals are known only at the end "
                        "(count them in dealbreakers and profiles)")
                return None
            return self._signals_condition(node, entries, what)
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

    def _operator(self, node: yaml.Node, entries: Mapping[str, tuple[yaml.Node, yaml.Node]], what: str,
                  subject: str, operators: Sequence[str]) -> str | None:
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

    def _risk_condition(self, node: yaml.Node, entries: Mapping[str, tuple[yaml.Node, yaml.Node]],
                        what: str) -> Condition | None:
        r = self.reader
        operator = self._operator(node, entries, what, "risk", ("at_least", "at_most"))
        scope_node = entries["risk"][1]
        scope = r.scalar(scope_node)
        scopes = ["overall", *self.dimension_ids]
        if scope not in scopes:
            r.error(scope_node, f"{what} looks at the risk of {scope!r}, which is not a dimension",
                    did_you_mean(str(scope), scopes) or f"use 'overall' or one of {one_of(self.dimension_ids)}")
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

    def _signals_condition(self, node: yaml.Node, entries: Mapping[str, tuple[yaml.Node, yaml.Node]],
                           what: str) -> Condition | None:
        r = self.reader
        operator = self._operator(node, entries, what, "signals", ("at_least", "at_most"))
        scope_node = entries["signals"][1]
        scope = r.scalar(scope_node)
        scopes = ["overall", *self.dimension_ids]
        if scope not in scopes:
            r.error(scope_node, f"{what} counts the signals of {scope!r}, which is not a dimension",
                    did_you_mean(str(scope), scopes) or f"use 'overall' or one of {one_of(self.dimension_ids)}")
            return None
        if operator is None:
            return None
        count = r.integer(entries[operator][1], f"{what} ({operator})", minimum=0)
        if count is None:
            return None
        return SignalsCondition(str(scope), operator, count)

    def _answer_condition(self, node: yaml.Node, entries: Mapping[str, tuple[yaml.Node, yaml.Node]],
                          what: str, known: Mapping[str, Question], all_ids: set[str]) -> Condition | None:
        r = self.reader
        operator = self._operator(node, entries, what, "question", ("equals", "in", "at_least", "at_most"))
        ref_node = entries["question"][1]
        ref = r.scalar(ref_node)
        question = known.get(str(ref))
        if question is None:
            if ref in self.broken_question_ids:
                r.error(ref_node, f"{what} refers to question '{ref}', which has problems of its own",
                        f"fix question '{ref}' first")
            elif ref in all_ids:
                r.error(ref_node, f"{what} refers to question '{ref}', which comes later",
                        "a follow-up can only depend on questions asked before it: move it below")
            else:
                r.error(ref_node, f"{what} refers to question {ref!r}, which does not exist",
                        did_you_mean(str(ref), known) or "check the question id")
            return None
        if operator is None:
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

    # -- outcomes -----------------------------------------------------------------------
    def _level(self, node: yaml.Node, what: str) -> Level | None:
        value = self.reader.scalar(node)
        names = [level.value for level in LEVELS]
        if isinstance(value, str) and value in names:
            return Level(value)
        self.reader.error(node, f"{what} is {value!r}, not a verdict level",
                          did_you_mean(str(value), names) or f"levels are {one_of(names)}")
        return None

    def _bands(self, node: yaml.Node) -> tuple[Band, ...]:
        r = self.reader
        errors_before = sum(p.severity == "error" for p in r.problems)
        bands: list[tuple[Band, yaml.Node]] = []
        for item in r.sequence(node, "'bands'") or []:
            fields = r.fields(item, "a band", ("min", "max", "level", "summary"), ("label", "steps"))
            if fields is None:
                continue
            low = r.integer(fields["min"], "the band's 'min'", 0, 100) if "min" in fields else None
            high = r.integer(fields["max"], "the band's 'max'", 0, 100) if "max" in fields else None
            level = self._level(fields["level"], "the band's 'level'") if "level" in fields else None
            summary = r.text(fields["summary"], "the band's 'summary'") if "summary" in fields else None
            label = r.text(fields["label"], "the band's 'label'") if "label" in fields else None
            steps: list[Text] = []
            if "steps" in fields:
                for step in r.sequence(fields["steps"], "the band's 'steps'") or []:
                    text = r.text(step, "a step")
                    if text is not None:
                        steps.append(text)
            if low is not None and high is not None and low > high:
                r.error(fields["max"], f"the band's 'max' ({high}) is below its 'min' ({low})", "swap them")
                continue
            if low is None or high is None or level is None or summary is None:
                continue
            bands.append((Band(low, high, level, summary, label, tuple(steps)), item))
        if sum(p.severity == "error" for p in r.problems) > errors_before or not bands:
            # a band that failed to read would show up as a false gap: check coverage only when all read
            return tuple(b for b, _ in bands)
        bands.sort(key=lambda pair: pair[0].minimum)
        first, first_node = bands[0]
        if first.minimum > 0:
            r.error(first_node, f"risk 0–{first.minimum - 1} falls in no band",
                    "the first band should start at 'min: 0'")
        for (before, _), (after, after_node) in pairwise(bands):
            if after.minimum > before.maximum + 1:
                r.error(after_node, f"gap: risk {before.maximum + 1}–{after.minimum - 1} falls in no band",
                        f"start this band at 'min: {before.maximum + 1}'")
            elif after.minimum <= before.maximum:
                r.error(after_node, f"overlap: risk {after.minimum}–{min(before.maximum, after.maximum)} "
                                    "is in two bands",
                        f"start this band at 'min: {before.maximum + 1}'")
            if after.level.rank < before.level.rank:
                r.error(after_node, f"level '{after.level.value}' follows '{before.level.value}' at a "
                                    "higher risk", "levels go keep → watch → renegotiate → let_go as risk grows")
        last, last_node = bands[-1]
        if last.maximum < 100:
            r.error(last_node, f"risk {last.maximum + 1}–100 falls in no band",
                    "the last band should end at 'max: 100'")
        return tuple(b for b, _ in bands)

    def _dealbreakers(self, node: yaml.Node, questions: Mapping[str, Question]) -> tuple[Dealbreaker, ...]:
        r = self.reader
        result: list[Dealbreaker] = []
        for item in r.sequence(node, "'dealbreakers'", allow_empty=True) or []:
            fields = r.fields(item, "a dealbreaker", ("id", "when", "level", "reason"))
            if fields is None:
                continue
            rule_id = r.identifier(fields["id"], "the dealbreaker id", ITEM_ID, "late_and_no_contract") \
                if "id" in fields else None
            what = f"dealbreaker '{rule_id}'" if rule_id else "this dealbreaker"
            when = self._condition(fields["when"], f"the 'when' of {what}", questions, set(questions),
                                   allow_risk=True) if "when" in fields else None
            level = self._level(fields["level"], f"the 'level' of {what}") if "level" in fields else None
            reason = r.text(fields["reason"], f"the 'reason' of {what}") if "reason" in fields else None
            if rule_id in {d.id for d in result}:
                r.error(fields["id"], f"dealbreaker id '{rule_id}' is used twice", "give each its own id")
            elif rule_id and when and level and reason:
                result.append(Dealbreaker(rule_id, when, level, reason))
        return tuple(result)

    def _profiles(self, node: yaml.Node, questions: Mapping[str, Question]) -> tuple[Profile, ...]:
        r = self.reader
        result: list[Profile] = []
        for item in r.sequence(node, "'profiles'", allow_empty=True) or []:
            fields = r.fields(item, "a profile", ("id", "when", "label", "advice"), ("exit_plan",))
            if fields is None:
                continue
            profile_id = r.identifier(fields["id"], "the profile id", ITEM_ID, "whale") if "id" in fields else None
            what = f"profile '{profile_id}'" if profile_id else "this profile"
            when = self._condition(fields["when"], f"the 'when' of {what}", questions, set(questions),
                                   allow_risk=True) if "when" in fields else None
            label = r.text(fields["label"], f"the 'label' of {what}") if "label" in fields else None
            advice = r.text(fields["advice"], f"the 'advice' of {what}") if "advice" in fields else None
            plan = self._choice(fields["exit_plan"], f"the 'exit_plan' of {what}", ExitPlanKind) \
                if "exit_plan" in fields else None
            if profile_id in {p.id for p in result}:
                r.error(fields["id"], f"profile id '{profile_id}' is used twice", "give each its own id")
            elif profile_id and when and label and advice:
                result.append(Profile(profile_id, when, label, advice, ExitPlanKind(plan) if plan else None))
        return tuple(result)
