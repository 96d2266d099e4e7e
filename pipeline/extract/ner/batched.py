"""The NER extractor with one model run over the pieces of many documents (``Pipeline.pipe``).

On short texts (headlines, sentences, posts) the model's cost is mostly per
call: a few dozen numpy operations and a spaCy batch for a text of 50
characters. ``BatchedNer`` is ``NerExtractor`` with a way to run the model
once for the pieces of a whole batch of documents, so those costs are paid
once per batch:

1. ``collect(ctx)`` runs ``find(ctx)`` with the model switched off: the
   extractor cuts the text into its pieces and builds their character docs, as
   it always does, and those docs are kept;
2. ``run()`` feeds every kept doc, in order, through the extractor's own model
   step (``_entities``: the features, the encoder and the greedy decoder, in
   the extractor's minibatches);
3. ``find(ctx)`` afterwards reads those entities instead of running the model,
   and does everything else as ever (offsets, trimmed titles and clauses, 该协会,
   confidence).

So every rule of ``find`` applies unchanged and the mentions are the ones
``find`` alone gives (``tests/test_pipe.py`` checks ``pipe()`` against
``extract()``, and that the model ran once per batch, not once per document).
A context that was not collected is extracted as usual. Results are keyed by
the context object and dropped by ``clear()``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.extract.base import Context, Mention
from pipeline.extract.ner.extractor import NerExtractor

if TYPE_CHECKING:
    from spacy.tokens import Doc

Entities = list[tuple[int, int, str]]  # one piece's entities: start, end (in the piece), label


class _Ready:
    """Stands in for a context's docs once the model has run on them: their entities, piece by piece."""

    __slots__ = ("entities",)

    def __init__(self, entities: list[Entities]) -> None:
        self.entities = entities


class BatchedNer(NerExtractor):
    """``NerExtractor`` that can run its model once for many contexts (see the module docstring)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._collecting: list[Doc] | None = None
        self._pending: list[tuple[Context, int]] = []  # contexts collected, with their number of docs
        self._docs_kept: list[Doc] = []
        self._ready: dict[int, tuple[Context, _Ready]] = {}

    def collect(self, ctx: Context) -> None:
        """Keep the character docs of ``ctx``'s pieces for the next ``run()``."""
        if self._nlp is None:
            self._load()  # before ``find`` swaps the BLAS limit out, which loading sets
        self._collecting = []
        try:
            self.find(ctx)  # the model is not run: ``_entities`` yields nothing found while collecting
            docs = self._collecting
        finally:
            self._collecting = None
        self._pending.append((ctx, len(docs)))
        self._docs_kept.extend(docs)

    def run(self) -> None:
        """The model over every doc collected since the last run, in one stream; ``find`` then reads the results."""
        docs, pending = self._docs_kept, self._pending
        self._docs_kept, self._pending = [], []
        if not docs:
            for ctx, _ in pending:
                self._ready[id(ctx)] = (ctx, _Ready([]))
            return
        with self._one_blas_thread():
            found = list(super()._entities(iter(docs)))
        at = 0
        for ctx, count in pending:
            self._ready[id(ctx)] = (ctx, _Ready(found[at : at + count]))
            at += count

    def clear(self) -> None:
        """Forget collected docs and results (the end of a batch, or a batch abandoned midway)."""
        self._collecting = None
        self._pending, self._docs_kept, self._ready = [], [], {}

    def find(self, ctx: Context) -> list[Mention]:
        if self._collecting is None and id(ctx) not in self._ready:
            return super().find(ctx)  # not collected: the extractor as ever
        # Collecting, or reading results: no matrix product runs, so OpenBLAS needs no limit (it costs
        # a scan of the loaded libraries each time, a tenth of a short text's time in ``find``).
        limit, self._one_blas_thread = self._one_blas_thread, contextlib.nullcontext
        try:
            return super().find(ctx)
        finally:
            self._one_blas_thread = limit
            if self._collecting is None:
                self._ready.pop(id(ctx), None)  # each result is read once

    def _docs(self, ctx: Context, pieces: list[tuple[int, int]]) -> Iterator[Doc] | _Ready:
        ready = self._ready.get(id(ctx))
        if ready is not None and ready[0] is ctx and self._collecting is None:
            return ready[1]
        return super()._docs(ctx, pieces)

    def _entities(self, docs: Iterator[Doc] | _Ready) -> Iterator[Entities]:
        if isinstance(docs, _Ready):
            return iter(docs.entities)
        if self._collecting is not None:
            kept = list(docs)
            self._collecting.extend(kept)
            return iter([[] for _ in kept])
        return super()._entities(docs)

    def __getstate__(self) -> dict[str, object]:
        state = super().__getstate__()
        return {**state, "_collecting": None, "_pending": [], "_docs_kept": [], "_ready": {}}
