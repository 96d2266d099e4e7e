"""The command line: each input form, exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys

from conftest import REFERENCE

ARTICLE = "自治区民政厅近日公布2024年全区社会组织优秀案例，32个案例上榜。"


def run(*args, stdin=None):
    workers = [] if "--workers" in args else ["--workers", "1"]  # the default is every core
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", *args, *workers, "--no-ner"],
        input=stdin,
        capture_output=True,
        check=False,
    )
    return result.returncode, result.stdout.decode(), result.stderr.decode()


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_file_to_jsonl(tmp_path):
    out = tmp_path / "out.jsonl"
    code, _, err = run(str(REFERENCE), "-o", str(out))
    assert code == 0, err
    (doc,) = records(out)
    assert doc["id"] == REFERENCE.stem
    assert doc["meta"]["title"] == "2.6萬家社會組織聚力民生建設"
    assert "1 extracted, 0 failed" in err


def test_folder_recursive_with_failures_reported_and_others_kept(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_bytes(ARTICLE.encode("gbk"))
    (tmp_path / "in" / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "junk.txt").write_bytes(bytes(range(256)) * 4)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, _, err = run(str(tmp_path / "in"), "-o", str(out), "--errors", str(errors))
    assert code == 1
    docs = records(out)
    assert sorted(d["id"] for d in docs) == ["a", "sub/b"]
    assert {d["encoding"] for d in docs} == {"utf-8", "gb18030"}
    failed = records(errors)
    assert sorted(f["source"].rsplit("/", 1)[-1] for f in failed) == ["empty.txt", "junk.txt"]
    assert "Traceback" not in err
    assert any(line.endswith("empty.txt: empty (no text after decoding)") for line in err.splitlines())
    assert "2 extracted, 2 failed" in err


def test_jsonl_archive_with_a_malformed_line(tmp_path):
    archive = tmp_path / "articles.jsonl"
    archive.write_text(
        json.dumps(
            {"id": "a1", "text": "去年，" + ARTICLE, "published_at": "2025-02-27T09:51+08:00"}, ensure_ascii=False
        )
        + "\n{not json\n"
        + json.dumps({"id": "a2", "text": ARTICLE, "url": "http://example.invalid/a2"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, _, err = run(str(archive), "-o", str(out))
    assert code == 1
    docs = records(out)
    assert [d["id"] for d in docs] == ["a1", "a2"]
    last_year = next(e for e in docs[0]["entities"] if e["text"] == "去年")
    assert last_year["normalized"]["value"] == "2024"
    assert docs[1]["meta"]["url"] == "http://example.invalid/a2"
    assert "articles.jsonl:2: malformed JSON" in err


def test_stdin_to_stdout():
    code, out, err = run("-", "-o", "-", stdin=ARTICLE.encode("utf-8"))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"] == "-"
    assert any(e["type"] == "ORG" and e["text"] == "自治区民政厅" for e in doc["entities"])


def test_missing_input_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(str(tmp_path / "nope.txt"), str(tmp_path / "empty"), "-o", str(tmp_path / "o.jsonl"))
    assert code == 1
    assert "nope.txt: no such file or folder" in err
    assert "folder contains no .txt, .html, .jsonl or .jsonl.gz articles" in err
    assert "Traceback" not in err


def test_unreadable_file(tmp_path):
    # /proc/self/mem exists but cannot be read, even by root (chmod tricks do not stop root).
    code, _, err = run("/proc/self/mem", "-o", str(tmp_path / "o.jsonl"))
    assert code == 1
    assert "/proc/self/mem: cannot read: " in err
    assert "Traceback" not in err


def test_bad_published_at_is_a_one_line_error(tmp_path):
    code, _, err = run(str(REFERENCE), "-o", str(tmp_path / "o.jsonl"), "--published-at", "yesterday")
    assert code == 2
    assert "not an ISO 8601" in err
    assert "Traceback" not in err


def test_missing_model_is_reported_not_raised(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "extract",
            str(REFERENCE),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--model",
            str(tmp_path / "no-model"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "NER model not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_workers_give_the_same_records_in_the_same_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"第{i}篇：" + ARTICLE, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(str(folder), "-o", str(one), "--workers", "1")[0] == 1
    code, _, err = run(str(folder), "-o", str(two), "--workers", "2")
    assert code == 1, err
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert "5 extracted, 1 failed" in err


def test_gzipped_jsonl_and_glob_filter(tmp_path):
    import gzip

    folder = tmp_path / "in"
    folder.mkdir()
    line = json.dumps({"id": "g1", "text": ARTICLE}, ensure_ascii=False) + "\n"
    (folder / "part-1.jsonl.gz").write_bytes(gzip.compress(line.encode()))
    (folder / "broken.jsonl.gz").write_bytes(b"not gzip at all")
    (folder / "skip.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(str(folder), "-o", str(out), "--glob", "*.jsonl.gz")
    assert code == 1
    assert [d["id"] for d in records(out)] == ["g1"]
    assert "broken.jsonl.gz: cannot read: " in err


def entities_with_and_without(tmp_path, text, flag, *options):
    """``xinwen extract`` of one text, without and with ``flag``: {False: [(text, type)…], True: […]}."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    found = {}
    for flags in ([], [flag]):
        out = tmp_path / f"out{len(flags)}.jsonl"
        cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(tmp_path / "a.txt"), "-o", str(out)]
        subprocess.run([*cmd, "--workers", "1", *options, *flags], capture_output=True, check=True)
        found[bool(flags)] = [(e["text"], e["type"]) for e in json.loads(out.read_text(encoding="utf-8"))["entities"]]
    return found


def test_one_character_names_flag_keeps_msras_one_character_names(tmp_path):
    found = entities_with_and_without(tmp_path, "陈先生表示，中美关系稳定。", "--one-character-names")
    texts = {flag: [text for text, _ in entities] for flag, entities in found.items()}
    assert "陈" not in texts[False] and "中" not in texts[False]
    assert "陈" in texts[True] and "中" in texts[True]


def test_governments_as_places_flag_keeps_msras_convention(tmp_path):
    found = entities_with_and_without(
        tmp_path, "美国政府宣布新一轮制裁。", "--governments-as-places", "--region", "mainland"
    )
    assert ("美国政府", "ORG") in found[False]
    assert ("美国", "LOC") in found[True] and ("美国政府", "ORG") not in found[True]
