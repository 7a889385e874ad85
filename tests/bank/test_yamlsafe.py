"""yamlsafe: the careful YAML reader every bank and answers file goes through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from clientcheck.bank import yamlsafe
from clientcheck.bank.yamlsafe import YamlProblems, compose, decode, position, read_text, scalar_value
from clientcheck.errors import Problem


def problems_of(text: str) -> tuple[Problem, ...]:
    with pytest.raises(YamlProblems) as caught:
        compose(text, "f.yaml")
    return caught.value.problems


def only(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    assert problems[0].hint, "every problem says how to fix it"
    return problems[0]


# --- refused constructs --------------------------------------------------------------------


def test_alias_is_refused_where_it_stands() -> None:
    problem = only("a: 1\nb: *x\n")
    assert problem.location() == "f.yaml:2:4"
    assert "alias '*x' is not allowed" in problem.message


def test_anchor_is_refused_before_its_alias_is_reached() -> None:
    problem = only("a: &x 1\nb: *x\n")
    assert problem.location() == "f.yaml:1:4"
    assert "anchor '&x' is not allowed" in problem.message


def test_billion_laughs_stops_at_the_first_anchor() -> None:
    laughs = "a: &a [lol, lol]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n"
    problem = only(laughs)
    assert problem.location() == "f.yaml:1:4"


@pytest.mark.parametrize(("value", "shown"), [
    ("!!python/object/apply:os.system [echo hi]", "!!python/object/apply:os.system"),
    ("!python/object:os.system 1", "!python/object:os.system"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!!set {x}", "!!set"),
    ("!custom 1", "!custom"),
])
def test_tags_beyond_plain_values_are_refused(value: str, shown: str) -> None:
    problem = only(f"ok: 1\na: {value}\n")
    assert problem.location() == "f.yaml:2:4"
    assert f"the tag '{shown}' is not allowed" in problem.message


def test_standard_scalar_tags_and_the_non_specific_tag_are_accepted() -> None:
    root = compose("a: !!str 1\nb: ! x\nc: !!int 3\n", "f.yaml")
    assert isinstance(root, yaml.MappingNode)
    values = [scalar_value(value) for _, value in root.value]
    assert values == ["1", "x", 3]


def test_more_than_one_document_is_refused_at_the_second() -> None:
    problem = only("a: 1\n---\nb: 2\n")
    assert problem.location() == "f.yaml:2:1"
    assert "more than one YAML document" in problem.message


def test_depth_is_capped() -> None:
    # The top mapping is level 1, so 31 nested lists reach the cap of 32 exactly.
    inner = yamlsafe.MAX_DEPTH - 1
    assert compose("a: " + "[" * inner + "]" * inner + "\n", "f.yaml") is not None
    problem = only("a: " + "[" * (inner + 1) + "]" * (inner + 1) + "\n")
    # 'a: ' is 3 columns; the list that goes one level too deep is the 32nd '['.
    assert problem.location() == f"f.yaml:1:{3 + inner + 1}"
    assert f"nested more than {yamlsafe.MAX_DEPTH} levels deep" in problem.message


def test_merge_keys_survive_yaml_but_their_anchors_do_not() -> None:
    problem = only("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert "anchor '&b'" in problem.message


# --- syntax errors, located, with a hint that fits ----------------------------------------


@pytest.mark.parametrize(("text", "location", "fragment", "hint"), [
    ('a: "abc\nb: 1\n', "f.yaml:1:4", "found unexpected end of stream", "a quote is opened and never closed"),
    ("a: b: c\n", "f.yaml:1:5", "mapping values are not allowed", "put the whole value in double quotes"),
    ("a: 1\nb\nc: 2\n", "f.yaml:3:1", "could not find expected ':'", "a key is missing its ':'"),
    ("a: [1, 2\n", "f.yaml:2:1", "did not find expected ',' or ']'", "indentation, quotes and colons"),
    ("a:\n  b: 1\n c: 2\n", "f.yaml:3:2", "did not find expected key", "indentation"),
])
def test_syntax_errors_are_located_with_a_hint(text: str, location: str, fragment: str, hint: str) -> None:
    problem = only(text)
    assert problem.location() == location
    assert problem.message.startswith("YAML syntax: ")
    assert fragment in problem.message
    assert hint in problem.hint


@pytest.mark.parametrize(("text", "location"), [
    ("a:\n\tb: 1\n", "f.yaml:2:1"),            # libyaml: "found character that cannot start any token"
    ("\ta: 1\n", "f.yaml:1:1"),
    ("- a\n-\tb\n", "f.yaml:2:2"),
    ("a:\n  b: 1\n\tc: 2\n", "f.yaml:3:1"),      # libyaml: "found a tab character that violates indentation"
])
def test_a_tab_gets_the_tab_hint(text: str, location: str) -> None:
    problem = only(text)
    assert problem.location() == location
    assert problem.hint == "YAML indents with spaces only; replace the tab characters with spaces"


def test_empty_documents_compose_to_none() -> None:
    assert compose("", "f.yaml") is None
    assert compose("# only a comment\n", "f.yaml") is None


# --- bytes and files ---------------------------------------------------------------------


def test_decode_accepts_a_byte_order_mark() -> None:
    assert decode("\ufeffa: è\n".encode(), "f.yaml") == "a: è\n"


def test_decode_refuses_nul_bytes_with_their_position() -> None:
    with pytest.raises(YamlProblems) as caught:
        decode(b"a: 1\nbb: \x00\n", "f.yaml")
    (problem,) = caught.value.problems
    assert problem.location() == "f.yaml:2:5"
    assert "binary file" in problem.message
    assert "UTF-8" in problem.hint


def test_decode_refuses_invalid_utf8_with_its_position() -> None:
    with pytest.raises(YamlProblems) as caught:
        decode(b"a: 1\nb: caff\xe8\n", "f.yaml")  # latin-1 'è'
    (problem,) = caught.value.problems
    assert problem.location() == "f.yaml:2:8"
    assert problem.message == "is not valid UTF-8 text"
    assert "save the file as UTF-8" in problem.hint


def test_decode_refuses_input_over_the_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 10)
    with pytest.raises(YamlProblems) as caught:
        decode(b"a: 12345678\n", "<stdin>")
    (problem,) = caught.value.problems
    assert problem.location() == "<stdin>:1:1"
    assert "input is 12 bytes, over the 10-byte limit" in problem.message
    assert problem.hint


def test_read_text_refuses_a_file_over_the_real_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * yamlsafe.MAX_BYTES + b"\n")
    with pytest.raises(YamlProblems) as caught:
        read_text(big, "big.yaml")
    (problem,) = caught.value.problems
    assert problem.location() == "big.yaml:1:1"
    assert f"over the {yamlsafe.MAX_BYTES:,}-byte limit" in problem.message
    assert problem.hint


@pytest.mark.parametrize(("make", "message"), [
    (lambda base: base / "missing.yaml", "no such file"),
    (lambda base: base, "is a folder, not a file"),
    (lambda base: base / "plain.txt" / "inside.yaml", "cannot be read: Not a directory"),
])
def test_read_text_explains_unreadable_paths(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    with pytest.raises(YamlProblems) as caught:
        read_text(make(tmp_path), "shown.yaml")
    (problem,) = caught.value.problems
    assert problem.location() == "shown.yaml:1:1"
    assert message in problem.message
    assert problem.hint


def test_read_text_names_the_path_when_no_display_name_is_given(tmp_path: Path) -> None:
    with pytest.raises(YamlProblems) as caught:
        read_text(tmp_path / "nope.yaml")
    assert caught.value.problems[0].path == str(tmp_path / "nope.yaml")
    assert str(caught.value).startswith(f"{tmp_path / 'nope.yaml'}:1:1: error: no such file")


# --- values and positions ----------------------------------------------------------------


def test_scalar_values_keep_yaml_meanings_but_dates_stay_text() -> None:
    root = compose("a: yes\nb: 2\nc: 2.5\nd: ~\ne: 2020-02-29\nf: '7'\ng: off\n", "f.yaml")
    assert isinstance(root, yaml.MappingNode)
    values = {key.value: scalar_value(value) for key, value in root.value}
    assert values == {"a": True, "b": 2, "c": 2.5, "d": None, "e": "2020-02-29", "f": "7", "g": False}


def test_position_is_one_based() -> None:
    root = compose("first: 1\nsecond:\n  - x\n", "f.yaml")
    assert isinstance(root, yaml.MappingNode)
    assert position(root.value[0][0]) == (1, 1)
    sequence = root.value[1][1]
    assert position(sequence) == (3, 3)
    assert position(sequence.value[0]) == (3, 5)


# --- values YAML would read in a way nobody means, or not at all -------------------------


@pytest.mark.parametrize(("value", "message", "hint"), [
    ('!!int "abc"', "'abc' is not a whole number, as its tag '!!int' says", "remove the '!!int' tag"),
    ("!!float x", "'x' is not a number, as its tag '!!float' says", "remove the '!!float' tag"),
    ("!!bool maybe", "'maybe' is not true or false, as its tag '!!bool' says", "remove the '!!bool' tag"),
    ("!!int 1.5", "'1.5' is not a whole number, as its tag '!!int' says", "or write a whole number"),
    ("9" * 4301, "a number of 4,301 digits is too large to use", "at most 300 digits"),
    ("1" * 301, "a number of 301 digits is too large to use", "at most 300 digits"),
    ("0x" + "f" * 400, "a number of 402 digits is too large to use", "at most 300 digits"),
    ("010", "'010' would be read as 8 (octal), which is hardly ever what is meant",
     "write 10 if you mean a number, or put it in quotes ('010') if it is text"),
    ("-017", "'-017' would be read as -15 (octal)", "write -17 if you mean a number"),
    ("00", "'00' would be read as 0 (octal)", "write 0 if you mean a number"),
    ("0x28", "'0x28' would be read as 40 (hexadecimal)", "write 40 if you mean a number, or put it in quotes ('0x28')"),
    ("0b101", "'0b101' would be read as 5 (binary)", "write 5 if you mean a number"),
    ("1:30", "'1:30' would be read as 90 (base 60, like a time)",
     "write 90 if you mean a number, or put it in quotes ('1:30') if it is text"),
    ("1:30.5", "'1:30.5' would be read as 90.5 (base 60, like a time)", "write 90.5 if you mean a number"),
    ("!!int 010", "'010' would be read as 8 (octal)", "write 10"),
])
def test_values_yaml_cannot_read_or_reads_by_surprise_are_located(value: str, message: str, hint: str) -> None:
    problem = only(f"a: 1\nb: {value}\n")
    assert problem.location() == "f.yaml:2:4"
    assert problem.message.startswith(message)
    assert hint in problem.hint


@pytest.mark.parametrize(("text", "value"), [("=", "="), ("a: =", "="), ("a: <<", "<<"), ("a: !!timestamp x", "x")])
def test_scalars_yaml_tags_without_a_plain_value_read_as_their_text(text: str, value: str) -> None:
    """'=' (YAML's value key) and '<<' (its merge key) as values crashed with a KeyError (found by fuzzing)."""
    root = compose(text + "\n", "f.yaml")
    node = root if isinstance(root, yaml.ScalarNode) else root.value[0][1]  # type: ignore[union-attr]
    assert scalar_value(node) == value


def test_every_unreadable_value_is_reported_at_once() -> None:
    problems = problems_of("a: 010\nb: [!!float x, 0x10]\nc: {d: 1:30}\n")
    assert [p.location() for p in problems] == ["f.yaml:1:4", "f.yaml:2:5", "f.yaml:2:16", "f.yaml:3:8"]


@pytest.mark.parametrize("value", ["10", "0", "-3", "0.5", "010.5", "1_000", "'010'", '"0x28"', "'1:30'", "1e3",
                                   ".inf", "!!str 010", "!!float 3", "!!int 3", "!!bool yes", "1" * 300, "10:75"])
def test_plain_numbers_and_quoted_text_are_still_accepted(value: str) -> None:
    root = compose(f"a: {value}\n", "f.yaml")
    assert isinstance(root, yaml.MappingNode)
    scalar_value(root.value[0][1])  # reads without an error


# --- one pass: the same trees and the same problems as checking the events, then composing ----


def _two_passes(text: str, name: str) -> yaml.Node | None:
    """How compose worked before it took one pass: scan the events for refused constructs
    (stopping at the first), then let PyYAML compose the text again."""
    loader = yamlsafe._Loader
    depth = documents = 0
    found: list[Problem] = []

    def refuse(event: yaml.Event, message: str) -> None:
        mark = event.start_mark
        assert mark is not None
        found.append(Problem(name, mark.line + 1, mark.column + 1, message, ""))

    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    refuse(event, "more than one YAML document in the file")
                    break
            elif isinstance(event, yaml.AliasEvent):
                refuse(event, f"alias '*{event.anchor}' is not allowed")
                break
            elif isinstance(event, yaml.NodeEvent):
                tag = getattr(event, "tag", None)
                if event.anchor is not None:
                    refuse(event, f"anchor '&{event.anchor}' is not allowed")
                    break
                if tag is not None and tag not in yamlsafe._ALLOWED_TAGS:
                    refuse(event, f"the tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed")
                    break
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > yamlsafe.MAX_DEPTH:
                        refuse(event, f"nested more than {yamlsafe.MAX_DEPTH} levels deep")
                        break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        found.extend(yamlsafe._syntax_problems(error, name, text))
    except yaml.reader.ReaderError as error:
        found.append(yamlsafe._reader_problem(error, name, text))
    except yaml.YAMLError as error:
        found.append(Problem(name, 1, 1, f"not valid YAML: {error}", ""))
    if found:
        raise YamlProblems(tuple(found))
    return yaml.compose(text, Loader=loader)


def _shape(node: yaml.Node | None) -> object:
    """Everything a reader can see of a node tree: kinds, tags, values, styles and every mark."""
    if node is None:
        return None
    marks = [(m.line, m.column, m.index) for m in (node.start_mark, node.end_mark)]
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, node.flow_style, marks, [_shape(item) for item in node.value])
    assert isinstance(node, yaml.MappingNode)
    return ("mapping", node.tag, node.flow_style, marks, [(_shape(k), _shape(v)) for k, v in node.value])


