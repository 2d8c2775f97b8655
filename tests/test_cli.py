"""The command line as a user runs it: a subprocess, its exit status, stderr messages and JSON on stdout."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clirun import newsgraph

ARTICLE = (
    "Portuguese Prime Minister Rui Almada met Brazilian President Helena Costa in Lisbon on Monday. "
    "“We signed a trade deal,” Almada said. Costa said that Brazil would send a delegation next month."
)


def documents(stdout: str) -> list[dict[str, Any]]:
    """The JSON lines of stdout, each a contract document."""
    docs = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    for d in docs:
        assert d["schema"] == "newsgraph.document/1", d
    return docs


# ---------------------------------------------------------------- no model needed


def test_help_lists_the_commands() -> None:
    run = newsgraph("--help")
    assert run.returncode == 0
    assert "extract" in run.stdout and "demo" in run.stdout and "offline" in run.stdout.lower()
    assert "check" in run.stdout


def test_extract_help_explains_inputs_and_options() -> None:
    run = newsgraph("extract", "--help")
    assert run.returncode == 0
    for needle in (
        "PATH",
        "--published",
        "--format",
        "--model",
        "--quote-parts",
        ".jsonl",
        "stdin",
        "exit status",
    ):
        assert needle in run.stdout, needle


def test_no_command_prints_usage_and_fails() -> None:
    run = newsgraph()
    assert run.returncode == 2
    assert run.stdout == "" and "usage" in run.stderr.lower()


@pytest.mark.parametrize("value", ["03/08/2023", "yesterday", "2023-13-45"])
def test_malformed_published_is_a_usage_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = newsgraph("extract", str(path), "--published", value)
    assert run.returncode == 2
    assert run.stdout == ""
    assert "--published" in run.stderr and value in run.stderr and "YYYY-MM-DD" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    run = newsgraph("extract", "x.txt", "--format", "xml")
    assert run.returncode == 2 and "--format" in run.stderr and run.stdout == ""


def test_unknown_model_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = newsgraph("extract", str(path), "--model", "no_such_spacy_pipeline")
    assert run.returncode == 3, "a model that cannot load is a ModelError: exit 3 (errors.py)"
    assert run.stdout == ""
    assert "no_such_spacy_pipeline" in run.stderr and "Traceback" not in run.stderr


def test_import_and_help_do_not_load_spacy() -> None:
    # The spaCy pipeline loads on first use, never at import: `--help` and library imports stay instant.
    code = (
        "import sys, newsgraph, newsgraph.cli; newsgraph.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def _helps() -> dict[str, str]:
    """{command: its --help text}, "" for `newsgraph --help`, built in-process (argparse exits 0 on -h)."""
    from contextlib import redirect_stdout
    from io import StringIO

    from newsgraph.cli import build_parser

    parser = build_parser()
    (subparsers,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = ["", *sorted(subparsers.choices)]
    helps = {}
    for command in commands:
        out = StringIO()
        with redirect_stdout(out), pytest.raises(SystemExit) as exit_:
            build_parser().parse_args([command, "--help"] if command else ["--help"])
        assert exit_.value.code == 0, command
        helps[command] = out.getvalue()
    return helps


HELPS = _helps()
REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", sorted(HELPS))
def test_every_help_has_a_description_and_examples(command: str) -> None:
    text = HELPS[command]
    usage, _, rest = text.partition("\n\n")
    description = rest.split("\n\n")[0]
    assert usage.startswith("usage: newsgraph") and not description.startswith(("options:", "positional"))
    examples = text.split("\nexamples:\n")[1].split("\n\n")[0].splitlines()
    commands = [line for line in examples if line.strip().startswith(("newsgraph ", "cat "))]
    assert 2 <= len(commands) <= 4, examples
    assert all(f"newsgraph {command}".rstrip() in line for line in commands if "newsgraph" in line)


@pytest.mark.parametrize("command", sorted(HELPS))
def test_help_points_only_inside_the_repo(command: str) -> None:
    text = HELPS[command]
    assert "../" not in text and "CONTRACT.md" not in text
    for path in re.findall(r"\bexamples/[\w./-]*\w/?", text):
        assert (REPO / path).exists(), f"newsgraph {command} --help names {path}, which is not in the repo"


def test_help_exits_0_in_a_subprocess() -> None:
    run = newsgraph("extract", "--help")
    assert run.returncode == 0 and "examples:" in run.stdout and "examples/article.txt" in run.stdout


def test_verbose_is_accepted_before_and_after_the_command() -> None:
    from newsgraph.cli import build_parser

    def verbose(*argv: str) -> bool:
        return bool(build_parser().parse_args(list(argv)).verbose)

    assert verbose("extract", "-v", "examples/article.txt")
    assert verbose("extract", "examples/article.txt", "--verbose")
    assert verbose("-v", "extract", "examples/article.txt"), "the sub-command must not reset the main flag"
    assert not verbose("extract", "examples/article.txt")
    assert verbose("events", "--db", "news.db", "-v") and verbose("check", "-v", "--pairs", "p.jsonl")


def test_verbose_after_the_command_runs() -> None:
    run = newsgraph("about", "-v", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_one_file_prints_one_json_object(tmp_path: Path, model_package: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = newsgraph("extract", str(path), "--published", "2024-02-13")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)  # one object, possibly indented over several lines
    assert isinstance(doc, dict) and doc["schema"] == "newsgraph.document/1"
    assert doc["text"] == ARTICLE and doc["published"] == "2024-02-13"
    names = {e["name"] for e in doc["entities"]}
    assert {"Rui Almada", "Helena Costa"} <= names, names
    assert "error" not in run.stderr


@pytest.mark.model
def test_several_inputs_print_jsonl_and_report_the_bad_ones(tmp_path: Path, model_package: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps(
            {
                "id": "first",
                "text": "Kenyan police dispersed protesters in Nairobi.",
                "published": "2024-01-05",
            }
        )
        + "\n{broken\n"
        + json.dumps({"id": "third", "title": "no text"})
        + "\n"
        + json.dumps({"id": "fourth", "text": "Japan and India held talks in Tokyo."})
        + "\n",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ceasefire talks</title></head><body><nav>Home | Sport | Weather</nav><article>"
        "<p>Envoys from Ethiopia and Eritrea met in Djibouti on Sunday to discuss a ceasefire.</p>"
        "<p>The talks, hosted by the African Union, will continue next week, a spokesperson said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    run = newsgraph("extract", str(good), str(missing), str(empty), str(binary), str(batch), str(page))
    assert run.returncode == 1
    docs = documents(run.stdout)
    assert len(run.stdout.splitlines()) == len(docs) == 4, "one line per good document, nothing for bad ones"
    assert docs[0]["text"] == ARTICLE
    assert [d["id"] for d in docs[1:3]] == ["first", "fourth"]
    assert docs[1]["published"] == "2024-01-05"
    assert docs[3]["title"] == "Ceasefire talks" and "Djibouti" in docs[3]["text"]
    assert "Weather" not in docs[3]["text"]
    errors = [line for line in run.stderr.splitlines() if line.startswith("newsgraph:")]
    for name in (str(missing), str(empty), str(binary), f"{batch}:2", f"{batch}:3"):
        assert sum(name in line for line in errors) == 1, (name, run.stderr)
    assert "Traceback" not in run.stderr


@pytest.mark.model
def test_quote_parts_option(model_package: str) -> None:
    text = "“The port is open,” the mayor said on Monday, “and it will stay open all winter.”"
    whole = documents(newsgraph("extract", "--format", "jsonl", stdin=text).stdout)[0]["quotes"]
    parts = documents(newsgraph("extract", "--quote-parts", "--format", "jsonl", stdin=text).stdout)[0][
        "quotes"
    ]
    assert len(whole) == 1 and "said" in whole[0]["text"]
    assert len(parts) == 2 and not any("said" in q["text"] for q in parts)


def test_stdin_and_jsonl_format(model_package: str) -> None:
    run = newsgraph("extract", "--published", "2024-02-13", "--format", "jsonl", stdin=ARTICLE + "\r\n")
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 1
    (doc,) = documents(run.stdout)
    assert doc["text"].rstrip("\n") == ARTICLE and doc["published"] == "2024-02-13"


@pytest.mark.model
def test_demo_runs_on_the_shipped_samples(model_package: str, samples: list[dict[str, Any]]) -> None:
    run = newsgraph("demo", "--json")
    assert run.returncode == 0, run.stderr
    docs = documents(run.stdout)
    assert [d["id"] for d in docs] == [r["id"] for r in samples]
    assert all(d["entities"] and d["sentences"] for d in docs)


@pytest.mark.model
def test_other_installed_model(tmp_path: Path, model_package: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = newsgraph("extract", str(path), "--model", "en_core_web_sm")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["text"] == ARTICLE
