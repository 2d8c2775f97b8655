"""A person named as another's relative takes that person's country (source `kin`) when nothing else gave
them one, or only a guess from the story's places: "He is survived by his wife, NAME", "NAME's widow,
NAME", "NAME, his brother,", "NAME, the daughter of NAME". A story filed from abroad names a foreign
figure's family there; the dateline's country is then the family's least likely one.

The relative noun is one of home_words.tsv's `kin_nouns` ("wife", "son", "brother"), singular, with at
most one word before it ("late", "elder", "eldest", "younger", "former", "estranged", "23-year-old"). The
owner is the person a "his"/"her" right before the noun stands for (anaphora.py's pronoun mention), or the
person whose name the possessive ends; each of the relative's name mentions is read, and one country must
come out of them all, none of them a guess from the story's places (an owner's home or dateline country
passes nothing on). The relative is never the owner itself.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from ...lexicons.entities import home_words
from ...model import GUESSED_COUNTRY_SOURCES, Entity, Mention

_BEFORE_NOUN = r"(?:(?:late|elder|eldest|younger|youngest|older|former|estranged|\d+-year-old)[ \t]+)?"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(before the name: "his wife, " / "NAME's wife " ending where it starts; after it: ", his wife";
    after it: ", the wife of " before the owner's name; after the owner's name: "'s wife")."""
    # Longest first, so a noun is read whole ("fiancée", not "fiancé"); plurals ("parents") are left out.
    nouns = sorted((w for w in home_words().kin_nouns if not w.endswith("s")), key=lambda w: -len(w))
    kin = "|".join(re.escape(w) for w in nouns)
    kin = f"(?:{kin})"
    before = re.compile(
        rf"(?:\b(?P<pronoun>[Hh]is|[Hh]er)|(?P<poss>['’]s))[ \t]+{_BEFORE_NOUN}{kin},?[ \t]+\Z"
    )
    pronoun_after = re.compile(rf",[ \t]+(?P<pronoun>his|her)[ \t]+{_BEFORE_NOUN}{kin}\b")
    of_owner = re.compile(rf",[ \t]+(?:the|a)[ \t]+{_BEFORE_NOUN}{kin}[ \t]+of[ \t]+")
    owners_kin = re.compile(rf"['’]s[ \t]+{_BEFORE_NOUN}{kin}\b")
    return before, pronoun_after, of_owner, owners_kin


def relative_countries(text: str, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The entities with each person of no country, or a guessed one, given their owner's (see the module
    docstring)."""
    people = [e for e in entities if e.type == "PERSON"]
    if len(people) < 2:
        return entities
    at_start = {m.start: (m, e) for e in people for m in e.mentions}
    at_end = {m.end: (m, e) for e in people for m in e.mentions if m.kind == "name"}
    out = []
    for e in entities:
        # A country guessed from the story's places or the name's origin gives way: a relative's is the
        # text's word
        if e.type == "PERSON" and (e.country is None or e.country_source in GUESSED_COUNTRY_SOURCES):
            owners = [o for o in _owners(text, e, at_start, at_end) if o.id != e.id]
            # An owner's own guess is no word of the text's: "Juan Miguel's father" in a Miami story.
            found = {o.country if o.country_source not in GUESSED_COUNTRY_SOURCES else None for o in owners}
            if len(found) == 1 and None not in found:
                e = dataclasses.replace(e, country=found.pop(), country_source="kin")
        out.append(e)
    return tuple(out)


def _owners(
    text: str,
    person: Entity,
    at_start: dict[int, tuple[Mention, Entity]],
    at_end: dict[int, tuple[Mention, Entity]],
) -> list[Entity]:
    """The persons whose relative a name mention of `person` is said to be."""
    before, pronoun_after, of_owner, owners_kin = _patterns()
    owners = []
    for m in person.mentions:
        if m.kind != "name":
            continue
        hit = before.search(text, max(0, m.start - 40), m.start)
        if hit is not None and hit.group("pronoun"):
            owners.append(at_start.get(hit.start("pronoun")))
        elif hit is not None:
            owners.append(at_end.get(hit.start("poss")))
        after = pronoun_after.match(text, m.end)
        if after is not None:
            owners.append(at_start.get(after.start("pronoun")))
        of = of_owner.match(text, m.end)
        if of is not None:
            owners.append(at_start.get(of.end()))  # "NAME, the daughter of NAME"
        comma = re.match(r",[ \t]+", text[m.end : m.end + 3])
        owner = at_start.get(m.end + comma.end()) if comma else None
        if owner is not None and owners_kin.match(text, owner[0].end):
            owners.append(owner)  # "NAME, NAME's widow"
    return [o[1] for o in owners if o is not None and o[0].kind in ("name", "pronoun")]
