"""Hostile data everywhere: no escape sequence from a bank, an answers file, an import or the
database ever reaches the terminal.

Every command of the Typer app (listed from the app itself, so a new command is covered as soon
as it exists) runs with hostile text in every free-text field of every shipped bank (installed in
the user's bank folder, where they replace the built-in ones), in an answers file, in an import
file and in the database itself, and neither stdout nor stderr may carry a byte of an escape
sequence: ESC, 8-bit CSI/OSC/DCS, BEL, bidi overrides and isolates.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml
from typer.testing import CliRunner

from clientcheck.cli.app import load_commands
from clientcheck.saved.store import Store, database_path
from clientcheck.text import (
    client_key,
    client_name,
    json_safe,
    markdown_text,
    one_line,
    strip_control,
    strip_control_tree,
)
from tests.clients_helpers import record

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "questions"
SCENARIOS = REPO / "tests" / "scenarios"

# What an attacker writes: a screen clear, a disguised OSC 8 link, an OSC 52 clipboard write,
# 8-bit CSI/OSC, a DCS query, a title change, BEL, and bidi overrides/isolates (Trojan Source).
PAYLOAD = ("\x1b[2J\x1b[H\x1b]8;;https://evil.example/\x1b\\pay here\x1b]8;;\x1b\\"
           "\x1b]52;c;ZXZpbA==\x07\x9b31m\x9d0;owned\x9c\x1bP+q544e\x1b\\\x1b]0;title\x07"
           "\u202eevil\u202c\u2066iso\u2069\x07")
FORBIDDEN = ("\x1b", "\x9b", "\x9d", "\x90", "\x9c", "\x98", "\x9e", "\x9f", "\x07",
             *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)))


def leaks(text: str) -> list[str]:
    return sorted({repr(character) for character in FORBIDDEN if character in text})


# --- the boundary itself ---------------------------------------------------------------------

@pytest.mark.parametrize("sequence", [
    "\x1b[2J", "\x1b[31;1m", "\x9b2J", "\x1b]8;;https://evil.example/\x1b\\", "\x1b]8;;https://e/\x07",
    "\x1b]52;c;ZXZpbA==\x07", "\x9d52;c;ZXZpbA==\x9c", "\x1bP+q544e\x1b\\", "\x90+q\x9c", "\x1b_apc\x1b\\",
    "\x1b^pm\x1b\\", "\x1bXsos\x1b\\", "\x1b7", "\x1bc", "\x1b(0", "\x07", "\x08", "\r", "\x7f", "\x85",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
    "\u200f", "\u061c", "\x1b]52;c;unterminated",
])
def test_the_boundary_removes_every_sequence_whole(sequence: str) -> None:
    cleaned = strip_control(f"before{sequence}after")
    assert leaks(cleaned) == []
    assert cleaned.startswith("before")
    # a sequence goes whole, payload included (a link's address, a clipboard's contents)
    assert "evil" not in cleaned and "ZXZpbA" not in cleaned and "544e" not in cleaned


def test_the_boundary_keeps_text_newlines_and_tabs() -> None:
    assert strip_control("Caffè «Aurora»\n\tsrl 😀") == "Caffè «Aurora»\n\tsrl 😀"
    assert strip_control("one\u2028two\u2029three") == "one\ntwo\nthree"  # YAML would read them as line breaks


def test_the_boundary_covers_every_string_of_a_tree() -> None:
    tree = {"a\x1b[2J": ["x\x9b1m", {"b": "\u202ey"}], "n": 3, "t": ("z\x07",)}
    assert strip_control_tree(tree) == {"a": ["x", {"b": "y"}], "n": 3, "t": ("z",)}


def test_json_output_escapes_what_a_terminal_acts_on_and_stays_the_same_data() -> None:
    value = {"t": "a\x9b2J\u202eb\u2028c\x85"}
    text = json_safe(json.dumps(value, ensure_ascii=False))
    assert leaks(text) == [] and "\u2028" not in text
    assert json.loads(text) == value


def test_markdown_text_makes_no_link_markup_or_html() -> None:
    from markdown_it import MarkdownIt

    hostile = "[Click to pay](https://evil.example/) <img src=x onerror=alert(1)> www.evil.example " \
              "https://evil.example ![i](https://evil.example/i.png) **bold** a@evil.example &amp; `c`"
    escaped = markdown_text(hostile)
    rendered = MarkdownIt("commonmark").render(escaped)  # raw HTML allowed, as GitHub and Obsidian do
    assert "<a " not in rendered and "<img" not in rendered and "<strong>" not in rendered
    assert "<code>" not in rendered and "&amp;amp;" in rendered
    # GFM autolinks (scheme://, www., addresses) start at an unescaped ':', '.' or '@': there is none
    assert "https://" not in escaped and "www." not in escaped and "a@" not in escaped
    assert "evil.example" in rendered.replace("\\", "")
    assert "\n" not in markdown_text("one\ntwo\u2028three").strip()


@pytest.mark.parametrize("text", ["- item", "+ item", "1. first", "12) x", "# heading", "> quote", "%%comment%%",
                                  "==highlight==", "$x^2$", "~~gone~~", "| a | b |"])
def test_markdown_text_starts_no_block_and_no_obsidian_markup(text: str) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown_text(text))
    assert rendered.startswith("<p>") and rendered.count("<") == 2  # one plain paragraph
    unescaped = re.sub(r"\\.", "", markdown_text(text))  # what is left once every escaped character goes
    assert "%%" not in unescaped and "==" not in unescaped and "$" not in unescaped


def test_markdown_text_leaves_ordinary_punctuation_alone() -> None:
    assert markdown_text("Let go (or don't take on): fine, really; 40%?") == \
        "Let go (or don't take on): fine, really; 40%?"


def test_one_line_joins_every_kind_of_line_break() -> None:
    assert one_line("a\nb\r\nc\u2028d\x85e\tf\x0bg") == "a b c d e fg"  # VT is a control: removed
    assert "\n" not in one_line("a\nb\u2029c")


# --- client names -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["", "   ", "\u200b\u200b", "\u202e", "\u2066\u2069", "\x1b[2J", "\ufeff",
                                  "\u00ad", "\u200d", "\u2060 \u200b"])
def test_a_name_needs_visible_characters(name: str) -> None:
    with pytest.raises(ValueError):
        client_name(name)


@pytest.mark.parametrize("spelling", ["Ac\u200bme", "ACME", " acme ", "Ac\u2060me", "\ufeffAcme", "Ac\u00adme",
                                      "Acme\x1b[2J", "\u202eAcme", "Ａｃｍｅ"])
def test_every_spelling_of_a_name_is_the_same_client(spelling: str) -> None:
    assert client_key(spelling) == client_key("Acme")


def test_a_saved_name_keeps_its_visible_characters_only() -> None:
    assert client_name("  Ac\u200bme \u202e srl\x1b]52;c;x\x07 ") == "Acme srl"
    assert client_name("👩\u200d💻 Studio") == "👩\u200d💻 Studio"  # the joiner makes the emoji


# --- hostile data in every field --------------------------------------------------------------

TEXT_KEYS = {"title", "description", "label", "text", "advice", "help", "reason", "summary", "steps", "author",
             "publisher", "unit", "url"}


def poisoned(value: Any) -> Any:
    """Every string in ``value`` with the payload added (its structure kept)."""
    if isinstance(value, str):
        return f"{value}{PAYLOAD}"
    if isinstance(value, dict):
        return {key: poisoned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [poisoned(item) for item in value]
    return value


def poison_bank(tree: Any) -> Any:
    """The payload in every free-text field of a bank tree (ids and keywords left valid)."""
    if isinstance(tree, dict):
        return {key: poisoned(value) if key in TEXT_KEYS and (isinstance(value, str) or _is_text(value))
                else poison_bank(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [poison_bank(item) for item in tree]
    return tree


def _is_text(value: Any) -> bool:
    """A translated text ({it: .., en: ..}) or a list of them (steps), not a part of the bank."""
    if isinstance(value, dict):
        return set(value) <= {"it", "en"}
    return isinstance(value, list) and all(isinstance(item, str) or _is_text(item) for item in value)


def dump(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)  # escapes as YAML writes them ("\e")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A home folder full of hostile data, and hostile files to hand to commands."""
    root = tmp_path_factory.mktemp("hostile")
    home = root / "home"
    folder = home / "banks"
    folder.mkdir(parents=True)
    bank_ids = []
    for path in sorted(QUESTIONS.glob("*.yaml")):
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        bank_ids.append(tree["id"])
        (folder / path.name).write_text(dump(poison_bank(tree)), encoding="utf-8")
    files = root / "files"
    files.mkdir()
    # a broken bank: the payload in ids, keys and values, and raw control bytes in another
    starter = yaml.safe_load((QUESTIONS / "starter.yaml").read_text(encoding="utf-8"))
    broken = poisoned(starter)
    broken[f"key{PAYLOAD}"] = f"value{PAYLOAD}"
    (files / "broken.yaml").write_text(dump(broken), encoding="utf-8")
    (files / "raw.yaml").write_bytes(b"id: raw\x1b[2J\ntitle: \x1b]52;c;ZXZpbA==\x07\xc2\x9b31m\n")
    (folder / f"zz-broken{PAYLOAD[:9]}.yaml".replace("/", "")).write_text(dump(broken), encoding="utf-8")
    (files / "hostile-bank.yaml").write_text(dump(poison_bank(starter)), encoding="utf-8")
    # answers: a valid file per bank, and hostile ones (ids, values, the bank's id, raw bytes)
    answers = {path.stem.rsplit("-", 1)[0]: path for path in sorted(SCENARIOS.glob("*.yaml"))}
    answers["starter"] = REPO / "tests" / "answers" / "ci-starter.yaml"
    given = yaml.safe_load(answers["starter"].read_text(encoding="utf-8"))
    hostile_answers = {"bank": f"starter{PAYLOAD}",
                       "answers": {f"{key}{PAYLOAD}": f"{value}{PAYLOAD}" for key, value in given["answers"].items()}}
    (files / "answers-hostile.yaml").write_text(dump(hostile_answers), encoding="utf-8")
    values_only = {"bank": "starter", "answers": {key: f"{value}{PAYLOAD}" for key, value in given["answers"].items()}}
    (files / "answers-values.yaml").write_text(dump(values_only), encoding="utf-8")
    (files / "answers-raw.yaml").write_bytes(b"bank: starter\nanswers:\n  pays_late: often\x1b]52;c;eA==\x07\n")
    # the database: hostile records stored as an old version or a lax import could have left them
    name = f"Acme{PAYLOAD}"
    store = Store.open(database_path({"CLIENTCHECK_HOME": str(home)}))
    with store:
        store.add_records([_hostile_record(name, f"2026-0{month}-01T10:00:00Z", month) for month in (1, 2, 3)])
    # an import: a real export with the payload in every text
    runner = CliRunner()
    app = load_commands()
    exported = runner.invoke(app, ["export"], env={"CLIENTCHECK_HOME": str(home)}, catch_exceptions=False)
    document = json.loads(exported.stdout)
    (files / "import.json").write_text(json.dumps(_poison_export(document), ensure_ascii=False), encoding="utf-8")
    return {"home": home, "files": files, "banks": bank_ids, "answers": answers, "client": name}


