""""Did you mean …?": the names a person most likely meant, for a word that names none exactly.

Pure, and one home for the rule: what people get wrong when they type a name they have seen
is its case, its accents, the rest of a long name ("Rossi" for "Rossi & Figli srl") and a letter
or two. Client names (``history``, ``report``, ``forget``, ``assess --client``) and bank ids use it.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

TYPO_CUTOFF = 0.75
"""How alike (difflib's ratio, 0-1) a word and a name must be to count as a typo: one letter wrong
in a five-letter name is 0.8, two wrong are 0.6 ("whal" for "whale" 0.89, "Acme" for "Acne" 0.75)."""
MIN_PREFIX = 3  # shorter beginnings ("Ro") match too much to be a suggestion


def comparable(name: str) -> str:
    """A name as people see it: no case, no accents, no invisible characters, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    return " ".join(kept.split())


def nearest(word: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """The names ``word`` most likely means, best first (at most ``limit``; none when nothing is
    close): the same name but for case or accents, then names it begins, then small typos."""
    keyed: dict[str, str] = {}
    for name in names:
        keyed.setdefault(comparable(name), name)
    typed = comparable(word)
    if not typed:
        return []
    found: list[str] = []
    if typed in keyed:
        found.append(typed)
    if len(typed) >= MIN_PREFIX:
        found += sorted((key for key in keyed if key != typed and key.startswith(typed)), key=len)
    found += sorted((key for key in keyed if len(key) >= MIN_PREFIX and typed.startswith(key + " ")),
                    key=len, reverse=True)  # "Acme srl" for a saved "Acme"
    found += difflib.get_close_matches(typed, list(keyed), n=limit, cutoff=TYPO_CUTOFF)
    return [keyed[key] for key in dict.fromkeys(found)][:limit]
