#!/usr/bin/env python3
"""TempEval dev figures with and without the expressions whose gold value follows another convention.

    .venv/bin/newsgraph extract ../shared/dev/timex/dev.jsonl --format jsonl > /tmp/timex.jsonl
    .venv/bin/python bench/timex_conventions.py /tmp/timex.jsonl          # ../shared next to the repo
    .venv/bin/python bench/timex_conventions.py /tmp/timex.jsonl --shared /path/to/shared --list

newsgraph values some expressions as the project decided (issue 3, confirmed by issue 18's decision 1):
"last week" is an ISO week, "now" PRESENT_REF, "recently"/"lately" PAST_REF, "the coming weeks"
FUTURE_REF, "for years" PXY. The TempEval gold values many of these otherwise (a month, P1W, a date) or
leaves them out. This script finds, by their words, the gold expressions of those kinds whose gold value
is not of the decided form, removes them (and the predictions that overlap them) from both sides, also
removes predicted expressions of those kinds that the gold leaves untagged ("now", "recently"), and
runs the shared scorer on what is left, so the dev figure can be read without the convention conflict.
It prints both runs' figures and, with --list, the expressions it removed. Nothing is stored.

`timeml_conventions` (used by bench/timex_halves.py) reads the dev figures under issue 18's TimeML 1.2.1
conventions as well: the gold's "current", "currently" and "future", which TimeML does not tag, are left
out, and a predicted span that is the gold span plus a leading TimeML modifier the AQUAINT gold leaves
outside ("about", "nearly", "the", "early" ...) is cut back to the gold's start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dev_sets import Record, dev_set, score, score_records

#: (kind, words that make a gold expression one of that kind, the value newsgraph's convention gives)
CONVENTIONS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "week",
        re.compile(r"\b(last|this|next|past|previous|coming|that|the same) week\b", re.I),
        re.compile(r"^\d{4}-W\d{1,2}$"),
    ),
    ("now", re.compile(r"^(right )?now$", re.I), re.compile(r"^PRESENT_REF$")),
    ("recently", re.compile(r"^(recently|lately|of late)$", re.I), re.compile(r"^PAST_REF$")),
    (
        "coming",
        re.compile(r"\b(coming|next few|months ahead|years ahead|weeks ahead)\b", re.I),
        re.compile(r"^FUTURE_REF$"),
    ),
    (
        "for years",
        re.compile(r"^(for (years|decades|months|weeks)|years|decades)$", re.I),
        re.compile(r"^PX"),
    ),
)


#: What TimeML 1.2.1 puts inside an expression before its head (issue 18: the determiner, START/END/MID
#: modifiers, APPROX/MORE_THAN/LESS_THAN/EQUAL_OR_MORE quantifiers) and the AQUAINT dev gold often leaves
#: outside ("about [five hours]", "the [past 20 years]", "late [1980s]").
TIMEML_MODIFIERS = re.compile(
    r"(?i)(?:the\s+)?(?:(?:early|late|mid|earlier|later|about|around|approximately|roughly|nearly|almost|some|"
    r"over|under|just\s+over|just\s+under|well\s+over|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|close\s+to)(?:\s+|-))?(?:the\s+)?"
)


#: Words the dev gold tags and TimeML 1.2.1 does not (issue 18): "current", "currently", the adjective
#: "future" ("future plans"); "quarterly" as an adjective is not in the dev gold.
TIMEML_UNTAGGED = re.compile(r"(?i)current|currently|future")


def timeml_conventions(
    gold: list[Record], pred: dict[str, Record]
) -> tuple[list[Record], dict[str, Record], int, int]:
    """Gold and predictions read under issue 18's TimeML 1.2.1 conventions where the dev gold follows
    others: the gold expressions TimeML leaves untagged are removed (with the predictions overlapping
    them), and a prediction whose span is the gold span plus a leading TimeML modifier the gold leaves
    outside is cut back to the gold's start (only its extent changes, so only the strict figure moves).
    Returns the new gold, the new predictions, how many gold expressions were removed and how many
    spans were cut back."""
    gold_out, pred_out, removed, cut = [], {}, 0, 0
    for record in gold:
        text = record["text"]
        untagged = [t for t in record["timexes"] if TIMEML_UNTAGGED.fullmatch(t["text"].strip())]
        kept_gold = [t for t in record["timexes"] if t not in untagged]
        removed += len(untagged)
        gold_out.append(record | {"timexes": kept_gold})
        doc = pred.get(record["id"])
        if doc is None:
            continue
        timexes = []
        for p in doc.get("timexes", []):
            if any(overlaps(p, t) for t in untagged):
                continue
            for t in kept_gold:
                lead = text[p["start"] : t["start"]]
                if p["end"] == t["end"] and p["start"] < t["start"] and TIMEML_MODIFIERS.fullmatch(lead):
                    p = p | {"start": t["start"], "text": text[t["start"] : p["end"]]}
                    cut += 1
                    break
            timexes.append(p)
        pred_out[record["id"]] = doc | {"timexes": timexes}
    return gold_out, pred_out, removed, cut


def conflict(timex: dict[str, object]) -> str | None:
    """The convention a gold expression's value departs from, or None."""
    text, value = str(timex.get("text", "")).strip(), str(timex.get("value", ""))
    for kind, words, decided in CONVENTIONS:
        if words.search(text) and not decided.match(value):
            return kind
    return None


def convention_of(text: str) -> str | None:
    """The convention whose words a predicted expression is made of, if any."""
    for kind, words, _ in CONVENTIONS:
        if words.search(text.strip()):
            return kind
    return None