def _hostile_record(name: str, created: str, month: int) -> Any:
    base = record(name, created, risk=30 + month * 10, bank="starter", signals=("pays_late", "drained"))
    document = json.loads(base.document)
    document["bank"]["source"] = {"title": f"Source{PAYLOAD}", "author": f"Author{PAYLOAD}"}
    document["verdict"].update(label=f"Watch{PAYLOAD}", why=f"Because{PAYLOAD}", steps=[f"Step{PAYLOAD}"])
    document["dimensions"] = [{"id": "payment", "label": f"Payment{PAYLOAD}", "risk": 50, "asked": True}]
    document["signals"] = [{"question": q, "text": f"Signal {q}{PAYLOAD}", "advice": f"Advice{PAYLOAD}", "risk": 75.0}
                           for q in ("pays_late", "drained")]
    document["profiles"] = [{"id": "p", "label": f"Profile{PAYLOAD}", "advice": f"Advice{PAYLOAD}"}]
    signals = tuple(signal._replace(text={lang: f"{text}{PAYLOAD}" for lang, text in signal.text.items()})
                    for signal in base.signals)
    return base._replace(bank_title={"en": f"Starter{PAYLOAD}", "it": f"Primo{PAYLOAD}"}, signals=signals,
                         document=json.dumps(document, ensure_ascii=False))


