"""Traditional to Simplified with OpenCC, character for character.

Offsets found on the simplified text must index the original text, so only
length-preserving OpenCC configurations are allowed (the phrase configurations
such as ``tw2sp`` rewrite 滑鼠 as 鼠标 and are refused). Every conversion is
checked; a length change raises ``ConversionError`` rather than emitting
offsets that point at the wrong characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline import data
from pipeline.errors import ConversionError

ALLOWED_CONFIGS = ("t2s", "tw2s", "hk2s")
Script = Literal["traditional", "simplified", "mixed", "unknown"]

# Full-width digits, letters, ％ and ． (２０２５, ＵＳＤ) map one-to-one onto ASCII, so the rules
# see one digit alphabet. Punctuation such as ， stays: it is not part of any number.
_FOLD = {
    cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0E]
}


@dataclass(frozen=True, slots=True)
class AlignedText:
    """``simplified[i]`` and ``folded[i]`` are analysis forms of ``original[i]`` for every ``i``.

    ``simplified`` is OpenCC's output (what the NER model was trained on), with
    the few rare forms it writes folded to the common ones (``variants.json``: 锺 → 钟);
    ``folded`` also folds full-width digits and letters (what the rules match).
    """

    original: str
    simplified: str
    folded: str
    script: Script


class Converter:
    def __init__(self, config: str = "t2s") -> None:
        if config not in ALLOWED_CONFIGS:
            raise ConversionError(
                f"OpenCC configuration {config!r} is not length-preserving; use one of {', '.join(ALLOWED_CONFIGS)}"
            )
        self.config = config
        self._t2s = None
        self._s2t = None
        self._variants: dict[int, int] = {}

    def _load(self) -> None:
        import opencc

        self._t2s = opencc.OpenCC(f"{self.config}.json")
        self._s2t = opencc.OpenCC("s2t.json")
        self._variants = {ord(a): ord(b) for a, b in data.table("zh/variants.json")["fold"].items()}

    def convert(self, text: str) -> AlignedText:
        if self._t2s is None:
            self._load()
        simplified = self._t2s.convert(text).translate(self._variants)
        if len(simplified) != len(text):
            raise ConversionError(
                f"OpenCC {self.config} changed the length ({len(text)} -> {len(simplified)}): offsets would be wrong"
            )
        script = self._script(text, simplified)
        return AlignedText(text, simplified, simplified.translate(_FOLD), script)

    def _script(self, text: str, simplified: str) -> Script:
        """Traditional if characters change towards Simplified, Simplified if they would change back."""
        # Counted in C (map over str.__ne__); an unchanged text, the usual case one way, counts nothing.
        to_simplified = 0 if simplified == text else sum(map(str.__ne__, text, simplified))
        traditional = self._s2t.convert(text)
        to_traditional = 0 if traditional == text else sum(map(str.__ne__, text, traditional))
        if to_simplified == 0 and to_traditional == 0:
            return "unknown"
        if to_simplified and to_traditional:
            share = to_simplified / (to_simplified + to_traditional)
            if 0.2 < share < 0.8:
                return "mixed"
            return "traditional" if share >= 0.8 else "simplified"
        return "traditional" if to_simplified else "simplified"

    def __getstate__(self) -> dict[str, object]:
        return {"config": self.config, "_t2s": None, "_s2t": None, "_variants": {}}
