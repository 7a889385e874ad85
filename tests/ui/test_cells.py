"""ui/cells: how wide a text is on a terminal (wide, combining and format characters), and text
wrapped or shortened to a number of cells: within the width whatever the characters, and exactly
textwrap's lines when each character takes one cell."""

from __future__ import annotations

import textwrap
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientcheck.ui.cells import cell_width, fill, narrow, shorten, wrap

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WIDE = "Il cliente 🐋 paga in ritardo, 大神株式会社は支払いが遅れています; la fattura 請求書 è aperta 🧾🧾🧾"
COMBINING = "Cafe\u0301 Bianchi de\u0301jà vu, pre\u0301fe\u0300re\u0301 la ca\u0301ffe\u0300 " * 3


def test_cell_width_counts_columns_on_a_terminal() -> None:
    assert cell_width("Acme 00001") == 10
    assert cell_width("Caffè 00225") == 11
    assert cell_width("Studio Ōkami 大神") == 17  # two wide characters
    assert cell_width("Cafe\u0301") == 4  # a combining accent takes no column
    assert cell_width("a\u200db") == 2  # a zero-width joiner (format) neither
    assert cell_width("↑32") == 3


def test_a_text_is_narrow_when_each_character_takes_one_column() -> None:
    assert narrow("Acme 00001") and narrow("Caffè ↑3 ● –")
    assert not narrow("Studio 大神") and not narrow("Cafe\u0301") and not narrow("a\u200db")
    for text in ("Caffè ↑3 ● –", "Studio 大神", "Cafe\u0301", "a\u200db"):
        assert narrow(text) == (cell_width(text) == len(text) and all(cell_width(c) == 1 for c in text))


@pytest.mark.parametrize("text", [WIDE, COMBINING, WIDE + " " + COMBINING, "🐋" * 30, "大神" * 25])
@pytest.mark.parametrize("width", [7, 10, 24, 40, 79])
def test_every_line_fits_the_width_in_cells(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert lines and all(cell_width(line) <= width for line in lines), [(cell_width(line), line) for line in lines]
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added


def test_a_wide_text_takes_as_many_cells_as_fit_not_as_many_characters() -> None:
    assert wrap("大神 株式会社 支払い", 8) == ["大神", "株式会社", "支払い"]  # textwrap: "大神 株式会社" (12 cells)
    assert wrap("🐋🐋🐋🐋🐋", 4) == ["🐋🐋", "🐋🐋", "🐋"]  # a long word broken at two whales, not four


def test_combining_marks_count_nothing_and_stay_with_their_letter() -> None:
    text = "Cafe\u0301 cafe\u0301 cafe\u0301"
    assert wrap(text, 10) == ["Cafe\u0301 cafe\u0301", "cafe\u0301"]  # textwrap: three lines
    for line in wrap("e\u0301" * 12, 5):  # a long word of accented letters, cut between letters
        assert cell_width(line) == 5 or line == wrap("e\u0301" * 12, 5)[-1]
        assert not unicodedata.combining(line[0])


def test_an_indent_is_measured_in_cells_too() -> None:
    lines = wrap("uno due tre quattro cinque sei sette", 13, initial_indent="🐋 ", subsequent_indent="   ")
    assert lines == ["🐋 uno due", "   tre", "   quattro", "   cinque sei", "   sette"]  # textwrap: "🐋 uno due tre"


def test_a_wide_character_on_a_line_one_cell_wide_still_goes_whole() -> None:
    assert wrap("🐋🐋", 1) == ["🐋", "🐋"]  # the one way a line can be wider than the width


def test_a_long_word_is_kept_whole_when_asked() -> None:
    assert wrap("vedi https://例え.jp/請求書/2026 e poi", 10, break_long_words=False) == [
        "vedi", "https://例え.jp/請求書/2026", "e poi"]


@pytest.mark.parametrize("width", [12, 20, 33])
def test_shorten_cuts_to_the_width_in_cells(width: int) -> None:
    shortened = shorten(WIDE, width, placeholder=" …")
    assert cell_width(shortened) <= width and shortened.endswith(" …")
    assert shorten("大神 株式会社", 13) == "大神 株式会社"  # 13 cells: it fits as it is
    assert shorten("大神 株式会社 支払い", 12, placeholder=" …") == "大神 …"


def test_fill_joins_the_lines() -> None:
    assert fill(WIDE, 20, subsequent_indent="  ") == "\n".join(wrap(WIDE, 20, subsequent_indent="  "))


# --- one cell per character: exactly textwrap ---------------------------------------------------

NARROW = st.text(alphabet=st.sampled_from([*"abcdefghij XYZ0123456789-.,;:!?'\"()/", *"àèéìòùÀÈÉÌÒÙçñ–—…↑●",
                                           "\t", "\n"]), max_size=300)


@PROPERTY
@given(text=NARROW, width=st.integers(1, 90), long_words=st.booleans(), hyphens=st.booleans(),
       indents=st.sampled_from([("", ""), ("  ", "  "), ("", "    "), ("⚠ ", "  "), ("> ", "")]))
def test_narrow_text_wraps_exactly_as_textwrap_wraps_it(text: str, width: int, long_words: bool, hyphens: bool,
                                                        indents: tuple[str, str]) -> None:
    first, later = indents
    if width <= max(len(first), len(later)):
        width += max(len(first), len(later))
    options = {"initial_indent": first, "subsequent_indent": later, "break_long_words": long_words,
               "break_on_hyphens": hyphens}
    assert wrap(text, width, **options) == textwrap.wrap(text, width, **options)  # type: ignore[arg-type]
    assert fill(text, width, **options) == textwrap.fill(text, width, **options)  # type: ignore[arg-type]


@PROPERTY
@given(text=NARROW, width=st.integers(6, 90), placeholder=st.sampled_from([" …", " [...]", "…"]))
def test_narrow_text_shortens_exactly_as_textwrap_shortens_it(text: str, width: int, placeholder: str) -> None:
    assert shorten(text, width, placeholder=placeholder) == textwrap.shorten(text, width, placeholder=placeholder)


# --- any characters: within the width ---------------------------------------------------------

ANY = st.text(alphabet=st.sampled_from([*"abc de-f ", *"àè", "🐋", "🧾", "大", "神", "\u0301", "\u200d", "ｘ"]),
              max_size=200)


@PROPERTY
@given(text=ANY, width=st.integers(2, 60))
def test_any_text_wraps_within_the_width_and_loses_no_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.strip().replace(" ", "")
    shortened = shorten(text, width, placeholder=" …")
    assert cell_width(shortened) <= width, shortened
