"""The spaCy pieces the NER model is built from: a character tokenizer and lexical features.

Chinese NER works best on characters (no segmentation error can cut an entity
boundary), but a lone character knows little. Each character token therefore
carries two extra features that the model embeds:

* ``NORM``: the character bigram starting at it (``广西`` for ``广``);
* ``TAG``: its position in the jieba word that covers it and that word's POS
  tag (``B-ns``, ``E-nr``, ``S-x``), a cheap lexicon feature.

Both are computed by the ``xinwen_char_features`` component, which runs inside
the spaCy pipeline during training and inference alike, so the two never drift.
The registrations below happen when this module is imported, which the NER
extractor and the training script do before loading or training a model.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.segment import Segmenter, Token

TOKENS_KEY = "xinwen.tokens"
"""``doc.user_data`` key under which a caller may pass jieba tokens it already has."""


class CharTokenizer:
    """One token per character, no whitespace attached; linear in the text length."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=list(text), spaces=[False] * len(text))

    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> CharTokenizer:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> CharTokenizer:
        return self


@registry.tokenizers("xinwen.char_tokenizer.v1")
def create_char_tokenizer():  # noqa: ANN201 - spaCy's registry convention
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


def char_tags(text: str, tokens: list[Token]) -> list[str]:
    """BMES position + POS tag of the jieba word covering each character."""
    tags = [""] * len(text)
    for tok in tokens:
        n = tok.end - tok.start
        for i in range(tok.start, tok.end):
            if n == 1:
                pos = "S"
            elif i == tok.start:
                pos = "B"
            elif i == tok.end - 1:
                pos = "E"
            else:
                pos = "M"
            tags[i] = f"{pos}-{tok.pos}"
    return tags


class CharFeatures:
    """Writes the bigram (NORM) and jieba (TAG) features onto character docs."""

    def __init__(self, segmenter: Segmenter | None = None) -> None:
        self.segmenter = segmenter or Segmenter()
        # Training sees every sentence once per epoch; memoise the segmentation.
        self._segment = lru_cache(maxsize=100_000)(self.segmenter.segment)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if len(doc) != len(text):  # not a character doc: nothing sensible to add
            return doc
        tokens = doc.user_data.pop(TOKENS_KEY, None)
        if tokens is None:
            tokens = self._segment(text)
        tags = char_tags(text, tokens)
        for i, token in enumerate(doc):
            token.norm_ = text[i : i + 2] if i + 1 < len(text) else text[i] + "</s>"
            token.tag_ = tags[i]
        return doc


@Language.factory("xinwen_char_features")
def create_char_features(nlp: Language, name: str) -> CharFeatures:  # noqa: ARG001
    return CharFeatures()
