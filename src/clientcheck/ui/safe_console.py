"""The Rich console's last guard: whatever a screen renders passes the output boundary again.

Texts from banks, files and the database are cleaned where they enter (``text.strip_control``);
a path from a folder listing or a text a future screen forgets to clean is caught here, at the
last point before the terminal, for every Rich screen at once. Rich's own control segments
(colours, cursor moves it decides on) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from clientcheck.text import strip_control


class GuardedConsole(Console):
    """A Console whose text segments never carry a control character or an escape sequence, and
    whose lines end with their last visible character: Rich pads a line to the width, which a
    file, a pipe or a copied note keeps as trailing spaces."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        line: list[Segment] = []
        for segment in super().render(renderable, options):
            text = segment.text
            if segment.control or text.isprintable():
                line.append(segment)
                continue
            *ends, rest = text.split("\n")  # a line's end may come inside a segment (Padding's blank lines)
            for piece in ends:
                if piece:
                    line.append(Segment(strip_control(piece), segment.style))
                yield from _trimmed(line)
                line = []
                yield Segment("\n")
            if rest:
                line.append(Segment(strip_control(rest), segment.style))
        yield from line

    def on_broken_pipe(self) -> None:
        """The reader went away (``| head -1``): the error boundary answers it, with the code the
        README gives (Rich would exit 1, the code of ``--fail-on``)."""
        self.quiet = True
        raise BrokenPipeError


def _trimmed(line: list[Segment]) -> list[Segment]:
    """``line`` without the spaces at its end that nothing shows (no background, underline,
    reverse or strike-through); control segments (a colour ending) are kept, in their order."""
    controls: list[Segment] = []
    while line:
        last = line[-1]
        style = last.style
        if last.control:
            controls.insert(0, line.pop())
            continue
        if style is not None and (style.bgcolor is not None or style.underline or style.reverse or style.strike):
            break
        kept = last.text.rstrip(" ")
        if kept:
            line[-1] = Segment(kept, style)
            break
        line.pop()
    return line + controls
