"""Extracting many articles: in this process, or in worker processes that each load the pipeline once.

Articles go through ``Pipeline.extract_many`` (the batched path of ``pipe()``) in
windows of ``WINDOW`` articles: each is read and decoded, then the NER model
runs once over the window, which makes short articles several times cheaper.
Results keep the input order, and an input that cannot be extracted is still
one ``Failure`` in its place. A window is what a run holds in flight (and what
a kill can lose from the output: a resumed run extracts it again).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pipeline.config import Settings
from pipeline.errors import InputError, WorkerError
from pipeline.records import Document, Failure
from pipeline.sources import Item

_worker_pipeline = None  # one Pipeline per worker process, built by _init_worker
WINDOW = 8
"""Articles extracted together (one model run): in this process, and per task sent to a worker."""
WINDOW_BYTES = 1_000_000
"""A window closes early once its articles hold this much (bytes read, or characters of JSONL text)."""


def _kwargs(item: Item, published_at: str | None) -> dict[str, Any]:
    return {
        "published_at": published_at or item.published_at,
        "id": item.id,
        "source": item.source,
        "title": item.title,
        "url": item.url,
        "region": item.region,
    }


def extract_one(pipe: object, item: Item, published_at: str | None) -> Document | Failure:
    """One article; an ``InputError`` becomes this article's Failure (a missing model stops the run instead)."""
    kwargs = _kwargs(item, published_at)
    try:
        if item.html:
            return pipe.extract_html(item.raw or b"", **kwargs)
        if item.raw is not None:
            return pipe.extract_bytes(item.raw, **kwargs)
        return pipe.extract(item.text or "", **kwargs)
    except InputError as exc:
        return Failure(source=item.source, reason=exc.reason)


def _arguments(pipe: object, item: Item, published_at: str | None) -> tuple[str, dict[str, Any]]:
    """What ``extract_one`` would hand to ``extract``: the article's text (decoded, or an HTML page's
    main text) and the keyword arguments; raises the same ``InputError`` for an unreadable input."""
    kwargs = _kwargs(item, published_at)
    if item.html:
        return pipe.html_arguments(item.raw or b"", **kwargs)
    if item.raw is not None:
        return pipe.bytes_arguments(item.raw, **kwargs)
    return item.text or "", kwargs


def extract_window(pipe: object, window: list[Item | Failure], published_at: str | None) -> list[Document | Failure]:
    """A window of articles (and reading failures, kept in place), extracted with one model run.

    The same records and failures as ``extract_one`` on each, in the same order.
    """
    results: list[Document | Failure | None] = [None] * len(window)
    requests, where = [], []
    for i, item in enumerate(window):
        if isinstance(item, Failure):
            results[i] = item
            continue
        try:
            requests.append(_arguments(pipe, item, published_at))
            where.append(i)
        except InputError as exc:
            results[i] = Failure(source=item.source, reason=exc.reason)
    for i, result in zip(where, pipe.extract_many(requests, batch_size=max(len(requests), 1)), strict=True):
        failed = isinstance(result, InputError)
        results[i] = Failure(source=window[i].source, reason=result.reason) if failed else result
    return results  # type: ignore[return-value] - every slot is filled


def _windows(items: Iterable[Item | Failure], size: int) -> Iterator[list[Item | Failure]]:
    """Windows of ``size`` items, closed early past ``WINDOW_BYTES`` of article text (long articles go few at once)."""
    window: list[Item | Failure] = []
    held = 0
    for item in items:
        window.append(item)
        if isinstance(item, Item):
            held += len(item.raw) if item.raw is not None else len(item.text or "")
        if len(window) >= size or held >= WINDOW_BYTES:
            yield window
            window, held = [], 0
    if window:
        yield window


def _init_worker(settings: Settings, parent: int) -> None:
    global _worker_pipeline
    from pipeline.core import Pipeline
    from pipeline.signals import ignore_interrupts

    ignore_interrupts()
    die_with_parent(parent)
    _worker_pipeline = Pipeline(settings)


def die_with_parent(parent: int) -> None:
    """End this worker within a second of its parent's death, however the parent died (``kill -9``, OOM).

    Linux delivers SIGKILL at once (``prctl(PR_SET_PDEATHSIG)``); elsewhere, and as a
    second guard, a daemon thread polls the parent's pid.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(0.5)

    if os.getppid() != parent:  # it died before the guard was set
        os._exit(1)
    threading.Thread(target=watch, name="xinwen-parent-watch", daemon=True).start()


def _work(args: tuple[list[Item | Failure], str | None]) -> list[Document | Failure]:
    return extract_window(_worker_pipeline, *args)


def default_workers() -> int:
    """The cores this process may use (a container's CPU set, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(
    items: Iterable[Item | Failure], settings: Settings, workers: int = 1, published_at: str | None = None
) -> Iterator[Document | Failure]:
    """Documents and failures in input order; reading failures pass straight through.

    Articles go in windows of ``WINDOW`` (one model run each); in worker processes a window is
    one task, and at most two per worker are in flight (16 articles), so memory stays flat.
    """
    if workers <= 1:
        from pipeline.core import Pipeline

        pipe = Pipeline(settings)
        for window in _windows(items, WINDOW):
            yield from extract_window(pipe, window, published_at)
        return
    context = multiprocessing.get_context("spawn")  # no inherited jieba/spaCy state, same on every OS
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(settings, os.getpid()))
    pending: deque[Future] = deque()
    try:
        for window in _windows(items, WINDOW):
            pending.append(pool.submit(_work, (window, published_at)))
            if len(pending) >= workers * 2:  # bounded look-ahead keeps memory flat
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


def _result(head: Future) -> list[Document | Failure]:
    try:
        return head.result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (killed, or out of memory?); rerun the same command to resume"
        ) from None
