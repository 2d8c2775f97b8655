"""Place names the statistical NER missed, found by pattern and confirmed by the gazetteer: the town and
the state of "Moorhead, Minn.", the dateline place, and the names in "Clarke and Oconee counties". Each
becomes a mention of the place entity with the same name, or a new GPE entity with the next free id;
existing entities are never removed or renumbered.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from ... import lexicons
from ...geo import Gazetteer, Place, name_key
from ...lexicons.places import generic_words, place_words
from ...lexicons.places import regions as region_table
from ...model import Entity, EntityType, Mention, MentionKind
from ..base import Parsed
from ..common import alternatives, is_sports_story, publication_country
from .context import county_lists, datelines, street_lists
from .rank import is_capital

_WORDS = place_words()  # the word lists this module uses, from lexicons/place_words.tsv

_TOWN = r"((?:(?:St\.|Ft\.|Mt\.|[A-Z][a-z]+(?:'s)?)[ -]){0,3}(?:[A-Z][a-z]+))"
_TOWN_TYPES = ("city", "adm2", "adm2short")


@functools.cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_TOWN + r",\s+(" + alternatives(forms) + r")(?![A-Za-z])")


def _state_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, place name) of towns and states in "Town, State" patterns."""
    out: list[tuple[int, int, str, str]] = []
    for m in _pattern(tuple(gaz.state_forms)).finditer(text):
        form = m.group(2)
        code = gaz.state_forms[form]
        if len(form) == 2 and not form.isupper():
            continue
        town_start, town = m.start(1), m.group(1)
        # Drop leading words until the rest is a town of that state ("Police in Fargo": "Fargo").
        words = town.split(" ")
        place_name = None
        while words:
            cand = " ".join(words)
            hit = [p for p in gaz.lookup(cand) if p.kind in _TOWN_TYPES and p.admin1 == code]
            if hit:
                place_name = hit[0].name
                break
            town_start += len(words[0]) + 1
            words = words[1:]
        if place_name is None:
            continue
        town_text = " ".join(words)
        state = gaz.state(code)
        out.append((town_start, town_start + len(town_text), town_text, place_name))
        if state is not None:
            end = m.end(2)
            out.append((m.start(2), end, form, state.name))
    return out


def _dateline_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int, str, str]]:
    out = []
    for start, end in datelines(text):
        surface = text[start:end].strip()
        places = [p for p in gaz.lookup(surface) if p.kind in ("city", "adm2")]
        if places:
            out.append((start, start + len(surface), surface, max(places, key=lambda p: p.population).name))
    return out


def _county_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int, str, str]]:
    out = []
    for start, end in county_lists(text):
        surface = text[start:end]
        counties = [p for p in gaz.lookup(surface) if p.kind == "adm2short"]
        if counties:
            out.append((start, end, surface, counties[0].name))
    return out


def add_missing_places(entities: tuple[Entity, ...], parsed: Parsed, gaz: Gazetteer) -> tuple[Entity, ...]:
    text = parsed.text
    found = _state_spans(text, gaz) + _county_spans(text, gaz)
    if not is_sports_story(text):  # "CRICKET - ..." opens a sports story the way a dateline would
        found += _dateline_spans(text, gaz)
    fresh, covered = _uncovered(entities, found)
    streets = [
        (s, e, text[s:e], text[s:e])
        for s, e in street_lists(text)
        if not any(a < e and s < b for a, b in covered)
    ]
    return _attach(_attach(entities, fresh, parsed), streets, parsed, "LOC")


def _uncovered(
    entities: tuple[Entity, ...], found: list[tuple[int, int, str, str]]
) -> tuple[list[tuple[int, int, str, str]], list[tuple[int, int]]]:
    """The found spans, leftmost first, that overlap no mention and no span kept before them; and every
    span now covered (mentions and kept spans)."""
    covered = [(m.start, m.end) for e in entities for m in e.mentions]
    fresh = []
    for item in sorted(found):
        if not any(s < item[1] and item[0] < e for s, e in covered):
            covered.append((item[0], item[1]))
            fresh.append(item)
    return fresh, covered


