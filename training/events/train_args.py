"""Train the event argument ranker (issue 13, Build point 3b) on the project's annotated corpus.

For every annotated event (gold trigger and type), the events stage's own argument finder
(`newsgraph.stages.events.actors.ActorFinder`) lists the candidate noun phrase heads of the sentence and
their features (`newsgraph.stages.events.arguments.features`, the function the stage uses); a candidate is
labelled source / target / none when it is the head of a gold source / target span. The articles are read
by the pipeline's own stages (entities, times, places, relations, quotes), so features see the entities the
stage sees. A log-linear ranker per role (softmax over one trigger's candidates and a "none" row; NumPy,
L2, full-batch Adam from zeros: deterministic; seed fixed for the record) is fitted on the train split,
choosing L2 and the stopping epoch by the loss on a slice of train held aside, and the conjunct thresholds
by head F1 there; the validation split (sha256(doc) % 5 == 0, training/README.md) is not fitted on.

Scores, given the gold trigger and type, entity level (what the stage emits): the events stage's argument
step (`SentenceCoder.code_match`, with everything it does after the finder: a reporter as fallback source, the
host reading of a visit...) with the rules alone and with the model per role and policy.
The roles the stage takes from the model (`use_for` in vocab.json: the model's, or the model's else the
rules') are those where the model beats the rules in F1 on the held-aside slice of train; the validation
split is scored, never chosen on. Never reads /work/shared/dev/events.

  .venv/bin/python training/events/train_args.py                   # train, score, write model + CARD.md
  .venv/bin/python training/events/train_args.py --out /tmp/x      # somewhere else
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
import common  # noqa: E402
import eval_stage  # noqa: E402
import train  # noqa: E402

from newsgraph.lexicons.events import trigger_entries  # noqa: E402
from newsgraph.models.event_args import MODEL_DIR, POLICIES, ROLES, load_argument_model  # noqa: E402
from newsgraph.stages.base import Parsed  # noqa: E402
from newsgraph.stages.events.actors import ActorFinder  # noqa: E402
from newsgraph.stages.events.clause_arguments import event_anchor  # noqa: E402
from newsgraph.stages.events.rules import anchor_of, phrase_head  # noqa: E402
from newsgraph.stages.events.sentence_coder import SentenceCoder  # noqa: E402

SEED = 13
MIN_COUNT = 2
L2_GRID = (1e-4, 1e-3, 1e-2)  # chosen by the held-aside slice's loss
ROLE_SETS = {
    "rules": frozenset(),
    "model source": frozenset({"source"}),
    "model source, else rules": frozenset({"source+rules"}),
    "model target": frozenset({"target"}),
    "model target, else rules": frozenset({"target+rules"}),
    "rules source, else model": frozenset({"source+fill"}),
    "rules target, else model": frozenset({"target+fill"}),
}


def lexicon_role(lemma: str, type_: str) -> str:
    """How the stage would take the trigger's arguments: its lexicon entry's role for this type."""
    entries = [e for e in trigger_entries().get(lemma, ()) if e.type == type_]
    return entries[0].role if entries else "E"


class Item:
    """One gold event with its candidates, feature rows, labels and what the stage needs to code it."""

    def __init__(self, **kw: Any) -> None:
        self.__dict__.update(kw)


def read_articles() -> list[Item]:
    """Every annotated event of every split as an item, over the articles as eval_stage reads them (the
    pipeline's stages before events, run once per article)."""
    items = case_items(eval_stage.load_cases("all"))
    common.warn(f"{len(items)} events")
    return items


def case_items(cases: list[eval_stage.Case]) -> list[Item]:
    """The annotated events of the cases as items (cv_emitted.py reads the train side's cases itself)."""
    items: list[Item] = []
    for case in cases:
        coder = SentenceCoder(case.parsed, case.before)
        for rec in case.records:
            for ev in rec.get("events", []):
                item = gold_item(case.parsed, coder, case.doc_id, ev)
                if item is not None:
                    items.append(item)
    return items


def _heads(doc: Any, spans: list[list[int]]) -> list[Any]:
    out = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span.root)
    return out


