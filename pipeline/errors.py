"""The only exception types the library raises on bad input (all subclasses of ``XinwenError``)."""

from __future__ import annotations


class XinwenError(Exception):
    """Base class: anything xinwen raises deliberately. The CLI prints it as one line."""


class InputError(XinwenError):
    """The input cannot be read as an article: undecodable, empty, too large, malformed."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConversionError(XinwenError):
    """OpenCC changed the text length: offsets would no longer map back to the original."""


class ModelError(XinwenError):
    """The NER model is missing or cannot be loaded."""


class WorkerError(XinwenError):
    """A worker process died mid-run (killed, out of memory): the run stops and can be resumed."""
