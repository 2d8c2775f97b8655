"""The knowledge base's records (`KBActor`, `KBRole`, `KBMatch`, `KBAgent`) and the one name normalisation
that both the index and the queries go through, so a name matches however it is written.

Dates are ISO `YYYY-MM-DD` strings throughout: they compare correctly as strings, and the reader never has
to build a `date` object per row (that is most of the load time on 36,000 rows).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

# Sources in the order of precedence: a user file over the curated facts (offices and bodies) over the
# notable people and bodies beyond them (notable_actors.tsv) over Phoenix.
SOURCES = ("user", "curated", "notable", "phoenix")
# Roles held by many people of one country at once (a senate's hundred, fifty governors, a cabinet's twenty
# ministers), so that a bare surname of one of them ("Murphy", "Graham", "Price") is as likely anyone
# else's: a link needs the text's support.
MANY_HOLDER_ROLES = frozenset({"legislator", "governor", "minister"})

# Dots of initials and apostrophes vanish ("J.F.K." = "JFK", "O'Brien" = "OBrien"); any other character
# that is not a letter or digit separates words. A translate table does it in one C pass: normalise runs
# on 80,000 names at load.
_TABLE: dict[int, str | None] = {c: " " for c in range(128) if not chr(c).isalnum()}
_TABLE.update({ord(c): None for c in ".'`’ʼ‘"})
_NOT_WORD = re.compile(r"[^\w]+")
# The Arabic article is written "al-", "Al ", "el-" or not at all ("Bashar al-Assad" = "Bashar Assad").
_ARTICLES = frozenset({"al", "el"})


def without_possessive(name: str) -> str:
    """A name as written without a possessive ending ("Iran's" -> "Iran", either apostrophe): the name
    form looked up, not the form the sentence needed."""
    return name.removesuffix("'s").removesuffix("’s")


def normalise(text: str) -> str:
    """The lookup key of a name: accents, case, punctuation, initials' dots and the `al-`/`el-` article
    do not count. An empty string when nothing is left."""
    if text.isascii():
        words = text.lower().translate(_TABLE).split()
    else:
        folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        words = _NOT_WORD.sub(" ", folded.casefold().translate(_TABLE)).replace("_", " ").split()
    if "al" in words or "el" in words:
        kept = [w for w in words if w not in _ARTICLES]
        return " ".join(kept or words)  # a name that is only an article ("Al") keeps it
    return " ".join(words)


def day_of(on: str | dt.date | dt.datetime | None) -> str | None:
    """An ISO day string from a date, a datetime or an ISO string (a datetime string keeps its day)."""
    if on is None:
        return None
    if isinstance(on, dt.datetime):
        return on.date().isoformat()
    if isinstance(on, dt.date):
        return on.isoformat()
    return dt.date.fromisoformat(on[:10]).isoformat()


@dataclass(frozen=True, slots=True)
class KBRole:
    """What an actor was between two dates: country, sector(s), and for curated rows the role name."""

    country: str = ""  # ISO 3166 alpha-3, or empty (IGOs, NGOs, companies: see org_kind)
    sector: str = ""  # primary CAMEO sector: GOV, MIL, OPP, REB, PTY, IGO ...
    sectors: tuple[str, ...] = ()
    role: str = ""  # head_of_state, foreign_minister, party, armed_group ... (curated and user rows)
    start: str = ""  # ISO date, empty = since always
    end: str = ""  # ISO date, inclusive, empty = still
    org_kind: str = ""  # IGO, NGO, MNC, IMG (international militarised group)
    region: str = ""  # a CAMEO region code when the code names no country (MEA, SAS, WEU)
    approx: bool = False  # the dates are uncertain
    code: str = ""  # the raw CAMEO code (Phoenix rows)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    @property
    def many_holders(self) -> bool:
        """One of many holders of the same role at once (MANY_HOLDER_ROLES)."""
        return self.role in MANY_HOLDER_ROLES

    def holds_on(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


@dataclass(frozen=True, slots=True)
class KBActor:
    """One person, organisation or country-level name, with every role it held."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str  # PERSON, ORG, GPE, or empty when the source does not say
    gender: str  # m, f or empty
    source: str  # user, curated, notable or phoenix
    roles: tuple[KBRole, ...]
    shadows: tuple[str, ...] = ()  # ids of lower-precedence records this one replaces

    def roles_on(self, on: str | dt.date | None) -> tuple[KBRole, ...]:
        day = day_of(on)
        if day is None:
            return self.roles
        return tuple(r for r in self.roles if r.holds_on(day))

    def role_on(self, on: str | dt.date | None = None) -> tuple[KBRole | None, bool]:
        """The role that answers "what was this actor on that day", and whether it was held then.

        A dated role held that day beats an undated one (Phoenix's "always ELI" lines say less); among
        dated ones the latest started wins. When nothing was held that day, the nearest role in time
        answers (a former president's country is still his country), with False; for a person, the
        nearest role of a state when the nearest is an international body's office, which has none (a
        former chair of the African Union Commission is South African again). Without a date: the latest
        role, as if asked for today."""
        if not self.roles:
            return None, False
        day = day_of(on) or "9999-12-31"
        held = [r for r in self.roles if r.holds_on(day)]
        if held:
            return max(held, key=lambda r: (r.dated, r.start, r.end or "9999")), True
        nearest = _nearest(self.roles, day)
        if (
            self.type == "PERSON"
            and not nearest.country
            and (of_states := tuple(r for r in self.roles if r.country))
        ):
            nearest = _nearest(of_states, day)
        return nearest, False


def _nearest(roles: tuple[KBRole, ...], day: str) -> KBRole:
    """Of roles none of which is held on `day`: the last ended before it, else the first begun after."""
    before = [r for r in roles if r.end and r.end < day]
    if before:
        return max(before, key=lambda r: (r.end, r.start))
    return min(roles, key=lambda r: (r.start, r.end or "9999"))


@dataclass(frozen=True, slots=True)
class KBMatch:
    """A candidate for a name: the actor, its role on the asked date, and how the name matched."""

    actor: KBActor
    role: KBRole | None
    current: bool  # the role was held on the asked date (or is the latest, without a date)
    # "name": a full name form; "outer": a person's longer name without its middle ("Enele Sopoaga");
    # "surname": a tail of a person's name; "initials": an acronym; "club": a club's everyday name
    # (ActorKB.clubs); "id": the record holding an id asked for (ActorKB.lookup_id)
    how: str

    @property
    def country(self) -> str:
        return self.role.country if self.role else ""

    @property
    def sector(self) -> str:
        return self.role.sector if self.role else ""


@dataclass(frozen=True, slots=True)
class KBAgent:
    """A role noun ("minister", "rebels") and the sector it implies."""

    noun: str
    sector: str
    sectors: tuple[str, ...]
    country: str = ""
    org_kind: str = ""
