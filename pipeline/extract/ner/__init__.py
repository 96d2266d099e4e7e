"""The NER model's parts: the extractor, its features, encoder, decoders and batched runs.

``NerExtractor`` (``extractor``) is what the pipeline composes; the other
modules are the model's tokenizer and features (``features``), its encoder and
decoders at inference (``tok2vec``, ``greedy``, ``tagger``), the matrix
products (``ops``) and the batched run of ``Pipeline.pipe`` (``batched``).
"""

from pipeline.extract.ner.extractor import NerExtractor, chunks, default_model_path

__all__ = ["NerExtractor", "chunks", "default_model_path"]
