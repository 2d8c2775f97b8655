"""Train the actor-country ranker (newsgraph.models.actor_country; issue 14) on the development annotations.

    python training/actors/train_country.py                 # cross-validate, then write the weights
    python training/actors/train_country.py --dry-run       # cross-validate only
    python training/actors/train_country.py --sets tuning   # the tuning set alone (as before 2026-12-04)
    python training/actors/train_country.py --dry-run --seed 15  # one deal alone (as before 2026-12-04)
    python training/actors/train_country.py --dry-run --seeds 14,15,16  # other deals (default 14 to 18)

Data: the DEVELOPMENT sets, whose errors are read (docs/annotation-actors.md): tuning
(training/actors/{articles,actors}.tsv), tuning2, heldout2, heldout5, heldout6, heldout8, tuning3 (these
two development since the eighteenth session), tuning4, tuning5 and tuning6 (twentieth), tuning7 to
tuning10 (twenty-first), tuning11 to tuning16 (twenty-second), tuning17 and tuning18 (twenty-third) by
default (TRAINED_ON); an article of a set
that is also in the tuning set counts once, with the tuning set (bench/actors_gold.load_set). The blind
sets (heldout, heldout3, heldout4, heldout7, heldout9 to heldout21) are refused, never read. Each article
is extracted with the rules alone (the entities stage up to homes.py, without the ranker); each annotated
actor is aligned to its entity as bench/actors_gold.py aligns it, and every candidate country of that
entity (country_evidence.py) is a training row, positive when it is the annotated country. An actor
annotated without a country (an international body) has only negative rows: the right answer is to abstain.

Model: logistic regression with an L2 penalty (Newton's method, NumPy). The penalty, the abstain threshold,
the higher threshold of weak candidates (a home the first-sentence guard keeps) and that of near ones (the
story's most named country, not its home: country_evidence.candidates) are chosen by
cross-validation BY ARTICLE, scoring right - 2 x wrong countries over all annotated actors (a missed actor
counts as not right), since a wrong country is worse than none, SUMMED over several deals of the articles
into folds (seeds 14 to 18; the extraction runs once for all): one deal's best setting is partly its
noise. Among settings that score alike, the one that abstains most (near, then weak candidates never or
at their highest threshold, then the highest threshold, then the highest penalty): the data cannot tell
them apart, and unseen articles pay for a guess. And each tier past the pickable candidates (weak, then
near) is kept only when its summed gain over never giving it exceeds the spread of the per-seed scores
times the square root of the number of seeds.
The cross-validated figures are the honest development figures (the weights' in-sample figures are not);
they are printed by seed and by set and written into the weights file with the training-set size. Then
the model is fitted on all articles.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import actors_own  # noqa: E402
from actors_gold import DEVELOPMENT, align, load_set, load_texts, set_folder  # noqa: E402

from newsgraph import Article  # noqa: E402
from newsgraph.model import Entity  # noqa: E402
from newsgraph.models.actor_country import WEIGHTS, pick  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.stages import entities, places, timex  # noqa: E402
from newsgraph.stages.entities.country_choice import all_candidates  # noqa: E402
from newsgraph.stages.entities.country_evidence import FEATURES, Candidate  # noqa: E402

SEED = 14
# The fold deals whose summed score chooses the setting (twentieth session; seed 14 alone before).
SEEDS = (14, 15, 16, 17, 18)
FOLDS = 5
PENALTIES = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))
WRONG_COST = 2.0
# The lowest weak threshold tried (twenty-fifth session). A weak candidate is a home the first-sentence
# guard keeps from the actor; the tests hold the guard's promises (tests/test_countries.py: an official
# introduced beside another country gets no guess; tests/test_entity_homes.py: a plain name in a story
# with foreigners stays unplaced), and below 0.6 the weights of that session broke them for 8 of 12412
# cross-validated points (0.45: 12412, 0.65: 12404), within what one deal of the folds moves.
WEAK_FLOOR = 0.6


@dataclass(frozen=True)
class Actor:
    """One annotated actor: its set, its article, the annotated country, the rules' and the candidates."""

    set: str
    article: str
    gold: str | None
    found: bool
    rule: str | None
    countries: tuple[str, ...]
    pickable: tuple[bool, ...]
    weak: tuple[bool, ...]
    near: tuple[bool, ...]
    rows: npt.NDArray[np.float64]


def rules_pipeline() -> Pipeline:
    """The stages up to the entities' homes, with homes.py's rules and without the ranker."""
    return Pipeline(stages=[entities.STAGE, timex.STAGE, places.STAGE, entities.RULES_HOMES_STAGE])


