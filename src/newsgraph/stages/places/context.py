"""What the text says about where a place name points: "City, State" and "City, Country" patterns, the
dateline, and which names the statistical NER typed as a person or organisation but the text uses as a
place ("police in Alexandria", "Fargo, N.D.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ... import lexicons
from ...geo import Gazetteer, Place, name_key
from ...lexicons.names import is_given_name
from ...lexicons.places import place_words, province_abbreviations, street_words
from ...model import Entity, Mention
from ...nlp.datelines import Dateline, find_datelines

_WORDS = place_words()  # the word lists this module uses, from lexicons/place_words.tsv

# A comma then a state or country form, ending at a word boundary (abbreviations end in a dot).
_AFTER_COMMA = re.compile(r",\s+((?:[A-Z][A-Za-z]*\.?\s?){1,4})")
_LIST_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")
_COUNTY_LIST = re.compile(
    r"((?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:(?:,\s*|,?\s+and\s+|\s*&\s*)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)+)"
    r"\s+(?:counties|parishes)\b"
)
# "between Culver and Charter streets", "Owens and Harris roads": each name is a street's.
_STREET_LIST = re.compile(
    r"((?:[A-Z][a-z]+)(?:(?:,\s*|,?\s+and\s+|\s*&\s*)[A-Z][a-z]+)+)"
    r"\s+(?:streets|avenues|roads|drives|lanes|boulevards|Streets|Avenues|Roads|Drives)\b"
)

# Words after a name that make it a place: "Fargo police", "Alexandria residents", "Athens area".
_PLACE_NOUNS = _WORDS.place_nouns
# Prepositions before a name that make it a place: "in Alexandria", "near Fargo".
_PLACE_PREPS = _WORDS.place_preps
_STRONG_KINDS = {"country", "adm1", "adm2", "region", "continent", "water"}
_PERSON_PREVIOUS = _WORDS.person_titles


@dataclass(frozen=True)
class Hint:
    """What a pattern right after a mention says: the US state code, or the country, it lies in."""

    state: str | None = None
    country: str | None = None


def hint_after(text: str, end: int, gaz: Gazetteer) -> Hint | None:
    """The state or country named right after `end` ("Moorhead, Minn.", "Gori, Georgia"): both when the
    name is both ("Georgia"), and the candidates decide."""
    m = _AFTER_COMMA.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    # Longest prefix that is a state form or a country name ("New York" before "New").
    for n in range(len(words), 0, -1):
        form = " ".join(words[:n])
        for f in dict.fromkeys((form, form.rstrip("."))):
            code = gaz.state_forms.get(f)
            state = code if code is not None and (len(f) > 2 or f.isupper()) else None
            country = lexicons.country_by_name().get(f)
            if state is not None or country is not None:
                return Hint(state=state, country=country.iso3 if country else None)
            if len(f) > 4 and (province := _province_country(f, gaz)) is not None:
                return Hint(country=province)  # "Toronto, Ontario", "Woodstock, New South Wales"
            if form in province_abbreviations():
                return Hint(country=province_abbreviations()[form][0])  # "London, Ont.", "Dubbo, N.S.W."
    return None


# Federations whose provinces or states follow a town's name as US states do ("London, Ontario").
_PROVINCE_COUNTRIES = ("CAN", "AUS")


def _province_country(form: str, gaz: Gazetteer) -> str | None:
    found = {p.country for p in gaz.lookup(form) if p.kind == "adm1" and p.country in _PROVINCE_COUNTRIES}
    return found.pop() if len(found) == 1 else None


def datelines(text: str) -> list[tuple[int, int]]:
    """Dateline places at the start of the text or of one of its first sentences (after a headline):
    dashed ("NAIROBI, Kenya (AP) —", "ATLANTA - ..."), or dated on a line of their own ("BONN 1996-08-30",
    "NICOSIA, August 8")."""
    return list(dateline_marks(text))


def dateline_marks(text: str) -> dict[tuple[int, int], Dateline]:
    """The datelines of `datelines`, by their place's span."""
    return {
        (d.start, d.end): d
        for d in find_datelines(text)
        if d.delimiter in ("dash", "hyphen") or (d.delimiter == "date" and d.at_line_start and not d.agency)
    }


def is_wire(d: Dateline) -> bool:
    """Whether a dateline is a wire service's: an agency in brackets ("HAVANA (AP) --") or a dated place
    on its own line ("BONN 1996-08-30", Reuters). A wire names a town that stands alone only when it is
    prominent (AP style: "MANSFIELD, Texas", but "LONDON"); a local paper's dateline names its own
    area's towns, however small."""
    return d.agency or d.delimiter == "date"


def county_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the names in "Clarke and Oconee counties", "Swift, Grant and Wilkin counties"."""
    out = []
    for m in _COUNTY_LIST.finditer(text):
        for n in _LIST_NAME.finditer(m.group(1)):
            if n.group(0) not in ("And",):
                out.append((m.start(1) + n.start(), m.start(1) + n.end()))
    return out


def street_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the names in "Orange and White streets", "Bridge, Main and High streets"."""
    out = []
    for m in _STREET_LIST.finditer(text):
        for n in _LIST_NAME.finditer(m.group(1)):
            if n.group(0) not in ("And",):
                out.append((m.start(1) + n.start(), m.start(1) + n.end()))
    return out


