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
    """A Console whose text segments never carry a control character or an escape sequence."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            text = segment.text
            if segment.control or text.isprintable() or text == "\n":
                yield segment
            else:
                yield Segment(strip_control(text), segment.style)

    def on_broken_pipe(self) -> None:
        """The reader went away (``| head -1``): the error boundary answers it, with the code the
        README gives (Rich would exit 1, the code of ``--fail-on``)."""
        self.quiet = True
        raise BrokenPipeError
