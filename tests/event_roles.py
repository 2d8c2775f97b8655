"""The source and target names of one event of a document, for the tests of event roles."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Document


def event_roles(
    extract: Callable[..., Document], text: str, type_: str, trigger: str | None = None
) -> tuple[list[str], list[str]]:
    """Source and target names of the one event of `type_` (on `trigger` when given) in `text`."""
    doc = extract(text, published="2023-08-03")
    names = {e.id: e.name for e in doc.entities}
    [event] = [v for v in doc.events if v.type == type_ and trigger in (None, v.trigger.text)]
    return [names[i] for i in event.source], [names[i] for i in event.target]
