"""Snapshots of clientcheck's output, to prove that a refactor changes no byte of it.

    python scripts/snapshot.py --clientcheck PATH/TO/bin/clientcheck --out DIR
    python scripts/snapshot.py --compare DIR_A DIR_B

The first form runs a fixed list of clientcheck invocations and writes, for each, one file
DIR/NNN-<slug>.txt: the command line, the exit code, the files left in CLIENTCHECK_HOME,
stdout and stderr (and, for a few, a file the command wrote). The second prints the snapshots
that differ (a short unified diff of the first three) and exits 1 if any do, 0 if none.

What makes two runs give the same bytes:
- every run starts from an empty environment plus fixed values: CLIENTCHECK_HOME a fresh
  folder (one per stand-alone command; one per sequence for the saved-client, import and
  bank-authoring sequences, which run in the same order each time), CLIENTCHECK_NOW fixed
  (a different fixed value for each saved assessment, so history has several dates),
  NO_COLOR=1, COLUMNS=100, LINES=50, TERM=dumb, LANG=C.UTF-8, TZ=UTC, PYTHONHASHSEED=0,
  standard input /dev/null (a file only for the commands that read '-');
- the inputs (tests/scenarios, tests/calibration, tests/broken, tests/banks, tests/answers
  of --inputs, default this repo) are copied to a work folder that is the current
  directory, and are named by relative paths;
- the outputs are normalised: the temporary folders become <WORK>, <HOME>, <HOME2>...,
  the built-in bank folder <BUILTIN> and its parent <PKGROOT> (so an editable install in
  one checkout and one in another compare equal), the executable's venv <VENV>; random
  assessment ids (32 hex digits) become <UID-1>, <UID-2>... in order of appearance in
  each file; the date written into a new bank's file (date.today()) becomes <TODAY>.

Snapshots are matched by slug (the name without its NNN- number), so a command added or
removed in the middle reports one file, not a shift of every later one.

The script never imports clientcheck: it only runs the executable it is given. It needs
PyYAML (a clientcheck dependency) to read the calibration stories, so run it with the
Python of the venv under test, or any Python that has PyYAML.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LANGS = ("en", "it")
NOW = "2026-12-01T10:00:00Z"
TIMEOUT = 120
BASE_ENV = {
    "NO_COLOR": "1",
    "COLUMNS": "100",
    "LINES": "50",
    "TERM": "dumb",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "TZ": "UTC",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
}
META = "meta.json"  # not a snapshot: facts about the run that --compare checks
UID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


# --- cases ---------------------------------------------------------------------------------


@dataclass
class Case:
    slug: str
    args: list[str]
    home: str = "HOME"  # which home of the group
    now: str = NOW
    env: dict[str, str] = field(default_factory=dict)
    stdin_file: str | None = None  # relative to the work folder; None = /dev/null
    stdout_file: str | None = None  # stdout goes to this file (relative to work) instead
    capture: list[str] = field(default_factory=list)  # files (relative to work/home) to include
    today: bool = False  # replace today's date by <TODAY>
    home_is_file: bool = False  # CLIENTCHECK_HOME names a regular file: saving must fail
    number: int = 0


@dataclass
class Group:
    """Cases that share homes and run in order; groups run independently of one another."""
    name: str
    cases: list[Case]
    homes: tuple[str, ...] = ("HOME",)


class Plan:
    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.count = 0
        self.slugs: set[str] = set()

    def _number(self, case: Case) -> Case:
        if case.slug in self.slugs:
            raise SystemExit(f"snapshot.py: duplicate slug {case.slug}")
        self.slugs.add(case.slug)
        self.count += 1
        case.number = self.count
        return case

    def alone(self, slug: str, args: list[str], **kw: object) -> None:
        """A stand-alone command in its own empty home."""
        self.groups.append(Group(slug, [self._number(Case(slug, args, **kw))]))  # type: ignore[arg-type]

    def sequence(self, name: str, homes: tuple[str, ...] = ("HOME",)) -> Callable[..., None]:
        group = Group(name, [], homes)
        self.groups.append(group)

        def add(slug: str, args: list[str], **kw: object) -> None:
            group.cases.append(self._number(Case(slug, args, **kw)))  # type: ignore[arg-type]

        return add


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- running -------------------------------------------------------------------------------


class Runner:
    def __init__(self, clientcheck: Path, root: Path) -> None:
        self.clientcheck = clientcheck
        self.root = root
        self.work = root / "work"
        self.homes_root = root / "homes"
        self.replacements: list[tuple[str, str]] = []
        self.builtin = Path()

    def environment(self, home: Path, case: Case) -> dict[str, str]:
        env = dict(BASE_ENV)
        env["PATH"] = os.pathsep.join([str(self.clientcheck.parent), "/usr/local/bin", "/usr/bin", "/bin"])
        env["HOME"] = str(home)
        env["CLIENTCHECK_HOME"] = str(home)
        env["CLIENTCHECK_NOW"] = case.now
        env.update(case.env)
        return env

    def raw(self, args: Sequence[str], home: Path) -> subprocess.CompletedProcess[bytes]:
        """A run for discovery (not a snapshot)."""
        case = Case("discovery", list(args))
        return subprocess.run([str(self.clientcheck), *args], cwd=self.work, env=self.environment(home, case),
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT, check=False)

    def normalise(self, text: str, homes: dict[str, Path], today: bool) -> str:
        pairs = [(str(path), f"<{name}>") for name, path in homes.items()]
        pairs += [(str(self.work), "<WORK>"), (str(self.root), "<TMP>"), *self.replacements]
        for old, new in sorted(pairs, key=lambda pair: -len(pair[0])):
            if old:
                text = text.replace(old, new)
        if today:
            for day in {datetime.now(UTC).date().isoformat(), datetime.now().date().isoformat()}:
                text = text.replace(day, "<TODAY>")
        return text

    def home_listing(self, home: Path) -> str:
        if not home.exists():
            return "(no folder)"
        if not home.is_dir():
            return "(a file, not a folder)"
        names = sorted(str(p.relative_to(home)) + ("/" if p.is_dir() else "") for p in home.rglob("*"))
        return " ".join(names) if names else "(empty)"

    def run_case(self, case: Case, homes: dict[str, Path]) -> str:
        home = homes[case.home]
        if case.home_is_file and not home.exists():
            home.parent.mkdir(parents=True, exist_ok=True)
            home.write_text("not a folder\n", encoding="utf-8")
        env = self.environment(home, case)
        stdout_path = self.work / case.stdout_file if case.stdout_file else None
        with contextlib.ExitStack() as stack:
            stdin = stack.enter_context(open(self.work / case.stdin_file, "rb")) if case.stdin_file \
                else subprocess.DEVNULL
            sink = stack.enter_context(open(stdout_path, "wb")) if stdout_path else subprocess.PIPE
            try:
                completed = subprocess.run([str(self.clientcheck), *case.args], cwd=self.work, env=env, stdin=stdin,
                                           stdout=sink, stderr=subprocess.PIPE, timeout=TIMEOUT, check=False)
                exit_text, out_bytes, err_bytes = str(completed.returncode), completed.stdout, completed.stderr
            except subprocess.TimeoutExpired as expired:
                exit_text = f"(timed out after {TIMEOUT} s)"
                out_bytes = expired.stdout if isinstance(expired.stdout, bytes) else b""
                err_bytes = expired.stderr if isinstance(expired.stderr, bytes) else b""
        stdout = (out_bytes or b"").decode("utf-8", "backslashreplace")
        stderr = (err_bytes or b"").decode("utf-8", "backslashreplace")
        extra_env = dict(case.env)
        if case.now != NOW:
            extra_env = {"CLIENTCHECK_NOW": case.now, **extra_env}
        lines = [f"$ {shlex.join(['clientcheck', *case.args])}"
                 + (f" < {case.stdin_file}" if case.stdin_file else "")
                 + (f" > {case.stdout_file}" if case.stdout_file else "")]
        lines.append("# env: " + (" ".join(f"{k}={v}" for k, v in extra_env.items()) or "(defaults)")
                     + f"; CLIENTCHECK_HOME=<{case.home}>")
        lines.append(f"# exit: {exit_text}")
        lines.append("# home after: " + self.home_listing(home))
        parts = ["\n".join(lines), "--- stdout ---", stdout, "--- stderr ---", stderr]
        if stdout_path:
            parts[2] = f"(written to {case.stdout_file})\n"
            parts += [f"--- file {case.stdout_file} ---", stdout_path.read_bytes().decode("utf-8", "backslashreplace")]
        for name in case.capture:
            path = (home / name[len("HOME/"):]) if name.startswith("HOME/") else self.work / name
            content = path.read_bytes().decode("utf-8", "backslashreplace") if path.is_file() else "(no such file)\n"
            parts += [f"--- file {name} ---", content]
        text = "\n".join(parts)
        text = self.normalise(text, homes, case.today)
        return number_uids(text)

    def run_group(self, group: Group, index: int) -> list[tuple[Case, str]]:
        base = self.homes_root / f"{index:04d}"
        homes = {name: base / name.lower() for name in group.homes}
        out = []
        for case in group.cases:
            out.append((case, self.run_case(case, homes)))
        return out


def number_uids(text: str) -> str:
    seen: dict[str, str] = {}

    def sub(match: re.Match[str]) -> str:
        return seen.setdefault(match.group(0), f"<UID-{len(seen) + 1}>")

    return UID.sub(sub, text)


# --- discovery -----------------------------------------------------------------------------


COMMAND_ROW = re.compile(r"^│ ([a-z][a-z0-9-]*)\s{2,}\S")


def commands_in_help(text: str) -> list[str]:
    """Command names in a Typer/Rich help screen's 'Commands' box."""
    names, inside = [], False
    for line in text.splitlines():
        if line.startswith("╭") and " Commands " in line:
            inside = True
        elif line.startswith("╰"):
            inside = False
        elif inside and (match := COMMAND_ROW.match(line)):
            names.append(match.group(1))
    return names


