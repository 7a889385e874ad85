"""The client report and the portfolio to share: Markdown checked as markdown-it-py renders it
(CommonMark and GFM tables), HTML checked in a real headless Chromium (the DOM it builds and a
screenshot), and the report on a terminal as pyte draws it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pyte
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from clientcheck.saved.store import AssessmentRecord
from tests.clients_helpers import open_store, record, scenario_record
from tests.conftest import CliInvoke

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
NOW = {"CLIENTCHECK_NOW": "2026-03-20T10:00:00Z", "TZ": "UTC"}
EVIL = "Rossi <script>alert(1)</script> & *Figli* [x](http://evil.example) \x1b[31m"


def saved(home: Path, *records: AssessmentRecord) -> None:
    with open_store(home) as store:
        store.add_records(records)


def acme(home: Path, client: str = "Acme", language: str = "en") -> None:
    """Acme over three checks: keep, then let go twice (whale-small, whale-000)."""
    saved(home, record(client, "2026-01-05T09:00:00Z", risk=8, level="keep", bank="whale"),
          scenario_record(client, "whale", "whale-small.yaml", "2026-02-05T09:00:00Z", language),
          scenario_record(client, "whale", "whale-000.yaml", "2026-03-05T09:00:00Z", language))


def tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_renders_as_headings_lists_and_tables_with_advice_apart_from_the_question(
        cli: CliInvoke, isolated_home: Path) -> None:
    acme(isolated_home)
    text = cli("report", "Acme", "--format", "markdown", env=NOW).stdout
    parsed = tokens(text)
    headings = [parsed[i + 1].content for i, t in enumerate(parsed) if t.type == "heading_open"]
    assert headings[0] == "Client report: Acme"
    assert {"By dimension", "What weighs most", "Trend", "What changed since the previous check"} <= set(headings)
    assert any(t.type == "table_open" for t in parsed)  # GFM tables: dimensions and the history
    # the signals: an ordered list whose every item holds paragraphs: question, answer, advice
    start = next(i for i, t in enumerate(parsed) if t.type == "ordered_list_open")
    end = next(i for i, t in enumerate(parsed) if t.type == "ordered_list_close" and i > start)
    items: list[list[str]] = []
    for token in parsed[start:end]:
        if token.type == "list_item_open" and token.level == 1:
            items.append([])
        elif token.type == "inline" and items:
            items[-1].append(token.content)
    assert len(items) == 14  # whale-000's fourteen signals, one item each
    for paragraphs in items:
        assert paragraphs[0].endswith("points of risk)") and "→" not in paragraphs[0]
        assert paragraphs[1].startswith("your answer: ")
        assert paragraphs[2].startswith("→ ")  # its own paragraph: never a soft break onto the question
    points = [float(re.search(r"\+([\d.]+) points", p[0]).group(1)) for p in items]  # type: ignore[union-attr]
    assert points == sorted(points, reverse=True)  # one ordering, and it is the one named
    assert "Ordered by the points each answer adds to the overall risk, largest first." in text
    fences = [t for t in parsed if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"] and "line [8, 100, 100]" in fences[0].content
    assert "Since the previous check (5 February 2026) the risk stayed at 100 (Let go)" in text
    assert "postponed_break" not in text  # what changed, in words: never question ids



def test_a_report_of_a_bank_with_its_own_bands_names_none_of_the_shipped_ones(
        cli: CliInvoke, isolated_home: Path) -> None:
    # "mine" keeps up to 29: a keep at 25 is not the shipped watch band, so no picture says it is
    saved(isolated_home, record("Acme", "2026-03-01T09:00:00Z", risk=25, level="keep", bank="mine"),
          record("Acme", "2026-03-08T09:00:00Z", risk=40, level="watch", bank="mine"))
    markdown = cli("report", "Acme", "--format", "markdown", env=NOW).stdout
    assert "line [25, 40]" in markdown and "Keep 0–19" not in markdown
    html = cli("report", "Acme", "--format", "html", env=NOW).stdout
    tree = parsed(html)
    assert not [a for tag, a in tree.elements if tag == "rect" and a.get("class") == "band"]
    assert [a["data-risk"] for tag, a in tree.elements if tag == "circle" and a.get("class") == "point"] == ["25", "40"]
    acme(isolated_home, client="Shipped")  # the shipped bands, where they fit, are named as before
    assert "Keep 0–19" in cli("report", "Shipped", "--format", "markdown", env=NOW).stdout

def test_markdown_in_italian_has_italian_dates_and_decimal_commas(cli: CliInvoke, isolated_home: Path) -> None:
    acme(isolated_home, language="it")
    text = cli("report", "Acme", "--format", "markdown", "--lang", "it", env=NOW).stdout
    assert "Scritto da clientcheck: 20 marzo 2026 · 3 valutazioni (la prima: 5 gennaio 2026)" in text
    assert "## Ultima valutazione: 5 marzo 2026, ore 09:00" in text
    assert "2026-03" not in text  # no ISO date in an Italian report
    assert "(+22,5 punti di rischio)" in text and "la tua risposta: Spesso" in text


def test_a_raised_verdict_says_which_dealbreaker_raised_it(cli: CliInvoke, isolated_home: Path) -> None:
    # late payer: risk 40 sits in the watch band, a dealbreaker raises it to renegotiate
    saved(isolated_home, scenario_record("Gamma", "let-go", "let-go-late-payer.yaml", "2026-02-20T09:00:00Z"))
    text = cli("report", "Gamma", "--format", "markdown", env=NOW).stdout
    assert re.search(r'\*\*Raised by a dealbreaker:\*\* A risk of 40 falls in the "Watch" band \(20–44\); a '
                     r'dealbreaker raised the verdict to "Renegotiate": \w', text), text


def test_markdown_keeps_data_as_text(cli: CliInvoke, isolated_home: Path) -> None:
    saved(isolated_home, record(EVIL, "2026-01-05T09:00:00Z"))
    text = cli("report", EVIL, "--format", "markdown", env=NOW).stdout
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in html and "<a href" not in html and "<em>Figli</em>" not in html
    assert "\x1b" not in text


def test_portfolio_markdown_has_a_quadrant_chart_and_the_warning(cli: CliInvoke, isolated_home: Path) -> None:
    saved(isolated_home, record("Acme", "2026-03-01T09:00:00Z", risk=90, level="let_go", share=80),
          record("Beta", "2026-03-01T09:00:00Z", risk=30, level="watch", share=60))
    text = cli("portfolio", "--format", "markdown", env=NOW).stdout
    fence = next(t for t in tokens(text) if t.type == "fence")
    assert fence.info == "mermaid" and fence.content.startswith("quadrantChart\n")
    assert "    1 Acme: [0.857, 0.90]" in fence.content  # 80% is 0.5 + 0.5 × 50/70 on the split axis
    assert "The known shares add up to 140%, more than 100%" in text


# --- HTML in a real browser -----------------------------------------------------------------


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium binary on PATH (.ci/run installs Debian's chromium package)")


def browse(page: Path, tmp_path: Path, *, screenshot: Path | None = None) -> str:
    """The DOM Chromium builds from ``page`` (and a screenshot when asked), offline and sandboxed."""
    flags = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    uri = page.resolve().as_uri()
    if screenshot is not None:
        subprocess.run([*flags, "--window-size=1000,2600", f"--screenshot={screenshot}", uri], capture_output=True,
                       check=True, timeout=120)
        assert screenshot.stat().st_size > 10_000
    result = subprocess.run([*flags, "--dump-dom", uri], capture_output=True, text=True, check=True, timeout=120)
    return result.stdout


def printed(page: Path, tmp_path: Path) -> bytes:
    """The page printed to PDF by Chromium, as a person would from the browser's print dialog."""
    pdf = tmp_path / (page.stem + ".pdf")
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", page.resolve().as_uri()],
                   capture_output=True, check=True, timeout=120)
    return pdf.read_bytes()


