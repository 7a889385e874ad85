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
    "verdict.partial": ("The picture is partial: only {percent}% of it has an answer. What you know so far "
                        "points to \"{level}\"; the unknowns below could change it.",
                        "Il quadro è parziale: solo il {percent}% ha una risposta. Quello che sai finora "
                        "indica \"{level}\"; le risposte che mancano potrebbero cambiarlo."),
    "verdict.flip_down": ("It would become \"{level}\" if: {changes}.",
                          "Diventerebbe \"{level}\" se: {changes}."),
    "verdict.flip_up": ("It would become \"{level}\" if: {changes}.",
                        "Diventerebbe \"{level}\" se: {changes}."),
    "verdict.no_flip": ("Changing the answers you can act on (terms, scope, channels, limits) would not move "
                        "this verdict by itself.",
                        "Cambiare le risposte su cui puoi agire (accordi, perimetro, canali, limiti) non basterebbe "
                        "a spostare questo verdetto."),
    "verdict.change": ("\"{question}\" went from {before} to {after}",
                       "a «{question}» la risposta passasse da {before} a {after}"),
    "verdict.bounds": ("With the \"don't know\" answers filled in, it could go from \"{best}\" to \"{worst}\".",
                       "Con le risposte \"non so\" date, potrebbe andare da \"{best}\" a \"{worst}\"."),
    "verdict.bounds_same": ("The \"don't know\" answers cannot change the level: \"{level}\" either way.",
                            "Le risposte \"non so\" non cambiano il livello: \"{level}\" in ogni caso."),
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
    # banks and schema commands (cli_banks, render_banks)
    "origin.built-in": ("built-in", "incluso"),
    "origin.user": ("user folder", "cartella utente"),
    "origin.path": ("CLIENTCHECK_BANKS_PATH", "CLIENTCHECK_BANKS_PATH"),
    "banks.facts": ("{count} questions · {languages} · {origin}", "{count} domande · {languages} · {origin}"),
    "banks.none": ("No question banks found. Start one with 'clientcheck banks new ID'.",
                   "Nessun questionario trovato. Creane uno con 'clientcheck banks new ID'."),
    "banks.overrides": ("in use instead of {path} ({origin})", "usato al posto di {path} ({origin})"),
    "banks.overridden": ("not used: {path} ({origin}) overrides it", "non usato: al suo posto c'è {path} ({origin})"),
    "banks.broken": ("BROKEN ({errors}); the first at {error}", "NON VALIDO ({errors}); il primo a {error}"),
    "banks.broken_hint": ("see them all: clientcheck banks validate {path}",
                          "per vederli tutti: clientcheck banks validate {path}"),
    "type.yes_no": ("yes/no", "sì/no"),
    "type.frequency": ("frequency", "frequenza"),
    "type.choice": ("choice", "scelta"),
    "type.number": ("number", "numero"),
    "cond.and": ("and", "e"),
    "cond.or": ("or", "o"),
    "cond.not": ("not", "non"),
    "cond.risk": ("risk", "rischio"),
    "cond.signals": ("signals", "segnali"),
    "cond.serious_signals": ("serious signals", "segnali seri"),
    "show.source": ("Source: \"{title}\", {author}, {date}", "Fonte: \"{title}\", {author}, {date}"),
    "show.meta": ("Languages: {languages} · file: {path}", "Lingue: {languages} · file: {path}"),
    "show.dimensions": ("Dimensions", "Dimensioni"),
    "show.dimension_count": ("(questions: {count})", "(domande: {count})"),
    "show.questions": ("Questions ({count})", "Domande ({count})"),
    "show.weight": ("weight {weight}", "peso {weight}"),
    "show.reverse": ("reversed", "invertita"),
    "show.unscored": ("context: adds no risk", "contesto: non aggiunge rischio"),
    "show.actionable": ("actionable", "puoi cambiarla tu"),
    "show.follow_up": ("follow-up, asked only when {condition}", "approfondimento, solo se {condition}"),
    "show.range": ("from {min} to {max}{unit}; risk 0 at {safe}, 100 at {risky}",
                   "da {min} a {max}{unit}; rischio 0 a {safe}, 100 a {risky}"),
    "show.bands": ("Bands (overall risk → verdict)", "Fasce (rischio complessivo → verdetto)"),
    "show.dealbreakers": ("Dealbreakers", "Condizioni irrinunciabili"),
    "show.at_least": ("raises the verdict to at least: {level}", "alza il verdetto almeno a: {level}"),
    "show.when": ("when {condition}", "quando {condition}"),
    "show.profiles": ("Profiles", "Profili"),
    "validate.ok": ("{path}: ok", "{path}: ok"),
    "validate.summary": ("Checked {files}: {errors}, {warnings}.", "Controllati {files}: {errors}, {warnings}."),
    "validate.broken": ("{count} of them with errors.", "Con errori: {count}."),
    "count.file": ("{count} file", "{count} file"),
    "count.files": ("{count} files", "{count} file"),
    "count.error": ("{count} error", "{count} errore"),
    "count.errors": ("{count} errors", "{count} errori"),
    "count.warning": ("{count} warning", "{count} avviso"),
    "count.warnings": ("{count} warnings", "{count} avvisi"),
    "validate.warnings_pass": ("Warnings do not fail the check; --strict makes them errors.",
                               "Gli avvisi non fanno fallire il controllo; con --strict diventano errori."),
    "validate.no_files": ("no bank files to check", "nessun file di questionario da controllare"),
    "validate.no_files_hint": ("give the paths of .yaml files or of folders that hold them",
                               "indica dei file .yaml o delle cartelle che li contengono"),
    "new.written": ("Wrote {path}", "Scritto {path}"),
    "new.overrides": ("Its id is the id of a built-in bank: yours will be used instead of it.",
                      "Ha l'id di un questionario incluso: verrà usato il tuo al suo posto."),
    "new.next": ("Next:\n  1. try it:       clientcheck assess --bank {id}\n"
                 "  2. edit it:      {path}\n"
                 "  3. check it:     clientcheck banks validate {path}\n"
                 "  4. read it back: clientcheck banks show {id}",
                 "Poi:\n  1. provalo:      clientcheck assess --bank {id}\n"
                 "  2. modificalo:   {path}\n"
                 "  3. controllalo:  clientcheck banks validate {path}\n"
                 "  4. rileggilo:    clientcheck banks show {id}"),
    "path.intro": ("Question banks are read from these folders, in order; for the same id a later folder wins:",
                   "I questionari vengono letti da queste cartelle, in ordine; a parità di id vince l'ultima:"),
    "path.set_by": ("from {variable}", "da {variable}"),
    "path.missing": ("does not exist yet", "non esiste ancora"),
    "path.bank_file": ("--bank-file PATH, on commands that take a bank, wins over all of them.",
                       "--bank-file PERCORSO, nei comandi che usano un questionario, vince su tutte."),
    "show.need_bank": ("which bank? Give its id, or --bank-file PATH",
                       "quale questionario? Indica l'id o --bank-file PERCORSO"),
    "show.need_bank_hint": ("the ids are listed by 'clientcheck banks list'",
                            "gli id sono elencati da 'clientcheck banks list'"),
    # exit kit (exit-plan, letter, and the end of a let-go verdict)
    "letter.unfilled": ("warning: still to fill in: {placeholders}",
                        "attenzione: da completare ancora: {placeholders}"),
    "exit.title": ("Exit plan", "Piano di uscita"),
    "exit.intro": ("How to end a client relationship well, step by step.",
                   "Come chiudere bene con un cliente, un passo alla volta."),
    "exit.letter_hint": ("Draft the letter: clientcheck letter --lang {lang}",
                         "Bozza della lettera: clientcheck letter --lang {lang}"),
    # saved clients (store, saving, cli_clients, render_clients)
    "quiz.resumed": ("Resuming: {count} answer(s) already given.", "Si riprende: {count} risposta/e già date."),
    "save.ask_name": ("Which client is this about?", "Di quale cliente si tratta?"),
    "save.ask_name_hint": ("(a name to save the result under; leave blank not to save)",
                           "(un nome con cui salvare il risultato; lascia vuoto per non salvare)"),
    "save.ask_resume": ("{client} has an unfinished quiz ({bank}, {count} answer(s), {when}). Resume where it stopped?",
                        "{client} ha un questionario lasciato a metà ({bank}, {count} risposta/e, {when}). "
                        "Riprendere da dove si era fermato?"),
    "save.resume_later": ("The answers given so far are saved: run 'clientcheck assess --client \"{client}\"' "
                          "to resume.",
                          "Le risposte date finora sono salvate: esegui 'clientcheck assess --client \"{client}\"' "
                          "per riprendere."),
    "save.resume_needs_quiz": ("--resume picks up an unfinished quiz: it cannot be used with --answers",
                               "--resume riprende un questionario lasciato a metà: non si usa con --answers"),
    "save.resume_needs_client": ("--resume and --no-save cannot be used together",
                                 "--resume e --no-save non si possono usare insieme"),
    "save.bad_name": ("a client name must have some visible text, at most {max} characters",
                      "il nome di un cliente deve avere del testo visibile, al massimo {max} caratteri"),
    "save.bad_name_hint": ("e.g. --client \"Acme srl\"; any language and symbol is fine",
                           "per esempio --client \"Acme srl\"; vanno bene ogni lingua e simbolo"),
    "save.saved": ("Saved for {client}. See the trend with: clientcheck history \"{client}\"",
                   "Salvato per {client}. L'andamento: clientcheck history \"{client}\""),
    "save.not_saved": ("the result above was not saved: {reason}",
                       "il risultato qui sopra non è stato salvato: {reason}"),
    "client.not_found": ("no saved client called '{client}'", "nessun cliente salvato con il nome '{client}'"),
    "client.not_found_hint": ("'clientcheck clients' lists the saved ones",
                              "'clientcheck clients' elenca quelli salvati"),
    "client.none_saved": ("nothing is saved yet: 'clientcheck assess --client NAME' saves a result",
                          "non c'è ancora niente di salvato: 'clientcheck assess --client NOME' salva un risultato"),
    "clients.none": ("No clients saved yet. Save one with: clientcheck assess --client \"Acme\"",
                     "Nessun cliente salvato. Salvane uno con: clientcheck assess --client \"Acme\""),
    "clients.title": ("Clients ({count})", "Clienti ({count})"),
    "clients.more": ("Details: clientcheck history NAME · ranking: clientcheck portfolio",
                     "Dettagli: clientcheck history NOME · classifica: clientcheck portfolio"),
    "col.client": ("Client", "Cliente"),
    "col.verdict": ("Verdict", "Verdetto"),
    "col.risk": ("Risk", "Rischio"),
    "col.trend": ("Trend", "Trend"),
    "col.last": ("Last", "Ultimo"),
    "col.count": ("Checks", "Verifiche"),
    "col.bank": ("Bank", "Questionario"),
    "col.date": ("Date", "Data"),
    "col.changes": ("Signals", "Segnali"),
    "col.share": ("Revenue", "Quota"),
    "history.count": ("{count} assessment(s)", "{count} valutazione/i"),
    "history.spark": ("Risk over time", "Rischio nel tempo"),
    "history.first": ("first with this bank", "prima con questo questionario"),
    "history.same": ("unchanged", "invariati"),
    "history.counts": ("+{new} new, −{resolved} resolved", "+{new} nuovi, −{resolved} risolti"),
    "history.no_previous": ("First assessment with the {bank} bank: nothing to compare yet.",
                            "Prima valutazione con il questionario {bank}: ancora niente da confrontare."),
    "history.since": ("Since the previous {bank} assessment ({date}): risk {before} → {after}",
                      "Rispetto alla valutazione {bank} precedente ({date}): rischio {before} → {after}"),
    "history.nothing_changed": ("The same signals as last time.", "Gli stessi segnali dell'ultima volta."),
    "history.new": ("Newly triggered:", "Nuovi segnali:"),
    "history.resolved": ("Resolved:", "Risolti:"),
    "portfolio.title": ("Portfolio: {count} client(s), riskiest first",
                        "Portafoglio: {count} cliente/i, dal più a rischio"),
    "portfolio.whale": ("whale", "balena"),
    "portfolio.more": ("… and {count} more (without --limit: all)", "… e altri {count} (senza --limit: tutti)"),
    "portfolio.concentration": ("Revenue concentration", "Concentrazione del fatturato"),
    "portfolio.no_shares": ("Unknown: no assessment says what share of your revenue a client is "
                            "(most banks ask it).",
                            "Sconosciuta: nessuna valutazione dice che quota del fatturato vale un cliente "
                            "(lo chiedono quasi tutti i questionari)."),
    "portfolio.largest": ("Largest client: {client}, {share} of revenue.",
                          "Cliente più grande: {client}, {share} del fatturato."),
    "portfolio.level.high": ("Highly concentrated: losing it would hurt badly.",
                             "Molto concentrato: perderlo farebbe molto male."),
    "portfolio.level.medium": ("Concentrated: keep diversifying.", "Concentrato: continua a diversificare."),
    "portfolio.level.low": ("Spread out.", "Ben distribuito."),
    "portfolio.level.unknown": ("", ""),
    "portfolio.known": ("Share known for {known} of {count} client(s); together {total}.",
                        "Quota nota per {known} cliente/i su {count}; in tutto {total}."),
    "portfolio.act_first": ("Act on these first", "Da affrontare per primi"),
    "portfolio.nothing": ("Nothing urgent: no whale at risk, nothing to renegotiate or let go.",
                          "Niente di urgente: nessuna balena a rischio, niente da rinegoziare o lasciare."),
    "portfolio.why.whale": ("whale: {share} of revenue at risk {risk}; plan before you act",
                            "balena: {share} del fatturato con rischio {risk}; pianifica prima di agire"),
    "portfolio.why.let_go": ("let go: risk {risk}", "lascia andare: rischio {risk}"),
    "portfolio.why.renegotiate": ("renegotiate: risk {risk}", "rinegozia: rischio {risk}"),
    "portfolio.why.rising": ("getting worse: risk up {delta} since last time, now {risk}",
                             "sta peggiorando: rischio salito di {delta} dall'ultima volta, ora {risk}"),
    "report.title": ("Client report: {client}", "Rapporto sul cliente: {client}"),
    "report.generated": ("Written {date} by clientcheck · {count} assessment(s) since {first}",
                         "Scritto il {date} da clientcheck · {count} valutazione/i dal {first}"),
    "report.latest": ("Latest assessment: {date} — {bank} (v{version})",
                      "Ultima valutazione: {date} — {bank} (v{version})"),
    "report.confidence": ("confidence {percent}%", "affidabilità {percent}%"),
    "report.dimension": ("Dimension", "Dimensione"),
    "report.trend": ("Trend", "Andamento"),
    "report.footer": ("A self-assessment, not a judgement of the client: the answers are yours.",
                      "Un'autovalutazione, non un giudizio sul cliente: le risposte sono tue."),
    # charts (ui/charts.py, ui/client_screens.py)
    "history.earlier": ("… {count} earlier assessment(s) in the chart only (--limit {total} lists them all)",
                        "… {count} valutazione/i precedenti solo nel grafico (--limit {total} le elenca tutte)"),
    "portfolio.chart": ("Share of revenue and risk", "Quota del fatturato e rischio"),
    "portfolio.chart_axes": ("→ share of your revenue · ↑ risk · numbers as in the table",
                             "→ quota del tuo fatturato · ↑ rischio · numeri come nella tabella"),
    "portfolio.whale_zone": ("whales", "balene"),
    "portfolio.off_chart": ("Not in the chart (share of revenue unknown): {ranks}",
                            "Fuori dal grafico (quota del fatturato non nota): {ranks}"),
    "portfolio.over_100": ("⚠ The known shares add up to {total}, more than 100%: some answers to \"what share of "
                           "your revenue\" are out of date or wrong; assess those clients again.",
                           "⚠ Le quote note sommano a {total}, più del 100%: alcune risposte su \"quale quota del "
                           "tuo fatturato\" sono vecchie o sbagliate; rivaluta quei clienti."),
    # dates as people write them (ui/dates.py)
    "date.long": ("{day} {month} {year}", "{day} {month} {year}"),
    "date.with_time": ("{date}, {time}", "{date}, ore {time}"),
    "month.short.1": ("Jan", "gen"),
    "month.short.2": ("Feb", "feb"),
    "month.short.3": ("Mar", "mar"),
    "month.short.4": ("Apr", "apr"),
    "month.short.5": ("May", "mag"),
    "month.short.6": ("Jun", "giu"),
    "month.short.7": ("Jul", "lug"),
    "month.short.8": ("Aug", "ago"),
    "month.short.9": ("Sep", "set"),
    "month.short.10": ("Oct", "ott"),
    "month.short.11": ("Nov", "nov"),
    "month.short.12": ("Dec", "dic"),
    "month.long.1": ("January", "gennaio"),
    "month.long.2": ("February", "febbraio"),
    "month.long.3": ("March", "marzo"),
    "month.long.4": ("April", "aprile"),
    "month.long.5": ("May", "maggio"),
    "month.long.6": ("June", "giugno"),
    "month.long.7": ("July", "luglio"),
    "month.long.8": ("August", "agosto"),
    "month.long.9": ("September", "settembre"),
    "month.long.10": ("October", "ottobre"),
    "month.long.11": ("November", "novembre"),
    "month.long.12": ("December", "dicembre"),
    "import.done": ("Imported {added} assessment(s), {clients} new client(s); {present} were already here.",
                    "Importate {added} valutazione/i, {clients} nuovo/i cliente/i; {present} erano già presenti."),
    "import.cannot_read": ("cannot read {file}: {reason}", "impossibile leggere {file}: {reason}"),
    "export.left_out": ("the export is valid JSON but incomplete: assessments left out because they cannot be "
                        "read: {count}",
                        "l'esportazione è JSON valido ma incompleta: valutazioni escluse perché illeggibili: "
                        "{count}"),
    "forget.confirm": ("Delete every trace of {client} ({count} assessment(s))? This cannot be undone. [y/N]",
                       "Cancellare ogni traccia di {client} ({count} valutazione/i)? Non si può annullare. [s/N]"),
    "forget.cancelled": ("Nothing was deleted.", "Non è stato cancellato niente."),
    "forget.done": ("Forgot {client}: {count} assessment(s) deleted.",
                    "{client} dimenticato: {count} valutazione/i cancellate."),
    "forget.needs_yes": ("forget asks for confirmation, and there is no terminal to ask on",
                         "forget chiede conferma, e non c'è un terminale su cui chiederla"),
    "forget.needs_yes_hint": ("add --yes to confirm: clientcheck forget \"{client}\" --yes",
                              "aggiungi --yes per confermare: clientcheck forget \"{client}\" --yes"),
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