# --- the plan ------------------------------------------------------------------------------


def lang_args(lang: str) -> list[str]:
    return ["--lang", lang]


def build_plan(runner: Runner, inputs: Path) -> Plan:
    import yaml

    work = runner.work
    probe_home = runner.root / "probe-home"

    # Inputs, copied byte for byte; calibration stories become answers files, one per bank.
    tests = inputs / "tests"
    for name in ("scenarios", "broken", "banks", "answers"):
        shutil.copytree(tests / name, work / name)
    (work / "calibration").mkdir()
    calibration: list[tuple[str, str]] = []
    for story in sorted((tests / "calibration").glob("*.yaml")):
        data = yaml.safe_load(story.read_text(encoding="utf-8"))
        for bank_id, answers in data["banks"].items():
            name = f"calibration/{story.stem}--{bank_id}.yaml"
            (work / name).write_text(yaml.safe_dump({"bank": bank_id, "answers": answers}, sort_keys=False,
                                                    allow_unicode=True), encoding="utf-8")
            calibration.append((name, bank_id))
    scenarios = sorted(p.name for p in (work / "scenarios").glob("*.yaml"))
    broken = sorted(p.name for p in (work / "broken").iterdir() if p.suffix == ".yaml")
    (work / "errors").mkdir()
    (work / "errors" / "starter-answers-bank-whale.yaml").write_text(
        (work / "answers" / "ci-starter.yaml").read_text(encoding="utf-8").replace("bank: starter", "bank: whale"),
        encoding="utf-8")
    (work / "errors" / "not-an-export.json").write_text('{"kind": "something else"}\n', encoding="utf-8")
    (work / "errors" / "empty-folder").mkdir()
    mini = (work / "banks" / "mini.yaml").read_text(encoding="utf-8")
    (work / "errors" / "mini-no-advice.yaml").write_text(mini.replace('    advice: "Talk."\n', ""), encoding="utf-8")
    (work / "crafted").mkdir()
    for source, share in (("checkup-healthy", 60), ("checkup-bad-small", 60)):
        data = yaml.safe_load((work / "scenarios" / f"{source}.yaml").read_text(encoding="utf-8"))
        data["answers"]["revenue_share"] = share
        (work / "crafted" / f"{source}-share-{share}.yaml").write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    # Discovery through the executable: the built-in folder, the banks, the commands.
    folders = json.loads(runner.raw(["banks", "path", "--json"], probe_home).stdout)["folders"]
    builtin = runner.builtin = Path(next(f["path"] for f in folders if f["origin"] == "built-in"))
    venv = runner.clientcheck.parent.parent
    runner.replacements = [(str(builtin), "<BUILTIN>"), (str(builtin.parent), "<PKGROOT>"), (str(venv), "<VENV>")]
    listed = json.loads(runner.raw(["banks", "list", "--json"], probe_home).stdout)["banks"]
    banks = sorted(b["id"] for b in listed if b["origin"] == "built-in")
    bank_files = {b["id"]: b["path"] for b in listed if b["origin"] == "built-in"}
    top = runner.raw(["--help"], probe_home).stdout.decode("utf-8", "replace")
    commands = commands_in_help(top)
    subcommands: dict[str, list[str]] = {}
    for command in commands:
        text = runner.raw([command, "--help"], probe_home).stdout.decode("utf-8", "replace")
        if subs := commands_in_help(text):
            subcommands[command] = subs
    shutil.rmtree(probe_home, ignore_errors=True)

    plan = Plan()
    alone = plan.alone

    # 1. Version and help.
    alone("version", ["--version"])
    alone("version-short", ["-V"])
    alone("help", ["--help"])
    alone("help-short", ["-h"])
    alone("no-arguments", [])
    for command in commands:
        alone(f"help-{command}", [command, "--help"])
        for sub in subcommands.get(command, []):
            alone(f"help-{command}-{sub}", [command, sub, "--help"])

    # 2. Banks: list, path, show, templates, validate, schemas.
    for lang in LANGS:
        alone(f"banks-list-{lang}", ["banks", "list", *lang_args(lang)])
        alone(f"banks-list-{lang}-json", ["banks", "list", "--json", *lang_args(lang)])
        alone(f"banks-path-{lang}", ["banks", "path", *lang_args(lang)])
        alone(f"banks-path-{lang}-json", ["banks", "path", "--json", *lang_args(lang)])
        alone(f"banks-validate-all-{lang}", ["banks", "validate", *lang_args(lang)])
        alone(f"banks-validate-all-{lang}-json", ["banks", "validate", "--json", *lang_args(lang)])
        alone(f"banks-validate-all-strict-{lang}", ["banks", "validate", "--strict", *lang_args(lang)])
        alone(f"banks-validate-broken-folder-{lang}", ["banks", "validate", "broken", *lang_args(lang)])
    alone("banks-list-default-lang", ["banks", "list"])
    alone("banks-list-clientcheck-lang-it", ["banks", "list"], env={"CLIENTCHECK_LANG": "it"})
    alone("banks-list-with-banks-path", ["banks", "list"], env={"CLIENTCHECK_BANKS_PATH": "banks"})
    alone("banks-list-with-banks-path-json", ["banks", "list", "--json"], env={"CLIENTCHECK_BANKS_PATH": "banks"})
    alone("banks-path-with-banks-path", ["banks", "path"], env={"CLIENTCHECK_BANKS_PATH": "banks"})
    for bank in banks:
        for lang in LANGS:
            alone(f"banks-show-{bank}-{lang}", ["banks", "show", bank, *lang_args(lang)])
            alone(f"banks-show-{bank}-{lang}-json", ["banks", "show", bank, "--json", *lang_args(lang)])
            alone(f"answers-template-{bank}-{lang}", ["answers-template", "--bank", bank, *lang_args(lang)])
            alone(f"banks-validate-{bank}-{lang}", ["banks", "validate", bank_files[bank], *lang_args(lang)])
        alone(f"banks-validate-{bank}-json", ["banks", "validate", "--json", bank_files[bank]])
        alone(f"banks-validate-{bank}-strict", ["banks", "validate", "--strict", bank_files[bank]])
    for name in broken:
        stem = slugify(Path(name).stem)
        for lang in LANGS:
            alone(f"banks-validate-broken-{stem}-{lang}", ["banks", "validate", f"broken/{name}", *lang_args(lang)])
            alone(f"banks-validate-broken-{stem}-{lang}-json",
                  ["banks", "validate", "--json", f"broken/{name}", *lang_args(lang)])
        alone(f"assess-bank-file-broken-{stem}",
              ["assess", "--bank-file", f"broken/{name}", "--answers", "answers/ci-starter.yaml", "--no-save"])
    for bank_file in ("banks/full.yaml", "banks/mini.yaml"):
        stem = slugify(Path(bank_file).stem)
        for lang in LANGS:
            alone(f"banks-show-file-{stem}-{lang}", ["banks", "show", "--bank-file", bank_file, *lang_args(lang)])
            alone(f"banks-show-file-{stem}-{lang}-json",
                  ["banks", "show", "--bank-file", bank_file, "--json", *lang_args(lang)])
            alone(f"answers-template-file-{stem}-{lang}", ["answers-template", "--bank-file", bank_file,
                                                          *lang_args(lang)])
        alone(f"banks-validate-file-{stem}", ["banks", "validate", bank_file])
    for schema in ("bank", "result"):
        alone(f"schema-{schema}", ["schema", schema])

    # 3. Assessments without saving: scenarios, calibration stories, other answer files.
    def assess_both(slug: str, args: list[str]) -> None:
        for lang in LANGS:
            alone(f"{slug}-{lang}", [*args, "--no-save", *lang_args(lang)])
            alone(f"{slug}-{lang}-json", [*args, "--no-save", "--json", *lang_args(lang)])

    for name in scenarios:
        assess_both(f"assess-scenario-{slugify(Path(name).stem)}", ["assess", "--answers", f"scenarios/{name}"])
    for name, _bank in calibration:
        assess_both(f"assess-calibration-{slugify(Path(name).stem)}", ["assess", "--answers", name])
    for name in sorted(p.name for p in (work / "answers").glob("*.yaml")):
        assess_both(f"assess-answers-{slugify(Path(name).stem)}", ["assess", "--answers", f"answers/{name}"])
    for name in sorted(p.name for p in (work / "banks").glob("full-*.yaml")):
        assess_both(f"assess-bank-file-{slugify(Path(name).stem)}",
                    ["assess", "--bank-file", "banks/full.yaml", "--answers", f"banks/{name}"])
    alone("assess-answers-stdin", ["assess", "--answers", "-", "--no-save"], stdin_file="scenarios/signals-early.yaml")
    alone("assess-answers-stdin-json", ["assess", "--answers", "-", "--no-save", "--json"],
          stdin_file="scenarios/let-go-late-payer.yaml")
    alone("assess-explicit-bank", ["assess", "--bank", "checkup", "--answers", "scenarios/checkup-healthy.yaml",
                                   "--no-save"])
    alone("assess-short-options", ["assess", "-b", "checkup", "-a", "scenarios/checkup-healthy.yaml", "--no-save"])
    alone("assess-no-color", ["assess", "--answers", "scenarios/farewell-stalled.yaml", "--no-save", "--no-color"])
    alone("assess-clientcheck-lang-it", ["assess", "--answers", "scenarios/farewell-stalled.yaml", "--no-save"],
          env={"CLIENTCHECK_LANG": "it"})
    for level in ("keep", "watch", "renegotiate", "let_go"):
        alone(f"assess-fail-on-{level}", ["assess", "--answers", "scenarios/checkup-late-payer.yaml", "--no-save",
                                          "--fail-on", level])
    alone("assess-fail-on-let-go-json", ["assess", "--answers", "scenarios/let-go-late-payer.yaml", "--no-save",
                                         "--json", "--fail-on", "let_go"])

    # 4. Exit kit.
    for lang in LANGS:
        alone(f"exit-plan-{lang}", ["exit-plan", *lang_args(lang)])
        alone(f"exit-plan-{lang}-json", ["exit-plan", "--json", *lang_args(lang)])
        alone(f"exit-plan-planned-{lang}", ["exit-plan", "--planned", *lang_args(lang)])
        alone(f"exit-plan-planned-{lang}-json", ["exit-plan", "--planned", "--json", *lang_args(lang)])
        alone(f"letter-{lang}", ["letter", *lang_args(lang)])
    alone("letter-en-filled", ["letter", "--lang", "en", "--client", "Acme Ltd", "--notice", "two months",
                               "--handover", "30 June"])
    alone("letter-it-filled", ["letter", "--lang", "it", "--client", "Rossi S.r.l.", "--notice", "due mesi",
                               "--handover", "30 giugno"])

    # 5. Error paths.
    alone("error-unknown-option", ["--nope"])
    alone("error-unknown-command", ["nope"])
    alone("error-assess-unknown-option", ["assess", "--nope"])
    alone("error-banks-unknown-option", ["banks", "list", "--nope"])
    alone("error-banks-unknown-subcommand", ["banks", "nope"])
    alone("error-bad-lang", ["banks", "list", "--lang", "fr"])
    alone("error-schema-unknown", ["schema", "nope"])
    alone("error-schema-missing", ["schema"])
    alone("error-fail-on-bad", ["assess", "--answers", "scenarios/checkup-healthy.yaml", "--no-save",
                                "--fail-on", "maybe"])
    for lang in LANGS:
        alone(f"error-missing-bank-assess-{lang}", ["assess", "--bank", "no-such-bank", "--answers",
                                                    "answers/ci-starter.yaml", "--no-save", *lang_args(lang)])
        alone(f"error-missing-bank-assess-{lang}-json", ["assess", "--bank", "no-such-bank", "--answers",
                                                         "answers/ci-starter.yaml", "--no-save", "--json",
                                                         *lang_args(lang)])
        alone(f"error-missing-bank-template-{lang}", ["answers-template", "--bank", "no-such-bank", *lang_args(lang)])
        alone(f"error-missing-bank-show-{lang}", ["banks", "show", "no-such-bank", *lang_args(lang)])
        alone(f"error-misspelt-bank-show-{lang}", ["banks", "show", "chekup", *lang_args(lang)])
        alone(f"error-wrong-bank-answers-{lang}", ["assess", "--bank", "whale", "--answers",
                                                   "answers/ci-starter.yaml", "--no-save", *lang_args(lang)])
        alone(f"error-wrong-bank-answers-{lang}-json", ["assess", "--bank", "whale", "--answers",
                                                        "answers/ci-starter.yaml", "--no-save", "--json",
                                                        *lang_args(lang)])
        alone(f"error-answers-bank-line-mismatch-{lang}", ["assess", "--answers",
                                                           "errors/starter-answers-bank-whale.yaml", "--no-save",
                                                           *lang_args(lang)])
        alone(f"error-broken-bank-file-{lang}", ["assess", "--bank-file", "broken/band-gap.yaml", "--answers",
                                                 "answers/ci-starter.yaml", "--no-save", *lang_args(lang)])
        alone(f"error-broken-bank-file-{lang}-json", ["assess", "--bank-file", "broken/syntax-missing-colon.yaml",
                                                      "--answers", "answers/ci-starter.yaml", "--no-save", "--json",
                                                      *lang_args(lang)])
        alone(f"error-missing-answers-file-{lang}", ["assess", "--bank", "starter", "--answers", "no-such-file.yaml",
                                                     "--no-save", *lang_args(lang)])
        alone(f"error-answers-not-a-bank-{lang}", ["assess", "--answers", "broken/empty.yaml", "--no-save",
                                                   *lang_args(lang)])
        alone(f"error-no-terminal-{lang}", ["assess", "--bank", "checkup", "--no-save", *lang_args(lang)])
        alone(f"error-validate-missing-file-{lang}", ["banks", "validate", "no-such-file.yaml", *lang_args(lang)])
    for lang in LANGS:
        alone(f"error-banks-show-without-id-{lang}", ["banks", "show", *lang_args(lang)])
        alone(f"error-validate-empty-folder-{lang}", ["banks", "validate", "errors/empty-folder", *lang_args(lang)])
        alone(f"banks-validate-warnings-{lang}", ["banks", "validate", "errors/mini-no-advice.yaml", *lang_args(lang)])
        alone(f"banks-list-with-broken-banks-path-{lang}", ["banks", "list", *lang_args(lang)],
              env={"CLIENTCHECK_BANKS_PATH": "broken"})
        alone(f"error-save-blank-client-name-{lang}", ["assess", "--client", "   ", "--answers",
                                                       "scenarios/checkup-healthy.yaml", *lang_args(lang)])
        alone(f"error-resume-with-answers-{lang}", ["assess", "--client", "Acme", "--resume", "--answers",
                                                    "scenarios/checkup-healthy.yaml", *lang_args(lang)])
        alone(f"error-resume-with-no-save-{lang}", ["assess", "--bank", "checkup", "--resume", "--no-save",
                                                    *lang_args(lang)])
        alone(f"error-save-fails-home-is-a-file-{lang}", ["assess", "--client", "Acme", "--answers",
                                                          "scenarios/checkup-healthy.yaml", *lang_args(lang)],
              home_is_file=True)
        alone(f"error-forget-unknown-client-{lang}", ["forget", "Acme", *lang_args(lang)])
    alone("banks-validate-warnings-strict", ["banks", "validate", "--strict", "errors/mini-no-advice.yaml"])
    alone("banks-validate-warnings-json", ["banks", "validate", "--json", "errors/mini-no-advice.yaml"])
    alone("clients-home-is-a-file", ["clients"], home_is_file=True)
    alone("error-no-answers-no-bank-stdin-empty", ["assess", "--answers", "-", "--no-save"],
          stdin_file="errors/not-an-export.json")

    # 6. Saved clients: one home, the same sequence every time.
    add = plan.sequence("clients", homes=("HOME", "HOME2", "HOME3"))
    saves = [
        ("Acme Srl", "scenarios/checkup-healthy.yaml", "2026-09-01T09:00:00Z", "en"),
        ("Bottega Rossi", "scenarios/signals-healthy.yaml", "2026-09-10T16:45:00Z", "it"),
        ("Studio Chiara", "scenarios/let-go-prospect.yaml", "2026-09-20T11:20:00Z", "en"),
        ("Acme Srl", "scenarios/checkup-late-payer.yaml", "2026-10-15T14:30:00Z", "en"),
        ("Bottega Rossi", "scenarios/signals-early.yaml", "2026-11-02T08:05:00Z", "it"),
        ("Bottega Rossi", "answers/whale-healthy-postponing.yaml", "2026-11-05T12:00:00Z", "en"),
        ("Studio Chiara", "scenarios/let-go-late-payer.yaml", "2026-11-25T17:10:00Z", "it"),
        ("acme srl", "scenarios/checkup-bad-small.yaml", "2026-11-28T07:55:00Z", "en"),
    ]
    for index, (client, answers, now, lang) in enumerate(saves, 1):
        add(f"save-{index}-{slugify(client)}-{lang}", ["assess", "--client", client, "--answers", answers,
                                                       *lang_args(lang)], now=now)
    add("save-9-studio-chiara-json", ["assess", "-c", "Studio Chiara", "--answers", "scenarios/let-go-prospect.yaml",
                                      "--json"], now="2026-11-30T09:00:00Z")
    add("save-no-save-does-not-save", ["assess", "--client", "Nobody", "--answers", "scenarios/signals-001.yaml",
                                       "--no-save"])
    add("error-resume-nothing-to-resume", ["assess", "--client", "Acme Srl", "--resume"])
    clients = ["Acme Srl", "Bottega Rossi", "Studio Chiara"]
    for lang in LANGS:
        add(f"clients-{lang}", ["clients", *lang_args(lang)])
        add(f"clients-{lang}-json", ["clients", "--json", *lang_args(lang)])
        for client in clients:
            add(f"history-{slugify(client)}-{lang}", ["history", client, *lang_args(lang)])
            add(f"history-{slugify(client)}-{lang}-json", ["history", client, "--json", *lang_args(lang)])
            add(f"report-{slugify(client)}-{lang}", ["report", client, *lang_args(lang)])
            add(f"report-{slugify(client)}-{lang}-json", ["report", client, "--json", *lang_args(lang)])
        add(f"portfolio-{lang}", ["portfolio", *lang_args(lang)])
        add(f"portfolio-{lang}-json", ["portfolio", "--json", *lang_args(lang)])
        add(f"portfolio-limit-1-{lang}", ["portfolio", "--limit", "1", *lang_args(lang)])
        add(f"error-history-unknown-{lang}", ["history", "Nobody", *lang_args(lang)])
        add(f"error-report-unknown-{lang}", ["report", "Nobody", *lang_args(lang)])
    add("history-case-insensitive", ["history", "ACME SRL"])
    add("report-format-markdown", ["report", "Acme Srl", "--format", "markdown"])
    add("portfolio-limit-short-json", ["portfolio", "-n", "2", "--json"])
    add("error-portfolio-limit-0", ["portfolio", "--limit", "0"])
    add("clients-later-now", ["clients"], now="2027-06-01T10:00:00Z")
    add("export-to-file", ["export"], stdout_file="export.json")
    add("export-json-it", ["export", "--json", "--lang", "it"])
    add("import-into-fresh-home-en", ["import", "export.json", "--lang", "en"], home="HOME2")
    add("import-again-nothing-new-it", ["import", "export.json", "--lang", "it"], home="HOME2")
    add("import-into-same-home-json", ["import", "export.json", "--json"])
    add("clients-after-import-home2", ["clients"], home="HOME2")
    add("history-after-import-home2-json", ["history", "Bottega Rossi", "--json"], home="HOME2")
    add("portfolio-after-import-home2", ["portfolio", "--lang", "it"], home="HOME2")
    add("import-stdin-home3-json", ["import", "-", "--json"], home="HOME3", stdin_file="export.json")
    add("export-home3", ["export"], home="HOME3")
    for lang in LANGS:
        add(f"error-import-not-an-export-{lang}", ["import", "errors/not-an-export.json", *lang_args(lang)],
            home="HOME3")
        add(f"error-import-missing-file-{lang}", ["import", "no-such-file.json", *lang_args(lang)], home="HOME3")
    add("error-forget-without-yes", ["forget", "Bottega Rossi"])
    add("error-forget-without-yes-it", ["forget", "Bottega Rossi", "--lang", "it"])
    add("forget-bottega-rossi-en", ["forget", "Bottega Rossi", "--yes", "--lang", "en"])
    add("error-forget-again-it", ["forget", "Bottega Rossi", "--yes", "--lang", "it"])
    add("forget-studio-chiara-json", ["forget", "studio chiara", "-y", "--json"])
    add("clients-after-forget", ["clients"])
    add("portfolio-after-forget-json", ["portfolio", "--json"])
    add("export-after-forget", ["export"])
    add("forget-last-client-it", ["forget", "Acme Srl", "--yes", "--lang", "it"])
    for lang in LANGS:
        add(f"clients-empty-{lang}", ["clients", *lang_args(lang)])
        add(f"clients-empty-{lang}-json", ["clients", "--json", *lang_args(lang)])
        add(f"portfolio-empty-{lang}", ["portfolio", *lang_args(lang)])
    add("export-empty", ["export"])

    # Portfolios that reach the other branches: a whale at risk, renegotiate, rising, the same
    # signals as last time, high and low concentration, nothing urgent, no share known.
    add = plan.sequence("portfolio-branches", homes=("HOME", "HOME2", "HOME3"))
    saves = [
        ("HOME", "Whale Co", "crafted/checkup-healthy-share-60.yaml", "2026-10-01T09:00:00Z"),
        ("HOME", "Renegotiate Co", "scenarios/checkup-late-payer.yaml", "2026-10-05T09:00:00Z"),
        ("HOME", "Rising Co", "scenarios/difficult-or-bad-neither.yaml", "2026-10-10T09:00:00Z"),
        ("HOME", "Steady Co", "scenarios/checkup-healthy.yaml", "2026-10-15T09:00:00Z"),
        ("HOME", "Whale Co", "crafted/checkup-bad-small-share-60.yaml", "2026-11-01T09:00:00Z"),
        ("HOME", "Rising Co", "scenarios/difficult-or-bad-difficult.yaml", "2026-11-10T09:00:00Z"),
        ("HOME", "Steady Co", "scenarios/checkup-healthy.yaml", "2026-11-15T09:00:00Z"),
        ("HOME2", "Calm A", "scenarios/let-go-healthy.yaml", "2026-10-20T09:00:00Z"),
        ("HOME2", "Calm B", "scenarios/signals-healthy.yaml", "2026-10-21T09:00:00Z"),
        ("HOME3", "No Share Co", "scenarios/difficult-or-bad-neither.yaml", "2026-10-22T09:00:00Z"),
    ]
    for index, (home, client, answers, now) in enumerate(saves, 1):
        add(f"branches-save-{index}-{slugify(client)}", ["assess", "--client", client, "--answers", answers,
                                                         "--json"], home=home, now=now)
    for lang in LANGS:
        for home in ("HOME", "HOME2", "HOME3"):
            add(f"branches-portfolio-{home.lower()}-{lang}", ["portfolio", *lang_args(lang)], home=home)
        add(f"branches-portfolio-json-{lang}", ["portfolio", "--json", *lang_args(lang)])
        add(f"branches-clients-{lang}", ["clients", *lang_args(lang)])
        for client in ("Steady Co", "Rising Co", "Whale Co"):
            add(f"branches-history-{slugify(client)}-{lang}", ["history", client, *lang_args(lang)])
            add(f"branches-report-{slugify(client)}-{lang}", ["report", client, *lang_args(lang)])
    add("branches-history-steady-co-json", ["history", "Steady Co", "--json"])
    add("branches-portfolio-home3-json", ["portfolio", "--json"], home="HOME3")

    # Commands on a home that has never been written.
    for lang in LANGS:
        alone(f"clients-no-data-{lang}", ["clients", *lang_args(lang)])
        alone(f"portfolio-no-data-{lang}-json", ["portfolio", "--json", *lang_args(lang)])
        alone(f"history-no-data-{lang}", ["history", "Acme", *lang_args(lang)])
    alone("export-no-data", ["export"])

    # 7. Writing a bank into the user folder, then using it.
    add = plan.sequence("new-bank")
    add("banks-new-my-clients-en", ["banks", "new", "my-clients", "--lang", "en"],
        capture=["HOME/banks/my-clients.yaml"], today=True)
    add("error-banks-new-exists", ["banks", "new", "my-clients"], today=True)
    add("banks-new-force-it", ["banks", "new", "my-clients", "--force", "--lang", "it"],
        capture=["HOME/banks/my-clients.yaml"], today=True)
    add("banks-new-overrides-builtin-json", ["banks", "new", "checkup", "--json"], today=True)
    add("banks-new-overrides-builtin-en", ["banks", "new", "starter", "--lang", "en"], today=True)
    add("banks-new-overrides-builtin-it", ["banks", "new", "whale", "--lang", "it"], today=True)
    add("error-banks-new-bad-id", ["banks", "new", "Bad Id!"], today=True)
    for lang in LANGS:
        add(f"banks-list-with-user-banks-{lang}", ["banks", "list", *lang_args(lang)])
    add("banks-list-with-user-banks-json", ["banks", "list", "--json"])
    add("banks-path-with-user-folder", ["banks", "path"])
    add("banks-validate-with-user-banks", ["banks", "validate"])
    add("banks-show-my-clients", ["banks", "show", "my-clients"])
    add("answers-template-my-clients", ["answers-template", "--bank", "my-clients"])
    add("banks-show-overridden-checkup", ["banks", "show", "checkup", "--json"])
    return plan


