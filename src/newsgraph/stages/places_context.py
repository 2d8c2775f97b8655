"""What the text says about where a place name points: "City, State" and "City, Country" patterns, the
dateline, and which names the statistical NER typed as a person or organisation but the text uses as a
place ("police in Alexandria", "Fargo, N.D.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicons
from ..geo import Gazetteer
from ..model import Entity

# A comma then a state or country form, ending at a word boundary (abbreviations end in a dot).
_AFTER_COMMA = re.compile(r",\s+((?:[A-Z][A-Za-z]*\.?\s?){1,4})")
# The dateline: a leading upper-case place, optionally ", State", then a dash or "(AP)".
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'\-]{2,40}?)(?:,\s*([A-Z][A-Za-z. ]{1,20}?))?\s*(?:\([A-Za-z ]+\)\s*)?[-—–]"
)

# Words after a name that make it a place: "Fargo police", "Alexandria residents", "Athens area".
_PLACE_NOUNS = {
    "police", "residents", "resident", "native", "natives", "area", "city", "township", "village", "town",
    "county", "mayor", "council", "officials", "schools", "school", "metro", "suburb", "neighborhood",
    "man", "woman", "teen", "boy", "girl", "couple", "family", "businessman", "firefighters", "fire",
    "homes", "home", "streets", "street", "campus", "location", "office",
}  # fmt: skip
# Prepositions before a name that make it a place: "in Alexandria", "near Fargo".
_PLACE_PREPS = {"in", "near", "from", "outside", "into", "to", "toward", "towards", "across", "around",
                "through", "at", "between", "of", "throughout", "within", "via"}  # fmt: skip
_PERSON_PREVIOUS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "coach", "judge", "officer"}


@dataclass(frozen=True)
class Hint:
    """What a pattern right after a mention says: the US state code, or the country, it lies in."""

    state: str | None = None
    country: str | None = None


def hint_after(text: str, end: int, gaz: Gazetteer) -> Hint | None:
    """The state or country named right after `end` ("Moorhead, Minn.", "Gori, Georgia")."""
    m = _AFTER_COMMA.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    # Longest prefix that is a state form or a country name ("New York" before "New").
    for n in range(len(words), 0, -1):
        form = " ".join(words[:n])
        bare = form.rstrip(".") if not form.endswith(".") or form.count(".") == 1 else form
        for f in (form, bare):
            code = gaz.state_forms.get(f)
            if code is not None and (len(f) > 2 or f.isupper()):
                return Hint(state=code)
            country = lexicons.country_by_name().get(f)
            if country is not None:
                return Hint(country=country.iso3)
    return None


def dateline(text: str) -> tuple[int, int] | None:
    """Character span of a dateline place ("NAIROBI, Kenya (AP) -" gives NAIROBI), if the text opens so."""
    m = _DATELINE.match(text[:120])
    if m is None:
        return None
    return m.start(1), m.end(1)


def place_cues(text: str, start: int, end: int) -> tuple[int, int]:
    """(place evidence, person evidence) around one mention."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    prev = before[-1].strip("(\"'“").lower() if before else ""
    nxt = after[0].strip(".,;:\"'”)").lower() if after else ""
    place = int(prev in _PLACE_PREPS) + int(nxt in _PLACE_NOUNS)
    person = int(prev.rstrip(".") in _PERSON_PREVIOUS) + int(nxt in ("said", "says", "told"))
    return place, person


def looks_like_place(entity: Entity, text: str, gaz: Gazetteer) -> bool:
    """A PERSON/ORG entity that the text uses as a place and the gazetteer knows as one."""
    names = [m for m in entity.mentions if m.kind == "name"]
    if not names or entity.titles:
        return False
    keys = {m.text for m in names}
    if len(keys) > 1:
        return False  # "John Fargo" and "Fargo": a person with a short form
    places = gaz.lookup(names[0].text)
    if not places:
        return False
    kinds = {p.kind for p in places}
    if kinds & {"country", "adm1", "adm2", "region", "continent", "water"} and (
        names[0].text[:1].isupper() and not names[0].text.isupper()
    ):
        strong = True  # a state, county or country name on its own is that place
    else:
        strong = False
    place = person = 0
    for m in names:
        p, q = place_cues(text, m.start, m.end)
        if hint_after(text, m.end, gaz) is not None:
            p += 2
        place, person = place + p, person + q
    if person:
        return False
    return strong or place > 0
