"""Fixtures shared by the whole test suite.

postgres_cluster  session   a throwaway PostgreSQL 15 server (started on first use)
database_url      function  SQLAlchemy URL of a fresh, empty database; parametrized
                            over "sqlite" and "postgresql" (the latter marked `postgres`),
                            so every test that uses it runs on both backends
(autouse)         function  clears st.cache_data / st.cache_resource around each test,
                            hides a developer's DATABASE_URL from the tests, and puts
                            back the process's `__main__` module after each test

The PostgreSQL server comes from /usr/lib/postgresql/15/bin (Debian's postgresql-15,
installed by ./dev.sh test). It listens on 127.0.0.1 on a free port and on a unix
socket in its temp dir, trusts every local connection, and runs as an unprivileged
user: the test process's own user, or, when the tests run as root, the `postgres`
system user (created with useradd --system when missing).
"""

from __future__ import annotations

import atexit
import ctypes
import itertools
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_SUPERUSER = "postgres"  # database role created by initdb
PG_START_TIMEOUT = 60.0

try:  # a slow, shared 2-core CI machine must not fail property tests on timing alone
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("project", deadline=None)
    _hypothesis_settings.load_profile("project")
except ImportError:  # pragma: no cover - hypothesis is in requirements-dev.txt
    pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------- PostgreSQL


def _server_os_user() -> pwd.struct_passwd | None:
    """The user to run the server as; None means "the current user" (not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "pytest-pg"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            pass
    subprocess.run(
        [
            "useradd",
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            "pytest-pg",
        ],
        check=False,
        capture_output=True,
    )
    try:
        return pwd.getpwnam("pytest-pg")
    except KeyError:
        pytest.fail("tests run as root and no unprivileged user for PostgreSQL: `useradd --system pytest-pg` failed")


def _traversable_by_others(path: Path) -> bool:
    return all(p.stat().st_mode & stat.S_IXOTH for p in [path, *path.parents])


def _remove_stale_clusters(tmp_root: Path) -> None:
    """Remove the dirs of throwaway clusters whose test run was killed (no live server, over an hour old)."""
    for d in tmp_root.glob("pytest-pg15-*"):
        try:
            if time.time() - d.stat().st_mtime < 3600:
                continue
            pid_file = d / "data" / "postmaster.pid"
            if pid_file.exists():
                pid = int(pid_file.read_text().split()[0])
                try:
                    os.kill(pid, 0)
                    continue  # still running
                except ProcessLookupError:
                    pass
            shutil.rmtree(d, ignore_errors=True)
        except (OSError, ValueError, IndexError):
            continue


def _die_with_parent() -> None:  # runs in the child, after the switch of user
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGINT)  # PR_SET_PDEATHSIG: fast shutdown
    except Exception:  # best effort, Linux only
        pass


@dataclass
class PostgresCluster:
    """A running throwaway PostgreSQL server. `url(db)` gives a SQLAlchemy URL."""

    host: str
    port: int
    user: str  # database superuser role
    base_dir: Path  # temp dir: data/, the unix socket, postgres.log
    os_user: str  # the unprivileged OS user running the server
    _proc: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "postgres.log"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres"):
        """A psycopg connection in autocommit mode (for CREATE/DROP DATABASE)."""
        import psycopg

        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname=dbname, autocommit=True, connect_timeout=5
        )

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def stop(self) -> None:
        """Stop the server and remove its temp dir. Safe to call more than once."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            for sig, wait in ((signal.SIGINT, 30), (signal.SIGQUIT, 10), (signal.SIGKILL, 10)):
                try:
                    proc.send_signal(sig)  # SIGINT: fast shutdown; SIGQUIT: immediate
                    proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
                except ProcessLookupError:
                    break
        shutil.rmtree(self.base_dir, ignore_errors=True)


