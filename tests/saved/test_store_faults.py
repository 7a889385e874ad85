"""Faults: concurrent saves, a process killed mid-save, a damaged or newer database, and a data
folder that is read-only or cannot be created. The verdict is always printed; the database is
never overwritten; nothing saved is lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from clientcheck.saved.store import DB_SCHEMA_VERSION, Store, database_path
from tests.clients_helpers import SCENARIOS, open_store, record

CliInvoke = Callable[..., Result]
WHALE = str(SCENARIOS / "whale-000.yaml")


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTCHECK_")}
    env.update(CLIENTCHECK_HOME=str(home), NO_COLOR="1", PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return env


def start_python(code: str, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=child_env(home), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


# --- two writers at once ------------------------------------------------------------------

SAVER = """
    import sys, time
    from pathlib import Path
    from tests.clients_helpers import open_store, record
    who, count, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    while not go.exists():  # start together
        time.sleep(0.001)
    with open_store(Path(sys.argv[4])) as store:
        for n in range(count):
            store.save_assessment(record("Shared", f"2026-01-01T10:{n // 60:02d}:{n % 60:02d}Z",
                                         uid=f"{who}-{n:04d}-{'x' * 8}", risk=n % 100))
            store.save_assessment(record(who, f"2026-01-01T10:{n // 60:02d}:{n % 60:02d}Z",
                                         uid=f"{who}-own-{n:04d}", risk=n % 100))
    print("done")
