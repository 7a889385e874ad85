"""What the ``banks`` commands compute, as data: validation reports, a bank written back as
plain data (its conditions by conditions.py), the starter bank, and the JSON envelopes around them.

Pure apart from reading bank files and ``write_new_bank``; no Rich, no printing.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from clientcheck import __version__, documents
from clientcheck.bank.conditions import condition_data
from clientcheck.bank.loader import check_bank
from clientcheck.bank.loader.common import BANK_ID
from clientcheck.bank.model import Bank, BankKind, Question
from clientcheck.bank.schema import dumps, schema
from clientcheck.env import file_in_the_way
from clientcheck.errors import ClientcheckError, Problem, UsageError
from clientcheck.i18n.patterns import problem_message
from clientcheck.reading import read_bounded
from clientcheck.text import Text, plain_number

BANK_SUFFIXES = (".yaml", ".yml")


def problem_data(problem: Problem, language: str) -> dict[str, Any]:
    """A problem for a JSON document: located, its message and hint in ``language`` (the document says which)."""
    return {"path": problem.path, "line": problem.line, "column": problem.column, "severity": problem.severity,
            "message": problem_message(problem.message, language),
            "hint": problem_message(problem.hint, language) if problem.hint else problem.hint}


# --- validate ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FileReport:
    """Everything found wrong in one file: errors first, then warnings, each in file order."""

    path: str
    bank_id: str | None  # None when the file has errors
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    def data(self, language: str) -> dict[str, Any]:
        return {"path": self.path, "ok": not self.errors, "bank_id": self.bank_id, "errors": len(self.errors),
                "warnings": len(self.warnings), "problems": [problem_data(p, language) for p in self.problems]}


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for the bank files directly inside it."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            result.extend(sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file()))
        else:
            result.append(path)
    return result


def validate_file(path: Path, *, strict: bool = False) -> FileReport:
    """Check one bank file; with ``strict`` every warning counts as an error."""
    bank, problems = check_bank(path, str(path))
    stale_schema = schema_line_problem(path) if path.is_file() else None
    if stale_schema is not None:
        problems = (*problems, stale_schema)
    if strict:
        problems = tuple(p._replace(severity="error") for p in problems)
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.line, p.column))
    has_errors = any(p.severity == "error" for p in ordered)
    return FileReport(str(path), bank.id if bank is not None and not has_errors else None, tuple(ordered))


def validation_document(reports: Sequence[FileReport], strict: bool, language: str) -> dict[str, Any]:
    errors = sum(len(r.errors) for r in reports)
    return documents.envelope(documents.Kind.VALIDATION, language=language, strict=strict, ok=errors == 0,
                              errors=errors, warnings=sum(len(r.warnings) for r in reports),
                              files=[r.data(language) for r in reports])


# --- a bank as plain data (the bank-file format) -----------------------------------------


def text_data(text: Text) -> str | dict[str, str]:
    return text.get("*") if text.is_plain() else dict(text.by_language)


def question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id, "dimension": question.dimension, "type": question.type.value}
    if question.number is not None:
        data["number"] = question.number
    if question.weight != 1:
        data["weight"] = plain_number(question.weight)
    if question.reverse:
        data["reverse"] = True
    if not question.scored:
        data["scored"] = False
    if question.actionable:
        data["actionable"] = True
    if question.when is not None:
        data["when"] = condition_data(question.when)
    data["text"] = text_data(question.text)
    if question.help is not None:
        data["help"] = text_data(question.help)
    if question.options:
        data["options"] = [
            {"id": o.id, "label": text_data(o.label), "risk": plain_number(o.risk),
             **({"advice": text_data(o.advice)} if o.advice is not None else {})}
            for o in question.options
        ]
    for key, value in (("min", question.minimum), ("max", question.maximum), ("safe_at", question.safe_at),
                       ("risky_at", question.risky_at)):
        if value is not None:
            data[key] = plain_number(value)
    if question.unit is not None:
        data["unit"] = text_data(question.unit)
    if question.advice is not None:
        data["advice"] = text_data(question.advice)
    return data


def bank_data(bank: Bank) -> dict[str, Any]:
    """The bank in the bank-file format: valid against bank.schema.json, and loading it
    back (JSON is YAML) gives an equal bank."""
    source: dict[str, Any] = {"title": bank.source.title, "author": text_data(bank.source.author),
                              "date": bank.source.date}
    if bank.source.publisher:
        source["publisher"] = bank.source.publisher
    if bank.source.url:
        source["url"] = bank.source.url
    data: dict[str, Any] = {
        "id": bank.id,
        "version": bank.version,
        "languages": list(bank.languages),
        "title": text_data(bank.title),
        "description": text_data(bank.description),
        "source": source,
        "dimensions": [
            {"id": d.id, "label": text_data(d.label),
             **({"description": text_data(d.description)} if d.description is not None else {})}
            for d in bank.dimensions
        ],
        "questions": [question_data(q) for q in bank.questions],
        "bands": [
            {"min": b.minimum, "max": b.maximum, "level": b.level.value,
             **({"label": text_data(b.label)} if b.label is not None else {}),
             "summary": text_data(b.summary),
             **({"steps": [text_data(s) for s in b.steps]} if b.steps else {})}
            for b in bank.bands
        ],
    }
    if bank.dealbreakers:
        data["dealbreakers"] = [{"id": d.id, "when": condition_data(d.when), "level": d.level.value,
                                 "reason": text_data(d.reason)} for d in bank.dealbreakers]
    if bank.profiles:
        data["profiles"] = [{"id": p.id, "when": condition_data(p.when), "label": text_data(p.label),
                             "advice": text_data(p.advice),
                             **({"exit_plan": p.exit_plan.value} if p.exit_plan is not None else {})}
                            for p in bank.profiles]
    if bank.kind is not BankKind.RELATIONSHIP:
        data["kind"] = bank.kind.value
    if bank.prospect is not None:
        data["prospect"] = condition_data(bank.prospect)
    if bank.revenue_question is not None:
        data["revenue_question"] = bank.revenue_question
    if bank.menu_order is not None:
        data["menu_order"] = bank.menu_order
    return data


# --- banks new ---------------------------------------------------------------------------


def new_bank_path(folder: Path, bank_id: str) -> Path:
    return folder / f"{bank_id}.yaml"


def check_new_id(bank_id: str) -> None:
    if not BANK_ID.fullmatch(bank_id):
        raise UsageError(f"'{bank_id}' cannot be a bank id",
                         "use lowercase letters, digits and '-', starting with a letter, e.g. 'my-clients'")


# --- the schema beside the user's banks --------------------------------------------------
# `banks new` points a bank at `bank.schema.json` in the same folder (a relative path, which
# yaml-language-server resolves from the bank file), and keeps that copy as new as the running
# clientcheck: an absolute path into site-packages broke on the next reinstall or Python upgrade.

SCHEMA_COPY = "bank.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema="
_STAMP = re.compile(r"written by clientcheck (\d+(?:\.\d+)*)")
_HEAD_BYTES = 4096  # the modeline is a bank's first line: no need to read further


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _running() -> tuple[int, ...]:
    return _version(re.match(r"\d+(?:\.\d+)*", __version__).group())  # type: ignore[union-attr]


def schema_copy_text() -> str:
    """The bank schema as the user's folder keeps it: stamped with the version that wrote it."""
    return dumps({"$comment": f"written by clientcheck {__version__}; newer versions refresh it",
                  **schema("bank")})


