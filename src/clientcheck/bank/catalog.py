"""Where banks come from: built-in, the user's folder, CLIENTCHECK_BANKS_PATH, explicit files.

Later folders win: a user bank with a built-in bank's id replaces it.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, NamedTuple

from clientcheck.bank.loader import check_bank_file, load_bank
from clientcheck.bank.model import Bank
from clientcheck.bank.yamlsafe import YamlProblems, read_text, top_level_text
from clientcheck.env import HOME_ENV
from clientcheck.errors import BankError, BankNotFound, Problem
from clientcheck.suggest import nearest

BANKS_PATH_ENV = "CLIENTCHECK_BANKS_PATH"
DEFAULT_BANK = "checkup"

Origin = Literal["built-in", "user", "path"]


class BankFolder(NamedTuple):
    path: Path
    origin: Origin


class BankFile(NamedTuple):
    path: Path
    origin: Origin
    rank: int = 0  # the folder's place in the search path: higher wins


def builtin_folder() -> Path:
    """The banks shipped with clientcheck: inside the wheel, or the repo's questions/ when
    installed in editable mode (hatchling does not copy force-included folders there).

    The package folder is found from ``__file__`` rather than ``importlib.resources``: banks are
    read as real files (their paths appear in error messages), and ``importlib.resources`` would
    add zipfile, tempfile and random to the start-up of every command."""
    packaged = Path(__file__).resolve().parents[1] / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "questions"


def home_folder(environ: Mapping[str, str]) -> Path | None:
    value = environ.get(HOME_ENV, "")
    return Path(value).expanduser() if value else None


def user_folder(environ: Mapping[str, str]) -> Path:
    home = home_folder(environ)
    if home is not None:
        return home / "banks"
    # Deferred (an exception to the start-up rule, until cli/ decides where the user's folders
    # are): with CLIENTCHECK_HOME set, as in tests and scripts, no command needs platformdirs.
    import platformdirs

    return Path(platformdirs.user_config_dir("clientcheck", appauthor=False)) / "banks"


def bank_folders(environ: Mapping[str, str]) -> list[BankFolder]:
    """The folders searched, lowest priority first; a folder named twice counts once, where first named."""
    folders = [BankFolder(builtin_folder(), "built-in"), BankFolder(user_folder(environ), "user")]
    for entry in environ.get(BANKS_PATH_ENV, "").split(os.pathsep):
        if entry.strip():
            folders.append(BankFolder(Path(entry.strip()).expanduser(), "path"))
    unique: list[BankFolder] = []
    seen: set[Path] = set()
    for folder in folders:
        key = folder.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return unique


def bank_files(environ: Mapping[str, str]) -> list[BankFile]:
    """Every *.yaml / *.yml file in the searched folders, lowest priority first."""
    found: list[BankFile] = []
    for rank, folder in enumerate(bank_folders(environ)):
        try:
            entries = sorted(p for p in folder.path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        except OSError:
            continue
        found.extend(BankFile(path, folder.origin, rank) for path in entries)
    return found


def _precedence(bank_file: BankFile, bank_id: str) -> tuple[int, bool, str]:
    """Sort key, best first, among files that may hold ``bank_id``: the later folder, then
    within a folder the file named ``<id>.yaml``, then the others by name."""
    return (-bank_file.rank, bank_file.path.stem != bank_id, bank_file.path.name)


def _claims(bank_file: BankFile, bank: Bank | None, bank_id: str) -> bool:
    """A file decides what ``--bank ID`` gives when it holds that id, or when it is broken
    and named after it (then the id is an error until the file is fixed, never a silent fallback)."""
    return bank.id == bank_id if bank is not None else bank_file.path.stem == bank_id


def _declared_id(path: Path) -> str | None:
    """The id a bank file declares, read without checking the rest; None when it is not plainly
    there. A file that loads has exactly this id: another one says it is not the bank sought."""
    try:
        return top_level_text(read_text(path), "id")
    except YamlProblems:
        return None


def _winner(bank_id: str, candidates: list[BankFile]) -> tuple[Path, Bank | BankError] | None:
    """The file that decides what ``--bank ID`` gives (see ``_precedence``), with its bank, or
    why it is broken when it is named ``<id>.yaml`` (then the id is an error until it is fixed);
    loads only as many files as needed."""
    for bank_file in sorted(candidates, key=lambda f: _precedence(f, bank_id)):
        if bank_file.path.stem == bank_id:
            try:
                bank: Bank | None = load_bank(bank_file.path)
            except BankError as error:
                return bank_file.path, error
        else:
            declared = _declared_id(bank_file.path)
            if declared is not None and declared != bank_id:
                continue  # cannot claim the id, loaded or broken: not checked, so a big broken file costs nothing
            try:
                bank = load_bank(bank_file.path)
            except BankError:
                continue
        if _claims(bank_file, bank, bank_id):
            assert bank is not None
            return bank_file.path, bank
    return None


def bank_path(bank_id: str, environ: Mapping[str, str]) -> Path | None:
    """The file ``--bank ID`` reads, broken or not; None when no file holds that id."""
    won = _winner(bank_id, bank_files(environ))
    return None if won is None else won[0]


def named_file(argument: Path, environ: Mapping[str, str]) -> Path:
    """A file argument as given; a bank's id given instead (no such file here, no folder, no
    suffix: ``banks validate mine``) stands for the file ``--bank ID`` reads."""
    text = str(argument)
    if argument.exists() or text != argument.name or argument.suffix in (".yaml", ".yml"):
        return argument
    return bank_path(text, environ) or argument


def find_bank(bank_id: str, environ: Mapping[str, str]) -> Bank:
    """The winning bank with ``bank_id``. A broken file named ``<id>.yaml`` that would win is
    reported as an error."""
    candidates = bank_files(environ)
    won = _winner(bank_id, candidates)
    if won is not None:
        if isinstance(won[1], BankError):
            raise won[1]
        return won[1]
    known = sorted({f.path.stem for f in candidates})
    if "/" in bank_id or "\\" in bank_id or bank_id.endswith((".yaml", ".yml")):  # a path given to --bank
        raise BankNotFound(f"no question bank with id '{bank_id}'",
                           f"'{bank_id}' looks like a file: pass it with --bank-file {shlex.quote(bank_id)}")
    close = nearest(bank_id, known, limit=1)
    raise BankNotFound(f"no question bank with id '{bank_id}'",
                       (f"did you mean '{close[0]}'? " if close else "")
                       + f"available: {', '.join(known) or '(none)'}; or pass a file with --bank-file PATH")


class BankEntry(NamedTuple):
    """One file of the search path as ``banks list`` shows it: loaded or broken, winning its id or not."""

    file: BankFile
    bank_id: str  # the bank's id; for a broken file, its name without the extension
    bank: Bank | None  # None when the file has errors
    problems: tuple[Problem, ...]  # errors and warnings
    wins: bool  # this file is what `--bank ID` gives
    overridden_by: Path | None = None  # the winning file, when this one is not it
    overrides: tuple[Path, ...] = ()  # the files with this id that it hides
    every_problem: bool = True  # False: a broken file was read up to its first error only (more may follow)

    @property
    def broken(self) -> bool:
        return self.bank is None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The errors in file order."""
        return tuple(sorted((p for p in self.problems if p.severity == "error"), key=lambda p: (p.line, p.column)))


