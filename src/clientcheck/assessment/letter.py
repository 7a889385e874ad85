"""The termination letter draft that the exit plan's "tell them properly" step leads to.

Pure, and light: only text cleaning, so the ``letter`` command loads nothing of scoring.
"""

from __future__ import annotations

import re

from clientcheck.text import strip_control

PLACEHOLDERS = {
    "en": {"client": "[client name]", "notice": "[notice period]", "handover": "[handover date]",
           "sender": "[your name]"},
    "it": {"client": "[nome del cliente]", "notice": "[periodo di preavviso]",
           "handover": "[data del passaggio di consegne]", "sender": "[il tuo nome]"},
}

_LETTERS = {
    "en": """\
# Ending our collaboration

Dear {client},

Thank you for the trust you have placed in me and for the work we have done together.

After careful thought, I have decided to bring our collaboration to an end. The notice period \
will be {notice}: until then I will keep working as usual and complete the work in progress.

To make the transition as smooth as possible, by {handover} I will hand over files, access \
details and a note on where each piece of work stands, and I will gladly support whoever takes \
over during the first weeks. If it helps, I can also recommend a colleague I trust.

Thank you again. I hope our paths cross again.

Kind regards,

{sender}
""",
    "it": """\
# Conclusione della nostra collaborazione

Gentile {client},

la ringrazio per la fiducia che mi ha dato e per il lavoro svolto insieme.

Dopo averci riflettuto con attenzione, ho deciso di concludere la nostra collaborazione. Il \
preavviso sarà di {notice}: fino ad allora continuerò a lavorare come sempre e porterò a termine \
le attività in corso.

Per rendere il passaggio il più semplice possibile, entro il {handover} le consegnerò file, \
accessi e una nota sullo stato di ogni lavoro, e affiancherò volentieri chi prenderà il mio posto \
nelle prime settimane. Se le può essere utile, posso anche indicarle un collega di fiducia.

La ringrazio ancora e spero che le nostre strade si incrocino di nuovo.

Cordiali saluti,

{sender}
""",
}

_WHITESPACE = re.compile(r"\s+")


def _clean(value: str | None) -> str | None:
    """A user's value as one line: no control characters or escape sequences, no line breaks
    (a break could start a Markdown heading), trimmed. Empty means not given."""
    if value is None:
        return None
    cleaned = _WHITESPACE.sub(" ", strip_control(value)).strip()
    return cleaned or None


def letter(language: str, client: str | None = None, notice: str | None = None,
           handover: str | None = None) -> str:
    """A short, polite termination letter draft in Markdown. What is not given stays a
    bracketed placeholder to fill in; Italian for ``it``, English otherwise."""
    lang = "it" if language == "it" else "en"
    placeholders = PLACEHOLDERS[lang]
    given = {"client": _clean(client), "notice": _clean(notice), "handover": _clean(handover)}
    values = {key: given.get(key) or placeholder for key, placeholder in placeholders.items()}
    return _LETTERS[lang].format(**values)
