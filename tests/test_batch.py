"""Archive-scale runs: resume after a real kill, sharded and compressed outputs, Parquet, HTML pages, Dask."""

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from pipeline.output import ShardedWriter, folder_layout
from pipeline.records import Failure

ARTICLES = [
    "新华社北京3月5日电 国务院总理李强5日在十四届全国人大三次会议上作政府工作报告，今年安排地方政府专项债券4.4万亿元。",
    "香港特區政府運輸署今日公布，2024年全港共有約12,000宗交通意外，較去年減少3%。",
    "臺北市政府衛生局局長黃珊珊表示，新臺幣2億元預算將用於長照服務。",
    "广西壮族自治区民政厅近日公布2024年全区社会组织优秀案例，32个案例上榜。",
]


def archive(path, count, broken=()):
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            if i in broken:
                out.write('{"id": "oops", "text": \n')
            out.write(
                json.dumps({"id": f"d{i:04d}", "text": f"第{i}篇。" + ARTICLES[i % 4]}, ensure_ascii=False) + "\n"
            )
    return path


def command(*args):
    return [sys.executable, "-m", "pipeline.cli", "extract", *args, "--no-ner", "--workers", "1"]


def run(*args):
    result = subprocess.run(command(*args), capture_output=True, text=True, check=False)
    return result.returncode, result.stderr


def lines(path):
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def folder_records(folder, kind="records"):
    return [r for shard in sorted(folder.glob(f"{kind}-*.jsonl*")) for r in lines(shard)]


