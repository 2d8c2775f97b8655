"""Money counted in one state's own currency says where a story happens: "a grant of 1.2 million pa'anga",
"paid 2,500 tenge for the ticket", "18 million denars" are counted in Tonga, Kazakhstan and North
Macedonia. A local story of a small country often names none of its towns the gazetteer knows (a village, a
district) and names the donor, the buyer or the visitor's country by name, so its places alone set it
abroad; its money sets it at home.

A currency is read only after an amount (a number written in figures or "million", "billion", "thousand":
not a year, "in 2019 won"), and only a currency of one state (lexicons/currencies.tsv: not "dollar",
"peso", "franc", "rupee", which many states share). homes.py counts each as a mention of its state's
places (`money_states`), as many as the places it names.
"""

from __future__ import annotations

import functools
import re

from ...lexicons.entities import currencies

# An amount ending right before the currency: figures ("2,500", "1.2", "40") or a large number's word.
# Figures that read as a year (1900-2099 alone) are no amount: "who in 2019 won the title".
_AMOUNT = r"(?:(?<![\d,.])(?!(?:19|20)\d\d\s)\d[\d,.]*|\b(?:thousand|million|billion|trillion|bn|m))"
# The amount a currency that is an English word too needs: a comma in its figures or a large number's word
# ("25,000 won", "2 million kip"; not "3 won races").
_LARGE = re.compile(r"(?:\d,\d{3}|thousand|million|billion|trillion|bn|m)\Z")


@functools.cache
def _pattern() -> re.Pattern[str]:
    forms = sorted(currencies().country_of, key=len, reverse=True)
    words = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?P<amount>{_AMOUNT})\s+(?P<currency>{words})(?![\w'ʻ])")


def currency_mentions(text: str) -> dict[int, tuple[int, str]]:
    """Start of each currency of one state written after an amount -> (its end, the state's code)."""
    table = currencies()
    return {
        m.start("currency"): (m.end("currency"), table.country_of[m.group("currency")])
        for m in _pattern().finditer(text)
        if m.group("currency") not in table.homographs or _LARGE.search(m.group("amount"))
    }


@functools.lru_cache(maxsize=16)
def money_states(text: str) -> tuple[str, ...]:
    """The state of each amount of `text` in one state's own currency, in text order: read once per
    document, though the story's home is asked for by several stages."""
    return tuple(country for _, country in currency_mentions(text).values())
