"""xinwen as a spaCy pipeline component: ``nlp.add_pipe("xinwen")`` on any Chinese pipeline.

Registered through the ``spacy_factories`` entry point (``pyproject.toml``), so
once xinwen is installed::

    nlp = spacy.blank("zh")                  # or a jieba / pkuseg tokenizer, or a trained pipeline
    nlp.add_pipe("xinwen", config={"region": "hk", "published_at": "2025-02-27"})
    doc = nlp("香港特區政府運輸署今日公布……")
    for ent in doc.ents:
        print(ent.text, ent.label_, ent._.normalized)
    doc._.xinwen                             # the whole Document: relations, clusters, metadata

What it sets, from the ``Document`` the pipeline makes of ``doc.text``:

* ``doc.ents``: its entities, labelled PERSON, ORG, LOC, AMOUNT, DATE (replacing
  any entities already set);
* ``Span._.normalized``: the entity's normalized value as a dict (an amount's
  ``kind``, ``value``, ``unit``, ``currency``…; a date's ``value``, ``granularity``…),
  None for names;
* ``Doc._.xinwen``: the ``Document`` itself (its offsets index ``doc.text``, with
  CRLF and CR read as LF, as ``extract`` reads them).

**Tokens.** spaCy entities are token spans, while xinwen's offsets are
characters. With spaCy's Chinese character tokenizer (``spacy.blank("zh")``)
every record falls on token boundaries. With a word segmenter (jieba, pkuseg) a
record may start or end inside a token: it is aligned with
``doc.char_span(start, end, alignment_mode="expand")``, which widens it to the
whole tokens it touches (``北京`` inside the token ``北京市`` becomes ``北京市``).
``Span._.normalized`` and ``Doc._.xinwen`` still hold the record as found, so
the exact offsets are never lost.

**Overlaps.** ``doc.ents`` cannot overlap, but records can (rarely), and widening
to tokens can make two overlap. They are resolved by spaCy's ``filter_spans``:
the longest span (in tokens) is kept, of equal ones the earlier; the others
stay in ``Doc._.xinwen``.

**Per document.** ``doc.user_data["xinwen.published_at"]`` and
``doc.user_data["xinwen.region"]``, set before the component runs, override the
config for that doc. ``nlp.pipe`` runs the texts through ``Pipeline.pipe``
(the NER model batched across docs).

**Round trip.** Everything is kept in ``doc.user_data`` (the Document as JSON),
so ``DocBin(store_user_data=True)`` carries ``doc.ents``, ``Span._.normalized``
and ``Doc._.xinwen`` across; a process that loads such docs calls
``register_extensions()`` first (adding the component does it too). displaCy
renders ``doc.ents`` as usual.

Importing this module registers the factory with spaCy and nothing else; the
pipeline loads its resources on the first doc.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from pipeline.config import Settings
from pipeline.records import Document

DOCUMENT_KEY = "xinwen.document"
"""``doc.user_data`` key of the Document, as JSON (what ``Doc._.xinwen`` reads, and ``DocBin`` can store)."""
PUBLISHED_AT_KEY, REGION_KEY = "xinwen.published_at", "xinwen.region"

_parsed: weakref.WeakKeyDictionary[Doc, tuple[str, Document]] = weakref.WeakKeyDictionary()


def register_extensions() -> None:
    """``Doc._.xinwen`` and ``Span._.normalized`` (idempotent)."""
    if not Doc.has_extension("xinwen"):
        Doc.set_extension("xinwen", getter=_document)
    if not Span.has_extension("normalized"):
        Span.set_extension("normalized", default=None)


def _document(doc: Doc) -> Document | None:
    """The Document kept in ``doc.user_data``, parsed once per doc (and again only if the JSON changed)."""
    raw = doc.user_data.get(DOCUMENT_KEY)
    if raw is None:
        return None
    cached = _parsed.get(doc)
    if cached is not None and cached[0] is raw:
        return cached[1]
    record = Document.model_validate_json(raw)
    _parsed[doc] = (raw, record)
    return record


class XinwenComponent:
    """The spaCy component: ``Pipeline.extract`` (or ``pipe``) on each doc's text, written onto the doc."""

    def __init__(
        self,
        name: str,
        settings: Settings,
        published_at: str | None = None,
        batch_size: int = 64,
    ) -> None:
        from pipeline.core import Pipeline

        register_extensions()
        self.name = name
        self.pipeline = Pipeline(settings)
        self.published_at = published_at
        self.batch_size = batch_size

    def _arguments(self, doc: Doc) -> dict[str, Any]:
        # (the config's region is in the pipeline's settings already)
        return {
            "published_at": doc.user_data.get(PUBLISHED_AT_KEY) or self.published_at,
            "region": doc.user_data.get(REGION_KEY),
        }

    def __call__(self, doc: Doc) -> Doc:
        if not _has_text(doc.text):
            return self._set(doc, None)
        return self._set(doc, self.pipeline.extract(doc.text, **self._arguments(doc)))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size or self.batch_size):
            texts = [(doc.text, self._arguments(doc)) for doc in batch if _has_text(doc.text)]
            records = iter(self.pipeline.pipe(texts, batch_size=len(texts) or 1, as_tuples=True))
            for doc in batch:
                yield self._set(doc, next(records)[0] if _has_text(doc.text) else None)

    def _set(self, doc: Doc, record: Document | None) -> Doc:
        """Write ``record`` onto ``doc``: ents (aligned, without overlaps), normalized values, the Document."""
        if record is None:
            doc.user_data.pop(DOCUMENT_KEY, None)
            doc.ents = []
            return doc
        to_doc = _offsets(doc.text, record.text)
        spans, normalized = [], {}
        for entity in record.entities:
            start, end = (to_doc[entity.start], to_doc[entity.end]) if to_doc else (entity.start, entity.end)
            span = doc.char_span(start, end, label=entity.type, alignment_mode="expand")
            if span is None or (span.start, span.end, entity.type) in normalized:
                continue  # a span that covers no token; or a second record on the same tokens: the first is kept
            spans.append(span)
            normalized[(span.start, span.end, entity.type)] = (
                entity.normalized.model_dump(mode="json") if entity.normalized is not None else None
            )
        kept = filter_spans(spans)
        for span in kept:
            span._.normalized = normalized[(span.start, span.end, span.label_)]
        doc.ents = kept
        doc.user_data[DOCUMENT_KEY] = record.model_dump_json()
        return doc