def place_cues(text: str, start: int, end: int) -> tuple[int, int]:
    """(place evidence, person evidence) around one mention."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    prev = before[-1].strip("(\"'“").lower() if before else ""
    nxt = after[0].strip(".,;:\"'”)").lower() if after else ""
    # "north of Fargo", "Jane Doe, 29, of Fargo": "of" after a lower-case word or a comma is a place's;
    # after a capitalised word ("University of", "Bank of") it belongs to a name.
    of_place = prev == "of" and len(before) > 1 and not before[-2][:1].isupper()
    # "a Northbrook-based company": a firm is based in a place.
    based = text.startswith(("-based", "–based"), end)
    place = int(prev in _PLACE_PREPS or of_place) + int(nxt in _PLACE_NOUNS or based)
    person = int(prev.rstrip(".") in _PERSON_PREVIOUS) + int(nxt in _WORDS.speech_verbs)
    return place, person


def looks_like_place(
    entity: Entity,
    text: str,
    gaz: Gazetteer,
    local: Callable[[Place], bool],
    marked: frozenset[tuple[int, int]] = frozenset(),
    acts: Callable[[Mention], bool] = lambda m: False,
    place_spans: frozenset[tuple[int, int]] = frozenset(),
) -> bool:
    """A PERSON/ORG entity that the text uses as a place and the gazetteer knows as one.

    Evidence for a place: a locative preposition or a place noun around a mention, a "City, State"
    pattern, a dateline or a county list (`marked` spans), a place beside it in a list (`place_spans`: the
    spans of place name mentions), a state or country name used alone, and a town of that name near the
    document's other places (`local`). Evidence for a person: a title
    before it, "said" after it, being the subject of a verb (`acts`). The place must win.
    """
    names = [m for m in entity.mentions if m.kind == "name"]
    if not names or entity.titles:
        return False
    if len({name_key(m.text) for m in names}) > 1:
        return False  # "John Fargo" and "Fargo": a person with a short form
    places = gaz.lookup(names[0].text)
    if not places:
        return False
    first = names[0].text
    if len(first) <= 4 and first.isupper() and not any((m.start, m.end) in marked for m in names):
        return False  # an acronym ("SEC") that happens to be a town's name
    place = person = 0
    if (
        entity.type == "PERSON"
        and any(
            p.kind == "country" or (p.kind in _STRONG_KINDS and p.country in (None, "USA")) for p in places
        )
        and not names[0].text.isupper()
    ):
        # A state or country name alone is no person. (An ORG one may be a team: "Minnesota beat Detroit";
        # the entity layer decides that, so an ORG needs evidence from the text.)
        place += 1
    cues = 0
    for m in names:
        p, q = place_cues(text, m.start, m.end)
        if hint_after(text, m.end, gaz) is not None:
            p += 2
        if (m.start, m.end) in marked:
            p += 3
        if listed_with(text, m, place_spans):
            p += 1
        # "Hope's Wings", "Loop 286": the word begins a longer name (of a body, a road).
        q += bool(_NAME_GOES_ON.match(text, m.end))
        cues, person = cues + p, person + q + int(acts(m))
    if entity.type == "ORG" and not cues:
        return False  # an organisation named after its town ("Somerset beat Kent") needs the text to say so
    if any(local(p) for p in places if p.kind in ("city", "adm2", "adm2short")):
        place += 1
    return place + cues > person


_NAME_GOES_ON = re.compile(r"['’]s\s[A-Z]|\s\d")
_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def listed_with(text: str, m: Mention, places: frozenset[tuple[int, int]]) -> bool:
    """Whether the mention stands in a list next to a place ("Sharon, Kent and Cornwall")."""
    for start, end in places:
        if end <= m.start and m.start - end <= 6 and _LIST_GAP.match(text[end : m.start]):
            return True
        if start >= m.end and start - m.end <= 6 and _LIST_GAP.match(text[m.end : start]):
            return True
    return False


# Last words of the names of natural places and protected areas: a PERSON/ORG name ending in one ("Otter
# Creek Wilderness", "Pictured Rocks National Lakeshore") is a place (LOC) the gazetteer may not know.
_NATURE_WORDS = _WORDS.nature_words


def looks_like_nature(entity: Entity) -> bool:
    """A PERSON/ORG entity whose names all end in a nature word and have another word before it."""
    names = [m.text.split() for m in entity.mentions if m.kind == "name"]
    return bool(names) and not entity.titles and all(len(n) > 1 and n[-1] in _NATURE_WORDS for n in names)


_INITIAL = re.compile(r"^[A-Z]\.$")


def looks_like_street(entity: Entity) -> bool:
    """A PERSON/ORG entity whose names all end in a street word ("Ruth Drive", "Main St.") and are not
    a person's name with an initial ("Marvin F. Lane")."""
    names = [m.text.split() for m in entity.mentions if m.kind == "name"]
    words = street_words()
    return (
        bool(names)
        and not entity.titles
        and all(
            len(n) > 1
            and n[-1] in words
            and n[0][:1].isupper()
            and not any(_INITIAL.match(w) for w in n[1:-1])
            for n in names
        )
    )


# After a person's name, not a road's or a park's: ", who", a verb of saying (place_words' speech_verbs, the
# person cue of `place_cues`), or an age.
_PERSON_AFTER = re.compile(
    r",?[ \t]+who\b|[ \t]+(?:" + "|".join(sorted(_WORDS.speech_verbs)) + r")\b|,[ \t]+\d{1,3},"
)


def named_as_a_person(entity: Entity, text: str) -> bool:
    """A name of two words opening with a given name, followed by ", who", a verb of saying or an age
    (forty-second session: "Doreen Pike, who chairs ..."): a person whose surname is a road's or a park's
    word, whom `looks_like_street` and `looks_like_nature` would make a place. Not "Hyde Park was shut"."""
    for m in entity.mentions:
        words = m.text.split()
        if m.kind != "name" or len(words) != 2 or not is_given_name(words[0]):
            continue
        if _PERSON_AFTER.match(text, m.end):
            return True
    return False
