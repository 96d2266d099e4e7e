"""Extracting many articles: in this process, or in worker processes that each load the pipeline once."""

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

from pipeline.config import Settings
from pipeline.errors import InputError, WorkerError
from pipeline.records import Document, Failure
from pipeline.sources import Item

_worker_pipeline = None  # one Pipeline per worker process, built by _init_worker


def extract_one(pipe: object, item: Item, published_at: str | None) -> Document | Failure:
    """One article; an ``InputError`` becomes this article's Failure (a missing model stops the run instead)."""
    kwargs = {
        "published_at": published_at or item.published_at,
        "id": item.id,
        "source": item.source,
        "title": item.title,
        "url": item.url,
        "region": item.region,
    }
    try:
        if item.html:
            return pipe.extract_html(item.raw or b"", **kwargs)
        if item.raw is not None:
            return pipe.extract_bytes(item.raw, **kwargs)
        return pipe.extract(item.text or "", **kwargs)
    except InputError as exc:
        return Failure(source=item.source, reason=exc.reason)


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


def _work(args: tuple[Item, str | None]) -> Document | Failure:
    return extract_one(_worker_pipeline, *args)


def default_workers() -> int:
    """The cores this process may use (a container's CPU set, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(
    items: Iterable[Item | Failure], settings: Settings, workers: int = 1, published_at: str | None = None
) -> Iterator[Document | Failure]:
    """Documents and failures in input order; reading failures pass straight through."""
    if workers <= 1:
        from pipeline.core import Pipeline

        pipe = Pipeline(settings)
        for item in items:
            yield item if isinstance(item, Failure) else extract_one(pipe, item, published_at)
        return
    context = multiprocessing.get_context("spawn")  # no inherited jieba/spaCy state, same on every OS
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(settings, os.getpid()))
    pending: deque[Failure | Future] = deque()
    try:
        for item in items:
            pending.append(item if isinstance(item, Failure) else pool.submit(_work, (item, published_at)))
            if len(pending) >= workers * 8:  # bounded look-ahead keeps memory flat
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


def _result(head: Failure | Future) -> Document | Failure:
    if isinstance(head, Failure):
        return head
    try:
        return head.result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (killed, or out of memory?); rerun the same command to resume"
        ) from None
