"""Thinc array ops for the NER model whose matrix products are numpy's (OpenBLAS).

Nearly all of the model's time is matrix products in its CNN encoder. Thinc's
``NumpyOps`` computes them with blis, which ran at 24-35 GFLOP/s on one core of
the development machine for the encoder's shapes, against 88-98 GFLOP/s for
numpy's OpenBLAS (``make bench`` shows the effect on the whole pipeline). The
results are the same products, up to float rounding.

OpenBLAS is held to one thread while the model runs (``threadpoolctl``): the
batch runner gets its parallelism from processes, and a worker that also
spreads over all cores would fight the others for them.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

import numpy
from thinc.api import NumpyOps

if TYPE_CHECKING:
    from spacy.language import Language


class OpenBlasOps(NumpyOps):
    name = "xinwen_openblas"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):  # noqa: ANN001, ANN201 - thinc's signature
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)  # a new C-contiguous array, as thinc expects
        numpy.matmul(a, b, out=out)
        return out


def use_openblas(nlp: Language) -> None:
    """Give every layer of every trainable component the OpenBLAS ops."""
    ops = OpenBlasOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops


class OneBlasThread:
    """``with one_blas_thread():`` holds OpenBLAS to one thread (the library scan is done once, here)."""

    def __init__(self) -> None:
        from threadpoolctl import ThreadpoolController

        self._controller = ThreadpoolController()

    def __call__(self) -> AbstractContextManager[object]:
        return self._controller.limit(limits=1, user_api="blas")
