"""A throwaway PostgreSQL cluster for the tests: initdb into a temp dir, a server listening only on a unix
socket in that dir, stopped and removed at the end. As root the server binaries run as `postgres` (initdb
refuses root). No mocks: the store tests talk to a real server."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/<version>/bin "
    "or on PATH; install them (`bash .ci/services.sh` as root, or `apt-get install postgresql`)"
)


def server_bin() -> Path | None:
    """The newest installed server's bin directory (Debian's layout first, then PATH)."""
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if found:
        best = max(
            found,
            key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0,
        )
        return Path(best).parent
    initdb = shutil.which("initdb")
    if initdb and (Path(initdb).resolve().parent / "pg_ctl").exists():
        return Path(initdb).resolve().parent
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    bin: Path
    root: Path
    port: int
    user: str

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@/{database}?host={self.root}&port={self.port}"

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *cmd], capture_output=True, text=True, timeout=120, cwd=self.root, check=False
        )

    def start(self) -> None:
        init = self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", self.user, "--auth=trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        if init.returncode:
            raise RuntimeError(f"initdb failed: {init.stderr or init.stdout}")
        # No TCP listener, no durability: a private, fast server for one test session.
        options = (
            f"-c listen_addresses='' -k {self.root} -p {self.port} -c fsync=off -c synchronous_commit=off"
        )
        start = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        if start.returncode:
            log = (
                (self.root / "server.log").read_text(errors="replace")
                if (self.root / "server.log").exists()
                else ""
            )
            raise RuntimeError(f"pg_ctl start failed: {start.stderr or start.stdout}\n{log[-2000:]}")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def make_cluster() -> Cluster:
    """A started cluster; RuntimeError with the reason when it cannot be started."""
    bin_dir = server_bin()
    if bin_dir is None:
        raise RuntimeError(INSTALL_HINT)
    # Under /tmp, not pytest's 0700 tmp_path tree, which the `postgres` user could not enter; a short
    # path also keeps the socket path under the 107-byte limit.
    root = Path(tempfile.mkdtemp(prefix="ngpg-", dir="/tmp"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    user = "postgres" if os.geteuid() == 0 else (os.environ.get("USER") or "postgres")
    cluster = Cluster(bin_dir, root, free_port(), user)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
