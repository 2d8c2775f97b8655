"""Who fills an event's roles in general syntax the parser reads in a way the role rules did not expect
(stages/events/clause_arguments.py, sentence_coder.py): an infinitive of purpose, an active verb
coordinated after a passive one, an event noun inside the object of a verb of receiving, the from-phrase
of a noun of movement.

Sentences are written for these tests."""

from __future__ import annotations

from typing import Any

from newsgraph.stages.events.clause_arguments import subject_token


def _subject_of(nlp: Any, text: str, word: str) -> str | None:
    [verb] = [t for t in nlp(text) if t.text == word]
    subj = subject_token(verb)
    return None if subj is None else subj.text


def test_an_infinitive_of_purpose_is_done_by_the_main_subject(nlp: Any) -> None:
    # the parser hangs "to threaten" on the noun "order"
    text = "Ruritania moved tanks to the frontier in order to threaten Borduria."
    assert _subject_of(nlp, text, "threaten") == "Ruritania"
