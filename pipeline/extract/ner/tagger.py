"""The NER head of the tagger variant: one BILUO tag per character, decoded into ``doc.ents``.

spaCy's own ``ner`` component is a transition parser: it walks the text one
action at a time, each action a small network run on the state. On xinwen's
character docs that walk took a quarter of the whole pipeline's time (a
stage timing on 60 bench articles). This head scores every character at once
with one softmax layer on the encoder's output, and reads the entities off the
best tags:

* the argmax tag of each character, when the sequence is valid BILUO (an
  ``I-`` or ``L-`` only after a ``B-`` or ``I-`` of the same type): two thirds
  of the paragraphs;
* otherwise the best valid sequence (Viterbi on the log-probabilities, with
  the invalid transitions forbidden), so a stray ``I-`` never makes a
  half-entity. (Decoding only the stretch around each broken pair, between
  the nearest ``O`` tags, cost 0.4 point of MSRA dev F1: the best sequence
  often turns such an ``O`` into ``B-``.)

The component keeps the name ``ner`` and writes ``doc.ents``, so the extractor,
the scorer and the training loop treat it as they treat the parser. It is the
head of the variant ``models/ner-tagger.cfg``: 1.35x the pipeline's speed
against spaCy's walk, 0.4 point lower on MSRA test, so the shipped model kept
the parser (``models/README.md``). Since then the parser is decoded by
``GreedyNer`` (``greedy``), without the walk, and the shipped model runs
faster than this variant does.
"""

# No ``from __future__ import annotations``: spaCy reads ``initialize``'s annotations at run time.

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.vocab import Vocab
from thinc.api import Model, SequenceCategoricalCrossentropy

Array = numpy.ndarray
MISSING = "-"
_ACTIONS = "BILU"


def tag_names(labels: Sequence[str]) -> list[str]:
    """``O`` then ``B-``, ``I-``, ``L-``, ``U-`` of each label, in that order."""
    return ["O"] + [f"{action}-{label}" for label in labels for action in _ACTIONS]


def log_softmax(scores: Array) -> Array:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))


class BiluoDecoder:
    """Tag ids from tag scores: the argmax where it is valid BILUO, else the best valid sequence."""

    def __init__(self, n_labels: int) -> None:
        n = 1 + 4 * n_labels
        begin, inside, last = (numpy.arange(n_labels) * 4 + k for k in (1, 2, 3))
        is_open = numpy.isin(numpy.arange(n), numpy.concatenate((begin, inside)))  # B- and I-: an entity is open
        # Which tag may start a sequence, end it, and follow which (``allowed[previous, next]``).
        self.first = ~numpy.isin(numpy.arange(n), numpy.concatenate((inside, last)))  # O, B- or U-
        self.last = ~is_open  # O, L- or U-
        self.allowed = numpy.zeros((n, n), dtype=bool)
        self.allowed[~is_open] = self.first  # after O, L- or U-: O, B- or U-
        for k in range(n_labels):  # after B-x or I-x: I-x or L-x
            self.allowed[numpy.ix_([begin[k], inside[k]], [inside[k], last[k]])] = True
        # Tags that share their allowed predecessors share one max per step of the Viterbi:
        # (O, B-, U- all follow O, L-, U-; I-x and L-x follow B-x, I-x): four maxes for three types, not 13.
        groups: dict[tuple[int, ...], list[int]] = {}
        for tag in range(n):
            groups.setdefault(tuple(numpy.flatnonzero(self.allowed[:, tag]).tolist()), []).append(tag)
        self._groups = list(groups.items())

    def valid(self, tags: Array) -> bool:
        return bool(self.first[tags[0]] and self.last[tags[-1]] and self.allowed[tags[:-1], tags[1:]].all())

    def __call__(self, scores: Sequence[Array]) -> list[list[int]]:
        return [
            best.tolist() if not len(best) or self.valid(best) else self.best_valid(log_softmax(x))
            for x, best in ((x, x.argmax(axis=1)) for x in scores)
        ]

    def best_valid(self, log_probs: Array) -> list[int]:
        """The highest-scoring valid sequence (Viterbi with the invalid transitions forbidden).

        Plain Python on lists: on 13 tags a step is a few list operations, cheaper
        than the numpy calls that would do it (1.9x faster on the paragraphs of 60 bench articles).
        """
        rows = log_probs.tolist()
        inf = float("-inf")
        score = [v if ok else inf for v, ok in zip(rows[0], self.first.tolist(), strict=True)]
        back = []
        for row in rows[1:]:
            new = [inf] * len(row)
            pointers = [0] * len(row)
            for preds, tags in self._groups:
                prev = max(preds, key=score.__getitem__)
                for tag in tags:
                    new[tag] = score[prev] + row[tag]
                    pointers[tag] = prev
            score = new
            back.append(pointers)
        tag = max(numpy.flatnonzero(self.last).tolist(), key=score.__getitem__)
        path = [tag]
        for pointers in reversed(back):
            tag = pointers[tag]
            path.append(tag)
        return path[::-1]


