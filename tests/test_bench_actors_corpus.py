"""bench/actors_corpus.py's byline rule: "By" and names is a credit, "By <time>, <clause>" is story text."""

from __future__ import annotations

from types import ModuleType

import pytest
from training_script import load_training_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_training_script("bench/actors_corpus.py", "actors_corpus_bench")  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe",
        "By Jane Roe and John Doe",
        "BY JANE ROE",
        "By Jane Roe, Daily Planet",
        "by Anna van der Berg",
    ],
)
def test_names_after_by_are_a_byline(bench: ModuleType, line: str) -> None:
    assert bench.is_byline(line)


@pytest.mark.parametrize(
    "line",
    [
        "By 2019, the river had dried up.",
        "By the end of the week Jane Roe had left the city.",
        "By contrast, the mayor stayed.",
        "By Monday, officials said, the roads were open.",
        "By now everyone knows.",
        "By",
        "Bystanders Watched The Fire",
        "By Jane Roe And John Doe And Anna Berg And Paul Dufour And Mark Low",
    ],
)
def test_a_sentence_opening_with_by_is_not_a_byline(bench: ModuleType, line: str) -> None:
    assert not bench.is_byline(line)


def test_only_byline_and_credit_lines_are_fragment_lines(bench: ModuleType) -> None:
    text = (
        "Mayor Opens New Bridge\nBy Jane Roe\nBy 2019, the old bridge was closed.\n"
        "John Doe contributed to this report."
    )
    lines = [text[s:e] for s, e in bench.fragment_lines(text, None)]
    assert lines == ["Mayor Opens New Bridge", "By Jane Roe", "John Doe contributed to this report."]
