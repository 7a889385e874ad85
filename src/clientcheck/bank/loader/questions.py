"""Reading the questions, and the dimensions they are grouped by."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import yaml

from clientcheck.bank.loader.common import ITEM_ID
from clientcheck.bank.loader.conditions import ConditionReader
from clientcheck.bank.model import DONT_KNOW, Dimension, Option, Question, QuestionType
from clientcheck.bank.reader import NodeReader, did_you_mean, one_of
from clientcheck.text import Text

_REQUIRED = ("id", "dimension", "type", "text")
_OPTIONAL = ("weight", "reverse", "help", "advice", "number", "when", "options", "min", "max",
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


def read_dimensions(reader: NodeReader, node: yaml.Node) -> tuple[Dimension, ...]:
    result: list[Dimension] = []
    seen: set[str] = set()
    for item in reader.sequence(node, "'dimensions'") or []:
        fields = reader.fields(item, "a dimension", ("id", "label"), ("description",))
        if fields is None:
            continue
        dimension_id = reader.identifier(fields["id"], "the dimension id", ITEM_ID, "payment") \
            if "id" in fields else None
        label = reader.text(fields["label"], "the dimension's 'label'") if "label" in fields else None
        description = reader.text(fields["description"], "the dimension's 'description'") \
            if "description" in fields else None
        if dimension_id is None or label is None:
            continue
        if dimension_id in seen:
            reader.error(fields["id"], f"dimension '{dimension_id}' is defined twice", "give each a different id")
            continue
        seen.add(dimension_id)
        result.append(Dimension(dimension_id, label, description))
    return tuple(result)


def read_revenue_question(reader: NodeReader, node: yaml.Node, questions: Mapping[str, Question]) -> str | None:
    """The bank's ``revenue_question``: it must name one of its number questions."""
    question_id = reader.string(node, "'revenue_question'")
    if question_id is None:
        return None
    question = questions.get(question_id)
    if question is None or question.type is not QuestionType.NUMBER:
        reader.error(node, f"'revenue_question' names {question_id!r}, which is not a number question of this bank",
                     reader.suggest(question_id, [q.id for q in questions.values() if q.type is QuestionType.NUMBER])
                     or "name the number question that asks the client's share of your revenue")
        return None
    return question_id


class _Scoring(NamedTuple):
    """How a question's answer counts."""

    weight: float
    reverse: bool
    scored: bool
    actionable: bool


class _TypeFields(NamedTuple):
    """The keys that only some question types have."""

    options: tuple[Option, ...]
    minimum: float | None
    maximum: float | None
    unit: Text | None
    safe_at: float | None
    risky_at: float | None


