"""Compare a claim's amounts and dates with the aligned source sentences (the rest of the comparison is
in compare.py): an amount of the same thing or a date that differs contradicts; one the sources never
give anywhere is `not_in_sources`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .compare import Finding, q
from .features import Number, same_number
from .units import Unit


def _unit_class(n: Number) -> str:
    if n.unit in ("%", "percent", "per"):
        return "share"
    if n.unit is not None and not n.unit[:1].isalpha():
        return "money"  # "$", "£": the currency sign is the counted unit
    return "count"


def related_units(a: Number, b: Number, shared_actor: bool, similar: Callable[[str, str], bool]) -> bool:
    """Amounts of the same thing: the same counted noun (or one not given), or, in a sentence about the
    claim's actors, an amount of the same kind ("1,500 troops" and "hundreds of Wagner contractors")."""
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return True
    if _unit_class(a) != _unit_class(b):
        return False
    return shared_actor or similar(a.unit, b.unit)


def amounts(claim: Unit, aligned: Sequence[Unit], everywhere: Sequence[Number],
            similar: Callable[[str, str], bool]) -> list[Finding]:  # fmt: skip
    """An amount must agree with the amounts of the same thing in the aligned sentences; one the sources
    never give anywhere is not in them."""
    out = []
    for num in claim.numbers:
        same_thing = [
            (u, m)
            for u in aligned
            for m in u.numbers
            if related_units(num, m, bool(claim.keys & u.keys), similar)
        ]
        # The amount most surely of the same thing first: of the same noun, then in the sentence that
        # shares most of the claim's actors.
        same_thing.sort(key=lambda um: (um[1].unit != num.unit, -len(claim.keys & um[0].keys)))
        if any(same_number(num, m) for _, m in same_thing):
            continue
        mine = num.phrase or num.text
        if same_thing:
            u, m = same_thing[0]
            out.append(
                Finding(
                    "number",
                    "contradicted",
                    0.85,
                    f"number differs: sources say {q(m.phrase or m.text)}, not {q(mine)}",
                    u,
                )
            )
        elif not any(same_number(num, m) for m in everywhere):
            out.append(
                Finding("absent_number", "not_in_sources", 0.7, f"the sources never give {q(mine)}", None)
            )
    return out


def dates(
    claim: Unit, aligned: Sequence[Unit], everywhere: Sequence[tuple[str, str | None]]
) -> list[Finding]:
    out = []
    for text, value in claim.dates:
        if any(_same_date(text, value, t, v) for t, v in everywhere):
            continue
        if value and value[:1].isdigit():
            shown = next(
                (
                    (u, d)
                    for u in aligned
                    for d in u.dates
                    if d[1] and d[1][:1].isdigit() and _comparable(value, d[1])
                ),
                None,
            )
        elif _frame(text) != text.casefold().split():
            # Unresolved but counted ("35 years ago"): another count in the same frame contradicts it.
            shown = next(((u, d) for u in aligned for d in u.dates if _frame(d[0]) == _frame(text)), None)
            if shown is None:
                continue
        else:
            continue  # "that night", "recently": unresolved and vague, nothing to compare
        if shown is not None:
            u, (t, _) = shown
            out.append(
                Finding("date", "contradicted", 0.8, f"date differs: sources say {q(t)}, not {q(text)}", u)
            )
        else:
            out.append(
                Finding(
                    "absent_date", "not_in_sources", 0.6, f"the sources never give the date {q(text)}", None
                )
            )
    return out


def _comparable(a: str, b: str) -> bool:
    """Two resolved dates of the same grain can disagree; "2023" does not contradict "2023-08-02"."""
    return len(a) == len(b) or (len(a) >= 10 and len(b) >= 10)


_COUNT_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "last",
        "next",
    ]
)


def _frame(text: str) -> list[str]:
    """A time expression without its counts: "35 years ago" -> ["years", "ago"]."""
    words = text.casefold().replace("-", " ").split()
    return [w for w in words if not w[:1].isdigit() and w not in _COUNT_WORDS and w != "the"]


def _same_date(text: str, value: str | None, other_text: str, other_value: str | None) -> bool:
    if value and other_value:
        return other_value.startswith(value) or value.startswith(other_value)
    return text.casefold() == other_text.casefold()
