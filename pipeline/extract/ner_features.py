"""The spaCy pieces the NER model is built from: a character tokenizer and lexical features.

Chinese NER works best on characters (no segmentation error can cut an entity
boundary), but a lone character knows little. Each character token therefore
carries two extra features that the model embeds:

* ``NORM``: the character bigram starting at it (``广西`` for ``广``);
* ``TAG``: its position in the jieba word that covers it and that word's POS
  tag (``B-ns``, ``E-nr``, ``S-x``), a cheap lexicon feature;
* ``LEMMA``: flags from the project's own public word lists (``lexicon_flags``):
  a surname starts here, an organization head word or a listed organization
  or place covers it, a title ends just before it.

Both are computed by the ``xinwen_char_features`` component, which runs inside
the spaCy pipeline during training and inference alike, so the two never drift.
The registrations below happen when this module is imported, which the NER
extractor and the training script do before loading or training a model.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline import data
from pipeline.segment import Segmenter, Token

_ATTRS = [NORM, TAG, LEMMA]

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


class Lexicon:
    """Which characters the public word lists in ``pipeline/data/zh`` say something about.

    Features from lists rather than from the corpus: a surname table, organization
    head words (委员会, 公司), titles (市长, 记者) and the regional registers of
    organizations and places know names the 1998 training text never saw.
    """

    def __init__(self) -> None:
        self.single, self.compound = data.surnames()
        orgs, places = data.table("zh/orgs.json"), data.table("zh/places.json")
        self.heads = re.compile(data.alternation(orgs["head_words"]))
        self.titles = re.compile(data.alternation(data.table("zh/people.json")["titles"]))
        listed = [
            name
            for table in (orgs["gazetteer"], places["gazetteer"])
            for key, names in table.items()
            if isinstance(names, list) and key != "prefixes"
            for name in names
        ]
        self.listed = re.compile(data.alternation(listed))

    def flags(self, text: str) -> list[str]:
        """Per character, the letters of the lists that apply (``S``urname, ``H``ead, ``L``isted, ``T``itle before)."""
        marks = [""] * len(text)
        for i, ch in enumerate(text):
            if ch in self.single or text[i : i + 2] in self.compound:
                marks[i] = "S"
        for pattern, letter in ((self.heads, "H"), (self.listed, "L")):
            for m in pattern.finditer(text):
                for i in range(m.start(), m.end()):
                    marks[i] += letter
        for m in self.titles.finditer(text):
            if m.end() < len(text):
                marks[m.end()] += "T"
        return [mark or "-" for mark in marks]


class CharFeatures:
    """Writes the bigram (NORM), jieba (TAG) and word-list (LEMMA) features onto character docs."""

    def __init__(self, vocab: Vocab, segmenter: Segmenter | None = None) -> None:
        self.segmenter = segmenter or Segmenter()
        self.lexicon = Lexicon()
        self.strings = vocab.strings
        # Training sees every sentence once per epoch; memoise the segmentation.
        self._segment = lru_cache(maxsize=100_000)(self.segmenter.segment)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if len(doc) != len(text):  # not a character doc: nothing sensible to add
            return doc
        tokens = doc.user_data.pop(TOKENS_KEY, None)
        if tokens is None:
            tokens = self._segment(text)
        bigrams = [text[i : i + 2] for i in range(len(text) - 1)] + [text[-1:] + "</s>"] if text else []
        add = self.strings.add
        # One array write instead of three attribute writes per Token object: the
        # per-token Python loop was a tenth of the pipeline's time.
        values = [
            [add(norm), add(tag), add(flag)]
            for norm, tag, flag in zip(bigrams, char_tags(text, tokens), self.lexicon.flags(text), strict=True)
        ]
        if values:
            doc.from_array(_ATTRS, numpy.array(values, dtype="uint64"))
        return doc


@Language.factory("xinwen_char_features")
def create_char_features(nlp: Language, name: str) -> CharFeatures:  # noqa: ARG001
    return CharFeatures(nlp.vocab)
