"""The timex stage's word lists (lexicons/timex_*.tsv), read once and turned into regex alternations."""

from __future__ import annotations

import re

from ...lexicons.timex import TimeWords, cues, holidays, phrases, time_words

__all__ = [
    "TimeWords",
    "alternation",
    "cues",
    "holidays",
    "month_number",
    "number_value",
    "phrases",
    "time_words",
    "weekday_number",
]


def alternation(words: object, escape: bool = True) -> str:
    """A regex alternation of `words`, longest first so that 'a few' wins over 'a'."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    parts = [re.escape(w) if escape else w for w in items]
    return "(?:" + "|".join(p.replace(r"\ ", r"\s+") for p in parts) + ")"


def month_number(word: str) -> int:
    return int(time_words().of("month")[word.rstrip(".").lower()])


def weekday_number(word: str) -> int:
    return int(time_words().of("weekday")[word.lower()])


def number_value(text: str) -> float | None:
    """'3' -> 3, 'three' -> 3, 'twenty-five' -> 25, '5 1/2' -> 5.5, 'several' -> None (vague)."""
    t = re.sub(r"\s+", " ", text.lower().replace(",", "")).strip()
    numbers = time_words().of("number")
    if t in numbers:
        v = numbers[t]
        return None if v == "X" else float(v)
    m = re.fullmatch(r"(\d+)(?: (\d+)/(\d+))?", t)
    if m:
        whole = float(m.group(1))
        if m.group(2):
            whole += int(m.group(2)) / max(1, int(m.group(3)))
        return whole
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    total = 0.0
    for part in re.split(r"[- ]| and ", t):
        if not part:
            continue
        word = numbers.get(part)
        if word is None or word == "X":
            return None
        total = total * float(word) if word == "100" and total else total + float(word)
    return total
