"""Numbers as people read them in their language: "1,000,000" and "22.5" in English,
"1.000.000" and "22,5" in Italian.

The one home for a number a person reads (counts, byte sizes, shares, weights, risk decimals):
``trn`` fills ``{count}`` with it. Files and JSON keep ``text.format_number``: a number there is
data, not prose. Each language's separators are a line of ``SEPARATORS`` (CLDR's), not catalogue
entries, so that ``trn`` can use them without the catalogue reading itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clientcheck.text import DEFAULT_LANGUAGE, format_number

# language -> (decimal separator, thousands separator)
SEPARATORS = {"en": (".", ","), "it": (",", ".")}

_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_TABLES = {language: str.maketrans({".": decimal, ",": group}) for language, (decimal, group) in SEPARATORS.items()}


def _local(text: str, language: str) -> str:
    """``text`` written with English separators, in ``language``'s."""
    return text.translate(_TABLES.get(language, _TABLES[DEFAULT_LANGUAGE]))


@lru_cache(maxsize=4096)  # a portfolio of ten thousand clients repeats the same shares
def number(value: float | None, language: str, *, decimals: int = 6) -> str:
    """``value`` grouped by thousands, with at most ``decimals`` decimals and none when whole
    (``30``, not ``30.0``); ``?`` when there is none."""
    if value is None:
        return "?"
    rounded = round(float(value), decimals)
    if rounded.is_integer():
        whole = int(rounded)
        return str(whole) if -1000 < whole < 1000 else _local(f"{whole:,}", language)
    return _local(f"{rounded:,.{decimals}f}".rstrip("0"), language)


def count(value: int, language: str) -> str:
    """A count: ``9``, ``1,000`` / ``1.000``."""
    return _local(f"{value:,}", language)


@lru_cache(maxsize=4096)
def percent(value: float | None, language: str) -> str:
    """A share as ``40%`` / ``22,5%`` (one decimal at most); ``?`` when unknown."""
    return "?" if value is None else f"{number(value, language, decimals=1)}%"


def regrouped(text: str, language: str) -> str:
    """A whole number that English code grouped (``1,000,001``, in a size error) as ``language``
    groups it; any other text as it is."""
    return _local(text, language) if _GROUPED.fullmatch(text) else text


def typeable(value: float, language: str) -> str:
    """``value`` as one types it back at a prompt: the language's decimal mark, no grouping (the
    quiz reads "1.000" in the quiz's language; a hint or a prefilled answer is the same in both)."""
    return format_number(value).replace(".", SEPARATORS.get(language, SEPARATORS[DEFAULT_LANGUAGE])[0])
