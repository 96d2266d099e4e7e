"""Trained models shipped with xinwen (installed as ``pipeline.models``)."""
