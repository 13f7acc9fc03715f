"""Chart images and reports drawn in worker processes, so that a renderer's failure never stops the server.

The chart renderer (vl-convert: Vega, Deno and resvg, native code) does not
raise on everything it cannot draw: some inputs make it abort the whole
process, which in a Streamlit server is every signed-in user's session and
every respondent's questionnaire. So nothing is drawn in the server itself:
`run(job)` hands the job to one of `workers()` worker processes (a fresh
``python -m survey.reporting.rendering``, never forked from the threaded server, and
started again when one is gone) and waits for the bytes.

A job is a tuple, the drawing function's name and its arguments:
``("png", spec, scale)``, ``("svg", spec)`` (a Vega-Lite spec with its data
inline), ``("pdf", report)``, ``("pptx", report)`` (a `survey.reporting.report.Report`).
Each runs with limits:

- time: `timeout()` seconds (``RENDER_TIMEOUT_S``, default 60) per job; a
  worker that takes longer is killed;
- memory: `memory_limit()` bytes resident (``RENDER_MEMORY_MB``, default
  1,500), watched from here while the job runs; a worker that grows past it
  is killed.

A job that fails raises `RenderError` with a translation id saying why
(``render.crashed``: the worker died; ``render.timeout``; ``render.memory``;
``render.failed``: the drawing function raised). A `survey.reporting.report.ReportError`
(a missing font) comes back as itself. The next job gets a fresh worker; the
server, and every other user, goes on.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the folder that holds survey/, for the worker's imports

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_MB = 1500
DEFAULT_WORKERS = 2
WATCH_EVERY_S = 0.05  # how often a running job's memory is looked at

_LOG = logging.getLogger(__name__)


class RenderError(RuntimeError):
    """A chart or report could not be drawn; `key` is the translation id of why, `detail` says more (English,
    for the log)."""

    def __init__(self, key: str, detail: str = ""):
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "").strip() or default)
    except ValueError:
        return default
    return value if value > 0 else default


def timeout() -> float:
    """Seconds a job may take: ``RENDER_TIMEOUT_S``, else 60."""
    return _env_number("RENDER_TIMEOUT_S", DEFAULT_TIMEOUT_S)


def memory_limit() -> int:
    """Bytes of resident memory a worker may use: ``RENDER_MEMORY_MB``, else 1,500 MB."""
    return int(_env_number("RENDER_MEMORY_MB", DEFAULT_MEMORY_MB) * 1024 * 1024)


def workers() -> int:
    """How many jobs are drawn at once: ``RENDER_WORKERS``, else 2."""
    return max(1, int(_env_number("RENDER_WORKERS", DEFAULT_WORKERS)))


# --- the parent's side --------------------------------------------------------------------------------


class _Worker:
    """One worker process and the two pipes to it; started on first use and again after it is gone."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.jobs: Connection | None = None  # to the worker
        self.results: Connection | None = None  # from the worker

    def run(self, job: tuple, seconds: float, memory: int) -> bytes:
        if self.process is None or self.process.poll() is not None:
            self._start()
        assert self.jobs is not None and self.results is not None and self.process is not None
        try:
            self.jobs.send(job)
        except OSError:
            self.stop()
            raise RenderError("render.crashed", "the worker was gone before the job") from None
        deadline = time.monotonic() + seconds
        while not self.results.poll(WATCH_EVERY_S):
            if time.monotonic() > deadline:
                self.stop()
                raise RenderError("render.timeout", f"more than {seconds:g} s")
            used = _resident_bytes(self.process.pid)
            if used > memory:
                self.stop()
                raise RenderError("render.memory", f"{used >> 20} MB resident, limit {memory >> 20} MB")
        try:
            outcome = self.results.recv()
        except (EOFError, OSError):
            code = self._exit_code()
            self.stop()
            raise RenderError("render.crashed", f"the worker stopped (exit code {code})") from None
        status, value = outcome
        if status == "ok":
            return value
        if isinstance(value, BaseException) and type(value).__name__ == "ReportError":
            raise value
        raise RenderError("render.failed", value if isinstance(value, str) else repr(value))

    def _start(self) -> None:
        self.stop()
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "survey.reporting.rendering", str(job_read), str(result_write)],
                pass_fds=(job_read, result_write),
                env=env,
                stdin=subprocess.DEVNULL,
            )
        finally:
            os.close(job_read)
            os.close(result_write)
        self.jobs = Connection(job_write, readable=False)
        self.results = Connection(result_read, writable=False)

    def _exit_code(self) -> int | None:
        if self.process is None:
            return None
        try:
            return self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        for conn in (self.jobs, self.results):
            if conn is not None:
                conn.close()
        self.jobs = self.results = None
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self.process = None


def _resident_bytes(pid: int) -> int:
    """Resident memory of process `pid` (from /proc; 0 where there is no /proc)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class _Pool:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: queue.LifoQueue[_Worker] | None = None
        self._all: list[_Worker] = []

    def _workers(self) -> queue.LifoQueue[_Worker]:
        with self._lock:
            if self._idle is None:
                self._idle = queue.LifoQueue()
                for _ in range(workers()):
                    worker = _Worker()
                    self._all.append(worker)
                    self._idle.put(worker)
            return self._idle

    def run(self, job: tuple, seconds: float, memory: int) -> bytes:
        idle = self._workers()
        try:
            worker = idle.get(timeout=seconds)  # every worker busy: wait for one, as long as a job may take
        except queue.Empty:
            raise RenderError("render.timeout", "every worker stayed busy") from None
        try:
            return worker.run(job, seconds, memory)
        finally:
            idle.put(worker)

    def stop(self) -> None:
        with self._lock:
            for worker in self._all:
                worker.stop()


_POOL = _Pool()
atexit.register(_POOL.stop)


def run(job: tuple, *, seconds: float | None = None, memory: int | None = None) -> bytes:
    """The bytes `job` draws (see the module docstring), drawn in a worker; RenderError when it cannot be."""
    seconds = timeout() if seconds is None else seconds
    memory = memory_limit() if memory is None else memory
    try:
        return _POOL.run(job, seconds, memory)
    except RenderError as err:
        _LOG.warning("drawing %s failed: %s", job[0] if job else "?", err)
        raise


def stop() -> None:
    """Stop the worker processes (they start again on the next job)."""
    _POOL.stop()


# --- the worker's side -----------------------------------------------------------------------------------


def _serve(jobs: Connection, results: Connection) -> None:
    """The worker's loop: one job at a time, until the pipe closes."""
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            outcome = ("ok", _draw(job))
        except MemoryError:
            outcome = ("error", "out of memory")
        except Exception as err:  # reported to the parent, which says so to the user
            outcome = ("error", err if type(err).__name__ == "ReportError" else f"{type(err).__name__}: {err}")
        try:
            results.send(outcome)
        except (OSError, EOFError):  # the server is gone
            return
        except Exception:  # an exception that does not pickle: say what it was
            results.send(("error", f"{type(outcome[1]).__name__}: {outcome[1]}"))


def _draw(job: tuple) -> bytes:
    kind, *args = job
    if kind in ("png", "svg"):
        from survey.reporting import exports

        return exports.draw_png(*args) if kind == "png" else exports.draw_svg(*args)
    if kind in ("pdf", "pptx"):
        from survey.reporting import report

        return report.write_pdf(*args) if kind == "pdf" else report.write_pptx(*args)
    raise ValueError(f"unknown job {kind!r}")


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
