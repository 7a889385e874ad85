"""Terminals that are not UTF-8 (ISO-8859-1, ASCII): output degrades, it never crashes.

The real streams are reconfigured once, at the edge (``env.Environment.from_system``), so these
run the installed command in a subprocess with the encoding the locale would give.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clientcheck.i18n import tr

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
ANSWERS = Path(__file__).resolve().parents[1] / "answers" / "ci-starter.yaml"


def run(args: list[str], encoding: str, home: Path) -> subprocess.CompletedProcess[bytes]:
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "PYTHONIOENCODING": encoding, "CLIENTCHECK_HOME": str(home), "COLUMNS": "80"}
    return subprocess.run([str(CLIENTCHECK), *args], env=env, capture_output=True, timeout=60, check=False)


@pytest.mark.parametrize("encoding", ["iso-8859-1", "ascii"])
def test_every_screen_prints_whole_in_a_narrow_encoding(encoding: str, tmp_path: Path) -> None:
    saved = run(["assess", "--answers", str(ANSWERS), "--client", "Caffè «Aurora» ★", "--lang", "it"], encoding,
                tmp_path)
    assert saved.returncode == 0, saved.stderr.decode(encoding, "replace")
    verdict = saved.stdout.decode(encoding)
    assert tr("it", "level.let_go").upper() in verdict  # the verdict is printed, with '?' for what cannot be
    assert "?" in verdict
    for args in (["history", "Caffè «Aurora» ★"], ["portfolio"], ["clients"], ["report", "Caffè «Aurora» ★"],
                 ["banks", "show", "starter"], ["banks", "list"], ["exit-plan"], ["answers-template"]):
        for lang in ("it", "en"):
            result = run([*args, "--lang", lang], encoding, tmp_path)
            stderr = result.stderr.decode(encoding, "replace")
            assert result.returncode == 0, (args, stderr)
            assert "UnicodeEncodeError" not in stderr and "Traceback" not in stderr
            assert result.stdout.decode(encoding)  # something printed, in the terminal's encoding
