"""A firm's legal form says whose company law it was founded under: "Ehitus Rebane OÜ" is Estonian, "Tenaga
Sdn Bhd" Malaysian, "Nordvik Fisk ASA" Norwegian, whatever the story's dateline (lexicons/
firm_form_countries.tsv, facts of company law; forms many countries share, "Inc", "Ltd", "SA", are not
listed).

After the ranker, for a body whose name ends with a listed form:
- a form of one country's law gives that country (source `text`: the body's own name says it) to a body
  without a country, or in place of a guess from the story (`home`, `dateline`) or a name (`name`);
- a form several countries' law defines gives the story's home (source `home`) to a body still without a
  country when the home is one of them ("Redes Andinas SRL" in an Argentine story): the form then says
  the firm may well be of the country the story is set in, where the guards kept the home from a firm that
  might have been a multinational's; else, when the places the story names (not by a demonym) are of
  exactly one of them, that one (source `text`: "Kaasmakerij Noord B.V." in a Ghanaian story that names a
  Dutch port); and it takes away a guess that is none of them ("Fjordverft AS", a Norwegian or Estonian
  form, is not given the United States of a story set in Maine): a wrong country is worse than none.
A country the text or the knowledge base gave is kept: the form may be a subsidiary's abroad.
"""

from __future__ import annotations

import dataclasses
import functools

from ...lexicons.entities import firm_form_countries
from ...model import GUESSED_COUNTRY_SOURCES, Entity


def form_countries(name: str) -> frozenset[str]:
    """The countries whose company law defines the legal form `name` ends with (its longest listed one,
    its final period written or not), else an empty set; a name that is only a form has none."""
    bare = name.rstrip(" ,")
    # The words after each space or comma, looked up whole: the first of `_written_forms` that the name
    # ends with, as reading the forms in order would find it (a scan of every form cost ~40 us a name).
    ranked = _form_ranks()
    best: tuple[int, frozenset[str]] | None = None
    for i, char in enumerate(bare):
        found = ranked.get(bare[i + 1 :]) if char in " ," else None
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    return best[1] if best is not None else frozenset()


@functools.cache
def _written_forms() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each listed form as it may be written (its final period or not) with its countries, the longest
    listed form first."""
    forms = firm_form_countries()
    return tuple(
        (written, forms[form])
        for form in sorted(forms, key=len, reverse=True)
        for written in dict.fromkeys((form, form.removesuffix("."), form.removesuffix(".") + "."))
    )


@functools.cache
def _form_ranks() -> dict[str, tuple[int, frozenset[str]]]:
    """Each written form -> its place in `_written_forms` (its first) and its countries."""
    ranks: dict[str, tuple[int, frozenset[str]]] = {}
    for rank, (written, countries) in enumerate(_written_forms()):
        ranks.setdefault(written, (rank, countries))
    return ranks


def _body_forms(e: Entity) -> frozenset[str]:
    """The countries of the legal form the body's name or one of its name mentions ends with."""
    for name in (e.name, *(m.text for m in e.mentions if m.kind == "name")):
        if countries := form_countries(name):
            return countries
    return frozenset()


def firm_form_homes(entities: tuple[Entity, ...], home: str | None) -> tuple[Entity, ...]:
    """The entities, each body whose legal form tells its country given it (see the module's docstring);
    `home`: the story's home (story_homes.story_home), or None."""
    # The countries of the places the story names: a form several states define, none of them the home, is
    # of the one state among them the story goes to, if it names only one. Named, not a demonym's: "the
    # supplier to a German carmaker" says where the carmaker is, not the supplier
    placed = frozenset(
        e.country for e in entities if e.is_place and e.country and any(m.kind == "name" for m in e.mentions)
    )
    out = []
    for e in entities:
        countries = _body_forms(e) if e.type == "ORG" else frozenset()
        if countries and (e.country is None or e.country_source in GUESSED_COUNTRY_SOURCES):
            if len(countries) == 1:
                (country,) = countries
                if country != e.country:
                    e = dataclasses.replace(e, country=country, country_source="text")
            elif e.country is None and home in countries:
                e = dataclasses.replace(e, country=home, country_source="home")
            elif e.country is None and len(named := countries & placed) == 1:
                (country,) = named
                e = dataclasses.replace(e, country=country, country_source="text")
            elif e.country is not None and e.country not in countries:
                # A guess the form rules out: "Fjordverft AS" in a story set in Maine is no American firm
                e = dataclasses.replace(e, country=None, country_source=None)
        out.append(e)
    return tuple(out)
