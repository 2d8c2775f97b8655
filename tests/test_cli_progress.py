"""What the long commands say on standard error (progress, the model loading, a closing summary) and the
shape of `extract --format json` with several documents (issue 19)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from clirun import newsgraph

from newsgraph.cli.extract import DocumentWriter
from newsgraph.cli.progress import Progress, count_inputs

TEXTS = [
    "Kenyan police dispersed protesters in Nairobi on Monday.",
    "Japan and India held talks in Tokyo on trade.",
    "Ghana's foreign minister flew to Lomé for talks with Togo.",
]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def jsonl(path: Path, texts: list[str], blank: bool = False) -> Path:
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)]
    path.write_text(("\n\n" if blank else "\n").join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- no model needed


def test_document_writer_streams_one_json_array() -> None:
    out = io.StringIO()
    with DocumentWriter(out, "json", None, array=True) as writer:
        for i in range(3):
            writer.write({"id": f"d{i}", "text": "x\ny"})
            assert out.getvalue().startswith("[")  # written as they come, not gathered
    assert [d["id"] for d in json.loads(out.getvalue())] == ["d0", "d1", "d2"]
    empty = io.StringIO()
    with DocumentWriter(empty, "json", None, array=True):
        pass
    assert json.loads(empty.getvalue()) == []
    one = io.StringIO()
    with DocumentWriter(one, "json", 2, array=False) as writer:
        writer.write({"id": "only"})
    assert json.loads(one.getvalue()) == {"id": "only"}
    lines = io.StringIO()
    with DocumentWriter(lines, "jsonl", None, array=True) as writer:
        writer.write({"id": "a"})
        writer.write({"id": "b"})
    assert [json.loads(line)["id"] for line in lines.getvalue().splitlines()] == ["a", "b"]


def test_inputs_are_counted_without_parsing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("one", encoding="utf-8")
    (folder / "sub" / "b.html").write_text("<p>two</p>", encoding="utf-8")
    jsonl(folder / "c.jsonl", TEXTS, blank=True)  # blank lines are no records
    (folder / "d.xml").write_text(
        "<rss><channel><item><title>a</title></item><item>b</item><item/></channel></rss>", encoding="utf-8"
    )
    (folder / ".hidden.txt").write_text("not read", encoding="utf-8")
    (folder / "notes.pdf").write_text("not read", encoding="utf-8")
    assert count_inputs([str(folder)]) == 1 + 1 + 3 + 3
    assert count_inputs([str(folder / "c.jsonl"), str(tmp_path / "missing.txt")]) == 3 + 1
    assert count_inputs([str(folder / "a.txt"), "-"]) is None  # standard input cannot be counted


def test_off_a_terminal_a_line_every_few_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    clock = iter([0.0, 0.0, 1.0, 1.0, 2.0, 6.0, 6.5, 12.0, 12.0, 12.0, 12.0])
    monkeypatch.setattr("newsgraph.cli.progress.time.perf_counter", lambda: next(clock))
    progress = Progress("ingest", total=4, stream=out)  # started at 0
    progress.loading("en_core_web_md")
    progress.loaded()  # at 0
    progress.step()  # 1 s: the first item has a line (no time left yet: one item tells too little)
    progress.step()  # 2 s: too soon for a line
    progress.step(failed=True)  # 6 s: a line
    progress.step()  # 12 s: another
    lines = out.getvalue().splitlines()
    assert lines[0] == "newsgraph: loading the spaCy model en_core_web_md..."
    assert lines[1] == "ingest: 1/4 documents (25%), 1.0 doc/s"
    assert lines[2] == "ingest: 3/4 documents (75%), 0.5 doc/s, 1 failed, about 2 s left", lines
    assert lines[3].startswith("ingest: 4/4 documents (100%)")
    assert len(lines) == 4
    assert progress.summary() == "ingest: 4 documents in 12.0 s (model 0.0 s, then 0.3 doc/s), 1 failed"


def test_on_a_terminal_a_bar_with_total_and_time_left() -> None:
    out = Terminal()
    with Progress("extract", total=lambda: 3, stream=out) as progress:
        progress._counter.join()  # type: ignore[union-attr]
        for _ in range(3):
            progress.step()
    text = out.getvalue()
    assert "extract" in text and "3/3" in text and "100%" in text and "doc/s" in text


def test_quiet_progress_says_nothing_but_errors() -> None:
    out = io.StringIO()
    with Progress("ingest", enabled=False, total=2, stream=out) as progress:
        progress.loading("en_core_web_md")
        progress.step()
        progress.say("newsgraph: a.txt: is empty")
        progress.step(failed=True)
    assert out.getvalue() == "newsgraph: a.txt: is empty\n"
    assert progress.done == 2 and progress.failed == 1


def test_extract_help_says_what_json_writes() -> None:
    text = newsgraph("extract", "--help").stdout
    assert "JSON array" in " ".join(text.split())
    assert "--quiet" in text


# ---------------------------------------------------------------- with the model


@pytest.mark.model
def test_extract_format_json_of_several_documents_is_one_array(tmp_path: Path, model_package: str) -> None:
    batch = jsonl(tmp_path / "batch.jsonl", TEXTS[:2])
    page = tmp_path / "c.txt"
    page.write_text(TEXTS[2], encoding="utf-8")
    done = newsgraph("extract", str(batch), str(page), "--format", "json")
    assert done.returncode == 0, done.stderr
    docs = json.loads(done.stdout)  # one JSON value
    assert isinstance(docs, list) and [d["id"] for d in docs[:2]] == ["r0", "r1"] and len(docs) == 3
    assert all(d["schema"] == "newsgraph.document/1" for d in docs)
    # the default for several inputs stays JSON lines
    assert len(newsgraph("extract", str(batch), "-q").stdout.splitlines()) == 2


@pytest.mark.model
def test_ingest_off_a_terminal_says_loading_progress_and_summary(tmp_path: Path, model_package: str) -> None:
    batch = jsonl(tmp_path / "batch.jsonl", TEXTS)
    db = str(tmp_path / "news.db")
    done = newsgraph("ingest", str(batch), "--db", db, env={"NEWSGRAPH_PROGRESS_SECONDS": "0"})
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == "newsgraph: loading the spaCy model en_core_web_md..."
    assert re.fullmatch(r"ingest: 1/3 documents \(33%\), [\d.]+ doc/s", lines[1]), lines
    assert re.fullmatch(r"ingest: 2/3 documents \(66%\), [\d.]+ doc/s, about \d+ s left", lines[2]), lines
    assert lines[3].startswith("ingest: 3/3 documents (100%)")
    assert re.fullmatch(
        r"ingest: 3 inputs in [\d.]+ s \(model [\d.]+ s, then [\d.]+ doc/s\): 3 added, 0 replaced, "
        r"0 unchanged, 0 failed",
        lines[4],
    ), lines
    assert lines[5].startswith("store: 3 documents")
    again = newsgraph("ingest", str(batch), "--db", db)  # nothing new: no model to load
    assert "loading" not in again.stderr and "3 unchanged" in again.stderr
    quiet = newsgraph("ingest", str(batch), "--db", db, "--force", "-q")
    assert quiet.returncode == 0 and quiet.stderr.splitlines()[0].startswith("ingest: 3 inputs in ")


@pytest.mark.model
def test_extract_of_a_directory_ends_with_a_summary(tmp_path: Path, model_package: str) -> None:
    for i, text in enumerate(TEXTS):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    done = newsgraph("extract", str(tmp_path))
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 3
    last = done.stderr.splitlines()[-1]
    assert re.fullmatch(
        r"extract: 4 documents in [\d.]+ s \(model [\d.]+ s, then [\d.]+ doc/s\), 1 failed", last
    )
    assert "empty.txt" in done.stderr