# The sets the shipped weights are trained on: every development set (bench/actors_gold.py). heldout8
# (development since the eighteenth session, a set of stories of two countries the others have few of) joined
# when the parse's ties of a person to another country were added: trained on the five sets alone, the search
# picks a weak threshold that gives a visiting minister the dateline's home, which tests/test_countries.py
# rules out; with heldout8 it gives no weak home, and cross-validation and the whole pipeline gain on the
# development sets (its CARD.md). tuning3 (eighteenth session, nine more such stories) joined when the
# namesake-town reading changed the candidates: trained without it the search again gives the visiting
# minister the dateline's home. tuning4 (twentieth session, ten stories of up to 9,000 characters, eight of
# them international), tuning5 and tuning6 (twelve domestic, local and business stories each, the commonest
# kind of blind article) likewise; tuning7 to tuning10 (twenty-first session, twelve stories each of every
# kind as the pool gives them, twelve sports stories among them) when a domestic sports story's home became a
# candidate.
# The project's own passages that may be trained on with --sets (twenty-ninth session; bench/actors_own.py):
# sets written by helpers with their gold before the system ran, then read while writing rules. The frozen
# held-out ones (actors_own.HELD_OUT) are refused. Not in the default: trained on with the development
# sets, cross-validation gave them what the shipped weights give them (tuning_own2 316/12 against 315/13,
# tuning_own4 409/39 against 410/39) and lowered the threshold from 0.3 to 0.15. Thirty-first session,
# with tuning_own5 too (at 6f0aab6 and the body descriptions after it): cross-validated on all five own
# sets, 2049 right / 114 wrong of 2589 actors, against 2074 / 122 for the shipped weights, which never saw
# them (right - 2 x wrong 1821 against 1830): still not in the default.
# Forty-fifth session, every read own set (the eleven below) with the development sets: cross-validated
# 7026 / 338 right / wrong of 8340 actors (seed 14; threshold 0.25, weak 0.7, near 0.25); in the whole
# pipeline the read sets, now in-sample, fell from 4657 / 263 to 4650 / 270 and the spent heldout_own2-10
# (totals only) from 3761 / 225 to 3754 / 234; the development sets alone, refitted, gave the read sets
# 4663 / 282. The rules after the ranker (name_countries, employers, ...) were tuned with the shipped
# weights: still not in the default.
OWN_TUNING = (
    "tuning_own2",
    "country_traps",
    "tuning_own3",
    "tuning_own4",
    "tuning_own5",
    "tuning_own6",
    "tuning_own7",
    "tuning_own8",
    "heldout_own1",
    "look_traps",
    "heldout_own11",
    "tuning_own9",
)
TRAINED_ON = DEVELOPMENT


def read_actors(shared: Path, sets: tuple[str, ...] = TRAINED_ON) -> list[Actor]:
    out = []
    for name in sets:
        out.extend(_read_own_set(name) if name in OWN_TUNING else _read_set(shared, name))
    return out


def _read_own_set(name: str) -> list[Actor]:
    """A set of own passages (no dateline field, no web address), aligned as bench/actors_own.py aligns
    them."""
    pipeline = rules_pipeline()
    out = []
    for p in actors_own.load_set(name):
        doc, parse = pipeline.parse(Article.make(p.text, id=p.id, published=p.published))
        found = all_candidates(parse, doc.text, doc.entities, doc.relations, None, doc.published)
        entities = [
            (e.is_place, e.country, [(m.start, m.end) for m in e.mentions if m.kind == "name"])
            for e in doc.entities
        ]
        for a, i in zip(p.actors, actors_own.align(p, entities), strict=True):
            out.append(_actor(name, p.id, a.country, i, doc.entities, found))
    return out


def _actor(
    name: str,
    article: str,
    gold: str | None,
    i: int | None,
    entities: tuple[Entity, ...],
    found: list[list[Candidate]],
) -> Actor:
    cands = found[i] if i is not None else []
    rows = np.asarray([c.features for c in cands], dtype=np.float64).reshape(-1, len(FEATURES))
    rule = entities[i].country if i is not None else None
    countries, pickable = tuple(c.country for c in cands), tuple(c.pickable for c in cands)
    weak, near = tuple(c.weak for c in cands), tuple(c.near for c in cands)
    return Actor(name, article, gold, i is not None, rule, countries, pickable, weak, near, rows)


