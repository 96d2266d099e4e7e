"""Bytes to text: detect the encoding, record it, normalise newlines.

GB18030 and Big5 both decode most byte strings of the other without error, so
a strict decode is not enough to choose: we decode with each and keep the one
whose characters are common Chinese (a frequency list in the data files).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from pipeline import data
from pipeline.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class RawText:
    text: str
    encoding: str


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF: offsets index the normalised text the record carries."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plausibility(text: str) -> float:
    """Share of characters that ordinary news text is made of: common hanzi, ASCII, CJK punctuation."""
    if not text:
        return 0.0
    common = data.chars("zh/common_chars.txt")
    good = 0
    for ch in text:
        if (
            ch in common
            or (" " <= ch <= "~")
            or ch in "\n\t"
            or "\u3000" <= ch <= "\u303f"
            or "\uff00" <= ch <= "\uffef"
        ):
            good += 1
    return good / len(text)


def _mostly_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 cut mid-character, or with a few stray bytes: keep the text, mark what was replaced."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ch >= "\u0800" and ch != "\ufffd")
    if bad and multibyte >= 20 * bad:
        return text, f"utf-8 ({bad} invalid byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD)"
    return None


def decode(raw: bytes, source: str = "<bytes>") -> RawText:
    """Decode ``raw`` or raise ``InputError`` naming ``source`` and the reason."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                raw = raw[len(bom) :]  # a BOM over GBK or Big5 bytes: the mark lies, detect without it
                break
            return _checked(text, "utf-8-bom" if codec == "utf-8-sig" else codec, source)
    try:
        return _checked(raw.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return _checked(*mostly, source)
    candidates = []
    codecs_to_try = ["gb18030", "big5"] + (["utf-16-le", "utf-16-be"] if len(raw) % 2 == 0 else [])
    for rank, codec in enumerate(codecs_to_try):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), -rank, codec, text))
    if not candidates:
        raise InputError(source, "cannot be decoded as UTF-8, GB18030, Big5 or UTF-16")
    score, _, codec, text = max(candidates)
    if score < 0.6:
        raise InputError(source, f"not text: the best decoding ({codec}) is mostly unusual characters")
    return _checked(text, codec, source)


def _checked(text: str, encoding: str, source: str) -> RawText:
    if "\x00" in text:
        raise InputError(source, f"contains NUL characters after decoding as {encoding} (binary data?)")
    text = normalize_newlines(text)
    if not text.strip():
        raise InputError(source, "empty (no text after decoding)")
    return RawText(text, encoding)