def gold_entities(coder: SentenceCoder, doc: Any, spans: list[list[int]]) -> list[str | None]:
    """Per gold span the entity it names: the one mentioned at its head, else the first inside it."""
    out: list[str | None] = []
    for (a, b), head in zip(spans, _heads(doc, spans), strict=False):
        ref = coder.index.at(head.idx, head.idx + len(head.text))
        if ref is None:
            inside = coder.index.mentions_in(a, b)
            ref = inside[0] if inside else None
        out.append(ref.entity.id if ref else None)
    return out


def gold_item(parsed: Parsed, coder: SentenceCoder, doc_id: str, ev: dict[str, Any]) -> Item | None:
    doc = parsed.doc
    trig = doc.char_span(*ev["trigger"], alignment_mode="expand")
    if trig is None or not len(trig):
        return None
    head = trig.root
    role = lexicon_role(head.lemma_.lower(), ev["type"])
    noun = phrase_head(head)
    anchor = event_anchor(noun, anchor_of(noun, {}))  # as the stage's SentenceCoder.code_match
    nominal = anchor.pos_ in ("NOUN", "PROPN")
    finder = ActorFinder(coder.index, model_roles=frozenset())
    if nominal:
        rules = finder.rule_noun_source_and_target(anchor)
    else:
        rules = finder.rule_source_and_target(anchor, role)
    cands, rows, _ = finder.argument_rows(anchor, "N" if nominal else role, nominal, rules, noun)
    src, tgt = _heads(doc, ev["source"]), _heads(doc, ev["target"])
    if role == "H":
        src, tgt = tgt, src  # "X hosted Y": the annotation's visitor source is the stage's target
    src_i, tgt_i = {t.i for t in src}, {t.i for t in tgt}
    labels = [1 if c.i in src_i else 2 if c.i in tgt_i else 0 for c in cands]
    return Item(
        doc=doc_id,
        split="val" if train.is_validation(doc_id) else "stop" if train.is_early_stop(doc_id) else "fit",
        rows=rows,
        labels=labels,
        cands=[c.i for c in cands],
        conj_heads=[c.head.i if c.dep_ == "conj" else -1 for c in cands],
        gold_heads=(sorted(src_i), sorted(tgt_i)),
        covered=sum(1 for x in labels if x) / max(1, len(src_i) + len(tgt_i)),
        gold_ents=(gold_entities(coder, doc, ev["source"]), gold_entities(coder, doc, ev["target"])),
        coder=coder,
        head=head,
        type=ev["type"],
        role=role,
    )


def stage_arguments(item: Item, roles: frozenset[str], model_dir: str | None) -> tuple[list[str], list[str]]:
    """The events stage's source and target for the gold trigger and type (empty when it codes nothing)."""
    coder, head = item.coder, item.head
    coder.actors = ActorFinder(coder.index, model_roles=roles, model_dir=model_dir)
    drafts = coder.code_given_trigger(head, item.type, item.role)
    if not drafts:
        return [], []
    return list(drafts[0].event.source), list(drafts[0].event.target)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def entity_scores(items: list[Item], roles: frozenset[str], model_dir: str | None) -> dict[str, Any]:
    """Exact F1 per role over (event, entity) pairs: a predicted entity is right when it is the entity a
    gold span of that role names; every gold span counts in recall (one naming no entity is missed). And per
    role `right`, the share of events whose role is right as eval_stage.py counts it: an entity a gold span
    names, or both empty."""
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}
    right = {"source": 0, "target": 0}
    both_exact = 0
    for item in items:
        pred = stage_arguments(item, roles, model_dir)
        exact = True
        for k, role in enumerate(("source", "target")):
            gold = item.gold_ents[k]
            named = {g for g in gold if g is not None}
            tp = len(named & set(pred[k]))
            right[role] += bool(tp) or (not gold and not pred[k])
            counts[role][0] += tp
            counts[role][1] += len(set(pred[k])) - tp
            counts[role][2] += len(gold) - tp
            exact &= set(pred[k]) == named and len(named) == len(gold)
        both_exact += exact
    out: dict[str, Any] = {
        role: {**prf(*c), "right": round(right[role] / max(1, len(items)), 3)} for role, c in counts.items()
    }
    out["both_exact"] = round(both_exact / max(1, len(items)), 3)
    return out


