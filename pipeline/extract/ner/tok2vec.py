"""The NER model's character encoder (its ``tok2vec``) at inference, in numpy.

The encoder is where the model spends its time: matrix products, in
numpy's OpenBLAS (``ops``). Around them thinc's layers add work that
inference does not need, and the embedding does more products than it needs:

* spaCy's ``MultiHashEmbed`` looks up each feature of each character (the
  character, its bigram, its jieba tag, its dictionary matches, its static
  vector), concatenates the vectors and mixes them with one maxout layer, a
  product of 448 columns per character. But a product is linear: the mix of a
  concatenation is the sum of each feature's own mix. So each feature is
  mixed once per distinct value in the batch (a few hundred tags and
  dictionary matches, a thousand characters) and the results gathered per
  character; only the bigrams, nearly all distinct, cost what they did.
* the window encoder's layers are the same formulas as thinc's (the docs laid
  end to end with ``pad`` zero rows between them, a window of rows, a maxout,
  a layer norm, a residual sum), without the argmax indices and copies that
  training needs; numpy's ``max`` over a short last axis, slow, is a strided
  maximum.

The output is spaCy's up to float rounding (the sums are in another order;
``tests/test_ner_greedy.py`` bounds the difference and checks that the
entities are spaCy's). ``FastTok2Vec.supports`` accepts the layout
``models/ner.cfg`` trains (Tok2Vec with MultiHashEmbed and static vectors, a
maxout window encoder, the parser's linear projection); any other runs in thinc.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from thinc.api import Model

Array = numpy.ndarray


def maxout(values: Array, pieces: int) -> Array:
    """The largest of each unit's ``pieces`` adjacent columns: strided maxima, far faster in numpy than
    ``max`` over a short last axis."""
    best = values[:, ::pieces]
    for piece in range(1, pieces):
        best = numpy.maximum(best, values[:, piece::pieces])
    return best


def layer_norm(values: Array, gain: Array, shift: Array) -> Array:
    """thinc's ``LayerNorm``, same formula; the variance reuses the mean (the same value ``var`` computes)."""
    mean = values.mean(axis=1, keepdims=True)
    var = values.var(axis=1, keepdims=True, mean=mean) + 1e-08
    # (values - mean) * var ** -0.5 * gain + shift, the same operations in the same order, in place.
    out = values - mean
    out *= var ** (-1.0 / 2.0)
    out *= gain
    out += shift
    return out


def doc_arrays(docs: Sequence[Doc], attrs: list[int]) -> Array:
    """The attributes of every doc, one row per token, the docs end to end: each doc's ``to_array(attrs)``
    concatenated, or, for docs that hand out their columns (``CharDoc.column``), each attribute's
    columns concatenated, without a stacked array per doc."""
    if all(hasattr(doc, "column") for doc in docs):
        return numpy.stack([numpy.concatenate([doc.column(attr) for doc in docs]) for attr in attrs], axis=1)
    return numpy.concatenate([doc.to_array(attrs).reshape(len(doc), len(attrs)) for doc in docs])


def _maxout_params(layer: Model) -> tuple[Array, Array, int]:
    """A thinc ``Maxout``'s weights as (inputs, units * pieces), its bias, its pieces."""
    units, pieces = layer.get_dim("nO"), layer.get_dim("nP")
    weights = layer.get_param("W").reshape(units * pieces, -1)
    return numpy.ascontiguousarray(weights.T), layer.get_param("b").reshape(-1), pieces


class _Layout(NamedTuple):
    """The layers of ``models/ner.cfg``'s encoder that inference reads."""

    extractor: Model
    tables: list[Model]  # one HashEmbed per feature column
    static: Model
    mix: Model  # the maxout that mixes the embedded features
    mix_norm: Model
    encode: Model  # with_array(residual(expand_window >> maxout >> layernorm) x depth)
    cells: list[tuple[Model, Model, Model]]  # each residual's window, maxout, layer norm
    linear: Model  # the parser's projection


def _layout(tok2vec: Model) -> _Layout | None:
    """The layers of the layout ``models/ner.cfg`` trains (spaCy's Tok2Vec, MultiHashEmbed with static
    vectors, a maxout window encoder, the parser's linear projection), or None for any other."""
    try:
        body, to_array, linear = tok2vec.layers
        embed, encode = body.layers
        both, mix, _ = embed.layers
        features, static = both.layers
        extractor, _, hashed = features.layers
        mix_maxout, mix_norm = mix.layers[0].layers[0].layers
        tables = [getitem_hash.layers[1] for getitem_hash in hashed.layers[0].layers]
        cells = []
        for residual in encode.layers[0].layers:
            window, rest = residual.layers[0].layers
            cells.append((window, *rest.layers[0].layers))
    except (ValueError, IndexError):
        return None
    names = (to_array.name, linear.name, static.name, mix_maxout.name, mix_norm.name)
    if (
        names != ("list2array", "linear", "static_vectors", "maxout", "layernorm")
        or "columns" not in extractor.attrs
        or "pad" not in encode.attrs
        or any(table.name != "hashembed" for table in tables)
        or any(tuple(layer.name for layer in cell) != ("expand_window", "maxout", "layernorm") for cell in cells)
    ):
        return None
    return _Layout(extractor, tables, static, mix_maxout, mix_norm, encode, cells, linear)


