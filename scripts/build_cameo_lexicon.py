"""Build src/newsgraph/lexicons/cameo_*.tsv from the CAMEO verb dictionary and the CAMEO -> PLOVER crosswalk.

    python scripts/build_cameo_lexicon.py [--cameo DIR] [--plover DIR] [--report]

DIR (--cameo) defaults to ../shared/reference/cameo beside the repo: PETRARCH2's CAMEO verb pattern
dictionary (CAMEO.2.0.verbs.txt, MIT) and the PLOVER project's CAMEO -> PLOVER crosswalk
(CAMEO2PLOVER-2021.txt, CC BY-SA 4.0). --plover (default ../shared/reference/plover) holds the PLOVER
manual, read only for the v2.0 mode and context names the crosswalk's values are checked against.

Writes three files (issue 13, "A large independent lexicon"):
- cameo_verbs.tsv: one row per (verb lemma, pattern): the verb's own default (empty pattern) and every
  pattern line of its block (PETRARCH applies a block's patterns to all its verbs; `attested` = 1 when the
  pattern's comment names this verb, i.e. it was written for it). Codes go through the crosswalk.
- cameo_nouns.tsv: event nouns: nouns a pattern names after the verb (`cameo-pattern`), members of the
  synonym sets such a pattern uses (`cameo-synset`), and nominalisations of the verbs derived here
  (`nominalisation`), each with the PLOVER type of the code it came with.
- cameo_synsets.tsv: the synonym sets (`&NAME`), so the `&NAME` references kept in cameo_verbs.tsv's
  `words` can be expanded by the reader (expanding them in the file would multiply it by ~100).

Because the type/mode/contexts columns come through the crosswalk (CC BY-SA 4.0), the generated files are
shared under CC BY-SA 4.0 (their headers say so). Deterministic: sorted rows, no timestamps; a re-run on
the same sources gives the same bytes. --report prints the counts and the coverage of the hand-written
trigger lexicon (lexicons/plover_triggers.tsv) instead of only a summary.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "newsgraph" / "lexicons"
DEFAULT_CAMEO = ROOT.parent / "shared" / "reference" / "cameo"
DEFAULT_PLOVER = ROOT.parent / "shared" / "reference" / "plover"
VERBS_FILE = "CAMEO.2.0.verbs.txt"
CROSSWALK_FILE = "CAMEO2PLOVER-2021.txt"
MANUAL_FILE = "PLOVER_MANUAL.tex"
COMMAND = "python scripts/build_cameo_lexicon.py"

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

HEADER_SOURCES = (
    "Sources: the CAMEO verb pattern dictionary of PETRARCH2 (openeventdata/petrarch2 commit"
    " 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/CAMEO.2.0.txt; MIT, Copyright (c)"
    " 2015 Open Event Data Alliance) and the CAMEO -> PLOVER crosswalk of the PLOVER project"
    " (openeventdata/PLOVER commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f, CAMEO2PLOVER-2021.txt; CC BY-SA"
    " 4.0, Open Event Data Alliance); mode and context names checked against the PLOVER v2.0 manual (same"
    " commit, CC BY-SA 4.0).",
    "Licence: this file adapts the crosswalk (the type, mode and contexts columns), so it is shared under"
    " Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0,"
    " https://creativecommons.org/licenses/by-sa/4.0/); the CAMEO words and patterns also keep PETRARCH2's"
    " MIT"
    " notice (THIRD_PARTY.md). Changes: parsed, lower-cased, codes mapped to PLOVER v2.0, nouns derived.",
    f"Built by: {COMMAND} (do not edit by hand; change the script and re-run it).",
)


class BuildError(Exception):
    pass


# ---------------------------------------------------------------- the crosswalk


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


# ---------------------------------------------------------------- the verb dictionary


@dataclass
class Pattern:
    line: int
    text: str  # readable, normalised
    words: tuple[str, ...]
    prepositions: tuple[str, ...]
    code: str  # as written in the brackets
    comment_verbs: tuple[str, ...]
    objects: tuple[tuple[str, bool], ...]  # (noun phrase after the verb, it names a synonym set)


@dataclass
class Verb:
    lemma: str
    forms: tuple[str, ...]
    code: str  # own code, or "" for the block's
    line: int


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def norm_word(word: str) -> str:
    """A dictionary word or phrase as text: lower case, `_` between words a space, a leading `+` (multi-word
    marker) and a trailing `_` (PETRARCH's "no regular forms") dropped; RE_X is re-x."""
    word = word.strip().lstrip("+").rstrip("_")
    if word.startswith("&"):
        return "&" + word[1:].upper()
    if word.upper().startswith("RE_"):
        word = "RE-" + word[3:]
    return " ".join(p for p in word.lower().split("_") if p)


_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_CODE = re.compile(r"\[([^\]]*)\]")
SYMBOLS = {"*", "$", "+", "%", "^"}
# words after the verb that are not nouns naming an event or its object (particles, adverbs, adjectives,
# function words): kept in `words`, never offered as nouns
NOT_NOUNS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "himself",
        "herself",
        "itself",
        "themselves",
        "up",
        "down",
        "off",
        "out",
        "in",
        "on",
        "over",
        "back",
        "away",
        "forward",
        "aside",
        "together",
        "again",
        "along",
        "around",
        "through",
        "into",
        "onto",
        "upon",
        "about",
        "against",
        "for",
        "from",
        "with",
        "without",
        "to",
        "of",
        "by",
        "at",
        "as",
        "under",
        "before",
        "after",
        "between",
        "behind",
        "across",
        "not",
        "no",
        "more",
        "less",
        "further",
        "also",
        "still",
        "even",
        "very",
        "well",
        "soon",
        "now",
        "then",
        "here",
        "there",
        "ahead",
        "apart",
        "so",
        "free",
        "open",
        "closed",
        "uncertain",
        "positively",
        "clear",
        "ready",
        "able",
        "likely",
        "new",
        "old",
        "high",
        "low",
        "full",
        "public",
        "illegally",
        "jointly",
        "formally",
        "publicly",
        "officially",
        "strongly",
    ]
)


