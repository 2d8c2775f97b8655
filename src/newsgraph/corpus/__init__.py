"""Cross-document work: actors merged into canonical actors, events deduplicated and counted by source."""

from .actors import ActorProfile, best_match, match_score, merge, profile_of
from .events import EventSlot, event_day, event_key, pick_event, same_day
from .link import Linked, LinkedEvent, Lookups, link_document

__all__ = [
    "ActorProfile",
    "EventSlot",
    "Linked",
    "LinkedEvent",
    "Lookups",
    "best_match",
    "event_day",
    "event_key",
    "link_document",
    "match_score",
    "merge",
    "pick_event",
    "profile_of",
    "same_day",
]