def _outcome(composer: Callable[[str, str], yaml.Node | None], text: str) -> object:
    try:
        return _shape(composer(text, "f.yaml"))
    except YamlProblems as error:
        return [(p.line, p.column, p.message) for p in error.problems]  # the hints come from one place


def _texts() -> list[str]:
    """Every YAML file of the repository's banks and tests, odd cases, and mutations of two banks."""
    repo = Path(__file__).resolve().parents[2]
    texts: list[str] = []
    for path in sorted([*repo.glob("questions/*.yaml"), *repo.glob("tests/**/*.yaml"), *repo.glob("tests/**/*.json")]):
        try:
            texts.append(decode(path.read_bytes(), path.name))
        except YamlProblems:
            continue  # binary and latin-1 files: refused before YAML
    texts += ["", "---\n", "--- \n...\n", "a: 1\n...\n---\nb: 2\n", "a: 1\n--- !!str x\n", "!!map {a: 1}\n",
              "! a\n", "- &x 1\n- *x\n", "a: *x\n", "? [a, b]\n: c\n", "a: |\n  text\n  more\nb: >-\n  folded\n",
              "{a: [1, {b: 'c'}], d: \"e\"}\n", "a: \x01\n", "a: 'x\n", "a: [" * 40 + "\n", "a:\n- b\n -c\n"]
    random = __import__("random").Random(12)
    for source in (repo / "questions" / "starter.yaml", repo / "tests" / "banks" / "mini.yaml"):
        text = source.read_text(encoding="utf-8")
        for _ in range(150):
            at = random.randrange(len(text))
            texts.append(text[:at] + random.choice(" \t:-\"'&*!#[]{}|>?\n,") + text[at + random.randrange(2):])
    return texts


