"""An import's refusals in the reader's language: every message saved/checks.py, saved/jsonstream.py
and the export reader build is a catalogue entry (``import.*``, ``json.*``), so an Italian reader
meets no English in why a file was refused, and an English reader no Italian. JSON paths
(``clients[0].result.risk``), quoted keys and the file's own values are data and are left out
before searching."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from clientcheck.i18n import tr
from clientcheck.saved.clients import ImportRejected, read_export
from clientcheck.saved.jsonstream import _JSON_WORDS, json_reason
from tests.clients_helpers import scenario_record
from tests.conftest import CliInvoke
from tests.i18n.test_i18n_no_english import ENGLISH_WORDS, ITALIAN_WORDS, words_of
from tests.saved.test_clients_import import Document, export_of, put

IMPORT_ENGLISH = (*ENGLISH_WORDS, "should", "is", "be", "export", "problem", "problems", "line", "column",
                  "nothing", "imported", "expecting", "duplicate", "key", "value", "number", "string", "object",
                  "list", "more", "whole", "text", "nested", "deeply", "digits", "starting", "there",
                  "delimiter", "escape", "invalid", "unexpected", "unterminated", "extra", "date", "time", "like",
                  "above", "null", "one", "of", "or", "name", "letters", "empty", "reads", "least", "change",
                  "language", "an")
IMPORT_ITALIAN = (*ITALIAN_WORDS, "dovrebbe", "essere", "manca", "mancano", "chiave", "esportazione", "riga",
                  "colonna", "nulla", "importato", "valore", "numero", "stringa", "oggetto", "elenco", "qui",
                  "ripetuta", "testo", "una", "un")

R = ["clients", 0, "assessments", 0, "result"]
A = ["clients", 0, "assessments", 0]


@pytest.fixture(scope="module")
def good() -> Document:
    results = [json.loads(scenario_record("x", "whale", "whale-000.yaml", "2026-01-01T09:00:00Z", language).document)
               for language in ("en", "it")]
    return export_of(results)


def removed(document: Document, path: list[Any], *keys: str) -> Document:
    changed: Document = json.loads(json.dumps(document))
    node = changed
    for key in path:
        node = node[key]
    for key in keys:
        del node[key]
    return changed


def refusal(text: str | bytes, language: str) -> str:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(ImportRejected) as raised:
        list(read_export(io.BytesIO(data), "backup.json", language))
    return f"{raised.value.message}\n{raised.value.hint}"


def data_removed(text: str) -> str:
    """The refusal without its data: the file's name, JSON paths, quoted keys and values, numbers."""
    text = text.replace("backup.json", " ")
    text = re.sub(r"'clientcheck export > FILE'", " ", text)
    text = re.sub(r"\S*\[\d+\]\S*", " ", text)  # clients[0].assessments[0].result.risk:
    text = re.sub(r"(?<!\w)'[^'\s]*'|\"[^\"]*\"", " ", text)  # 'kind', "clientcheck.export", a client's name
    text = re.sub(r"\b(clientcheck|JSON|UTF-8|BOM|MB|NaN|Infinity|true|false|null|down|up|keep|watch|renegotiate"
                  r"|let_go|en|it)\b", " ", text)  # names and JSON's own words, the same in every language
    return re.sub(r"\\uXXXX|2026-01-31T09:30:00Z|[0-9]+", " ", text)


