"""The error tree: each class carries its exit status, renders one line, and crosses processes intact."""

from __future__ import annotations

import pickle

import pytest

from newsgraph.errors import (
    ConfigError,
    ContractError,
    ExtractionError,
    InputError,
    ModelError,
    NewsgraphError,
    RecordError,
    StoreError,
)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (InputError("a.txt", "the file is empty"), 1),
        (ExtractionError("a.txt", "stage 'events' failed (KeyError: 'x')"), 1),
        (ContractError("entities[0].mentions: expected a list"), 1),
        (ConfigError("--since: 'yesterday' is not a date"), 2),
        (ModelError("no spaCy pipeline named 'xx'"), 3),
        (StoreError("cannot open the store s.db"), 3),
    ],
)
def test_every_error_carries_its_exit_status_and_renders_one_line(error: NewsgraphError, code: int) -> None:
    assert error.exit_code == code
    line = error.render()
    assert line.startswith("newsgraph: ") and "\n" not in line


def test_a_stage_crash_is_a_bug_report_not_bad_input() -> None:
    error = ExtractionError("feed.xml#3", "stage 'places' failed (ValueError: boom)")
    assert isinstance(error, RecordError) and not isinstance(error, InputError)
    assert "newsgraph bug" in str(error) and "feed.xml#3" in str(error) and "places" in str(error)
    bad_input = InputError("feed.xml#3", "the record has no text")
    assert "bug" not in str(bad_input)


@pytest.mark.parametrize("cls", [InputError, ExtractionError])
def test_record_errors_pickle_by_origin_and_reason(cls: type[RecordError]) -> None:
    error = cls("a.jsonl:7", "something failed")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls and again.origin == "a.jsonl:7" and again.reason == "something failed"
    assert str(again) == str(error)
