"""The README's examples run as written, on the inputs in examples/, and exit as the README says.

The convention (README "The examples"): a block fenced ```sh is shell commands to run from the repository
root; a ```python block is a script run from there too; ```text blocks are not run (set-up, layouts, and
commands that need a PostgreSQL server or a Dask cluster). Each command of an sh block must exit 0,
unless its comment says `# exits N`. The commands run in a scratch directory holding a copy of examples/,
so news.db and the outputs land there, with `newsgraph` on PATH as this interpreter's `-m newsgraph`.
Everything runs once per module: one ingest, then the queries, which load no model. Blocks run two at a
time (the commands of one block in order), so each block must stand on its own: no block may read what
another writes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
LANGUAGES = {"sh", "python", "text", "json"}
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Command:
    line: str  # as the README writes it, comment removed
    expected: int  # the exit status the README promises
    block: int  # which block (for messages)


def blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block, in order."""
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]


def split_comment(line: str) -> tuple[str, str]:
    """`command  # comment` -> (command, comment); a # inside quotes is part of the command."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def commands(text: str) -> list[Command]:
    out = []
    for n, (language, body) in enumerate(blocks(text)):
        if language != "sh":
            continue
        for raw in body.splitlines():
            line, comment = split_comment(raw)
            if line:
                status = re.match(r"exits (\d+)\b", comment)
                out.append(Command(line, int(status.group(1)) if status else 0, n))
    return out


def python_blocks(text: str) -> list[str]:
    return [body for language, body in blocks(text) if language == "python"]


TEXT = README.read_text(encoding="utf-8")
COMMANDS = commands(TEXT)


# ---------------------------------------------------------------- no model needed


def test_the_convention_holds() -> None:
    found = blocks(TEXT)
    assert found, "no fenced blocks found: did the fence syntax change?"
    assert {language for language, _ in found} <= LANGUAGES, "fence every block as sh, python, text or json"
    assert len(COMMANDS) >= 10 and python_blocks(TEXT)
    for c in COMMANDS:
        # A server or a cluster is not there when the tests run: such commands go in a text block.
        assert "postgresql://" not in c.line and "--dask" not in c.line, c.line
        assert c.line.startswith(("newsgraph ", "cat ")), c.line


def test_split_comment() -> None:
    assert split_comment('newsgraph check --claim "a # b"  # exits 1: x') == (
        'newsgraph check --claim "a # b"',
        "exits 1: x",
    )
    assert split_comment("newsgraph errors --db news.db") == ("newsgraph errors --db news.db", "")


def test_the_readme_stands_alone() -> None:
    assert "../" not in TEXT and "CONTRACT.md" not in TEXT, "the README must not point outside the repo"
    paths = re.findall(r"\b((?:examples|docs|src|bench|scripts|requirements)/[\w./-]*\w)", TEXT)
    for path in sorted(set(paths)):
        assert (REPO / path).exists(), f"README names {path}, which is not in the repo"


def test_the_code_does_not_point_outside_the_repo() -> None:
    # Docstrings, help and messages of the package: a user's clone has no ../shared or ../CONTRACT.md.
    for path in sorted((REPO / "src").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "CONTRACT.md" not in text, path


def test_every_example_input_is_used() -> None:
    used = " ".join(c.line for c in COMMANDS) + "".join(python_blocks(TEXT))
    for path in sorted((REPO / "examples").rglob("*")):
        if path.is_file():
            name = path.relative_to(REPO).as_posix()
            directory = path.parent.relative_to(REPO).as_posix() + "/"
            assert name in used or directory in used, f"{name} ships but no README example reads it"


# ---------------------------------------------------------------- running them


@dataclass(frozen=True)
class Ran:
    workdir: Path
    results: dict[Command, subprocess.CompletedProcess[str]]
    scripts: list[subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory, model_package: str) -> Ran:
    workdir = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "examples", workdir / "examples")
    bin_dir = tmp_path_factory.mktemp("bin")
    shim = bin_dir / "newsgraph"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsgraph "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"

    def run_block(block: int) -> dict[Command, subprocess.CompletedProcess[str]]:
        return {c: shell(c.line) for c in COMMANDS if c.block == block}

    def shell(line: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", f"set -o pipefail; {line}"],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )

    def script(body: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", body], cwd=workdir, env=env, capture_output=True, text=True, timeout=300
        )

    # Each spaCy load takes seconds: two blocks at a time (two models in memory, about 1 GB).
    with ThreadPoolExecutor(max_workers=2) as pool:
        scripts = pool.map(script, python_blocks(TEXT))
        by_block = pool.map(run_block, sorted({c.block for c in COMMANDS}))
        results = {c: r for block in by_block for c, r in block.items()}
        return Ran(workdir, results, list(scripts))


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=[c.line[:60] for c in COMMANDS])
def test_command_exits_as_the_readme_says(ran: Ran, command: Command) -> None:
    run = ran.results[command]
    assert run.returncode == command.expected, f"{command.line}\nstderr:\n{run.stderr[-3000:]}"
    assert "Traceback" not in run.stderr, run.stderr


@pytest.mark.model
@pytest.mark.slow
def test_python_blocks_run(ran: Ran) -> None:
    for run in ran.scripts:
        assert run.returncode == 0, run.stderr[-3000:]
        assert run.stdout.strip(), "the example prints what it found"


@pytest.mark.model
@pytest.mark.slow
def test_the_outputs_are_what_the_readme_says(ran: Ran) -> None:
    work = ran.workdir
    article = json.loads((work / "article.json").read_text(encoding="utf-8"))
    assert article["schema"] == "newsgraph.document/1" and article["published"] == "2024-03-12"
    lines = (work / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 + 3, "five archive records and three feed items, one JSON line each"
    results = [json.loads(line) for line in (work / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["pair-1", "pair-2", "pair-3", "pair-4"]
    assert all(r["schema"] == "newsgraph.check/1" for r in results)
    assert (work / "events.csv").stat().st_size > 0 and (work / "news.graphml").stat().st_size > 0
