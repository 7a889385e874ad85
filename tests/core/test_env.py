"""CLIENTCHECK_HOME set to a file (or under one): every command that writes there says so,
instead of the 'file exists' or 'not a directory' that making the folder ran into."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientcheck.env import file_in_the_way
from tests.conftest import TEST_BANKS, CliInvoke


@pytest.mark.parametrize("below", ["", "sub", "sub/deeper"])
def test_the_file_in_the_way_is_found(tmp_path: Path, below: str) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a folder", encoding="utf-8")
    assert file_in_the_way(blocker / below if below else blocker) == blocker
    assert file_in_the_way(tmp_path / "free" / "sub") is None
    assert file_in_the_way(tmp_path) is None


@pytest.mark.parametrize("below", ["", "sub"])
def test_saving_under_a_file_says_it_is_a_file(cli: CliInvoke, tmp_path: Path, below: str) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a folder", encoding="utf-8")
    home = blocker / below if below else blocker
    result = cli("assess", "--bank-file", str(TEST_BANKS / "full.yaml"), "--answers",
                 str(TEST_BANKS / "full-healthy.yaml"), "--client", "Acme", env={"CLIENTCHECK_HOME": str(home)})
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder" in result.stderr
    assert "file exists" not in result.stderr.lower() and "not a directory" not in result.stderr.lower()
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_banks_new_under_a_file_says_it_is_a_file(cli: CliInvoke, tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cli("banks", "new", "mine", env={"CLIENTCHECK_HOME": str(blocker)})
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder" in result.stderr
    assert "point CLIENTCHECK_HOME at a folder" in result.stderr
    assert "not a directory" not in result.stderr.lower()
