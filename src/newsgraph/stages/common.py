"""What several stages share: which entity a stretch of text mentions (built once per document from the
Results, so quotes and events resolve speakers and actors the same way), which time expression dates a
span, whether a story is a sports story (entities retype clubs, places keep their towns apart), and the
country a source publishes in (places rank a story's places by it, entities agree a story's home with it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicons.entities import sports_words
from ..lexicons.places import home_suffixes
from ..model import Entity, Mention, Timex


@dataclass(frozen=True)
class MentionRef:
    entity: Entity
    mention: Mention


class EntityIndex:
    """Mentions of all entities sorted by offset, answering `which entity is at this span`."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        refs = [MentionRef(e, m) for e in entities for m in e.mentions]
        refs.sort(key=lambda r: (r.mention.start, -r.mention.end))
        self._refs = refs
        self._starts = [r.mention.start for r in refs]
        # the longest mention: a mention starting this far before a span cannot reach it (at() stops there)
        self._longest = max((r.mention.end - r.mention.start for r in refs), default=0)
        self.by_id = {e.id: e for e in entities}

    def mentions_in(self, start: int, end: int) -> list[MentionRef]:
        """Mentions lying wholly inside [start, end), in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._refs) and self._refs[i].mention.start < end:
            if self._refs[i].mention.end <= end:
                out.append(self._refs[i])
            i += 1
        return out

    def at(self, start: int, end: int) -> MentionRef | None:
        """The mention that best covers [start, end): the longest one overlapping it, preferring names."""
        i = bisect.bisect_right(self._starts, end) - 1
        best: MentionRef | None = None
        best_key: tuple[int, int] | None = None
        lowest = bisect.bisect_right(self._starts, start) - 40
        while i >= 0 and i > lowest:
            ref = self._refs[i]
            m = ref.mention
            if m.start + self._longest <= start:
                break  # this mention and every earlier one end before the span begins
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                key = (int(m.kind == "name"), overlap)
                if best_key is None or key > best_key:
                    best, best_key = ref, key
            i -= 1
        return best

    def entity_at(self, start: int, end: int) -> Entity | None:
        ref = self.at(start, end)
        return ref.entity if ref else None


def alternatives(words: Iterable[str]) -> str:
    """A regular expression's alternatives matching `words` as written, longest first, so that a longer
    form wins where a shorter one is its start ("South Sudan" over "South")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def timex_in(timexes: tuple[Timex, ...], start: int, end: int) -> list[Timex]:
    """Time expressions wholly inside [start, end), in text order."""
    return [t for t in timexes if start <= t.start and t.end <= end]


def time_of(
    timexes: tuple[Timex, ...] | list[Timex], start: int, end: int, focus: int | None = None
) -> Timex | None:
    """The DATE/TIME expression that dates the span [start, end) (an event clause, a sentence).

    Only expressions inside the span count; of those, the one nearest `focus` (say the event trigger's
    offset; by default the span's middle), a TIME before a coarser DATE when equally near. Durations, sets
    and vague references (PRESENT_REF) date nothing, nor do unresolved expressions.
    """
    inside = [
        t
        for t in timexes
        if start <= t.start
        and t.end <= end
        and t.type in ("DATE", "TIME")
        and t.value
        and t.value[0].isdigit()
    ]
    if not inside:
        return None
    middle = (start + end) / 2 if focus is None else focus
    return min(inside, key=lambda t: (abs((t.start + t.end) / 2 - middle), t.type != "TIME"))


def is_sports_story(text: str) -> bool:
    """A story whose headline opens with a sport's name ("CRICKET - ..."): its place names may be clubs."""
    sports, _ = sports_words()
    words = re.findall(r"[a-z]+", text.lstrip()[:40].lower())
    return bool(words) and (words[0] in sports or " ".join(words[:2]) in sports)


def host_names(url: str | None, town: str) -> bool:
    """Whether a web address's host names the town, its letters run together ("Paris" in
    "theparisnews.com"): a local paper is named after its town. A name of at least HOST_TOWN_LETTERS
    letters, so that a short one is not found by chance inside another word."""
    letters = "".join(ch for ch in town.lower() if ch.isalpha())
    if not url or len(letters) < HOST_TOWN_LETTERS:
        return False
    return letters in _host(url).replace("-", "")


HOST_TOWN_LETTERS = 5


def host_letters(url: str) -> str:
    """The letters of a web address's host without "www." and its final ending ("columbuslocalnews" for
    "http://www.columbuslocalnews.com/a"), where a local paper's town may be read (places/narrow.py)."""
    host = _host(url).removeprefix("www.")
    return "".join(ch for ch in host.rsplit(".", 1)[0] if ch.isalpha())


def publication_country(url: str | None) -> str | None:
    """The country a source publishes in, from its web address (places_home.tsv): the longest suffix of
    its host that the file lists (the first such row on a tie), None when none is listed. A row that names
    a source (".thestar.com") matches its host and subdomains only, not a host that merely ends in its
    letters ("newsthestar.com"): every row starts with a dot and the host is read with one before it."""
    found = _home_suffix(url)
    return found[1] if found else None


# Web address endings open to any country, which places_home.tsv reads as the USA's by default.
_GENERIC_ENDINGS = (".com", ".org", ".net")


def generic_address(url: str | None) -> bool:
    """The source's country comes from a generic ending alone (".com"), not from a country's own ending
    or a source places_home.tsv names ("thestar.com")."""
    found = _home_suffix(url)
    return found is not None and found[0] in _GENERIC_ENDINGS


def _home_suffix(url: str | None) -> tuple[str, str] | None:
    """(suffix, ISO3) of the places_home.tsv row a web address matches (publication_country), or None."""
    if not url:
        return None
    host = "." + _host(url)
    found = [(suffix, iso3) for suffix, iso3 in home_suffixes() if host.endswith(suffix)]
    return max(found, key=lambda f: len(f[0])) if found else None


def _host(url: str) -> str:
    """A web address's host, lower-cased, without its port."""
    return url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
