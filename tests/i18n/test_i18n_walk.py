"""Every prompt and interactive screen as a person meets it, in a real terminal: the installed command
in a pseudo-terminal 80x40 (pexpect), in Italian chosen with --lang it and with only LANG=it_IT.UTF-8,
and the reverse in English (--lang en under an Italian locale, and only LANG=en_US.UTF-8).

What the terminal showed, as pyte draws it (lines scrolled off the top included), is searched for
the other language's words with the lists of tests/i18n/test_i18n_no_english.py: the client prompt and
the saved-client picker, the bank menu, every question type (choice, yes/no, frequency, number,
"don't know"), a follow-up appearing, going back, the review (an answer changed by number, a wrong
number, '<' from a number), the verdict on one screen and with --full through the pager, resuming
an unfinished quiz, forget's question, Ctrl-C and Ctrl-D at each prompt, SIGTERM mid-quiz, the
TERM=dumb quiz with its invalid input, letter, exit-plan, report, history and portfolio on a
terminal, and answers typed at a terminal ('-'). `banks new` asks nothing, so it has no walk."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pyte
import pytest

from clientcheck.assessment.answers import read_answers
from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.i18n import tr, trn
from clientcheck.ui.quiz import QMARK
from tests.i18n.test_i18n_no_english import ENGLISH_WORDS, ITALIAN_WORDS, data_removed, words_of

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
REPO = Path(__file__).resolve().parents[2]
ANSWERS = REPO / "tests" / "answers" / "ci-starter.yaml"
SCENARIOS = REPO / "tests" / "scenarios"
COLUMNS, ROWS = 80, 40
DOWN, UP, ENTER, BACKSPACE, CTRL_C, CTRL_D = "\x1b[B", "\x1b[A", "\r", "\x7f", "\x03", "\x04"
LET_GO_IN_MENU = 4  # the bank menu's order: checkup, starter, whale, signals, let-go, ...
PAGER = r"less -R -Ps?eEND\:PAGE."  # less as clientcheck runs it, prompting PAGE, then END at the end


class Reader(NamedTuple):
    """Who reads: in which language, chosen how (an option, or the locale alone)."""

    language: str
    args: list[str]
    locale: str

    @property
    def foreign(self) -> tuple[str, ...]:
        return ENGLISH_WORDS if self.language == "it" else ITALIAN_WORDS

    @property
    def yes(self) -> str:
        return "s" if self.language == "it" else "y"


READERS = {"it --lang": Reader("it", ["--lang", "it"], "C.UTF-8"),
           "it LANG": Reader("it", [], "it_IT.UTF-8"),
           "en --lang": Reader("en", ["--lang", "en"], "it_IT.UTF-8"),
           "en LANG": Reader("en", [], "en_US.UTF-8")}
TWO = [READERS["it LANG"], READERS["en --lang"]]  # where the language's choice was walked already


@pytest.fixture(params=list(READERS), ids=list(READERS))
def reader(request: pytest.FixtureRequest) -> Reader:
    return READERS[request.param]


def environment(home: Path, reader: Reader, **extra: str) -> dict[str, str]:
    environ = {name: value for name, value in os.environ.items()
               if name not in {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "CLIENTCHECK_LANG", "NO_COLOR",
                               "PAGER", "LESS", "COLUMNS", "LINES"}}
    return {**environ, "TERM": "xterm", "LANG": reader.locale, "CLIENTCHECK_HOME": str(home),
            "CLIENTCHECK_NOW": "2026-12-01T10:00:00Z", "PROMPT_TOOLKIT_NO_CPR": "1", **extra}


class Walk:
    """One run of the command at a terminal: wait for a text, press keys, and what was shown."""

    def __init__(self, home: Path, reader: Reader, args: list[str], **extra: str) -> None:
        if not CLIENTCHECK.exists():
            pytest.skip(f"clientcheck is not installed next to {sys.executable}")
        self.home, self.reader = home, reader
        self.child = pexpect.spawn(str(CLIENTCHECK), [*args, *reader.args], env=environment(home, reader, **extra),
                                   encoding="utf-8", dimensions=(ROWS, COLUMNS), timeout=30)
        self.child.logfile_read = io.StringIO()
        self.typed: list[str] = []  # lines the person typed, echoed by the terminal: data

    def see(self, text: str) -> None:
        self.child.expect_exact(text)

    def press(self, *keys: str) -> None:
        self.child.send("".join(keys))

    def question(self, index: int, *keys: str) -> None:
        """Wait for question ``index`` (of however many) and its prompt, then press ``keys``."""
        self.child.expect(re.escape(tr(self.reader.language, "quiz.progress", index=index, total=999))
                          .replace("999", r"\d+"))
        self.see(QMARK)
        self.press(*keys)

    def through_the_pager(self) -> int:
        """Space at each page, q at the end (a screen that fits is not paged); the pages seen."""
        pages = 0
        while (index := self.child.expect([pexpect.EOF, "END", "PAGE"])) != 0:
            self.press("q" if index == 1 else " ")
            pages += 1
        return pages

    def end(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status: int = self.child.exitstatus
        return status

    def shown(self) -> str:
        shown: str = self.child.logfile_read.getvalue()
        return shown

    def screens(self) -> list[str]:
        """Every line the terminal showed, as drawn: those scrolled off the top, then the screen."""
        screen = pyte.HistoryScreen(COLUMNS, ROWS, history=100_000)
        pyte.Stream(screen).feed(self.shown())
        scrolled = ["".join(line[x].data for x in range(COLUMNS)).rstrip() for line in screen.history.top]
        return [*scrolled, *(line.rstrip() for line in screen.display)]

    def message_lines(self) -> list[str]:
        return [line.strip() for line in self.shown().replace("\r\n", "\n").split("\n")
                if "clientcheck:" in line or "Traceback" in line]

    def foreign_words(self) -> list[str]:
        """The other language's words on the screens (and in what was written, drawn or not)."""
        found = set()
        raw = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]", " ", self.shown())
        for text in ("\n".join(self.screens()), raw):
            for line in self.typed:
                text = text.replace(line, " ")
            text = data_removed(text, self.home)
            if self.reader.language == "en":  # quoted client names and article titles are data
                text = re.sub(r"«[^»]*»|\"[^\"\n]*\"|“[^”]*”", " ", text)
            found |= set(words_of(text, self.reader.foreign))
        return sorted(found)


