"""Convert an annotator's draft (text anchors) into a batch file (character offsets), validating it.

A draft is JSONL, one sentence a line, written from a work sheet (sample.py). Spans are given as TEXT
ANCHORS: the exact words as they appear in the sentence, with '#N' for the N-th occurrence in the sentence
("the#2"). An anchor never cuts a word. Example draft line:

  {"doc": "ner/conllpp-dev-012", "sent": [310, 402], "annotator": "A1",
   "events": [{"trigger": "approved", "type": "SUPPORT", "source": "the Senate", "target": "the sale",
               "modality": "asserted"}],
   "non_events": [{"trigger": "said", "why": "reporting"}]}

Own sentences: {"doc": "own/<id>", "text": "<the sentence>", ...} (no "sent": the whole text is the
sentence). Defaults: mode null, contexts [], source [], target [], modality "asserted", negated false,
attributed_to null. source/target take one anchor or a list of anchors; "comment" (free note, never a quote
of shared text) may be added to a record or an event.

Checks (errors name the draft line and field): doc and sentence exist; every anchor found inside the
sentence (and the #N occurrence exists); type is one of the 16; mode valid for the type (plover_modes.json;
a list is allowed for several modes); contexts known; modality one of asserted/future/hypothetical/
historical; negated boolean; no trigger used twice; non-events do not overlap event triggers; no sentence
given twice (also against the output file with --append). With --sheet, candidates of the work sheet that
are neither an event nor a non-event are reported (an error with --strict).

Nothing is written if there is any error.

  anchor.py /tmp/draft-001.jsonl -o training/events/batch-001.jsonl --sheet /tmp/sheet-001.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import common

EVENT_KEYS = {
    "trigger",
    "type",
    "mode",
    "contexts",
    "source",
    "target",
    "modality",
    "negated",
    "attributed_to",
    "comment",
}
RECORD_KEYS = {"doc", "sent", "text", "annotator", "events", "non_events", "comment"}


class DraftError(Exception):
    pass


def locate(sentence: str, anchor, field: str) -> tuple[int, int]:
    if not isinstance(anchor, str) or not anchor.strip():
        raise DraftError(f"{field}: expected a text anchor (a non-empty string), got {anchor!r}")
    surface, n = anchor, 1
    if "#" in anchor:
        head, _, tail = anchor.rpartition("#")
        if tail.isdigit() and head:
            surface, n = head, int(tail)
    starts = common.find_all(sentence, surface)
    if not starts:
        raise DraftError(f"{field}: anchor {surface!r} not found in the sentence (whole words, exact case)")
    if n < 1 or n > len(starts):
        raise DraftError(f"{field}: anchor {surface!r} occurs {len(starts)} time(s), not #{n}")
    return starts[n - 1], starts[n - 1] + len(surface)


def span_list(sentence: str, value, field: str, base: int) -> list[list[int]]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    out = []
    for i, v in enumerate(values):
        s, e = locate(sentence, v, f"{field}[{i}]" if isinstance(value, list) else field)
        out.append([base + s, base + e])
    return out


def convert(rec: dict, schema: dict, default_annotator: str | None) -> dict:
    if not isinstance(rec, dict):
        raise DraftError("line is not a JSON object")
    unknown = set(rec) - RECORD_KEYS
    if unknown:
        raise DraftError(f"unknown field(s) {sorted(unknown)}")
    doc = rec.get("doc")
    if not isinstance(doc, str):
        raise DraftError("doc: missing")
    try:
        text = common.doc_text(doc, rec)
    except ValueError as exc:
        raise DraftError(f"doc: {exc}") from None
    if doc.startswith("own/"):
        sent = [0, len(text)]
        if rec.get("sent") not in (None, sent):
            raise DraftError("sent: own sentences span their whole text; leave 'sent' out")
    else:
        sent = rec.get("sent")
        if not (isinstance(sent, list) and len(sent) == 2 and all(isinstance(x, int) for x in sent)):
            raise DraftError("sent: expected [start, end] from the work sheet")
        if not 0 <= sent[0] < sent[1] <= len(text):
            raise DraftError(f"sent: {sent} outside the text (length {len(text)})")
    sentence = text[sent[0] : sent[1]]
    base = sent[0]
    annotator = rec.get("annotator") or default_annotator
    if not annotator:
        raise DraftError("annotator: missing (give it in the draft or with --annotator)")
    types = schema["types"]
    out_events = []
    used: dict[tuple[int, int], str] = {}
    for i, ev in enumerate(rec.get("events") or []):
        f = f"events[{i}]"
        if not isinstance(ev, dict):
            raise DraftError(f"{f}: not an object")
        unknown = set(ev) - EVENT_KEYS
        if unknown:
            raise DraftError(f"{f}: unknown field(s) {sorted(unknown)}")
        s, e = locate(sentence, ev.get("trigger"), f"{f}.trigger")
        trig = (base + s, base + e)
        if trig in used:
            raise DraftError(f"{f}.trigger: {ev['trigger']!r} is already the trigger of {used[trig]}")
        used[trig] = f
        etype = ev.get("type")
        if etype not in types:
            raise DraftError(f"{f}.type: {etype!r} is not a PLOVER type ({', '.join(types)})")
        mode = ev.get("mode")
        modes = mode if isinstance(mode, list) else ([] if mode is None else [mode])
        for m in modes:
            if m not in types[etype]:
                allowed = ", ".join(types[etype]) or "none: use null"
                raise DraftError(f"{f}.mode: {m!r} is not a mode of {etype} (allowed: {allowed})")
        contexts = ev.get("contexts") or []
        if not isinstance(contexts, list):
            raise DraftError(f"{f}.contexts: expected a list")
        for c in contexts:
            if c not in schema["contexts"]:
                raise DraftError(f"{f}.contexts: {c!r} is not a PLOVER context")
        modality = ev.get("modality", "asserted")
        if modality not in schema["modalities"]:
            raise DraftError(f"{f}.modality: {modality!r} not in {schema['modalities']}")
        negated = ev.get("negated", False)
        if not isinstance(negated, bool):
            raise DraftError(f"{f}.negated: expected true or false")
        source = span_list(sentence, ev.get("source"), f"{f}.source", base)
        target = span_list(sentence, ev.get("target"), f"{f}.target", base)
        for sp in source + target:
            if sp[0] <= trig[0] and trig[1] <= sp[1]:
                raise DraftError(f"{f}: an argument span contains the trigger itself")
        for a in source:
            if any(common.overlaps(a, b) for b in target):
                raise DraftError(f"{f}: source and target overlap")
        att = ev.get("attributed_to")
        attributed = None
        if att is not None:
            a0, a1 = locate(sentence, att, f"{f}.attributed_to")
            attributed = [base + a0, base + a1]
        row = {
            "trigger": list(trig),
            "type": etype,
            "mode": mode,
            "contexts": contexts,
            "source": source,
            "target": target,
            "modality": modality,
            "negated": negated,
            "attributed_to": attributed,
        }
        if ev.get("comment"):
            row["comment"] = ev["comment"]
        out_events.append(row)
    out_non = []
    for i, ne in enumerate(rec.get("non_events") or []):
        f = f"non_events[{i}]"
        if not isinstance(ne, dict) or set(ne) - {"trigger", "why"}:
            raise DraftError(f"{f}: expected {{'trigger': ..., 'why': ...}}")
        s, e = locate(sentence, ne.get("trigger"), f"{f}.trigger")
        span = (base + s, base + e)
        for t, where in used.items():
            if common.overlaps(t, span):
                raise DraftError(f"{f}.trigger: {ne['trigger']!r} overlaps the trigger of {where}")
        used[span] = f
        why = ne.get("why")
        if why not in schema["non_event_reasons"]:
            raise DraftError(f"{f}.why: {why!r} not in {schema['non_event_reasons']}")
        out_non.append({"trigger": list(span), "why": why})
    out = {"doc": doc}
    if doc.startswith("own/"):
        out["text"] = text
    out["sent"] = sent
    out["annotator"] = annotator
    out["events"] = sorted(out_events, key=lambda r: r["trigger"])
    out["non_events"] = sorted(out_non, key=lambda r: r["trigger"])
    if rec.get("comment"):
        out["comment"] = rec["comment"]
    return out


def uncovered(rec: dict, sheet: dict) -> list[str]:
    spans = [e["trigger"] for e in rec["events"]] + [n["trigger"] for n in rec["non_events"]]
    return [
        c["anchor"]
        for c in sheet.get("candidates", [])
        if not any(common.overlaps(c["span"], s) for s in spans)
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("draft", nargs="+", help="draft JSONL file(s) with text anchors")
    ap.add_argument(
        "-o", "--output", required=True, help="batch file to write (training/events/<batch>.jsonl)"
    )
    ap.add_argument("--append", action="store_true", help="append to the output instead of replacing it")
    ap.add_argument("--annotator", help="annotator id for lines that do not name one")
    ap.add_argument(
        "--sheet",
        nargs="*",
        default=[],
        help="work sheet(s) (sample.py --format jsonl) to check that every candidate trigger was decided",
    )
    ap.add_argument("--strict", action="store_true", help="undecided candidates are errors, not warnings")
    args = ap.parse_args(argv)

    schema = common.load_schema()
    sheets = {}
    for path in args.sheet:
        for _, row in common.read_jsonl(path):
            sheets[(row["doc"], *row["sent"])] = row
    seen = {}
    if args.append and Path(args.output).exists():
        for n, rec in common.read_jsonl(args.output):
            seen[common.sentence_key(rec)] = f"{args.output}:{n}"
    rows, errors, warnings = [], [], []
    for path in args.draft:
        for n, rec in common.read_jsonl(path):
            where = f"{path}:{n}"
            try:
                row = convert(rec, schema, args.annotator)
            except DraftError as exc:
                errors.append(f"{where}: {exc}")
                continue
            key = common.sentence_key(row)
            if key in seen:
                errors.append(f"{where}: sentence already given at {seen[key]}")
                continue
            seen[key] = where
            if not row["doc"].startswith("own/"):
                # overlapping (not identical) sentence spans in the same doc are also an error
                for other, w in seen.items():
                    if (
                        other != key
                        and other[0] == row["doc"]
                        and other[1] is not None
                        and isinstance(other[1], int)
                        and common.overlaps(other[1:], row["sent"])
                    ):
                        errors.append(f"{where}: sentence overlaps the one at {w}")
                sheet = sheets.get(key)
                if args.sheet and sheet is None:
                    warnings.append(f"{where}: sentence not in the given work sheet(s)")
                elif sheet is not None:
                    left = uncovered(row, sheet)
                    if left:
                        msg = f"{where}: candidates neither event nor non-event: {', '.join(left)}"
                        (errors if args.strict else warnings).append(msg)
            if not row["events"] and not row["non_events"]:
                warnings.append(f"{where}: no events and no non-events")
            rows.append(row)
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s): nothing written", file=sys.stderr)
        return 1
    with open(args.output, "a" if args.append else "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_ev = sum(len(r["events"]) for r in rows)
    n_ne = sum(len(r["non_events"]) for r in rows)
    print(f"wrote {len(rows)} sentences, {n_ev} events, {n_ne} non-events to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
