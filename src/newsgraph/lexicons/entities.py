"""Word lists of the entities and relations stages (lexicons/entity_words.tsv), read by name."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from . import read_lists, read_table


@dataclass(frozen=True)
class EntityWords:
    """One field per list of lexicons/entity_words.tsv (why each list exists is said in the file's header)."""

    group_nouns: frozenset[str]
    expletive_verbs: frozenset[str]
    org_tails: tuple[str, ...]
    legal_forms: frozenset[str]
    acronym_skip: frozenset[str]
    name_suffixes: frozenset[str]
    org_words: frozenset[str]
    bare_actors: frozenset[str]
    instruments: frozenset[str]
    moving_verbs: frozenset[str]
    institutions: frozenset[str]
    leading_drop: frozenset[str]
    honorifics: frozenset[str]
    title_words: frozenset[str]
    org_heads: frozenset[str]
    numbered_names: frozenset[str]
    event_tails: frozenset[str]
    title_modifiers: frozenset[str]
    subordinate: frozenset[str]
    copulas: frozenset[str]
    title_complements: frozenset[str]
    title_fillers: tuple[str, ...]
    versus: frozenset[str]
    backing: frozenset[str]
    based: frozenset[str]
    saints: frozenset[str]
    saint_bodies: frozenset[str]
    shared_body_names: frozenset[str]
    firm_words: frozenset[str]
    firm_trade_words: frozenset[str]
    town_modified: frozenset[str]
    body_heads: frozenset[str]
    person_roles: frozenset[str]
    country_fields: frozenset[str]
    seat_heads: frozenset[str]
    club_prefixes: frozenset[str]
    club_suffixes: frozenset[str]
    club_forms: frozenset[str]
    place_body_heads: frozenset[str]
    storm_words: frozenset[str]
    place_plurals: frozenset[str]
    team_suffixes: frozenset[str]
    renaming_nouns: frozenset[str]
    description_nouns: frozenset[str]


@functools.cache
def entity_words() -> EntityWords:
    return read_lists("entity_words.tsv", EntityWords)


@dataclass(frozen=True)
class BodyNameHeads:
    """lexicons/body_name_heads.tsv: the head words of other languages that make a capitalised name a
    body's, opening it (`first`) or ending its last word (`endings`), and the small words inside such a
    name (`joiners`)."""

    first: frozenset[str]
    endings: tuple[str, ...]
    joiners: frozenset[str]

    def opens_a_name(self, word: str) -> bool:
        """Whether `word`, as written, is a head noun that opens a body's name ("Fundación", "Grupo")."""
        return unicodedata.normalize("NFC", word.lower()) in self.first


@functools.cache
def body_name_heads() -> BodyNameHeads:
    return read_lists("body_name_heads.tsv", BodyNameHeads)


@dataclass(frozen=True)
class HomeWords:
    """The lists of lexicons/home_words.tsv, read by the entity homes stage (why: the file's header)."""

    not_home_words: frozenset[str]
    visiting: frozenset[str]
    not_local_bodies: frozenset[str]
    emigres: frozenset[str]
    sojourns: frozenset[str]
    workers: frozenset[str]
    not_local_titles: frozenset[str]
    performers: frozenset[str]
    example_openers: frozenset[str]
    residence_verbs: frozenset[str]
    own_places: frozenset[str]
    link_prepositions: frozenset[str]
    visit_verbs: frozenset[str]
    located_prepositions: frozenset[str]
    presence_prepositions: frozenset[str]
    kin_nouns: frozenset[str]
    return_verbs: frozenset[str]
    back_words: frozenset[str]
    firm_forms: frozenset[str]
    journeys: frozenset[str]
    not_home_names: frozenset[str]
    employer_posts: frozenset[str]
    travelling_titles: frozenset[str]
    name_particles: frozenset[str]
    not_town_openers: frozenset[str]
    birthplaces: frozenset[str]
    team_coaches: frozenset[str]
    team_coach_verbs: frozenset[str]
    team_coach_qualifiers: frozenset[str]
    national_sides: frozenset[str]
    national_side_verbs: frozenset[str]


@functools.cache
def home_words() -> HomeWords:
    return read_lists("home_words.tsv", HomeWords)


@functools.cache
def _sports_kinds() -> dict[str, frozenset[str]]:
    """sports.tsv's lower-case words by kind (sport, verb, table)."""
    rows = [(r["word"].lower(), r["kind"]) for r in read_table("sports.tsv", ("word", "kind"))]
    return {kind: frozenset(w for w, k in rows if k == kind) for kind in ("sport", "verb", "table")}


def sports_words() -> tuple[frozenset[str], frozenset[str]]:
    """(names of sports, verbs of sport results) from sports.tsv."""
    kinds = _sports_kinds()
    return kinds["sport"], kinds["verb"]


def table_words() -> frozenset[str]:
    """Words heading a line of sports results beside a figure that are not clubs (sports.tsv, `table`)."""
    return _sports_kinds()["table"]


@functools.cache
def team_sports() -> frozenset[str]:
    """Sports played by clubs (team_sports.tsv): a name followed by a score in their results is a club."""
    return frozenset(r["sport"].lower() for r in read_table("team_sports.tsv", ("sport",)))


@functools.cache
def leagues_abroad() -> frozenset[tuple[str, str]]:
    """(home, abroad) country codes: clubs of `abroad` play in `home`'s leagues
    (sports_leagues_abroad.tsv)."""
    return frozenset(
        (r["home"], r["abroad"]) for r in read_table("sports_leagues_abroad.tsv", ("home", "abroad"))
    )


@functools.cache
def firm_form_countries() -> dict[str, frozenset[str]]:
    """A firm's legal form as written ("Oyj", "Sdn Bhd") -> the countries whose company law defines it
    (firm_form_countries.tsv). A malformed code is a ConfigError naming the row."""
    out: dict[str, frozenset[str]] = {}
    for r in read_table("firm_form_countries.tsv", ("form", "countries")):
        codes = r["countries"].split()
        if not codes or any(len(c) != 3 or not c.isupper() for c in codes):
            raise r.error("countries", f"{r['countries']!r} is not a list of ISO 3166-1 alpha-3 codes")
        if r["form"] in out:
            raise r.error("form", f"{r['form']!r} is listed twice")
        out[r["form"]] = frozenset(codes)
    return out


@dataclass(frozen=True)
class Currencies:
    """lexicons/currencies.tsv: each currency of one state as written after an amount ("tenge",
    "guaraníes") -> the state's ISO 3166-1 alpha-3 code (`country_of`), and the forms that are English
    words too ("won", "kip": `homographs`)."""

    country_of: dict[str, str]
    homographs: frozenset[str]


@functools.cache
def currencies() -> Currencies:
    """The currencies of one state (currencies.tsv), read once. A malformed code or a form listed twice
    is a ConfigError naming the row."""
    country_of: dict[str, str] = {}
    homographs: set[str] = set()
    for r in read_table("currencies.tsv", ("forms", "country", "currency", "homograph")):
        code = r["country"]
        if len(code) != 3 or not code.isupper():
            raise r.error("country", f"{code!r} is not an ISO 3166-1 alpha-3 code")
        if r["homograph"] not in ("", "yes"):
            raise r.error("homograph", f"{r['homograph']!r} is neither empty nor 'yes'")
        for form in r["forms"].split():
            if form in country_of:
                raise r.error("forms", f"{form!r} is listed twice")
            country_of[form] = code
            if r["homograph"] == "yes":
                homographs.add(form)
    return Currencies(country_of, frozenset(homographs))
