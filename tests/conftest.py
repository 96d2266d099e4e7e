from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from pipeline import Pipeline, Settings
from pipeline.convert import Converter
from pipeline.extract.base import Context
from pipeline.segment import Segmenter

# Bounded in CI; `make fuzz` runs the same properties with HYPOTHESIS_PROFILE=long.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "corpus" / "000_44e2c17fa0201093.txt"
PUB = datetime.fromisoformat("2025-02-27T09:51+08:00")


@pytest.fixture(scope="session")
def rules_pipeline() -> Pipeline:
    return Pipeline(Settings(ner=False))


@pytest.fixture(scope="session")
def full_pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def make_context():
    """Build an extractor Context for a sentence, the way the pipeline does."""
    converter, segmenter = Converter(), Segmenter()

    def make(text: str, published_at: datetime | None = PUB) -> Context:
        aligned = converter.convert(text)
        tokens = segmenter.segment(aligned.simplified)
        spans = [(0, len(text))]
        return Context(
            text,
            aligned.simplified,
            aligned.folded,
            tokens,
            spans,
            published_at,
            segment=segmenter.segment,
            word_freq=segmenter.lexicon()[0],
        )

    return make