def parse_pattern(body: str, line: int, comment: str, code: str) -> Pattern:
    body = re.sub(r"_?\*_?", " * ", body)  # *_LAWS, SPY_*_DEAL
    tokens = _TOKEN.findall(body)
    out: list[str] = []
    words: list[str] = []
    preps: list[str] = []
    objects: list[tuple[str, bool]] = []
    seen_verb = False
    in_paren = False
    paren_first = False
    brace: list[str] | None = None
    for tok in tokens:
        if tok == "(":
            in_paren, paren_first = True, True
            out.append("(")
            continue
        if tok == ")":
            in_paren = False
            out.append(")")
            continue
        if tok == "{":
            brace = []
            continue
        if tok == "}":
            if brace:
                phrase = " ".join(brace)
                out.append("{" + phrase + "}")
                words.append(phrase)
                if seen_verb:
                    objects.append((phrase, any(w.startswith("&") for w in brace)))
            brace = None
            paren_first = False
            continue
        if tok == "*":
            seen_verb = True
            out.append("*")
            continue
        if tok in SYMBOLS:
            out.append(tok)
            paren_first = False
            continue
        word = norm_word(tok)
        if not word:
            continue
        if brace is not None:
            brace.append(word)
            continue
        out.append(word)
        if in_paren and paren_first and not word.startswith("&"):
            preps.append(word)
            paren_first = False
            continue
        paren_first = False
        words.append(word)
        is_set = word.startswith("&")
        nominal = is_set or (word not in NOT_NOUNS and not word.endswith("ly") and not word.startswith("to "))
        if seen_verb and nominal:
            objects.append((word, is_set))
    text = " ".join(out).replace("( ", "(").replace(" )", ")")
    verbs = tuple(norm_word(w) for w in re.findall(r"[A-Z][A-Z_'+-]*", comment)[:1])
    return Pattern(line, text, tuple(words), tuple(preps), code, verbs, tuple(objects))


def read_dictionary(path: Path, notes: list[str]) -> tuple[dict[str, list[tuple[str, int]]], list[Block]]:
    synsets: dict[str, list[tuple[str, int]]] = {}
    blocks: list[Block] = []
    section = ""
    current_set: str | None = None
    block: Block | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        stripped = raw.strip()
        if stripped.startswith("####"):
            section = (
                "synsets" if "SYNONYM" in stripped else "verbs" if "VERB PATTERNS" in stripped else "other"
            )
            if section == "other":
                notes.append(
                    f"dictionary line {number}: {stripped.strip('# ')!r} section skipped"
                    " (PETRARCH2 transformations, not patterns)"
                )
            continue
        comment = ""
        if "#" in raw:
            raw, comment = raw.split("#", 1)
        raw = raw.split(";", 1)[0].rstrip()
        line = raw.strip()
        if not line:
            if section == "synsets":
                current_set = None
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = line.split()[0].upper()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append((norm_word(line.split()[0]), number))
            continue
        if section != "verbs":
            continue
        m = re.fullmatch(r"---\s*(\S+)\s*\[([^\]]*)\]\s*---", line)
        if m:
            block = Block(m.group(1), m.group(2).strip(), number)
            blocks.append(block)
            continue
        if block is None:
            notes.append(f"dictionary line {number}: outside a block: skipped")
            continue
        if line.startswith("-"):
            codes = _CODE.findall(line)
            if not codes:
                notes.append(f"dictionary line {number}: pattern without a code: skipped")
                continue
            body = _CODE.sub(" ", line[1:])
            block.patterns.append(parse_pattern(body, number, comment, codes[-1].strip()))
            continue
        m = re.fullmatch(r"(\+?[A-Za-z][A-Za-z_'.+-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", line)
        if not m:
            notes.append(f"dictionary line {number}: not a verb line: {line!r} skipped")
            continue
        forms = tuple(sorted({norm_word(f) for f in (m.group(2) or "").split() if norm_word(f)}))
        block.verbs.append(Verb(norm_word(m.group(1)), forms, (m.group(3) or "").strip(), number))
    return synsets, blocks


