"""Reading the bands, and the check that together they cover risk 0-100 once, in rising order of concern.

The check is a pure function of the bands and where each was written, so it is tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

import yaml

from clientcheck.bank.loader.common import read_level
from clientcheck.bank.model import Band
from clientcheck.bank.reader import NodeReader
from clientcheck.bank.yamlsafe import position
from clientcheck.errors import Problem
from clientcheck.text import Text


class PlacedBand(NamedTuple):
    """A band and where it was written (1-based), so that a problem with it can point there."""

    band: Band
    line: int
    column: int


def read_bands(reader: NodeReader, node: yaml.Node) -> tuple[Band, ...]:
    """The bands, lowest first; their coverage is checked only when every band read cleanly
    (a band that failed to read would show up as a false gap)."""
    errors_before = reader.error_count
    placed: list[PlacedBand] = []
    for item in reader.sequence(node, "'bands'") or []:
        band = _band(reader, item)
        if band is not None:
            placed.append(PlacedBand(band, *position(item)))
    if reader.error_count > errors_before or not placed:
        return tuple(p.band for p in placed)
    reader.add(band_coverage_problems(placed, reader.name))
    return tuple(sorted((p.band for p in placed), key=lambda band: band.minimum))


def _band(reader: NodeReader, node: yaml.Node) -> Band | None:
    r = reader
    fields = r.fields(node, "a band", ("min", "max", "level", "summary"), ("label", "steps"))
    if fields is None:
        return None
    low = r.integer(fields["min"], "the band's 'min'", 0, 100) if "min" in fields else None
    high = r.integer(fields["max"], "the band's 'max'", 0, 100) if "max" in fields else None
    level = read_level(r, fields["level"], "the band's 'level'") if "level" in fields else None
    summary = r.text(fields["summary"], "the band's 'summary'") if "summary" in fields else None
    label = r.text(fields["label"], "the band's 'label'") if "label" in fields else None
    steps: list[Text] = []
    if "steps" in fields:
        for step in r.sequence(fields["steps"], "the band's 'steps'") or []:
            text = r.text(step, "a step")
            if text is not None:
                steps.append(text)
    if low is not None and high is not None and low > high:
        r.error(fields["max"], f"the band's 'max' ({high}) is below its 'min' ({low})", "swap them")
        return None
    if low is None or high is None or level is None or summary is None:
        return None
    return Band(low, high, level, summary, label, tuple(steps))


def band_coverage_problems(bands: Sequence[PlacedBand], path: str) -> list[Problem]:
    """Every risk from 0 to 100 must fall in exactly one band, and the level must never fall as
    risk rises. One problem per gap, overlap or fall, at the band it concerns. The bands may come
    in any order (each band's own min <= max is checked where it is read)."""
    if not bands:
        return []
    ordered = sorted(bands, key=lambda placed: placed.band.minimum)
    problems: list[Problem] = []

    def report(at: PlacedBand, message: str, hint: str) -> None:
        problems.append(Problem(path, at.line, at.column, message, hint))

    first = ordered[0]
    if first.band.minimum > 0:
        report(first, f"risk 0–{first.band.minimum - 1} falls in no band", "the first band should start at 'min: 0'")
    for below, above in pairwise(ordered):
        before, after = below.band, above.band
        if after.minimum > before.maximum + 1:
            report(above, f"gap: risk {before.maximum + 1}–{after.minimum - 1} falls in no band",
                   f"start this band at 'min: {before.maximum + 1}'")
        elif after.minimum <= before.maximum:
            report(above, f"overlap: risk {after.minimum}–{min(before.maximum, after.maximum)} is in two bands",
                   f"start this band at 'min: {before.maximum + 1}'")
        if after.level.rank < before.level.rank:
            report(above, f"level '{after.level.value}' follows '{before.level.value}' at a higher risk",
                   "levels go keep → watch → renegotiate → let_go as risk grows")
    last = ordered[-1]
    if last.band.maximum < 100:
        report(last, f"risk {last.band.maximum + 1}–100 falls in no band", "the last band should end at 'max: 100'")
    return problems
