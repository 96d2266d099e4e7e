"""The spaCy pieces the NER model is built from: a character tokenizer and lexical features.

Chinese NER works best on characters (no segmentation error can cut an entity
boundary), but a lone character knows little. Each character token therefore
carries two extra features that the model embeds:

* ``NORM``: the character bigram starting at it (``广西`` for ``广``);
* ``TAG``: its position in the jieba word that covers it and that word's POS
  tag (``B-ns``, ``E-nr``, ``S-x``), a cheap lexicon feature.

With ``lexicon = true`` in the model's config, two more: every word of
jieba's dictionary is matched against the text, not only the words of
jieba's chosen path, and each character gets the length and POS tag of the
longest dictionary word starting at it (``LEMMA``: ``4nt`` for 北 of
北京大学) and of the longest one ending at it (``DEP``: ``2ns`` for 京).
These two attributes are otherwise unused in a character doc.

(Flags from the project's word lists, surnames, organization heads, titles and
the regional registers, were measured as a third feature and dropped: dev F1
0.775 against 0.782 without them at step 2,000.)

Both are computed by the ``xinwen_char_features`` component, which runs inside
the spaCy pipeline during training and inference alike, so the two never drift.
The registrations below happen when this module is imported, which the NER
extractor and the training script do before loading or training a model.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, NORM, ORTH, SENT_START, SHAPE, TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.segment import LONGEST_WORD, Lexicon, Segmenter, Token

T = TypeVar("T", str, int)

_ATTRS = [NORM, TAG, LEMMA, DEP]  # the last two only with ``lexicon``

TOKENS_KEY = "xinwen.tokens"
"""``doc.user_data`` key under which a caller may pass the jieba tokens it already has (covering the doc's text)."""


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


def word_position_tags(length: int, pos: str) -> list[str]:
    """The tags of a word's characters: BMES position + POS (``S-n``; ``B-ns``, ``M-ns``, ``E-ns``)."""
    return ["S-" + pos] if length == 1 else ["B-" + pos, *(["M-" + pos] * (length - 2)), "E-" + pos]


def _hashed_position_tags(length: int, pos: str) -> list[int]:
    return [hash_string(tag) for tag in word_position_tags(length, pos)]


def char_tags(
    text: str,
    tokens: list[Token],
    base: int = 0,
    memo: dict[tuple[int, str], list[T]] | None = None,
    fill: T = "",
    tags_of: Callable[[int, str], list[T]] = word_position_tags,
) -> list[T]:
    """BMES position + POS tag of the jieba word covering each character (``fill`` where none does).

    ``text`` begins at offset ``base`` of the tokens' text: words are clipped to it (a word a
    piece boundary cuts is tagged as the part inside). Each word's tags (``tags_of``: the strings,
    or their hashes for ``char_doc``) are written as one slice, the tags of a (length, POS) pair kept
    in ``memo`` (a few hundred pairs occur)."""
    memo = {} if memo is None else memo
    tags = [fill] * len(text)
    stop = base + len(text)
    for tok in tokens:
        start, end = max(tok.start, base), min(tok.end, stop)
        if end <= start:
            continue
        key = (end - start, tok.pos)
        word_tags = memo.get(key)
        if word_tags is None:
            word_tags = memo[key] = tags_of(*key)
        tags[start - base : end - base] = word_tags
    return tags


def lexicon_matches(text: str, freq: dict[str, int], tags: dict[str, str]) -> tuple[list[str], list[str]]:
    """Length and POS of the longest dictionary word starting, and ending, at each character.

    jieba's ``FREQ`` holds every prefix of every word (0 when the prefix is no
    word), so the scan from a character stops at the first non-prefix.
    """
    starts = ["-"] * len(text)
    ends = ["-"] * len(text)
    longest_end = [0] * len(text)
    get = freq.get
    for i in range(len(text) - 1):
        if get(text[i : i + 2]) is None:  # most characters start no word: the usual case, tested first
            continue
        for j in range(i + 2, min(len(text), i + LONGEST_WORD) + 1):
            word = text[i:j]
            count = get(word)
            if count is None:
                break
            if count:
                feature = f"{j - i}{tags.get(word, 'x')}"
                starts[i] = feature
                if j - i > longest_end[j - 1]:
                    longest_end[j - 1] = j - i
                    ends[j - 1] = feature
    return starts, ends


def lexicon_features(
    text: str, base: int, lexicon: Lexicon, tags: dict[str, str]
) -> tuple[list[str], list[str]] | None:
    """``lexicon_matches(text, …)`` read off the segmenter's ``Lexicon`` of the whole text (``text`` at offset
    ``base`` of it), without looking a word up again; None where a recorded word crosses either end of
    ``text``, since the words inside may then differ (a piece cut inside a run of characters)."""
    n = len(text)
    starts = ["-"] * n
    ends = ["-"] * n
    for i, length in enumerate(lexicon.starts[base : base + n]):
        if length:
            if i + length > n:
                return None
            word = text[i : i + length]
            starts[i] = f"{length}{tags.get(word, 'x')}"
    for i, length in enumerate(lexicon.ends[base : base + n]):
        if length:
            if i + 1 < length:
                return None
            word = text[i + 1 - length : i + 1]
            ends[i] = f"{length}{tags.get(word, 'x')}"
    return starts, ends


class CharDoc:
    """A character text with the model's input features, as arrays: what ``FastTok2Vec`` and
    ``GreedyNer`` read of a spaCy ``Doc`` (its length, ``to_array`` and ``vocab``), without building one.

    A ``Doc`` of a short text costs more to build than the model spends on it: one lexeme lookup
    and one token struct per character, then the features written onto the tokens. Here each
    attribute is one array, computed once from the text (``CharFeatures.char_doc``) with the same
    values a ``Doc`` of the character tokenizer and ``CharFeatures`` would hold.
    """

    __slots__ = ("_columns", "text", "vocab")

    def __init__(self, vocab: Vocab, text: str, columns: dict[int, numpy.ndarray]) -> None:
        self.vocab = vocab
        self.text = text
        self._columns = columns

    def __len__(self) -> int:
        return len(self.text)

    def to_array(self, attrs: list[int]) -> numpy.ndarray:
        """The attributes' values, one row per character (``Doc.to_array`` for the attributes it holds)."""
        return numpy.stack([self._columns[attr] for attr in attrs], axis=1)

    def column(self, attr: int) -> numpy.ndarray:
        """One attribute's values (``to_array([attr])`` as one dimension)."""
        return self._columns[attr]


class CharFeatures:
    """Writes the bigram (NORM), jieba (TAG) and optional dictionary (LEMMA, DEP) features onto character docs."""

    def __init__(self, segmenter: Segmenter | None = None, lexicon: bool = False) -> None:
        self.segmenter = segmenter or Segmenter()
        self.lexicon = lexicon
        # Training sees every sentence once per epoch; memoise the segmentation. The
        # segmenter is looked up at each call: the NER extractor swaps in the pipeline's.
        self._segment = lru_cache(maxsize=100_000)(lambda text: self.segmenter.segment(text))
        self._word_tags: dict[tuple[int, str], list[str]] = {}  # (length, POS) -> its characters' tags
        # For char_doc: each character's row of (ORTH, SHAPE, IS_SPACE), the hashes of the jieba tags of a
        # (length, POS) pair and of a dictionary word's feature. All bounded by the vocabulary, not the text.
        self._lexeme_index: dict[str, int] = {}  # char -> its row of ``_lexeme_table``
        self._lexeme_table = numpy.zeros((256, 3), dtype="uint64")
        self._tag_hashes: dict[tuple[int, str], list[int]] = {}
        self._lexicon_hashes: dict[str, int] = {}
        self._no_match_hash = hash_string("-")
        self._no_tag_hash = hash_string("")

    def columns(self, text: str, tokens: list[Token], base: int = 0, lexicon: Lexicon | None = None) -> list[list[str]]:
        """The feature strings of each character, one list per attribute of ``_ATTRS`` written (``text`` at
        offset ``base`` of the tokens' text; the segmenter's ``lexicon`` of that text, if it made one)."""
        # The bigram starting at each character; the last one pairs it with an end mark.
        bigrams = [text[i : i + 2] for i in range(len(text) - 1)] + [text[-1] + "</s>"] if text else []
        columns = [bigrams, char_tags(text, tokens, base, self._word_tags)]
        if self.lexicon:
            freq, tags = self.segmenter.lexicon()
            matches = lexicon_features(text, base, lexicon, tags) if lexicon is not None else None
            columns += matches or lexicon_matches(text, freq, tags)
        return columns

    def char_doc(
        self, vocab: Vocab, text: str, tokens: list[Token], base: int = 0, lexicon: Lexicon | None = None
    ) -> CharDoc:
        """``text`` (at offset ``base`` of the tokens' text; tokens covering it end to end, clipped to it) as the
        model reads it: the arrays of a character ``Doc`` after this component, without the ``Doc``. The
        segmenter's ``lexicon`` of the tokens' text, when given, spares the dictionary scan.

        The values are those of ``columns`` hashed, but the jieba and dictionary features, drawn from a
        few thousand strings, are hashed once per string (``_tag_hashes``, ``_lexicon_hash``) rather than
        once per character; the bigrams, nearly all distinct, are hashed as they come."""
        n = len(text)
        index = self._lexeme_index
        for char in text:
            if char not in index:
                lexeme = vocab[char]
                row = len(index)
                if row == len(self._lexeme_table):  # full: twice the rows
                    self._lexeme_table = numpy.concatenate((self._lexeme_table, numpy.zeros_like(self._lexeme_table)))
                self._lexeme_table[row] = (lexeme.orth, lexeme.shape, int(lexeme.is_space))
                index[char] = row
        own = self._lexeme_table[numpy.fromiter(map(index.__getitem__, text), dtype=numpy.intp, count=n)]
        columns = {ORTH: own[:, 0], SHAPE: own[:, 1], IS_SPACE: own[:, 2]}
        bigrams = [text[i : i + 2] for i in range(n - 1)] + [text[-1] + "</s>"] if text else []
        columns[NORM] = numpy.fromiter(map(hash_string, bigrams), dtype="uint64", count=n)
        columns[TAG] = self._tag_column(text, tokens, base)
        matches = None
        if self.lexicon:
            _, tags = self.segmenter.lexicon()
            matches = self._lexicon_columns(text, base, lexicon, tags) if lexicon is not None else None
            if matches is None:
                freq, tags = self.segmenter.lexicon()
                matches = tuple(
                    numpy.fromiter(map(hash_string, values), dtype="uint64", count=n)
                    for values in lexicon_matches(text, freq, tags)
                )
        else:  # no feature writes LEMMA and DEP: a Doc's 0
            matches = (numpy.zeros(n, dtype="uint64"), numpy.zeros(n, dtype="uint64"))
        columns[LEMMA], columns[DEP] = matches
        # A character doc's first token starts a sentence; no other is marked.
        columns[SENT_START] = numpy.zeros(n, dtype="uint64")
        columns[SENT_START][:1] = 1
        return CharDoc(vocab, text, columns)

    def _tag_column(self, text: str, tokens: list[Token], base: int) -> numpy.ndarray:
        """``char_tags`` hashed: each (length, POS) pair's tags hashed once (``_tag_hashes``)."""
        values = char_tags(text, tokens, base, self._tag_hashes, self._no_tag_hash, _hashed_position_tags)
        return numpy.fromiter(values, dtype="uint64", count=len(text))

    def _lexicon_columns(
        self, text: str, base: int, lexicon: Lexicon, tags: dict[str, str]
    ) -> tuple[numpy.ndarray, numpy.ndarray] | None:
        """``lexicon_features`` hashed (None where it is None): the positions holding a word, written at once."""
        n = len(text)
        starts = numpy.frombuffer(lexicon.starts, dtype=numpy.uint8, count=n, offset=base) if n else numpy.zeros(0)
        ends = numpy.frombuffer(lexicon.ends, dtype=numpy.uint8, count=n, offset=base) if n else numpy.zeros(0)
        at_starts = numpy.flatnonzero(starts).tolist()
        at_ends = numpy.flatnonzero(ends).tolist()
        lengths_from = starts[at_starts].tolist()
        lengths_to = ends[at_ends].tolist()
        if any(i + length > n for i, length in zip(at_starts, lengths_from, strict=True)):
            return None
        if any(i + 1 < length for i, length in zip(at_ends, lengths_to, strict=True)):
            return None
        none = self._no_match_hash
        start_column = numpy.full(n, none, dtype="uint64")
        end_column = numpy.full(n, none, dtype="uint64")
        start_column[at_starts] = self._lexicon_hashes_of(
            [text[i : i + k] for i, k in zip(at_starts, lengths_from, strict=True)], tags
        )
        end_column[at_ends] = self._lexicon_hashes_of(
            [text[i + 1 - k : i + 1] for i, k in zip(at_ends, lengths_to, strict=True)], tags
        )
        return start_column, end_column

    def _lexicon_hashes_of(self, words: list[str], tags: dict[str, str]) -> list[int]:
        """The hashes of dictionary words' features (``4nt``), each word's computed once."""
        memo = self._lexicon_hashes
        values = list(map(memo.get, words))
        if None in values:
            for i, word in enumerate(words):
                if values[i] is None:
                    values[i] = memo[word] = hash_string(f"{len(word)}{tags.get(word, 'x')}")
        return values

    def __call__(self, doc: Doc) -> Doc:
        tokens = doc.user_data.pop(TOKENS_KEY, None)
        # The words cover the text end to end, and joining them is cheaper than ``doc.text``,
        # which visits every token object.
        text = "".join(tok.text for tok in tokens) if tokens is not None else doc.text
        if len(doc) != len(text):  # not a character doc, or words that do not cover it
            text, tokens = doc.text, None
            if len(doc) != len(text):  # not a character doc: nothing sensible to add
                return doc
        if tokens is None:
            tokens = self._segment(text)
        columns = self.columns(text, tokens)
        if text:
            # One array write per feature instead of attribute writes per Token object: the
            # per-token Python loop was a tenth of the pipeline's time. The values are the
            # strings' hashes, which is all the model reads; they are not added to the
            # vocabulary's string store, which would grow with every new bigram of a long batch.
            values = numpy.array([list(map(hash_string, column)) for column in columns], dtype="uint64")
            doc.from_array(_ATTRS[: len(columns)], numpy.ascontiguousarray(values.T))
        return doc


@Language.factory("xinwen_char_features")
def create_char_features(nlp: Language, name: str, lexicon: bool = False) -> CharFeatures:  # noqa: ARG001
    return CharFeatures(lexicon=lexicon)
