"""What the tests of place resolution share (test_places_narrow.py, test_places_readings.py,
test_places_world.py): extraction by the entity and place stages alone, and the place a text names."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.article import Article
from newsgraph.model import Document, Entity


def places_extractor() -> Callable[..., Document]:
    """text (and url) -> the document the entity stage (with actors) and the places stage make of it."""
    from newsgraph.pipeline import Pipeline
    from newsgraph.stages import entities, places

    pipe = Pipeline(stages=[entities.stage_with_actors(None), places.STAGE])
    return lambda text, url=None: pipe.extract(Article.make(text, id="t", url=url))


def place_mentioning(doc: Document, text: str) -> Entity:
    """The place (GPE or LOC) one of whose mentions is `text`; fails, listing the entities, when none is."""
    for e in doc.entities:
        if e.type in ("GPE", "LOC") and any(m.text == text for m in e.mentions):
            return e
    raise AssertionError(f"no place mentions {text!r}: {[(e.name, e.type) for e in doc.entities]}")