class Dom(HTMLParser):
    """Every element with its attributes, and the text of the title and headings."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] in ("title", "h1", "h2", "h3", "li", "p"):
            self.texts.setdefault(self._open[-1], []).append(data)


def parsed(dom: str) -> Dom:
    tree = Dom()
    tree.feed(dom)
    return tree


def assert_self_contained(tree: Dom) -> None:
    tags = {tag for tag, _ in tree.elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    for _, attrs in tree.elements:
        assert not any(name.startswith("on") for name in attrs)  # no event handler runs anything
        for name in ("src", "href", "xlink:href", "action"):
            assert name not in attrs
    csp = [a for tag, a in tree.elements if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in str(csp[0]["content"])  # the browser refuses any request


def screenshot_folder(tmp_path: Path) -> Path:
    """Where screenshots are kept for a person to open: CLIENTCHECK_SCREENSHOTS (CI sets it), else
    the test's temporary folder (its path is printed)."""
    folder = Path(os.environ.get("CLIENTCHECK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "it"])
def test_html_report_in_chromium(cli: CliInvoke, isolated_home: Path, tmp_path: Path, language: str) -> None:
    acme(isolated_home, client=EVIL, language=language)
    result = cli("report", EVIL, "--format", "html", "--lang", language, env=NOW)
    assert result.exit_code == 0, result.stderr
    page = tmp_path / f"report-{language}.html"
    page.write_text(result.stdout, encoding="utf-8")
    shot = screenshot_folder(tmp_path) / f"report-{language}.png"
    dom = browse(page, tmp_path, screenshot=shot)
    tree = parsed(dom)
    print(f"screenshot: {shot}")
    assert_self_contained(tree)
    clean = EVIL.replace("\x1b[31m", "")
    title = "Client report: " if language == "en" else "Rapporto sul cliente: "
    assert tree.texts["title"][0] == title + clean  # the name is text, its tags were not run or built
    assert "".join(tree.texts["h1"]) == title + clean
    points = [a for tag, a in tree.elements if tag == "circle" and a.get("class") == "point"]
    assert [int(str(a["data-risk"])) for a in points] == [8, 100, 100]  # the stored risks, in time order
    cx = [float(str(a["cx"])) for a in points]
    assert cx[0] < cx[1] < cx[2] and cx[2] - cx[1] == pytest.approx((cx[1] - cx[0]) * 28 / 31, rel=0.01)  # real time
    bands = [a["data-level"] for tag, a in tree.elements if tag == "rect" and a.get("class") == "band"]
    assert bands == ["keep", "watch", "renegotiate", "let_go"]
    assert len([a for tag, a in tree.elements if tag == "svg"]) == 3  # risk over time, dimensions, contributions
    headings = "".join(tree.texts["h3"])
    assert ("What weighs most" if language == "en" else "Cosa pesa di più") in headings
    bars = [a for tag, a in tree.elements if tag == "rect" and a.get("class") == "bar"]
    assert len(bars) == 5 + 14  # whale-000: five dimensions, fourteen signals
    assert ("22,5" if language == "it" else "22.5") in dom  # numbers as the language writes them
    pdf = printed(page, tmp_path)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2  # printable


@pytest.mark.slow
def test_portfolio_html_in_chromium(cli: CliInvoke, isolated_home: Path, tmp_path: Path) -> None:
    saved(isolated_home, record("Acme", "2026-03-01T09:00:00Z", risk=90, level="let_go", share=80),
          record("Beta <b>", "2026-03-01T09:00:00Z", risk=30, level="watch", share=60),
          record("Gamma", "2026-03-01T09:00:00Z", risk=10, level="keep"))
    page = tmp_path / "portfolio.html"
    page.write_text(cli("portfolio", "--format", "html", "--lang", "it", env=NOW).stdout, encoding="utf-8")
    tree = parsed(browse(page, tmp_path, screenshot=screenshot_folder(tmp_path) / "portfolio-it.png"))
    assert_self_contained(tree)
    points = [(a["data-share"], a["data-risk"]) for tag, a in tree.elements if tag == "circle"]
    assert points == [("80", "90"), ("60", "30")]  # the client with no known share is not placed
    assert [tag for tag, _ in tree.elements].count("b") == 0
    assert any("più del 100%" in text for text in tree.texts["p"])


def test_html_on_a_terminal_is_refused_with_how_to_keep_it(isolated_home: Path) -> None:
    from clientcheck.cli.clients import ReportFormat, _refuse_html_on_a_terminal
    from clientcheck.errors import UsageError

    class Terminal:
        stdout_isatty = True

    with pytest.raises(UsageError) as raised:
        _refuse_html_on_a_terminal(Terminal(), ReportFormat.html, 'report "Acme"', "en")  # type: ignore[arg-type]
    assert raised.value.hint == 'redirect it to a file: clientcheck report "Acme" --format html > report.html'
    _refuse_html_on_a_terminal(Terminal(), ReportFormat.markdown, "report", "en")  # type: ignore[arg-type]


# --- on a terminal --------------------------------------------------------------------------


@pytest.mark.slow
def test_report_on_a_terminal_is_the_screen_version(tmp_path: Path) -> None:
    import pexpect

    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    home = tmp_path / "home"
    acme(home)
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update({"CLIENTCHECK_HOME": str(home), "TERM": "xterm-256color", "PAGER": "cat", **NOW})
    child = pexpect.spawn(str(CLIENTCHECK), ["report", "Acme"], env=env, encoding="utf-8", dimensions=(200, 80),
                          timeout=30)
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    screen = pyte.Screen(80, 200)
    pyte.Stream(screen).feed(output)
    display = "\n".join(screen.display)
    assert "# Client report" not in display and "**" not in display  # not raw Markdown
    assert "LET GO" in display and "Risk over time" in display
    assert sum(1 for line in screen.display if line.startswith(("100┤", " 70┤", " 45┤", " 20┤", "  0┤"))) == 5
    assert "your answer: " in display and "→ " in display
    assert max(len(line.rstrip()) for line in screen.display) <= 80
