"""Saved HTML news pages: the article's main text and metadata, through trafilatura.

The record's ``text`` is the text trafilatura extracts, so every offset
indexes it; the page's title, date and URL become metadata. Pages are decoded
by ``read.decode`` first (the same encoding detection as text files, recorded
in the document), and this runs in the worker processes, next to extraction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from pipeline.errors import InputError
from pipeline.read import decode


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    encoding: str
    title: str | None
    url: str | None
    date: str | None


@cache
def _config() -> object:
    from trafilatura.settings import use_config

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its reasons come back as an InputError
    config = use_config()
    # Its defaults are tuned on English: 250 characters of Chinese are a long news brief, not a minimum.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "60")
    return config


def main_text(raw: bytes, source: str) -> Article:
    """The article in a page, or ``InputError`` when the page holds none."""
    import trafilatura

    decoded = decode(raw, source)
    try:
        page = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False, config=_config())
    except Exception as exc:  # any parser failure is this page's failure, not the batch's
        raise InputError(source, f"cannot parse the HTML page ({type(exc).__name__})") from None
    if page is None or not (page.text or "").strip():
        raise InputError(source, "no article text found in the HTML page")
    return Article(page.text, decoded.encoding, page.title, page.url, page.date)
