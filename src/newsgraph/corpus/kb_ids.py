"""Knowledge-base ids as the corpus compares them: the id of the record that holds an entry now.

A store keeps what each document's extraction said. When a later version of the knowledge base lets a
higher source's record replace a lower one ("phx:NETFLIX" is now the notable list's "ntb:NETFLIX"), the
documents extracted before and after the upgrade name one entry by two ids, and the rule "the same entry
is the same actor" would keep them apart. Linking therefore compares the id of the record holding each
entry now, and looks stored actors up under the ids that record replaced as well (a store written before
the upgrade filed them there).

The shipped knowledge base answers (a user's `--actors` file is read at extraction only): an id it
never had, like a gazetteer's "country:NER", stays as it is.
"""

from __future__ import annotations

from ..kb import ActorKB, load_kb


def _holders() -> ActorKB:
    # The knowledge base is read on the first id asked (once per process), not on import.
    return load_kb()


def current_kb_id(kb_id: str | None) -> str | None:
    """The id the corpus files an entry under: that of the record holding `kb_id` now."""
    if not kb_id:
        return kb_id
    return _holders().current_id(kb_id) or kb_id


def kb_keys(current: str) -> frozenset[str]:
    """The `KB:` keys a stored actor of the entry `current` (an id as current_kb_id gives it) may be filed
    under: its own and those of the records it replaced."""
    return frozenset(f"KB:{i}" for i in (current, *_holders().replaced_ids(current)))
