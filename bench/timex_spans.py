"""Half A's exact-span losses by class, for `timex_halves.py --spans` (issue 18).

The exact-span F1 counts an expression right only where both ends agree, so every missed expression,
every spurious one and every matched one with another extent costs it. This module sorts half A's such
cases (never half B's) into classes, and each class into the part the TempEval gold's conventions
explain and the part they do not:

- missing: a gold expression no prediction overlaps; a convention where TimeML 1.2.1 leaves the word
  untagged ("current", "future": `timex_conventions.TIMEML_UNTAGGED`);
- spurious: a prediction no gold expression overlaps; a convention where it is the date of a wire
  story's dateline (newsgraph.nlp.datelines; the gold tags them in half B and leaves them in half A:
  bench/README.md, thirteenth session) or a vague plural the lead's decision 3 types a stretch ("recent
  years");
- too long: the prediction holds the gold span and more; a convention where the more is a leading
  TimeML modifier the gold leaves outside ("about", "the", "early": what `timeml_conventions` cuts back)
  or "the past" (the gold holds "past" elsewhere), or a weekday's part of the day (the lead's decision:
  inside, as 10 of 13 in the gold);
- too short: the gold span holds the prediction and more; a convention where the more is only
  punctuation or a possessive "'s", which TimeML 1.2.1 leaves outside;
- shifted: the spans overlap and neither holds the other.

Each line prints the count, how many of them the conventions explain, and the expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dev_sets import Record, half
from timex_conventions import TIMEML_MODIFIERS, TIMEML_UNTAGGED, aligned

from newsgraph.nlp.datelines import find_datelines, lead_in_end

_RECENT = re.compile(r"(?i)recent\s+\w+s")
# "the past four years" against the gold's "four years": the gold holds "past" elsewhere ("past 20 years"),
# so where it leaves it out is its own inconsistency, not a rule of ours
_THE_POSITION = re.compile(r"(?i)(?:the\s+)?(?:past|last|next|coming)\s+")
_PART_OF_DAY = re.compile(r"(?i)\s+(?:morning|afternoon|evening|night)")
_OUTSIDE_BY_TIMEML = re.compile(r"[\s,.;:'\"]*|['’]s")

CLASSES = ("missing", "spurious", "too long", "too short", "shifted")


def _convention(kind: str, text: str, gold: Record | None, pred: Record | None) -> bool:
    """Whether the TempEval gold's conventions (or the lead's decisions) explain this loss."""
    if kind == "missing" and gold is not None:
        return bool(TIMEML_UNTAGGED.fullmatch(gold["text"].strip()))
    if kind == "spurious" and pred is not None:
        dateline = any(
            d.delimiter == "date" and d.end <= pred["start"] and pred["end"] <= lead_in_end(text, d)
            for d in find_datelines(text)
        )
        return bool(dateline or _RECENT.fullmatch(str(pred.get("text", ""))))
    if gold is None or pred is None:
        return False
    if kind == "too long":
        lead, tail = text[pred["start"] : gold["start"]], text[gold["end"] : pred["end"]]
        return bool(
            (not tail and (TIMEML_MODIFIERS.fullmatch(lead) or _THE_POSITION.fullmatch(lead)))
            or (not lead and _PART_OF_DAY.fullmatch(tail))
        )
    if kind == "too short":
        lead, tail = text[gold["start"] : pred["start"]], text[pred["end"] : gold["end"]]
        return not lead and bool(_OUTSIDE_BY_TIMEML.fullmatch(tail))
    return False


def _kind(gold: Record | None, pred: Record | None) -> str | None:
    if gold is None:
        return "spurious"
    if pred is None:
        return "missing"
    if (pred["start"], pred["end"]) == (gold["start"], gold["end"]):
        return None
    if pred["start"] <= gold["start"] and pred["end"] >= gold["end"]:
        return "too long"
    if gold["start"] <= pred["start"] and gold["end"] >= pred["end"]:
        return "too short"
    return "shifted"


def span_losses(gold: list[Record], pred: dict[str, Record]) -> Iterator[tuple[str, bool, str]]:
    """(class, explained by a convention, what to show) for each of half A's span losses."""
    for record in gold:
        if half(record["id"]) != "A":
            continue  # never read half B
        predicted = (pred.get(record["id"]) or {}).get("timexes") or []
        for t, p in aligned(record["timexes"], predicted):
            kind = _kind(t, p)
            if kind is None:
                continue
            shown = " -> ".join(repr(x["text"]) for x in (t, p) if x is not None)
            yield kind, _convention(kind, record["text"], t, p), shown


def span_counts(gold: list[Record], pred: dict[str, Record]) -> list[str]:
    """One line per class (count, of them conventions), then its expressions marked C (convention) or O
    (ours: a rule's miss, or a gold expression TimeML would value or bound otherwise)."""
    losses = list(span_losses(gold, pred))
    lines = []
    for kind in CLASSES:
        mine = [(c, shown) for k, c, shown in losses if k == kind]
        lines.append(f"{kind}: {len(mine)}, of them conventions {sum(c for c, _ in mine)}")
        lines += [f"    {'C' if c else 'O'} {shown}" for c, shown in mine]
    return lines
