"""The pipeline: stage order checks, the event threshold, the length limit."""

from __future__ import annotations

import pytest

from newsgraph import ConfigError, InputError, extract
from newsgraph.pipeline import MAX_CHARS, ExtractOptions, Pipeline
from newsgraph.stages.base import Stage


def test_a_stage_that_needs_a_later_field_is_refused() -> None:
    def noop(parsed, results):  # type: ignore[no-untyped-def]
        return results

    with pytest.raises(ConfigError, match="requires events"):
        Pipeline(stages=[Stage("early", "1", requires=("events",), provides=(), run=noop)])


def test_threshold_out_of_range_is_refused() -> None:
    with pytest.raises(ConfigError, match="min_confidence"):
        Pipeline(ExtractOptions(min_confidence=1.5))


def test_too_long_text_is_a_clear_input_error() -> None:
    with pytest.raises(InputError, match="split it into articles"):
        extract("word " * (MAX_CHARS // 5 + 1))


@pytest.mark.model
def test_event_confidence_threshold_trades_recall_for_precision() -> None:
    text = "The United States sanctioned Chad's interior minister on Monday."
    everything = extract(text)
    assert everything.events, "the sanction should be coded"
    top = max(v.confidence for v in everything.events)
    assert extract(text, min_confidence=top).events
    assert not extract(text, min_confidence=min(1.0, top + 0.01)).events or top == 1.0


def test_json_lines_survive_every_line_splitter() -> None:
    import json

    from newsgraph.model import json_line

    value = {"text": "one\u0085two\u2028three\u2029four\x0bfive", "name": "Goïta"}
    line = json_line(value)
    assert len(line.splitlines()) == 1
    assert "Goïta" in line, "UTF-8 stays readable"
    assert json.loads(line) == value
