"""The termination letter draft that the exit plan's "tell them properly" step leads to: a subject
line and a body, in plain text or Markdown, to a company or a person, with the placeholders left.

Pure, and light: only text cleaning, so the ``letter`` command loads nothing of scoring.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

from clientcheck.text import markdown_text, strip_control


class LetterFormat(StrEnum):
    """How the letter is written: plain text to paste into an email, or Markdown."""

    TEXT = "text"
    MARKDOWN = "markdown"


class Recipient(StrEnum):
    """Who the letter goes to: Italian writes "Spett.le … Vi" to a company and "Gentile … Lei" to a person."""

    COMPANY = "company"
    PERSON = "person"


PLACEHOLDERS = {
    "en": {"client": "[client name]", "notice": "[notice period]", "handover": "[handover date]",
           "sender": "[your name]"},
    "it": {"client": "[nome del cliente]", "notice": "[periodo di preavviso]",
           "handover": "[data del passaggio di consegne]", "sender": "[il tuo nome]"},
}

_SUBJECTS = {
    "en": ("Subject", "Ending our collaboration"),
    "it": ("Oggetto", "Conclusione della nostra collaborazione"),
}

_GREETINGS = {
    ("en", Recipient.PERSON): "Dear {client},",
    ("en", Recipient.COMPANY): "Dear {client} team,",
    ("it", Recipient.PERSON): "Gentile {client},",
    ("it", Recipient.COMPANY): "Spett.le {client},",
}

_BODIES = {
    "en": """\
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
{la} ringrazio per la fiducia che mi {ha} accordato e per il lavoro svolto insieme.

Dopo averci riflettuto con attenzione, ho deciso di concludere la nostra collaborazione. Il \
preavviso sarà di {notice}: fino ad allora continuerò a lavorare come sempre e porterò a termine \
le attività in corso.

Per rendere il passaggio il più semplice possibile, entro il {handover} {le} consegnerò file, \
accessi e una nota sullo stato di ogni lavoro, e affiancherò volentieri chi prenderà il mio posto \
nelle prime settimane. Se {le} può essere utile, posso anche indicar{le} una persona di fiducia del \
mio settore.

{la} ringrazio ancora e spero che le nostre strade si incrocino di nuovo.

Cordiali saluti,

{sender}
""",
}

_COURTESY = {  # Italian's forms of address: Lei to a person, Voi to a company (capitalised, as in a letter)
    Recipient.PERSON: {"la": "La", "le": "Le", "ha": "ha"},
    Recipient.COMPANY: {"la": "Vi", "le": "Vi", "ha": "avete"},
}

# Words that mark a company's name: legal forms (with or without dots) and the usual nouns.
_COMPANY_WORDS = frozenset((
    "srl", "srls", "spa", "sapa", "snc", "sas", "scarl", "scrl", "coop", "onlus", "aps", "ets", "ltd", "llc",
    "llp", "plc", "inc", "corp", "co", "gmbh", "ag", "sa", "sarl", "bv", "nv", "limited", "company",
    "corporation", "group", "gruppo", "studio", "agenzia", "agency", "associazione", "association",
    "cooperativa", "fondazione", "foundation", "società", "societa", "holding", "partners", "consulting",
    "comune", "università", "universita",
))
_NAME_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")

_WHITESPACE = re.compile(r"\s+")


def _clean(value: str | None) -> str | None:
    """A user's value as one line: no control characters or escape sequences, no line breaks
    (a break could start a Markdown heading), trimmed. Empty means not given."""
    if value is None:
        return None
    cleaned = _WHITESPACE.sub(" ", strip_control(value)).strip()
    return cleaned or None


def escape_markdown(value: str) -> str:
    """``value`` shown as written by any CommonMark or GFM renderer: every ASCII punctuation
    character backslash-escaped, so no link, image, HTML tag, emphasis or autolink can start
    (``text.markdown_text``: one escaping for every Markdown clientcheck writes)."""
    return markdown_text(value)


def recipient_of(client: str | None) -> Recipient:
    """A company when the name carries a legal form or a company noun (``Rossi & Figli srl``,
    ``S.p.A.``, ``Acme Ltd``, ``Studio Bianchi``) or an ampersand; a person otherwise."""
    if not client:
        return Recipient.PERSON
    if "&" in client:
        return Recipient.COMPANY
    words = {word.replace(".", "").casefold() for word in _NAME_WORD.findall(client)}
    return Recipient.COMPANY if words & _COMPANY_WORDS else Recipient.PERSON


class Letter(NamedTuple):
    """A termination letter draft: its subject, its text, and the placeholders still to fill in."""

    language: str
    recipient: Recipient
    format: LetterFormat
    subject: str
    body: str
    unfilled: tuple[str, ...]  # the placeholders left in the body, as written there

    def text(self) -> str:
        """The whole letter as printed: a subject line, a blank line, the body."""
        label, _ = _SUBJECTS[self.language]
        if self.format is LetterFormat.MARKDOWN:
            return f"**{label}:** {self.subject}\n\n{self.body}"
        return f"{label}: {self.subject}\n\n{self.body}"


def letter(language: str, client: str | None = None, notice: str | None = None,
           handover: str | None = None, sender: str | None = None, *,
           recipient: Recipient | None = None, letter_format: LetterFormat = LetterFormat.TEXT) -> Letter:
    """A short, polite termination letter draft. What is not given stays a bracketed placeholder
    (listed in ``unfilled``); values are escaped for the format. Italian for ``it``, English otherwise.
    The recipient is guessed from the client's name unless given."""
    lang = "it" if language == "it" else "en"
    placeholders = PLACEHOLDERS[lang]
    given = {"client": _clean(client), "notice": _clean(notice), "handover": _clean(handover),
             "sender": _clean(sender)}
    to = recipient if recipient is not None else recipient_of(given["client"])
    escape = escape_markdown if letter_format is LetterFormat.MARKDOWN else str
    values = {key: escape(given[key] or "") or placeholder for key, placeholder in placeholders.items()}
    unfilled = tuple(placeholder for key, placeholder in placeholders.items() if not given[key])
    body = (_GREETINGS[lang, to].format(**values) + "\n\n"
            + _BODIES[lang].format(**values, **(_COURTESY[to] if lang == "it" else {})))
    return Letter(lang, to, letter_format, _SUBJECTS[lang][1], body, unfilled)