def _has_text(text: str) -> bool:
    from pipeline.visible import visible

    return bool(text.strip()) and bool(visible(text).text.strip())


def _offsets(original: str, normalized: str) -> list[int] | None:
    """Where each offset of ``normalized`` (CRLF read as LF) falls in ``original``; None when they are the same text."""
    if original == normalized:
        return None
    back = [j for j in range(len(original)) if not original.startswith("\r\n", j)]  # a CRLF's LF stands for it
    back.append(len(original))
    return back


@Language.factory(
    "xinwen",
    default_config={
        "ner": True,
        "model": None,
        "region": None,
        "opencc": None,
        "published_at": None,
        "batch_size": 64,
    },
    assigns=["doc.ents", "span._.normalized", "doc._.xinwen"],
)
def make_xinwen(
    nlp: Language,  # noqa: ARG001 - spaCy's factory signature
    name: str,
    ner: bool,
    model: str | None,
    region: str | None,
    opencc: str | None,
    published_at: str | None,
    batch_size: int,
) -> XinwenComponent:
    """``nlp.add_pipe("xinwen", config={...})``: ``ner`` (use the NER model), ``model`` (its directory; default
    the one shipped), ``region`` (mainland, tw, hk, mo; default detected per doc), ``opencc`` (t2s, tw2s, hk2s;
    default by region), ``published_at`` (ISO 8601, the anchor of relative dates), ``batch_size`` (docs per
    model run in ``nlp.pipe``)."""
    settings = Settings(ner=ner, model_path=Path(model) if model else None, region=region, opencc_config=opencc)
    return XinwenComponent(name, settings, published_at, batch_size)
