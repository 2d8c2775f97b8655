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
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cameo.coverage import coverage
from cameo.crosswalk import PLOVER_TYPES
from cameo.rows import CROSSWALK_FILE, MANUAL_FILE, VERBS_FILE, build
from cameo.writing import NOUN_EXPLAIN, SYNSET_EXPLAIN, VERB_EXPLAIN, aggregate_nouns, dedupe_sorted, write

# The columns the reader (newsgraph.lexicons.cameo) checks the files against: one definition for both.
from newsgraph.lexicons.cameo import NOUN_COLUMNS, SYNSET_COLUMNS, VERB_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "newsgraph" / "lexicons"
DEFAULT_CAMEO = ROOT.parent / "shared" / "reference" / "cameo"
DEFAULT_PLOVER = ROOT.parent / "shared" / "reference" / "plover"


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