def _poison_export(document: dict[str, Any]) -> dict[str, Any]:
    poisoned_document = copy.deepcopy(document)
    for client in poisoned_document["clients"]:
        client["name"] = f"Imported{PAYLOAD}"
        for assessment in client["assessments"]:
            for key in ("bank_title", "signals"):
                if key in assessment:
                    assessment[key] = _poison_texts(assessment[key])
            if "result" in assessment:
                assessment["result"] = _poison_texts(assessment["result"])
    return poisoned_document


def _poison_texts(tree: Any) -> Any:
    """The payload in every string of a result that is a text (not an id, a level, a date or a kind)."""
    if isinstance(tree, dict):
        return {key: poisoned(value) if key in TEXT_KEYS | {"en", "it", "why", "name"} and _stringy(value)
                else _poison_texts(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_poison_texts(item) for item in tree]
    return tree


def _stringy(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


# --- every command ------------------------------------------------------------------------------

def commands() -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the app, by its path (``banks show``), from the app itself."""
    root = typer.main.get_command(load_commands())

    def walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            yield path, command
            return
        for name, sub in sorted(subcommands.items()):
            yield from walk(sub, (*path, name))

    yield from walk(root, ())


def values_for(parameter: Any, world: dict[str, Any]) -> list[list[str]]:
    """The command-line pieces that give ``parameter`` hostile (and some valid) values."""
    files: Path = world["files"]
    name = parameter.name
    flag: str | None = parameter.opts[0] if parameter.param_type_name == "option" else None
    choices = list(getattr(parameter.type, "choices", []) or [])

    def option(*values: str | Path) -> list[list[str]]:
        return [[flag, str(value)] if flag else [str(value)] for value in values]

    if getattr(parameter, "is_flag", False):
        return [[], [str(flag)]]
    if choices:
        return option(*map(str, choices))
    table: dict[str, list[list[str]]] = {
        "bank": option(*world["banks"], f"starter{PAYLOAD}"),
        "bank_file": option(files / "hostile-bank.yaml", files / "broken.yaml", files / "raw.yaml"),
        "answers": option(*sorted({str(p) for p in world["answers"].values()}), files / "answers-hostile.yaml",
                          files / "answers-values.yaml", files / "answers-raw.yaml"),
        "client": option(world["client"], "Acme", f"Nobody{PAYLOAD}", f"Imported{PAYLOAD}"),
        "file": option(files / "import.json", files / "raw.yaml"),
        "paths": [[str(world["home"] / "banks")], [str(files / "broken.yaml"), str(files / "raw.yaml")]],
        "bank_id": option("starter", "whale", f"new{PAYLOAD}", "starter-copy"),
        "notice": option(f"30 days{PAYLOAD}"),
        "handover": option(f"the files{PAYLOAD}"),
        "sender": option(f"Me{PAYLOAD}"),
        "limit": option("2"),
    }
    assert name in table, f"the hostile test has no values for {name!r}: add some to values_for"
    return table[name]


def invocations(world: dict[str, Any]) -> Iterator[list[str]]:
    """Each command with each of its parameters' values in turn (the others at their first value),
    then in Italian and as JSON when it has those options."""
    for path, command in commands():
        options = [p for p in command.params if p.name not in ("lang", "json_output", "no_color", "help")
                   and not p.name.startswith(("install_completion", "show_completion", "version"))]
        choices = [values_for(p, world) for p in options]
        base = [values[0] for values in choices]
        seen: set[tuple[str, ...]] = set()
        for index, values in enumerate(choices):
            for value in values:
                args = [*path, *itertools.chain.from_iterable([*base[:index], value, *base[index + 1:]])]
                if tuple(args) not in seen:
                    seen.add(tuple(args))
                    yield args
        if not choices:
            yield list(path)
        names = {p.name for p in command.params}
        extra = [*path, *itertools.chain.from_iterable(base)]
        if "lang" in names:
            yield [*extra, "--lang", "it"]
        if "json_output" in names:
            yield [*extra, "--json"]


def run(world: dict[str, Any], args: Sequence[str], tmp_path: Path, input: str = "") -> tuple[int, str, str]:
    home = tmp_path / "home"
    shutil.copytree(world["home"], home)  # forget and import change the home: each command has its own
    result = CliRunner().invoke(load_commands(), list(args), input=input, catch_exceptions=False,
                                env={"CLIENTCHECK_HOME": str(home), "TZ": "UTC"})
    shutil.rmtree(home)
    return result.exit_code, result.stdout, result.stderr


def test_the_world_is_hostile(world: dict[str, Any]) -> None:
    """The data really carries the payload, so the command test below tests something."""
    bank = (world["home"] / "banks" / "starter.yaml").read_text(encoding="utf-8")
    assert bank.count("\\e]52;c;") > 40  # every text of the bank
    assert "\\e]52;c;" in (world["files"] / "import.json").read_text(encoding="utf-8").replace("\\u001b", "\\e")
    store = Store.open(database_path({"CLIENTCHECK_HOME": str(world["home"])}))
    with store:
        raw = store._db.execute("SELECT name, bank_title FROM clients JOIN assessments").fetchone()
    assert "\x1b]52;c;" in raw[0] and "\x1b]52;c;" in json.loads(raw[1])["en"]


def test_every_command_keeps_every_escape_sequence_from_the_data_off_the_terminal(
        world: dict[str, Any], tmp_path: Path) -> None:
    ran: dict[str, int] = {}
    failures = []
    for index, args in enumerate(invocations(world)):
        code, stdout, stderr = run(world, args, tmp_path / str(index), input="y\n")
        ran[args[0] if args[0] != "banks" else f"banks {args[1]}"] = ran.get(args[0], 0) + 1
        found = {"stdout": leaks(stdout), "stderr": leaks(stderr)}
        if any(found.values()) or code not in (0, 1, 2):
            failures.append(f"clientcheck {' '.join(map(repr, args))}: exit {code}, {found}\n{stderr[-500:]}")
    assert not failures, "\n".join(failures)
    listed = {" ".join(path) for path, _ in commands()}
    assert set(ran) == listed  # every command ran


def test_the_hostile_data_is_shown_cleaned_not_dropped(world: dict[str, Any], tmp_path: Path) -> None:
    """The texts reach the screen without their escapes: the test above is not passing on silence."""
    code, stdout, _ = run(world, ["history", world["client"]], tmp_path / "history")
    assert code == 0 and "Acme" in stdout and "pay here" in stdout
    code, stdout, _ = run(world, ["report", world["client"]], tmp_path / "report")
    assert code == 0 and "Because" in stdout and "Step" in stdout and "Payment" in stdout and "Signal" in stdout
    code, stdout, _ = run(world, ["banks", "show", "starter"], tmp_path / "show")
    assert code == 0 and "Ciao Ciao Cliente" in stdout and "pay here" in stdout
    code, stdout, _ = run(world, ["assess", "--bank", "starter", "--full", "--answers",
                                  str(world["answers"]["starter"])], tmp_path / "assess")
    assert code == 0 and "Ciao Ciao Cliente" in stdout


def test_a_name_typed_with_escapes_finds_the_saved_client(tmp_path: Path) -> None:
    """``history "Acme\\e[2J"`` is Acme's history, not "no client called Acme"."""
    answers = REPO / "tests" / "answers" / "ci-starter.yaml"
    app = load_commands()
    assert CliRunner().invoke(app, ["assess", "--answers", str(answers), "--client", "Acme"]).exit_code == 0
    for typed in ("Acme\x1b[2J", "ac\u200bme", "\u202eACME", "Acme\x1b]52;c;eA==\x07"):
        result = CliRunner().invoke(app, ["history", typed], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert "Acme" in result.stdout and leaks(result.stdout) == []


def test_a_name_without_visible_characters_is_refused(tmp_path: Path) -> None:
    answers = REPO / "tests" / "answers" / "ci-starter.yaml"
    for name in ("\u200b\u200b", "\u202e", "\x1b[2J"):
        result = CliRunner().invoke(load_commands(), ["assess", "--answers", str(answers), "--client", name],
                                    catch_exceptions=False)
        assert result.exit_code == 2, result.stderr
        assert "visible" in result.stderr and leaks(result.stderr) == []


def test_a_lookalike_name_is_the_same_client(tmp_path: Path) -> None:
    answers = REPO / "tests" / "answers" / "ci-starter.yaml"
    app = load_commands()
    for name in ("Acme", "Ac\u200bme", "\ufeffACME"):
        result = CliRunner().invoke(app, ["assess", "--answers", str(answers), "--client", name],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
    listed = CliRunner().invoke(app, ["clients", "--json"], catch_exceptions=False)
    names = [client["name"] for client in json.loads(listed.stdout)["clients"]]
    assert names == ["Acme"]


def test_a_link_in_a_client_name_is_not_a_link_in_the_report(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    answers = REPO / "tests" / "answers" / "ci-starter.yaml"
    app = load_commands()
    name = "[Click to pay](https://evil.example/) <img src=x onerror=alert(1)> www.evil.example"
    assert CliRunner().invoke(app, ["assess", "--answers", str(answers), "--client", name]).exit_code == 0
    report = CliRunner().invoke(app, ["report", name], catch_exceptions=False).stdout
    html = MarkdownIt("commonmark").render(report)
    assert "<a " not in html and "<img" not in html and "https://" not in report and "www." not in report
    assert "Click to pay" in html


def test_a_title_with_a_line_break_stays_in_its_yaml_comment(tmp_path: Path) -> None:
    tree = yaml.safe_load((QUESTIONS / "starter.yaml").read_text(encoding="utf-8"))
    tree["title"] = {"en": "Title\ninjected: 1\u2028also: 2\x85more: 3", "it": "Titolo\nbank: other"}
    tree["questions"][0]["text"]["en"] = "Question\ninjected_too: 1\u2029x: 2"
    bank = tmp_path / "bank.yaml"
    bank.write_text(dump(tree), encoding="utf-8")
    template = CliRunner().invoke(load_commands(), ["answers-template", "--bank-file", str(bank)],
                                  catch_exceptions=False).stdout
    data = yaml.safe_load(template)
    assert set(data) == {"bank", "lang", "answers"} and data["bank"] == "starter"
    assert set(data["answers"]) == {q["id"] for q in tree["questions"]}
    assert all(line.lstrip().startswith("#") or ":" in line or not line.strip() for line in template.splitlines())


SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colours the screens draw themselves


@pytest.mark.parametrize("args", [["banks", "show", "starter", "--full"], ["banks", "list"], ["history", "CLIENT"],
                                  ["clients"], ["portfolio"], ["exit-plan"]])
def test_with_colours_on_only_the_screens_own_colours_reach_the_terminal(
        world: dict[str, Any], tmp_path: Path, args: list[str]) -> None:
    """Colours forced on, as on a terminal: every escape sequence left is a colour (SGR) the
    screen drew, none comes from the data (the Rich console's last guard, ``ui/safe_console.py``)."""
    args = [world["client"] if arg == "CLIENT" else arg for arg in args]
    home = tmp_path / "home"
    shutil.copytree(world["home"], home)
    result = CliRunner().invoke(load_commands(), args, catch_exceptions=False,
                                env={"CLIENTCHECK_HOME": str(home), "FORCE_COLOR": "1", "NO_COLOR": None,
                                     "TERM": "xterm-256color", "TZ": "UTC"})
    assert result.exit_code == 0, result.stderr
    coloured = result.stdout
    if args[0] in ("banks", "exit-plan"):
        assert SGR.search(coloured), "colours are on: the test would show a leak"
    assert leaks(SGR.sub("", coloured)) == [] and leaks(result.stderr) == []
