"""Bodies the model misses, named beside a noun of their kind (stages/entities/described_bodies.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from newsgraph.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc


def orgs(doc: Document) -> list[str]:
    return [e.name for e in doc.entities if e.type == "ORG" and any(m.kind == "name" for m in e.mentions)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The charity Wohlfahrtswerk runs the workshop in Koblenz, said its director.", "Wohlfahrtswerk"),
        ("The claim was first published by the news website Dennikovo.sk on Monday.", "Dennikovo.sk"),
        (
            "Promotion is handled by PromAndina, the state export agency, which paid for the stand.",
            "PromAndina",
        ),
        # a one-word name the model takes for a person's
        ("Members of the Metallityoliitto union walked out on Monday.", "Metallityoliitto"),
    ],
)
def test_a_name_beside_a_noun_of_a_bodys_kind_is_a_body(
    extract: Callable[..., Document], text: str, name: str
) -> None:
    assert name in orgs(extract(text, "2020-05-01"))


def test_where_the_name_or_its_cue_is_unsure_no_body_is_read(nlp: Any) -> None:
    from newsgraph.stages.entities.described_bodies import _cued, _plausible

    def at(text: str, name: str) -> tuple[Doc, int, int]:
        doc = nlp(text)
        words = name.split()
        start = next(t.i for t in doc if t.text == words[0])
        return doc, start, start + len(words)

    # a people's or a faith's word before the noun
    assert not _plausible(*at("A complaint against the Islamic group was heard.", "Islamic"))
    # a name that runs on past a small word: where it ends is unsure
    assert not _plausible(*at("The campaign group Human Rights in Tibet wrote to us.", "Human Rights"))
    # a comma after the noun, but the name does not stand in apposition: a person speaks
    assert not _cued(*at("It was a good year for the firm, Kamau said.", "Kamau"))
    assert _cued(*at("He founded his studio, Kvadrat, in 2003.", "Kvadrat"))