class FastTok2Vec:
    """``tok2vec.predict(docs)``: one array of vectors, the docs' characters end to end."""

    def __init__(self, tok2vec: Model) -> None:
        layout = _layout(tok2vec)
        if layout is None:
            raise ValueError("not the encoder layout of models/ner.cfg (check FastTok2Vec.supports first)")
        from spacy.attrs import IDS

        self._ops = layout.mix.ops
        columns = layout.extractor.attrs["columns"]
        self._attrs = [IDS[c] for c in columns]
        weights, self._mix_bias, self._mix_pieces = _maxout_params(layout.mix)
        self._mix_norm = layout.mix_norm.get_param("G"), layout.mix_norm.get_param("b")
        # Per hashed feature: its column, hash seed, table, and its rows of the mix.
        self._tables = []
        at = 0
        for table in layout.tables:
            vectors = table.get_param("E")
            block = numpy.ascontiguousarray(weights[at : at + vectors.shape[1]])
            self._tables.append((table.attrs["column"], table.attrs["seed"], vectors, block))
            at += vectors.shape[1]
        # The static vectors' projection and its rows of the mix, as one matrix.
        projection = layout.static.get_param("W")
        self._static = numpy.ascontiguousarray(projection.T @ weights[at : at + projection.shape[0]])
        self._static_column = columns.index(layout.static.attrs["key_attr"])
        # The window encoder: per residual layer, window, maxout, layer norm.
        self._pad = layout.encode.attrs["pad"]
        self._layers = [
            (window.attrs["window_size"], *_maxout_params(layer), norm.get_param("G"), norm.get_param("b"))
            for window, layer, norm in layout.cells
        ]
        self._projection = numpy.ascontiguousarray(layout.linear.get_param("W").T), layout.linear.get_param("b")

    @staticmethod
    def supports(tok2vec: Model) -> bool:
        """Whether ``tok2vec`` has the layout of ``models/ner.cfg``."""
        return _layout(tok2vec) is not None

    def predict(self, docs: Sequence[Doc]) -> Array:
        lengths = [len(doc) for doc in docs]
        # The docs end to end, ``pad`` zero rows before each and after the last, as thinc's ``with_array``.
        starts = numpy.cumsum([0, *lengths[:-1]]) + self._pad * numpy.arange(1, len(docs) + 1)
        rows = numpy.concatenate([numpy.arange(s, s + n) for s, n in zip(starts.tolist(), lengths, strict=True)])
        embedded = self._embed(docs)
        vectors = numpy.zeros((sum(lengths) + self._pad * (len(docs) + 1), embedded.shape[1]), embedded.dtype)
        vectors[rows] = embedded
        for window, weights, bias, pieces, gain, shift in self._layers[:-1]:
            mixed = self._ops.seq2col(vectors, window) @ weights
            mixed += bias
            vectors = vectors + layer_norm(maxout(mixed, pieces), gain, shift)
        # The last layer's padding rows are read by nothing after it: only the docs' rows are computed
        # (a row of a product or a layer norm does not depend on the other rows).
        window, weights, bias, pieces, gain, shift = self._layers[-1]
        mixed = self._ops.seq2col(vectors, window)[rows] @ weights
        mixed += bias
        vectors = vectors[rows] + layer_norm(maxout(mixed, pieces), gain, shift)
        weights, bias = self._projection
        out = vectors @ weights
        out += bias
        return out

    def _embed(self, docs: Sequence[Doc]) -> Array:
        ids = doc_arrays(docs, self._attrs)
        ids = ids.astype(numpy.uint64, copy=False)
        vocab_vectors = docs[0].vocab.vectors
        mixed = None
        for column, seed, vectors, block in self._tables:
            values, where = numpy.unique(ids[:, column], return_inverse=True)
            keys = self._ops.hash(numpy.ascontiguousarray(values), seed) % vectors.shape[0]
            own = self._ops.gather_add(vectors, keys) @ block
            if column == self._static_column:
                rows = vocab_vectors.find(keys=values)
                static = vocab_vectors.data[rows] @ self._static
                static[rows < 0] = 0  # no static vector: spaCy's zero
                own += static
            part = own[where.reshape(-1)]
            mixed = part if mixed is None else numpy.add(mixed, part, out=mixed)
        mixed += self._mix_bias
        return layer_norm(maxout(mixed, self._mix_pieces), *self._mix_norm)
