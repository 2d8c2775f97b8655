"""Validate batch files against the texts in /work/shared and print their counts.

Checks every record: schema (fields and their types), doc found (shared datasets) or own text present, no
shared text stored, sentence offsets in range, every span (trigger, source, target, attributed_to,
non-event) non-empty, inside its sentence and not starting or ending in whitespace, type / mode / contexts /
modality / why valid (plover_modes.json), no trigger used twice, non-events not overlapping events, no
sentence annotated twice within the files given.

Counts: sentences, articles (per dataset), events per type, modality, negation, nominal vs verbal triggers
(part of speech of the trigger by spaCy en_core_web_md; --no-pos skips spaCy), events with a source / a
target / attributed_to, non-events per reason.

  check.py training/events/batch-000.jsonl training/events/own-000.jsonl
Exit status 1 if any error was found.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import common

REC_KEYS = {"doc", "sent", "text", "annotator", "events", "non_events", "comment"}
EV_KEYS = {"trigger", "type", "mode", "contexts", "source", "target", "modality", "negated", "attributed_to"}


def is_span(x) -> bool:
    return isinstance(x, list) and len(x) == 2 and all(isinstance(v, int) for v in x) and x[0] < x[1]


def check_record(rec: dict, schema: dict) -> tuple[list[str], str | None, list | None]:
    errs: list[str] = []
    if not isinstance(rec, dict):
        return ["not an object"], None, None
    extra = set(rec) - REC_KEYS
    if extra:
        errs.append(f"unknown field(s) {sorted(extra)}")
    try:
        text = common.doc_text(rec.get("doc", ""), rec)
    except ValueError as exc:
        return [str(exc)], None, None
    sent = rec.get("sent")
    if not is_span(sent) or not (sent[0] >= 0 and sent[1] <= len(text)):
        return [*errs, f"sent {sent!r} is not a span inside the text (length {len(text)})"], None, None
    if not isinstance(rec.get("annotator"), str) or not rec["annotator"]:
        errs.append("annotator missing")

    def span_ok(sp, field):
        if not is_span(sp):
            errs.append(f"{field}: {sp!r} is not [start, end]")
            return False
        if not (sent[0] <= sp[0] and sp[1] <= sent[1]):
            errs.append(f"{field}: {sp} outside the sentence {sent}")
            return False
        piece = text[sp[0] : sp[1]]
        if piece != piece.strip():
            errs.append(f"{field}: {sp} starts or ends with whitespace")
        return True

    types = schema["types"]
    triggers: list[list[int]] = []
    for i, ev in enumerate(rec.get("events", [])):
        f = f"events[{i}]"
        if not isinstance(ev, dict):
            errs.append(f"{f}: not an object")
            continue
        missing = EV_KEYS - set(ev)
        if missing:
            errs.append(f"{f}: missing field(s) {sorted(missing)}")
            continue
        if set(ev) - EV_KEYS - {"comment"}:
            errs.append(f"{f}: unknown field(s) {sorted(set(ev) - EV_KEYS - {'comment'})}")
        if span_ok(ev["trigger"], f"{f}.trigger"):
            if ev["trigger"] in triggers:
                errs.append(f"{f}.trigger: used twice")
            triggers.append(ev["trigger"])
        if ev["type"] not in types:
            errs.append(f"{f}.type: {ev['type']!r} unknown")
        else:
            mode = ev["mode"]
            for m in mode if isinstance(mode, list) else ([] if mode is None else [mode]):
                if m not in types[ev["type"]]:
                    errs.append(f"{f}.mode: {m!r} is not a mode of {ev['type']}")
        if not isinstance(ev["contexts"], list) or any(c not in schema["contexts"] for c in ev["contexts"]):
            errs.append(f"{f}.contexts: {ev['contexts']!r} invalid")
        for role in ("source", "target"):
            if not isinstance(ev[role], list):
                errs.append(f"{f}.{role}: expected a list of spans")
                continue
            for j, sp in enumerate(ev[role]):
                span_ok(sp, f"{f}.{role}[{j}]")
        if ev["modality"] not in schema["modalities"]:
            errs.append(f"{f}.modality: {ev['modality']!r} invalid")
        if not isinstance(ev["negated"], bool):
            errs.append(f"{f}.negated: not a boolean")
        if ev["attributed_to"] is not None:
            span_ok(ev["attributed_to"], f"{f}.attributed_to")
    for i, ne in enumerate(rec.get("non_events", [])):
        f = f"non_events[{i}]"
        if not isinstance(ne, dict) or set(ne) != {"trigger", "why"}:
            errs.append(f"{f}: expected exactly trigger and why")
            continue
        if span_ok(ne["trigger"], f"{f}.trigger"):
            if any(common.overlaps(ne["trigger"], t) for t in triggers):
                errs.append(f"{f}.trigger: overlaps another trigger")
            triggers.append(ne["trigger"])
        if ne["why"] not in schema["non_event_reasons"]:
            errs.append(f"{f}.why: {ne['why']!r} invalid")
    return errs, text, sent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("batch", nargs="+", help="batch file(s) training/events/*.jsonl")
    ap.add_argument("--no-pos", action="store_true", help="skip spaCy (no nominal/verbal counts)")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)

    schema = common.load_schema()
    n_err = 0
    seen: dict[tuple, str] = {}
    records = []
    for path in args.batch:
        for n, rec in common.read_jsonl(path):
            where = f"{path}:{n}"
            errs, text, sent = check_record(rec, schema)
            key = common.sentence_key(rec) if isinstance(rec, dict) else None
            if key in seen:
                errs.append(f"sentence already annotated at {seen[key]}")
            seen[key] = where
            for e in errs:
                print(f"error: {where}: {e}")
            n_err += len(errs)
            if text is not None:
                records.append((rec, text, sent))

    c: dict[str, Counter] = {
        k: Counter() for k in ("type", "modality", "negated", "pos", "why", "dataset", "roles", "mode")
    }
    articles = set()
    for rec, _, _ in records:
        dataset = rec["doc"].split("/", 1)[0]
        c["dataset"][dataset] += 1
        if dataset != "own":
            articles.add(rec["doc"])
        for ev in rec.get("events", []):
            c["type"][ev.get("type")] += 1
            c["modality"][ev.get("modality")] += 1
            c["negated"][str(ev.get("negated")).lower()] += 1
            c["mode"]["with mode" if ev.get("mode") else "no mode"] += 1
            c["roles"]["with source"] += bool(ev.get("source"))
            c["roles"]["with target"] += bool(ev.get("target"))
            c["roles"]["attributed_to"] += ev.get("attributed_to") is not None
        for ne in rec.get("non_events", []):
            c["why"][ne.get("why")] += 1
    if not args.no_pos and records:
        from sample import load_nlp

        nlp = load_nlp()
        texts = [text[sent[0] : sent[1]] for _, text, sent in records]
        for (rec, _, sent), doc in zip(records, nlp.pipe(texts), strict=True):
            for ev in rec.get("events", []):
                s = ev["trigger"][0] - sent[0]
                tok = next((t for t in doc if t.idx <= s < t.idx + len(t.text)), None)
                pos = tok.pos_ if tok is not None else "?"
                kind = {"NOUN": "nominal", "PROPN": "nominal", "VERB": "verbal", "AUX": "verbal"}.get(
                    pos, "other"
                )
                c["pos"][kind] += 1
    n_events = sum(c["type"].values())
    n_non = sum(c["why"].values())
    art_by_ds = Counter(a.split("/", 1)[0] for a in articles)
    summary = {
        "files": args.batch,
        "errors": n_err,
        "sentences": len(records),
        "articles": len(articles),
        "articles_per_dataset": dict(sorted(art_by_ds.items())),
        "sentences_per_dataset": dict(sorted(c["dataset"].items())),
        "events": n_events,
        "non_events": n_non,
        "types": {t: c["type"].get(t, 0) for t in schema["types"]},
        "modality": dict(c["modality"]),
        "negated": dict(c["negated"]),
        "trigger_pos": dict(c["pos"]),
        "roles": dict(c["roles"]),
        "modes": dict(c["mode"]),
        "non_event_why": dict(c["why"]),
    }
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for k, v in summary.items():
            print(f"{k:22} {v}")
    return 1 if n_err else 0


if __name__ == "__main__":
    raise SystemExit(main())
