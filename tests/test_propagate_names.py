"""Later occurrences of a name the model tagged once join its entity (entities/grouping.propagate_names),
read from the tokens' texts. Names and sentences invented for these tests."""

from __future__ import annotations

import spacy

from newsgraph.article import Article
from newsgraph.stages.base import Parsed
from newsgraph.stages.entities.cluster import Cluster
from newsgraph.stages.entities.grouping import propagate_names
from newsgraph.stages.entities.mentions import Candidate

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def propagated(text: str, start: int, end: int) -> list[list[tuple[str, int]]]:
    """The mentions (text, first token) of each cluster after propagate_names, given one person the
    model tagged at tokens start..end; the first list is that person's, the others any it added."""
    doc = NLP(text)
    parsed = Parsed.from_doc(Article.make(text, id="t"), doc)
    person = Cluster("PERSON")
    person.add(Candidate.from_span(parsed, doc[start:end], "PERSON", "name"))
    clusters = [person]
    propagate_names(parsed, clusters)
    return [sorted((m.text, m.tok_start) for m in c.mentions) for c in clusters]


def test_a_surname_and_its_capitals_join_the_person() -> None:
    text = "Oskar Lindqvist opened the depot. Later Lindqvist left. LINDQVIST: no comment."
    assert propagated(text, 0, 2) == [[("LINDQVIST", 10), ("Lindqvist", 7), ("Oskar Lindqvist", 0)]]


def test_a_surname_after_another_given_name_is_another_persons() -> None:
    # The model tagged the mother but missed her son: his surname is not hers to take, and his full name
    # is a person of its own. A person named by the surname alone may be the one whose full name it missed.
    text = "Kirsty Grant thanked the volunteers. Finlay Grant was found, and later Grant went home."
    assert propagated(text, 0, 2) == [[("Grant", 13), ("Kirsty Grant", 0)], [("Finlay Grant", 6)]]
    text = "Finlay Grant was found on Sunday. Grant was cold."
    assert propagated(text, 7, 8) == [[("Grant", 1), ("Grant", 7)]]


def test_a_missed_bearers_name_written_twice_is_one_person() -> None:
    text = "Kirsty Grant spoke. Finlay Grant was found. Finlay Grant was cold."
    assert propagated(text, 0, 2) == [[("Kirsty Grant", 0)], [("Finlay Grant", 4), ("Finlay Grant", 9)]]
