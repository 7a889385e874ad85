"""The Italian a careful editor would sign: one kind of quotation marks, one word for an assessment,
no masculine-only wording addressed to the reader, in the catalogue and in the banks' Italian texts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from typer.testing import Result

from tests.clients_helpers import REPO

CliInvoke = Callable[..., Result]
ITALIAN_PO = REPO / "src" / "clientcheck" / "i18n" / "locale" / "it" / "LC_MESSAGES" / "clientcheck.po"
BANKS = sorted((REPO / "questions").glob("*.yaml"))


def catalogue_texts() -> list[tuple[str, str]]:
    with ITALIAN_PO.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [(str(message.context), str(form)) for form in forms]
    return found


def italian_in(node: object, where: str = "") -> list[tuple[str, str]]:
    """Every Italian text of a bank: the value of each ``it`` key, wherever it is."""
    if isinstance(node, dict):
        return [pair for key, value in node.items()
                for pair in ([(where, value)] if key == "it" and isinstance(value, str)
                             else italian_in(value, f"{where}.{key}"))]
    if isinstance(node, list):
        return [pair for index, item in enumerate(node) for pair in italian_in(item, f"{where}[{index}]")]
    return []


def bank_texts(path: Path) -> list[tuple[str, str]]:
    return italian_in(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


ALL_TEXTS = catalogue_texts() + [pair for path in BANKS for pair in bank_texts(path)]

# Words that make the reader a man ("ti senti svuotato", "sei pagato", "per quanto tu sia bravo"):
# write around them ("ti senti senza energie", "il lavoro è pagato", "chi lavora in proprio").
MASCULINE_TO_THE_READER = re.compile(
    r"\b(?:sei|ti senti|sentirti|ti sei sentito|sei stato|tu sia|resti|rimani)\s+(?:\w+\s+)?"
    r"(?:svuotato|sfinito|stanco|pagato|bravo|sicuro|pronto|escluso|apprezzato|ascoltato|rispettato|"
    r"sfruttato|trattato|coinvolto|soddisfatto|convinto|costretto|obbligato|tagliato fuori|tenuto fuori)\b"
    r"|\b(?:svuotato|bravo|escluso dalle decisioni)\b", re.IGNORECASE)


def test_the_texts_were_found() -> None:
    assert len(catalogue_texts()) > 500 and len(ALL_TEXTS) > 1000


@pytest.mark.parametrize(("sample", "flagged"), [
    ("Ti senti svuotato?", True), ("per quanto tu sia bravo", True), ("sei pagato poco", True),
    ("Escluso dalle decisioni", True), ("ti senti senza energie", False), ("il lavoro pagato", False),
])
def test_the_masculine_check_can_fail(sample: str, flagged: bool) -> None:
    assert bool(MASCULINE_TO_THE_READER.search(sample)) is flagged


def test_no_masculine_only_wording_addressed_to_the_reader() -> None:
    assert [(where, text) for where, text in ALL_TEXTS if MASCULINE_TO_THE_READER.search(text)] == []


def test_quotations_use_caporali_and_straight_quotes_only_in_command_lines() -> None:
    """A quoted label, answer or title is «…»; "…" stays only where it is typed at a shell."""
    wrong = [(key, text) for key, text in catalogue_texts()
             if '"' in text and "clientcheck" not in text and "--" not in text]
    assert wrong == []


def test_one_word_for_an_assessment() -> None:
    """A saved assessment is a «valutazione» on every screen, report and help (not a «verifica»)."""
    wrong = [(key, text) for key, text in catalogue_texts()
             if re.search(r"\b(?:la|alla|dalla|questa) verifica\b", text)]
    assert wrong == []


def test_a_text_missing_several_translations_says_so_in_the_plural(cli: CliInvoke, tmp_path: Path) -> None:
    starter = (REPO / "questions" / "starter.yaml").read_text(encoding="utf-8")
    one_language = re.sub(r'(    text:\n)      it: "[^"]*"\n      en: "[^"]*"\n', r'\1      fr: "Combien ?"\n',
                          starter, count=1)
    bank = tmp_path / "two-missing.yaml"
    bank.write_text(one_language, encoding="utf-8")
    italian = cli("banks", "validate", str(bank), "--lang", "it").stdout
    assert "mancano le traduzioni 'it', 'en'" in italian
    assert "translations" in cli("banks", "validate", str(bank), "--lang", "en").stdout
    starter_missing_one = re.sub(r'(    text:\n      it: "[^"]*"\n)      en: "[^"]*"\n', r"\1", starter, count=1)
    bank.write_text(starter_missing_one, encoding="utf-8")
    assert "manca la traduzione 'en'" in cli("banks", "validate", str(bank), "--lang", "it").stdout


@pytest.mark.parametrize(("schema", "italian"), [
    (None, ["la riga dello schema punta a bank.schema.json, che non esiste",
            "suggerimento: scrivi come prima riga '# yaml-language-server: $schema=bank.schema.json' e salva lo "
            "schema accanto al questionario: clientcheck schema bank > "]),
    ('{"title": "something else"}', ["che non è lo schema dei questionari di questo clientcheck",
                                     "suggerimento: aggiornalo: clientcheck schema bank > "]),
    ('{"$comment": "written by clientcheck 0.0.1"}', ["che è di clientcheck 0.0.1 (la versione in uso è la",
                                                       "suggerimento: aggiornalo: clientcheck schema bank > "]),
])
def test_a_banks_schema_line_warned_about_in_italian(cli: CliInvoke, tmp_path: Path, schema: str | None,
                                                     italian: list[str]) -> None:
    starter = (REPO / "questions" / "starter.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
    bank = tmp_path / "mine.yaml"
    bank.write_text("# yaml-language-server: $schema=bank.schema.json\n" + starter, encoding="utf-8")
    if schema is not None:
        (tmp_path / "bank.schema.json").write_text(schema, encoding="utf-8")
    shown = cli("banks", "validate", str(bank), "--lang", "it").stdout
    for line in italian:
        assert line in shown, shown
    assert "the schema line" not in shown and "hint:" not in shown
