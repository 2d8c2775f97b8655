"""Running the newsgraph command in a subprocess, as a user does: one helper for the CLI tests.

Standard input is empty (never the test runner's), standard error is a pipe (so not a terminal), and
`env` adds variables to this process's environment rather than replacing it.
"""

from __future__ import annotations

import os
import subprocess
import sys


def newsgraph(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