def _attach(
    entities: tuple[Entity, ...],
    found: list[tuple[int, int, str, str]],
    parsed: Parsed,
    kind: EntityType = "GPE",
    mention_kind: MentionKind = "name",
) -> tuple[Entity, ...]:
    """Each (start, end, surface, name) becomes a mention (of `mention_kind`) of the place entity of that
    name, or of a new one of type `kind`."""
    if not found:
        return entities
    out = list(entities)
    next_id = 1 + max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
    for start, end, surface, name in sorted(found):
        mention = Mention(start, end, surface, parsed.sentence_index(start), mention_kind)
        key = name_key(name)
        i = next(
            (
                i
                for i, e in enumerate(out)
                if e.is_place and (name_key(e.name) == key or name_key(e.name) == name_key(surface))
            ),
            None,
        )
        if i is not None:
            e = out[i]
            mentions = tuple(sorted((*e.mentions, mention), key=lambda m: m.start))
            aliases = e.aliases if surface in e.aliases else (*e.aliases, surface)
            out[i] = dataclasses.replace(e, mentions=mentions, aliases=aliases)
        else:
            new = Entity(id=f"E{next_id}", name=name, type=kind, mentions=(mention,), aliases=(surface,))
            out.append(new)
            next_id += 1
    return tuple(out)


_CAP_WORD = re.compile(r"[A-Z][\w.'’]*(?:-[A-Z][\w.'’]*)*")
_MAX_PART = 3


def _place_part(
    part: str, gaz: Gazetteer, known: set[str], leading: bool, local: Callable[[Place], bool]
) -> bool:
    """Whether a part of an organisation's name is a place on its own: a US state, a country, a county,
    a town the document also names as a place, or (at the start of the name: "Athens Police
    Department", "Oakdale Fire Department") a town near the document's other places."""
    if len(part) > 2 and gaz.state_forms.get(part) is not None and "." not in part:
        return True
    if lexicons.country_by_name().get(part) is not None:
        return True
    # A national capital ("Minsk Group", "Damascus Radio"): too prominent a name to be anything else
    # inside a body's name.
    if any(is_capital(p) for p in gaz.lookup(part)):
        return True
    key = name_key(part)
    if key in known:
        return True
    if part.split()[-1] in ("County", "Parish") and any(p.kind == "adm2" for p in gaz.lookup(part)):
        return True
    if not leading or part.lower() in generic_words():
        return False
    return any(p.kind in _TOWN_TYPES and local(p) for p in gaz.lookup(part))


def nested_places(
    entities: tuple[Entity, ...],
    parsed: Parsed,
    gaz: Gazetteer,
    local: Callable[[Place], bool] = lambda p: False,
) -> tuple[Entity, ...]:
    """Places named inside organisation names ("the Texas Department of Transportation", "Fargo Police"):
    a place mention of its own, inside the organisation's mention, as gazetteers and LGL annotate them."""
    text = parsed.text
    if is_sports_story(text):
        return entities  # "Minnesota Twins": clubs, not places
    # Towns the document names as places elsewhere, and that the gazetteer knows.
    known = {
        name_key(m.text)
        for e in entities
        if e.is_place
        for m in e.mentions
        if m.kind == "name" and any(p.kind in _TOWN_TYPES for p in gaz.lookup(m.text))
    }
    orgs = lexicons.organisation_by_name()
    # Words of the document's personal names: "Webb Center" and "Lincoln Day Dinner" honour a person.
    people = {
        w
        for e in entities
        if e.type == "PERSON"
        for m in e.mentions
        if m.kind == "name"
        for w in m.text.split()
    }
    covered = [(m.start, m.end) for e in entities if e.is_place for m in e.mentions]
    found: list[tuple[int, int, str, str]] = []
    peoples: list[tuple[int, int, str, str]] = []
    demonyms = lexicons.country_by_demonym()
    bodies = _WORDS.state_bodies
    home = publication_country(parsed.article.url)
    for e in entities:
        if e.type != "ORG" or e.name in orgs:
            continue
        for m in e.mentions:
            if m.kind != "name":
                continue
            words = [(w.start(), w.end()) for w in _CAP_WORD.finditer(m.text)]
            i = 0
            while i < len(words):
                for n in range(min(_MAX_PART, len(words) - i), 0, -1):
                    s, t = words[i][0], words[i + n - 1][1]
                    part = m.text[s:t]
                    gap = m.text[words[i][0] : t]
                    if (s, t) == (0, len(m.text)) or len(gap.split()) != n:
                        continue  # the whole name, or words not next to each other
                    leading = i == 0 and n < len(words) and not set(part.split()) & people
                    nation = demonyms.get(part)
                    # "Australian National University", "French Embassy": a state's or a people's body.
                    # The paper's own country's ("American Legion" in a US paper) says nothing of where.
                    if nation is not None and nation.iso3 != home and bodies & set(m.text.split()):
                        start, end = m.start + s, m.start + t
                        if not any(a < end and start < b for a, b in covered):
                            peoples.append((start, end, part, nation.name))
                            covered.append((start, end))
                        break
                    if _place_part(part, gaz, known, leading, local):
                        start, end = m.start + s, m.start + t
                        if not any(a < end and start < b for a, b in covered):
                            found.append((start, end, part, part))
                            covered.append((start, end))
                        i += n - 1
                        break
                i += 1
            found += _hyphen_parts(m, words, gaz, known, local, covered)
    entities = _attach(entities, found, parsed) if found else entities
    return _attach(entities, peoples, parsed, mention_kind="demonym") if peoples else entities


