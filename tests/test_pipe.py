"""Pipeline.pipe: the records of extract(), in input order, with the NER model run once per batch."""

import pickle

import pytest
from conftest import ROOT

from pipeline import Pipeline, Settings
from pipeline.errors import InputError
from pipeline.extract.ner import NerExtractor
from pipeline.training.corpora import read_bio

MSRA = ROOT.parent / "shared" / "corpora" / "msra_ner" / "msra_test_bio.txt"

SHORT = [
    "国务院总理李强5日在十四届全国人大三次会议上作政府工作报告。",
    "香港特區政府運輸署今日公布，2024年全港共有約12,000宗交通意外，較去年減少3%。",
    "臺北市政府衛生局局長黃珊珊表示，新臺幣2億元預算將用於長照服務。",
    "澳門特區政府經濟及科技發展局表示，上半年共接待旅客逾1,700萬人次。",
    "张\u200b三丰说，他在北京大学读了3年书。",  # an invisible character inside a name
    "好",
    "新华社北京1月5日电（记者王明）国务院新闻办公室5日举行发布会。\r\n记者：李四",  # CRLF
    "广西壮族自治区民政厅近日公布2024年全区社会组织优秀案例，32个案例上榜。",
]


def texts() -> list[str]:
    """Short texts of every kind, the reference articles, and MSRA test sentences where the corpora are."""
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    msra = [t for t, _ in read_bio(MSRA)][:120] if MSRA.is_file() else []
    return SHORT + articles + msra


@pytest.fixture
def model_runs(monkeypatch):
    """How many times the NER model step ran, and on how many pieces (a spy: the real step runs)."""
    calls = []
    original = NerExtractor._entities

    def counted(self, docs):
        docs = list(docs)
        calls.append(len(docs))
        return original(self, iter(docs))

    monkeypatch.setattr(NerExtractor, "_entities", counted)
    return calls


def test_pipe_equals_extract_record_for_record_in_input_order(full_pipeline):
    sample = texts()
    expected = [full_pipeline.extract(t) for t in sample]
    for batch_size in (1, 5, 64):
        got = list(full_pipeline.pipe(sample, batch_size=batch_size))
        assert [d.text for d in got] == [d.text for d in expected]
        assert got == expected, f"batch_size={batch_size}"
    assert sum(len(d.entities) for d in expected) > 100  # the comparison compares something


def test_the_model_runs_once_per_batch_not_once_per_text(model_runs):
    pipe = Pipeline()
    sample = SHORT * 5  # 40 texts
    model_runs.clear()
    list(pipe.pipe(sample, batch_size=16))
    assert len(model_runs) == 3  # 16 + 16 + 8 texts
    assert sum(model_runs) >= len(sample)  # every text's pieces went through those runs
    model_runs.clear()
    for text in sample:
        pipe.extract(text)
    assert len(model_runs) == len(sample)


def test_tuples_carry_their_context_and_may_set_the_texts_arguments(full_pipeline):
    items = [
        (SHORT[0], {"id": "a1", "published_at": "2025-03-06T10:00+08:00", "note": "kept"}),
        (SHORT[1], ("anything", 2)),
        ("去年，" + SHORT[7], {"published_at": "2025-02-27", "source": "x.txt"}),
    ]
    out = list(full_pipeline.pipe(items, as_tuples=True, region="mainland"))
    assert [context for _, context in out] == [context for _, context in items]
    first, second, third = (doc for doc, _ in out)
    assert first == full_pipeline.extract(SHORT[0], id="a1", published_at="2025-03-06T10:00+08:00", region="mainland")
    assert first.id == "a1" and first.meta.published_at == "2025-03-06T10:00+08:00"
    assert second == full_pipeline.extract(SHORT[1], region="mainland") and second.meta.region == "mainland"
    assert third.source == "x.txt"
    last_year = next(e for e in third.entities if e.text == "去年")
    assert last_year.normalized.value == "2024"  # the context's publication date anchored it


def test_a_refused_text_raises_after_the_documents_before_it():
    pipe = Pipeline(Settings(ner=False))
    stream = pipe.pipe([SHORT[0], SHORT[1], "   ", SHORT[2]], batch_size=8)
    assert next(stream).text == SHORT[0]
    assert next(stream).text == SHORT[1]
    with pytest.raises(InputError, match="empty"):
        next(stream)


def test_extract_many_gives_each_refusal_in_its_place(full_pipeline):
    results = list(full_pipeline.extract_many([(SHORT[0], {}), ("", {"source": "e.txt"}), (SHORT[2], {"id": "z"})]))
    assert results[0] == full_pipeline.extract(SHORT[0])
    assert isinstance(results[1], InputError) and results[1].source == "e.txt"
    assert results[2].id == "z"


def test_bad_arguments_are_refused_up_front(full_pipeline):
    with pytest.raises(TypeError, match="colour"):
        list(full_pipeline.pipe(SHORT, colour="red"))
    with pytest.raises(ValueError, match="batch_size"):
        list(full_pipeline.pipe(SHORT, batch_size=0))


def test_rules_only_and_long_texts_take_the_same_path_as_extract(monkeypatch):
    import pipeline.core

    rules = Pipeline(Settings(ner=False))
    assert list(rules.pipe(SHORT)) == [rules.extract(t) for t in SHORT]
    # A text past BATCH_CHARS keeps the extractor's own streaming; the result is the same.
    monkeypatch.setattr(pipeline.core, "BATCH_CHARS", 40)
    full = Pipeline()
    assert list(full.pipe(SHORT)) == [full.extract(t) for t in SHORT]


def test_a_stream_left_halfway_leaves_the_pipeline_as_it_was(full_pipeline):
    stream = full_pipeline.pipe(SHORT * 3, batch_size=10)
    next(stream)
    stream.close()  # the consumer stops: the batch's model results are dropped
    ner = next(e for e in full_pipeline.extractors if isinstance(e, NerExtractor))
    assert ner._ready == {} and ner._docs_kept == []
    (again,) = full_pipeline.pipe([SHORT[3]])
    assert again == full_pipeline.extract(SHORT[3])
    clone = pickle.loads(pickle.dumps(full_pipeline))  # workers get a pipeline without loaded state
    assert clone.extract(SHORT[3]) == full_pipeline.extract(SHORT[3])
