"""The scorer behind `make eval`, checked on a hand-made gold file (a scorer that cannot fail is worthless)."""

import json

import pytest

from pipeline.training.corpora import read_bio, read_msra_wordtag, read_pfr
from pipeline.training.evaluate import dedup_people_daily, score

GOLD_BIO = """张 B-PER
三 I-PER
在 O
北 B-LOC
京 I-LOC
大 B-ORG
学 I-ORG

李 B-PER
四 I-PER
"""


def test_bio_reader(tmp_path):
    path = tmp_path / "gold.bio"
    path.write_text(GOLD_BIO, encoding="utf-8")
    assert list(read_bio(path)) == [
        ("张三在北京大学", [(0, 2, "PERSON"), (3, 5, "LOC"), (5, 7, "ORG")]),
        ("李四", [(0, 2, "PERSON")]),
    ]


def test_scores_by_hand():
    gold = [[(0, 2, "PERSON"), (3, 5, "LOC"), (5, 7, "ORG")], [(0, 2, "PERSON")]]
    predicted = [[(0, 2, "PERSON"), (3, 7, "ORG")], [(0, 2, "PERSON"), (2, 3, "LOC")]]
    result = score(gold, predicted)
    # PERSON: 2 tp. LOC: 0 tp, 1 fp, 1 fn. ORG: 0 tp, 1 fp (3-7), 1 fn (5-7).
    assert result["PERSON"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert (result["LOC"]["tp"], result["LOC"]["fp"], result["LOC"]["fn"]) == (0, 1, 1)
    assert (result["ORG"]["tp"], result["ORG"]["fp"], result["ORG"]["fn"]) == (0, 1, 1)
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (2, 2, 2)
    assert (
        overall["p"] == pytest.approx(0.5)
        and overall["r"] == pytest.approx(0.5)
        and overall["f1"] == pytest.approx(0.5)
    )


def test_wrong_type_on_right_span_is_an_error():
    result = score([[(0, 2, "PERSON")]], [[(0, 2, "ORG")]])
    assert result["overall"]["f1"] == 0.0


def test_msra_and_pfr_readers(tmp_path):
    msra = tmp_path / "train.txt"
    msra.write_text("中共中央/nt 致/o 中国致公党十一大/nt 的贺词/o \n", encoding="utf-8")
    expected = [("中共中央致中国致公党十一大的贺词", [(0, 4, "ORG"), (5, 13, "ORG")])]
    assert list(read_msra_wordtag(msra)) == expected
    pfr = tmp_path / "199801.txt"
    line = "19980101-01-001-002/m  [中央/n  人民/n  广播/vn  电台/n]nt  "
    line += "记者/n  江/nr  泽民/nr  在/p  北京/ns\r\n\r"
    pfr.write_bytes(line.encode("gbk"))
    assert list(read_pfr(pfr)) == [
        ("中央人民广播电台记者江泽民在北京", [(0, 8, "ORG"), (10, 13, "PERSON"), (14, 16, "LOC")])
    ]


def test_people_daily_dedup_removes_sentences_seen_in_training(tmp_path):
    train = tmp_path / "train.txt"
    train.write_text("我们/o 在/o 北京/ns 召开/o 了/o 一次/o 重要/o 的/o 工作/o 会议/o 。/o\n", encoding="utf-8")
    sentences = [("我们在北京召开了一次重要的工作会议。", []), ("他们在上海举行了另一场完全不同的活动。", [])]
    assert dedup_people_daily(sentences, train) == [sentences[1]]


def test_annotated_region_sets_parse_with_exact_offsets(tmp_path):
    from pipeline.training.evaluate import read_annotated

    path = tmp_path / "x.ann"
    path.write_text(
        "# region: hk\n# published_at: 2023-02-22\n[ORG 運輸署]署長[PERSON 羅淑佩]說，[AMOUNT 約5億元|500000000]。\n"
    )
    headers, [(text, spans)] = read_annotated(path)
    assert headers == {"region": "hk", "published_at": "2023-02-22"}
    assert text == "運輸署署長羅淑佩說，約5億元。"
    assert [(text[s:e], t, v) for s, e, t, v in spans] == [
        ("運輸署", "ORG", None),
        ("羅淑佩", "PERSON", None),
        ("約5億元", "AMOUNT", "500000000"),
    ]


def test_every_shipped_region_set_parses():
    from pathlib import Path

    from pipeline.training.evaluate import read_annotated

    folder = Path(__file__).resolve().parent.parent / "corpus" / "eval"
    sets = sorted(folder.glob("*.ann"))
    assert [p.stem for p in sets] == ["hk", "mainland", "mo", "tw"]
    for path in sets:
        headers, sentences = read_annotated(path)
        assert headers["region"] == path.stem and sentences
        assert all("[" not in text for text, _ in sentences)


def test_only_regions_scores_the_region_sets_without_corpora(tmp_path, capsys):
    from pipeline.training.evaluate import main

    (tmp_path / "hk.ann").write_text(
        "# region: hk\n# published_at: 2023-02-22\n[ORG 運輸署]署長[PERSON 陳大文]說，[AMOUNT 約5億元|500000000]。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(["--only", "regions", "--regions", str(tmp_path), "--out", str(out), "--corpora", str(tmp_path / "x")])
    assert code == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert list(metrics) == ["pipeline/region_hk"]
    assert metrics["pipeline/region_hk"]["meta"]["values_total"] == 1
    assert "region_hk" in capsys.readouterr().out