# --- writing and comparing -----------------------------------------------------------------


def snapshot(clientcheck: Path, out: Path, inputs: Path, jobs: int) -> int:
    clientcheck = clientcheck.absolute()
    if not os.access(clientcheck, os.X_OK):
        print(f"snapshot.py: {clientcheck} is not an executable", file=sys.stderr)
        return 2
    if out.exists() and any(out.iterdir()):
        print(f"snapshot.py: {out} is not empty", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="ccsnap-"))
    try:
        runner = Runner(clientcheck, root)
        runner.work.mkdir()
        runner.homes_root.mkdir()
        plan = build_plan(runner, inputs)
        width = max(3, len(str(plan.count)))
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(lambda item: runner.run_group(item[1], item[0]), enumerate(plan.groups))
            for group_results in results:
                for case, text in group_results:
                    (out / f"{case.number:0{width}d}-{case.slug}.txt").write_text(text, encoding="utf-8")
        lengths = {"built-in bank folder": len(str(runner.builtin)), "venv": len(str(runner.clientcheck.parent.parent)),
                   "temporary folder": len(str(root))}
        (out / META).write_text(json.dumps({"invocations": plan.count, "path_lengths": lengths}, indent=2) + "\n",
                                encoding="utf-8")
        print(f"{plan.count} invocations written to {out}")
        return 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def by_slug(folder: Path) -> dict[str, Path]:
    return {re.sub(r"^\d+-", "", p.name): p for p in sorted(folder.glob("*.txt"))}


