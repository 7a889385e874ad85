#!/usr/bin/env python3
"""Compile the interface's PO files into the .mo files clientcheck reads (docs/translating.md).

    python scripts/compile_catalogues.py

Every src/clientcheck/i18n/locale/<language>/LC_MESSAGES/clientcheck.po becomes the .mo beside it;
fuzzy and untranslated entries are left out, so English is shown for them. Babel writes the files
(``pybabel compile`` would too, but its format checks read "{percent}% of" as a printf "% o").
tests/i18n/test_i18n.py fails when a .mo no longer matches its .po.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "src" / "clientcheck" / "i18n" / "locale"


def main() -> int:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/clientcheck.po")):
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=po_path.parts[-3], abort_invalid=True)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as target:
            write_mo(target, catalog)
        print(f"{mo_path.relative_to(LOCALE.parents[3])}: {len([m for m in catalog if m.id and m.string])} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
