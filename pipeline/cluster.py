"""Extracting on a Dask cluster, when one machine is not enough.

The archive is read here, on the client, and cut into partitions of
``partition_size`` articles, which become Dask bags whose partitions the
workers extract; they are topped up whenever half have finished (at most two
partitions per worker thread in flight, so memory stays flat). Results come
back as partitions finish and go through the same writer as a local run, so
outputs, resume and failures behave the same; only the order of documents may
differ. Each worker builds the pipeline once and keeps it on the Dask worker
object. Every worker needs xinwen installed (the same version as the client).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from itertools import islice

from pipeline.batch import extract_one
from pipeline.config import Settings
from pipeline.errors import InputError
from pipeline.records import Document, Failure
from pipeline.sources import Item


def _extract_partition(items: Iterable[Item], settings: Settings, published_at: str | None) -> list:
    from distributed import get_worker

    from pipeline.core import Pipeline

    key = (settings.model_dump_json(), threading.get_ident())
    try:
        worker = get_worker()
        pipelines = worker.__dict__.setdefault("xinwen_pipelines", {})
    except ValueError:  # not on a worker (the synchronous scheduler)
        pipelines = {}
    if key not in pipelines:
        pipelines[key] = Pipeline(settings)
    return [extract_one(pipelines[key], item, published_at) for item in items]


def extract_on_dask(
    items: Iterable[Item | Failure],
    settings: Settings,
    published_at: str | None = None,
    scheduler: str | None = None,
    workers: int = 1,
    partition_size: int = 200,
) -> Iterator[Document | Failure]:
    """Results as partitions complete; reading failures pass straight through.

    ``scheduler`` is a ``tcp://host:port`` address; without one a local cluster of
    ``workers`` single-threaded processes is started and stopped here.
    """
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("--engine dask", 'needs Dask: pip install "xinwen[cluster]"') from None

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(scheduler, f"cannot reach the Dask scheduler ({type(exc).__name__}: {exc})") from None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        window = 2 * max(sum(client.nthreads().values()), 1)  # partitions in flight: memory stays flat
        running = as_completed()
        in_flight = 0
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and window - in_flight >= max(window // 2, 1):  # top up when half have finished
                chunk = list(islice(source, (window - in_flight) * partition_size))
                exhausted = not chunk
                yield from (item for item in chunk if isinstance(item, Failure))
                batch = [item for item in chunk if not isinstance(item, Failure)]
                if not batch:
                    continue
                bag = db.from_sequence(batch, partition_size=partition_size)
                futures = client.compute(bag.map_partitions(_extract_partition, settings, published_at).to_delayed())
                running.update(futures)
                in_flight += len(futures)
            if in_flight == 0:
                return
            future = next(running)
            in_flight -= 1
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
