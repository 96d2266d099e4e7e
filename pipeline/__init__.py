"""xinwen: Chinese news text in, structured and verifiable records out.

Importing the package does no work: the names below are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "Entity", "Pipeline", "Settings", "XinwenError", "__version__"]

if TYPE_CHECKING:
    from pipeline.config import Settings
    from pipeline.core import Pipeline
    from pipeline.errors import XinwenError
    from pipeline.records import Document, Entity

_LAZY = {
    "Pipeline": "pipeline.core",
    "Settings": "pipeline.config",
    "Document": "pipeline.records",
    "Entity": "pipeline.records",
    "XinwenError": "pipeline.errors",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
