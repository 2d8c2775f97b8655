"""The rows of the three files: each verb and pattern line mapped through the crosswalk, the nouns its
patterns name, the nominalisations of the verbs with an event type, and the synonym sets' members."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .crosswalk import Plover, manual_names, map_code, read_crosswalk
from .nouns import nominalisations
from .reading import Block, expand, read_dictionary, split_code

VERBS_FILE = "CAMEO.2.0.verbs.txt"
CROSSWALK_FILE = "CAMEO2PLOVER-2021.txt"
MANUAL_FILE = "PLOVER_MANUAL.tex"


@dataclass
class Result:
    verbs: list[dict[str, str]]
    nouns: list[dict[str, str]]
    synsets: list[dict[str, str]]
    unmapped: Counter[tuple[str, str]]
    notes: list[str]


def _dictionary_words(
    synsets: dict[str, list[tuple[str, int]]], blocks: list[Block]
) -> tuple[set[str], set[str]]:
    """Every word a pattern or set names (to check derived nouns against), and the words that are nouns for
    sure: set members and the last word of a noun phrase after a verb."""
    cameo_words: set[str] = set()
    for members in synsets.values():
        cameo_words.update(m for m, _ in members)
    object_heads: set[str] = {m for members in synsets.values() for m, _ in members}
    for block in blocks:
        for p in block.patterns:
            for w in p.words:
                if not w.startswith("&"):
                    cameo_words.add(w)
                    cameo_words.update(w.split())
            object_heads.update(phrase.split()[-1] for phrase, is_set in p.objects if not is_set)
    return cameo_words, object_heads


def _noun_type(
    lemma: str,
    verbs: list[dict[str, str]],
    verb_default: dict[str, tuple[dict[str, str], int]],
    verb_types: dict[str, Counter[tuple[str, str, str, str]]],
    dropped_default: set[str],
) -> tuple[str, str, str, str, str] | None:
    """(type, cameo, mode, contexts, source line) a verb's nouns take: its default row's, or, for a verb
    whose default codes nothing, the mapping most (>= 60%) of the patterns written for it carry; None when
    neither gives one."""
    if lemma in verb_default:
        full, line = verb_default[lemma]
        return (full["type"], full["cameo"], full["mode"], full["contexts"], str(line))
    counts = verb_types.get(lemma)
    if not counts or lemma in dropped_default:
        return None
    by_type: Counter[str] = Counter()
    for key, n in counts.items():
        by_type[key[0]] += n
    top, n = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if n / sum(by_type.values()) < 0.6:
        return None
    key = sorted((k for k in counts if k[0] == top), key=lambda k: (-counts[k], k))[0]
    line = min(int(v["source_line"]) for v in verbs if v["lemma"] == lemma and v["cameo"] == key[1])
    return (*key, str(line))


def build(cameo: Path, plover: Path) -> Result:
    notes: list[str] = []
    modes, contexts = manual_names(plover / MANUAL_FILE)
    table, roots = read_crosswalk(cameo / CROSSWALK_FILE, modes, contexts, notes)
    synsets, blocks = read_dictionary(cameo / VERBS_FILE, notes)
    unmapped: Counter[tuple[str, str]] = Counter()
    cameo_words, object_heads = _dictionary_words(synsets, blocks)

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
        choice = _noun_type(lemma, verbs, verb_default, verb_types, dropped_default)
        if choice is not None:
            nouns.extend(nominalisations(lemma, choice, cameo_words, object_heads))
    synset_rows = [
        {"set": "&" + name.lstrip("&"), "member": member, "source_line": str(line)}
        for name, members in synsets.items()
        for member, line in members
    ]
    return Result(verbs, nouns, synset_rows, unmapped, notes)
