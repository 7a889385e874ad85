"""The shipped question banks: they load clean, speak both languages, cover their articles,
and give each article's own client the verdict its author reached.

The expected outcomes below are written by hand from the five source articles (the oracle),
not read back from the engine. Each scenario file repeats its expectation in a comment on
its first line, and a test keeps the two in agreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clientcheck.assessment.answers import read_answers
from clientcheck.assessment.scoring import applicable_questions, assess
from clientcheck.bank.conditions import holds
from clientcheck.bank.loader import check_bank, load_bank
from clientcheck.bank.model import AnswerValue, Bank, QuestionType
from clientcheck.levels import Level
from clientcheck.text import Text

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "questions"
SCENARIOS = REPO / "tests" / "scenarios"
SEEDS = REPO.parent / "shared" / "seeds"

CONTENT_BANKS = ("whale", "signals", "let-go", "difficult-or-bad", "farewell", "checkup")

# scenario file -> (verdict level, profiles in bank order). From the articles:
EXPECTED: dict[str, tuple[str, list[str]]] = {
    # 000: the author left her whale; a big share of revenue calls for a planned exit.
    "whale-000.yaml": ("let_go", ["whale_planned_exit", "love_trap"]),
    "whale-small.yaml": ("let_go", ["small_client_let_go"]),
    "whale-healthy.yaml": ("keep", ["healthy_big_client"]),
    # 001: the agency let its best-paying client go after most of the 20 signals.
    "signals-001.yaml": ("let_go", ["whale_planned_exit", "kept_outside", "at_their_disposal"]),
    # nine of the twenty signals at once: past correcting course (this was "watch" only by averaging).
    "signals-early.yaml": ("let_go", ["small_client_let_go"]),
    "signals-healthy.yaml": ("keep", []),
    # 002: paying late alone is fixed with terms; late despite terms, no time, wrong skills: leave.
    "let-go-late-payer.yaml": ("renegotiate", ["fix_payment_terms"]),
    "let-go-late-despite-terms.yaml": ("let_go", ["small_client_let_go"]),
    "let-go-prospect.yaml": ("let_go", ["decline_prospect", "refer_colleague"]),
    "let-go-healthy.yaml": ("keep", []),
    # 003: the free-advice prospect is a BAD client, not merely a difficult one.
    "difficult-or-bad-003.yaml": ("let_go", ["bad"]),
    "difficult-or-bad-difficult.yaml": ("watch", ["difficult"]),
    "difficult-or-bad-both.yaml": ("let_go", ["both"]),
    "difficult-or-bad-neither.yaml": ("keep", ["neither"]),
    # 004: anger and a discount to stay is an unhealthy reaction; thanks and an open door is healthy.
    "farewell-004.yaml": ("let_go", ["taking_it_personally", "blaming_the_client", "underselling", "anger"]),
    "farewell-healthy.yaml": ("keep", ["healthy_goodbye"]),
    # taking it personally and ruminating are the author's "most serious mistake": a reaction to rethink.
    "farewell-stalled.yaml": ("renegotiate", ["taking_it_personally", "own_your_share"]),
    # checkup: the same clients through the default quiz.
    "checkup-whale-000.yaml": ("let_go", ["whale_planned_exit"]),
    "checkup-signals-001.yaml": ("let_go", ["whale_planned_exit", "difficult_client", "kept_outside"]),
    "checkup-late-payer.yaml": ("renegotiate", ["fix_payment_terms"]),
    "checkup-bad-small.yaml": ("let_go", ["small_client_let_go", "bad_client"]),
    "checkup-healthy.yaml": ("keep", []),
}

SOURCE_TITLES = {
    "whale": "Ciao Ciao Cliente Balena!",
    "signals": "Gestione clienti: quando è ora di lasciarli andare",
    "let-go": "Il coraggio di lasciare un cliente",
    "difficult-or-bad": "Clienti difficili o cattivi clienti?",
    "farewell": "Gestire la fine dell'amore con un cliente",
    "checkup": "Gestione clienti: quando è ora di lasciarli andare",
}


def bank_path(bank_id: str) -> Path:
    return QUESTIONS / f"{bank_id}.yaml"


def bank_of(scenario: str) -> str:
    return next(b for b in sorted(CONTENT_BANKS, key=len, reverse=True) if scenario.startswith(b + "-"))


@pytest.fixture(scope="module")
def banks() -> dict[str, Bank]:
    return {bank_id: load_bank(bank_path(bank_id)) for bank_id in CONTENT_BANKS}


def texts(value: object, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text inside a bank, with where it sits (for readable failures)."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, tuple) and hasattr(value, "_fields"):  # a model record (NamedTuple)
        name = getattr(value, "id", "")
        for field in value._fields:
            yield from texts(getattr(value, field), f"{path}/{name}.{field}" if name else f"{path}.{field}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from texts(item, f"{path}[{index}]")


# --- every bank loads clean and is complete in both languages ------------------------------


@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_bank_loads_without_errors_or_warnings(bank_id: str) -> None:
    bank, problems = check_bank(bank_path(bank_id))
    assert [str(p) for p in problems] == []
    assert bank is not None and bank.id == bank_id
    assert bank.languages == ("it", "en")


@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_bank_file_starts_with_the_schema_comment(bank_id: str) -> None:
    first = bank_path(bank_id).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/bank.schema.json"


@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_every_text_is_in_italian_and_english(banks: dict[str, Bank], bank_id: str) -> None:
    found = list(texts(banks[bank_id]))
    assert len(found) > 40, "the walk over the bank found too few texts to be meaningful"
    for where, text in found:
        if where.endswith(".unit"):
            continue  # "%" is the same in every language
        if where.endswith(".source.author") and text.is_plain():
            continue  # a person's or a company's name is the same in every language
        assert text.languages() >= {"it", "en"}, f"{bank_id}{where} is not in both languages"
        it, en = text.get("it").strip(), text.get("en").strip()
        assert it and en, f"{bank_id}{where} has an empty translation"
        if len(en) > 20:
            assert it != en, f"{bank_id}{where}: the Italian is a copy of the English"


@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_every_question_and_risky_option_has_advice(banks: dict[str, Bank], bank_id: str) -> None:
    for question in banks[bank_id].questions:
        assert question.advice is not None, f"{bank_id}/{question.id} has no advice"
        for option in question.options:
            if option.risk >= 50:
                assert question.advice_for(option.id) is not None


@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_bank_names_its_source(banks: dict[str, Bank], bank_id: str) -> None:
    source = banks[bank_id].source
    assert source.title == SOURCE_TITLES[bank_id]
    assert source.author.get("it").strip() and source.author.get("en").strip()
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", source.date)


def test_checkup_names_all_four_sources_and_stays_short(banks: dict[str, Bank]) -> None:
    checkup = banks["checkup"]
    assert len(checkup.questions) <= 35
    raw = bank_path("checkup").read_text(encoding="utf-8")
    for bank_id in ("whale", "signals", "let-go", "difficult-or-bad"):
        assert SOURCE_TITLES[bank_id] in raw, f"checkup does not name {SOURCE_TITLES[bank_id]!r}"
    description = checkup.description.get("en") + checkup.description.get("it")
    for author in ("Dibitonto", "Strateg.ee", "Gaspari", "LinkedIn"):
        assert author in description
    texts_en = [q.text.get("en") for q in checkup.questions]
    assert len(set(texts_en)) == len(texts_en), "checkup asks the same question twice"


@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_bands_rise_from_keep_to_let_go(banks: dict[str, Bank], bank_id: str) -> None:
    levels = [band.level for band in banks[bank_id].bands]
    assert levels == [Level.KEEP, Level.WATCH, Level.RENEGOTIATE, Level.LET_GO]


def test_farewell_outcomes_speak_about_the_reaction(banks: dict[str, Bank]) -> None:
    labels = [band.label.get("en").lower() for band in banks["farewell"].bands if band.label]
    assert len(labels) == 4
    assert all("reaction" in label for label in labels)
    assert labels[0] == "healthy reaction" and labels[-1] == "unhealthy reaction"


# --- coverage of the articles --------------------------------------------------------------


def test_signals_covers_the_twenty_signals_exactly_once(banks: dict[str, Bank]) -> None:
    numbers = [q.number for q in banks["signals"].questions if q.number is not None]
    assert sorted(numbers) == list(range(1, 21))
    dimensions = {q.dimension for q in banks["signals"].questions if q.number is not None}
    assert dimensions == {"recognition", "trust", "strategy", "roles", "information", "deadlines",
                          "brief", "dissatisfaction"}


def test_let_go_covers_the_six_reasons(banks: dict[str, Bank]) -> None:
    dims = {q.dimension for q in banks["let-go"].questions}
    assert {"time", "skills", "philosophy", "payment", "niche", "goals"} <= dims


def test_difficult_or_bad_has_two_separate_dimensions(banks: dict[str, Bank]) -> None:
    bank = banks["difficult-or-bad"]
    # two scored dimensions; "context" (current client or prospect) adds no risk
    assert [d.id for d in bank.dimensions] == ["difficult", "bad", "context"]
    assert all(not q.scored for q in bank.questions if q.dimension == "context")
    assert [p.id for p in bank.profiles] == ["difficult", "bad", "both", "neither"]


def test_difficult_or_bad_profiles_name_exactly_one_verdict(banks: dict[str, Bank]) -> None:
    profiles = banks["difficult-or-bad"].profiles
    for difficult in range(101):
        for bad in range(101):
            risks = {"overall": 50, "difficult": difficult, "bad": bad}
            matched = [p.id for p in profiles if holds(p.when, {}, risks)]
            assert len(matched) == 1, (difficult, bad, matched)


@pytest.mark.parametrize("bank_id", ("whale", "signals", "let-go", "checkup"))
def test_economics_split_whale_from_small_client(banks: dict[str, Bank], bank_id: str) -> None:
    """At let-go risk, a big revenue share gets a planned exit and a small one a plain exit."""
    profiles = {p.id: p for p in banks[bank_id].profiles}
    whale, small = profiles["whale_planned_exit"], profiles["small_client_let_go"]
    risks = {"overall": 100} | {d.id: 100 for d in banks[bank_id].dimensions}
    for share in (0.0, 5.0, 29.0, 29.5, 30.0, 45.0, 100.0):
        answers: dict[str, AnswerValue] = {"revenue_share": share, "stage": "current"}
        assert holds(whale.when, answers, risks) == (share >= 30), share
        assert holds(small.when, answers, risks) == (share < 30), share
    calm = {"overall": 0} | {d.id: 0 for d in banks[bank_id].dimensions}
    assert not holds(whale.when, {"revenue_share": 60.0}, calm)
    assert not holds(small.when, {"revenue_share": 5.0}, calm)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zàèéìòóù0-9]+", text.lower())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles are not beside the repo")
@pytest.mark.parametrize("bank_id", CONTENT_BANKS)
def test_no_sentence_is_copied_from_the_articles(banks: dict[str, Bank], bank_id: str) -> None:
    """No run of six words or more from an article, except when quoting an article's title."""
    size = 6
    seed = _words(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    grams = {tuple(seed[i:i + size]) for i in range(len(seed) - size + 1)}
    titles = [_words(t) for t in SOURCE_TITLES.values()]
    allowed = {tuple(t[i:i + size]) for t in titles for i in range(len(t) - size + 1)}
    for where, text in texts(banks[bank_id]):
        for language in ("it", "en"):
            words = _words(text.get(language))
            for i in range(len(words) - size + 1):
                gram = tuple(words[i:i + size])
                assert gram not in grams or gram in allowed, \
                    f"{bank_id}{where} ({language}) copies the article: {' '.join(gram)!r}"


# --- scenarios: each article's own client gets its author's verdict ------------------------


def test_every_scenario_file_has_an_expectation() -> None:
    files = sorted(p.name for p in SCENARIOS.glob("*.yaml"))
    assert files == sorted(EXPECTED)
    for bank_id in CONTENT_BANKS:
        assert any(bank_of(name) == bank_id for name in files), f"no scenario for {bank_id}"


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_scenario_comment_matches_the_expectation(scenario: str) -> None:
    lines = (SCENARIOS / scenario).read_text(encoding="utf-8").splitlines()
    header = " ".join(line.lstrip("#").strip() for line in lines[:lines.index(next(
        line for line in lines if not line.startswith("#")))])
    match = re.match(r"Expected: (\w+)(?: \([^)]*\))?, (?:profiles \[([^\]]*)\]|no profiles)\.", header)
    assert match, f"{scenario}: the first comment should state the expected outcome"
    level, profiles = EXPECTED[scenario]
    assert match.group(1) == level
    named = [p.strip() for p in (match.group(2) or "").split(",") if p.strip()]
    assert named == profiles


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_scenario_gets_the_authors_verdict(banks: dict[str, Bank], scenario: str) -> None:
    bank = banks[bank_of(scenario)]
    answers = read_answers(SCENARIOS / scenario, bank)
    asked = {q.id for q in applicable_questions(bank, answers)}
    assert set(answers) == asked, f"{scenario} answers questions that are not asked"
    result = assess(bank, answers)
    level, profiles = EXPECTED[scenario]
    assert result.verdict.level == Level(level), f"{scenario}: risk {result.risk}"
    assert [p.id for p in result.profiles] == profiles


def test_the_cli_gives_the_same_verdict_for_an_article_client(cli) -> None:
    import json

    result = cli("assess", "--bank-file", str(bank_path("farewell")),
                 "--answers", str(SCENARIOS / "farewell-004.yaml"), "--json", "--lang", "it")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"]["level"] == "let_go"
    assert data["verdict"]["label"] == "Reazione poco sana"
    assert [p["id"] for p in data["profiles"]] == EXPECTED["farewell-004.yaml"][1]


def test_question_types_are_used_where_they_fit(banks: dict[str, Bank]) -> None:
    """Revenue and hours shares are numbers in percent, so profiles can compare them."""
    for bank_id in ("whale", "checkup"):
        for qid in ("revenue_share", "hours_share"):
            question = banks[bank_id].question(qid)
            assert question is not None and question.type is QuestionType.NUMBER
            assert (question.minimum, question.maximum) == (0, 100)