def split_code(written: str) -> tuple[str, str, bool]:
    """(code for the row, the paired code, the event runs target -> source). `042:043` is 042 and, the
    other way round, 043; `:173` is 173 from the target to the source; `080!` is 080; `---` is none."""
    written = written.strip().rstrip("!")
    if written.startswith("-"):
        return "", "", False
    if ":" in written:
        first, second = (p.strip() for p in written.split(":", 1))
        if not first:
            return second, "", True
        return first, second, False
    return written, "", False


# ---------------------------------------------------------------- nominalisations

# a verb's noun when no suffix rule makes it (or the rule's result is not the noun in use); checked like
# the rest: the noun must occur in the dictionary, except the plural-only nouns of the last line
IRREGULAR_NOUNS = {
    "sell": ("sale",),
    "talk": ("talks",),
    "sanction": ("sanctions",),
    "threaten": ("threat",),
    "withdraw": ("withdrawal",),
    "deny": ("denial",),
    "refuse": ("refusal",),
    "approve": ("approval",),
    "propose": ("proposal",),
    "arrive": ("arrival",),
    "remove": ("removal",),
    "renew": ("renewal",),
    "seize": ("seizure",),
    "fail": ("failure",),
    "pursue": ("pursuit",),
    "complain": ("complaint",),
    "restrain": ("restraint",),
    "succeed": ("success",),
    "defend": ("defence", "defense"),
    "offend": ("offence", "offense"),
    "pay": ("payment",),
    "die": ("death",),
    "bear": ("birth",),
    "grow": ("growth",),
    "choose": ("choice",),
    "lose": ("loss",),
    "fly": ("flight",),
    "sue": ("suit",),
    "prove": ("proof",),
    "advise": ("advice",),
    "expel": ("expulsion",),
    "repel": ("repulsion",),
    "compel": ("compulsion",),
    "destroy": ("destruction",),
    "describe": ("description",),
    "intervene": ("intervention",),
    "convene": ("convention",),
    "detain": ("detention",),
    "retain": ("retention",),
    "abstain": ("abstention",),
    "maintain": ("maintenance",),
    "sustain": ("sustenance",),
    "assume": ("assumption",),
    "resume": ("resumption",),
    "consume": ("consumption",),
    "invade": ("invasion",),
    "evade": ("evasion",),
    "persuade": ("persuasion",),
    "erode": ("erosion",),
    "explode": ("explosion",),
    "collide": ("collision",),
    "decide": ("decision",),
    "divide": ("division",),
    "provide": ("provision",),
    "conclude": ("conclusion",),
    "exclude": ("exclusion",),
    "include": ("inclusion",),
    "intrude": ("intrusion",),
    "extend": ("extension",),
    "suspend": ("suspension",),
    "comprehend": ("comprehension",),
    "admit": ("admission",),
    "commit": ("commitment",),
    "permit": ("permission",),
    "submit": ("submission",),
    "omit": ("omission",),
    "transmit": ("transmission",),
    "emit": ("emission",),
    "oppose": ("opposition",),
    "impose": ("imposition",),
    "depose": ("deposition",),
    "dispose": ("disposal",),
    "compose": ("composition",),
    "receive": ("receipt", "reception"),
    "conceive": ("conception",),
    "deceive": ("deception",),
    "pressure": ("pressure",),
    "bomb": ("bombing",),
    "shell": ("shelling",),
    "shoot": ("shooting",),
    "kill": ("killing",),
    "meet": ("meeting",),
    "rule": ("ruling",),
    "hear": ("hearing",),
    "recapture": ("recapture",),
    "negotiate": ("negotiations",),
    "hostility": (),
    "elect": ("elections",),
}
# derivations that pass the checks but are not the verb's event noun: verbs the dictionary writes after a
# preposition (`(TO WITHDRAW)`), false stems (fine -> final), and nouns of another sense (govern ->
# government); read off the generated list by hand
NOT_NOMINAL = frozenset(
    [
        "agree",
        "allow",
        "analyse",
        "assurence",
        "base",
        "best",
        "celebrate",
        "commitment",
        "confidence",
        "congratulate",
        "construction",
        "convict",
        "corruption",
        "demonstrate",
        "deport",
        "difference",
        "disarm",
        "expect",
        "final",
        "finance",
        "go",
        "government",
        "head",
        "impact",
        "inspect",
        "intervene",
        "investigate",
        "issue",
        "join",
        "lead",
        "leave",
        "leaving",
        "mine",
        "name",
        "negotiate",
        "occupy",
        "option",
        "place",
        "protect",
        "reason",
        "recognize",
        "relation",
        "residence",
        "resign",
        "show",
        "shoot",
        "suspect",
        "table",
        "withdraw",
    ]
)
PLURAL_ONLY = frozenset({"talks", "sanctions", "negotiations", "elections", "hostilities", "reparations"})


