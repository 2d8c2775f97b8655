"""A person's country from cues the text gives without naming the country, each kept with its source
(Entity.country_source) so an analyst can see why:

- `region`: a state or region of one country qualifies the person ("Vermont Sen. Ann Bolt", "former
  Texas governor", "Sen. Carl Dunmore (D-Va.)"), or a US state is in a body's name ("Ohio State University");
- `party`: a party of one country inside a legislative, government or party title ("Republican senator",
  "GOP nominee"; lexicons/country_cues.tsv);
- `office`: a title only one country has ("Taoiseach", "Secretary of State"; country_cues.tsv);
- `org`: the organisation the person speaks for or works for, when that body's country is known
  ("NBC's Jon Marsh", "FBI Director Dan Prater", "Dan Prater, a spokesman for the FBI"; resolved in
  build.py once bodies have their country);
- `dateline`: a title held at home ("Trade Minister", country_cues.tsv) or a government body, a court or
  a party ("Interior Ministry") the text gives no country, in an article datelined in one country, when
  no sentence naming them names another country; the knowledge base goes first.

And patterns where the text does say the country, so their source is `text`: a demonym before a plain
description ("Saudi businessman Omar Fadil"), "the Libyan, Atif Enhamed", an apposition that opens with
one ("Omar Fadil, a Comorian Muslim"; not "a Cuban exile") or names a country's unnamed body after a job
("commander of the Turkish army"), and a demonym right before a body's name ("an Egyptian Islamic Jihad
group", which then outranks a namesake of the knowledge base).
Where nothing of this is written the country stays empty: a wrong country is worse than none.
What a place's name alone gives (a region, a big city, the dateline) is looked up in place_countries.py;
a seat or a trade before a name ("London-based bank NAME", "Lagos-based obstetrician NAME") is read in
seated.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ... import lexicons
from ...kb import without_possessive
from ...lexicons.entities import home_words
from ...model import CountrySource
from .place_countries import region_countries

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cluster import Cluster

# Title sectors a party word may qualify: "Republican senator", not "Republican Guard commander".
_PARTY_SECTORS = frozenset({"LEG", "GOV", "PTY"})
ARTICLES = frozenset({"the", "a", "an"})
# "(D-Va.)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)": a member of the US Congress, party and state.
_CONGRESS = re.compile(
    r"[ \t]*,?[ \t]*\([ \t]*[DRI][ \t]*-[ \t]*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)[ \t]*\)"
)


@dataclass(frozen=True)
class CountryCue:
    country: str
    source: CountrySource


@dataclass(frozen=True)
class CountryCues:
    party: dict[str, str]  # a party word -> ISO3
    office: dict[str, str]  # a whole title -> ISO3
    domestic: frozenset[str]  # last words of titles held at home (the dateline's country)
    body: dict[str, str]  # the name of a body only one country has -> ISO3
    descriptor: frozenset[str]  # nouns of a body's trade before its name ("Swedish telecoms group NAME")
    seat: frozenset[str]  # "PLACE-based NAME": words after a hyphen that say the place is the body's seat
    language: frozenset[str]  # nouns a demonym before names a language of ("Spanish teacher NAME")
    language_name: frozenset[str]  # demonyms that are languages taught abroad ("English", "Spanish")


@functools.cache
def country_cues() -> CountryCues:
    party: dict[str, str] = {}
    office: dict[str, str] = {}
    domestic: set[str] = set()
    body: dict[str, str] = {}
    plain: dict[str, set[str]] = {
        "domestic": domestic,
        "descriptor": set(),
        "seat": set(),
        "language": set(),
        "language_name": set(),
    }
    for r in lexicons.read_table("country_cues.tsv", ("kind", "words", "country")):
        words = r["words"].lower()
        if r["kind"] in plain:
            plain[r["kind"]].add(words)
            continue
        table = {"party": party, "office": office, "body": body}.get(r["kind"])
        if table is None:
            raise r.error(
                "kind",
                f"{r['kind']!r} is not party, office, body, domestic, descriptor, seat, language or"
                " language_name",
            )
        if len(r["country"]) != 3:
            raise r.error("country", f"{r['country']!r} is not an ISO3 code")
        table[words] = r["country"]
    return CountryCues(
        party,
        office,
        frozenset(domestic),
        body,
        frozenset(plain["descriptor"]),
        frozenset(plain["seat"]),
        frozenset(plain["language"]),
        frozenset(plain["language_name"]),
    )


def body_country(names: list[str]) -> str | None:
    """The country of a body whose name only one country uses ("Justice Department"), else None."""
    found = {country_cues().body.get(" ".join(_bare(n).lower().split())) for n in names}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def is_domestic_title(title: str) -> bool:
    """A title held at home ("Trade Minister", "Mayor"): its holder is of the dateline's country when the
    text names none for them."""
    words = title.lower().split()
    return any(" ".join(words[-n:]) in country_cues().domestic for n in (1, 2) if len(words) >= n)


def _bare(text: str) -> str:
    return without_possessive(text).strip()


def region_country(cluster: Cluster) -> str | None:
    """The country of a place that is a region of one country ("Vermont", "Va."), else None."""
    found = {region_countries().get(_bare(m.text)) for m in cluster.mentions if m.kind == "name"}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def title_cue(title: str, sector: str | None) -> CountryCue | None:
    """An office only one country has, or a party of one country inside a political title. Not a party
    word of a title that names the party ("Democratic Party founder", "Democratic Unionist Party leader"):
    parties called Democratic or Republican are in many states; the bare word before a title ("Republican
    senator") is the US usage."""
    cues = country_cues()
    words = title.lower().replace("-", " ").split()
    for n in range(len(words), 0, -1):
        country = cues.office.get(" ".join(words[-n:]))
        if country is not None:
            return CountryCue(country, "office")
    if sector in _PARTY_SECTORS and "party" not in words:
        found = {cues.party[w] for w in words if w in cues.party}
        if len(found) == 1:
            return CountryCue(found.pop(), "party")
    return None


def congress_suffix(text: str, end: int) -> CountryCue | None:
    """ "(D-Va.)" right after a name (character `end`): a US member of Congress."""
    m = _CONGRESS.match(text, end)
    if m is None or region_countries().get(m.group(1)) != "USA":
        return None
    return CountryCue("USA", "region")


def demonym_at(doc: Doc, i: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country of a demonym at token `i` ("Saudi", "Libyan"), not of a place name ("Iraq war")."""
    cluster = token_cluster.get(i)
    if cluster is None or cluster.type != "GPE":
        return None
    for m in cluster.mentions:
        if m.tok_start <= i < m.tok_end and m.code:
            adjective = doc[i].pos_ == "ADJ" or doc[i].text in lexicons.country_by_demonym()
            return m.code if adjective or m.kind == "demonym" else None
    return None


# The words between a demonym and a name ("Saudi oil minister"); the tagger reads a player's position
# "forward" as an adverb ("Danish forward NAME").
_DESCRIBING = frozenset({"NOUN", "ADJ", "ADV"})


def demonym_before(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country a demonym gives the name at token `start`: a demonym and up to three lower-case words
    before it ("Saudi businessman Omar Fadil", "Saudi oil minister"; a hyphenated word counting as one,
    "Kenyan payments start-up NAME"), a demonym right before the name
    ("Kenyan Amos Kipruto", "fellow Kenyan NAME"; not one a hyphen ties to a word before it:
    "pro-Russian NAME"), or "the Libyan, NAME"."""
    i = start - 1
    if i >= 2 and doc[i].text == "," and doc[i - 2].lower_ in ARTICLES:
        return demonym_at(doc, i - 1, token_cluster)
    words = 0
    while i >= 0 and words < 3:
        if _hyphenated_word_ending_at(doc, i):
            i -= 3  # "Kenyan payments start-up NAME", "Turkish second-tier club NAME": one word
        elif doc[i].is_alpha and doc[i].is_lower and doc[i].pos_ in _DESCRIBING:
            i -= 1
        else:
            break
        words += 1
    if i < 0:
        return None
    if words == 0:
        return None if i >= 1 and doc[i - 1].text in HYPHENS else demonym_at(doc, i, token_cluster)
    if doc[i + 1].lower_ in country_cues().language:
        return None  # "Spanish teacher NAME", "English tutor NAME": the demonym names a language
    return demonym_at(doc, i, token_cluster)


def names_a_language(doc: Doc, i: int) -> bool:
    """Whether the demonym at token `i` names a language taught abroad, not a country, before a noun of
    country_cues' `language` ("a former English teacher", "French literature"; not "a Comorian teacher")."""
    cues = country_cues()
    return doc[i].lower_ in cues.language_name and i + 1 < len(doc) and doc[i + 1].lower_ in cues.language


def _hyphenated_word_ending_at(doc: Doc, i: int) -> bool:
    """Two lower-case words a hyphen joins end at token `i` ("start-up", "state-owned")."""
    return (
        i >= 2 and doc[i - 1].text in HYPHENS and all(doc[k].is_alpha and doc[k].is_lower for k in (i, i - 2))
    )


def demonym_right_before(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country a demonym right before an organisation's name gives it ("an Egyptian Islamic Jihad
    group", "German Foreign Ministry"), not one a hyphen ties to another word ("pro-Iranian"), nor one
    before a name that opens with a demonym of its own ("Cuban American National Foundation")."""
    i = start - 1
    if i < 0 or (i >= 1 and doc[i - 1].text in ("-", "–")) or not doc[i].text[:1].isupper():
        return None
    if start < len(doc) and doc[start].text in lexicons.country_by_demonym():
        return None
    return demonym_at(doc, i, token_cluster)


POSSESSIVE_MARKS = frozenset({"'s", "’s"})
HYPHENS = frozenset({"-", "–"})


def possessive_owner(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> Cluster | None:
    """The named thing whose possessive comes right before the name at token `start` ("Peru's", "San
    Francisco's")."""
    if start < 2 or doc[start - 1].text not in POSSESSIVE_MARKS:
        return None
    return token_cluster.get(start - 2)


def country_owner_before(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country whose possessive comes right before a body's name ("Peru's Socialist Party", "head of
    Peru's National Assembly"): a country's name, not a region's or a city's."""
    owner = possessive_owner(doc, start, token_cluster)
    # A country named in the story by its demonym too ("Chinese", "China") is one cluster keyed by it.
    if owner is None or owner.type != "GPE" or not (owner.kb or "").startswith(("country:", "demonym:")):
        return None
    return owner.kb.split(":", 1)[1] if owner.kb else None


def place_after_of(doc: Doc, end: int, token_cluster: dict[int, Cluster]) -> Cluster | None:
    """What is named after "of" right after a name ending at token `end`: "NAME of Turkey", "NAME of the
    Czech Republic"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    return token_cluster.get(end + 2 if end + 2 < len(doc) and doc[end + 1].lower_ == "the" else end + 1)


def country_right_before(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country a demonym or a country's possessive right before a body's name gives it."""
    return demonym_right_before(doc, start, token_cluster) or country_owner_before(doc, start, token_cluster)


# Words that may come between an apposition's article and the demonym ("NAME, a 34-year-old Comorian").
_BEFORE_DEMONYM_POS = frozenset({"ADJ", "NUM", "ADV", "PUNCT", "NOUN"})
# Prepositions that tie an apposition's title to the body the person works for ("director of the FBI").
_EMPLOYER_WORDS = frozenset({"of", "for", "at", "with"})


def apposition_demonym(doc: Doc, start: int, end: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country of a demonym that opens an apposition's description (tokens `start` to `end`): "NAME,
    a Comorian Muslim", "NAME, 45, an American citizen"; not "a Cuban exile" (lexicons/home_words.tsv),
    "a Saudi-born ...", "the Cuban government", "a former English teacher" (a language:
    `names_a_language`), nor a demonym further on ("an expert on Russian politics")."""
    i = start
    if i + 1 < end and doc[i].like_num and doc[i + 1].text == ",":
        i += 2  # "NAME, 45, a ...", not "NAME, 9025 Indian Lake Road"
    if i < end and doc[i].lower_ in ARTICLES:
        i += 1
    skipped = 0
    while i < end and skipped < 6 and doc[i].is_lower and doc[i].pos_ in _BEFORE_DEMONYM_POS:
        i += 1
        skipped += 1
    if i >= end or i == start or not doc[i].text[:1].isupper():
        return None
    i = _last_demonym(doc, i, end)
    country = lexicons.country_by_demonym().get(doc[i].text)
    after = doc[i + 1] if i + 1 < len(doc) else None
    if country is None or (after is not None and after.text in ("-", "–")):
        return None
    body = any(c is not None and c.type == "ORG" for c in (token_cluster.get(i), token_cluster.get(i + 1)))
    if body or (after is not None and lexicons.sector_from_name(after.lower_)):
        return None  # "NAME, the Cuban government ...", "the Irish Republican Army's": a body, not the person
    if names_a_language(doc, i):
        return None  # "NAME, a former English teacher": the demonym names a language, as before a name
    following = {t.lower_ for t in doc[i + 1 : min(end, i + 3)]}
    return None if following & home_words().emigres else country.iso3


def _last_demonym(doc: Doc, i: int, end: int) -> int:
    """The last of a run of demonyms from token `i` (`i` itself when it is none), with or without hyphens
    ("Cuban-American", "Cuban American", "Turkish-born German" is not one): a hyphenated identity names
    the citizenship last."""
    demonyms = lexicons.country_by_demonym()
    if doc[i].text not in demonyms:
        return i
    while True:
        j = i + 2 if i + 2 < end and doc[i + 1].text in ("-", "–") else i + 1
        if j >= end or doc[j].text not in demonyms:
            return i
        i = j


def apposition_employer(
    doc: Doc, start: int, end: int, token_cluster: dict[int, Cluster]
) -> Cluster | str | None:
    """What an apposition's description says the person works for (tokens `start` to `end`): the body
    ("NAME, the deputy head of the FBI's Denver office", "a spokesman for the Foreign
    Ministry"), or a country's body unnamed ("commander of the Turkish army": the country's ISO3). Only
    after a job ("a critic of the FBI" is not its employee): a title or a word of home_words' `workers`."""
    for i in range(start, end - 1):
        if doc[i].lower_ not in _EMPLOYER_WORDS:
            continue
        if not _job_before(doc, i, start):
            return None  # "an expert on ...", "a critic of the plan": the first such word decides
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        body = token_cluster.get(j) if j < len(doc) else None
        if body is not None and body.type == "ORG":
            return body
        after = doc[j + 1] if j + 1 < len(doc) else None
        if body is not None and body.type == "GPE" and after is not None and after.text in POSSESSIVE_MARKS:
            owned = token_cluster.get(after.i + 1)
            if owned is not None and owned.type == "ORG":
                return owned  # "head of Peru's National Assembly": the body, given the owner's country
        if body is not None and body.type == "GPE" and after is not None:
            owned = token_cluster.get(after.i)
            if owned is not None and owned.type == "ORG":
                return owned  # "the German Foreign Ministry": the body, given the demonym's country
            if after.is_lower and lexicons.sector_from_name(after.lower_):
                return demonym_at(doc, j, token_cluster)  # "the Turkish army"
        return None
    return None


def _job_before(doc: Doc, i: int, start: int) -> bool:
    """Whether the word before token `i` (an "of"/"for") names a job: "director-in-charge of"."""
    k = i - 1
    while k > start and doc[k].lower_ in ("-", "in", "charge"):
        k -= 1
    word = doc[k].lower_ if k >= start else ""
    return word in lexicons.titles() or word in home_words().workers


# Prepositions of a topic: a country after them in an apposition is not the person's ("an expert on").
TOPIC_WORDS = frozenset({"on", "about"})
_RELATIVES = frozenset({"who", "which", "that", "whose"})


def subject_of(doc: Doc, start: int, verb: int) -> bool:
    """Whether tokens `start` to `verb` hold the subject of the verb at `verb` (not a relative "who"):
    "NAME, the Cuban government said" has no apposition."""
    return verb < len(doc) and any(
        doc[t].dep_ in ("nsubj", "nsubjpass") and doc[t].head.i == verb and doc[t].lower_ not in _RELATIVES
        for t in range(start, verb)
    )


_AGENCY_WORDS = (" news agency", " agency")


def agency_country(names: list[str]) -> str | None:
    """The country of a news agency of the organisation lexicon written with its trade ("PAP news
    agency"), else None."""
    found = set()
    for name in names:
        tail = next((t for t in _AGENCY_WORDS if name.lower().endswith(t)), None)
        org = lexicons.organisation_by_name().get(name[: -len(tail)].strip()) if tail else None
        if org is not None and org.country:
            found.add(org.country)
    return found.pop() if len(found) == 1 else None
