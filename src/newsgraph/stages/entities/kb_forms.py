"""Name forms the knowledge-base link tries when the text's own forms leave no candidate (issue 14): the
knowledge base holds the actor under a form the text does not write.

- a person written as a title and surname that the knowledge base lists as one of its name forms (its
  "King Olav" when the text writes "King" apart from "Olav").

Each gives candidates only: kb_link's `_one` still decides, with the same guards, and a form that leaves
two actors links to neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...kb import ActorKB, KBMatch

if TYPE_CHECKING:
    from .grouping import Cluster


def titled_matches(cluster: Cluster, titles: tuple[str, ...], kb: ActorKB, on: str | None) -> list[KBMatch]:
    """The people the knowledge base lists under a title and a one-word name of the cluster together
    ("Ayatollah X", "Sheikh Y"), matched as a whole name form, never as a surname."""
    words = {m.text.removesuffix("'s").removesuffix("’s") for m in cluster.mentions if m.kind == "name"}
    found: dict[str, KBMatch] = {}
    for title in titles:
        for word in sorted(w for w in words if " " not in w.strip()):
            for m in kb.lookup(f"{title} {word}", on):
                if m.how == "name" and m.actor.type == "PERSON":
                    found.setdefault(m.actor.id, m)
    return list(found.values())
