"""The tests mirror the package (ARCHITECTURE.md's Tests): the tests of src/clientcheck/saved/store.py
are tests/saved/test_store.py, or tests/saved/test_store_<aspect>.py for one aspect of it, so the
tests of a module are found by its name and a file's name says what it tests."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "src" / "clientcheck"
TESTS = REPO / "tests"
# The one list of test folders that mirror no package: they test the whole program, not one part.
CROSS_CUTTING = {
    "contracts": "the project's promises across the tree: maps, README, packaging, schemas, calibration, fuzzing",
    "e2e": "the installed command in a pseudo-terminal or a subprocess: the whole program at once",
}
# tests/core/ mirrors the package's top-level modules (clock, reading, documents...), which have no folder.
CORE = Path("core")


def _holds_code(init: Path) -> bool:
    """Whether a package's __init__.py defines anything (more than its docstring)."""
    body = ast.parse(init.read_text(encoding="utf-8")).body
    return any(not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
               and not (isinstance(node, ast.ImportFrom) and node.module == "__future__") for node in body)


def mirrored_modules(folder: Path, package: Path = PACKAGE) -> set[str] | None:
    """The module names a test file in tests/<folder>/ may be named after; None if it mirrors nothing.

    A package's own name stands for its __init__.py when that holds code (tests/i18n/test_i18n.py,
    and tests/i18n/test_i18n_<topic>.py: the interface's words across the whole program)."""
    source = package if folder == CORE else package / folder
    if folder != CORE and not (source / "__init__.py").is_file():
        return None
    modules = {path.stem for path in source.glob("*.py") if not path.stem.startswith("__")}
    if folder != CORE and _holds_code(source / "__init__.py"):
        modules.add(source.name)
    return modules


def names_a_module(test_file: str, modules: set[str]) -> bool:
    """test_<module>.py or test_<module>_<aspect>.py."""
    name = test_file.removeprefix("test_").removesuffix(".py")
    return any(name == module or name.startswith(f"{module}_") for module in modules)


def misplaced(tests: Path = TESTS, package: Path = PACKAGE) -> list[str]:
    """Every test file outside the cross-cutting folders whose folder mirrors no package, or whose
    name names no module of the package its folder mirrors, relative to tests/."""
    found = []
    for path in sorted(tests.rglob("test_*.py")):
        folder = path.parent.relative_to(tests)
        if folder.parts and folder.parts[0] in CROSS_CUTTING:
            continue
        modules = mirrored_modules(folder, package) if folder.parts else None
        if modules is None:
            found.append(f"{path.relative_to(tests).as_posix()}: tests/{folder.as_posix()}/ mirrors no package")
        elif not names_a_module(path.name, modules):
            found.append(f"{path.relative_to(tests).as_posix()}: names no module of {folder.as_posix()}")
    return found


def test_every_test_file_names_a_module_of_the_package_its_folder_mirrors() -> None:
    found = misplaced()
    assert found == [], (
        "name each after the module it mainly tests, test_<module>.py or test_<module>_<aspect>.py, in the folder "
        f"of that module's package (or in one of {sorted(CROSS_CUTTING)}, if it tests the whole program):\n"
        + "\n".join(found))


def test_the_check_finds_a_misnamed_file_a_stray_folder_and_a_file_at_the_root(tmp_path: Path) -> None:
    package, tests = tmp_path / "src" / "clientcheck", tmp_path / "tests"
    for source in ["__init__.py", "clock.py", "saved/__init__.py", "saved/store.py", "saved/clients.py",
                   "i18n/__init__.py", "i18n/numbers.py"]:
        (package / source).parent.mkdir(parents=True, exist_ok=True)
        (package / source).write_text('"""A docstring."""\n', encoding="utf-8")
    (package / "i18n" / "__init__.py").write_text('"""Words."""\n\nLANGUAGE = "en"\n', encoding="utf-8")
    good = ["core/test_clock.py", "saved/test_store.py", "saved/test_store_faults.py", "saved/test_clients.py",
            "i18n/test_i18n.py", "i18n/test_i18n_walk.py", "i18n/test_numbers.py", "e2e/test_pty.py",
            "contracts/test_anything.py"]
    bad = ["test_loose.py", "core/test_calendar.py", "saved/test_import.py", "saved/test_saved.py",
           "saved/test_stores.py", "widgets/test_widgets.py"]
    for test in good + bad:
        (tests / test).parent.mkdir(parents=True, exist_ok=True)
        (tests / test).write_text("", encoding="utf-8")
    assert sorted(line.split(":")[0] for line in misplaced(tests, package)) == sorted(bad)


def test_no_test_file_is_left_at_the_tests_root() -> None:
    left = sorted(path.name for path in TESTS.glob("test_*.py"))
    assert left == [], f"move these into the folder of what they test (ARCHITECTURE.md, Tests): {left}"


def _test_folders() -> set[Path]:
    """Every folder under tests/ that holds a test file, relative to tests/."""
    return {path.parent.relative_to(TESTS) for path in TESTS.rglob("test_*.py")}


def test_every_test_folder_mirrors_a_package_or_is_cross_cutting() -> None:
    folders = _test_folders()
    assert {Path("bank"), Path("bank/loader"), Path("cli"), CORE, *map(Path, CROSS_CUTTING)} <= folders  # found
    strays = sorted(folder.as_posix() for folder in folders
                    if folder.parts[:1] and folder.parts[0] not in CROSS_CUTTING and mirrored_modules(folder) is None)
    assert strays == [], f"test folders with no src/clientcheck/<name>/ (nor one of {sorted(CROSS_CUTTING)}): {strays}"


def test_every_test_folder_is_a_package_so_tests_import_the_shared_helpers_by_name() -> None:
    folders = {within for folder in _test_folders() for within in [folder, *folder.parents]}
    missing = sorted(f"tests/{folder.as_posix()}/__init__.py" for folder in folders
                     if not (TESTS / folder / "__init__.py").is_file())
    assert missing == [], f"add these empty files: {missing}"
