"""json's own messages through saved/jsonstream.py, from the C scanner and from the pure-Python one
(json.decoder.py_scanstring and py_make_scanner, used where the C accelerator is missing): each is
its catalogue entry, never English in an Italian refusal."""

from __future__ import annotations

import io
import json
import json.decoder
import json.scanner

import pytest

from clientcheck.saved import jsonstream
from clientcheck.saved.clients import ImportRejected, read_export
from clientcheck.saved.jsonstream import json_reason

PY_SCANSTRING = json.decoder.py_scanstring  # type: ignore[attr-defined]

# each sample with the entry json's message about it is
SAMPLES = [('{"a" 1}', "json.expecting_colon"), ('{"a": 1 "b": 2}', "json.expecting_comma"),
           ('{1: 2}', "json.expecting_property_name"), ('[1 2]', "json.expecting_comma"), ("1 2", "json.extra_data"),
           ('"abc', "json.unterminated_string"), ('"\\q"', "json.invalid_escape"), ('"\\\'"', "json.invalid_escape"),
           ('"\\u12"', "json.invalid_u_escape"), ('"\x01"', "json.control_character"),
           ('"a\x1f"', "json.control_character"), ("", "json.expecting_value")]


@pytest.fixture
def pure_python(monkeypatch: pytest.MonkeyPatch) -> json.JSONDecoder:
    """json without its C scanner: a decoder whose strings and values are read in Python."""
    monkeypatch.setattr(json.decoder, "scanstring", PY_SCANSTRING)  # what JSONObject calls
    decoder = json.JSONDecoder(object_pairs_hook=jsonstream._unique, parse_constant=jsonstream._not_a_number)
    decoder.parse_string = PY_SCANSTRING  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    monkeypatch.setattr(jsonstream, "_scan", decoder.scan_once)  # type: ignore[attr-defined]
    monkeypatch.setattr(jsonstream, "scanstring", PY_SCANSTRING)
    return decoder


def message_of(decoder: json.JSONDecoder, sample: str) -> str:
    with pytest.raises(json.JSONDecodeError) as raised:
        decoder.decode(sample)
    return raised.value.msg


@pytest.mark.parametrize(("sample", "key"), SAMPLES, ids=[repr(sample) for sample, _ in SAMPLES])
def test_the_pure_python_decoders_messages_are_entries(pure_python: json.JSONDecoder, sample: str, key: str) -> None:
    assert json_reason(message_of(pure_python, sample)).key == key


def test_the_pure_python_decoder_words_two_of_them_its_own_way(pure_python: json.JSONDecoder) -> None:
    """The reason this test exists: "Invalid control character '\\x01' at", "Invalid \\escape: 'q'"."""
    assert message_of(pure_python, '"\x01"') == "Invalid control character '\\x01' at"
    assert message_of(pure_python, '"\\q"') == "Invalid \\escape: 'q'"


@pytest.mark.parametrize(("sample", "key"), SAMPLES, ids=[repr(sample) for sample, _ in SAMPLES])
def test_the_c_scanners_messages_are_entries(sample: str, key: str) -> None:
    assert json_reason(message_of(json.JSONDecoder(), sample)).key == key


@pytest.mark.parametrize("value", ['"a\x01b"', '"a\\qb"'])
def test_an_import_read_in_pure_python_is_refused_in_italian(pure_python: json.JSONDecoder, value: str) -> None:
    with pytest.raises(ImportRejected) as raised:
        list(read_export(io.BytesIO(f'{{"kind": {value}}}'.encode()), "backup.json", "it"))
    said = raised.value.message
    assert "riga 1, colonna 13: " in said, said
    assert "Invalid" not in said and ("carattere di controllo" in said or "sequenza con \\" in said), said
