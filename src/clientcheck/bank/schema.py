"""JSON Schemas for bank files and for the ``--json`` result, built in one place.

The checked-in ``schema/*.json`` files are this module's output (a test keeps them equal),
so editors that read the ``# yaml-language-server: $schema=...`` line check banks with the
same rules the loader applies, as far as JSON Schema can say them. Draft-07: the most
widely supported draft, and the one yaml-language-server implements fully.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from clientcheck.documents import Kind
from clientcheck.levels import LEVELS
from clientcheck.text import LANGUAGES

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_NAMES = ("bank", "result")

Schema = dict[str, Any]

_BANK_ID = "^[a-z][a-z0-9-]{0,63}$"
_ITEM_ID = "^[a-z][a-z0-9_]{0,63}$"
_DATE = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_TIMESTAMP = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"
_LEVELS = [level.value for level in LEVELS]
_TYPES = ["yes_no", "frequency", "choice", "number"]
_FREQUENCIES = ["never", "rarely", "sometimes", "often", "always"]
_LANGUAGES = list(LANGUAGES)


def _ref(name: str) -> Schema:
    return {"$ref": f"#/definitions/{name}"}


def _text(description: str) -> Schema:
    return {**_ref("text"), "description": description}


def _id(pattern: str, description: str, example: str) -> Schema:
    return {"type": "string", "pattern": pattern, "description": description, "examples": [example]}


def _closed(description: str, required: list[str], properties: Schema, **extra: Any) -> Schema:
    return {"type": "object", "description": description, "required": required, "properties": properties,
            "additionalProperties": False, **extra}


def _bank_definitions() -> Schema:
    answer_value = {"type": ["string", "number", "boolean"],
                    "description": "yes/no, a frequency level, an option id, or a number"}
    ordered_value = {"type": ["number", "string"], "description": "a number, or a frequency level "
                                                                  f"({', '.join(_FREQUENCIES)})"}
    answer_condition = _closed(
        "Holds when the answer to an earlier question compares as written; exactly one operator.",
        ["question"],
        {
            "question": _id(_ITEM_ID, "Id of the question whose answer is tested.", "pays_late"),
            "equals": answer_value,
            "in": {"type": "array", "minItems": 1, "items": answer_value,
                   "description": "Any of these answers."},
            "at_least": ordered_value,
            "at_most": ordered_value,
        },
        oneOf=[{"required": [op]} for op in ("equals", "in", "at_least", "at_most")],
    )
    risk_condition = _closed(
        "Holds when the overall risk, or one dimension's, is at least / at most a value (0-100).",
        ["risk"],
        {
            "risk": {"type": "string", "description": "'overall' or a dimension id.", "examples": ["overall"]},
            "at_least": {"type": "number", "minimum": 0, "maximum": 100},
            "at_most": {"type": "number", "minimum": 0, "maximum": 100},
        },
        oneOf=[{"required": ["at_least"]}, {"required": ["at_most"]}],
    )

    signals_condition = _closed(
        "Holds when the number of signals (answers with risk 50 or more), overall or in one dimension, "
        "is at least / at most a count.",
        ["signals"],
        {
            "signals": {"type": "string", "description": "'overall' or a dimension id.", "examples": ["overall"]},
            "at_least": {"type": "integer", "minimum": 0},
            "at_most": {"type": "integer", "minimum": 0},
        },
        oneOf=[{"required": ["at_least"]}, {"required": ["at_most"]}],
    )
    serious_signals_condition = _closed(
        "Like 'signals', counting only serious signals (answer risk 75 or more: 'often' or worse).",
        ["serious_signals"],
        {
            "serious_signals": {"type": "string", "description": "'overall' or a dimension id.",
                                "examples": ["trust"]},
            "at_least": {"type": "integer", "minimum": 0},
            "at_most": {"type": "integer", "minimum": 0},
        },
        oneOf=[{"required": ["at_least"]}, {"required": ["at_most"]}],
    )

    def combinators(target: str) -> dict[str, Schema]:
        return {
            "all": _closed("Holds when every condition in the list holds.", ["all"],
                           {"all": {"type": "array", "minItems": 1, "items": _ref(target)}}),
            "any": _closed("Holds when at least one condition in the list holds.", ["any"],
                           {"any": {"type": "array", "minItems": 1, "items": _ref(target)}}),
            "not": _closed("Holds when the condition does not.", ["not"], {"not": _ref(target)}),
        }

    follow_up = combinators("follow_up")
    condition = combinators("condition")
    question_properties: Schema = {
        "id": _id(_ITEM_ID, "Unique in the bank: lowercase letters, digits and '_'.", "pays_late"),
        "dimension": {"type": "string", "description": "Id of one of the bank's dimensions."},
        "type": {"enum": _TYPES, "description": "yes_no, frequency (never..always), choice (your own "
                                                 "options) or number (a value in a range)."},
        "text": _text("The question, as asked."),
        "help": _text("A short explanation shown under the question."),
        "weight": {"type": "number", "exclusiveMinimum": 0, "default": 1,
                   "description": "How much the question counts, default 1; 2 or 3 for one that matters more."},
        "reverse": {"type": "boolean", "default": False,
                    "description": "yes_no/frequency only: true when 'yes' / 'always' is the healthy answer."},
        "advice": _text("What to do when the answer raises a concern (a warning if missing)."),
        "number": {"type": "integer", "minimum": 1,
                   "description": "The item's number in the source article, e.g. signal 7 of 20."},
        "when": {**_ref("follow_up"), "description": "Ask this question only when a condition on earlier "
                                                    "questions holds (a follow-up)."},
        "options": {"type": "array", "minItems": 2, "items": _ref("option"),
                    "description": "choice only: at least two options."},
        "min": {"type": "number", "description": "number only: the smallest accepted value."},
        "max": {"type": "number", "description": "number only: the largest accepted value."},
        "unit": _text("number only: shown after the value, e.g. '%'."),
        "safe_at": {"type": "number", "description": "number only: the value at which risk is 0."},
        "risky_at": {"type": "number", "description": "number only: the value at which risk is 100."},
        "scored": {"type": "boolean", "default": True,
                   "description": "false for a context question (revenue share, prospect or client): it "
                                  "adds no risk but profiles and dealbreakers can look at it."},
        "actionable": {"type": "boolean", "default": False,
                       "description": "true when the user can change the answer (terms, scope, brief): such "
                                      "questions are the ones 'what would change the verdict' may name."},
    }
    number_only = ["min", "max", "unit", "safe_at", "risky_at"]
    question = _closed(
        "One question. Asked in file order.",
        ["id", "dimension", "type", "text"],
        question_properties,
        allOf=[
            {"if": {"required": ["type"], "properties": {"type": {"const": "choice"}}},
             "then": {"required": ["options"]}, "else": {"properties": {"options": False}}},
            {"if": {"required": ["type"], "properties": {"type": {"const": "number"}}},
             "then": {"required": ["min", "max", "safe_at", "risky_at"]},
             "else": {"properties": dict.fromkeys(number_only, False)}},
            {"if": {"required": ["type"], "properties": {"type": {"enum": ["yes_no", "frequency"]}}},
             "else": {"properties": {"reverse": False}}},
        ],
    )
    return {
        "text": {
            "description": "Text for people: one string for every language, or one per language.",
            "anyOf": [
                {"type": "string", "pattern": "\\S"},
                {"type": "object", "minProperties": 1, "additionalProperties": False,
                 "properties": {lang: {"type": "string", "pattern": "\\S"} for lang in _LANGUAGES},
                 "description": "One line per language the bank declares."},
            ],
        },
        "level": {"enum": _LEVELS, "description": "keep, watch, renegotiate or let_go, in rising concern."},
        "source": _closed(
            "Where the bank's ideas come from.", ["title", "author", "date"],
            {
                "title": {"type": "string", "description": "Title of the article or book."},
                "author": _text("A person or a publisher (text: one string, or one per language)."),
                "date": {"type": ["string", "integer"], "pattern": _DATE,
                         "description": "\"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"."},
                "publisher": {"type": "string"},
                "url": {"type": "string"},
            }),
        "dimension": _closed(
            "A theme the questions are grouped by; each gets its own risk.", ["id", "label"],
            {
                "id": _id(_ITEM_ID, "Lowercase letters, digits and '_'.", "payment"),
                "label": _text("The dimension's name."),
                "description": _text("What the dimension covers."),
            }),
        "question": question,
        "option": _closed(
            "One answer of a choice question.", ["id", "label", "risk"],
            {
                "id": _id(_ITEM_ID, "Unique among the question's options.", "monthly"),
                "label": _text("What the person picks."),
                "risk": {"type": "number", "minimum": 0, "maximum": 100,
                         "description": "0 is a healthy answer, 100 the most worrying one."},
                "advice": _text("Replaces the question's advice when this option is picked."),
            }),
        "band": _closed(
            "A range of overall risk and its verdict. Bands cover 0-100 without gaps or overlaps.",
            ["min", "max", "level", "summary"],
            {
                "min": {"type": "integer", "minimum": 0, "maximum": 100},
                "max": {"type": "integer", "minimum": 0, "maximum": 100},
                "level": _ref("level"),
                "label": _text("Shown instead of the level's own name."),
                "summary": _text("One sentence: why this verdict."),
                "steps": {"type": "array", "items": _ref("text"), "description": "Concrete next steps."},
            }),
        "dealbreaker": _closed(
            "A rule that raises the verdict to at least its level, whatever the total.",
            ["id", "when", "level", "reason"],
            {
                "id": _id(_ITEM_ID, "Unique among dealbreakers.", "late_and_no_contract"),
                "when": _ref("condition"),
                "level": _ref("level"),
                "reason": _text("One sentence, shown as the verdict's why."),
            }),
        "profile": _closed(
            "A named pattern the answers can match; shown with its advice, never changes the level.",
            ["id", "when", "label", "advice"],
            {
                "id": _id(_ITEM_ID, "Unique among profiles.", "whale"),
                "when": _ref("condition"),
                "label": _text("The pattern's name."),
                "advice": _text("What to do about it."),
                "exit_plan": {"enum": ["standard", "planned", "none"],
                              "description": "On a let-go verdict: 'planned' adds 'replace the income first' (a big "
                                             "client), 'none' gives no exit plan, 'standard' the usual steps."},
            }),
        "answer_condition": answer_condition,
        "risk_condition": risk_condition,
        "signals_condition": signals_condition,
        "serious_signals_condition": serious_signals_condition,
        "follow_up": {"description": "A condition on earlier answers (no risk: it is known only at the end).",
                      "anyOf": [_ref("answer_condition"), *follow_up.values()]},
        "condition": {"description": "A condition on answers and risks.",
                      "anyOf": [_ref("answer_condition"), _ref("risk_condition"), _ref("signals_condition"),
                                _ref("serious_signals_condition"),
                                *condition.values()]},
    }


def bank_schema() -> Schema:
    """The schema of a question bank file (docs/bank-format.md says the same in prose)."""
    return {
        "$schema": DRAFT,
        "title": "clientcheck question bank",
        "description": "A clientcheck question bank. Check one with 'clientcheck banks validate FILE'; "
                       "the loader also checks what a schema cannot (translations, references, bands).",
        "type": "object",
        "required": ["id", "version", "languages", "title", "description", "source", "dimensions",
                     "questions", "bands"],
        "additionalProperties": False,
        "properties": {
            "id": _id(_BANK_ID, "Lowercase letters, digits and '-'; what --bank takes.", "whale"),
            "version": {"type": "integer", "minimum": 1,
                        "description": "Bump it when questions or scoring change: results record it."},
            "languages": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": _LANGUAGES},
                          "description": "The languages every text must provide."},
            "title": _text("The bank's name, shown in the menu."),
            "description": _text("What the quiz is for, one or two sentences."),
            "source": _ref("source"),
            "dimensions": {"type": "array", "minItems": 1, "items": _ref("dimension"),
                           "description": "The themes questions belong to."},
            "questions": {"type": "array", "minItems": 1, "items": _ref("question"),
                          "description": "Asked in this order."},
            "bands": {"type": "array", "minItems": 1, "items": _ref("band"),
                      "description": "Risk bands from 0 to 100, without gaps or overlaps."},
            "dealbreakers": {"type": "array", "items": _ref("dealbreaker")},
            "profiles": {"type": "array", "items": _ref("profile")},
            "kind": {"enum": ["relationship", "farewell"], "default": "relationship",
                     "description": "'farewell' when the client left you: the levels rate your reaction and a "
                                    "let-go verdict has no exit plan."},
            "prospect": {**_ref("follow_up"), "description": "Holds when the client is only a prospect: a let-go "
                                                            "verdict then declines it, with no notice or handover."},
            "revenue_question": {"type": "string", "description": "Id of the number question that asks this "
                                                                  "client's share of your revenue (saved clients and "
                                                                  "the portfolio read it)."},
            "menu_order": {"type": "integer", "minimum": 0, "description": "Place in the quiz menu, lower first; "
                                                                          "banks without it come after."},
        },
        "definitions": _bank_definitions(),
    }


def result_schema() -> Schema:
    """The schema of ``clientcheck assess --json`` (``render.result_document``)."""
    text = {"type": "string"}
    nullable_text = {"type": ["string", "null"]}
    answer = {"type": ["string", "number"], "description": "yes/no, a frequency level, an option id, "
                                                           "a number, or dont_know"}
    level = {"enum": _LEVELS}
    risk = {"type": "integer", "minimum": 0, "maximum": 100}
    share = {"type": "number", "minimum": 0, "maximum": 1}
    item_id = {"type": "string"}

    def obj(required: list[str], properties: Schema, description: str = "") -> Schema:
        schema = _closed(description, required, properties)
        if not description:
            del schema["description"]
        return schema

    def all_of(properties: Schema, description: str = "") -> Schema:
        return obj(list(properties), properties, description)

    return {
        "$schema": DRAFT,
        "title": "clientcheck result",
        "description": "The document 'clientcheck assess --json' prints. New optional fields may be added "
                       "within a schema_version; a change that breaks readers raises it.",
        "type": "object",
        "required": ["kind", "schema_version", "clientcheck_version", "timestamp", "language", "bank",
                     "answers", "risk", "confidence", "verdict", "dimensions", "signals", "profiles",
                     "dealbreakers", "exit_plan"],
        "properties": {
            "kind": {"const": Kind.RESULT.tag},
            "schema_version": {"const": 1},
            "clientcheck_version": text,
            "timestamp": {"type": "string", "format": "date-time", "description": "UTC, ISO 8601.",
                          "pattern": _TIMESTAMP},
            "language": {"enum": _LANGUAGES},
            "bank": all_of({
                "id": {"type": "string", "pattern": _BANK_ID},
                "version": {"type": "integer", "minimum": 1},
                "title": text,
                "source": all_of({"title": text, "author": text, "date": text}),
            }, "The bank the answers were scored with."),
            "answers": {"type": "array", "description": "The questions asked, in order.",
                        "items": all_of({"question": item_id, "answer": answer})},
            "risk": {**risk, "description": "Overall risk, 0 (healthy) to 100: the points its signals add, "
                                            "capped at 100."},
            "confidence": {**share, "description": "Share of the weight answered (not 'don't know')."},
            "verdict": obj(["level", "label", "why", "band", "raised_by", "steps"], {
                "level": level,
                "label": text,
                "why": text,
                "band": all_of({"min": risk, "max": risk, "level": level}),
                "raised_by": {"type": "array", "items": item_id,
                              "description": "Dealbreakers that raised the level above the band's."},
                "steps": {"type": "array", "items": text},
                "partial": {"type": "boolean", "description": "True when too little is known (under 60% "
                                                              "of the weight) to claim the band's summary."},
                "flip": {"description": "The fewest changes to answers you can act on that move the verdict "
                                        "one level (down; up for keep); null when none can.",
                         "anyOf": [{"type": "null"}, all_of({
                             "direction": {"enum": ["down", "up"]},
                             "level": level,
                             "risk": risk,
                             "minimal": {"type": "boolean",
                                         "description": "False when a greedy set was given instead of the fewest."},
                             "changes": {"type": "array", "minItems": 1, "items": all_of({
                                 "question": item_id, "text": text, "from": answer, "to": answer})},
                         })]},
                "unknown_bounds": {"description": "The levels the 'don't know' answers could lead to, answered "
                                                  "in the best and worst way; null when every answer is known.",
                                   "anyOf": [{"type": "null"}, all_of({
                                       "best": level, "worst": level, "best_risk": risk, "worst_risk": risk})]},
            }),
            "dimensions": {"type": "array", "items": all_of({
                "id": item_id, "label": text, "risk": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
                "confidence": share, "answered": {"type": "integer", "minimum": 0},
                "asked": {"type": "integer", "minimum": 0},
            })},
            "signals": {"type": "array", "description": "Answers that raise a concern, strongest first.",
                        "items": all_of({
                            "question": item_id, "number": {"type": ["integer", "null"]}, "dimension": item_id,
                            "text": text, "answer": answer, "risk": {"type": "number", "minimum": 0, "maximum": 100},
                            "weight": {"type": "number", "exclusiveMinimum": 0},
                            "contribution": {"type": "number", "minimum": 0}, "advice": nullable_text,
                        })},
            "profiles": {"type": "array", "items": all_of({"id": item_id, "label": text, "advice": text})},
            "dealbreakers": {"type": "array", "description": "Every dealbreaker whose condition holds.",
                             "items": all_of({"id": item_id, "level": level, "reason": text})},
            "client": {"type": "string", "minLength": 1,
                       "description": "The client the result was saved under; present only when it was saved."},
            "exit_plan": {"type": ["array", "null"], "description": "On a let-go verdict, the steps of the exit "
                                                                   "plan; otherwise null.",
                          "items": all_of({"id": item_id, "title": text, "text": text})},
        },
    }


def schema(name: str) -> Schema:
    if name == "bank":
        return bank_schema()
    if name == "result":
        return result_schema()
    raise ValueError(f"no schema named {name!r}")


def dumps(value: Schema) -> str:
    """The exact text of a checked-in schema file."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def schema_folder() -> Path:
    """Where the schema files are: inside the wheel, or the repo's schema/ (editable install)."""
    packaged = Path(str(files("clientcheck"))) / "schema"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "schema"


def schema_file(name: str) -> Path:
    return schema_folder() / f"{name}.schema.json"
