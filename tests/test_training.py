"""`make train`'s own steps that run without the corpora: reading LAC's tables, reading the config."""

from pathlib import Path

from pipeline.training.train import uses_static_vectors
from pipeline.training.vectors import _table


def test_lac_tables_are_read_as_tab_separated_pairs(tmp_path):
    path = tmp_path / "word.dic"
    path.write_text("0\t \n1\t!\n2\t张\n3\t有限公司\nbroken line\n", encoding="utf-8")
    assert _table(path) == {"0": " ", "1": "!", "2": "张", "3": "有限公司"}


def test_the_shipped_config_reads_static_vectors(tmp_path):
    assert uses_static_vectors(Path("models/ner.cfg"))
    without = tmp_path / "ner.cfg"
    text = Path("models/ner.cfg").read_text(encoding="utf-8")
    without.write_text(text.replace("static_vectors = true", "static_vectors = false"), encoding="utf-8")
    assert not uses_static_vectors(without)