def derived_nouns(lemma: str) -> list[str]:
    """Candidate nouns of a verb lemma by the regular English suffixes (and the irregular table)."""
    out: list[str] = list(IRREGULAR_NOUNS.get(lemma, ()))
    stem_e = lemma[:-1] if lemma.endswith("e") else lemma
    out.append(lemma)  # zero derivation: attack, visit, request, charge, strike, protest
    if lemma.endswith("ate"):
        out.append(lemma[:-1] + "ion")  # negotiate -> negotiation
    elif lemma.endswith(("ise", "ize")):
        out.append(lemma[:-1] + "ation")  # mobilize -> mobilization
    elif lemma.endswith("ify"):
        out.append(lemma[:-1] + "ication")  # ratify -> ratification
    elif lemma.endswith("y"):
        out.append(lemma[:-1] + "ial")
    elif lemma.endswith(("ct", "pt", "rt", "st")):
        out.append(lemma + "ion")  # protect -> protection, assert -> assertion
    elif lemma.endswith("ss"):
        out.append(lemma + "ion")  # discuss -> discussion
    out.append(stem_e + "ation")  # condemn -> condemnation, accuse -> accusation
    out.append(lemma + "ment")  # agree -> agreement
    out.append(stem_e + "al")  # withdraw -> withdrawal, approve -> approval
    out.append(stem_e + "ance")  # assist -> assistance
    out.append(stem_e + "ence")
    out.append(stem_e + "ure")  # close -> closure
    out.append((lemma[:-2] + "ing") if lemma.endswith("ie") else (stem_e + "ing"))  # killing, bombing
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and len(lemma) <= 5:
        out.append(lemma + lemma[-1] + "ing")  # rob -> robbing (doubled consonant)
    return list(dict.fromkeys(n for n in out if n))


def plural_forms(noun: str) -> tuple[str, ...]:
    if noun.endswith(("s", "x", "ch", "sh")):
        return (noun + "es",)
    if re.search(r"[^aeiou]y$", noun):
        return (noun[:-1] + "ies",)
    return (noun + "s",)


# ---------------------------------------------------------------- building the rows

# The columns the reader (newsgraph.lexicons.cameo) checks the files against: one definition for both.
from newsgraph.lexicons.cameo import NOUN_COLUMNS, SYNSET_COLUMNS, VERB_COLUMNS  # noqa: E402


@dataclass
class Result:
    verbs: list[dict[str, str]]
    nouns: list[dict[str, str]]
    synsets: list[dict[str, str]]
    unmapped: Counter[tuple[str, str]]
    notes: list[str]