def survey(environ: Mapping[str, str], *, every_problem: bool = True) -> list[BankEntry]:
    """Every bank file found, each checked: broken ones are kept (with their problems) and
    never stop the others. Sorted by id, the winner of each id first. Without ``every_problem``
    a broken file is read up to its first error: enough to list it, and a big broken bank
    costs what parsing it does, not reading its thousands of problems."""
    checked = [(bank_file, check_bank_file(bank_file.path, first_error=not every_problem))
               for bank_file in bank_files(environ)]
    ids = sorted({c.bank.id if c.bank is not None else f.path.stem for f, c in checked})
    entries: list[BankEntry] = []
    for bank_id in ids:
        mine = [(f, c) for f, c in checked if (c.bank.id if c.bank is not None else f.path.stem) == bank_id]
        claiming = sorted((f for f, c in mine if _claims(f, c.bank, bank_id)), key=lambda f: _precedence(f, bank_id))
        winner = claiming[0] if claiming else None
        hidden = tuple(f.path for f in claiming[1:])
        for bank_file, found in sorted(mine, key=lambda item: _precedence(item[0], bank_id)):
            wins = bank_file == winner
            entries.append(BankEntry(bank_file, bank_id, found.bank, found.problems, wins,
                                     overridden_by=None if wins or winner is None else winner.path,
                                     overrides=hidden if wins else (), every_problem=found.complete))
    return entries


def menu_banks(environ: Mapping[str, str]) -> list[Bank]:
    """Every winning, loadable bank once, in menu order: the banks that set ``menu_order``
    first, lowest first (the shipped ones: checkup first), then the others by id."""
    winners = [entry.bank for entry in survey(environ, every_problem=False) if entry.wins and entry.bank is not None]
    return sorted(winners, key=_menu_position)


def _menu_position(bank: Bank) -> tuple[bool, int, str]:
    """Sort key of a bank in the quiz menu: its ``menu_order`` if it has one, then its id."""
    return (bank.menu_order is None, bank.menu_order or 0, bank.id)
