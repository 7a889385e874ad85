"""Answers: what counts as a valid answer, reading answer files, writing templates."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import yaml

from clientcheck.assessment.scoring import applicable_questions
from clientcheck.bank.answer_values import ANY_LANGUAGE, InvalidAnswer, normalise_answer, written_answer
from clientcheck.bank.condition_text import condition_sentence
from clientcheck.bank.model import (
    DONT_KNOW,
    AnswerValue,
    Bank,
    Question,
    QuestionType,
)
from clientcheck.bank.reader import NodeReader, one_of
from clientcheck.bank.yamlsafe import YamlProblems, compose, decode, read_text, scalar_value
from clientcheck.errors import AnswersError, Problem
from clientcheck.i18n.numbers import typeable
from clientcheck.reading import STDIN_NAME, ByteSource
from clientcheck.text import LANGUAGES, one_line, strip_control


class AnswersDocument(NamedTuple):
    """An answers file read and parsed once: which bank it names, then its answers."""

    name: str  # the file name, or <stdin>, as problems show it
    root: yaml.Node | None

    def named_bank(self) -> str | None:
        """The ``bank:`` the file names, so ``--bank`` can be left out (checked later)."""
        if not isinstance(self.root, yaml.MappingNode):
            return None
        for key, value in self.root.value:
            if getattr(key, "value", None) == "bank" and isinstance(value, yaml.ScalarNode):
                named = scalar_value(value)
                return named if isinstance(named, str) else None
        return None


def parse_answers(source: Path | None, *, stdin_text: bytes | None = None,
                  stdin: ByteSource | None = None) -> AnswersDocument:
    """Read and parse an answers file (YAML or JSON). ``source=None`` reads ``stdin``, a stream
    read only up to the size cap, or ``stdin_text`` already read."""
    name = STDIN_NAME if source is None else str(source)
    try:
        if source is not None:
            text = read_text(source)
        elif stdin is not None:
            text = read_text(stdin, name)
        else:
            text = decode(stdin_text or b"", name)
        return AnswersDocument(name, compose(text, name))
    except YamlProblems as error:
        raise AnswersError(f"{name}: cannot read the answers", error.problems) from None


def read_answers(source: Path | None, bank: Bank, *, stdin_text: bytes | None = None) -> dict[str, AnswerValue]:
    """Read an answers file (YAML or JSON; ``source=None`` reads ``stdin_text``) for ``bank``."""
    return answers_for(parse_answers(source, stdin_text=stdin_text), bank)


def answers_for(document: AnswersDocument, bank: Bank) -> dict[str, AnswerValue]:
    """The answers in ``document`` for ``bank``.

    Every problem is collected: unknown question ids, invalid answers, missing answers for
    questions that apply, and a ``bank:`` that names another bank.
    """

    name, root = document
    reader = NodeReader(name)
    if root is None:
        raise AnswersError(f"{name}: no answers", (Problem(
            name, 1, 1, "the answers file is empty",
            f"run 'clientcheck answers-template --bank {bank.id} > answers.yaml' and fill it in"),))
    top = reader.fields(root, "the answers file", required=["answers"], optional=["bank", "lang", "client"])
    answer_nodes: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    if top is not None:
        if "bank" in top:
            named = reader.string(top["bank"], "'bank'")
            if named is not None and named != bank.id:
                reader.error(top["bank"], f"these answers are for bank '{named}', not '{bank.id}'",
                             f"use --bank {named}, or change the 'bank:' line")
                raise _fit_error(name, bank, reader)  # what else is wrong follows from this one
        if "answers" in top:
            if isinstance(top["answers"], yaml.ScalarNode) and top["answers"].value == "":
                reader.error(top["answers"], "'answers' is empty", "list one 'question_id: answer' per line")
            else:
                answer_nodes = reader.mapping(top["answers"], "'answers'") or {}
    written_in = _written_in(reader, top)
    answers: dict[str, AnswerValue] = {}
    question_ids = [q.id for q in bank.questions]
    unknown = sum(1 for question_id in answer_nodes if bank.question(question_id) is None)
    if unknown > 1 and 2 * unknown > len(answer_nodes):  # mostly another bank's ids: say that, once
        reader.error(top["answers"] if top else root,
                     f"{unknown} of the {len(answer_nodes)} questions answered here are not in bank '{bank.id}': "
                     "these answers are for another bank",
                     "name their bank with --bank ID, or start from "
                     f"'clientcheck answers-template --bank {bank.id}'")
        raise _fit_error(name, bank, reader)
    for question_id, (key_node, value_node) in answer_nodes.items():
        question = bank.question(question_id)
        if question is None:
            reader.error(key_node, f"bank '{bank.id}' has no question '{strip_control(question_id)}'",
                         reader.suggest(question_id, question_ids)
                         or f"see the ids with 'clientcheck answers-template --bank {bank.id}'")
            continue
        raw = reader.scalar(value_node)
        if raw is None:
            continue  # left blank in the template: reported below if the question applies
        if not isinstance(raw, (str, int, float, bool)):
            reader.error(value_node, f"the answer to '{question_id}' should be a single value, "
                                     f"found {'a list' if isinstance(value_node, yaml.SequenceNode) else 'a mapping'}",
                         "write one answer on the same line as the question id")
            continue
        if written_in != ANY_LANGUAGE and question.type is QuestionType.NUMBER:
            raw = _as_written(raw, value_node, root)
        try:
            answers[question_id] = normalise_answer(question, raw, written_in)
        except InvalidAnswer as error:
            reader.error(value_node, f"'{question_id}': {error}",
                         f"see every question's answers with 'clientcheck answers-template --bank {bank.id}'")
    if not reader.has_errors:
        asked = applicable_questions(bank, answers)
        missing = [q for q in asked if q.id not in answers]
        where = root if top is None or "answers" not in top else top["answers"]
        for question in missing:
            node = answer_nodes[question.id][0] if question.id in answer_nodes else where
            reader.error(node, f"no answer for '{question.id}'",
                         f"write '{question.id}: <answer>', or '{question.id}: dont_know'")
    if reader.problems:
        raise _fit_error(name, bank, reader)
    return answers


def _written_in(reader: NodeReader, top: Mapping[str, yaml.Node] | None) -> str:
    """The language the file's numbers are written in: its ``lang:`` ("1.000" is a thousand with
    ``lang: it``), else ``ANY_LANGUAGE`` (a number as either language writes it, refused where they
    disagree). A JSON number, or a YAML one without ``lang:``, is read as JSON and YAML read it."""
    if top is None or "lang" not in top:
        return ANY_LANGUAGE
    named = reader.scalar(top["lang"])
    if isinstance(named, str) and named.strip().lower() in LANGUAGES:
        return named.strip().lower()
    reader.error(top["lang"], f"'lang' is {reader.shown(top['lang'])}, which is not one of {one_of(LANGUAGES)}",
                 f"write one of {one_of(LANGUAGES)}")
    return ANY_LANGUAGE


def _as_written(raw: str | float | bool, node: yaml.Node, root: yaml.Node) -> str | float | bool:
    """A YAML number as the file wrote it: YAML reads 12.500 the English way, and under ``lang: it``
    the file means twelve thousand five hundred. A JSON document's numbers stay JSON's."""
    if (isinstance(raw, (int, float)) and not isinstance(raw, bool) and isinstance(node, yaml.ScalarNode)
            and not node.style and not getattr(root, "flow_style", False)):
        return str(node.value)
    return raw


def _fit_error(name: str, bank: Bank, reader: NodeReader) -> AnswersError:
    return AnswersError(f"{name}: the answers do not fit bank '{bank.id}'", tuple(reader.problems))


def answers_template(bank: Bank, language: str, labels: Mapping[str, str]) -> str:
    """A fill-in answers file: every question id, its text as a comment, its allowed values.

    ``labels`` carries the interface's own words (translated by the caller).
    """
    lines = [
        f"# {labels['template_title']}: {one_line(bank.title.get(language))} ({bank.id} v{bank.version})",
        f"# {labels['template_how']}",
        f"# clientcheck assess --bank {bank.id} --answers answers.yaml",
        f"bank: {bank.id}",
        f"lang: {language}  # {labels['template_lang']}",
        "answers:",
    ]
    for question in bank.questions:
        lines.append("")
        for text_line in question.text.get(language).split("\n"):  # strip_control made every line break \n
            lines.append(f"  # {one_line(text_line)}")
        if question.when is not None:
            lines.append(f"  # {labels['template_followup']} {condition_sentence(question.when, bank, language)}")
        lines.append(f"  # {labels['template_allowed']}: {_allowed_text(question, language)}")
        lines.append(f"  {question.id}:")
    return "\n".join(lines) + "\n"


def _allowed_text(question: Question, language: str) -> str:
    dont_know = written_answer(DONT_KNOW, language)
    if question.type is QuestionType.NUMBER:
        unit = question.unit.get(language) if question.unit else ""
        low, high = typeable(question.minimum or 0.0, language), typeable(question.maximum or 0.0, language)
        return f"{low}..{high}{one_line(unit)} | {dont_know}"
    if question.type is QuestionType.CHOICE:
        options = [f"{o.id} ({one_line(o.label.get(language))})" for o in question.options]
        return " | ".join([*options, dont_know])
    return " | ".join([*(written_answer(value, language) for value in question.allowed_answers()), dont_know])
