"""Click's own usage errors in Italian with --lang it (its bundled copy writes them in English with
f-strings): each known message is matched by its English text and written in Italian."""

from __future__ import annotations

import pytest

from clientcheck.cli.usage_words import CLICK_KEYS, usage_message
from clientcheck.i18n import tr
from tests.conftest import CliInvoke

ENGLISH = ("No such option", "Possible options", "Invalid value", "is not one of", "Missing argument",
           "Missing option", "unexpected extra", "No such command", "requires an argument", "is not a valid",
           "is a directory", "Choose from")


@pytest.mark.parametrize(("args", "italian"), [
    (["assess", "--nope"], "clientcheck: errore: opzione inesistente: --nope (opzioni possibili: --no-save)"),
    (["history"], "clientcheck: errore: manca l'argomento 'cliente'."),
    (["clients", "extra"], "clientcheck: errore: argomenti in più, non previsti: extra"),
    (["nosuch"], "clientcheck: errore: comando inesistente: 'nosuch'."),
    (["assess", "--fail-on", "maybe"], "clientcheck: errore: valore non valido per '--fail-on': 'maybe' non è tra i "
                                       "valori ammessi ('keep', 'watch', 'renegotiate', 'let_go')."),
    (["portfolio", "--limit", "abc"], "clientcheck: errore: valore non valido per '--limit' / '-n': 'abc' non è un "
                                      "numero intero valido."),
    (["assess", "--bank-file", "/"], "clientcheck: errore: valore non valido per '--bank-file': '/' è una cartella, "
                                     "non un file."),
    (["schema"], "clientcheck: errore: manca l'argomento 'nome'. Scegli tra:"),
    (["schema", "nope"], "clientcheck: errore: valore non valido per 'nome': 'nope' non è tra i valori ammessi "
                         "('bank', 'result')."),
])
def test_usage_errors_in_italian(cli: CliInvoke, args, italian):
    result = cli(*args, "--lang", "it")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first == italian
    assert not [word for word in ENGLISH if word in result.stderr]
    english = cli(*args, "--lang", "en").stderr.splitlines()[0]
    assert english.startswith("clientcheck: error: ") and english != first


def test_every_pattern_reads_its_own_english_back():
    for key in CLICK_KEYS:
        english = tr("en", key)
        sample = english.format(**{name: f"<{name}>" for name in
                                   ("name", "options", "param", "message", "value", "choices", "range", "states",
                                    "args", "count", "path")})
        assert usage_message(sample, "it") != sample, key
        assert usage_message(sample, "en") == sample


def test_an_unknown_message_is_left_as_click_wrote_it():
    assert usage_message("Something Click never said.", "it") == "Something Click never said."