# documents that are JSON but not an export: (what is changed, what the Italian says)
STRUCTURE = [
    (lambda d: put(d, [*R, "risk"], 500), "dovrebbe essere un numero intero da 0 a 100 (cliente"),
    (lambda d: removed(d, R, "verdict"), "manca 'verdict'"),
    (lambda d: removed(d, R, "verdict", "risk"), "e un'altra chiave"),
    (lambda d: removed(d, R, "verdict", "risk", "signals"), "e altre 2 chiavi"),
    (lambda d: put(d, [*R, "surprise"], 1), "non è una chiave ammessa qui"),
    (lambda d: put(d, [*R, "language"], "fr"), "dovrebbe essere uno tra it, en"),
    (lambda d: put(d, [*R, "kind"], "x"), 'dovrebbe essere "clientcheck.result"'),
    (lambda d: put(d, [*R, "schema_version"], 2), "lo schema dei risultati"),
    (lambda d: put(d, [*R, "timestamp"], "ieri"), "una data e un'ora come"),
    (lambda d: put(d, [*R, "client"], ""), "una stringa non vuota"),
    (lambda d: put(d, [*R, "confidence"], 2), "un numero da 0 a 1"),
    (lambda d: put(d, [*R, "bank", "id"], "X"), "l'id di un questionario"),
    (lambda d: put(d, [*R, "bank", "version"], 0), "un numero intero da 1 a"),
    (lambda d: put(d, [*R, "bank", "title"], 1), "dovrebbe essere una stringa"),
    (lambda d: put(d, [*R, "answers"], {}), "dovrebbe essere un elenco"),
    (lambda d: put(d, [*R, "answers", 0, "answer"], []), "una stringa o un numero"),
    (lambda d: put(d, [*R, "verdict", "partial"], "x"), "true o false"),
    (lambda d: put(d, [*R, "verdict", "level"], "x"), "uno tra keep, let_go, renegotiate, watch"),
    (lambda d: put(d, [*R, "verdict", "flip"], {"direction": "x", "level": "keep", "risk": 1, "minimal": True,
                                                "changes": []}), "down o up"),
    (lambda d: put(d, [*R, "verdict", "flip"], {"direction": "up", "level": "keep", "risk": 1, "minimal": True,
                                                "changes": []}), "un elenco con almeno una modifica"),
    (lambda d: put(d, [*R, "dimensions", 0, "risk"], "x"), "da 0 a 100, oppure null"),
    (lambda d: put(d, [*R, "dimensions", 0, "asked"], -1), "dovrebbe essere un numero intero ("),
    (lambda d: put(d, [*R, "signals", 0, "number"], "x"), "un numero intero o null"),
    (lambda d: put(d, [*R, "signals", 0, "risk"], 101), "un numero da 0 a 100"),
    (lambda d: put(d, [*R, "signals", 0, "weight"], 0), "un numero maggiore di 0"),
    (lambda d: put(d, [*R, "signals", 0, "contribution"], -1), "un numero da 0 in su"),
    (lambda d: put(d, [*R, "signals", 0, "advice"], 1), "una stringa o null"),
    (lambda d: put(d, [*R, "answers", 0], "x"), "dovrebbe essere un oggetto"),
    (lambda d: put(d, [*A, "id"], "corto"), "l'id della valutazione"),
    (lambda d: put(d, [*A, "bank_title"], {"en": 1}), "un oggetto con un testo per lingua"),
    (lambda d: put(d, ["clients", 0, "name"], " "), "il nome di un cliente"),
    (lambda d: put(d, ["clients", 0, "extra"], 1), "non è una chiave di un cliente"),
    (lambda d: put(d, ["clients", 0, "assessments"], 1), "clients[0].assessments: dovrebbe essere un elenco (cliente"),
    (lambda d: put(d, ["clients", 0], 1), "un oggetto con 'name' e 'assessments'"),
    (lambda d: put(d, ["kind"], "x"), "'kind' dovrebbe essere \"clientcheck.export\""),
    (lambda d: put(d, ["schema_version"], 9), "'schema_version' vale 9, ma questa versione di clientcheck legge"),
    (lambda d: put(d, ["surprise"], 1), "'surprise' non è una chiave di un'esportazione"),
    (lambda d: put(d, ["exported"], 5), "'exported' dovrebbe essere una stringa"),
    (lambda d: put(d, ["clients"], 5), "'clients' dovrebbe essere un elenco"),
    (lambda d: put(d, ["clients", 0, "assessments"], [put(d, A, {})["clients"][0]["assessments"][0]] * 30),
     "… e altri 22"),
]


def many_problems(good: Document) -> str:
    return json.dumps(put(good, ["clients", 0, "assessments"], [{}] * 9))


@pytest.mark.parametrize(("change", "italian"), STRUCTURE, ids=[italian[:40] for _, italian in STRUCTURE])
def test_a_refused_export_is_explained_in_italian(good: Document, change: Any, italian: str):
    text = json.dumps(change(good))
    said = refusal(text, "it")
    assert "non è stato importato nulla" in said
    assert italian in said, said
    assert words_of(data_removed(said), IMPORT_ENGLISH) == [], said
    english = refusal(text, "en")
    assert words_of(data_removed(english), IMPORT_ITALIAN) == [], english