def build(cameo: Path, plover: Path) -> Result:
    notes: list[str] = []
    modes, contexts = manual_names(plover / MANUAL_FILE)
    table, roots = read_crosswalk(cameo / CROSSWALK_FILE, modes, contexts, notes)
    synsets, blocks = read_dictionary(cameo / VERBS_FILE, notes)
    unmapped: Counter[tuple[str, str]] = Counter()
    cameo_words: set[str] = set()  # every word a pattern or set names, to check derived nouns against
    for members in synsets.values():
        cameo_words.update(m for m, _ in members)
    object_heads: set[str] = {m for members in synsets.values() for m, _ in members}  # nouns for sure
    for block in blocks:
        for p in block.patterns:
            for w in p.words:
                if not w.startswith("&"):
                    cameo_words.add(w)
                    cameo_words.update(w.split())
            object_heads.update(phrase.split()[-1] for phrase, is_set in p.objects if not is_set)

    def mapped(written: str) -> tuple[dict[str, str], Plover | None]:
        code, paired, reverse = split_code(written)
        shown = written if written.strip() != code else ""
        base = {
            "cameo": code,
            "code_as_written": shown,
            "paired_cameo": paired,
            "reverse": "1" if reverse else "",
        }
        if not code:
            return {**base, "type": "", "mode": "", "contexts": "", "not_event": "1", "via": ""}, None
        result = map_code(code, table, roots)
        if isinstance(result, str):
            unmapped[(code, result)] += 1
            return base, None
        row = {
            **base,
            "type": result.type,
            "mode": result.mode,
            "contexts": "|".join(result.contexts),
            "not_event": "",
            "via": result.via if result.via != code else "",
        }
        return row, result

    verbs: list[dict[str, str]] = []
    nouns: list[dict[str, str]] = []
    verb_types: dict[str, Counter[tuple[str, str, str, str]]] = defaultdict(Counter)  # lemma -> pattern codes
    verb_default: dict[str, tuple[dict[str, str], int]] = {}
    dropped_default: set[str] = set()
    for block in blocks:
        block_verbs = sorted({v.lemma for v in block.verbs})
        for verb in block.verbs:
            written = verb.code or block.code
            row, _ = mapped(written)
            if "type" in row:
                full = {
                    "lemma": verb.lemma, "pattern": "", "words": "", "preposition": "",
                    "source_line": str(verb.line), "attested": "1", "forms": "|".join(verb.forms), **row,
                }  # fmt: skip
                verbs.append(full)
                if not row["not_event"]:
                    verb_default.setdefault(verb.lemma, (full, verb.line))
            else:
                dropped_default.add(verb.lemma)  # e.g. ASK [020]: its nouns get no type from its patterns
        light = not (block.code and not block.code.startswith("-"))
        for p in block.patterns:
            row, result = mapped(p.code)
            if "type" not in row:
                continue
            for verb in block.verbs:
                verbs.append({
                    "lemma": verb.lemma, "pattern": p.text, "words": "|".join(p.words),
                    "preposition": "|".join(p.prepositions), "source_line": str(p.line),
                    "attested": "1" if verb.lemma in p.comment_verbs else "", **row,
                })  # fmt: skip
                if result is not None and verb.lemma in p.comment_verbs:
                    verb_types[verb.lemma][(result.type, row["cameo"], result.mode, row["contexts"])] += 1
            if result is None:
                continue
            for phrase, is_set in p.objects:
                base = {
                    "type": result.type, "mode": result.mode, "contexts": row["contexts"],
                    "cameo": row["cameo"],
                    "verbs": "|".join(p.comment_verbs or block_verbs), "pattern": p.text,
                    "light_verb": "1" if light else "",
                }  # fmt: skip
                if not is_set:
                    nouns.append(
                        {"noun": phrase, "from": "cameo-pattern", "source_line": str(p.line), **base}
                    )
                    continue
                if sum(w.startswith("&") for w in phrase.split()) > 1:
                    continue  # two sets in one unit ({&MILITARY &AIRCRAFT}): thousands of made-up phrases
                for expanded, _ in expand(phrase, synsets):
                    nouns.append(
                        {"noun": expanded, "from": "cameo-synset", "source_line": str(p.line), **base}
                    )

    # nominalisations: of each single-word verb with an event type (its default, or else the type most of
    # the patterns written for it carry), the derived nouns that the dictionary itself uses
    for lemma in sorted({v["lemma"] for v in verbs}):
        if " " in lemma or "-" in lemma:
            continue
        if lemma in verb_default:
            full, line = verb_default[lemma]
            choice = (full["type"], full["cameo"], full["mode"], full["contexts"], str(line))
        else:
            counts = verb_types.get(lemma)
            if not counts or lemma in dropped_default:
                continue
            by_type: Counter[str] = Counter()
            for key, n in counts.items():
                by_type[key[0]] += n
            top, n = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            if n / sum(by_type.values()) < 0.6:
                continue
            key = sorted((k for k in counts if k[0] == top), key=lambda k: (-counts[k], k))[0]
            line = min(int(v["source_line"]) for v in verbs if v["lemma"] == lemma and v["cameo"] == key[1])
            choice = (*key, str(line))
        type_, code, mode, ctx, line_s = choice
        irregular = IRREGULAR_NOUNS.get(lemma, ())
        for noun in derived_nouns(lemma):
            # a suffixed noun (-ion, -ment, -al, -ance...) must occur somewhere in the dictionary; the verb's
            # own form (attack, visit) and -ing forms only as a noun after a verb or in a set, since the
            # dictionary also writes them as verbs (`* TO_AGREE`)
            pool = (
                object_heads
                if (noun == lemma or noun.endswith("ing")) and noun not in irregular
                else cameo_words
            )
            known = noun in pool or any(f in pool for f in plural_forms(noun))
            if (not known and noun not in PLURAL_ONLY) or noun in NOT_NOMINAL:
                continue
            nouns.append({
                "noun": noun, "type": type_, "mode": mode, "contexts": ctx, "from": "nominalisation",
                "cameo": code, "verbs": lemma, "pattern": "", "light_verb": "", "source_line": line_s,
            })  # fmt: skip
    synset_rows = [
        {"set": "&" + name.lstrip("&"), "member": member, "source_line": str(line)}
        for name, members in synsets.items()
        for member, line in members
    ]
    return Result(verbs, nouns, synset_rows, unmapped, notes)


