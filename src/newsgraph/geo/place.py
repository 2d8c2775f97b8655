"""A gazetteer entry and the lookup form of a place name: what both the index builder and the index
reader need (kept apart from both so neither imports the other's private names)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Word forms that GeoNames and news spell differently: all map to one short form.
_WORD_FORMS = {"saint": "st", "ste": "st", "mount": "mt", "fort": "ft", "point": "pt"}
_KEY_DROP = re.compile(r"[.’'`]")
_KEY_SPACE = re.compile(r"[\s\-–—/]+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup form of a place name: no accents, case, dots, apostrophes or leading 'the';
    'St.' = 'Saint'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", text)).strip()
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_WORD_FORMS.get(w, w) for w in words)


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. kind: country, adm1, adm2, adm2short (a county without
    'County'), city, region, continent, water or area."""

    name: str
    kind: str
    country: str | None
    admin1: str
    lat: float
    lon: float
    population: int
    geonameid: str | None


#: The columns of the gazetteer index, in Place's field order.
FIELDS = ("name", "kind", "country", "admin1", "lat", "lon", "population", "geonameid")
