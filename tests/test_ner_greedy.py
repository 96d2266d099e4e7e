"""GreedyNer finds exactly the entities of spaCy's own greedy ``ner`` walk."""

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.training import Example
from thinc.api import fix_random_seed

from pipeline.extract.ner import NerExtractor, default_model_path
from pipeline.extract.ner.greedy import GreedyNer
from pipeline.extract.ner.tok2vec import FastTok2Vec

CORPUS = Path(__file__).parent.parent / "corpus"


def spacy_entities(nlp, docs):
    """What spaCy's ``ner`` sets on copies of the docs."""
    ner = nlp.get_pipe("ner")
    copies = [doc.copy() for doc in docs]
    ner.set_annotations(copies, ner.predict(copies))
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in copies]


def edge_docs(nlp):
    """Docs that reach every validity rule: spaces, sentence starts, one character, none."""
    docs = [nlp.make_doc(t) for t in ("", "王", "北京 大学", "中华人民共和国主席习近平", "  李明\u3000在上海")]
    started = nlp.make_doc("国务院总理李强今天在北京会见美国国务卿。")
    for i in (3, 5, 9):
        started[i].is_sent_start = True
    return [*docs, started]


@pytest.fixture(scope="module")
def shipped():
    extractor = NerExtractor()
    extractor._load()
    return extractor._nlp


def test_the_shipped_model_is_decoded_by_greedy_ner(shipped):
    assert GreedyNer.supports(shipped.get_pipe("ner"))


def test_same_entities_as_spacy_on_the_corpus_articles(shipped):
    lines = [line for path in sorted(CORPUS.glob("*.txt")) for line in path.read_text().splitlines() if line.strip()]
    docs = list(shipped.pipe(lines, disable=["ner"])) + [shipped(doc, disable=["ner"]) for doc in edge_docs(shipped)]
    expected = spacy_entities(shipped, docs)
    assert sum(map(len, expected)) > 50  # the articles hold names to find
    assert GreedyNer(shipped.get_pipe("ner"))(docs) == expected


def random_model(seed: int):
    """A small spaCy NER with random weights: long entities, many ties broken, every move taken."""
    fix_random_seed(seed)  # the encoder's initial weights too, so every run tests the same model
    nlp = spacy.blank("zh")
    ner = nlp.add_pipe("ner")
    texts = ["王小明在北京大学", "上海市人民政府"]
    examples = [
        Example.from_dict(nlp.make_doc(texts[0]), {"entities": [(0, 3, "PERSON"), (4, 8, "ORG")]}),
        Example.from_dict(nlp.make_doc(texts[1]), {"entities": [(0, 3, "LOC")]}),
    ]
    nlp.initialize(lambda: examples)
    rng = numpy.random.default_rng(seed)
    for name in ("lower", "upper"):
        layer = ner.model.get_ref(name)
        for param in layer.param_names:
            value = layer.get_param(param)
            layer.set_param(param, rng.normal(scale=0.5, size=value.shape).astype(value.dtype))
    return nlp


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_entities_as_spacy_with_random_weights(seed):
    nlp = random_model(seed)
    rng = numpy.random.default_rng(seed)
    alphabet = list("王李张北京上海市大学公司人民政府在和的了 ，。")
    texts = ["".join(rng.choice(alphabet, size=int(n))) for n in rng.integers(1, 60, size=40)]
    docs = [nlp.make_doc(t) for t in texts] + edge_docs(nlp)
    expected = spacy_entities(nlp, docs)
    assert max(e - s for doc in expected for s, e, _ in doc) > 8  # entities longer than one scoring step
    assert GreedyNer(nlp.get_pipe("ner"))(docs) == expected


def test_ties_go_to_the_first_move_as_in_spacy():
    """An untrained upper layer is all zeros: every move scores the same."""
    nlp = random_model(4)
    upper = nlp.get_pipe("ner").model.get_ref("upper")
    for param in upper.param_names:
        upper.set_param(param, numpy.zeros_like(upper.get_param(param)))
    docs = [nlp.make_doc("王小明在北京大学读书"), nlp.make_doc("上海 市")]
    expected = spacy_entities(nlp, docs)
    assert any(expected)
    assert GreedyNer(nlp.get_pipe("ner"))(docs) == expected


def test_other_heads_are_left_to_spacy():
    nlp = spacy.blank("zh")
    assert not GreedyNer.supports(nlp.add_pipe("beam_ner"))
    assert not GreedyNer.supports(None)
    assert default_model_path().is_dir()


def test_fast_tok2vec_is_thincs_up_to_rounding(shipped):
    """Embedded per distinct value, encoded in numpy: the vectors stay within float rounding of thinc's,
    on text with characters that have no static vector and with an empty doc in the batch."""
    tok2vec = shipped.get_pipe("ner").model.get_ref("tok2vec")
    assert FastTok2Vec.supports(tok2vec)
    texts = [
        "国务院总理李强今天在北京会见美国国务卿。",
        "",
        "𠀀𠀁☃ abc 123",
        (CORPUS / "000_44e2c17fa0201093.txt").read_text(),
    ]
    docs = list(shipped.pipe(texts, disable=["ner"]))
    expected = tok2vec.predict(docs)
    got = FastTok2Vec(tok2vec).predict(docs)
    assert got.shape == expected.shape == (sum(map(len, docs)), 64)
    assert numpy.abs(got - expected).max() < 1e-4 * numpy.abs(expected).max()


def test_fast_tok2vec_turns_other_layouts_away():
    nlp = random_model(1)
    assert not FastTok2Vec.supports(nlp.get_pipe("ner").model.get_ref("tok2vec"))