def vocabulary(items: list[Item]) -> list[str]:
    counts: dict[str, int] = {}
    for item in items:
        for row in item.rows:
            for name in row:
                counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, c in counts.items() if c >= MIN_COUNT)


class Batch:
    """Rows of many triggers (each trigger's candidates, then its "none" row) as padded feature indexes
    (the pad points at a zero weight row), with segment starts and per role the gold rows."""

    def __init__(self, items: list[Item], index: dict[str, int]) -> None:
        rows = [[index[n] for n in row if n in index] for item in items for row in item.rows]
        width = max((len(r) for r in rows), default=1)
        self.pad = len(index)
        self.f = np.full((len(rows), width), self.pad, dtype=np.int64)
        for r, row in enumerate(rows):
            self.f[r, : len(row)] = row
        sizes = [len(item.rows) for item in items]
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.seg = np.repeat(np.arange(len(items)), sizes)
        self.gold = np.zeros((len(rows), 2))
        for item, start in zip(items, self.starts, strict=True):
            for k in range(2):
                rows_k = [j for j, lab in enumerate(item.labels) if lab == k + 1] or [len(item.labels)]
                self.gold[start + np.array(rows_k), k] = 1.0

    def scores(self, w: np.ndarray) -> np.ndarray:
        wp = np.vstack([w, np.zeros((1, w.shape[1]))])
        return wp[self.f].sum(axis=1)

    def probabilities(self, w: np.ndarray) -> np.ndarray:
        s = self.scores(w)
        s = s - np.maximum.reduceat(s, self.starts, axis=0)[self.seg]
        e = np.exp(s)
        return e / np.add.reduceat(e, self.starts, axis=0)[self.seg]

    def loss_grad(self, w: np.ndarray) -> tuple[float, np.ndarray]:
        p = self.probabilities(w)
        pg = np.add.reduceat(p * self.gold, self.starts, axis=0)
        q = p * self.gold / pg[self.seg]
        g = (p - q) / len(self.starts)
        grad = np.zeros_like(w)
        width = self.f.shape[1]
        for k in range(w.shape[1]):
            grad[:, k] = np.bincount(
                self.f.ravel(), weights=np.repeat(g[:, k], width), minlength=self.pad + 1
            )[: self.pad]
        return float(-np.log(pg + 1e-12).sum(axis=1).mean()), grad  # per trigger, both roles


def fit(fit_batch: Batch, stop_batch: Batch, d: int, l2: float) -> tuple[np.ndarray, int, float]:
    """The ranker's weights by full-batch Adam from zeros; keeps the epoch with the lowest held-aside loss."""
    w = np.zeros((d, 2))
    m, v = np.zeros_like(w), np.zeros_like(w)
    best = (np.inf, w.copy(), 0)
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    for epoch in range(1, 801):
        _, g = fit_batch.loss_grad(w)
        g += l2 * w
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**epoch)) / (np.sqrt(v / (1 - b2**epoch)) + eps)
        loss, _ = stop_batch.loss_grad(w)
        if loss < best[0]:
            best = (loss, w.copy(), epoch)
        elif epoch - best[2] >= 30:
            break
    return best[1], best[2], best[0]


def token_picks(p: np.ndarray, item: Item, thresholds: dict[str, float]) -> tuple[set[int], set[int]]:
    """The candidates `arguments.pick` would choose (same rule, on token indexes)."""
    out: list[set[int]] = []
    none = len(item.cands)
    for k, role in enumerate(("source", "target")):
        order = [int(j) for j in p[:, k].argsort(kind="stable")[::-1]]
        best = next(j for j in order if j == none or p[j, k] >= p[j, 1 - k])
        if best == none:
            out.append(set())
            continue
        chosen = {item.cands[best]}
        for j, tok in enumerate(item.cands):
            likely = j != best and p[j, k] >= thresholds[role] and p[j, k] >= p[j, 1 - k]
            if likely and item.conj_heads[j] in chosen:
                chosen.add(tok)
        out.append(chosen)
    return out[0], out[1]