class EntityTagger(TrainablePipe):
    """Character BILUO tagger for PERSON, LOC and ORG; see the module docstring for why."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "ner",
        *,
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg: dict[str, Any] = {"labels": []}
        self.scorer = scorer
        self._decoder: BiluoDecoder | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> list[str]:
        return tag_names(self.labels)

    def add_label(self, label: str) -> int:
        if label in self.labels:
            return 0
        self.cfg["labels"].append(label)
        self._decoder = None
        return 1

    def predict(self, docs: Iterable[Doc]) -> list[list[int]]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [[] for _ in docs]
        if self._decoder is None:
            self._decoder = BiluoDecoder(len(self.labels))
        return self._decoder([self.model.ops.to_numpy(scores) for scores in self.model.predict(docs)])

    def set_annotations(self, docs: Iterable[Doc], tag_ids: list[list[int]]) -> None:
        labels = self.labels
        for doc, ids in zip(docs, tag_ids, strict=True):
            ents = []
            start = 0
            for i, tag in enumerate(ids):
                if tag == 0:
                    continue
                action = (tag - 1) % 4
                if action in (0, 3):  # B- or U- opens an entity
                    start = i
                if action in (2, 3):  # L- or U- closes it
                    ents.append(Span(doc, start, i + 1, label=labels[(tag - 1) // 4]))
            doc.set_ents(ents, default="outside")

    def get_loss(self, examples: Iterable[Example], scores: list[Any]) -> tuple[float, list[Any]]:
        names = self.tags
        known = set(names)
        loss_func = SequenceCategoricalCrossentropy(names=names, normalize=False, missing_value=MISSING)
        truths = [[t if t in known else MISSING for t in eg.get_aligned_ner()] for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"{self.name}: the loss is NaN")
        return float(loss), d_scores

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,  # noqa: ARG002 - spaCy's signature
        labels: Sequence[str] | None = None,
    ) -> None:
        examples = list(get_examples())
        for label in labels or sorted({ent.label_ for eg in examples for ent in eg.reference.ents}):
            self.add_label(label)
        index = {name: i for i, name in enumerate(self.tags)}
        docs, truths = [], []
        for eg in examples[:10]:
            docs.append(eg.x)
            one_hot = numpy.zeros((len(eg.x), len(index)), dtype="float32")
            for i, tag in enumerate(eg.get_aligned_ner()):
                one_hot[i, index.get(tag, 0)] = 1.0
            truths.append(self.model.ops.asarray(one_hot))
        self.model.initialize(X=docs, Y=truths)


@Language.factory("xinwen_entity_tagger", default_config={"scorer": {"@scorers": "spacy.ner_scorer.v1"}})
def create_entity_tagger(
    nlp: Language, name: str, model: Model, scorer: Callable[..., dict[str, Any]] | None
) -> EntityTagger:
    return EntityTagger(nlp.vocab, model, name, scorer=scorer)
