"""The shipped NER model: loads offline, finds entities in sentences written for these tests, both scripts."""

import pytest

from pipeline import Pipeline, Settings
from pipeline.extract.ner import NerExtractor, chunks, default_model_path

SENTENCES = [
    # (simplified sentence, entities the model must find)
    ("昨天，王小明在上海参观了复旦大学。", [("王小明", "PERSON"), ("上海", "LOC"), ("复旦大学", "ORG")]),
    ("中国人民银行行长潘功胜在北京出席会议。", [("中国人民银行", "ORG"), ("潘功胜", "PERSON"), ("北京", "LOC")]),
    ("李娜和张伟一起去了杭州西湖。", [("李娜", "PERSON"), ("张伟", "PERSON")]),
]


@pytest.fixture(scope="module")
def ner_only() -> Pipeline:
    return Pipeline(Settings(rules=()))


def test_model_ships_with_the_package():
    path = default_model_path()
    assert (path / "config.cfg").is_file()
    assert (path / "meta.json").is_file()


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_model_finds_entities(ner_only, sentence, expected):
    doc = ner_only.extract(sentence)
    found = {(e.text, e.type) for e in doc.entities}
    assert set(expected) <= found
    assert all(e.extractor == "ner" for e in doc.entities)


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_traditional_input_gives_the_same_entities(ner_only, sentence, expected):
    import opencc

    traditional = opencc.OpenCC("s2t.json").convert(sentence)
    simplified_doc = ner_only.extract(sentence)
    traditional_doc = ner_only.extract(traditional)
    assert [(e.start, e.end, e.type) for e in traditional_doc.entities] == [
        (e.start, e.end, e.type) for e in simplified_doc.entities
    ]
    assert all(traditional[e.start : e.end] == e.text for e in traditional_doc.entities)


def test_confidence_is_the_measured_precision():
    extractor = NerExtractor()
    extractor._load()
    assert set(extractor._confidence) == {"PERSON", "LOC", "ORG"}
    assert all(0.5 < c <= 1 for c in extractor._confidence.values())


def test_long_paragraphs_are_cut_after_sentence_ends():
    text = "甲" * 250 + "。" + "乙" * 250 + "。"
    pieces = chunks(0, len(text), text, 300)
    assert pieces == [(0, 251), (251, 502)]
    assert chunks(0, 700, "丙" * 700, 300) == [(0, 300), (300, 600), (600, 700)]


def test_fusion_marks_agreement(full_pipeline):
    doc = full_pipeline.extract("河池市女企业家协会会长黄方芳说，协会将继续开展培训。")
    person = next(e for e in doc.entities if e.text == "黄方芳")
    assert person.type == "PERSON"
    assert person.extractor in ("rule", "rule+ner")
    org = next(e for e in doc.entities if e.type == "ORG")
    assert org.text == "河池市女企业家协会"


def test_the_model_reuses_the_pipelines_words(full_pipeline):
    """Pieces cut inside a word still get the pipeline's tokens: no second jieba dictionary in memory."""
    full_pipeline.extract("广西标准化协会组织专家审定团体标准" * 40)  # 680 characters without punctuation
    ner = next(x for x in full_pipeline.extractors if x.name == "ner")
    assert ner._nlp.get_pipe("features").segmenter is full_pipeline.segmenter


def test_dictionary_features_are_the_longest_words_starting_and_ending_at_each_character():
    from pipeline.extract.ner.features import lexicon_matches

    freq = {"北": 5, "北京": 9, "北京大": 0, "北京大学": 3, "京": 2, "大": 4, "大学": 8}
    tags = {"北京": "ns", "北京大学": "nt", "大学": "n"}
    starts, ends = lexicon_matches("北京大学生", freq, tags)
    assert starts == ["4nt", "-", "2n", "-", "-"]  # one-character words are not features
    assert ends == ["-", "2ns", "-", "4nt", "-"]  # 学 ends both 大学 and 北京大学: the longest wins
    assert lexicon_matches("", freq, tags) == ([], [])