def token_scores(
    items: list[Item], batch: Batch, w: np.ndarray, thresholds: dict[str, float]
) -> dict[str, Any]:
    """Exact head-token F1 per role (the gold span's head picked)."""
    probs = batch.probabilities(w)
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}
    for item, start in zip(items, batch.starts, strict=True):
        picks = token_picks(probs[start : start + len(item.rows)], item, thresholds)
        for k, role in enumerate(("source", "target")):
            gold = set(item.gold_heads[k])  # in the finder's frame, as the labels
            tp = len(gold & picks[k])
            counts[role][0] += tp
            counts[role][1] += len(picks[k]) - tp
            counts[role][2] += len(gold) - tp
    return {role: prf(*c) for role, c in counts.items()}


def choose_thresholds(items: list[Item], batch: Batch, w: np.ndarray) -> dict[str, float]:
    """The conjunct threshold per role with the best head F1 on the held-aside slice (ties: nearer 0.5)."""
    grid = [round(0.05 * i, 2) for i in range(1, 15)]
    chosen = {}
    for role in ("source", "target"):
        chosen[role] = max(
            grid,
            key=lambda t: (
                token_scores(items, batch, w, {"source": t, "target": t})[role]["f1"],
                -abs(t - 0.5),
            ),
        )
    return chosen


@dataclass(frozen=True)
class Ranker:
    """A fitted argument ranker (features, weights, L2, thresholds) and the batches it was fitted on."""

    features: list[str]
    index: dict[str, int]
    fit_batch: Batch
    stop_batch: Batch
    w: np.ndarray
    epochs: int
    l2: float
    losses: dict[float, float]  # the held-aside loss by L2
    thresholds: dict[str, float]


def fit_ranker(fit_items: list[Item], stop_items: list[Item], l2_grid: tuple[float, ...] = L2_GRID) -> Ranker:
    """Vocabulary and weights on the `fit` items; the L2 (of `l2_grid`), early stopping and the thresholds on
    the `stop` items. What main() ships and what cv_args.py refits per fold."""
    features = vocabulary(fit_items)
    index = {name: k for k, name in enumerate(features)}
    fit_batch, stop_batch = Batch(fit_items, index), Batch(stop_items, index)
    fits = {l2: fit(fit_batch, stop_batch, len(features), l2) for l2 in l2_grid}
    l2 = min(fits, key=lambda k: fits[k][2])
    w, epochs, _ = fits[l2]
    losses = {k: v[2] for k, v in fits.items()}
    thresholds = choose_thresholds(stop_items, stop_batch, w)
    return Ranker(features, index, fit_batch, stop_batch, w, epochs, l2, losses, thresholds)


def write_model(out: Path, w: np.ndarray, features: list[str], meta: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "weights.npz", W=w.astype(np.float32))
    with open(out / "vocab.json", "w", encoding="utf-8") as fh:
        json.dump({"features": features, **meta}, fh, indent=1, sort_keys=True)
        fh.write("\n")


