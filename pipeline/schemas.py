"""JSON Schemas of the records, generated from the pydantic models (``make schemas``)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.records import Document, Failure

MODELS = {"document": Document, "failure": Failure}


def render() -> dict[str, str]:
    """File name -> schema text, in serialization mode (what the JSONL holds)."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2)
        + "\n"
        for name, model in MODELS.items()
    }


def write_schemas(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in render().items():
        path = outdir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
