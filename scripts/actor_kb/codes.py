"""CAMEO actor codes: the `[CODE DATES]` brackets of the Phoenix files (dates to ISO), and a code split into
its country, organisation kind, region and sectors."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

import pycountry

from .names import words

# CAMEO sector codes (the "who within a country" part of a code); other 3-letter chunks after the country
# are religions, ethnicities or organisation names (UNO, MUS, ALQ) and stay only in the raw `code`.
SECTORS = words(
    "GOV MIL ELI LEG JUD OPP REB SPY COP BUS MED EDU HLH REL HRI LAB AGR ENV DEV REF CVL CRM INS SEP PTY "
    "UAF MOD RAD IGO NGO"
)
ORG_KINDS = frozenset({"IGO", "NGO", "MNC", "IMG"})
# CAMEO codes for countries that ISO 3166 does not give (or gave another code): map to the ISO alpha-3 the
# rest of newsgraph uses. KSV/KOS -> XKX is the user-assigned code every major data set uses for Kosovo.
COUNTRY_FIXES = {"TMP": "TLS", "ROM": "ROU", "KSV": "XKX", "KOS": "XKX", "USR": "SUN", "ZAR": "COD"}
# Chunks that are ISO country codes but mean something else inside CAMEO codes (MUS = Muslim, not Mauritius).
NOT_COUNTRIES = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN"})


def _valid_countries() -> frozenset[str]:
    codes = {c.alpha_3 for c in pycountry.countries}
    codes |= {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(codes | {"XKX"})


COUNTRIES = _valid_countries()


DATE_RANGE = re.compile(r"^(?:(?P<from>>)\s*(?P<d1>\d+)|<\s*(?P<d2>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+))$")


class Warnings:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")


def iso_date(token: str, where: str, warnings: Warnings) -> str:
    """`yymmdd` or `yyyymmdd` -> ISO. Two-digit years: 00-20 are 20xx (Phoenix ends about 2015), the rest
    19xx. A day past the month's end is clamped (a typo like 100631); anything else is dropped, with a
    warning, which widens the range rather than inventing a date."""
    if len(token) == 6:
        yy = int(token[:2])
        year = 2000 + yy if yy <= 20 else 1900 + yy
        month, day = int(token[2:4]), int(token[4:6])
    elif len(token) == 8:
        year, month, day = int(token[:4]), int(token[4:6]), int(token[6:8])
    else:
        warnings.add(where, f"date {token!r} is neither yymmdd nor yyyymmdd; bound dropped")
        return ""
    if not 1 <= month <= 12 or not 1800 <= year <= 2100:
        warnings.add(where, f"date {token!r} out of range; bound dropped")
        return ""
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class Code:
    code: str
    start: str = ""
    end: str = ""


CODE = re.compile(r"\[([^\]]*)\]")


def parse_codes(text: str, where: str, warnings: Warnings) -> list[Code]:
    codes: list[Code] = []
    for inner in CODE.findall(text):
        parts = inner.strip().split(None, 1)
        if not parts:
            continue
        code = Code(parts[0].strip())
        if len(parts) == 2:
            dates = parts[1].strip()
            m = DATE_RANGE.match(dates)
            if not m:
                warnings.add(where, f"dates {dates!r} not understood; code kept without dates")
            elif m["d1"]:
                code.start = iso_date(m["d1"], where, warnings)
            elif m["d2"]:
                code.end = iso_date(m["d2"], where, warnings)
            else:
                code.start = iso_date(m["a"], where, warnings)
                code.end = iso_date(m["b"], where, warnings)
                if code.start and code.end and code.end < code.start:
                    # A typo in one of the two dates: which one is unknown, so the range is kept in order.
                    warnings.add(
                        where, f"range {dates} ends before it starts; read as {code.end} to {code.start}"
                    )
                    code.start, code.end = code.end, code.start
        codes.append(code)
    return codes


@dataclass
class Split:
    country: str = ""
    org_kind: str = ""
    region: str = ""
    sectors: list[str] = field(default_factory=list)


def split_code(code: str, block_country: str) -> Split:
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    out = Split()
    for i, chunk in enumerate(chunks):
        fixed = COUNTRY_FIXES.get(chunk, chunk)
        if i == 0 and chunk in ORG_KINDS:
            out.org_kind = chunk
        elif i == 0 and fixed in COUNTRIES:
            out.country = fixed
        elif chunk in SECTORS:
            if not (i == 0 and chunk in ORG_KINDS):
                out.sectors.append(chunk)
        elif i == 0:
            out.region = chunk  # CAMEO regions (MEA, SAS, WEU) and groupings
        elif fixed in COUNTRIES and chunk not in NOT_COUNTRIES and not out.country and out.org_kind:
            out.country = fixed  # MNCUSA, NGOUSA: the organisation's home country
    if not out.country and not out.org_kind and not out.region and out.sectors and block_country:
        out.country = COUNTRY_FIXES.get(block_country, block_country)
    return out
