"""Place names the statistical NER missed, found by pattern and confirmed by the gazetteer: the town and
the state of "Moorhead, Minn.", the dateline place, and the names in "Clarke and Oconee counties". Each
becomes a mention of the place entity with the same name, or a new GPE entity with the next free id;
existing entities are never removed or renumbered.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from ..geo import Gazetteer, name_key
from ..model import Entity, Mention
from ..pipeline import Parsed
from .places_context import county_lists, datelines
from .teams import is_sports_story

_TOWN = r"((?:(?:St\.|Ft\.|Mt\.|[A-Z][a-z]+(?:'s)?)[ -]){0,3}(?:[A-Z][a-z]+))"
_TOWN_TYPES = ("city", "adm2", "adm2short")


@functools.cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(_TOWN + r",\s+(" + alternatives + r")(?![A-Za-z])")


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
    if not found:
        return entities
    covered = [(m.start, m.end) for e in entities for m in e.mentions]
    out = list(entities)
    next_id = 1 + max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
    for start, end, surface, name in sorted(found):
        if any(s < end and start < e for s, e in covered):
            continue
        covered.append((start, end))
        mention = Mention(start, end, surface, parsed.sentence_index(start), "name")
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
            out.append(
                Entity(id=f"E{next_id}", name=name, type="GPE", mentions=(mention,), aliases=(surface,))
            )
            next_id += 1
    return tuple(out)
