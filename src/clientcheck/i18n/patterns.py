"""English messages written by code that has no language (Click's usage errors, the problems
that bank and answers files raise) read back into the reader's language at the edge.

Each known message is a catalogue entry whose English text is the pattern: its ``{names}`` are
the parts that vary. A message is matched whole against the entries of its family, in order, and
written again with the translation; parts named in ``nested`` are messages themselves and are
translated the same way. A message no entry matches is left as it was written.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from functools import cache

from clientcheck.errors import Problem
from clientcheck.i18n import tr
from clientcheck.text import DEFAULT_LANGUAGE


def translated(text: str, language: str, keys: Sequence[str], nested: Collection[str] = ()) -> str:
    """``text`` in ``language`` when one of ``keys`` (tried in order) has its English; else as it is."""
    if language == DEFAULT_LANGUAGE or not text:
        return text
    for key in keys:
        match = english_pattern(key).fullmatch(text)
        if match:
            parts = {name: translated(value, language, keys, nested) if name in nested else value
                     for name, value in match.groupdict().items()}
            return tr(language, key, **parts)
    return text


@cache
def english_pattern(key: str) -> re.Pattern[str]:
    """The English text of ``key`` as a regular expression, each ``{name}`` a named group."""
    pieces, seen = [], set()
    for literal, name, _spec, _conversion in string.Formatter().parse(tr(DEFAULT_LANGUAGE, key)):
        pieces.append(re.escape(literal))
        if name is not None:
            pieces.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")  # the same text again
            seen.add(name)
    return re.compile("".join(pieces), re.DOTALL)


# The problems and errors the core raises in English, as the error edge (ui/plain.py) reads them
# back; tried in order, the more specific first.
# The input readers' (reading.py, yamlsafe.py, clock.py, a home folder that is a file) come first:
# some hold '; ' or a quote, which the general entries below would otherwise take apart.
PROBLEM_KEYS = (
    "problem.cannot_read_answers", "problem.input_too_large", "problem.file_too_large", "problem.size_hint",
    "problem.limit_hint",
    "problem.cannot_be_read", "problem.no_such_file", "problem.check_path", "problem.is_folder",
    "problem.give_file", "problem.read_as_octal", "problem.read_as_hexadecimal", "problem.read_as_binary",
    "problem.read_as_base_60", "problem.write_plainly", "problem.tag_not_integer", "problem.tag_not_number",
    "problem.tag_not_boolean", "problem.remove_tag_integer", "problem.remove_tag_number",
    "problem.remove_tag_boolean", "problem.too_many_digits", "problem.fewer_digits", "problem.bad_now",
    "problem.bad_now_hint", "problem.home_is_file", "problem.home_is_file_hint",
    "problem.do_not_fit", "problem.no_answers", "problem.no_bank", "problem.available_close",
    "problem.available", "problem.other_bank", "problem.use_bank", "problem.no_question", "problem.see_ids",
    "problem.see_answers", "problem.empty_file", "problem.fill_template", "problem.answers_empty",
    "problem.one_per_line", "problem.no_answer", "problem.write_answer", "problem.yes_no", "problem.number",
    "problem.outside", "problem.one_of", "problem.did_you_mean", "problem.suggested", "problem.quoted",
)
PROBLEM_NESTED = {"message", "suggestion"}


def problem_message(text: str, language: str) -> str:
    """A problem's or an error's message or hint, in ``language`` where the catalogue knows it."""
    return translated(text, language, PROBLEM_KEYS, PROBLEM_NESTED)


def problem_text(problem: Problem, language: str) -> str:
    """``file:line:column: severity: message`` and the hint below, in ``language``."""
    if language == DEFAULT_LANGUAGE:
        return str(problem)
    severity = tr(language, "error.prefix" if problem.severity == "error" else "problem.warning")
    text = f"{problem.location()}: {severity}: {problem_message(problem.message, language)}"
    if problem.hint:
        text += f"\n    {tr(language, 'error.hint')}: {problem_message(problem.hint, language)}"
    return text
