import subprocess
import sys

from pipeline.segment import Segmenter


def test_tokens_cover_text_with_offsets():
    text = "自治区民政厅社会组织管理局局长表示，去年共安排资金750余万元。\n  第二段"
    tokens = Segmenter().segment(text)
    assert "".join(t.text for t in tokens) == text
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
    assert any(t.pos == "nt" for t in tokens)


def test_user_dictionary_is_loaded():
    tokens = Segmenter().segment("服务中心负责人说")
    assert [t.text for t in tokens][:2] == ["服务中心", "负责人"]


def test_private_tokenizer_is_quiet_and_leaves_the_singleton_alone():
    code = (
        "import jieba\n"
        "from pipeline.segment import Segmenter\n"
        "Segmenter().segment('我们在广西南宁')\n"
        "assert not jieba.dt.initialized, 'the global jieba singleton was used'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_import_does_no_heavy_work():
    code = "import sys, pipeline; assert not {'jieba', 'spacy', 'opencc'} & set(sys.modules), sorted(sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_hmm_memo_changes_nothing_and_is_used():
    import jieba.posseg

    segmenter = Segmenter()
    text = "张作玺说，张作玺主持的农民业余学校开学了。覃振宇和张作玺都来了。" * 3
    memoised = [(t.text, t.pos) for t in segmenter.segment(text)]
    plain = jieba.posseg.POSTokenizer(segmenter._pos.tokenizer)
    assert memoised == [(p.word, p.flag) for p in plain.lcut(text)]
    assert segmenter._pos._hmm.cache_info().hits > 0
