"""Stopping a run on request: Ctrl-C (SIGINT) or a scheduler's SIGTERM (Slurm, Kubernetes, systemd).

The first signal raises ``Stopped`` in the main thread: the batch ends the way
an error ends it (journals closed, workers stopped, nothing sealed that is not
complete), and the process exits with the conventional ``128 + signal`` code
(130, 143). Every result is already on disk when it is counted, so a second
signal while that cleanup runs ends the process at once, losing nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """SIGINT and SIGTERM stop the run (first: ``Stopped``; second: exit at once), inside this block only."""
    stopping = False

    def handler(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        if stopping:
            os.write(2, b"xinwen: stopped at once; what was written is kept: rerun the same command to resume\n")
            os._exit(128 + signum)
        stopping = True
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def ignore_interrupts() -> None:
    """In worker processes: Ctrl-C reaches the whole process group, and the main process decides what it means.

    SIGTERM keeps its default: it is how a pool stops a worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
