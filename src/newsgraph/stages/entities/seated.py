"""Countries from a seat or a trade written before a name: "London-based bank NAME", "the French oil
company NAME", "Japan's biggest carmaker NAME", "a U.S.-based analyst, NAME", "Lagos-based obstetrician
NAME". Split from countries.py, whose other cues read a demonym, a title or a place after the name.
Also the same description after a body's name, in apposition ("NAME, a Swedish telecoms group",
"NAME, a tour operator in PLACE": `described_after_country`, split from roles.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import lexicons
from .countries import (
    ARTICLES,
    HYPHENS,
    POSSESSIVE_MARKS,
    country_cues,
    country_owner_before,
    demonym_at,
    possessive_owner,
    region_country,
)
from .place_countries import city_country, region_countries

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cluster import Cluster


def described_body_country(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country a description right before a body's name gives it: a demonym or a place's seat word,
    then up to three lower-case words ending in a noun of its trade (country_cues.tsv `descriptor`):
    "Swedish telecoms group NAME", "the French oil company NAME", "France-registered packaging company
    NAME", "London-based bank NAME"; or a country's possessive ("Japan's biggest carmaker NAME"). Not
    "pro-Iranian militant group NAME" (a hyphen ties the demonym to another word) nor a place's word
    other than a seat ("state-owned", "Chinese-owned"). A seat needs no trade after it: "its employer,
    Venlo-based Maas Transport", "U.S.-based Acme"."""
    i = start - 1
    if i >= 0 and (fused := _fused_seat(doc[i].text)) is not None:
        return fused  # "U.S.-based NAME"
    if i >= 2 and doc[i].lower_ in country_cues().seat and seat_at(doc, i - 1):
        return place_country_at(doc, i - 2, token_cluster)  # "Venlo-based NAME"
    if i < 1 or doc[i].lower_ not in country_cues().descriptor:
        return None
    words = 0
    while i >= 0 and words < 4 and doc[i].is_alpha and doc[i].is_lower:
        i -= 1
        words += 1
    if i < 0 or words == 0:
        return None
    if (fused := _fused_seat(doc[i].text)) is not None:
        return fused  # "U.S.-based": the tokenizer keeps an abbreviation's hyphenated word whole
    if seat_at(doc, i):
        return place_country_at(doc, i - 1, token_cluster)  # "France-registered", "London-based"
    if i >= 1 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_:
        return None  # "pro-Iranian militant group"
    if doc[i].text in POSSESSIVE_MARKS:
        return country_owner_before(doc, i + 1, token_cluster)  # "Japan's third biggest carrier NAME"
    return demonym_at(doc, i, token_cluster) if doc[i].text[:1].isupper() else None


def _fused_seat(word: str) -> str | None:
    """The country of a country's name or a region's written with a seat word as one token ("U.S.-based",
    "UK-registered"), else None."""
    head, _, tail = word.rpartition("-")
    if not head or tail.lower() not in country_cues().seat:
        return None
    country = lexicons.country_by_name().get(head)
    return country.iso3 if country is not None else region_countries().get(head)


def seat_at(doc: Doc, i: int) -> bool:
    """Token `i` is the hyphen of "PLACE-based", "PLACE-registered" (country_cues' `seat` words)."""
    return (
        1 <= i < len(doc) - 1
        and doc[i].text in HYPHENS
        and not doc[i].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i + 1].lower_ in country_cues().seat
    )


