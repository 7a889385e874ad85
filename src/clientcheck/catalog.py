"""Where banks come from: built-in, the user's folder, CLIENTCHECK_BANKS_PATH, explicit files.

Later folders win: a user bank with a built-in bank's id replaces it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

from clientcheck.errors import BankError, BankNotFound
from clientcheck.loading import load_bank
from clientcheck.model import Bank

HOME_ENV = "CLIENTCHECK_HOME"
BANKS_PATH_ENV = "CLIENTCHECK_BANKS_PATH"
DEFAULT_BANK = "checkup"
MENU_ORDER = ("checkup", "starter", "whale", "signals", "let-go", "difficult-or-bad", "farewell")

Origin = Literal["built-in", "user", "path"]


@dataclass(frozen=True)
class BankFolder:
    path: Path
    origin: Origin


@dataclass(frozen=True)
class BankFile:
    path: Path
    origin: Origin


def builtin_folder() -> Path:
    """The banks shipped with clientcheck: inside the wheel, or the repo's questions/ when
    installed in editable mode (hatchling does not copy force-included folders there)."""
    packaged = Path(str(files("clientcheck"))) / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "questions"


def home_folder(environ: Mapping[str, str]) -> Path | None:
    value = environ.get(HOME_ENV, "")
    return Path(value).expanduser() if value else None


def user_folder(environ: Mapping[str, str]) -> Path:
    home = home_folder(environ)
    if home is not None:
        return home / "banks"
    import platformdirs

    return Path(platformdirs.user_config_dir("clientcheck", appauthor=False)) / "banks"


def bank_folders(environ: Mapping[str, str]) -> list[BankFolder]:
    """The folders searched, lowest priority first."""
    folders = [BankFolder(builtin_folder(), "built-in"), BankFolder(user_folder(environ), "user")]
    for entry in environ.get(BANKS_PATH_ENV, "").split(os.pathsep):
        if entry.strip():
            folders.append(BankFolder(Path(entry).expanduser(), "path"))
    return folders


def bank_files(environ: Mapping[str, str]) -> list[BankFile]:
    """Every *.yaml / *.yml file in the searched folders, lowest priority first."""
    found: list[BankFile] = []
    for folder in bank_folders(environ):
        try:
            entries = sorted(p for p in folder.path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        except OSError:
            continue
        found.extend(BankFile(path, folder.origin) for path in entries)
    return found


def find_bank(bank_id: str, environ: Mapping[str, str]) -> Bank:
    """The winning bank with ``bank_id``: tries ``<id>.yaml`` in each folder, highest
    priority first, then every other file. A broken bank with that file name is an error."""
    candidates = list(reversed(bank_files(environ)))
    for bank_file in candidates:
        if bank_file.path.stem == bank_id:
            bank = load_bank(bank_file.path)
            if bank.id == bank_id:
                return bank
    for bank_file in candidates:
        if bank_file.path.stem == bank_id:
            continue
        try:
            bank = load_bank(bank_file.path)
        except BankError:
            continue
        if bank.id == bank_id:
            return bank
    known = sorted({f.path.stem for f in candidates})
    raise BankNotFound(f"no question bank with id '{bank_id}'",
                       f"available: {', '.join(known) or '(none)'}; or pass a file with --bank-file PATH")


def menu_banks(environ: Mapping[str, str]) -> list[Bank]:
    """Every loadable bank once (the winning one per id), in menu order: checkup first."""
    winners: dict[str, Bank] = {}
    for bank_file in bank_files(environ):
        try:
            bank = load_bank(bank_file.path)
        except BankError:
            continue
        winners[bank.id] = bank

    def order(bank: Bank) -> tuple[int, str]:
        return (MENU_ORDER.index(bank.id) if bank.id in MENU_ORDER else len(MENU_ORDER), bank.id)

    return sorted(winners.values(), key=order)