def _schema_is_stale(text: str) -> str | None:
    """Why a schema file's text is not this clientcheck's bank schema (its version, or "other"); None if it is."""
    if text in (schema_copy_text(), dumps(schema("bank"))):
        return None
    stamp = _STAMP.search(text[:400])
    if stamp is None:
        return "other"
    return None if _version(stamp.group(1)) > _running() else stamp.group(1)  # a newer one is left alone


def refresh_schema_copy(folder: Path) -> Path:
    """``folder``'s ``bank.schema.json``, written (atomically) when missing or older than this clientcheck."""
    path = folder / SCHEMA_COPY
    try:
        current = read_bounded(path, str(path), 4 * len(schema_copy_text())).decode("utf-8", "replace")
    except (OSError, ClientcheckError):
        current = None
    if current is not None and _schema_is_stale(current) is None:
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".bank.schema.",
                                         suffix=".tmp", delete=False) as temporary:
            temporary.write(schema_copy_text())
        os.chmod(temporary.name, 0o644)  # a schema is no secret: editors and other tools read it
        os.replace(temporary.name, path)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}",
                         "check that you may write in your bank folder (or set CLIENTCHECK_HOME)") from None
    return path


def schema_line_problem(path: Path) -> Problem | None:
    """A warning when a bank's ``$schema=`` line points to a schema file that is missing or
    older than this clientcheck (editors would then check the bank against the wrong fields)."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    first = head.splitlines()[0] if head else ""
    if not first.startswith(SCHEMA_LINE):
        return None
    target = first[len(SCHEMA_LINE):].strip()
    column = len(SCHEMA_LINE) + 1
    if re.match(r"[a-z][a-z0-9+.-]*://", target) and not target.startswith("file://"):
        return None  # a web address: not ours to check
    local = Path(unquote(target[len("file://"):])) if target.startswith("file://") else Path(target)
    schema_path = local if local.is_absolute() else path.parent / local
    relative = f"make the first line '{SCHEMA_LINE}{SCHEMA_COPY}'"
    if not schema_path.is_file():
        beside = path.parent / SCHEMA_COPY
        return Problem(str(path), 1, column, f"the schema line points to {target}, which does not exist "
                       "(a reinstall or a Python upgrade moves clientcheck's own copy)",
                       relative if beside.is_file() else
                       f"{relative} and write the schema beside the bank: clientcheck schema bank > {beside}",
                       "warning")
    try:
        text = read_bounded(schema_path, str(schema_path), 4 * len(schema_copy_text())).decode("utf-8", "replace")
    except (OSError, ClientcheckError):
        return None
    stale = _schema_is_stale(text)
    if stale is None:
        return None
    said = "is not this clientcheck's bank schema" if stale == "other" else f"is from clientcheck {stale}"
    return Problem(str(path), 1, column, f"the schema line points to {target}, which {said} ({__version__} runs)",
                   f"refresh it: clientcheck schema bank > {schema_path}", "warning")


def write_new_bank(path: Path, text: str, *, force: bool) -> None:
    """Write the starter bank; never replace an existing file unless ``force``."""
    if path.exists() and not force:
        raise UsageError(f"{path} already exists", "edit it, choose another id, or pass --force to replace it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        blocker = file_in_the_way(path.parent)
        if blocker is not None:
            raise UsageError(f"cannot write {path}: {blocker} is a file, not a folder",
                             "point CLIENTCHECK_HOME at a folder (it is made if missing), or move the file aside") \
                from None
        raise UsageError(f"cannot write {path}: {error.strerror or error}",
                         "check that the folder exists and that you may write there "
                         "(or set CLIENTCHECK_HOME to another folder)") from None


_STARTER_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "My client check",
        "description": "A few questions of my own about one client relationship.",
        "source_title": "My own experience",
        "author": "Me",
        "money": "Money",
        "scope": "Scope of the work",
        "pays_late": "How often do you have to chase this client's payments?",
        "pays_late_advice": "Ask for a deposit and put due dates and late fees in writing.",
        "has_contract": "Is there a signed agreement on the work, the timing and the fee?",
        "has_contract_advice": "Propose a short written agreement before the next piece of work.",
        "brief": "How clear is the brief when work starts?",
        "brief_clear": "Clear and written down",
        "brief_vague": "Vague, but it holds",
        "brief_moving": "It keeps changing",
        "brief_moving_advice": "Write the brief yourself, and have it approved before you start.",
        "brief_advice": "Agree the goals in writing before each piece of work.",
        "extra_unpaid": "Do the changes end up as extra work you are not paid for?",
        "extra_unpaid_advice": "Quote every change before doing it.",
        "hours_share": "What share of your working hours goes to this client?",
        "hours_share_help": "An estimate is fine.",
        "hours_share_advice": "Find other clients before changing the terms with this one.",
        "keep": "The relationship is healthy.",
        "keep_step": "Run this check again in a few months.",
        "watch": "Some signs are there: keep an eye on them.",
        "watch_step": "Talk the strongest sign through with the client this month.",
        "renegotiate": "It does not work as it is: the terms need renegotiating.",
        "renegotiate_step": "Write down the terms you need, and propose them.",
        "let_go": "This client costs more than they give: plan your exit.",
        "let_go_step": "Decide a notice period and tell the client calmly.",
        "dealbreaker": "Late payments without a written agreement: nothing protects you.",
        "profile": "Time sink",
        "profile_advice": "Most of your hours for a worrying relationship: replace the work before you leave.",
    },
    "it": {
        "title": "Il mio controllo cliente",
        "description": "Alcune domande mie su un rapporto con un cliente.",
        "source_title": "La mia esperienza",
        "author": "Io",
        "money": "Soldi",
        "scope": "Perimetro del lavoro",
        "pays_late": "Quante volte devi sollecitare i pagamenti di questo cliente?",
        "pays_late_advice": "Chiedi un acconto e metti per iscritto scadenze e interessi di mora.",
        "has_contract": "C'è un accordo firmato su lavoro, tempi e compenso?",
        "has_contract_advice": "Proponi un breve accordo scritto prima del prossimo incarico.",
        "brief": "Quanto è chiaro il brief quando il lavoro comincia?",
        "brief_clear": "Chiaro e scritto",
        "brief_vague": "Vago, ma regge",
        "brief_moving": "Cambia di continuo",
        "brief_moving_advice": "Scrivi tu il brief e fallo approvare prima di iniziare.",
        "brief_advice": "Concorda gli obiettivi per iscritto prima di ogni lavoro.",
        "extra_unpaid": "Le modifiche diventano lavoro in più che nessuno ti paga?",
        "extra_unpaid_advice": "Fai un preventivo per ogni modifica prima di farla.",
        "hours_share": "Che parte delle tue ore di lavoro va a questo cliente?",
        "hours_share_help": "Una stima va bene.",
        "hours_share_advice": "Trova altri clienti prima di cambiare le condizioni con questo.",
        "keep": "Il rapporto è sano.",
        "keep_step": "Ripeti questo controllo tra qualche mese.",
        "watch": "Qualche segnale c'è: tienilo d'occhio.",
        "watch_step": "Parla con il cliente del segnale più forte questo mese.",
        "renegotiate": "Così non funziona: le condizioni vanno ridiscusse.",
        "renegotiate_step": "Scrivi le condizioni che ti servono e proponile.",
        "let_go": "Questo cliente costa più di quanto dà: pianifica l'uscita.",
        "let_go_step": "Decidi un preavviso e comunicalo con calma.",
        "dealbreaker": "Pagamenti in ritardo senza un accordo scritto: niente ti tutela.",
        "profile": "Mangia-tempo",
        "profile_advice": "Gran parte delle tue ore per un rapporto che preoccupa: "
                          "sostituisci il lavoro prima di uscire.",
    },
}

_STARTER_COMMENTS: dict[str, dict[str, str]] = {  # the starter's comments, in the language of its texts
    "en": {
        "intro": """\