def compare(a: Path, b: Path) -> int:
    files_a, files_b = by_slug(a), by_slug(b)
    differing: list[str] = []
    shown = 0
    for slug in sorted(set(files_a) | set(files_b), key=lambda s: (files_a.get(s) or files_b[s]).name):
        if slug not in files_a:
            differing.append(f"only in {b}: {files_b[slug].name}")
            continue
        if slug not in files_b:
            differing.append(f"only in {a}: {files_a[slug].name}")
            continue
        text_a, text_b = files_a[slug].read_bytes(), files_b[slug].read_bytes()
        if text_a == text_b:
            continue
        differing.append(f"differs: {files_a[slug].name}"
                         + (f" ({files_b[slug].name})" if files_a[slug].name != files_b[slug].name else ""))
        if shown < 3:
            shown += 1
            diff = difflib.unified_diff(text_a.decode("utf-8", "backslashreplace").splitlines(),
                                        text_b.decode("utf-8", "backslashreplace").splitlines(),
                                        str(files_a[slug]), str(files_b[slug]), lineterm="", n=2)
            lines = list(diff)
            differing.extend("    " + line for line in lines[:40])
            if len(lines) > 40:
                differing.append(f"    ... ({len(lines) - 40} more diff lines)")
    if not differing:
        print(f"identical: {len(files_a)} snapshots")
        return 0
    count = sum(1 for line in differing if not line.startswith("    "))
    print("\n".join(differing))
    print(f"{count} of {len(set(files_a) | set(files_b))} snapshots differ")
    note_path_lengths(a, b)
    return 1