def card(report: dict[str, Any], meta: dict[str, Any], command: str) -> str:
    def row(name: str, s: dict[str, Any]) -> str:
        src, tgt = s["source"], s["target"]
        return (
            f"| {name} | {src['p']:.3f} / {src['r']:.3f} / **{src['f1']:.3f}** | "
            f"{tgt['p']:.3f} / {tgt['r']:.3f} / **{tgt['f1']:.3f}** | "
            f"{src['right']:.3f} / {tgt['right']:.3f} |"
            f" {s['both_exact']:.3f} |"
        )

    held, val, tr = report["entity_held_aside"], report["entity_validation"], report["entity_train"]
    n = report["counts"]
    lines = [
        "# Event argument ranker (issue 13, Build point 3b)",
        "",
        "For one event trigger, which noun phrase head of its sentence is the event's source and which its",
        'target: a log-linear ranker per role, softmax over the trigger\'s candidates and a "none" row, over',
        "sparse parse features (`newsgraph.stages.events.arguments.features`); NumPy inference",
        "(`newsgraph.models.event_args`). The events stage asks it from `ActorFinder`"
        " (`stages/events/actors.py`).",
        "Generated by `training/events/train_args.py`: do not edit by hand, retrain.",
        "",
        "## Files",
        "",
        f"- `weights.npz`: float32 `W` ({len(meta['features'])} x 2, one column per role: source, target);"
        " read with `allow_pickle=False`.",
        "- `vocab.json`: feature names (row order), conjunct thresholds,"
        " `use_for` (how the events stage uses",
        "  the model per role: `source` = the model's pick; `source+rules` = the model's,"
        " else the rules' when",
        "  it names no entity; `source+fill` = the rules', else the model's when they name none; a role not",
        "  listed is the rules'), training settings and commit.",
        "",
        "## Data and split",
        "",
        f"Trained on `training/events/` at commit {meta['commit']}: {', '.join(meta['files'])}"
        " (the second annotator's `*-D.jsonl` copies are not used). Shared sentences are referenced by id and"
        " offsets, never stored; the feature names hold dependency labels, prepositions and trigger lemmas.",
        "The PLOVER dev set (`/work/shared/dev/events`) is never read.",
        "",
        "Split by article (`training/README.md`): validation when `sha256(doc) % 5 == 0`; of the rest,",
        "articles with `sha256('stop:' + doc) % 8 == 0` are held aside to stop training and choose the role",
        "thresholds, the model is fitted on the others.",
        "",
        "| part | gold events | candidates | gold heads among the candidates |",
        "| --- | --- | --- | --- |",
        *[f"| {k} | {v['events']} | {v['candidates']} | {v['coverage']:.3f} |" for k, v in n.items()],
        "",
        "A candidate is a noun, proper noun or pronoun of the trigger's sentence"
        " that heads its phrase (not a",
        "compound or flat part of a bigger one), or a nationality/state adjective. It is labelled source /",
        "target when it is the head (spaCy root) of a gold source / target span; for a trigger the lexicon",
        "codes as hosting (role H) the sides are swapped: the annotation's visitor is the stage's target.",
        "",
        "## Features",
        "",
        'The dependency path from the trigger\'s anchor (its light verb for "imposed sanctions on") to the',
        "candidate with prepositions named (`^nsubj`, `vprep:against|vpobj`), alone and with the voice",
        "(active, passive, nominal) and the lexicon role; its first and last step; length; the candidate's",
        "dependency label, POS, spaCy entity label; the kind of entity at it (country, other place, person,",
        "organisation, none; pronouns resolved or not; a common-noun actor, with its last step and the",
        "trigger's lexicon types); before or after the trigger; distance; apposition;",
        "a clause crossed; the trigger lemma and its lexicon types with the coarse path; what the rules",
        "chose (their subject, agent, passive subject, objects, possessor, by-phrase;"
        " whether the candidate's",
        "entities are in the rules' source or target); for an event noun, the class of the verb that governs",
        "it (lexicons/event_governors.tsv: a support or causing verb, one whose subject does not perform the",
        "act, an event verb, another), whether the candidate is that verb's subject, and whether it is the",
        "noun's `of` phrase naming a patient or an actor. Names seen fewer than"
        f" {MIN_COUNT} times in the fitted part are dropped.",
        "",
        "## Training",
        "",
        'A ranker: per role, softmax over one trigger\'s candidates and its "none" row (the "none" row\'s',
        "features: voice, lexicon role and types, trigger lemma, number of candidates,"
        " whether the rules found",
        "a source / target, the governing verb's class, the kind of `of` phrase); loss: minus the log of",
        "the probability of the gold rows. A role is filled by the",
        'top candidate when it outranks "none" (and is not likelier in the other role); conjuncts of it join',
        f"when their probability reaches the threshold ({meta['threshold']}, chosen on the held-aside slice",
        f"for head F1). Full-batch Adam from zeros (lr 0.05), L2 {meta['l2']} (of {list(L2_GRID)},"
        " the lowest",
        f"held-aside loss), early stopping on the held-aside slice (epoch {meta['epochs']}). Seed {SEED}",
        "(nothing random is drawn: deterministic).",
        "",
        "```",
        command,
        "```",
        "",
        "## Scores",
        "",
        "Given the gold trigger and type: the events stage's argument step (`SentenceCoder.code_match`:",
        "the finder, then the stage's own fallbacks) with the rules alone or with the model for a role."
        " Exact at entity",
        "level: a predicted entity is right when it is the entity the gold span names (mentioned at its",
        "head, else the first inside it); every gold span counts in recall,"
        " one naming no entity is missed by",
        "both. `right`: the share of events whose role is right as `eval_stage.py` counts it"
        " (an entity a gold",
        "span names, or both empty), the figure the roles are chosen by. `both exact`:"
        " the event's source and",
        "target sets both equal the gold ones.",
        "",
        f"Held-aside slice of train ({n['held aside']['events']} gold events; not fitted on; the roles are"
        " chosen here):",
        "",
        "| argument step | source P / R / F1 | target P / R / F1 | right: source / target | both exact |",
        "| --- | --- | --- | --- | --- |",
        *[row(name, s) for name, s in held.items()],
        "",
        f"Validation split ({n['validation']['events']} gold events; neither fitted nor chosen on):",
        "",
        "| argument step | source P / R / F1 | target P / R / F1 | right: source / target | both exact |",
        "| --- | --- | --- | --- | --- |",
        *[row(name, s) for name, s in val.items()],
        "",
        f"Best on the held-aside slice, per role: {', '.join(meta['held_aside_choice']) or 'the rules'}."
        " The stage takes"
        f" from the model: **{', '.join(meta['use_for']) or 'nothing (rules kept)'}**"
        " (`source` = the model's,"
        " `+rules` = the model's else the rules', `+fill` = the rules' else the model's).",
        *(
            []
            if meta["use_for"] == meta["held_aside_choice"]
            else [
                "",
                "Why not the held-aside choice:"
                " the roles the stage uses must also keep the check-only figures",
                "(PLOVER dev actor_and_type and recipient_and_type, the founding article's 84 checks; never",
                "fitted on). The model's own source pick names no source for a passive deployment (\"are",
                "stationed in\"), where the founding article's MOBILIZE check wants the one the rules name;",
                "the model's pick, else the rules', keeps it (figures in the issue 13 notes).",
            ]
        ),
        "",
        "Head-token exact F1 of the model alone (the gold span's head chosen): validation source"
        f" {report['token_validation']['source']['f1']:.3f},"
        f" target {report['token_validation']['target']['f1']:.3f};"
        f" fitted part source {report['token_fit']['source']['f1']:.3f}, target"
        f" {report['token_fit']['target']['f1']:.3f}.",
        "",
        "## Limits",
        "",
        "- The stage does not tell the finder the event type (code.py calls it with the lexicon's role",
        "  letter only), so the model sees the trigger lemma and its lexicon types, not the coded type.",
        '- A gold actor that names no entity is missed by rules and model alike; common-noun actors ("the',
        '  protesters", "officials") are entities now (issue 14),'
        " and a phrase's core may add a second entity.",
        "- How the stage uses it is `use_for` above: where it takes the rules' reading first, the rules keep",
        "  the last word where they answer, and the model only fills what they leave empty.",
        "",
        "Train split (fitted on; for reference):",
        "",
        "| argument step | source P / R / F1 | target P / R / F1 | right: source / target | both exact |",
        "| --- | --- | --- | --- | --- |",
        *[row(name, s) for name, s in tr.items()],
        "",
    ]
    return "\n".join(lines)