def _read_set(shared: Path, name: str) -> list[Actor]:
    articles, gold, _, _ = load_set(name)  # without the tuning set's articles, as actors_gold.py scores
    texts = load_texts(shared, articles)
    pipeline = rules_pipeline()
    out = []
    for rid, (_, published) in sorted(articles.items()):
        text, url = texts[rid]
        doc, parse = pipeline.parse(Article.make(text, id=rid, published=published, url=url))
        found = all_candidates(parse, doc.text, doc.entities, doc.relations, url, doc.published)
        where = align(doc, gold[rid])
        for g in gold[rid]:
            out.append(_actor(name, rid, g.country, where[g.key], doc.entities, found))
    return out


def fit(actors: list[Actor], penalty: float) -> npt.NDArray[np.float64]:
    """Logistic regression weights (L2 `penalty`, the bias unpenalised) by Newton's method."""
    x = np.vstack([a.rows for a in actors if len(a.rows)])
    y = np.concatenate([[float(c == a.gold) for c in a.countries] for a in actors if len(a.rows)])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], penalty)
    reg[FEATURES.index("bias")] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


Thresholds = tuple[float, float | None, float | None]  # threshold, weak and near thresholds (None: never)


def decisions(actor: Actor, w: npt.NDArray[np.float64], thresholds: list[Thresholds]) -> list[str | None]:
    """The actor's country under weights `w` at each (threshold, weak, near threshold) triple; its
    candidates are scored once for all of them, and `pick` decides once for each set of tiers its best
    candidates reach."""
    if not len(actor.rows):
        return [None] * len(thresholds)
    p = 1.0 / (1.0 + np.exp(-np.clip(actor.rows @ w, -30, 30)))
    rule = actor.countries.index(actor.rule) if actor.rule in actor.countries else None
    tops = [
        max((float(p[i]) for i, ok in enumerate(tier) if ok), default=2.0)
        for tier in (actor.pickable, actor.weak, actor.near)
    ]
    seen: dict[tuple[bool, ...], str | None] = {}
    out = []
    for triple in thresholds:
        key = tuple(t is not None and top >= t for top, t in zip(tops, triple, strict=True))
        if key not in seen:
            best = pick(p, actor.pickable, actor.weak, triple[0], triple[1], rule, actor.near, triple[2])
            seen[key] = actor.countries[best] if best is not None else None
        out.append(seen[key])
    return out


def fixed_order(actor: Actor) -> str | None:
    """The hand-ordered decision over the candidates the ranker may give, for comparison: the rules'
    country, else the knowledge base's, else the story's home."""
    if actor.rule:
        return actor.rule
    for feature in ("kb", "story_home"):
        column = FEATURES.index(feature)
        for country, ok, row in zip(actor.countries, actor.pickable, actor.rows, strict=True):
            if ok and row[column]:
                return country
    return None


def tally(actors: list[Actor], chosen: list[str | None]) -> tuple[int, int]:
    """(right, wrong) over all annotated actors; a missed actor is neither (but not right)."""
    right = sum(a.found and c == a.gold for a, c in zip(actors, chosen, strict=True))
    wrong = sum(a.found and c is not None and c != a.gold for a, c in zip(actors, chosen, strict=True))
    return right, wrong


def folds(actors: list[Actor], seed: int = SEED) -> list[list[int]]:
    """Actor indices of each fold; articles dealt into folds by the fixed seed."""
    names = sorted({a.article for a in actors})
    random.Random(seed).shuffle(names)
    fold_of = {name: i % FOLDS for i, name in enumerate(names)}
    return [[j for j, a in enumerate(actors) if fold_of[a.article] == k] for k in range(FOLDS)]


Setting = tuple[float, float, float | None, float | None]  # penalty, then the three thresholds


def settings() -> list[Thresholds]:
    """(threshold, weak threshold, near threshold) triples tried: a weak or a near candidate needs at least
    the threshold, and a weak one at least WEAK_FLOOR."""
    higher = [(t, [None, *(u for u in THRESHOLDS if u >= t)]) for t in THRESHOLDS]
    return [
        (t, tw, tn) for t, above in higher for tw in above if tw is None or tw >= WEAK_FLOOR for tn in above
    ]


def cross_validate(actors: list[Actor], seed: int = SEED) -> dict[Setting, list[str | None]]:
    """(penalty, threshold, weak threshold, near threshold) -> each actor's country chosen by the model of
    the folds it was not in."""
    chosen: dict[Setting, list[str | None]] = {}
    pairs = settings()
    for penalty in PENALTIES:
        out: list[list[str | None]] = [[None] * len(actors) for _ in pairs]
        for test in folds(actors, seed):
            held = set(test)
            w = fit([a for j, a in enumerate(actors) if j not in held], penalty)
            for j in test:
                for k, country in enumerate(decisions(actors[j], w, pairs)):
                    out[k][j] = country
        for (t, tw, tn), countries in zip(pairs, out, strict=True):
            chosen[(penalty, t, tw, tn)] = countries
    return chosen


