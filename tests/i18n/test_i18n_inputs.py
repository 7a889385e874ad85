"""What the input readers say (a read over its cap, a missing file, a YAML 1.1 surprise, a wrong
tag, a number too long, an unusable CLIENTCHECK_NOW, a home folder that is a file), in Italian."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TEST_BANKS, CliInvoke, write

HEALTHY = (TEST_BANKS / "full-healthy.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("answers", "lines"), [
    ("/dev/zero", ["clientcheck: errore: /dev/zero: impossibile leggere le risposte",
                   "/dev/zero:1:1: errore: supera il limite di 1.000.000 byte",
                   "    suggerimento: un questionario o un file di risposte occupa pochi kilobyte: è il file giusto?"]),
    ("missing.yaml", ["clientcheck: errore: missing.yaml: impossibile leggere le risposte",
                      "missing.yaml:1:1: errore: il file non esiste",
                      "    suggerimento: controlla il percorso e come è scritto"]),
    (("revenue_share: 10", "revenue_share: 1:30"), [
        "answers.yaml:7:18: errore: '1:30' verrebbe letto come 90 (in base 60, come un orario), e quasi mai è ciò "
        "che si intende",
        "    suggerimento: scrivi 90 se intendi un numero, oppure mettilo tra virgolette ('1:30') se è un testo"]),
    (("revenue_share: 10", "revenue_share: 010"), [
        "answers.yaml:7:18: errore: '010' verrebbe letto come 8 (in base otto), e quasi mai è ciò che si intende",
        "    suggerimento: scrivi 10 se intendi un numero, oppure mettilo tra virgolette ('010') se è un testo"]),
    (("revenue_share: 10", "revenue_share: 0x28"), [
        "answers.yaml:7:18: errore: '0x28' verrebbe letto come 40 (in esadecimale), e quasi mai è ciò che si intende"]),
    (("has_contract: yes", "has_contract: !!bool maybe"), [
        "answers.yaml:6:17: errore: 'maybe' non è true o false, come invece dice il suo tag '!!bool'",
        "    suggerimento: togli il tag '!!bool' (così il valore viene letto com'è scritto), oppure scrivi "
        "true o false"]),
    (("revenue_share: 10", "revenue_share: " + "9" * 301), [
        "answers.yaml:7:18: errore: un numero di 301 cifre è troppo grande per essere usato",
        "    suggerimento: scrivi un numero di al massimo 300 cifre, oppure mettilo tra virgolette se è un testo"]),
])
def test_input_problems_in_italian(cli: CliInvoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   answers: str | tuple[str, str], lines: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    if isinstance(answers, tuple):
        write(tmp_path / "answers.yaml", HEALTHY.replace(*answers))
        answers = "answers.yaml"
    result = cli("assess", "--bank-file", str(TEST_BANKS / "full.yaml"), "--answers", answers, "--lang", "it")
    assert result.exit_code == 2
    stderr = result.stderr.splitlines()
    for line in lines:
        assert line in stderr, result.stderr


def test_an_unusable_clientcheck_now_in_italian(cli: CliInvoke) -> None:
    result = cli("assess", "--bank-file", str(TEST_BANKS / "full.yaml"), "--answers",
                 str(TEST_BANKS / "full-healthy.yaml"), "--lang", "it", env={"CLIENTCHECK_NOW": "domani"})
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "clientcheck: errore: CLIENTCHECK_NOW vale 'domani', che non è un orario utilizzabile da clientcheck",
        "  suggerimento: impostalo a un orario ISO 8601 tra gli anni 1 e 9999, per esempio 2026-01-31T09:30:00Z, "
        "oppure toglilo per usare l'ora reale"]


def test_a_home_folder_that_is_a_file_in_italian(cli: CliInvoke, tmp_path: Path) -> None:
    blocker = write(tmp_path / "home", "not a folder")
    result = cli("banks", "new", "mine", "--lang", "it", env={"CLIENTCHECK_HOME": str(blocker)})
    assert result.exit_code == 2
    assert f"{blocker} è un file, non una cartella" in result.stderr
    assert "fai puntare CLIENTCHECK_HOME a una cartella (viene creata se manca), oppure sposta il file altrove" \
        in result.stderr