def kill_mid_run(args, ready, timeout=120):
    """Start `xinwen extract ARGS` and SIGKILL it as soon as ``ready()``: a real interrupted run."""
    proc = subprocess.Popen(command(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_resume_after_sigkill_in_folder_mode_loses_and_duplicates_nothing(tmp_path):
    source = archive(tmp_path / "a.jsonl", 300, broken={150})
    out = tmp_path / "out"
    args = (str(source), "--out-dir", str(out), "--shard-size", "8kB", "--gzip")
    kill_mid_run(args, lambda: len(list(out.glob("manifest-*.json"))) >= 2)
    assert not (out / "summary.json").exists()
    assert all(not p.name.endswith(".tmp") or p.name.startswith(".") for p in out.iterdir())
    code, err = run(*args)
    assert code == 1, err  # the broken line
    assert "resuming:" in err
    ids = [r["id"] for r in folder_records(out)]
    assert len(ids) == len(set(ids)) == 300
    assert set(ids) == {f"d{i:04d}" for i in range(300)}
    (failure,) = folder_records(out, "errors")
    assert failure["source"].endswith("a.jsonl:151")
    summary = json.loads((out / "summary.json").read_text())
    assert summary["records"] == 300 and summary["errors"] == 1 and summary["resumed"] > 0
    assert not list(out.glob(".*"))  # no journal or temporary file left


def test_resume_after_sigkill_with_one_output_file(tmp_path):
    source = archive(tmp_path / "a.jsonl", 200)
    out = tmp_path / "out.jsonl.gz"
    journal = tmp_path / ".out.jsonl.gz.inprogress"
    kill_mid_run((str(source), "-o", str(out)), lambda: journal.exists() and journal.read_bytes().count(b"\n") >= 20)
    assert not out.exists()  # the output appears whole, at the end
    code, err = run(str(source), "-o", str(out))
    assert code == 0, err
    ids = [r["id"] for r in lines(out)]
    assert sorted(ids) == [f"d{i:04d}" for i in range(200)]
    assert not journal.exists()


def test_a_torn_last_line_is_cut_and_its_article_redone(tmp_path):
    from pipeline import Pipeline, Settings

    pipe = Pipeline(Settings(ner=False))
    docs = [pipe.extract(text, source=f"s{i}", id=f"d{i}") for i, text in enumerate(ARTICLES)]
    layout = folder_layout(tmp_path, compress=False, parquet=True)
    writer = ShardedWriter(layout, shard_bytes=10**9)
    for doc in docs[:3]:
        writer.write(doc)
    writer.abandon()
    journal = layout(0).journal
    whole = journal.read_bytes()
    journal.write_bytes(whole[: whole.rindex(b"\n", 0, len(whole) - 1) + 40])  # the third line torn
    resumed = ShardedWriter(layout, shard_bytes=10**9)
    assert resumed.done == {"s0", "s1"}
    for doc in docs[2:]:
        resumed.write(doc)
    resumed.write(Failure(source="bad", reason="empty"))
    resumed.close()
    assert [r["id"] for r in folder_records(tmp_path)] == ["d0", "d1", "d2", "d3"]
    assert resumed.records == 4 and resumed.failures == 1
    assert json.loads(layout(0).manifest.read_text())["sources"] == ["s0", "s1", "s2", "s3", "bad"]


def test_parquet_has_one_row_per_entity_matching_the_jsonl(tmp_path):
    import pyarrow.parquet as pq

    source = archive(tmp_path / "a.jsonl", 8)
    out = tmp_path / "out.jsonl"
    assert run(str(source), "-o", str(out), "--parquet")[0] == 0
    docs = lines(out)
    table = pq.read_table(tmp_path / "out.entities.parquet").to_pylist()
    expected = [(d["id"], i, e) for d in docs for i, e in enumerate(d["entities"])]
    assert len(table) == len(expected) > 0
    for row, (doc_id, index, entity) in zip(table, expected, strict=True):
        assert (row["doc_id"], row["index"], row["type"], row["text"]) == (
            doc_id,
            index,
            entity["type"],
            entity["text"],
        )
        assert (row["start"], row["end"]) == (entity["start"], entity["end"])
        norm = entity["normalized"] or {}
        if entity["type"] == "AMOUNT":
            assert row["value_text"] == norm["value_text"] and row["currency"] == norm["currency"]
        if entity["type"] == "DATE":
            assert row["date_value"] == norm["value"]
    assert {"CNY", "TWD"} <= {row["currency"] for row in table}


def test_folder_shards_split_by_size_and_finished_runs_are_not_mixed(tmp_path):
    source = archive(tmp_path / "a.jsonl", 40)
    out = tmp_path / "out"
    assert run(str(source), "--out-dir", str(out), "--shard-size", "10kB", "--parquet")[0] == 0
    shards = sorted(out.glob("records-*.jsonl"))
    assert len(shards) > 2
    assert all(p.stat().st_size < 10_000 + 4_000 for p in shards[:-1])  # a shard closes after the line that fills it
    assert len(sorted(out.glob("entities-*.parquet"))) == len(shards)
    assert len(folder_records(out)) == 40
    code, err = run(str(source), "--out-dir", str(out))
    assert code == 2 and "--overwrite" in err and "Traceback" not in err
    assert run(str(source), "--out-dir", str(out), "--overwrite")[0] == 0
    assert len(sorted(out.glob("records-*.jsonl"))) == 1  # the default size holds all; old shards gone
    assert not list(out.glob("entities-*"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "x.jsonl", "--gzip"), "--gzip goes with --out-dir"),
        (("-o", "x.jsonl", "--scheduler", "tcp://127.0.0.1:9"), "go with --engine dask"),
        (("-o", "a.jsonl/x.jsonl"), "cannot write"),
        (("--out-dir", "d", "--shard-size", "lots"), "not a size"),
        (("--out-dir", "d", "--errors", "e.jsonl"), "errors-*.jsonl"),
        (("-o", "-", "--parquet"), "need files"),
    ],
)
def test_option_mistakes_are_one_line(tmp_path, args, message):
    source = archive(tmp_path / "a.jsonl", 1)
    result = subprocess.run(command(str(source), *args), capture_output=True, text=True, cwd=tmp_path, check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_html_pages_are_read_through_trafilatura(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="gbk"><title>全国两会 - 新华网</title>
<meta property="article:published_time" content="2025-03-05T10:00:00+08:00"></head>
<body><nav><a href="/">首页</a> &gt; <a href="/politics">时政</a></nav>
<article><h1>政府工作报告发布</h1><p>国务院总理李强5日在十四届全国人大三次会议上作政府工作报告。</p>
<p>报告提出，今年拟安排超长期特别国债1.3万亿元，比去年增加3000亿元。财政部有关负责人表示，资金将尽快下达。</p>
</article><footer>分享到微信 版权所有 新华网</footer></body></html>"""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(page.encode("gbk"))
    (folder / "empty.html").write_text("<html><head><title>404</title></head><body></body></html>", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, err = run(str(folder), "-o", str(out), "--errors", str(errors))
    assert code == 1, err
    (doc,) = lines(out)
    assert "分享到微信" not in doc["text"] and "首页" not in doc["text"]
    assert doc["encoding"] == "gb18030" and doc["meta"]["title"] == "政府工作报告发布"
    assert doc["meta"]["published_at"].startswith("2025-03-05")
    amounts = {e["text"]: e["normalized"]["value"] for e in doc["entities"] if e["type"] == "AMOUNT"}
    assert amounts["1.3万亿元"] == 1_300_000_000_000
    assert any(e["text"] == "李强" and e["type"] == "PERSON" for e in doc["entities"])
    for e in doc["entities"]:
        assert doc["text"][e["start"] : e["end"]] == e["text"]
    (failure,) = lines(errors)
    assert failure["source"].endswith("empty.html") and "no article text" in failure["reason"]


def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path):
    source = archive(tmp_path / "a.jsonl", 6)
    code, err = run(str(source), "-o", str(tmp_path / "o.jsonl"), "--log-every", "0")
    assert code == 0
    progress = [line for line in err.splitlines() if "articles/s" in line]
    assert progress and "chars/s" in progress[-1] and "\r" not in err
    assert "6 done" in progress[-1]


def _sorted_records(path):
    return sorted(lines(path), key=lambda r: r["id"])


def test_dask_local_cluster_gives_the_single_process_records(tmp_path):
    from distributed import LocalCluster

    source = archive(tmp_path / "a.jsonl", 30, broken={7})
    single = tmp_path / "single.jsonl"
    assert run(str(source), "-o", str(single))[0] == 1
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        on_dask = tmp_path / "dask"
        code, err = run(
            str(source), "--out-dir", str(on_dask), "--engine", "dask", "--scheduler", cluster.scheduler_address,
            "--partition-size", "4",
        )  # fmt: skip
    assert code == 1, err
    assert sorted(folder_records(on_dask), key=lambda r: r["id"]) == _sorted_records(single)
    (failure,) = folder_records(on_dask, "errors")
    assert failure["source"].endswith("a.jsonl:8")


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    source = archive(tmp_path / "a.jsonl", 2)
    code, err = run(
        str(source), "-o", str(tmp_path / "o.jsonl"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert code == 2
    assert "cannot reach the Dask scheduler" in err and "Traceback" not in err


def test_dask_engine_starts_its_own_local_cluster(tmp_path):
    source = archive(tmp_path / "a.jsonl", 6)
    single, on_dask = tmp_path / "single.jsonl", tmp_path / "dask.jsonl"
    assert run(str(source), "-o", str(single))[0] == 0
    code, err = run(str(source), "-o", str(on_dask), "--engine", "dask", "--partition-size", "2")
    assert code == 0, err
    assert _sorted_records(on_dask) == _sorted_records(single)


def test_the_bench_archive_is_seeded_news_length_and_in_both_scripts():
    import statistics

    from pipeline.convert import Converter
    from pipeline.synthetic import articles

    first, again = list(articles(40)), list(articles(40))
    assert first == again
    assert 600 < statistics.median(len(a["text"]) for a in first) < 2500
    converter = Converter()
    scripts = [converter.convert(a["text"]).script for a in first]
    assert scripts.count("traditional") == 20 and scripts.count("simplified") == 20


def test_jsonl_streams_keeps_lines_before_a_torn_gzip_and_only_splits_on_newlines(tmp_path):
    from pipeline.sources import iter_inputs

    lines_ = [json.dumps({"id": f"g{i}", "text": f"第{i}篇\u2028{ARTICLES[0]}"}) for i in range(3000)]
    whole = gzip.compress("\n".join(lines_).encode())
    torn = tmp_path / "torn.jsonl.gz"
    torn.write_bytes(whole[: len(whole) // 2])
    results = list(iter_inputs([str(torn)]))
    items, failures = results[:-1], results[-1:]
    assert len(items) > 100 and all(item.text.startswith(f"第{i}篇\u2028") for i, item in enumerate(items))
    assert isinstance(failures[0], Failure) and "cannot read" in failures[0].reason
    assert failures[0].source == f"{torn}:{len(items) + 1}"


def test_a_dead_worker_stops_the_run_with_one_resumable_error():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from pipeline.batch import _result
    from pipeline.errors import WorkerError

    future = Future()
    future.set_exception(BrokenProcessPool("killed"))
    with pytest.raises(WorkerError, match="rerun the same command to resume"):
        _result(future)


def test_overwrite_with_a_bad_option_deletes_nothing(tmp_path):
    source = archive(tmp_path / "a.jsonl", 3)
    out = tmp_path / "out"
    assert run(str(source), "--out-dir", str(out))[0] == 0
    code, err = run(str(source), "--out-dir", str(out), "--overwrite", "--shard-size", "10MiB")
    assert code == 2 and "not a size" in err
    assert (out / "summary.json").exists() and len(folder_records(out)) == 3


def test_a_resume_must_be_the_same_run(tmp_path):
    source = archive(tmp_path / "a.jsonl", 60)
    out = tmp_path / "out.jsonl"
    journal = tmp_path / ".out.jsonl.inprogress"
    kill_mid_run((str(source), "-o", str(out)), lambda: journal.exists() and journal.read_bytes().count(b"\n") >= 5)
    code, err = run(str(source), "-o", str(out), "--region", "hk")
    assert code == 2 and "interrupted run with other settings" in err and "Traceback" not in err
    code, err = run(str(source), "-o", str(out), "--region", "hk", "--overwrite")
    assert code == 0, err
    docs = lines(out)
    assert len(docs) == 60 and {d["meta"]["region"] for d in docs} == {"hk"}
    assert not list(tmp_path.glob(".out.jsonl*"))


def test_a_corrupt_gzip_archive_is_one_failure_and_the_run_goes_on(tmp_path):
    good = archive(tmp_path / "good.jsonl", 2)
    raw = bytearray(gzip.compress(good.read_bytes() * 50))
    for i in range(20, len(raw) - 20, 7):
        raw[i] ^= 0x5A  # deflate data garbled: zlib.error, not an OSError
    (tmp_path / "bad.jsonl.gz").write_bytes(bytes(raw))
    out = tmp_path / "out.jsonl"
    code, err = run(str(tmp_path / "bad.jsonl.gz"), str(good), "-o", str(out))
    assert code == 1 and "Traceback" not in err
    assert "bad.jsonl.gz" in err and "cannot read" in err
    assert len(lines(out)) == 2


def test_progress_line_counts_resumed_work_and_gives_an_eta():
    import io

    from pipeline.progress import Progress

    stream = io.StringIO()  # not a terminal: log lines
    progress = Progress(stream=stream, every=3600, already=10)
    progress.total = 110
    progress._start -= 50  # 50 s into the run
    progress.update(Failure(source="x", reason="empty"))
    progress.docs, progress.chars = 49, 100_000
    line = progress.line(progress._start + 50)
    assert line.startswith("xinwen: 60 done (1.0 articles/s, 2,000 chars/s), 1 failed, 50 left, ETA 0:00:50")
    assert stream.getvalue() == ""  # no line before `every` seconds


def _worker_processes(pid):
    """The pool workers started by process ``pid`` (Linux /proc; the resource tracker is not one)."""
    from pathlib import Path

    workers = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        if parent == pid and b"spawn_main" in cmdline:
            workers.append(int(stat.parent.name))
    return workers


def test_a_worker_killed_mid_run_ends_the_run_with_one_error_and_a_rerun_finishes_it(tmp_path):
    # Enough articles that the run is still going when a worker is killed (rules only, about 3 s).
    source = archive(tmp_path / "a.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    journal = tmp_path / ".out.jsonl.inprogress"
    cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(source), "-o", str(out), "--no-ner", "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (journal.exists() and journal.read_bytes().count(b"\n") >= 5):
        assert proc.poll() is None, "the run ended before a worker could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    workers = _worker_processes(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode not in (0, None)
    assert "a worker process died" in err and "rerun the same command to resume" in err
    assert "Traceback" not in err
    rerun = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert "resuming:" in rerun.stderr  # what the first run wrote is kept, not redone
    ids = [d["id"] for d in lines(out)]
    assert sorted(ids) == [f"d{i:04d}" for i in range(3000)]
