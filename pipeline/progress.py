"""Progress of a batch on stderr: a bar on a terminal, a plain log line now and then otherwise.

Long runs are watched in two ways: interactively (tqdm, redrawn in place) and
through log files of a scheduler or ``nohup`` (one self-contained line every
``every`` seconds, no carriage returns). Both show articles/s, chars/s,
failures and, once the inputs are counted, the ETA.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import IO

from pipeline.records import Document, Failure


class Progress:
    def __init__(self, stream: IO[str] | None = None, every: float = 30.0, already: int = 0) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._every = every
        self._start = self._last = time.monotonic()
        self.total: int | None = None
        self.already = already  # done by an earlier run that this one resumes
        self.docs = self.failures = self.chars = 0
        self._bar = None
        if self._stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(unit="doc", file=self._stream, desc="xinwen", initial=already, dynamic_ncols=True)

    def count_in_background(self, count: Callable[[], int]) -> None:
        """Count the inputs in a thread so the run starts at once; the ETA appears when it ends."""

        def run() -> None:
            total = count()
            self.total = total
            if self._bar is not None:
                self._bar.total = total
                self._bar.refresh()

        threading.Thread(target=run, name="xinwen-count", daemon=True).start()

    def update(self, result: Document | Failure) -> None:
        if isinstance(result, Failure):
            self.failures += 1
        else:
            self.docs += 1
            self.chars += len(result.text)
        now = time.monotonic()
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self._rate(self.chars, now):,.0f} chars/s, {self.failures} failed", False)
            self._bar.update(1)
        elif now - self._last >= self._every:
            self._last = now
            print(self.line(now), file=self._stream, flush=True)

    def line(self, now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        seen = self.docs + self.failures
        text = (
            f"xinwen: {self.already + seen:,} done ({self._rate(seen, now):.1f} articles/s, "
            f"{self._rate(self.chars, now):,.0f} chars/s), {self.failures} failed"
        )
        if self.total is not None and seen:
            left = max(self.total - self.already - seen, 0)
            eta = int(left / self._rate(seen, now))
            text += f", {left:,} left, ETA {eta // 3600}:{eta % 3600 // 60:02d}:{eta % 60:02d}"
        return text

    def _rate(self, count: int, now: float) -> float:
        return count / max(now - self._start, 1e-9)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
