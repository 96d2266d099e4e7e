"""The pipeline: the one place where the stages are composed.

``Pipeline()`` builds its stages cheaply; each loads its resources (OpenCC
tables, jieba dictionary, NER model) on first use and keeps them, so one
``Pipeline`` serves many documents. It pickles without its loaded resources,
so worker processes each load their own.

``extract()`` runs one text through every stage; ``pipe()`` runs a stream of
texts and, between the stages that read one text at a time, runs the NER model
once per batch of texts (``pipeline/extract/ner/batched.py``), which is where short
texts spent most of their time.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pipeline.config import Settings
from pipeline.convert import AlignedText, Converter, Script
from pipeline.errors import InputError
from pipeline.extract.amounts import AmountExtractor
from pipeline.extract.base import Context, Extractor, Mention, within
from pipeline.extract.dates import DateExtractor
from pipeline.extract.edges import (
    branches,
    channels,
    holdings,
    honorifics,
    person_edges,
    place_levels,
    streets,
    teams,
    trim_punctuation,
    unit_titles,
    versus,
)
from pipeline.extract.fuse import fuse
from pipeline.extract.ner.batched import BatchedNer
from pipeline.extract.orgs import OrgExtractor
from pipeline.extract.outlets import OutletExtractor
from pipeline.extract.people import PersonExtractor
from pipeline.extract.places import PlaceExtractor, chains
from pipeline.extract.registers import RegisterExtractor
from pipeline.extract.repeats import Repeats
from pipeline.extract.words import whole_words
from pipeline.html import main_text
from pipeline.page import Page, PageParser
from pipeline.read import decode, normalize_newlines
from pipeline.records import Cluster, Document, Entity, Meta, Region, Relation
from pipeline.region import REGIONS, RegionDetector
from pipeline.relations import Linker
from pipeline.segment import Segmenter
from pipeline.visible import Visible, visible

RULES: dict[str, type] = {
    "amounts": AmountExtractor,
    "dates": DateExtractor,
    "people": PersonExtractor,
    "orgs": OrgExtractor,
    "places": PlaceExtractor,
    "outlets": OutletExtractor,
    "registers": RegisterExtractor,
}
NO_ENTITIES = frozenset({"site", "breadcrumb", "furniture"})
EXTRACT_ARGUMENTS = frozenset({"published_at", "id", "source", "encoding", "title", "url", "region"})
"""The keyword arguments of ``Pipeline.extract``: the keys a ``pipe()`` context may set for its text."""
BATCH_CHARS = 100_000
"""``pipe()`` closes a batch at this many characters, however few texts (the model's docs are held per batch)."""


def parse_published_at(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError("published_at", f"not an ISO 8601 date or time: {value!r}") from None


def _iso(pub: datetime | None) -> str | None:
    """2025-02-27T09:51+08:00 for a time with its zone; a bare date or naive time as given."""
    if pub is None:
        return None
    return pub.isoformat(timespec="minutes") if pub.tzinfo else pub.isoformat()


def _to_original(
    view: Visible, entities: list[Entity], relations: list[Relation], clusters: list[Cluster], regions: list[Region]
) -> tuple[list[Entity], list[Relation], list[Cluster], list[Region]]:
    """Offsets found on the visible text, moved onto the original; an entity's ``text`` is re-read from it.

    So 张<U+200B>三丰 keeps its invisible character in ``text`` (the offset invariant needs it), while
    ``text_simplified``, ``canonical``, relation titles and metadata keep the clean, visible form
    the analysis read: the form to compare, count and search by.
    """
    moved = []
    for e in entities:
        start, end = view.span(e.start, e.end)
        moved.append(e.model_copy(update={"start": start, "end": end, "text": view.original[start:end]}))
    parts = []
    for r in regions:
        start, end = view.span(r.start, r.end)
        parts.append(r.model_copy(update={"start": start, "end": end}))
    return (
        moved,
        [r.model_copy(update={"evidence": view.span(*r.evidence)}) for r in relations],
        [c.model_copy(update={"references": [view.span(s, e) for s, e in c.references]}) for c in clusters],
        parts,
    )


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One (visible) text up to the extractors: what every extractor reads, and what the records need besides."""

    page: Page
    published_at: datetime | None
    region: str
    opencc: str
    aligned: AlignedText
    tokens: list
    spans: list[tuple[int, int]]
    ctx: Context


@dataclass(frozen=True, slots=True)
class _Job:
    """One document between its preparation and its records: ``extract()``'s arguments and the prepared text."""

    text: str
    view: Visible
    id: str | None
    source: str
    encoding: str
    title: str | None
    url: str | None
    prepared: _Prepared


@dataclass(frozen=True, slots=True)
class _Analysis:
    page: Page
    published_at: datetime | None
    region: str
    opencc: str
    script: Script
    entities: list[Entity]
    relations: list[Relation]
    clusters: list[Cluster]


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        s = self.settings
        self.page = PageParser(timezone=s.timezone)
        self.regions = RegionDetector()
        self._converters: dict[str, Converter] = {}
        self.segmenter = Segmenter(s.user_dict)
        options = {"orgs": {"governments_by_place": s.governments_by_place}}
        self.extractors: list[Extractor] = [RULES[name](**options.get(name, {})) for name in s.rules]
        self.linker = Linker()
        self.repeats = Repeats()
        # Without the model nothing can confirm a weak rule; keep what the rules are fairly sure of.
        self._min_rule_confidence = s.min_rule_confidence if s.ner else min(s.min_rule_confidence, 0.55)
        if s.ner:
            self.extractors.append(BatchedNer(s.model_path, batch_size=s.ner_batch_size, segmenter=self.segmenter))

    def extract_bytes(self, raw: bytes, source: str, **kwargs: object) -> Document:
        """Decode ``raw`` (recording the encoding) and extract it."""
        text, arguments = self.bytes_arguments(raw, source, **kwargs)
        return self.extract(text, **arguments)

    def bytes_arguments(self, raw: bytes, source: str, **kwargs: object) -> tuple[str, dict[str, Any]]:
        """What ``extract_bytes`` hands to ``extract``: the decoded text and the keyword arguments.

        (So a batch can decode each input first and extract them together with ``pipe``.)
        """
        self._check_bytes(raw, source)
        decoded = decode(raw, source)
        return decoded.text, dict(source=source, encoding=decoded.encoding, **kwargs)

    def extract_html(
        self,
        raw: bytes,
        source: str,
        *,
        title: str | None = None,
        url: str | None = None,
        published_at: str | datetime | None = None,
        **kwargs: object,
    ) -> Document:
        """A saved HTML page: its main text (trafilatura); the page's title, URL and date unless given."""
        text, arguments = self.html_arguments(raw, source, title=title, url=url, published_at=published_at, **kwargs)
        return self.extract(text, **arguments)

    def html_arguments(
        self,
        raw: bytes,
        source: str,
        *,
        title: str | None = None,
        url: str | None = None,
        published_at: str | datetime | None = None,
        **kwargs: object,
    ) -> tuple[str, dict[str, Any]]:
        """What ``extract_html`` hands to ``extract``: the page's main text and the keyword arguments."""
        self._check_bytes(raw, source)
        page = main_text(raw, source)
        arguments = dict(
            source=source,
            encoding=page.encoding,
            title=title or page.title,
            url=url or page.url,
            published_at=published_at or page.date,
            **kwargs,
        )
        return page.text, arguments

    def _check_bytes(self, raw: bytes, source: str) -> None:
        if len(raw) > 4 * self.settings.max_chars:  # checked before decoding: bounded memory per document
            raise InputError(source, f"too large: {len(raw)} bytes (limit {4 * self.settings.max_chars})")

    def extract(
        self,
        text: str,
        *,
        published_at: str | datetime | None = None,
        id: str | None = None,  # noqa: A002 - the record field's name
        source: str = "<text>",
        encoding: str = "utf-8",
        title: str | None = None,
        url: str | None = None,
        region: str | None = None,
    ) -> Document:
        job = self._job(text, published_at, id, source, encoding, title, url, region)
        return self._document(job, self._mentions(job.prepared.ctx))

    def pipe(
        self,
        texts: Iterable[str] | Iterable[tuple[str, Any]],
        *,
        batch_size: int = 64,
        as_tuples: bool = False,
        **defaults: Any,
    ) -> Iterator[Document] | Iterator[tuple[Document, Any]]:
        """Documents of a stream of texts, in input order, each equal to ``extract()``'s; faster on short texts.

        Texts are taken ``batch_size`` at a time (fewer when they add up to ``BATCH_CHARS``
        characters); within a batch each text is prepared (page, region, conversion, words),
        the NER model runs once over the pieces of all of them, and each then gets its rules,
        fusion and records. ``defaults`` are ``extract()``'s keyword arguments for every text
        (``published_at``, ``region``, ``source``…). With ``as_tuples=True`` the items are
        ``(text, context)`` pairs, as in spaCy's ``nlp.pipe``, and ``(Document, context)``
        pairs come out; a context that is a mapping may also set that text's ``extract()``
        arguments (``{"id": "a1", "published_at": "2025-02-27"}``; other keys are only passed
        back). A text ``extract()`` refuses raises the same ``InputError`` here, once the
        documents before it have been yielded.
        """
        unknown = set(defaults) - EXTRACT_ARGUMENTS
        if unknown:
            raise TypeError(f"pipe() got unexpected keyword arguments: {', '.join(sorted(unknown))}")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")

        contexts: deque[Any] = deque()  # with as_tuples: the contexts of the texts taken, not yet yielded

        def requests() -> Iterator[tuple[str, Mapping[str, Any]]]:
            for item in texts:
                if not as_tuples:
                    yield item, defaults
                    continue
                text, context = item
                contexts.append(context)
                if isinstance(context, Mapping):
                    yield text, {**defaults, **{k: v for k, v in context.items() if k in EXTRACT_ARGUMENTS}}
                else:
                    yield text, defaults

        for result in self.extract_many(requests(), batch_size):
            if isinstance(result, InputError):
                raise result
            yield (result, contexts.popleft()) if as_tuples else result

    def extract_many(
        self, requests: Iterable[tuple[str, Mapping[str, Any]]], batch_size: int = 64
    ) -> Iterator[Document | InputError]:
        """``extract(text, **arguments)`` of each ``(text, arguments)``, in order, batched as ``pipe()`` does.

        A text ``extract()`` refuses gives its ``InputError`` in its place, and the others go on
        (the batch runner turns them into failures); any other error ends the stream.
        """
        batch: list[tuple[str, Mapping[str, Any]]] = []
        chars = 0
        for text, arguments in requests:
            batch.append((text, arguments))
            chars += len(text) if isinstance(text, str) else 0
            if len(batch) >= batch_size or chars >= BATCH_CHARS:
                yield from self._batch(batch)
                batch, chars = [], 0
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch: list[tuple[str, Mapping[str, Any]]]) -> Iterator[Document | InputError]:
        """One batch: every text prepared, the model once over all of them, then each text's records."""
        jobs: list[_Job | InputError] = []
        for text, arguments in batch:
            try:
                jobs.append(self._job(text, **arguments))
            except InputError as exc:
                jobs.append(exc)
        ner = next((e for e in self.extractors if isinstance(e, BatchedNer)), None)
        try:
            if ner is not None:
                for job in jobs:
                    # A very long text keeps the extractor's own streaming (flat memory); the rest are collected.
                    if isinstance(job, _Job) and len(job.view.text) < BATCH_CHARS:
                        ner.collect(job.prepared.ctx)
                ner.run()
            for job in jobs:
                if isinstance(job, InputError):
                    yield job
                    continue
                try:
                    yield self._document(job, self._mentions(job.prepared.ctx))
                except InputError as exc:
                    yield exc
        finally:
            if ner is not None:
                ner.clear()

    def _job(
        self,
        text: str,
        published_at: str | datetime | None = None,
        id: str | None = None,  # noqa: A002 - the record field's name
        source: str = "<text>",
        encoding: str = "utf-8",
        title: str | None = None,
        url: str | None = None,
        region: str | None = None,
    ) -> _Job:
        """``extract()`` up to the extractors: the checks, the visible text, and the prepared context."""
        text = self._checked(text, source)
        view = visible(text)
        if not view.text.strip():
            raise InputError(source, "empty (only invisible characters)")
        # The analysis reads the visible text; offsets go back to ``text`` at the end.
        prepared = self._prepare(view.text, parse_published_at(published_at), region, source)
        return _Job(text, view, id, source, encoding, title, url, prepared)

    def _mentions(self, ctx: Context) -> list[Mention]:
        """Every extractor's mentions, in the extractors' order."""
        mentions: list[Mention] = []
        for extractor in self.extractors:
            mentions.extend(extractor.find(ctx))
        return mentions

    def _document(self, job: _Job, mentions: list[Mention]) -> Document:
        """The record of a prepared text and its mentions."""
        text, view, source, title, url = job.text, job.view, job.source, job.title, job.url
        found = self._conclude(job.prepared, mentions)
        entities, relations, clusters, regions = found.entities, found.relations, found.clusters, found.page.regions
        if view.compacted:
            entities, relations, clusters, regions = _to_original(view, entities, relations, clusters, regions)
        page = found.page
        meta = Meta(
            title=title or page.title,
            published_at=_iso(found.published_at),
            source=page.source,
            site=page.site,
            channel=page.channel,
            authors=page.authors,
            editors=page.editors,
            headings=page.headings,
            url=url,
            regions=regions,
            region=found.region,
            opencc=found.opencc,
        )
        doc_id = job.id or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return Document(
            id=doc_id,
            source=source,
            encoding=job.encoding,
            script=found.script,
            text=text,
            meta=meta,
            entities=entities,
            relations=relations,
            clusters=clusters,
        )

    def _checked(self, text: object, source: str) -> str:
        if not isinstance(text, str):
            raise InputError(source, f"expected text (str), got {type(text).__name__}")
        text = normalize_newlines(text)
        if len(text) > self.settings.max_chars:
            raise InputError(source, f"too large: {len(text)} characters (limit {self.settings.max_chars})")
        if not text.strip():
            raise InputError(source, "empty (no text)")
        return text

    def _prepare(self, text: str, pub: datetime | None, region: str | None, source: str) -> _Prepared:
        """Page, region, conversion and segmentation: the context every extractor reads."""
        page = self.page.parse(text)
        if pub is None and page.published_at:
            pub = parse_published_at(page.published_at)
        region = region or self.settings.region or self.regions.detect(text)
        if region not in REGIONS:
            raise InputError(source, f"unknown region {region!r} (one of {', '.join(REGIONS)})")
        config = self.settings.opencc_config or self.regions.opencc_config(region)
        if config not in self._converters:
            self._converters[config] = Converter(config)
        aligned = self._converters[config].convert(text)
        # The model's dictionary features read the words the segmenter looks up anyway.
        if self.settings.ner:
            tokens, lexicon = self.segmenter.analyse(aligned.simplified)
        else:
            tokens, lexicon = self.segmenter.segment(aligned.simplified), None
        spans = sorted((r.start, r.end) for r in page.regions if r.kind not in NO_ENTITIES)
        ctx = Context(
            text,
            aligned.simplified,
            aligned.folded,
            tokens,
            spans,
            pub,
            page.credited,
            region,
            self.segmenter.segment,
            self.segmenter.lexicon()[0],
            lexicon,
        )
        return _Prepared(page, pub, region, config, aligned, tokens, spans, ctx)

    def _conclude(self, prepared: _Prepared, mentions: list[Mention]) -> _Analysis:
        """Fusion and links: the entities, relations and clusters of a prepared text's mentions."""
        page, pub, region, config, aligned, tokens, spans, ctx = (
            prepared.page,
            prepared.published_at,
            prepared.region,
            prepared.opencc,
            prepared.aligned,
            prepared.tokens,
            prepared.spans,
            prepared.ctx,
        )
        text = ctx.original
        in_text = trim_punctuation([m for m in mentions if within(spans, m.start, m.end)], aligned.simplified)
        in_text = versus(in_text, aligned.simplified)
        in_text = honorifics(in_text, aligned.simplified, tokens)
        in_text = teams(unit_titles(person_edges(in_text, aligned.simplified), aligned.simplified), aligned.simplified)
        in_text = branches(holdings(channels(in_text, aligned.simplified), aligned.simplified), aligned.simplified)
        in_text = chains(streets(place_levels(in_text, aligned.simplified, tokens), aligned.simplified, tokens), ctx)
        mentions = whole_words(in_text, tokens, aligned.simplified, self.settings.one_character_names)
        entities = [
            Entity(
                type=m.type,
                text=text[m.start : m.end],
                text_simplified=aligned.simplified[m.start : m.end],
                start=m.start,
                end=m.end,
                extractor=m.extractor,
                rule=m.rule,
                confidence=m.confidence,
                normalized=m.normalized,
            )
            for m in self.repeats.extend(
                fuse(mentions, self._min_rule_confidence, model_ran=self.settings.ner, text=aligned.simplified), ctx
            )
        ]
        relations, clusters = self.linker.link(text, aligned.simplified, entities, page.credited)
        return _Analysis(page, pub, region, config, aligned.script, entities, relations, clusters)
