"""`xinwen export RECORDS --format F -o FILE`: pre-annotated tasks, and the loop they close: export predictions,
accept them as annotations, evaluate -> F1 1.0 (Label Studio and doccano)."""

import gzip
import json
import subprocess
import sys

import pytest
from conftest import REFERENCE

from pipeline.annotations import read_gold

ARTICLES = [
    "新华社北京3月5日电 国务院总理李强5日在十四届全国人大三次会议上作政府工作报告，今年安排地方政府专项债券4.4万亿元。",
    "香港特區政府運輸署今日公布，2024年全港共有約12,000宗交通意外，較去年減少3%。",
    "😀网友在𠮷野家门口排队：北京市海淀区人民政府表示，约400人参与，花费30万元。",  # outside the BMP: 😀 and 𠮷
    "臺北市政府衛生局局長黃珊珊表示，新臺幣2億元預算將用於長照服務。\n\n記者：王小明",
]


def xinwen(*args, cwd=None):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True, check=False, cwd=cwd
    )
    return result.returncode, result.stdout, result.stderr


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """`xinwen extract` of the articles above (the full pipeline) and the reference article."""
    folder = tmp_path_factory.mktemp("records")
    archive = folder / "in.jsonl"
    lines = [{"id": f"a{i}", "text": t, "published_at": "2025-03-05T10:00+08:00"} for i, t in enumerate(ARTICLES)]
    archive.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    out = folder / "out.jsonl"
    code, _, err = xinwen("extract", archive, REFERENCE, "-o", out, "--workers", "1", "--quiet")
    assert code == 0, err
    return out


def read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_label_studio_tasks_carry_predictions_in_utf16_offsets(records, tmp_path):
    out = tmp_path / "tasks.json"
    code, _, err = xinwen("export", records, "--format", "label-studio", "-o", out)
    assert code == 0, err
    tasks = json.loads(out.read_text(encoding="utf-8"))
    docs = read(records)
    assert len(tasks) == len(docs)
    for task, doc in zip(tasks, docs, strict=True):
        assert task["data"]["text"] == doc["text"] and task["data"]["doc_id"] == doc["id"]
        (prediction,) = task["predictions"]
        assert prediction["model_version"].startswith("xinwen ")
        assert len(prediction["result"]) == len(doc["entities"])
        units = doc["text"].encode("utf-16-le")
        for result, entity in zip(prediction["result"], doc["entities"], strict=True):
            assert (result["from_name"], result["to_name"], result["type"]) == ("label", "text", "labels")
            value = result["value"]
            assert value["labels"] == [entity["type"]] and value["text"] == entity["text"]
            # what JavaScript's text.slice(start, end) gives
            assert units[2 * value["start"] : 2 * value["end"]].decode("utf-16-le") == entity["text"]
    wide = tasks[2]["predictions"][0]["result"]
    beijing = next(r for r in wide if r["value"]["text"].startswith("北京"))
    assert beijing["value"]["start"] == ARTICLES[2].index("北京") + 2  # 😀 and 𠮷 are two code units each


def accept_predictions(tasks):
    """What a reviewer who accepts every prediction exports from Label Studio."""
    exported = []
    for number, task in enumerate(tasks, start=1):
        result = task["predictions"][0]["result"]
        annotation = {"id": number, "result": result, "was_cancelled": False, "ground_truth": False}
        exported.append({"id": number, "data": task["data"], "annotations": [annotation], "predictions": []})
    return exported


def test_label_studio_round_trip_scores_f1_one(records, tmp_path):
    tasks_file = tmp_path / "tasks.json"
    assert xinwen("export", records, "--format", "label-studio", "-o", tasks_file)[0] == 0
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps(accept_predictions(json.loads(tasks_file.read_text())), ensure_ascii=False))
    code, out, err = xinwen("evaluate", reviewed, "--format", "label-studio", cwd=tmp_path)
    assert code == 0, err
    overall = next(line for line in out.splitlines() if line.startswith("overall")).split()
    assert overall[1:4] == ["1.000", "1.000", "1.000"], out
    assert int(overall[4]) == sum(len(d["entities"]) for d in read(records)) > 20


def test_doccano_round_trip_scores_f1_one(records, tmp_path):
    lines = tmp_path / "doccano.jsonl"
    code, _, err = xinwen("export", records, "--format", "doccano", "-o", lines)
    assert code == 0, err
    exported = read(lines)
    docs = read(records)
    for line, doc in zip(exported, docs, strict=True):
        assert line["text"] == doc["text"]
        assert line["label"] == [[e["start"], e["end"], e["type"]] for e in doc["entities"]]
        assert line["published_at"] == doc["meta"]["published_at"]
    code, out, err = xinwen("evaluate", lines, "--format", "doccano", cwd=tmp_path)
    assert code == 0, err
    rows = {line.split()[0]: line.split()[1:4] for line in out.splitlines() if line.split()}
    for kind in ("PERSON", "LOC", "ORG", "AMOUNT", "DATE", "overall"):
        assert rows[kind] == ["1.000", "1.000", "1.000"], out


def test_bio_export_reads_back_as_the_records(records, tmp_path):
    out = tmp_path / "records.bio"
    code, _, err = xinwen("export", records, "--format", "bio", "-o", out, "--types", "PER,LOC,ORG")
    assert code == 0, err
    assert "B-PER" in out.read_text(encoding="utf-8")
    back = read_gold(out, "bio")
    single_line = [d for d in read(records) if "\n" not in d["text"]]
    by_text = {g.text: g for g in back}
    for doc in single_line:
        gold = by_text[doc["text"]]
        names = [e for e in doc["entities"] if e["type"] in ("PERSON", "LOC", "ORG")]
        want = sorted((e["start"], e["end"], e["type"]) for e in names)
        assert [(e.start, e.end, e.type) for e in gold.entities] == want
    article = next(d for d in read(records) if d["text"].endswith("記者：王小明"))  # lines become sentences
    assert "記者：王小明" in by_text and article["text"].split("\n")[0] in by_text


def test_export_reads_folders_and_gzip_and_refuses_bad_records(records, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with gzip.open(folder / "records-00000.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(records.read_text(encoding="utf-8"))
    code, out, err = xinwen("export", folder, "--format", "doccano", "-o", "-")
    assert code == 0, err
    assert len(out.splitlines()) == len(read(records))
    broken = tmp_path / "broken.jsonl"
    doc = read(records)[0]
    doc["entities"][0]["start"] += 1
    broken.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = xinwen("export", broken, "--format", "label-studio", "-o", tmp_path / "x.json")
    assert code == 2 and "does not match the text" in err and "Traceback" not in err
    assert not (tmp_path / "x.json").exists()  # nothing half-written
