"""Type rules of the events stage written from the guidelines (docs/annotation.md 4) and the PLOVER manual:
a force that arrives is deployed, a conviction is a SANCTION, a declared ceasefire and a dropped demand
are concessions. Hand-written sentences, the default stage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.model import Document
from newsgraph.stages.events.rules import force_mode


def _types(extract: Callable[..., Document], text: str) -> dict[str, str]:
    """Trigger text -> type of the default stage's events."""
    return {v.trigger.text: v.type for v in extract(text).events}


def _subject(nlp: Any, text: str, verb: str) -> Any:
    doc = nlp(text)
    tok = next(t for t in doc if t.lemma_ == verb)
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Two thousand Dutch troops arrived in Lithuania on Friday.", "troops"),
        ("Hundreds of Chilean police officers arrived in the capital.", "police"),
        ("The Peruvian army arrived in the northern province.", "troops"),
        ("The Dutch defence minister arrived in Lithuania on Friday.", None),
        ("The army chief arrived in Lima for talks.", None),
    ],
)
def test_a_force_as_subject_gives_the_mobilize_mode(nlp: Any, text: str, mode: str | None) -> None:
    assert force_mode(_subject(nlp, text, "arrive")) == mode


@pytest.mark.model
def test_arriving_troops_are_a_deployment_and_a_minister_visits(extract: Callable[..., Document]) -> None:
    assert "MOBILIZE" in _types(extract, "Two thousand Dutch troops arrived in Lithuania on Friday.").values()
    assert "CONSULT" in _types(extract, "The Dutch defence minister arrived in Lithuania on Friday.").values()


@pytest.mark.model
def test_a_conviction_is_a_sanction(extract: Callable[..., Document]) -> None:
    assert (
        _types(extract, "A court in Lyon convicted the former mayor of fraud on Monday.").get("convicted")
        == "SANCTION"
    )


@pytest.mark.model
def test_declaring_a_ceasefire_and_dropping_a_demand_are_concessions(
    extract: Callable[..., Document],
) -> None:
    assert (
        "CONCEDE"
        in _types(extract, "The Tamil rebels declared a ceasefire with the government on Sunday.").values()
    )
    assert (
        "CONCEDE" in _types(extract, "The opposition party dropped its demand for a new election.").values()
    )