@pytest.mark.parametrize("loader", [getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader],
                         ids=["libyaml", "pure-python"])
def test_one_pass_gives_the_trees_and_problems_of_two_passes(loader: type[yaml.SafeLoader],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_Loader", loader)
    texts = [text for text in _texts() if loader is not yaml.SafeLoader or len(text) < 5000]  # pure Python is slow
    differences = [text for text in texts if _outcome(compose, text) != _outcome(_two_passes, text)]
    assert not differences, differences[:3]
    assert sum(isinstance(_outcome(compose, text), list) for text in texts) > 50  # the mutations break many


# --- a top-level value, read without the rest of the file -----------------------------------


@pytest.mark.parametrize(("text", "found"), [
    ("id: a\nversion: [\n", "a"),                       # what follows is never parsed
    ('x: [1, {id: no}]\ny: {id: no}\n"id": b\n', "b"),  # nested ids are not the top one
    ("x: 1\nid:\n", ""),
    ("- id: a\n", None),                                # not a mapping
    ("", None),
    ("# nothing\n", None),
    ("id: [a]\n", None),                                # not plain text
    ("id: !!str a\n", None),                            # a tag: left to the whole check
    ("id: *a\n", None),
    ("? [a]\n: b\nid: c\n", None),                      # a key nobody writes in a bank
    ("x: 'open\nid: a\n", None),                        # a syntax error before it
    ("x: 1\n", None),
])
def test_top_level_text_reads_up_to_the_key_only(text: str, found: str | None) -> None:
    assert yamlsafe.top_level_text(text, "id") == found
