"""Every message PyYAML can raise reads as Italian: its pure-Python parser's (the list is read from
the installed package's scanner.py, parser.py and reader.py, so a new PyYAML's new message fails
here) and libyaml's, the C parser clientcheck uses when PyYAML has it (listed below from its
sources). Each is put through the error edge as the bank and answers readers write it ("YAML
syntax: <context>: <problem>"), and minimal YAML triggers each one that can be triggered, through
both parsers. The composer's and the constructor's messages cannot reach a reader: yamlsafe builds
the tree from the parser's events itself (aliases, anchors, tags and a second document are refused
there first, in its own words) and constructs only numbers and true/false, whose ValueErrors it
catches; a test shows it for each."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from clientcheck.bank import yamlsafe
from clientcheck.i18n.patterns import problem_message, problem_text
from tests.conftest import CliInvoke
from tests.i18n.test_i18n_no_english import ENGLISH_WORDS, words_of

PYYAML = Path(yaml.__file__).parent
YAML_ENGLISH = (*ENGLISH_WORDS, "while", "scanning", "parsing", "expected", "character", "characters", "allowed",
                "block", "mapping", "scalar", "sequence", "token", "stream", "document", "indentation", "escape",
                "digit", "numbers", "hexadecimal", "indicator", "indicators", "unexpected", "unknown",
                "duplicate", "handle", "comment", "line", "break", "version", "got", "but", "here", "context",
                "entries", "keys", "values", "special", "control", "unacceptable", "codec", "decode", "node",
                "content", "end", "start", "simple", "key", "quoted", "plain", "flow", "anchor", "space",
                "whitespace", "octet", "escaped", "name", "number", "incompatible", "increasing", "level",
                "separator", "indicator", "chomping", "range", "alphabetic", "numeric", "incorrect", "leading",
                "trailing", "extremely", "long", "invalid", "undefined", "cannot", "any", "violates", "equal",
                "exceeded", "maximum", "nesting", "depth")

# libyaml 0.2.5's messages (scanner.c, parser.c, reader.c) and 0.2.6's nesting limit: context, problem
LIBYAML = [
    ("while scanning a simple key", "could not find expected ':'"),
    ("while scanning a plain scalar", "found a tab character that violates indentation"),
    ("while scanning a plain scalar", "found unexpected ':'"),
    ("while scanning a plain scalar", "found unexpected end of stream"),
    ("while scanning a quoted scalar", "found unexpected document indicator"),
    ("while scanning a quoted scalar", "found unexpected end of stream"),
    ("while parsing a quoted scalar", "found unknown escape character"),
    ("while parsing a quoted scalar", "did not find expected hexdecimal number"),
    ("while parsing a quoted scalar", "found invalid Unicode character escape code"),
    ("while scanning a block scalar", "found an indentation indicator equal to 0"),
    ("while scanning a block scalar", "did not find expected comment or line break"),
    ("while scanning a block scalar", "found a tab character where an indentation space is expected"),
    ("while scanning a tag", "did not find the expected '>'"),
    ("while scanning a tag", "did not find expected whitespace or line break"),
    ("while parsing a tag", "did not find expected tag URI"),
    ("while parsing a tag", "did not find URI escaped octet"),
    ("while parsing a tag", "found an incorrect leading UTF-8 octet"),
    ("while parsing a tag", "found an incorrect trailing UTF-8 octet"),
    ("while scanning a directive", "could not find expected directive name"),
    ("while scanning a directive", "found unexpected non-alphabetical character"),
    ("while scanning a directive", "did not find expected comment or line break"),
    ("while scanning a directive", "found unknown directive name"),
    ("while scanning a %YAML directive", "did not find expected version number"),
    ("while scanning a %YAML directive", "did not find expected digit or '.' character"),
    ("while scanning a %YAML directive", "found extremely long version number"),
    ("while scanning a %TAG directive", "did not find expected whitespace"),
    ("while scanning a %TAG directive", "did not find expected whitespace or line break"),
    ("while scanning a tag directive", "did not find expected '!'"),
    ("while parsing a tag directive", "did not find expected '!'"),
    ("while scanning an anchor", "did not find expected alphabetic or numeric character"),
    ("while scanning an alias", "did not find expected alphabetic or numeric character"),
    ("while scanning for the next token", "found character that cannot start any token"),
    ("while parsing a block collection", "did not find expected '-' indicator"),
    ("while parsing a block mapping", "did not find expected key"),
    ("while parsing a block node", "did not find expected node content"),
    ("while parsing a flow node", "did not find expected node content"),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"),
    ("while parsing a node", "found undefined tag handle"),
    ("while increasing block level", "exceeded maximum nesting depth"),
    ("while increasing flow level", "exceeded maximum nesting depth"),
    (None, "block sequence entries are not allowed in this context"),
    (None, "mapping keys are not allowed in this context"),
    (None, "mapping values are not allowed in this context"),
    (None, "did not find expected <document start>"),
    (None, "did not find expected <stream-start>"),
    (None, "found duplicate %YAML directive"),
    (None, "found incompatible YAML document"),
    (None, "found duplicate %TAG directive"),
    (None, "did not find expected key"),
]

# what PyYAML puts in a '%s' of a context ("while scanning a %s": scan_tag_uri('tag', ...))
CONTEXT_WORDS = {"while parsing a %s node": ("block", "flow"), "while scanning a %s": ("tag", "directive"),
                 "while parsing a %s": ("tag", "directive"), "while scanning an %s": ("anchor", "alias")}
FOUND = {"%r": "'x'", "%s": "'x'", "%d": "4"}


def _template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # "expected %r" % token.id
        return _template(node.left)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "str":  # str(exc): a UnicodeDecodeError
        return "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
    return None


def pyyaml_messages(module: str) -> list[tuple[str | None, str]]:
    """(context, problem) of every error ``yaml/<module>.py`` raises, as written in its source."""
    found: set[tuple[str | None, str]] = set()
    for node in ast.walk(ast.parse((PYYAML / f"{module}.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith("Error") and len(node.args) >= 3:
            problem = _template(node.args[2])
            if problem is not None:
                found.add((_template(node.args[0]), problem))
    return sorted(found, key=lambda pair: (pair[0] or "", pair[1]))


PARSER_MESSAGES = pyyaml_messages("scanner") + pyyaml_messages("parser")


def as_written(context: str | None, problem: str) -> list[str]:
    """The message as yamlsafe writes it, each '%' filled as PyYAML fills it."""
    for mark, value in FOUND.items():
        problem = problem.replace(mark, value)
    contexts = [None] if context is None else [context.replace("%s", word) for word in
                                                 CONTEXT_WORDS.get(context, (context,))]
    return [f"YAML syntax: {f'{each}: ' if each else ''}{problem}" for each in contexts]


def not_quoted(text: str) -> str:
    """``text`` without what YAML quotes from the file ('x', '-', '<valore>') and its own names."""
    text = re.sub(r"(?<!\w)'[^'\n]*?'(?!\w)", " ", text)
    return re.sub(r"%YAML|%TAG|%XX|#x[0-9a-f]+|UTF-8|URI|YAML|\(\| o >\)|&nome|\*nome|0xff", " ", text)


def test_the_list_is_read_from_pyyaml():
    assert len(PARSER_MESSAGES) >= 30
    assert ("while scanning a simple key", "could not find expected ':'") in PARSER_MESSAGES
    assert (None, "mapping values are not allowed here") in PARSER_MESSAGES


@pytest.mark.parametrize(("context", "problem"), PARSER_MESSAGES + LIBYAML,
                         ids=[f"{c or ''}: {p}"[:70] for c, p in PARSER_MESSAGES + LIBYAML])
def test_every_yaml_message_reads_as_italian(context: str | None, problem: str):
    for english in as_written(context, problem):
        italian = problem_message(english, "it")
        assert italian.startswith("sintassi YAML: "), italian
        assert words_of(not_quoted(italian), YAML_ENGLISH) == [], (english, italian)
        assert problem_message(english, "en") == english


def test_the_readers_refusal_reads_as_italian():
    for reason in ("control characters are not allowed", "special characters are not allowed"):  # libyaml, PyYAML
        italian = problem_message(f"YAML syntax: unacceptable character #x0007: {reason}", "it")
        assert words_of(not_quoted(italian), YAML_ENGLISH) == [], italian


# minimal YAML that makes each parser say something of its own
TRIGGERS = [
    "a: b: c", "a: 1\n- b", "- a\n? b", "!<abc x", "!<> x", "%TAG !a b\n--- 1", "!a!%zz x", "!a!%ff x", "a: |x",
    "a: |0", "a: | x", "%YAML 1.1x\n--- 1", "%YAML x\n--- 1", "%YAML 1x\n--- 1", "%Y$\n--- 1", '"\\x"', '"\\u12"',
    '"a\n---\n', '"abc', "&? x", "*? x", "a: `b", "%TAG !a! x\n%TAG !a! y\n--- 1", "%YAML 1.1\na: 1",
    "%YAML 1.1\n%YAML 1.1\n--- 1", "%YAML 2.0\n--- 1", "- a\nb: 1", "a: 1\n b: 2", "!x!y z", "a\x07",
    "a:\n\tb: 1", "{a\n: b}", 'b: "\\q"', "[a, b", "{a: 1", "a: [b, c}", "key: 'x\n---\n", "- a\n- b\n c: d",
    "a:\n  - b\n c", "? a\n? b\n: c: d", "a: !!str", "- |\n\t x", "- - - a\n   - b\n  c: d", "a: @x",
]


@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize("text", TRIGGERS, ids=[repr(text)[:40] for text in TRIGGERS])
def test_broken_yaml_reads_as_italian_from_either_parser(monkeypatch: pytest.MonkeyPatch, text: str, loader: str):
    if loader == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.CSafeLoader if loader == "libyaml" else yaml.SafeLoader)
    try:
        yamlsafe.compose(text, "b.yaml")
    except yamlsafe.YamlProblems as refused:
        problems = refused.problems
    else:
        return  # this parser reads it (libyaml is more lenient in places)
    for problem in problems:
        italian = problem_text(problem, "it")
        said = italian.split(": ", 2)[-1]
        assert words_of(not_quoted(said), YAML_ENGLISH) == [], (problem.message, italian)
        assert problem_text(problem, "en") == str(problem)


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_a_control_character_is_located(monkeypatch: pytest.MonkeyPatch, loader: str):
    if loader == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.CSafeLoader if loader == "libyaml" else yaml.SafeLoader)
    with pytest.raises(yamlsafe.YamlProblems) as refused:
        yamlsafe.compose("a: 1\nb: x\x07y\n", "b.yaml")
    (problem,) = refused.value.problems
    assert (problem.line, problem.column) == (2, 5)
    assert problem.message.startswith("YAML syntax: unacceptable character #x0007: ")
    assert problem_text(problem, "it").startswith("b.yaml:2:5: errore: sintassi YAML: carattere non ammesso #x0007")


@pytest.mark.parametrize(("text", "ours"), [
    ("a: &x 1\nb: *x", "anchor '&x' is not allowed"),  # the composer's 'found undefined alias', 'duplicate anchor'
    ("a: *x", "alias '*x' is not allowed"),
    ("a: 1\n---\nb: 2", "more than one YAML document in the file"),  # the composer's 'expected a single document'
    ("a: !!binary eA==", "the tag '!!binary' is not allowed"),  # the constructor's base64 and object errors
    ("a: !!python/name:os.system ''", "is not allowed"),
    ("a: !!omap [x]", "the tag '!!omap' is not allowed"),  # the constructor's ordered map and pairs errors
])
def test_the_composers_and_constructors_messages_are_never_reached(text: str, ours: str):
    with pytest.raises(yamlsafe.YamlProblems) as refused:
        yamlsafe.compose(text, "b.yaml")
    (problem,) = refused.value.problems
    assert ours in problem.message
    assert pyyaml_messages("composer") and pyyaml_messages("constructor")  # they exist, and are not these


@pytest.mark.parametrize("language", ["it", "en"])
def test_a_bank_nested_past_libyamls_limit_is_a_located_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                              cli: CliInvoke, language: str):
    """libyaml 0.2.6 stops at 1,000 levels of brackets ("exceeded maximum nesting depth") before
    yamlsafe counts them (its scanner reads the brackets ahead): still a located error in the
    reader's language, exit 2, no traceback."""
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.CSafeLoader)
    bank = tmp_path / "deep.yaml"
    bank.write_text(f"id: deep\nquestions: {'[' * 1500}1{']' * 1500}\n", encoding="utf-8")
    result = cli("--lang", language, "banks", "validate", str(bank))
    assert result.exit_code == 2, result.output
    said = {"it": "errore: sintassi YAML: aggiungendo un livello di parentesi: superata la profondità massima di "
                  "annidamento\n    suggerimento: troppe parentesi o rientri uno dentro l'altro: chiudi ogni '[' e "
                  "'{' e limitati a pochi livelli",
            "en": "error: YAML syntax: while increasing flow level: exceeded maximum nesting depth\n    hint: "
                  "brackets or indents go too deep inside each other: close each '[' and '{', and keep to a few "
                  "levels"}[language]
    assert re.search(rf"deep\.yaml:2:\d+: {re.escape(said)}", result.output), result.output
    if language == "it":
        located = result.output.split("errore:", 1)[1].split("\n\n")[0]
        assert words_of(not_quoted(located), YAML_ENGLISH) == [], located
