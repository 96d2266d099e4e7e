"""One writer per output: an exclusive lock for each file or folder a run writes.

A lock is an advisory ``flock`` on a small hidden file beside the output
(``.out.jsonl.lock``, or ``.xinwen.lock`` inside an ``--out-dir``), holding the
owner's pid, host and start time so that a refused run can say who holds it.
The kernel releases a ``flock`` when its process dies however it dies, so a lock
whose owner is gone is simply free: the next run takes it over and says so.
A run that ends removes its lock file while still holding the lock; a run that
locked a file just removed sees that the path now names another file (or none)
and locks again, so two runs never hold two files of the same name.

On NFS (v4, or v3 with ``lockd``) Linux turns ``flock`` into a lock the server
holds, so runs on different hosts exclude each other too; where the filesystem
refuses locks (``ENOLCK``, some FUSE mounts) the owner recorded in the file is
checked instead, which is reliable on one host only.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from pipeline.errors import XinwenError


class OutputBusy(XinwenError):
    """Another run is writing the same output."""


def lock_path(target: Path, folder: bool) -> Path:
    return target / ".xinwen.lock" if folder else target.with_name(f".{target.name}.lock")


class OutputLock:
    """Held from ``acquire`` until ``release`` or the end of the process."""

    def __init__(self, target: Path, folder: bool = False) -> None:
        self.target = target
        self.path = lock_path(target, folder)
        self._fd: int | None = None
        self.took_over: dict | None = None  # the owner of a stale lock this one replaced

    def acquire(self) -> OutputLock:
        """Take the lock or raise ``OutputBusy`` naming the other run; never waits."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                previous = self._lock(fd)
            except BaseException:
                os.close(fd)
                raise
            try:
                if os.stat(self.path).st_ino == os.fstat(fd).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)  # the file was released and removed while this run opened it: try the new one
        try:
            if previous and previous.get("pid") != os.getpid():
                self.took_over = previous
            me = {"pid": os.getpid(), "host": socket.gethostname(), "started": datetime.now(UTC).isoformat()}
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(me).encode("utf-8"), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def _lock(self, fd: int) -> dict | None:
        """flock ``fd`` or raise ``OutputBusy``; returns the owner the file names (a run that died), if any."""
        previous = _owner(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"{self.target}: in use by another xinwen run ({describe(previous)})") from None
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                raise
            if previous and _alive_here(previous):  # no kernel locks here: trust a live owner on this host
                raise OutputBusy(f"{self.target}: in use by another xinwen run ({describe(previous)})") from None
        return previous

    def release(self) -> None:
        """Remove the lock file while still holding it, then drop the flock (a run that died leaves its file)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            os.close(self._fd)
            self._fd = None


def _owner(fd: int) -> dict | None:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"null")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def describe(owner: dict | None) -> str:
    """The owner as a refused run names it: pid, host, start time."""
    if not owner:
        return "owner unknown"
    return f"pid {owner.get('pid')} on {owner.get('host')}, started {owner.get('started')}"


def _alive_here(owner: dict) -> bool:
    """Whether the recorded owner still runs; another host's owner cannot be checked and counts as alive."""
    if owner.get("host") != socket.gethostname():
        return True
    if not isinstance(owner.get("pid"), int):
        return False
    try:
        os.kill(owner["pid"], 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