"""


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path, isolated_home: Path) -> None:
    go = tmp_path / "go"
    count = 40
    children = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(SAVER), who, str(count), str(go),
                                  str(isolated_home)], env=child_env(isolated_home), text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for who in ("one", "two")]
    time.sleep(0.3)
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=60)
        assert (child.returncode, out.strip()) == (0, "done"), err
    with open_store(isolated_home) as store:
        counts = {row.name: row.assessments for row in store.clients()}
        assert store.integrity() == "ok"
    assert counts == {"Shared": 2 * count, "one": count, "two": count}


def test_two_assess_commands_saving_the_same_client_at_once(isolated_home: Path) -> None:
    command = [sys.executable, "-m", "clientcheck", "assess", "--answers", WHALE, "--client", "Acme", "--json"]
    children = [subprocess.Popen(command, env=child_env(isolated_home), text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE) for _ in range(3)]
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        assert json.loads(out)["client"] == "Acme"
    with open_store(isolated_home) as store:
        assert [(row.name, row.assessments) for row in store.clients()] == [("Acme", 3)]


# --- killed mid-save ----------------------------------------------------------------------

KILLED_WRITER = """
    import sys, time
    from pathlib import Path
    import clientcheck.saved.store as store_module
    from tests.clients_helpers import open_store, record
    home = Path(sys.argv[1])
    with open_store(home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z", risk=11, uid="complete-0001"))
        store.save_answer("Acme", "whale", 1, "revenue_share", 45.0, "2026-01-02T10:00:00Z")

        def hang() -> None:  # inside the transaction, just before COMMIT
            print("in the middle", flush=True)
            time.sleep(60)

        store_module.before_commit = hang
        if sys.argv[2] == "one":
            store.save_assessment(record("Acme", "2026-01-02T10:05:00Z", risk=99, uid="half-0002"))
        else:
            store.add_records([record(f"Client {n}", "2026-01-03T10:00:00Z", uid=f"bulk-{n:05d}")
                               for n in range(500)])
"""


@pytest.mark.parametrize("what", ["one", "import"])
def test_a_process_killed_mid_save_leaves_the_last_complete_assessment(isolated_home: Path, what: str) -> None:
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILLED_WRITER), str(isolated_home), what],
                             env=child_env(isolated_home), text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "in the middle", child.stderr.read() if child.stderr else ""
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    with open_store(isolated_home) as store:
        assert store.integrity() == "ok"
        assert [(r.uid, r.risk) for r in store.history("Acme")] == [("complete-0001", 11)]
        assert [(row.name, row.assessments, row.last_risk) for row in store.clients()] == [("Acme", 1, 11)]
        progress = store.progress("Acme")  # the unfinished quiz is kept too
        assert progress is not None and progress.answers == (("revenue_share", 45.0),)
        store.save_assessment(record("Acme", "2026-01-04T10:00:00Z", risk=50, uid="after-0003"))
        assert len(store.history("Acme")) == 2


def test_killed_at_random_moments_the_database_stays_consistent(isolated_home: Path) -> None:
    loop = """
        import sys, itertools
        from pathlib import Path
        from tests.clients_helpers import open_store, record
        with open_store(Path(sys.argv[1])) as store:
            print("saving", flush=True)
            for n in itertools.count():
                store.save_assessment(record(f"C{n % 7}", f"2026-01-01T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:"
                                             f"{n % 60:02d}Z", uid=f"loop-{n:06d}", risk=n % 100))
    """
    for delay in (0.05, 0.2, 0.35):
        child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(loop), str(isolated_home)],
                                 env=child_env(isolated_home), text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline().strip() == "saving"
        time.sleep(delay)
        child.kill()
        child.wait(timeout=10)
        raw = sqlite3.connect(isolated_home / "clientcheck.db")
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        mismatched = raw.execute("""SELECT count(*) FROM clients c WHERE assessments !=
                                    (SELECT count(*) FROM assessments a WHERE a.client_id = c.id)""").fetchone()
        orphans = raw.execute("""SELECT count(*) FROM assessments a
                                 WHERE NOT EXISTS (SELECT 1 FROM bodies b WHERE b.assessment_id = a.id)""").fetchone()
        raw.close()
        assert mismatched == orphans == (0,)


# --- damaged, newer -----------------------------------------------------------------------


def assess_saving(cli: CliInvoke, home: Path | None = None) -> Result:
    env = {"CLIENTCHECK_HOME": str(home)} if home is not None else None
    return cli("assess", "--answers", WHALE, "--client", "Acme", env=env)


def test_a_damaged_database_is_reported_the_result_still_printed_and_the_file_untouched(
        cli: CliInvoke, isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "clientcheck.db"
    damaged = b"SQLite format 3\x00" + bytes(range(256)) * 40
    path.write_bytes(damaged)
    result = assess_saving(cli)
    assert result.exit_code == 2
    assert "LET GO" in result.stdout and "Saved for" not in result.stdout
    assert result.stderr == (f"clientcheck: error: the result above was not saved: the clientcheck database {path} "
                             "is damaged (file is not a database)\n")
    listed = cli("clients")
    assert (listed.exit_code, listed.stdout) == (2, "")
    assert listed.stderr.startswith(f"clientcheck: error: the clientcheck database {path} is damaged")
    assert "the file was left as it is" in listed.stderr
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in isolated_home.iterdir()) == ["clientcheck.db"]


def test_a_database_from_a_newer_clientcheck_is_refused_and_untouched(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
    path = isolated_home / "clientcheck.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 7")
    raw.close()
    before = path.read_bytes()
    result = assess_saving(cli)
    assert result.exit_code == 2 and "LET GO" in result.stdout
    assert result.stderr == (f"clientcheck: error: the result above was not saved: the clientcheck database {path} "
                             "was written by a newer clientcheck "
                             f"(schema 7; this one knows up to {DB_SCHEMA_VERSION})\n")
    for command in (["clients"], ["history", "Acme"], ["portfolio"], ["export"], ["forget", "Acme", "--yes"]):
        refused = cli(*command)
        assert refused.exit_code == 2, command
        assert "was written by a newer clientcheck" in refused.stderr
        assert "upgrade clientcheck" in refused.stderr
    assert path.read_bytes() == before


# --- read-only or missing data folder -----------------------------------------------------


@pytest.fixture
def readonly_home(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], None]]]:
    """A data folder and a way to make it really read-only: a read-only tmpfs for root (whom
    file modes do not stop), file modes for anyone else."""
    if os.geteuid() != 0:
        home = tmp_path / "home"
        home.mkdir()
        yield home, lambda: home.chmod(0o500)
        home.chmod(0o700)
        return
    mount = tmp_path / "mnt"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("a read-only folder needs a non-root user or permission to mount a tmpfs")
    def make_readonly() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)

    try:
        yield mount / "home", make_readonly
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_read_only_data_folder_still_prints_the_result_then_a_clear_error(
        cli: CliInvoke, readonly_home: tuple[Path, Callable[[], None]]) -> None:
    home, make_readonly = readonly_home
    assert assess_saving(cli, home).exit_code == 0
    make_readonly()
    result = assess_saving(cli, home)
    assert result.exit_code == 2
    assert "LET GO" in result.stdout and "Saved for" not in result.stdout
    assert result.stderr == (f"clientcheck: error: the result above was not saved: cannot save to the clientcheck "
                             f"database {home / 'clientcheck.db'}: the folder {home} is read-only\n")
    listed = cli("clients", env={"CLIENTCHECK_HOME": str(home)})  # reading still works
    assert listed.exit_code == 0 and "Acme" in listed.stdout
    assert cli("history", "Acme", env={"CLIENTCHECK_HOME": str(home)}).exit_code == 0


def test_a_read_only_empty_folder(cli: CliInvoke, readonly_home: tuple[Path, Callable[[], None]]) -> None:
    home, make_readonly = readonly_home
    home.mkdir()
    make_readonly()
    result = cli("assess", "--answers", WHALE, "--client", "Acme", "--json", env={"CLIENTCHECK_HOME": str(home)})
    assert result.exit_code == 2
    assert json.loads(result.stdout)["verdict"]["level"] == "let_go"
    assert "client" not in json.loads(result.stdout)
    assert "the result above was not saved: cannot create the clientcheck database" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_data_folder_that_cannot_be_created(cli: CliInvoke, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    home = blocker / "clientcheck"
    result = assess_saving(cli, home)
    assert result.exit_code == 2 and "LET GO" in result.stdout
    assert result.stderr == (f"clientcheck: error: the result above was not saved: cannot create the clientcheck "
                             f"database {home / 'clientcheck.db'}: {blocker} is a file, not a folder\n")
    assert cli("clients", env={"CLIENTCHECK_HOME": str(home)}).stdout.startswith("No clients saved yet.")


def test_a_missing_data_folder_is_created_private(cli: CliInvoke, tmp_path: Path) -> None:
    home = tmp_path / "deep" / "er" / "home"
    assert assess_saving(cli, home).exit_code == 0
    assert (home.stat().st_mode & 0o777, (home / "clientcheck.db").stat().st_mode & 0o777) == (0o700, 0o600)
    assert Store.open_existing(database_path({"CLIENTCHECK_HOME": str(home)})) is not None


# --- damaged inside, half-made, permissions, missing targets (issue 11, class 7) ----------------


def damaged_inside(home: Path) -> Path:
    """A clientcheck database that opens but fails PRAGMA integrity_check: its last page overwritten."""
    with open_store(home) as store:
        for day in range(1, 29):
            store.save_assessment(record(f"Client {day}", f"2026-02-{day:02d}T10:00:00Z"))
    path = home / "clientcheck.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size, pages = raw.execute("PRAGMA page_size").fetchone()[0], raw.execute("PRAGMA page_count").fetchone()[0]
    raw.close()
    with path.open("r+b") as handle:
        handle.seek(page_size * (pages - 2))
        handle.write(b"\xff" * page_size)
    check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    except sqlite3.DatabaseError as error:
        assert "malformed" in str(error)
    finally:
        check.close()
    return path


def folder_bytes(home: Path) -> dict[str, bytes]:
    return {place.name: place.read_bytes() for place in sorted(home.iterdir())}


def test_a_database_failing_the_integrity_check_is_never_written_to(cli: CliInvoke, isolated_home: Path,
                                                                  tmp_path: Path) -> None:
    path = damaged_inside(isolated_home)
    before = folder_bytes(isolated_home)
    result = assess_saving(cli)
    assert result.exit_code == 2 and "LET GO" in result.stdout and "Saved for" not in result.stdout
    assert f"not saved: the clientcheck database {path} is damaged (integrity_check:" in result.stderr
    backup = tmp_path / "backup.json"
    backup.write_text(cli("export").stdout or "{}")
    json.loads(backup.read_text())  # whatever could be read, as JSON
    for command in (["clients"], ["portfolio"], ["history", "Client 1"], ["report", "Client 1"], ["export"],
                    ["import", str(backup)], ["forget", "Client 1", "--yes"]):
        cli(*command)
        after = folder_bytes(isolated_home)
        assert after["clientcheck.db"] == before["clientcheck.db"], command
        # SQLite may remove the empty write-ahead log it had beside the file; it never adds to it
        assert all(after[name] == before[name] for name in after) and set(after) <= set(before), command
    refused = cli("forget", "Client 1", "--yes")
    assert refused.exit_code == 2 and "is damaged" in refused.stderr


@pytest.mark.parametrize("made", ["empty", "header only"])
def test_reading_a_half_made_database_changes_nothing(cli: CliInvoke, isolated_home: Path, made: str) -> None:
    isolated_home.mkdir()
    path = isolated_home / "clientcheck.db"
    path.touch()
    if made == "header only":  # an SQLite file with nothing in it yet (schema being made elsewhere)
        raw = sqlite3.connect(path)
        raw.execute("PRAGMA user_version = 0")
        raw.execute("VACUUM")
        raw.close()
    before = folder_bytes(isolated_home)
    for command in (["clients"], ["portfolio"], ["export"], ["history", "Acme"]):
        result = cli(*command)
        assert result.exit_code in (0, 2) and "Traceback" not in result.stderr, command
        assert folder_bytes(isolated_home) == before, command
    assert cli("clients").stdout.startswith("No clients saved yet.")


def test_reading_never_switches_the_journal_mode(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
    raw = sqlite3.connect(isolated_home / "clientcheck.db")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    for command in (["clients"], ["portfolio"], ["history", "Acme"], ["report", "Acme"], ["export"]):
        assert cli(*command).exit_code == 0, command
        raw = sqlite3.connect(isolated_home / "clientcheck.db")
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete", command
        raw.close()


def test_an_existing_database_open_to_others_is_made_private(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
    path = isolated_home / "clientcheck.db"
    path.chmod(0o644)
    isolated_home.chmod(0o755)
    assert assess_saving(cli).exit_code == 0
    assert (isolated_home.stat().st_mode & 0o777, path.stat().st_mode & 0o777) == (0o700, 0o600)
    for beside in isolated_home.iterdir():
        assert beside.stat().st_mode & 0o077 == 0, beside


def test_under_umask_000_every_folder_made_is_private(cli: CliInvoke, tmp_path: Path) -> None:
    home = tmp_path / "a" / "b" / "home"
    old = os.umask(0)
    try:
        assert assess_saving(cli, home).exit_code == 0
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", home):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert (home / "clientcheck.db").stat().st_mode & 0o777 == 0o600


def test_a_dangling_link_is_called_what_it_is(cli: CliInvoke, isolated_home: Path) -> None:
    isolated_home.mkdir()
    (isolated_home / "clientcheck.db").symlink_to(isolated_home / "gone.db")
    saved = assess_saving(cli)
    assert saved.exit_code == 2 and "LET GO" in saved.stdout
    assert "is a symbolic link to" in saved.stderr and "which does not exist" in saved.stderr
    assert "read-only" not in saved.stderr
    listed = cli("clients")
    assert listed.exit_code == 2 and "is a symbolic link to" in listed.stderr
    assert not (isolated_home / "gone.db").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_an_unreadable_database_is_called_unreadable(cli: CliInvoke, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
    (isolated_home / "clientcheck.db").chmod(0o200)
    try:
        saved = assess_saving(cli)
        assert "cannot read the clientcheck database" in saved.stderr and "read-only" not in saved.stderr
        assert "cannot read the clientcheck database" in cli("clients").stderr
    finally:
        (isolated_home / "clientcheck.db").chmod(0o600)
