"""The interface's own words in Italian and English, and how the language is chosen."""

from __future__ import annotations

from collections.abc import Mapping

from clientcheck.text import DEFAULT_LANGUAGE, LANGUAGES

LANG_ENV = "CLIENTCHECK_LANG"

_STRINGS: dict[str, tuple[str, str]] = {  # key: (en, it)
    # verdict levels
    "level.keep": ("Keep", "Tieni"),
    "level.watch": ("Watch", "Tieni d'occhio"),
    "level.renegotiate": ("Renegotiate", "Rinegozia"),
    "level.let_go": ("Let go", "Lascia andare"),
    # verdict screen
    "verdict.title": ("Verdict", "Verdetto"),
    "verdict.risk": ("risk {risk}/100", "rischio {risk}/100"),
    "verdict.raised": ("Raised by a dealbreaker:", "Alzato da una condizione irrinunciabile:"),
    "verdict.dimensions": ("By dimension", "Per dimensione"),
    "verdict.not_answered": ("not answered", "senza risposte"),
    "verdict.signals": ("What weighs most", "Cosa pesa di più"),
    "verdict.no_signals": ("No answer raised a concern.", "Nessuna risposta ha acceso un segnale."),
    "verdict.profiles": ("What this looks like", "Che cosa emerge"),
    "verdict.steps": ("Next steps", "Prossimi passi"),
    "verdict.confidence": (
        "Confidence {percent}%: {count} answer(s) were \"don't know\", so the picture is partial.",
        "Affidabilità {percent}%: {count} risposta/e \"non so\", quindi il quadro è parziale.",
    ),
    "verdict.answer": ("your answer: {answer}", "la tua risposta: {answer}"),
    "verdict.source": ("Bank: {title} — from \"{source}\", {author}, {date}",
                       "Questionario: {title} — da \"{source}\", {author}, {date}"),
    # answers
    "answer.yes": ("Yes", "Sì"),
    "answer.no": ("No", "No"),
    "answer.dont_know": ("Don't know", "Non so"),
    "answer.never": ("Never", "Mai"),
    "answer.rarely": ("Rarely", "Raramente"),
    "answer.sometimes": ("Sometimes", "A volte"),
    "answer.often": ("Often", "Spesso"),
    "answer.always": ("Always", "Sempre"),
    # quiz
    "quiz.pick_bank": ("Which check do you want to run?", "Quale controllo vuoi fare?"),
    "quiz.progress": ("question {index} of {total}", "domanda {index} di {total}"),
    "quiz.back": ("← Previous question", "← Domanda precedente"),
    "quiz.number_hint": ("a number from {min} to {max}; ? = don't know; < = previous question",
                         "un numero da {min} a {max}; ? = non so; < = domanda precedente"),
    "quiz.intro": ("{title}\n{description}\nArrows to choose, Enter to confirm, Ctrl-C to stop.",
                   "{title}\n{description}\nFrecce per scegliere, Invio per confermare, Ctrl-C per uscire."),
    "quiz.interrupted": ("Interrupted: nothing was scored.", "Interrotto: nessun risultato calcolato."),
    # errors at the edge
    "error.no_tty": (
        "There is no terminal to ask the questions on (standard input is not a terminal).",
        "Non c'è un terminale su cui fare le domande (l'input standard non è un terminale).",
    ),
    "error.no_tty_hint": (
        "Answer from a file instead:\n"
        "  clientcheck answers-template --bank {bank} > answers.yaml\n"
        "  (fill it in)\n"
        "  clientcheck assess --bank {bank} --answers answers.yaml --json",
        "Rispondi da un file:\n"
        "  clientcheck answers-template --bank {bank} > answers.yaml\n"
        "  (compilalo)\n"
        "  clientcheck assess --bank {bank} --answers answers.yaml --json",
    ),
    "error.prefix": ("error", "errore"),
    "error.hint": ("hint", "suggerimento"),
    "error.internal": (
        "clientcheck hit a bug: {error}. Run again with CLIENTCHECK_DEBUG=1 to see the details, "
        "and please report it.",
        "clientcheck ha incontrato un errore interno: {error}. Riprova con CLIENTCHECK_DEBUG=1 "
        "per i dettagli, e segnalalo.",
    ),
    "error.problems": ("{count} problem(s) found.", "{count} problema/i trovato/i."),
    # answers template
    "template_title": ("Answers for", "Risposte per"),
    "template_how": ("Fill in each answer after the colon, then run:",
                     "Scrivi ogni risposta dopo i due punti, poi esegui:"),
    "template_followup": ("follow-up: answer only if asked when", "domanda di approfondimento: rispondi solo se"),
    "template_allowed": ("answers", "risposte"),
    # exit kit (exit-plan, letter, and the end of a let-go verdict)
    "exit.title": ("Exit plan", "Piano di uscita"),
    "exit.intro": ("How to end a client relationship well, step by step.",
                   "Come chiudere bene con un cliente, un passo alla volta."),
    "exit.letter_hint": ("Draft the letter: clientcheck letter --lang {lang}",
                         "Bozza della lettera: clientcheck letter --lang {lang}"),
}


def tr(language: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``language`` (English when missing), formatted."""
    english, italian = _STRINGS[key]
    text = italian if language == "it" else english
    return text.format(**values) if values else text


def labels(language: str, *keys: str) -> dict[str, str]:
    return {key: tr(language, key) for key in keys}


def detect_language(environ: Mapping[str, str]) -> str:
    """CLIENTCHECK_LANG, then the locale variables, then English."""
    for variable in (LANG_ENV, "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable, "")
        code = value.split(":")[0][:2].lower()
        if code in LANGUAGES:
            return code
        if variable == LANG_ENV and value:
            continue  # an unsupported CLIENTCHECK_LANG falls through to the locale
    return DEFAULT_LANGUAGE