def counts(items: list[Item]) -> dict[str, Any]:
    n_gold = sum(len(i.gold_heads[0]) + len(i.gold_heads[1]) for i in items)
    hit = sum(sum(1 for lab in i.labels if lab) for i in items)
    return {
        "events": len(items),
        "candidates": sum(len(i.cands) for i in items),
        "coverage": hit / max(1, n_gold),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(MODEL_DIR), help="where to write the model (default: the package's)")
    ap.add_argument("--scores", help="also write the report as JSON here")
    ap.add_argument(
        "--use-for",
        nargs="*",
        choices=POLICIES,
        help="the roles the stage takes from the model, instead of the validation split's choice (use when"
        " that choice fails the PLOVER dev / founding-article check; say so in the card)",
    )
    args = ap.parse_args(argv)
    np.random.seed(SEED)
    files = [p.name for p in train.batch_files(HERE)]  # the sentences train.py and eval_stage.py read
    items = read_articles()
    part = {s: [i for i in items if i.split == s] for s in ("fit", "stop", "val")}
    ranker = fit_ranker(part["fit"], part["stop"])
    features, w, epochs, l2 = ranker.features, ranker.w, ranker.epochs, ranker.l2
    thresholds = ranker.thresholds
    batches = {"fit": ranker.fit_batch, "stop": ranker.stop_batch, "val": Batch(part["val"], ranker.index)}
    common.warn(f"held-aside loss by L2: { {k: round(v, 4) for k, v in ranker.losses.items()} }; chosen {l2}")
    meta: dict[str, Any] = {
        "roles": list(ROLES),
        "threshold": thresholds,
        "use_for": [],
        "epochs": epochs,
        "seed": SEED,
        "l2": l2,
        "min_count": MIN_COUNT,
        "commit": train.git_commit(),
        "files": files,
    }
    out = Path(args.out)
    write_model(out, w, features, meta)
    load_argument_model.cache_clear()
    report: dict[str, Any] = {
        "counts": {
            "fitted": counts(part["fit"]),
            "held aside": counts(part["stop"]),
            "validation": counts(part["val"]),
        },
        "token_validation": token_scores(part["val"], batches["val"], w, thresholds),
        "token_fit": token_scores(part["fit"], batches["fit"], w, thresholds),
    }
    train_items = part["fit"] + part["stop"]
    report["entity_held_aside"] = {k: entity_scores(part["stop"], r, str(out)) for k, r in ROLE_SETS.items()}
    report["entity_validation"] = {k: entity_scores(part["val"], r, str(out)) for k, r in ROLE_SETS.items()}
    report["entity_train"] = {k: entity_scores(train_items, r, str(out)) for k, r in ROLE_SETS.items()}
    held = report["entity_held_aside"]
    meta["use_for"] = []
    for role in ROLES:  # per role, the model (or the model, else the rules) when it beats the rules here
        # by the share of events with the role right (what the stage is scored by: an empty role that should
        # be empty counts, which F1 ignores), then F1
        def merit(name: str, role: str = role) -> tuple[float, float]:
            return held[name][role]["right"], held[name][role]["f1"]

        options = {
            role: merit(f"model {role}"),
            f"{role}+rules": merit(f"model {role}, else rules"),
            f"{role}+fill": merit(f"rules {role}, else model"),
        }
        best = max(options, key=lambda k: options[k])
        if options[best] > merit("rules"):
            meta["use_for"].append(best)
    meta["held_aside_choice"] = list(meta["use_for"])
    if args.use_for is not None:
        meta["use_for"] = list(args.use_for)
    chosen = frozenset(meta["use_for"])
    report["entity_held_aside"]["the stage (chosen)"] = entity_scores(part["stop"], chosen, str(out))
    report["entity_validation"]["the stage (chosen)"] = entity_scores(part["val"], chosen, str(out))
    report["entity_train"]["the stage (chosen)"] = entity_scores(train_items, chosen, str(out))
    write_model(out, w, features, meta)
    command = (
        "python training/events/train_args.py"
        + (f" --use-for {' '.join(args.use_for)}" if args.use_for is not None else "")
        + (f" --out {args.out}" if args.out != str(MODEL_DIR) else "")
    )
    (out / "CARD.md").write_text(card(report, {**meta, "features": features}, command), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items()}, indent=1))
    print("use_for:", meta["use_for"], "thresholds:", thresholds, "epochs:", epochs)
    if args.scores:
        Path(args.scores).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