def _hyphen_parts(
    m: Mention,
    words: list[tuple[int, int]],
    gaz: Gazetteer,
    known: set[str],
    local: Callable[[Place], bool],
    covered: list[tuple[int, int]],
) -> list[tuple[int, int, str, str]]:
    """Places joined by hyphens inside a name: "Fargo-Moorhead", a party and home ("DFL-Duluth")."""
    out = []
    for ws, we in words:
        offset = m.start + ws
        for piece in re.finditer(r"[A-Z][\w.'’]+", m.text[ws:we]):
            start, end = offset + piece.start(), offset + piece.end()
            if "-" not in m.text[ws:we] or any(a < end and start < b for a, b in covered):
                continue
            if _place_part(piece.group(0), gaz, known, True, local):
                out.append((start, end, piece.group(0), piece.group(0)))
                covered.append((start, end))
    return out


_CALENDAR = _WORDS.calendar
# "Rep. Jane Doe, D-Braxton," / "(R-Calif.)": a legislator's party and home district or state.
_PARTY_HOME = re.compile(r"\b(?:[DRI]|DFL)-((?:[A-Z][a-z]*\.?\s?){1,3})")
# "... of Lindsay", "... in Nitro": a capitalised name after a locative word.
_AFTER_PREP = re.compile(
    r"\b(?:in|of|near|from|outside|to|into)\s+((?:St\.\s|Mt\.\s|Ft\.\s)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
)


def _longest_place(
    text: str, start: int, words: list[str], test: Callable[[str], str | None]
) -> tuple[int, int, str, str] | None:
    """The longest leading run of `words` (starting at `start`) that `test` names as a place."""
    for n in range(len(words), 0, -1):
        surface = " ".join(words[:n]).rstrip(",;")
        name = test(surface)
        if name is not None:
            return (start, start + len(surface), surface, name)
    return None


def local_names(
    entities: tuple[Entity, ...], parsed: Parsed, gaz: Gazetteer, local: Callable[[Place], bool]
) -> tuple[Entity, ...]:
    """Towns the NER missed, where the text marks them as places and they lie near the document's other
    places: "Mages of Lindsay", "moved to Nitro", "Delegate Ricky Moye, D-Raleigh"."""
    text = parsed.text

    def town(surface: str) -> str | None:
        if surface in _CALENDAR:
            return None  # "in August", "from Monday"
        near = [p for p in gaz.lookup(surface) if p.kind in _TOWN_TYPES and local(p)]
        return near[0].name if near else None

    def home(surface: str) -> str | None:
        code = gaz.state_forms.get(surface) or gaz.state_forms.get(surface + ".")
        state = gaz.state(code) if code and len(surface) > 2 else None
        return state.name if state is not None else town(surface)

    found = []
    for pattern, test in ((_PARTY_HOME, home), (_AFTER_PREP, town)):
        for m in pattern.finditer(text):
            hit = _longest_place(text, m.start(1), m.group(1).split(), test)
            if hit is not None:
                found.append(hit)
    fresh, _ = _uncovered(entities, found)
    return _attach(entities, fresh, parsed) if fresh else entities