def abstains_most(key: Setting) -> tuple[float, float, float, float]:
    """Among settings that score alike, the one that gives fewest countries: near candidates never or at
    the highest threshold, then weak ones, then the highest threshold, then the highest penalty."""
    return (2.0 if key[3] is None else key[3], 2.0 if key[2] is None else key[2], key[1], key[0])


Scores = dict[Setting, tuple[int, int]]  # setting -> (right, wrong) of one seed's folds


def scores(actors: list[Actor], seed: int = SEED) -> Scores:
    """Each setting's cross-validated (right, wrong) with the folds dealt by `seed`; only the tallies are
    kept, so several seeds fit in memory."""
    return {key: tally(actors, countries) for key, countries in cross_validate(actors, seed).items()}


def best_setting(by_seed: list[Scores], among: list[Setting] | None = None) -> Setting:
    """The setting (of `among`, default all) of highest right - 2 x wrong summed over the seeds' folds, ties
    to the one that abstains most. One seed's best is partly its deal's noise (the weak and near
    thresholds move from seed to seed); a setting that scores well under every deal is the one that holds
    on unseen articles."""

    def score(key: Setting) -> tuple[float, tuple[float, float, float, float]]:
        return summed(by_seed, key), abstains_most(key)

    return max(among if among is not None else by_seed[0], key=score)


def summed(by_seed: list[Scores], key: Setting) -> float:
    return sum(_score(s[key]) for s in by_seed)


TIERS = ((2, "weak"), (3, "near"))  # the Setting index of each tier's threshold, in the order pick gives them


def tiered_setting(by_seed: list[Scores]) -> tuple[Setting, list[str]]:
    """`best_setting`, where each tier of candidates past the pickable ones (weak homes, then near ones) is
    a variant of the decision, kept only when its summed gain over the best setting without it exceeds
    the spread (max - min) of that best's per-seed scores times the square root of the number of seeds
    (a sum of n deals' scores varies about sqrt(n) times as much as one deal's; the test does not grow
    easier with more seeds): a smaller gain is the deals' noise, and the simpler decision holds on unseen
    articles at least as well. With one seed the spread is 0 and this is `best_setting`. Also a line per
    tier saying what was weighed."""
    among, notes = list(by_seed[0]), []
    for index, name in TIERS:
        best = best_setting(by_seed, among)
        if best[index] is None:
            continue
        without = [k for k in among if k[index] is None]
        other = best_setting(by_seed, without)
        gain = summed(by_seed, best) - summed(by_seed, other)
        per_seed = [_score(s[best]) for s in by_seed]
        noise = (max(per_seed) - min(per_seed)) * math.sqrt(len(by_seed))
        kept = gain > noise
        notes.append(
            f"{name} tier: summed gain {gain:g} over never giving it, seed spread x sqrt(seeds) {noise:.1f}: "
            + ("kept" if kept else "dropped")
        )
        if not kept:
            among = without
    return best_setting(by_seed, among), notes


def chosen_at(actors: list[Actor], setting: Setting, seed: int) -> list[str | None]:
    """Each actor's cross-validated country at one setting, the folds dealt by `seed` (for the figures by
    set of the setting chosen)."""
    out: list[str | None] = [None] * len(actors)
    for test in folds(actors, seed):
        held = set(test)
        w = fit([a for j, a in enumerate(actors) if j not in held], setting[0])
        for j in test:
            out[j] = decisions(actors[j], w, [setting[1:]])[0]
    return out


def spread(values: list[float]) -> str:
    """ "min-max (mean)" of per-seed figures, to tell a gain from the noise of the deal."""
    return f"{min(values):g}-{max(values):g} (mean {sum(values) / len(values):.1f})"


