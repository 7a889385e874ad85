"""Click's own usage errors ("No such option: --x", "Missing argument 'client'.") in the reader's
language.

The Click that Typer bundles writes them in English with f-strings, out of gettext's reach, so
each is read back through ``i18n.patterns`` against the catalogue's ``click.*`` entries (the
msgid is Click's English, its ``{names}`` the parts).
"""

from __future__ import annotations

from clientcheck.i18n.patterns import translated

# Tried in this order: the more specific first.
CLICK_KEYS = (
    "click.no_such_option_possible", "click.no_such_option", "click.invalid_value_for", "click.invalid_value",
    "click.not_one_of", "click.not_integer", "click.not_int_range", "click.not_float_range", "click.not_float",
    "click.not_in_range", "click.not_boolean", "click.missing_argument_choose", "click.missing_argument",
    "click.missing_option",
    "click.missing_parameter", "click.extra_arguments", "click.requires_argument", "click.requires_arguments",
    "click.no_value", "click.no_such_command", "click.missing_command",
    "click.file_missing", "click.file_is_directory", "click.file_not_readable", "click.file_not_writable",
    "click.path_missing", "click.path_not_readable", "click.path_not_writable", "click.directory_missing",
    "click.directory_is_file", "click.directory_not_readable", "click.directory_not_writable",
    # an argument's name as Click quotes it ('client'), as the help's placeholder says it in the language
    "click.argument_client", "click.argument_name",
)
NESTED = {"message", "name", "param"}  # parts that are themselves a Click message, or an argument's name


def usage_message(text: str, language: str) -> str:
    """``text``, a Click usage error, in ``language`` when the catalogue knows its English."""
    return translated(text, language, CLICK_KEYS, NESTED)
