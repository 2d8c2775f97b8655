"""Who fills the roles of an event noun the pipeline would not emit on its own, read as the argument
evaluation reads it (training/events/train_args.py, `stage_arguments`): the trigger and its type are
given, the events stage's sentence coder finds source and target. Nouns governed by another trigger
("agreed to a truce") are folded into that trigger's event by the stage, yet the annotation codes them
and a user's own trigger list may ask for them.

Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph import Article, ExtractOptions
from newsgraph.pipeline import get_pipeline, run_stage
from newsgraph.stages.base import Parsed, Results
from newsgraph.stages.events.sentence_coder import SentenceCoder

Roles = tuple[list[str], list[str]]


@pytest.fixture(scope="module")
def roles_of(nlp: Any) -> Callable[[str, str, str], Roles]:
    pipeline = get_pipeline(ExtractOptions())
    stages = [s for s in pipeline.stages if s.name != "events"]

    def roles(text: str, trigger: str, type_: str) -> Roles:
        parsed = Parsed.from_doc(Article.make(text), pipeline.nlp(text))
        results = Results()
        for stage in stages:
            results = run_stage(stage, parsed, results)
        coder = SentenceCoder(parsed, results)
        head = next(t for t in parsed.doc if t.text == trigger)
        [draft, *_] = coder.code_given_trigger(head, type_, "")
        names = {e.id: e.name for e in results.entities}
        return [names[i] for i in draft.event.source], [names[i] for i in draft.event.target]

    return roles


def test_the_parties_that_agree_to_a_truce_keep_it(roles_of: Callable[[str, str, str], Roles]) -> None:
    source, _ = roles_of("The two militias agreed to a 48-hour truce on Friday.", "truce", "RETREAT")
    assert source == ["militias"]


def test_whoever_offers_a_ceasefire_keeps_it(roles_of: Callable[[str, str, str], Roles]) -> None:
    source, _ = roles_of(
        "The rebels' offer of a ceasefire was passed to the government by mediators.", "ceasefire", "RETREAT"
    )
    assert source == ["rebels"]
