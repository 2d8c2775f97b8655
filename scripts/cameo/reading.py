"""Reading the CAMEO verb dictionary (CAMEO.2.0.verbs.txt): its synonym sets and its verb blocks, each
block's verbs and patterns; what a pattern's brackets code."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


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
