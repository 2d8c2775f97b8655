"""The messages on standard error (issue 19): ours prefixed `newsgraph: `, the libraries' under their own
logger names and only with -v; and every message of ours that the source spells out, checked for typos."""

from __future__ import annotations

import ast
import io
import json
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import newsgraph as run_newsgraph

import newsgraph
from newsgraph.cli import configure_logging
from newsgraph.read.jsonl import json_error

SRC = Path(newsgraph.__file__).parent

# Misspellings a spell checker would catch, in the forms they take in English prose.
MISSPELLINGS = {
    "accross", "adress", "alot", "arguement", "begining", "beleive", "calender", "comming", "commited",
    "definately", "defintion", "dependancy", "enviroment", "existant", "fourty", "goverment", "grammer",
    "independant", "lenght", "neccessary", "necesary", "noone", "occured", "occurence", "occuring",
    "paramter", "paramters", "posible", "recieve", "recieved", "refered", "seperate", "seperated",
    "succesful", "successfull", "sucess", "teh", "thier", "threshhold", "tommorow", "truely", "untill",
    "wich", "wierd", "writen", "yeild", "unparseable", "charater", "charaters", "formated", "retreive",
}  # fmt: skip
DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
# Doubled words that English allows ("that that", "had had").
ALLOWED_DOUBLES = {"that", "had"}


def _render(node: ast.expr) -> str | None:
    """The text of a string literal or f-string, each {value} as `…`; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "…" for v in node.values
        )
    return None


def _callee(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def our_messages() -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of every literal message given to an ...Error(...) or to print(...)."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _callee(node)
            if not (name == "print" or name.endswith("Error") or name in {"say", "ConfigError"}):
                continue
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg != "file")]:
                text = _render(arg)
                if text is not None:
                    yield str(path.relative_to(SRC)), node.lineno, text


def test_our_messages_are_found() -> None:
    messages = list(our_messages())
    assert len(messages) > 100
    files = {f for f, _, _ in messages}
    assert {"read/jsonl.py", "cli/ingest.py", "errors.py"} <= files or len(files) > 20


def typos(text: str) -> list[str]:
    """What is mechanically wrong with a message: a doubled word, a common misspelling, two spaces."""
    found = [
        f"doubled {m.group(0)!r}" for m in DOUBLED.finditer(text) if m.group(1).lower() not in ALLOWED_DOUBLES
    ]
    found += [f"misspelt {w!r}" for w in re.findall(r"[A-Za-z]+", text) if w.lower() in MISSPELLINGS]
    if "\n" not in text and re.search(r"\w  +\w", text.strip()):
        found.append("two spaces")
    return found


def test_our_messages_have_no_doubled_words_or_misspellings() -> None:
    problems = [f"{file}:{line}: {p} in {text!r}" for file, line, text in our_messages() for p in typos(text)]
    assert not problems, "\n".join(problems)


def test_the_checker_catches_what_it_should() -> None:
    assert typos("a line that is not JSON (Unterminated string starting at at column 4)")
    assert typos("The the store") and typos("it occured") and typos("no  space")
    assert not typos("he said that that was all") and not typos("line 3, column 4: no header")
    assert _render(ast.parse('f"at {x} at"', mode="eval").body) == "at … at"


@pytest.mark.parametrize("line", ['{"id": "a', '{"id": 1,', "[1, 2", '{"a": "\x01"}'])
def test_json_errors_say_at_column_once(line: str) -> None:
    with pytest.raises(json.JSONDecodeError) as info:
        json.loads(line)
    text = json_error(info.value)
    assert not typos(text) and re.search(r"\bat column \d+$", text), text


def test_the_jsonl_reader_says_at_column_once() -> None:
    from newsgraph.read.jsonl import iter_jsonl

    [error] = list(iter_jsonl(iter(['{"id": "a']), "batch.jsonl"))
    assert not typos(str(error)), str(error)


# ---------------------------------------------------------------- logging


def _log_all() -> None:
    logging.getLogger("newsgraph.read").warning("a warning of ours")
    logging.getLogger("newsgraph.read").info("a detail of ours")
    logging.getLogger("trafilatura.utils").error("parsed tree length: 0, wrong data type or not valid HTML")
    logging.getLogger("htmldate.core").warning("a date warning")
    logging.getLogger("urllib3.connectionpool").info("a connection")


@pytest.fixture
def root() -> Iterator[logging.Logger]:
    """The root logger, given back as it was (pytest's own handlers stay)."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def test_library_records_are_hidden_by_default(
    root: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(verbose=False)
    _log_all()
    assert capsys.readouterr().err == "newsgraph: a warning of ours\n"


def test_library_records_show_with_verbose_under_their_own_names(
    root: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(verbose=True)
    _log_all()
    assert capsys.readouterr().err.splitlines() == [
        "newsgraph: a warning of ours",
        "newsgraph: a detail of ours",
        "trafilatura.utils: parsed tree length: 0, wrong data type or not valid HTML",
        "htmldate.core: a date warning",
        "urllib3.connectionpool: a connection",
    ]
    configure_logging(verbose=False)  # configured again (main runs twice in one test): one handler
    logging.getLogger("newsgraph").warning("once")
    assert capsys.readouterr().err == "newsgraph: once\n"


@pytest.mark.model
def test_a_page_without_text_reports_only_our_message(tmp_path: Path, model_package: str) -> None:
    page = tmp_path / "words.html"
    page.write_text("just some words", encoding="utf-8")
    quiet = run_newsgraph("extract", str(page))
    assert quiet.returncode == 1
    assert quiet.stderr.splitlines() == [
        f"newsgraph: {page}: HTML page has no main text that could be extracted"
    ]
    verbose = run_newsgraph("extract", str(page), "-v")
    lines = verbose.stderr.splitlines()
    assert any(line.startswith("trafilatura.") for line in lines), lines
    assert not any(line.startswith("newsgraph:") and "parsed tree" in line for line in lines), lines


def test_a_closed_earlier_stderr_does_not_break_logging(
    root: logging.Logger, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An in-process run leaves its handler behind; the stderr it first wrote to may be closed since."""

    old = io.StringIO()
    monkeypatch.setattr(sys, "stderr", old)
    configure_logging(verbose=False)
    old.close()
    monkeypatch.undo()
    logging.getLogger("newsgraph").warning("still here")
    assert capsys.readouterr().err == "newsgraph: still here\n"