def unlabelled_places(
    entities: tuple[Entity, ...], parsed: Parsed, gaz: Gazetteer, local: Callable[[Place], bool]
) -> tuple[Entity, ...]:
    """Town names the statistical NER labelled NORP (en_core_web_md does so for "Oxford"), which the entity
    layer drops as not being demonyms: places when the gazetteer has such a town near the others."""
    demonyms = lexicons.country_by_demonym()
    found = []
    for ent in parsed.doc.ents:
        if ent.label_ != "NORP" or ent.text in demonyms or not ent.text[:1].isupper():
            continue
        near = [p for p in gaz.lookup(ent.text) if p.kind in _TOWN_TYPES and local(p)]
        if near:
            found.append((ent.start_char, ent.end_char, ent.text, near[0].name))
    covered = [(m.start, m.end) for e in entities for m in e.mentions]
    fresh = [f for f in found if not any(s < f[1] and f[0] < e for s, e in covered)]
    return _attach(entities, fresh, parsed) if fresh else entities


@functools.cache
def _region_demonyms() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """A pattern for the adjectives and peoples named after regions and continents ("African", "Kurds"),
    longest first, each one's region name, and which of them are demonyms (places_regions.tsv)."""
    names = {d: r.name for r in region_table() for d in r.demonyms}
    demonyms = frozenset(names)
    # A union of states ("European Union", "EU") is a place name the NER takes for an organisation's.
    names.update({n: r.name for r in region_table() if r.kind == "union" for n in (r.name, *r.aliases)})
    # "African-American", "Asian American": an American people, not the continent.
    pattern = re.compile(rf"(?<![\w-])({alternatives(names)})(?![\w-]|[ -]Americans?\b)")
    return pattern, names, demonyms


def region_demonyms(entities: tuple[Entity, ...], parsed: Parsed) -> tuple[Entity, ...]:
    """Continent and region demonyms ("African", "European", "Latin American", "Kurds") as demonym
    mentions of the region's place entity (a new LOC entity when the text has none), as LGL and
    GeoWebNews annotate them. A word already inside a place mention is left alone; one inside an
    organisation's name ("African National Congress") is a place mention of its own."""
    pattern, names, demonyms = _region_demonyms()
    covered = [(m.start, m.end) for e in entities if e.is_place for m in e.mentions]
    # A span is one entity's mention (the contract): "European Union" that the NER made an organisation
    # stays the organisation's.
    taken = {(m.start, m.end) for e in entities for m in e.mentions}
    found = [
        (m.start(1), m.end(1), m.group(1), names[m.group(1)])
        for m in pattern.finditer(parsed.text)
        if (m.start(1), m.end(1)) not in taken
        and not any(s < m.end(1) and m.start(1) < e for s, e in covered)
    ]
    if not found:
        return entities
    out = list(entities)
    next_id = 1 + max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
    for start, end, surface, name in found:
        kind: MentionKind = "demonym" if surface in demonyms else "name"
        mention = Mention(start, end, surface, parsed.sentence_index(start), kind)
        key = name_key(name)
        i = next((i for i, e in enumerate(out) if e.is_place and name_key(e.name) == key), None)
        if i is None:
            out.append(Entity(id=f"E{next_id}", name=name, type="LOC", mentions=(mention,)))
            next_id += 1
        else:
            mentions = tuple(sorted((*out[i].mentions, mention), key=lambda m: m.start))
            out[i] = dataclasses.replace(out[i], mentions=mentions)
    return tuple(out)
