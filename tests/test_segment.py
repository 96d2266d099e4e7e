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


def test_the_pos_hmm_gives_jiebas_viterbi_tags():
    """``PosHmm`` replaces jieba's Viterbi for speed; on runs cut from real text and on random
    runs (characters it never saw, mixed scripts, ties between minus-infinity scores) it must
    tag exactly as jieba does."""
    import random
    from pathlib import Path

    import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi

    from pipeline.pos_hmm import PosHmm

    hmm = PosHmm(posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "corpus").glob("*.txt")))
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    rng = random.Random(11)
    runs = ["覃振宇", "张作玺", "abc", "x", "1998", "𠀀𠀁", "欧阳修文"]
    for _ in range(300):
        start = rng.randrange(len(han))
        runs.append("".join(han[start : start + rng.randint(1, 10)]))
        runs.append("".join(rng.choice(han) for _ in range(rng.randint(1, 10))))
    tables = posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P
    for run in runs:
        assert hmm.tags(run) == viterbi(run, *tables)[1], run
