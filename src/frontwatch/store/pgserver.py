"""A throwaway PostgreSQL server for tests and benchmarks.

``TempPostgres`` finds the server binaries (``FRONTWATCH_PG_BINDIR``,
``pg_config --bindir``, ``/usr/lib/postgresql/*/bin``, PATH), runs ``initdb`` into a
temporary folder, starts ``postgres`` on a free port with its socket in that folder,
creates a database and gives its URL. PostgreSQL refuses to run as root, so under
root the server runs as an unprivileged system user (``PG_USER``, created if missing)
through ``runuser``. Nothing here is used by the store itself.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from frontwatch.errors import StoreError

PG_USER = "frontwatch-pg"
# How long to wait for a fresh server to accept connections.
START_TIMEOUT_S = 60


def find_bindir() -> Path | None:
    """The folder holding initdb and postgres, or None when PostgreSQL is not installed."""
    candidates: list[str] = []
    if os.environ.get("FRONTWATCH_PG_BINDIR"):
        candidates.append(os.environ["FRONTWATCH_PG_BINDIR"])
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
            candidates.append(out.stdout.strip())
        except (OSError, subprocess.CalledProcessError):
            pass
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).resolve().parent))
    for c in candidates:
        if (Path(c) / "initdb").is_file() and (Path(c) / "postgres").is_file():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ensure_user() -> str:
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
            check=True,
            capture_output=True,
        )
    return PG_USER


class TempPostgres:
    """``with TempPostgres() as url: ...`` -- a server that lives as long as the block."""

    def __init__(self, dbname: str = "frontwatch", *, extra_conf: dict[str, str] | None = None) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise StoreError("PostgreSQL server binaries (initdb, postgres) are not installed")
        self.bindir = bindir
        self.dbname = dbname
        self.extra_conf = extra_conf or {}
        self.port = 0
        self.tmp: Path | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.user: str | None = None

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def start(self) -> str:
        self.tmp = Path(tempfile.mkdtemp(prefix="frontwatch-pg-"))
        data = self.tmp / "data"
        if os.geteuid() == 0:
            self.user = _ensure_user()
            shutil.chown(self.tmp, self.user)
            os.chmod(self.tmp, 0o700)
        subprocess.run(
            self._cmd(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
            check=True, capture_output=True,
        )  # fmt: skip
        self.port = _free_port()
        opts = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.tmp),
            "fsync": "off",
            **self.extra_conf,
        }
        args = [str(self.bindir / "postgres"), "-D", str(data)]
        for k, v in opts.items():
            args += ["-c", f"{k}={v}"]
        log = open(self.tmp / "server.log", "wb")  # noqa: SIM115 - owned by the server process
        self.proc = subprocess.Popen(self._cmd(*args), stdout=log, stderr=subprocess.STDOUT)
        self._wait_ready()
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{self.dbname}"')
        return self.url()

    def url(self, dbname: str | None = None) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname or self.dbname}"

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise StoreError(f"the PostgreSQL test server exited at start: {self.log_tail()}")
            try:
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise StoreError(f"the PostgreSQL test server did not start: {self.log_tail()}") from None
                time.sleep(0.2)

    def log_tail(self) -> str:
        if self.tmp is None or not (self.tmp / "server.log").exists():
            return ""
        return (self.tmp / "server.log").read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None and self.tmp is not None:
            subprocess.run(
                self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.tmp / "data"), "stop", "-m", "fast"),
                capture_output=True,
                check=False,
            )
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    def __enter__(self) -> str:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()