class QuestionReader:
    """Reads the questions in order: a question's ``when`` may look only at the questions before it."""

    def __init__(self, reader: NodeReader, dimension_ids: Sequence[str], conditions: ConditionReader,
                 broken_question_ids: set[str]) -> None:
        self.reader = reader
        self.dimension_ids = dimension_ids
        self.conditions = conditions
        self.broken_question_ids = broken_question_ids  # read, but not built: they have errors of their own
        self.numbers: dict[int, str] = {}  # the source article's item numbers, and the question that has each

    def questions(self, node: yaml.Node) -> tuple[Question, ...]:
        earlier: dict[str, Question] = {}  # grown question by question, never rebuilt: linear in the bank
        all_ids = _all_question_ids(node)
        for item in self.reader.sequence(node, "'questions'") or []:
            question = self.question(item, earlier, all_ids)
            if question is not None:
                earlier[question.id] = question
        return tuple(earlier.values())

    def question(self, node: yaml.Node, earlier: Mapping[str, Question], all_ids: set[str]) -> Question | None:
        """One question, or None (its problems reported) when it has errors."""
        r = self.reader
        errors_at_start = r.error_count
        fields = r.fields(node, "a question", _REQUIRED, _OPTIONAL)
        if fields is None:
            return None
        errors_before = r.error_count
        question_id = self._id(fields, earlier)
        what = f"question '{question_id}'" if question_id else "this question"
        dimension = self._dimension_ref(fields.get("dimension"), what)
        qtype = self._question_type(fields.get("type"), what)
        text = r.text(fields["text"], f"the 'text' of {what}") if "text" in fields else None
        scoring = self._scoring(fields, what)
        help_text = r.text(fields["help"], f"the 'help' of {what}") if "help" in fields else None
        advice = r.text(fields["advice"], f"the 'advice' of {what}") if "advice" in fields else None
        number = self._item_number(fields, what, question_id)
        typed = self._type_fields(node, fields, qtype, what)
        when = self.conditions.condition(fields["when"], f"the 'when' of {what}", earlier, all_ids,
                                         allow_risk=False) if "when" in fields else None
        if r.error_count > errors_before or not (question_id and dimension and qtype and text):
            if question_id:
                self.broken_question_ids.add(question_id)
            return None
        if advice is None and not any(o.advice for o in typed.options) and errors_before == errors_at_start:
            r.warn(fields["id"], f"{what} has no 'advice'",
                   "add one concrete thing to do when this answer raises a concern")
        return Question(question_id, dimension, qtype, text, scoring.weight, scoring.reverse, help_text, advice,
                        number, when, typed.options, typed.minimum, typed.maximum, typed.unit, typed.safe_at,
                        typed.risky_at, scoring.scored, scoring.actionable)

    def _id(self, fields: Mapping[str, yaml.Node], earlier: Mapping[str, Question]) -> str | None:
        if "id" not in fields:
            return None
        question_id = self.reader.identifier(fields["id"], "the question id", ITEM_ID, "pays_late")
        if question_id is not None and question_id in earlier:
            self.reader.error(fields["id"], f"question id '{question_id}' is used twice",
                              "give each question its own id")
        return question_id

    def _dimension_ref(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None:
            return None
        value = self.reader.scalar(node)
        if isinstance(value, str) and value in self.dimension_ids:
            return value
        suggestion = self.reader.suggest(str(value), self.dimension_ids)
        self.reader.error(node, f"{what} names dimension {self.reader.shown(node)}, which the bank does not define",
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
        self.reader.error(node, f"{what} has type {self.reader.shown(node)}, which is not a question type",
                          suggestion or f"types are {one_of(names)}")
        return None

    def _scoring(self, fields: Mapping[str, yaml.Node], what: str) -> _Scoring:
        r = self.reader
        weight = self._weight(fields["weight"], what) if "weight" in fields else 1.0
        reverse = bool(r.boolean(fields["reverse"], f"'reverse' in {what}")) if "reverse" in fields else False
        scored = r.boolean(fields["scored"], f"'scored' in {what}") if "scored" in fields else True
        actionable = bool(r.boolean(fields["actionable"], f"'actionable' in {what}")) \
            if "actionable" in fields else False
        return _Scoring(weight, reverse, scored is not False, actionable)

    def _weight(self, node: yaml.Node, what: str) -> float:
        value = self.reader.number(node, f"the 'weight' of {what}")
        if value is not None and value <= 0:
            self.reader.error(node, f"the 'weight' of {what} is {value:g}; it must be above 0",
                              "use 1 for an ordinary question, 2 or 3 for one that matters more; "
                              "remove the question rather than weighing it 0")
            return 1.0
        return 1.0 if value is None else value

    def _item_number(self, fields: Mapping[str, yaml.Node], what: str, question_id: str | None) -> int | None:
        """The ``number`` of the item in the source article: each number belongs to one question."""
        if "number" not in fields:
            return None
        number = self.reader.integer(fields["number"], f"the 'number' of {what}", minimum=1)
        if number is not None and number in self.numbers:
            self.reader.error(fields["number"], f"number {number} is used by question '{self.numbers[number]}' too",
                              "each item of the source article keeps its own number")
        elif number is not None and question_id:
            self.numbers[number] = question_id
        return number

    def _type_fields(self, node: yaml.Node, fields: Mapping[str, yaml.Node], qtype: QuestionType | None,
                     what: str) -> _TypeFields:
        if qtype is not None:
            self._check_keys_for_type(node, fields, qtype, what)
        options = self._options(fields["options"], what) if "options" in fields and qtype is QuestionType.CHOICE \
            else ()
        limits = self._number_limits(fields, what) if qtype is QuestionType.NUMBER else {}
        unit = self.reader.text(fields["unit"], f"the 'unit' of {what}") \
            if "unit" in fields and qtype is QuestionType.NUMBER else None
        return _TypeFields(options, limits.get("min"), limits.get("max"), unit, limits.get("safe_at"),
                           limits.get("risky_at"))

    def _check_keys_for_type(self, node: yaml.Node, fields: Mapping[str, yaml.Node], qtype: QuestionType,
                             what: str) -> None:
        """Keys another type of question has are errors; so are the keys this type needs and lacks."""
        r = self.reader
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


def _all_question_ids(node: yaml.Node) -> set[str]:
    """Every question id written, even in questions with errors: a condition on a later one says so."""
    ids: set[str] = set()
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
                        ids.add(str(value.value))
    return ids
