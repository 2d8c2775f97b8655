"""`newsgraph check --model --format json|text` (issue 19, point 6)."""

from __future__ import annotations

import io
import json
import re

import pytest
from clirun import newsgraph

from newsgraph.check import CheckResult, ClaimVerdict, Evidence
from newsgraph.cli.check import text_lines, write_result

RESULT = CheckResult(
    "claims.txt:4",
    (
        ClaimVerdict(
            "Forty people were injured.",
            "contradicted",
            0.9,
            "number differs: sources say '14', not 'forty'",
            (Evidence("doc1", 926, 1029, "Police fired tear gas,\nand 14 people had been injured.\n"),),
        ),
        ClaimVerdict("The talks lasted five hours.", "not_in_sources", 0.2, "not in the sources: lasted"),
    ),
)


def test_text_is_one_line_per_claim() -> None:
    assert text_lines(RESULT) == [
        "contradicted  claims.txt:4: Forty people were injured.  (number differs: sources say '14', not "
        "'forty')  doc1:926-1029 \"Police fired tear gas, and 14 people had been injured.\"",
        "not_in_sources  claims.txt:4: The talks lasted five hours.  (not in the sources: lasted)  "
        "(no evidence)",
    ]
    out = io.StringIO()
    write_result(out, RESULT, "json")
    assert json.loads(out.getvalue())["verdict"] == "contradicted" and out.getvalue().count("\n") == 1


def test_help_shows_model_and_format() -> None:
    done = newsgraph("check", "--help")
    assert done.returncode == 0
    for needle in ("--model", "--format", "{json,text}", "examples:"):
        assert needle in done.stdout, needle


def test_verdict_defaults_to_learned_and_rules_stays_selectable() -> None:
    import argparse

    from newsgraph.cli.check import add_parser

    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    assert parser.parse_args(["check", "--claim", "x", "--source", "a.txt"]).verdict == "learned"
    args = parser.parse_args(["check", "--claim", "x", "--source", "a.txt", "--verdict", "rules"])
    assert args.verdict == "rules"
    done = newsgraph("check", "--claim", "x", "--source", "a.txt", "--verdict", "oracle")
    assert done.returncode == 2 and "--verdict" in done.stderr


def test_unknown_format_is_a_usage_error() -> None:
    done = newsgraph("check", "--claim", "x", "--source", "a.txt", "--format", "xml")
    assert done.returncode == 2 and "--format" in done.stderr


@pytest.mark.model
def test_unknown_model_is_reported() -> None:
    done = newsgraph(
        "check", "--source", "examples/article.txt", "--claim", "x", "--model", "no_such_spacy_pipeline"
    )
    assert done.returncode == 3 and "no_such_spacy_pipeline" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.model
def test_text_format_with_another_model(model_package: str) -> None:
    done = newsgraph(
        "check", "--source", "examples/article.txt", "--claims", "examples/claims.txt",
        "--published", "2024-03-12", "--format", "text", "--model", "en_core_web_sm",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) >= 5
    for line in lines:
        assert re.match(r"(supported|contradicted|not_in_sources)  examples/claims\.txt:\d+: ", line), line
    assert any(re.search(r'  \S+:\d+-\d+ "[^"\n]+"', line) for line in lines)


@pytest.mark.model
def test_pairs_default_json_and_summary(model_package: str) -> None:
    done = newsgraph("check", "--pairs", "examples/pairs.jsonl")
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == 4 and all(r["schema"] == "newsgraph.check/1" for r in results)
    assert "loading the spaCy model" in done.stderr
    assert re.search(
        r"^check: 4 pairs in [\d.]+ s \(model [\d.]+ s, then [\d.]+ pair/s\), 0 failed$", done.stderr, re.M
    )
