"""The wheel carries the banks, and clientcheck finds them installed and in the source tree."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from clientcheck import __version__
from tests.conftest import QUESTIONS, REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    (built,) = out.glob("clientcheck-*.whl")
    return built


def test_the_wheel_carries_every_bank_inside_the_package(wheel: Path) -> None:
    assert wheel.name.startswith(f"clientcheck-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    banks = {name for name in names if name.startswith("clientcheck/questions/")}
    assert banks == {f"clientcheck/questions/{path.name}" for path in QUESTIONS.glob("*.yaml")}
    assert "clientcheck/questions/starter.yaml" in banks
    assert {"clientcheck/__init__.py", "clientcheck/cli/app.py", "clientcheck/bank/model.py",
            "clientcheck/py.typed", "clientcheck/i18n/locale/it/LC_MESSAGES/clientcheck.mo",
            "clientcheck/i18n/locale/en/LC_MESSAGES/clientcheck.mo"} <= names
    assert not any(name.startswith(("tests/", "questions/", "src/")) for name in names)
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "clientcheck = clientcheck.cli.app:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_an_installed_wheel_finds_its_own_banks(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    completed = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                                str(wheel)], capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    script = textwrap.dedent("""
        import json, sys
        import clientcheck
        from clientcheck.bank.catalog import builtin_folder, find_bank
        bank = find_bank("starter", {"CLIENTCHECK_HOME": sys.argv[1]})
        print(json.dumps({"package": clientcheck.__file__, "folder": str(builtin_folder()),
                          "bank": bank.id, "origin": bank.origin, "questions": len(bank.questions)}))
    """)
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "home")], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert Path(found["package"]).is_relative_to(target)  # the wheel's copy, not the source tree's
    assert Path(found["folder"]) == target / "clientcheck" / "questions"
    assert Path(found["origin"]) == target / "clientcheck" / "questions" / "starter.yaml"
    assert (found["bank"], found["questions"]) == ("starter", 8)


def test_the_source_tree_uses_the_repository_banks() -> None:
    import clientcheck
    from clientcheck.bank.catalog import builtin_folder, find_bank

    if not Path(clientcheck.__file__).resolve().is_relative_to(REPO / "src"):
        pytest.skip("clientcheck is not installed in editable mode from this repository")
    assert builtin_folder() == QUESTIONS
    assert Path(find_bank("starter", {"CLIENTCHECK_HOME": "/nonexistent"}).origin) == QUESTIONS / "starter.yaml"


# --- an install a person can follow (issue 14, point 6) -----------------------------------------

README_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_the_wheel_carries_the_docs_and_the_readme_s_links_resolve_there(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    local = [link for link in README_LINK.findall(readme) if "://" not in link]
    assert "docs/clients.md" in local and "ARCHITECTURE.md" in local
    for link in local:
        assert f"clientcheck/help/{link}" in names, link
    assert {f"clientcheck/help/docs/{path.name}" for path in (REPO / "docs").glob("*.md")} <= names
    assert "clientcheck/help/LICENSE" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_the_license_is_there_and_says_what_the_metadata_says() -> None:
    import tomllib

    assert tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"] == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_where_in_an_installed_wheel_points_at_its_own_docs(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   capture_output=True, text=True, timeout=300, check=True)
    env = {**os.environ, "PYTHONPATH": str(target), "CLIENTCHECK_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "-m", "clientcheck", "where", "--json"], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["docs"] == str(target / "clientcheck" / "help" / "README.md")
    assert (target / "clientcheck" / "help" / "docs" / "clients.md").is_file()
    assert found["database"] == str(tmp_path / "home" / "clientcheck.db") and found["database_exists"] is False
    assert found["banks"] == str(tmp_path / "home" / "banks")