def place_country_at(doc: Doc, i: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The one country of the place token `i` names (`place_country`, the token's word for a city:
    "Lagos-based"); None when it is no place."""
    place = token_cluster.get(i)
    if place is None or place.type not in ("GPE", "LOC"):
        return None
    return place_country(place, doc[i].text)


def place_country(place: Cluster, written: str) -> str | None:
    """The one country of a place: a country's or capital's code, a region of one country, else that of a
    big city of the name `written` with no namesake near its size; None when it names no one country."""
    found = {m.code for m in place.mentions if m.code} or {region_country(place) or ""}
    found.discard("")
    if not found:
        found = {city_country(written) or ""} - {""}
    return found.pop() if len(found) == 1 else None


def based_before(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country of the place a person works from, written before their job and name ("Lagos-based
    obstetrician NAME", "a Geneva-based analyst, NAME"): the seat's place, as for a body."""
    i = start - 1
    if i >= 1 and doc[i].text == "," and doc[i - 1].is_lower:
        i -= 1  # "a Geneva-based analyst, NAME"
    words = 0
    while i >= 0 and words < 4 and doc[i].is_alpha and doc[i].is_lower:
        i -= 1
        words += 1
    fused = _fused_seat(doc[i].text) if i >= 0 else None  # "a U.S.-based analyst, NAME"
    # The words between the seat and the name are the job ("obstetrician", "senior analyst"), not a
    # clause ("Miami-based lawyers could fly NAME": a verb between them).
    job = doc[i + 1 : start] if fused and words >= 1 else doc[i + 2 : start] if words >= 2 else ()
    if not job or any(t.pos_ not in ("NOUN", "ADJ") and t.text != "," for t in job):
        return None
    if fused:
        return fused
    return place_country_at(doc, i - 1, token_cluster) if seat_at(doc, i) else None


def town_owner_before(doc: Doc, start: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country of a city whose possessive comes right before a body's name: the body is seated there
    ("San Francisco's Novus Fund", "Abu Dhabi's Department of Culture and Tourism"). A city, by its whole
    name, with no namesake of its size (place_countries.city_country); a country's possessive is
    countries.country_owner_before's, and a region's is left to the knowledge base ("Ohio's Democratic
    Party"). Not a person's: "Chicago's NAME" is a local as often as a player of the town's club."""
    owner = possessive_owner(doc, start, token_cluster)
    if owner is None or owner.type not in ("GPE", "LOC"):
        return None
    written = next((m.text for m in owner.mentions if m.tok_end == start - 1), doc[start - 2].text)
    return city_country(written)


def described_after_country(doc: Doc, end: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country an apposition right after a body's name gives it, read as the same description before
    a name is: "NAME, a Swedish telecoms group", "NAME, the Oslo-based shipping company", "NAME, Japan's
    biggest carrier"; or the place its trade is carried on in: "NAME, a tour operator in PLACE". The
    description runs from its article to the first noun of a body's trade that ends it (not "a drug
    company executive"), and holds no preposition or verb: in "NAME, a rival of the Swedish group" the
    demonym is another body's."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    first = end + 2 if doc[end + 1].lower_ in ARTICLES else end + 1
    cues = country_cues()
    for k in range(first, min(first + 6, len(doc))):
        token = doc[k]
        seat = token.lower_ in cues.seat  # "-based", "-registered": no verb here
        if token.pos_ in _NOT_IN_DESCRIPTION and not seat and token.text not in ("-", "–", "'s", "’s"):
            return None
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        ends_here = nxt is None or not (nxt.is_lower and nxt.pos_ == "NOUN")
        if token.lower_ in cues.descriptor and ends_here:
            found = described_body_country(doc, k + 1, token_cluster)
            if found is None and nxt is not None and nxt.lower_ == "in":
                found = _place_country_after(doc, k + 2, token_cluster)  # "NAME, a tour operator in PLACE"
            return found
    return None


def _place_country_after(doc: Doc, i: int, token_cluster: dict[int, Cluster]) -> str | None:
    """The country of the place named at token `i` (`place_country_at`, as for a seat), or of the
    region after its comma ("Portland, Ore.")."""
    place = token_cluster.get(i)
    if place is None or place.type not in ("GPE", "LOC"):
        return None
    found = place_country_at(doc, i, token_cluster)
    j = past_run(doc, i, place, token_cluster)
    after = token_cluster.get(j + 1) if j < len(doc) and doc[j].text == "," else None
    if after is not None and after.type == "GPE":
        found = region_country(after) or found
    return found


_NOT_IN_DESCRIPTION = frozenset({"ADP", "VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON"})


def past_run(doc: Doc, i: int, cluster: Cluster, token_cluster: dict[int, Cluster]) -> int:
    """The token right after the run of `cluster`'s tokens that starts at token `i`."""
    while i < len(doc) and token_cluster.get(i) is cluster:
        i += 1
    return i