def _start_postgres() -> PostgresCluster:
    missing = [b for b in ("initdb", "postgres") if not (PG_BIN / b).is_file()]
    if missing:
        pytest.fail(
            f"PostgreSQL 15 server binaries missing ({', '.join(str(PG_BIN / b) for b in missing)}). "
            "Run `./dev.sh test`, which installs them, or `apt-get install postgresql-15`.",
            pytrace=False,
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail("psycopg is not installed: run `./dev.sh test` (installs requirements-dev.txt)", pytrace=False)

    pw = _server_os_user()
    tmp_root = Path(tempfile.gettempdir())
    if pw is not None and not _traversable_by_others(tmp_root):
        tmp_root = Path("/tmp")  # the server user must reach its dir
    _remove_stale_clusters(tmp_root)
    base = Path(tempfile.mkdtemp(prefix="pytest-pg15-", dir=tmp_root))
    run_as: dict = {}
    os_user = pwd.getpwuid(os.geteuid()).pw_name
    if pw is not None:
        os.chown(base, pw.pw_uid, pw.pw_gid)
        run_as = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
        os_user = pw.pw_name
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update(LC_ALL="C", LANG="C", TZ="UTC", HOME=str(base))

    cluster = PostgresCluster(host="127.0.0.1", port=0, user=PG_SUPERUSER, base_dir=base, os_user=os_user)
    atexit.register(cluster.stop)  # also when the session is interrupted
    try:
        init = subprocess.run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(cluster.data_dir),
                "-U",
                PG_SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            env=env,
            cwd=base,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            **run_as,
        )
        if init.returncode != 0:
            pytest.fail(f"initdb failed (as {os_user}):\n{init.stdout}\n{init.stderr}", pytrace=False)
        with open(cluster.data_dir / "postgresql.conf", "a") as conf:
            conf.write(
                "\n# pytest throwaway cluster\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{base}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 100\nshared_buffers = 64MB\n"
                "logging_collector = off\n"
            )

        for _attempt in range(3):
            cluster.port = free_port()
            log = open(cluster.log_file, "ab")  # closed right below; the child keeps its copy
            try:
                cluster._proc = subprocess.Popen(
                    [str(PG_BIN / "postgres"), "-D", str(cluster.data_dir), "-p", str(cluster.port)],
                    env=env,
                    cwd=base,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    preexec_fn=_die_with_parent,
                    **run_as,
                )
            finally:
                log.close()
            deadline = time.monotonic() + PG_START_TIMEOUT
            while time.monotonic() < deadline and cluster._proc.poll() is None:
                try:
                    cluster.connect().close()
                    return cluster
                except Exception:  # not accepting connections yet
                    time.sleep(0.1)
            if cluster._proc.poll() is None:  # hung: give up
                break
            cluster._proc = None  # exited, e.g. the port was taken meanwhile: try another one
        pytest.fail(
            f"PostgreSQL did not start on 127.0.0.1 (as {os_user}); its log:\n{cluster.log_tail()}", pytrace=False
        )
    except BaseException:
        cluster.stop()
        raise


@pytest.fixture(scope="session")
def postgres_cluster():
    """Session-wide throwaway PostgreSQL 15 server; yields a PostgresCluster."""
    cluster = _start_postgres()
    try:
        yield cluster
    finally:
        cluster.stop()


_db_numbers = itertools.count(1)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path):
    """SQLAlchemy URL of a fresh, empty database: a SQLite file, or a new PostgreSQL database.

    Dispose of your engines at the end of the test; the PostgreSQL database is
    dropped afterwards (open connections to it are terminated first).
    """
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return

    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    name = f"test_{next(_db_numbers)}"
    with cluster.connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield cluster.url(name)
    finally:
        with cluster.connect() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --------------------------------------------------------------------------- isolation


def _clear_streamlit_caches() -> None:
    if "streamlit" not in sys.modules:  # nothing imported it, so nothing is cached
        return
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _isolate_streamlit_caches():
    """Clear st.cache_data and st.cache_resource before and after every test."""
    _clear_streamlit_caches()
    yield
    _clear_streamlit_caches()


_MAIN = sys.modules["__main__"]


@pytest.fixture(autouse=True)
def _keep_main_module():
    """An AppTest run installs the page script as `__main__`; put the process's own back afterwards, or a
    later test that starts processes with "spawn" (which re-runs `__main__` in the child) runs a page."""
    yield
    sys.modules["__main__"] = _MAIN


@pytest.fixture(autouse=True)
def _no_ambient_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never let a test reach the database a developer's DATABASE_URL points at."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