def test_dictionary_features_fill_lemma_and_dep_only_when_asked():
    import spacy
    from spacy.strings import hash_string

    from pipeline.extract.ner.features import CharFeatures, CharTokenizer, lexicon_matches
    from pipeline.segment import Segmenter

    vocab = spacy.blank("zh").vocab
    segmenter = Segmenter()
    plain = CharFeatures(segmenter)(CharTokenizer(vocab)("北京大学"))
    assert [t.lemma for t in plain] == [0] * 4
    doc = CharFeatures(segmenter, lexicon=True)(CharTokenizer(vocab)("北京大学"))
    starts, ends = lexicon_matches("北京大学", *segmenter.lexicon())
    assert starts[0].startswith("4") and ends[3].startswith("4")  # 北京大学 is in jieba's dictionary
    assert [t.lemma for t in doc] == [hash_string(x) for x in starts]
    assert [t.dep for t in doc] == [hash_string(x) for x in ends]


def test_character_features_are_bigram_and_word_position():
    """The values are the strings' hashes (the model reads nothing else); the strings are not stored."""
    import spacy
    from spacy.strings import hash_string

    from pipeline.extract.ner.features import CharFeatures, CharTokenizer, char_tags
    from pipeline.segment import Segmenter

    vocab = spacy.blank("zh").vocab
    segmenter = Segmenter()
    features = CharFeatures(segmenter)
    doc = features(CharTokenizer(vocab)("市长欧阳明说"))
    bigrams = ["市长", "长欧", "欧阳", "阳明", "明说", "说</s>"]
    assert [t.norm for t in doc] == [hash_string(x) for x in bigrams]
    assert "长欧" not in vocab.strings
    tags = char_tags("市长欧阳明说", segmenter.segment("市长欧阳明说"))
    assert tags[0].startswith("B-") and tags[1].startswith("E-")  # 市长 is one jieba word
    assert tags[-1].startswith("S-")  # 说 alone
    assert [t.tag for t in doc] == [hash_string(x) for x in tags]
    assert features(CharTokenizer(vocab)("")).text == ""


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_openblas_products_equal_thincs(trans1, trans2):
    import numpy
    from thinc.api import NumpyOps

    from pipeline.extract.ner.ops import OpenBlasOps

    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((5, 7) if not trans1 else (7, 5), dtype="float32")
    y = rng.standard_normal((7, 3) if not trans2 else (3, 7), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = OpenBlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (5, 3) and got.dtype == numpy.float32 and got.flags.c_contiguous
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    out = numpy.zeros((5, 3), dtype="float32")
    assert OpenBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("lexicon", [True, False])
@pytest.mark.parametrize("text", ["市长欧阳明说，X光机 Ab1。", "Ｘ\u3000北京大学2025年", "香", ""])
def test_a_char_doc_holds_the_arrays_of_a_featured_spacy_doc(text, lexicon):
    """``CharDoc`` stands in for a ``Doc`` in the encoder: every attribute the model reads has the
    ``Doc``'s values (spaCy's symbol ids for strings such as X included)."""
    import numpy
    import spacy
    from spacy.attrs import DEP, IS_SPACE, LEMMA, NORM, ORTH, SENT_START, SHAPE, TAG

    from pipeline.extract.ner.features import CharFeatures, CharTokenizer
    from pipeline.segment import Segmenter

    vocab = spacy.blank("zh").vocab
    segmenter = Segmenter()
    features = CharFeatures(segmenter, lexicon=lexicon)
    doc = features(CharTokenizer(vocab)(text))
    char_doc = features.char_doc(vocab, text, segmenter.segment(text) if text else [])
    attrs = [ORTH, NORM, TAG, SHAPE, LEMMA, DEP, SENT_START, IS_SPACE]
    assert len(char_doc) == len(doc)
    want = doc.to_array(attrs).astype(numpy.uint64).reshape(len(doc), len(attrs))
    assert numpy.array_equal(char_doc.to_array(attrs).reshape(len(doc), len(attrs)), want)


def test_the_model_reads_char_docs_and_finds_what_spacy_docs_give(ner_only):
    ner = next(x for x in ner_only.extractors if x.name == "ner")
    ner_only.extract(SENTENCES[0][0])
    assert ner._char_docs is not None  # the shipped model takes the array path
    texts = [s for s, _ in SENTENCES] + ["香港特区政府今日公布施政报告。" * 30]
    fast = [[(e.start, e.end, e.type) for e in ner_only.extract(t).entities] for t in texts]
    features, ner._char_docs = ner._char_docs, None
    try:
        slow = [[(e.start, e.end, e.type) for e in ner_only.extract(t).entities] for t in texts]
    finally:
        ner._char_docs = features
    assert fast == slow


def test_the_model_runs_on_openblas_and_finds_what_thincs_ops_find(ner_only):
    from thinc.api import NumpyOps

    from pipeline.extract.ner.ops import OpenBlasOps, use_openblas

    ner = next(x for x in ner_only.extractors if x.name == "ner")
    ner_only.extract(SENTENCES[0][0])
    layers = list(ner._nlp.get_pipe("ner").model.walk())
    assert all(isinstance(layer.ops, OpenBlasOps) for layer in layers)
    fast = [[(e.start, e.end, e.type) for e in ner_only.extract(s).entities] for s, _ in SENTENCES]
    for layer in layers:
        layer.ops = NumpyOps()
    try:
        slow = [[(e.start, e.end, e.type) for e in ner_only.extract(s).entities] for s, _ in SENTENCES]
    finally:
        use_openblas(ner._nlp)
    assert fast == slow


def test_the_model_carries_pretrained_character_vectors():
    """LAC's embedding, kept as static vectors: similar characters lie close together."""
    import numpy
    import spacy

    vocab = spacy.load(default_model_path()).vocab
    assert vocab.vectors.shape[1] == 128 and vocab.vectors.shape[0] > 10_000

    def cosine(a: str, b: str) -> float:
        x, y = vocab[a].vector, vocab[b].vector
        return float(numpy.dot(x, y) / numpy.linalg.norm(x) / numpy.linalg.norm(y))

    assert cosine("张", "李") > cosine("张", "省") + 0.2  # two surnames against a surname and a suffix
    assert cosine("省", "县") > cosine("省", "张") + 0.2


@pytest.mark.parametrize(
    ("span", "kept", "label"),
    [
        ("高雄市议员", "高雄市", "LOC"),
        ("城关镇镇长", "城关镇", "LOC"),
        ("三河村村长", "三河村", "LOC"),
        ("民进党立委", "民进党", "ORG"),
    ],
)
def test_a_title_run_into_a_model_span_is_cut_off(span, kept, label):
    """What is left is a place when it ends in one of places.json's administrative suffixes."""
    end, new_label = NerExtractor()._without_title(span, 0, len(span), "ORG")
    assert (span[:end], new_label) == (kept, label)


@pytest.mark.parametrize(
    ("span", "kept"),
    [
        ("中国消费者协会组织开展", "中国消费者协会"),  # 组织/v 开展/v start a clause
        ("市教育局共安排资金", "市教育局"),  # 共/d
        ("北京大学附属中学", "北京大学附属中学"),  # ends in a head word: a name, verb or not
        ("首钢", "首钢"),  # no head word inside: nothing to cut at
        ("京东物流发布财报", "京东物流"),  # a company's trade word, then a verb
        ("中国汽车工业", "中国汽车工业"),  # a trade word and no clause after it
    ],
)
def test_an_organization_run_into_the_clause_after_it_is_cut_back(span, kept):
    from pipeline.extract.base import Context
    from pipeline.segment import Segmenter

    tokens = Segmenter().segment(span)
    ctx = Context(span, span, span, tokens, [(0, len(span))])
    end = NerExtractor()._without_clause(ctx, 0, len(span))
    assert span[:end] == kept


@pytest.mark.parametrize(
    ("text", "span", "refers_back"),
    [
        ("该协会理事长表示", (1, 3), True),  # 该 + a bare head word: a reference, not a name
        ("这家公司宣布", (2, 4), True),
        ("市委决定", (0, 2), False),  # a bare head word alone is tagged as an organization in the corpora
        ("该市消费者协会表示", (1, 7), False),  # a name after the demonstrative
    ],
)
def test_a_model_organization_that_refers_back_is_dropped(text, span, refers_back):
    assert NerExtractor()._refers_back(text, *span) is refers_back