# texts that are not JSON, or JSON no parser should be trusted with: (the text, what the Italian says)
SYNTAX = [
    (b"", "Qui ci vuole un valore"),
    (b'{"kind": }', "Qui ci vuole un valore"),
    (b'{"kind" 1}', "Qui ci vogliono i due punti ':'"),
    (b'{"kind": 1 "x": 2}', "Qui ci vuole una virgola ','"),
    (b'{"kind": 1,, }', "Qui ci vuole il nome di una chiave tra virgolette doppie"),
    (b'{"kind": [1 2]}', "Qui ci vuole una virgola ','"),
    (b'{"kind": "x"} 1', "Altro testo dopo la fine del documento"),
    (b'{"kind": "x', "Una stringa che comincia qui non viene mai chiusa"),
    (b'{"kind": "a\x01b"}', "Un carattere di controllo non ammesso in una stringa"),
    (b'{"kind": "a\\qb"}', "Una sequenza con \\ non valida"),
    (b'{"kind": "a\\u12"}', "Una sequenza \\uXXXX non valida"),
    (b'{"kind": 1, "kind": 2}', 'Chiave "kind" ripetuta'),
    (b'{"clients": [{"a": 1, "a": 2}]}', 'Chiave "a" ripetuta'),
    (b'{"kind": NaN}', "NaN non è un numero JSON (nel valore che comincia lì)"),
    (b'{"kind": -Infinity}', "-Infinity non è un numero JSON"),
    (b'{"kind": 1' + b"0" * 5000 + b"}", "Un numero con troppe cifre (nel valore che comincia lì)"),
    (b'{"kind": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "Troppi livelli annidati"),
    ("\ufeff{}".encode(), "Il file comincia con un BOM UTF-8"),
    (b'{"kind": "\xff"}', "non è testo UTF-8 (byte"),
    (b"[]", "il file dovrebbe essere un oggetto JSON"),
]


@pytest.mark.parametrize(("text", "italian"), SYNTAX, ids=[italian[:40] for _, italian in SYNTAX])
def test_a_file_that_is_not_json_is_explained_in_italian(text: bytes, italian: str):
    said = refusal(text, "it")
    assert italian in said, said
    assert "non è un'esportazione di clientcheck" in said
    assert words_of(data_removed(said), IMPORT_ENGLISH) == [], said
    english = refusal(text, "en")
    assert words_of(data_removed(english), IMPORT_ITALIAN) == [], english


def test_a_value_too_big_is_explained_in_italian():
    from clientcheck.saved import jsonstream

    said = refusal(b'{"kind": "' + b"a" * (jsonstream.MAX_VALUE + 10), "it")
    assert f"Un valore di più di {jsonstream.MAX_VALUE >> 20} MB (nel valore che comincia lì)" in said


def test_counts_take_their_plural_in_both_languages(good: Document):
    one = json.dumps(put(good, ["kind"], "x"))
    assert "(1 problema)" in refusal(one, "it") and "(1 problem)" in refusal(one, "en")
    nine = many_problems(good)
    assert "(9 problemi)" in refusal(nine, "it") and "(9 problems)" in refusal(nine, "en")
    assert refusal(nine, "it").endswith("… e un altro") and refusal(nine, "en").endswith("… and 1 more")
    assert "problem(s)" not in refusal(nine, "en")


def test_every_message_json_writes_has_its_entry():
    """The messages of the json module this Python has (its C scanner's and json.loads') are each
    an entry: a newer Python's new message fails here rather than reaching a reader in English."""
    samples = ['{"a" 1}', '{"a": 1 "b": 2}', '{1: 2}', '[1 2]', '1 2', '"abc', '"\\q"', '"\\u12"', '"\x01"',
               "", "[1,]", '{"a": 1,}']
    seen = set()
    for sample in samples:
        try:
            json.loads(sample)
        except json.JSONDecodeError as error:
            seen.add(error.msg)
            assert json_reason(error.msg).key != "json.other", error.msg
    assert len(seen) >= 9
    for english, key in _JSON_WORDS.items():
        assert tr("en", key) == english
        assert tr("it", key) != english


def test_the_import_command_answers_in_italian(cli: CliInvoke, tmp_path: Path, good: Document):
    broken = tmp_path / "backup.json"
    broken.write_text(json.dumps(put(good, [*R, "risk"], 500)), encoding="utf-8")
    result = cli("import", str(broken), "--lang", "it")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"clientcheck: errore: {broken} non è un'esportazione di clientcheck valida "
                                    "(1 problema); non è stato importato nulla\n  suggerimento: clients[0]")
    not_json = tmp_path / "rotto.json"
    not_json.write_text('{"kind": }', encoding="utf-8")
    result = cli("import", str(not_json), "--lang", "it")
    assert result.stderr == (f"clientcheck: errore: {not_json} non è un'esportazione di clientcheck: riga 1, "
                             "colonna 10: Qui ci vuole un valore\n  suggerimento: non è stato importato nulla\n")