def expand(phrase: str, synsets: dict[str, list[tuple[str, int]]]) -> Iterable[tuple[str, int]]:
    """Each reading of a phrase whose words may name synonym sets, with the set member's line (the last
    set's, for a phrase naming two)."""
    readings: list[tuple[str, int]] = [("", 0)]
    for word in phrase.split():
        if word.startswith("&"):
            members = synsets.get(word.upper()) or []
            readings = [(f"{t} {m}".strip(), line) for t, _ in readings for m, line in members]
        else:
            readings = [(f"{t} {word}".strip(), line) for t, line in readings]
    return [r for r in readings if r[0]]


# ---------------------------------------------------------------- writing


def dedupe_sorted(
    rows: list[dict[str, str]], columns: Sequence[str], key: Sequence[str]
) -> list[dict[str, str]]:
    seen: dict[tuple[str, ...], dict[str, str]] = {}
    for r in rows:
        k = tuple(r.get(c, "") for c in columns)
        seen.setdefault(k, r)

    def sort_key(r: dict[str, str]) -> tuple[object, ...]:
        return tuple(int(r[c].split("|")[0] or 0) if c == "source_line" else r.get(c, "") for c in key)

    return sorted(seen.values(), key=sort_key)


def aggregate_nouns(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per (noun, from, type, mode, contexts, cameo, light_verb): the verbs and source lines of all
    the rows it stands for joined (`|`, lines in file order), the pattern of the first line as example."""
    groups: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    keys = ("noun", "from", "type", "mode", "contexts", "cameo", "light_verb")
    for r in rows:
        groups[tuple(r[k] for k in keys)].append(r)
    out = []
    for key, members in groups.items():
        members.sort(key=lambda r: int(r["source_line"]))
        lines = sorted({int(r["source_line"]) for r in members})
        verbs = sorted({v for r in members for v in r["verbs"].split("|") if v})
        out.append({
            **dict(zip(keys, key, strict=True)), "verbs": "|".join(verbs), "pattern": members[0]["pattern"],
            "source_line": "|".join(map(str, lines)),
        })  # fmt: skip
    return sorted(
        out, key=lambda r: (r["noun"], r["from"], int(r["source_line"].split("|")[0]), r["type"], r["cameo"])
    )


def write(
    path: Path, title: str, explain: Sequence[str], columns: Sequence[str], rows: list[dict[str, str]]
) -> None:
    comments = [f"# {title}"]
    for paragraph in (*HEADER_SOURCES, *explain):
        comments += textwrap.wrap(paragraph, 108, initial_indent="# ", subsequent_indent="#   ")
    lines = [*comments, "\t".join(columns)]
    for r in rows:
        values = [r.get(c, "") for c in columns]
        if any("\t" in v or "\n" in v for v in values):
            raise BuildError(f"{path.name}: a field holds a tab or newline: {values}")
        lines.append("\t".join(values))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


VERB_EXPLAIN = (
    "One row per (verb lemma, pattern line of its block). Columns, read by name (lexicons/cameo.py):"
    " lemma: lower-case verb (phrasal verbs with spaces); pattern: the pattern, lower-cased, `*` the verb,"
    " `$` source, `+` target, `%` compound actor, `^` skipped phrase, `(prep ...)` a prepositional phrase,"
    " `{a b}`"
    " a multi-word unit, `&NAME` any member of a synonym set (cameo_synsets.tsv); empty = the verb by itself."
    " words: the pattern's other literal words (`|`; `&NAME` as in the pattern, a unit with its spaces;"
    " prepositions are in `preposition`). cameo: the CAMEO code of the row; type/mode/contexts: its PLOVER"
    " v2.0 mapping through the crosswalk (contexts `|`); via: empty when the crosswalk lists the code, else"
    " the parent code used, and `(v2.0)` where the v2.0 manual overrides the 2021 crosswalk (163 sanctions:"
    " SANCTION discontinue, not COERCE). not_event: 1 for `[---]` (codes nothing). source_line: the line in"
    " CAMEO.2.0.verbs.txt. code_as_written: the brackets' content when it is not just `cameo` (`042:043`,"
    " `:173`, `080!`, `---`); paired_cameo: for `[a:b]`, the code of the event the other way round (target ->"
    " source); reverse: 1 for `[:b]` (only target -> source). attested: 1 when the pattern was written for"
    " this verb (its comment names it), else it is inherited from the verb's block, as PETRARCH applies it."
    " forms: irregular forms given in the dictionary (on the verb's default row).",
    "Rows whose code the crosswalk cannot map (CAMEO 01 and 02, dropped in PLOVER) are left out.",
)
NOUN_EXPLAIN = (
    "Event nouns. from: cameo-pattern = a noun a pattern names after its verb (`impose * sanctions`);"
    " cameo-synset = a member of a synonym set such a pattern names (`&CEASEFIRE` -> truce); nominalisation ="
    " a noun derived here from a verb (suffix rules and a small irregular table in the script), kept only"
    " when the dictionary itself uses the word; its type is the verb's default, or, for a verb whose default"
    " is `[---]`, the type most (>= 60%) of its own patterns carry (sell -> sale: COOPERATE)."
    " type/mode/contexts/cameo: as in cameo_verbs.tsv. verbs: the verb(s) the patterns were written for (`|`)"
    " or the verb the noun derives from; pattern: an example pattern (the type is the verb+noun's: `condemn *"
    " killing` is ACCUSE, not the killing); light_verb: 1 when the verb by itself codes nothing, so the noun"
    " carries the event (`stage * demonstration`). source_line: the line(s) in CAMEO.2.0.verbs.txt this row"
    " stands for (`|`: one row per noun and mapping, its verbs and lines joined; `pattern` is the first"
    " line's). A synset member's own line is in cameo_synsets.tsv. Units naming two sets ({&MILITARY"
    " &AIRCRAFT}) are not expanded. Nouns are as CAMEO writes them (`sanctions`, `attacks`: not lemmatised).",
)
SYNSET_EXPLAIN = (
    "CAMEO synonym sets: set (`&NAME`, as cameo_verbs.tsv's patterns and words name it), member (lower case),"
    " source_line in CAMEO.2.0.verbs.txt.",
)


def coverage(
    verb_rows: list[dict[str, str]],
    noun_rows: list[dict[str, str]],
    synset_rows: list[dict[str, str]],
    triggers: Path,
) -> list[str]:
    """How many rows of the hand-written trigger lexicon the CAMEO files know, and with which type.

    A verb phrase is looked up as a lemma, else as its head verb with a pattern naming the phrase's other
    words; a noun (or adjective) in cameo_nouns.tsv, singular or plural. The levels, strictest first: the
    verb's default row has the trigger's type; a pattern written for the verb (attested) has it; any row
    (an inherited pattern, a noun row) has it; the CAMEO files know the word only with other types;
    only the head verb of a multi-word phrase is known; unknown."""
    rows_by_lemma: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in verb_rows:
        if r["type"]:
            rows_by_lemma[r["lemma"]].append(r)
    noun_types: dict[str, set[str]] = defaultdict(set)
    for r in noun_rows:
        noun_types[r["noun"]].add(r["type"])

    members: dict[str, set[str]] = defaultdict(set)
    for r in synset_rows:
        members[r["set"]].update(r["member"].split())

    def verb_candidates(phrase: str) -> list[dict[str, str]]:
        if phrase in rows_by_lemma:
            return rows_by_lemma[phrase]
        head, *rest = phrase.split()
        if not rest:
            return []
        found = []
        for r in rows_by_lemma.get(head, []):
            words = set(r["preposition"].split("|"))
            for w in " ".join(r["words"].split("|")).split():
                words |= members.get(w, {w})
            if all(w in words or w + "s" in words for w in rest):
                found.append(r)
        return found

    levels = ("default", "attested pattern", "any row", "other type only", "head verb only", "unknown")
    stats: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    header: list[str] | None = None
    for line in triggers.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        r = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        phrase, pos, type_ = r["phrase"].strip().lower(), r["pos"].strip() or "?", r["type"].strip()
        rows = verb_candidates(phrase) if pos in ("V", "*") else []
        ntypes = set() if pos == "V" else noun_types.get(phrase, set()) | noun_types.get(phrase + "s", set())
        if any(x["type"] == type_ and not x["pattern"] for x in rows):
            level = "default"
        elif any(x["type"] == type_ and x["attested"] for x in rows):
            level = "attested pattern"
        elif any(x["type"] == type_ for x in rows) or type_ in ntypes:
            level = "any row"
        elif rows or ntypes:
            level = "other type only"
        elif pos in ("V", "*") and phrase.split()[0] in rows_by_lemma:
            level = "head verb only"  # a multi-word phrase no pattern of its head verb spells out
        else:
            level = "unknown"
        stats[(pos, level)] += 1
        stats[("all", level)] += 1
        if len(examples[level]) < 15:
            others = sorted({x["type"] for x in rows} | ntypes)
            examples[level].append(
                f"{phrase}/{pos} {type_}"
                + (f" (cameo: {','.join(others)})" if level == "other type only" else "")
            )
    total = sum(n for (p, _), n in stats.items() if p == "all")
    out = [f"coverage of {triggers.name}: {total} trigger rows (V verbs, N nouns, A adjectives, * any)"]
    for p in ("all", "V", "N", "A", "*"):
        out.append(f"  {p}: " + ", ".join(f"{lv} {stats[(p, lv)]}" for lv in levels))
    for lv in levels:
        out.append(f"  e.g. {lv}: " + "; ".join(examples[lv]))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--cameo", type=Path, default=DEFAULT_CAMEO, help=f"folder with {VERBS_FILE} and {CROSSWALK_FILE}"
    )
    parser.add_argument("--plover", type=Path, default=DEFAULT_PLOVER, help=f"folder with {MANUAL_FILE}")
    parser.add_argument("--out", type=Path, default=LEXICONS, help="where to write the cameo_*.tsv files")
    parser.add_argument("--report", action="store_true", help="print counts, unmapped codes and coverage")
    args = parser.parse_args(argv)
    for folder, names in ((args.cameo, (VERBS_FILE, CROSSWALK_FILE)), (args.plover, (MANUAL_FILE,))):
        missing = [n for n in names if not (folder / n).is_file()]
        if missing:
            print(
                f"build_cameo_lexicon: {', '.join(missing)} not found in {folder} (give the folder with"
                " --cameo / --plover; the copies live in shared/reference/ beside the repo)",
                file=sys.stderr,
            )
            return 2
    result = build(args.cameo, args.plover)
    verbs = dedupe_sorted(result.verbs, VERB_COLUMNS, ("lemma", "source_line", "pattern", "cameo"))
    nouns = aggregate_nouns(result.nouns)
    synsets = dedupe_sorted(result.synsets, SYNSET_COLUMNS, ("set", "source_line", "member"))
    args.out.mkdir(parents=True, exist_ok=True)
    write(
        args.out / "cameo_verbs.tsv",
        "CAMEO verbs and patterns mapped to PLOVER v2.0 (generated)",
        VERB_EXPLAIN,
        VERB_COLUMNS,
        verbs,
    )
    write(
        args.out / "cameo_nouns.tsv",
        "CAMEO event nouns mapped to PLOVER v2.0 (generated)",
        NOUN_EXPLAIN,
        NOUN_COLUMNS,
        nouns,
    )
    write(
        args.out / "cameo_synsets.tsv",
        "CAMEO synonym sets (generated)",
        SYNSET_EXPLAIN,
        SYNSET_COLUMNS,
        synsets,
    )
    lemmas = {r["lemma"] for r in verbs}
    patterns = {r["source_line"] for r in verbs if r["pattern"]}
    print(
        f"cameo_verbs.tsv: {len(verbs)} rows, {len(lemmas)} lemmas, {len(patterns)} pattern lines;"
        f" cameo_nouns.tsv: {len(nouns)} rows, {len({r['noun'] for r in nouns})} nouns;"
        f" cameo_synsets.tsv: {len(synsets)} members of {len({r['set'] for r in synsets})} sets"
    )
    if args.report:
        print("rows per PLOVER type (verbs / nouns):")
        vt = Counter(r["type"] or "(not_event)" for r in verbs)
        nt = Counter(r["type"] for r in nouns)
        for t in (*PLOVER_TYPES, "(not_event)"):
            print(f"  {t}: {vt[t]} / {nt[t]}")
        print("nouns by source:", dict(sorted(Counter(r["from"] for r in nouns).items())))
        print("codes the crosswalk could not map (code: pattern or verb lines skipped, why):")
        for (code, why), n in sorted(result.unmapped.items()):
            print(f"  {code}: {n} ({why})")
        for note in result.notes:
            print("  note:", note)
        for line in coverage(verbs, nouns, synsets, LEXICONS / "plover_triggers.tsv"):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
