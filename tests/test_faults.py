"""User mistakes that must never lose data: real processes started at once, killed, signalled; no mocks."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import archive, command, folder_records, lines, run

from pipeline.lock import OutputBusy, OutputLock
from pipeline.output import OutputChanged, ShardedWriter, folder_layout


def start(*args, workers="1"):
    cmd = [sys.executable, "-m", "pipeline.cli", "extract", *args, "--no-ner", "--workers", workers]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_for(ready, proc, timeout=120):
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"the run ended first: {proc.stderr.read()}"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def journal_lines(path):
    def ready():
        try:
            return path.read_bytes().count(b"\n") >= 5
        except FileNotFoundError:  # not written yet, or a finished shard's journal renamed away
            return False

    return ready


def ids_of(docs):
    return [d["id"] for d in docs]


def every(n):
    return [f"d{i:04d}" for i in range(n)]


@pytest.mark.parametrize("mode", ["file", "folder"])
def test_a_second_run_on_the_same_output_is_refused_and_the_first_loses_nothing(tmp_path, mode):
    source = archive(tmp_path / "a.jsonl", 1500)
    if mode == "file":
        out = tmp_path / "out.jsonl"
        args, journal = (str(source), "-o", str(out)), tmp_path / ".out.jsonl.inprogress"
    else:
        out = tmp_path / "out"
        args, journal = (str(source), "--out-dir", str(out)), out / ".records-00000.jsonl.inprogress"
    first = start(*args)
    wait_for(journal_lines(journal), first)
    second = subprocess.run(command(*args), capture_output=True, text=True, check=False)
    assert second.returncode == 2
    (line,) = second.stderr.strip().splitlines()
    assert "in use by another xinwen run" in line and f"pid {first.pid}" in line and socket.gethostname() in line
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    docs = lines(out) if mode == "file" else folder_records(out)
    assert sorted(ids_of(docs)) == every(1500)
    if mode == "folder":
        assert json.loads((out / "summary.json").read_text())["records"] == 1500
    assert not list(tmp_path.rglob(".*lock"))  # a finished run removes its lock


def test_the_errors_and_parquet_outputs_are_locked_too(tmp_path):
    source = archive(tmp_path / "a.jsonl", 3)
    errors = tmp_path / "failed.jsonl"
    held = OutputLock(errors).acquire()
    try:
        code, err = run(str(source), "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors))
        assert code == 2 and "failed.jsonl: in use by another xinwen run" in err
        assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / ".out.jsonl.inprogress").exists()
    finally:
        held.release()
    held = OutputLock(tmp_path / "out.entities.parquet").acquire()
    try:
        code, err = run(str(source), "-o", str(tmp_path / "out.jsonl"), "--parquet")
        assert code == 2 and "out.entities.parquet: in use" in err
    finally:
        held.release()


def test_a_lock_whose_run_was_killed_is_taken_over_and_the_run_resumes(tmp_path):
    source = archive(tmp_path / "a.jsonl", 400)
    out = tmp_path / "out.jsonl"
    proc = start(str(source), "-o", str(out))
    wait_for(journal_lines(tmp_path / ".out.jsonl.inprogress"), proc)
    proc.kill()
    proc.wait()
    assert json.loads((tmp_path / ".out.jsonl.lock").read_text())["pid"] == proc.pid
    code, err = run(str(source), "-o", str(out))
    assert code == 0, err
    assert f"taking over the lock of a run that died (pid {proc.pid}" in err and "resuming:" in err
    assert sorted(ids_of(lines(out))) == every(400)


def test_a_lock_names_a_live_owner_and_refuses_without_waiting(tmp_path):
    held = OutputLock(tmp_path / "out", folder=True).acquire()
    try:
        started = time.monotonic()
        with pytest.raises(OutputBusy, match=re.escape(f"pid {os.getpid()} on {socket.gethostname()}, started 20")):
            OutputLock(tmp_path / "out", folder=True).acquire()
        assert time.monotonic() - started < 1
    finally:
        held.release()
    assert OutputLock(tmp_path / "out", folder=True).acquire().took_over is None  # released, not stale


def _descendants(pid):
    """Every process started under ``pid`` (workers and multiprocessing's resource tracker), from /proc."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_after_kill_9_of_the_main_process_no_worker_outlives_it(tmp_path, engine):
    source = archive(tmp_path / "a.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    extra = ("--engine", "dask", "--partition-size", "20") if engine == "dask" else ()
    proc = start(str(source), "-o", str(out), *extra, workers="2")
    wait_for(journal_lines(tmp_path / ".out.jsonl.inprogress"), proc, timeout=180)
    helpers = _descendants(proc.pid)
    assert len(helpers) >= 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in helpers if _alive(p)]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_scheduler_stop_or_ctrl_c_ends_with_the_conventional_code_and_a_rerun_finishes(tmp_path, signum, code):
    # long enough that the stop lands mid-run on a loaded machine too (3,000 once finished before it)
    n = 8000
    source = archive(tmp_path / "a.jsonl", n)
    out = tmp_path / "out"
    args = (str(source), "--out-dir", str(out), "--shard-size", "20kB")
    proc = start(*args, workers="2")
    wait_for(lambda: any(journal_lines(p)() for p in out.glob(".records-*.jsonl.inprogress")), proc)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert "Traceback" not in err and "rerun the same command to resume" in err
    assert not (out / "summary.json").exists()
    rerun, rerr = run(*args)
    assert rerun == 0, rerr
    assert "resuming:" in rerr
    assert sorted(ids_of(folder_records(out))) == every(n)


def test_ctrl_c_pressed_twice_stops_at_once_and_loses_nothing(tmp_path):
    source = archive(tmp_path / "a.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    proc = start(str(source), "-o", str(out), workers="2")
    wait_for(journal_lines(tmp_path / ".out.jsonl.inprogress"), proc)
    proc.send_signal(signal.SIGINT)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err
    code, rerr = run(str(source), "-o", str(out))
    assert code == 0, rerr
    assert sorted(ids_of(lines(out))) == every(3000)


def _killed_folder_run(tmp_path):
    """300 small files extracted into ``out.jsonl`` by a run SIGKILLed after a few records."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i:03d}.txt").write_text(f"第{i}篇。上海市政府今日公布{i}项措施。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = start(str(folder), "-o", str(out))
    wait_for(journal_lines(tmp_path / ".out.jsonl.inprogress"), proc)
    proc.kill()
    proc.wait()
    return folder, out


def test_a_folder_that_grows_while_a_run_is_resumed_ends_with_every_file_once(tmp_path):
    folder, out = _killed_folder_run(tmp_path)
    for i in range(20):
        (folder / f"b{i:03d}.txt").write_text(f"新增第{i}篇。", encoding="utf-8")
    code, err = run(str(folder), "-o", str(out))
    assert code == 0, err
    names = sorted(Path(d["source"]).name for d in lines(out))
    assert names == sorted(p.name for p in folder.iterdir())


def test_an_input_changed_after_it_was_extracted_is_reported_on_resume(tmp_path):
    folder, out = _killed_folder_run(tmp_path)
    journal = tmp_path / ".out.jsonl.inprogress"
    first = json.loads(journal.read_bytes().split(b"\n")[0])["source"]
    time.sleep(0.05)
    Path(first).write_text("改过的文章。", encoding="utf-8")
    code, err = run(str(folder), "-o", str(out))
    assert code == 0, err
    assert "1 inputs changed after the interrupted run extracted them" in err and first in err
    assert len(lines(out)) == 300


def test_deleting_the_output_folder_mid_run_stops_the_run_without_false_claims(tmp_path):
    source = archive(tmp_path / "a.jsonl", 3000)
    out = tmp_path / "out"
    proc = start(str(source), "--out-dir", str(out))
    wait_for(journal_lines(out / ".records-00000.jsonl.inprogress"), proc)
    shutil.rmtree(out)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert "deleted or moved during the run" in err and "Traceback" not in err
    assert not (out / "summary.json").exists() and not list(out.glob("manifest-*"))


def test_a_journal_edited_by_hand_is_cut_at_the_edit_and_the_rest_redone(tmp_path):
    source = archive(tmp_path / "a.jsonl", 400)
    out = tmp_path / "out.jsonl"
    journal = tmp_path / ".out.jsonl.inprogress"
    proc = start(str(source), "-o", str(out))
    wait_for(lambda: journal.exists() and journal.read_bytes().count(b"\n") >= 30, proc)
    proc.kill()
    proc.wait()
    rows = journal.read_bytes().split(b"\n")
    rows[10] = rows[10].replace(b'"entities"', b'"entitys"', 1)  # still JSON, no longer a record
    journal.write_bytes(b"\n".join(rows[:25]))  # and truncated mid-line
    code, err = run(str(source), "-o", str(out))
    assert code == 0, err
    assert "line 11 is not a whole record" in err
    docs = lines(out)
    assert sorted(ids_of(docs)) == every(400)
    assert all("entities" in d for d in docs)


def test_a_dask_worker_killed_mid_partition_has_its_partition_redone_once(tmp_path):
    source = archive(tmp_path / "a.jsonl", 3000)
    out = tmp_path / "out"
    proc = start(str(source), "--out-dir", str(out), "--engine", "dask", "--partition-size", "100", workers="2")
    wait_for(journal_lines(out / ".records-00000.jsonl.inprogress"), proc, timeout=180)
    workers = [p for p in _descendants(proc.pid) if b"spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes()]
    assert workers
    os.kill(workers[-1], signal.SIGKILL)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert sorted(ids_of(folder_records(out))) == every(3000)
    assert json.loads((out / "summary.json").read_text())["records"] == 3000


def test_a_shard_is_not_sealed_when_its_journal_holds_what_this_run_did_not_write(tmp_path):
    from pipeline import Pipeline, Settings

    pipe = Pipeline(Settings(ner=False))
    layout = folder_layout(tmp_path, compress=False, parquet=False)
    writer = ShardedWriter(layout)
    writer.write(pipe.extract("上海市政府今日公布3项措施。", source="s0", id="d0"))
    with layout(0).journal.open("ab") as other:  # a second writer that took no lock
        other.write(layout(0).journal.read_bytes())
    with pytest.raises(OutputChanged, match="holds 2 records where this run wrote 1"):
        writer.close()
    assert not layout(0).manifest.exists()


def test_a_summary_never_claims_a_shard_that_is_gone(tmp_path):
    from pipeline import Pipeline, Settings

    pipe = Pipeline(Settings(ner=False))
    layout = folder_layout(tmp_path, compress=False, parquet=False)
    writer = ShardedWriter(layout, shard_bytes=1)
    for i in range(3):
        writer.write(pipe.extract(f"第{i}篇。上海市政府今日公布3项措施。", source=f"s{i}", id=f"d{i}"))
    writer.close()
    assert writer.verify() == (3, 0)
    layout(1).records.write_text("", encoding="utf-8")
    with pytest.raises(OutputChanged, match=r"records-00001\.jsonl: is missing or not what its manifest records"):
        writer.verify()