def annotations_version(sets: tuple[str, ...]) -> str:
    """The last commit of the sets' annotations, marked when the working tree differs from it."""
    files = [
        str(actors_own.OWN / f"{s}.jsonl") if s in OWN_TUNING else str(set_folder(s) / name)
        for s in sets
        for name in ("articles.tsv", "actors.tsv")
    ]
    last = subprocess.run(
        ["git", "log", "-1", "--format=%h", "--", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(["git", "diff", "--quiet", "--", *files], cwd=ROOT, check=False).returncode != 0
    return last + (" + uncommitted rows" if dirty else "")


def by_set(actors: list[Actor], chosen: list[str | None]) -> str:
    """Right and wrong of each set, "tuning 317/4 of 353; ..."."""
    parts = []
    for name in dict.fromkeys(a.set for a in actors):
        index = [j for j, a in enumerate(actors) if a.set == name]
        r, w = tally([actors[j] for j in index], [chosen[j] for j in index])
        parts.append(f"{name} {r}/{w} of {len(index)}")
    return "; ".join(parts)


def _score(tallied: tuple[int, int]) -> float:
    return tallied[0] - WRONG_COST * tallied[1]


def _setting(key: Setting) -> str:
    return f"penalty {key[0]}, threshold {key[1]}, weak threshold {key[2]}, near threshold {key[3]}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--sets", default=",".join(TRAINED_ON), help="development sets to train on, comma-separated"
    )
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only, write nothing")
    parser.add_argument(
        "--seeds",
        default=",".join(map(str, SEEDS)),
        help="the seeds dealing articles into folds, comma-separated: the setting is chosen by the sum",
    )
    parser.add_argument("--seed", type=int, help="one seed alone (as before the twentieth session)")
    args = parser.parse_args()
    seeds = [args.seed] if args.seed is not None else [int(s) for s in args.seeds.split(",")]
    sets = tuple(args.sets.split(","))
    if set(sets) - set(DEVELOPMENT) - set(OWN_TUNING):
        parser.error(f"only development sets may be trained on: {', '.join(DEVELOPMENT + OWN_TUNING)}")
    actors = read_actors(args.shared, sets)
    n, n_articles = len(actors), len({a.article for a in actors})
    right, wrong = tally(actors, [a.rule for a in actors])
    print(f"{', '.join(sets)}: {n_articles} articles, {n} actors, {sum(a.found for a in actors)} found")
    print(f"rules alone (written on these articles): right {right / n:.1%}, wrong {wrong / n:.1%}")
    reachable = sum(a.gold is None or a.gold in a.countries for a in actors if a.found)
    pickable = sum(
        a.gold is None or a.gold in {c for c, ok in zip(a.countries, a.pickable, strict=True) if ok}
        for a in actors
        if a.found
    )
    print(f"annotated country among the candidates (or none annotated): {reachable} of {n}")
    print(f"  among the candidates the ranker may give: {pickable} of {n}")
    right, wrong = tally(actors, [fixed_order(a) for a in actors])
    print(
        f"fixed order over the same candidates (rules, then KB, then story home): right {right / n:.1%}, "
        f"wrong {wrong / n:.1%}"
    )
    # The actors are read once for every seed: reading them (the extraction) is most of the time.
    by_seed = [scores(actors, seed) for seed in seeds]
    for seed, s in zip(seeds, by_seed, strict=True):
        own = best_setting([s])
        print(f"seed {seed} alone would choose {_setting(own)}: right - 2 x wrong {_score(s[own]):g}")
    best, notes = tiered_setting(by_seed)
    for note in notes:
        print(note)
    per_seed = [_score(s[best]) for s in by_seed]
    print(
        f"chosen by right - 2 x wrong summed over the folds of seeds {', '.join(map(str, seeds))} "
        f"({FOLDS} folds each): {_setting(best)}"
    )
    for seed, s in zip(seeds, by_seed, strict=True):
        r, w = s[best]
        print(f"  seed {seed}: right {r} ({r / n:.1%}), wrong {w} ({w / n:.1%}), r - 2w {_score(s[best]):g}")
    print(f"  sum {sum(per_seed):g}; by seed {spread(per_seed)}")
    chosen = chosen_at(actors, best, seeds[0])
    r, w = tally(actors, chosen)
    print(f"  by set, seed {seeds[0]} (right/wrong): {by_set(actors, chosen)}")
    if args.dry_run:
        return
    weights = fit(actors, best[0])
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    sizes = {s: sum(a.set == s for a in actors) for s in sets}
    data = {
        "features": list(FEATURES),
        "weights": [round(float(v), 6) for v in weights],
        "threshold": best[1],
        "weak_threshold": best[2],
        "near_threshold": best[3],
        "penalty": best[0],
        "trained_on": {
            "sets": sizes,
            "articles": n_articles,
            "actors": n,
            "annotations": annotations_version(sets),
        },
        "cross_validated": {
            "folds": FOLDS,
            "seeds": seeds,
            "tiers": notes,
            "right_minus_2_wrong_sum": sum(per_seed),
            "by_seed": {
                str(seed): "/".join(map(str, s[best])) for seed, s in zip(seeds, by_seed, strict=True)
            },
            "seed": seeds[0],
            "right": r,
            "wrong": w,
            "actors": n,
            "by_set": by_set(actors, chosen),
        },
    }
    WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
