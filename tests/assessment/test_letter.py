"""The termination letter draft (assessment/letter.py): its subject, its placeholders, the
recipient guessed from the name (a company or a person, Spett.le/voi or Gentile/Lei in Italian),
and the values given cleaned and escaped for the format asked for."""

from __future__ import annotations

import re

import pytest

from clientcheck.assessment.letter import LetterFormat, Recipient, letter, recipient_of


@pytest.mark.parametrize(("language", "placeholders"), [
    ("en", ["[client name]", "[notice period]", "[handover date]", "[your name]"]),
    ("it", ["[nome del cliente]", "[periodo di preavviso]", "[data del passaggio di consegne]", "[il tuo nome]"]),
])
def test_the_letter_has_a_subject_and_lists_its_placeholders(language: str, placeholders: list[str]) -> None:
    draft = letter(language)
    text = draft.text()
    assert text.startswith(("Subject: Ending our collaboration\n\n", "Oggetto: Conclusione della nostra"))
    for placeholder in placeholders:
        assert text.count(placeholder) == 1, placeholder
    assert draft.unfilled == tuple(placeholders)
    assert text.endswith("\n")
    assert "#" not in text  # plain text: no Markdown heading


def test_a_markdown_letter_has_its_subject_in_bold_and_no_heading() -> None:
    text = letter("en", letter_format=LetterFormat.MARKDOWN).text()
    assert text.startswith("**Subject:** Ending our collaboration\n\nDear [client name],\n")


def test_the_two_letters_are_in_their_own_language() -> None:
    assert letter("it").body.startswith("Gentile [nome del cliente],\n\nLa ringrazio per la fiducia che mi ha")
    assert letter("en").body.startswith("Dear [client name],\n\nThank you")
    assert "Cordiali saluti" in letter("it").body and "Kind regards" in letter("en").body


@pytest.mark.parametrize(("name", "recipient"), [
    ("Rossi & Figli srl", Recipient.COMPANY), ("Acme S.p.A.", Recipient.COMPANY), ("ACME SRL", Recipient.COMPANY),
    ("Bianchi s.r.l.", Recipient.COMPANY), ("Acme Ltd.", Recipient.COMPANY), ("Studio Verdi", Recipient.COMPANY),
    ("Müller GmbH", Recipient.COMPANY), ("Mario Rossi", Recipient.PERSON), ("Giulia", Recipient.PERSON),
    ("Francesca Costa", Recipient.PERSON), (None, Recipient.PERSON),
])
def test_the_recipient_is_guessed_from_the_name(name: str | None, recipient: Recipient) -> None:
    assert recipient_of(name) is recipient


def test_an_italian_letter_to_a_company_says_spettabile_and_voi() -> None:
    body = letter("it", client="Acme srl").body
    assert body.startswith("Spett.le Acme srl,\n\nVi ringrazio per la fiducia che mi avete accordato")
    assert "Vi consegnerò" in body and "Se Vi può essere utile, posso anche indicarVi" in body
    assert not re.search(r"\b(La|Le|Lei|ha accordato)\b", body)


def test_an_italian_letter_to_a_person_says_gentile_and_lei() -> None:
    body = letter("it", client="Mario Rossi").body
    assert body.startswith("Gentile Mario Rossi,\n\nLa ringrazio per la fiducia che mi ha accordato")
    assert "Le consegnerò" in body and "Se Le può essere utile, posso anche indicarLe" in body
    assert not re.search(r"\b(Vi|Spett|avete)\b", body)


def test_the_recipient_can_be_told() -> None:
    assert letter("it", client="Acme", recipient=Recipient.COMPANY).body.startswith("Spett.le Acme,")
    assert letter("en", client="Acme srl", recipient=Recipient.PERSON).body.startswith("Dear Acme srl,")
    assert letter("en", client="Acme srl").body.startswith("Dear Acme srl team,")


def test_given_values_replace_the_placeholders() -> None:
    draft = letter("en", client="Rossi Srl", notice="two months", handover="30 June", sender="Anna Neri")
    assert "The notice period will be two months:" in draft.body
    assert "by 30 June I will hand over" in draft.body
    assert draft.body.endswith("Kind regards,\n\nAnna Neri\n")
    assert draft.unfilled == ()
    assert not re.findall(r"\[[^]]+\]", draft.text())
    draft_it = letter("it", client="Bianchi", notice="due mesi", handover="30 giugno")
    assert "Gentile Bianchi," in draft_it.body
    assert "Il preavviso sarà di due mesi:" in draft_it.body
    assert "entro il 30 giugno Le consegnerò" in draft_it.body
    assert draft_it.unfilled == ("[il tuo nome]",)


def test_control_characters_and_line_breaks_are_stripped_from_values() -> None:
    draft = letter("en", client="Rossi\x1b[31m Mario\x07", notice="two\x00 months", handover="30 June\n# Hacked")
    text = draft.text()
    assert "Dear Rossi Mario," in text
    assert "two months" in text
    assert "by 30 June # Hacked I will" in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    assert not [line for line in text.splitlines() if line.startswith("#")]


HOSTILE = "[Click to pay](https://evil.example/pay) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)>"


def test_markdown_values_are_escaped_so_no_link_image_or_html_renders() -> None:
    from markdown_it import MarkdownIt

    draft = letter("en", client=HOSTILE, notice="<script>alert(1)</script>", handover="www.evil.example",
                   sender="*me* `x` _y_ https://evil.example", letter_format=LetterFormat.MARKDOWN)
    html = MarkdownIt("commonmark").enable("table").render(draft.text())
    assert "<a" not in html and "<img" not in html and "<script" not in html and "<em>" not in html
    assert "<code>" not in html
    # every value shows as written, once rendered
    assert "[Click to pay](https://evil.example/pay)" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*me* `x` _y_ https://evil.example" in html
    # GFM's autolinks need a bare "www." or "https:" followed by "//": both are broken by the escapes
    assert "www." not in draft.body and "https:/" not in draft.body


def test_plain_text_values_are_left_as_written() -> None:
    assert f"Dear {HOSTILE}," in letter("en", client=HOSTILE).body


def test_blank_values_keep_the_placeholder() -> None:
    draft = letter("it", client="  \x1b[2J ", notice="")
    assert "Gentile [nome del cliente]," in draft.body
    assert "[periodo di preavviso]" in draft.body
    assert "[nome del cliente]" in draft.unfilled


def test_unknown_language_falls_back_to_english() -> None:
    assert letter("fr").text() == letter("en").text()