def overlaps(a: dict[str, int], b: dict[str, int]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def aligned(gold: list[Record], predicted: list[Record]) -> Iterator[tuple[Record | None, Record | None]]:
    """The error lists' pairing (bench/timex_halves.py, bench/timex_own.py): each gold expression with the
    first not yet paired prediction overlapping it (or None), then each prediction overlapping no gold
    expression (with None)."""
    used: set[int] = set()
    for t in gold:
        match = next((j for j, p in enumerate(predicted) if j not in used and overlaps(t, p)), None)
        if match is not None:
            used.add(match)
        yield t, None if match is None else predicted[match]
    for j, p in enumerate(predicted):
        if j not in used and not any(overlaps(p, t) for t in gold):
            yield None, p


def filtered(
    gold: list[Record], pred: dict[str, Record]
) -> tuple[list[Record], dict[str, Record], list[tuple[str, str, str, object]]]:
    removed: list[tuple[str, str, str, object]] = []
    gold_out, pred_out = [], {}
    for record in gold:
        drop = [(t, conflict(t)) for t in record["timexes"]]
        drop = [(t, k) for t, k in drop if k]
        removed += [(record["id"], str(k), t["text"], t["value"]) for t, k in drop]
        gold_out.append(record | {"timexes": [t for t in record["timexes"] if not conflict(t)]})
        doc = pred.get(record["id"])
        if doc is not None:
            kept = []
            for p in doc.get("timexes", []):
                if any(overlaps(p, t) for t, _ in drop):
                    continue
                kind = convention_of(str(p.get("text", "")))
                if kind and not any(overlaps(p, t) for t in record["timexes"]):
                    # An expression the convention tags and this gold leaves untagged ("now", "recently").
                    removed.append((record["id"], f"{kind} (not in gold)", p["text"], p.get("value")))
                    continue
                kept.append(p)
            pred_out[record["id"]] = doc | {"timexes": kept}
    return gold_out, pred_out, removed


_BARE_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_BARE_MONTH = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)",
    re.I,
)
#: Which gold sides agree with which direction of the rule (the anchor's own day or month agrees with both)
_AGREES = {"past": ("past", "same"), "future": ("future", "same"), "present": ("future", "same")}


def _gold_side(value: str, dct: str, weekday: bool) -> str | None:
    """Where a bare weekday's or month's gold value lies from the document date: past, same or future."""
    try:
        anchor = dt.date.fromisoformat(dct[:10])
        if weekday:
            day = dt.date.fromisoformat(value[:10])
        else:
            day, anchor = dt.date(int(value[:4]), int(value[5:7]), 1), anchor.replace(day=1)
    except ValueError:
        return None
    return "past" if day < anchor else "future" if day > anchor else "same"


def direction_table(records: list[Record]) -> list[str]:
    """Issue 18's general rule, checked on gold: a bare weekday or month takes its direction from the tense
    of the verb that governs it (stages/timex/tense.py reads it from the parse). For each gold DATE that is
    a bare weekday or month name, the rule's direction against the side of the document date its gold value
    lies on. Loads the spaCy model."""
    from newsgraph.nlp.loader import load_nlp
    from newsgraph.stages.timex.tense import direction_at

    nlp = load_nlp()
    counts: dict[tuple[str, str, str], int] = {}
    for record in records:
        text, doc = record["text"], None
        for t in record["timexes"]:
            extent = text[t["start"] : t["end"]].strip()
            weekday = bool(_BARE_WEEKDAY.fullmatch(extent))
            if t["type"] != "DATE" or not (weekday or _BARE_MONTH.fullmatch(extent)):
                continue
            side = _gold_side(str(t.get("value") or ""), str(record.get("dct") or ""), weekday)
            if side is None:
                continue
            doc = doc if doc is not None else nlp(text)
            rule: str = direction_at(doc, t["start"], t["end"], text)
            key = ("weekday" if weekday else "month", rule, side)
            counts[key] = counts.get(key, 0) + 1
    lines = ["kind     rule     gold side  count  agrees"]
    agree = total = 0
    for (kind, rule, side), n in sorted(counts.items()):
        ok = side in _AGREES.get(rule, ("past", "same", "future"))
        agree, total = agree + (n if ok else 0), total + n
        lines.append(f"{kind:8} {rule:8} {side:10} {n:5}  {'yes' if ok else 'NO'}")
    lines.append(f"agree: {agree} of {total} (a rule direction 'none' agrees with any side)")
    return lines


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("predictions", type=Path, help="newsgraph extract output for the timex dev set (JSONL)")
    a.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    a.add_argument("--list", action="store_true", help="print the gold expressions left out")
    args = a.parse_args(argv)
    dev = dev_set(args.shared, "timex", "TempEval", args.predictions)
    if dev is None:
        return 0
    gold_path, scorer, gold, pred = dev
    gold_out, pred_out, removed = filtered(gold, pred)
    with tempfile.TemporaryDirectory() as tmp:
        without = score_records(scorer, "timex", gold_out, pred_out, Path(tmp), "without")
        print(f"all expressions:            {score(scorer, 'timex', gold_path, args.predictions)}")
        print(f"without {len(removed):3d} conflicting: {without}")
    kinds: dict[str, int] = {}
    for _, kind, _, _ in removed:
        kinds[kind] = kinds.get(kind, 0) + 1
    print("left out by kind:", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if args.list:
        for doc_id, kind, text, value in removed:
            print(f"  {doc_id}\t{kind}\t{text!r}\tgold {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
