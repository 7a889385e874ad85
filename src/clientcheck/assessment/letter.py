"""The termination letter draft that the exit plan's "tell them properly" step leads to: a subject
line and a body, in plain text or Markdown, to a company or a person, with the placeholders left.

Its words are the catalogue's (i18n); pure, and light, so the ``letter`` command loads nothing of scoring.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

from clientcheck.i18n import tr
from clientcheck.text import markdown_text, strip_control


class LetterFormat(StrEnum):
    """How the letter is written: plain text to paste into an email, or Markdown."""

    TEXT = "text"
    MARKDOWN = "markdown"


class Recipient(StrEnum):
    """Who the letter goes to: Italian writes "Spett.le … Vi" to a company and "Gentile … Lei" to a person."""

    COMPANY = "company"
    PERSON = "person"


PLACEHOLDER_KEYS = {  # what stays [bracketed] when not given, in the catalogue
    "client": "letter.placeholder_client", "notice": "letter.placeholder_notice",
    "handover": "letter.placeholder_handover", "sender": "letter.placeholder_sender",
}
_GREETING_KEYS = {Recipient.PERSON: "letter.greeting_person", Recipient.COMPANY: "letter.greeting_company"}
# Two bodies, so each language writes each form of address whole (Italian: Lei to a person, Voi to a company).
_BODY_KEYS = {Recipient.PERSON: "letter.body_person", Recipient.COMPANY: "letter.body_company"}

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
    """``value`` shown as written by any CommonMark or GFM renderer: the punctuation that could
    start a link, an image, an HTML tag, emphasis or an autolink is backslash-escaped
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
        label = tr(self.language, "letter.subject_label")
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
    placeholders = {key: tr(lang, catalogue_key) for key, catalogue_key in PLACEHOLDER_KEYS.items()}
    given = {"client": _clean(client), "notice": _clean(notice), "handover": _clean(handover),
             "sender": _clean(sender)}
    to = recipient if recipient is not None else recipient_of(given["client"])
    escape = escape_markdown if letter_format is LetterFormat.MARKDOWN else str
    values = {key: escape(given[key] or "") or placeholder for key, placeholder in placeholders.items()}
    unfilled = tuple(placeholder for key, placeholder in placeholders.items() if not given[key])
    body = tr(lang, _GREETING_KEYS[to], client=values["client"]) + "\n\n" + tr(lang, _BODY_KEYS[to], **values)
    return Letter(lang, to, letter_format, tr(lang, "letter.subject"), body, unfilled)
