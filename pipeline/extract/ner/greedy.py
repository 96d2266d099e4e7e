"""spaCy's greedy NER decoding, computed for all characters at once instead of one action at a time.

spaCy's ``ner`` component is a transition parser: for each character it
builds the state's features, runs a small network and takes the best valid
action (``O``, ``B-``, ``I-``, ``L-``, ``U-``), one step per character. On
xinwen's character docs that walk took a quarter of the whole pipeline's
time (a stage timing of 60 bench articles), though the network is tiny.

The state of spaCy's NER system has three features: the next character, the
first character of the open entity and the character before the next one,
the last two only while an entity is open. So outside entities, where nearly
all characters are, the scores depend on the character alone: they are
computed for every character in one matrix product, and the best valid
action read off at once. Inside an entity the state changes only by the next
character until the entity closes, so where an entity begun at a character
would close is computed for every character whose best action is a ``B-``,
all at once, eight characters a round; a short walk over each doc then keeps
the entities that really begin.

The arithmetic is spaCy's (``spacy/ml/parser_model.pyx``, ``predict_states``;
``spacy/pipeline/_parser_internals/ner.pyx``, the validity of each move):
the same sums in the same order, the first of equal scores wins. The matrix
products are numpy's, and the characters' vectors come from ``FastTok2Vec``
(``tok2vec``) when it reads the encoder, so scores can differ from
spaCy's in the last bits; ``tests/test_ner_greedy.py`` checks that the
entities are spaCy's, and ``make eval`` gives the same scores as with spaCy's
walk on every test set.

It serves the model it can read (a ``TransitionBasedParser`` NER with an
upper layer, no beam, no preset entities, which ``xinwen_ner`` is);
``GreedyNer.supports`` says so, and the extractor falls back to spaCy's own
walk for any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy

from pipeline.extract.ner.tok2vec import FastTok2Vec, doc_arrays, maxout

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc

Array = numpy.ndarray
Entity = tuple[int, int, str]  # token start, token end, label
_STEP = 8  # characters scored at once inside an entity; most entities close within it


class GreedyNer:
    """The entities spaCy's greedy ``ner`` would set, as ``(start, end, label)`` token offsets per doc."""

    def __init__(self, component: EntityRecognizer) -> None:
        model = component.model
        tok2vec = model.get_ref("tok2vec")
        self._tok2vec = FastTok2Vec(tok2vec) if FastTok2Vec.supports(tok2vec) else tok2vec
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        n_feats, n_hidden, n_pieces = lower.get_dim("nF"), lower.get_dim("nO"), lower.get_dim("nP")
        width = n_hidden * n_pieces
        # lower W is (nF, nO, nP, nI): one (nI -> nO*nP) projection per feature.
        self._lower = numpy.ascontiguousarray(lower.get_param("W").reshape(n_feats * width, -1).T)
        self._pad = lower.get_param("pad").reshape(n_feats, width)
        self._bias = lower.get_param("b").reshape(width)
        self._shape = (n_feats, n_hidden, n_pieces)
        self._upper_w = numpy.ascontiguousarray(upper.get_param("W").T)
        self._upper_b = upper.get_param("b")
        names = [component.moves.get_class_name(i) for i in range(component.moves.n_moves)]
        self._labels = [name.partition("-")[2] for name in names]
        self._begin = _indices(names, "B-")
        # U- with no label only marks preset entities; it is never taken here.
        self._unit = [i for i in _indices(names, "U-") if self._labels[i]]
        self._out = names.index("O")
        # The I- and L- move of each label, indexed by the label's B- move.
        self._inside = numpy.zeros(len(names), dtype=int)
        self._last = numpy.zeros(len(names), dtype=int)
        for b in self._begin:
            self._inside[b] = names.index("I-" + self._labels[b])
            self._last[b] = names.index("L-" + self._labels[b])

    @property
    def reads_arrays(self) -> bool:
        """Whether the encoder is ``FastTok2Vec``, which reads a doc's arrays only (so a ``CharDoc`` does)."""
        return isinstance(self._tok2vec, FastTok2Vec)

    @staticmethod
    def supports(component: object) -> bool:
        """Whether ``component`` is the kind of NER this decoder reproduces."""
        from spacy.pipeline import EntityRecognizer

        if type(component) is not EntityRecognizer or component.cfg.get("beam_width", 1) != 1:
            return False
        model = component.model
        try:
            lower, upper = model.get_ref("lower"), model.get_ref("upper")
        except KeyError:
            return False
        names = [component.moves.get_class_name(i) for i in range(component.moves.n_moves)]
        return (
            model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes")
            and lower.get_dim("nF") == 3
            and lower.get_dim("nP") >= 2
            and upper.has_param("W")
            and "O" in names
            and all(("I-" + n[2:]) in names and ("L-" + n[2:]) in names for n in names if n.startswith("B-"))
        )

    def __call__(self, docs: Sequence[Doc]) -> list[list[Entity]]:
        lengths = [len(doc) for doc in docs]
        if not sum(lengths):
            return [[] for _ in docs]
        vectors = self._tok2vec.predict(list(docs))
        n_feats, n_hidden, n_pieces = self._shape
        feats = (vectors @ self._lower).reshape(len(vectors), n_feats, n_hidden * n_pieces)
        # Outside an entity the second and third features are padding.
        outside = self._scores(((feats[:, 0] + self._pad[1]) + self._pad[2]) + self._bias)
        joins, space = _validity(docs)
        best = self._best_outside(outside, joins & ~space, ~space)
        # Where an entity begun at each B- character would close, all at once; the walk picks the real ones.
        begins = numpy.flatnonzero(numpy.isin(best, self._begin))
        doc_ends = numpy.repeat(numpy.cumsum(lengths), lengths)
        closes = numpy.full(len(best), -1)
        closes[begins] = self._closes(feats, joins, best, begins, doc_ends[begins])
        return self._walk(best, closes, lengths)

    def _scores(self, unmaxed: Array) -> Array:
        """Scores of the moves from summed features: maxout over the pieces, then the upper layer."""
        return maxout(unmaxed, self._shape[2]) @ self._upper_w + self._upper_b

    def _best_outside(self, scores: Array, can_begin: Array, can_unit: Array) -> Array:
        """The best valid move of every character, were no entity open there."""
        masked = numpy.full_like(scores, -numpy.inf)
        masked[:, self._out] = scores[:, self._out]
        masked[:, self._begin] = numpy.where(can_begin[:, None], scores[:, self._begin], -numpy.inf)
        masked[:, self._unit] = numpy.where(can_unit[:, None], scores[:, self._unit], -numpy.inf)
        return masked.argmax(axis=1)  # the first of equal scores, as spaCy

    def _walk(self, best: Array, closes: Array, lengths: list[int]) -> list[list[Entity]]:
        """Follow the moves through the docs: outside entities the best move, inside them to the close.

        One pass over the batch's non-``O`` moves (an entity closes within its doc, so no walk
        crosses into the next doc), each entity's offsets taken from its doc's start."""
        found: list[list[Entity]] = [[] for _ in lengths]
        events = numpy.flatnonzero(best != self._out)
        if not len(events):
            return found
        ends = numpy.cumsum(lengths)
        docs = numpy.searchsorted(ends, events, side="right").tolist()  # the doc of each event
        starts = (ends - lengths).tolist()
        labels = self._labels
        i = 0  # the next character whose move is still to be taken
        moves, closing = best[events].tolist(), closes[events].tolist()
        for at, move, close, doc in zip(events.tolist(), moves, closing, docs, strict=True):
            if at < i:
                continue  # inside an entity already read
            last = at if close < 0 else close  # a U- move, or a B- and its L-
            start = starts[doc]
            found[doc].append((at - start, last + 1 - start, labels[move]))
            i = last + 1
        return found

    def _closes(self, feats: Array, joins: Array, best: Array, begins: Array, doc_ends: Array) -> Array:
        """Where the entity begun at each of ``begins`` takes its ``L-`` move, ``_STEP`` characters a round."""
        closes = numpy.full(len(begins), -1)
        inside, last = self._inside[best[begins]], self._last[best[begins]]
        pending = numpy.arange(len(begins))
        step = 1
        while len(pending):
            first = begins[pending]
            # The next characters, the doc's last repeated past its end (it closes any entity).
            at = numpy.minimum(first[:, None] + numpy.arange(step, step + _STEP), doc_ends[pending, None] - 1)
            unmaxed = ((feats[at, 0] + feats[first, 1][:, None]) + feats[at - 1, 2]) + self._bias
            scores = self._scores(unmaxed.reshape(-1, unmaxed.shape[-1])).reshape(*at.shape, -1)
            rows, cols = numpy.arange(len(pending))[:, None], numpy.arange(_STEP)[None, :]
            # I- is valid while the next character joins; of equal scores the I- move (listed first) wins.
            closing = ~joins[at] | (scores[rows, cols, last[pending, None]] > scores[rows, cols, inside[pending, None]])
            hit = closing.any(axis=1)
            closes[pending[hit]] = at[hit, closing[hit].argmax(axis=1)]
            pending = pending[~hit]
            step += _STEP
        return closes


def _validity(docs: Sequence[Doc]) -> tuple[Array, Array]:
    """Per character of the batch: whether it joins the next one (not the doc's last, the next
    starts no sentence), which ``B-`` and ``I-`` need, and whether it is a space (no ``B-``, ``U-``)."""
    from spacy.attrs import IS_SPACE, SENT_START

    attrs = doc_arrays([doc for doc in docs if len(doc)], [SENT_START, IS_SPACE]).astype(numpy.int64)
    # Whether the next character starts no sentence; a doc's last character joins nothing.
    joins = numpy.zeros(len(attrs), dtype=bool)
    joins[:-1] = attrs[1:, 0] != 1
    joins[numpy.cumsum([len(doc) for doc in docs if len(doc)]) - 1] = False
    return joins, attrs[:, 1] == 1


def _indices(names: list[str], prefix: str) -> list[int]:
    return [i for i, name in enumerate(names) if name.startswith(prefix)]
