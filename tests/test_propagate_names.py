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


def test_a_surname_and_its_capitals_join_the_person() -> None:
    text = "Oskar Lindqvist opened the depot. Later Lindqvist left. LINDQVIST: no comment."
    doc = NLP(text)
    parsed = Parsed.from_doc(Article.make(text, id="t"), doc)
    person = Cluster("PERSON")
    person.add(Candidate.from_span(parsed, doc[0:2], "PERSON", "name"))
    propagate_names(parsed, [person])
    assert [(m.text, m.tok_start) for m in person.mentions] == [
        ("Oskar Lindqvist", 0),
        ("Lindqvist", 7),
        ("LINDQVIST", 10),
    ]


def test_a_surname_after_another_given_name_is_another_persons() -> None:
    # The model tagged the mother but missed her son: his surname is not hers to take, and his full name
    # is a person of its own. A person named by the surname alone may be the one whose full name it missed.
    text = "Kirsty Grant thanked the volunteers. Finlay Grant was found, and later Grant went home."
    doc = NLP(text)
    parsed = Parsed.from_doc(Article.make(text, id="t"), doc)
    mother = Cluster("PERSON")
    mother.add(Candidate.from_span(parsed, doc[0:2], "PERSON", "name"))
    clusters = [mother]
    propagate_names(parsed, clusters)
    assert [(m.text, m.tok_start) for m in mother.mentions] == [("Kirsty Grant", 0), ("Grant", 13)]
    assert [(c.type, [(m.text, m.tok_start) for m in c.mentions]) for c in clusters[1:]] == [
        ("PERSON", [("Finlay Grant", 6)])
    ]
    text = "Finlay Grant was found on Sunday. Grant was cold."
    doc = NLP(text)
    parsed = Parsed.from_doc(Article.make(text, id="t"), doc)
    boy = Cluster("PERSON")
    boy.add(Candidate.from_span(parsed, doc[7:8], "PERSON", "name"))
    propagate_names(parsed, [boy])
    assert sorted((m.text, m.tok_start) for m in boy.mentions) == [("Grant", 1), ("Grant", 7)]
