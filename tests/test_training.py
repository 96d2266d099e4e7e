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


def test_the_tagger_variant_trains_and_learns_a_tiny_corpus():
    """models/ner-tagger.cfg builds, initializes, updates and decodes (LAC vectors off: not needed here)."""
    from spacy import util
    from spacy.training import Example
    from thinc.api import Adam

    from pipeline.extract.ner import features, tagger  # noqa: F401 - registers the model's parts

    overrides = {"components.ner.model.tok2vec.embed.include_static_vectors": False}
    config = util.load_config(Path("models/ner-tagger.cfg"), overrides=overrides, interpolate=True)
    nlp = util.load_model_from_config(config, auto_fill=True)
    gold = [
        ("张伟在北京工作", [(0, 2, "PERSON"), (3, 5, "LOC")]),
        ("李娜加入中国银行", [(0, 2, "PERSON"), (4, 8, "ORG")]),
        ("上海今天下雨", [(0, 2, "LOC")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in gold]
    nlp.initialize(lambda: examples)
    optimizer = Adam(0.01)  # the config's schedule warms up over 250 steps
    losses: list[float] = []
    for _ in range(40):
        losses.append(nlp.update(examples, sgd=optimizer, annotates=["features"])["ner"])
    assert losses[-1] < losses[0] / 10
    for text, ents in gold:
        assert [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents] == ents


def test_cluener_unlabelled_proper_nouns_are_missing_not_outside(tmp_path):
    """CLUENER labels one person here and leaves the city unmarked: the city is missing with the option, and an
    address of two places and a team named by one place are missing either way."""
    import json

    from pipeline.training.corpora import read_cluener
    from pipeline.training.train import place_counter, proper_noun_spans

    text = "张伟昨天在杭州说，巴西队员住在北京市海淀区。"
    label = {"name": {"张伟": [[0, 1]]}, "organization": {"巴西": [[9, 10]]}, "address": {"北京市海淀区": [[15, 20]]}}
    path = tmp_path / "train.json"
    path.write_text(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n", encoding="utf-8")

    [(_, spans, missing)] = read_cluener(path, place_counter())
    assert spans == [(0, 2, "PERSON")]
    assert {(s, e) for s, e, _ in missing} == {(9, 11), (15, 21)}

    [(_, spans, missing)] = read_cluener(path, place_counter(), proper_noun_spans())
    assert spans == [(0, 2, "PERSON")]
    assert (5, 7) in {(s, e) for s, e, _ in missing}  # 杭州: unlabelled, so neither LOC nor outside
    assert not any(s < 2 and 0 < e for s, e, _ in missing)  # the labelled name stays an entity


def test_dev_folds_cover_every_dev_article_once_and_no_test_article():
    from pipeline.training.realnews import dev_folds, splits

    names = [f"{group}_{i:02d}" for group in ("hk", "mn", "tw") for i in range(7)]
    split = splits(names)
    folds = dev_folds(names)
    assert set(folds) == {n for n, s in split.items() if s == "dev"}
    assert set(folds.values()) == {"a", "b"}
    for group in ("hk", "mn", "tw"):  # each group gives both folds articles
        assert {f for n, f in folds.items() if n.startswith(group)} == {"a", "b"}


def test_training_sentences_cut_at_sentence_ends_never_inside_a_name_and_keep_only_names():
    from pipeline.training.realnews import Article, Gold, training_sentences

    text = "臺灣電力公司今天宣布調價。\n記者王明報導！「台電。說明」\n"
    org = text.index("臺灣電力公司")
    quoted = text.index("台電。說明")
    entities = [
        Gold(org, org + 6, "ORG", "臺灣電力公司"),
        Gold(text.index("今天"), text.index("今天") + 2, "DATE", "今天", "2025-01-01"),
        Gold(text.index("王明"), text.index("王明") + 2, "PERSON", "王明"),
        Gold(quoted, quoted + 5, "ORG", "台電。說明"),  # a cut point inside a name is skipped
    ]
    article = Article("tw_x", text, None, "dev", entities)
    sentences = training_sentences(article, lambda t: t.replace("臺", "台"))
    assert [s for s, _ in sentences] == ["台灣電力公司今天宣布調價。", "記者王明報導！", "「台電。說明」"]
    assert [[(s[a:b], label) for a, b, label in spans] for s, spans in sentences] == [
        [("台灣電力公司", "ORG")],
        [("王明", "PERSON")],
        [("台電。說明", "ORG")],
    ]


def test_train_says_where_the_real_news_texts_are_missing(tmp_path, monkeypatch, capsys):
    from pipeline.training import realnews, train

    (tmp_path / "msra_ner").mkdir()
    (tmp_path / "msra_ner" / "train.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(realnews, "TEXTS", tmp_path / "no-realnews")
    assert train.main(["--corpora", str(tmp_path), "--work", str(tmp_path / "work")]) == 2
    assert "no-realnews: not found" in capsys.readouterr().err


def test_swapped_sentences_keep_the_context_and_put_a_name_of_the_same_type_at_each_span():
    from pipeline.training.train import swapped

    named = ("南方日报记者陈明报道，广州下雨。", [(0, 4, "ORG"), (6, 8, "PERSON"), (11, 13, "LOC")])
    sentences = [named, ("无名。", [])]
    pools = {"ORG": [["新华社"], ["央视新闻"]], "PERSON": [["王小二"]], "LOC": [["北京"]]}
    out = swapped(sentences, pools, copies=3, seed=1)
    assert len(out) == 3  # sentences without a name are not copied
    for text, spans in out:
        assert [label for *_, label in spans] == ["ORG", "PERSON", "LOC"]
        assert [text[s:e] for s, e, _ in spans][1:] == ["王小二", "北京"]
        assert text[spans[0][0] : spans[0][1]] in ("新华社", "央视新闻")
        ends, starts = [0] + [e for _, e, _ in spans], [s for s, _, _ in spans] + [len(text)]
        rest = "".join(text[a:b] for a, b in zip(ends, starts, strict=True))
        assert rest == "记者报道，下雨。"
