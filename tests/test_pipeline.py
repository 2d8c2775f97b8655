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


def test_a_stage_that_changes_what_it_does_not_provide_is_a_reported_bug() -> None:
    from newsgraph.article import Article
    from newsgraph.errors import ExtractionError
    from newsgraph.model import Timex
    from newsgraph.pipeline import run_stage
    from newsgraph.stages.base import Parsed, Results

    def sneaky(parsed, results):  # type: ignore[no-untyped-def]
        return results.replace(timexes=(Timex(0, 3, "now", "DATE", "PRESENT_REF"),))

    stage = Stage("sneaky", "1", requires=(), provides=("entities",), run=sneaky)
    parsed = Parsed(Article(text="now", id="a", origin="a.txt"), doc=None, sentences=())  # type: ignore[arg-type]
    with pytest.raises(ExtractionError, match="changed timexes"):
        run_stage(stage, parsed, Results())


@pytest.mark.model
def test_each_default_stage_changes_only_what_it_provides() -> None:
    from newsgraph.article import Article
    from newsgraph.pipeline import default_stages
    from newsgraph.stages.base import Parsed, Results

    pipeline = Pipeline()
    text = (
        "Kenya's President William Ruto met Ghana's foreign minister in Nairobi on Tuesday. "
        '"We will not accept new tariffs," Ruto said, and he accused the European Union of bad faith.'
    )
    parsed = Parsed.from_doc(Article.make(text, published="2024-01-10"), pipeline.nlp(text))
    results = Results()
    seen: set[str] = set()
    for stage in default_stages():
        assert set(stage.requires) <= seen, (stage.name, "reads what no earlier stage wrote")
        after = stage.run(parsed, results)
        changed = set(after.changed_fields(results))
        assert changed <= set(stage.provides), (stage.name, changed)
        seen.update(stage.provides)
        results = after
    assert results.entities and results.timexes and results.quotes and results.events


@pytest.mark.model
def test_the_parsed_tokens_are_made_once_and_are_the_docs(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.article import Article
    from newsgraph.stages.base import Parsed

    text = "The ferry left the harbour at dawn. Nobody on the quay waved."
    doc = nlp(text)
    parsed = Parsed.from_doc(Article.make(text), doc)
    assert parsed.tokens is parsed.tokens  # one tuple for every walker over the article
    assert [(t.i, t.text) for t in parsed.tokens] == [(t.i, t.text) for t in doc]
