"""Turn a bank file into a ``Bank``, or into every problem it has, each located.

Pure: reads files, never prints. ``check_bank`` returns problems (errors and warnings)
for the ``banks validate`` command; ``load_bank`` raises ``BankError`` for everything else.

One ``NodeReader`` collects the problems of every part, read in the order below by its own
module: source (languages, source), questions (dimensions, questions), conditions, bands
(and their coverage check), outcomes (dealbreakers, profiles); common holds what they share.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import yaml

from clientcheck.bank.loader.bands import read_bands
from clientcheck.bank.loader.common import BANK_ID, read_choice
from clientcheck.bank.loader.conditions import ConditionReader
from clientcheck.bank.loader.outcomes import read_dealbreakers, read_profiles
from clientcheck.bank.loader.questions import QuestionReader, read_dimensions, read_revenue_question
from clientcheck.bank.loader.source import read_languages, read_source
from clientcheck.bank.model import Bank, BankKind
from clientcheck.bank.reader import FirstError, NodeReader
from clientcheck.bank.yamlsafe import YamlProblems, collecting_no_garbage, compose, decode, read_text
from clientcheck.errors import BankError, Problem
from clientcheck.text import LANGUAGES

LARGEST_INTEGER = 2**63 - 1
"""The largest whole number a bank may give where it is saved (its version) or sorted: SQLite's."""

_TOP_REQUIRED = ("id", "version", "languages", "title", "description", "source", "dimensions",
                 "questions", "bands")
_TOP_OPTIONAL = ("dealbreakers", "profiles", "kind", "prospect", "revenue_question", "menu_order")


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
    checked = check_bank_file(path, display)
    return checked.bank, checked.problems


class Checked(NamedTuple):
    bank: Bank | None  # None when the file has an error
    problems: tuple[Problem, ...]
    complete: bool  # every problem; False when reading stopped at the first error


def check_bank_file(path: Path, display: str | None = None, *, first_error: bool = False) -> Checked:
    """``check_bank``; with ``first_error``, reading stops at the first error found (the file is
    still parsed whole, as a syntax error anywhere breaks it), which is enough to list it."""
    name = display or str(path)
    try:
        text = read_text(path, name)
    except YamlProblems as error:
        return Checked(None, error.problems, True)
    return _check_text(text, name, first_error=first_error)


def check_bank_bytes(data: bytes, name: str) -> tuple[Bank | None, tuple[Problem, ...]]:
    try:
        text = decode(data, name)
    except YamlProblems as error:
        return None, error.problems
    return check_bank_text(text, name)


def check_bank_text(text: str, name: str) -> tuple[Bank | None, tuple[Problem, ...]]:
    checked = _check_text(text, name)
    return checked.bank, checked.problems


def _check_text(text: str, name: str, *, first_error: bool = False) -> Checked:
    with collecting_no_garbage():
        try:
            root = compose(text, name)
        except YamlProblems as error:
            return Checked(None, error.problems, True)
        if root is None:
            return Checked(None, (Problem(name, 1, 1, "the file is empty",
                                          "start from 'clientcheck banks new ID', or see docs/bank-format.md"),), True)
        reader = NodeReader(name, stop_at_first_error=first_error)
        complete = True
        try:
            bank = _read_bank(reader, root, origin=name)
        except FirstError:
            bank, complete = None, False
        # freed now, while collection is off: once it is back on, the next one would walk the whole tree
        del root
    problems = tuple(reader.problems)
    return Checked(None if reader.has_errors else bank, problems, complete)


def _read_bank(r: NodeReader, root: yaml.Node, origin: str) -> Bank | None:
    if isinstance(root, yaml.SequenceNode):
        r.error(root, "the file is a list; a bank is a mapping", "start with 'id: ...' at the left margin, not '- '")
        return None
    top = r.fields(root, "the bank", _TOP_REQUIRED, _TOP_OPTIONAL)
    if top is None:
        return None
    languages = read_languages(r, top["languages"]) if "languages" in top else ()
    r.languages = languages or LANGUAGES
    bank_id = r.identifier(top["id"], "'id'", BANK_ID, "whale") if "id" in top else None
    version = r.integer(top["version"], "'version'", minimum=1, maximum=LARGEST_INTEGER) if "version" in top else None
    title = r.text(top["title"], "'title'") if "title" in top else None
    description = r.text(top["description"], "'description'") if "description" in top else None
    source = read_source(r, top["source"]) if "source" in top else None
    dimensions = read_dimensions(r, top["dimensions"]) if "dimensions" in top else ()
    dimension_ids = [d.id for d in dimensions]
    broken_question_ids: set[str] = set()  # filled by the questions, consulted by the conditions
    conditions = ConditionReader(r, dimension_ids, broken_question_ids)
    questions = QuestionReader(r, dimension_ids, conditions, broken_question_ids).questions(top["questions"]) \
        if "questions" in top else ()
    bands = read_bands(r, top["bands"]) if "bands" in top else ()
    by_id = {q.id: q for q in questions}
    dealbreakers = read_dealbreakers(r, top["dealbreakers"], conditions, by_id) if "dealbreakers" in top else ()
    profiles = read_profiles(r, top["profiles"], conditions, by_id) if "profiles" in top else ()
    kind = read_choice(r, top["kind"], "'kind'", BankKind) if "kind" in top else BankKind.RELATIONSHIP
    prospect = conditions.condition(top["prospect"], "'prospect'", by_id, by_id.keys(), allow_risk=False) \
        if "prospect" in top else None
    revenue_question = read_revenue_question(r, top["revenue_question"], by_id) \
        if "revenue_question" in top else None
    menu_order = r.integer(top["menu_order"], "'menu_order'", minimum=0, maximum=LARGEST_INTEGER) \
        if "menu_order" in top else None
    if r.has_errors:
        return None
    assert bank_id and version and title and description and source and languages and kind
    return Bank(bank_id, version, languages, title, description, source, dimensions, questions, bands,
                dealbreakers, profiles, origin=origin, kind=kind, prospect=prospect,
                revenue_question=revenue_question, menu_order=menu_order)