def note_path_lengths(a: Path, b: Path) -> None:
    """Rich pads and wraps a line by its real length, before <BUILTIN> and the other
    placeholders replace the paths: lines that hold a path only compare equal when the two
    runs had paths of equal length."""
    try:
        lengths_a = json.loads((a / META).read_text(encoding="utf-8"))["path_lengths"]
        lengths_b = json.loads((b / META).read_text(encoding="utf-8"))["path_lengths"]
    except (OSError, ValueError, KeyError):
        return
    for what in sorted(set(lengths_a) & set(lengths_b)):
        if lengths_a[what] != lengths_b[what]:
            print(f"note: the {what} path was {lengths_a[what]} characters long in {a} and {lengths_b[what]} in "
                  f"{b}; boxes and tables that show it are padded or wrapped differently (install the two "
                  f"builds at paths of equal length, e.g. /tmp/baseline and /tmp/refactor)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clientcheck", type=Path, help="the clientcheck executable to run")
    parser.add_argument("--out", type=Path, help="an empty or new folder for the snapshots")
    parser.add_argument("--inputs", type=Path, default=REPO,
                        help="the checkout whose tests/ holds the inputs (default: this repo); use the same "
                             "one for both snapshots of a comparison")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="independent commands run at once (the output does not depend on it)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"))
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.clientcheck or not args.out:
        parser.error("--clientcheck and --out are required (or --compare DIR_A DIR_B)")
    return snapshot(args.clientcheck, args.out, args.inputs, max(1, args.jobs))


if __name__ == "__main__":
    sys.exit(main())