def run(home: Path, *args: str) -> None:
    result = subprocess.run([str(CLIENTCHECK), *args], env={**os.environ, "CLIENTCHECK_HOME": str(home),
                                                          "CLIENTCHECK_NOW": "2026-11-01T10:00:00Z"},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    yield tmp_path / "home"


@pytest.fixture
def saved_acme(home: Path) -> Path:
    run(home, "assess", "--bank", "whale", "--answers", str(SCENARIOS / "whale-000.yaml"), "--client", "Acme srl")
    return home


# --- the quiz, every question type --------------------------------------------------------


def test_the_quiz_from_the_client_prompt_to_the_verdict(saved_acme: Path, reader: Reader) -> None:
    lang = reader.language
    walk = Walk(saved_acme, reader, ["assess"])
    walk.see(tr(lang, "save.ask_name"))
    walk.see(tr(lang, "save.ask_name_hint")[:12])
    walk.press("acme", ENTER)
    walk.see(tr(lang, "client.which", client="acme")[:20])  # did you mean: the saved client, or a new one
    walk.see(tr(lang, "client.which_new", client="acme"))
    walk.press(ENTER)
    walk.see(tr(lang, "quiz.pick_bank"))
    walk.see(trn(lang, "quiz.bank_choice", 8, title="", bank="starter").strip())
    walk.press(DOWN * LET_GO_IN_MENU, ENTER)
    walk.see(tr(lang, "quiz.keys"))
    walk.question(1, ENTER)                        # stage (a choice): a current client
    walk.question(2, "abc", ENTER)                 # revenue share (a number, a follow-up of stage): not a number
    walk.see(tr(lang, "quiz.not_a_number", typed="abc"))
    walk.press(BACKSPACE * 3, "40", ENTER)
    walk.question(3, DOWN, ENTER)                  # has time (yes/no): no
    walk.question(4, DOWN * 5, ENTER)              # rushing (a frequency, a follow-up of 'no'): don't know
    walk.question(5, DOWN * 4, ENTER)              # within skills: '← previous question'
    walk.question(4, UP * 2, ENTER)                # rushing again, from 'don't know': often
    walk.question(5, ENTER)                        # within skills: all
    walk.question(6, ENTER)                        # strengths stated: yes
    walk.question(7, ENTER)                        # different vision: never
    walk.question(8, DOWN * 3, ENTER)              # pays late: often
    walk.question(9, ENTER)                        # late despite terms (its follow-up): yes
    walk.question(10, ENTER)                       # niche fit
    walk.question(11, ENTER)                       # clear goals
    walk.see(tr(lang, "quiz.review_title"))
    walk.see(tr(lang, "quiz.review_hint"))
    walk.see(QMARK)
    walk.press("99", ENTER)
    walk.see(tr(lang, "quiz.review_invalid", count=11))
    walk.press(BACKSPACE * 2, "3", ENTER)          # has time, opened from the review
    walk.see(tr(lang, "quiz.review_back"))
    walk.press(UP, ENTER)                          # yes: the rushing follow-up goes
    walk.see(tr(lang, "quiz.review_hint"))
    walk.see(QMARK)
    walk.press("2", ENTER)                         # the revenue share, opened from the review
    walk.see(tr(lang, "quiz.number_hint_review", min="0", max="100%"))
    walk.press(BACKSPACE * 2, "<", ENTER)          # back to the review, unchanged
    walk.see(tr(lang, "quiz.review_hint"))
    walk.see(QMARK)
    walk.press(ENTER)
    walk.see(tr(lang, "verdict.title"))
    assert walk.end() == 0
    screens = "\n".join(walk.screens())
    assert screens.count(tr(lang, "quiz.review_title")) == 3
    assert tr(lang, "save.saved", client="Acme srl")[:20] in screens
    assert walk.foreign_words() == []


@pytest.mark.parametrize("reader", TWO, ids=["it", "en"])
def test_the_verdict_in_full_through_the_pager(home: Path, reader: Reader) -> None:
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    walk = Walk(home, reader, ["assess", "--bank", "starter", "--answers", str(ANSWERS), "--full"], PAGER=PAGER)
    pages = walk.through_the_pager()
    assert walk.end() == 0 and pages >= 2  # taller than 40 rows: paged
    screens = "\n".join(walk.screens())
    assert tr(reader.language, "exit.title") in screens and tr(reader.language, "verdict.title") in screens
    assert walk.foreign_words() == []


# --- resuming, Ctrl-C, Ctrl-D, SIGTERM ---------------------------------------------------------


def stopped_beta(home: Path, reader: Reader) -> None:
    """Beta's quiz, stopped with Ctrl-C after two answers: the one line says how to resume."""
    walk = Walk(home, reader, ["assess", "--bank", "starter", "--client", "Beta"])
    walk.question(1, ENTER)
    walk.question(2, ENTER)
    walk.question(3, CTRL_C)
    assert walk.end() == 130
    lang = reader.language
    assert walk.message_lines() == [
        f"clientcheck: {tr(lang, 'quiz.interrupted')} {tr(lang, 'save.resume_later', client='Beta')}"]
    assert walk.foreign_words() == []


@pytest.mark.parametrize("reader", [READERS["it --lang"], READERS["en LANG"]], ids=["it", "en"])
def test_an_unfinished_quiz_is_resumed_with_a_yes_no_menu(home: Path, reader: Reader) -> None:
    stopped_beta(home, reader)
    lang = reader.language
    walk = Walk(home, reader, ["assess", "--client", "Beta"])
    walk.see(tr(lang, "answer.no"))
    walk.press(reader.yes)
    walk.see(trn(lang, "quiz.resumed", 2))
    walk.question(3, CTRL_D)
    assert walk.end() == 130
    screens = "\n".join(walk.screens())
    assert trn(lang, "save.ask_resume", 2, client="Beta", bank="starter", when="")[:30] in screens
    assert tr(lang, "quiz.yes_no_hint")[:8] in screens
    assert walk.foreign_words() == []


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_the_resume_menu(home: Path, key: str) -> None:
    reader = READERS["it LANG"]
    stopped_beta(home, reader)
    walk = Walk(home, reader, ["assess", "--client", "Beta"])
    walk.see(tr(reader.language, "answer.no"))
    walk.press(key)
    assert walk.end() == 130
    assert walk.message_lines() == [f"clientcheck: {tr(reader.language, 'quiz.interrupted')}"]


STARTER_TO_REVIEW = [ENTER] * 7 + ["35" + ENTER]


def reach(walk: Walk, prompt: str) -> None:
    """Go to ``prompt`` and wait until it is drawn (the terminal in raw mode)."""
    lang = walk.reader.language
    if prompt == "client name":
        walk.see(tr(lang, "save.ask_name_hint")[:12])
    elif prompt == "did you mean":
        walk.see(tr(lang, "save.ask_name_hint")[:12])
        walk.press("acme", ENTER)
        walk.see(tr(lang, "client.which_new", client="acme"))
    elif prompt == "bank menu":
        walk.see(trn(lang, "quiz.bank_choice", 8, title="", bank="starter").strip())
    elif prompt in ("choice", "number", "review"):
        steps = {"choice": 1, "number": 8, "review": 9}[prompt]
        for index, keys in enumerate(STARTER_TO_REVIEW[:steps - 1], start=1):
            walk.question(index, keys)
        if prompt == "review":
            walk.see(tr(lang, "quiz.review_hint"))
            walk.see(QMARK)
        else:
            walk.question(steps)
    elif prompt == "forget":
        walk.see(trn(lang, "forget.confirm", 1, client="Acme srl"))


PROMPTS = {"client name": ["assess", "--bank", "starter"],
           "did you mean": ["assess", "--bank", "starter"],
           "bank menu": ["assess", "--no-save"],
           "choice": ["assess", "--bank", "starter", "--no-save"],
           "number": ["assess", "--bank", "starter", "--no-save"],
           "review": ["assess", "--bank", "starter", "--no-save"],
           "forget": ["forget", "Acme srl"]}


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
@pytest.mark.parametrize("prompt", list(PROMPTS))
def test_ctrl_c_or_ctrl_d_at_each_prompt_exits_130_with_one_italian_line(saved_acme: Path, prompt: str,
                                                                           key: str) -> None:
    reader = READERS["it --lang"]
    walk = Walk(saved_acme, reader, PROMPTS[prompt])
    reach(walk, prompt)
    walk.press(key)
    assert walk.end() == 130
    message = tr("it", "forget.interrupted" if prompt == "forget" else "quiz.interrupted")
    assert walk.message_lines() == [f"clientcheck: {message}"]
    assert walk.foreign_words() == []


@pytest.mark.parametrize("reader", [READERS["it LANG"]], ids=["LANG"])
def test_sigterm_mid_quiz_says_so_in_italian(home: Path, reader: Reader) -> None:
    walk = Walk(home, reader, ["assess", "--bank", "starter", "--client", "Acme"])
    walk.question(1, DOWN * 3, ENTER)
    walk.question(2)
    walk.see(tr("it", "quiz.back"))
    walk.child.kill(signal.SIGTERM)
    assert walk.end() == 143
    assert walk.message_lines() == [
        f"clientcheck: {tr('it', 'run.stopped', signal='SIGTERM')} {tr('it', 'save.resume_later', client='Acme')}"]
    assert walk.foreign_words() == []


@pytest.mark.parametrize("reader", TWO, ids=["it", "en"])
def test_forget_asks_in_the_readers_language(saved_acme: Path, reader: Reader) -> None:
    lang = reader.language
    walk = Walk(saved_acme, reader, ["forget", "Acme srl"])
    walk.see(trn(lang, "forget.confirm", 1, client="Acme srl"))
    walk.press("n", ENTER)
    walk.see(tr(lang, "forget.cancelled"))
    assert walk.end() == 0
    assert walk.foreign_words() == []
    walk = Walk(saved_acme, reader, ["forget", "Acme srl"])
    walk.see(trn(lang, "forget.confirm", 1, client="Acme srl"))
    walk.press(reader.yes, ENTER)
    walk.see(trn(lang, "forget.done", 1, client="Acme srl"))
    assert walk.end() == 0
    assert walk.foreign_words() == []


# --- a dumb terminal ----------------------------------------------------------------------------


@pytest.mark.parametrize("reader", [READERS["it --lang"], READERS["en LANG"]], ids=["it", "en"])
def test_the_plain_quiz_on_a_dumb_terminal(home: Path, reader: Reader) -> None:
    lang = reader.language
    walk = Walk(home, reader, ["assess"], TERM="dumb")
    walk.see(tr(lang, "save.ask_name_hint"))
    walk.child.sendline("Gamma")
    for typed, count in (("9", 7), ("abc", 7)):  # the bank menu: no such number, not a number
        walk.see(tr(lang, "plain.choose", count=count))
        walk.child.sendline(typed)
        walk.see(tr(lang, "plain.not_a_choice", typed=typed, count=count))
    walk.child.sendline("2")  # starter
    walk.see(tr(lang, "plain.keys"))
    choose = tr(lang, "plain.choose", count=999).split("999")[0]
    for typed in ("4", "2", "3", "2", "1", "1", "5"):
        walk.see(choose)
        walk.child.sendline(typed)
    hint = tr(lang, "quiz.number_hint", min="0", max="100%")
    refusals = {"200": tr(lang, "quiz.above_maximum", value="200", max="100"),
                "x": tr(lang, "quiz.not_a_number", typed="x")}
    for typed in ("200", "x", "40"):
        walk.see(">")
        walk.child.sendline(typed)
        if typed != "40":
            walk.see(refusals[typed])
            walk.see(hint)
    walk.see(tr(lang, "quiz.review_hint"))
    walk.child.sendline("9")
    walk.see(tr(lang, "plain.not_a_choice", typed="9", count=8))
    walk.child.sendline("")
    walk.see(tr(lang, "verdict.title"))
    assert walk.end() == 0
    assert "\x1b" not in walk.shown()
    assert tr(lang, "quiz.keys") not in walk.shown()
    assert walk.foreign_words() == []


# --- the screens of the other commands, on a terminal ------------------------------------------


@pytest.fixture(scope="module")
def clients_over_time(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Acme srl, and Delta spa assessed four times over the year; only read by the screens' walks."""
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    home = tmp_path_factory.mktemp("screens") / "home"
    run(home, "assess", "--bank", "whale", "--answers", str(SCENARIOS / "whale-000.yaml"), "--client", "Acme srl")
    for day, bank, answers in (("2026-03-01", "whale", "whale-000"), ("2026-06-10", "whale", "whale-healthy"),
                               ("2026-09-20", "whale", "whale-000"), ("2026-10-01", "starter", None)):
        subprocess.run([str(CLIENTCHECK), "assess", "--bank", bank, "--client", "Delta spa", "--answers",
                        str(SCENARIOS / f"{answers}.yaml") if answers else str(ANSWERS)],
                       env={**os.environ, "CLIENTCHECK_HOME": str(home),
                            "CLIENTCHECK_NOW": f"{day}T10:00:00Z"}, capture_output=True, check=True)
    return home


SCREENS = {"exit-plan": ["exit-plan"], "letter": ["letter"], "letter to a company": ["letter", "--client", "Acme srl"],
           "report": ["report", "Acme srl"], "history": ["history", "Delta spa"], "portfolio": ["portfolio"],
           "clients": ["clients"]}


@pytest.mark.parametrize("reader", TWO, ids=["it", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_other_screens_on_a_terminal(clients_over_time: Path, reader: Reader, screen: str) -> None:
    walk = Walk(clients_over_time, reader, SCREENS[screen], PAGER=PAGER)
    walk.through_the_pager()
    assert walk.end() == 0
    screens = "\n".join(walk.screens())
    assert screens.strip()
    if screen in ("history", "portfolio", "report"):  # the charts' legends: the level names
        levels = ["level.let_go"] if screen == "portfolio" else ["level.let_go", "level.keep"]
        assert all(tr(reader.language, level) in screens for level in levels), screens
    if screen == "report":  # a profile as the verdict writes it: 'Cliente balena — Porta…', no capital after ':'
        whale = load_bank(REPO / "questions" / "whale.yaml")
        profiles = assess(whale, read_answers(SCENARIOS / "whale-000.yaml", whale)).profiles
        assert profiles
        for profile in profiles:
            label = profile.label.get(reader.language)
            assert f"{label} — " in screens and f"{label}: " not in screens, screens
    assert walk.foreign_words() == []


@pytest.mark.parametrize("reader", [READERS["it LANG"], READERS["en --lang"]], ids=["it", "en"])
def test_answers_typed_at_a_terminal(home: Path, reader: Reader) -> None:
    walk = Walk(home, reader, ["assess", "--bank", "starter", "--answers", "-"])
    walk.see(tr(reader.language, "stdin.answers")[:30])
    typed = [line for line in ANSWERS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for line in typed:
        walk.child.sendline(line)
    walk.child.sendeof()
    walk.see(tr(reader.language, "verdict.title"))
    assert walk.end() == 0
    walk.typed = typed  # the answers file echoed as typed is the person's text, not the interface
    assert walk.foreign_words() == []


def test_the_word_search_sees_a_scrolled_screen(tmp_path: Path) -> None:
    """The screens' lines include what scrolled off the top: a foreign word there is found."""
    walk: Any = Walk.__new__(Walk)
    walk.home, walk.reader, walk.typed = tmp_path, READERS["it --lang"], []
    walk.child = type("Child", (), {"logfile_read": io.StringIO("the answer\r\n" + "riga\r\n" * 100)})()
    assert walk.screens()[0] == "the answer"
    assert walk.foreign_words() == ["answer", "the"]
