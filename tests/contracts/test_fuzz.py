"""Fuzzing the readers of outside files: whatever bytes or whatever YAML/JSON tree arrives, the
bank loader, the answers reader and the import reader answer with the project's own errors
(``ClientcheckError``, or a bank's list of problems), never with anything else.

Bounded for CI: a few hundred examples in all, no example database written, a few seconds.
A reader is added to ``READERS`` as one function taking bytes.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientcheck.assessment.answers import answers_for, parse_answers
from clientcheck.bank.loader import check_bank_bytes, load_bank
from clientcheck.errors import ClientcheckError, Problem
from clientcheck.saved.clients import read_export
from tests.conftest import TEST_BANKS

FULL = load_bank(TEST_BANKS / "full.yaml")
MINI_TREE: dict[str, Any] = yaml.safe_load((TEST_BANKS / "mini.yaml").read_text(encoding="utf-8"))
HEALTHY_TREE: dict[str, Any] = yaml.safe_load((TEST_BANKS / "full-healthy.yaml").read_text(encoding="utf-8"))

BOUNDED = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def read_bank(data: bytes) -> None:
    bank, problems = check_bank_bytes(data, "fuzz.yaml")
    assert all(isinstance(problem, Problem) for problem in problems)
    assert (bank is None) == any(problem.severity == "error" for problem in problems)
    if bank is None:
        assert problems, "a bank refused without a reason"


def read_answers(data: bytes) -> None:
    answers_for(parse_answers(None, stdin_text=data), FULL)


def read_import(data: bytes) -> None:
    for _ in read_export(io.BytesIO(data), "fuzz.json"):
        pass


READERS: dict[str, Callable[[bytes], None]] = {"bank": read_bank, "answers": read_answers, "import": read_import}


def only_own_errors(reader: Callable[[bytes], None], data: bytes) -> None:
    try:
        reader(data)
    except ClientcheckError as error:
        assert error.exit_code == 2, error
        assert error.message


# --- what arrives --------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["010", "0x28", "1:30", "!!int abc", "~", "yes", "dont_know", "often", "", " ", "\x1b[2J",
                     "\u202e", "2024-05-01", "-.inf", ".nan", "1e400", "9" * 5000]),
)
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)), max_leaves=25)
yaml_text = st.text(alphabet=st.sampled_from(list("abc019 :-[]{}#&*!|>'\",.\n\t?%@`~\\\x00\x1b\u00e8\ufeff")),
                    max_size=200)

RAW = "@@raw@@"  # where a raw YAML value goes into a dumped tree: tags and forms a dumper never writes
raw_values = st.lists(st.sampled_from(["!!int ", "!!float ", "!!bool ", "!!str ", "!!null ", "!!timestamp ", "010",
                                       "0x28", "0b1", "1:30", "1_0", "abc", "9" * 4400, "1e999", ".nan", "-", "'",
                                       '"', "[", "]", "{", "}", ",", ": ", "#", "&a ", "*a", "~", "yes", "maybe", "=",
                                       "<<"]),
                      min_size=1, max_size=4).map("".join)


def with_raw(dumped_text: bytes, raw: str) -> bytes:
    return dumped_text.replace(f"'{RAW}'".encode(), raw.encode()).replace(f'"{RAW}"'.encode(), raw.encode())


def dumped(tree: Any, as_json: bool) -> bytes:
    if as_json:
        return json.dumps(tree, allow_nan=True).encode()
    return yaml.safe_dump(tree, allow_unicode=True).encode()


def replaced(tree: Any, path: list[int], value: Any) -> Any:
    """``tree`` with the node that ``path`` leads to (each step an index, wrapped) set to ``value``."""
    if not path or not isinstance(tree, (dict, list)) or not tree:
        return value
    if isinstance(tree, dict):
        key = list(tree)[path[0] % len(tree)]
        return {**tree, key: replaced(tree[key], path[1:], value)}
    index = path[0] % len(tree)
    return [*tree[:index], replaced(tree[index], path[1:], value), *tree[index + 1:]]


def _finite(tree: Any) -> bool:
    if isinstance(tree, float):
        return math.isfinite(tree)
    if isinstance(tree, dict):
        return all(_finite(v) for v in tree.values())
    if isinstance(tree, list):
        return all(_finite(v) for v in tree)
    return True


# --- the properties ------------------------------------------------------------------------


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
@BOUNDED
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes(reader: str, data: bytes) -> None:
    only_own_errors(READERS[reader], data)


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
@BOUNDED
@given(text=yaml_text)
def test_arbitrary_yaml_like_text(reader: str, text: str) -> None:
    only_own_errors(READERS[reader], text.encode())


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
@BOUNDED
@given(tree=trees, as_json=st.booleans())
def test_arbitrary_trees(reader: str, tree: Any, as_json: bool) -> None:
    only_own_errors(READERS[reader], dumped(tree, as_json))


@BOUNDED
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=6), value=trees, as_json=st.booleans())
def test_a_bank_with_one_part_replaced(path: list[int], value: Any, as_json: bool) -> None:
    """Near misses reach every reader of the loader, which random trees seldom do."""
    only_own_errors(read_bank, dumped(replaced(MINI_TREE, path, value), as_json))


@BOUNDED
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=3), value=trees, as_json=st.booleans())
def test_answers_with_one_part_replaced(path: list[int], value: Any, as_json: bool) -> None:
    only_own_errors(read_answers, dumped(replaced(HEALTHY_TREE, path, value), as_json))


@pytest.mark.parametrize(("reader", "seed"), [("bank", MINI_TREE), ("answers", HEALTHY_TREE)], ids=["bank", "answers"])
@BOUNDED
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=6), raw=raw_values, as_json=st.booleans())
def test_one_value_written_raw(reader: str, seed: Any, path: list[int], raw: str, as_json: bool) -> None:
    """A value as a person might type it, tags and YAML 1.1 forms included, anywhere in a file."""
    only_own_errors(READERS[reader], with_raw(dumped(replaced(seed, path, RAW), as_json), raw))


@BOUNDED
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=8), value=trees)
def test_an_export_with_one_part_replaced(path: list[int], value: Any) -> None:
    only_own_errors(read_import, json.dumps(replaced(EXPORT_TREE, path, value), allow_nan=True).encode())


def _an_export() -> Any:
    """A real export of one saved assessment, made through the command line."""
    import os
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        environment = {**os.environ, "CLIENTCHECK_HOME": home, "CLIENTCHECK_NOW": "2026-01-31T09:30:00Z"}
        subprocess.run([sys.executable, "-m", "clientcheck", "assess", "--bank-file", str(TEST_BANKS / "full.yaml"),
                        "--answers", str(TEST_BANKS / "full-mixed.yaml"), "--client", "Acme", "--json"],
                       env=environment, check=True, capture_output=True, timeout=60)
        done = subprocess.run([sys.executable, "-m", "clientcheck", "export"], env=environment, check=True,
                              capture_output=True, timeout=60)
    return json.loads(done.stdout)


EXPORT_TREE = _an_export()


def test_the_seeds_are_accepted_as_they_are() -> None:
    """The replaced-part cases start from valid documents, so what they find is the replacement."""
    read_bank(dumped(MINI_TREE, as_json=False))
    assert answers_for(parse_answers(None, stdin_text=dumped(HEALTHY_TREE, as_json=True)), FULL)
    assert EXPORT_TREE["clients"] and _finite(EXPORT_TREE)
    read_import(json.dumps(EXPORT_TREE).encode())
