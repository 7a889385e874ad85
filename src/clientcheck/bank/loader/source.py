"""Reading what a bank says about itself: the languages it is written in and the source it comes from."""

from __future__ import annotations

import re

import yaml

from clientcheck.bank.model import Source
from clientcheck.bank.reader import NodeReader, one_of
from clientcheck.text import LANGUAGES, strip_control

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def read_languages(reader: NodeReader, node: yaml.Node) -> tuple[str, ...]:
    found: list[str] = []
    for item in reader.sequence(node, "'languages'") or []:
        value = reader.scalar(item)
        if value not in LANGUAGES:
            reader.error(item, f"unknown language {value!r}", f"languages are {one_of(LANGUAGES)}")
        elif value in found:
            reader.error(item, f"language '{value}' is listed twice", "remove one")
        else:
            found.append(str(value))
    return tuple(found)


def read_source(reader: NodeReader, node: yaml.Node) -> Source | None:
    fields = reader.fields(node, "'source'", ("title", "author", "date"), ("publisher", "url"))
    if fields is None:
        return None
    values = {key: reader.string(value, f"'source.{key}'") for key, value in fields.items() if key != "author"}
    author = reader.text(fields["author"], "'source.author'") if "author" in fields else None
    date = values.get("date")
    if date is not None and not DATE.fullmatch(date):
        reader.error(fields["date"], f"'source.date' is {date!r}, not a date",
                     "write it as \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"")
        return None
    if not (values.get("title") and author is not None and date):
        return None
    clean = {key: strip_control(values.get(key) or "") for key in ("title", "publisher", "url")}  # the output boundary
    return Source(clean["title"], author, date, clean["publisher"], clean["url"])