{bank_id} - a question bank for clientcheck, written by `clientcheck banks new`.
It works as it is: try `clientcheck assess --bank {bank_id}`. Then make it yours:
change the questions, run `clientcheck banks validate {path}` after each edit,
and see docs/writing-banks.md (every field: docs/bank-format.md).

The first line lets VS Code (YAML extension) and other yaml-language-server editors complete
and check the fields as you type, with bank.schema.json beside this file (kept up to date).
Indent with spaces, never tabs. Put text in "double quotes" when it contains ': ' or '#'.""",
        "id": """\
id: what --bank takes. Lowercase letters, digits and '-'. Keep it equal to the file name.
Give a built-in bank's id (e.g. starter) to replace the built-in one with yours.""",
        "version": """\
version: a whole number; raise it when you change questions or scoring (results record it).""",
        "languages": """\
languages: it, en or both. Every text below is either one string, or one line per
language you list here, like:  title: {{it: "Titolo", en: "Title"}}""",
        "source": """\
source: where the ideas come from (title, author and date are required).""",
        "dimensions": """\
dimensions: the themes the questions are grouped by; each gets its own risk score.""",
        "questions": """\
questions: asked in this order. Each has an id (lowercase, digits, '_'), the dimension
it belongs to, a type and a text. The risk of an answer goes from 0 (healthy) to 100.""",
        "frequency": """\
frequency: never 0, rarely 25, sometimes 50, often 75, always 100.
weight: how much the question counts (default 1). An answer at risk 75 or more is a
serious signal and adds weight x risk / 5 points to the overall risk ("often" 15,
"always" 20); one from 50 to 74 ("sometimes") adds half that; a healthier one adds nothing.""",
        "advice": """\
advice: shown in the verdict when the answer raises a concern (risk 50 or more).
A question without advice only gets a warning from `banks validate`.""",
        "yes_no": """\
yes_no: yes is the risky answer (100)... unless reverse: true, as here,
where "yes" is the healthy one.""",
        "choice": """\
choice: your own answers, each with a risk from 0 to 100 and, if you like,
its own advice (used instead of the question's).""",
        "when": """\
when: a follow-up, asked only when a condition on an EARLIER question holds.
Conditions: {{question: ID, equals: X}}, {{question: ID, in: [X, Y]}},
{{question: ID, at_least: N}}, {{question: ID, at_most: N}}, and all/any/not lists.""",
        "number": """\
number: a value between min and max. Risk is 0 at safe_at, 100 at risky_at,
in a straight line between them. help: a line shown under the question.""",
        "bands": """\
bands: the verdict for each range of overall risk (the signals' points added up, at most
100). Whole numbers from 0 to 100, no gaps, no overlaps; the level never goes
down as risk goes up. Levels: keep, watch, renegotiate, let_go.""",
        "dealbreakers": """\
dealbreakers (optional): raise the verdict to at least `level`, whatever the total.""",
        "profiles": """\
profiles (optional): named patterns shown with their advice; they never change the level.
Besides answers, dealbreakers and profiles may look at risk: {{risk: overall, at_least: 50}}
or one dimension's, {{risk: scope, at_least: 50}}.""",
    },
    "it": {
        "intro": """\

{bank_id} - un questionario per clientcheck, scritto da `clientcheck banks new`.
Funziona così com'è: provalo con `clientcheck assess --bank {bank_id}`. Poi fallo tuo:
cambia le domande, lancia `clientcheck banks validate {path}` dopo ogni modifica
e leggi docs/writing-banks.md (tutti i campi: docs/bank-format.md; le guide sono in inglese).

La prima riga permette a VS Code (estensione YAML) e agli altri editor con
yaml-language-server di completare e controllare i campi mentre scrivi, con bank.schema.json
qui accanto (sempre aggiornato). Rientra con gli spazi, mai con i tab. Metti un testo tra
"virgolette doppie" quando contiene ': ' o '#'.
I nomi dei campi (id, text, advice...) restano in inglese: sono quelli che clientcheck legge.""",
        "id": """\
id: quello che --bank accetta. Lettere minuscole, cifre e '-'. Tienilo uguale al nome del file.
Con l'id di un questionario incluso (per esempio starter) il tuo prende il suo posto.""",
        "version": """\
version: un numero intero; aumentalo quando cambi domande o punteggi (i risultati lo registrano).""",
        "languages": """\
languages: it, en o entrambe. Ogni testo qui sotto è una sola stringa, oppure una riga per
ciascuna lingua elencata qui, così:  title: {{it: "Titolo", en: "Title"}}""",
        "source": """\
source: da dove vengono le idee (titolo, autore e data sono obbligatori).""",
        "dimensions": """\
dimensions: i temi in cui si raggruppano le domande; ognuno ha il suo punteggio di rischio.""",
        "questions": """\
questions: poste in quest'ordine. Ognuna ha un id (minuscole, cifre, '_'), la dimensione
a cui appartiene, un tipo (type) e un testo (text). Il rischio di una risposta va da 0 (sano)
a 100.""",
        "frequency": """\
frequency: never (mai) 0, rarely (raramente) 25, sometimes (a volte) 50, often (spesso) 75,
always (sempre) 100.
weight: quanto conta la domanda (1 se non lo scrivi). Una risposta con rischio 75 o più è
un segnale serio e aggiunge weight x rischio / 5 punti al rischio complessivo ("spesso" 15,
"sempre" 20); una da 50 a 74 ("a volte") ne aggiunge la metà; una più sana, niente.""",
        "advice": """\
advice: il consiglio mostrato nel verdetto quando la risposta preoccupa (rischio 50 o più).
A una domanda senza advice `banks validate` dà solo un avviso.""",
        "yes_no": """\
yes_no: "sì" è la risposta a rischio (100)... a meno di reverse: true, come qui,
dove "sì" è la risposta sana.""",
        "choice": """\
choice: risposte tue, ognuna con un rischio da 0 a 100 e, se vuoi,
un suo consiglio (usato al posto di quello della domanda).""",
        "when": """\
when: una domanda di approfondimento, posta solo se vale una condizione su una domanda
PRECEDENTE.
Condizioni: {{question: ID, equals: X}}, {{question: ID, in: [X, Y]}},
{{question: ID, at_least: N}}, {{question: ID, at_most: N}}, e le liste all/any/not.""",
        "number": """\
number: un valore tra min e max. Il rischio è 0 a safe_at e 100 a risky_at,
in linea retta tra i due. help: una riga mostrata sotto la domanda.""",
        "bands": """\
bands: il verdetto per ogni fascia di rischio complessivo (i punti dei segnali sommati, al
massimo 100). Numeri interi da 0 a 100, senza buchi né sovrapposizioni; il livello non scende
mai quando il rischio sale. Livelli: keep (tieni), watch (tieni d'occhio), renegotiate
(rinegozia), let_go (lascia andare).""",
        "dealbreakers": """\
dealbreakers (facoltativi): motivi di rottura, che alzano il verdetto almeno a `level`,
qualunque sia il totale.""",
        "profiles": """\
profiles (facoltativi): situazioni tipiche con un nome, mostrate con il loro consiglio; non
cambiano mai il livello. Oltre alle risposte, dealbreakers e profiles possono guardare il
rischio: {{risk: overall, at_least: 50}} o quello di una dimensione, {{risk: scope, at_least: 50}}.""",
    },
}
_COMMENT_SLOT = re.compile(r"^( *)#@(\w+)$", re.MULTILINE)  # where a block of comments goes
_STARTER = """\
# yaml-language-server: $schema={schema}
#@intro

#@id
id: {bank_id}
#@version
version: 1
#@languages
languages: [{lang}]
title: "{title}"
description: "{description}"
#@source
source:
  title: "{source_title}"
  author: "{author}"
  date: "{date}"

#@dimensions
dimensions:
  - id: money
    label: "{money}"
  - id: scope
    label: "{scope}"

#@questions
questions:
  #@frequency
  - id: pays_late
    dimension: money
    type: frequency
    weight: 2
    text: "{pays_late}"
    #@advice
    advice: "{pays_late_advice}"

  #@yes_no
  - id: has_contract
    dimension: money
    type: yes_no
    reverse: true
    text: "{has_contract}"
    advice: "{has_contract_advice}"

  #@choice
  - id: brief
    dimension: scope
    type: choice
    text: "{brief}"
    options:
      - id: clear
        label: "{brief_clear}"
        risk: 0
      - id: vague
        label: "{brief_vague}"
        risk: 50
      - id: moving
        label: "{brief_moving}"
        risk: 100
        advice: "{brief_moving_advice}"
    advice: "{brief_advice}"

  #@when
  - id: extra_unpaid
    dimension: scope
    type: yes_no
    when: {{question: brief, in: [vague, moving]}}
    text: "{extra_unpaid}"
    advice: "{extra_unpaid_advice}"

  #@number
  - id: hours_share
    dimension: scope
    type: number
    min: 0
    max: 100
    unit: "%"
    safe_at: 20
    risky_at: 60
    text: "{hours_share}"
    help: "{hours_share_help}"
    advice: "{hours_share_advice}"

#@bands
bands:
  - min: 0
    max: 24
    level: keep
    summary: "{keep}"
    steps:
      - "{keep_step}"
  - min: 25
    max: 44
    level: watch
    summary: "{watch}"
    steps:
      - "{watch_step}"
  - min: 45
    max: 64
    level: renegotiate
    summary: "{renegotiate}"
    steps:
      - "{renegotiate_step}"
  - min: 65
    max: 100
    level: let_go
    summary: "{let_go}"
    steps:
      - "{let_go_step}"

#@dealbreakers
dealbreakers:
  - id: late_without_contract
    when:
      all:
        - {{question: pays_late, in: [often, always]}}
        - {{question: has_contract, equals: no}}
    level: renegotiate
    reason: "{dealbreaker}"

#@profiles
profiles:
  - id: time_sink
    when:
      all:
        - {{question: hours_share, at_least: 40}}
        - {{risk: overall, at_least: 45}}
    label: "{profile}"
    advice: "{profile_advice}"
"""


def starter_text(bank_id: str, language: str, schema_uri: str, path: str, date: str) -> str:
    """The commented starter bank ``banks new`` writes, its texts in ``language``."""
    lang = language if language in _STARTER_TEXTS else "en"
    comments = _STARTER_COMMENTS[lang]
    template = _COMMENT_SLOT.sub(lambda slot: "\n".join(f"{slot[1]}# {line}".rstrip()
                                                       for line in comments[slot[2]].split("\n")), _STARTER)
    return template.format(schema=schema_uri, bank_id=bank_id, path=path, lang=lang, date=date,
                           **_STARTER_TEXTS[lang])
