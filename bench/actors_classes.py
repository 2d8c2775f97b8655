"""Why annotated actors miss their country, by class, on the development sets (issue 14; the sets whose
errors may be read: docs/annotation-actors.md). A count of each class says where a rule or a model change
can gain, before writing it.

    python bench/actors_classes.py                      # the development sets (tuning ... tuning6)
    python bench/actors_classes.py --sets tuning2 --list  # and every actor of each class

Each article is extracted with the rules (entities.RULES_HOMES_STAGE), and the shipped ranker then
chooses among the candidates (country_choice.choose_countries), as `extract` does; an annotated actor is
aligned to its entity as bench/actors_gold.py aligns it. An actor not given its annotated country is:

- missed, unnamed: no entity's name covers it, and it is annotated by a description (a person a pronoun
  refers to: "the gunman"); the bench aligns names only, so no extraction can score it;
- missed, named: no entity's name covers a name the annotation gives;
- wrong by the rules: the rules gave another country (and the ranker kept it or chose another);
- not a candidate: no evidence backs the annotated country;
- a givable candidate: the ranker may give it but abstained or chose another;
- the home, guarded: it is the story's home, which homes.py's guards keep from this actor (a first
  sentence naming another country, a title held abroad as often as at home, ...);
- named near only: it is backed only as a country named near the actor or the story's most named one,
  evidence the ranker may not give.

The blind sets (heldout, heldout3, heldout4, heldout7, heldout9 to heldout19 and later ones) are refused:
their items are never listed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from actors_gold import align, described_only, load_set, load_texts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training" / "actors"))

from train_country import DEVELOPMENT, rules_pipeline  # noqa: E402

from newsgraph import Article  # noqa: E402
from newsgraph.models.actor_country import load_ranker  # noqa: E402
from newsgraph.stages.entities.country_choice import all_candidates, choose_countries  # noqa: E402
from newsgraph.stages.entities.place_countries import namesakes_at_home  # noqa: E402
from newsgraph.stages.entities.story_evidence import document_evidence  # noqa: E402

CLASSES = (
    "missed, unnamed",
    "missed, named",
    "wrong by the rules",
    "not a candidate",
    "a givable candidate",
    "the home, guarded",
    "named near only",
)


def classify(name: str, shared: Path) -> list[tuple[str, str, str, str]]:
    """(class, article, actor key, what extraction gave) of each actor of set `name` not given its country."""
    articles, gold, _, _ = load_set(name)  # without the tuning set's articles, as actors_gold.py scores
    texts = load_texts(shared, articles)
    pipeline, ranker = rules_pipeline(), load_ranker()
    out = []
    for rid, (_, published) in sorted(articles.items()):
        text, url = texts[rid]
        doc, parse = pipeline.parse(Article.make(text, id=rid, published=published, url=url))
        # The actors' view of the places, as the homes stage reads them (a local town named like a big
        # city abroad read at home): without it the candidates are not those `extract` ranks.
        seen = namesakes_at_home(doc.text, doc.entities, url)
        found = all_candidates(parse, doc.text, seen, doc.relations, url, doc.published)
        final = seen
        if ranker is not None:
            final = choose_countries(text, seen, url, published, ranker, parse, doc.relations)
        home = document_evidence(doc.text, seen, url).home
        where = align(doc, gold[rid])
        for g in gold[rid]:
            i = where[g.key]
            if i is None:
                kind = "missed, unnamed" if described_only(g, text) else "missed, named"
                out.append((kind, rid, g.key, "missed"))
                continue
            rule, got = doc.entities[i].country, final[i].country
            if got == g.country:
                continue
            backing = {c.country: c.pickable for c in found[i]}
            if rule is not None and rule != g.country:
                kind = "wrong by the rules"
            elif g.country not in backing:
                kind = "not a candidate"
            elif backing[g.country]:
                kind = "a givable candidate"
            elif g.country == home:
                kind = "the home, guarded"
            else:
                kind = "named near only"
            out.append((kind, rid, g.key, f"{final[i].name!r} country={got}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--sets", default=",".join(DEVELOPMENT), help="development sets, comma-separated")
    parser.add_argument("--list", action="store_true", help="every actor of each class")
    args = parser.parse_args()
    sets = args.sets.split(",")
    if set(sets) - set(DEVELOPMENT):
        parser.error(f"only development sets may be read: {', '.join(DEVELOPMENT)}")
    total: Counter[str] = Counter()
    for name in sets:
        rows = classify(name, args.shared)
        counts = Counter(kind for kind, *_ in rows)
        total.update(counts)
        print(f"{name}: " + ", ".join(f"{kind} {counts[kind]}" for kind in CLASSES))
        if args.list:
            for kind, rid, key, shown in sorted(rows):
                print(f"  {kind:20} {rid} {key}: {shown}")
    print(f"all: {sum(total.values())} actors; " + ", ".join(f"{kind} {total[kind]}" for kind in CLASSES))


if __name__ == "__main__":
    main()
