"""Click's own usage errors ("No such option: --x", "Missing argument 'client'.") in the reader's
language.

The Click that Typer bundles writes them in English with f-strings, out of gettext's reach, so
each is matched against its English text in the catalogue (``click.*``: the msgid is the pattern,
its ``{names}`` the parts) and written again with the translation. A message no entry matches is
left as Click wrote it.
"""

from __future__ import annotations

import re
import string
from functools import cache

from clientcheck.i18n import tr
from clientcheck.text import DEFAULT_LANGUAGE

# Tried in this order: the more specific first.
CLICK_KEYS = (
    "click.no_such_option_possible", "click.no_such_option", "click.invalid_value_for", "click.invalid_value",
    "click.not_one_of", "click.not_integer", "click.not_int_range", "click.not_float_range", "click.not_float",
    "click.not_in_range", "click.not_boolean", "click.missing_argument", "click.missing_option",
    "click.missing_parameter", "click.extra_arguments", "click.requires_argument", "click.requires_arguments",
    "click.no_value", "click.no_such_command", "click.missing_command",
)
NESTED = {"message"}  # parts that are themselves a Click message


def usage_message(text: str, language: str) -> str:
    """``text``, a Click usage error, in ``language`` when the catalogue knows its English."""
    if language == DEFAULT_LANGUAGE:
        return text
    for key in CLICK_KEYS:
        match = _pattern(key).fullmatch(text)
        if match:
            parts = {name: usage_message(value, language) if name in NESTED else value
                     for name, value in match.groupdict().items()}
            return tr(language, key, **parts)
    return text


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """The English text of ``key`` as a regular expression, each ``{name}`` a named group."""
    pieces = []
    for literal, name, _spec, _conversion in string.Formatter().parse(tr(DEFAULT_LANGUAGE, key)):
        pieces.append(re.escape(literal))
        if name is not None:
            pieces.append(f"(?P<{name}>.+?)")
    return re.compile("".join(pieces), re.DOTALL)
