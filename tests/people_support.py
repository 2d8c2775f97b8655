"""Finding a document's person or body by name, and the pronouns it holds: shared by the coreference and
pronoun tests."""

from __future__ import annotations

from newsgraph import Document, Entity


def entity(doc: Document, name: str, type_: str | None = None) -> Entity:
    """The one entity (of `type_`, if given) named or aliased `name`; fails naming every entity otherwise."""
    found = [
        e
        for e in doc.entities
        if (type_ is None or e.type == type_) and (e.name == name or name in e.aliases)
    ]
    assert len(found) == 1, f"{name!r}: {[(e.name, e.type) for e in doc.entities]}"
    return found[0]


def person(doc: Document, name: str) -> Entity:
    return entity(doc, name, "PERSON")


def person_country(doc: Document, name: str) -> tuple[str | None, str | None]:
    """The one person named `name`: their country and where it came from."""
    found = person(doc, name)
    return found.country, found.country_source


def pronouns_of(e: Entity) -> list[str]:
    return [m.text.lower() for m in e.mentions if m.kind == "pronoun"]


def countries(doc: Document) -> dict[str, str | None]:
    """Each entity's name -> its country."""
    return {e.name: e.country for e in doc.entities}
