import math
import subprocess
import sys

import pytest

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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("商超营收同比增长", ["商超", "营收"]),  # not 商超营/nr, a name jieba guesses
        ("网红带货成为潮流", ["网红", "带货"]),
        ("前海深港现代服务业合作区", ["前海"]),  # not 前/f 海/n
    ],
)
def test_news_words_jieba_lacks_are_words(text, words):
    found = [t.text for t in Segmenter().segment(text)]
    assert all(w in found for w in words), found


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


def test_the_fast_dictionary_step_splits_and_tags_as_jieba():
    """``best_route`` replaces jieba's dictionary graph and scoring; on the corpus articles and on
    random strings of their characters (words cut anywhere, unknown runs, digits and Latin
    mixed in) the words and tags must be jieba's own."""
    import random
    from pathlib import Path

    import jieba.posseg
    from opencc import OpenCC

    corpus = sorted((Path(__file__).parents[1] / "corpus").glob("*.txt"))
    text = OpenCC("t2s").convert("".join(p.read_text(encoding="utf-8") for p in corpus))
    rng = random.Random(5)
    texts = [text] + ["".join(rng.choice(text) for _ in range(rng.randint(1, 80))) for _ in range(300)]
    segmenter = Segmenter()
    segmenter.segment("")
    plain = jieba.posseg.POSTokenizer(segmenter._pos.tokenizer)
    plain.word_tag_tab = segmenter._pos.word_tag_tab  # with the user dictionary's tags, which the first reader takes
    for sample in texts:
        assert [(t.text, t.pos) for t in segmenter.segment(sample)] == [(p.word, p.flag) for p in plain.lcut(sample)]


def test_best_route_breaks_ties_and_scores_unknown_characters_as_jieba():
    """A tiny dictionary with equal counts makes many splits score the same, and leaves some
    characters out: the route must still be the one jieba's own graph and scoring pick."""
    import io
    import random

    import jieba

    from pipeline.segment import best_route

    # 甲乙|丙 ties 甲|乙丙; 戊子|丁 ties 戊|子丁, 丁 being no word (jieba counts it 1, as 子)
    words = "甲 3\n乙 2\n丙 3\n甲乙 2\n乙丙 2\n丙甲 6\n乙丙丁 4\n戊 1\n子 1\n戊子 1\n子丁 1\n"
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(words.encode()))
    tokenizer.initialized = True
    logtotal = math.log(tokenizer.total)
    rng = random.Random(2)
    ties = 0
    for _ in range(500):
        sentence = "".join(rng.choice("甲乙丙丁戊子己") for _ in range(rng.randint(1, 12)))
        route: dict[int, tuple[float, int]] = {}
        dag = tokenizer.get_DAG(sentence)
        tokenizer.calc(sentence, dag, route)
        for k, ends in dag.items():
            scores = {math.log(tokenizer.FREQ.get(sentence[k : x + 1]) or 1) - logtotal + route[x + 1][0] for x in ends}
            ties += len(scores) < len(ends)
        expected = [route[k][1] + 1 for k in range(len(sentence))]
        assert best_route(sentence, tokenizer.FREQ, logtotal) == expected, sentence
    assert ties  # the samples did reach equal scores


def test_tokens_match_jieba_on_whitespace_symbols_digits_and_latin():
    """``tokens`` re-implements jieba's block loop (no generators, no ``pair`` objects): line breaks
    (``\\r\\n`` is one word), other whitespace, symbols, digits, Latin and unknown runs must come
    out as jieba's ``lcut`` gives them, in both scripts."""
    import jieba.posseg

    texts = [
        "a\r\nb\rc\nd \r\n\r\n\r\r\n\n",
        "中文\u3000 \u00a0\t测试\r\n第二行：C++ 和 C# 语言，x_y.z&w。",
        "3.5.6万a1b2，2024年3月5日，增长12.5%。",
        "臺灣的張三豐說：「覃振宇和歐陽修文都來了。」",
        "🙂中文🙂ⅡⅢ１２３ＡＢ王a三李.明",
        "",
    ]
    segmenter = Segmenter()
    segmenter.segment("")
    plain = jieba.posseg.POSTokenizer(segmenter._pos.tokenizer)
    for text in texts:
        tokens = segmenter.segment(text)
        assert [(t.text, t.pos) for t in tokens] == [(p.word, p.flag) for p in plain.lcut(text)], text
        assert all(text[t.start : t.end] == t.text for t in tokens)


def test_the_segmenters_lexicon_gives_the_models_dictionary_features():
    """``Segmenter.analyse`` records the longest dictionary words while segmenting; read off it, the
    model's dictionary features must be ``lexicon_matches``' own scan, for a whole text and for any
    piece of it (or the piece is left to the scan), words that start outside a block (γ射线) included."""
    import random
    from pathlib import Path

    from opencc import OpenCC

    from pipeline.extract.ner.features import lexicon_features, lexicon_matches

    corpus = sorted((Path(__file__).parents[1] / "corpus").glob("*.txt"))
    text = OpenCC("t2s").convert("".join(p.read_text(encoding="utf-8") for p in corpus))
    rng = random.Random(7)
    texts = [text, "γ射线暴，观测到γ射线。", "ＡＢＣ γ射线 abc123"]
    texts += ["".join(rng.choice(text) for _ in range(rng.randint(1, 80))) for _ in range(200)]
    segmenter = Segmenter()
    freq, tags = segmenter.lexicon()
    for sample in texts:
        tokens, lexicon = segmenter.analyse(sample)
        assert tokens == segmenter.segment(sample)
        assert lexicon_features(sample, 0, lexicon, tags) == lexicon_matches(sample, freq, tags), sample
        for _ in range(5):
            start = rng.randrange(len(sample))
            end = rng.randrange(start, len(sample)) + 1
            piece = lexicon_features(sample[start:end], start, lexicon, tags)
            assert piece is None or piece == lexicon_matches(sample[start:end], freq, tags), sample[start:end]
