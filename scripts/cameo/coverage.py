"""--report's coverage: how many rows of the hand-written trigger lexicon the CAMEO files know."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path


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
