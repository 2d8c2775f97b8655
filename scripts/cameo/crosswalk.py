"""The CAMEO -> PLOVER crosswalk (CAMEO2PLOVER-2021.txt), checked against the PLOVER v2.0 manual's mode and
context names, and the PLOVER mapping of a CAMEO code (a listed code, else its nearest listed parent)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# older PLOVER names the crosswalk may use (the v2.0 manual renamed them); INVESTIGATE becomes ACCUSE with
# mode investigate
OLD_TYPES = {
    "DEMAND": ("REQUEST", ""),
    "DISAPPROVE": ("ACCUSE", ""),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}
# the manual's table "PLOVER equivalents to CAMEO cue categories": 01 and 02 are dropped
DROPPED_ROOTS = {
    "01": "CAMEO 01 MAKE PUBLIC STATEMENT is dropped in PLOVER",
    "02": "CAMEO 02 APPEAL is dropped in PLOVER",
}

# Where the 2021 crosswalk (written for PLOVER draft 0.8) disagrees with the v2.0 manual, the manual wins;
# each change is printed by --report and marked in the `via` column ("v2.0").
V2_CODES = {
    # SANCTION, mode discontinue: "International (political or economic) sanctions are coded as
    # `discontinue'" (the crosswalk has COERCE restrict, which v2.0 keeps for restrictions on freedoms)
    "163": ("SANCTION", "discontinue", ("economic",)),
}
V2_MODES = {  # (type, crosswalk mode) -> the v2.0 mode that says the same
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "seize"): "destroy",  # 1712 destroy property
    ("COERCE", "ban"): "restrict",  # "the banning of individuals or organizations from political life"
    ("THREATEN", "ban"): "restrict",
}
V2_CONTEXTS = {"democracy": "pro_democracy"}


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str
    contexts: tuple[str, ...]
    via: str  # the crosswalk code used (the code itself or a parent)


def manual_names(manual: Path) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Modes per type and the general context names of the PLOVER v2.0 manual."""
    text = manual.read_text(encoding="utf-8")
    modes: dict[str, set[str]] = {t: set() for t in PLOVER_TYPES}
    for section in re.split(r"\\section\{", text)[1:]:
        name = section.split("}", 1)[0]
        if name not in modes:
            continue
        for table in re.findall(r"\\caption\{[^\n]*modes[^\n]*\n(.*?)\\end\{tabular\}", section, re.S):
            for line in table.splitlines():
                m = re.match(r"\s*([a-z][\w\-]*)\s*&", line)
                if m:
                    modes[name].add(m.group(1))
    modes["REJECT"] |= modes["REQUEST"]  # "These modes are shared with REQUEST"
    contexts = set()
    match = re.search(r"\\section\{Context codes.*?\\end\{tabular\}", text, re.S)
    if match:
        for m in re.finditer(r"^(?:\\hyperref\[[^\]]*\]\{)?([a-z][a-z\\_]*)\}?\s*&", match.group(0), re.M):
            contexts.add(m.group(1).replace("\\_", "_"))
    return {k: frozenset(v) for k, v in modes.items()}, frozenset(contexts)


def read_crosswalk(
    path: Path, modes: dict[str, frozenset[str]], contexts: frozenset[str], notes: list[str]
) -> tuple[dict[str, Plover], dict[str, str]]:
    """code -> Plover from the crosswalk's `CODE: TYPE, mode, context(s) # text` lines, and the two-digit
    section headers (`03: AGREE`). Values the v2.0 manual does not know are noted: a mode that is a context
    name moves to the contexts, any other unknown mode or context is kept out."""
    table: dict[str, Plover] = {}
    roots: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        m = re.fullmatch(r"(\d{2}):\s*([A-Z]+)", line)
        if m:
            roots.setdefault(m.group(1), m.group(2))
            continue
        m = re.fullmatch(r"(\d{3,4}):\s*(.*)", line)
        if not m:
            continue
        code, rest = m.group(1), m.group(2)
        parts = [p.strip() for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        type_, mode = parts[0].upper(), parts[1]
        ctx = [c.strip() for c in parts[2].split(";") if c.strip()]
        if type_ in OLD_TYPES:
            type_, forced = OLD_TYPES[type_]
            mode = mode or forced
        if code in V2_CODES:
            v2 = V2_CODES[code]
            notes.append(
                f"crosswalk line {number}: {code}: {type_} {mode!r} {ctx}"
                f" -> {v2[0]} {v2[1]!r} {list(v2[2])} (v2.0 manual)"
            )
            table.setdefault(code, Plover(v2[0], v2[1], v2[2], f"{code} (v2.0)"))
            continue
        if (type_, mode) in V2_MODES:
            notes.append(
                f"crosswalk line {number}: {code}: {type_} mode {mode!r}"
                f" -> {V2_MODES[type_, mode]!r} (v2.0 manual)"
            )
            mode = V2_MODES[type_, mode]
        for i, c in enumerate(ctx):
            if c in V2_CONTEXTS:
                notes.append(
                    f"crosswalk line {number}: {code}: context {c!r} -> {V2_CONTEXTS[c]!r} (v2.0 manual)"
                )
                ctx[i] = V2_CONTEXTS[c]
        if type_ not in PLOVER_TYPES:
            notes.append(f"crosswalk line {number}: {code}: unknown type {type_!r}, code left unmapped")
            continue
        if mode and mode not in modes[type_]:
            if mode in contexts:
                notes.append(
                    f"crosswalk line {number}: {code}: mode {mode!r} is a context name: moved to contexts"
                )
                ctx.insert(0, mode)
            else:
                notes.append(
                    f"crosswalk line {number}: {code}: {type_} has no mode {mode!r} in the v2.0 manual:"
                    " dropped"
                )
            mode = ""
        kept = []
        for c in ctx:
            if c in contexts:
                kept.append(c)
            else:
                notes.append(f"crosswalk line {number}: {code}: context {c!r} is not a v2.0 context: dropped")
        if code in table:
            notes.append(f"crosswalk line {number}: {code} listed again: the first entry is kept")
            continue
        table[code] = Plover(type_, mode, tuple(dict.fromkeys(kept)), code)
    return table, roots


def map_code(code: str, table: dict[str, Plover], roots: dict[str, str]) -> Plover | str:
    """The PLOVER mapping of a CAMEO code, or the reason there is none."""
    if not code.isdigit():
        return f"not a CAMEO code: {code!r}"
    if code[:2] in DROPPED_ROOTS:
        return DROPPED_ROOTS[code[:2]]
    probe = code
    while len(probe) >= 3:
        if probe in table:
            found = table[probe]
            return found if probe == code else Plover(found.type, found.mode, found.contexts, probe)
        probe = probe[:-1]
    root = code[:2]
    if root == "08":  # two sections: 081-083 CONCEDE, 084-087 RETREAT (the manual's table)
        if len(code) >= 3 and code[2] in "123":
            return Plover("CONCEDE", "", (), "08 (081-083)")
        if len(code) >= 3 and code[2] in "4567":
            return Plover("RETREAT", "", (), "08 (084-087)")
        return "08 YIELD is CONCEDE or RETREAT by its third digit, and this code has none"
    if root in roots:
        type_ = roots[root]
        type_, mode = OLD_TYPES.get(type_, (type_, ""))
        if type_ in PLOVER_TYPES:
            return Plover(type_, mode, (), root)
    return f"no crosswalk entry for {code} or a parent"
