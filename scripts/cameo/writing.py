"""Writing the files: rows deduplicated and sorted (nouns aggregated), under a header that names the
sources, the licence, the command and what each column means."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

COMMAND = "python scripts/build_cameo_lexicon.py"


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
